//! Tags on articles and named collections of articles and quotes (the sources of one paper).

use rusqlite::{params, OptionalExtension};

use super::articles::{new_id, now};
use super::{bump_generation, strings, Archive, Error, Result};
use crate::model::{Collection, CollectionItem};

/// A tag as stored: trimmed, inner whitespace collapsed, never empty.
fn clean_tag(tag: &str) -> Result<String> {
    let tag = tag.split_whitespace().collect::<Vec<_>>().join(" ");
    if tag.is_empty() {
        return Err(Error::Invalid("a tag cannot be empty".into()));
    }
    Ok(tag)
}

impl Archive {
    pub(super) fn tags_of(&self, article_id: &str) -> Result<Vec<String>> {
        strings(&self.conn, "SELECT tag FROM tags WHERE article_id = ?1 ORDER BY tag", [article_id])
    }

    /// Adds and removes tags of an article in one change.
    pub fn retag(&mut self, article_id: &str, add: &[String], remove: &[String]) -> Result<()> {
        let tx = self.conn.transaction()?;
        let found = tx.query_row("SELECT 1 FROM articles WHERE id = ?1", [article_id], |_| Ok(()));
        if found.optional()?.is_none() {
            return Err(Error::NoSuchArticle(article_id.to_string()));
        }
        for tag in remove {
            tx.execute(
                "DELETE FROM tags WHERE article_id = ?1 AND tag = ?2",
                params![article_id, clean_tag(tag)?],
            )?;
        }
        for tag in add {
            tx.execute(
                "INSERT OR IGNORE INTO tags (article_id, tag) VALUES (?1, ?2)",
                params![article_id, clean_tag(tag)?],
            )?;
        }
        bump_generation(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Every tag with the number of articles carrying it.
    pub fn tags(&self) -> Result<Vec<(String, usize)>> {
        let mut stmt =
            self.conn.prepare("SELECT tag, COUNT(*) FROM tags GROUP BY tag ORDER BY tag")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as usize)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every collection with its items in order.
    pub fn collections(&self) -> Result<Vec<Collection>> {
        let ids = strings(&self.conn, "SELECT id FROM collections ORDER BY name", [])?;
        ids.iter().map(|id| self.collection(id)).collect()
    }

    /// A collection by id or by name.
    pub fn collection(&self, id_or_name: &str) -> Result<Collection> {
        let (id, name): (String, String) = self
            .conn
            .query_row(
                "SELECT id, name FROM collections WHERE id = ?1 OR name = ?1",
                [id_or_name],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| Error::NoSuchCollection(id_or_name.to_string()))?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT article_id, quote_id FROM collection_items WHERE collection_id = ?1
             ORDER BY position",
        )?;
        let items = stmt.query_map([&id], |r| {
            let quote_id: String = r.get(1)?;
            Ok(CollectionItem {
                article_id: r.get(0)?,
                quote_id: (!quote_id.is_empty()).then_some(quote_id),
            })
        })?;
        Ok(Collection { items: items.collect::<rusqlite::Result<_>>()?, id, name })
    }

    /// Creates a collection, or returns the one of that name.
    pub fn create_collection(&mut self, name: &str) -> Result<Collection> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::Invalid("a collection needs a name".into()));
        }
        self.conn.execute(
            "INSERT OR IGNORE INTO collections (id, name, created_at) VALUES (?1, ?2, ?3)",
            params![new_id(), name, now()],
        )?;
        self.collection(name)
    }

    pub fn rename_collection(&mut self, id: &str, name: &str) -> Result<()> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::Invalid("a collection needs a name".into()));
        }
        let taken = self.conn.query_row(
            "SELECT 1 FROM collections WHERE name = ?1 AND id <> ?2",
            params![name, id],
            |_| Ok(()),
        );
        if taken.optional()?.is_some() {
            return Err(Error::Invalid(format!("a collection named {name:?} exists already")));
        }
        let changed = self
            .conn
            .execute("UPDATE collections SET name = ?2 WHERE id = ?1", params![id, name])?;
        if changed == 0 {
            return Err(Error::NoSuchCollection(id.to_string()));
        }
        Ok(())
    }

    /// Deletes a collection (not its articles); returns it, so the caller can offer undo.
    pub fn delete_collection(&mut self, id: &str) -> Result<Collection> {
        let collection = self.collection(id)?;
        self.conn.execute("DELETE FROM collections WHERE id = ?1", [&collection.id])?;
        Ok(collection)
    }

    /// Appends items not yet in the collection, in the order given.
    pub fn add_to_collection(&mut self, id: &str, items: &[CollectionItem]) -> Result<()> {
        let tx = self.conn.transaction()?;
        let next: i64 = tx.query_row(
            "SELECT COALESCE(MAX(position) + 1, 0) FROM collection_items WHERE collection_id = ?1",
            [id],
            |r| r.get(0),
        )?;
        for (offset, item) in items.iter().enumerate() {
            tx.execute(
                "INSERT OR IGNORE INTO collection_items (collection_id, article_id, quote_id,
                                                         position)
                 VALUES (?1, ?2, ?3, ?4)",
                params![
                    id,
                    item.article_id,
                    item.quote_id.as_deref().unwrap_or(""),
                    next + offset as i64
                ],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn remove_from_collection(&mut self, id: &str, items: &[CollectionItem]) -> Result<()> {
        let tx = self.conn.transaction()?;
        for item in items {
            tx.execute(
                "DELETE FROM collection_items
                 WHERE collection_id = ?1 AND article_id = ?2 AND quote_id = ?3",
                params![id, item.article_id, item.quote_id.as_deref().unwrap_or("")],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The citekey an article's work was given at its first export, if any.
    pub fn citekey(&self, article_id: &str) -> Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT s.citekey FROM articles a JOIN sources s ON s.id = a.source_id
                 WHERE a.id = ?1",
                [article_id],
                |r| r.get::<_, Option<String>>(0),
            )
            .optional()?
            .ok_or_else(|| Error::NoSuchArticle(article_id.to_string()))
    }

    pub fn citekey_taken(&self, key: &str) -> Result<bool> {
        let found =
            self.conn.query_row("SELECT 1 FROM sources WHERE citekey = ?1", [key], |_| Ok(()));
        Ok(found.optional()?.is_some())
    }

    /// Gives an article's work its citekey, once: a key already given is never replaced.
    pub fn assign_citekey(&mut self, article_id: &str, key: &str) -> Result<String> {
        self.conn.execute(
            "UPDATE sources SET citekey = ?2
             WHERE id = (SELECT source_id FROM articles WHERE id = ?1) AND citekey IS NULL",
            params![article_id, key],
        )?;
        self.citekey(article_id)?.ok_or_else(|| Error::NoSuchArticle(article_id.to_string()))
    }
}
