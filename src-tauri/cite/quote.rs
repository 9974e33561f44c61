//! Quotes as a writer uses them: the secondary ("quoted in") citation each style prescribes,
//! built as CSL (a prefix on the cited article, with the pinpoint), and an attribution
//! sentence for prose.
//!
//! Everything here is pure: the engine renders what it builds (see `CiteEngine::cite_quote`).
use serde::Serialize;
use serde_json::Value;

use super::document::{CiteItem, Locator};
use super::format::Run;
use super::Result;
use crate::model::{Quote, QuoteKind};

/// A quote to export, as the archive holds it.
#[derive(Clone, Debug)]
pub struct QuoteCitation<'a> {
    pub quote: &'a Quote,
    /// For a partial quote: the reported clause it sits in (the indirect quote by the same
    /// speaker in the same paragraph whose text contains it), which makes a whole sentence.
    pub context: Option<&'a str>,
    /// The article's CSL-JSON item; its `id` is what is cited.
    pub item: &'a Value,
    /// The pinpoint the reader shows: [`Locator::paragraph`] (`quote.paragraph + 1`) or
    /// [`Locator::page`] for a PDF.
    pub locator: Option<Locator>,
}

impl QuoteCitation<'_> {
    /// The article cited at the quote's pinpoint.
    pub(crate) fn direct(&self) -> Result<CiteItem> {
        let id = super::item_ids(std::slice::from_ref(self.item))?.remove(0);
        Ok(CiteItem::new(id).at(self.locator.clone()))
    }
}

/// A quote ready to paste. `words`, `speaker` and `descriptor` are plain text, exactly as
/// stored; the other fields are in the format asked for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuoteExport {
    /// The exact words, verifiable against the article's stored text.
    pub words: String,
    pub speaker: String,
    /// The speaker's role as the article states it.
    pub descriptor: Option<String>,
    /// The article cited at the quote's pinpoint (first note or in-text citation).
    pub citation: String,
    /// The secondary citation of the speaker's words through the article, in the style's
    /// form: "Cho Han-bum, quoted in …" (Chicago), "(Cho Han-bum, as cited in Park, 2024, …)"
    /// (APA), "(qtd. in Park …)" (MLA), "(Cho Han-bum, cited in Park, 2024, …)" (Harvard).
    pub quoted_in: String,
    /// The article's bibliography entry (empty if the style has no bibliography).
    pub bibliography: String,
    /// A sentence for prose, for the writer to edit.
    pub attribution: String,
}

/// How a style cites words it takes from a source that reports them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Secondary {
    /// "Cho Han-bum, quoted in …": Chicago (notes and author-date), and the default for other
    /// note and author-date styles.
    QuotedIn,
    /// "(Cho Han-bum, as cited in Park, 2024)": APA 7 (§8.6).
    AsCitedIn,
    /// "(qtd. in Park)": MLA 9; the speaker is named in the prose.
    QtdIn,
    /// "(Cho Han-bum, cited in Park, 2024)": Cite Them Right and Harvard styles.
    CitedIn,
    /// Numeric styles (IEEE): a citation is a reference number, and IEEE's guide has no
    /// secondary form; the source read is cited with its pinpoint and the speaker is named
    /// in the prose ("…, Cho Han-bum told the outlet [1, para. 9]").
    Numeric,
}

impl Secondary {
    /// The convention of a style, from its identity (`<id>`, `<title>`, template links) and,
    /// failing that, its citation format, so that a user's APA or Harvard variant gets its
    /// family's phrase.
    pub fn of_style(xml: &str) -> Self {
        let Ok(doc) = roxmltree::Document::parse(xml.trim_start_matches('\u{feff}')) else {
            return Secondary::QuotedIn;
        };
        let root = doc.root_element();
        let info = root.children().find(|n| n.has_tag_name("info"));
        let children = || info.into_iter().flat_map(|info| info.children());
        let text_of = |name: &str| {
            children().find(|n| n.has_tag_name(name)).and_then(|n| n.text()).unwrap_or_default()
        };
        // The last path segments of the style's id and of the styles it was made from.
        let mut ids: Vec<String> = children()
            .filter(|n| n.has_tag_name("link") && matches!(n.attribute("rel"), Some("template")))
            .filter_map(|n| n.attribute("href"))
            .chain([text_of("id")])
            .map(|id| id.trim().rsplit('/').next().unwrap_or_default().to_ascii_lowercase())
            .collect();
        let title = text_of("title");
        ids.extend(title.split(|c: char| !c.is_alphanumeric()).map(str::to_ascii_lowercase));
        let named = |family: &str| {
            ids.iter().any(|id| id == family || id.starts_with(&format!("{family}-")))
        };
        let title = title.to_lowercase();
        let format = children()
            .filter(|n| n.has_tag_name("category"))
            .find_map(|n| n.attribute("citation-format"));
        if named("chicago") {
            Secondary::QuotedIn
        } else if named("apa") || title.contains("american psychological association") {
            Secondary::AsCitedIn
        } else if named("mla")
            || named("modern-language-association")
            || title.contains("modern language association")
        {
            Secondary::QtdIn
        } else if ids.iter().any(|id| id.contains("harvard")) && format != Some("note") {
            // (A note style naming Harvard is a law review's, not the Harvard system.)
            Secondary::CitedIn
        } else if named("ieee") || matches!(format, Some("numeric" | "label")) {
            Secondary::Numeric
        } else {
            Secondary::QuotedIn
        }
    }

    /// `direct` (the article at the quote's pinpoint) cited as the source of `speaker`'s
    /// words: the style's phrase goes in the item's prefix, so citeproc-js places it inside
    /// the parentheses or at the head of the note.
    pub fn cite(self, speaker: &str, direct: &CiteItem) -> CiteItem {
        let prefix = match self {
            Secondary::QuotedIn => format!("{speaker}, quoted in "),
            Secondary::AsCitedIn => format!("{speaker}, as cited in "),
            Secondary::QtdIn => "qtd. in ".to_string(),
            Secondary::CitedIn => format!("{speaker}, cited in "),
            Secondary::Numeric => return direct.clone(),
        };
        CiteItem { prefix: Some(prefix), ..direct.clone() }
    }
}

/// The attribution sentence as rich text (the publication in italics):
/// - indirect: "Cho Han-bum, a senior research fellow at …, told the *South China Morning
///   Post* that Russia … was “quite a burden” for China." (the cue and the reported clause);
/// - direct: "“…,” Cho Han-bum, …, said." when the quote ends in a comma, question or
///   exclamation mark, else "Cho Han-bum, …, said: “….”" so the words stay exact;
/// - partial: as indirect with its `context`, else "X used the words “…”."
pub(crate) fn attribution(quote: &QuoteCitation) -> Vec<Run> {
    let q = quote.quote;
    let cue = q.cue.as_deref().map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "));
    let cue = cue.as_deref().filter(|c| !c.is_empty()).unwrap_or("said");
    let according = cue.to_lowercase().starts_with("according to");
    let publication = publication(quote.item);
    // "told" needs its object: the outlet, or plain "said" when the item names none.
    let verb: Vec<Run> = match (cue, publication) {
        ("told", Some(mut outlet)) => {
            outlet.insert(0, Run::plain("told "));
            outlet
        }
        ("told", None) => vec![Run::plain("said")],
        (cue, _) => vec![Run::plain(cue)],
    };
    let speaker = q.speaker.trim();
    let descriptor = q
        .descriptor
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty() && !speaker.to_lowercase().contains(&d.to_lowercase()));
    // "Cho Han-bum, a senior research fellow at …" with the appositive closed by a comma
    // when more of the sentence follows.
    let who = |closing: &str| match descriptor {
        Some(d) => format!("{speaker}, {d}{closing}"),
        None => speaker.to_string(),
    };
    let mut runs = Vec::new();
    match (q.kind, quote.context) {
        (QuoteKind::Direct, _) => {
            let words = nested(q.text.trim());
            let ends_open = words.ends_with([',', '?', '!', '—', '…']);
            match (according, ends_open) {
                (true, true) => {
                    runs.push(Run::plain(format!("“{words}” according to {}.", who(""))))
                }
                (true, false) => {
                    runs.push(Run::plain(format!("According to {}, “{words}”", who(""))))
                }
                (false, true) => {
                    runs.push(Run::plain(format!("“{words}” {} ", who(","))));
                    runs.extend(verb);
                    runs.push(Run::plain("."));
                }
                (false, false) => {
                    runs.push(Run::plain(format!("{} ", who(","))));
                    runs.extend(verb);
                    runs.push(Run::plain(format!(": “{words}”")));
                }
            }
            if !ends_open && !words.ends_with(['.', '?', '!']) {
                runs.push(Run::plain("."));
            }
        }
        (QuoteKind::Partial, None) => {
            runs.push(Run::plain(format!("{} used the words “{}”.", who(","), q.text.trim())));
        }
        (kind, context) => {
            let context = context.filter(|_| kind == QuoteKind::Partial);
            let clause = context.unwrap_or(&q.text).trim();
            if according {
                runs.push(Run::plain(format!("According to {}, {clause}", who(""))));
            } else {
                runs.push(Run::plain(format!("{} ", who(","))));
                runs.extend(verb);
                let that = cue.ends_with(" that") || clause.starts_with("that ");
                runs.push(Run::plain(if that {
                    format!(" {clause}")
                } else {
                    format!(" that {clause}")
                }));
            }
            if !clause.ends_with(['.', '?', '!']) {
                runs.push(Run::plain("."));
            }
        }
    }
    capitalise_first(&mut runs);
    runs
}

/// Double quotation marks inside a direct quote become single ones once it is itself
/// between double marks (the words are unchanged).
fn nested(words: &str) -> String {
    words.replace('“', "‘").replace('”', "’")
}

fn capitalise_first(runs: &mut [Run]) {
    if let Some(run) = runs.first_mut() {
        let mut chars = run.text.chars();
        if let Some(first) = chars.next() {
            run.text = first.to_uppercase().chain(chars).collect();
        }
    }
}

/// News agencies, set in roman in running text (Chicago), unlike newspapers.
const AGENCIES: [&str; 11] = [
    "Reuters",
    "Associated Press",
    "Agence France-Presse",
    "AFP",
    "Yonhap",
    "Xinhua",
    "TASS",
    "Interfax",
    "Kyodo News",
    "RIA Novosti",
    "KCNA",
];

/// Newspaper names read with "the" in prose ("the *South China Morning Post*") end in one of
/// these words; others do not ("*NK News*", "*China Daily*").
const TAKES_THE: [&str; 14] = [
    "Post",
    "Times",
    "Herald",
    "Journal",
    "Tribune",
    "Guardian",
    "Telegraph",
    "Economist",
    "Observer",
    "Globe",
    "Gazette",
    "Monitor",
    "Chronicle",
    "Diplomat",
];

/// The item's publication as prose names it (Chicago's rules): an initial "The" lower-cased
/// and kept out of the italics, newspapers italicised, news agencies in roman.
fn publication(item: &Value) -> Option<Vec<Run>> {
    let title = item.get("container-title")?.as_str()?.trim();
    if title.is_empty() {
        return None;
    }
    if let Some(rest) = title.strip_prefix("The ") {
        return Some(vec![Run::plain("the "), Run::italic(rest)]);
    }
    let last = title.rsplit(' ').next().unwrap_or(title);
    if last == "Agency" {
        return Some(vec![Run::plain(format!("the {title}"))]);
    }
    if AGENCIES.contains(&title) {
        return Some(vec![Run::plain(title)]);
    }
    if TAKES_THE.contains(&last) {
        return Some(vec![Run::plain("the "), Run::italic(title)]);
    }
    Some(vec![Run::italic(title)])
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::format::Format;
    use super::*;

    const CHO: &str = "Cho Han-bum";
    const KINU: &str = "a senior research fellow at the Korea Institute for National Unification";

    fn quote(kind: QuoteKind, text: &str, cue: Option<&str>) -> Quote {
        Quote {
            text: text.into(),
            kind,
            speaker: CHO.into(),
            descriptor: Some(KINU.into()),
            cue: cue.map(Into::into),
            paragraph: 8,
            start: 0,
            end: text.chars().count(),
        }
    }

    fn sentence(quote: &Quote, context: Option<&str>, item: &Value, format: Format) -> String {
        let q = QuoteCitation { quote, context, item, locator: None };
        format.write(&attribution(&q))
    }

    fn scmp() -> Value {
        json!({ "id": "scmp", "type": "article-newspaper", "container-title": "South China Morning Post" })
    }

    const TREATY: &str = "Russia and North Korea’s new treaty on comprehensive strategic \
                          partnership was “quite a burden” for China";

    #[test]
    fn an_indirect_quote_told_to_a_newspaper_names_it_in_italics() {
        let q = quote(QuoteKind::Indirect, TREATY, Some("told"));
        let expected = format!("{CHO}, {KINU}, told the South China Morning Post that {TREATY}.");
        assert_eq!(sentence(&q, None, &scmp(), Format::Text), expected);
        assert_eq!(
            sentence(&q, None, &scmp(), Format::Markdown),
            format!("{CHO}, {KINU}, told the *South China Morning Post* that {TREATY}.")
        );
        assert_eq!(
            sentence(&q, None, &scmp(), Format::Html),
            format!("{CHO}, {KINU}, told the <i>South China Morning Post</i> that {TREATY}.")
        );
        assert!(sentence(&q, None, &scmp(), Format::Rtf)
            .contains("told the {\\i{}South China Morning Post} that"));
        // Without a publication, "told" has no object: the sentence says "said".
        let unnamed = json!({ "id": "x", "type": "article-newspaper" });
        assert_eq!(
            sentence(&q, None, &unnamed, Format::Text),
            format!("{CHO}, {KINU}, said that {TREATY}.")
        );
    }

    #[test]
    fn indirect_quotes_use_their_cue() {
        let q = quote(
            QuoteKind::Indirect,
            "the close relations … could be “temporary”",
            Some("echoed the view"),
        );
        assert_eq!(
            sentence(&q, None, &scmp(), Format::Text),
            format!(
                "{CHO}, {KINU}, echoed the view that the close relations … could be “temporary”."
            )
        );
        let mut q = quote(
            QuoteKind::Indirect,
            "North Korean state-run broadcasters … switched",
            Some("according to"),
        );
        q.speaker = "LyngSat".into();
        q.descriptor = Some("global TV and radio satellite data intelligence website".into());
        assert_eq!(
            sentence(&q, None, &scmp(), Format::Text),
            "According to LyngSat, global TV and radio satellite data intelligence website, \
             North Korean state-run broadcasters … switched."
        );
        // A descriptor that only repeats the speaker's phrase is left out.
        let mut q = quote(QuoteKind::Indirect, "North Korea had switched", Some("announced"));
        q.speaker = "South Korean ministry of unification official".into();
        q.descriptor = Some(q.speaker.clone());
        assert_eq!(
            sentence(&q, None, &scmp(), Format::Text),
            "South Korean ministry of unification official announced that North Korea had switched."
        );
    }

    #[test]
    fn direct_quotes_keep_their_words() {
        let q = quote(
            QuoteKind::Direct,
            "However, after this treaty … Russia can now intervene,",
            Some("said"),
        );
        assert_eq!(
            sentence(&q, None, &scmp(), Format::Text),
            format!(
                "“However, after this treaty … Russia can now intervene,” {CHO}, {KINU}, said."
            )
        );
        // A quote ending a sentence keeps its full stop: the colon form.
        let q =
            quote(QuoteKind::Direct, "China also needs to manage “North Korea” as an asset.", None);
        assert_eq!(
            sentence(&q, None, &scmp(), Format::Markdown),
            format!("{CHO}, {KINU}, said: “China also needs to manage ‘North Korea’ as an asset.”")
        );
        let q = quote(QuoteKind::Direct, "It was a burden", Some("told"));
        assert_eq!(
            sentence(&q, None, &scmp(), Format::Html),
            format!("{CHO}, {KINU}, told the <i>South China Morning Post</i>: “It was a burden”.")
        );
    }

    #[test]
    fn partial_quotes_use_the_clause_they_sit_in() {
        let q = quote(QuoteKind::Partial, "quite a burden", Some("said"));
        assert_eq!(
            sentence(&q, Some(TREATY), &scmp(), Format::Text),
            format!("{CHO}, {KINU}, said that {TREATY}.")
        );
        assert_eq!(
            sentence(&q, None, &scmp(), Format::Text),
            format!("{CHO}, {KINU}, used the words “quite a burden”.")
        );
    }

    #[test]
    fn publications_read_as_prose_names_them() {
        let runs = |title: &str| publication(&json!({ "container-title": title })).unwrap();
        assert_eq!(runs("The Korea Herald"), [Run::plain("the "), Run::italic("Korea Herald")]);
        assert_eq!(runs("NK News"), [Run::italic("NK News")]);
        assert_eq!(runs("Yonhap"), [Run::plain("Yonhap")]);
        assert_eq!(
            runs("Korean Central News Agency"),
            [Run::plain("the Korean Central News Agency")]
        );
        assert_eq!(runs("Global Times"), [Run::plain("the "), Run::italic("Global Times")]);
    }

    fn style(id: &str, title: &str, format: &str) -> String {
        format!(
            "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\">\
             <info><title>{title}</title><id>{id}</id>\
             <category citation-format=\"{format}\"/></info><citation/></style>"
        )
    }

    #[test]
    fn the_secondary_form_follows_the_style_family() {
        use super::super::style::BUNDLED;
        let of =
            |name: &str| Secondary::of_style(BUNDLED.iter().find(|b| b.name == name).unwrap().xml);
        assert_eq!(of("chicago-notes-bibliography"), Secondary::QuotedIn);
        assert_eq!(of("chicago-notes-bibliography-17th-edition"), Secondary::QuotedIn);
        assert_eq!(of("chicago-author-date"), Secondary::QuotedIn);
        assert_eq!(of("apa"), Secondary::AsCitedIn);
        assert_eq!(of("modern-language-association"), Secondary::QtdIn);
        assert_eq!(of("harvard-cite-them-right"), Secondary::CitedIn);
        assert_eq!(of("ieee"), Secondary::Numeric);
        // Users' styles: by name, else by citation format.
        let user =
            |id: &str, title: &str, format: &str| Secondary::of_style(&style(id, title, format));
        assert_eq!(
            user(
                "http://www.zotero.org/styles/apa-no-ampersand",
                "APA (no ampersand)",
                "author-date"
            ),
            Secondary::AsCitedIn
        );
        assert_eq!(
            user("http://example.org/styles/leeds", "University of Leeds – Harvard", "author-date"),
            Secondary::CitedIn
        );
        assert_eq!(
            user("http://example.org/styles/x", "Journal of Korean Studies", "note"),
            Secondary::QuotedIn
        );
        assert_eq!(user("http://example.org/styles/y", "Vancouver", "numeric"), Secondary::Numeric);
        assert_eq!(
            user("http://example.org/styles/japanese", "Japanese Studies", "author-date"),
            Secondary::QuotedIn
        );
        assert_eq!(Secondary::of_style("not xml"), Secondary::QuotedIn);
    }

    #[test]
    fn the_secondary_citation_is_a_prefix_on_the_pinpointed_article() {
        let direct = CiteItem::new("scmp").at(Some(Locator::paragraph(9)));
        let cited = Secondary::AsCitedIn.cite(CHO, &direct);
        assert_eq!(cited.prefix.as_deref(), Some("Cho Han-bum, as cited in "));
        assert_eq!(cited.locator, Some(Locator::new("paragraph", "9")));
        assert_eq!(Secondary::QtdIn.cite(CHO, &direct).prefix.as_deref(), Some("qtd. in "));
        assert_eq!(Secondary::Numeric.cite(CHO, &direct), direct);
    }
}
