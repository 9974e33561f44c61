//! Citation documents: citation clusters rendered in order, as a paper cites them (so a
//! repeated source becomes "Ibid." or a short note where the style says so), and the
//! bibliography of the items, in one output format.
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::engine::{Cluster, Worker};
use super::format::Format;
use super::style::Style;
use super::{Error, Result};

/// A pinpoint in a cited work, with CSL's locator label: ("paragraph", "9"), ("page", "3").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Locator {
    pub label: String,
    pub value: String,
}

impl Locator {
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Self {
        Locator { label: label.into(), value: value.into() }
    }

    /// The paragraph as the reader numbers it (from 1).
    pub fn paragraph(number: usize) -> Self {
        Locator::new("paragraph", number.to_string())
    }

    /// A page (or page range) as printed.
    pub fn page(page: impl Into<String>) -> Self {
        Locator::new("page", page)
    }
}

/// CSL 1.0.2's locator types; citeproc-js renders an unknown label as nothing at all, so it is
/// refused instead.
const LOCATOR_LABELS: [&str; 29] = [
    "act",
    "appendix",
    "article-locator",
    "book",
    "canon",
    "chapter",
    "column",
    "elocation",
    "equation",
    "figure",
    "folio",
    "issue",
    "line",
    "note",
    "opus",
    "page",
    "paragraph",
    "part",
    "rule",
    "scene",
    "section",
    "sub-verbo",
    "supplement",
    "table",
    "timestamp",
    "title-locator",
    "verse",
    "version",
    "volume",
];

/// One work cited in a cluster, with its pinpoint and the words before and after it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CiteItem {
    /// The CSL-JSON item's `id`.
    pub id: String,
    #[serde(default)]
    pub locator: Option<Locator>,
    /// Text before the citation, inside the style's brackets ("see ", "Cho, quoted in ").
    #[serde(default)]
    pub prefix: Option<String>,
    #[serde(default)]
    pub suffix: Option<String>,
}

impl CiteItem {
    pub fn new(id: impl Into<String>) -> Self {
        CiteItem { id: id.into(), ..CiteItem::default() }
    }

    pub fn at(self, locator: Option<Locator>) -> Self {
        CiteItem { locator, ..self }
    }

    /// The item as citeproc-js takes it in `citationItems`.
    fn to_csl(&self) -> Value {
        let mut item = json!({ "id": self.id });
        if let Some(locator) = &self.locator {
            item["label"] = locator.label.as_str().into();
            item["locator"] = locator.value.as_str().into();
        }
        if let Some(prefix) = &self.prefix {
            item["prefix"] = prefix.as_str().into();
        }
        if let Some(suffix) = &self.suffix {
            item["suffix"] = suffix.as_str().into();
        }
        item
    }
}

/// One citation: a footnote in a note style, one bracketed citation in an in-text style,
/// citing one or more works.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CiteRequest {
    pub items: Vec<CiteItem>,
}

impl CiteRequest {
    /// A citation of one work.
    pub fn one(item: CiteItem) -> Self {
        CiteRequest { items: vec![item] }
    }
}

/// Citations and a bibliography rendered in one format.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Document {
    pub format: Format,
    /// One per [`CiteRequest`], in the order given.
    pub citations: Vec<RenderedCite>,
    /// Entries in the style's order; empty if the style has no bibliography.
    pub bibliography: Vec<BibEntry>,
    /// Whether the style indents bibliography lines after the first (a hanging indent, or
    /// IEEE's numbers set apart); [`super::rtf_document`] takes it.
    pub hanging_indent: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RenderedCite {
    /// The footnote number in a note style (from 1); `None` in an in-text style.
    pub note: Option<usize>,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BibEntry {
    /// The CSL-JSON item's `id`.
    pub id: String,
    pub text: String,
}

/// Checks `cites` against the item ids and turns them into citeproc-js clusters.
pub(crate) fn clusters(cites: &[CiteRequest], ids: &[String]) -> Result<Vec<Cluster>> {
    let invalid = |n: usize, reason: String| Error::InvalidCitation {
        reason: format!("citation {}: {reason}", n + 1),
    };
    cites
        .iter()
        .enumerate()
        .map(|(n, cite)| {
            if cite.items.is_empty() {
                return Err(invalid(n, "cites no item".into()));
            }
            for item in &cite.items {
                if !ids.contains(&item.id) {
                    return Err(invalid(n, format!("no item has the id {:?}", item.id)));
                }
                if let Some(locator) = &item.locator {
                    if !LOCATOR_LABELS.contains(&locator.label.as_str()) {
                        return Err(invalid(
                            n,
                            format!(
                                "unknown locator label {:?} (CSL labels: {})",
                                locator.label,
                                LOCATOR_LABELS.join(", ")
                            ),
                        ));
                    }
                }
            }
            Ok((format!("c{n}"), cite.items.iter().map(CiteItem::to_csl).collect()))
        })
        .collect()
}

/// Renders `clusters` (from [`clusters`]) over `items_json` in `style` and `format`.
pub(crate) fn render(
    worker: &mut Worker,
    style: &Style,
    items_json: &str,
    clusters: &[Cluster],
    format: Format,
    with_bibliography: bool,
) -> Result<Document> {
    let engine = worker.engine(style)?;
    let mut raw =
        worker.document(engine, format.citeproc(), items_json, clusters, with_bibliography)?;
    let citations = clusters
        .iter()
        .enumerate()
        .map(|(n, (id, _))| {
            let text = raw.cites.remove(id).ok_or_else(|| Error::Engine {
                message: format!("citeproc-js rendered no citation {}", n + 1),
            })?;
            Ok(RenderedCite { note: engine.is_note.then_some(n + 1), text: format.finish(text) })
        })
        .collect::<Result<_>>()?;
    let (entries, hanging_indent) =
        raw.bib.map(|bib| (bib.entries, bib.hanging)).unwrap_or_default();
    let bibliography =
        entries.into_iter().map(|(id, text)| BibEntry { id, text: format.finish(text) }).collect();
    Ok(Document { format, citations, bibliography, hanging_indent })
}
