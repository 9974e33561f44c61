//! Round trips of the exports through the programs that read them: the CSL data schema
//! (Python's `jsonschema`), pandoc's citeproc, biber with biblatex under LuaLaTeX, and
//! Sourcebook's own importer, over the items in `tests/fixtures/export/items.json`.
//!
//! The programs are required, not optional: Debian's `pandoc`, `biber`, `texlive-latex-base`,
//! `texlive-latex-recommended` and `texlive-bibtex-extra`, and `pip install jsonschema`.
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{json, Map, Value};

use super::*;
use crate::ingest;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export").join(name)
}

fn items() -> Vec<Value> {
    let path = fixture("items.json");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

/// The keys the fixture items must get, in item order: readable, and unique among them.
const KEYS: &[&str] = &[
    "park2024north",
    "korea2024editorial",
    "kim2024korea",
    "yonhap2024",
    "tass2024putin",
    "kcna2023kim",
    "ministry2024statement",
    "lin2024foreign",
    "lankov2024why",
    "kbs2024",
    "cho2024assessing",
    "berg2024eyes",
    "choi2023beijing",
    "zhang2023china",
    "muller2024beijing",
    "lukin2024rossiya",
    "xinhua2024",
    "nk2024live",
    "lyngsatndkorean",
    "anonndrason",
];

fn keys() -> Vec<String> {
    KEYS.iter().map(|k| k.to_string()).collect()
}

/// Runs a program, failing the test with what to install when it is missing.
fn run(command: &mut Command, package: &str) -> Output {
    command.output().unwrap_or_else(|e| {
        panic!("cannot run {:?} ({e}); install {package}", command.get_program())
    })
}

fn stdout_and_stderr(output: &Output) -> String {
    format!(
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Imports exported text the way a user's file is imported: format sniffed, text normalised,
/// a language detected when the record gives none.
fn reimport(text: &str, file_name: &str) -> Vec<ingest::Extracted> {
    ingest::read(text.as_bytes(), Some(file_name))
        .unwrap_or_else(|e| panic!("{file_name} does not import: {e}\n{text}"))
}

/// A re-imported item, without the language the importer detects for an item that gave none.
fn source(doc: &ingest::Extracted) -> Value {
    let mut source = serde_json::to_value(&doc.source).unwrap();
    if doc.provenance.get("language").map(String::as_str) == Some("detected") {
        source.as_object_mut().unwrap().remove("language");
    }
    source
}

/// The item as it should come back from a lossless format: its key as `citation-key`.
fn keyed(item: &Value, key: &str) -> Map<String, Value> {
    let mut item = item.as_object().unwrap().clone();
    item.remove("id");
    item.insert("citation-key".into(), json!(key));
    item
}

#[test]
fn fixture_items_get_readable_unique_keys() {
    assert_eq!(citekeys(&items(), |_| false), KEYS);
    let again = citekeys(&items(), |k| KEYS.contains(&k));
    assert_eq!(again[0], "park2024northa", "a taken key is never given twice");
}

#[test]
fn csl_json_validates_against_the_csl_schema() {
    let dir = tempfile::tempdir().unwrap();
    let exported = dir.path().join("export.json");
    fs::write(&exported, csl_json(&items(), &keys())).unwrap();
    // The same check on an item without its required `id` must fail, or the check checks
    // nothing.
    let broken = dir.path().join("broken.json");
    fs::write(&broken, r#"[{"type": "book", "title": "No id"}]"#).unwrap();
    let validate = |data: &Path| {
        run(
            Command::new("python3").args(["-c", VALIDATE]).arg(fixture("csl-data.json")).arg(data),
            "python3 with jsonschema (pip install jsonschema)",
        )
    };
    let valid = validate(&exported);
    assert!(
        valid.status.success(),
        "export.json is not valid CSL-JSON:\n{}",
        stdout_and_stderr(&valid)
    );
    let invalid = validate(&broken);
    assert!(!invalid.status.success(), "the schema check accepted an item without an id");
    assert!(stdout_and_stderr(&invalid).contains("'id' is a required property"));
}

/// Validates a JSON file (argv[2]) against a JSON schema (argv[1]) and prints every error.
const VALIDATE: &str = "
import json, sys, jsonschema
schema, data = (json.load(open(p, encoding='utf-8')) for p in sys.argv[1:3])
errors = list(jsonschema.Draft7Validator(schema).iter_errors(data))
for e in errors:
    print('/'.join(map(str, e.absolute_path)), e.message)
sys.exit(1 if errors else 0)
";

#[test]
fn csl_json_renders_with_pandoc_citeproc() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("export.json"), csl_json(&items(), &keys())).unwrap();
    let cites: Vec<String> = KEYS.iter().map(|k| format!("[@{k}]")).collect();
    fs::write(dir.path().join("doc.md"), cites.join("\n\n")).unwrap();
    let style = Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/cite/styles/apa.csl");
    let output = run(
        Command::new("pandoc")
            .args(["--citeproc", "--to=plain", "--wrap=none", "--bibliography=export.json"])
            .arg(format!("--csl={}", style.display()))
            .arg("doc.md")
            .current_dir(dir.path()),
        "Debian's pandoc",
    );
    let rendered = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success() && output.stderr.is_empty(), "{}", stdout_and_stderr(&output));
    assert!(!rendered.contains("???"), "a citation was not found:\n{rendered}");
    // One paragraph per citation, then one per bibliography entry.
    let paragraphs: Vec<&str> = rendered.split("\n\n").map(str::trim).collect();
    let bibliography = &paragraphs[KEYS.len()..];
    assert_eq!(bibliography.len(), KEYS.len(), "one entry per item:\n{rendered}");
    for (item, key) in items().iter().zip(KEYS) {
        let title = item["title"].as_str().unwrap();
        let entry = bibliography.iter().find(|entry| entry.contains(title)).unwrap_or_else(|| {
            panic!("no bibliography entry with the title of {key}:\n{rendered}")
        });
        let who = match &item["author"][0] {
            Value::Null => None,
            first => first.get("family").or(first.get("literal")).and_then(Value::as_str),
        };
        // The names come before the date: "van der Berg, A., & Kowalski, T. J. (2024, …".
        let names = entry.split(" (").next().unwrap();
        if let Some(who) = who {
            assert!(names.contains(who), "{key}: {entry:?} does not start with {who:?}");
        }
        if item.get("author").is_none() && item.get("editor").is_some() {
            assert!(entry.contains("(Eds.)"), "{key}: editors are marked: {entry:?}");
        }
        if item.get("issued").is_none() {
            assert!(entry.contains("(n.d.)"), "{key}: an undated item says so: {entry:?}");
        }
    }
}

#[test]
fn csl_json_reimports_with_nothing_lost() {
    let items = items();
    let docs = reimport(&csl_json(&items, &keys()), "export.json");
    assert_eq!(docs.len(), items.len());
    for ((doc, item), key) in docs.iter().zip(&items).zip(KEYS) {
        assert_eq!(source(doc), Value::Object(keyed(item, key)), "{key}");
    }
}

#[test]
fn ris_reimports_with_only_what_ris_cannot_say_lost() {
    let items = items();
    let text = ris(&items, &keys());
    let docs = reimport(&text, "export.ris");
    assert_eq!(docs.len(), items.len());
    for ((doc, item), key) in docs.iter().zip(&items).zip(KEYS) {
        assert_eq!(source(doc), Value::Object(ris_expected(item, key)), "{key}\n{text}");
    }
}

/// What RIS keeps of an item, as the RIS writer's documentation says.
fn ris_expected(item: &Value, key: &str) -> Map<String, Value> {
    let mut item = keyed(item, key);
    for variable in ["event-place", "medium", "interviewer"] {
        item.remove(variable);
    }
    if item["type"] != "report" {
        item.remove("number");
    }
    let stand_in = match item["type"].as_str() {
        Some("interview") => Some("personal_communication"),
        Some("broadcast") => Some("motion_picture"),
        _ => None,
    };
    if let Some(stand_in) = stand_in {
        item.insert("type".into(), json!(stand_in));
    }
    for name in item.get_mut("author").and_then(Value::as_array_mut).into_iter().flatten() {
        let name = name.as_object_mut().unwrap();
        if let Some(particle) = name.remove("non-dropping-particle") {
            let family =
                format!("{} {}", particle.as_str().unwrap(), name["family"].as_str().unwrap());
            name.insert("family".into(), json!(family));
        }
    }
    if let Some(parts) = item.get_mut("issued").and_then(|d| d["date-parts"].as_array_mut()) {
        parts.truncate(1);
    }
    if let Some(original) = item.remove("original-title") {
        item.insert("note".into(), json!(format!("OP: {}", original.as_str().unwrap())));
    }
    item
}

#[test]
fn biblatex_compiles_with_biber() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    fs::write(dir.join("export.bib"), bibtex(&items(), &keys(), Dialect::Biblatex)).unwrap();
    fs::write(dir.join("doc.tex"), DOCUMENT).unwrap();
    lualatex(dir);
    let biber = run(Command::new("biber").arg("doc").current_dir(dir), "Debian's biber");
    let log = fs::read_to_string(dir.join("doc.blg")).unwrap_or_default();
    assert!(biber.status.success(), "biber failed:\n{}", stdout_and_stderr(&biber));
    let problems: Vec<&str> =
        log.lines().filter(|l| l.contains("WARN") || l.contains("ERROR")).collect();
    assert!(problems.is_empty(), "biber complains:\n{}", problems.join("\n"));
    let bbl = fs::read_to_string(dir.join("doc.bbl")).unwrap();
    for key in KEYS {
        assert!(bbl.contains(&format!("\\entry{{{key}}}")), "{key} is not in the .bbl:\n{bbl}");
    }
    // biber read the names as written: family names first stay family names, institutions
    // stay whole, particles stay particles; titles keep their escapes and protected capitals.
    let bbl: String = bbl.lines().map(str::trim).collect();
    for part in [
        "family={Park},familyi={P\\bibinitperiod},given={Chan-kyong}",
        "family={Kim},familyi={K\\bibinitperiod},given={Soo-yeon}",
        "family={Zhang},familyi={Z\\bibinitperiod},given={Hui}",
        "family={김},familyi={김\\bibinitperiod},given={수연}",
        "family={{Ministry of Unification}}",
        "family={Berg},familyi={B\\bibinitperiod},given={Anneke},giveni={A\\bibinitperiod},\
         prefix={van\\bibnamedelima der}",
        "\\field{title}{{North Korea} switches state {TV} satellite from {Russian} to {Chinese}}",
        "\\field{title}{{Beijing’s} balancing act: {China, North Korea} \\& the {Russia} factor \
         in 95\\% of trade}",
        "\\field{title}{{Korean Central TV}}",
    ] {
        assert!(bbl.contains(part), "the .bbl lacks {part:?}:\n{bbl}");
    }
    lualatex(dir);
}

const DOCUMENT: &str = r"\documentclass{article}
\usepackage[backend=biber]{biblatex}
\addbibresource{export.bib}
\begin{document}
\nocite{*}
\printbibliography
\end{document}
";

/// LuaLaTeX, because it reads any UTF-8 (Hangul, Han, Cyrillic) without extra packages; a
/// glyph missing from the font is only a warning.
fn lualatex(dir: &Path) {
    let output = run(
        Command::new("lualatex")
            .args(["-interaction=nonstopmode", "-halt-on-error", "doc.tex"])
            .current_dir(dir),
        "Debian's texlive-latex-base, texlive-latex-recommended and texlive-bibtex-extra",
    );
    let log = fs::read_to_string(dir.join("doc.log")).unwrap_or_default();
    let errors: Vec<&str> = log.lines().filter(|l| l.starts_with('!')).collect();
    assert!(
        output.status.success() && errors.is_empty(),
        "LaTeX errors:\n{}\n{log}",
        errors.join("\n")
    );
}

#[test]
fn bibtex_and_biblatex_read_back_field_by_field() {
    let items = items();
    for dialect in [Dialect::Biblatex, Dialect::Bibtex] {
        let text = bibtex(&items, &keys(), dialect);
        let docs = reimport(&text, "export.bib");
        assert_eq!(docs.len(), items.len());
        for ((doc, item), key) in docs.iter().zip(&items).zip(KEYS) {
            let back = source(doc);
            for (variable, expected) in bib_expected(item, key, dialect) {
                assert_eq!(
                    back.get(&variable),
                    Some(&expected),
                    "{dialect:?} {key} {variable}\n{text}"
                );
            }
        }
    }
}

/// The variables a .bib entry keeps and the project's BibTeX reader maps back, and their
/// values as read: the container only where BibTeX has a field for it, the type as BibTeX
/// can say it, a BibTeX date without its range's end.
fn bib_expected(item: &Value, key: &str, dialect: Dialect) -> Map<String, Value> {
    const KEPT: &[&str] = &[
        "title",
        "title-short",
        "author",
        "editor",
        "translator",
        "issued",
        "accessed",
        "URL",
        "DOI",
        "volume",
        "issue",
        "number",
        "page",
        "edition",
        "ISBN",
        "ISSN",
        "publisher",
        "publisher-place",
        "event-place",
        "genre",
        "abstract",
        "note",
        "keyword",
        "citation-key",
    ];
    let item = keyed(item, key);
    let mut expected: Map<String, Value> = item
        .iter()
        .filter(|(k, _)| KEPT.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let csl_type = item["type"].as_str().unwrap();
    let periodical = csl_type.starts_with("article");
    if periodical || csl_type == "chapter" {
        expected.extend(item.get("container-title").map(|t| ("container-title".into(), t.clone())));
    }
    if periodical && dialect == Dialect::Biblatex {
        expected.extend(
            item.get("container-title-short").map(|t| ("container-title-short".into(), t.clone())),
        );
    }
    if let Some(language) = item.get("language").and_then(Value::as_str) {
        // `langid` holds a babel language, which reads back as its primary tag.
        let primary = language.split('-').next().unwrap();
        let back = if language == "en-US" { language } else { primary };
        expected.insert("language".into(), json!(back));
    }
    let read_type = match (csl_type, dialect) {
        ("article-newspaper" | "article-magazine", Dialect::Bibtex) => "article-journal",
        (
            "article-journal" | "article-newspaper" | "article-magazine" | "book" | "chapter"
            | "report",
            _,
        ) => csl_type,
        // Web pages and everything else are @online or @misc with a URL: web pages to the reader.
        _ => "webpage",
    };
    expected.insert("type".into(), json!(read_type));
    if dialect == Dialect::Bibtex {
        if let Some(parts) = expected.get_mut("issued").and_then(|d| d["date-parts"].as_array_mut())
        {
            parts.truncate(1);
        }
    }
    expected
}
