//! The tantivy index: a derived, rebuildable view of the archive for full-text search.
//!
//! Invariant: the archive is the truth. Every index commit records the archive generation it
//! reflects; an index that is missing, unreadable or behind is rebuilt from the archive.
//!
//! A search goes `query` (text → tree) → `compile` (tree → tantivy query) → the ranked page
//! (BM25 or date), then one pass over all matches that counts them and tallies `facets` →
//! `snippet` per hit on the page. Every
//! text field is analysed by `tokenize`, which handles English, Russian, Chinese and Korean.

mod compile;
mod date_filter;
mod facets;
mod query;
mod schema;
mod snippet;
#[cfg(test)]
mod tests;
mod tokenize;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use tantivy::collector::{Count, TopDocs};
use tantivy::schema::Value;
use tantivy::{
    DocAddress, Index, IndexReader, IndexWriter, ReloadPolicy, Score, SegmentReader,
    TantivyDocument, Term,
};

use crate::archive::name_key;
use crate::model::{Article, CslDate, HitKind, SearchHit, SearchRequest, SearchResults, SortOrder};
pub use query::ParseError;
use schema::Fields;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("search index error: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("cannot open the search index at {path}: {reason}")]
    Open { path: PathBuf, reason: String },
    #[error("cannot understand the query: {0}")]
    Query(#[from] ParseError),
    /// The archive failed to give an article while the index was rebuilt from it; nothing
    /// was committed.
    #[error("cannot read the archive to index it: {0}")]
    Source(Box<dyn std::error::Error + Send + Sync>),
}

pub type Result<T> = std::result::Result<T, Error>;

/// Memory the writer may buffer before flushing; imports are small, one thread is enough.
const WRITER_BUDGET: usize = 30_000_000;

pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it when absent. A directory that holds something
    /// unreadable, or an index of another schema (or analyser), is cleared: its content is
    /// derived and will be rebuilt.
    pub fn open(dir: &Path) -> Result<SearchIndex> {
        let (schema, fields) = schema::build();
        let open_err = |reason: String| Error::Open { path: dir.to_path_buf(), reason };
        std::fs::create_dir_all(dir).map_err(|e| open_err(e.to_string()))?;
        let index = match Index::open_in_dir(dir) {
            Ok(index) if index.schema() == schema => index,
            _ => {
                std::fs::remove_dir_all(dir).map_err(|e| open_err(e.to_string()))?;
                std::fs::create_dir_all(dir).map_err(|e| open_err(e.to_string()))?;
                Index::create_in_dir(dir, schema).map_err(|e| open_err(e.to_string()))?
            }
        };
        Self::with_index(index, fields)
    }

    /// An index held in memory, for tests.
    #[cfg(test)]
    fn in_memory() -> Result<SearchIndex> {
        let (schema, fields) = schema::build();
        Self::with_index(Index::create_in_ram(schema), fields)
    }

    fn with_index(index: Index, fields: Fields) -> Result<SearchIndex> {
        // Analysers are code, not index data: they are registered at every open.
        index.tokenizers().register(tokenize::NAME, tokenize::Words::default());
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        Ok(SearchIndex { index, reader, fields })
    }

    /// The archive generation the last commit reflected; `None` for a fresh index.
    pub fn generation(&self) -> Result<Option<u64>> {
        let metas = self.index.load_metas()?;
        Ok(metas.payload.and_then(|p| p.parse().ok()))
    }

    /// Replaces the documents of these articles (the article and its quotes) and records
    /// `generation` in the commit.
    pub fn update(&mut self, articles: &[Article], generation: u64) -> Result<()> {
        self.write(generation, |writer, f| {
            for article in articles {
                writer.delete_term(Term::from_field_text(f.article_id, &article.id));
                add_article(writer, f, article)?;
            }
            Ok(())
        })
    }

    /// Drops the documents of deleted articles and records `generation` in the commit.
    pub fn remove(&mut self, article_ids: &[String], generation: u64) -> Result<()> {
        self.write(generation, |writer, f| {
            for id in article_ids {
                writer.delete_term(Term::from_field_text(f.article_id, id));
            }
            Ok(())
        })
    }

    /// Rebuilds everything from the given articles (the whole archive), read one at a time so
    /// memory does not grow with the archive. An article that cannot be read stops the
    /// rebuild before anything is committed.
    pub fn rebuild<I, E>(&mut self, articles: I, generation: u64) -> Result<()>
    where
        I: IntoIterator<Item = std::result::Result<Article, E>>,
        E: std::error::Error + Send + Sync + 'static,
    {
        self.write(generation, |writer, f| {
            writer.delete_all_documents()?;
            for article in articles {
                add_article(writer, f, &article.map_err(|e| Error::Source(Box::new(e)))?)?;
            }
            Ok(())
        })
    }

    fn write<F>(&mut self, generation: u64, fill: F) -> Result<()>
    where
        F: FnOnce(&mut IndexWriter, &Fields) -> Result<()>,
    {
        // The writer (and its lock) lives only for one batch, so a CLI run and the desktop
        // window can take turns on the same index.
        let mut writer = self.index.writer_with_num_threads(1, WRITER_BUDGET)?;
        fill(&mut writer, &self.fields)?;
        let mut commit = writer.prepare_commit()?;
        commit.set_payload(&generation.to_string());
        commit.commit()?;
        writer.wait_merging_threads()?;
        self.reader.reload()?;
        Ok(())
    }

    /// Runs a query: one page of hits in the requested order, the total and the facets.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let tree = query::parse(&request.query)?;
        let searcher = self.reader.searcher();
        let compiled = compile::compile(&tree, &self.fields, &searcher)?;
        // tantivy wants room for at least one hit; a page of none is cut below.
        let page = TopDocs::with_limit(request.limit.max(1)).and_offset(request.offset);
        let mut top: Vec<(Score, DocAddress)> = match request.sort {
            SortOrder::Relevance => searcher.search(&*compiled.query, &page)?,
            order => {
                let newest = order == SortOrder::Newest;
                let by_date = page.tweak_score(move |segment: &SegmentReader| {
                    let days = segment
                        .fast_fields()
                        .column_opt::<i64>(schema::column::DATE_FROM)
                        .ok()
                        .flatten();
                    move |doc, score: Score| {
                        let day = days.as_ref().and_then(|d| d.first(doc));
                        // Undated documents come last either way.
                        let key = day.map_or(i64::MIN, |d| if newest { d } else { -d });
                        (key, score)
                    }
                });
                let dated = searcher.search(&*compiled.query, &by_date)?;
                dated.into_iter().map(|((_, score), a)| (score, a)).collect()
            }
        };
        // Counting visits every match but needs no score. Kept apart from the ranking, it lets
        // the ranking skip blocks of documents that cannot reach the page (block-max WAND).
        let tally = request.facets.then_some(facets::FacetCollector);
        let (total, tally) = searcher.search(&*compiled.query, &(Count, tally))?;
        top.truncate(request.limit);
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            hits.push(self.hit(&doc, score, &compiled.highlight));
        }
        Ok(SearchResults {
            total,
            hits,
            facets: tally.map(facets::Tally::into_facets).unwrap_or_default(),
        })
    }

    fn hit(
        &self,
        doc: &TantivyDocument,
        score: Score,
        highlight: &compile::Highlight,
    ) -> SearchHit {
        let f = &self.fields;
        let get = |field| doc.get_first(field).and_then(|v| v.as_str()).map(str::to_string);
        let kind = match get(f.kind).as_deref() {
            Some("quote") => HitKind::Quote,
            _ => HitKind::Article,
        };
        let text = get(f.text).unwrap_or_default();
        let (snippet, highlights) = snippet::snippet(&text, highlight, f.text);
        let is_quote = kind == HitKind::Quote;
        SearchHit {
            kind,
            article_id: get(f.article_id).unwrap_or_default(),
            title: get(f.title).unwrap_or_default(),
            publication: get(f.publication),
            date: get(f.date),
            snippet,
            highlights,
            score,
            quote_id: get(f.quote_id).filter(|_| is_quote),
            speaker: get(f.speaker).filter(|_| is_quote),
            text: is_quote.then_some(text),
        }
    }
}

/// Article-level values every document of an article carries, quote documents included.
struct Source<'a> {
    article: &'a Article,
    publication: Option<&'a str>,
    date: Option<(String, i64, i64)>,
    authors: Vec<String>,
    missing: Vec<&'static str>,
}

impl<'a> Source<'a> {
    fn of(article: &'a Article) -> Source<'a> {
        let s = &article.source;
        let missing = [
            (s.issued.is_none(), "date"),
            (s.author.is_empty(), "author"),
            (s.container_title.is_none(), "publication"),
            (s.url.is_none(), "url"),
            (s.title.is_none(), "title"),
        ];
        Source {
            article,
            // A wire clip names only its agency ("SEOUL, July 9 (Yonhap)"): the agency is
            // where a researcher would look for it.
            publication: s.container_title.as_deref().or(s.publisher.as_deref()),
            date: s.issued.as_ref().and_then(date_span),
            authors: s.author.iter().flat_map(author_names).collect(),
            missing: missing.into_iter().filter(|m| m.0).map(|m| m.1).collect(),
        }
    }

    fn fill(&self, doc: &mut TantivyDocument, f: &Fields) {
        let a = self.article;
        doc.add_text(f.article_id, &a.id);
        doc.add_text(f.title, &a.title);
        if let Some(p) = self.publication {
            doc.add_text(f.publication, p);
        }
        for name in &self.authors {
            doc.add_text(f.author, name);
            doc.add_text(f.author_key, name_key(name));
        }
        if let Some((iso, from, to)) = &self.date {
            doc.add_text(f.date, iso);
            doc.add_i64(f.date_from, *from);
            doc.add_i64(f.date_to, *to);
        }
        if let Some(lang) = &a.language {
            doc.add_text(f.lang, lang.to_lowercase());
        }
        for tag in &a.tags {
            doc.add_text(f.tag, tag.to_lowercase());
        }
        for m in &self.missing {
            doc.add_text(f.missing, m);
        }
    }
}

/// The ISO text and the first and last day (`yyyymmdd`) of a CSL date; a CSL range's second
/// date is its end. Month values outside 1–12 (CSL seasons) count as an unknown month.
fn date_span(date: &CslDate) -> Option<(String, i64, i64)> {
    let bounds = |parts: &Vec<i32>| {
        let year = *parts.first()?;
        let month = parts.get(1).map(|&m| m as u32).filter(|m| (1..=12).contains(m));
        let day = parts.get(2).map(|&d| d as u32).filter(|d| (1..=31).contains(d));
        Some(query::ymd_bounds(year, month, day.filter(|_| month.is_some())))
    };
    let (from, first_to) = bounds(date.date_parts.first()?)?;
    let to = date.date_parts.get(1).and_then(bounds).map_or(first_to, |(_, to)| to);
    Some((date.to_iso(), from, to))
}

/// An author as people write the name, in both orders for the alias key, or the literal.
fn author_names(name: &crate::model::CslName) -> Vec<String> {
    match (&name.literal, &name.given, &name.family) {
        (Some(literal), _, _) => vec![literal.clone()],
        (None, Some(given), Some(family)) => {
            vec![format!("{given} {family}"), format!("{family} {given}")]
        }
        (None, given, family) => given.iter().chain(family).cloned().collect(),
    }
}

fn add_article(writer: &mut IndexWriter, f: &Fields, article: &Article) -> Result<()> {
    let source = Source::of(article);
    let canonical = |q: &crate::model::StoredQuote| {
        q.names.first().cloned().unwrap_or_else(|| q.quote.speaker.clone())
    };
    let all_names = |q: &crate::model::StoredQuote| {
        let mut names: BTreeSet<String> = q.names.iter().cloned().collect();
        names.insert(q.quote.speaker.clone());
        names
    };
    let mut doc = TantivyDocument::default();
    doc.add_text(f.kind, compile::kind_name(HitKind::Article));
    doc.add_text(f.text, &article.text);
    doc.add_text(f.headline, &article.title);
    for name in source.publication.iter().copied().chain(source.authors.iter().map(String::as_str))
    {
        doc.add_text(f.byline, name);
    }
    source.fill(&mut doc, f);
    let speakers: BTreeSet<String> = article.quotes.iter().map(canonical).collect();
    let names: BTreeSet<String> = article.quotes.iter().flat_map(all_names).collect();
    add_names(&mut doc, f, &speakers, &names);
    writer.add_document(doc)?;
    for q in &article.quotes {
        let mut doc = TantivyDocument::default();
        doc.add_text(f.kind, compile::kind_name(HitKind::Quote));
        doc.add_text(f.quote_id, &q.id);
        doc.add_text(f.text, &q.quote.text);
        doc.add_text(f.speaker, &q.quote.speaker);
        doc.add_text(f.quote_kind, q.quote.kind.as_str());
        source.fill(&mut doc, f);
        add_names(&mut doc, f, &BTreeSet::from([canonical(q)]), &all_names(q));
        writer.add_document(doc)?;
    }
    Ok(())
}

fn add_names(
    doc: &mut TantivyDocument,
    f: &Fields,
    speakers: &BTreeSet<String>,
    names: &BTreeSet<String>,
) {
    for s in speakers {
        doc.add_text(f.speaker_facet, s);
    }
    let keys: BTreeSet<String> = names.iter().map(|n| name_key(n)).collect();
    for name in names {
        doc.add_text(f.names, name);
    }
    for key in keys.iter().filter(|k| !k.is_empty()) {
        doc.add_text(f.names_key, key);
    }
}
