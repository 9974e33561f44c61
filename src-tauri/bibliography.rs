//! What a writer takes out of the archive: a selection of articles and quotes, the citekeys
//! that name them (given once, never changed), and exports for reference managers, LaTeX and
//! pandoc.

use std::collections::HashMap;

use crate::cite::{export, Format, Locator};
use crate::model::{
    Article, CiteOptions, Export, ExportFormat, MissingFields, Selection, StoredQuote,
};
use crate::{Error, Result, Sourcebook};

/// The articles a selection names, each once, and the quotes it names.
pub struct Selected {
    pub articles: Vec<Article>,
    /// Indexes into `articles` of the articles named as whole works (not only through a
    /// quote of theirs).
    pub works: Vec<usize>,
    /// (index into `articles`, quote, named): a whole article brings all its quotes; `named`
    /// marks a quote the selection names itself.
    pub quotes: Vec<(usize, StoredQuote, bool)>,
    /// The selection's own pinpoints, by article id (its work) or quote id.
    pub locators: HashMap<String, Locator>,
}

impl Selected {
    /// Where a quote is cited: the writer's pinpoint, else where it stands in its article.
    pub fn quote_locator(&self, index: usize, quote: &StoredQuote) -> Locator {
        self.locators
            .get(&quote.id)
            .cloned()
            .unwrap_or_else(|| pinpoint(&self.articles[index], quote))
    }
}

impl Sourcebook {
    /// Resolves a selection: each id is an article or a quote (full or a unique prefix).
    pub fn select(&self, selection: &Selection) -> Result<Selected> {
        let mut ids: Vec<(String, Option<String>)> = Vec::new();
        let mut locators = HashMap::new();
        if let Some(name) = &selection.collection {
            for item in self.archive.collection(name)?.items {
                ids.push((item.article_id, item.quote_id));
            }
        }
        for id in &selection.ids {
            let resolved = match self.resolve_id(id) {
                Ok(article) => (article, None),
                Err(Error::NoMatch { .. }) => {
                    let (article, quote) = self.quote(id).map_err(|e| match e {
                        Error::NoMatch { prefix, .. } => {
                            Error::NoMatch { what: "article or quote", prefix }
                        }
                        other => other,
                    })?;
                    (article, Some(quote.id))
                }
                Err(e) => return Err(e),
            };
            if let Some(text) = selection.locators.get(id) {
                let key = resolved.1.clone().unwrap_or_else(|| resolved.0.clone());
                locators.insert(key, parse_locator(text)?);
            }
            ids.push(resolved);
        }
        if selection.collection.is_none() && selection.ids.is_empty() {
            ids = self.archive.article_ids()?.into_iter().map(|id| (id, None)).collect();
        }
        let mut selected =
            Selected { articles: Vec::new(), works: Vec::new(), quotes: Vec::new(), locators };
        for (article_id, quote_id) in ids {
            let index = match selected.articles.iter().position(|a| a.id == article_id) {
                Some(i) => i,
                None => {
                    selected.articles.push(self.archive.get_article(&article_id)?);
                    selected.articles.len() - 1
                }
            };
            if quote_id.is_none() && !selected.works.contains(&index) {
                selected.works.push(index);
            }
            let article = &selected.articles[index];
            let named = quote_id.is_some();
            let quotes: Vec<&StoredQuote> = match &quote_id {
                Some(q) => article.quotes.iter().filter(|s| &s.id == q).collect(),
                None => article.quotes.iter().collect(),
            };
            for quote in quotes {
                match selected.quotes.iter_mut().find(|(_, s, _)| s.id == quote.id) {
                    Some(entry) => entry.2 |= named,
                    None => selected.quotes.push((index, quote.clone(), named)),
                }
            }
        }
        Ok(selected)
    }

    /// The citekeys of these articles' works, giving a key to each work that has none yet.
    /// A key, once given, is never changed: exported documents keep citing it.
    pub fn citekeys(&mut self, articles: &[Article]) -> Result<Vec<String>> {
        let mut keys = Vec::with_capacity(articles.len());
        for article in articles {
            let key = match self.archive.citekey(&article.id)? {
                Some(key) => key,
                None => {
                    let item = self.cite_item(article)?;
                    let archive = &self.archive;
                    let key = export::citekey(&item, |k| {
                        archive.citekey_taken(k).unwrap_or(true) || keys.iter().any(|t| t == k)
                    });
                    self.archive.assign_citekey(&article.id, &key)?
                }
            };
            keys.push(key);
        }
        Ok(keys)
    }

    /// Exports a selection as a bibliography file (BibTeX, BibLaTeX, RIS, CSL-JSON) or a
    /// Markdown document of its quotes with pandoc citekeys.
    /// `style` renders the citations of [`ExportFormat::MarkdownNotes`] and
    /// [`ExportFormat::Html`]; the other formats are data and ignore it.
    pub fn export(
        &mut self,
        selection: &Selection,
        format: ExportFormat,
        style: &str,
    ) -> Result<Export> {
        let selected = self.select(selection)?;
        let keys = self.citekeys(&selected.articles)?;
        let items: Vec<serde_json::Value> =
            selected.articles.iter().map(|a| self.cite_item(a)).collect::<Result<_>>()?;
        let content = match format {
            ExportFormat::Bibtex => export::bibtex(&items, &keys, export::Dialect::Bibtex),
            ExportFormat::Biblatex => export::bibtex(&items, &keys, export::Dialect::Biblatex),
            ExportFormat::Ris => export::ris(&items, &keys),
            ExportFormat::CslJson => export::csl_json(&items, &keys),
            ExportFormat::Markdown => pandoc_markdown(&selected, &keys),
            ExportFormat::MarkdownNotes => markdown_notes(&self.engine, style, &selected, &items)?,
            ExportFormat::Html => {
                let options =
                    CiteOptions { style: style.to_string(), format: Format::Html, locator: None };
                crate::cite::html_page(&self.cite_selection(selection, &options)?)
            }
        };
        let missing = missing_fields(&selected.articles, |i| keys[i].clone());
        Ok(Export { format, content, citekeys: keys, missing })
    }
}

/// The works among `articles` whose citations lack fields, with their citekeys (`key(i)`
/// for `articles[i]`): what an export or a citation tells the writer to fix first.
pub(crate) fn missing_fields(
    articles: &[Article],
    key: impl Fn(usize) -> String,
) -> Vec<MissingFields> {
    articles
        .iter()
        .enumerate()
        .filter(|(_, a)| !a.missing.is_empty())
        .map(|(i, a)| MissingFields {
            article_id: a.id.clone(),
            citekey: key(i),
            title: a.title.clone(),
            missing: a.missing.clone(),
        })
        .collect()
}

/// CSL name variables whose names the registry may order.
const NAME_VARIABLES: [&str; 6] =
    ["author", "editor", "translator", "interviewer", "container-author", "collection-editor"];

impl Sourcebook {
    /// An article's work as the CSL-JSON item citations and exports use: its `id` is the
    /// article's, and each name the registry knows to read family name first (Park
    /// Chan-kyong) is marked so through CSL's `static-ordering`, whatever the style.
    pub fn cite_item(&self, article: &Article) -> Result<serde_json::Value> {
        let mut item = serde_json::to_value(&article.source).expect("plain data serialises");
        item["id"] = serde_json::Value::String(article.id.clone());
        for variable in NAME_VARIABLES {
            let Some(names) = item.get_mut(variable).and_then(|v| v.as_array_mut()) else {
                continue;
            };
            for name in names.iter_mut().filter_map(|n| n.as_object_mut()) {
                if name.contains_key("static-ordering") {
                    continue;
                }
                let text = |key: &str| name.get(key).and_then(|v| v.as_str()).map(str::to_string);
                let (literal, family, given) = (text("literal"), text("family"), text("given"));
                let full = match (&literal, &family, &given) {
                    (Some(l), _, _) => l.clone(),
                    (None, Some(f), Some(g)) => format!("{f} {g}"),
                    _ => continue,
                };
                if self.archive.family_first(&full)? != Some(true) {
                    continue;
                }
                if let Some(literal) = literal {
                    // "Seo Ji-hyun" from a byline: family name, then the given name.
                    let Some((family, given)) = literal.split_once(' ') else { continue };
                    name.remove("literal");
                    name.insert("family".into(), family.into());
                    name.insert("given".into(), given.into());
                }
                name.insert("static-ordering".into(), true.into());
            }
        }
        Ok(item)
    }
}

/// Where a quote stands in its article, as the reader shows it: the page of a paged original,
/// else the paragraph number (from 1).
fn pinpoint(article: &Article, quote: &StoredQuote) -> Locator {
    match article.pages.get(quote.quote.paragraph) {
        Some(page) => Locator::page(page.to_string()),
        None => Locator::paragraph(quote.quote.paragraph + 1),
    }
}

/// "paragraph:9", "page:3-4" → a CSL locator (the engine checks the label is CSL's).
pub(crate) fn parse_locator(text: &str) -> Result<Locator> {
    match text.split_once(':') {
        Some((label, value)) if !label.trim().is_empty() && !value.trim().is_empty() => {
            Ok(Locator::new(label.trim(), value.trim()))
        }
        _ => Err(Error::InvalidLocator(text.to_string())),
    }
}

/// Each quote as a block quote with its speaker and a pandoc citation (`[@key, para. 9]`), to
/// be rendered by `pandoc --citeproc` with the matching bibliography file.
fn pandoc_markdown(selected: &Selected, keys: &[String]) -> String {
    let mut out = String::new();
    for (index, stored, _) in &selected.quotes {
        let q = &stored.quote;
        let at = selected.quote_locator(*index, stored);
        let label = match at.label.as_str() {
            "page" => "p.",
            "paragraph" => "para.",
            other => other,
        };
        // An unnamed source is named by its role ("ministry official"): say it once.
        let role = match q.descriptor.as_deref() {
            Some(d) if d != q.speaker => format!(", {d}"),
            _ => String::new(),
        };
        out.push_str(&format!(
            "> {}\n>\n> — {}{} [@{}, {label} {}]\n\n",
            escape_markdown(&q.text),
            escape_markdown(&q.speaker),
            escape_markdown(&role),
            keys[*index],
            at.value
        ));
    }
    if selected.quotes.is_empty() {
        // Works without quotes are still cited, so the bibliography lists them.
        let cites: Vec<String> = keys.iter().map(|k| format!("[@{k}]")).collect();
        out.push_str(&cites.join(" "));
        out.push('\n');
    }
    out
}

/// Each quote as a block quote whose footnote (or, in an in-text style, bracketed citation) is
/// its secondary citation in `style` — "Cho Han-bum, quoted in …" — with the bibliography
/// after.
fn markdown_notes(
    engine: &crate::cite::CiteEngine,
    style: &str,
    selected: &Selected,
    items: &[serde_json::Value],
) -> Result<String> {
    use crate::cite::QuoteCitation;
    let cites = selected
        .quotes
        .iter()
        .map(|(index, stored, _)| {
            let article = &selected.articles[*index];
            let quote = QuoteCitation {
                quote: &stored.quote,
                context: context_of(article, stored),
                item: &items[*index],
                locator: Some(selected.quote_locator(*index, stored)),
            };
            crate::cite::quoted_in(style, &quote)
        })
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let doc = engine.cite_many(style, items, &cites, Format::Markdown)?;
    let mut body = String::new();
    let mut notes = String::new();
    for ((_, stored, _), cite) in selected.quotes.iter().zip(&doc.citations) {
        let words = escape_markdown(&stored.quote.text);
        match cite.note {
            Some(n) => {
                body.push_str(&format!("> {words}[^{n}]\n\n"));
                notes.push_str(&format!("[^{n}]: {}\n", cite.text));
            }
            None => body.push_str(&format!("> {words} {}\n\n", cite.text)),
        }
    }
    if !notes.is_empty() {
        body.push_str(&notes);
        body.push('\n');
    }
    if !doc.bibliography.is_empty() {
        body.push_str("## Bibliography\n\n");
        for entry in &doc.bibliography {
            body.push_str(&format!("{}\n\n", entry.text));
        }
    }
    Ok(body)
}

/// For a partial quote, the reported clause by the same speaker in the same paragraph that
/// holds its words: what makes the fragment a sentence in an attribution.
pub(crate) fn context_of<'a>(article: &'a Article, partial: &StoredQuote) -> Option<&'a str> {
    let p = &partial.quote;
    if p.kind != crate::model::QuoteKind::Partial {
        return None;
    }
    article
        .quotes
        .iter()
        .map(|s| &s.quote)
        .find(|q| {
            q.kind == crate::model::QuoteKind::Indirect
                && q.speaker == p.speaker
                && q.paragraph == p.paragraph
                && q.text.contains(p.text.as_str())
        })
        .map(|q| q.text.as_str())
}

/// Escapes what Markdown (and pandoc's citation syntax) would read as markup in quoted words.
pub(crate) fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '[' | ']' | '`' | '@' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
