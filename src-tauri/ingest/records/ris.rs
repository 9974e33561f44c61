//! RIS records (Zotero, EndNote, publisher exports) mapped to CSL-JSON.
//!
//! RIS is a line format: `TY  - TYPE` opens a record, `XX  - value` lines give its fields and
//! `ER  - ` closes it; a line without a tag continues the previous value (EndNote wraps long
//! abstracts). Tags follow Zotero's RIS translator; tags with no CSL variable are kept as
//! `TAG: value` lines in `note`.

use serde_json::{json, Value};

use super::{
    add_note, bare_doi, comma_name, csl_date, csl_language, numeric_date, push_name, set_once,
    to_extracted, Error, Item,
};
use crate::ingest::Extracted;

const MEDIA_TYPE: &str = "application/x-research-info-systems";
const ORIGIN: &str = "ris";

/// One record as read: the line its `TY` is on, its type, and its tags in order.
struct Record {
    line: usize,
    kind: String,
    tags: Vec<(String, String)>,
}

/// Reads every record of a RIS file, in file order.
pub fn read_ris(text: &str) -> Result<Vec<Extracted>, Error> {
    let records = parse(text)?;
    if records.is_empty() {
        return Err(Error::NoRecords { format: "RIS" });
    }
    records
        .iter()
        .map(|record| {
            to_extracted(record_item(record), MEDIA_TYPE, ORIGIN)
                .map_err(|e| Error::Ris { line: record.line, problem: e.to_string() })
        })
        .collect()
}

/// `XX  - value`: two capitals (or a capital and a digit), one or two spaces, a hyphen.
fn tag_line(line: &str) -> Option<(&str, &str)> {
    let bytes = line.as_bytes();
    let tag_ok = bytes.len() >= 5
        && bytes[0].is_ascii_uppercase()
        && (bytes[1].is_ascii_uppercase() || bytes[1].is_ascii_digit());
    if !tag_ok {
        return None;
    }
    let rest = line[2..].strip_prefix("  -").or_else(|| line[2..].strip_prefix(" -"))?;
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    Some((&line[..2], rest.trim()))
}

fn parse(text: &str) -> Result<Vec<Record>, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut open: Option<Record> = None;
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let Some((tag, value)) = tag_line(raw.trim_end()) else {
            continue_value(open.as_mut(), raw.trim());
            continue;
        };
        match (tag, open.as_mut()) {
            ("TY", Some(record)) => return Err(unclosed(record, records.len() + 1, Some(line_no))),
            ("TY", None) => {
                open = Some(Record { line: line_no, kind: value.to_string(), tags: Vec::new() })
            }
            ("ER", Some(_)) => records.extend(open.take()),
            (_, Some(record)) => record.tags.push((tag.to_string(), value.to_string())),
            (_, None) => {
                return Err(Error::Ris {
                    line: line_no,
                    problem: format!("{tag} outside a record (a record starts with TY)"),
                })
            }
        }
    }
    match open {
        Some(record) => Err(unclosed(&record, records.len() + 1, None)),
        None => Ok(records),
    }
}

fn unclosed(record: &Record, index: usize, next_ty: Option<usize>) -> Error {
    let before = match next_ty {
        Some(line) => format!("before the next TY on line {line}"),
        None => "before the end of the file".to_string(),
    };
    Error::Ris { line: record.line, problem: format!("record {index} has no ER end tag {before}") }
}

/// A line with no tag continues the previous value; text outside records is ignored, as
/// some databases put a header above the first record.
fn continue_value(record: Option<&mut Record>, line: &str) {
    let Some((tag, value)) = record.and_then(|r| r.tags.last_mut()) else { return };
    if line.is_empty() {
        return;
    }
    // Abstracts and notes keep their line breaks; a wrapped title or name does not.
    let joiner = if matches!(tag.as_str(), "AB" | "N1" | "N2") { "\n" } else { " " };
    value.push_str(joiner);
    value.push_str(line);
}

/// The CSL type of a RIS `TY`, as Zotero maps them.
fn csl_type(kind: &str) -> &'static str {
    match kind {
        "JOUR" | "JFULL" | "EJOUR" | "INPR" | "ABST" => "article-journal",
        "NEWS" => "article-newspaper",
        "MGZN" => "article-magazine",
        "BOOK" | "EBOOK" | "EDBOOK" | "WHOLE" => "book",
        "CHAP" | "ECHAP" => "chapter",
        "RPRT" | "GOVDOC" => "report",
        "ELEC" | "WEB" => "webpage",
        "BLOG" => "post-weblog",
        "CONF" | "CPAPER" => "paper-conference",
        "THES" => "thesis",
        "PCOMM" => "personal_communication",
        "ICOMM" => "email",
        "UNPB" | "MANSCPT" => "manuscript",
        "SOUND" | "MUSIC" => "song",
        "VIDEO" | "MPCT" => "motion_picture",
        "SLIDE" => "speech",
        "BILL" | "STAT" => "legislation",
        "CASE" => "legal_case",
        "HEAR" => "hearing",
        "PAT" => "patent",
        "MAP" => "map",
        "DATA" => "dataset",
        "COMP" => "software",
        "ART" => "graphic",
        "DICT" => "entry-dictionary",
        "ENCYC" => "entry-encyclopedia",
        _ => "document",
    }
}

fn is_book(kind: &str) -> bool {
    matches!(kind, "BOOK" | "EBOOK" | "EDBOOK" | "WHOLE")
}

/// One record as a CSL-JSON item.
fn record_item(record: &Record) -> Item {
    let mut item = Item::new();
    item.insert("type".into(), json!(csl_type(&record.kind)));
    let mut dates = Dates::default();
    let mut pages: (Option<&str>, Option<&str>) = (None, None);
    let mut keywords = Vec::new();
    for (tag, value) in record.tags.iter().filter(|(_, v)| !v.is_empty()) {
        match tag.as_str() {
            "PY" | "Y1" => {
                dates.year.get_or_insert(value);
            }
            "DA" => {
                dates.full.get_or_insert(value);
            }
            "SP" => {
                pages.0.get_or_insert(value);
            }
            "EP" => {
                pages.1.get_or_insert(value);
            }
            "KW" => keywords.push(value.as_str()),
            _ => map_tag(&record.kind, tag, value, &mut item),
        }
    }
    if !keywords.is_empty() {
        item.insert("keyword".into(), json!(keywords.join(", ")));
    }
    if let Some(page) = page_range(pages) {
        item.insert("page".into(), json!(page));
    }
    dates.apply(&mut item);
    item
}

/// RIS splits a range into start (SP) and end (EP) page; some exporters put the range in SP.
fn page_range(pages: (Option<&str>, Option<&str>)) -> Option<String> {
    match pages {
        (Some(start), Some(end)) if !start.contains('-') => Some(format!("{start}-{end}")),
        (Some(start), _) => Some(start.to_string()),
        (None, end) => end.map(str::to_string),
    }
}

/// Zotero writes the full date in DA and the year again in PY; EndNote writes only Y1.
#[derive(Default)]
struct Dates<'a> {
    full: Option<&'a String>,
    year: Option<&'a String>,
}

impl Dates<'_> {
    fn apply(&self, item: &mut Item) {
        let parsed: Vec<(&String, Option<Vec<i32>>)> =
            [self.full, self.year].into_iter().flatten().map(|v| (v, numeric_date(v))).collect();
        let best = parsed.iter().filter_map(|(_, p)| p.clone()).max_by_key(Vec::len);
        if let Some(parts) = best {
            item.insert("issued".into(), csl_date(parts, None));
        } else {
            for (value, _) in parsed {
                add_note(item, &format!("PY: {value}"));
            }
        }
    }
}

/// Maps one tag other than the dates and keywords.
fn map_tag(kind: &str, tag: &str, value: &str, item: &mut Item) {
    if let Some(role) = name_role(kind, tag) {
        push_name(item, role, comma_name(value));
        return;
    }
    // Attachment links point into the exporting user's library, not to the work.
    if matches!(tag, "L1" | "L2" | "L3" | "L4") {
        return;
    }
    let kept = match text_variable(kind, tag) {
        Some("accessed") => match numeric_date(value) {
            Some(parts) => set_value(item, "accessed", csl_date(parts, None)),
            None => false,
        },
        Some(variable) => set_once(item, variable, text(tag, value)),
        None => false,
    };
    if !kept {
        add_note(item, &format!("{tag}: {value}"));
    }
}

fn set_value(item: &mut Item, field: &str, value: Value) -> bool {
    if item.contains_key(field) {
        return false;
    }
    item.insert(field.to_string(), value);
    true
}

/// A value as CSL wants it: a DOI without resolver, a language as a tag.
fn text(tag: &str, value: &str) -> String {
    match tag {
        "DO" => bare_doi(value),
        "LA" => csl_language(value),
        _ => value.to_string(),
    }
}

fn name_role(kind: &str, tag: &str) -> Option<&'static str> {
    Some(match tag {
        "AU" | "A1" => "author",
        "A2" | "ED" if is_book(kind) => "collection-editor",
        "A2" | "ED" => "editor",
        "A3" if is_book(kind) => "editor",
        "A3" => "collection-editor",
        "A4" => "translator",
        _ => return None,
    })
}

/// The CSL variable a tag maps to, after Zotero's RIS translator.
fn text_variable(kind: &str, tag: &str) -> Option<&'static str> {
    Some(match tag {
        "TI" | "T1" | "CT" => "title",
        "BT" if is_book(kind) => "title",
        "T2" if is_book(kind) => "collection-title",
        "T2" | "JF" | "JO" | "BT" => "container-title",
        "JA" | "J2" => "container-title-short",
        "T3" => "collection-title",
        "ST" => "title-short",
        "UR" => "URL",
        "DO" => "DOI",
        "Y2" => "accessed",
        "PB" => "publisher",
        "CY" | "PP" => "publisher-place",
        "VL" => "volume",
        "IS" => "issue",
        "AB" | "N2" => "abstract",
        "LA" => "language",
        "N1" => "note",
        "SN" if kind == "RPRT" => "number",
        "SN" if is_book(kind) || matches!(kind, "CHAP" | "ECHAP") => "ISBN",
        "SN" => "ISSN",
        "ET" => "edition",
        "M3" => "genre",
        "CN" => "call-number",
        "AN" => "archive_location",
        "DB" | "DP" => "source",
        "NV" => "number-of-volumes",
        "SE" => "section",
        "ID" => "citation-key",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::ingest::records::fixture;

    #[test]
    fn zotero_ris_export() {
        let docs = read_ris(&fixture("zotero.ris")).unwrap();
        assert_eq!(docs.len(), 6);

        let news = &docs[0];
        assert_eq!(news.media_type, "application/x-research-info-systems");
        assert!(news.paragraphs.is_empty());
        assert_eq!(
            serde_json::to_value(&news.source).unwrap(),
            json!({
                "type": "article-newspaper",
                "title": "North Korea switches state TV satellite from Russian to Chinese",
                "container-title": "South China Morning Post",
                "author": [{"family": "Park", "given": "Chan-kyong"}],
                "issued": {"date-parts": [[2024, 7, 9]]},
                "accessed": {"date-parts": [[2024, 7, 10]]},
                "URL": "https://www.scmp.com/news/asia/east-asia/article/3269420/north-korea-switches-state-tv-satellite",
                "abstract": "Pyongyang's state broadcaster now reaches viewers through a Chinese satellite, a South Korean ministry said.",
                "language": "en",
                "keyword": "China, North Korea",
            })
        );
        assert_eq!(news.provenance.get("issued").map(String::as_str), Some("ris"));
        assert_eq!(news.provenance.len(), 10);

        let web = &docs[1].source;
        assert_eq!(web.csl_type, "webpage");
        assert!(web.author.is_empty());
        assert_eq!(web.container_title.as_deref(), Some("NK News"));
        assert_eq!(web.accessed.as_ref().unwrap().to_iso(), "2024-07-02");

        let report = &docs[2].source;
        assert_eq!(report.csl_type, "report");
        assert_eq!(report.number.as_deref(), Some("CO 24-18"));
        assert_eq!(report.publisher.as_deref(), Some("Korea Institute for National Unification"));
        assert_eq!(report.issued.as_ref().unwrap().to_iso(), "2024-06");
        assert_eq!(
            report.author[0].literal.as_deref(),
            Some("Korea Institute for National Unification")
        );
        assert_eq!(report.extra["genre"], json!("Online Series"));

        let article = &docs[3].source;
        assert_eq!(article.doi.as_deref(), Some("10.33728/ijkus.2024.33.1.002"));
        assert_eq!(article.page.as_deref(), Some("45-78"));
        assert_eq!(article.extra["ISSN"], json!("1229-6902"));

        let chapter = &docs[4].source;
        assert_eq!(chapter.csl_type, "chapter");
        assert_eq!(chapter.extra["editor"][1], json!({"family": "Snyder", "given": "Scott A."}));
        assert_eq!(chapter.extra["ISBN"], json!("978-3-031-12345-6"));
        assert_eq!(chapter.issued.as_ref().unwrap().to_iso(), "2023");

        let russian = &docs[5];
        assert_eq!(
            russian.title,
            "Россия и КНДР: договор о всеобъемлющем стратегическом партнёрстве"
        );
        assert_eq!(russian.source.page.as_deref(), Some("112-130"));
        assert_eq!(russian.language.as_deref(), Some("ru"));
    }

    #[test]
    fn endnote_ris_export() {
        let docs = read_ris(&fixture("endnote.ris")).unwrap();
        let source = &docs[0].source;
        assert_eq!(source.extra["citation-key"], json!("17"));
        assert_eq!(source.issued.as_ref().unwrap().to_iso(), "2024-08-15");
        assert_eq!(
            source.abstract_.as_deref(),
            Some("A review of arms transfers and the\ntreaty's mutual defence clause.")
        );
        assert_eq!(source.extra["note"], json!("Discussion Paper 12\nM1: internal-ref-55"));
        assert_eq!(source.extra["publisher-place"], json!("New York"));
    }

    #[test]
    fn a_record_without_er_is_an_error() {
        let err = read_ris(&fixture("no-er.ris")).unwrap_err().to_string();
        assert_eq!(err, "RIS line 7: record 2 has no ER end tag before the end of the file");
        let err = read_ris("TY  - JOUR\nTI  - A\nTY  - JOUR\nER  - \n").unwrap_err().to_string();
        assert_eq!(err, "RIS line 1: record 1 has no ER end tag before the next TY on line 3");
        assert!(matches!(read_ris("just text\n"), Err(Error::NoRecords { .. })));
        let err = read_ris("TI  - stray\n").unwrap_err().to_string();
        assert_eq!(err, "RIS line 1: TI outside a record (a record starts with TY)");
    }
}
