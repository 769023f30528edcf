-- entente event store, schema version 1.
-- Ids are content hashes, so re-inserting the same article or event is a no-op
-- (writes use INSERT ... ON CONFLICT DO NOTHING on the primary keys).
-- The schema_migrations table itself is created by entente.store.migrate.

CREATE TABLE runs (
    run_id        VARCHAR PRIMARY KEY,
    started_at    TIMESTAMP NOT NULL,
    finished_at   TIMESTAMP,
    sources       VARCHAR[],
    settings      JSON,
    coder         VARCHAR,
    articles_read INTEGER DEFAULT 0,
    articles_new  INTEGER DEFAULT 0,
    failures      INTEGER DEFAULT 0,
    sentences     INTEGER DEFAULT 0,
    events        INTEGER DEFAULT 0
);

CREATE TABLE articles (
    id           VARCHAR PRIMARY KEY,     -- content hash of the normalised text
    source       VARCHAR NOT NULL,        -- publisher / feed / file name
    origin       VARCHAR NOT NULL,        -- path, path#row, URL or '-'
    url          VARCHAR,
    title        VARCHAR,
    published    DATE,
    date_source  VARCHAR NOT NULL,        -- metadata | text | file | none
    language     VARCHAR NOT NULL,
    text         VARCHAR NOT NULL,
    meta         JSON,
    n_sentences  INTEGER,
    run_id       VARCHAR,
    ingested_at  TIMESTAMP NOT NULL
);

CREATE TABLE events (
    id             VARCHAR PRIMARY KEY,
    article_id     VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    date           DATE,
    cameo          VARCHAR NOT NULL,      -- with leading zero: '042'
    root           VARCHAR NOT NULL,      -- '04'
    quad           TINYINT NOT NULL CHECK (quad BETWEEN 1 AND 4),
    goldstein      DOUBLE NOT NULL,
    plover         VARCHAR NOT NULL,      -- '' where CAMEO has no PLOVER type
    plover_mode    VARCHAR NOT NULL,
    mode           VARCHAR NOT NULL,      -- asserted | negated | future | hypothetical | demanded
    location       VARCHAR,
    confidence     DOUBLE NOT NULL,
    coder          VARCHAR NOT NULL,
    sentence       VARCHAR NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL,
    trigger        VARCHAR NOT NULL,
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL
);

CREATE TABLE participants (
    event_id   VARCHAR NOT NULL,
    position   INTEGER NOT NULL,          -- order within Event.participants
    role       VARCHAR NOT NULL
               CHECK (role IN ('source', 'target', 'participant', 'host', 'mediator', 'absent')),
    actor_code VARCHAR NOT NULL,
    actor_name VARCHAR NOT NULL,
    country    VARCHAR NOT NULL,
    agent      VARCHAR NOT NULL,
    kind       VARCHAR NOT NULL,
    kb_id      VARCHAR,
    text       VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    PRIMARY KEY (event_id, position)
);

-- The CAMEO-style directed pairs derived from each event (Event.dyads()), kept
-- denormalised (with the article and the event's code, date and weight) so that
-- dyad, network and shift aggregation is one scan of one table.
CREATE TABLE event_dyads (
    event_id   VARCHAR NOT NULL,
    pair       INTEGER NOT NULL,          -- order within Event.dyads()
    article_id VARCHAR NOT NULL,
    source     VARCHAR,                   -- NULL where that side is missing
    target     VARCHAR,
    date       DATE,
    cameo      VARCHAR NOT NULL,
    root       VARCHAR NOT NULL,
    quad       TINYINT NOT NULL,
    goldstein  DOUBLE NOT NULL,
    mode       VARCHAR NOT NULL,
    PRIMARY KEY (event_id, pair)
);

CREATE TABLE failures (
    id        VARCHAR PRIMARY KEY,        -- hash of origin + reason + stage
    origin    VARCHAR NOT NULL,
    reason    VARCHAR NOT NULL,
    stage     VARCHAR NOT NULL,
    run_id    VARCHAR,
    failed_at TIMESTAMP NOT NULL
);
