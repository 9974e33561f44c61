//! Plain-text clips (what a user gets by copying a page): title line, body paragraphs, and the
//! page furniture the copy drags along, kept apart as boilerplate. The byline, the date line
//! and the wire dateline at the top are metadata: they leave the body and come back as fields.
//! Sign-offs at the end (wire credits, the reporter's e-mail, copyright) are boilerplate; wire
//! credits name the authors when nothing above does.

use super::dates::{self, ParsedDate};
use super::{Error, Result};
use crate::model::{Boilerplate, BoilerplateKind};

pub struct Clip {
    pub title: String,
    pub paragraphs: Vec<String>,
    pub boilerplate: Vec<Boilerplate>,
    /// The wire dateline that opened the first paragraph ("SEOUL, July 1 (Yonhap) --",
    /// "(서울=연합뉴스) 김지수 기자 =", "新华社北京5月15日电（记者 王小明）").
    pub dateline: Option<Dateline>,
    /// Authors as printed: a byline at the top ("By ...", "김지수 기자", "记者 王小明",
    /// "Автор: ..."), else the reporters a dateline credits, else a wire sign-off's
    /// "Reporting by ...".
    pub byline: Option<Vec<String>>,
    /// The "Published: ..." line at the top, else a dateline's date when it prints the year,
    /// else an "Updated: ..." line.
    pub published: Option<ParsedDate>,
    /// The outlet a header line names as the source ("2024-06-19 10:32　来源：新华网").
    pub source: Option<String>,
}

/// A dateline as printed. Its date seldom has the year, and without it dates nothing.
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
        source: None,
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
        if i < HEADER_LINES && (clip.take_byline(line) || clip.take_source(line, &mut header_dates))
        {
            i += 1;
            continue;
        }
        if let Some(kind) = furniture_kind(line) {
            if clip.byline.is_none() {
                clip.byline = wire_credits(line).filter(|reporters| !reporters.is_empty());
            }
            clip.boilerplate.push(Boilerplate { kind, text: line.to_string() });
        } else {
            clip.push_paragraph(line);
        }
        i += 1;
    }
    if clip.paragraphs.is_empty() {
        return Err(Error::NoBody);
    }
    let dateline_date =
        clip.dateline.as_ref().and_then(|d| d.date_text.as_deref()).and_then(dates::parse);
    clip.published = header_dates.published.or(dateline_date).or(header_dates.updated);
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

    /// "来源：新华网" or "Source: Yonhap", alone or after the date line it belongs to.
    fn take_source(&mut self, line: &str, dates: &mut HeaderDates) -> bool {
        let Some((before, source)) = split_source_label(line) else { return dates.take(line) };
        if self.source.is_some() || source.is_empty() || !(before.is_empty() || dates.take(before))
        {
            return false;
        }
        self.source = Some(source.to_string());
        true
    }

    /// The first paragraph loses its dateline; a dateline on a line of its own is no paragraph.
    fn push_paragraph(&mut self, line: &str) {
        let mut text = line;
        if self.paragraphs.is_empty() && self.dateline.is_none() {
            if let Some(opening) = split_dateline(line) {
                if self.byline.is_none() && !opening.reporters.is_empty() {
                    self.byline = Some(opening.reporters);
                }
                self.dateline = Some(opening.dateline);
                text = opening.body;
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
    /// Takes a date line, one with two labelled dates, or one that dates nothing ("15 мая,
    /// 10:32", "Updated 2 hours ago"): all are header furniture, none is text.
    fn take(&mut self, line: &str) -> bool {
        if let Some(date) = dates::parse(line) {
            self.keep(line, date);
        } else if let Some(pair) = dates::parse_pair(line) {
            for (part, date) in pair {
                self.keep(part, date);
            }
        } else {
            return dates::is_undatable(line);
        }
        true
    }

    fn keep(&mut self, line: &str, date: ParsedDate) {
        let slot = if is_update_line(line) { &mut self.updated } else { &mut self.published };
        slot.get_or_insert(date);
    }
}

/// The text before a source label and the source after it.
fn split_source_label(line: &str) -> Option<(&str, &str)> {
    const LABELS: &[&str] = &["来源", "來源", "Source", "출처", "Источник"];
    LABELS.iter().find_map(|label| {
        let at = line.find(label)?;
        let source = after_colon(&line[at + label.len()..])?;
        Some((line[..at].trim(), source.trim()))
    })
}

fn is_update_line(line: &str) -> bool {
    const UPDATE_LABELS: &[&str] =
        &["updated", "last updated", "last modified", "수정", "최종수정", "更新", "обновлено"];
    let lower = line.trim().to_lowercase();
    UPDATE_LABELS.iter().any(|label| lower.starts_with(label))
}

/// A byline in the forms the field's outlets print: the names as printed, or None when the
/// line is not only a byline.
fn byline(line: &str) -> Option<Vec<String>> {
    english_byline(line)
        .or_else(|| credited_name(line))
        .or_else(|| labelled_byline(line))
        .or_else(|| korean_credit(line))
}

/// "TAKESHI KAWAMURA, Nikkei staff writer", "Jane Park, Seoul correspondent": a name and
/// nothing after it but where the writer works.
fn credited_name(line: &str) -> Option<Vec<String>> {
    let (name, rest) = line.split_once(", ")?;
    // A dateline ("VLADIVOSTOK, Russia (AP) — The bridge …") has the same start: what follows
    // the name must be a few plain words that name a job or an outlet.
    let plain =
        rest.split_whitespace().count() <= 5 && !rest.contains(|c: char| ".()—–:;\"“”".contains(c));
    let affiliated = plain && rest.split(", ").all(is_affiliation);
    affiliated.then(|| names_as_printed(name)).flatten()
}

/// "By Park Chan-kyong", "By Kim Soo-yeon and Lee Min-ho", "By Laura Zhou in Beijing",
/// "By Laura Zhou, Seoul correspondent", "By Son Ji-hoon (sjh@heraldcorp.com)".
fn english_byline(line: &str) -> Option<Vec<String>> {
    let names = line.strip_prefix("By ").or_else(|| line.strip_prefix("BY "))?;
    if names.chars().count() > 120 {
        return None;
    }
    let names: Vec<&str> = names.split_whitespace().filter(|word| !word.contains('@')).collect();
    let names = names.join(" ");
    // "By Jeong Yon-woo for RFA Korean": the outlet follows "for".
    let names = match names.split_once(" for ") {
        Some((names, outlet)) if is_capitalised_words(outlet, 5) => names.to_string(),
        _ => names,
    };
    // What follows the names after a comma may be their role or outlet, never a name.
    let parts: Vec<&str> = names.split(", ").collect();
    let names_end = parts.iter().position(|part| is_affiliation(part)).unwrap_or(parts.len());
    names_as_printed(&parts[..names_end].join(", "))
}

/// "Seoul correspondent", "Staff Reporter", "Associated Press", "The Korea Herald".
fn is_affiliation(part: &str) -> bool {
    const WORDS: &[&str] = &[
        "correspondent",
        "reporter",
        "writer",
        "editor",
        "staff",
        "contributor",
        "columnist",
        "journalist",
        "bureau",
        "chief",
        "producer",
        "press",
        "news",
        "agency",
        "times",
        "herald",
        "post",
        "daily",
        "journal",
        "the",
    ];
    part.split_whitespace().any(|word| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        WORDS.contains(&word.as_str()) || word.ends_with("correspondents")
    })
}

/// "Автор: Иван Петров", "记者 王小明", "作者：王小明".
fn labelled_byline(line: &str) -> Option<Vec<String>> {
    if let Some(rest) = ["Автор", "Author", "Текст"].iter().find_map(|l| line.strip_prefix(l))
    {
        return names_as_printed(after_colon(rest)?);
    }
    let rest = ["记者", "作者"].iter().find_map(|l| line.strip_prefix(l))?;
    han_names(after_colon(rest).unwrap_or(rest))
}

fn after_colon(text: &str) -> Option<&str> {
    text.trim_start().strip_prefix([':', '：']).map(str::trim_start)
}

/// Names as a byline or a credit lists them: "Kim, Lee and Park", "Seo Ji-hyun in Seoul and
/// Daniel Whitcombe in Vladivostok", "Иван Петров и Анна Смирнова". None unless every part
/// has the shape of a name.
fn names_as_printed(text: &str) -> Option<Vec<String>> {
    let names: Vec<String> = text
        .split(", and ")
        .flat_map(|part| part.split(" and "))
        .flat_map(|part| part.split(" & "))
        .flat_map(|part| part.split(" и "))
        .flat_map(|part| part.split(", "))
        .map(|name| match name.rsplit_once(" in ") {
            Some((name, place)) if is_capitalised_words(place, 3) => name.trim(),
            _ => name.trim(),
        })
        .map(name_case)
        .collect();
    names.iter().all(|name| is_capitalised_words(name, 5)).then_some(names)
}

/// A name printed in capitals as a name is written ("PARK CHAN-KYONG" → "Park Chan-kyong");
/// any other name as printed.
fn name_case(name: &str) -> String {
    if name.chars().any(char::is_lowercase)
        || name.chars().filter(|c| c.is_alphabetic()).count() < 2
    {
        return name.to_string();
    }
    let word = |w: &str| -> String {
        let mut chars = w.chars();
        chars.next().into_iter().chain(chars.flat_map(char::to_lowercase)).collect()
    };
    name.split(' ').map(word).collect::<Vec<_>>().join(" ")
}

/// "김지수 기자", "김지수·이영희 기자", "김지수 특파원 jisoo@yna.co.kr": Korean names and the
/// reporter's title; None unless the text is only that.
fn korean_credit(text: &str) -> Option<Vec<String>> {
    const TITLES: &[&str] = &["기자", "특파원", "통신원", "선임기자", "전문기자", "객원기자"];
    let mut names = Vec::new();
    let mut titled = false;
    for token in text.split(|c: char| c.is_whitespace() || "·,".contains(c)) {
        if token.is_empty() || token.contains('@') {
            continue;
        }
        if TITLES.contains(&token) {
            titled = true;
            continue;
        }
        let name = match TITLES.iter().find_map(|t| token.strip_suffix(t)) {
            Some(name) => {
                titled = true;
                name
            }
            None => token,
        };
        if !is_hangul_name(name) {
            return None;
        }
        names.push(name.to_string());
    }
    (titled && !names.is_empty()).then_some(names)
}

fn is_hangul_name(text: &str) -> bool {
    (2..=4).contains(&text.chars().count()) && text.chars().all(|c| ('가'..='힣').contains(&c))
}

/// "王小明 李华", "王小明、李华": Chinese names up to a credit for someone else ("实习生 ...",
/// "通讯员 ..."); None when anything else is in the list.
fn han_names(text: &str) -> Option<Vec<String>> {
    const OTHER_CREDITS: &[&str] = &["实习生", "通讯员", "摄影", "见习记者"];
    let mut names = Vec::new();
    for token in text.split(|c: char| c.is_whitespace() || "、，,".contains(c)) {
        if token.is_empty() {
            continue;
        }
        if OTHER_CREDITS.iter().any(|credit| token.starts_with(credit)) {
            break;
        }
        let is_name = (2..=4).contains(&token.chars().count())
            && token.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        if !is_name {
            return None;
        }
        names.push(token.to_string());
    }
    (!names.is_empty()).then_some(names)
}

/// One to `max` words, each starting with a capital letter and free of digits and sentence
/// punctuation: the shape of a name or a place, not of a sentence.
fn is_capitalised_words(text: &str, max: usize) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=max).contains(&words.len())
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && !text.contains(|c: char| c.is_ascii_digit() || "!?:;\"“”".contains(c))
}

/// A dateline split off the first paragraph, with the reporters it credits.
struct Opening<'a> {
    dateline: Dateline,
    reporters: Vec<String>,
    body: &'a str,
}

/// A dateline opens a wire story: "SEOUL, July 1 (Yonhap) -- ", "BEIJING (AP) — ",
/// "MOSCOW, July 9. /TASS/. ", "(서울=연합뉴스) 김지수 기자 = ", "新华社北京5月15日电（记者 王小明）".
fn split_dateline(paragraph: &str) -> Option<Opening<'_>> {
    korean_dateline(paragraph)
        .or_else(|| chinese_dateline(paragraph))
        .or_else(|| wire_dateline(paragraph))
}

/// Korean agencies put place and agency in brackets and the reporters before "=":
/// "(서울=연합뉴스) 김지수 기자 = ", "[베이징=뉴시스]김지수 특파원 =".
fn korean_dateline(paragraph: &str) -> Option<Opening<'_>> {
    let (inside, after) =
        [('(', ')'), ('[', ']'), ('（', '）')].into_iter().find_map(|(open, close)| {
            paragraph.strip_prefix(open).and_then(|rest| rest.split_once(close))
        })?;
    let (place, agency) = inside.split_once('=')?;
    // "(평양 조선중앙통신=연합뉴스)": the city comes first, then where in it.
    let place = place.split_whitespace().next()?;
    let agency = agency.trim();
    if !place.contains(char::is_alphabetic)
        || !agency.contains(char::is_alphabetic)
        || agency.chars().count() > 20
    {
        return None;
    }
    let after = after.trim_start();
    let (reporters, body) = match after.split_once('=') {
        Some((credit, body)) if credit.trim().is_empty() => (Vec::new(), body),
        Some((credit, body)) => match korean_credit(credit) {
            Some(reporters) => (reporters, body),
            None => (Vec::new(), after),
        },
        None => (Vec::new(), after),
    };
    Some(Opening {
        dateline: Dateline {
            place: place.to_string(),
            date_text: None,
            agency: Some(agency.to_string()),
        },
        reporters,
        body: body.trim_start(),
    })
}

/// Chinese agencies: agency, place, day and "电", then the reporters in brackets:
/// "新华社北京5月15日电（记者 王小明）", "中新社平壤5月15日电". "本报" (this paper) names no one.
fn chinese_dateline(paragraph: &str) -> Option<Opening<'_>> {
    let (head, after) = paragraph.split_once("日电")?;
    if head.chars().count() > 20 {
        return None;
    }
    let (who_where, day) = head.split_at(head.find(|c: char| c.is_ascii_digit())?);
    if !day.contains('月') || !day.chars().all(|c| c.is_ascii_digit() || "年月".contains(c)) {
        return None;
    }
    // Agencies end in 社 (agency), 网 (site) or 报 (paper); the place follows.
    let (at, marker) = who_where.char_indices().rev().find(|(_, c)| "社网报".contains(*c))?;
    let (agency, place) = who_where.split_at(at + marker.len_utf8());
    let is_han = |text: &str| text.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    if place.is_empty() || !is_han(place) || !is_han(agency) {
        return None;
    }
    let after = after.trim_start();
    let credit = [('（', '）'), ('(', ')')].into_iter().find_map(|(open, close)| {
        let (inside, body) = after.strip_prefix(open)?.split_once(close)?;
        Some((inside.strip_prefix("记者")?, body))
    });
    let (reporters, body) = match credit {
        Some((names, body)) => (han_names(names).unwrap_or_default(), body),
        None => (Vec::new(), after),
    };
    Some(Opening {
        dateline: Dateline {
            place: place.to_string(),
            date_text: Some(format!("{day}日")),
            agency: (agency != "本报").then(|| agency.to_string()),
        },
        reporters,
        body: body.trim_start(),
    })
}

/// The dateline cut into what comes before the body.
struct WireHead<'a> {
    head: &'a str,
    agency: Option<String>,
    reporters: Vec<String>,
    body: &'a str,
}

/// "PLACE, Month Day (Agency) --", "PLACE, Day Month. /AGENCY/.", "МОСКВА, 15 мая — РИА
/// Новости.".
fn wire_dateline(paragraph: &str) -> Option<Opening<'_>> {
    split_at_slashed_agency(paragraph)
        .and_then(wire_opening)
        .or_else(|| split_at_dash(paragraph).and_then(wire_opening))
}

fn wire_opening(
    WireHead { head, mut agency, reporters, mut body }: WireHead<'_>,
) -> Option<Opening<'_>> {
    let (place, date_text) = place_and_date(head)?;
    let place_is_caps = place.split(", ").next().is_some_and(is_all_caps);
    if agency.is_none() && place_is_caps && place.contains(is_cyrillic) {
        if let Some((name, rest)) = cyrillic_agency_after_dash(body) {
            agency = Some(name);
            body = rest;
        }
    }
    // A Title-case place is only believed with an agency: "Pyongyang, July 9 (KCNA) --".
    if !place_is_caps && agency.is_none() {
        return None;
    }
    Some(Opening { dateline: Dateline { place, date_text, agency }, reporters, body })
}

fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{4ff}').contains(&c)
}

/// RIA Novosti names itself after the dash: "МОСКВА, 15 мая — РИА Новости. Россия ...".
fn cyrillic_agency_after_dash(body: &str) -> Option<(String, &str)> {
    let (name, rest) = body.split_once(". ")?;
    (name.contains(is_cyrillic) && !name.contains('.') && is_capitalised_words(name, 3))
        .then(|| (name.to_string(), rest))
}

/// Datelines are short; a dash further in is punctuation inside a sentence.
const MAX_DATELINE_CHARS: usize = 60;

/// Splits at the first "--", "—", "–" or " - " and takes a "(Agency)" off the end of the head.
fn split_at_dash(paragraph: &str) -> Option<WireHead<'_>> {
    let (at, dash) = ["--", "—", "–", " - "]
        .iter()
        .filter_map(|dash| paragraph.find(dash).map(|at| (at, *dash)))
        .min_by_key(|(at, _)| *at)?;
    if paragraph[..at].chars().count() > MAX_DATELINE_CHARS {
        return None;
    }
    let head = paragraph[..at].trim();
    let body = paragraph[at + dash.len()..].trim_start();
    let (head, agency) = match head.strip_suffix(')').and_then(|h| h.rsplit_once('(')) {
        Some((head, agency)) => (head.trim(), Some(agency_name(agency)?)),
        None => (head, None),
    };
    Some(WireHead { head, agency, reporters: Vec::new(), body })
}

/// TASS writes the agency between slashes, with its correspondent when it has one there:
/// "MOSCOW, July 9. /TASS/. Russia ...", "ВЛАДИВОСТОК, 15 мая. /Корр. ТАСС Иван Петров/.".
fn split_at_slashed_agency(paragraph: &str) -> Option<WireHead<'_>> {
    let (head, rest) = paragraph.split_once(" /")?;
    let (slashed, body) = rest.split_once("/.")?;
    if head.chars().count() > MAX_DATELINE_CHARS {
        return None;
    }
    let slashed = slashed.trim();
    let (agency, reporters) =
        match ["Спец. корр.", "Корр.", "Corr."].iter().find_map(|c| slashed.strip_prefix(c))
        {
            Some(credit) => {
                let (agency, reporter) = credit.trim().split_once(' ')?;
                (agency_name(agency)?, names_as_printed(reporter)?)
            }
            None => (agency_name(slashed)?, Vec::new()),
        };
    Some(WireHead {
        head: head.trim_end_matches('.'),
        agency: Some(agency),
        reporters,
        body: body.trim_start(),
    })
}

/// "Yonhap", "KCNA", "Reuters", "AP": short and capitalised, else it is not an agency.
fn agency_name(text: &str) -> Option<String> {
    let text = text.trim();
    is_capitalised_words(text, 4).then(|| text.to_string())
}

/// "SEOUL", "DANDONG, China", "MOSCOW, July 9", "SEOUL, May 15, 2025": the place, with any
/// region, then the date.
fn place_and_date(head: &str) -> Option<(String, Option<String>)> {
    let mut parts = head.split(", ");
    let mut place = parts.next()?.to_string();
    let mut date_text: Option<String> = None;
    for part in parts {
        match &mut date_text {
            None if looks_like_day(part) => date_text = Some(part.to_string()),
            None if is_capitalised_words(part, 3) => place = format!("{place}, {part}"),
            Some(day) if is_year(part) && !day.contains(',') => {
                day.push_str(", ");
                day.push_str(part);
            }
            _ => return None,
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

fn is_year(text: &str) -> bool {
    text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit())
}

fn is_all_caps(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && text.chars().all(|c| c.is_uppercase() || " .-'".contains(c))
}

fn furniture_kind(line: &str) -> Option<BoilerplateKind> {
    if is_caption(line) || is_bracketed_photo_credit(line) {
        Some(BoilerplateKind::Caption)
    } else if is_notice(line) || is_sign_off(line) {
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

/// A photo credit in brackets on a line of its own: "[Photo: Reuters]", "(Photo by Kim
/// Ji-soo)", "[사진=연합뉴스]".
fn is_bracketed_photo_credit(line: &str) -> bool {
    const PHOTO_WORDS: &[&str] = &["photo", "image", "picture", "사진", "图", "фото"];
    [('[', ']'), ('(', ')'), ('【', '】'), ('（', '）')]
        .into_iter()
        .find_map(|(open, close)| line.strip_prefix(open)?.strip_suffix(close))
        .is_some_and(|inner| {
            let inner = inner.trim_start().to_lowercase();
            PHOTO_WORDS.iter().any(|word| inner.starts_with(word))
        })
}

/// Site notices pasted with the article: cookie banners, subscription prompts, share buttons,
/// "Read more" teasers, ad slots, copyright lines and labelled page fields ("Source: ...").
fn is_notice(line: &str) -> bool {
    const MARKERS: &[&str] = &[
        "uses cookies",
        "use of cookies",
        "cookie policy",
        "accept cookies",
        "subscribe to our newsletter",
        "sign up for our newsletter",
        "all rights reserved",
        "все права защищены",
        "版权所有",
        "저작권자",
        "무단 전재",
        "무단전재",
    ];
    const WHOLE_LINES: &[&str] = &[
        "advertisement",
        "share this article",
        "share this story",
        "share",
        "related",
        "related articles",
        "related stories",
        "most read",
        "recommended",
        "관련기사",
        "관련 기사",
        "相关新闻",
        "相关阅读",
    ];
    const PREFIXES: &[&str] =
        &["read more", "also read", "read also", "subscribe", "sign up", "читайте также"];
    let lower = line.to_lowercase();
    let bare = lower.trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
    line.len() < 400 && MARKERS.iter().any(|m| lower.contains(m))
        || WHOLE_LINES.contains(&bare)
        || line.len() < 200 && PREFIXES.iter().any(|p| starts_with_word(&lower, p))
        || line.len() < 200 && is_page_field(&lower)
        || line.len() < 300 && is_copyright(&lower)
}

/// A labelled line of page furniture: "Source: Yonhap", "Related: ...", "Our Standards: The
/// Thomson Reuters Trust Principles.", "（责任编辑：王小明）", "Источник: ТАСС".
fn is_page_field(lower: &str) -> bool {
    const FIELDS: &[&str] = &[
        "source",
        "sources",
        "related",
        "see also",
        "our standards",
        "editor",
        "来源",
        "责任编辑",
        "编辑",
        "источник",
        "출처",
    ];
    let lower = lower.trim_start_matches(['(', '（', '[', '【']);
    FIELDS.iter().any(|field| {
        lower.strip_prefix(field).is_some_and(|rest| rest.trim_start().starts_with([':', '：']))
    })
}

/// "© 2025 Reuters", "ⓒ 한국일보", "Copyright 2025 The Associated Press", "Copyright © ...":
/// never "Copyright infringement cases rose".
fn is_copyright(lower: &str) -> bool {
    lower.contains(['©', 'ⓒ'])
        || ["copyright", "(c)"].iter().any(|mark| {
            lower.strip_prefix(mark).is_some_and(|rest| {
                let rest = rest.trim_start();
                rest.starts_with(|c: char| c.is_ascii_digit()) || rest.starts_with("(c)")
            })
        })
}

/// What ends a story: a separator ("___", "* * *"), an end mark ("(END)", "(끝)", "（完）"),
/// the reporter's e-mail or "Contact the reporter at ...", and the wire's credits ("Reporting
/// by ...; Editing by ...", "... contributed to this report.").
fn is_sign_off(line: &str) -> bool {
    const END_MARKS: &[&str] = &["end", "끝", "完", "конец"];
    const CONTACT: &[&str] = &["contact the reporter", "contact the writer", "contact the author"];
    const CONTRIBUTED: &[&str] = &[
        " contributed to this report",
        " contributed to this story",
        " contributed to this article",
        " contributed reporting",
    ];
    let lower = line.to_lowercase();
    !line.contains(char::is_alphanumeric)
        || END_MARKS.contains(&lower.trim_matches(|c: char| !c.is_alphanumeric()))
        || is_email_line(line)
        || line.len() < 300 && CONTACT.iter().any(|p| lower.starts_with(p))
        || line.len() < 300 && CONTRIBUTED.iter().any(|c| lower.contains(c))
        || wire_credits(line).is_some()
}

/// A short line carrying an e-mail address: "kim@yna.co.kr", "(sjh@heraldcorp.com)",
/// "Kim Ji-soo kim@yna.co.kr". A paragraph is longer than eight words.
fn is_email_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.len() <= 8
        && words.iter().any(|word| {
            let word = word.trim_matches(|c: char| "()<>[],;:".contains(c));
            word.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
            })
        })
}

/// Reuters credits, with or without brackets: "(Reporting by Seo Ji-hyun in Seoul and Daniel
/// Whitcombe in Vladivostok; Editing by Ed Carrow)". Returns the reporters and writers (the
/// authors; editors and additional reporting are not), or None when the line is anything but
/// such credits.
fn wire_credits(line: &str) -> Option<Vec<String>> {
    const ROLES: &[&str] = &[
        "reporting",
        "writing",
        "reporting and writing",
        "additional reporting",
        "editing",
        "compiled",
        "graphics",
    ];
    let inner = line.strip_prefix('(').and_then(|l| l.strip_suffix(')')).unwrap_or(line);
    let mut authors = Vec::new();
    for credit in inner.split(';') {
        let (role, names) = credit.trim().split_once(" by ")?;
        let role = role.to_lowercase();
        if !ROLES.contains(&role.as_str()) {
            return None;
        }
        let names = names_as_printed(names.trim_end_matches('.'))?;
        if ["reporting", "writing", "reporting and writing"].contains(&role.as_str()) {
            authors.extend(names);
        }
    }
    Some(authors)
}

/// `prefix` opens `text` as whole words: "subscribe now", not "subscribers said".
fn starts_with_word(text: &str, prefix: &str) -> bool {
    text.strip_prefix(prefix).is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
}

#[cfg(test)]
mod fixtures;

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
        assert_eq!(byline("By Jeong Yon-woo for RFA Korean").unwrap(), ["Jeong Yon-woo"]);
        assert_eq!(byline("BY PARK CHAN-KYONG").unwrap(), ["Park Chan-kyong"]);
        assert_eq!(byline("TAKESHI KAWAMURA, Nikkei staff writer").unwrap(), ["Takeshi Kawamura"]);
        assert_eq!(byline("Jane Park, Seoul correspondent").unwrap(), ["Jane Park"]);
        assert_eq!(byline("Kim Jong Un, the leader, said so."), None);
        assert_eq!(byline("VLADIVOSTOK, Russia (AP) — The bridge opened."), None);
    }

    #[test]
    fn a_source_line_names_the_outlet_and_dates_the_story() {
        let clip =
            parse("标题\n2026-11-27 20:15:36\u{3000}来源：新华网\n第一段。\n第二段。").unwrap();
        assert_eq!(clip.source.as_deref(), Some("新华网"));
        assert_eq!(published_iso(&clip).as_deref(), Some("2026-11-27"));
        assert_eq!(clip.paragraphs, ["第一段。", "第二段。"]);
        let clip = parse("Title\nSource: Yonhap\nFirst.\nSecond.").unwrap();
        assert_eq!(clip.source.as_deref(), Some("Yonhap"));
        // Only at the top: further down a "Source:" line is the story's.
        let clip = parse("Title\nA.\nB.\nC.\nD.\nE.\nF.\nSource: customs data").unwrap();
        assert_eq!(clip.source, None);
    }

    #[test]
    fn a_lone_update_date_is_used_and_later_by_lines_stay_in_the_body() {
        let clip =
            parse("Title\nUpdated July 9, 2024 2:03pm\nA.\nB.\nC.\nD.\nE.\nBy Kim Min-ho").unwrap();
        assert_eq!(clip.published.unwrap().time.as_deref(), Some("14:03"));
        assert!(clip.byline.is_none());
        assert_eq!(clip.paragraphs.last().map(String::as_str), Some("By Kim Min-ho"));
    }

    fn names(clip: &Clip) -> Option<Vec<&str>> {
        clip.byline.as_ref().map(|names| names.iter().map(String::as_str).collect())
    }

    fn published_iso(clip: &Clip) -> Option<String> {
        clip.published.as_ref().map(|p| p.date.to_iso())
    }

    #[test]
    fn outlet_date_lines_at_the_top_are_metadata() {
        let cases = [
            ("Published : May 20, 2025 - 15:42", "2025-05-20", Some("15:42")),
            ("송고시간2025-05-15 16:20", "2025-05-15", Some("16:20")),
            ("Thu 12 Jun 2025 06.15 BST", "2025-06-12", Some("06:15")),
            ("Updated: 2025-05-20 15:42 KST", "2025-05-20", Some("15:42")),
            ("2025.05.15 16:20", "2025-05-15", Some("16:20")),
            ("2025年5月15日 10:32", "2025-05-15", Some("10:32")),
            ("15 мая 2025, 10:32", "2025-05-15", Some("10:32")),
            ("Опубликовано: 15.05.2025", "2025-05-15", None),
            ("입력 2025.05.15. 오전 10:32", "2025-05-15", Some("10:32")),
            ("PUBLISHED : 3 Jul 2024 - 9:30PM", "2024-07-03", Some("21:30")),
            ("July 3, 2024 9:30 PM GMT+8", "2024-07-03", Some("21:30")),
        ];
        for (line, iso, time) in cases {
            let clip = parse(&format!("Title\n{line}\nFirst paragraph.\nSecond.")).unwrap();
            assert_eq!(published_iso(&clip).as_deref(), Some(iso), "{line}");
            assert_eq!(clip.published.unwrap().time.as_deref(), time, "{line}");
            assert_eq!(clip.paragraphs, ["First paragraph.", "Second."], "{line}");
        }
    }

    #[test]
    fn a_published_and_updated_line_gives_the_published_date() {
        let clip =
            parse("제목\n입력 2025.05.15. 오전 10:32 수정 2025.05.16. 오전 11:02\n본문입니다.")
                .unwrap();
        assert_eq!(published_iso(&clip).as_deref(), Some("2025-05-15"));
        assert_eq!(clip.paragraphs, ["본문입니다."]);
    }

    #[test]
    fn header_dates_without_a_year_leave_the_body_but_date_nothing() {
        for line in ["15 мая, 10:32", "Updated 2 hours ago", "Thu 12 Jun 06.15 BST"] {
            let clip = parse(&format!("Title\n{line}\nFirst paragraph.")).unwrap();
            assert!(clip.published.is_none(), "{line}");
            assert_eq!(clip.paragraphs, ["First paragraph."], "{line}");
        }
        let clip =
            parse("Title\nJune 12, 2025 7:41 AM GMT+9\nUpdated 2 hours ago\nFirst.").unwrap();
        assert_eq!(published_iso(&clip).as_deref(), Some("2025-06-12"));
        assert_eq!(clip.paragraphs, ["First."]);
    }

    #[test]
    fn bylines_in_the_fields_languages() {
        let cases: [(&str, &[&str]); 9] = [
            ("By Laura Zhou, Seoul correspondent", &["Laura Zhou"]),
            ("By Kim Tong-hyung, Associated Press", &["Kim Tong-hyung"]),
            ("By Son Ji-hoon (sjh@heraldcorp.com)", &["Son Ji-hoon"]),
            (
                "By Kim Soo-yeon in Seoul and Ivan Petrov in Moscow",
                &["Kim Soo-yeon", "Ivan Petrov"],
            ),
            ("김지수 기자", &["김지수"]),
            ("김지수·이영희 기자 jisoo@yna.co.kr", &["김지수", "이영희"]),
            ("记者 王小明", &["王小明"]),
            ("作者：王小明、李华", &["王小明", "李华"]),
            ("Автор: Иван Петров", &["Иван Петров"]),
        ];
        for (line, expected) in cases {
            let clip = parse(&format!("Title\n{line}\nFirst paragraph.")).unwrap();
            assert_eq!(names(&clip), Some(expected.to_vec()), "{line}");
            assert_eq!(clip.paragraphs, ["First paragraph."], "{line}");
        }
        for line in [
            "By Seoul correspondent",
            "김 장관은 기자회견에서 밝혔다",
            "记者昨天从外交部获悉，中朝双方将举行会谈。",
            "Автор: неизвестен",
        ] {
            assert_eq!(byline(line), None, "{line}");
        }
    }

    #[test]
    fn sign_offs_are_boilerplate() {
        let sign_offs = [
            "(Reporting by Seo Ji-hyun in Seoul; Editing by Ed Carrow)",
            "Reporting by Seo Ji-hyun; Additional reporting by Ivan Petrov; Editing by Ed Carrow",
            "Our Standards: The Thomson Reuters Trust Principles.",
            "___",
            "Associated Press writer Park Seo-yeon in Seoul contributed to this report.",
            "kim@yna.co.kr",
            "(sjh@heraldcorp.com)",
            "Contact the reporter at kim@koreatimes.co.kr",
            "(END)",
            "(끝)",
            "（完）",
            "© 2025 Reuters",
            "Copyright 2025 The Associated Press. All rights reserved.",
            "All rights reserved",
            "<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>",
            "Read more: Putin and Kim sign a treaty",
            "Related: Seoul watches border trade",
            "Sign up for our Asia newsletter",
            "[Photo: Yonhap]",
            "(Photo by Kim Ji-soo)",
            "Source: Yonhap",
            "（责任编辑：王小明）",
            "Источник: ТАСС",
        ];
        let text = format!("Title\nFirst paragraph.\nSecond paragraph.\n{}", sign_offs.join("\n"));
        let clip = parse(&text).unwrap();
        assert_eq!(clip.paragraphs, ["First paragraph.", "Second paragraph."]);
        let texts: Vec<&str> = clip.boilerplate.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, sign_offs);
        let captions = clip.boilerplate.iter().filter(|b| b.kind == BoilerplateKind::Caption);
        assert_eq!(captions.count(), 2);
    }

    #[test]
    fn sentences_shaped_like_sign_offs_stay_in_the_body() {
        for line in [
            "Copyright infringement cases rose sharply, the ministry said.",
            "Reporting by state media suggested the talks had stalled.",
            "Sources said the talks had stalled; editing by censors was heavy.",
            "Related talks were held in Beijing.",
            "The source: a ministry official who spoke on condition of anonymity, said the talks had stalled and would resume next week, according to people familiar with the matter who declined to be named.",
        ] {
            let clip = parse(&format!("Title\nFirst.\n{line}")).unwrap();
            assert_eq!(clip.paragraphs, ["First.", line]);
        }
    }

    #[test]
    fn wire_credits_name_the_authors_when_no_byline_does() {
        let text = "Title\nSEOUL, May 15 (Reuters) - First.\nSecond.\n\
                    (Reporting by Seo Ji-hyun in Seoul and Daniel Whitcombe in Vladivostok; \
                    Additional reporting by Ivan Petrov; Editing by Ed Carrow)";
        let clip = parse(text).unwrap();
        assert_eq!(clip.byline.unwrap(), ["Seo Ji-hyun", "Daniel Whitcombe"]);
        assert_eq!(clip.paragraphs, ["First.", "Second."]);
        let clip = parse(&format!("Title\nBy Kim Min-ho\n{}", &text[6..])).unwrap();
        assert_eq!(clip.byline.unwrap(), ["Kim Min-ho"]);
    }

    #[test]
    fn agency_datelines_become_metadata() {
        struct Case {
            first: &'static str,
            place: &'static str,
            date_text: Option<&'static str>,
            agency: Option<&'static str>,
            reporters: Option<&'static [&'static str]>,
            body: &'static str,
        }
        let cases = [
            Case {
                first: "(서울=연합뉴스) 김지수 기자 = 북한이 곡물을 들여왔다.",
                place: "서울",
                date_text: None,
                agency: Some("연합뉴스"),
                reporters: Some(&["김지수"]),
                body: "북한이 곡물을 들여왔다.",
            },
            Case {
                first: "(베이징=연합뉴스) 김지수 이영희 특파원 = 중국은 말을 아꼈다.",
                place: "베이징",
                date_text: None,
                agency: Some("연합뉴스"),
                reporters: Some(&["김지수", "이영희"]),
                body: "중국은 말을 아꼈다.",
            },
            Case {
                first: "[서울=뉴시스]김지수 기자 = 북한이 곡물을 들여왔다.",
                place: "서울",
                date_text: None,
                agency: Some("뉴시스"),
                reporters: Some(&["김지수"]),
                body: "북한이 곡물을 들여왔다.",
            },
            Case {
                first: "新华社北京5月15日电（记者 王小明）外交部发言人表示，中朝关系良好。",
                place: "北京",
                date_text: Some("5月15日"),
                agency: Some("新华社"),
                reporters: Some(&["王小明"]),
                body: "外交部发言人表示，中朝关系良好。",
            },
            Case {
                first: "中新社平壤5月15日电 朝鲜举行会议。",
                place: "平壤",
                date_text: Some("5月15日"),
                agency: Some("中新社"),
                reporters: None,
                body: "朝鲜举行会议。",
            },
            Case {
                first: "МОСКВА, 15 мая. /ТАСС/. Россия и КНДР провели переговоры.",
                place: "МОСКВА",
                date_text: Some("15 мая"),
                agency: Some("ТАСС"),
                reporters: None,
                body: "Россия и КНДР провели переговоры.",
            },
            Case {
                first: "ВЛАДИВОСТОК, 15 мая. /Корр. ТАСС Иван Петров/. Мост открыт.",
                place: "ВЛАДИВОСТОК",
                date_text: Some("15 мая"),
                agency: Some("ТАСС"),
                reporters: Some(&["Иван Петров"]),
                body: "Мост открыт.",
            },
            Case {
                first: "МОСКВА, 15 мая — РИА Новости. Россия и КНДР провели переговоры.",
                place: "МОСКВА",
                date_text: Some("15 мая"),
                agency: Some("РИА Новости"),
                reporters: None,
                body: "Россия и КНДР провели переговоры.",
            },
            Case {
                first: "SEOUL, May 15 (Reuters) - North Korea fired a missile.",
                place: "SEOUL",
                date_text: Some("May 15"),
                agency: Some("Reuters"),
                reporters: None,
                body: "North Korea fired a missile.",
            },
            Case {
                first: "PYONGYANG, May 15 (KCNA) -- Kim Jong-un inspected a factory.",
                place: "PYONGYANG",
                date_text: Some("May 15"),
                agency: Some("KCNA"),
                reporters: None,
                body: "Kim Jong-un inspected a factory.",
            },
            Case {
                first: "VLADIVOSTOK, Russia (AP) — The bridge opened.",
                place: "VLADIVOSTOK, Russia",
                date_text: None,
                agency: Some("AP"),
                reporters: None,
                body: "The bridge opened.",
            },
            Case {
                first: "BEIJING, July 3 (Xinhua) -- China urged restraint.",
                place: "BEIJING",
                date_text: Some("July 3"),
                agency: Some("Xinhua"),
                reporters: None,
                body: "China urged restraint.",
            },
        ];
        for case in cases {
            let clip = parse(&format!("Title\n\n{}\n\nSecond paragraph.", case.first)).unwrap();
            let dateline =
                clip.dateline.as_ref().unwrap_or_else(|| panic!("no dateline in {}", case.first));
            assert_eq!(dateline.place, case.place, "{}", case.first);
            assert_eq!(dateline.date_text.as_deref(), case.date_text, "{}", case.first);
            assert_eq!(dateline.agency.as_deref(), case.agency, "{}", case.first);
            assert_eq!(names(&clip), case.reporters.map(<[_]>::to_vec), "{}", case.first);
            assert_eq!(clip.paragraphs, [case.body, "Second paragraph."]);
            // A day without its year dates nothing.
            assert!(clip.published.is_none(), "{}", case.first);
        }
    }

    #[test]
    fn a_dateline_with_its_year_dates_the_story_unless_a_date_line_does() {
        let clip = parse("Title\nSEOUL, May 15, 2025 (Yonhap) -- First.").unwrap();
        assert_eq!(published_iso(&clip).as_deref(), Some("2025-05-15"));
        assert_eq!(clip.paragraphs, ["First."]);
        let clip = parse("标题\n新华社北京2025年5月15日电 第一段。").unwrap();
        assert_eq!(published_iso(&clip).as_deref(), Some("2025-05-15"));
        let clip =
            parse("Title\nPublished: May 16, 2025\nSEOUL, May 15, 2025 (Yonhap) -- A.").unwrap();
        assert_eq!(published_iso(&clip).as_deref(), Some("2025-05-16"));
    }

    #[test]
    fn bracketed_openings_that_are_not_datelines() {
        for first in [
            "(LEAD) North Korea fires missile",
            "(1=2) is false.",
            "本报记者从外交部获悉，会谈将举行。",
            "新华社消息，5月15日电力供应恢复。",
        ] {
            let clip = parse(&format!("Title\n{first}")).unwrap();
            assert!(clip.dateline.is_none(), "{first}");
            assert_eq!(clip.paragraphs, [first]);
        }
    }

    #[test]
    fn title_only_has_no_body() {
        assert!(matches!(parse("Just a title\n\n"), Err(Error::NoBody)));
    }
}
