//! The metadata a page declares about itself, each field from the most trusted source that
//! gives it, with that source recorded; a field no source gives stays empty.
//!
//! Order of trust: JSON-LD (written for search engines, usually complete), `citation_*`
//! (Google Scholar's tags), Dublin Core, OpenGraph (written for social cards, often with
//! the site name glued to the title), then what the markup shows (`<time>`, bylines,
//! `<title>`, `<h1>`), then what the browser that saved the page wrote into it.

use std::collections::HashMap;

use dom_query::Document;

use super::jsonld::{self, is_web_url, LdArticle};
use super::{dates, names};
use crate::ingest::Extracted;
use crate::model::{CslDate, CslName};

/// A byline longer than this is a paragraph that happens to have "author" in its class.
const MAX_BYLINE: usize = 120;

/// A field's value and where it came from.
type Sourced<T> = Option<(T, String)>;

/// `<meta>` tags by lowercased `name` / `property` / `http-equiv`, values in page order.
struct Tags(HashMap<String, Vec<String>>);

impl Tags {
    fn of(page: &Document) -> Tags {
        let mut map: HashMap<String, Vec<String>> = HashMap::new();
        for tag in page.select("meta[content]").nodes() {
            let key = ["name", "property", "http-equiv"].iter().find_map(|a| tag.attr(a));
            let (Some(key), Some(content)) = (key, tag.attr("content")) else { continue };
            let content = plain(&content);
            if !content.is_empty() {
                map.entry(key.trim().to_lowercase()).or_default().push(content);
            }
        }
        Tags(map)
    }

    /// All values of the first of `keys` the page has, and that key as the origin.
    fn all(&self, keys: &[&str]) -> Sourced<Vec<String>> {
        keys.iter()
            .find_map(|k| self.0.get(&k.to_lowercase()).map(|v| (v.clone(), format!("meta {k}"))))
    }

    fn one(&self, keys: &[&str]) -> Sourced<String> {
        self.all(keys).and_then(|(v, origin)| v.into_iter().next().map(|v| (v, origin)))
    }
}

/// Fills `doc.source` (and its provenance) from what `page` declares; `raw` is the page
/// text, for the comments a browser writes when saving.
pub fn fill(page: &Document, raw: &str, doc: &mut Extracted) {
    let tags = Tags::of(page);
    let ld = jsonld::article(page);
    let ld = ld.as_ref();
    let sites = site_names(&tags, ld);
    set_type(doc, ld, &tags);
    set(doc, "title", title(page, &tags, ld, &sites), |doc, v| doc.source.title = Some(v));
    set(doc, "container-title", container(&tags, ld), |doc, v| {
        doc.source.container_title = Some(v)
    });
    set(doc, "author", authors(page, &tags, ld, &sites), |doc, v| doc.source.author = v);
    set(doc, "issued", issued(page, &tags, ld), |doc, v| doc.source.issued = Some(v));
    set(doc, "URL", url(page, raw, &tags, ld), |doc, v| doc.source.url = Some(v));
    set(doc, "accessed", saved_date(raw), |doc, v| doc.source.accessed = Some(v));
    set(doc, "language", language(page, &tags, ld), |doc, v| doc.source.language = Some(v));
    fill_scholarly(&tags, doc);
}

/// The fields journal pages add through `citation_*`, Dublin Core and PRISM tags.
fn fill_scholarly(tags: &Tags, doc: &mut Extracted) {
    let doi = tags
        .one(&["citation_doi", "prism.doi"])
        .or_else(|| tags.one(&["DC.identifier"]))
        .and_then(|(v, origin)| doi(&v).map(|d| (d, origin)));
    set(doc, "DOI", doi, |doc, v| doc.source.doi = Some(v));
    let publisher = tags.one(&["citation_publisher", "DC.publisher", "DCTERMS.publisher"]);
    set(doc, "publisher", publisher, |doc, v| doc.source.publisher = Some(v));
    let volume = tags.one(&["citation_volume", "prism.volume"]);
    set(doc, "volume", volume, |doc, v| doc.source.volume = Some(v));
    let issue = tags.one(&["citation_issue", "prism.number"]);
    set(doc, "issue", issue, |doc, v| doc.source.issue = Some(v));
    set(doc, "page", pages(tags), |doc, v| doc.source.page = Some(v));
}

fn from_ld(ld: Option<&LdArticle>, field: fn(&LdArticle) -> Option<String>) -> Sourced<String> {
    ld.and_then(field).map(|v| (v, "json-ld".to_string()))
}

fn title(
    page: &Document,
    tags: &Tags,
    ld: Option<&LdArticle>,
    sites: &[String],
) -> Sourced<String> {
    from_ld(ld, |l| l.headline.clone())
        .or_else(|| tags.one(&["citation_title"]))
        .or_else(|| tags.one(&["DC.title", "DCTERMS.title"]))
        .or_else(|| tags.one(&["og:title", "twitter:title"]))
        .map(|(t, origin)| (strip_site(&t, sites, false), origin))
        .or_else(|| {
            element_text(page, "head title")
                .map(|t| (strip_site(&t, sites, true), "title element".to_string()))
        })
        .or_else(|| element_text(page, "h1").map(|t| (t, "h1 heading".to_string())))
}

/// The newspaper, journal or site the page belongs to.
fn container(tags: &Tags, ld: Option<&LdArticle>) -> Sourced<String> {
    from_ld(ld, |l| l.publisher.clone())
        .or_else(|| tags.one(&["citation_journal_title", "citation_conference_title"]))
        .or_else(|| tags.one(&["og:site_name"]))
}

/// A page whose first paragraph opens with a wire dateline ("SEOUL, July 1 (Yonhap) --")
/// is news even when its markup does not say so.
pub fn note_dateline(first: &str, doc: &mut Extracted) {
    if doc.source.csl_type == "webpage" && is_dateline(first) {
        doc.source.csl_type = "article-newspaper".to_string();
        doc.from_origin("type", "dateline");
    }
}

fn set<T>(
    doc: &mut Extracted,
    field: &str,
    found: Sourced<T>,
    put: impl FnOnce(&mut Extracted, T),
) {
    if let Some((value, origin)) = found {
        put(doc, value);
        doc.from_origin(field, &origin);
    }
}

fn set_type(doc: &mut Extracted, ld: Option<&LdArticle>, tags: &Tags) {
    let (csl_type, origin) = if let Some(ld) = ld.filter(|l| l.is_news()) {
        ("article-newspaper", format!("json-ld {}", ld.kind))
    } else if let Some((_, origin)) = tags.one(&["citation_journal_title"]) {
        ("article-journal", origin)
    } else if let Some((_, origin)) =
        tags.one(&["news_keywords", "original-source", "syndication-source"])
    {
        ("article-newspaper", origin)
    } else {
        ("webpage", "default".to_string())
    };
    doc.source.csl_type = csl_type.to_string();
    doc.from_origin("type", &origin);
}

/// Names the page gives its site, to cut from the end of titles.
fn site_names(tags: &Tags, ld: Option<&LdArticle>) -> Vec<String> {
    let mut names: Vec<String> = ld.and_then(|l| l.publisher.clone()).into_iter().collect();
    for key in ["og:site_name", "application-name", "citation_journal_title"] {
        names.extend(tags.one(&[key]).map(|(v, _)| v));
    }
    names
}

/// "Headline | Site" → "Headline". A known site name is cut after any separator; in a
/// `<title>` with no known site name, only a last " | " part is cut, since dashes and colons
/// also occur inside headlines ("China-Russia ties: a review").
fn strip_site(title: &str, sites: &[String], is_title_element: bool) -> String {
    const SEPARATORS: [&str; 6] = [" | ", " - ", " – ", " — ", " :: ", " · "];
    for sep in SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let known = sites.iter().any(|s| s.eq_ignore_ascii_case(tail.trim()));
            if !head.trim().is_empty() && (known || (is_title_element && sep == " | ")) {
                return strip_site(head.trim(), sites, is_title_element);
            }
        }
    }
    title.trim().to_string()
}

fn authors(
    page: &Document,
    tags: &Tags,
    ld: Option<&LdArticle>,
    sites: &[String],
) -> Sourced<Vec<CslName>> {
    let from_tags = |keys: &[&str]| {
        tags.all(keys).and_then(|(values, origin)| {
            let names: Vec<CslName> = values
                .iter()
                .filter(|v| !sites.iter().any(|s| s.eq_ignore_ascii_case(v)))
                .filter_map(|v| names::from_text(v))
                .collect();
            (!names.is_empty()).then_some((names, origin))
        })
    };
    ld.filter(|l| !l.authors.is_empty())
        .map(|l| (l.authors.clone(), "json-ld".to_string()))
        .or_else(|| from_tags(&["citation_author"]))
        .or_else(|| from_tags(&["DC.creator", "DCTERMS.creator"]))
        .or_else(|| from_tags(&["author"]))
        .or_else(|| byline(page, sites))
}

/// The names in a byline element: `rel=author` links first, then `itemprop=author`, then
/// elements whose class mentions a byline or an author.
fn byline(page: &Document, sites: &[String]) -> Sourced<Vec<CslName>> {
    const PLACES: [(&str, &str); 3] = [
        ("a[rel~=author]", "byline rel=author"),
        ("[itemprop~=author]", "byline itemprop=author"),
        ("[class*=byline], [class*=Byline], [class*=author], [class*=Author]", "byline class"),
    ];
    PLACES.iter().find_map(|(selector, origin)| {
        page.select(selector).nodes().iter().find_map(|node| {
            let text = collapse(&node.text());
            if text.is_empty() || text.chars().count() > MAX_BYLINE {
                return None;
            }
            let names = byline_names(&text, sites);
            (!names.is_empty()).then(|| (names, origin.to_string()))
        })
    })
}

/// "By Kim Tong-hyung and Hyung-jin Kim, AP" → the two people; roles, outlets and the
/// Korean "기자" (reporter) title dropped.
fn byline_names(text: &str, sites: &[String]) -> Vec<CslName> {
    let text = ["By ", "by ", "BY ", "Written by ", "Reporting by "]
        .iter()
        .find_map(|p| text.strip_prefix(p))
        .unwrap_or(text);
    text.split([',', ';', '&', '|', '·', '/'])
        .flat_map(|part| part.split(" and "))
        .map(|part| part.trim().trim_end_matches("기자").trim_end_matches("특파원").trim())
        .filter(|part| !part.is_empty() && !part.chars().any(|c| c.is_ascii_digit()))
        .filter(|part| {
            part.split_whitespace().count() <= 4
                && !sites.iter().any(|s| s.eq_ignore_ascii_case(part))
        })
        .filter_map(names::from_text)
        .filter(|name| {
            name.literal.as_deref().is_none_or(|l| l.contains(' ') || l.chars().any(names::is_cjk))
        })
        .collect()
}

fn issued(page: &Document, tags: &Tags, ld: Option<&LdArticle>) -> Sourced<CslDate> {
    let parsed = |found: Sourced<String>| {
        found.and_then(|(v, origin)| dates::parse(&v).map(|d| (d, origin)))
    };
    parsed(ld.and_then(|l| l.date_published.clone()).map(|d| (d, "json-ld".to_string())))
        .or_else(|| parsed(tags.one(&["citation_publication_date"])))
        .or_else(|| parsed(tags.one(&["citation_date"])))
        .or_else(|| {
            parsed(tags.one(&["DC.date", "DCTERMS.issued", "DCTERMS.date", "DC.date.issued"]))
        })
        .or_else(|| parsed(tags.one(&["article:published_time"])))
        .or_else(|| parsed(time_element(page)))
}

/// The publication `<time datetime>`: one marked as such, else the first inside the
/// `<article>`, else the first on the page.
fn time_element(page: &Document) -> Sourced<String> {
    [
        "time[itemprop~=datePublished][datetime], time[pubdate][datetime]",
        "article time[datetime]",
        "time[datetime]",
    ]
    .iter()
    .find_map(|sel| page.select(sel).nodes().first().and_then(|t| t.attr("datetime")))
    .map(|v| (v.to_string(), "time element".to_string()))
}

fn url(page: &Document, raw: &str, tags: &Tags, ld: Option<&LdArticle>) -> Sourced<String> {
    let web = |found: Sourced<String>| found.filter(|(v, _)| is_web_url(v));
    web(ld.and_then(|l| l.url.clone()).map(|u| (u, "json-ld".to_string())))
        .or_else(|| {
            web(tags.one(&[
                "citation_public_url",
                "citation_abstract_html_url",
                "citation_fulltext_html_url",
            ]))
        })
        .or_else(|| web(tags.one(&["DC.identifier", "DCTERMS.identifier"])))
        .or_else(|| web(tags.one(&["og:url"])))
        .or_else(|| {
            web(page
                .select("link[rel~=canonical][href]")
                .attr("href")
                .map(|h| (h.trim().to_string(), "link canonical".to_string())))
        })
        .or_else(|| web(saved_from(raw)))
}

/// Browsers and SingleFile record the address a page was saved from in a leading comment:
/// `<!-- saved from url=(0042)https://... -->` or SingleFile's ` url: https://...`.
fn saved_from(raw: &str) -> Sourced<String> {
    let head = comment_head(raw);
    if let Some(at) = head.find("saved from url=(") {
        let rest = &head[at + "saved from url=(".len()..];
        let rest = rest.split_once(')')?.1;
        return Some((first_word(rest), "saved-from comment".to_string()));
    }
    let at = head.find("Page saved with SingleFile")?;
    let line = head[at..].lines().find_map(|l| l.trim().strip_prefix("url:"))?;
    Some((first_word(line), "SingleFile comment".to_string()))
}

/// SingleFile also records when the page was saved: the accessed date of a web citation.
fn saved_date(raw: &str) -> Sourced<CslDate> {
    let head = comment_head(raw);
    let at = head.find("Page saved with SingleFile")?;
    let line = head[at..].lines().find_map(|l| l.trim().strip_prefix("saved date:"))?;
    // SingleFile writes JavaScript's Date string: "Tue Jul 02 2024 10:00:00 GMT+0900 (…)".
    let words: Vec<&str> = line.split_whitespace().collect();
    let date = match words.as_slice() {
        [_weekday, month, day, year, ..] => format!("{month} {day}, {year}"),
        _ => line.to_string(),
    };
    dates::parse(&date).map(|d| (d, "SingleFile comment".to_string()))
}

/// The first few KB, where saving tools put their comments.
fn comment_head(raw: &str) -> &str {
    let mut end = raw.len().min(4096);
    while !raw.is_char_boundary(end) {
        end -= 1;
    }
    &raw[..end]
}

fn first_word(text: &str) -> String {
    text.split_whitespace().next().unwrap_or_default().trim_end_matches("-->").to_string()
}

fn language(page: &Document, tags: &Tags, ld: Option<&LdArticle>) -> Sourced<String> {
    // Each source is checked on its own: a JSON-LD "English" must not hide `<html lang="en">`.
    let tag = |found: Sourced<String>| {
        found
            .map(|(l, origin)| (l.trim().replace('_', "-"), origin))
            .filter(|(l, _)| is_language_tag(l))
    };
    tag(ld.and_then(|l| l.language.clone()).map(|l| (l, "json-ld".to_string())))
        .or_else(|| tag(tags.one(&["citation_language", "DC.language", "DCTERMS.language"])))
        .or_else(|| {
            tag(page
                .select("html[lang]")
                .attr("lang")
                .map(|l| (l.to_string(), "html lang".to_string())))
        })
        .or_else(|| tag(tags.one(&["og:locale", "content-language"])))
}

/// BCP 47 shape: letters and digits in hyphen-joined parts, starting with a 2–3 letter code.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// `10.1234/abc` from the forms pages write: bare, `doi:`-prefixed or as a doi.org link.
fn doi(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let at = lower.find("10.")?;
    let prefix = lower[..at].trim();
    let plausible = prefix.is_empty() || prefix == "doi:" || prefix.ends_with("doi.org/");
    (plausible && text[at..].contains('/')).then(|| text[at..].trim().to_string())
}

fn pages(tags: &Tags) -> Sourced<String> {
    let (first, origin) = tags.one(&["citation_firstpage"])?;
    match tags.one(&["citation_lastpage"]) {
        Some((last, _)) if last != first => Some((format!("{first}-{last}"), origin)),
        _ => Some((first, origin)),
    }
}

fn element_text(page: &Document, selector: &str) -> Option<String> {
    let text = collapse(&page.select(selector).nodes().first()?.text());
    (!text.is_empty()).then_some(text)
}

/// "SEOUL, July 1 (Yonhap) --", "BEIJING (Reuters) -": a capitalised place, an optional
/// date, an agency in parentheses, then a dash; or Korean wire copy's "(서울=연합뉴스)".
fn is_dateline(paragraph: &str) -> bool {
    let head: String = paragraph.chars().take(80).collect();
    let Some((before, after)) = head.split_once('(') else { return false };
    let Some((agency, rest)) = after.split_once(')') else { return false };
    if before.is_empty() {
        return agency.contains('=') && agency.chars().any(super::names::is_cjk);
    }
    let place = before.split(',').next().unwrap_or_default().trim();
    place.chars().count() >= 3
        && place.chars().all(|c| c.is_uppercase() || c == ' ' || c == '-')
        && !agency.trim().is_empty()
        && ["--", "—", "–", "-"].iter().any(|d| rest.trim_start().starts_with(d))
}

/// Attribute and JSON text as a reader sees it: entities decoded, tags dropped, whitespace
/// collapsed.
pub fn plain(text: &str) -> String {
    if text.contains(['&', '<']) {
        collapse(&Document::fragment(text).text())
    } else {
        collapse(text)
    }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
