//! Citing a selection in a style: works at a pinpoint, and quotes with their words, speaker,
//! secondary ("quoted in") citation and attribution sentence. What a citation needs is read
//! from the archive first; rendering, which can take seconds the first time a style is used,
//! then runs without it (so the window's archive is never held while citeproc works).

use std::sync::Arc;

use crate::bibliography::{context_of, missing_fields, parse_locator};
use crate::cite::{self, CiteItem, CiteRequest, Format, Locator, QuoteCitation};
use crate::model::{
    Citations, CiteOptions, CitedQuote, CitedWork, MissingFields, Selection, StoredQuote,
};
use crate::{Result, Sourcebook};

/// A selection's citations, gathered and ready to render.
pub struct CitationsJob {
    engine: Arc<cite::CiteEngine>,
    options: CiteOptions,
    /// CSL items of every article involved, in selection order.
    items: Vec<serde_json::Value>,
    /// The works cited whole, in selection order.
    works: Vec<WorkJob>,
    /// Each quote with its article's item index, pinpoint and reported clause.
    quotes: Vec<QuoteJob>,
    missing: Vec<MissingFields>,
}

struct WorkJob {
    article_id: String,
    title: String,
    item: usize,
    locator: Option<Locator>,
}

struct QuoteJob {
    article_id: String,
    item: usize,
    stored: StoredQuote,
    context: Option<String>,
    locator: Locator,
}

impl Sourcebook {
    /// Gathers what citing `selection` needs. Articles named whole are cited as works (at the
    /// selection's pinpoint for them, else at `options.locator` if given); quotes named are
    /// cited at the selection's pinpoint for them, else where they stand.
    pub fn citations_job(
        &self,
        selection: &Selection,
        options: &CiteOptions,
    ) -> Result<CitationsJob> {
        let locator = options.locator.as_deref().map(parse_locator).transpose()?;
        let selected = self.select(selection)?;
        let items =
            selected.articles.iter().map(|a| self.cite_item(a)).collect::<Result<Vec<_>>>()?;
        let works = selected
            .works
            .iter()
            .map(|&i| {
                let article = &selected.articles[i];
                WorkJob {
                    article_id: article.id.clone(),
                    title: article.title.clone(),
                    item: i,
                    locator: selected.locators.get(&article.id).cloned().or(locator.clone()),
                }
            })
            .collect();
        let quotes = selected
            .quotes
            .iter()
            .filter(|(_, _, named)| *named)
            .map(|(i, stored, _)| {
                let article = &selected.articles[*i];
                QuoteJob {
                    article_id: article.id.clone(),
                    item: *i,
                    stored: stored.clone(),
                    context: context_of(article, stored).map(str::to_string),
                    locator: selected.quote_locator(*i, stored),
                }
            })
            .collect();
        // A work not yet exported has no citekey; citing does not give it one.
        let missing = missing_fields(&selected.articles, |i| {
            self.archive.citekey(&selected.articles[i].id).ok().flatten().unwrap_or_default()
        });
        Ok(CitationsJob {
            engine: Arc::clone(&self.engine),
            options: options.clone(),
            items,
            works,
            quotes,
            missing,
        })
    }

    /// Cites a selection in one go (the command line; the window renders the job off its
    /// archive lock).
    pub fn cite_selection(
        &self,
        selection: &Selection,
        options: &CiteOptions,
    ) -> Result<Citations> {
        self.citations_job(selection, options)?.render()
    }
}

impl CitationsJob {
    pub fn render(self) -> Result<Citations> {
        let (style, format) = (self.options.style.as_str(), self.options.format);
        let id = |i: usize| self.items[i]["id"].as_str().unwrap_or_default().to_string();
        // Works go into one document, as a paper cites them: notes numbered in order, a
        // repeated work shortened as the style says, and one bibliography of everything.
        let cites: Vec<CiteRequest> = self
            .works
            .iter()
            .map(|w| CiteRequest::one(CiteItem::new(id(w.item)).at(w.locator.clone())))
            .collect();
        let doc = self.engine.cite_many(style, &self.items, &cites, format)?;
        let works: Vec<CitedWork> = self
            .works
            .iter()
            .zip(&doc.citations)
            .map(|(work, cite)| CitedWork {
                article_id: work.article_id.clone(),
                title: work.title.clone(),
                note: cite.note,
                citation: cite.text.clone(),
            })
            .collect();
        let mut quotes = Vec::with_capacity(self.quotes.len());
        for job in &self.quotes {
            let citation = QuoteCitation {
                quote: &job.stored.quote,
                context: job.context.as_deref(),
                item: &self.items[job.item],
                locator: Some(job.locator.clone()),
            };
            let out = self.engine.cite_quote(style, &citation, format)?;
            quotes.push(CitedQuote {
                article_id: job.article_id.clone(),
                quote_id: job.stored.id.clone(),
                words: out.words,
                speaker: out.speaker,
                descriptor: out.descriptor,
                citation: out.citation,
                quoted_in: out.quoted_in,
                attribution: out.attribution,
            });
        }
        let bibliography: Vec<String> = doc.bibliography.into_iter().map(|e| e.text).collect();
        let document = (format == Format::Rtf).then(|| {
            // The hanging indent is the bibliography's; notes and sentences stand flush.
            let mut flush: Vec<&str> = Vec::new();
            for quote in &quotes {
                flush.extend([quote.attribution.as_str(), quote.quoted_in.as_str()]);
            }
            flush.extend(works.iter().map(|w| w.citation.as_str()));
            let body = cite::rtf_document(&flush, false);
            let entries = cite::rtf_document(&bibliography, doc.hanging_indent);
            join_rtf(&body, &entries)
        });
        Ok(Citations {
            style: self.options.style,
            format,
            works,
            quotes,
            bibliography,
            document,
            missing: self.missing,
        })
    }
}

/// One RTF document of two: the second's paragraphs after the first's.
fn join_rtf(first: &str, second: &str) -> String {
    let head = first.strip_suffix('}').unwrap_or(first);
    let tail = second.split_once('\n').map_or("}", |(_, rest)| rest);
    format!("{head}{tail}")
}
