-- The key Casebook signs donor exports' manifests with (Ed25519), made on first use. Donors pin its
-- fingerprint (GET /api/audit/signing-key) and the offline verifier checks every manifest against it.
CREATE TABLE audit_signing_key (
    key_id      SMALLINT    NOT NULL,
    public_key  BYTEA       NOT NULL,
    private_key BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT audit_signing_key_pk PRIMARY KEY (key_id)
);
