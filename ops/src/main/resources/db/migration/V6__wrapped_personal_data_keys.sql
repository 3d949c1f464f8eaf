-- A client's key may be stored wrapped (AES-256-GCM) under the master key casebook.personal-data.master-key,
-- held outside the database: a copy of the database alone then opens no personal data.
ALTER TABLE personal_data_key ADD COLUMN wrapped BOOLEAN NOT NULL DEFAULT false;
