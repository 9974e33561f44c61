//! The article a page describes in its JSON-LD (schema.org `NewsArticle`, `Article`, ...).

use dom_query::Document;
use serde_json::{Map, Value};

use super::names;
use crate::model::CslName;

/// A JSON-LD block larger than this is not article metadata; skip rather than parse it.
const MAX_BLOCK: usize = 512 * 1024;

/// schema.org types that describe one article; every `*NewsArticle` subtype counts as news.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "BlogPosting",
    "LiveBlogPosting",
    "NewsArticle",
    "Report",
    "ScholarlyArticle",
    "SocialMediaPosting",
];

/// What one JSON-LD article node says, each field as written.
#[derive(Debug)]
pub struct LdArticle {
    pub kind: String,
    pub headline: Option<String>,
    pub authors: Vec<CslName>,
    pub date_published: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
}

impl LdArticle {
    pub fn is_news(&self) -> bool {
        self.kind.ends_with("NewsArticle")
    }
}

/// The first article node in the page's JSON-LD blocks, looking inside `@graph` arrays and
/// a `WebPage`'s `mainEntity`.
pub fn article(page: &Document) -> Option<LdArticle> {
    let blocks = page.select("script[type]");
    for script in blocks.nodes() {
        let is_ld = script
            .attr("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        let text = script.text();
        if !is_ld || text.len() > MAX_BLOCK {
            continue;
        }
        let Ok(value) = serde_json::from_str::<Value>(strip_wrappers(&text)) else { continue };
        let nodes = flatten(&value);
        if let Some(node) = nodes.iter().find_map(|n| article_type(n).map(|kind| (kind, *n))) {
            return Some(read_article(node.0, node.1, &nodes));
        }
    }
    None
}

/// Some CMSs wrap the JSON in an HTML comment or a CDATA section.
fn strip_wrappers(text: &str) -> &str {
    let text = text.trim();
    let text = text.strip_prefix("<!--").and_then(|t| t.strip_suffix("-->")).unwrap_or(text).trim();
    text.strip_prefix("//<![CDATA[").and_then(|t| t.strip_suffix("//]]>")).unwrap_or(text).trim()
}

/// Every object node of a block: top-level arrays, `@graph` members and `mainEntity`s.
fn flatten(value: &Value) -> Vec<&Map<String, Value>> {
    let mut out = Vec::new();
    let mut todo = vec![value];
    while let Some(value) = todo.pop() {
        match value {
            Value::Array(items) => todo.extend(items.iter().rev()),
            Value::Object(node) => {
                out.push(node);
                todo.extend(node.get("@graph"));
                todo.extend(node.get("mainEntity"));
            }
            _ => {}
        }
    }
    out
}

fn article_type(node: &Map<String, Value>) -> Option<String> {
    strings(node.get("@type")?)
        .into_iter()
        .map(|t| short_type(&t).to_string())
        .find(|t| ARTICLE_TYPES.contains(&t.as_str()) || t.ends_with("NewsArticle"))
}

/// `https://schema.org/NewsArticle` and `schema:NewsArticle` are `NewsArticle`.
fn short_type(t: &str) -> &str {
    t.rsplit(['/', ':']).next().unwrap_or(t)
}

fn read_article(
    kind: String,
    node: &Map<String, Value>,
    graph: &[&Map<String, Value>],
) -> LdArticle {
    LdArticle {
        kind,
        headline: text(node, "headline").or_else(|| text(node, "name")),
        authors: node.get("author").map(|a| authors(a, graph)).unwrap_or_default(),
        date_published: text(node, "datePublished"),
        publisher: node.get("publisher").and_then(|p| name_of(p, graph)),
        url: text(node, "url")
            .or_else(|| node.get("mainEntityOfPage").and_then(id_or_text))
            .filter(|u| is_web_url(u)),
        language: text(node, "inLanguage"),
    }
}

fn authors(value: &Value, graph: &[&Map<String, Value>]) -> Vec<CslName> {
    let items = match value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    items.into_iter().filter_map(|item| author(item, graph)).collect()
}

fn author(value: &Value, graph: &[&Map<String, Value>]) -> Option<CslName> {
    let node = match value {
        Value::String(s) => return names::from_text(&super::meta::plain(s)),
        Value::Object(node) => resolve(node, graph),
        _ => return None,
    };
    let is_org =
        node.get("@type").is_some_and(|t| strings(t).iter().any(|t| short_type(t) != "Person"));
    let name = text(node, "name");
    match (text(node, "givenName"), text(node, "familyName")) {
        (Some(given), Some(family)) if !is_org => Some(names::from_parts(&given, &family)),
        _ if is_org => name.map(|n| names::literal(&n)),
        _ => name.and_then(|n| names::from_text(&n)),
    }
}

/// A node that is only `{"@id": ...}` stands for the graph node with that id (Yoast and
/// other CMSs write authors and publishers this way).
fn resolve<'a>(
    node: &'a Map<String, Value>,
    graph: &[&'a Map<String, Value>],
) -> &'a Map<String, Value> {
    let Some(id) = node.get("@id").and_then(Value::as_str) else { return node };
    if node.len() > 1 {
        return node;
    }
    graph
        .iter()
        .find(|n| n.get("@id").and_then(Value::as_str) == Some(id) && n.len() > 1)
        .copied()
        .unwrap_or(node)
}

fn name_of(value: &Value, graph: &[&Map<String, Value>]) -> Option<String> {
    match value {
        Value::String(s) => Some(super::meta::plain(s)).filter(|s| !s.is_empty()),
        Value::Object(node) => text(resolve(node, graph), "name"),
        Value::Array(items) => items.iter().find_map(|item| name_of(item, graph)),
        _ => None,
    }
}

fn id_or_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Object(node) => node
            .get("@id")
            .or_else(|| node.get("url"))
            .and_then(Value::as_str)
            .map(|s| s.trim().to_string()),
        _ => None,
    }
}

/// A field's text: a string, or the first string of an array; entities decoded, whitespace
/// collapsed, empty as absent.
fn text(node: &Map<String, Value>, key: &str) -> Option<String> {
    let value = node.get(key)?;
    let raw = match value {
        Value::String(s) => s.as_str(),
        Value::Array(items) => items.iter().find_map(Value::as_str)?,
        _ => return None,
    };
    Some(super::meta::plain(raw)).filter(|s| !s.is_empty())
}

fn strings(value: &Value) -> Vec<String> {
    match value {
        Value::String(s) => vec![s.clone()],
        Value::Array(items) => items.iter().filter_map(Value::as_str).map(str::to_string).collect(),
        _ => Vec::new(),
    }
}

pub fn is_web_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.contains(char::is_whitespace)
}
