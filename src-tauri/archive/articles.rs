//! Reading and writing articles with their import, source metadata and quotes.

use std::collections::BTreeMap;

use chrono::Utc;
use rusqlite::{params, OptionalExtension, Transaction};
use uuid::Uuid;

use super::{bump_generation, Archive, Error, Result};
use crate::model::{
    Article, ArticleSummary, Boilerplate, CslDate, Quote, Review, SimilarArticle, SourceMeta, Span,
    TrashedArticle,
};

/// The untouched input of an import.
pub struct StoredImport<'a> {
    pub bytes: &'a [u8],
    pub sha256: &'a str,
    pub media_type: &'a str,
    pub file_name: Option<&'a str>,
}

/// The start of an article's import as stored, for showing the original.
pub struct ImportedFile {
    pub media_type: String,
    pub file_name: Option<String>,
    /// The whole import's size in bytes.
    pub size: usize,
    /// Its first bytes, up to the limit asked for.
    pub head: Vec<u8>,
    pub imported_at: String,
}

/// One article an import adds.
pub struct NewArticle<'a> {
    pub source: &'a SourceMeta,
    pub provenance: &'a BTreeMap<String, String>,
    pub title: &'a str,
    pub body: &'a str,
    pub body_sha256: &'a str,
    pub paragraphs: &'a [Span],
    pub pages: &'a [u32],
    pub boilerplate: &'a [Boilerplate],
    pub language: Option<&'a str>,
    pub quotes: &'a [Quote],
    /// MinHash band hashes of the body, for near-duplicate lookup.
    pub bands: &'a [(u32, i64)],
    /// Archived articles this one nearly duplicates, with their similarity.
    pub similar: &'a [(String, f64)],
}

/// A metadata change to an archived article's source.
pub struct SourceUpdate<'a> {
    pub article_id: &'a str,
    pub source: &'a SourceMeta,
    pub provenance: &'a BTreeMap<String, String>,
}

pub(super) fn new_id() -> String {
    Uuid::now_v7().to_string()
}

pub(super) fn now() -> String {
    Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("plain data always serialises")
}

pub(super) fn from_json<T: serde::de::DeserializeOwned>(what: &str, text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| Error::Corrupt(format!("{what}: {e}")))
}

/// A name as one string, family name first for a split name: the form whose order the
/// registry records ("Park Chan-kyong" for {family: Park, given: Chan-kyong}).
pub fn full_name(name: &crate::model::CslName) -> Option<String> {
    match (&name.literal, &name.family, &name.given) {
        (Some(literal), _, _) => Some(literal.clone()),
        (None, Some(family), Some(given)) => Some(format!("{family} {given}")),
        (None, Some(family), None) => Some(family.clone()),
        _ => None,
    }
}

/// Lower-case alphanumeric words of a title: the same title typed or exported differently
/// (case, punctuation, curly or straight apostrophes) gives the same key.
pub fn title_key(title: &str) -> String {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

impl Archive {
    /// Ids and titles of the articles imported from exactly these bytes (empty if none).
    pub fn articles_of_import(&self, sha256: &str) -> Result<Option<Vec<(String, String)>>> {
        let import: Option<String> = self
            .conn
            .query_row("SELECT id FROM imports WHERE sha256 = ?1", [sha256], |r| r.get(0))
            .optional()?;
        let Some(import) = import else { return Ok(None) };
        let mut stmt =
            self.conn.prepare("SELECT id, title FROM articles WHERE import_id = ?1 ORDER BY id")?;
        let rows = stmt.query_map([import], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(Some(rows.collect::<rusqlite::Result<_>>()?))
    }

    /// The article whose normalised body is exactly this text, if any.
    pub fn find_by_body(&self, body_sha256: &str) -> Result<Option<(String, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, title FROM articles WHERE body_sha256 = ?1 AND body <> ''",
                [body_sha256],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// The article a bibliographic record describes: same DOI, else same URL, else the same
    /// normalised title with a compatible date (one of the two undated, or the same day).
    pub fn find_matching(&self, source: &SourceMeta) -> Result<Option<String>> {
        let by = |sql: &str, value: &str| -> Result<Option<String>> {
            Ok(self.conn.query_row(sql, [value], |r| r.get(0)).optional()?)
        };
        let article_of =
            "SELECT a.id FROM live_articles a JOIN sources s ON s.id = a.source_id WHERE ";
        if let Some(doi) = &source.doi {
            if let Some(id) = by(&format!("{article_of} s.doi = ?1"), &doi.to_lowercase())? {
                return Ok(Some(id));
            }
        }
        if let Some(url) = &source.url {
            if let Some(id) = by(&format!("{article_of} s.url = ?1"), url)? {
                return Ok(Some(id));
            }
        }
        let Some(title) = source.title.as_deref().map(title_key).filter(|k| !k.is_empty()) else {
            return Ok(None);
        };
        let issued = source.issued.as_ref().map(CslDate::to_iso);
        let mut stmt = self.conn.prepare(&format!(
            "{article_of} s.title_key = ?1 AND (s.issued IS NULL OR ?2 IS NULL OR s.issued = ?2)"
        ))?;
        Ok(stmt.query_row(params![title, issued], |r| r.get(0)).optional()?)
    }

    /// Ids of archived articles sharing a MinHash band with these (near-duplicate candidates).
    pub fn band_neighbours(&self, bands: &[(u32, i64)]) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT article_id FROM article_bands WHERE band = ?1 AND hash = ?2")?;
        let mut out: Vec<String> = Vec::new();
        for (band, hash) in bands {
            for id in stmt.query_map(params![band, hash], |r| r.get::<_, String>(0))? {
                let id = id?;
                if !out.contains(&id) {
                    out.push(id);
                }
            }
        }
        Ok(out)
    }

    pub fn body_of(&self, id: &str) -> Result<String> {
        self.conn
            .query_row("SELECT body FROM articles WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| Error::NoSuchArticle(id.to_string()))
    }

    /// Stores an import (its bytes once) with the articles it adds and the metadata it
    /// enriches, atomically; returns the new articles' ids.
    pub fn insert_import(
        &mut self,
        import: &StoredImport,
        articles: &[NewArticle],
        updates: &[SourceUpdate],
    ) -> Result<Vec<String>> {
        let tx = self.conn.transaction()?;
        let stamp = now();
        let import_id = new_id();
        tx.execute(
            "INSERT INTO imports (id, sha256, media_type, file_name, bytes, imported_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                import_id,
                import.sha256,
                import.media_type,
                import.file_name,
                import.bytes,
                stamp
            ],
        )?;
        let mut ids = Vec::with_capacity(articles.len());
        for new in articles {
            ids.push(insert_article(&tx, &import_id, new, &stamp)?);
        }
        for update in updates {
            update_source(&tx, update, &stamp)?;
        }
        bump_generation(&tx)?;
        tx.commit()?;
        Ok(ids)
    }

    pub fn list_articles(&self) -> Result<Vec<ArticleSummary>> {
        let rows = self.summaries("live_articles", "TRUE", "a.created_at DESC, a.id DESC")?;
        Ok(rows.into_iter().map(|(summary, _)| summary).collect())
    }

    /// The articles in the trash with when each was deleted, most recently deleted first.
    pub fn trashed_articles(&self) -> Result<Vec<TrashedArticle>> {
        let rows =
            self.summaries("articles", "a.deleted_at IS NOT NULL", "a.deleted_at DESC, a.id")?;
        Ok(rows
            .into_iter()
            .filter_map(|(article, deleted_at)| {
                Some(TrashedArticle { article, deleted_at: deleted_at? })
            })
            .collect())
    }

    /// Library rows of `table` (`live_articles`, or `articles` for the trash) that pass
    /// `filter`, with each article's `deleted_at`. The arguments are constants of this module,
    /// never user text.
    fn summaries(
        &self,
        table: &str,
        filter: &str,
        order: &str,
    ) -> Result<Vec<(ArticleSummary, Option<String>)>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT a.id, a.title, a.language, a.created_at, s.csl,
                    (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id),
                    (SELECT json_group_array(tag) FROM tags t WHERE t.article_id = a.id),
                    a.deleted_at
             FROM {table} a JOIN sources s ON s.id = a.source_id
             WHERE {filter} ORDER BY {order}"
        ))?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let source: SourceMeta = from_json("source", &row.get::<_, String>(4)?)?;
            let quote_count: i64 = row.get(5)?;
            let summary = ArticleSummary {
                id: row.get(0)?,
                title: row.get(1)?,
                publication: source.container_title.clone(),
                date: source.issued.as_ref().map(CslDate::to_iso),
                language: row.get(2)?,
                quote_count: quote_count as usize,
                missing: source.missing(),
                tags: from_json("tags", &row.get::<_, String>(6)?)?,
                imported_at: row.get(3)?,
            };
            out.push((summary, row.get(7)?));
        }
        Ok(out)
    }

    pub fn article_count(&self) -> Result<usize> {
        let count: i64 =
            self.conn.query_row("SELECT COUNT(*) FROM live_articles", [], |r| r.get(0))?;
        Ok(count as usize)
    }

    pub fn article_ids(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("SELECT id FROM live_articles ORDER BY id")?;
        let ids = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }

    pub fn get_article(&self, id: &str) -> Result<Article> {
        let row = self
            .conn
            .query_row(
                "SELECT a.id, a.title, a.body, a.paragraphs, a.pages, a.boilerplate, a.language,
                        a.created_at, i.sha256, s.csl, s.provenance
                 FROM articles a JOIN sources s ON s.id = a.source_id
                                 JOIN imports i ON i.id = a.import_id
                 WHERE a.id = ?1",
                [id],
                |r| {
                    let text = |i| r.get::<_, String>(i);
                    Ok((
                        [text(0)?, text(1)?, text(2)?, text(3)?, text(4)?, text(5)?],
                        r.get::<_, Option<String>>(6)?,
                        [text(7)?, text(8)?, text(9)?, text(10)?],
                    ))
                },
            )
            .optional()?;
        let Some(([id, title, text, paragraphs, pages, boilerplate], language, rest)) = row else {
            return Err(Error::NoSuchArticle(id.to_string()));
        };
        let [imported_at, sha256, csl, provenance] = rest;
        let source: SourceMeta = from_json("source", &csl)?;
        let spans: Vec<[usize; 2]> = from_json("paragraphs", &paragraphs)?;
        Ok(Article {
            quotes: self.quotes_of(&id)?,
            tags: self.tags_of(&id)?,
            similar: self.similar_to(&id)?,
            paragraphs: spans.into_iter().map(|[start, end]| Span { start, end }).collect(),
            pages: from_json("pages", &pages)?,
            missing: source.missing(),
            source,
            provenance: from_json("provenance", &provenance)?,
            boilerplate: from_json("boilerplate", &boilerplate)?,
            id,
            title,
            text,
            language,
            imported_at,
            sha256,
        })
    }

    /// The import an article came from, read no further than `limit` bytes: SQLite cuts the
    /// blob, so a huge original is never loaded whole.
    pub fn import_of(&self, article_id: &str, limit: usize) -> Result<ImportedFile> {
        self.conn
            .query_row(
                "SELECT i.media_type, i.file_name, length(i.bytes), substr(i.bytes, 1, ?2),
                        i.imported_at
                 FROM articles a JOIN imports i ON i.id = a.import_id WHERE a.id = ?1",
                params![article_id, limit as i64],
                |r| {
                    Ok(ImportedFile {
                        media_type: r.get(0)?,
                        file_name: r.get(1)?,
                        size: r.get::<_, i64>(2)? as usize,
                        head: r.get(3)?,
                        imported_at: r.get(4)?,
                    })
                },
            )
            .optional()?
            .ok_or_else(|| Error::NoSuchArticle(article_id.to_string()))
    }

    fn similar_to(&self, article_id: &str) -> Result<Vec<SimilarArticle>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.title, l.similarity FROM similar_articles l
             JOIN live_articles a ON a.id = l.other_id
             WHERE l.article_id = ?1 ORDER BY l.similarity DESC",
        )?;
        let rows = stmt.query_map([article_id], |r| {
            Ok(SimilarArticle { id: r.get(0)?, title: r.get(1)?, similarity: r.get(2)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Replaces an article's source metadata (already validated by the caller).
    pub fn update_source(&mut self, update: &SourceUpdate) -> Result<()> {
        let tx = self.conn.transaction()?;
        update_source(&tx, update, &now())?;
        bump_generation(&tx)?;
        tx.commit()?;
        Ok(())
    }
}

fn insert_article(
    tx: &Transaction,
    import_id: &str,
    new: &NewArticle,
    stamp: &str,
) -> Result<String> {
    let source_id = new_id();
    write_source(tx, &source_id, new.source, new.provenance, stamp)?;
    let article_id = new_id();
    let spans: Vec<[usize; 2]> = new.paragraphs.iter().map(|s| [s.start, s.end]).collect();
    tx.execute(
        "INSERT INTO articles (id, import_id, source_id, title, body, body_sha256, paragraphs,
                               pages, boilerplate, language, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            article_id,
            import_id,
            source_id,
            new.title,
            new.body,
            new.body_sha256,
            to_json(&spans),
            to_json(&new.pages),
            to_json(&new.boilerplate),
            new.language,
            stamp
        ],
    )?;
    for (ordinal, quote) in new.quotes.iter().enumerate() {
        super::quotes::insert(tx, &article_id, ordinal, quote, Review::Unreviewed)?;
    }
    for (band, hash) in new.bands {
        tx.execute(
            "INSERT OR IGNORE INTO article_bands (article_id, band, hash) VALUES (?1, ?2, ?3)",
            params![article_id, band, hash],
        )?;
    }
    for (other, similarity) in new.similar {
        for (a, b) in [(&article_id, other), (other, &article_id)] {
            tx.execute(
                "INSERT OR REPLACE INTO similar_articles (article_id, other_id, similarity)
                 VALUES (?1, ?2, ?3)",
                params![a, b, similarity],
            )?;
        }
    }
    Ok(article_id)
}

/// Writes the CSL item and its lookup copies into the `sources` row `source_id`, creating it
/// the first time.
fn write_source(
    tx: &Transaction,
    source_id: &str,
    source: &SourceMeta,
    provenance: &BTreeMap<String, String>,
    stamp: &str,
) -> Result<()> {
    for author in &source.author {
        if let Some(name) = full_name(author) {
            super::persons::guess_order(tx, &name)?;
        }
    }
    tx.execute(
        "INSERT INTO sources (id, csl, title_key, issued, url, doi, provenance, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT(id) DO UPDATE SET csl = ?2, title_key = ?3, issued = ?4, url = ?5,
                doi = ?6, provenance = ?7, updated_at = ?8",
        params![
            source_id,
            to_json(source),
            source.title.as_deref().map(title_key),
            source.issued.as_ref().map(CslDate::to_iso),
            source.url,
            source.doi.as_ref().map(|d| d.to_lowercase()),
            to_json(provenance),
            stamp
        ],
    )?;
    Ok(())
}

fn update_source(tx: &Transaction, update: &SourceUpdate, stamp: &str) -> Result<()> {
    let source_id: Option<String> = tx
        .query_row("SELECT source_id FROM articles WHERE id = ?1", [update.article_id], |r| {
            r.get(0)
        })
        .optional()?;
    let Some(source_id) = source_id else {
        return Err(Error::NoSuchArticle(update.article_id.to_string()));
    };
    write_source(tx, &source_id, update.source, update.provenance, stamp)?;
    if let Some(title) = &update.source.title {
        tx.execute(
            "UPDATE articles SET title = ?1 WHERE id = ?2",
            params![title, update.article_id],
        )?;
    }
    tx.execute("UPDATE articles SET revision = revision + 1 WHERE id = ?1", [update.article_id])?;
    Ok(())
}
