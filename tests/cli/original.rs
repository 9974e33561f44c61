//! `sourcebook original`: the file an article came from, a hostile page shown inert.

use crate::{fixture, Sandbox};

/// Everything in the hostile fixture that could run, navigate or fetch.
const HOSTILE_PIECES: &[&str] = &[
    "<script",
    "__pwned",
    "PWNED",
    "onload",
    "onclick",
    "onerror",
    "javascript:",
    "data:",
    "127.0.0.1",
    "<iframe",
    "<object",
    "<embed",
    "<style",
    "url(",
    "<meta",
    "<base",
    "<link",
    "<svg",
    "<form",
    "<input",
    "<video",
    "src=",
    "srcset",
    "style=",
];

fn import_hostile(sb: &Sandbox) -> String {
    let path = fixture("html/hostile-border-bridge.html");
    let report = sb.json(&["import", path.to_str().unwrap(), "--json"]);
    assert_eq!(report["imported"], 1, "{report}");
    report["outcomes"][0]["article_id"].as_str().unwrap().to_string()
}

#[test]
fn a_hostile_page_imports_with_its_text_and_quotes() {
    let sb = Sandbox::new();
    let id = import_hostile(&sb);
    let article = sb.json(&["show", &id, "--json"]);
    assert_eq!(
        article["title"], "China watches as Russia and North Korea open a road bridge",
        "{article}"
    );
    let text = article["text"].as_str().unwrap();
    assert!(text.contains("opened their first road bridge across the Tumen River"), "{text}");
    for piece in ["__pwned", "PWNED", "127.0.0.1", "Your browser does not show frames"] {
        assert!(!text.contains(piece), "{piece:?} is in the article text:\n{text}");
    }
    let quotes = article["quotes"].as_array().unwrap();
    let orlov = quotes
        .iter()
        .find(|q| q["text"].as_str().unwrap().starts_with("For decades every truck"))
        .unwrap_or_else(|| panic!("Orlov's quote was not found: {article}"));
    assert_eq!(orlov["speaker"], "Pavel Orlov");
    assert_eq!(orlov["kind"], "direct");
    assert!(quotes.iter().any(|q| q["speaker"] == "Kim Min-ji"), "{article}");
}

#[test]
fn the_original_of_a_hostile_page_is_sanitised() {
    let sb = Sandbox::new();
    let id = import_hostile(&sb);
    let original = sb.json(&["original", &id[..8], "--json"]);
    assert_eq!(original["article_id"], id.as_str());
    assert_eq!(original["media_type"], "text/html");
    assert_eq!(original["file_name"], "hostile-border-bridge.html");
    assert_eq!(original["content"]["kind"], "html");
    assert!(original["note"].is_null(), "{original}");
    let html = original["content"]["html"].as_str().unwrap();
    for piece in HOSTILE_PIECES {
        assert!(!html.contains(piece), "{piece:?} survived in:\n{html}");
    }
    assert!(html.contains("giving Pyongyang a land route to Russia"), "{html}");
    assert!(
        html.contains(r#"<img alt="Trucks queue at the new Tumen River road bridge">"#),
        "{html}"
    );
    assert!(
        html.contains(
            r#"<a href="https://border-monitor.example/treaty" rel="noopener noreferrer">"#
        ),
        "{html}"
    );
    // The text form prints the same sanitised page under a header.
    let run = sb.run(&["original", &id]);
    assert!(run.ok, "{}", run.stderr);
    assert!(run.stdout.starts_with("hostile-border-bridge.html  text/html  "), "{}", run.stdout);
    for piece in HOSTILE_PIECES {
        assert!(!run.stdout.contains(piece), "{piece:?} survived in:\n{}", run.stdout);
    }
}

#[test]
fn a_clip_shows_its_text_as_it_was_imported() {
    let sb = Sandbox::new();
    let id = sb.import_seed();
    let original = sb.json(&["original", &id, "--json"]);
    assert_eq!(original["media_type"], "text/plain");
    assert_eq!(original["content"]["kind"], "text");
    let seed = std::fs::read_to_string(crate::seed()).unwrap();
    assert_eq!(original["content"]["text"].as_str().unwrap(), seed.trim_start_matches('\u{feff}'));
    assert_eq!(original["size"], seed.len());
}

#[test]
fn an_unknown_id_is_not_found() {
    let sb = Sandbox::new();
    sb.import_seed();
    let run = sb.run(&["original", "zzzz"]);
    assert!(!run.ok);
    assert!(run.stderr.contains("no article id starts with \"zzzz\""), "{}", run.stderr);
}
