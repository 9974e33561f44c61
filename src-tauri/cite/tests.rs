//! Unit tests of the citation engine over small items written here. The expected strings are
//! what citeproc-js 2.4.63 gives under Node for the same items and styles.
use std::sync::OnceLock;

use serde_json::{json, Value};

use super::*;

/// One engine for all tests: building a style's engine is the slow step, and sharing it
/// also exercises the engine from several test threads.
fn engine() -> &'static CiteEngine {
    static ENGINE: OnceLock<CiteEngine> = OnceLock::new();
    ENGINE.get_or_init(CiteEngine::new)
}

fn article() -> Value {
    json!({
        "id": "t-article", "type": "article-newspaper",
        "title": "Pyongyang and Moscow sign a partnership treaty",
        "container-title": "The Daily Example", "author": [{ "family": "Kim", "given": "Min-ji" }],
        "issued": { "date-parts": [[2024, 6, 19]] }, "URL": "https://example.org/treaty"
    })
}

fn undated() -> Value {
    json!({
        "id": "t-undated", "type": "webpage", "title": "Satellite channel list",
        "container-title": "Example Satellite Guide", "URL": "https://example.org/channels"
    })
}

fn book(id: &str, family: &str, given: &str, title: &str, year: i32) -> Value {
    json!({
        "id": id, "type": "book", "title": title, "author": [{ "family": family, "given": given }],
        "publisher": "Example Press", "issued": { "date-parts": [[year]] }
    })
}

fn report(id: &str, title: &str) -> Value {
    json!({
        "id": id, "type": "report", "title": title, "author": [{ "literal": "Example Institute" }],
        "issued": { "date-parts": [[2022]] }
    })
}

#[test]
fn chicago_notes_cites_an_article() {
    let r = engine().cite("chicago-notes-bibliography", &article(), None).unwrap();
    assert_eq!(
        r.citation,
        "Min-ji Kim, “Pyongyang and Moscow Sign a Partnership Treaty,” The Daily Example, \
         June 19, 2024, https://example.org/treaty."
    );
    assert_eq!(
        r.bibliography,
        "Kim, Min-ji. “Pyongyang and Moscow Sign a Partnership Treaty.” The Daily Example, \
         June 19, 2024. https://example.org/treaty."
    );
    let r =
        engine().cite("chicago-notes-bibliography", &article(), Some(("paragraph", "9"))).unwrap();
    assert_eq!(
        r.citation,
        "Min-ji Kim, “Pyongyang and Moscow Sign a Partnership Treaty,” The Daily Example, \
         June 19, 2024, para. 9, https://example.org/treaty."
    );
}

#[test]
fn a_missing_date_says_no_date() {
    let r = engine().cite("chicago-author-date", &undated(), None).unwrap();
    assert_eq!(r.citation, "(Example Satellite Guide, n.d.)");
    assert_eq!(
        r.bibliography,
        "Example Satellite Guide. n.d. “Satellite Channel List.” https://example.org/channels."
    );
}

#[test]
fn bibliography_sorts_accents_and_numbers_like_icu() {
    let items = vec![
        article(),
        undated(),
        book("t-ibarra", "Ibarra", "Lucía", "Border trade", 2020),
        book("t-ibanez", "Ibáñez", "Jorge", "Northern routes", 2021),
        report("t-report10", "Report 10"),
        report("t-report9", "Report 9"),
    ];
    let out = engine().render_reference("chicago-author-date", &items).unwrap();
    let order = ["t-report9", "t-report10", "t-undated", "t-ibanez", "t-ibarra", "t-article"];
    for (position, id) in order.iter().enumerate() {
        assert_eq!(out[id]["bib_position"], json!(position + 1), "{id}");
    }
    assert_eq!(out["t-report10"]["cite_text"], "(Example Institute 2022b)");
    assert_eq!(out["t-ibanez"]["cite_with_locator_text"], "(Ibáñez 2021, para. 9)");
    assert!(out["t-article"].get("subsequent_note_with_locator_text").is_none());
}

#[test]
fn reference_rendering_of_a_note_style_has_subsequent_notes() {
    let items = vec![article(), undated()];
    let out = engine().render_reference("chicago-notes-bibliography", &items).unwrap();
    let a = &out["t-article"];
    assert_eq!(
        a["subsequent_note_with_locator_text"],
        "Kim, “Pyongyang and Moscow Sign a Partnership Treaty,” para. 9."
    );
    assert_eq!(
        a["bib_html"],
        "<div class=\"csl-entry\">Kim, Min-ji. “Pyongyang and Moscow Sign a Partnership Treaty.” \
         <i>The Daily Example</i>, June 19, 2024. https://example.org/treaty.</div>"
    );
    assert_eq!(a["bib_position"], json!(2));
}

#[test]
fn a_users_csl_file_is_rendered() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("minimal.csl");
    std::fs::write(
        &path,
        r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Minimal</title><id>minimal</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation>
    <layout prefix="[" suffix="]"><names variable="author"><name form="short"/></names><date variable="issued" prefix=" "><date-part name="year"/></date></layout>
  </citation>
  <bibliography>
    <layout><names variable="author"/><text variable="title" prefix=": " font-style="italic"/></layout>
  </bibliography>
</style>"#,
    )
    .unwrap();
    let r = engine().cite(path.to_str().unwrap(), &article(), None).unwrap();
    assert_eq!(r.citation, "[Kim 2024]");
    assert_eq!(r.bibliography, "Min-ji Kim: Pyongyang and Moscow sign a partnership treaty");
}

#[test]
fn an_unknown_style_name_lists_the_bundled_ones() {
    match engine().cite("chicago-16th", &article(), None) {
        Err(Error::UnknownStyle { name, known }) => {
            assert_eq!(name, "chicago-16th");
            assert_eq!(known.len(), 7);
            assert!(known.contains(&"modern-language-association".to_string()));
        }
        other => panic!("expected UnknownStyle, got {other:?}"),
    }
}

#[test]
fn broken_or_foreign_csl_files_are_invalid_styles() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("broken.csl", "<style xmlns=\"http://purl.org/net/xbiblio/csl\"><citation>", "not well-formed XML"),
        ("page.csl", "<html><body>not a style</body></html>", "not a CSL style: the root element is <html>"),
        (
            "dependent.csl",
            "<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\"><info>\
             <link href=\"http://www.zotero.org/styles/apa\" rel=\"independent-parent\"/></info></style>",
            "a dependent style (no <citation>); use its parent http://www.zotero.org/styles/apa",
        ),
        (
            "undefined-macro.csl",
            "<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\">\
             <citation><layout><text macro=\"nowhere\"/></layout></citation></style>",
            "it calls the undefined macro \"nowhere\"",
        ),
    ];
    for (file, content, reason_start) in cases {
        let path = dir.path().join(file);
        std::fs::write(&path, content).unwrap();
        match engine().cite(path.to_str().unwrap(), &article(), None) {
            Err(Error::InvalidStyle { reason, .. }) => {
                assert!(reason.starts_with(reason_start), "{reason}")
            }
            other => panic!("{file}: expected InvalidStyle, got {other:?}"),
        }
    }
    // Well-formed CSL that citeproc-js itself refuses.
    let path = dir.path().join("unknown-element.csl");
    std::fs::write(
        &path,
        r#"<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Broken</title><id>broken</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><frobnicate/></layout></citation>
</style>"#,
    )
    .unwrap();
    match engine().cite(path.to_str().unwrap(), &article(), None) {
        Err(Error::InvalidStyle { reason, .. }) => {
            assert_eq!(reason, "citeproc-js rejected it: Undefined node name \"frobnicate\".")
        }
        other => panic!("expected InvalidStyle, got {other:?}"),
    }
    let missing = dir.path().join("missing.csl");
    assert!(matches!(
        engine().cite(missing.to_str().unwrap(), &article(), None),
        Err(Error::InvalidStyle { .. })
    ));
}

#[test]
fn items_need_unique_ids() {
    let no_id = json!({ "type": "book", "title": "Untitled" });
    assert!(matches!(engine().cite("apa", &no_id, None), Err(Error::InvalidItems { .. })));
    let twice = [article(), article()];
    assert!(matches!(engine().render_reference("apa", &twice), Err(Error::InvalidItems { .. })));
}

#[test]
fn bundled_styles_have_titles() {
    let styles = bundled_styles();
    assert_eq!(styles.len(), 7);
    assert!(styles.contains(&StyleSummary {
        name: "apa",
        title: "APA Style 7th edition",
        class: "in-text"
    }));
    assert!(styles.iter().all(|s| !s.title.is_empty()));
    let chicago = styles.iter().find(|s| s.name == "chicago-notes-bibliography").unwrap();
    assert_eq!(chicago.class, "note");
    // A copy of a bundled style given by path passes the checks made on users' files.
    for b in &style::BUNDLED {
        assert!(style::check(b.xml).is_ok(), "{}", b.name);
    }
}
