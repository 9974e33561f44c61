//! Exports: citekeys that stay, bibliography files that other tools read back, and quotes in
//! Markdown that pandoc's citeproc renders.

use std::process::Command;

use serde_json::Value;

use crate::{fixture, Sandbox};

/// The seed with its metadata filled in, and a Zotero BibTeX file's records.
fn archive(sb: &Sandbox) -> String {
    let id = sb.import_cited_seed();
    let bib = fixture("records/zotero.bib");
    assert!(sb.run(&["import", bib.to_str().unwrap()]).ok);
    id
}

fn export(sb: &Sandbox, args: &[&str]) -> Value {
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    all.push("--json");
    sb.json(&all)
}

#[test]
fn citekeys_are_readable_unique_and_never_change_once_given() {
    let sb = Sandbox::new();
    let id = archive(&sb);
    let first = export(&sb, &["--format", "bibtex"]);
    let keys: Vec<&str> =
        first["citekeys"].as_array().unwrap().iter().map(|k| k.as_str().unwrap()).collect();
    let mut unique = keys.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), keys.len(), "{keys:?}");
    assert!(keys.contains(&"park2024north"), "author, year, first title word: {keys:?}");
    for key in &keys {
        assert!(first["content"].as_str().unwrap().contains(&format!("{{{key},")), "{key}");
    }
    // Another author and year would make another key; the given one stays.
    sb.json(&["edit", &id, "--author", "Kim, Soo-yeon", "--date", "2025", "--json"]);
    let again = export(&sb, &["--format", "csl-json"]);
    assert_eq!(again["citekeys"], first["citekeys"]);
}

#[test]
fn csl_json_and_ris_exports_reimport_with_nothing_lost() {
    let sb = Sandbox::new();
    archive(&sb);
    let before = sb.json(&["list", "--json"]);
    for format in ["csl-json", "ris"] {
        let exported = export(&sb, &["--format", format]);
        let fresh = Sandbox::new();
        let file = fresh.write(
            &format!("export.{}", if format == "ris" { "ris" } else { "json" }),
            exported["content"].as_str().unwrap().as_bytes(),
        );
        let report = fresh.json(&["import", file.to_str().unwrap(), "--json"]);
        assert_eq!(report["failed"], 0, "{report}");
        let after = fresh.json(&["list", "--json"]);
        for article in before.as_array().unwrap() {
            let back = after
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["title"] == article["title"])
                .unwrap_or_else(|| panic!("{format}: {} did not come back", article["title"]));
            for field in ["publication", "date"] {
                assert_eq!(
                    back[field], article[field],
                    "{format}: {field} of {}",
                    article["title"]
                );
            }
        }
    }
}

#[test]
fn markdown_quotes_render_with_pandoc_citeproc() {
    let sb = Sandbox::new();
    let id = archive(&sb);
    let burden = sb.json(&["show", &id, "--json"])["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["text"] == "quite a burden")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let markdown = export(&sb, &["--format", "markdown", &burden]);
    let text = markdown["content"].as_str().unwrap();
    assert!(text.contains("— Cho Han-bum, a senior research fellow"), "{text}");
    assert!(text.contains("[@park2024north, para. 9]"), "{text}");
    let bib = export(&sb, &["--format", "csl-json", &burden]);
    let md = sb.write("quotes.md", text.as_bytes());
    let json = sb.write("quotes.json", bib["content"].as_str().unwrap().as_bytes());
    let out = Command::new("pandoc")
        .args(["--citeproc", "-t", "plain", "--bibliography"])
        .arg(&json)
        .arg(&md)
        .output()
        .expect("pandoc is installed by scripts/setup.sh");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rendered = String::from_utf8(out.stdout).unwrap();
    assert!(rendered.contains("quite a burden"), "{rendered}");
    assert!(
        rendered.contains("(Park 2024, para. 9)"),
        "pandoc's default Chicago author-date: {rendered}"
    );
    assert!(rendered.contains("South China Morning Post"), "the bibliography: {rendered}");
}

#[test]
fn markdown_notes_cite_the_speaker_through_the_article_in_the_style() {
    let sb = Sandbox::new();
    let id = archive(&sb);
    sb.json(&["collection", "add", "Satellite paper", &id, "--json"]);
    let notes = export(&sb, &["--format", "markdown-notes", "--collection", "Satellite paper"]);
    let text = notes["content"].as_str().unwrap();
    assert!(
        text.contains("[^1]: LyngSat, quoted in Park Chan-kyong, “North Korea’s Shifting"),
        "{text}"
    );
    assert!(text.contains("## Bibliography"), "{text}");
    assert_eq!(notes["citekeys"], serde_json::json!(["park2024north"]), "only the collection");
}

#[test]
fn exports_list_what_each_work_lacks_and_bad_formats_are_one_error() {
    let sb = Sandbox::new();
    sb.import_seed();
    let run = sb.run(&["export", "--format", "ris"]);
    assert!(run.ok, "{}", run.stderr);
    assert!(run.stdout.starts_with("TY  - "), "{}", run.stdout);
    assert!(run.stderr.contains("has no container-title, author, issued, URL"), "{}", run.stderr);
    let run = sb.run(&["export", "--format", "docx"]);
    assert!(!run.ok);
    assert!(run.stderr.contains("unknown export format \"docx\""), "{}", run.stderr);
    assert_eq!(run.stderr.trim().lines().count(), 1, "{}", run.stderr);
    let out = sb.dir.path().join("out.bib");
    assert!(sb.run(&["export", "--format", "biblatex", "-o", out.to_str().unwrap()]).ok);
    assert!(std::fs::read_to_string(out).unwrap().starts_with("@article{"));
}

#[test]
fn korean_names_are_cited_family_name_first_until_a_person_says_otherwise() {
    let sb = Sandbox::new();
    let id = archive(&sb);
    let note = |sb: &Sandbox| {
        sb.json(&["cite", &id, "--style", "chicago-notes-bibliography", "--json"])["works"][0]
            ["citation"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(note(&sb).starts_with("Park Chan-kyong, “North Korea’s"), "{}", note(&sb));
    assert!(sb.run(&["person", "order", "Park Chan-kyong", "given-first"]).ok);
    assert!(note(&sb).starts_with("Chan-kyong Park, “North Korea’s"), "{}", note(&sb));
}
