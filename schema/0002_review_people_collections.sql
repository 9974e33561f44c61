-- People correct the machine; persons span the archive; articles get tags, collections and
-- citekeys. `name_key()` is registered by the archive before migrating (see archive/names.rs).

-- A quote's review state. Re-extraction replaces only 'unreviewed' quotes: a quote a person
-- confirmed, edited or added by hand is never overwritten by the extractor.
ALTER TABLE quotes ADD COLUMN review TEXT NOT NULL DEFAULT 'unreviewed'
    CHECK (review IN ('unreviewed', 'confirmed', 'edited', 'added'));
ALTER TABLE quotes ADD COLUMN reviewed_at TEXT;

-- Quotes a person deleted, so that re-extraction does not bring them back.
CREATE TABLE rejected_quotes (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    rejected_at TEXT NOT NULL,
    PRIMARY KEY (article_id, start, "end", kind)
);

-- Aliases are matched by a key blind to case, hyphens, spaces and dots, so that
-- "Kim Jong-un", "Kim Jong Un" and "Kim Jongun" find one person.
ALTER TABLE person_aliases ADD COLUMN alias_key TEXT NOT NULL DEFAULT '';
UPDATE person_aliases SET alias_key = name_key(alias);
CREATE INDEX person_aliases_by_key ON person_aliases(alias_key);

-- Quotes whose speaker is an unnamed or collective phrase ("analysts", "a ministry official")
-- belong to no person: such phrases name different people in different articles.
UPDATE quotes SET person_id = NULL
 WHERE person_id IN (SELECT id FROM persons WHERE NOT is_proper_name(canonical_name));
DELETE FROM persons WHERE NOT is_proper_name(canonical_name);

-- Which names are written family name first (Park Chan-kyong, Lin Jian): what citations need
-- to order them through CSL. 'guess' rows come from the name's form, 'user' rows from a person.
CREATE TABLE name_orders (
    name_key     TEXT PRIMARY KEY,
    family_first INTEGER NOT NULL CHECK (family_first IN (0, 1)),
    source       TEXT NOT NULL CHECK (source IN ('guess', 'user'))
);

CREATE TABLE tags (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag        TEXT NOT NULL,
    PRIMARY KEY (article_id, tag)
);
CREATE INDEX tags_by_name ON tags(tag);

CREATE TABLE collections (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

-- A collection holds articles, or single quotes of an article ('' = the whole article).
CREATE TABLE collection_items (
    collection_id TEXT NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
    article_id    TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    quote_id      TEXT NOT NULL DEFAULT '',
    position      INTEGER NOT NULL,
    PRIMARY KEY (collection_id, article_id, quote_id)
);

-- Citekeys are given once, at a work's first export or citation, and never change after.
ALTER TABLE sources ADD COLUMN citekey TEXT;
CREATE UNIQUE INDEX sources_by_citekey ON sources(citekey) WHERE citekey IS NOT NULL;

-- Deleting an article moves it to the trash, from which it can be restored until purged.
-- Everything that lists, counts, matches or indexes articles reads `live_articles`.
ALTER TABLE articles ADD COLUMN deleted_at TEXT;
CREATE VIEW live_articles AS SELECT * FROM articles WHERE deleted_at IS NULL;
