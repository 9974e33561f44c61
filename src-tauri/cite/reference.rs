//! The reference "documents" of `shared/citeref/README.md`, rebuilt so that Sourcebook's
//! output can be compared with the citeproc-js reference renderings field by field.
use serde_json::{json, Map, Value};

use super::engine::{Cluster, Worker};
use super::style::Style;
use super::{Error, Result};

/// The pinpoint used by the reference renderings.
const LOCATOR: (&str, &str) = ("paragraph", "9");

/// For each format: document A cites every item once (first citations), then every item again
/// at the locator (subsequent notes), and gives the bibliography; document B cites every item
/// once at the locator (first citations with a locator).
pub(crate) fn render(
    worker: &mut Worker,
    style: &Style,
    items_json: &str,
    ids: &[String],
) -> Result<Value> {
    let engine = worker.engine(style)?;
    let at_locator = |id: &str| vec![json!({ "id": id, "label": LOCATOR.0, "locator": LOCATOR.1 })];
    let first: Vec<Cluster> =
        ids.iter().map(|id| (format!("first:{id}"), vec![json!({ "id": id })])).collect();
    let subsequent = ids.iter().map(|id| (format!("subsequent:{id}"), at_locator(id)));
    let document_a: Vec<Cluster> = first.into_iter().chain(subsequent).collect();
    let document_b: Vec<Cluster> =
        ids.iter().map(|id| (format!("loc:{id}"), at_locator(id))).collect();

    let mut out: Map<String, Value> =
        ids.iter().map(|id| (id.clone(), Value::Object(Map::new()))).collect();
    for format in ["text", "html"] {
        let mut a = worker.document(engine, format, items_json, &document_a, true)?;
        let mut b = worker.document(engine, format, items_json, &document_b, false)?;
        for id in ids {
            let entry = &mut out[id.as_str()];
            entry[format!("cite_{format}")] = take(&mut a.cites, &format!("first:{id}"))?;
            entry[format!("cite_with_locator_{format}")] =
                take(&mut b.cites, &format!("loc:{id}"))?;
            if engine.is_note {
                entry[format!("subsequent_note_with_locator_{format}")] =
                    take(&mut a.cites, &format!("subsequent:{id}"))?;
            }
        }
        let entries = a.bib.map(|bib| bib.entries).unwrap_or_default();
        for (position, (id, text)) in entries.into_iter().enumerate() {
            if let Some(entry) = out.get_mut(&id) {
                entry[format!("bib_{format}")] = text.into();
                entry["bib_position"] = (position + 1).into();
            }
        }
    }
    Ok(Value::Object(out))
}

fn take(cites: &mut std::collections::HashMap<String, String>, key: &str) -> Result<Value> {
    cites
        .remove(key)
        .map(Value::from)
        .ok_or_else(|| Error::Engine { message: format!("citeproc-js rendered no citation {key}") })
}
