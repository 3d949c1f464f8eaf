-- One enterprise, one identity: the open engagement that holds each country + tax id. Written in the
-- same transaction as the engagement's events (intake, transfer, close, reopen).
CREATE TABLE enterprise_identity (
    country       CHAR(2)      NOT NULL,
    tax_id        VARCHAR(200) NOT NULL,
    engagement_id VARCHAR(100) NOT NULL,
    center_id     VARCHAR(100) NOT NULL,
    claimed_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT enterprise_identity_pk PRIMARY KEY (country, tax_id)
);
CREATE INDEX enterprise_identity_engagement_idx ON enterprise_identity (engagement_id);
