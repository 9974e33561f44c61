//! Citations through citeproc-js and a real CSL style, honest about what is missing.

use crate::Sandbox;

#[test]
fn a_chicago_note_says_what_is_missing_until_the_date_is_filled_in() {
    let sb = Sandbox::new();
    let id = sb.import_seed();
    let before = sb.json(&["cite", &id, "--style", "chicago-notes-bibliography", "--json"]);
    let note = before["citation"].as_str().unwrap();
    assert!(note.contains("North Korea’s Shifting Satellite Allegiance to Russia Signals China’s Waning Influence"), "{note}");
    assert!(note.contains("n.d."), "a note without a date says so: {note}");
    assert!(!note.contains("2024"), "no date is invented: {note}");
    assert_eq!(
        before["missing"],
        serde_json::json!(["container-title", "author", "issued", "URL"])
    );

    sb.json(&[
        "edit",
        &id,
        "--date",
        "2024-07-09",
        "--publication",
        "South China Morning Post",
        "--json",
    ]);
    let after = sb.json(&["cite", &id, "--style", "chicago-notes-bibliography", "--json"]);
    let note = after["citation"].as_str().unwrap();
    assert_eq!(
        note,
        "“North Korea’s Shifting Satellite Allegiance to Russia Signals China’s Waning Influence,” South China Morning Post, July 9, 2024."
    );
    assert!(!note.contains("n.d."));
    assert_eq!(after["missing"], serde_json::json!(["author", "URL"]));
}

#[test]
fn plain_cite_prints_note_and_bibliography_and_warns_on_stderr() {
    let sb = Sandbox::new();
    let id = sb.import_seed();
    let run = sb.run(&["cite", &id[..13]]);
    assert!(run.ok, "{}", run.stderr);
    assert!(run.stdout.contains("n.d."));
    assert!(run.stderr.contains("no container-title, author, issued, URL"), "{}", run.stderr);
}

#[test]
fn an_unknown_style_is_one_clear_error() {
    let sb = Sandbox::new();
    let id = sb.import_seed();
    let run = sb.run(&["cite", &id, "--style", "no-such-style"]);
    assert!(!run.ok);
    assert_eq!(run.stderr.trim().lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains("no-such-style"), "{}", run.stderr);
}

#[test]
fn render_prints_the_reference_document_for_csl_json_items() {
    let sb = Sandbox::new();
    let items = crate::fixture("csl-items.json");
    let out =
        sb.json(&["render", "--style", "ieee", "--csl-json", items.to_str().unwrap(), "--json"]);
    let entry = &out["tumen-bridge"];
    assert_eq!(entry["cite_text"], "[1]");
    assert_eq!(entry["bib_position"], 1);
    let bib = entry["bib_text"].as_str().unwrap();
    assert!(
        bib.starts_with(
            "[1] A. Petrova, “Russia and North Korea open new road bridge over the Tumen River,”"
        ),
        "{bib}"
    );
    assert!(bib.contains("Jun. 18, 2025"), "{bib}");
    assert!(entry["bib_html"].as_str().unwrap().contains("<i>Vladivostok Courier</i>"));
}

#[test]
fn render_refuses_a_broken_items_file() {
    let sb = Sandbox::new();
    let bad = sb.write("items.json", b"{ not json");
    let run = sb.run(&["render", "--style", "apa", "--csl-json", bad.to_str().unwrap(), "--json"]);
    assert!(!run.ok);
    assert!(run.stderr.contains("not a CSL-JSON array"), "{}", run.stderr);
}
