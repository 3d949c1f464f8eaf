-- People who sign in with Casebook's own accounts (the embedded default; an OpenID Connect issuer
-- replaces them in production). Passwords are bcrypt hashes.
CREATE TABLE user_account (
    username      VARCHAR(100) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    roles         TEXT[]       NOT NULL,
    centers       TEXT[]       NOT NULL DEFAULT '{}',
    programmes    TEXT[]       NOT NULL DEFAULT '{}',
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT user_account_pk PRIMARY KEY (username)
);

-- The centers and programmes defined so far, kept from their events in the same transaction.
CREATE TABLE center (
    center_id VARCHAR(100) NOT NULL,
    name      VARCHAR(200) NOT NULL,
    country   CHAR(2)      NOT NULL,
    CONSTRAINT center_pk PRIMARY KEY (center_id)
);

CREATE TABLE programme (
    code   VARCHAR(100) NOT NULL,
    name   VARCHAR(200) NOT NULL,
    funder VARCHAR(200) NOT NULL,
    CONSTRAINT programme_pk PRIMARY KEY (code)
);
