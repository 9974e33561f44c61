//! Reading and writing articles with their import, source metadata and quotes.

use chrono::Utc;
use rusqlite::{params, OptionalExtension, Row, Transaction};
use uuid::Uuid;

use super::{bump_generation, Archive, Error, Result};
use crate::model::{
    Article, ArticleSummary, Boilerplate, CslDate, CslName, Quote, QuoteKind, SourceMeta, Span,
    StoredQuote,
};

/// The untouched input of an import.
pub struct StoredImport<'a> {
    pub bytes: &'a [u8],
    pub sha256: &'a str,
    pub media_type: &'a str,
    pub file_name: Option<&'a str>,
}

/// Everything one import adds, written in one transaction.
pub struct NewArticle<'a> {
    pub import: StoredImport<'a>,
    pub source: &'a SourceMeta,
    pub title: &'a str,
    pub body: &'a str,
    pub paragraphs: &'a [Span],
    pub boilerplate: &'a [Boilerplate],
    pub language: Option<&'a str>,
    pub quotes: &'a [Quote],
}

fn new_id() -> String {
    Uuid::now_v7().to_string()
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("plain data always serialises")
}

fn from_json<T: serde::de::DeserializeOwned>(what: &str, text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| Error::Corrupt(format!("{what}: {e}")))
}

impl Archive {
    /// The article imported from exactly these bytes, if any.
    pub fn find_by_sha256(&self, sha256: &str) -> Result<Option<(String, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT a.id, a.title FROM articles a JOIN imports i ON i.id = a.import_id
                 WHERE i.sha256 = ?1",
                [sha256],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// Stores an import, its source, article and quotes atomically; returns the article id.
    pub fn insert_article(&mut self, new: &NewArticle) -> Result<String> {
        let tx = self.conn.transaction()?;
        let stamp = now();
        let import_id = new_id();
        tx.execute(
            "INSERT INTO imports (id, sha256, media_type, file_name, bytes, imported_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                import_id,
                new.import.sha256,
                new.import.media_type,
                new.import.file_name,
                new.import.bytes,
                stamp
            ],
        )?;
        let source_id = new_id();
        write_source(&tx, &source_id, new.source, &stamp, true)?;
        let article_id = new_id();
        let spans: Vec<[usize; 2]> = new.paragraphs.iter().map(|s| [s.start, s.end]).collect();
        tx.execute(
            "INSERT INTO articles (id, import_id, source_id, title, body, paragraphs, boilerplate,
                                   language, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                article_id,
                import_id,
                source_id,
                new.title,
                new.body,
                to_json(&spans),
                to_json(&new.boilerplate),
                new.language,
                stamp
            ],
        )?;
        for (ordinal, quote) in new.quotes.iter().enumerate() {
            insert_quote(&tx, &article_id, ordinal, quote)?;
        }
        bump_generation(&tx)?;
        tx.commit()?;
        Ok(article_id)
    }

    pub fn list_articles(&self) -> Result<Vec<ArticleSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT a.id, a.title, a.language, a.created_at, s.*,
                    (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id)
             FROM articles a JOIN sources s ON s.id = a.source_id
             ORDER BY a.created_at DESC, a.id DESC",
        )?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let source = read_source(row, 4)?;
            let quote_count: i64 = row.get(4 + SOURCE_COLUMNS)?;
            out.push(ArticleSummary {
                id: row.get(0)?,
                title: row.get(1)?,
                publication: source.container_title.clone(),
                date: source.issued.as_ref().map(CslDate::to_iso),
                language: row.get(2)?,
                quote_count: quote_count as usize,
                missing: source.missing(),
                imported_at: row.get(3)?,
            });
        }
        Ok(out)
    }

    pub fn article_ids(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("SELECT id FROM articles ORDER BY id")?;
        let ids = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }

    pub fn get_article(&self, id: &str) -> Result<Article> {
        let found = self
            .conn
            .query_row(
                "SELECT a.id, a.title, a.body, a.paragraphs, a.boilerplate, a.language,
                        a.created_at, i.sha256, s.*
                 FROM articles a JOIN sources s ON s.id = a.source_id
                                 JOIN imports i ON i.id = a.import_id
                 WHERE a.id = ?1",
                [id],
                |row| {
                    Ok((
                        row.get::<_, String>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, String>(2)?,
                        row.get::<_, String>(3)?,
                        row.get::<_, String>(4)?,
                        row.get::<_, Option<String>>(5)?,
                        row.get::<_, String>(6)?,
                        row.get::<_, String>(7)?,
                        read_source(row, 8),
                    ))
                },
            )
            .optional()?;
        let Some((id, title, text, paragraphs, boilerplate, language, imported_at, sha256, source)) =
            found
        else {
            return Err(Error::NoSuchArticle(id.to_string()));
        };
        let source = source?;
        let spans: Vec<[usize; 2]> = from_json("paragraphs", &paragraphs)?;
        Ok(Article {
            quotes: self.quotes_of(&id)?,
            id,
            title,
            text,
            paragraphs: spans.into_iter().map(|[start, end]| Span { start, end }).collect(),
            language,
            missing: source.missing(),
            source,
            boilerplate: from_json("boilerplate", &boilerplate)?,
            imported_at,
            sha256,
        })
    }

    fn quotes_of(&self, article_id: &str) -> Result<Vec<StoredQuote>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, text, kind, speaker, descriptor, cue, paragraph, start, \"end\"
             FROM quotes WHERE article_id = ?1 ORDER BY ordinal",
        )?;
        let mut rows = stmt.query([article_id])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let kind: String = row.get(2)?;
            out.push(StoredQuote {
                id: row.get(0)?,
                quote: Quote {
                    text: row.get(1)?,
                    kind: QuoteKind::parse(&kind)
                        .ok_or_else(|| Error::Corrupt(format!("quote kind {kind:?}")))?,
                    speaker: row.get(3)?,
                    descriptor: row.get(4)?,
                    cue: row.get(5)?,
                    paragraph: row.get::<_, i64>(6)? as usize,
                    start: row.get::<_, i64>(7)? as usize,
                    end: row.get::<_, i64>(8)? as usize,
                },
            });
        }
        Ok(out)
    }

    /// Replaces an article's source metadata (already validated by the caller).
    pub fn update_source(&mut self, article_id: &str, source: &SourceMeta) -> Result<()> {
        let tx = self.conn.transaction()?;
        let source_id: Option<String> = tx
            .query_row("SELECT source_id FROM articles WHERE id = ?1", [article_id], |r| r.get(0))
            .optional()?;
        let Some(source_id) = source_id else {
            return Err(Error::NoSuchArticle(article_id.to_string()));
        };
        write_source(&tx, &source_id, source, &now(), false)?;
        if let Some(title) = &source.title {
            tx.execute("UPDATE articles SET title = ?1 WHERE id = ?2", params![title, article_id])?;
        }
        tx.execute("UPDATE articles SET revision = revision + 1 WHERE id = ?1", [article_id])?;
        bump_generation(&tx)?;
        tx.commit()?;
        Ok(())
    }
}

/// Columns of `sources`, in table order, as read by [`read_source`] from `s.*`.
const SOURCE_COLUMNS: usize = 10;

fn write_source(
    tx: &Transaction,
    id: &str,
    source: &SourceMeta,
    stamp: &str,
    insert: bool,
) -> Result<()> {
    let sql = if insert {
        "INSERT INTO sources (id, csl_type, title, container_title, authors, issued, url,
                              accessed, language, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
    } else {
        "UPDATE sources SET csl_type = ?2, title = ?3, container_title = ?4, authors = ?5,
                issued = ?6, url = ?7, accessed = ?8, language = ?9, updated_at = ?10
         WHERE id = ?1"
    };
    tx.execute(
        sql,
        params![
            id,
            source.csl_type,
            source.title,
            source.container_title,
            to_json(&source.author),
            source.issued.as_ref().map(to_json),
            source.url,
            source.accessed.as_ref().map(to_json),
            source.language,
            stamp
        ],
    )?;
    Ok(())
}

fn read_source(row: &Row, at: usize) -> Result<SourceMeta> {
    let authors: String = row.get(at + 4)?;
    let date = |i: usize| -> Result<Option<CslDate>> {
        row.get::<_, Option<String>>(at + i)?.map(|t| from_json("date", &t)).transpose()
    };
    Ok(SourceMeta {
        csl_type: row.get(at + 1)?,
        title: row.get(at + 2)?,
        container_title: row.get(at + 3)?,
        author: from_json::<Vec<CslName>>("authors", &authors)?,
        issued: date(5)?,
        url: row.get(at + 6)?,
        accessed: date(7)?,
        language: row.get(at + 8)?,
    })
}

fn insert_quote(tx: &Transaction, article_id: &str, ordinal: usize, quote: &Quote) -> Result<()> {
    let person_id = person_for(tx, &quote.speaker)?;
    tx.execute(
        "INSERT INTO quotes (id, article_id, person_id, ordinal, start, \"end\", paragraph, text,
                             kind, cue, speaker, descriptor)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            new_id(),
            article_id,
            person_id,
            ordinal as i64,
            quote.start as i64,
            quote.end as i64,
            quote.paragraph as i64,
            quote.text,
            quote.kind.as_str(),
            quote.cue,
            quote.speaker,
            quote.descriptor
        ],
    )?;
    Ok(())
}

/// The person registry entry for a speaker's name, created on first sight.
fn person_for(tx: &Transaction, name: &str) -> Result<String> {
    let existing: Option<String> = tx
        .query_row("SELECT id FROM persons WHERE canonical_name = ?1", [name], |r| r.get(0))
        .optional()?;
    if let Some(id) = existing {
        return Ok(id);
    }
    let id = new_id();
    tx.execute("INSERT INTO persons (id, canonical_name) VALUES (?1, ?2)", params![id, name])?;
    tx.execute("INSERT INTO person_aliases (person_id, alias) VALUES (?1, ?2)", params![id, name])?;
    Ok(id)
}
