-- Every running node says it is alive every half second; the read models' segments are shared fairly
-- among the nodes alive.
CREATE TABLE casebook_node (
    node_id    VARCHAR(255) NOT NULL,
    started_at TIMESTAMPTZ  NOT NULL,
    seen_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT casebook_node_pk PRIMARY KEY (node_id)
);

-- Failed sign-ins by user and by address, counted on whichever node they happen, so that a throttled
-- user waits on every node.
CREATE TABLE sign_in_failure (
    key      VARCHAR(300) NOT NULL,
    failures INTEGER      NOT NULL,
    last_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT sign_in_failure_pk PRIMARY KEY (key)
);
