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

-- Bibliographic metadata, one row per cited work. `csl` is the whole CSL-JSON item (without
-- "id"), so styles and exports lose nothing; the other columns are copies kept for lookups.
CREATE TABLE sources (
    id              TEXT PRIMARY KEY,
    csl             TEXT NOT NULL,
    title_key       TEXT,                    -- normalised title, for matching records
    issued          TEXT,                    -- ISO date as far as known
    url             TEXT,
    doi             TEXT,                    -- lower-cased
    provenance      TEXT NOT NULL DEFAULT '{}', -- JSON: CSL field -> where it came from
    updated_at      TEXT NOT NULL
);
CREATE INDEX sources_by_url ON sources(url);
CREATE INDEX sources_by_doi ON sources(doi);
CREATE INDEX sources_by_title ON sources(title_key);

-- An article: the text of one work. A bibliographic record imported before its text is an
-- article with an empty body; a file holding many records (a .bib, a feed) is one import.
CREATE TABLE articles (
    id          TEXT PRIMARY KEY,
    import_id   TEXT NOT NULL REFERENCES imports(id),
    source_id   TEXT NOT NULL UNIQUE REFERENCES sources(id),
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,                -- NFC text, paragraphs joined by a blank line
    body_sha256 TEXT NOT NULL,                -- of the body, to catch the same text twice
    paragraphs  TEXT NOT NULL,                -- JSON array of [start, end] char spans
    pages       TEXT NOT NULL DEFAULT '[]',   -- JSON: page of each paragraph (paged inputs)
    boilerplate TEXT NOT NULL DEFAULT '[]',   -- JSON array of {kind, text}, kept apart
    language    TEXT,
    created_at  TEXT NOT NULL,
    revision    INTEGER NOT NULL DEFAULT 1    -- bumped on every change to the article
);
CREATE INDEX articles_by_import ON articles(import_id);
CREATE INDEX articles_by_body ON articles(body_sha256);

-- Near-duplicates (syndicated copies, a page saved twice): linked, never merged silently.
CREATE TABLE similar_articles (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    other_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    similarity REAL NOT NULL,
    PRIMARY KEY (article_id, other_id)
);

-- Text fingerprints for near-duplicate search: MinHash signature bands of the body.
CREATE TABLE article_bands (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    band       INTEGER NOT NULL,
    hash       INTEGER NOT NULL,
    PRIMARY KEY (band, hash, article_id)
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
