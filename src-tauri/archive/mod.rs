//! The SQLite archive: the single source of truth for imports, sources, articles and quotes.

mod articles;
mod collections;
mod migrate;
mod names;
mod persons;
mod quotes;
mod trash;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use articles::{full_name, title_key, ImportedFile, NewArticle, SourceUpdate, StoredImport};
pub use migrate::LATEST as SCHEMA_VERSION;
pub use names::{is_proper_name, looks_family_first, name_key};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot open the archive at {path}: {source}")]
    Open { path: PathBuf, source: rusqlite::Error },
    #[error(
        "this archive was written by a newer Sourcebook (schema version {found}; this build \
         knows up to {supported}); it was left untouched — please upgrade Sourcebook"
    )]
    TooNew { found: u32, supported: u32 },
    #[error("migration {name} failed: {source}")]
    Migration { name: &'static str, source: rusqlite::Error },
    #[error("no article with id {0}")]
    NoSuchArticle(String),
    #[error("no quote with id {0}")]
    NoSuchQuote(String),
    #[error("no person with id {0}")]
    NoSuchPerson(String),
    #[error("no collection named or with id {0:?}")]
    NoSuchCollection(String),
    #[error("{0}")]
    Invalid(String),
    #[error("the archive holds malformed data: {0}")]
    Corrupt(String),
    #[error("archive error: {0}")]
    Sql(#[from] rusqlite::Error),
}

pub type Result<T> = std::result::Result<T, Error>;

pub struct Archive {
    conn: Connection,
    path: PathBuf,
}

impl Archive {
    /// Opens (creating if needed) the archive file and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Archive> {
        let open_err = |source| Error::Open { path: path.to_path_buf(), source };
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(open_err)?;
        // Refuse a newer archive before touching it, even with a journal-mode change.
        let version: u32 =
            conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(open_err)?;
        if version > SCHEMA_VERSION {
            return Err(Error::TooNew { found: version, supported: SCHEMA_VERSION });
        }
        conn.pragma_update(None, "journal_mode", "WAL").map_err(open_err)?;
        conn.pragma_update(None, "foreign_keys", true).map_err(open_err)?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(open_err)?;
        conn.busy_timeout(std::time::Duration::from_secs(5)).map_err(open_err)?;
        names::register(&conn).map_err(open_err)?;
        migrate::migrate(&mut conn)?;
        Ok(Archive { conn, path: path.to_path_buf() })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The change counter: bumped by every write, recorded by the search index.
    pub fn generation(&self) -> Result<u64> {
        Ok(self.conn.query_row(
            "SELECT value FROM archive_state WHERE key = 'generation'",
            [],
            |r| r.get::<_, i64>(0),
        )? as u64)
    }
}

/// What an id names, for finding ids by their first characters.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    Article,
    /// An article in the trash.
    Trashed,
    Quote,
    Person,
}

impl Archive {
    /// Up to `limit` ids of `kind` starting with `prefix`, found through the primary key: ids
    /// are ASCII, so every match sorts in `[prefix, prefix + DEL)`. `Kind::Article` leaves the
    /// trash out; `Kind::Trashed` is only the trash.
    pub fn ids_starting_with(&self, kind: Kind, prefix: &str, limit: usize) -> Result<Vec<String>> {
        let (table, only) = match kind {
            Kind::Article => ("live_articles", ""),
            Kind::Trashed => ("articles", "AND deleted_at IS NOT NULL"),
            Kind::Quote => ("quotes", ""),
            Kind::Person => ("persons", ""),
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT id FROM {table} WHERE id >= ?1 AND id < ?2 {only} ORDER BY id LIMIT ?3"
        ))?;
        let upper = format!("{prefix}\u{7f}");
        let ids = stmt.query_map(rusqlite::params![prefix, upper, limit as i64], |r| r.get(0))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }
}

fn bump_generation(tx: &rusqlite::Transaction) -> Result<()> {
    tx.execute("UPDATE archive_state SET value = value + 1 WHERE key = 'generation'", [])?;
    Ok(())
}

/// The one text column of every row `sql` selects.
fn strings<P: rusqlite::Params>(
    conn: &rusqlite::Connection,
    sql: &str,
    params: P,
) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(params, |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
