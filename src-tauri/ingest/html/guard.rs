//! Bounds on the work a page can cause, checked before each costly step.
//!
//! html5ever checks the stack of open elements at every tag, so a page of 100,000 nested
//! `<div>`s takes minutes to parse: the raw text is scanned for tag count and approximate
//! nesting first, and the parsed tree measured exactly before readability walks it.

use dom_query::Document;

use super::Error;

/// A news article is a few thousand elements; far more is a hostile or broken page.
const MAX_ELEMENTS: usize = 200_000;

/// Browsers stop nesting at 512 levels too; deeper trees only come from hostile pages.
const MAX_DEPTH: usize = 512;

/// The raw scan cannot see every implied end tag, so it allows twice the tree's limit.
const MAX_SOURCE_DEPTH: usize = 2 * MAX_DEPTH;

/// Decoded binary shows up as replacement characters and control codes; real pages have
/// almost none, so a share above this means the bytes were never a web page.
const MAX_GARBLED_PER_MILLE: usize = 20;

/// Elements with no end tag, or whose end tag the parser implies: they do not nest.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "dd", "dt", "embed", "hr", "img", "input", "li", "link", "meta",
    "option", "p", "param", "source", "tbody", "td", "th", "thead", "tr", "track", "wbr",
];

/// Elements whose content is raw text: tags inside them are not tags.
const RAW_TEXT: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "noscript", "iframe", "noembed", "plaintext"];

/// Refuses binary decoded as text, and pages with too many or too deeply nested tags.
pub fn check_source(text: &str) -> Result<(), Error> {
    refuse_garbled(text)?;
    let bytes = text.as_bytes();
    let (mut at, mut depth, mut elements) = (0, 0usize, 0usize);
    while let Some(offset) = bytes[at..].iter().position(|&b| b == b'<') {
        at += offset + 1;
        let rest = &bytes[at..];
        if rest.starts_with(b"!--") {
            at += find(rest, b"-->").map_or(rest.len(), |end| end + 3);
        } else if let Some(name_and_rest) = rest.strip_prefix(b"/") {
            if !NOT_NESTING.contains(&tag_name(name_and_rest).as_str()) {
                depth = depth.saturating_sub(1);
            }
        } else if rest.first().is_some_and(u8::is_ascii_alphabetic) {
            // `<div/>` opens a div in HTML, so a trailing slash changes nothing here.
            let name = tag_name(rest);
            elements += 1;
            if RAW_TEXT.contains(&name.as_str()) {
                at += skip_raw_text(rest, &name);
            } else if !NOT_NESTING.contains(&name.as_str()) {
                depth += 1;
            }
        }
        if elements > MAX_ELEMENTS {
            return Err(Error::TooManyElements { limit: MAX_ELEMENTS });
        }
        if depth > MAX_SOURCE_DEPTH {
            return Err(Error::TooDeep { limit: MAX_DEPTH });
        }
    }
    Ok(())
}

/// Measures the parsed tree exactly (iteratively: the point is that it may be deep).
pub fn check_tree(page: &Document) -> Result<(), Error> {
    let mut stack = vec![(page.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        if depth > MAX_DEPTH {
            return Err(Error::TooDeep { limit: MAX_DEPTH });
        }
        stack.extend(node.children_it(false).map(|child| (child, depth + 1)));
    }
    Ok(())
}

fn refuse_garbled(text: &str) -> Result<(), Error> {
    let total = text.chars().count().max(1);
    let garbled = text
        .chars()
        .filter(|&c| {
            c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C'))
        })
        .count();
    let per_mille = garbled * 1000 / total;
    if per_mille > MAX_GARBLED_PER_MILLE {
        return Err(Error::NotText { per_mille });
    }
    Ok(())
}

fn tag_name(rest: &[u8]) -> String {
    let len = rest.iter().take(16).take_while(|b| b.is_ascii_alphanumeric()).count();
    String::from_utf8_lossy(&rest[..len]).to_ascii_lowercase()
}

/// How far past `rest` the raw text of `name` runs: up to its end tag, or to the end.
fn skip_raw_text(rest: &[u8], name: &str) -> usize {
    let close = format!("</{name}");
    find(rest, close.as_bytes()).unwrap_or(rest.len())
}

/// ASCII-case-insensitive: end tags may be written in any case.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}
