//! RSS 2.0, RSS 1.0 and Atom feed files: each item becomes one article with its text.
//!
//! `feed-rs` parses the feed. An item's HTML is parsed by html5ever (through `dom_query`) and
//! only its text is kept: scripts, styles and embedded objects are dropped unread, nothing is
//! executed or kept as markup, and figure captions are set apart as boilerplate. Publication
//! dates keep the calendar day the feed states in its own time zone: `feed-rs` converts them to
//! UTC, which would move a 07:00 KST story to the previous day.

use chrono::{DateTime, Datelike};
use dom_query::{Document, NodeRef};
use feed_rs::model::{Entry, Feed, FeedType, Person, Text};
use serde_json::json;

use super::records::{comma_name, csl_date, date_parts, numeric_date, to_extracted, Item};
use super::Extracted;
use crate::model::{Boilerplate, BoilerplateKind};

const ORIGIN: &str = "feed";

/// Elements whose content is never text a reader sees.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "head",
    "form", "button", "select", "textarea", "video", "audio", "canvas",
];

/// Elements that end the paragraph before them and start a new one.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "blockquote",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "figure",
    "header",
    "footer",
    "aside",
    "hr",
    "address",
];

/// HTML nested deeper than this is refused: html5ever's scope checks make parsing quadratic in
/// nesting depth (50,000 nested `<div>`s, 250 KB, take most of a minute), and no real article
/// comes near it.
const MAX_NESTING: usize = 1_000;

/// Elements with no end tag, or whose end tag may be left out, so they do not nest.
const UNNESTED: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th",
];

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the feed could not be read: {0}")]
    Parse(String),
    #[error("the feed has no items")]
    NoItems,
    #[error("feed item {index}: its HTML nests more than {MAX_NESTING} elements deep")]
    TooDeep { index: usize },
}

/// Reads every item of a feed, in feed order.
pub fn read(text: &str) -> Result<Vec<Extracted>, Error> {
    let text = as_utf8_xml(text);
    let feed = feed_rs::parser::parse(text.as_bytes()).map_err(|e| Error::Parse(e.to_string()))?;
    if feed.entries.is_empty() {
        return Err(Error::NoItems);
    }
    let media_type = match feed.feed_type {
        FeedType::Atom => "application/atom+xml",
        FeedType::JSON => "application/feed+json",
        FeedType::RSS0 | FeedType::RSS1 | FeedType::RSS2 => "application/rss+xml",
    };
    if let Some(i) = feed.entries.iter().position(|entry| too_deep(&feed, entry)) {
        return Err(Error::TooDeep { index: i + 1 });
    }
    let mut local = local_dates(&text, feed.entries.len()).into_iter();
    feed.entries
        .iter()
        .map(|entry| read_entry(&feed, entry, media_type, local.next().flatten()))
        .collect()
}

fn too_deep(feed: &Feed, entry: &Entry) -> bool {
    let texts =
        [&feed.title, &entry.title, &entry.summary].into_iter().flatten().map(|t| &t.content);
    let content = entry.content.as_ref().and_then(|c| c.body.as_ref());
    texts.chain(content).any(|html| nesting(html) > MAX_NESTING)
}

/// How deep the elements of an HTML fragment nest, counted from its tags without parsing it.
fn nesting(html: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for tag in html.split('<').skip(1) {
        let (closing, tag) = match tag.strip_prefix('/') {
            Some(rest) => (true, rest),
            None => (false, tag),
        };
        let name_len = tag.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(tag.len());
        let name = tag[..name_len].to_ascii_lowercase();
        let self_closing = tag.split('>').next().is_some_and(|t| t.ends_with('/'));
        if name.is_empty() || UNNESTED.contains(&name.as_str()) || self_closing {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// The text arrives decoded, but `feed-rs` would decode it again by the XML declaration's
/// `encoding` (a Windows-1251 or EUC-KR feed): the declaration is made to say UTF-8.
fn as_utf8_xml(text: &str) -> String {
    let text = text.trim_start_matches('\u{feff}').trim_start();
    match text.strip_prefix("<?xml").and_then(|rest| rest.split_once("?>")) {
        Some((_, body)) => format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>{body}"),
        None => text.to_string(),
    }
}

fn read_entry(
    feed: &Feed,
    entry: &Entry,
    media_type: &'static str,
    local_date: Option<Vec<i32>>,
) -> Result<Extracted, Error> {
    let (paragraphs, captions) = body(entry);
    let item = entry_item(feed, entry, local_date);
    let mut doc =
        to_extracted(item, media_type, ORIGIN).map_err(|e| Error::Parse(e.to_string()))?;
    // The type is this reader's default for a feed item, not something the feed said.
    doc.provenance.remove("type");
    doc.paragraphs = paragraphs;
    doc.boilerplate = captions
        .into_iter()
        .map(|text| Boilerplate { kind: BoilerplateKind::Caption, text })
        .collect();
    Ok(doc)
}

/// The item's metadata as a CSL-JSON item.
fn entry_item(feed: &Feed, entry: &Entry, local_date: Option<Vec<i32>>) -> Item {
    let mut item = Item::new();
    item.insert("type".into(), json!("article-newspaper"));
    let mut set = |field: &str, value: Option<String>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            item.insert(field.to_string(), json!(value));
        }
    };
    set("title", entry.title.as_ref().map(one_line));
    set("container-title", feed.title.as_ref().map(one_line));
    set("URL", link(entry));
    set("language", entry.language.clone().or_else(|| feed.language.clone()));
    let keywords: Vec<&str> =
        entry.categories.iter().map(|c| c.label.as_deref().unwrap_or(&c.term)).collect();
    set("keyword", Some(keywords.join(", ")));
    // A summary is the abstract only when the item also has its full text.
    if entry.content.as_ref().is_some_and(|c| c.body.is_some()) {
        set("abstract", entry.summary.as_ref().map(|s| text_paragraphs(s).join("\n\n")));
    }
    let names = authors(feed, entry);
    if !names.is_empty() {
        item.insert("author".into(), json!(names));
    }
    let utc = entry
        .published
        .or(entry.updated)
        .and_then(|d| date_parts(d.year(), Some(d.month()), Some(d.day())));
    if let Some(parts) = local_date.or(utc) {
        item.insert("issued".into(), csl_date(parts, None));
    }
    item
}

/// The item's authors; in Atom an entry without its own takes the feed's (RFC 4287 4.2.1).
fn authors(feed: &Feed, entry: &Entry) -> Vec<serde_json::Value> {
    let people = match (&entry.authors[..], &feed.feed_type) {
        ([], FeedType::Atom) => &feed.authors[..],
        (people, _) => people,
    };
    people.iter().filter_map(person_name).map(|name| comma_name(&name)).collect()
}

/// A person's name; an RSS `<author>` that is only an e-mail address names nobody.
fn person_name(person: &Person) -> Option<String> {
    let name = person.name.as_deref()?.trim();
    let is_address = name.contains('@') && !name.contains(' ');
    (!name.is_empty() && !is_address).then(|| name.to_string())
}

/// The item's own page: its alternate link, or its only link.
fn link(entry: &Entry) -> Option<String> {
    let alternate = entry.links.iter().find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"));
    alternate.or(entry.links.first()).map(|l| l.href.clone())
}

/// The item's text as paragraphs, and the captions set apart: the full content when the item
/// has it, its summary otherwise.
fn body(entry: &Entry) -> (Vec<String>, Vec<String>) {
    if let Some(content) = &entry.content {
        if let Some(body) = &content.body {
            return match content.content_type.subty().as_str() {
                "html" | "xhtml+xml" => html_paragraphs(body),
                _ => (plain_paragraphs(body), Vec::new()),
            };
        }
    }
    match &entry.summary {
        Some(summary) if is_html(summary) => html_paragraphs(&summary.content),
        Some(summary) => (plain_paragraphs(&summary.content), Vec::new()),
        None => (Vec::new(), Vec::new()),
    }
}

fn is_html(text: &Text) -> bool {
    matches!(text.content_type.subty().as_str(), "html" | "xhtml+xml" | "xhtml")
}

fn text_paragraphs(text: &Text) -> Vec<String> {
    if is_html(text) {
        html_paragraphs(&text.content).0
    } else {
        plain_paragraphs(&text.content)
    }
}

/// A title or feed name as one line of plain text.
fn one_line(text: &Text) -> String {
    text_paragraphs(text).join(" ")
}

/// Plain text split at blank lines, with each paragraph's white space collapsed.
fn plain_paragraphs(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n").split("\n\n").map(collapse).filter(|p| !p.is_empty()).collect()
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Paragraph text gathered while walking an HTML tree.
#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    current: String,
    /// A `<br>` was the last thing seen: a second one ends the paragraph.
    after_break: bool,
}

impl Paragraphs {
    fn text(&mut self, text: &str) {
        self.current.push_str(text);
        if !text.trim().is_empty() {
            self.after_break = false;
        }
    }

    fn line_break(&mut self) {
        if self.after_break {
            self.end();
        } else {
            self.current.push(' ');
            self.after_break = true;
        }
    }

    fn end(&mut self) {
        let paragraph = collapse(&self.current);
        if !paragraph.is_empty() {
            self.done.push(paragraph);
        }
        self.current.clear();
        self.after_break = false;
    }
}

enum Step<'a> {
    Enter(NodeRef<'a>),
    EndBlock,
}

/// The text of an HTML fragment as paragraphs, and its figure captions. The tree is walked with
/// an explicit stack, so hostile nesting cannot overflow the call stack.
fn html_paragraphs(html: &str) -> (Vec<String>, Vec<String>) {
    let document = Document::fragment(html);
    let mut out = Paragraphs::default();
    let mut captions = Vec::new();
    let mut stack = vec![Step::Enter(document.root())];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::EndBlock => {
                out.end();
                continue;
            }
            Step::Enter(node) => node,
        };
        if node.is_text() {
            out.text(&node.text());
            continue;
        }
        match node.node_name().as_deref() {
            Some(name) if SKIPPED.contains(&name) => continue,
            Some("figcaption") => {
                captions.push(collapse(&node.text()));
                continue;
            }
            Some("br") => {
                out.line_break();
                continue;
            }
            Some(name) if BLOCKS.contains(&name) => {
                out.end();
                stack.push(Step::EndBlock);
            }
            _ if node.is_comment() => continue,
            _ => {}
        }
        stack.extend(node.children_it(true).map(Step::Enter));
    }
    out.end();
    captions.retain(|c| !c.is_empty());
    (out.done, captions)
}

/// The calendar day of each item's date in the time zone the feed wrote it in, by item order;
/// empty when the feed cannot be matched item for item (then the UTC dates stand).
fn local_dates(text: &str, count: usize) -> Vec<Option<Vec<i32>>> {
    let Ok(xml) = roxmltree::Document::parse(text) else { return Vec::new() };
    let items: Vec<_> = xml
        .descendants()
        .filter(|n| n.is_element() && matches!(n.tag_name().name(), "item" | "entry"))
        .collect();
    if items.len() != count {
        return Vec::new();
    }
    items.iter().map(|item| item_local_date(*item)).collect()
}

/// The first readable of `pubDate`, `published`, `dc:date`, `updated`: the order in which
/// `feed-rs` prefers them.
fn item_local_date(item: roxmltree::Node) -> Option<Vec<i32>> {
    ["pubDate", "published", "date", "updated"].iter().find_map(|name| {
        let element = item.children().find(|c| c.is_element() && c.tag_name().name() == *name)?;
        local_day(element.text()?.trim())
    })
}

/// RFC 2822 (RSS) or RFC 3339 (Atom, Dublin Core) date, read in its own offset.
fn local_day(text: &str) -> Option<Vec<i32>> {
    let stamp = DateTime::parse_from_rfc2822(text).or_else(|_| DateTime::parse_from_rfc3339(text));
    match stamp {
        Ok(stamp) => date_parts(stamp.year(), Some(stamp.month()), Some(stamp.day())),
        Err(_) => numeric_date(text).filter(|_| text.len() == 10),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::ingest::records::fixture;

    #[test]
    fn rss_items_with_text_and_metadata() {
        let docs = read(&fixture("yonhap.rss")).unwrap();
        assert_eq!(docs.len(), 3);
        let first = &docs[0];
        assert_eq!(first.media_type, "application/rss+xml");
        assert_eq!(first.title, "N. Korea, Russia hold talks on treaty follow-up");
        let source = serde_json::to_value(&first.source).unwrap();
        assert_eq!(
            source,
            json!({
                "type": "article-newspaper",
                "title": "N. Korea, Russia hold talks on treaty follow-up",
                "container-title": "Yonhap News Agency",
                "author": [{"literal": "Kim Tong-hyung"}],
                "issued": {"date-parts": [[2024, 7, 1]]},
                "URL": "https://en.yna.co.kr/view/AEN20240701000300315",
                "language": "en",
                "keyword": "North Korea, Russia",
                "abstract": "Officials met in Pyongyang on Monday.",
            })
        );
        assert_eq!(
            first.paragraphs,
            vec![
                "SEOUL, July 1 (Yonhap) -- North Korean and Russian officials met in Pyongyang on Monday.",
                "\"The treaty is in force,\" a ministry spokesperson said.",
                "A second line after one break.",
            ]
        );
        assert_eq!(
            first.boilerplate,
            vec![Boilerplate {
                kind: BoilerplateKind::Caption,
                text: "Photo: KCNA via Yonhap".into()
            }]
        );
        assert_eq!(first.provenance.get("issued").map(String::as_str), Some("feed"));
        assert!(!first.provenance.contains_key("type"));
        assert_eq!(first.language.as_deref(), Some("en"));

        // The summary is the text when there is no full content; an e-mail names no author.
        let second = &docs[1];
        assert_eq!(second.paragraphs, vec!["China & Russia: a \"strategic\" <partnership>."]);
        assert!(second.source.author.is_empty());
        assert!(second.source.abstract_.is_none());
        // 08:10 in Seoul on 2 July is still 1 July in UTC.
        assert_eq!(second.source.issued.as_ref().unwrap().to_iso(), "2024-07-02");

        let third = &docs[2];
        assert_eq!(third.title, "");
        assert!(third.source.title.is_none());
        assert!(third.source.issued.is_none());
        assert_eq!(third.paragraphs, vec!["Only text, no markup kept: alert(1) is not here."]);
    }

    #[test]
    fn atom_entries() {
        let docs = read(&fixture("38north.atom")).unwrap();
        assert_eq!(docs.len(), 2);
        let first = &docs[0];
        assert_eq!(first.media_type, "application/atom+xml");
        assert_eq!(first.title, "North Korea’s satellite switch");
        assert_eq!(first.source.container_title.as_deref(), Some("38 North"));
        assert_eq!(first.source.author[0].family.as_deref(), Some("Town"));
        assert_eq!(
            first.source.url.as_deref(),
            Some("https://www.38north.org/2024/07/satellite-switch/")
        );
        // Published 08:00 +09:00 on 9 July: UTC would say 8 July.
        assert_eq!(first.source.issued.as_ref().unwrap().to_iso(), "2024-07-09");
        assert_eq!(first.paragraphs.len(), 2);
        // The entry without an author of its own takes the feed's; updated stands in for published.
        let second = &docs[1];
        assert_eq!(second.source.author[0].literal.as_deref(), Some("38 North staff"));
        assert_eq!(second.source.issued.as_ref().unwrap().to_iso(), "2024-07-12");
        assert_eq!(second.paragraphs, vec!["Plain text summary.", "Second paragraph."]);
    }

    #[test]
    fn rss1_and_declared_legacy_encoding() {
        let rdf = r#"<?xml version="1.0" encoding="windows-1251"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://tass.ru/"><title>ТАСС</title><link>https://tass.ru/</link><description>Новости</description></channel>
  <item rdf:about="https://tass.ru/politika/1"><title>Россия и КНДР</title><link>https://tass.ru/politika/1</link>
    <dc:date>2024-06-19T23:30:00+03:00</dc:date><dc:creator>Иванов, Пётр</dc:creator><description>Текст новости.</description></item>
</rdf:RDF>"#;
        let docs = read(rdf).unwrap();
        assert_eq!(docs[0].media_type, "application/rss+xml");
        assert_eq!(docs[0].title, "Россия и КНДР");
        assert_eq!(docs[0].source.container_title.as_deref(), Some("ТАСС"));
        assert_eq!(docs[0].source.issued.as_ref().unwrap().to_iso(), "2024-06-19");
        assert_eq!(docs[0].source.author[0].given.as_deref(), Some("Пётр"));
        assert_eq!(docs[0].paragraphs, vec!["Текст новости."]);
    }

    #[test]
    fn empty_and_broken_feeds_are_errors() {
        let err = read(&fixture("empty.rss")).unwrap_err();
        assert_eq!(err.to_string(), "the feed has no items");
        let err = read("<rss><channel><item><title>x</title>").unwrap_err();
        assert!(err.to_string().starts_with("the feed could not be read: "), "{err}");
    }

    #[test]
    fn html_becomes_plain_paragraphs() {
        let (paragraphs, captions) = html_paragraphs(
            "<p>One <b>bold</b>&nbsp;word</p><script>evil()</script><style>p{}</style>\
             <div>Two<br>lines<br><br>Three</div><figure><img src=x onerror=alert(1)>\
             <figcaption>Photo: AFP</figcaption></figure><!-- hidden -->tail &amp; end",
        );
        assert_eq!(paragraphs, vec!["One bold word", "Two lines", "Three", "tail & end"]);
        assert_eq!(captions, vec!["Photo: AFP"]);
        let deep = "<div><span>".repeat(MAX_NESTING / 2) + "deep";
        assert_eq!(nesting(&deep), MAX_NESTING);
        assert_eq!(html_paragraphs(&deep).0, vec!["deep"]);
        assert_eq!(nesting("<p>a<p>b<br/><img src=x><div>c</div></p>"), 1);
    }

    #[test]
    fn hostile_nesting_is_refused_quickly() {
        let body = "&lt;div&gt;".repeat(50_000);
        let rss = format!(
            "<rss version=\"2.0\"><channel><title>T</title><item><title>ok</title></item>\
             <item><description>{body}</description></item></channel></rss>"
        );
        let err = read(&rss).unwrap_err().to_string();
        assert_eq!(err, "feed item 2: its HTML nests more than 1000 elements deep");
    }
}
