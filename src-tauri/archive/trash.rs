//! Deleting articles: a deleted article goes to the trash, where it keeps its quotes, tags and
//! corrections until restored or purged. Only purging removes data.

use rusqlite::params;

use super::articles::now;
use super::{bump_generation, persons, strings, Archive, Error, Result};

impl Archive {
    /// Moves articles to the trash.
    pub fn trash(&mut self, ids: &[String]) -> Result<()> {
        self.set_deleted(ids, Some(now()))
    }

    /// Brings articles back from the trash.
    pub fn restore(&mut self, ids: &[String]) -> Result<()> {
        self.set_deleted(ids, None)
    }

    fn set_deleted(&mut self, ids: &[String], at: Option<String>) -> Result<()> {
        let tx = self.conn.transaction()?;
        for id in ids {
            let changed =
                tx.execute("UPDATE articles SET deleted_at = ?2 WHERE id = ?1", params![id, at])?;
            if changed == 0 {
                return Err(Error::NoSuchArticle(id.clone()));
            }
        }
        bump_generation(&tx)?;
        tx.commit()?;
        Ok(())
    }

    pub fn is_trashed(&self, id: &str) -> Result<bool> {
        let at: Option<Option<String>> = rusqlite::OptionalExtension::optional(
            self.conn
                .query_row("SELECT deleted_at FROM articles WHERE id = ?1", [id], |r| r.get(0)),
        )?;
        at.map(|at| at.is_some()).ok_or_else(|| Error::NoSuchArticle(id.to_string()))
    }

    /// Ids of the articles in the trash, most recently deleted first.
    pub fn trashed(&self) -> Result<Vec<String>> {
        strings(
            &self.conn,
            "SELECT id FROM articles WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id",
            [],
        )
    }

    /// Deletes the trashed articles for good, with imports no article comes from any more.
    /// Returns how many articles were removed.
    pub fn purge(&mut self) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let removed = tx.execute("DELETE FROM articles WHERE deleted_at IS NOT NULL", [])?;
        tx.execute(
            "DELETE FROM imports
             WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.import_id = imports.id)",
            [],
        )?;
        tx.execute(
            "DELETE FROM sources
             WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.source_id = sources.id)",
            [],
        )?;
        persons::drop_orphans(&tx)?;
        bump_generation(&tx)?;
        tx.commit()?;
        Ok(removed)
    }
}
