//! Citations: CSL styles rendered by citeproc-js (the engine behind Zotero) inside QuickJS.
//!
//! citeproc-js runs unmodified; it is the only engine measured to reproduce the reference
//! renderings in `shared/citeref/` exactly. Styles are CSL files, never hand-written
//! formatters: seven are bundled (see [`bundled_styles`]) and any independent `.csl` file
//! can be given by path.
mod collate;
mod engine;
mod reference;
mod style;

use std::sync::OnceLock;

use serde::Serialize;

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
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error("citeproc-js: {message}")]
    Engine { message: String },
}

pub type Result<T> = std::result::Result<T, Error>;

/// One item cited in a style, as plain text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Rendered {
    /// The first citation: the first note for note styles, the in-text citation otherwise.
    pub citation: String,
    /// The item's bibliography entry (empty if the style has no bibliography).
    pub bibliography: String,
}

/// citeproc-js on its own thread, shareable between threads (a Tauri state, the CLI).
/// The engine for a style is built at first use; the two most recently used are kept.
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

    /// Cites one CSL-JSON `item` in `style` (a bundled style's name or a `.csl` path),
    /// optionally at a `locator` given as (label, value), e.g. ("paragraph", "9").
    pub fn cite(
        &self,
        style: &str,
        item: &serde_json::Value,
        locator: Option<(&str, &str)>,
    ) -> Result<Rendered> {
        let style = style::resolve(style)?;
        let items = std::slice::from_ref(item);
        let id = item_ids(items)?.remove(0);
        let items_json = items_json(items)?;
        let mut citation_item = serde_json::json!({ "id": id });
        if let Some((label, value)) = locator {
            citation_item["label"] = label.into();
            citation_item["locator"] = value.into();
        }
        self.worker()?.run(move |worker| {
            let engine = worker.engine(&style)?;
            let citations = [("cite".to_string(), citation_item)];
            let mut doc = worker.document(engine, "text", &items_json, &citations, true)?;
            let citation = doc.cites.remove("cite").ok_or_else(|| Error::Engine {
                message: format!("no citation rendered for {id}"),
            })?;
            let bibliography = doc
                .bib
                .unwrap_or_default()
                .into_iter()
                .find(|(entry_id, _)| *entry_id == id)
                .map(|(_, entry)| entry)
                .unwrap_or_default();
            Ok(Rendered { citation, bibliography })
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
