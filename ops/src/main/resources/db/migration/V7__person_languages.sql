-- The language each person chose for the web UI (Spanish or English), kept with their account
-- whichever way they sign in (Casebook's own users or an issuer's).
CREATE TABLE person_language (
    username   TEXT PRIMARY KEY,
    language   TEXT NOT NULL CHECK (language IN ('es', 'en')),
    changed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
