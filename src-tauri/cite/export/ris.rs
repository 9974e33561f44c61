//! RIS records written from CSL-JSON items.
//!
//! Types and tags follow Zotero's RIS translator, which the project's RIS reader also follows,
//! so a record reads back as the item it came from. Lines end in CRLF as the RIS specification
//! and Zotero write them; `TY  - ` opens a record and `ER  - ` closes it.
//!
//! RIS cannot say everything CSL can: interviews are written as `PCOMM` and broadcasts as
//! `MPCT` (Zotero's choices, read back as personal communication and motion picture); name
//! particles join the family name ("van der Berg, Anneke"); a date range keeps its start; the
//! original title goes to `OP` ("original publication"), which readers keep as a note.
//! CSL variables with no RIS tag are left out, among them `event-title`, `event-place`,
//! `medium`, `dimensions`, `container-author`, `interviewer` and the number of anything but
//! a report.

use serde_json::Value;

use super::csl::{self, Date, Name};

/// The records for `items`, `keys[i]` (written as `ID`) naming `items[i]`.
///
/// # Panics
/// If `keys` and `items` differ in length: every item needs its key.
pub fn ris(items: &[Value], keys: &[String]) -> String {
    assert_eq!(items.len(), keys.len(), "one citekey per item");
    items.iter().zip(keys).map(|(item, key)| record(item, key)).collect()
}

/// The RIS type of a CSL type, as Zotero exports it.
fn ris_type(csl_type: &str) -> &'static str {
    match csl_type {
        "article-journal" => "JOUR",
        "article-newspaper" => "NEWS",
        "article-magazine" => "MGZN",
        "book" => "BOOK",
        "chapter" => "CHAP",
        "report" => "RPRT",
        "webpage" => "ELEC",
        "post-weblog" => "BLOG",
        "paper-conference" => "CPAPER",
        "thesis" => "THES",
        "personal_communication" | "interview" => "PCOMM",
        "manuscript" => "MANSCPT",
        "song" => "SOUND",
        "motion_picture" | "broadcast" => "MPCT",
        "speech" => "SLIDE",
        "legislation" => "STAT",
        "bill" => "BILL",
        "legal_case" => "CASE",
        "hearing" => "HEAR",
        "patent" => "PAT",
        "map" => "MAP",
        "dataset" => "DATA",
        "software" => "COMP",
        "graphic" => "ART",
        "entry-dictionary" => "DICT",
        "entry-encyclopedia" => "ENCYC",
        _ => "GEN",
    }
}

/// Lines of one record.
struct Record(String);

impl Record {
    fn tag(&mut self, tag: &str, value: Option<String>) {
        let Some(value) = value else { return };
        // Only abstracts and notes may continue on further lines; elsewhere a line break
        // would split the value.
        let value = if matches!(tag, "AB" | "N1") {
            value.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\r\n")
        } else {
            value.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        if !value.is_empty() {
            self.0.push_str(&format!("{tag}  - {value}\r\n"));
        }
    }
}

fn record(item: &Value, key: &str) -> String {
    let csl_type = csl::text(item, "type").unwrap_or_default();
    let ty = ris_type(&csl_type);
    let book = ty == "BOOK";
    let text = |variable| csl::text(item, variable);
    let mut r = Record(String::new());
    r.tag("TY", Some(ty.to_string()));
    r.tag("ID", Some(key.to_string()));
    r.tag("TI", text("title"));
    names(&mut r, "AU", item, "author");
    // Zotero's roles: a book's own editors are A3 and its series editors A2; elsewhere the
    // other way round.
    names(&mut r, if book { "A3" } else { "A2" }, item, "editor");
    names(&mut r, if book { "A2" } else { "A3" }, item, "collection-editor");
    names(&mut r, "A4", item, "translator");
    r.tag("T2", text("container-title"));
    r.tag("J2", text("container-title-short"));
    r.tag("T3", text("collection-title"));
    r.tag("ST", text("title-short"));
    r.tag("OP", text("original-title"));
    r.tag("AB", text("abstract"));
    match csl::date(item, "issued") {
        Some(Date::Parts { start, .. }) => {
            if start.len() > 1 {
                r.tag("DA", Some(ris_date(&start)));
            }
            r.tag("PY", Some(format!("{:04}", start[0])));
        }
        Some(Date::Text(text)) => r.tag("PY", Some(text)),
        None => {}
    }
    if let Some(Date::Parts { start, .. }) = csl::date(item, "accessed") {
        r.tag("Y2", Some(ris_date(&start)));
    }
    r.tag("UR", text("URL"));
    r.tag("DO", text("DOI"));
    r.tag("PB", text("publisher"));
    r.tag("CY", text("publisher-place"));
    r.tag("ET", text("edition"));
    r.tag("VL", text("volume"));
    r.tag("IS", text("issue"));
    r.tag("NV", text("number-of-volumes"));
    if let Some(page) = text("page") {
        match page.split_once('-').filter(|_| !page.contains(',')) {
            Some((start, end)) => {
                r.tag("SP", Some(start.to_string()));
                r.tag("EP", Some(end.to_string()));
            }
            None => r.tag("SP", Some(page)),
        }
    }
    // SN is a report's number, a book's ISBN and a periodical's ISSN.
    let serial = match ty {
        "RPRT" => text("number"),
        "BOOK" | "CHAP" => text("ISBN"),
        _ => text("ISSN"),
    };
    r.tag("SN", serial);
    r.tag("M3", text("genre"));
    r.tag("SE", text("section"));
    r.tag("LA", text("language"));
    r.tag("CN", text("call-number"));
    r.tag("AN", text("archive_location"));
    r.tag("DP", text("source"));
    for keyword in text("keyword").iter().flat_map(|k| k.split(',')) {
        r.tag("KW", Some(keyword.trim().to_string()));
    }
    r.tag("N1", text("note"));
    r.0.push_str("ER  - \r\n\r\n");
    r.0
}

/// `YYYY/MM/DD/`, parts left empty when the date has none (`2024/06//`).
fn ris_date(parts: &[i32]) -> String {
    let part = |i: usize| parts.get(i).map(|p| format!("{p:02}")).unwrap_or_default();
    format!("{:04}/{}/{}/", parts[0], part(1), part(2))
}

/// One line per name: "Family, Given" for a person, the whole name otherwise.
fn names(r: &mut Record, tag: &str, item: &Value, variable: &str) {
    for name in csl::names(item, variable) {
        let written = match name {
            Name::Literal(literal) => literal,
            Name::Person { family, given, particle, suffix } => {
                let mut out = particle.map(|p| format!("{p} {family}")).unwrap_or(family);
                for part in [given, suffix].into_iter().flatten() {
                    out.push_str(&format!(", {part}"));
                }
                out
            }
        };
        r.tag(tag, Some(written));
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_report_with_its_number_and_a_partial_date() {
        let item = json!({
            "type": "report", "title": "Assessing the summit", "author": [
                {"literal": "Korea Institute for National Unification"},
                {"family": "Cho", "given": "Han-bum"}],
            "publisher": "Korea Institute for National Unification", "number": "CO 24-18",
            "genre": "Online Series", "issued": {"date-parts": [[2024, 6]]}, "page": "1-12",
            "abstract": "First line.\n\nSecond line.", "keyword": "Russia, treaty"
        });
        assert_eq!(
            ris(&[item], &["cho2024assessing".to_string()]),
            "TY  - RPRT\r\nID  - cho2024assessing\r\nTI  - Assessing the summit\r\n\
             AU  - Korea Institute for National Unification\r\nAU  - Cho, Han-bum\r\n\
             AB  - First line.\r\nSecond line.\r\nDA  - 2024/06//\r\nPY  - 2024\r\n\
             PB  - Korea Institute for National Unification\r\nSP  - 1\r\nEP  - 12\r\n\
             SN  - CO 24-18\r\nM3  - Online Series\r\nKW  - Russia\r\nKW  - treaty\r\n\
             ER  - \r\n\r\n"
        );
    }

    #[test]
    fn book_editors_are_a3() {
        let item = json!({
            "type": "book", "editor": [{"family": "Choi", "given": "Hyun-woo"}],
            "collection-editor": [{"family": "Lee", "given": "Min"}], "ISBN": "978-1",
            "issued": {"date-parts": [[2023]]}
        });
        let out = ris(&[item], &["k".to_string()]);
        assert!(out.contains("A3  - Choi, Hyun-woo\r\nA2  - Lee, Min\r\n"), "{out}");
        assert!(out.contains("PY  - 2023\r\nSN  - 978-1\r\n") && !out.contains("DA  -"), "{out}");
    }
}
