//! Stored quotes and people's decisions about them: confirm, edit, delete (remembered, so
//! re-extraction does not bring a quote back), add by hand, and re-extraction that replaces
//! only what no person has touched.

use rusqlite::{params, OptionalExtension, Transaction};

use super::articles::{new_id, now};
use super::{bump_generation, persons, Archive, Error, Result};
use crate::model::{Quote, QuoteKind, Review, StoredQuote};

/// Columns of a stored quote, in the order [`read`] expects them.
const COLUMNS: &str = "id, text, kind, speaker, descriptor, cue, paragraph, start, \"end\", \
                       review, person_id";

pub(super) fn insert(
    tx: &Transaction,
    article_id: &str,
    ordinal: usize,
    quote: &Quote,
    review: Review,
) -> Result<String> {
    let id = new_id();
    insert_with_id(tx, &id, article_id, ordinal, quote, review)?;
    Ok(id)
}

fn insert_with_id(
    tx: &Transaction,
    id: &str,
    article_id: &str,
    ordinal: usize,
    quote: &Quote,
    review: Review,
) -> Result<()> {
    let person_id = persons::person_for(tx, &quote.speaker)?;
    let reviewed_at = (review != Review::Unreviewed).then(now);
    tx.execute(
        "INSERT INTO quotes (id, article_id, person_id, ordinal, start, \"end\", paragraph, text,
                             kind, cue, speaker, descriptor, review, reviewed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            id,
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
            quote.descriptor,
            review.as_str(),
            reviewed_at
        ],
    )?;
    Ok(())
}

/// Reads a row selected with [`COLUMNS`] (names are filled in by the caller).
fn read(row: &rusqlite::Row) -> Result<StoredQuote> {
    let kind: String = row.get(2)?;
    let review: String = row.get(9)?;
    Ok(StoredQuote {
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
        review: Review::parse(&review)
            .ok_or_else(|| Error::Corrupt(format!("quote review {review:?}")))?,
        person_id: row.get(10)?,
        names: Vec::new(),
    })
}

impl Archive {
    /// An article's quotes in reading order, each with its speaker's known names.
    pub(super) fn quotes_of(&self, article_id: &str) -> Result<Vec<StoredQuote>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM quotes WHERE article_id = ?1 ORDER BY start, \"end\" DESC, ordinal"
        ))?;
        let mut rows = stmt.query([article_id])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            out.push(read(row)?);
        }
        for quote in &mut out {
            quote.names = match &quote.person_id {
                Some(person) => self.names_of(person)?,
                None => vec![quote.quote.speaker.clone()],
            };
        }
        Ok(out)
    }

    /// One stored quote and the article it belongs to.
    pub fn quote(&self, id: &str) -> Result<(String, StoredQuote)> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS}, article_id FROM quotes WHERE id = ?1"))?;
        let found =
            stmt.query_row([id], |row| Ok((read(row), row.get::<_, String>(11)?))).optional()?;
        let Some((quote, article_id)) = found else {
            return Err(Error::NoSuchQuote(id.to_string()));
        };
        let mut quote = quote?;
        if let Some(person) = &quote.person_id {
            quote.names = self.names_of(person)?;
        }
        Ok((article_id, quote))
    }

    /// Marks a quote as checked by a person; an edited or hand-made quote stays as it is.
    pub fn confirm_quote(&mut self, id: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            "UPDATE quotes SET review = 'confirmed', reviewed_at = ?2
             WHERE id = ?1 AND review = 'unreviewed'",
            params![id, now()],
        )?;
        if changed == 0 && !exists(&tx, id)? {
            return Err(Error::NoSuchQuote(id.to_string()));
        }
        bump_generation(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Replaces a quote's span, text, speaker, role, cue and kind with a person's correction
    /// (already checked against the article by the caller).
    pub fn correct_quote(&mut self, id: &str, quote: &Quote) -> Result<()> {
        let tx = self.conn.transaction()?;
        let person_id = persons::person_for(&tx, &quote.speaker)?;
        let changed = tx.execute(
            "UPDATE quotes SET start = ?2, \"end\" = ?3, paragraph = ?4, text = ?5, kind = ?6,
                    cue = ?7, speaker = ?8, descriptor = ?9, person_id = ?10,
                    review = CASE review WHEN 'added' THEN 'added' ELSE 'edited' END,
                    reviewed_at = ?11
             WHERE id = ?1",
            params![
                id,
                quote.start as i64,
                quote.end as i64,
                quote.paragraph as i64,
                quote.text,
                quote.kind.as_str(),
                quote.cue,
                quote.speaker,
                quote.descriptor,
                person_id,
                now()
            ],
        )?;
        if changed == 0 {
            return Err(Error::NoSuchQuote(id.to_string()));
        }
        persons::drop_orphans(&tx)?;
        bump_generation(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Adds a quote a person marked in the article; returns its id.
    pub fn add_quote(&mut self, article_id: &str, quote: &Quote) -> Result<String> {
        let tx = self.conn.transaction()?;
        let exists: bool = tx
            .query_row("SELECT 1 FROM articles WHERE id = ?1", [article_id], |_| Ok(true))
            .optional()?
            .unwrap_or(false);
        if !exists {
            return Err(Error::NoSuchArticle(article_id.to_string()));
        }
        let id = insert(&tx, article_id, quote.start, quote, Review::Added)?;
        tx.execute(
            "DELETE FROM rejected_quotes WHERE article_id = ?1 AND start = ?2 AND \"end\" = ?3",
            params![article_id, quote.start as i64, quote.end as i64],
        )?;
        bump_generation(&tx)?;
        tx.commit()?;
        Ok(id)
    }

    /// Deletes a quote and remembers the decision; returns what was deleted (for undo).
    pub fn delete_quote(&mut self, id: &str) -> Result<(String, StoredQuote)> {
        let (article_id, quote) = self.quote(id)?;
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM quotes WHERE id = ?1", [id])?;
        // Only the extractor's quotes can come back by themselves; a hand-made one cannot.
        if quote.review != Review::Added {
            tx.execute(
                "INSERT OR REPLACE INTO rejected_quotes (article_id, start, \"end\", kind,
                                                        rejected_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    article_id,
                    quote.quote.start as i64,
                    quote.quote.end as i64,
                    quote.quote.kind.as_str(),
                    now()
                ],
            )?;
        }
        persons::drop_orphans(&tx)?;
        bump_generation(&tx)?;
        tx.commit()?;
        Ok((article_id, quote))
    }

    /// Puts a deleted quote back exactly as it was (the undo of [`Archive::delete_quote`]).
    pub fn restore_quote(&mut self, article_id: &str, quote: &StoredQuote) -> Result<()> {
        let tx = self.conn.transaction()?;
        insert_with_id(&tx, &quote.id, article_id, quote.quote.start, &quote.quote, quote.review)?;
        tx.execute(
            "DELETE FROM rejected_quotes
             WHERE article_id = ?1 AND start = ?2 AND \"end\" = ?3 AND kind = ?4",
            params![
                article_id,
                quote.quote.start as i64,
                quote.quote.end as i64,
                quote.quote.kind.as_str()
            ],
        )?;
        bump_generation(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Replaces the extractor's unreviewed quotes of an article with `found`, keeping every
    /// quote a person confirmed, edited or added, and leaving out what would overlap one of
    /// them or repeat a quote a person deleted. Returns how many quotes were added.
    pub fn replace_extracted(&mut self, article_id: &str, found: &[Quote]) -> Result<usize> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "DELETE FROM quotes WHERE article_id = ?1 AND review = 'unreviewed'",
            [article_id],
        )?;
        let held = spans(
            &tx,
            "SELECT start, \"end\", kind FROM quotes WHERE article_id = ?1
             UNION ALL SELECT start, \"end\", kind FROM rejected_quotes WHERE article_id = ?1",
            article_id,
        )?;
        let mut added = 0;
        for quote in found {
            let taken = held.iter().any(|(start, end, kind)| {
                *kind == quote.kind.as_str() && quote.start < *end && *start < quote.end
            });
            if !taken {
                insert(&tx, article_id, quote.start, quote, Review::Unreviewed)?;
                added += 1;
            }
        }
        persons::drop_orphans(&tx)?;
        bump_generation(&tx)?;
        tx.commit()?;
        Ok(added)
    }
}

fn exists(tx: &Transaction, id: &str) -> Result<bool> {
    Ok(tx.query_row("SELECT 1 FROM quotes WHERE id = ?1", [id], |_| Ok(())).optional()?.is_some())
}

fn spans(tx: &Transaction, sql: &str, article_id: &str) -> Result<Vec<(usize, usize, String)>> {
    let mut stmt = tx.prepare(sql)?;
    let rows = stmt.query_map([article_id], |r| {
        Ok((r.get::<_, i64>(0)? as usize, r.get::<_, i64>(1)? as usize, r.get(2)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
