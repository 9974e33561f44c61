//! Schema migrations: `schema/NNNN_name.sql`, applied in order, tracked by `PRAGMA user_version`.

use rusqlite::Connection;

use super::{Error, Result};

/// Every migration, in order; migration `i` brings the archive to version `i + 1`.
const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_init", include_str!("../../schema/0001_init.sql")),
    (
        "0002_review_people_collections",
        include_str!("../../schema/0002_review_people_collections.sql"),
    ),
    ("0003_library_list_index", include_str!("../../schema/0003_library_list_index.sql")),
];

/// The schema version this build writes.
pub const LATEST: u32 = MIGRATIONS.len() as u32;

/// Brings the archive up to [`LATEST`], one transaction per migration, so a failure leaves the
/// archive at the last version that applied completely. An archive from a newer Sourcebook is
/// refused before anything is written.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    let current: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if current > LATEST {
        return Err(Error::TooNew { found: current, supported: LATEST });
    }
    for (index, (name, sql)) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql).map_err(|source| Error::Migration { name, source })?;
        // user_version cannot be bound as a parameter; the value is our own integer.
        tx.execute_batch(&format!("PRAGMA user_version = {}", index + 1))?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An archive written by the first release, with a linked collective speaker, is brought
    /// up to date: aliases get their keys and the phrase stops being a person.
    #[test]
    fn a_first_release_archive_is_upgraded_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("archive.sqlite3");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(MIGRATIONS[0].1).unwrap();
            conn.execute_batch(
                "PRAGMA user_version = 1;
                 INSERT INTO imports VALUES ('i', 'sha', 'text/plain', NULL, x'00', 'now');
                 INSERT INTO sources (id, csl, provenance, updated_at)
                        VALUES ('s', '{\"type\":\"article\"}', '{}', 'now');
                 INSERT INTO articles (id, import_id, source_id, title, body, body_sha256,
                                       paragraphs, pages, boilerplate, created_at)
                        VALUES ('a', 'i', 's', 't', 'b', 'h', '[]', '[]', '[]', 'now');
                 INSERT INTO persons VALUES ('p1', 'Kim Jong-un'), ('p2', 'analysts');
                 INSERT INTO person_aliases VALUES ('p1', 'Kim Jong-un'), ('p2', 'analysts');
                 INSERT INTO quotes (id, article_id, person_id, ordinal, start, \"end\",
                                     paragraph, text, kind, speaker)
                        VALUES ('q1', 'a', 'p1', 0, 0, 1, 0, 'b', 'direct', 'Kim Jong-un'),
                               ('q2', 'a', 'p2', 1, 0, 1, 0, 'b', 'indirect', 'analysts');",
            )
            .unwrap();
        }
        let archive = super::super::Archive::open(&path).unwrap();
        assert_eq!(archive.person_named("Kim Jong Un").unwrap().as_deref(), Some("p1"));
        assert_eq!(archive.person_named("analysts").unwrap(), None);
        let (_, quote) = archive.quote("q2").unwrap();
        assert_eq!(quote.person_id, None);
        assert_eq!(quote.review, crate::model::Review::Unreviewed);
    }
}
