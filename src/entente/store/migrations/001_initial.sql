-- entente event store, schema version 1.
-- Ids are content hashes, so re-inserting the same article or event is a no-op.

CREATE TABLE IF NOT EXISTS runs (
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

CREATE TABLE IF NOT EXISTS articles (
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

CREATE TABLE IF NOT EXISTS events (
    id             VARCHAR PRIMARY KEY,
    article_id     VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    date           DATE,
    cameo          VARCHAR NOT NULL,      -- with leading zero: '042'
    root           VARCHAR NOT NULL,      -- '04'
    quad           TINYINT NOT NULL,      -- 1..4
    goldstein      DOUBLE NOT NULL,
    plover         VARCHAR,
    plover_mode    VARCHAR,
    mode           VARCHAR NOT NULL,      -- asserted | negated | future | hypothetical | demanded
    location       VARCHAR,
    confidence     DOUBLE NOT NULL,
    coder          VARCHAR NOT NULL,
    sentence       VARCHAR NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL,
    trigger        VARCHAR,
    trigger_start  INTEGER,
    trigger_end    INTEGER
);

CREATE TABLE IF NOT EXISTS participants (
    event_id   VARCHAR NOT NULL,
    position   INTEGER NOT NULL,
    role       VARCHAR NOT NULL,          -- source | target | participant | host | mediator | absent
    actor_code VARCHAR NOT NULL,
    actor_name VARCHAR,
    country    VARCHAR,
    agent      VARCHAR,
    kind       VARCHAR,
    text       VARCHAR,
    start_char INTEGER,
    end_char   INTEGER,
    PRIMARY KEY (event_id, position)
);

-- The CAMEO-style directed pairs derived from each event (Event.dyads()), kept
-- denormalised so that dyad and network aggregation is one scan in SQL.
CREATE TABLE IF NOT EXISTS event_dyads (
    event_id  VARCHAR NOT NULL,
    source    VARCHAR,
    target    VARCHAR,
    date      DATE,
    cameo     VARCHAR NOT NULL,
    root      VARCHAR NOT NULL,
    quad      TINYINT NOT NULL,
    goldstein DOUBLE NOT NULL,
    mode      VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS failures (
    id        VARCHAR PRIMARY KEY,        -- hash of origin + reason
    origin    VARCHAR NOT NULL,
    reason    VARCHAR NOT NULL,
    stage     VARCHAR NOT NULL,
    run_id    VARCHAR,
    failed_at TIMESTAMP NOT NULL
);

CREATE INDEX IF NOT EXISTS events_article ON events (article_id);
CREATE INDEX IF NOT EXISTS dyads_event ON event_dyads (event_id);
