//! The archive file: created on first use, migrated, and never touched when it is newer.

use crate::Sandbox;

#[test]
fn an_archive_from_a_newer_version_is_refused_and_left_untouched() {
    let sb = Sandbox::new();
    sb.import_seed();
    let path = sb.data_dir().join("archive.sqlite3");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let run = sb.run(&["list"]);
    assert!(!run.ok);
    assert!(run.stderr.contains("newer Sourcebook"), "{}", run.stderr);
    assert_eq!(std::fs::read(&path).unwrap(), before, "not a byte changed");
}

#[test]
fn the_data_dir_comes_from_the_environment_when_no_flag_is_given() {
    let sb = Sandbox::new();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_sourcebook"))
        .args(["import", crate::seed().to_str().unwrap()])
        .env("SOURCEBOOK_DATA_DIR", sb.data_dir())
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(sb.data_dir().join("archive.sqlite3").exists());
}

#[test]
fn the_original_bytes_are_kept_with_their_hash() {
    let sb = Sandbox::new();
    let id = sb.import_seed();
    let conn = rusqlite::Connection::open(sb.data_dir().join("archive.sqlite3")).unwrap();
    let (bytes, sha): (Vec<u8>, String) = conn
        .query_row(
            "SELECT i.bytes, i.sha256 FROM imports i JOIN articles a ON a.import_id = i.id WHERE a.id = ?1",
            [&id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(bytes, std::fs::read(crate::seed()).unwrap());
    let article = sb.json(&["show", &id, "--json"]);
    assert_eq!(article["sha256"], sha.as_str());
    assert_eq!(sha.len(), 64);
}

#[test]
fn a_deleted_article_leaves_lists_and_search_until_restored_and_purge_ends_it() {
    let sb = Sandbox::new();
    let id = sb.import_seed();
    let found =
        |sb: &Sandbox| sb.json(&["search", "\"quite a burden\"", "--json"])["total"].clone();
    assert!(found(&sb).as_u64().unwrap() > 0);
    assert!(sb.run(&["delete", &id]).ok);
    assert_eq!(sb.json(&["list", "--json"]), serde_json::json!([]));
    assert_eq!(found(&sb), 0);
    assert_eq!(sb.json(&["trash", "--json"])[0]["id"], id.as_str());
    let run = sb.run(&["restore", "zzz"]);
    assert!(run.stderr.contains("no deleted article id starts with"), "{}", run.stderr);
    assert!(sb.run(&["restore", &id[..13]]).ok, "a unique prefix of a trashed id");
    assert_eq!(sb.json(&["list", "--json"]).as_array().unwrap().len(), 1);
    assert!(found(&sb).as_u64().unwrap() > 0);
    assert!(sb.run(&["delete", &id]).ok);
    assert!(sb.run(&["trash", "--purge"]).ok);
    assert_eq!(sb.json(&["trash", "--json"]), serde_json::json!([]));
    let report = sb.json(&["import", crate::seed().to_str().unwrap(), "--json"]);
    assert_eq!(report["imported"], 1, "purged bytes import anew: {report}");
}
