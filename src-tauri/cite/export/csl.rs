//! The values of a CSL-JSON item as the writers need them: text, names and dates, read from
//! the looser forms CSL-JSON allows (numbers for numeric variables, string date parts).

use serde_json::Value;

/// A text variable: a string, or a number written as CSL processors print it; `None` when
/// absent or blank.
pub(super) fn text(item: &Value, variable: &str) -> Option<String> {
    let text = match item.get(variable)? {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

/// One name of a CSL name list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Name {
    /// A person. `particle` joins the dropping and non-dropping particles ("van der").
    Person {
        family: String,
        given: Option<String>,
        particle: Option<String>,
        suffix: Option<String>,
    },
    /// A name kept whole: an institution, or a name nobody split.
    Literal(String),
}

/// The names of a name variable ("author", "editor", ...), skipping entries with no name.
pub(super) fn names(item: &Value, variable: &str) -> Vec<Name> {
    let Some(list) = item.get(variable).and_then(Value::as_array) else { return Vec::new() };
    list.iter().filter_map(name).collect()
}

fn name(value: &Value) -> Option<Name> {
    let part = |key: &str| text(value, key);
    if let Some(literal) = part("literal") {
        return Some(Name::Literal(literal));
    }
    let particles: Vec<String> =
        ["dropping-particle", "non-dropping-particle"].into_iter().filter_map(part).collect();
    match (part("family"), part("given")) {
        (Some(family), given) => Some(Name::Person {
            family,
            given,
            particle: (!particles.is_empty()).then(|| particles.join(" ")),
            suffix: part("suffix"),
        }),
        // A given name alone (a mononym) is the whole name.
        (None, Some(given)) => Some(Name::Literal(given)),
        (None, None) => None,
    }
}

/// A CSL date: parts of a point in time or of a range, or text CSL keeps as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Date {
    /// `[year, month?, day?]`, and the end of a range when there is one.
    Parts { start: Vec<i32>, end: Option<Vec<i32>> },
    /// A `literal` or `raw` date with no date parts ("Summer 2024").
    Text(String),
}

impl Date {
    /// The year of the date or of its start; for text, the first four-digit number in it.
    pub(super) fn year(&self) -> Option<i32> {
        match self {
            Date::Parts { start, .. } => start.first().copied(),
            Date::Text(text) => text
                .split(|c: char| !c.is_ascii_digit())
                .find(|run| run.len() == 4)
                .and_then(|run| run.parse().ok()),
        }
    }
}

/// A date variable ("issued", "accessed", ...), if it holds a usable date.
pub(super) fn date(item: &Value, variable: &str) -> Option<Date> {
    let value = item.get(variable)?;
    let ranges: Vec<Vec<i32>> = value
        .get("date-parts")
        .and_then(Value::as_array)
        .map(|ranges| ranges.iter().map_while(date_parts).collect())
        .unwrap_or_default();
    let mut ranges = ranges.into_iter();
    if let Some(start) = ranges.next() {
        return Some(Date::Parts { start, end: ranges.next() });
    }
    ["literal", "raw"].into_iter().find_map(|key| text(value, key)).map(Date::Text)
}

/// `[year, month?, day?]` with numbers or digit strings; `None` unless it has a year and its
/// month and day are in range.
fn date_parts(parts: &Value) -> Option<Vec<i32>> {
    let parts: Vec<i32> = parts
        .as_array()?
        .iter()
        .map(|p| match p {
            Value::Number(n) => n.as_i64().and_then(|n| i32::try_from(n).ok()),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let in_range = match parts.as_slice() {
        [_] => true,
        [_, month] => (1..=12).contains(month),
        [_, month, day] => (1..=12).contains(month) && (1..=31).contains(day),
        _ => false,
    };
    in_range.then_some(parts)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn loose_forms_are_read() {
        let item = json!({
            "volume": 12, "title": "  ", "author": [
                {"family": "Berg", "given": "Anneke", "non-dropping-particle": "van der"},
                {"literal": "Ministry of Unification"}, {"given": "Madonna"}, {}
            ],
            "issued": {"date-parts": [["2024", "6", 18], [2024, 6, 19]]},
            "accessed": {"raw": "Summer 2024"},
            "original-date": {"date-parts": [[2024, 13]]}
        });
        assert_eq!(text(&item, "volume").as_deref(), Some("12"));
        assert_eq!(text(&item, "title"), None);
        assert_eq!(
            names(&item, "author"),
            [
                Name::Person {
                    family: "Berg".into(),
                    given: Some("Anneke".into()),
                    particle: Some("van der".into()),
                    suffix: None
                },
                Name::Literal("Ministry of Unification".into()),
                Name::Literal("Madonna".into()),
            ]
        );
        let issued = date(&item, "issued").unwrap();
        assert_eq!(issued, Date::Parts { start: vec![2024, 6, 18], end: Some(vec![2024, 6, 19]) });
        assert_eq!(date(&item, "accessed").unwrap().year(), Some(2024));
        assert_eq!(date(&item, "original-date"), None);
    }
}
