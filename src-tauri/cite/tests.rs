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

/// One item cited alone in `style`, as plain text.
#[derive(Debug)]
struct One {
    /// The first note of a note style, the in-text citation otherwise.
    citation: String,
    /// Empty when the style has no bibliography.
    bibliography: String,
}

fn cite(style: &str, item: &Value, locator: Option<(&str, &str)>) -> Result<One> {
    let id = item["id"].as_str().unwrap_or_default();
    let at = locator.map(|(label, value)| Locator::new(label, value));
    let cite = CiteRequest::one(CiteItem::new(id).at(at));
    let doc = engine().cite_many(style, std::slice::from_ref(item), &[cite], Format::Text)?;
    Ok(One {
        citation: doc.citations.into_iter().next().map(|c| c.text).unwrap_or_default(),
        bibliography: doc.bibliography.into_iter().next().map(|e| e.text).unwrap_or_default(),
    })
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
    let r = cite("chicago-notes-bibliography", &article(), None).unwrap();
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
    let r = cite("chicago-notes-bibliography", &article(), Some(("paragraph", "9"))).unwrap();
    assert_eq!(
        r.citation,
        "Min-ji Kim, “Pyongyang and Moscow Sign a Partnership Treaty,” The Daily Example, \
         June 19, 2024, para. 9, https://example.org/treaty."
    );
}

#[test]
fn a_missing_date_says_no_date() {
    let r = cite("chicago-author-date", &undated(), None).unwrap();
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
    let r = cite(path.to_str().unwrap(), &article(), None).unwrap();
    assert_eq!(r.citation, "[Kim 2024]");
    assert_eq!(r.bibliography, "Min-ji Kim: Pyongyang and Moscow sign a partnership treaty");
}

#[test]
fn an_unknown_style_name_lists_the_bundled_ones() {
    match cite("chicago-16th", &article(), None) {
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
        match cite(path.to_str().unwrap(), &article(), None) {
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
    match cite(path.to_str().unwrap(), &article(), None) {
        Err(Error::InvalidStyle { reason, .. }) => {
            assert_eq!(reason, "citeproc-js rejected it: Undefined node name \"frobnicate\".")
        }
        other => panic!("expected InvalidStyle, got {other:?}"),
    }
    let missing = dir.path().join("missing.csl");
    assert!(matches!(
        cite(missing.to_str().unwrap(), &article(), None),
        Err(Error::InvalidStyle { .. })
    ));
}

#[test]
fn items_need_unique_ids() {
    let no_id = json!({ "type": "book", "title": "Untitled" });
    assert!(matches!(cite("apa", &no_id, None), Err(Error::InvalidItems { .. })));
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

fn at(id: &str, locator: Option<Locator>) -> CiteRequest {
    CiteRequest::one(CiteItem::new(id).at(locator))
}

fn texts(doc: &Document) -> Vec<&str> {
    doc.citations.iter().map(|c| c.text.as_str()).collect()
}

#[test]
fn a_chicago_note_in_every_format() {
    let cite = [at("t-article", Some(Locator::paragraph(9)))];
    let render = |format| {
        let doc = engine().cite_many("chicago-notes-bibliography", &[article()], &cite, format);
        let doc = doc.unwrap();
        assert_eq!(doc.citations[0].note, Some(1));
        (doc.citations[0].text.clone(), doc.bibliography[0].text.clone())
    };
    let tail = "June 19, 2024, para. 9, https://example.org/treaty.";
    assert_eq!(
        render(Format::Html).0,
        format!("Min-ji Kim, “Pyongyang and Moscow Sign a Partnership Treaty,” <i>The Daily Example</i>, {tail}")
    );
    assert_eq!(
        render(Format::Rtf).0,
        format!(
            "Min-ji Kim, \\uc0\\u8220{{}}Pyongyang and Moscow Sign a Partnership Treaty,\\uc0\\u8221{{}} \
             {{\\i{{}}The Daily Example}}, {tail}"
        )
    );
    let (note, entry) = render(Format::Markdown);
    assert_eq!(
        note,
        "Min-ji Kim, “Pyongyang and Moscow Sign a Partnership Treaty,” *The Daily Example*, \
         June 19, 2024, para. 9, <https://example.org/treaty>."
    );
    assert_eq!(
        entry,
        "Kim, Min-ji. “Pyongyang and Moscow Sign a Partnership Treaty.” *The Daily Example*, \
         June 19, 2024. <https://example.org/treaty>."
    );
}

#[test]
fn an_rtf_bibliography_is_a_document_with_hanging_indents() {
    let doc = engine().cite_many("apa", &[article()], &[], Format::Rtf).unwrap();
    assert!(doc.hanging_indent);
    let entries: Vec<&str> = doc.bibliography.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(
        rtf_document(&entries, doc.hanging_indent),
        "{\\rtf1\\ansi\\uc0\n{\\pard\\li720\\fi-720\\tx720 Kim, M. (2024, June 19). Pyongyang and \
         Moscow sign a partnership treaty. {\\i{}The Daily Example}. https://example.org/treaty\\par}\n}"
    );
}

#[test]
fn locators_pin_paragraphs_and_pages() {
    let items = [article()];
    let cites =
        [at("t-article", Some(Locator::paragraph(9))), at("t-article", Some(Locator::page("3")))];
    let apa = engine().cite_many("apa", &items, &cites, Format::Text).unwrap();
    assert_eq!(texts(&apa), ["(Kim, 2024, para. 9)", "(Kim, 2024, p. 3)"]);
    assert_eq!(apa.citations[0].note, None);
    let mla = engine().cite_many("modern-language-association", &items, &cites, Format::Text);
    assert_eq!(texts(&mla.unwrap()), ["(Kim, par. 9)", "(Kim 3)"]);
}

#[test]
fn repeated_citations_become_short_notes() {
    let items = [article(), report("t-report", "Border trade after the treaty")];
    let cites = [
        at("t-article", Some(Locator::page("3"))),
        at("t-article", Some(Locator::page("4"))),
        at("t-report", None),
        at("t-article", Some(Locator::paragraph(9))),
    ];
    let doc = engine().cite_many("chicago-notes-bibliography", &items, &cites, Format::Text);
    let doc = doc.unwrap();
    let title = "“Pyongyang and Moscow Sign a Partnership Treaty,”";
    assert_eq!(
        texts(&doc),
        [
            format!("Min-ji Kim, {title} The Daily Example, June 19, 2024, 3, https://example.org/treaty."),
            format!("Kim, {title} 4."),
            "Example Institute, Border Trade after the Treaty (2022).".to_string(),
            format!("Kim, {title} para. 9."),
        ]
    );
    let notes: Vec<Option<usize>> = doc.citations.iter().map(|c| c.note).collect();
    assert_eq!(notes, [Some(1), Some(2), Some(3), Some(4)]);
    assert_eq!(doc.bibliography.len(), 2);
}

#[test]
fn ibid_is_told_apart_from_other_subsequent_citations() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ibid.csl");
    std::fs::write(
        &path,
        r#"<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><title>Ibid test</title><id>ibid-test</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation>
    <layout suffix=".">
      <choose>
        <if position="ibid-with-locator"><group delimiter=", "><text term="ibid" text-case="capitalize-first"/><text variable="locator"/></group></if>
        <else-if position="ibid"><text term="ibid" text-case="capitalize-first"/></else-if>
        <else-if position="subsequent"><names variable="author"><name form="short"/></names></else-if>
        <else><group delimiter=", "><names variable="author"/><text variable="title"/><text variable="locator"/></group></else>
      </choose>
    </layout>
  </citation>
</style>"#,
    )
    .unwrap();
    let items = [article(), undated()];
    let cites = [
        at("t-article", Some(Locator::page("3"))),
        at("t-article", Some(Locator::page("3"))),
        at("t-article", Some(Locator::page("4"))),
        at("t-undated", None),
        at("t-article", None),
    ];
    let doc = engine().cite_many(path.to_str().unwrap(), &items, &cites, Format::Text).unwrap();
    assert_eq!(
        texts(&doc),
        [
            "Min-ji Kim, Pyongyang and Moscow sign a partnership treaty, 3.",
            "Ibid.",
            "Ibid., 4.",
            "Satellite channel list.",
            "Kim."
        ]
    );
}

#[test]
fn a_cluster_cites_several_items_with_prefixes_and_suffixes() {
    let items = [article(), report("t-report", "Border trade after the treaty")];
    let cluster = CiteRequest {
        items: vec![
            CiteItem { prefix: Some("see ".into()), ..CiteItem::new("t-report") },
            CiteItem { suffix: Some(", on the treaty".into()), ..CiteItem::new("t-article") },
        ],
    };
    let doc = engine().cite_many("apa", &items, &[cluster], Format::Text).unwrap();
    assert_eq!(texts(&doc), ["(see Example Institute, 2022; Kim, 2024, on the treaty)"]);
}

#[test]
fn uncited_items_stay_in_the_bibliography_and_disambiguation() {
    let journal = json!({
        "id": "t-journal", "type": "article-journal", "title": "China’s leverage over Pyongyang",
        "container-title": "Korea Journal", "volume": "64", "issue": "2", "page": "5-31",
        "author": [{ "family": "Kim", "given": "Min-ji" }], "issued": { "date-parts": [[2024]] }
    });
    let items = [article(), journal];
    let doc = engine().cite_many("apa", &items, &[at("t-article", None)], Format::Text).unwrap();
    assert_eq!(texts(&doc), ["(Kim, 2024b)"]);
    let ids: Vec<&str> = doc.bibliography.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["t-journal", "t-article"]);
}

#[test]
fn citations_are_checked_against_the_items() {
    let items = [article()];
    let cases = [
        (at("nowhere", None), "citation 1: no item has the id \"nowhere\""),
        (
            at("t-article", Some(Locator::new("para", "9"))),
            "citation 1: unknown locator label \"para\"",
        ),
        (CiteRequest::default(), "citation 1: cites no item"),
    ];
    for (cite, reason_start) in cases {
        match engine().cite_many("apa", &items, &[cite], Format::Text) {
            Err(Error::InvalidCitation { reason }) => {
                assert!(reason.starts_with(reason_start), "{reason}")
            }
            other => panic!("expected InvalidCitation, got {other:?}"),
        }
    }
}

fn cho(kind: crate::model::QuoteKind, text: &str, cue: &str) -> crate::model::Quote {
    crate::model::Quote {
        text: text.into(),
        kind,
        speaker: "Cho Han-bum".into(),
        descriptor: Some(
            "a senior research fellow at the Korea Institute for National Unification".into(),
        ),
        cue: Some(cue.into()),
        paragraph: 8,
        start: 0,
        end: text.chars().count(),
    }
}

#[test]
fn quoted_in_takes_each_styles_form() {
    let quote = cho(crate::model::QuoteKind::Direct, "It is quite a burden,", "said");
    let item = article();
    let q = QuoteCitation {
        quote: &quote,
        context: None,
        item: &item,
        locator: Some(Locator::paragraph(9)),
    };
    let quoted_in = |style| engine().cite_quote(style, &q, Format::Text).unwrap().quoted_in;
    assert_eq!(
        quoted_in("chicago-notes-bibliography"),
        "Cho Han-bum, quoted in Min-ji Kim, “Pyongyang and Moscow Sign a Partnership Treaty,” \
         The Daily Example, June 19, 2024, para. 9, https://example.org/treaty."
    );
    assert_eq!(quoted_in("chicago-author-date"), "(Cho Han-bum, quoted in Kim 2024, para. 9)");
    assert_eq!(quoted_in("apa"), "(Cho Han-bum, as cited in Kim, 2024, para. 9)");
    assert_eq!(quoted_in("modern-language-association"), "(qtd. in Kim, par. 9)");
    assert_eq!(quoted_in("harvard-cite-them-right"), "(Cho Han-bum, cited in Kim, 2024, para. 9)");
    // IEEE has no secondary form: the source read, at the pinpoint; the prose names Cho.
    assert_eq!(quoted_in("ieee"), "[1, Para. 9]");
    // The same citation among others in one document: the second is a short note.
    let cites =
        [super::quoted_in("chicago-notes-bibliography", &q).unwrap(), at("t-article", None)];
    let doc = engine().cite_many("chicago-notes-bibliography", &[article()], &cites, Format::Text);
    assert_eq!(texts(&doc.unwrap())[1], "Kim, “Pyongyang and Moscow Sign a Partnership Treaty.”");
}

#[test]
fn a_quote_exports_its_words_speaker_citation_and_sentence() {
    let treaty = "Russia and North Korea’s new treaty on comprehensive strategic partnership was \
                  “quite a burden” for China";
    let quote = cho(crate::model::QuoteKind::Indirect, treaty, "told");
    let item = json!({
        "id": "scmp", "type": "article-newspaper",
        "title": "North Korea’s shifting satellite allegiance to Russia signals China’s waning influence",
        "container-title": "South China Morning Post", "issued": { "date-parts": [[2024, 7, 9]] }
    });
    let q = QuoteCitation {
        quote: &quote,
        context: None,
        item: &item,
        locator: Some(Locator::paragraph(9)),
    };
    let out = engine().cite_quote("chicago-notes-bibliography", &q, Format::Markdown).unwrap();
    let title =
        "“North Korea’s Shifting Satellite Allegiance to Russia Signals China’s Waning Influence";
    assert_eq!(out.words, treaty);
    assert_eq!(out.speaker, "Cho Han-bum");
    assert_eq!(out.descriptor, quote.descriptor);
    assert_eq!(
        out.citation,
        format!("{title},” *South China Morning Post*, July 9, 2024, para. 9.")
    );
    assert_eq!(
        out.quoted_in,
        format!(
            "Cho Han-bum, quoted in {title},” *South China Morning Post*, July 9, 2024, para. 9."
        )
    );
    assert_eq!(out.bibliography, format!("*South China Morning Post*. {title}.” July 9, 2024."));
    assert_eq!(
        out.attribution,
        format!(
            "Cho Han-bum, a senior research fellow at the Korea Institute for National Unification, \
             told the *South China Morning Post* that {treaty}."
        )
    );
}
