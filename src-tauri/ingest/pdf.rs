//! PDF reader: paragraphs with their pages, running headers set apart, Info and XMP metadata.
//!
//! Two crates do the parsing. `lopdf` 0.47 loads the file first: it bounds every stream it
//! decompresses, repairs damaged cross-reference tables, tells encryption apart, and gives the
//! Info dictionary and the XMP packet. `pdf-extract` 0.12 then runs the page content and reports
//! each glyph with its position and size, which is what paragraphs, reading order and running
//! headers are found from (lopdf's own text extraction gives strings without positions).
//! `pdf-extract` brings its own older lopdf, which decompresses without limit and unwraps freely
//! on malformed files, so it only ever sees a file lopdf 0.47 has already accepted and measured,
//! and it runs inside `ingest::contain_panic`.

use std::collections::{HashMap, HashSet};

use super::Extracted;
use crate::model::{Boilerplate, BoilerplateKind, CslDate, CslName, SourceMeta};

/// Documents longer than this are refused rather than half read: no report is this long, and
/// layout analysis of a bigger one would hold up a whole import batch.
pub const MAX_PAGES: usize = 2_000;
/// A stream that decompresses beyond this, or streams that together do beyond four times it,
/// are refused: real page content is kilobytes, and a crafted stream inflates a thousandfold.
const MAX_STREAM: usize = 32 * 1024 * 1024;
/// Glyphs beyond this are not collected; the document is refused as too large instead.
const MAX_GLYPHS: usize = 20_000_000;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the PDF is damaged or truncated ({0})")]
    Damaged(String),
    #[error("the PDF is encrypted")]
    Encrypted,
    #[error("the PDF has no text layer (a scan?)")]
    NoText,
    #[error("the PDF is too large to read ({0})")]
    TooLarge(String),
}

/// Reads a PDF's text and metadata. Never panics on bad input.
pub fn read(bytes: &[u8]) -> Result<Extracted, Error> {
    let trimmed = bytes.trim_ascii_start();
    if !trimmed.starts_with(b"%PDF-") {
        return Err(Error::Damaged("no %PDF header".to_string()));
    }
    let doc = super::contain_panic(|| lopdf::Document::load_mem(bytes))
        .ok_or_else(|| Error::Damaged("the parser gave up".to_string()))?
        .map_err(|e| Error::Damaged(e.to_string()))?;
    // lopdf opens files with an empty user password (permissions only) by itself; one that
    // is still locked needs a password the user would have to give.
    if doc.is_encrypted() && !doc.was_encrypted() {
        return Err(Error::Encrypted);
    }
    let page_ids = doc.get_pages();
    if page_ids.is_empty() {
        return Err(Error::Damaged("no pages".to_string()));
    }
    if page_ids.len() > MAX_PAGES {
        return Err(Error::TooLarge(format!("{} pages; the limit is {MAX_PAGES}", page_ids.len())));
    }
    check_streams(&doc)?;

    let pages = layout::glyph_lines(bytes)?;
    if pages.iter().all(|p| p.lines.iter().all(|l| l.text.trim().is_empty())) {
        return Err(Error::NoText);
    }
    let meta = metadata::read(&doc);
    Ok(assemble(pages, meta))
}

/// Decompresses, within bounds, every stream the text extractor may decode (all but images),
/// because the extractor's own parser has no bound.
fn check_streams(doc: &lopdf::Document) -> Result<(), Error> {
    let mut total = 0usize;
    for obj in doc.objects.values() {
        let Ok(stream) = obj.as_stream() else { continue };
        if stream.dict.get(b"Subtype").and_then(|s| s.as_name()).is_ok_and(|s| s == b"Image") {
            continue;
        }
        match stream.decompressed_content_with_limit(MAX_STREAM) {
            Ok(data) => total += data.len(),
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            })) => {
                return Err(Error::TooLarge(format!(
                    "a stream decompresses to over {MAX_STREAM} bytes"
                )));
            }
            // Undecodable streams are the extractor's to skip; they cannot inflate.
            Err(_) => total += stream.content.len(),
        }
        if total > 4 * MAX_STREAM {
            return Err(Error::TooLarge(format!(
                "the streams decompress to over {} bytes",
                4 * MAX_STREAM
            )));
        }
    }
    Ok(())
}

/// Turns positioned lines and metadata into the reader's output.
fn assemble(pages: Vec<layout::Page>, meta: metadata::Meta) -> Extracted {
    let (body, removed) = layout::split_running(&pages);
    let mut paras = layout::paragraphs(&body);
    let mut doc = Extracted {
        media_type: "application/pdf",
        source: SourceMeta { csl_type: "report".to_string(), ..SourceMeta::default() },
        ..Extracted::default()
    };
    doc.boilerplate = removed
        .into_iter()
        .map(|text| Boilerplate { kind: BoilerplateKind::Notice, text })
        .collect();

    // The cover title is among the first few paragraphs of page 1, in the largest type.
    let cover: Vec<usize> = (0..paras.len().min(3)).filter(|&i| paras[i].page == 1).collect();
    match meta.title {
        Some((title, origin)) => {
            // The title printed on the cover is not body text; drop it when it is the same title.
            if let Some(i) = cover.iter().copied().find(|&i| same_words(&paras[i].text, &title)) {
                paras.remove(i);
            }
            doc.title = title.clone();
            doc.source.title = Some(title);
            doc.from_origin("title", origin);
        }
        None => {
            let largest =
                cover
                    .iter()
                    .copied()
                    .reduce(|a, b| if paras[b].size > paras[a].size { b } else { a });
            if let Some(i) = largest.filter(|&i| looks_like_title(&paras[i].text)) {
                let title = paras.remove(i).text;
                doc.title = title.clone();
                doc.source.title = Some(title);
                doc.from_origin("title", "first page");
            }
        }
    }
    if !meta.authors.is_empty() {
        doc.source.author = meta.authors.into_iter().map(|n| name(&n)).collect();
        doc.from_origin("author", meta.authors_origin);
    }
    if let Some((date, origin)) = meta.issued {
        doc.source.issued = Some(date);
        doc.from_origin("issued", origin);
    }
    if let Some((doi, origin)) = meta.doi {
        doc.source.doi = Some(doi);
        doc.from_origin("DOI", origin);
    }
    if let Some((subject, origin)) = meta.subject {
        doc.source.abstract_ = Some(subject);
        doc.from_origin("abstract", origin);
    }
    doc.paragraphs = paras.iter().map(|p| p.text.clone()).collect();
    doc.pages = paras.iter().map(|p| p.page).collect();
    doc
}

/// A heading, not a sentence: short, and not ending as prose does.
fn looks_like_title(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=25).contains(&words)
        && text.chars().count() <= 200
        && !text.ends_with(['.', ',', ';', ':'])
        && text.chars().any(char::is_alphabetic)
}

fn same_words(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
    };
    norm(a) == norm(b)
}

/// A CSL name from one metadata author. "Family, Given" is split as written; anything else
/// (institutions, names in Korean or Chinese order) stays whole, since splitting would guess.
fn name(author: &str) -> CslName {
    let parts: Vec<&str> = author.split(',').map(str::trim).collect();
    match parts.as_slice() {
        [family, given]
            if !family.is_empty()
                && !given.is_empty()
                && family.split_whitespace().count() <= 3
                && given.split_whitespace().count() <= 3 =>
        {
            CslName {
                family: Some(family.to_string()),
                given: Some(given.to_string()),
                ..CslName::default()
            }
        }
        _ => CslName { literal: Some(author.to_string()), ..CslName::default() },
    }
}

mod layout {
    //! Glyphs to lines, lines to paragraphs, and running headers and footers found by repetition.

    use super::*;

    /// One text line as printed: `y` is the baseline's distance from the top of the page.
    #[derive(Debug, Clone)]
    pub struct Line {
        pub y: f64,
        pub size: f64,
        pub text: String,
        end: f64,
    }

    impl Line {
        #[cfg(test)]
        pub fn new(y: f64, size: f64, text: &str) -> Line {
            Line { y, size, text: text.to_string(), end: 0.0 }
        }
    }

    #[derive(Debug, Clone)]
    pub struct Page {
        pub number: u32,
        pub height: f64,
        pub lines: Vec<Line>,
    }

    #[derive(Debug, Clone, PartialEq)]
    pub struct Para {
        pub page: u32,
        /// The largest type size in the paragraph.
        pub size: f64,
        pub text: String,
    }

    /// Collects glyphs into lines in content order: a glyph starts a new line when it leaves
    /// the current baseline or jumps back to the left.
    #[derive(Default)]
    struct Collector {
        pages: Vec<Page>,
        top: f64,
        glyphs: usize,
        over_budget: bool,
    }

    impl pdf_extract::OutputDev for Collector {
        fn begin_page(
            &mut self,
            number: u32,
            media_box: &pdf_extract::MediaBox,
            _art_box: Option<(f64, f64, f64, f64)>,
        ) -> Result<(), pdf_extract::OutputError> {
            self.top = media_box.ury;
            let height = (media_box.ury - media_box.lly).abs();
            self.pages.push(Page { number, height, lines: Vec::new() });
            Ok(())
        }

        fn end_page(&mut self) -> Result<(), pdf_extract::OutputError> {
            Ok(())
        }

        fn output_character(
            &mut self,
            trm: &pdf_extract::Transform,
            width: f64,
            _spacing: f64,
            font_size: f64,
            text: &str,
        ) -> Result<(), pdf_extract::OutputError> {
            self.glyphs += 1;
            if self.glyphs > MAX_GLYPHS {
                self.over_budget = true;
                return Err(pdf_extract::OutputError::FormatError(std::fmt::Error));
            }
            // The rendered size is the font size scaled by the text matrix (as pdf-extract's
            // own plain-text writer computes it).
            let vx = font_size * (trm.m11 + trm.m21);
            let vy = font_size * (trm.m12 + trm.m22);
            let size = (vx * vy).abs().sqrt().max(0.1);
            let (x, y) = (trm.m31, self.top - trm.m32);
            let end = x + width * size;
            let text: String = text.chars().filter(|c| !c.is_control()).collect();
            let Some(page) = self.pages.last_mut() else { return Ok(()) };
            match page.lines.last_mut() {
                Some(line) if (line.y - y).abs() <= size * 0.5 && x >= line.end - size * 0.5 => {
                    if x > line.end + size * 0.15
                        && !line.text.ends_with(' ')
                        && !text.starts_with(' ')
                    {
                        line.text.push(' ');
                    }
                    line.text.push_str(&text);
                    line.end = end;
                    line.size = line.size.max(size);
                }
                _ => page.lines.push(Line { y, size, text, end }),
            }
            Ok(())
        }

        fn begin_word(&mut self) -> Result<(), pdf_extract::OutputError> {
            Ok(())
        }

        fn end_word(&mut self) -> Result<(), pdf_extract::OutputError> {
            Ok(())
        }

        fn end_line(&mut self) -> Result<(), pdf_extract::OutputError> {
            Ok(())
        }
    }

    pub fn glyph_lines(bytes: &[u8]) -> Result<Vec<Page>, Error> {
        let mut collector = Collector::default();
        let run = crate::ingest::contain_panic(|| -> Result<(), Error> {
            let mut doc = pdf_extract::Document::load_mem(bytes)
                .map_err(|e| Error::Damaged(e.to_string()))?;
            if doc.is_encrypted() {
                doc.decrypt("").map_err(|_| Error::Encrypted)?;
            }
            // A page whose content cannot be run yields what was read before the fault.
            let _ = pdf_extract::output_doc(&doc, &mut collector);
            Ok(())
        });
        match run {
            None => return Err(Error::Damaged("the text layer could not be read".to_string())),
            Some(Err(e)) => return Err(e),
            Some(Ok(())) => {}
        }
        if collector.over_budget {
            return Err(Error::TooLarge(format!("over {MAX_GLYPHS} characters of text")));
        }
        for page in &mut collector.pages {
            for line in &mut page.lines {
                line.text = line.text.split_whitespace().collect::<Vec<_>>().join(" ");
            }
            page.lines.retain(|l| !l.text.is_empty());
        }
        Ok(collector.pages)
    }

    /// Lines near the top or bottom edge that repeat (digits aside) in the same type size on
    /// most pages are running headers and footers; a lone number there is a page number. The
    /// size test keeps a cover title that the later pages repeat as a small header. Returns the
    /// pages without them, and the distinct removed texts in reading order.
    pub fn split_running(pages: &[Page]) -> (Vec<Page>, Vec<String>) {
        let key = |t: &str| -> String {
            t.chars()
                .map(|c| if c.is_ascii_digit() { '#' } else { c })
                .flat_map(char::to_lowercase)
                .filter(|c| !c.is_whitespace())
                .collect()
        };
        let edge = |page: &Page| -> Vec<usize> {
            let mut order: Vec<usize> = (0..page.lines.len()).collect();
            order.sort_by(|&a, &b| page.lines[a].y.total_cmp(&page.lines[b].y));
            let band = page.height * 0.12;
            let mut out: Vec<usize> = order.iter().take(2).copied().collect();
            out.extend(order.iter().rev().take(2));
            out.retain(|&i| page.lines[i].y < band || page.lines[i].y > page.height - band);
            out.sort_unstable();
            out.dedup();
            out
        };
        let mut seen: HashMap<String, Vec<(u32, f64)>> = HashMap::new();
        for page in pages {
            for i in edge(page) {
                let line = &page.lines[i];
                seen.entry(key(&line.text)).or_default().push((page.number, line.size));
            }
        }
        let repeats = |line: &Line| -> bool {
            let mut sizes: Vec<(u32, f64)> = seen[&key(&line.text)].clone();
            sizes.sort_by(|a, b| a.1.total_cmp(&b.1));
            let usual = sizes[sizes.len() / 2].1;
            let pages_with: HashSet<u32> = sizes
                .iter()
                .filter(|(_, s)| (s - usual).abs() <= usual * 0.15)
                .map(|(n, _)| *n)
                .collect();
            (line.size - usual).abs() <= usual * 0.15
                && pages_with.len() >= pages.len().div_ceil(2).max(2)
        };
        let mut removed = Vec::new();
        let mut kept_pages = Vec::with_capacity(pages.len());
        for page in pages {
            let drop: HashSet<usize> = edge(page)
                .into_iter()
                .filter(|&i| repeats(&page.lines[i]) || is_page_number(&page.lines[i].text))
                .collect();
            let mut kept = page.clone();
            kept.lines = Vec::new();
            for (i, line) in page.lines.iter().enumerate() {
                if drop.contains(&i) {
                    if !removed.contains(&line.text) {
                        removed.push(line.text.clone());
                    }
                } else {
                    kept.lines.push(line.clone());
                }
            }
            kept_pages.push(kept);
        }
        (kept_pages, removed)
    }

    /// "7", "- 7 -", "Page 7", "7 of 12", "7 / 12", "vii".
    fn is_page_number(text: &str) -> bool {
        let t =
            text.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace()).to_lowercase();
        let t = t.strip_prefix("page").map(str::trim).unwrap_or(&t);
        let mut parts = t
            .split(|c: char| c == '/' || c.is_whitespace())
            .filter(|p| !p.is_empty() && *p != "of");
        let number = |p: &str| {
            (p.len() <= 5 && p.chars().all(|c| c.is_ascii_digit()))
                || (p.len() <= 6 && p.chars().all(|c| "ivxlc".contains(c)))
        };
        match (parts.next(), parts.next(), parts.next()) {
            (Some(a), None, None) => number(a),
            (Some(a), Some(b), None) => number(a) && number(b),
            _ => false,
        }
    }

    /// Lines to paragraphs. A paragraph ends at a vertical gap clearly larger than the
    /// document's line pitch, a change of type size, or a jump back up the page (a new column
    /// or text block); it runs on across a page break when the text stops mid-sentence and the
    /// next page goes on in lower case.
    pub fn paragraphs(pages: &[Page]) -> Vec<Para> {
        let pitch = line_pitch(pages);
        let mut runs: Vec<(u32, f64, Vec<String>)> = Vec::new();
        for page in pages {
            let mut prev: Option<&Line> = None;
            for line in &page.lines {
                let starts = match prev {
                    None => {
                        let continues = runs.last().is_some_and(|(_, _, lines)| {
                            lines.last().is_some_and(|last| runs_on(last, &line.text))
                        });
                        !continues
                    }
                    Some(p) => {
                        let gap = line.y - p.y;
                        let resized = (line.size - p.size).abs() > p.size * 0.12;
                        resized || gap <= 0.0 || gap > (pitch * 1.35).max(line.size * 1.6)
                    }
                };
                if starts {
                    runs.push((page.number, line.size, Vec::new()));
                }
                if let Some((_, size, lines)) = runs.last_mut() {
                    *size = size.max(line.size);
                    lines.push(line.text.clone());
                }
                prev = Some(line);
            }
        }
        let vocabulary = vocabulary(pages);
        runs.into_iter()
            .map(|(page, size, lines)| Para { page, size, text: join_lines(&lines, &vocabulary) })
            .filter(|p| !p.text.is_empty())
            .collect()
    }

    /// The usual distance between baselines of body lines: the median of small same-size gaps.
    fn line_pitch(pages: &[Page]) -> f64 {
        let mut gaps: Vec<f64> = pages
            .iter()
            .flat_map(|p| p.lines.windows(2))
            .filter(|w| (w[0].size - w[1].size).abs() < 0.5)
            .map(|w| w[1].y - w[0].y)
            .filter(|&g| g > 0.0 && g < 40.0)
            .collect();
        if gaps.is_empty() {
            return 14.0;
        }
        gaps.sort_by(f64::total_cmp);
        gaps[gaps.len() / 2]
    }

    fn runs_on(last: &str, next: &str) -> bool {
        let open = !last.trim_end().ends_with(['.', '!', '?', ':', '"', '”', '»', ')', '…']);
        open && (last.ends_with('-') || next.chars().next().is_some_and(char::is_lowercase))
    }

    /// Every word of the document, lower-cased, hyphenated compounds included: the evidence
    /// for whether a hyphen at a line end belongs to the word.
    fn vocabulary(pages: &[Page]) -> HashSet<String> {
        pages
            .iter()
            .flat_map(|p| &p.lines)
            .flat_map(|l| l.text.split_whitespace())
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-').to_lowercase())
            .filter(|w| !w.is_empty() && !w.ends_with('-'))
            .collect()
    }

    /// Joins a paragraph's lines with spaces, rejoining words broken at a line end. A hyphen is
    /// dropped ("inter-" + "national") unless the document spells the compound with it
    /// elsewhere, or either part is capitalised as in names ("Kim Jong-" + "un",
    /// "anti-" + "American"); a soft hyphen is always dropped. Chinese and Japanese lines join
    /// without a space.
    pub fn join_lines(lines: &[String], vocabulary: &HashSet<String>) -> String {
        let mut out = String::new();
        for line in lines {
            let line = line.trim();
            if out.is_empty() {
                out.push_str(line);
                continue;
            }
            if out.ends_with('\u{ad}') {
                out.pop();
                out.push_str(line);
                continue;
            }
            if out.ends_with('-') {
                let head: String = out[..out.len() - 1]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphabetic())
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let tail: String = line.chars().take_while(|c| c.is_alphabetic()).collect();
                if !head.is_empty() && !tail.is_empty() {
                    let hyphenated = format!("{head}-{tail}").to_lowercase();
                    let joined = format!("{head}{tail}").to_lowercase();
                    let capital = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
                    let keep = vocabulary.contains(&hyphenated)
                        || (!vocabulary.contains(&joined) && (capital(&head) || capital(&tail)));
                    if !keep {
                        out.pop();
                    }
                    out.push_str(line);
                    continue;
                }
            }
            let cjk = |c: Option<char>| {
                c.is_some_and(
                    |c| matches!(c as u32, 0x3000..=0x30FF | 0x3400..=0x9FFF | 0xFF00..=0xFFEF),
                )
            };
            if !(cjk(out.chars().last()) && cjk(line.chars().next())) {
                out.push(' ');
            }
            out.push_str(line);
        }
        out
    }
}

mod metadata {
    //! The document Info dictionary and the XMP packet, each field with where it came from.

    use super::*;

    /// What the file says about itself; every field with its origin. XMP, the newer and
    /// better-specified record, wins over the Info dictionary where both speak.
    #[derive(Debug, Default)]
    pub struct Meta {
        pub title: Option<(String, &'static str)>,
        pub authors: Vec<String>,
        pub authors_origin: &'static str,
        pub issued: Option<(CslDate, &'static str)>,
        pub doi: Option<(String, &'static str)>,
        pub subject: Option<(String, &'static str)>,
    }

    pub fn read(doc: &lopdf::Document) -> Meta {
        let info = info(doc);
        let xmp = xmp_packet(doc).map(|x| parse_xmp(&x)).unwrap_or_default();
        let get = |key: &str| info.get(key).map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        let title = xmp
            .title
            .clone()
            .filter(|t| !junk_title(t))
            .map(|t| (t, "xmp dc:title"))
            .or_else(|| get("Title").filter(|t| !junk_title(t)).map(|t| (t, "pdf info Title")));

        let info_authors: Vec<String> = get("Author")
            .map(|a| {
                a.split(';').map(|s| s.trim().to_string()).filter(|s| !junk_author(s)).collect()
            })
            .unwrap_or_default();
        let xmp_authors: Vec<String> =
            xmp.creators.iter().filter(|a| !junk_author(a)).cloned().collect();
        let (authors, authors_origin) = if !xmp_authors.is_empty() {
            (xmp_authors, "xmp dc:creator")
        } else {
            (info_authors, "pdf info Author")
        };

        // A publication date beats the file's creation date, which may be a later re-export.
        let issued = xmp
            .published
            .as_deref()
            .and_then(iso_date)
            .map(|d| (d, "xmp prism:publicationDate"))
            .or_else(|| {
                xmp.created.as_deref().and_then(iso_date).map(|d| (d, "xmp xmp:CreateDate"))
            })
            .or_else(|| {
                get("CreationDate")
                    .as_deref()
                    .and_then(pdf_date)
                    .map(|d| (d, "pdf info CreationDate"))
            });

        let doi = xmp.doi.as_deref().and_then(doi).map(|d| (d, "xmp prism:doi"));
        let subject = xmp
            .description
            .clone()
            .map(|s| (s, "xmp dc:description"))
            .or_else(|| get("Subject").map(|s| (s, "pdf info Subject")));
        Meta { title, authors, authors_origin, issued, doi, subject }
    }

    /// Titles that tools write for the user: file names and placeholders, not the work's title.
    fn junk_title(title: &str) -> bool {
        let t = title.trim().to_lowercase();
        t.is_empty()
            || t.starts_with("microsoft word - ")
            || t.starts_with("microsoft powerpoint - ")
            || ["untitled", "title", "document", "no title"].contains(&t.as_str())
            || [".doc", ".docx", ".pdf", ".indd", ".rtf", ".odt", ".tex", ".dvi", ".qxd", ".hwp"]
                .iter()
                .any(|ext| t.ends_with(ext))
            || !t.chars().any(char::is_alphabetic)
    }

    /// Account names that authoring tools copy into Author.
    fn junk_author(author: &str) -> bool {
        let a = author.trim().to_lowercase();
        a.is_empty()
            || ["admin", "administrator", "user", "owner", "unknown", "author", "pc"]
                .contains(&a.as_str())
    }

    fn info(doc: &lopdf::Document) -> HashMap<String, String> {
        let mut out = HashMap::new();
        let Ok(dict) =
            doc.trailer.get(b"Info").and_then(|o| deref(doc, o)).and_then(|o| o.as_dict())
        else {
            return out;
        };
        for (key, value) in dict.iter() {
            if let Ok(text) = deref(doc, value).and_then(lopdf::decode_text_string) {
                out.insert(String::from_utf8_lossy(key).into_owned(), text);
            }
        }
        out
    }

    fn deref<'a>(
        doc: &'a lopdf::Document,
        obj: &'a lopdf::Object,
    ) -> lopdf::Result<&'a lopdf::Object> {
        match obj {
            lopdf::Object::Reference(id) => doc.get_object(*id),
            other => Ok(other),
        }
    }

    fn xmp_packet(doc: &lopdf::Document) -> Option<String> {
        let catalog = doc.catalog().ok()?;
        let stream = deref(doc, catalog.get(b"Metadata").ok()?).ok()?.as_stream().ok()?;
        let bytes = stream.decompressed_content_with_limit(MAX_STREAM).ok()?;
        Some(String::from_utf8_lossy(&bytes).into_owned())
    }

    #[derive(Debug, Default, PartialEq)]
    pub struct Xmp {
        pub title: Option<String>,
        pub creators: Vec<String>,
        pub description: Option<String>,
        pub created: Option<String>,
        pub published: Option<String>,
        pub doi: Option<String>,
    }

    const DC: &str = "http://purl.org/dc/elements/1.1/";
    const XMP: &str = "http://ns.adobe.com/xap/1.0/";
    const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    /// Reads the fields Sourcebook uses from an XMP packet, written either as elements or as
    /// attributes of `rdf:Description` (both are common). A packet that is not XML gives nothing.
    pub fn parse_xmp(packet: &str) -> Xmp {
        let mut out = Xmp::default();
        let Ok(tree) = roxmltree::Document::parse(packet.trim_start_matches('\u{feff}').trim())
        else {
            return out;
        };
        let prism = |ns: Option<&str>| {
            ns.is_some_and(|n| n.starts_with("http://prismstandard.org/namespaces/"))
        };
        for node in tree.descendants().filter(|n| n.is_element()) {
            let ns = node.tag_name().namespace();
            let local = node.tag_name().name();
            match (ns, local) {
                (Some(DC), "title") => out.title = out.title.or_else(|| alt_text(node)),
                (Some(DC), "description") => {
                    out.description = out.description.or_else(|| alt_text(node))
                }
                (Some(DC), "creator") if out.creators.is_empty() => out.creators = items(node),
                (Some(XMP), "CreateDate") => out.created = out.created.or_else(|| text(node)),
                (n, "publicationDate" | "coverDate") if prism(n) => {
                    out.published = out.published.or_else(|| text(node))
                }
                (n, "doi") if prism(n) => out.doi = out.doi.or_else(|| text(node)),
                (Some(RDF), "Description") => {
                    for a in node.attributes() {
                        let value = Some(a.value().trim().to_string()).filter(|v| !v.is_empty());
                        match (a.namespace(), a.name()) {
                            (Some(XMP), "CreateDate") => out.created = out.created.take().or(value),
                            (n, "publicationDate" | "coverDate") if prism(n) => {
                                out.published = out.published.take().or(value)
                            }
                            (n, "doi") if prism(n) => out.doi = out.doi.take().or(value),
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        out
    }

    fn text(node: roxmltree::Node) -> Option<String> {
        let t: String =
            node.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect();
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        Some(t).filter(|t| !t.is_empty())
    }

    fn items(node: roxmltree::Node) -> Vec<String> {
        let li: Vec<String> = node
            .descendants()
            .filter(|n| n.tag_name().namespace() == Some(RDF) && n.tag_name().name() == "li")
            .filter_map(text)
            .collect();
        if li.is_empty() {
            text(node).into_iter().collect()
        } else {
            li
        }
    }

    /// An `rdf:Alt` language alternative: the x-default entry, else the first.
    fn alt_text(node: roxmltree::Node) -> Option<String> {
        let li: Vec<roxmltree::Node> = node
            .descendants()
            .filter(|n| n.tag_name().namespace() == Some(RDF) && n.tag_name().name() == "li")
            .collect();
        let default = li.iter().find(|n| {
            n.attribute(("http://www.w3.org/XML/1998/namespace", "lang")) == Some("x-default")
        });
        match default.or(li.first()) {
            Some(n) => text(*n),
            None => text(node),
        }
    }

    /// A PDF date, `D:YYYYMMDDHHmmSS+HH'mm'`, of which everything after the year is optional.
    pub fn pdf_date(raw: &str) -> Option<CslDate> {
        let digits: String =
            raw.trim().trim_start_matches("D:").chars().take_while(char::is_ascii_digit).collect();
        let field = |from: usize, len: usize| {
            digits.get(from..from + len).and_then(|s| s.parse::<u32>().ok())
        };
        ymd(field(0, 4)?, field(4, 2), field(6, 2))
    }

    /// An ISO 8601 date as XMP writes it: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, with a time or not.
    pub fn iso_date(raw: &str) -> Option<CslDate> {
        let date = raw.trim().split('T').next()?;
        let mut parts = date.split('-').map(|p| p.parse::<u32>().ok());
        let year = parts.next()??;
        let month = parts.next().flatten();
        let day = parts.next().flatten();
        ymd(year, month, day)
    }

    fn ymd(year: u32, month: Option<u32>, day: Option<u32>) -> Option<CslDate> {
        if !(1000..=9999).contains(&year) || year == 1970 && month == Some(1) && day == Some(1) {
            // The Unix epoch is what tools write for an unset date, not a real one.
            return None;
        }
        let month = month.filter(|m| (1..=12).contains(m));
        let day = day.filter(|d| month.is_some() && (1..=31).contains(d));
        Some(CslDate::ymd(year as i32, month, day))
    }

    fn doi(raw: &str) -> Option<String> {
        let t = raw.trim();
        let t = t.strip_prefix("doi:").or_else(|| t.strip_prefix("https://doi.org/")).unwrap_or(t);
        Some(t.to_string()).filter(|d| d.starts_with("10.") && d.contains('/'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &[u8] = include_bytes!("../../tests/fixtures/pdf/report.pdf");
    const TRUNCATED: &[u8] = include_bytes!("../../tests/fixtures/pdf/truncated.pdf");

    fn report() -> Extracted {
        read(REPORT).expect("the fixture report reads")
    }

    #[test]
    fn title_comes_from_the_info_dictionary_and_leaves_the_body() {
        let doc = report();
        let title =
            "North Korea, Russia and China after the Comprehensive Strategic Partnership Treaty";
        assert_eq!(doc.title, title);
        assert_eq!(doc.source.title.as_deref(), Some(title));
        assert_eq!(doc.provenance["title"], "pdf info Title");
        assert!(doc.paragraphs.iter().all(|p| !p.starts_with("North Korea, Russia and China")));
    }

    #[test]
    fn paragraphs_join_lines_and_rejoin_broken_words() {
        let doc = report();
        assert_eq!(doc.paragraphs.len(), 9, "{:#?}", doc.paragraphs);
        assert_eq!(
            doc.paragraphs[0],
            "Cho Han-bum, Senior Research Fellow, Korea Institute for National Unification"
        );
        assert!(doc.paragraphs[1]
            .starts_with("The treaty on the comprehensive strategic partnership signed"));
        assert!(
            doc.paragraphs[1].ends_with("and the international response has so far been muted.")
        );
        assert_eq!(
            doc.paragraphs[2],
            "“We will not allow the reckless provocations of the puppet military to go unanswered,” \
             said Kim Yo-jong, deputy department director of the Workers’ Party Central Committee."
        );
        assert!(
            doc.paragraphs[3].contains("the strongest signal yet that Kim Jong-un intends"),
            "{}",
            doc.paragraphs[3]
        );
        assert!(doc.paragraphs[4].contains("«договор о всеобъемлющем стратегическом партнёрстве»"));
        // The paragraph broken by the page turn is one paragraph, located where it starts.
        assert!(doc.paragraphs[6].starts_with("Trade figures tell a different story."));
        assert!(doc.paragraphs[6].ends_with(
            "officials in the two capitals have not coordinated their \
             positions at the United Nations Security Council as closely as they did in 2017."
        ));
    }

    #[test]
    fn pages_locate_each_paragraph() {
        assert_eq!(report().pages, vec![1, 1, 1, 1, 2, 2, 2, 3, 3]);
    }

    #[test]
    fn running_header_and_page_numbers_are_set_apart() {
        let doc = report();
        let removed: Vec<&str> = doc.boilerplate.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(removed, ["KINU Online Series CO 24-15", "1", "2", "3"]);
        assert!(doc.boilerplate.iter().all(|b| b.kind == BoilerplateKind::Notice));
        for p in &doc.paragraphs {
            assert!(!p.contains("KINU Online Series") && p.trim() != "2", "{p}");
        }
    }

    #[test]
    fn metadata_comes_with_provenance() {
        let doc = report();
        assert_eq!(doc.media_type, "application/pdf");
        assert_eq!(doc.source.csl_type, "report");
        assert_eq!(doc.source.author.len(), 1);
        assert_eq!(
            doc.source.author[0].literal.as_deref(),
            Some("Korea Institute for National Unification")
        );
        assert_eq!(doc.provenance["author"], "pdf info Author");
        assert_eq!(doc.source.issued.as_ref().map(CslDate::to_iso).as_deref(), Some("2024-07-15"));
        assert_eq!(doc.provenance["issued"], "pdf info CreationDate");
        assert_eq!(doc.source.abstract_.as_deref(), Some("Online Series CO 24-15"));
        assert_eq!(doc.provenance["abstract"], "pdf info Subject");
        // Nothing the file does not say is filled in.
        assert!(
            doc.source.url.is_none()
                && doc.source.container_title.is_none()
                && doc.source.doi.is_none()
        );
    }

    #[test]
    fn truncated_file_is_one_clear_error() {
        let err = read(TRUNCATED).unwrap_err();
        assert!(matches!(err, Error::Damaged(_)), "{err:?}");
        assert!(err.to_string().starts_with("the PDF is damaged or truncated ("), "{err}");
    }

    #[test]
    fn garbage_never_panics() {
        assert!(matches!(read(b""), Err(Error::Damaged(_))));
        assert!(matches!(read(b"<html>not a pdf</html>"), Err(Error::Damaged(_))));
        let mut noise = b"%PDF-1.7\n".to_vec();
        let mut x: u32 = 0x2545_4446;
        for _ in 0..4096 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            noise.push(x as u8);
        }
        assert!(read(&noise).is_err());
        // Every cut of the real file fails cleanly or reads; none panics.
        for cut in (0..REPORT.len()).step_by(REPORT.len() / 40) {
            let _ = read(&REPORT[..cut]);
        }
    }

    fn page(number: u32, lines: &[(f64, f64, &str)]) -> layout::Page {
        layout::Page {
            number,
            height: 842.0,
            lines: lines.iter().map(|&(y, size, text)| layout::Line::new(y, size, text)).collect(),
        }
    }

    #[test]
    fn title_falls_back_to_the_first_page_and_says_so() {
        let pages = [page(
            1,
            &[
                (90.0, 18.0, "Sino-Russian Energy Ties"),
                (130.0, 10.0, "Pipelines matter more than summits."),
                (144.0, 10.0, "So do prices."),
            ],
        )];
        let doc = assemble(pages.to_vec(), metadata::Meta::default());
        assert_eq!(doc.title, "Sino-Russian Energy Ties");
        assert_eq!(doc.provenance["title"], "first page");
        assert_eq!(doc.paragraphs, ["Pipelines matter more than summits. So do prices."]);
        assert!(doc.source.author.is_empty() && doc.source.issued.is_none());

        // A sentence is not a title: nothing is invented.
        let pages = [page(1, &[(130.0, 10.0, "Pipelines matter more than summits.")])];
        let doc = assemble(pages.to_vec(), metadata::Meta::default());
        assert!(doc.source.title.is_none() && doc.title.is_empty());
        assert!(!doc.provenance.contains_key("title"));
    }

    #[test]
    fn line_end_hyphens() {
        let vocabulary: HashSet<String> =
            ["long-range", "so-called"].iter().map(|s| s.to_string()).collect();
        let join =
            |a: &str, b: &str| layout::join_lines(&[a.to_string(), b.to_string()], &vocabulary);
        assert_eq!(join("the inter-", "national response"), "the international response");
        assert_eq!(join("Kim Jong-", "un said"), "Kim Jong-un said");
        assert_eq!(join("Kim Yo-", "jong said"), "Kim Yo-jong said");
        assert_eq!(join("new long-", "range missiles"), "new long-range missiles");
        assert_eq!(join("an anti-", "American rally"), "an anti-American rally");
        assert_eq!(join("ends here -", "and goes on"), "ends here - and goes on");
        assert_eq!(join("中朝关系", "继续发展"), "中朝关系继续发展");
        assert_eq!(join("북중 관계는", "계속된다"), "북중 관계는 계속된다");
    }

    #[test]
    fn xmp_fields_and_dates() {
        let packet = r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
  xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/" xmp:CreateDate="2024-07-15T09:30:00+09:00"
  prism:doi="10.1234/kinu.2024.15">
 <dc:title xmlns:dc="http://purl.org/dc/elements/1.1/"><rdf:Alt>
  <rdf:li xml:lang="ko">조약 이후의 북중러 관계</rdf:li>
  <rdf:li xml:lang="x-default">Relations after the Treaty</rdf:li></rdf:Alt></dc:title>
 <dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/"><rdf:Seq>
  <rdf:li>Cho, Han-bum</rdf:li><rdf:li>Korea Institute for National Unification</rdf:li></rdf:Seq></dc:creator>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"#;
        let xmp = metadata::parse_xmp(packet);
        assert_eq!(xmp.title.as_deref(), Some("Relations after the Treaty"));
        assert_eq!(xmp.creators, ["Cho, Han-bum", "Korea Institute for National Unification"]);
        assert_eq!(xmp.created.as_deref(), Some("2024-07-15T09:30:00+09:00"));
        assert_eq!(xmp.doi.as_deref(), Some("10.1234/kinu.2024.15"));
        assert_eq!(metadata::parse_xmp("not xml <"), metadata::Xmp::default());

        let cho = name("Cho, Han-bum");
        assert_eq!((cho.family.as_deref(), cho.given.as_deref()), (Some("Cho"), Some("Han-bum")));
        assert_eq!(name("Cho Han-bum").literal.as_deref(), Some("Cho Han-bum"));

        let iso = |d: Option<CslDate>| d.map(|d| d.to_iso());
        assert_eq!(
            iso(metadata::pdf_date("D:20240715093000+09'00'")).as_deref(),
            Some("2024-07-15")
        );
        assert_eq!(iso(metadata::pdf_date("D:2024")).as_deref(), Some("2024"));
        assert_eq!(iso(metadata::pdf_date("D:19700101000000Z")), None);
        assert_eq!(iso(metadata::pdf_date("garbage")), None);
        assert_eq!(iso(metadata::iso_date("2024-07")).as_deref(), Some("2024-07"));
    }
}
