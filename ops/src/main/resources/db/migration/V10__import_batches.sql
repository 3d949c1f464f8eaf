-- Imports of a network's history from the system it used before. A batch is one committed import;
-- its items are what it stored (engagements opened, sessions and results added), written in the same
-- transaction as their events, so that running the same files again skips exactly what is there and a
-- batch can be revoked.
CREATE TABLE import_batch (
    batch_id          VARCHAR(64)  NOT NULL,
    legacy_system     VARCHAR(100) NOT NULL,
    imported_by       VARCHAR(255) NOT NULL,
    state             VARCHAR(20)  NOT NULL,
    started_at        TIMESTAMPTZ  NOT NULL,
    finished_at       TIMESTAMPTZ,
    engagements_total INTEGER      NOT NULL,
    engagements_done  INTEGER      NOT NULL DEFAULT 0,
    events            BIGINT       NOT NULL DEFAULT 0,
    report            TEXT,
    revoked_at        TIMESTAMPTZ,
    revoked_by        VARCHAR(255),
    CONSTRAINT import_batch_pk PRIMARY KEY (batch_id)
);

CREATE TABLE import_item (
    item_id       VARCHAR(255) NOT NULL,
    kind          CHAR(1)      NOT NULL, -- E engagement opened, S session added, R result added
    engagement_id VARCHAR(255) NOT NULL,
    batch_id      VARCHAR(64)  NOT NULL REFERENCES import_batch (batch_id),
    legacy_id     VARCHAR(255) NOT NULL,
    CONSTRAINT import_item_pk PRIMARY KEY (item_id)
);
CREATE INDEX import_item_batch ON import_item (batch_id, engagement_id);
