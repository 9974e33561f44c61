//! Schema migrations: `schema/NNNN_name.sql`, applied in order, tracked by `PRAGMA user_version`.

use rusqlite::Connection;

use super::{Error, Result};

/// Every migration, in order; migration `i` brings the archive to version `i + 1`.
const MIGRATIONS: &[(&str, &str)] = &[("0001_init", include_str!("../../schema/0001_init.sql"))];

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
