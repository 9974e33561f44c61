//! Publication dates as pages write them in their metadata, to CSL year/month/day.
//!
//! The date is taken as written, in the page's own time zone: "2024-07-01T08:00:00+09:00" is
//! 1 July, the day the outlet printed, even though it was still 30 June in UTC.

use crate::model::CslDate;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Longer strings are prose, not a date field.
const MAX_LEN: usize = 80;

pub fn parse(text: &str) -> Option<CslDate> {
    let text = text.trim();
    if text.is_empty() || text.len() > MAX_LEN {
        return None;
    }
    iso(text)
        .or_else(|| cjk(text))
        .or_else(|| day_month_year_dotted(text))
        .or_else(|| with_month_name(text))
}

/// `2024`, `2024-07`, `2024-07-01`, `2024/07/01`, `2024.07.01`, each optionally followed by a time.
fn iso(text: &str) -> Option<CslDate> {
    let (year, rest) = leading_number(text, 4, 4)?;
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let Some(rest) = rest.strip_prefix(['-', '/', '.']) else {
        return rest.trim().is_empty().then(|| CslDate::ymd(year as i32, None, None));
    };
    let (month, rest) = leading_number(rest, 1, 2)?;
    let day =
        rest.strip_prefix(['-', '/', '.']).and_then(|r| leading_number(r, 1, 2)).map(|(d, _)| d);
    checked(year, month, day)
}

/// `2024年7月1日`, as Chinese, Japanese and Korean (`2024년 7월 1일`) pages write it.
fn cjk(text: &str) -> Option<CslDate> {
    let (year, rest) = leading_number(text, 4, 4)?;
    let rest = rest.trim_start().strip_prefix(['年', '년'])?.trim_start();
    let (month, rest) = leading_number(rest, 1, 2)?;
    let rest = rest.trim_start().strip_prefix(['月', '월'])?.trim_start();
    let day = leading_number(rest, 1, 2).map(|(d, _)| d);
    checked(year, month, day)
}

/// `01.07.2024`, the Russian and European order.
fn day_month_year_dotted(text: &str) -> Option<CslDate> {
    let (day, rest) = leading_number(text, 1, 2)?;
    let (month, rest) = leading_number(rest.strip_prefix('.')?, 1, 2)?;
    let (year, _) = leading_number(rest.strip_prefix('.')?, 4, 4)?;
    checked(year, month, Some(day))
}

/// `July 1, 2024`, `1 Jul 2024`, `Tue Jul 02 2024 10:00:00 GMT+0900`: a month name, the
/// first one- or two-digit number as the day and the first four-digit one as the year.
fn with_month_name(text: &str) -> Option<CslDate> {
    let lower = text.to_lowercase();
    let mut month = None;
    let mut day = None;
    let mut year = None;
    for token in lower.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()) {
        if token.chars().all(|c| c.is_ascii_digit()) {
            match token.len() {
                1 | 2 if day.is_none() && year.is_none() => day = token.parse().ok(),
                4 if year.is_none() => year = token.parse().ok(),
                _ => {}
            }
        } else if month.is_none() && token.len() >= 3 {
            month = MONTHS.iter().position(|m| m.starts_with(token));
        }
    }
    checked(year?, month? as u32 + 1, day)
}

fn leading_number(text: &str, min: usize, max: usize) -> Option<(u32, &str)> {
    let len = text.bytes().take_while(u8::is_ascii_digit).count();
    if len < min || len > max {
        return None;
    }
    Some((text[..len].parse().ok()?, &text[len..]))
}

fn checked(year: u32, month: u32, day: Option<u32>) -> Option<CslDate> {
    if !(1000..=2999).contains(&year) || !(1..=12).contains(&month) {
        return None;
    }
    let day = match day {
        Some(d) if (1..=days_in(year, month)).contains(&d) => Some(d),
        Some(_) => return None,
        None => None,
    };
    Some(CslDate::ymd(year as i32, Some(month), day))
}

fn days_in(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    fn iso(text: &str) -> Option<String> {
        parse(text).map(|d| d.to_iso())
    }

    #[test]
    fn iso_timestamps_keep_the_local_date() {
        assert_eq!(iso("2024-07-01T08:00:00+09:00").as_deref(), Some("2024-07-01"));
        assert_eq!(iso("2024-07").as_deref(), Some("2024-07"));
        assert_eq!(iso("2024").as_deref(), Some("2024"));
        assert_eq!(iso("2024/07/01").as_deref(), Some("2024-07-01"));
        assert_eq!(iso("2024.07.01 14:03").as_deref(), Some("2024-07-01"));
    }

    #[test]
    fn written_forms() {
        assert_eq!(iso("July 1, 2024").as_deref(), Some("2024-07-01"));
        assert_eq!(iso("1 Sept. 2024").as_deref(), Some("2024-09-01"));
        assert_eq!(iso("Tue Jul 02 2024 10:00:00 GMT+0900 (KST)").as_deref(), Some("2024-07-02"));
        assert_eq!(iso("2024年7月1日").as_deref(), Some("2024-07-01"));
        assert_eq!(iso("2024년 7월 1일").as_deref(), Some("2024-07-01"));
        assert_eq!(iso("01.07.2024").as_deref(), Some("2024-07-01"));
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for text in ["", "yesterday", "2024-13-01", "2023-02-29", "12345", "Mayday 99", "20240701"]
        {
            assert_eq!(iso(text), None, "{text}");
        }
    }
}
