//! User edits of source metadata: parsing typed-in dates, names and URLs into CSL values.

use chrono::NaiveDate;

use crate::model::{CslDate, CslName, MetaPatch, SourceMeta};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("invalid date {0:?}: use YYYY, YYYY-MM or YYYY-MM-DD")]
    Date(String),
    #[error("invalid URL {0:?}: it must start with http:// or https://")]
    Url(String),
    #[error("the title cannot be empty")]
    EmptyTitle,
}

/// The CSL fields a patch sets or clears, for provenance ("user").
pub fn patched_fields(patch: &MetaPatch) -> Vec<&'static str> {
    [
        ("title", &patch.title),
        ("container-title", &patch.publication),
        ("author", &patch.author),
        ("issued", &patch.date),
        ("URL", &patch.url),
    ]
    .into_iter()
    .filter_map(|(field, value)| value.as_ref().map(|_| field))
    .collect()
}

/// Fills the fields `existing` lacks from `incoming` (a bibliographic record describing the
/// same work); what is already there is kept. Returns the result and the fields filled.
pub fn enrich(existing: &SourceMeta, incoming: &SourceMeta) -> (SourceMeta, Vec<String>) {
    let as_map = |s: &SourceMeta| match serde_json::to_value(s) {
        Ok(serde_json::Value::Object(map)) => map,
        _ => serde_json::Map::new(),
    };
    let mut merged = as_map(existing);
    let mut filled = Vec::new();
    for (field, value) in as_map(incoming) {
        if !merged.contains_key(&field) {
            merged.insert(field.clone(), value);
            filled.push(field);
        }
    }
    let merged = serde_json::from_value(serde_json::Value::Object(merged))
        .unwrap_or_else(|_| existing.clone());
    (merged, filled)
}

/// Applies a patch: `None` keeps a field, an empty string clears it.
pub fn apply(source: &SourceMeta, patch: &MetaPatch) -> Result<SourceMeta, Error> {
    let mut out = source.clone();
    let given = |v: &Option<String>| v.as_ref().map(|s| s.trim().to_string());
    if let Some(title) = given(&patch.title) {
        if title.is_empty() {
            return Err(Error::EmptyTitle);
        }
        out.title = Some(title);
    }
    if let Some(publication) = given(&patch.publication) {
        out.container_title = non_empty(publication);
    }
    if let Some(authors) = given(&patch.author) {
        out.author = parse_authors(&authors);
    }
    if let Some(date) = given(&patch.date) {
        out.issued = if date.is_empty() { None } else { Some(parse_date(&date)?) };
    }
    if let Some(url) = given(&patch.url) {
        if !(url.is_empty() || url.starts_with("http://") || url.starts_with("https://")) {
            return Err(Error::Url(url));
        }
        out.url = non_empty(url);
    }
    Ok(out)
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checked against the calendar.
pub fn parse_date(text: &str) -> Result<CslDate, Error> {
    let bad = || Error::Date(text.to_string());
    let parts: Vec<&str> = text.split('-').collect();
    let num = |s: &str, len: usize| -> Result<u32, Error> {
        if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse().map_err(|_| bad())
        } else {
            Err(bad())
        }
    };
    let year = num(parts[0], 4)? as i32;
    let month = parts.get(1).map(|m| num(m, 2)).transpose()?;
    let day = parts.get(2).map(|d| num(d, 2)).transpose()?;
    if parts.len() > 3
        || NaiveDate::from_ymd_opt(year, month.unwrap_or(1), day.unwrap_or(1)).is_none()
    {
        return Err(bad());
    }
    Ok(CslDate::ymd(year, month, day))
}

/// Authors separated by ";": "Family, Given" is a personal name, anything else is kept whole
/// (an agency, or a name the user does not want split).
pub fn parse_authors(text: &str) -> Vec<CslName> {
    text.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|name| match name.split_once(',') {
            Some((family, given)) if !family.trim().is_empty() && !given.trim().is_empty() => {
                CslName {
                    family: Some(family.trim().to_string()),
                    given: Some(given.trim().to_string()),
                    ..CslName::default()
                }
            }
            _ => CslName { literal: Some(name.to_string()), ..CslName::default() },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_against_the_calendar() {
        assert_eq!(parse_date("2024-07-09").unwrap().to_iso(), "2024-07-09");
        assert_eq!(parse_date("2024-07").unwrap().to_iso(), "2024-07");
        assert!(parse_date("2024-02-30").is_err());
        assert!(parse_date("9 July 2024").is_err());
        assert!(parse_date("2024-7-9").is_err());
    }

    #[test]
    fn family_name_first_authors_stay_as_written() {
        let names = parse_authors("Park, Chan-kyong; Yonhap News Agency");
        assert_eq!(names[0].family.as_deref(), Some("Park"));
        assert_eq!(names[0].given.as_deref(), Some("Chan-kyong"));
        assert_eq!(names[1].literal.as_deref(), Some("Yonhap News Agency"));
    }

    #[test]
    fn enriching_fills_gaps_and_keeps_what_is_there() {
        let archived = SourceMeta {
            csl_type: "article-newspaper".into(),
            title: Some("North Korea switches satellites".into()),
            ..Default::default()
        };
        let record = SourceMeta {
            csl_type: "webpage".into(),
            title: Some("Another title".into()),
            container_title: Some("South China Morning Post".into()),
            issued: Some(CslDate::ymd(2024, Some(7), Some(9))),
            ..Default::default()
        };
        let (merged, filled) = enrich(&archived, &record);
        assert_eq!(merged.title.as_deref(), Some("North Korea switches satellites"));
        assert_eq!(merged.csl_type, "article-newspaper");
        assert_eq!(merged.container_title.as_deref(), Some("South China Morning Post"));
        assert_eq!(filled, ["container-title", "issued"]);
    }

    #[test]
    fn empty_values_clear_and_none_keeps() {
        let source = SourceMeta {
            title: Some("T".into()),
            url: Some("https://a.example".into()),
            ..Default::default()
        };
        let patch =
            MetaPatch { url: Some(String::new()), date: Some("2024".into()), ..Default::default() };
        let out = apply(&source, &patch).unwrap();
        assert_eq!(out.url, None);
        assert_eq!(out.title.as_deref(), Some("T"));
        assert_eq!(out.issued.unwrap().to_iso(), "2024");
        assert!(apply(&source, &MetaPatch { url: Some("ftp://x".into()), ..Default::default() })
            .is_err());
    }
}
