-- When a running import batch last said how far it got: a batch whose node died stops saying so, and
-- can then be revoked (or its files sent again).
ALTER TABLE import_batch ADD COLUMN progress_at TIMESTAMPTZ;
