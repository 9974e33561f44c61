//! Readers for bibliographic records — BibTeX/BibLaTeX, RIS and CSL-JSON — one source per record.
//!
//! Every reader first turns a record into a CSL-JSON item (a JSON object keyed by CSL variable
//! names) and [`to_extracted`] turns that item into an [`Extracted`]: deserialising into
//! [`SourceMeta`] puts the typed fields in place and keeps every other CSL variable in `extra`,
//! so the three formats share one mapping point and nothing the record gives is dropped.
//! A record is metadata, not text: `paragraphs` stay empty and an abstract goes to `abstract`.

mod bibtex;
mod csl_json;
mod ris;

use chrono::NaiveDate;
use serde_json::{json, Map, Value};

use super::Extracted;
use crate::model::SourceMeta;

pub use bibtex::read_bibtex;
pub use csl_json::read_csl_json;
pub use ris::read_ris;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("BibTeX entry {index} ({key}): {problem}")]
    BibtexEntry { index: usize, key: String, problem: String },
    #[error("BibTeX line {line}: {problem}")]
    Bibtex { line: usize, problem: String },
    #[error("RIS line {line}: {problem}")]
    Ris { line: usize, problem: String },
    #[error("CSL-JSON line {line}, column {column}: {problem}")]
    CslJsonSyntax { line: usize, column: usize, problem: String },
    #[error("CSL-JSON: {0}")]
    CslJson(String),
    #[error("CSL-JSON item {index} ({id}): {problem}")]
    CslJsonItem { index: usize, id: String, problem: String },
    #[error("the {format} file has no records")]
    NoRecords { format: &'static str },
}

/// A CSL-JSON item under construction: variable name to value.
pub(super) type Item = Map<String, Value>;

/// Turns a CSL-JSON item into a record, noting `origin` as the provenance of every field.
pub(super) fn to_extracted(
    item: Item,
    media_type: &'static str,
    origin: &str,
) -> Result<Extracted, serde_json::Error> {
    let fields: Vec<String> = item.keys().cloned().collect();
    let source: SourceMeta = serde_json::from_value(Value::Object(item))?;
    let mut doc = Extracted {
        media_type,
        title: source.title.clone().unwrap_or_default(),
        language: source.language.as_deref().and_then(primary_language),
        source,
        ..Extracted::default()
    };
    for field in fields {
        doc.from_origin(&field, origin);
    }
    Ok(doc)
}

/// The primary subtag of a language tag ("en-US" → "en"), the form detection also gives, so
/// search treats a record's stated language like a detected one.
fn primary_language(tag: &str) -> Option<String> {
    let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
    let is_code =
        (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic());
    is_code.then_some(primary)
}

/// CSL wants a BCP 47 tag; BibTeX (babel names) and EndNote write language names.
fn csl_language(value: &str) -> String {
    let tag = match value.trim().to_ascii_lowercase().as_str() {
        "english" => "en",
        "american" | "usenglish" => "en-US",
        "british" | "ukenglish" => "en-GB",
        "russian" => "ru",
        "korean" => "ko",
        "chinese" => "zh",
        "japanese" => "ja",
        "german" | "ngerman" => "de",
        "french" => "fr",
        _ => return value.trim().to_string(),
    };
    tag.to_string()
}

/// A CSL name: "Family, Given" is a person; anything else is kept whole as a literal, since
/// splitting "Kim Tong-hyung" or an agency's name would be a guess.
pub(super) fn comma_name(text: &str) -> Value {
    match text.split_once(',') {
        Some((family, given)) if !family.trim().is_empty() && !given.trim().is_empty() => {
            json!({ "family": family.trim(), "given": given.trim() })
        }
        _ => json!({ "literal": text.trim().trim_end_matches(',').trim() }),
    }
}

/// A CSL date of one point in time, or of a range when `end` is given.
pub(super) fn csl_date(start: Vec<i32>, end: Option<Vec<i32>>) -> Value {
    let mut parts = vec![start];
    parts.extend(end);
    json!({ "date-parts": parts })
}

/// Year, month and day checked against the calendar; `None` if they name no real date.
pub(super) fn date_parts(year: i32, month: Option<u32>, day: Option<u32>) -> Option<Vec<i32>> {
    NaiveDate::from_ymd_opt(year, month.unwrap_or(1), day.unwrap_or(1))?;
    if day.is_some() && month.is_none() {
        return None;
    }
    let mut parts = vec![year];
    parts.extend(month.map(|m| m as i32));
    parts.extend(day.map(|d| d as i32));
    Some(parts)
}

/// A date written as `YYYY[/-]MM[/-]DD`, with parts left empty or trailing text ("2024/07/09/",
/// "2024///", "2024-07-09 10:00"); `None` if it is not such a date.
pub(super) fn numeric_date(text: &str) -> Option<Vec<i32>> {
    let text = text.trim();
    let date = text.split([' ', 'T']).next()?;
    let mut parts = date.split(['/', '-']).map(str::trim);
    let year = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
    let mut next = || -> Option<Option<u32>> {
        match parts.next() {
            None | Some("") => Some(None),
            Some(p) if p.len() <= 2 => p.parse().ok().map(Some),
            Some(_) => None,
        }
    };
    let month = next()?;
    let day = if month.is_some() { next()? } else { None };
    date_parts(year, month, day)
}

/// A DOI without the resolver prefix some exporters add, as CSL expects it.
fn bare_doi(doi: &str) -> String {
    let doi = doi.trim();
    let lower = doi.to_ascii_lowercase();
    for prefix in
        ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"]
    {
        if lower.starts_with(prefix) {
            return doi[prefix.len()..].trim().to_string();
        }
    }
    doi.to_string()
}

/// Sets a text field unless an earlier tag already did; reports whether it was set.
fn set_once(item: &mut Item, field: &str, value: String) -> bool {
    if value.is_empty() || item.contains_key(field) {
        return false;
    }
    item.insert(field.to_string(), Value::String(value));
    true
}

/// Appends a line to the item's note: where fields with no CSL variable are kept, as Zotero
/// keeps them in "Extra", so a re-export still carries them.
fn add_note(item: &mut Item, line: &str) {
    let note = match item.get("note").and_then(Value::as_str) {
        Some(existing) if !existing.is_empty() => format!("{existing}\n{line}"),
        _ => line.to_string(),
    };
    item.insert("note".to_string(), Value::String(note));
}

/// Appends a name to a CSL name list such as "author" or "editor".
fn push_name(item: &mut Item, role: &str, name: Value) {
    let list = item.entry(role.to_string()).or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(names) = list {
        names.push(name);
    }
}

/// A record fixture's text, for the readers' unit tests (records and feeds share the folder).
#[cfg(test)]
pub(crate) fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/records/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_dates_in_the_forms_exporters_write() {
        assert_eq!(numeric_date("2024/07/09/"), Some(vec![2024, 7, 9]));
        assert_eq!(numeric_date("2024/07//"), Some(vec![2024, 7]));
        assert_eq!(numeric_date("2024///"), Some(vec![2024]));
        assert_eq!(numeric_date("2024"), Some(vec![2024]));
        assert_eq!(numeric_date("2024/07/10/09:15:00"), Some(vec![2024, 7, 10]));
        assert_eq!(numeric_date("2024-07-10 09:15:00"), Some(vec![2024, 7, 10]));
        assert_eq!(numeric_date("2024/02/30/"), None);
        assert_eq!(numeric_date("Summer 2024"), None);
    }

    #[test]
    fn names_split_only_at_a_comma() {
        assert_eq!(
            comma_name("Park, Chan-kyong"),
            json!({"family": "Park", "given": "Chan-kyong"})
        );
        assert_eq!(comma_name("Kim Tong-hyung"), json!({"literal": "Kim Tong-hyung"}));
        assert_eq!(comma_name("Yonhap,"), json!({"literal": "Yonhap"}));
    }

    #[test]
    fn languages_become_tags() {
        assert_eq!(csl_language("russian"), "ru");
        assert_eq!(csl_language("en-US"), "en-US");
        assert_eq!(primary_language("en-US").as_deref(), Some("en"));
        assert_eq!(primary_language("Klingon"), None);
        assert_eq!(bare_doi("https://doi.org/10.1/x"), "10.1/x");
    }
}
