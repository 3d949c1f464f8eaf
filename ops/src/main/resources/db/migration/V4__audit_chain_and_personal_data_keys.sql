-- The head of each engagement's audit chain: how many events it holds and the hash it ends with.
-- Written in the same transaction as the events; a removed last event shows as a chain shorter than its head.
CREATE TABLE audit_chain_head (
    aggregate_identifier VARCHAR(255) NOT NULL,
    last_sequence        BIGINT       NOT NULL,
    head_hash            CHAR(64)     NOT NULL,
    CONSTRAINT audit_chain_head_pk PRIMARY KEY (aggregate_identifier)
);

-- Each client's key for their personal data (AES-256), kept apart from the events. Erasure sets the key
-- to NULL for good; the row stays, so nothing is ever sealed for that client again.
CREATE TABLE personal_data_key (
    engagement_id VARCHAR(100) NOT NULL,
    data_key      BYTEA,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    erased_at     TIMESTAMPTZ,
    CONSTRAINT personal_data_key_pk PRIMARY KEY (engagement_id),
    CONSTRAINT personal_data_key_erased_ck CHECK ((data_key IS NULL) = (erased_at IS NOT NULL))
);
CREATE INDEX personal_data_key_erased_idx ON personal_data_key (erased_at) WHERE erased_at IS NOT NULL;

-- Who read which audit history or export, when: reading an audit is itself audited.
CREATE TABLE audit_reading (
    reading_id     BIGSERIAL    NOT NULL,
    read_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    user_id        VARCHAR(200) NOT NULL,
    roles          VARCHAR(200) NOT NULL,
    what           VARCHAR(40)  NOT NULL,
    engagement_id  VARCHAR(100),
    programme      VARCHAR(100),
    period         VARCHAR(40),
    correlation_id VARCHAR(100),
    CONSTRAINT audit_reading_pk PRIMARY KEY (reading_id)
);
CREATE INDEX audit_reading_engagement_idx ON audit_reading (engagement_id, read_at);
