//! Plain-text clips (what a user gets by copying a page): title line, body paragraphs, and the
//! page furniture the copy drags along, kept apart as boilerplate. The byline, the date line
//! and the wire dateline at the top are metadata: they leave the body and come back as fields.

use super::dates::{self, ParsedDate};
use super::{Error, Result};
use crate::model::{Boilerplate, BoilerplateKind};

pub struct Clip {
    pub title: String,
    pub paragraphs: Vec<String>,
    pub boilerplate: Vec<Boilerplate>,
    /// The wire dateline that opened the first paragraph ("SEOUL, July 1 (Yonhap) --").
    pub dateline: Option<Dateline>,
    /// Authors as printed on a "By ..." line at the top.
    pub byline: Option<Vec<String>>,
    /// The "Published: ..." line at the top; an "Updated: ..." line only when it is the only one.
    pub published: Option<ParsedDate>,
}

/// "PLACE, Month Day (Agency) --" as printed. The date has no year, so it dates nothing alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    pub place: String,
    pub date_text: Option<String>,
    pub agency: Option<String>,
}

/// Bylines and date lines are only looked for among the first lines after the title: further
/// down, "By ..." starts a sentence and a lone date is part of the story.
const HEADER_LINES: usize = 6;

/// Title = first non-empty line; every later non-empty line is a paragraph unless it is
/// recognised as boilerplate or as metadata.
pub fn parse(text: &str) -> Result<Clip> {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let title = lines.next().ok_or(Error::Empty)?.to_string();
    let lines: Vec<&str> = lines.collect();

    let mut clip = Clip {
        title,
        paragraphs: Vec::new(),
        boilerplate: Vec::new(),
        dateline: None,
        byline: None,
        published: None,
    };
    let mut header_dates = HeaderDates::default();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        // Clippers paste a related-article teaser as a headline twice in a row (link text and
        // image alt); a real paragraph is never repeated back to back.
        if lines.get(i + 1) == Some(&line) {
            let mut j = i;
            while lines.get(j) == Some(&line) {
                clip.boilerplate.push(Boilerplate {
                    kind: BoilerplateKind::RepeatedHeadline,
                    text: line.to_string(),
                });
                j += 1;
            }
            i = j;
            continue;
        }
        if i < HEADER_LINES && (clip.take_byline(line) || header_dates.take(line)) {
            i += 1;
            continue;
        }
        if let Some(kind) = furniture_kind(line) {
            clip.boilerplate.push(Boilerplate { kind, text: line.to_string() });
        } else {
            clip.push_paragraph(line);
        }
        i += 1;
    }
    if clip.paragraphs.is_empty() {
        return Err(Error::NoBody);
    }
    clip.published = header_dates.published.or(header_dates.updated);
    Ok(clip)
}

impl Clip {
    fn take_byline(&mut self, line: &str) -> bool {
        if self.byline.is_some() {
            return false;
        }
        self.byline = byline(line);
        self.byline.is_some()
    }

    /// The first paragraph loses its dateline; a dateline on a line of its own is no paragraph.
    fn push_paragraph(&mut self, line: &str) {
        let mut text = line;
        if self.paragraphs.is_empty() && self.dateline.is_none() {
            if let Some((dateline, rest)) = split_dateline(line) {
                self.dateline = Some(dateline);
                text = rest;
            }
        }
        if !text.is_empty() {
            self.paragraphs.push(text.to_string());
        }
    }
}

/// Date lines at the top, kept apart so a "Published" date wins over an "Updated" one
/// whichever comes first.
#[derive(Default)]
struct HeaderDates {
    published: Option<ParsedDate>,
    updated: Option<ParsedDate>,
}

impl HeaderDates {
    fn take(&mut self, line: &str) -> bool {
        let Some(date) = dates::parse(line) else { return false };
        let slot = if is_update_line(line) { &mut self.updated } else { &mut self.published };
        slot.get_or_insert(date);
        true
    }
}

fn is_update_line(line: &str) -> bool {
    const UPDATE_LABELS: &[&str] =
        &["updated", "last updated", "수정", "최종수정", "更新", "обновлено"];
    let lower = line.to_lowercase();
    UPDATE_LABELS.iter().any(|label| lower.starts_with(label))
}

/// "By Park Chan-kyong", "By Kim Soo-yeon and Lee Min-ho", "By Laura Zhou in Beijing": the
/// names as printed, or None when what follows "By" is not a list of names.
fn byline(line: &str) -> Option<Vec<String>> {
    let names = line.strip_prefix("By ").or_else(|| line.strip_prefix("BY "))?;
    if names.chars().count() > 120 {
        return None;
    }
    let names = match names.rsplit_once(" in ") {
        Some((names, place)) if is_capitalised_words(place, 3) => names,
        _ => names,
    };
    let names: Vec<String> = names
        .split(", and ")
        .flat_map(|part| part.split(" and "))
        .flat_map(|part| part.split(" & "))
        .flat_map(|part| part.split(", "))
        .map(|name| name.trim().to_string())
        .collect();
    names.iter().all(|name| is_capitalised_words(name, 5)).then_some(names)
}

/// One to `max` words, each starting with a capital letter and free of digits and sentence
/// punctuation: the shape of a name or a place, not of a sentence.
fn is_capitalised_words(text: &str, max: usize) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=max).contains(&words.len())
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && !text.contains(|c: char| c.is_ascii_digit() || "!?:;\"“”".contains(c))
}

/// A dateline opens a wire story: "SEOUL, July 1 (Yonhap) -- ", "BEIJING (AP) — ",
/// "MOSCOW, July 9. /TASS/. ". Returns it and the paragraph without it.
fn split_dateline(paragraph: &str) -> Option<(Dateline, &str)> {
    let (head, agency, body) =
        split_at_dash(paragraph).or_else(|| split_at_slashed_agency(paragraph))?;
    let (place, date_text) = place_and_date(head)?;
    let place_is_caps = place.split(", ").next().is_some_and(is_all_caps);
    // A Title-case place is only believed with an agency: "Pyongyang, July 9 (KCNA) --".
    if !place_is_caps && agency.is_none() {
        return None;
    }
    Some((Dateline { place, date_text, agency }, body))
}

/// Datelines are short; a dash further in is punctuation inside a sentence.
const MAX_DATELINE_CHARS: usize = 60;

/// Splits at the first "--", "—", "–" or " - " and takes a "(Agency)" off the end of the head.
fn split_at_dash(paragraph: &str) -> Option<(&str, Option<String>, &str)> {
    let (at, dash) = ["--", "—", "–", " - "]
        .iter()
        .filter_map(|dash| paragraph.find(dash).map(|at| (at, *dash)))
        .min_by_key(|(at, _)| *at)?;
    if paragraph[..at].chars().count() > MAX_DATELINE_CHARS {
        return None;
    }
    let head = paragraph[..at].trim();
    let body = paragraph[at + dash.len()..].trim_start();
    match head.strip_suffix(')').and_then(|h| h.rsplit_once('(')) {
        Some((head, agency)) => Some((head.trim(), Some(agency_name(agency)?), body)),
        None => Some((head, None, body)),
    }
}

/// TASS writes the agency between slashes: "MOSCOW, July 9. /TASS/. Russia ...".
fn split_at_slashed_agency(paragraph: &str) -> Option<(&str, Option<String>, &str)> {
    let (head, rest) = paragraph.split_once(" /")?;
    let (agency, body) = rest.split_once("/.")?;
    if head.chars().count() > MAX_DATELINE_CHARS {
        return None;
    }
    Some((head.trim_end_matches('.'), Some(agency_name(agency)?), body.trim_start()))
}

/// "Yonhap", "KCNA", "Reuters", "AP": short and capitalised, else it is not an agency.
fn agency_name(text: &str) -> Option<String> {
    let text = text.trim();
    is_capitalised_words(text, 4).then(|| text.to_string())
}

/// "SEOUL", "DANDONG, China", "MOSCOW, July 9": the place, with any region, then the date.
fn place_and_date(head: &str) -> Option<(String, Option<String>)> {
    let mut parts = head.split(", ");
    let mut place = parts.next()?.to_string();
    let mut date_text = None;
    for part in parts {
        if date_text.is_none() && looks_like_day(part) {
            date_text = Some(part.to_string());
        } else if date_text.is_none() && is_capitalised_words(part, 3) {
            place = format!("{place}, {part}");
        } else {
            return None;
        }
    }
    is_capitalised_words(&place, 6).then_some((place, date_text))
}

/// "July 1", "Jul. 9", "9 July": a short month-and-day with a number in it.
fn looks_like_day(text: &str) -> bool {
    text.chars().count() <= 15
        && text.contains(|c: char| c.is_ascii_digit())
        && text.starts_with(char::is_alphanumeric)
}

fn is_all_caps(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && text.chars().all(|c| c.is_uppercase() || " .-'".contains(c))
}

fn furniture_kind(line: &str) -> Option<BoilerplateKind> {
    if is_caption(line) {
        Some(BoilerplateKind::Caption)
    } else if is_notice(line) {
        Some(BoilerplateKind::Notice)
    } else {
        None
    }
}

/// Credit labels that end a photo caption, in the field's languages.
const CREDIT_LABELS: &[&str] = &[
    "Photo:",
    "Photos:",
    "Photograph:",
    "Image:",
    "Picture:",
    "Фото:",
    "사진=",
    "사진:",
    "图片:",
    "图:",
];

/// A caption ends with a short credit ("… Photo: KCNA via Reuters"), not a sentence.
fn is_caption(line: &str) -> bool {
    CREDIT_LABELS.iter().any(|label| {
        line.rfind(label).is_some_and(|at| {
            let credit = line[at + label.len()..].trim();
            !credit.is_empty()
                && credit.split_whitespace().count() <= 6
                && !credit.ends_with(['.', '!', '?', '”', '"'])
        })
    })
}

/// Site notices pasted with the article: cookie banners, subscription prompts, share buttons,
/// "Read more" teasers and ad slots.
fn is_notice(line: &str) -> bool {
    const MARKERS: &[&str] = &[
        "uses cookies",
        "use of cookies",
        "cookie policy",
        "accept cookies",
        "subscribe to our newsletter",
        "sign up for our newsletter",
        "all rights reserved",
    ];
    const WHOLE_LINES: &[&str] =
        &["advertisement", "share this article", "share this story", "share"];
    const PREFIXES: &[&str] =
        &["read more", "also read", "read also", "subscribe", "sign up", "читайте также"];
    let lower = line.to_lowercase();
    let bare = lower.trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
    line.len() < 400 && MARKERS.iter().any(|m| lower.contains(m))
        || WHOLE_LINES.contains(&bare)
        || line.len() < 200 && PREFIXES.iter().any(|p| starts_with_word(&lower, p))
}

/// `prefix` opens `text` as whole words: "subscribe now", not "subscribers said".
fn starts_with_word(text: &str, prefix: &str) -> bool {
    text.strip_prefix(prefix).is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separates_furniture_from_body() {
        let text = "Seoul weighs its options\n\nFirst paragraph.\n\nRelated story headline\nRelated story headline\n\
                    Second paragraph, said Kim.\n\nLeaders meet in Pyongyang. Photo: KCNA via Reuters\n\
                    This website uses cookies. By continuing you accept our use of cookies.\n";
        let clip = parse(text).unwrap();
        assert_eq!(clip.title, "Seoul weighs its options");
        assert_eq!(clip.paragraphs, ["First paragraph.", "Second paragraph, said Kim."]);
        let kinds: Vec<_> = clip.boilerplate.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BoilerplateKind::RepeatedHeadline,
                BoilerplateKind::RepeatedHeadline,
                BoilerplateKind::Caption,
                BoilerplateKind::Notice
            ]
        );
    }

    #[test]
    fn a_sentence_about_a_photo_is_not_a_caption() {
        assert!(!is_caption(
            "The ministry released a statement. Photo: it was taken in 2019 near the border."
        ));
    }

    #[test]
    fn wire_datelines_become_metadata() {
        let cases = [
            (
                "SEOUL, July 1 (Yonhap) -- North Korea fired a missile.",
                "SEOUL",
                Some("July 1"),
                Some("Yonhap"),
            ),
            (
                "PYONGYANG, July 9 (KCNA) — Kim Jong-un inspected a factory.",
                "PYONGYANG",
                Some("July 9"),
                Some("KCNA"),
            ),
            (
                "MOSCOW, July 9 (Reuters) - Russia said on Tuesday it would respond.",
                "MOSCOW",
                Some("July 9"),
                Some("Reuters"),
            ),
            ("BEIJING (AP) — China urged restraint.", "BEIJING", None, Some("AP")),
            (
                "Pyongyang, July 9 (KCNA) -- A delegation left.",
                "Pyongyang",
                Some("July 9"),
                Some("KCNA"),
            ),
            (
                "DANDONG, China (Reuters) - Trucks crossed the bridge.",
                "DANDONG, China",
                None,
                Some("Reuters"),
            ),
            (
                "MOSCOW, July 9. /TASS/. Russia and the DPRK held talks.",
                "MOSCOW",
                Some("July 9"),
                Some("TASS"),
            ),
            ("WASHINGTON — The State Department said nothing.", "WASHINGTON", None, None),
        ];
        for (first, place, date_text, agency) in cases {
            let clip = parse(&format!("Title\n\n{first}\n\nSecond paragraph.")).unwrap();
            let dateline = clip.dateline.unwrap_or_else(|| panic!("no dateline in {first:?}"));
            assert_eq!(dateline.place, place);
            assert_eq!(dateline.date_text.as_deref(), date_text);
            assert_eq!(dateline.agency.as_deref(), agency);
            assert!(!clip.paragraphs[0].contains(place), "{:?}", clip.paragraphs[0]);
            assert_eq!(clip.paragraphs[1], "Second paragraph.");
        }
    }

    #[test]
    fn only_the_first_paragraph_and_only_real_datelines() {
        for first in [
            "Kim said the treaty – signed in June – was a turning point.",
            "The summit was held in Pyongyang - the first in 24 years.",
            "Russia, China and North Korea - the new axis - met again.",
        ] {
            let clip = parse(&format!("Title\n{first}")).unwrap();
            assert!(clip.dateline.is_none(), "{first}");
            assert_eq!(clip.paragraphs, [first]);
        }
        let clip = parse("Title\nFirst.\nSEOUL, July 1 (Yonhap) -- Second.").unwrap();
        assert!(clip.dateline.is_none());
        assert_eq!(clip.paragraphs[1], "SEOUL, July 1 (Yonhap) -- Second.");
    }

    #[test]
    fn a_dateline_alone_on_its_line_is_no_paragraph() {
        let clip = parse("Title\nSEOUL, July 1 (Yonhap) --\nNorth Korea fired a missile.").unwrap();
        assert_eq!(clip.dateline.unwrap().agency.as_deref(), Some("Yonhap"));
        assert_eq!(clip.paragraphs, ["North Korea fired a missile."]);
    }

    #[test]
    fn share_read_more_subscribe_and_ads_are_notices() {
        let text = "Title\nFirst paragraph.\nShare this article\nRead more: Putin, Kim sign defence treaty\n\
                    Also read: Seoul protests\nAdvertisement\nSubscribe now for unlimited access\n\
                    Sign up to our daily briefing\nSubscribers said the service was good.";
        let clip = parse(text).unwrap();
        assert_eq!(clip.paragraphs, ["First paragraph.", "Subscribers said the service was good."]);
        assert_eq!(clip.boilerplate.len(), 6);
        assert!(clip.boilerplate.iter().all(|b| b.kind == BoilerplateKind::Notice));
    }

    #[test]
    fn byline_and_date_line_at_the_top_are_metadata() {
        let text = "Title\nBy Kim Soo-yeon and Lee Min-ho\nUpdated: 10:15pm, 9 Jul, 2024\n\
                    Published: 9:00pm, 9 Jul, 2024\nFirst paragraph.";
        let clip = parse(text).unwrap();
        assert_eq!(clip.byline.unwrap(), ["Kim Soo-yeon", "Lee Min-ho"]);
        let published = clip.published.unwrap();
        assert_eq!(published.date, crate::model::CslDate::ymd(2024, Some(7), Some(9)));
        assert_eq!(published.time.as_deref(), Some("21:00"));
        assert_eq!(clip.paragraphs, ["First paragraph."]);
    }

    #[test]
    fn bylines_as_printed() {
        assert_eq!(byline("By Park Chan-kyong").unwrap(), ["Park Chan-kyong"]);
        assert_eq!(byline("By Laura Zhou in Beijing").unwrap(), ["Laura Zhou"]);
        assert_eq!(byline("By Kim, Lee and Park").unwrap(), ["Kim", "Lee", "Park"]);
        assert_eq!(byline("By the end of June, the talks had stalled."), None);
        assert_eq!(byline("By July, both sides had signed."), None);
    }

    #[test]
    fn a_lone_update_date_is_used_and_later_by_lines_stay_in_the_body() {
        let clip =
            parse("Title\nUpdated July 9, 2024 2:03pm\nA.\nB.\nC.\nD.\nE.\nBy Kim Min-ho").unwrap();
        assert_eq!(clip.published.unwrap().time.as_deref(), Some("14:03"));
        assert!(clip.byline.is_none());
        assert_eq!(clip.paragraphs.last().map(String::as_str), Some("By Kim Min-ho"));
    }

    #[test]
    fn title_only_has_no_body() {
        assert!(matches!(parse("Just a title\n\n"), Err(Error::NoBody)));
    }
}
