//! CSL-JSON written for other tools (pandoc, Zotero, citeproc-js): the items as Sourcebook
//! keeps them, with the citekey as `id` and only what the CSL data schema allows.
//!
//! Every variable of the CSL 1.0.2 data schema is kept, in the shape the schema gives it;
//! anything else (fields of other programs or of Sourcebook itself, values of the wrong
//! shape, unknown name or date parts) is left out, so that the file validates. Variables a
//! citation processor sets itself (`citation-number`, `year-suffix`, ...) are left out too.
//! Keys are written in one order whatever the build (`id`, `type`, then alphabetical, case
//! aside), so the same items always give the same file.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

/// How the schema types a variable.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Text,
    /// A string or a number.
    Numeric,
    Names,
    Date,
    /// `categories`: a list of strings.
    Strings,
    /// `custom`: any object.
    Object,
}

/// The item variables of the CSL 1.0.2 data schema (`csl-data.json`), minus those the
/// processor sets.
const VARIABLES: &[(&str, Shape)] = &[
    ("language", Shape::Text),
    ("journalAbbreviation", Shape::Text),
    ("shortTitle", Shape::Text),
    ("abstract", Shape::Text),
    ("annote", Shape::Text),
    ("archive", Shape::Text),
    ("archive_collection", Shape::Text),
    ("archive_location", Shape::Text),
    ("archive-place", Shape::Text),
    ("authority", Shape::Text),
    ("call-number", Shape::Text),
    ("collection-title", Shape::Text),
    ("container-title", Shape::Text),
    ("container-title-short", Shape::Text),
    ("dimensions", Shape::Text),
    ("division", Shape::Text),
    ("DOI", Shape::Text),
    ("event", Shape::Text),
    ("event-title", Shape::Text),
    ("event-place", Shape::Text),
    ("genre", Shape::Text),
    ("ISBN", Shape::Text),
    ("ISSN", Shape::Text),
    ("jurisdiction", Shape::Text),
    ("keyword", Shape::Text),
    ("medium", Shape::Text),
    ("note", Shape::Text),
    ("original-publisher", Shape::Text),
    ("original-publisher-place", Shape::Text),
    ("original-title", Shape::Text),
    ("part-title", Shape::Text),
    ("PMCID", Shape::Text),
    ("PMID", Shape::Text),
    ("publisher", Shape::Text),
    ("publisher-place", Shape::Text),
    ("references", Shape::Text),
    ("reviewed-genre", Shape::Text),
    ("reviewed-title", Shape::Text),
    ("scale", Shape::Text),
    ("section", Shape::Text),
    ("source", Shape::Text),
    ("status", Shape::Text),
    ("title", Shape::Text),
    ("title-short", Shape::Text),
    ("URL", Shape::Text),
    ("version", Shape::Text),
    ("volume-title", Shape::Text),
    ("volume-title-short", Shape::Text),
    ("chapter-number", Shape::Numeric),
    ("collection-number", Shape::Numeric),
    ("edition", Shape::Numeric),
    ("issue", Shape::Numeric),
    ("number", Shape::Numeric),
    ("number-of-pages", Shape::Numeric),
    ("number-of-volumes", Shape::Numeric),
    ("page", Shape::Numeric),
    ("page-first", Shape::Numeric),
    ("part", Shape::Numeric),
    ("printing", Shape::Numeric),
    ("supplement", Shape::Numeric),
    ("volume", Shape::Numeric),
    ("categories", Shape::Strings),
    ("author", Shape::Names),
    ("chair", Shape::Names),
    ("collection-editor", Shape::Names),
    ("compiler", Shape::Names),
    ("composer", Shape::Names),
    ("container-author", Shape::Names),
    ("contributor", Shape::Names),
    ("curator", Shape::Names),
    ("director", Shape::Names),
    ("editor", Shape::Names),
    ("editorial-director", Shape::Names),
    ("executive-producer", Shape::Names),
    ("guest", Shape::Names),
    ("host", Shape::Names),
    ("interviewer", Shape::Names),
    ("illustrator", Shape::Names),
    ("narrator", Shape::Names),
    ("organizer", Shape::Names),
    ("original-author", Shape::Names),
    ("performer", Shape::Names),
    ("producer", Shape::Names),
    ("recipient", Shape::Names),
    ("reviewed-author", Shape::Names),
    ("script-writer", Shape::Names),
    ("series-creator", Shape::Names),
    ("translator", Shape::Names),
    ("accessed", Shape::Date),
    ("available-date", Shape::Date),
    ("event-date", Shape::Date),
    ("issued", Shape::Date),
    ("original-date", Shape::Date),
    ("submitted", Shape::Date),
    ("custom", Shape::Object),
];

/// The item types of the schema; an item of another type is written as a `document`.
const TYPES: &[&str] = &[
    "article",
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "bill",
    "book",
    "broadcast",
    "chapter",
    "classic",
    "collection",
    "dataset",
    "document",
    "entry",
    "entry-dictionary",
    "entry-encyclopedia",
    "event",
    "figure",
    "graphic",
    "hearing",
    "interview",
    "legal_case",
    "legislation",
    "manuscript",
    "map",
    "motion_picture",
    "musical_score",
    "pamphlet",
    "paper-conference",
    "patent",
    "performance",
    "periodical",
    "personal_communication",
    "post",
    "post-weblog",
    "regulation",
    "report",
    "review",
    "review-book",
    "software",
    "song",
    "speech",
    "standard",
    "thesis",
    "treaty",
    "webpage",
];

/// The parts a name may have, and whether they are text only (the rest may also be numbers or
/// booleans).
const NAME_PARTS: &[(&str, bool)] = &[
    ("family", true),
    ("given", true),
    ("dropping-particle", true),
    ("non-dropping-particle", true),
    ("suffix", true),
    ("literal", true),
    ("comma-suffix", false),
    ("static-ordering", false),
    ("parse-names", false),
];

/// A JSON array of the cleaned `items`, `keys[i]` becoming the `id` and `citation-key` of
/// `items[i]`.
///
/// # Panics
/// If `keys` and `items` differ in length: every item needs its key.
pub fn csl_json(items: &[Value], keys: &[String]) -> String {
    assert_eq!(items.len(), keys.len(), "one citekey per item");
    let cleaned: Vec<Value> = items.iter().zip(keys).map(|(item, key)| clean(item, key)).collect();
    let mut out = serde_json::to_string_pretty(&Ordered(&Value::Array(cleaned)))
        .expect("JSON values always serialise");
    out.push('\n');
    out
}

fn clean(item: &Value, key: &str) -> Value {
    let mut out = Map::new();
    out.insert("id".into(), key.into());
    out.insert("citation-key".into(), key.into());
    let csl_type = item.get("type").and_then(Value::as_str).filter(|t| TYPES.contains(t));
    out.insert("type".into(), csl_type.unwrap_or("document").into());
    for (variable, shape) in VARIABLES {
        if let Some(value) = item.get(*variable).and_then(|v| shaped(v, *shape)) {
            out.insert(variable.to_string(), value);
        }
    }
    Value::Object(out)
}

/// The value in the schema's shape, or `None` when it has another shape or nothing left.
fn shaped(value: &Value, shape: Shape) -> Option<Value> {
    match (shape, value) {
        (Shape::Text | Shape::Numeric, Value::String(s)) if !s.trim().is_empty() => {
            Some(value.clone())
        }
        (Shape::Numeric, Value::Number(_)) => Some(value.clone()),
        (Shape::Strings, Value::Array(list)) if list.iter().all(Value::is_string) => {
            (!list.is_empty()).then(|| value.clone())
        }
        (Shape::Object, Value::Object(_)) => Some(value.clone()),
        (Shape::Names, Value::Array(names)) => {
            let names: Vec<Value> = names.iter().filter_map(name).collect();
            (!names.is_empty()).then_some(Value::Array(names))
        }
        (Shape::Date, Value::Object(date)) => self::date(date),
        _ => None,
    }
}

fn name(value: &Value) -> Option<Value> {
    let parts: Map<String, Value> = NAME_PARTS
        .iter()
        .filter_map(|(part, text_only)| {
            let v = value.get(*part)?;
            let fits = match v {
                Value::String(s) => !s.trim().is_empty(),
                Value::Number(_) | Value::Bool(_) => !text_only,
                _ => false,
            };
            fits.then(|| (part.to_string(), v.clone()))
        })
        .collect();
    let named = ["family", "given", "literal"].iter().any(|p| parts.contains_key(*p));
    named.then_some(Value::Object(parts))
}

fn date(date: &Map<String, Value>) -> Option<Value> {
    let mut out = Map::new();
    if let Some(parts) = date.get("date-parts").filter(|p| date_parts(p)) {
        out.insert("date-parts".into(), parts.clone());
    }
    for (key, value) in date {
        let fits = match (key.as_str(), value) {
            ("literal" | "raw", Value::String(s)) => !s.trim().is_empty(),
            ("season", Value::String(_) | Value::Number(_)) => true,
            ("circa", Value::String(_) | Value::Number(_) | Value::Bool(_)) => true,
            _ => false,
        };
        if fits {
            out.insert(key.clone(), value.clone());
        }
    }
    let dated = ["date-parts", "literal", "raw"].iter().any(|k| out.contains_key(*k));
    dated.then_some(Value::Object(out))
}

/// One or two lists (a point or a range) of one to three strings or numbers.
fn date_parts(parts: &Value) -> bool {
    let Some(ranges) = parts.as_array() else { return false };
    (1..=2).contains(&ranges.len())
        && ranges.iter().all(|r| {
            r.as_array().is_some_and(|r| {
                (1..=3).contains(&r.len()) && r.iter().all(|p| p.is_string() || p.is_number())
            })
        })
}

/// A value written with object keys in a fixed order — `id`, `type`, then alphabetical —
/// whether or not serde_json keeps insertion order (a feature some dependencies turn on).
struct Ordered<'a>(&'a Value);

impl Serialize for Ordered<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::Object(map) => {
                let mut keys: Vec<&String> = map.keys().collect();
                keys.sort_by_cached_key(|k| (*k != "id", *k != "type", k.to_lowercase()));
                let mut out = serializer.serialize_map(Some(keys.len()))?;
                for key in keys {
                    out.serialize_entry(key, &Ordered(&map[key]))?;
                }
                out.end()
            }
            Value::Array(items) => serializer.collect_seq(items.iter().map(Ordered)),
            other => other.serialize(serializer),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn only_the_schema_is_kept_in_a_fixed_order() {
        let item = json!({
            "type": "article-newspaper", "title": "T", "id": "old", "citation-key": "old",
            "sourcebook-article": "0190…", "citation-number": 3, "volume": 12, "page": "",
            "author": [{"family": "Kim", "given": "Soo-yeon", "sort-key": "x"}, {"phone": "1"}],
            "editor": "Moon, Chung-in",
            "issued": {"date-parts": [[2024, 6, 19]], "timezone": "KST"},
            "accessed": {"date-parts": [[2024, 6, 19], [2024, 6, 20], [2024, 6, 21]]},
        });
        let out = csl_json(&[item], &["kim2024t".to_string()]);
        let expected = json!([{
            "id": "kim2024t", "type": "article-newspaper", "citation-key": "kim2024t",
            "title": "T", "volume": 12, "author": [{"family": "Kim", "given": "Soo-yeon"}],
            "issued": {"date-parts": [[2024, 6, 19]]}
        }]);
        assert_eq!(serde_json::from_str::<Value>(&out).unwrap(), expected);
        let order = ["id", "type", "author", "citation-key", "issued", "title", "volume"]
            .map(|key| out.find(&format!("\"{key}\":")).unwrap());
        assert!(order.is_sorted(), "{out}");
        assert!(out.ends_with("}\n]\n"));
    }

    #[test]
    fn an_unknown_type_is_a_document() {
        let out: Value = serde_json::from_str(&csl_json(
            &[json!({"type": "newspaperArticle"}), json!({})],
            &["a".into(), "b".into()],
        ))
        .unwrap();
        assert_eq!(out[0]["type"], "document");
        assert_eq!(out[1]["type"], "document");
    }
}
