//! Citations: CSL styles rendered by citeproc-js (the engine behind Zotero) inside QuickJS.
//!
//! citeproc-js runs unmodified; it is the only engine measured to reproduce the reference
//! renderings in `shared/citeref/` exactly. Styles are CSL files, never hand-written
//! formatters: seven are bundled (see [`bundled_styles`]) and any independent `.csl` file
//! can be given by path. Output comes as citeproc-js's own text, HTML or RTF, or as Markdown
//! read from its HTML ([`Format`]); quotes are cited through CSL as well (`quote`).
mod collate;
mod document;
mod engine;
pub mod export;
mod format;
mod html;
mod markdown;
mod quote;
mod reference;
mod style;

use std::sync::OnceLock;

pub use document::{BibEntry, CiteItem, CiteRequest, Document, Locator, RenderedCite};
pub use format::{rtf_document, Format};
pub use html::html_page;
pub use quote::{QuoteCitation, QuoteExport};
pub use style::{bundled_styles, StyleSummary};

/// Errors of the citation engine.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("unknown style {name:?}: bundled styles are {}, or give the path of a .csl file", known.join(", "))]
    UnknownStyle { name: String, known: Vec<String> },
    #[error("invalid CSL style {name}: {reason}")]
    InvalidStyle { name: String, reason: String },
    #[error("invalid CSL-JSON items: {reason}")]
    InvalidItems { reason: String },
    #[error("invalid citation: {reason}")]
    InvalidCitation { reason: String },
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error("citeproc-js: {message}")]
    Engine { message: String },
}

pub type Result<T> = std::result::Result<T, Error>;

/// citeproc-js on its own thread, shareable between threads (a Tauri state, the CLI).
/// The engine for a style is built at first use (seconds for APA and Chicago) and kept while
/// the engines together stay within a memory budget (see `engine`), so switching between a
/// few styles, or rendering a preview again, never rebuilds one.
pub struct CiteEngine {
    /// Started at first use, so that commands which never cite do not load citeproc-js; a
    /// failed start is kept as its message and reported by every call.
    worker: OnceLock<std::result::Result<engine::Handle, String>>,
}

impl Default for CiteEngine {
    fn default() -> Self {
        Self::new()
    }
}

impl CiteEngine {
    pub fn new() -> Self {
        CiteEngine { worker: OnceLock::new() }
    }

    /// The worker, started (and citeproc-js loaded into it) on the first call.
    fn worker(&self) -> Result<&engine::Handle> {
        self.worker
            .get_or_init(|| {
                engine::Handle::start().map_err(|e| match e {
                    Error::Engine { message } => message,
                    other => other.to_string(),
                })
            })
            .as_ref()
            .map_err(|message| Error::Engine { message: message.clone() })
    }

    /// Builds the engine for `style` ahead of use (the slow step: seconds for the Chicago
    /// styles), e.g. for the default style while the app starts.
    pub fn prepare(&self, style: &str) -> Result<()> {
        let style = style::resolve(style)?;
        self.worker()?.run(move |worker| worker.engine(&style).map(|_| ()))
    }

    /// Renders a document in `style`: the citations `cites` in order over the CSL-JSON
    /// `items` (one footnote each in a note style, where a source cited again becomes a
    /// short note or "Ibid." as the style says), and the bibliography of all `items`. One
    /// call renders any number of items with the style's engine as built once, so a live
    /// preview costs one round trip, not one per item.
    pub fn cite_many(
        &self,
        style: &str,
        items: &[serde_json::Value],
        cites: &[CiteRequest],
        format: Format,
    ) -> Result<Document> {
        let style = style::resolve(style)?;
        let clusters = document::clusters(cites, &item_ids(items)?)?;
        let items_json = items_json(items)?;
        self.worker()?.run(move |worker| {
            document::render(worker, &style, &items_json, &clusters, format, true)
        })
    }

    /// Exports a quote in `style` and `format`: its words, speaker and role, the article cited
    /// at the quote's pinpoint, the secondary ("quoted in") citation the style prescribes, the
    /// article's bibliography entry and an attribution sentence (see [`QuoteExport`]).
    pub fn cite_quote(
        &self,
        style: &str,
        quote: &QuoteCitation,
        format: Format,
    ) -> Result<QuoteExport> {
        let style = style::resolve(style)?;
        let items = std::slice::from_ref(quote.item);
        let ids = item_ids(items)?;
        let direct = quote.direct()?;
        let secondary = quote::Secondary::of_style(&style.xml).cite(&quote.quote.speaker, &direct);
        let direct = document::clusters(&[CiteRequest::one(direct)], &ids)?;
        let secondary = document::clusters(&[CiteRequest::one(secondary)], &ids)?;
        let items_json = items_json(items)?;
        // Two documents: in one, the second citation would be a subsequent ("Ibid.") one.
        let (citation, quoted_in, bibliography) = self.worker()?.run(move |worker| {
            let a = document::render(worker, &style, &items_json, &direct, format, true)?;
            let b = document::render(worker, &style, &items_json, &secondary, format, false)?;
            let first = |doc: Document| doc.citations.into_iter().next().map(|c| c.text);
            let bibliography = a.bibliography.first().map(|e| e.text.clone()).unwrap_or_default();
            Ok((first(a).unwrap_or_default(), first(b).unwrap_or_default(), bibliography))
        })?;
        Ok(QuoteExport {
            words: quote.quote.text.clone(),
            speaker: quote.quote.speaker.clone(),
            descriptor: quote.quote.descriptor.clone(),
            citation,
            quoted_in,
            bibliography,
            attribution: format.write(&quote::attribution(quote)),
        })
    }

    /// Renders `items` in `style` the way the reference renderings in `shared/citeref/` are
    /// made: one object per item id with `bib_text`/`bib_html`, `cite_text`/`cite_html`,
    /// `cite_with_locator_*` (paragraph 9), `subsequent_note_with_locator_*` for note styles
    /// and `bib_position`. This is what `sourcebook render --json` prints.
    pub fn render_reference(
        &self,
        style: &str,
        items: &[serde_json::Value],
    ) -> Result<serde_json::Value> {
        let style = style::resolve(style)?;
        let ids = item_ids(items)?;
        let items_json = items_json(items)?;
        self.worker()?.run(move |worker| reference::render(worker, &style, &items_json, &ids))
    }
}

/// `quote` cited in `style`'s secondary ("quoted in") form, as [`QuoteExport::quoted_in`] is,
/// for rendering along with other citations in one [`CiteEngine::cite_many`] document (the
/// footnotes of a paper quoting several speakers).
pub fn quoted_in(style: &str, quote: &QuoteCitation) -> Result<CiteRequest> {
    let style = style::resolve(style)?;
    let secondary = quote::Secondary::of_style(&style.xml);
    Ok(CiteRequest::one(secondary.cite(&quote.quote.speaker, &quote.direct()?)))
}

/// The items' ids as citeproc-js sees them (strings), checking each item has a unique one.
fn item_ids(items: &[serde_json::Value]) -> Result<Vec<String>> {
    let mut ids = Vec::with_capacity(items.len());
    let mut seen = std::collections::HashSet::new();
    for (n, item) in items.iter().enumerate() {
        let id = match item.get("id") {
            Some(serde_json::Value::String(s)) if !s.is_empty() => s.clone(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ if !item.is_object() => {
                return Err(Error::InvalidItems {
                    reason: format!("item {} is not an object", n + 1),
                })
            }
            _ => {
                return Err(Error::InvalidItems {
                    reason: format!("item {} has no \"id\" (a string or a number)", n + 1),
                })
            }
        };
        if !seen.insert(id.clone()) {
            return Err(Error::InvalidItems { reason: format!("duplicate item id {id:?}") });
        }
        ids.push(id);
    }
    Ok(ids)
}

fn items_json(items: &[serde_json::Value]) -> Result<String> {
    serde_json::to_string(items).map_err(|e| Error::InvalidItems { reason: e.to_string() })
}

#[cfg(test)]
mod tests;
