//! Readers that turn imported bytes into clean articles with honest metadata.
//!
//! Only what the input really says is kept: metadata the input does not give stays empty and
//! is reported as missing by [`crate::model::SourceMeta::missing`], never guessed. Every field
//! that is set records where it came from in [`Extracted::provenance`].

mod clip;
pub(crate) mod dates;
mod encoding;
mod feed;
pub mod fetch;
mod html;
mod language;
mod pdf;
mod records;
pub mod similarity;

use std::collections::BTreeMap;

use unicode_normalization::UnicodeNormalization;

use crate::model::{Boilerplate, CslName, SourceMeta, Span};

/// Inputs larger than this are refused rather than read into memory: no article is this big.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the file is empty")]
    Empty,
    #[error("the file looks binary, not text (byte {offset} is a control byte)")]
    Binary { offset: usize },
    #[error("the file is not valid {encoding} text")]
    Encoding { encoding: &'static str },
    #[error("the file is {size} bytes; the limit is {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    #[error("the file has a title but no body text")]
    NoBody,
    #[error(transparent)]
    Pdf(#[from] pdf::Error),
    #[error(transparent)]
    Html(#[from] html::Error),
    #[error(transparent)]
    Records(#[from] records::Error),
    #[error(transparent)]
    Feed(#[from] feed::Error),
}

pub type Result<T> = std::result::Result<T, Error>;

/// One cleaned article (or, for bibliographic records, a source with no text yet), ready for
/// quote extraction and storage.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    pub media_type: &'static str,
    pub title: String,
    pub paragraphs: Vec<String>,
    /// For paged inputs (PDF): the 1-based page each paragraph starts on; empty otherwise.
    pub pages: Vec<u32>,
    pub boilerplate: Vec<Boilerplate>,
    pub source: SourceMeta,
    /// Where each set CSL field came from ("json-ld", "meta citation_date", "dateline", ...).
    pub provenance: BTreeMap<String, String>,
    pub language: Option<String>,
}

impl Extracted {
    /// The stored body text: paragraphs joined by a blank line, with each paragraph's char span.
    pub fn body(&self) -> (String, Vec<Span>) {
        let mut body = String::new();
        let mut spans = Vec::with_capacity(self.paragraphs.len());
        let mut at = 0;
        for (i, p) in self.paragraphs.iter().enumerate() {
            if i > 0 {
                body.push_str("\n\n");
                at += 2;
            }
            let len = p.chars().count();
            body.push_str(p);
            spans.push(Span { start: at, end: at + len });
            at += len;
        }
        (body, spans)
    }

    /// Sets a metadata field's provenance; readers call it for every field they fill.
    pub fn from_origin(&mut self, field: &str, origin: &str) {
        self.provenance.insert(field.to_string(), origin.to_string());
    }
}

thread_local! {
    static CONTAINED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs third-party parsing code that may panic on hostile input (the PDF and readability
/// crates). A panic becomes `None` and prints nothing, so the caller's error stays the one
/// line the user sees; panics anywhere else still print as usual.
pub(crate) fn contain_panic<T>(work: impl FnOnce() -> T) -> Option<T> {
    static QUIET_HOOK: std::sync::Once = std::sync::Once::new();
    QUIET_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !CONTAINED.with(std::cell::Cell::get) {
                previous(info);
            }
        }));
    });
    let outer = CONTAINED.with(|c| c.replace(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
    CONTAINED.with(|c| c.set(outer));
    result.ok()
}

/// The formats an import can be, told apart by content first and file name second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    TextClip,
    Html,
    Pdf,
    BibTex,
    Ris,
    CslJson,
    Feed,
}

pub fn sniff(bytes: &[u8], file_name: Option<&str>) -> Format {
    if bytes.starts_with(b"%PDF-") {
        return Format::Pdf;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_lowercase();
    let head = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if head.starts_with('<') {
        if ["<rss", "<feed", "<rdf:rdf"].iter().any(|tag| head.contains(tag)) {
            return Format::Feed;
        }
        if ["<!doctype html", "<html", "<head", "<body", "<meta", "<article"]
            .iter()
            .any(|tag| head.contains(tag))
        {
            return Format::Html;
        }
    }
    if looks_like_json(head) {
        return Format::CslJson;
    }
    if head.lines().take(5).any(|l| l.starts_with("ty  - ")) {
        return Format::Ris;
    }
    if looks_like_bibtex(head) {
        return Format::BibTex;
    }
    let extension =
        file_name.and_then(|n| n.rsplit_once('.')).map(|(_, ext)| ext.to_ascii_lowercase());
    match extension.as_deref() {
        Some("pdf") => Format::Pdf,
        Some("html" | "htm" | "xhtml") => Format::Html,
        Some("bib" | "bibtex") => Format::BibTex,
        Some("ris") => Format::Ris,
        Some("json") => Format::CslJson,
        Some("rss" | "atom" | "xml") => Format::Feed,
        _ => Format::TextClip,
    }
}

/// The `encoding="…"` of an XML declaration (feeds in Windows-1251 or EUC-KR say so there).
fn xml_declared_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).into_owned();
    let declaration = head.trim_start_matches('\u{feff}').strip_prefix("<?xml")?;
    let declaration = &declaration[..declaration.find("?>")?];
    let value = declaration.split("encoding=").nth(1)?;
    let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    Some(value[1..].split(quote).next()?.to_string())
}

/// A JSON array of objects or an object: the first mark, then (past any space) what must
/// follow it. "[분석] …", a headline's bracketed label, is not JSON.
fn looks_like_json(head: &str) -> bool {
    let mut chars = head.chars();
    let follows = match chars.next() {
        Some('[') => ['{', ']'],
        Some('{') => ['"', '}'],
        _ => return false,
    };
    chars.find(|c| !c.is_whitespace()).is_some_and(|c| follows.contains(&c))
}

/// An entry such as `@article{key,` or `@online(key,` on one of the first lines.
fn looks_like_bibtex(head: &str) -> bool {
    head.lines().take(20).map(str::trim_start).any(|line| {
        line.strip_prefix('@').is_some_and(|rest| {
            let kind_len = rest.chars().take_while(char::is_ascii_alphabetic).count();
            kind_len > 0 && rest[kind_len..].trim_start().starts_with(['{', '('])
        })
    })
}

/// Reads one imported file into the articles (or records) it holds.
pub fn read(bytes: &[u8], file_name: Option<&str>) -> Result<Vec<Extracted>> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(Error::TooLarge { size: bytes.len(), limit: MAX_INPUT_BYTES });
    }
    let mut out = match sniff(bytes, file_name) {
        Format::TextClip => vec![read_clip(bytes)?],
        Format::Pdf => vec![pdf::read(bytes)?],
        Format::Html => {
            let declared = html::declared_charset(bytes);
            vec![html::read(&encoding::decode(bytes, declared.as_deref())?)?]
        }
        Format::BibTex => records::read_bibtex(&encoding::decode(bytes, None)?)?,
        Format::Ris => records::read_ris(&encoding::decode(bytes, None)?)?,
        Format::CslJson => records::read_csl_json(&encoding::decode(bytes, None)?)?,
        Format::Feed => {
            feed::read(&encoding::decode(bytes, xml_declared_charset(bytes).as_deref())?)?
        }
    };
    for doc in &mut out {
        finish(doc);
    }
    Ok(out)
}

/// An import's bytes as text, decoded as its reader decodes them: a page's or feed's declared
/// charset first, then detection among the field's encodings.
pub fn decode(bytes: &[u8], file_name: Option<&str>) -> Result<String> {
    let declared = match sniff(bytes, file_name) {
        Format::Html => html::declared_charset(bytes),
        Format::Feed => xml_declared_charset(bytes),
        _ => None,
    };
    encoding::decode(bytes, declared.as_deref())
}

fn read_clip(bytes: &[u8]) -> Result<Extracted> {
    let text = encoding::decode(bytes, None)?;
    let clip = clip::parse(&text)?;
    let mut doc = Extracted {
        media_type: "text/plain",
        source: SourceMeta {
            csl_type: "article-newspaper".to_string(),
            title: Some(clip.title.clone()),
            ..SourceMeta::default()
        },
        title: clip.title,
        paragraphs: clip.paragraphs,
        boilerplate: clip.boilerplate,
        ..Extracted::default()
    };
    doc.from_origin("title", "clip title line");
    if let Some(names) = clip.byline {
        // Names stay as printed: "Park Chan-kyong" is family name first, so no splitting.
        doc.source.author =
            names.into_iter().map(|n| CslName { literal: Some(n), ..CslName::default() }).collect();
        doc.from_origin("author", "byline");
    }
    if let Some(source) = clip.source {
        doc.source.container_title = Some(source);
        doc.from_origin("container-title", "clip source line");
    }
    if let Some(published) = clip.published {
        doc.source.issued = Some(published.date);
        // CSL dates have no time of day; the printed time and zone are kept with the origin.
        let at: Vec<String> = [published.time, published.zone].into_iter().flatten().collect();
        let origin = if at.is_empty() {
            "clip date line".to_string()
        } else {
            format!("clip date line ({})", at.join(" "))
        };
        doc.from_origin("issued", &origin);
    }
    if let Some(dateline) = clip.dateline {
        doc.source.extra.insert("event-place".into(), dateline.place.into());
        doc.from_origin("event-place", "dateline");
        // The agency is who wrote it, not necessarily where it ran (a Yonhap story reprinted
        // by the Korea Herald): publisher, never container-title. Its date has no year, so it
        // never becomes `issued`.
        if let Some(agency) = dateline.agency {
            doc.source.publisher = Some(agency);
            doc.from_origin("publisher", "dateline");
        }
    }
    Ok(doc)
}

/// What every reader's output gets: NFC text, so the same words always index and compare the
/// same (quotation marks and apostrophes stay as printed), and a language when none was given.
fn finish(doc: &mut Extracted) {
    let nfc = |s: &str| -> String { s.nfc().collect() };
    doc.title = nfc(&doc.title);
    for p in &mut doc.paragraphs {
        *p = nfc(p);
    }
    if let Some(title) = &doc.source.title {
        doc.source.title = Some(nfc(title));
    }
    if doc.language.is_none() {
        let sample: String = doc.paragraphs.join("\n");
        doc.language = language::detect(if sample.is_empty() { &doc.title } else { &sample });
    }
    if doc.source.language.is_none() && doc.language.is_some() {
        doc.source.language = doc.language.clone();
        doc.from_origin("language", "detected");
    }
}

#[cfg(test)]
mod tests {
    use super::{contain_panic, sniff, Format};

    #[test]
    fn a_contained_panic_is_none_and_leaves_later_work_alone() {
        assert_eq!(contain_panic(|| -> u8 { panic!("hostile input") }), None);
        assert_eq!(contain_panic(|| 7), Some(7));
    }

    #[test]
    fn formats_are_told_apart_by_content_before_name() {
        assert_eq!(sniff(b"%PDF-1.7 ...", Some("report.txt")), Format::Pdf);
        assert_eq!(sniff(b"<!DOCTYPE html><html>", None), Format::Html);
        assert_eq!(sniff(b"<?xml version=\"1.0\"?><rss>", Some("feed.html")), Format::Feed);
        assert_eq!(sniff(b"@article{kim2024,\n title={T}}", None), Format::BibTex);
        assert_eq!(sniff(b"TY  - NEWS\r\nTI  - T\r\nER  - \r\n", None), Format::Ris);
        assert_eq!(sniff(b"[{\"type\": \"book\"}]", None), Format::CslJson);
        // A headline opening with a bracketed label is a clip, not JSON.
        assert_eq!(sniff("[분석] 북한, 나선항\n\n본문".as_bytes(), None), Format::TextClip);
        assert_eq!(sniff(b"{Exclusive} Rason port\n\nText", None), Format::TextClip);
        assert_eq!(sniff(b"A title\n\nA paragraph.", Some("notes.bib")), Format::BibTex);
        assert_eq!(sniff(b"A title\n\nSaid @someone on X.", None), Format::TextClip);
    }
}
