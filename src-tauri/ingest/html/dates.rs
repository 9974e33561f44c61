//! Publication dates in page metadata: the importer's date parser, plus the partial ISO dates
//! (`2024`, `2024-07`) that metadata fields may hold but a printed date line never does.
//!
//! The date is taken as written, in the page's own time zone: "2024-07-01T08:00:00+09:00" is
//! 1 July, the day the outlet printed, even though it was still 30 June in UTC.

use crate::model::CslDate;

pub fn parse(text: &str) -> Option<CslDate> {
    let text = text.trim();
    crate::ingest::dates::parse(text).map(|parsed| parsed.date).or_else(|| partial_iso(text))
}

fn partial_iso(text: &str) -> Option<CslDate> {
    let mut parts = text.split('-');
    let year = parts.next().filter(|y| y.len() == 4)?.parse::<i32>().ok()?;
    let month = match parts.next() {
        None => None,
        Some(m) if m.len() == 2 => Some(m.parse::<u32>().ok().filter(|m| (1..=12).contains(m))?),
        Some(_) => return None,
    };
    parts.next().is_none().then(|| CslDate::ymd(year, month, None))
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn full_and_partial_dates() {
        let iso = |t: &str| parse(t).map(|d| d.to_iso());
        assert_eq!(iso("2024-07-01T08:00:00+09:00").as_deref(), Some("2024-07-01"));
        assert_eq!(iso("July 9, 2024").as_deref(), Some("2024-07-09"));
        assert_eq!(iso("2024-07").as_deref(), Some("2024-07"));
        assert_eq!(iso("2024").as_deref(), Some("2024"));
        assert_eq!(iso("2024-13"), None);
        assert_eq!(iso("soon"), None);
    }
}
