//! The tantivy index: a derived, rebuildable view of the archive for full-text search.
//!
//! Invariant: the archive is the truth. Every index commit records the archive generation it
//! reflects; an index that is missing, unreadable or behind is rebuilt from the archive.

mod schema;

use std::path::{Path, PathBuf};

use tantivy::collector::{Count, TopDocs};
use tantivy::query::QueryParser;
use tantivy::schema::Value;
use tantivy::snippet::SnippetGenerator;
use tantivy::{doc, Index, IndexReader, ReloadPolicy, TantivyDocument, Term};

use crate::model::{Article, CslDate, HitKind, SearchHit, SearchResults, Span};
use schema::Fields;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("search index error: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("cannot open the search index at {path}: {reason}")]
    Open { path: PathBuf, reason: String },
    #[error("cannot understand the query: {0}")]
    Query(String),
}

pub type Result<T> = std::result::Result<T, Error>;

/// Memory the writer may buffer before flushing; imports are small, one thread is enough.
const WRITER_BUDGET: usize = 30_000_000;
const SNIPPET_CHARS: usize = 220;

pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it when absent. A directory that holds something
    /// unreadable is cleared: its content is derived and will be rebuilt.
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
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        Ok(SearchIndex { index, reader, fields })
    }

    /// The archive generation the last commit reflected; `None` for a fresh index.
    pub fn generation(&self) -> Result<Option<u64>> {
        let metas = self.index.load_metas()?;
        Ok(metas.payload.and_then(|p| p.parse().ok()))
    }

    /// Replaces the documents of these articles and records `generation` in the commit.
    pub fn update(&mut self, articles: &[Article], generation: u64) -> Result<()> {
        self.write(generation, |writer, f| {
            for article in articles {
                writer.delete_term(Term::from_field_text(f.article_id, &article.id));
                add_article(writer, f, article)?;
            }
            Ok(())
        })
    }

    /// Rebuilds everything from the given articles (the whole archive).
    pub fn rebuild<I>(&mut self, articles: I, generation: u64) -> Result<()>
    where
        I: IntoIterator<Item = Article>,
    {
        self.write(generation, |writer, f| {
            writer.delete_all_documents()?;
            for article in articles {
                add_article(writer, f, &article)?;
            }
            Ok(())
        })
    }

    fn write<F>(&mut self, generation: u64, fill: F) -> Result<()>
    where
        F: FnOnce(&mut tantivy::IndexWriter, &Fields) -> Result<()>,
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

    pub fn search(&self, query: &str, limit: usize) -> Result<SearchResults> {
        let f = &self.fields;
        let mut parser =
            QueryParser::for_index(&self.index, vec![f.title, f.text, f.speaker, f.publication]);
        parser.set_conjunction_by_default();
        let query = parser.parse_query(query).map_err(|e| Error::Query(e.to_string()))?;
        let searcher = self.reader.searcher();
        let (top, total) = searcher.search(&query, &(TopDocs::with_limit(limit), Count))?;
        let mut snippets = SnippetGenerator::create(&searcher, &*query, f.text)?;
        snippets.set_max_num_chars(SNIPPET_CHARS);
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            let get = |field| doc.get_first(field).and_then(|v| v.as_str()).map(str::to_string);
            let kind = if get(f.kind).as_deref() == Some("quote") {
                HitKind::Quote
            } else {
                HitKind::Article
            };
            let snippet = snippets.snippet_from_doc(&doc);
            let fragment = snippet.fragment();
            let (snippet_text, highlights) = if fragment.is_empty() {
                // The match was in the title or speaker: show the start of the text instead.
                let text = get(f.text).unwrap_or_default();
                (text.chars().take(SNIPPET_CHARS).collect(), Vec::new())
            } else {
                let spans = snippet
                    .highlighted()
                    .iter()
                    .map(|r| char_span(fragment, r.start, r.end))
                    .collect();
                (fragment.to_string(), spans)
            };
            let is_quote = kind == HitKind::Quote;
            hits.push(SearchHit {
                kind,
                article_id: get(f.article_id).unwrap_or_default(),
                title: get(f.title).unwrap_or_default(),
                publication: get(f.publication),
                date: get(f.date),
                snippet: snippet_text,
                highlights,
                score,
                quote_id: get(f.quote_id).filter(|_| is_quote),
                speaker: get(f.speaker).filter(|_| is_quote),
                text: get(f.text).filter(|_| is_quote),
            });
        }
        Ok(SearchResults { total, hits })
    }
}

fn char_span(text: &str, start: usize, end: usize) -> Span {
    let start_chars = text[..start].chars().count();
    Span { start: start_chars, end: start_chars + text[start..end].chars().count() }
}

fn add_article(writer: &mut tantivy::IndexWriter, f: &Fields, article: &Article) -> Result<()> {
    let publication = article.source.container_title.clone().unwrap_or_default();
    let date = article.source.issued.as_ref().map(CslDate::to_iso).unwrap_or_default();
    writer.add_document(doc!(
        f.kind => "article",
        f.article_id => article.id.as_str(),
        f.title => article.title.as_str(),
        f.text => article.text.as_str(),
        f.publication => publication.as_str(),
        f.date => date.as_str(),
    ))?;
    for q in &article.quotes {
        writer.add_document(doc!(
            f.kind => "quote",
            f.article_id => article.id.as_str(),
            f.quote_id => q.id.as_str(),
            f.title => article.title.as_str(),
            f.text => q.quote.text.as_str(),
            f.speaker => q.quote.speaker.as_str(),
            f.publication => publication.as_str(),
            f.date => date.as_str(),
        ))?;
    }
    Ok(())
}
