//! Bad input: one clear line, a non-zero exit, and an archive left as it was.

use crate::{fixture, seed, Sandbox};

/// Everything a user could see of the archive, to compare before and after a failure.
fn snapshot(sb: &Sandbox) -> String {
    sb.json(&["list", "--json"]).to_string()
}

fn assert_refused(sb: &Sandbox, path: &str, expect: &str) {
    let before = snapshot(sb);
    let run = sb.run(&["import", path]);
    assert!(!run.ok, "importing {path} should fail");
    assert_eq!(run.stderr.trim().lines().count(), 1, "one line: {}", run.stderr);
    assert!(run.stderr.contains(expect), "{expect:?} not in {}", run.stderr);
    assert_eq!(snapshot(sb), before, "the archive is unchanged");
}

#[test]
fn a_missing_path() {
    let sb = Sandbox::new();
    sb.import_seed();
    assert_refused(&sb, "/no/such/file.txt", "/no/such/file.txt");
}

#[test]
fn an_empty_file() {
    let sb = Sandbox::new();
    sb.import_seed();
    let empty = sb.write("empty.txt", b"");
    assert_refused(&sb, empty.to_str().unwrap(), "empty");
}

#[test]
fn a_binary_file() {
    let sb = Sandbox::new();
    sb.import_seed();
    assert_refused(&sb, fixture("not-an-article.bin").to_str().unwrap(), "binary");
}

#[test]
fn a_folder_of_good_and_bad_files_imports_the_good_and_lists_the_bad() {
    let sb = Sandbox::new();
    let folder = sb.dir.path().join("inbox");
    sb.write("inbox/a-seed.txt", &std::fs::read(seed()).unwrap());
    sb.write(
        "inbox/nested/b-bridge.txt",
        &std::fs::read(fixture("reuters-style-clip.txt")).unwrap(),
    );
    sb.write("inbox/c-empty.txt", b"\n\n");
    sb.write("inbox/d-garbage.dat", &std::fs::read(fixture("not-an-article.bin")).unwrap());
    let run = sb.run(&["import", folder.to_str().unwrap(), "--json"]);
    assert!(!run.ok, "a batch with failures exits non-zero");
    let report = run.json();
    assert_eq!(report["imported"], 2);
    assert_eq!(report["failed"], 2);
    let failed: Vec<&str> = report["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["status"] == "failed")
        .map(|o| o["path"].as_str().unwrap())
        .collect();
    assert!(
        failed[0].ends_with("c-empty.txt") && failed[1].ends_with("d-garbage.dat"),
        "{failed:?}"
    );
    assert_eq!(sb.json(&["list", "--json"]).as_array().unwrap().len(), 2);
}

#[test]
fn an_invalid_edit_changes_nothing() {
    let sb = Sandbox::new();
    let id = sb.import_seed();
    let before = snapshot(&sb);
    let run = sb.run(&["edit", &id, "--date", "2024-02-30"]);
    assert!(!run.ok);
    assert!(run.stderr.contains("invalid date"), "{}", run.stderr);
    assert_eq!(snapshot(&sb), before);
}

#[test]
fn an_unknown_id() {
    let sb = Sandbox::new();
    sb.import_seed();
    let run = sb.run(&["show", "ffffffff"]);
    assert!(!run.ok);
    assert!(run.stderr.contains("no article id starts with"), "{}", run.stderr);
}

#[cfg(feature = "desktop")]
#[test]
fn no_command_and_no_display_explains_instead_of_crashing() {
    let sb = Sandbox::new();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_sourcebook"))
        .arg("--data-dir")
        .arg(sb.data_dir())
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("no display"), "{stderr}");
}

#[test]
fn a_huge_file_is_refused_without_being_read() {
    let sb = Sandbox::new();
    sb.import_seed();
    let path = sb.dir.path().join("huge.txt");
    // Sparse: 200 MB on paper, nothing on disk.
    std::fs::File::create(&path).unwrap().set_len(200 * 1024 * 1024).unwrap();
    assert_refused(&sb, path.to_str().unwrap(), "the limit is");
}

#[test]
fn broken_files_of_every_format_are_refused_by_name() {
    let sb = Sandbox::new();
    sb.import_seed();
    for (name, expect) in [
        ("pdf/truncated.pdf", "damaged or truncated"),
        ("html/binary-garbage.html", "binary"),
        ("records/unbalanced.bib", "unbalanced braces"),
        ("records/no-er.ris", "no ER end tag"),
        ("records/not-csl.json", "CSL-JSON"),
        ("records/empty.rss", "no items"),
    ] {
        let path = fixture(name);
        assert_refused(&sb, path.to_str().unwrap(), expect);
        let run = sb.run(&["import", path.to_str().unwrap()]);
        assert!(
            run.stderr.contains(name.rsplit('/').next().unwrap()),
            "names the file: {}",
            run.stderr
        );
    }
}

#[test]
fn invalid_utf8_in_a_page_that_declares_utf8() {
    let sb = Sandbox::new();
    sb.import_seed();
    let page = sb.write(
        "declared.html",
        b"<html><head><meta charset=\"utf-8\"><title>T</title></head><body><p>Caf\xe9</p></body></html>",
    );
    assert_refused(&sb, page.to_str().unwrap(), "not valid UTF-8");
}

#[test]
fn an_id_prefix_must_name_one_article() {
    let sb = Sandbox::new();
    let id = sb.import_seed();
    sb.json(&["import", fixture("reuters-style-clip.txt").to_str().unwrap(), "--json"]);
    // UUID v7 ids made in the same second share their first characters.
    let run = sb.run(&["show", &id[..4]]);
    assert!(!run.ok);
    assert!(run.stderr.contains("matches more than one article"), "{}", run.stderr);
    assert_eq!(sb.json(&["show", &id[..20], "--json"])["id"], id.as_str());
}
