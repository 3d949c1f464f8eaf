-- Read models are rebuilt beside the version that serves the queries (blue/green). Each read model's
-- serving version is one row here; every node follows it, so a switch is one update.
CREATE TABLE read_model_version (
    name        VARCHAR(64) NOT NULL,
    version     INTEGER     NOT NULL,
    switched_at TIMESTAMPTZ,
    CONSTRAINT read_model_version_pk PRIMARY KEY (name)
);

-- Every version built beside the serving one: rebuilds (every node folds them) and the scratch
-- versions of consistency checks (only the checking process folds them).
CREATE TABLE read_model_build (
    id          BIGSERIAL    NOT NULL,
    name        VARCHAR(64)  NOT NULL,
    version     INTEGER      NOT NULL,
    kind        VARCHAR(16)  NOT NULL,   -- REBUILD, CHECK
    status      VARCHAR(16)  NOT NULL,   -- RUNNING, SWITCHED, CANCELLED, FAILED, CHECKED
    replaced    INTEGER,                 -- the version a switched rebuild took over from
    started_at  TIMESTAMPTZ  NOT NULL,
    started_by  VARCHAR(255) NOT NULL,
    finished_at TIMESTAMPTZ,
    failure     VARCHAR(1000),
    dropped_at  TIMESTAMPTZ,             -- when the version left behind lost its tokens and collections
    CONSTRAINT read_model_build_pk PRIMARY KEY (id),
    CONSTRAINT read_model_build_version_uk UNIQUE (name, version)
);
-- One rebuild of a read model at a time, whichever node is asked.
CREATE UNIQUE INDEX read_model_build_one_rebuild ON read_model_build (name)
    WHERE kind = 'REBUILD' AND status = 'RUNNING';
