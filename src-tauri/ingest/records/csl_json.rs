//! CSL-JSON items (Zotero, Better BibTeX, pandoc) read as they are.
//!
//! The input already is the model's shape, so every field round-trips through [`SourceMeta`]'s
//! `extra`. Two things are normalised because the typed fields need them: the file-local `id`
//! becomes `citation-key` (unless the item has one), and values CSL processors accept in a
//! looser form — numbers for `volume`/`page`, Zotero's `"2024"` year strings in `date-parts`,
//! a `raw` date string — are written the one way [`SourceMeta`] holds them.
//!
//! [`SourceMeta`]: crate::model::SourceMeta

use serde_json::{json, Value};

use super::{csl_date, numeric_date, to_extracted, Error, Item};
use crate::ingest::Extracted;

const MEDIA_TYPE: &str = "application/vnd.citationstyles.csl+json";
const ORIGIN: &str = "csl-json";

/// Typed string fields of the model that CSL processors also accept as numbers.
const STRING_FIELDS: &[&str] = &[
    "title",
    "container-title",
    "number",
    "volume",
    "issue",
    "page",
    "language",
    "DOI",
    "URL",
    "publisher",
    "abstract",
];

/// Reads a CSL-JSON file: an array of items, or one item object.
pub fn read_csl_json(text: &str) -> Result<Vec<Extracted>, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| Error::CslJsonSyntax {
        line: e.line(),
        column: e.column(),
        problem: e.to_string().split(" at line ").next().unwrap_or_default().to_string(),
    })?;
    let items = match value {
        Value::Array(items) => items,
        Value::Object(_) => vec![value],
        other => {
            return Err(Error::CslJson(format!(
                "expected an array of items or one item object, found {}",
                kind(&other)
            )))
        }
    };
    if items.is_empty() {
        return Err(Error::NoRecords { format: "CSL-JSON" });
    }
    items.into_iter().enumerate().map(|(i, item)| read_item(i + 1, item)).collect()
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn read_item(index: usize, value: Value) -> Result<Extracted, Error> {
    let Value::Object(mut item) = value else {
        return Err(Error::CslJsonItem {
            index,
            id: "no id".to_string(),
            problem: format!("is {}, not an item object", kind(&value)),
        });
    };
    let id = item.remove("id").map(|id| match id {
        Value::String(s) => s,
        other => other.to_string(),
    });
    let fail = |problem: String| Error::CslJsonItem {
        index,
        id: id.clone().unwrap_or_else(|| "no id".to_string()),
        problem,
    };
    if !item.get("type").is_some_and(Value::is_string) {
        return Err(fail("has no \"type\"".to_string()));
    }
    if let Some(id) = &id {
        item.entry("citation-key").or_insert_with(|| json!(id));
    }
    normalise(&mut item).map_err(fail)?;
    to_extracted(item, MEDIA_TYPE, ORIGIN).map_err(|e| fail(e.to_string()))
}

/// Writes the loose forms CSL processors accept the one way the model holds them.
fn normalise(item: &mut Item) -> Result<(), String> {
    for field in STRING_FIELDS {
        if let Some(Value::Number(n)) = item.get(*field) {
            let text = n.to_string();
            item.insert(field.to_string(), json!(text));
        }
    }
    for field in ["issued", "accessed"] {
        if let Some(date) = item.get(field) {
            let date =
                model_date(date).ok_or_else(|| format!("\"{field}\" is not a date: {date}"))?;
            item.insert(field.to_string(), date);
        }
    }
    Ok(())
}

/// A CSL date as `{"date-parts": [[y, m, d]]}` with integer parts; `None` when it holds no
/// date that can be read without guessing.
fn model_date(date: &Value) -> Option<Value> {
    if let Some(parts) = date.get("date-parts").and_then(Value::as_array) {
        let ranges: Option<Vec<Vec<i32>>> = parts.iter().map(int_parts).collect();
        return ranges
            .filter(|r| !r.is_empty() && r.iter().all(|p| !p.is_empty()))
            .map(|r| json!({ "date-parts": r }));
    }
    let raw = date.get("raw").or_else(|| date.get("literal")).or(Some(date))?.as_str()?;
    numeric_date(raw).map(|parts| csl_date(parts, None))
}

/// One `[year, month, day]`, whose parts may be numbers or digit strings.
fn int_parts(parts: &Value) -> Option<Vec<i32>> {
    parts
        .as_array()?
        .iter()
        .map(|p| match p {
            Value::Number(n) => n.as_i64().and_then(|n| i32::try_from(n).ok()),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::ingest::records::fixture;

    /// What the item should read back as: without `id` (kept as `citation-key` when the item
    /// had none), with Zotero's string years as numbers.
    fn expected(mut item: Value) -> Value {
        let id = item.as_object_mut().unwrap().remove("id").unwrap();
        item.as_object_mut().unwrap().entry("citation-key").or_insert(id);
        for field in ["issued", "accessed"] {
            if let Some(parts) = item.pointer_mut(&format!("/{field}/date-parts/0")) {
                for part in parts.as_array_mut().unwrap() {
                    if let Some(s) = part.as_str() {
                        *part = json!(s.parse::<i64>().unwrap());
                    }
                }
            }
        }
        item
    }

    #[test]
    fn zotero_export_round_trips() {
        let text = fixture("zotero.json");
        let input: Vec<Value> = serde_json::from_str(&text).unwrap();
        let docs = read_csl_json(&text).unwrap();
        assert_eq!(docs.len(), input.len());
        for (doc, item) in docs.iter().zip(input) {
            assert_eq!(doc.media_type, "application/vnd.citationstyles.csl+json");
            assert!(doc.paragraphs.is_empty());
            assert_eq!(serde_json::to_value(&doc.source).unwrap(), expected(item));
        }
    }

    #[test]
    fn fields_are_mapped_with_provenance() {
        let docs = read_csl_json(&fixture("zotero.json")).unwrap();
        let news = &docs[0];
        assert_eq!(news.title, "North Korea switches state TV satellite from Russian to Chinese");
        assert_eq!(news.source.csl_type, "article-newspaper");
        assert_eq!(news.source.author[0].given.as_deref(), Some("Chan-kyong"));
        assert_eq!(news.source.issued.as_ref().unwrap().to_iso(), "2024-07-09");
        assert_eq!(
            news.source.abstract_.as_deref().map(|a| a.starts_with("Pyongyang")),
            Some(true)
        );
        assert_eq!(news.source.extra["section"], json!("Asia"));
        assert_eq!(news.provenance.get("container-title").map(String::as_str), Some("csl-json"));
        assert!(!news.provenance.contains_key("id"));
        assert_eq!(news.language.as_deref(), Some("en"));

        let web = &docs[1].source;
        assert!(web.author.is_empty());
        assert_eq!(web.accessed.as_ref().unwrap().to_iso(), "2024-07-02");
        let report = &docs[2].source;
        assert_eq!(report.number.as_deref(), Some("CO 24-18"));
        assert_eq!(
            report.author[0].literal.as_deref(),
            Some("Korea Institute for National Unification")
        );
        assert_eq!(docs[3].source.doi.as_deref(), Some("10.33728/ijkus.2024.33.1.002"));
        assert_eq!(docs[4].source.extra["editor"][0]["family"], json!("Moon"));
        assert_eq!(docs[5].language.as_deref(), Some("ru"));
        assert_eq!(docs[6].source.csl_type, "interview");
    }

    #[test]
    fn one_item_object_and_loose_forms() {
        let docs = read_csl_json(
            r#"{"id": 7, "type": "report", "title": "T", "volume": 12, "issued": {"raw": "2024-07-09"}}"#,
        )
        .unwrap();
        let source = serde_json::to_value(&docs[0].source).unwrap();
        assert_eq!(
            source,
            json!({"type": "report", "title": "T", "volume": "12", "citation-key": "7",
                   "issued": {"date-parts": [[2024, 7, 9]]}})
        );
    }

    #[test]
    fn bad_input_gets_one_clear_line() {
        let err = read_csl_json(&fixture("not-csl.json")).unwrap_err().to_string();
        assert_eq!(err, "CSL-JSON: expected an array of items or one item object, found a string");
        let err = read_csl_json("[{\"type\": \"book\",]").unwrap_err().to_string();
        assert!(err.starts_with("CSL-JSON line 1, column 18: "), "{err}");
        let err = read_csl_json(r#"[{"id": "a", "type": "book"}, {"id": "b", "title": "x"}]"#)
            .unwrap_err()
            .to_string();
        assert_eq!(err, "CSL-JSON item 2 (b): has no \"type\"");
        let err = read_csl_json(r#"[{"id": "a", "type": "book", "issued": {"season": 2}}]"#)
            .unwrap_err()
            .to_string();
        assert_eq!(err, r#"CSL-JSON item 1 (a): "issued" is not a date: {"season":2}"#);
        assert!(matches!(read_csl_json("[]"), Err(Error::NoRecords { .. })));
    }
}
