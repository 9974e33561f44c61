-- Sourcebook archive, version 1.
-- The archive is the single source of truth; the search index is derived from it.

-- Every import keeps the bytes it was given, untouched, with their SHA-256.
CREATE TABLE imports (
    id          TEXT PRIMARY KEY,            -- UUID v7
    sha256      TEXT NOT NULL UNIQUE,        -- hex; the same bytes are never stored twice
    media_type  TEXT NOT NULL,
    file_name   TEXT,
    bytes       BLOB NOT NULL,
    imported_at TEXT NOT NULL                -- RFC 3339, UTC
);

-- Bibliographic metadata, one row per cited work, shaped as a CSL-JSON item.
CREATE TABLE sources (
    id              TEXT PRIMARY KEY,
    csl_type        TEXT NOT NULL,
    title           TEXT,
    container_title TEXT,
    authors         TEXT NOT NULL DEFAULT '[]',   -- JSON array of CSL names
    issued          TEXT,                         -- JSON CSL date
    url             TEXT,
    accessed        TEXT,                         -- JSON CSL date
    language        TEXT,
    updated_at      TEXT NOT NULL
);

CREATE TABLE articles (
    id          TEXT PRIMARY KEY,
    import_id   TEXT NOT NULL UNIQUE REFERENCES imports(id),
    source_id   TEXT NOT NULL REFERENCES sources(id),
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,                -- NFC text, paragraphs joined by a blank line
    paragraphs  TEXT NOT NULL,                -- JSON array of [start, end] char spans
    boilerplate TEXT NOT NULL DEFAULT '[]',   -- JSON array of {kind, text}, kept apart
    language    TEXT,
    created_at  TEXT NOT NULL,
    -- Bumped on every change; the search index records the last revision it saw.
    revision    INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE persons (
    id             TEXT PRIMARY KEY,
    canonical_name TEXT NOT NULL UNIQUE
);

CREATE TABLE person_aliases (
    person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    PRIMARY KEY (person_id, alias)
);

CREATE TABLE quotes (
    id         TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    person_id  TEXT REFERENCES persons(id),
    ordinal    INTEGER NOT NULL,             -- position in the article
    start      INTEGER NOT NULL,             -- char offsets into articles.body
    "end"      INTEGER NOT NULL,
    paragraph  INTEGER NOT NULL,
    text       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('direct', 'partial', 'indirect')),
    cue        TEXT,
    speaker    TEXT NOT NULL,
    descriptor TEXT,
    CHECK (start <= "end")
);
CREATE INDEX quotes_by_article ON quotes(article_id, ordinal);
CREATE INDEX quotes_by_person ON quotes(person_id);

-- A monotonically increasing change counter; the index stores the value it caught up to.
CREATE TABLE archive_state (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO archive_state (key, value) VALUES ('generation', 0);
