//! Dates as the field's outlets print them, read into CSL dates with the time and zone kept.
//!
//! `parse` is strict: the whole text must be one date (with an optional label such as
//! "Published:", a time and a zone), so a sentence that merely mentions a date is not taken for
//! a date line. Ambiguous forms are refused rather than guessed: "07/09/2024" could be July or
//! September, and two-digit years could be any century.

use chrono::NaiveDate;

use crate::model::CslDate;

/// A printed date: the calendar date, and the time and zone when the outlet printed them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedDate {
    pub date: CslDate,
    /// 24-hour "HH:MM" (":SS" added when printed and not zero).
    pub time: Option<String>,
    /// The zone exactly as printed: "KST", "+09:00", "Z", "UTC+9".
    pub zone: Option<String>,
}

/// Reads a whole date line: "July 1, 2024", "2024-07-01 14:03 KST", "01.07.2024",
/// "2024年7月1日", "2024. 7. 1.", "1 июля 2024 г.", "Published: 9:00pm, 9 Jul, 2024", ...
pub fn parse(text: &str) -> Option<ParsedDate> {
    let s = strip_label(text.trim());
    date_then_time(s).or_else(|| time_then_date(s))
}

/// A line printing two labelled dates, as portals do ("입력 2025.05.15. 오전 10:32 수정
/// 2025.05.15. 오전 11:02", "Published: 9 Jul 2024 | Updated: 10 Jul 2024"): both parts as
/// printed, each with its date. The second part starts at a label, so the caller can tell
/// which date is the update.
pub fn parse_pair(text: &str) -> Option<[(&str, ParsedDate); 2]> {
    let text = text.trim();
    text.char_indices()
        .filter(|&(at, _)| {
            at > 0
                && !text[..at].ends_with(char::is_alphabetic)
                && label_rest(&text[at..]).is_some()
        })
        .find_map(|(at, _)| {
            let (first, second) = text.split_at(at);
            Some([(first, parse(first)?), (second, parse(second)?)])
        })
}

/// A date line that dates nothing: a day printed without its year ("15 мая, 10:32",
/// "Thu 12 Jun 06.15 BST", "5月15日 10:32") or a time counted back from when the page was read
/// ("Updated 2 hours ago", "3시간 전"). Such a line is page furniture, not text.
pub fn is_undatable(text: &str) -> bool {
    let s = strip_label(text.trim());
    let s = skip_weekday(s);
    let to_end = |rest: &str| {
        let rest = skip_date_time_separator(rest);
        match time(rest) {
            Some((_, rest)) => at_end(zone(rest).1),
            None => at_end(rest),
        }
    };
    day_without_year(s).is_some_and(to_end) || is_relative_time(s)
}

/// "15 мая", "12 Jun", "June 12", "5月15日", "5월 15일": a day that exists in some year, and the
/// rest after it.
fn day_without_year(s: &str) -> Option<&str> {
    let exists = |month: u32, day: u32| NaiveDate::from_ymd_opt(2000, month, day).is_some();
    if let Some((day, 1..=2, rest)) = number(s) {
        if let Some((month, rest)) = month(rest.trim_start()) {
            return exists(month, day).then_some(rest);
        }
        let rest = after_marker(rest, &['月', '월'])?;
        let (day_of_month, 1..=2, rest) = number(rest)? else { return None };
        let rest = rest.trim_start().strip_prefix(['日', '일'])?;
        return exists(day, day_of_month).then_some(rest);
    }
    let (month, rest) = month(s)?;
    let (day, 1..=2, rest) = number(rest.trim_start())? else { return None };
    exists(month, day).then_some(rest)
}

/// "2 hours ago", "3 часа назад", "3시간 전", "3小时前".
fn is_relative_time(s: &str) -> bool {
    const UNITS: &[&str] = &[
        "minute",
        "minutes",
        "min",
        "mins",
        "hour",
        "hours",
        "hr",
        "hrs",
        "day",
        "days",
        "минуту",
        "минуты",
        "минут",
        "час",
        "часа",
        "часов",
        "день",
        "дня",
        "дней",
        "분",
        "시간",
        "일",
        "分钟",
        "小时",
        "天",
    ];
    const AGO: &[&str] = &["ago", "назад", "전", "前"];
    let Some((_, _, rest)) = number(s) else { return false };
    let rest: String = rest.split_whitespace().collect::<String>().to_lowercase();
    let rest = rest.trim_end_matches(['.', ',']);
    AGO.iter().any(|ago| rest.strip_suffix(ago).is_some_and(|unit| UNITS.contains(&unit)))
}

fn date_then_time(s: &str) -> Option<ParsedDate> {
    let (date, rest) = date(s)?;
    let rest = skip_date_time_separator(rest);
    let (time, zone, rest) = match time(rest) {
        Some((time, rest)) => {
            let (zone, rest) = zone(rest);
            (Some(time), zone, rest)
        }
        None => (None, None, rest),
    };
    at_end(rest).then_some(ParsedDate { date, time, zone })
}

/// SCMP prints the time first: "9:00pm, 9 Jul, 2024".
fn time_then_date(s: &str) -> Option<ParsedDate> {
    let (time, rest) = time(s)?;
    let (zone, rest) = zone(rest);
    let (date, rest) = date(rest.trim_start_matches(|c: char| c == ',' || c.is_whitespace()))?;
    at_end(rest).then_some(ParsedDate { date, time: Some(time), zone })
}

/// Labels outlets put before the date, in the field's languages; the longest that fits wins.
const LABELS: &[&str] = &[
    "first published on",
    "first published",
    "last updated on",
    "last updated",
    "published on",
    "published",
    "updated on",
    "updated",
    "last modified on",
    "last modified",
    "posted on",
    "posted",
    "date",
    "송고시간",
    "기사입력",
    "최종수정",
    "입력",
    "수정",
    "发布时间",
    "发布日期",
    "更新时间",
    "发布",
    "更新",
    "дата публикации",
    "опубликовано",
    "обновлено",
];

fn strip_label(s: &str) -> &str {
    label_rest(s).unwrap_or(s)
}

/// What follows a label at the start of `s`, without the colon. A label is a whole word, but
/// digits may follow it directly: Yonhap prints "송고시간2025-05-15 16:20".
fn label_rest(s: &str) -> Option<&str> {
    LABELS.iter().find_map(|label| {
        let rest = strip_prefix_ci(s, label)?;
        (!rest.starts_with(char::is_alphabetic))
            .then(|| rest.trim_start_matches(|c: char| c == ':' || c == '：' || c.is_whitespace()))
    })
}

/// Case-insensitive prefix match that works for Cyrillic too.
fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let mut chars = s.char_indices();
    for p in prefix.chars() {
        let (_, c) = chars.next()?;
        if !c.to_lowercase().eq(p.to_lowercase()) {
            return None;
        }
    }
    Some(chars.next().map_or("", |(at, _)| &s[at..]))
}

/// Only punctuation and spaces may be left once the date (and time) are read.
fn at_end(rest: &str) -> bool {
    rest.trim_matches(|c: char| c.is_whitespace() || ",.;|·".contains(c)).is_empty()
}

fn date(s: &str) -> Option<(CslDate, &str)> {
    let s = skip_weekday(s);
    numeric_date(s)
        .or_else(|| cjk_date(s))
        .or_else(|| day_month_year(s))
        .or_else(|| month_day_year(s))
}

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// "Tuesday, July 9, 2024" and the feeds' "Tue, 09 Jul 2024": the weekday adds nothing.
fn skip_weekday(s: &str) -> &str {
    let (word, rest) = word(s);
    if WEEKDAYS.contains(&word.to_lowercase().as_str()) {
        rest.trim_start_matches(|c: char| c == ',' || c == '.' || c.is_whitespace())
    } else {
        s
    }
}

/// Year first with "-", "/" or "." ("2024-07-01", "2024/07/01", "2024.07.01", "2024. 7. 1."),
/// or the Russian day first with dots ("01.07.2024").
fn numeric_date(s: &str) -> Option<(CslDate, &str)> {
    let (first, width, rest) = number(s)?;
    let sep = rest.chars().next().filter(|c| matches!(c, '-' | '/' | '.'))?;
    let rest = rest[1..].trim_start_matches(|c: char| sep == '.' && c == ' ');
    let (second, second_width, rest) = number(rest)?;
    let rest = rest.strip_prefix(sep)?.trim_start_matches(|c: char| sep == '.' && c == ' ');
    let (third, third_width, rest) = number(rest)?;
    match (width, second_width, third_width) {
        (4, 1..=2, 1..=2) => Some((valid(first, second, third)?, rest)),
        (1..=2, 1..=2, 4) if sep == '.' => {
            Some((valid(third, second, first)?, skip_russian_year_mark(rest)))
        }
        _ => None,
    }
}

/// "2024年7月1日" and "2024년 7월 1일".
fn cjk_date(s: &str) -> Option<(CslDate, &str)> {
    let (year, 4, rest) = number(s)? else { return None };
    let rest = after_marker(rest, &['年', '년'])?;
    let (month, 1..=2, rest) = number(rest)? else { return None };
    let rest = after_marker(rest, &['月', '월'])?;
    let (day, 1..=2, rest) = number(rest)? else { return None };
    let rest = after_marker(rest, &['日', '일'])?;
    Some((valid(year, month, day)?, rest))
}

fn after_marker<'a>(s: &'a str, markers: &[char]) -> Option<&'a str> {
    s.trim_start().strip_prefix(markers).map(str::trim_start)
}

/// "1 July 2024", "9 Jul, 2024", "09 Jul 2024", "1 июля 2024 г.".
fn day_month_year(s: &str) -> Option<(CslDate, &str)> {
    let (day, 1..=2, rest) = number(s)? else { return None };
    let (month, rest) = month(rest.trim_start())?;
    let (year, 4, rest) = number(skip_comma_space(rest))? else { return None };
    Some((valid(year, month, day)?, skip_russian_year_mark(rest)))
}

/// "July 1, 2024", "Jul 1, 2024", "Jul. 1 2024".
fn month_day_year(s: &str) -> Option<(CslDate, &str)> {
    let (month, rest) = month(s)?;
    let (day, 1..=2, rest) = number(rest.trim_start())? else { return None };
    let (year, 4, rest) = number(skip_comma_space(rest))? else { return None };
    Some((valid(year, month, day)?, rest))
}

fn skip_comma_space(s: &str) -> &str {
    s.trim_start().strip_prefix(',').unwrap_or(s).trim_start()
}

/// Russian dates end in "г." or "года" (the year's abbreviation).
fn skip_russian_year_mark(s: &str) -> &str {
    let trimmed = s.trim_start();
    for mark in ["года", "г."] {
        if let Some(rest) = trimmed.strip_prefix(mark) {
            return rest;
        }
    }
    s
}

const MONTHS_EN: [&str; 12] = [
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
/// Russian month names in the genitive, the case a date takes ("1 июля").
const MONTHS_RU: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// A month name, full or abbreviated ("Jul", "Jul.", "Sept"), with the rest after it.
fn month(s: &str) -> Option<(u32, &str)> {
    let (word, rest) = word(s);
    let lower = word.to_lowercase();
    let full = |names: &[&str; 12]| names.iter().position(|n| *n == lower);
    let abbreviated = || {
        (lower.len() >= 3 && (lower.len() == 3 || lower == "sept"))
            .then(|| MONTHS_EN.iter().position(|n| n.starts_with(&lower)))
            .flatten()
    };
    let index = full(&MONTHS_EN).or_else(|| full(&MONTHS_RU)).or_else(abbreviated)?;
    Some((index as u32 + 1, rest.strip_prefix('.').unwrap_or(rest)))
}

/// After the date: ISO's "T", or spaces and punctuation ("2024.07.09. 14:03", "July 9, 2024,
/// 2:03pm", the Korea Herald's "May 20, 2025 - 15:42"), a Korean weekday in brackets ("(화)")
/// or "at".
fn skip_date_time_separator(s: &str) -> &str {
    if let Some(rest) = s.strip_prefix('T').filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
    {
        return rest;
    }
    let s = s.trim_start_matches(|c: char| c.is_whitespace() || ",.|·-–—".contains(c));
    let s = skip_bracketed_weekday(s).trim_start();
    s.strip_prefix("at ").unwrap_or(s).trim_start()
}

fn skip_bracketed_weekday(s: &str) -> &str {
    let Some(inner) = s.strip_prefix('(') else { return s };
    match inner.split_once(')') {
        Some((day, rest))
            if !day.is_empty()
                && day.chars().count() <= 4
                && day.chars().all(char::is_alphabetic) =>
        {
            rest
        }
        _ => s,
    }
}

/// "14:03", "14:03:00.000", "2:03pm", "2:03 p.m.", "오후 2:03", the Guardian's "06.15", as
/// 24-hour "HH:MM[:SS]".
fn time(s: &str) -> Option<(String, &str)> {
    let (korean_half, s) = korean_half_day(s);
    let (hour, 1..=2, rest) = number(s)? else { return None };
    let (minute, 2, rest) = number(rest.strip_prefix([':', '.'])?)? else { return None };
    let (second, rest) = match rest.strip_prefix(':').and_then(number) {
        Some((second, 2, rest)) => {
            (second, rest.trim_start_matches(|c: char| c == '.' || c.is_ascii_digit()))
        }
        _ => (0, rest),
    };
    let (english_half, rest) = english_half_day(rest);
    let hour = to_24_hour(hour, korean_half.or(english_half))?;
    if minute > 59 || second > 59 {
        return None;
    }
    let time = match second {
        0 => format!("{hour:02}:{minute:02}"),
        _ => format!("{hour:02}:{minute:02}:{second:02}"),
    };
    Some((time, rest))
}

#[derive(Clone, Copy)]
enum HalfDay {
    Am,
    Pm,
}

fn to_24_hour(hour: u32, half: Option<HalfDay>) -> Option<u32> {
    match half {
        None => (hour < 24).then_some(hour),
        Some(_) if !(1..=12).contains(&hour) => None,
        Some(HalfDay::Am) => Some(hour % 12),
        Some(HalfDay::Pm) => Some(hour % 12 + 12),
    }
}

fn korean_half_day(s: &str) -> (Option<HalfDay>, &str) {
    if let Some(rest) = s.strip_prefix("오전") {
        (Some(HalfDay::Am), rest.trim_start())
    } else if let Some(rest) = s.strip_prefix("오후") {
        (Some(HalfDay::Pm), rest.trim_start())
    } else {
        (None, s)
    }
}

fn english_half_day(s: &str) -> (Option<HalfDay>, &str) {
    let trimmed = s.trim_start();
    for (mark, half) in
        [("a.m.", HalfDay::Am), ("p.m.", HalfDay::Pm), ("am", HalfDay::Am), ("pm", HalfDay::Pm)]
    {
        if let Some(rest) = strip_prefix_ci(trimmed, mark) {
            if !rest.starts_with(char::is_alphanumeric) {
                return (Some(half), rest);
            }
        }
    }
    (None, s)
}

/// The zone after a time, as printed: "Z", "+09:00", "+0900", "KST", "UTC+9", "(KST)", "МСК".
fn zone(s: &str) -> (Option<String>, &str) {
    if let Some(rest) = s.strip_prefix('Z') {
        if !rest.starts_with(char::is_alphanumeric) {
            return (Some("Z".to_string()), rest);
        }
    }
    let trimmed = s.trim_start();
    let (inner, bracketed) = match trimmed.strip_prefix('(') {
        Some(inner) => (inner, true),
        None => (trimmed, false),
    };
    let (abbreviation, after) = word(inner);
    let is_abbreviation = (2..=5).contains(&abbreviation.chars().count())
        && abbreviation.chars().all(char::is_uppercase);
    let offset_start = if is_abbreviation { after } else { inner };
    let offset_len = offset_len(offset_start);
    if !is_abbreviation && offset_len == 0 {
        return (None, s);
    }
    let end = inner.len() - offset_start.len() + offset_len;
    let rest = &inner[end..];
    let rest = if bracketed {
        match rest.strip_prefix(')') {
            Some(rest) => rest,
            None => return (None, s),
        }
    } else {
        rest
    };
    (Some(inner[..end].to_string()), rest)
}

/// Length in bytes of a UTC offset at the start of `s` ("+09:00", "+0900", "+9", "-05"), or 0.
fn offset_len(s: &str) -> usize {
    if !s.starts_with(['+', '-', '−']) {
        return 0;
    }
    let sign = s.chars().next().map_or(0, char::len_utf8);
    let Some((hours, 1..=4, rest)) = number(&s[sign..]) else { return 0 };
    if hours > 1400 {
        return 0;
    }
    match rest.strip_prefix(':').and_then(number) {
        Some((minutes, 2, after)) if minutes < 60 => s.len() - after.len(),
        _ => s.len() - rest.len(),
    }
}

/// Leading ASCII digits: their value, how many there were, and the rest.
fn number(s: &str) -> Option<(u32, usize, &str)> {
    let width = s.bytes().take_while(u8::is_ascii_digit).count();
    if width == 0 || width > 4 {
        return None;
    }
    Some((s[..width].parse().ok()?, width, &s[width..]))
}

/// The leading run of letters (any script) and the rest.
fn word(s: &str) -> (&str, &str) {
    let end = s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len());
    s.split_at(end)
}

/// A CSL date for a day that exists: Feb 30 and month 13 are refused.
fn valid(year: u32, month: u32, day: u32) -> Option<CslDate> {
    NaiveDate::from_ymd_opt(year as i32, month, day)?;
    Some(CslDate::ymd(year as i32, Some(month), Some(day)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, ymd: (i32, u32, u32), time: Option<&str>, zone: Option<&str>) {
        let parsed = parse(text).unwrap_or_else(|| panic!("no date in {text:?}"));
        assert_eq!(parsed.date, CslDate::ymd(ymd.0, Some(ymd.1), Some(ymd.2)), "{text}");
        assert_eq!(parsed.time.as_deref(), time, "time of {text}");
        assert_eq!(parsed.zone.as_deref(), zone, "zone of {text}");
    }

    #[test]
    fn english_month_names() {
        check("July 1, 2024", (2024, 7, 1), None, None);
        check("1 July 2024", (2024, 7, 1), None, None);
        check("Jul 1, 2024", (2024, 7, 1), None, None);
        check("Sept. 3, 2024", (2024, 9, 3), None, None);
        check("Tuesday, July 9, 2024", (2024, 7, 9), None, None);
    }

    #[test]
    fn iso_forms_keep_time_and_zone() {
        check("2024-07-01", (2024, 7, 1), None, None);
        check("2024-07-01 14:03 KST", (2024, 7, 1), Some("14:03"), Some("KST"));
        check("2024-07-01T14:03:00+09:00", (2024, 7, 1), Some("14:03"), Some("+09:00"));
        check("2024-07-01T05:03:27.000Z", (2024, 7, 1), Some("05:03:27"), Some("Z"));
    }

    #[test]
    fn russian_forms() {
        check("01.07.2024", (2024, 7, 1), None, None);
        check("01.07.2024 14:03 МСК", (2024, 7, 1), Some("14:03"), Some("МСК"));
        check("1 июля 2024 г.", (2024, 7, 1), None, None);
        check("Опубликовано: 9 июля 2024 года, 11:00", (2024, 7, 9), Some("11:00"), None);
    }

    #[test]
    fn korean_and_chinese_forms() {
        check("2024.07.01", (2024, 7, 1), None, None);
        check("2024. 7. 1.", (2024, 7, 1), None, None);
        check("2024년 7월 1일", (2024, 7, 1), None, None);
        check("입력 2024.07.09. 오후 2:03", (2024, 7, 9), Some("14:03"), None);
        check("2024.07.09 (화) 09:30", (2024, 7, 9), Some("09:30"), None);
        check("2024年7月1日", (2024, 7, 1), None, None);
        check("发布时间：2024年07月09日 14:03", (2024, 7, 9), Some("14:03"), None);
        check("2024/07/09", (2024, 7, 9), None, None);
    }

    #[test]
    fn labelled_lines_with_times() {
        check("Published: 9 Jul 2024 11:00", (2024, 7, 9), Some("11:00"), None);
        check("Updated July 9, 2024 2:03pm", (2024, 7, 9), Some("14:03"), None);
        check("Published: 9:00pm, 9 Jul, 2024", (2024, 7, 9), Some("21:00"), None);
        check("Updated: 12:15am, 10 Jul, 2024", (2024, 7, 10), Some("00:15"), None);
        check("July 9, 2024 at 2:03 p.m. ET", (2024, 7, 9), Some("14:03"), Some("ET"));
        check("Tue, 09 Jul 2024 11:00:00 +0900", (2024, 7, 9), Some("11:00"), Some("+0900"));
        check("2024-07-09 14:03 (UTC+9)", (2024, 7, 9), Some("14:03"), Some("UTC+9"));
    }

    #[test]
    fn outlet_header_forms() {
        check("Published : May 20, 2025 - 15:42", (2025, 5, 20), Some("15:42"), None);
        check("송고시간2025-05-15 16:20", (2025, 5, 15), Some("16:20"), None);
        check("Thu 12 Jun 2025 06.15 BST", (2025, 6, 12), Some("06:15"), Some("BST"));
        check("Updated: 2025-05-20 15:42 KST", (2025, 5, 20), Some("15:42"), Some("KST"));
        check("2025.05.15 16:20", (2025, 5, 15), Some("16:20"), None);
        check("2025年5月15日 10:32", (2025, 5, 15), Some("10:32"), None);
        check("15 мая 2025, 10:32", (2025, 5, 15), Some("10:32"), None);
        check("Опубликовано: 15.05.2025", (2025, 5, 15), None, None);
        check("입력 2025.05.15. 오전 10:32", (2025, 5, 15), Some("10:32"), None);
        check("PUBLISHED : 3 Jul 2024 - 9:30PM", (2024, 7, 3), Some("21:30"), None);
        check("July 3, 2024 9:30 PM GMT+8", (2024, 7, 3), Some("21:30"), Some("GMT+8"));
        check(
            "Last modified on Thu 12 Jun 2025 08.00 BST",
            (2025, 6, 12),
            Some("08:00"),
            Some("BST"),
        );
    }

    #[test]
    fn two_labelled_dates_on_one_line() {
        let [(first, published), (second, updated)] =
            parse_pair("입력 2025.05.15. 오전 10:32 수정 2025.05.15. 오전 11:02").unwrap();
        assert_eq!(
            (first, second),
            ("입력 2025.05.15. 오전 10:32 ", "수정 2025.05.15. 오전 11:02")
        );
        assert_eq!(published.time.as_deref(), Some("10:32"));
        assert_eq!(updated.time.as_deref(), Some("11:02"));
        let [_, (second, updated)] =
            parse_pair("Published: 9 Jul 2024 | Updated: 10 Jul 2024").unwrap();
        assert_eq!(second, "Updated: 10 Jul 2024");
        assert_eq!(updated.date, CslDate::ymd(2024, Some(7), Some(10)));
        assert!(parse_pair("Published: 9 Jul 2024").is_none());
        assert!(parse_pair("The talks, first published on July 9, 2024, stalled").is_none());
    }

    #[test]
    fn lines_that_date_nothing() {
        for text in [
            "15 мая, 10:32",
            "Thu 12 Jun 06.15 BST",
            "June 12",
            "5月15日 10:32",
            "5월 15일",
            "Updated 2 hours ago",
            "3 часа назад",
            "3시간 전",
            "3小时前",
        ] {
            assert!(is_undatable(text), "{text}");
            assert_eq!(parse(text), None, "{text}");
        }
        for text in ["February 30", "15 мая 2025", "July 9 was a Monday", "2 hours of talks", ""]
        {
            assert!(!is_undatable(text), "{text}");
        }
    }

    #[test]
    fn impossible_dates_are_refused() {
        for text in [
            "February 30, 2024",
            "2024-02-30",
            "2023年2月29日",
            "31.04.2024",
            "2024-13-01",
            "2024-07-01 25:00",
            "2024-07-01 13:00pm",
            "2024-07-01 14:61",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
        check("29.02.2024", (2024, 2, 29), None, None);
    }

    #[test]
    fn ambiguous_or_partial_dates_and_prose_are_refused() {
        for text in [
            "07/09/2024",
            "09.07.24",
            "July 9",
            "July 2024",
            "The treaty was signed on July 1, 2024 in Pyongyang.",
            "July 1, 2024 was a Monday",
            "Publishedness 2024-07-01",
            "",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }
}
