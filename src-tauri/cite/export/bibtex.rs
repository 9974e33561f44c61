//! BibTeX and BibLaTeX entries written from CSL-JSON items.
//!
//! Types and fields follow the mapping the project's BibTeX reader takes back (after pandoc
//! and Zotero): a newspaper article is an `@article` with `entrysubtype = {newspaper}` in
//! BibLaTeX, a web page `@online` (BibLaTeX) or `@misc` with a `url` (BibTeX), interviews,
//! broadcasts and speeches `@misc` with `howpublished` and `type`. Text is escaped for LaTeX
//! and titles keep their capitals in braces; names are "Family, Given" joined by "and", and a
//! name kept whole (an institution) is braced. BibLaTeX gets ISO dates (`date`, `urldate`);
//! BibTeX gets `year`, a `month` macro and `day`, and a range keeps only its start. A date
//! that is only text ("Summer 2024") goes to `year` in both (biber warns it cannot sort it).
//!
//! CSL variables with no BibTeX field are left out: `section`, `medium` (except as a `@misc`
//! type), `dimensions`, `archive`, `archive_location`, `call-number`, `collection-editor`, and
//! name roles other than author, editor, translator and container author (e.g. `interviewer`).

use serde_json::Value;

use super::csl::{self, Date, Name};
use super::latex::{escape, protect};

/// Which of the two .bib flavours to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// Classic BibTeX (`journal`, `address`, `year`/`month`), for `.bst` styles and natbib.
    Bibtex,
    /// BibLaTeX for biber (`journaltitle`, `location`, `date`, `@online`, `langid`).
    Biblatex,
}

/// The entries for `items`, `keys[i]` naming `items[i]`, separated by blank lines.
///
/// # Panics
/// If `keys` and `items` differ in length: every item needs its key.
pub fn bibtex(items: &[Value], keys: &[String], dialect: Dialect) -> String {
    assert_eq!(items.len(), keys.len(), "one citekey per item");
    let entries: Vec<String> =
        items.iter().zip(keys).map(|(item, key)| entry(item, key, dialect)).collect();
    entries.join("\n")
}

/// The entry type: BibLaTeX's own, or the classic BibTeX one.
fn entry_type(item: &Value, csl_type: &str, dialect: Dialect) -> &'static str {
    let biblatex = dialect == Dialect::Biblatex;
    match csl_type {
        "article" | "article-journal" | "article-newspaper" | "article-magazine" => "article",
        "book" | "classic" => "book",
        "periodical" if biblatex => "periodical",
        "chapter" if biblatex && item.get("container-author").is_some() => "inbook",
        "chapter" => "incollection",
        "entry" | "entry-dictionary" | "entry-encyclopedia" if biblatex => "inreference",
        "entry" | "entry-dictionary" | "entry-encyclopedia" => "incollection",
        "paper-conference" => "inproceedings",
        "report" if biblatex => "report",
        "report" => "techreport",
        "thesis" if biblatex => "thesis",
        // BibTeX prints the kind of a thesis from its type; one that does not say stays @misc
        // rather than be called a PhD thesis.
        "thesis" => match csl::text(item, "genre").map(|g| g.to_lowercase()) {
            Some(g) if g.contains("master") => "mastersthesis",
            Some(g) if g.contains("phd") || g.contains("doctor") => "phdthesis",
            _ => "misc",
        },
        "webpage" | "post" | "post-weblog" if biblatex => "online",
        "manuscript" => "unpublished",
        "dataset" if biblatex => "dataset",
        "software" if biblatex => "software",
        "patent" if biblatex => "patent",
        _ => "misc",
    }
}

/// The field that names the container (journal, book, site, programme) in an entry type.
fn container_field(entry_type: &str, dialect: Dialect) -> Option<&'static str> {
    Some(match entry_type {
        "article" if dialect == Dialect::Biblatex => "journaltitle",
        "article" => "journal",
        "incollection" | "inbook" | "inreference" | "inproceedings" => "booktitle",
        "online" => "organization",
        "misc" => "howpublished",
        _ => return None,
    })
}

/// The field that names the publisher in an entry type.
fn publisher_field(entry_type: &str, dialect: Dialect) -> &'static str {
    match entry_type {
        "report" | "techreport" | "thesis" => "institution",
        "phdthesis" | "mastersthesis" => "school",
        "online" | "misc" if dialect == Dialect::Biblatex => "organization",
        _ => "publisher",
    }
}

/// One field's value as written: in braces, or a bare macro (`month = jul`).
enum Field {
    Braced(String),
    Macro(&'static str),
}

/// An entry under construction: fields in the order they are added, empty ones skipped.
struct Entry {
    fields: Vec<(&'static str, Field)>,
}

impl Entry {
    fn braced(&mut self, name: &'static str, value: Option<String>) {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            self.fields.push((name, Field::Braced(value)));
        }
    }
}

fn entry(item: &Value, key: &str, dialect: Dialect) -> String {
    let biblatex = dialect == Dialect::Biblatex;
    let csl_type = csl::text(item, "type").unwrap_or_default();
    let entry_type = entry_type(item, &csl_type, dialect);
    let text = |variable| csl::text(item, variable);
    let escaped = |variable| text(variable).map(|t| escape(&t));
    let protected = |variable| text(variable).map(|t| protect(&t));
    let mut e = Entry { fields: Vec::new() };

    e.braced("author", name_list(&csl::names(item, "author")));
    e.braced("editor", name_list(&csl::names(item, "editor")));
    e.braced("bookauthor", name_list(&csl::names(item, "container-author")));
    e.braced("translator", name_list(&csl::names(item, "translator")));
    e.braced("title", protected("title"));
    e.braced("shorttitle", protected("title-short"));
    e.braced("origtitle", protected("original-title"));

    let container = container_field(entry_type, dialect);
    let publisher = publisher_field(entry_type, dialect);
    match container {
        Some("booktitle") => e.braced("booktitle", protected("container-title")),
        // A site and its publisher would share `organization`: the site has it, and a
        // publisher besides a site goes to `publisher`.
        Some(field) if field == publisher => match escaped("container-title") {
            Some(site) => {
                e.braced(field, Some(site));
                e.braced("publisher", escaped("publisher"));
            }
            None => e.braced(field, escaped("publisher")),
        },
        Some(field) => e.braced(field, escaped("container-title")),
        None => {}
    }
    let periodical = entry_type == "article";
    if periodical && biblatex {
        e.braced("shortjournal", escaped("container-title-short"));
    }
    e.braced("series", protected("collection-title"));
    e.braced("volume", escaped("volume"));
    // An article's issue is BibTeX's `number`; elsewhere `number` is the work's own number.
    if periodical {
        e.braced("number", escaped("issue").or_else(|| escaped("number")));
    } else {
        e.braced("number", escaped("number").or_else(|| escaped("collection-number")));
        e.braced("issue", escaped("issue"));
    }
    // A range takes an en dash, `--` in TeX, however the item wrote its hyphen.
    e.braced("pages", text("page").map(|p| escape(&p).replace("--", "-").replace('-', "--")));
    e.braced("pagetotal", escaped("number-of-pages"));
    e.braced("chapter", escaped("chapter-number"));
    e.braced("volumes", escaped("number-of-volumes"));
    e.braced("edition", escaped("edition"));
    e.braced("version", escaped("version"));
    if container != Some(publisher) {
        e.braced(publisher, escaped("publisher"));
    }
    e.braced(if biblatex { "location" } else { "address" }, escaped("publisher-place"));
    e.braced("eventtitle", protected("event-title"));
    e.braced("venue", escaped("event-place"));

    dates(&mut e, item, dialect);

    // A @misc says what it is in `type`: the genre, else the medium ("Television broadcast").
    let medium = if entry_type == "misc" { escaped("medium") } else { None };
    e.braced("type", escaped("genre").or(medium));
    if biblatex {
        let subtype = match csl_type.as_str() {
            "article-newspaper" => Some("newspaper"),
            "article-magazine" => Some("magazine"),
            _ => None,
        };
        e.braced("entrysubtype", subtype.map(str::to_string));
    }
    e.braced("url", text("URL").map(|u| verbatim(&u)));
    e.braced("doi", text("DOI").map(|d| verbatim(&d)));
    e.braced("isbn", escaped("ISBN"));
    e.braced("issn", escaped("ISSN"));
    if let Some(tag) = text("language") {
        let field = if biblatex { "langid" } else { "language" };
        match babel_language(&tag) {
            Some(babel) => e.braced(field, Some(babel.to_string())),
            None => e.braced("language", Some(escape(&tag))),
        }
    }
    if biblatex {
        e.braced("pubstate", escaped("status"));
    }
    e.braced("abstract", escaped("abstract"));
    e.braced("note", escaped("note"));
    e.braced("annotation", escaped("annote"));
    e.braced("keywords", escaped("keyword"));

    let mut out = format!("@{entry_type}{{{key},\n");
    for (name, value) in &e.fields {
        match value {
            Field::Braced(v) => out.push_str(&format!("  {name} = {{{v}}},\n")),
            Field::Macro(m) => out.push_str(&format!("  {name} = {m},\n")),
        }
    }
    out.push_str("}\n");
    out
}

/// The date fields: `date`/`urldate`/`eventdate`/`origdate` in ISO form for BibLaTeX;
/// `year`, `month` and `day` (and an ISO `urldate`, as Zotero writes it) for BibTeX.
fn dates(e: &mut Entry, item: &Value, dialect: Dialect) {
    let issued = csl::date(item, "issued");
    match (dialect, issued) {
        (Dialect::Biblatex, Some(Date::Parts { start, end })) => {
            let range = end.map(|end| format!("/{}", iso(&end))).unwrap_or_default();
            e.braced("date", Some(format!("{}{range}", iso(&start))));
        }
        (Dialect::Bibtex, Some(Date::Parts { start, .. })) => {
            e.braced("year", start.first().map(|y| format!("{y:04}")));
            if let Some(month) = start.get(1).and_then(|&m| MONTHS.get(m as usize - 1)) {
                e.fields.push(("month", Field::Macro(month)));
            }
            e.braced("day", start.get(2).map(i32::to_string));
        }
        // Text such as "Summer 2024" is no ISO date; `year` is where both dialects keep it.
        (_, Some(Date::Text(text))) => e.braced("year", Some(escape(&text))),
        (_, None) => {}
    }
    let variables =
        [("urldate", "accessed"), ("eventdate", "event-date"), ("origdate", "original-date")];
    for (field, variable) in variables {
        if dialect == Dialect::Bibtex && field != "urldate" {
            continue;
        }
        if let Some(Date::Parts { start, .. }) = csl::date(item, variable) {
            e.braced(field, Some(iso(&start)));
        }
    }
}

const MONTHS: [&str; 12] =
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// `2024`, `2024-07` or `2024-07-09`.
fn iso(parts: &[i32]) -> String {
    let mut out = format!("{:04}", parts[0]);
    for part in &parts[1..] {
        out.push_str(&format!("-{part:02}"));
    }
    out
}

/// A URL or DOI: verbatim fields, so nothing is escaped, but a brace would end the field
/// early; braces are percent-encoded, which names the same resource.
fn verbatim(value: &str) -> String {
    value.replace('{', "%7B").replace('}', "%7D")
}

/// "Family, Given" names joined by "and"; a name kept whole is braced so that BibTeX does not
/// split it ("{Korea Institute for National Unification}").
fn name_list(names: &[Name]) -> Option<String> {
    let names: Vec<String> = names.iter().map(name).collect();
    (!names.is_empty()).then(|| names.join(" and "))
}

fn name(name: &Name) -> String {
    match name {
        Name::Literal(literal) => format!("{{{}}}", escape(literal)),
        Name::Person { family, given, particle, suffix } => {
            // A family name alone with several words ("Kim Jong Un" unsplit) must stay whole.
            let alone = given.is_none() && suffix.is_none() && particle.is_none();
            let mut out = match particle {
                Some(p) => format!("{} {}", escape(p), part(family, false)),
                None => part(family, alone),
            };
            if let Some(suffix) = suffix {
                out.push_str(&format!(", {}", part(suffix, false)));
            }
            if let Some(given) = given {
                out.push_str(&format!(", {}", part(given, false)));
            }
            out
        }
    }
}

/// A name part, braced when BibTeX would otherwise split it: at a comma, at " and ", or at
/// any space when `whole`.
fn part(text: &str, whole: bool) -> String {
    let escaped = escape(text);
    let splits = text.contains(',') || text.to_lowercase().split(' ').any(|w| w == "and");
    if splits || (whole && text.contains(' ')) {
        format!("{{{escaped}}}")
    } else {
        escaped
    }
}

/// The babel name of a language tag, which BibLaTeX's `langid` takes.
fn babel_language(tag: &str) -> Option<&'static str> {
    let tag = tag.to_ascii_lowercase().replace('_', "-");
    Some(match tag.as_str() {
        "en-us" => "american",
        "en-gb" => "british",
        _ => match tag.split('-').next()? {
            "en" => "english",
            "ru" => "russian",
            "ko" => "korean",
            "zh" => "chinese",
            "ja" => "japanese",
            "de" => "ngerman",
            "fr" => "french",
            "es" => "spanish",
            "uk" => "ukrainian",
            _ => return None,
        },
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn one(item: Value, dialect: Dialect) -> String {
        bibtex(&[item], &["key".to_string()], dialect)
    }

    /// An entry with these fields, one per line.
    fn entry(entry_type: &str, fields: &[&str]) -> String {
        let fields: String = fields.iter().map(|f| format!("  {f},\n")).collect();
        format!("@{entry_type}{{key,\n{fields}}}\n")
    }

    #[test]
    fn a_signed_newspaper_article() {
        let item = json!({
            "type": "article-newspaper", "title": "North Korea switches state TV satellite",
            "container-title": "South China Morning Post",
            "author": [{"family": "Park", "given": "Chan-kyong"}],
            "issued": {"date-parts": [[2024, 7, 9]]}, "accessed": {"date-parts": [[2024, 7, 10]]},
            "URL": "https://www.scmp.com/a?b=1%20c#d", "language": "en"
        });
        let head = [
            "author = {Park, Chan-kyong}",
            "title = {{North Korea} switches state {TV} satellite}",
        ];
        let biblatex = [
            "journaltitle = {South China Morning Post}",
            "date = {2024-07-09}",
            "urldate = {2024-07-10}",
            "entrysubtype = {newspaper}",
            "url = {https://www.scmp.com/a?b=1%20c#d}",
            "langid = {english}",
        ];
        assert_eq!(
            one(item.clone(), Dialect::Biblatex),
            entry("article", &[&head[..], &biblatex].concat())
        );
        let bibtex = [
            "journal = {South China Morning Post}",
            "year = {2024}",
            "month = jul",
            "day = {9}",
            "urldate = {2024-07-10}",
            "url = {https://www.scmp.com/a?b=1%20c#d}",
            "language = {english}",
        ];
        assert_eq!(one(item, Dialect::Bibtex), entry("article", &[&head[..], &bibtex].concat()));
    }

    #[test]
    fn names_institutions_particles_and_whole_names() {
        let item = json!({"type": "report", "author": [
            {"literal": "Korea Institute for National Unification"},
            {"family": "Berg", "given": "Anneke", "non-dropping-particle": "van der"},
            {"family": "Kim Jong Un"}, {"family": "Smith", "given": "John", "suffix": "Jr."},
            {"literal": "Johnson & Johnson"}
        ]});
        assert!(one(item, Dialect::Biblatex).contains(
            "author = {{Korea Institute for National Unification} and van der Berg, Anneke and \
             {Kim Jong Un} and Smith, Jr., John and {Johnson \\& Johnson}},"
        ));
    }

    #[test]
    fn types_follow_the_dialect() {
        let typed = |t: &str, dialect| one(json!({"type": t, "container-title": "C"}), dialect);
        assert_eq!(typed("webpage", Dialect::Biblatex), entry("online", &["organization = {C}"]));
        assert_eq!(typed("webpage", Dialect::Bibtex), entry("misc", &["howpublished = {C}"]));
        assert_eq!(
            typed("chapter", Dialect::Biblatex),
            entry("incollection", &["booktitle = {{C}}"])
        );
        assert_eq!(typed("interview", Dialect::Biblatex), entry("misc", &["howpublished = {C}"]));
        assert!(typed("report", Dialect::Bibtex).starts_with("@techreport{"));
        assert!(typed("thesis", Dialect::Bibtex).starts_with("@misc{"));
    }

    #[test]
    fn ranges_and_text_dates() {
        let parts = json!([[2024, 6, 18], [2024, 6, 19]]);
        let range = json!({"type": "post-weblog", "issued": {"date-parts": parts}});
        assert_eq!(
            one(range.clone(), Dialect::Biblatex),
            entry("online", &["date = {2024-06-18/2024-06-19}"])
        );
        assert_eq!(
            one(range, Dialect::Bibtex),
            entry("misc", &["year = {2024}", "month = jun", "day = {18}"])
        );
        let season = json!({"type": "book", "issued": {"literal": "Summer 2024"}, "page": "1--2"});
        assert_eq!(
            one(season, Dialect::Biblatex),
            entry("book", &["pages = {1--2}", "year = {Summer 2024}"])
        );
    }
}
