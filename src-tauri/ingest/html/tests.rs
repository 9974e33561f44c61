//! The HTML reader on hand-written fixture pages (tests/fixtures/html) and on hostile input.

use super::{declared_charset, read, Error};
use crate::ingest::Extracted;
use crate::model::{BoilerplateKind, CslName};

/// Decodes a fixture the way the caller does: by the page's declared charset, else UTF-8.
fn fixture_text(name: &str) -> String {
    let path = format!("{}/tests/fixtures/html/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let encoding = declared_charset(&bytes)
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
        .unwrap_or(encoding_rs::UTF_8);
    encoding.decode(&bytes).0.into_owned()
}

fn fixture(name: &str) -> Extracted {
    read(&fixture_text(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn origin<'a>(doc: &'a Extracted, field: &str) -> &'a str {
    doc.provenance.get(field).map_or("", String::as_str)
}

fn boilerplate(doc: &Extracted, kind: BoilerplateKind) -> Vec<&str> {
    doc.boilerplate.iter().filter(|b| b.kind == kind).map(|b| b.text.as_str()).collect()
}

fn person(given: &str, family: &str) -> CslName {
    CslName { given: Some(given.into()), family: Some(family.into()), ..CslName::default() }
}

fn literal(name: &str) -> CslName {
    CslName { literal: Some(name.into()), ..CslName::default() }
}

#[test]
fn news_page_with_json_ld() {
    let doc = fixture("news-jsonld.html");
    assert_eq!(doc.media_type, "text/html");
    assert_eq!(doc.title, "North Korea and Russia open new rail link as China watches");
    assert_eq!(doc.paragraphs.len(), 7);
    assert!(
        doc.paragraphs[0].starts_with("SEOUL, July 1 -- North Korea and Russia on Monday opened")
    );
    assert_eq!(doc.paragraphs[6], "The two governments are expected to announce a timetable for passenger services later this year.");
    assert!(doc.paragraphs[2].starts_with(
        "\"This is a modest line, but it carries a large message,\" said Lee Soo-min"
    ));

    let captions = boilerplate(&doc, BoilerplateKind::Caption);
    assert_eq!(
        captions,
        ["A freight train crosses the Tumen River bridge on the border. Photo: Yonhap"]
    );
    let notices = boilerplate(&doc, BoilerplateKind::Notice);
    assert_eq!(notices, ["Subscribe to our newsletter for daily updates on the Korean peninsula."]);

    let body = doc.paragraphs.join("\n");
    for chrome in [
        "cookies",
        "Politics",
        "Related stories",
        "Beijing keeps its distance",
        "Copyright",
        "INJECTED",
        "trackingPixel",
        "font-family",
        "a comment",
        "Read more",
    ] {
        assert!(!body.contains(chrome), "{chrome:?} leaked into the body");
    }

    let source = &doc.source;
    assert_eq!(source.csl_type, "article-newspaper");
    assert_eq!(source.title.as_deref(), Some(doc.title.as_str()));
    assert_eq!(source.container_title.as_deref(), Some("Peninsula Daily"));
    // The first author is marked up with givenName/familyName; the second is a graph
    // reference to a Korean name whose order the page does not mark.
    assert_eq!(source.author, [person("Daniel", "Morrow"), literal("Han Ji-woo")]);
    assert_eq!(source.issued.as_ref().map(|d| d.to_iso()).as_deref(), Some("2024-07-01"));
    assert_eq!(
        source.url.as_deref(),
        Some("https://peninsula-daily.example/news/2024/07/01/rail-link")
    );
    assert_eq!(source.language.as_deref(), Some("en"));
    for field in ["title", "container-title", "author", "issued", "URL", "language"] {
        assert_eq!(origin(&doc, field), "json-ld", "{field}");
    }
    assert_eq!(origin(&doc, "type"), "json-ld NewsArticle");
    assert!(source.missing().is_empty());
}

#[test]
fn page_with_only_meta_tags() {
    let doc = fixture("meta-tags-only.html");
    assert_eq!(doc.title, "Border Trade and Sanctions Enforcement in the Sino-Korean Borderlands");
    assert_eq!(doc.paragraphs.len(), 4);
    assert!(doc.paragraphs[0].starts_with("This article examines how trade across the Yalu"));
    assert!(doc.paragraphs[3].ends_with("on either side of the border."));
    assert!(!doc.paragraphs.iter().any(|p| p.contains("Home") || p.contains("published by")));

    let source = &doc.source;
    assert_eq!(source.csl_type, "article-journal");
    assert_eq!(source.author, [person("Amara", "Okafor"), person("Tobias", "Brandt")]);
    assert_eq!(source.container_title.as_deref(), Some("Journal of Northeast Asian Borderlands"));
    assert_eq!(source.issued.as_ref().map(|d| d.to_iso()).as_deref(), Some("2023-11-15"));
    assert_eq!(source.doi.as_deref(), Some("10.5555/jnab.2023.12.3.201"));
    assert_eq!(source.publisher.as_deref(), Some("Borderlands Research Press"));
    assert_eq!(
        (source.volume.as_deref(), source.issue.as_deref(), source.page.as_deref()),
        (Some("12"), Some("3"), Some("201-228"))
    );
    // Google Scholar's tags outrank OpenGraph; the URL only OpenGraph gives.
    assert_eq!(source.url.as_deref(), Some("https://jnab.example/articles/12-3-201"));
    assert_eq!(origin(&doc, "title"), "meta citation_title");
    assert_eq!(origin(&doc, "author"), "meta citation_author");
    assert_eq!(origin(&doc, "issued"), "meta citation_publication_date");
    assert_eq!(origin(&doc, "container-title"), "meta citation_journal_title");
    assert_eq!(origin(&doc, "DOI"), "meta citation_doi");
    assert_eq!(origin(&doc, "URL"), "meta og:url");
    assert_eq!(origin(&doc, "language"), "meta citation_language");
}

#[test]
fn page_with_no_metadata_invents_none() {
    let doc = fixture("no-metadata.html");
    // The " | Field Notes" site suffix is cut from the <title>.
    assert_eq!(doc.title, "Notes on the Rason special economic zone");
    assert_eq!(origin(&doc, "title"), "title element");
    assert_eq!(doc.paragraphs.len(), 4);
    assert!(doc.paragraphs[0].starts_with("The Rason special economic zone sits"));
    assert!(doc.paragraphs[3].ends_with("that outsiders rarely see."));
    assert_eq!(doc.source.csl_type, "webpage");
    assert_eq!(doc.source.missing(), ["container-title", "author", "issued", "URL"]);
    assert_eq!(doc.source.language, None);
    assert_eq!(doc.provenance.keys().collect::<Vec<_>>(), ["title", "type"]);
    assert!(doc.boilerplate.is_empty());
}

#[test]
fn malformed_page_still_reads() {
    let doc = fixture("malformed.html");
    assert_eq!(doc.title, "Malformed page: trade fair in Pyongyang");
    assert_eq!(doc.paragraphs.len(), 6);
    assert!(doc.paragraphs[0].starts_with("The spring trade fair in Pyongyang opened on Monday"));
    assert_eq!(doc.paragraphs[1], "Chinese companies made up the largest group of exhibitors, showing machinery, textiles and household goods, while Russian firms brought agricultural equipment and timber products.");
    assert!(doc.paragraphs[2]
        .ends_with("busier than last year & that prices were quoted in yuan & euros."));
    assert_eq!(
        doc.paragraphs[5],
        "The fair closes on Thursday and is expected to return in the autumn."
    );
    let body = doc.paragraphs.join("\n");
    assert!(!body.contains("never") && !body.contains("color"), "script or style text leaked");
}

#[test]
fn korean_page_in_euc_kr() {
    let bytes = std::fs::read(format!(
        "{}/tests/fixtures/html/korean-euc-kr.html",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    assert!(std::str::from_utf8(&bytes).is_err(), "the fixture must be real EUC-KR bytes");
    assert_eq!(declared_charset(&bytes).as_deref(), Some("euc-kr"));

    let doc = fixture("korean-euc-kr.html");
    assert_eq!(doc.title, "북중 교역, 상반기 회복세 뚜렷");
    assert_eq!(origin(&doc, "title"), "meta og:title");
    assert_eq!(doc.paragraphs.len(), 3);
    assert!(doc.paragraphs[0].starts_with("북한과 중국의 교역액이"));
    assert_eq!(doc.paragraphs[2], "정부 관계자는 북중 교역 동향을 계속 지켜보겠다고 밝혔다.");
    assert_eq!(
        boilerplate(&doc, BoilerplateKind::Notice),
        ["저작권자 한반도경제신문 무단 전재 및 재배포 금지"]
    );

    let source = &doc.source;
    assert_eq!(source.language.as_deref(), Some("ko"));
    assert_eq!(origin(&doc, "language"), "html lang");
    // "김민지 기자" is a byline: the name, without the title "reporter", kept whole.
    assert_eq!(source.author, [literal("김민지")]);
    assert_eq!(origin(&doc, "author"), "byline class");
    assert_eq!(source.container_title.as_deref(), Some("한반도경제신문"));
    assert_eq!(source.issued.as_ref().map(|d| d.to_iso()).as_deref(), Some("2024-07-15"));
    assert_eq!(origin(&doc, "issued"), "time element");
    assert_eq!(source.url, None);
}

#[test]
fn binary_garbage_is_an_error() {
    let bytes = std::fs::read(format!(
        "{}/tests/fixtures/html/binary-garbage.html",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    assert_eq!(declared_charset(&bytes), None);
    let text = String::from_utf8_lossy(&bytes);
    assert!(matches!(read(&text), Err(Error::NotText { .. })));
}

#[test]
fn pages_without_article_text_are_errors() {
    for text in [
        "",
        "   ",
        "<html><head><title>Only a title</title></head><body></body></html>",
        "<script>alert(1)</script><style>p{}</style><nav>Home</nav>",
    ] {
        assert!(matches!(read(text), Err(Error::NoArticle)), "{text:?}");
    }
}

#[test]
fn hostile_trees_are_refused_without_recursion() {
    let deep = "<div>".repeat(100_000) + "text";
    assert!(matches!(read(&deep), Err(Error::TooDeep { .. })));
    let wide = "<p>a</p>".repeat(250_000);
    assert!(matches!(read(&wide), Err(Error::TooManyElements { .. })));
}

#[test]
fn saved_page_comments_give_url_and_accessed_date() {
    let page = "<!--\n Page saved with SingleFile \n url: https://news.example/a/1 \n saved date: Tue Jul 02 2024 10:00:00 GMT+0900 (Korean Standard Time)\n-->\
        <html><head><title>Saved story</title></head><body><article><p>One paragraph of text that is long enough to be an article body on its own, about trade.</p></article></body></html>";
    let doc = read(page).unwrap();
    assert_eq!(doc.source.url.as_deref(), Some("https://news.example/a/1"));
    assert_eq!(origin(&doc, "URL"), "SingleFile comment");
    assert_eq!(doc.source.accessed.as_ref().map(|d| d.to_iso()).as_deref(), Some("2024-07-02"));
    let chrome = "<!-- saved from url=(0026)https://news.example/a/2 -->\n<html><body><p>Body text of a page saved by a browser.</p></body></html>";
    assert_eq!(read(chrome).unwrap().source.url.as_deref(), Some("https://news.example/a/2"));
}

#[test]
fn wire_dateline_marks_news() {
    let page = "<html><head><title>Talks resume</title></head><body><article>\
        <p>SEOUL, July 1 (Yonhap) -- Talks resumed on Monday between the two sides, officials said.</p></article></body></html>";
    let doc = read(page).unwrap();
    assert_eq!(doc.source.csl_type, "article-newspaper");
    assert_eq!(origin(&doc, "type"), "dateline");
    let korean = "<html lang=\"ko\"><body><article><p>(서울=연합뉴스) 김민지 기자 = 북한과 러시아가 1일 새 철도 노선을 열었다.</p></article></body></html>";
    assert_eq!(read(korean).unwrap().source.csl_type, "article-newspaper");
}

#[test]
fn json_ld_author_strings_and_organisations() {
    let page = r#"<html><head><script type="application/ld+json">[{"@type":"WebPage","name":"x"},
        {"@type":["ReportageNewsArticle"],"headline":"Rail &amp; road","author":["Jane Smith",{"@type":"Organization","name":"Yonhap News Agency"}],
         "datePublished":"2024-07-01","url":"https://e.example/a"}]</script></head>
        <body><p>Body text about rail and road links across the border.</p></body></html>"#;
    let doc = read(page).unwrap();
    assert_eq!(doc.title, "Rail & road");
    assert_eq!(doc.source.author, [person("Jane", "Smith"), literal("Yonhap News Agency")]);
    assert_eq!(origin(&doc, "type"), "json-ld ReportageNewsArticle");
}
