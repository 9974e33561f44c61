//! The article's paragraphs: readability finds the content, then each block element becomes
//! one paragraph, with captions and site notices set apart as boilerplate.

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability, ReadabilityError};

use super::Error;
use crate::model::{Boilerplate, BoilerplateKind};

/// Elements that end one paragraph and start the next.
#[rustfmt::skip]
const BLOCKS: &[&str] = &[
    "address", "article", "blockquote", "dd", "div", "dl", "dt", "figure", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section", "table", "td", "th",
    "tr", "ul",
];

/// Never article text, whatever readability kept.
const SKIPPED: &[&str] = &[
    "aside", "button", "footer", "form", "iframe", "input", "nav", "noscript", "object", "script",
    "select", "style", "svg", "template", "textarea",
];

/// Words that make a short line a photo caption or credit.
#[rustfmt::skip]
const CAPTION: &[&str] = &[
    "photo:", "photo by", "photograph:", "photos:", "image:", "picture:", "file photo", "[photo",
    "(photo", "사진=",
];

/// How site notices begin: "Read more", sharing and follow prompts.
#[rustfmt::skip]
const NOTICE_START: &[&str] = &[
    "read more", "read also", "also read", "related:", "related article", "related stories",
    "see also:", "share this", "share on ", "follow us on", "advertisement",
];

/// Phrases that make a short line a subscription, cookie or copyright notice wherever they
/// stand (Korean outlets end articles with "무단 전재 및 재배포 금지", no reproduction).
#[rustfmt::skip]
const NOTICE_ANY: &[&str] = &[
    "subscribe to our", "subscribe now", "sign up for our", "our newsletter", "we use cookies",
    "uses cookies", "accept cookies", "cookie policy", "all rights reserved", "copyright ©",
    "무단 전재", "재배포 금지", "저작권자",
];

/// Caption and notice lines are short; a long paragraph that mentions a photo is prose.
const MAX_SIDE_LINE: usize = 300;

pub struct Body {
    pub paragraphs: Vec<String>,
    pub boilerplate: Vec<Boilerplate>,
}

/// The article body of `page`; `title` is dropped when the body repeats it as a heading.
pub fn extract(page: Document, title: Option<&str>) -> Result<Body, Error> {
    let mut walk = Walk { boilerplate: captions(&page), ..Walk::default() };
    let content = main_content(page)?;
    walk.visit(&Document::fragment(content).root());
    walk.flush();
    if let (Some(title), Some(first)) = (title, walk.paragraphs.first()) {
        if first.eq_ignore_ascii_case(title.trim()) {
            walk.paragraphs.remove(0);
        }
    }
    Ok(Body { paragraphs: walk.paragraphs, boilerplate: walk.boilerplate })
}

/// Photo captions in the page's own content. Taken before readability runs because it often
/// drops a lead photo together with its caption, whose credit a citation may still need.
fn captions(page: &Document) -> Vec<Boilerplate> {
    let mut out: Vec<Boilerplate> = Vec::new();
    for node in page.select("figcaption, [class]").nodes() {
        if !is_caption(node) {
            continue;
        }
        let outermost = !node.ancestors_it(None).any(|a| is_caption(&a));
        let in_page_chrome =
            node.ancestors_it(None).any(|a| a.node_name().is_some_and(|n| SKIPPED.contains(&&*n)));
        if !outermost || in_page_chrome {
            continue;
        }
        let text = collapse(&node.text());
        if !text.is_empty()
            && text.chars().count() <= MAX_SIDE_LINE
            && !out.iter().any(|b| b.text == text)
        {
            out.push(Boilerplate { kind: BoilerplateKind::Caption, text });
        }
    }
    out
}

/// The readability-chosen content as HTML. Scripts, styles and comments are already gone
/// from it; the extractor runs inside `ingest::contain_panic` because it is third-party code facing
/// hostile input, and a panic there must become an error, not a crash.
fn main_content(page: Document) -> Result<String, Error> {
    let config = Config { keep_classes: true, disable_json_ld: true, ..Config::default() };
    let parsed = crate::ingest::contain_panic(move || {
        let mut readability = Readability::with_document(page, None, Some(config))?;
        readability.parse().map(|article| article.content.to_string())
    });
    match parsed {
        Some(Ok(content)) => Ok(content),
        Some(Err(ReadabilityError::GrabFailed)) => Err(Error::NoArticle),
        Some(Err(_)) | None => Err(Error::ExtractorFailed),
    }
}

/// One pass over the content: text gathers into the current paragraph until a block
/// boundary flushes it.
#[derive(Default)]
struct Walk {
    paragraphs: Vec<String>,
    boilerplate: Vec<Boilerplate>,
    current: String,
    /// Chars of `current` inside links: a paragraph that is all link is a related-story line.
    linked: usize,
    in_link: usize,
}

impl Walk {
    fn visit(&mut self, node: &NodeRef) {
        if node.is_text() {
            let text = node.text();
            if self.in_link > 0 {
                self.linked += text.chars().filter(|c| !c.is_whitespace()).count();
            }
            self.current.push_str(&text);
            return;
        }
        if !node.is_element() && !node.is_document() && !node.is_fragment() {
            return;
        }
        let name = node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
        match name.as_str() {
            n if SKIPPED.contains(&n) => {}
            "br" => self.flush(),
            _ if is_caption(node) => self.side_line(node, BoilerplateKind::Caption),
            "a" => {
                self.in_link += 1;
                self.children(node);
                self.in_link -= 1;
            }
            n if BLOCKS.contains(&n) => {
                self.flush();
                self.children(node);
                self.flush();
            }
            _ => self.children(node),
        }
    }

    fn children(&mut self, node: &NodeRef) {
        for child in node.children_it(false) {
            self.visit(&child);
        }
    }

    /// A whole element set apart as boilerplate of `kind`.
    fn side_line(&mut self, node: &NodeRef, kind: BoilerplateKind) {
        self.flush();
        let text = collapse(&node.text());
        if !text.is_empty() && !self.boilerplate.iter().any(|b| b.text == text) {
            self.boilerplate.push(Boilerplate { kind, text });
        }
    }

    fn flush(&mut self) {
        let text = collapse(&std::mem::take(&mut self.current));
        let all_link = self.linked * 10 >= text.chars().filter(|c| !c.is_whitespace()).count() * 9;
        self.linked = 0;
        if text.is_empty() {
            return;
        }
        match classify(&text, all_link) {
            Some(kind) => self.boilerplate.push(Boilerplate { kind, text }),
            None => self.paragraphs.push(text),
        }
    }
}

/// `<figcaption>`, or an element with a class name sites use for photo text.
fn is_caption(node: &NodeRef) -> bool {
    if node.node_name().is_some_and(|n| n.eq_ignore_ascii_case("figcaption")) {
        return true;
    }
    let class = node.attr("class").map(|c| c.to_ascii_lowercase()).unwrap_or_default();
    ["caption", "credit", "img-desc", "photo-desc"].iter().any(|k| class.contains(k))
}

/// What a body line is when it is not article text: a photo caption, or a site notice
/// (subscription, sharing, cookies, copyright, a "Read more" or related-story link).
fn classify(text: &str, all_link: bool) -> Option<BoilerplateKind> {
    if text.chars().count() > MAX_SIDE_LINE {
        return None;
    }
    let lower = text.to_lowercase();
    if CAPTION.iter().any(|k| lower.contains(k)) {
        return Some(BoilerplateKind::Caption);
    }
    let notice = NOTICE_START.iter().any(|k| lower.starts_with(k))
        || NOTICE_ANY.iter().any(|k| lower.contains(k));
    (notice || all_link).then_some(BoilerplateKind::Notice)
}

/// One paragraph's text: runs of whitespace (including no-break spaces and line breaks)
/// become one space; zero-width characters vanish.
fn collapse(text: &str) -> String {
    text.split(|c: char| c.is_whitespace())
        .map(|w| w.replace(['\u{200B}', '\u{FEFF}'], ""))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
