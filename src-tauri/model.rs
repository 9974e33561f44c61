//! Domain types shared by every layer: plain data, serialisable, exported to TypeScript.
//!
//! Offsets (`start`, `end`) are always counted in Unicode scalar values (chars) of the stored
//! article text, so that `text.chars().skip(start).take(end - start)` — or Python's
//! `text[start:end]` — gives the span. Byte offsets never leave a module.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A half-open span `[start, end)` of chars in an article's stored text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum QuoteKind {
    /// The words between quotation marks.
    Direct,
    /// A quoted fragment inside narration or indirect speech.
    Partial,
    /// Reported speech after a cue such as "said" or "according to".
    Indirect,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "direct" => Some(QuoteKind::Direct),
            "partial" => Some(QuoteKind::Partial),
            "indirect" => Some(QuoteKind::Indirect),
            _ => None,
        }
    }
}

/// One attributed statement found in an article.
///
/// `text` is the quotation as a reader would cite it: for a quote inside one paragraph it is
/// exactly the chars `start..end` of the article text; for a quote continued over several
/// paragraphs it is those paragraphs' quoted words joined by one space, without the opening
/// marks of the continuation paragraphs, and `start..end` covers the whole stretch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Quote {
    pub text: String,
    pub kind: QuoteKind,
    /// Full name, or the article's own phrase for an anonymous or collective source.
    pub speaker: String,
    /// Role or affiliation as the article states it at first mention.
    pub descriptor: Option<String>,
    /// The speech verb or phrase ("said", "according to"); null for a bare continuation.
    pub cue: Option<String>,
    /// 0-based index of the body paragraph where the quote starts.
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

/// A body-less line removed from a clip, kept apart with what it was taken for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Boilerplate {
    pub kind: BoilerplateKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum BoilerplateKind {
    /// A related-article headline, pasted twice back to back by the clipper.
    RepeatedHeadline,
    /// A photo caption ending in a credit ("Photo: KCNA via Reuters").
    Caption,
    /// A cookie, subscription or similar site notice.
    Notice,
}

/// A personal name in CSL-JSON form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CslName {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub family: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub given: Option<String>,
    /// A name kept as one string (institutions, or names that must not be split).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub literal: Option<String>,
    /// Other CSL name parts (particles, suffix, static-ordering), kept so nothing is lost.
    #[serde(flatten)]
    #[ts(skip)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// A CSL-JSON date: `date-parts` of `[year, month?, day?]`, or a raw string CSL can parse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CslDate {
    #[serde(rename = "date-parts")]
    pub date_parts: Vec<Vec<i32>>,
}

impl CslDate {
    pub fn ymd(y: i32, m: Option<u32>, d: Option<u32>) -> Self {
        let mut parts = vec![y];
        if let Some(m) = m {
            parts.push(m as i32);
            if let Some(d) = d {
                parts.push(d as i32);
            }
        }
        CslDate { date_parts: vec![parts] }
    }

    /// ISO-like text: `2024`, `2024-07`, `2024-07-09`.
    pub fn to_iso(&self) -> String {
        let p = self.date_parts.first().cloned().unwrap_or_default();
        match p.as_slice() {
            [y] => format!("{y:04}"),
            [y, m] => format!("{y:04}-{m:02}"),
            [y, m, d, ..] => format!("{y:04}-{m:02}-{d:02}"),
            [] => String::new(),
        }
    }
}

/// Source metadata, shaped as a CSL-JSON item so styles and exports need no lossy mapping.
/// Only what the input really gives is set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SourceMeta {
    #[serde(rename = "type")]
    pub csl_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub title: Option<String>,
    #[serde(rename = "container-title", skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub container_title: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub author: Vec<CslName>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub issued: Option<CslDate>,
    #[serde(rename = "URL", skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub accessed: Option<CslDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub language: Option<String>,
    #[serde(rename = "DOI", skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub doi: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub publisher: Option<String>,
    /// Report, document or issue number.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub volume: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub issue: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub page: Option<String>,
    #[serde(rename = "abstract", skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub abstract_: Option<String>,
    /// Every other CSL-JSON field the input gave, kept as is so exports lose nothing.
    #[serde(flatten)]
    #[ts(skip)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl SourceMeta {
    /// CSL fields a citation of this item needs that are empty. Never filled by guessing.
    pub fn missing(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.title.is_none() {
            out.push("title".to_string());
        }
        // Reports, books and theses stand alone: they need a publisher, not a container.
        let standalone = matches!(self.csl_type.as_str(), "report" | "book" | "thesis");
        if standalone && self.publisher.is_none() {
            out.push("publisher".to_string());
        } else if !standalone && self.container_title.is_none() {
            out.push("container-title".to_string());
        }
        if self.author.is_empty() {
            out.push("author".to_string());
        }
        if self.issued.is_none() {
            out.push("issued".to_string());
        }
        if self.url.is_none() {
            out.push("URL".to_string());
        }
        out
    }
}

/// A stored article as listed in the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ArticleSummary {
    pub id: String,
    pub title: String,
    pub publication: Option<String>,
    /// ISO date of publication, when known.
    pub date: Option<String>,
    pub language: Option<String>,
    pub quote_count: usize,
    pub missing: Vec<String>,
    pub tags: Vec<String>,
    pub imported_at: String,
}

/// An article in the trash, with when it was deleted (RFC 3339, as `imported_at`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TrashedArticle {
    pub article: ArticleSummary,
    pub deleted_at: String,
}

/// A stored article with everything the reader shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Article {
    pub id: String,
    pub title: String,
    pub text: String,
    pub paragraphs: Vec<Span>,
    pub language: Option<String>,
    /// For paged originals (PDF): the 1-based page each paragraph starts on; else empty.
    pub pages: Vec<u32>,
    pub source: SourceMeta,
    /// Where each metadata field came from ("json-ld", "meta citation_date", "user", ...).
    pub provenance: BTreeMap<String, String>,
    pub missing: Vec<String>,
    pub boilerplate: Vec<Boilerplate>,
    pub quotes: Vec<StoredQuote>,
    pub tags: Vec<String>,
    /// Near-duplicates in the archive (syndicated copies, the same page saved twice).
    pub similar: Vec<SimilarArticle>,
    pub imported_at: String,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SimilarArticle {
    pub id: String,
    pub title: String,
    /// Share of word shingles in common (Jaccard), 0–1.
    pub similarity: f64,
}

/// An article's original import as the reader may show it: a page only ever sanitised, never
/// its bytes as they came.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Original {
    pub article_id: String,
    pub media_type: String,
    pub file_name: Option<String>,
    /// Bytes of the import as stored.
    pub size: usize,
    pub imported_at: String,
    pub content: OriginalContent,
    /// Why less than the whole original is shown (too large), if it is.
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "lowercase")]
#[ts(export)]
pub enum OriginalContent {
    /// A web page with no scripts, handlers, styles, frames, forms or remote resources: images
    /// keep only their alt text, links only http(s) targets.
    Html { html: String },
    /// Text shown as text: clips, bibliographic records, feeds.
    Text { text: String },
    /// No text to show (a PDF, bytes that are not text): what the import is.
    Binary { description: String },
}

/// Who stands behind a stored quote. Re-extraction replaces only `Unreviewed` quotes: the
/// extractor never overwrites a person's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Review {
    /// As the extractor found it.
    Unreviewed,
    /// A person checked it and left it as it was.
    Confirmed,
    /// A person changed its span, speaker, role or kind.
    Edited,
    /// A person made it from a selection.
    Added,
}

impl Review {
    pub fn as_str(self) -> &'static str {
        match self {
            Review::Unreviewed => "unreviewed",
            Review::Confirmed => "confirmed",
            Review::Edited => "edited",
            Review::Added => "added",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Review::Unreviewed, Review::Confirmed, Review::Edited, Review::Added]
            .into_iter()
            .find(|r| r.as_str() == s)
    }
}

/// A quote as stored in the archive, with its id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StoredQuote {
    pub id: String,
    #[serde(flatten)]
    pub quote: Quote,
    pub review: Review,
    /// The speaker's entry in the person registry; none for an unnamed or collective source
    /// ("analysts"), which may be different people in different articles.
    pub person_id: Option<String>,
    /// Every name the registry knows the speaker by, the canonical one first (what search
    /// matches name variants against).
    pub names: Vec<String>,
}

/// A quote made or corrected by hand. The text is always the article's own chars
/// `start..end`, so a correction cannot misquote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QuoteInput {
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    pub speaker: String,
    pub descriptor: Option<String>,
    pub cue: Option<String>,
}

/// A change to a stored quote; `None` keeps a field, `Some("")` clears descriptor or cue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QuotePatch {
    pub start: Option<usize>,
    pub end: Option<usize>,
    pub kind: Option<QuoteKind>,
    pub speaker: Option<String>,
    pub descriptor: Option<String>,
    pub cue: Option<String>,
}

/// A speaker of the person registry as the people view lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonSummary {
    pub id: String,
    pub name: String,
    /// Other spellings the archive has seen (Kim Jong Un for Kim Jong-un).
    pub aliases: Vec<String>,
    pub quote_count: usize,
    pub article_count: usize,
    /// ISO date of the latest dated article quoting them.
    pub latest: Option<String>,
}

/// A role a person was given, as articles stated it, with when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonRole {
    pub descriptor: String,
    /// ISO dates of the first and last dated articles that gave this role.
    pub first: Option<String>,
    pub last: Option<String>,
    pub article_count: usize,
}

/// One quote of a person, with the article it is in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonQuote {
    pub article_id: String,
    pub title: String,
    pub publication: Option<String>,
    pub date: Option<String>,
    pub quote: StoredQuote,
}

/// A person with roles over time and every quote, by date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub roles: Vec<PersonRole>,
    pub quotes: Vec<PersonQuote>,
}

/// A merge of two registry entries and what it moved: exactly what
/// [`crate::Sourcebook::unmerge_persons`] needs to put the registry back as it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonMerge {
    /// The entry that stayed.
    pub keep: String,
    /// The entry merged away: its id and canonical name come back with it.
    pub other: String,
    pub other_name: String,
    /// Every spelling the merged entry had, with its alias key as stored.
    pub aliases: Vec<MergedAlias>,
    /// The spellings the merge gave `keep` (those it did not have already).
    pub added: Vec<String>,
    /// The quotes that moved to `keep`.
    pub quotes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MergedAlias {
    pub alias: String,
    pub key: String,
}

/// The person after a merge, with what the merge moved (for undo).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Merged {
    pub person: Person,
    pub undo: PersonMerge,
}

impl Person {
    /// Every spelling of the person's name, the canonical one first.
    pub fn aliases_and_name(&self) -> Vec<String> {
        std::iter::once(self.name.clone()).chain(self.aliases.iter().cloned()).collect()
    }
}

/// A named, ordered set of articles and quotes, e.g. the sources of one paper.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Collection {
    pub id: String,
    pub name: String,
    pub items: Vec<CollectionItem>,
}

/// An article of a collection, or one quote of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CollectionItem {
    pub article_id: String,
    pub quote_id: Option<String>,
}

/// Fields a user may fill in or correct; `None` leaves a field as it is, `Some("")` clears it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MetaPatch {
    pub title: Option<String>,
    pub publication: Option<String>,
    /// Authors separated by ";", each "Family, Given" or a single literal name.
    pub author: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum HitKind {
    Article,
    Quote,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SearchHit {
    pub kind: HitKind,
    pub article_id: String,
    pub title: String,
    pub publication: Option<String>,
    pub date: Option<String>,
    /// Plain text around the match; `highlights` are char spans within it to mark.
    pub snippet: String,
    pub highlights: Vec<Span>,
    pub score: f32,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub quote_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub speaker: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub text: Option<String>,
}

/// One page of results for a query, with the facet counts of all its matches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SearchResults {
    /// Matching articles and quotes, all pages together.
    pub total: usize,
    pub hits: Vec<SearchHit>,
    pub facets: Facets,
}

/// A search as the command line, the API and the window ask for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct SearchRequest {
    /// Sourcebook's query language: words, "phrases", AND/OR/NOT, -word, (groups), prefix*,
    /// fuzzy~, and fields such as `speaker:"Cho Han-bum"` or `date:2024-06..`.
    pub query: String,
    pub sort: SortOrder,
    /// Hits to skip (paging).
    pub offset: usize,
    pub limit: usize,
    /// Count the facets over every match. A first page wants them; the pages after it (and a
    /// plain top ten) do not, and skipping them saves a pass over all matches.
    pub facets: bool,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            query: String::new(),
            sort: SortOrder::Relevance,
            offset: 0,
            limit: 20,
            facets: true,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum SortOrder {
    /// BM25 score, best first.
    #[default]
    Relevance,
    /// Date of publication, latest first; undated last.
    Newest,
    /// Date of publication, earliest first; undated last.
    Oldest,
}

/// How many of a query's matches have each value, per facet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Facets {
    /// Canonical speaker names: a quote counts for its speaker, an article for each speaker
    /// it quotes. Most frequent first.
    pub speaker: Vec<FacetCount>,
    pub publication: Vec<FacetCount>,
    /// Years of publication, in order.
    pub year: Vec<FacetCount>,
    /// Language codes ("en", "ru", "ko", "zh").
    pub language: Vec<FacetCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FacetCount {
    pub value: String,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StyleInfo {
    /// What `--style` takes: the file name without `.csl`.
    pub name: String,
    pub title: String,
    /// "note" (footnote styles) or "in-text" (author-date and numeric styles).
    pub class: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum ImportStatus {
    Imported,
    /// A record that matched an archived article and filled in its missing metadata.
    Enriched,
    Duplicate,
    Failed,
}

/// What happened to one path of an import batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportOutcome {
    pub path: String,
    pub status: ImportStatus,
    pub article_id: Option<String>,
    pub title: Option<String>,
    /// Why it failed, one line.
    pub error: Option<String>,
}

/// How to cite a selection: the style, the output format and a pinpoint for the works.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CiteOptions {
    /// A bundled style's name or the path of a .csl file.
    pub style: String,
    pub format: crate::cite::Format,
    /// A pinpoint for the cited works, "LABEL:VALUE" ("paragraph:9", "page:3"), unless the
    /// selection gives one of their own; quotes always carry their own.
    pub locator: Option<String>,
}

/// A work cited in a selection's citations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CitedWork {
    pub article_id: String,
    pub title: String,
    /// The footnote number in a note style; none in an in-text style.
    pub note: Option<usize>,
    pub citation: String,
}

/// A quote ready to paste: its exact words, who said them as the article states it, and its
/// citations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CitedQuote {
    pub article_id: String,
    pub quote_id: String,
    /// Plain text, exactly as stored (verifiable against the article).
    pub words: String,
    pub speaker: String,
    pub descriptor: Option<String>,
    /// The article cited at the quote's pinpoint (paragraph, or page of a PDF).
    pub citation: String,
    /// The secondary citation the style prescribes ("quoted in", "as cited in", "qtd. in").
    pub quoted_in: String,
    /// A sentence for prose, for the writer to edit.
    pub attribution: String,
}

/// A selection cited in one style and format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Citations {
    pub style: String,
    pub format: crate::cite::Format,
    pub works: Vec<CitedWork>,
    pub quotes: Vec<CitedQuote>,
    /// Entries in the style's order; empty if the style has none.
    pub bibliography: Vec<String>,
    /// For the RTF format: works, quotes and bibliography as one RTF document (what the
    /// clipboard takes as rich text).
    pub document: Option<String>,
    pub missing: Vec<MissingFields>,
}

/// What `export` writes: a bibliography file for a reference manager or LaTeX/pandoc, a
/// Markdown document of the selection's quotes, or a web page of its citations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum ExportFormat {
    Bibtex,
    Biblatex,
    Ris,
    CslJson,
    /// Quotes with pandoc citekeys (`[@key, para. 9]`), to go with a .bib or CSL-JSON file.
    Markdown,
    /// Quotes with their citations rendered in a style, as Markdown footnotes.
    MarkdownNotes,
    /// A standalone HTML page of the citations rendered in a style: quotes, notes and the
    /// bibliography (no scripts; only the style's inline formatting survives).
    Html,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 7] = [
        ExportFormat::Bibtex,
        ExportFormat::Biblatex,
        ExportFormat::Ris,
        ExportFormat::CslJson,
        ExportFormat::Markdown,
        ExportFormat::MarkdownNotes,
        ExportFormat::Html,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Bibtex => "bibtex",
            ExportFormat::Biblatex => "biblatex",
            ExportFormat::Ris => "ris",
            ExportFormat::CslJson => "csl-json",
            ExportFormat::Markdown => "markdown",
            ExportFormat::MarkdownNotes => "markdown-notes",
            ExportFormat::Html => "html",
        }
    }

    /// The file extension a saved export takes.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Bibtex | ExportFormat::Biblatex => "bib",
            ExportFormat::Ris => "ris",
            ExportFormat::CslJson => "json",
            ExportFormat::Markdown | ExportFormat::MarkdownNotes => "md",
            ExportFormat::Html => "html",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        ExportFormat::ALL.into_iter().find(|f| f.name() == s)
    }
}

/// Which articles and quotes to cite or export: ids (articles or quotes, or unique prefixes),
/// a collection, or — with neither — the whole archive.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Selection {
    pub ids: Vec<String>,
    pub collection: Option<String>,
    /// Pinpoints the writer chose, by id as given in `ids`: "LABEL:VALUE" ("paragraph:9",
    /// "page:3"). A quote's replaces the paragraph (or page) it stands at; a work's replaces
    /// [`CiteOptions::locator`].
    #[serde(default)]
    pub locators: BTreeMap<String, String>,
}

/// A work an export lists with fields its citation needs and lacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MissingFields {
    pub article_id: String,
    pub citekey: String,
    pub title: String,
    pub missing: Vec<String>,
}

/// An export: the file's text, and what the writer should fix first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Export {
    pub format: ExportFormat,
    pub content: String,
    /// Citekeys of the exported works, in order.
    pub citekeys: Vec<String>,
    pub missing: Vec<MissingFields>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportReport {
    pub imported: usize,
    pub enriched: usize,
    pub duplicates: usize,
    pub failed: usize,
    pub outcomes: Vec<ImportOutcome>,
}

/// Progress of a long import, reported per file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportProgress {
    pub done: usize,
    pub total: usize,
    pub path: String,
}

/// Progress of a search index rebuild: articles indexed so far, of all in the archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReindexProgress {
    pub done: usize,
    pub total: usize,
}

/// Where the archive lives and how much it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ArchiveInfo {
    pub data_dir: String,
    pub article_count: usize,
}

/// What `extract` finds in one file, without storing anything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Extraction {
    pub title: String,
    /// The article's metadata as a CSL-JSON item: only what the input gives.
    pub source: SourceMeta,
    /// CSL fields a citation needs that the input did not give.
    pub missing: Vec<String>,
    pub language: Option<String>,
    pub paragraphs: Vec<String>,
    /// For paged inputs (PDF): the 1-based page each paragraph starts on; else empty.
    pub pages: Vec<u32>,
    pub boilerplate: Vec<Boilerplate>,
    /// Where each metadata field came from.
    pub provenance: BTreeMap<String, String>,
    pub quotes: Vec<Quote>,
}

/// An error as the UI receives it: a stable `kind` to switch on and one readable line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct IpcError {
    pub kind: String,
    pub message: String,
}
