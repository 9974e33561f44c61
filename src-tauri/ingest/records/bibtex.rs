//! BibTeX and BibLaTeX entries (Zotero, JabRef, Better BibTeX exports) mapped to CSL-JSON.
//!
//! Parsing, `@string` abbreviations, crossrefs and LaTeX commands (`{\"u}`, `\&`, `--`) are the
//! `biblatex` crate's work; this module maps the parsed fields to CSL variables the way pandoc
//! and Zotero do. Fields with no CSL variable are kept as `tex.FIELD: value` lines in `note`
//! (Better BibTeX's convention), so nothing the file says is lost.

use biblatex::{
    Bibliography, Chunk, ChunksExt, ChunksRef, Date, DateValue, Datetime, EntryType, Person,
    Spanned,
};
use serde_json::{json, Value};

use super::{
    add_note, bare_doi, csl_date, csl_language, date_parts, push_name, set_once, to_extracted,
    Error, Item,
};
use crate::ingest::Extracted;

const MEDIA_TYPE: &str = "application/x-bibtex";
const ORIGIN: &str = "bibtex";

/// Fields that describe the exporting library (file paths, owners, timestamps, groups), not
/// the work: a citation never needs them and they would only clutter the note.
const BOOKKEEPING: &[&str] = &[
    "file",
    "owner",
    "timestamp",
    "creationdate",
    "modificationdate",
    "groups",
    "ranking",
    "readstatus",
    "priority",
    "qualityassured",
    "relevance",
    "printed",
    "date-added",
    "date-modified",
    "crossref",
    "xref",
    "xdata",
    "ids",
    "entryset",
];

/// Reads every entry of a BibTeX or BibLaTeX file, in file order.
pub fn read_bibtex(text: &str) -> Result<Vec<Extracted>, Error> {
    check_braces(text)?;
    let bibliography =
        Bibliography::parse(text).map_err(|e| located(text, e.span.start, e.kind.to_string()))?;
    if bibliography.is_empty() {
        return Err(Error::NoRecords { format: "BibTeX" });
    }
    bibliography
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let item = entry_item(entry);
            to_extracted(item, MEDIA_TYPE, ORIGIN).map_err(|e| Error::BibtexEntry {
                index: i + 1,
                key: entry.key.clone(),
                problem: e.to_string(),
            })
        })
        .collect()
}

/// Where an entry starts: the byte offset of its `@`, its line, type and citation key.
struct EntryStart<'a> {
    offset: usize,
    line: usize,
    kind: String,
    key: &'a str,
}

/// Entries start with `@type{` or `@type(` at the start of a line, as every exporter writes
/// them; an `@` elsewhere (an e-mail address in an abstract) starts nothing.
fn entry_starts(text: &str) -> Vec<EntryStart<'_>> {
    let mut starts = Vec::new();
    let mut offset = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let indent = line.len() - line.trim_start().len();
        if let Some(rest) = line.trim_start().strip_prefix('@') {
            let kind_len = rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len());
            let after = rest[kind_len..].trim_start();
            if kind_len > 0 && (after.starts_with('{') || after.starts_with('(')) {
                let key = after[1..].trim_start();
                let key = &key[..key.find([',', '}', ')', ' ', '\n']).unwrap_or(key.len())];
                starts.push(EntryStart {
                    offset: offset + indent,
                    line: n + 1,
                    kind: rest[..kind_len].to_ascii_lowercase(),
                    key,
                });
            }
        }
        offset += line.len();
    }
    starts
}

fn is_entry(kind: &str) -> bool {
    !matches!(kind, "string" | "preamble" | "comment")
}

/// An error at a byte offset, named by the entry it falls in when there is one.
fn located(text: &str, offset: usize, problem: String) -> Error {
    let line = text[..offset.min(text.len())].matches('\n').count() + 1;
    let entries: Vec<_> = entry_starts(text).into_iter().filter(|s| is_entry(&s.kind)).collect();
    match entries.iter().rposition(|s| s.offset <= offset) {
        Some(i) => Error::BibtexEntry {
            index: i + 1,
            key: entries[i].key.to_string(),
            problem: format!("{problem} (line {line})"),
        },
        None => Error::Bibtex { line, problem },
    }
}

/// An unclosed brace makes a parser swallow every later entry and fail at the end of the file,
/// naming the wrong entry; checking each entry's own braces names the one at fault.
fn check_braces(text: &str) -> Result<(), Error> {
    let starts = entry_starts(text);
    let mut index = 0;
    for (i, start) in starts.iter().enumerate() {
        if start.kind == "comment" {
            continue;
        }
        index += usize::from(is_entry(&start.kind));
        let end = starts.get(i + 1).map_or(text.len(), |next| next.offset);
        let body = &text[start.offset..end];
        if body.trim_start_matches(|c| c != '{' && c != '(').starts_with('{') && !closes(body) {
            let problem =
                format!("unbalanced braces (the entry on line {} never closes)", start.line);
            return Err(if is_entry(&start.kind) {
                Error::BibtexEntry { index, key: start.key.to_string(), problem }
            } else {
                Error::Bibtex { line: start.line, problem }
            });
        }
    }
    Ok(())
}

/// Whether the first `{` of an entry is matched, skipping escaped braces (`\{`).
fn closes(body: &str) -> bool {
    let mut depth = 0usize;
    let mut escaped = false;
    for c in body.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '{' => depth += 1,
            '}' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// One entry as a CSL-JSON item.
fn entry_item(entry: &biblatex::Entry) -> Item {
    let mut item = Item::new();
    let csl_type = csl_type(entry);
    item.insert("type".into(), json!(csl_type));
    item.insert("citation-key".into(), json!(entry.key));
    map_issued(entry, &mut item);
    for (name, chunks) in &entry.fields {
        map_field(entry, csl_type, name, chunks, &mut item);
    }
    item
}

/// The CSL type, after pandoc's mapping; BibLaTeX's `entrysubtype` tells newspaper and
/// magazine articles from journal ones.
fn csl_type(entry: &biblatex::Entry) -> &'static str {
    let subtype = entry.fields.get("entrysubtype").map(|c| plain(c).to_ascii_lowercase());
    match &entry.entry_type {
        EntryType::Article | EntryType::SuppPeriodical => match subtype.as_deref() {
            Some("newspaper") => "article-newspaper",
            Some("magazine") => "article-magazine",
            _ => "article-journal",
        },
        EntryType::Book
        | EntryType::MvBook
        | EntryType::Booklet
        | EntryType::Collection
        | EntryType::MvCollection
        | EntryType::Proceedings
        | EntryType::MvProceedings
        | EntryType::Reference
        | EntryType::MvReference => "book",
        EntryType::InBook
        | EntryType::BookInBook
        | EntryType::SuppBook
        | EntryType::InCollection
        | EntryType::SuppCollection => "chapter",
        EntryType::InReference => "entry-encyclopedia",
        EntryType::InProceedings => "paper-conference",
        EntryType::Report | EntryType::TechReport | EntryType::Manual => "report",
        EntryType::Thesis | EntryType::PhdThesis | EntryType::MastersThesis => "thesis",
        EntryType::Online => "webpage",
        EntryType::Unpublished => "manuscript",
        EntryType::Patent => "patent",
        EntryType::Periodical => "periodical",
        EntryType::Software => "software",
        EntryType::Dataset => "dataset",
        // BibTeX has no web-page type: Zotero and JabRef write web pages as @misc with a URL.
        EntryType::Misc if entry.fields.contains_key("url") => "webpage",
        EntryType::Unknown(kind) => unknown_type(kind),
        _ => "document",
    }
}

/// BibLaTeX types outside the crate's list that still have a CSL type.
fn unknown_type(kind: &str) -> &'static str {
    match kind {
        "letter" => "personal_communication",
        "artwork" => "graphic",
        "audio" | "music" => "song",
        "video" | "movie" => "motion_picture",
        "legislation" | "legal" => "legislation",
        "jurisdiction" => "legal_case",
        "standard" => "standard",
        "review" => "review",
        "performance" => "performance",
        _ => "document",
    }
}

/// `date`, or `year`/`month`/`day`, as `issued`; an unreadable date ("n.d.", "Summer 2024")
/// stays in the note rather than being guessed.
fn map_issued(entry: &biblatex::Entry, item: &mut Item) {
    use biblatex::PermissiveType;
    if let Ok(PermissiveType::Typed(date)) = entry.date() {
        if let Some(value) = date_value(&date) {
            item.insert("issued".into(), value);
            return;
        }
    }
    for field in ["date", "year", "month", "day"] {
        if let Some(chunks) = entry.fields.get(field) {
            add_note(item, &format!("tex.{field}: {}", plain(chunks)));
        }
    }
}

fn date_value(date: &Date) -> Option<serde_json::Value> {
    match &date.value {
        DateValue::At(d) | DateValue::After(d) | DateValue::Before(d) => {
            Some(csl_date(datetime_parts(d)?, None))
        }
        DateValue::Between(start, end) => {
            Some(csl_date(datetime_parts(start)?, Some(datetime_parts(end)?)))
        }
    }
}

/// The crate counts months and days from 0; CSL from 1.
fn datetime_parts(d: &Datetime) -> Option<Vec<i32>> {
    let month = d.month.map(|m| u32::from(m) + 1);
    let day = d.day.map(|x| u32::from(x) + 1);
    date_parts(d.year, month, day)
}

/// Maps one field; `issued` fields and the type's own fields were handled before.
fn map_field(
    entry: &biblatex::Entry,
    csl_type: &str,
    name: &str,
    chunks: ChunksRef,
    item: &mut Item,
) {
    if BOOKKEEPING.contains(&name) || matches!(name, "date" | "year" | "month" | "day") {
        return;
    }
    if let Some(role) = name_role(entry, name) {
        for person in chunks.parse::<Vec<Person>>().unwrap_or_default() {
            if person.name != "others" {
                push_name(item, role, csl_name(&person));
            }
        }
        return;
    }
    if let Some(variable) = date_variable(name) {
        match chunks.parse::<Date>().ok().as_ref().and_then(date_value) {
            Some(value) => {
                item.insert(variable.into(), value);
            }
            None => add_note(item, &format!("tex.{name}: {}", plain(chunks))),
        }
        return;
    }
    let value = text(name, chunks);
    let kept = match text_variable(entry, csl_type, name) {
        Some(variable) => set_once(item, variable, value.clone()),
        None => false,
    };
    if !kept && !value.is_empty() && !is_consumed(name) {
        add_note(item, &format!("tex.{name}: {value}"));
    }
}

/// Fields read by [`csl_type`] or merged into another field by [`text`].
fn is_consumed(name: &str) -> bool {
    matches!(name, "entrysubtype" | "editortype" | "subtitle" | "journalsubtitle" | "booksubtitle")
}

/// The CSL name variable a BibTeX name list goes to; BibLaTeX's `editortype` says what kind
/// of editor an `editor` is.
fn name_role(entry: &biblatex::Entry, name: &str) -> Option<&'static str> {
    Some(match name {
        "author" => "author",
        "editor" => match entry.fields.get("editortype").map(|c| plain(c).to_ascii_lowercase()) {
            Some(t) if t == "compiler" => "compiler",
            Some(t) if t == "director" => "director",
            Some(t) if t == "organizer" => "organizer",
            Some(t) if t == "collaborator" => "contributor",
            _ => "editor",
        },
        "translator" => "translator",
        "bookauthor" => "container-author",
        "redactor" | "reviser" | "collaborator" => "contributor",
        _ => return None,
    })
}

fn date_variable(name: &str) -> Option<&'static str> {
    Some(match name {
        "urldate" => "accessed",
        "eventdate" => "event-date",
        "origdate" => "original-date",
        _ => return None,
    })
}

/// The CSL text variable a field maps to, or `None` for fields CSL has no place for.
fn text_variable(entry: &biblatex::Entry, csl_type: &str, name: &str) -> Option<&'static str> {
    Some(match name {
        "title" => "title",
        "shorttitle" => "title-short",
        "journaltitle" | "journal" | "booktitle" | "maintitle" => "container-title",
        "shortjournal" => "container-title-short",
        "series" => "collection-title",
        // BibTeX's number is an article's issue and a series' volume number.
        "number" if csl_type.starts_with("article") => "issue",
        "number" if entry.fields.contains_key("series") && csl_type != "report" => {
            "collection-number"
        }
        "number" => "number",
        "issue" => "issue",
        "volume" => "volume",
        "volumes" => "number-of-volumes",
        "pages" => "page",
        "pagetotal" => "number-of-pages",
        "chapter" => "chapter-number",
        "edition" => "edition",
        "version" => "version",
        "publisher" | "institution" | "school" | "organization" => "publisher",
        "location" | "address" => "publisher-place",
        "eventtitle" => "event-title",
        "venue" => "event-place",
        "url" => "URL",
        "howpublished" if looks_like_url(&plain(entry.fields.get(name)?)) => "URL",
        "doi" => "DOI",
        "isbn" => "ISBN",
        "issn" => "ISSN",
        "pmid" => "PMID",
        "pmcid" => "PMCID",
        "abstract" => "abstract",
        "keywords" => "keyword",
        "language" | "langid" => "language",
        "type" => "genre",
        "note" => "note",
        "annotation" | "annote" => "annote",
        _ => return None,
    })
}

fn looks_like_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://")
}

/// A field's value as CSL wants it: subtitles joined to their titles, page ranges with a
/// hyphen, languages as tags, `\url{}` unwrapped.
fn text(name: &str, chunks: ChunksRef) -> String {
    let value = plain(chunks);
    match name {
        "pages" => value.replace(['–', '—'], "-"),
        "language" | "langid" => csl_language(&value),
        "doi" => bare_doi(&value),
        "howpublished" | "url" => unwrap_url(&value),
        _ => value,
    }
}

/// `\url{...}`, which the crate leaves as text in fields that are not verbatim.
fn unwrap_url(value: &str) -> String {
    value
        .strip_prefix("\\url")
        .map(|rest| rest.trim_matches(['{', '}']).to_string())
        .unwrap_or_else(|| value.to_string())
}

/// The text of a field with LaTeX resolved and protective braces gone; a tie (`~`) is a space.
fn plain(chunks: ChunksRef) -> String {
    let text: String = chunks
        .iter()
        .map(|Spanned { v, .. }| match v {
            Chunk::Normal(s) => s.replace('~', " "),
            Chunk::Verbatim(s) | Chunk::Math(s) => s.clone(),
        })
        .collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A BibTeX name in CSL form. A name with no given part that is one braced group of several
/// words ("{Korea Institute for National Unification}") is an institution: a literal.
fn csl_name(person: &Person) -> Value {
    if person.given_name.is_empty() && person.prefix.is_empty() && person.name.contains(' ') {
        return json!({ "literal": person.name });
    }
    let mut name = json!({ "family": person.name });
    for (key, part) in [
        ("given", &person.given_name),
        ("non-dropping-particle", &person.prefix),
        ("suffix", &person.suffix),
    ] {
        if !part.is_empty() {
            name[key] = json!(part);
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    use crate::ingest::records::fixture;

    fn value(doc: &Extracted) -> Value {
        serde_json::to_value(&doc.source).unwrap()
    }

    #[test]
    fn zotero_biblatex_export() {
        let docs = read_bibtex(&fixture("zotero.bib")).unwrap();
        assert_eq!(docs.len(), 4);

        let news = &docs[0];
        assert_eq!(news.media_type, "application/x-bibtex");
        assert_eq!(news.title, "North Korea switches state TV satellite from Russian to Chinese");
        assert!(news.paragraphs.is_empty());
        assert_eq!(
            value(news),
            json!({
                "type": "article-newspaper",
                "citation-key": "parkNorthKoreaSwitches2024",
                "title": "North Korea switches state TV satellite from Russian to Chinese",
                "container-title": "South China Morning Post",
                "author": [{"family": "Park", "given": "Chan-kyong"}],
                "issued": {"date-parts": [[2024, 7, 9]]},
                "accessed": {"date-parts": [[2024, 7, 10]]},
                "URL": "https://www.scmp.com/news/asia/east-asia/article/3269420/north-korea-switches-state-tv-satellite",
                "abstract": "Pyongyang's state broadcaster now reaches viewers through a Chinese satellite, a South Korean ministry said.",
                "language": "en",
                "keyword": "China, North Korea, satellite",
            })
        );
        assert_eq!(news.language.as_deref(), Some("en"));
        assert_eq!(news.provenance.get("author").map(String::as_str), Some("bibtex"));
        assert_eq!(news.provenance.get("issued").map(String::as_str), Some("bibtex"));
        assert!(!news.provenance.contains_key("publisher"));

        let web = &docs[1].source;
        assert_eq!(web.csl_type, "webpage");
        assert!(web.author.is_empty(), "an unsigned page gets no invented author");
        assert_eq!(web.publisher.as_deref(), Some("NK News"));
        assert_eq!(web.accessed.as_ref().map(|d| d.to_iso()).as_deref(), Some("2024-07-02"));
        assert_eq!(web.extra["title-short"], json!("KCNA Watch"));

        let report = &docs[2].source;
        assert_eq!(report.csl_type, "report");
        assert_eq!(report.number.as_deref(), Some("CO 24-18"));
        assert_eq!(report.publisher.as_deref(), Some("Korea Institute for National Unification"));
        assert_eq!(report.extra["publisher-place"], json!("Seoul"));
        assert_eq!(report.extra["genre"], json!("Online Series"));
        assert_eq!(report.issued.as_ref().unwrap().to_iso(), "2024-06");
        assert_eq!(
            report.author[0].literal.as_deref(),
            Some("Korea Institute for National Unification")
        );
        assert_eq!(report.author[1].family.as_deref(), Some("Cho"));

        let chapter = &docs[3].source;
        assert_eq!(chapter.csl_type, "chapter");
        assert_eq!(
            chapter.container_title.as_deref(),
            Some("The Routledge handbook of Korean security")
        );
        assert_eq!(chapter.doi.as_deref(), Some("10.1007/978-3-031-12345-6_11"));
        assert_eq!(chapter.page.as_deref(), Some("211-236"));
        assert_eq!(
            chapter.extra["editor"],
            json!([{"family": "Moon", "given": "Chung-in"}, {"family": "Snyder", "given": "Scott A."}])
        );
        assert_eq!(chapter.author[0].family.as_deref(), Some("Hippel"));
        assert_eq!(chapter.author[0].extra["non-dropping-particle"], json!("von"));
    }

    #[test]
    fn jabref_bibtex_export() {
        let docs = read_bibtex(&fixture("jabref.bib")).unwrap();
        assert_eq!(docs.len(), 4);

        let article = &docs[0].source;
        assert_eq!(article.csl_type, "article-journal");
        assert_eq!(
            article.container_title.as_deref(),
            Some("Journal of Korean Unification Studies")
        );
        assert_eq!(
            article.title.as_deref(),
            Some("Beijing's balancing act: China, North Korea & the Russia factor")
        );
        assert_eq!(article.author[1].family.as_deref(), Some("Müller"));
        assert_eq!(article.author[1].given.as_deref(), Some("Jörg"));
        assert_eq!(article.doi.as_deref(), Some("10.33728/ijkus.2024.33.1.002"));
        assert_eq!((article.volume.as_deref(), article.issue.as_deref()), (Some("33"), Some("1")));
        assert_eq!(article.issued.as_ref().unwrap().to_iso(), "2024-03");
        assert_eq!(article.extra["ISSN"], json!("1229-6902"));
        assert!(!article.extra.contains_key("note"), "JabRef bookkeeping is not kept");

        let russian = &docs[1];
        assert_eq!(
            russian.title,
            "Россия и КНДР: договор о всеобъемлющем стратегическом партнёрстве"
        );
        assert_eq!(russian.source.language.as_deref(), Some("ru"));
        assert_eq!(russian.language.as_deref(), Some("ru"));
        assert_eq!(russian.source.author[0].family.as_deref(), Some("Лукин"));

        let report = &docs[2].source;
        assert_eq!(report.csl_type, "report");
        assert_eq!(report.title.as_deref(), Some("Russia–North Korea military cooperation"));
        assert_eq!(report.number.as_deref(), Some("Discussion Paper 12"));
        assert_eq!(report.publisher.as_deref(), Some("Council on Foreign Relations"));
        assert_eq!(report.issued.as_ref().unwrap().to_iso(), "2024-08");

        let chapter = &docs[3].source;
        assert_eq!(chapter.csl_type, "chapter");
        assert_eq!(chapter.extra["editor"][0], json!({"family": "Park", "given": "Chan-kyong"}));
        assert_eq!(chapter.extra["note"], json!("tex.eprint: 2201.01234"));
    }

    #[test]
    fn unbalanced_brace_names_the_entry() {
        let err = read_bibtex(&fixture("unbalanced.bib")).unwrap_err().to_string();
        assert_eq!(
            err,
            "BibTeX entry 3 (kim2024): unbalanced braces (the entry on line 12 never closes)"
        );
    }

    #[test]
    fn syntax_errors_name_the_entry() {
        let err = read_bibtex("@article{a, title={x}}\n@book{b title={y}}\n").unwrap_err();
        assert!(err.to_string().starts_with("BibTeX entry 2 (b): "), "{err}");
        assert!(matches!(read_bibtex("% nothing here\n"), Err(Error::NoRecords { .. })));
    }

    #[test]
    fn unreadable_dates_and_unknown_fields_go_to_the_note() {
        let docs = read_bibtex("@misc{k, title={T}, year={n.d.}, eprint={123}}").unwrap();
        let source = &docs[0].source;
        assert!(source.issued.is_none());
        assert_eq!(source.extra["note"], json!("tex.year: n.d.\ntex.eprint: 123"));
        assert_eq!(source.csl_type, "document");
    }
}
