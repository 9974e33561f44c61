//! Sourcebook: the library API shared by the CLI and the desktop shell.
//!
//! Data flows one way: bytes → [`ingest`] (clean article + metadata) → [`quotes`]
//! (attributions) → [`archive`] (one transaction) → [`search`] (indexed after commit).
//! [`cite`] reads from the archive.

pub mod archive;
mod bibliography;
mod citations;
pub mod cite;
pub mod cli;
mod error;
pub mod ingest;
pub mod metadata;
pub mod model;
mod organise;
mod original;
mod people;
pub mod quotes;
mod review;
pub mod search;

#[cfg(feature = "desktop")]
pub mod desktop;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use sha2::{Digest, Sha256};

use archive::{Archive, NewArticle, SourceUpdate, StoredImport};
pub use error::{Error, Result};
use model::{
    ArchiveInfo, Article, ArticleSummary, Extraction, ImportOutcome, ImportProgress, ImportReport,
    ImportStatus, MetaPatch, ReindexProgress, SearchRequest, SearchResults, StyleInfo,
    TrashedArticle,
};
use search::SearchIndex;

pub use bibliography::Selected;
pub use citations::CitationsJob;

/// The sample article offered on first run: a real clipped SCMP article.
/// Articles stored between two search-index commits during a batch import: an index commit
/// costs far more than an archive commit, and the archive is the truth in between.
const INDEX_BATCH: usize = 500;
/// Articles between two progress reports of a reindex.
const REINDEX_STEP: usize = 250;

/// The style a citation uses when none is chosen.
pub const DEFAULT_STYLE: &str = "chicago-notes-bibliography";

pub const SAMPLE_NAME: &str = "scmp-satellite-switch.txt";
const SAMPLE: &[u8] = include_bytes!("samples/scmp-satellite-switch.txt");

/// An open archive with its search index and citation engine.
pub struct Sourcebook {
    data_dir: PathBuf,
    archive: Archive,
    index: SearchIndex,
    engine: Arc<cite::CiteEngine>,
}

/// The data directory: `SOURCEBOOK_DATA_DIR` wins (handled by the callers' argument parsing),
/// then the platform's data directory.
pub fn default_data_dir() -> Result<PathBuf> {
    directories::ProjectDirs::from("org", "Sourcebook", "Sourcebook")
        .map(|d| d.data_dir().to_path_buf())
        .ok_or(Error::NoDataDir)
}

/// Reads a file and finds its articles (one for most files; one per record for a .bib, RIS,
/// CSL-JSON or feed file), metadata and quotes, without storing anything.
pub fn extract(
    bytes: &[u8],
    file_name: Option<&str>,
) -> std::result::Result<Vec<Extraction>, ingest::Error> {
    Ok(ingest::read(bytes, file_name)?
        .into_iter()
        .map(|doc| {
            let (body, spans) = doc.body();
            Extraction {
                quotes: quotes::extract(&body, &spans),
                missing: doc.source.missing(),
                title: doc.title,
                source: doc.source,
                language: doc.language,
                paragraphs: doc.paragraphs,
                pages: doc.pages,
                boilerplate: doc.boilerplate,
                provenance: doc.provenance,
            }
        })
        .collect())
}

/// Renders a whole reference document set (see `citeref/README.md`) for CSL-JSON items.
pub fn render_items(style: &str, items: &[serde_json::Value]) -> Result<serde_json::Value> {
    Ok(cite::CiteEngine::new().render_reference(style, items)?)
}

pub fn styles() -> Vec<StyleInfo> {
    cite::bundled_styles()
        .into_iter()
        .map(|s| StyleInfo {
            name: s.name.to_string(),
            title: s.title.to_string(),
            class: s.class.to_string(),
        })
        .collect()
}

impl Sourcebook {
    /// Opens the archive in `data_dir`, creating it on first use, and brings the search index
    /// up to date with it (a crash between the two commits loses nothing).
    pub fn open(data_dir: &Path) -> Result<Sourcebook> {
        std::fs::create_dir_all(data_dir)
            .map_err(|source| Error::Io { path: data_dir.to_path_buf(), source })?;
        let archive = Archive::open(&data_dir.join("archive.sqlite3"))?;
        let index = SearchIndex::open(&data_dir.join("index"))?;
        let mut sb = Sourcebook {
            data_dir: data_dir.to_path_buf(),
            archive,
            index,
            engine: Arc::new(cite::CiteEngine::new()),
        };
        let generation = sb.archive.generation()?;
        if sb.index.generation()? != Some(generation) {
            sb.reindex(&mut |_| {})?;
        }
        Ok(sb)
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn info(&self) -> Result<ArchiveInfo> {
        Ok(ArchiveInfo {
            data_dir: self.data_dir.display().to_string(),
            article_count: self.archive.article_count()?,
        })
    }

    /// Rebuilds the search index from the archive; `progress` hears how far it has got every
    /// `REINDEX_STEP` articles and at the end.
    pub fn reindex(&mut self, progress: &mut dyn FnMut(ReindexProgress)) -> Result<()> {
        let generation = self.archive.generation()?;
        let ids = self.archive.article_ids()?;
        let total = ids.len();
        let archive = &self.archive;
        let articles = ids.iter().enumerate().map(|(i, id)| {
            if i % REINDEX_STEP == 0 {
                progress(ReindexProgress { done: i, total });
            }
            archive.get_article(id)
        });
        self.index.rebuild(articles, generation)?;
        progress(ReindexProgress { done: total, total });
        Ok(())
    }

    /// Imports files and folders (recursively). One bad file never stops the batch: each path
    /// gets an outcome, and `progress` hears about every file.
    pub fn import_paths(
        &mut self,
        paths: &[PathBuf],
        progress: &mut dyn FnMut(ImportProgress),
    ) -> ImportReport {
        let mut files = Vec::new();
        let mut outcomes = Vec::new();
        for path in paths {
            match collect_files(path, &mut files) {
                Ok(()) => {}
                Err(source) => {
                    outcomes.push(failed(path, Error::Io { path: path.clone(), source }))
                }
            }
        }
        let total = files.len();
        let mut unindexed = Vec::new();
        for (done, file) in files.iter().enumerate() {
            progress(ImportProgress { done, total, path: file.display().to_string() });
            // A file over the limit is refused before it is read into memory.
            let size = std::fs::metadata(file).map(|m| m.len() as usize).unwrap_or(0);
            if size > ingest::MAX_INPUT_BYTES {
                let source = ingest::Error::TooLarge { size, limit: ingest::MAX_INPUT_BYTES };
                outcomes
                    .push(failed(file, Error::Ingest { path: file.display().to_string(), source }));
                continue;
            }
            match std::fs::read(file) {
                Ok(bytes) => {
                    let name = file.file_name().and_then(|n| n.to_str());
                    let label = file.display().to_string();
                    outcomes.extend(self.import_one(&bytes, name, &label, &mut unindexed, None));
                }
                Err(source) => {
                    outcomes.push(failed(file, Error::Io { path: file.clone(), source }))
                }
            }
            if unindexed.len() >= INDEX_BATCH {
                self.flush_index(&mut unindexed, &mut outcomes);
            }
        }
        self.flush_index(&mut unindexed, &mut outcomes);
        progress(ImportProgress { done: total, total, path: String::new() });
        ImportReport::from_outcomes(outcomes)
    }

    /// Indexes what the last imports stored. The archive already holds it, so a failure here
    /// is reported but loses nothing: the next open rebuilds the index.
    fn flush_index(&mut self, ids: &mut Vec<String>, outcomes: &mut Vec<ImportOutcome>) {
        if ids.is_empty() {
            return;
        }
        if let Err(e) = self.index_articles(ids) {
            outcomes.push(failed(Path::new("search index"), e));
        }
        ids.clear();
    }

    /// Fetches a URL and imports what it serves, recording the URL and today as the accessed
    /// date where the page itself does not give them.
    pub fn import_url(&mut self, url: &str) -> ImportReport {
        let outcomes = match ingest::fetch::fetch(url) {
            Ok(fetched) => {
                let accessed = chrono::Utc::now().date_naive();
                let mut unindexed = Vec::new();
                let fetched_at = FetchedAt { url: &fetched.url, date: accessed };
                let mut outcomes =
                    self.import_one(&fetched.bytes, None, url, &mut unindexed, Some(&fetched_at));
                self.flush_index(&mut unindexed, &mut outcomes);
                outcomes
            }
            Err(e) => vec![failed(Path::new(url), Error::Fetch(e))],
        };
        ImportReport::from_outcomes(outcomes)
    }

    /// Imports the bundled sample article.
    pub fn import_sample(&mut self) -> ImportReport {
        ImportReport::from_outcomes(self.import_bytes(SAMPLE, Some(SAMPLE_NAME), SAMPLE_NAME))
    }

    /// Imports one file's bytes; `label` names it in the outcomes (one per record it holds).
    pub fn import_bytes(
        &mut self,
        bytes: &[u8],
        file_name: Option<&str>,
        label: &str,
    ) -> Vec<ImportOutcome> {
        let mut unindexed = Vec::new();
        let mut outcomes = self.import_one(bytes, file_name, label, &mut unindexed, None);
        self.flush_index(&mut unindexed, &mut outcomes);
        outcomes
    }

    /// Stores one file's articles; their ids join `unindexed` for the next index commit.
    fn import_one(
        &mut self,
        bytes: &[u8],
        file_name: Option<&str>,
        label: &str,
        unindexed: &mut Vec<String>,
        fetched: Option<&FetchedAt>,
    ) -> Vec<ImportOutcome> {
        self.try_import(bytes, file_name, label, unindexed, fetched)
            .unwrap_or_else(|e| vec![failed(Path::new(label), e)])
    }

    fn try_import(
        &mut self,
        bytes: &[u8],
        file_name: Option<&str>,
        label: &str,
        unindexed: &mut Vec<String>,
        fetched: Option<&FetchedAt>,
    ) -> Result<Vec<ImportOutcome>> {
        let sha256 = hex(&Sha256::digest(bytes));
        let outcome = |path: &str, status, id: Option<&str>, title: Option<&str>| ImportOutcome {
            path: path.to_string(),
            status,
            article_id: id.map(str::to_string),
            title: title.map(str::to_string),
            error: None,
        };
        if let Some(existing) = self.archive.articles_of_import(&sha256)? {
            return Ok(existing
                .iter()
                .map(|(id, title)| outcome(label, ImportStatus::Duplicate, Some(id), Some(title)))
                .collect());
        }
        let mut docs = ingest::read(bytes, file_name)
            .map_err(|source| Error::Ingest { path: label.to_string(), source })?;
        if let Some(fetched) = fetched {
            docs.iter_mut().for_each(|doc| fetched.stamp(doc));
        }
        let many = docs.len() > 1;
        let media_type = docs.first().map_or("text/plain", |d| d.media_type);
        let mut planned: Vec<Planned> = Vec::new();
        let mut updates: Vec<(String, model::SourceMeta, BTreeMap<String, String>)> = Vec::new();
        let mut outcomes = Vec::new();
        for (n, doc) in docs.into_iter().enumerate() {
            let path = if many { format!("{label}#{}", n + 1) } else { label.to_string() };
            match self.plan(doc)? {
                Plan::Duplicate(id, title) => {
                    outcomes.push(outcome(&path, ImportStatus::Duplicate, Some(&id), Some(&title)))
                }
                Plan::Enrich(id, title, source, provenance) => {
                    outcomes.push(outcome(&path, ImportStatus::Enriched, Some(&id), Some(&title)));
                    updates.push((id, *source, provenance));
                }
                Plan::New(p) => {
                    let within_batch = planned
                        .iter()
                        .find(|q| q.body_sha256 == p.body_sha256 && !p.body.is_empty());
                    if let Some(first) = within_batch {
                        let title = first.doc.title.clone();
                        outcomes.push(outcome(&path, ImportStatus::Duplicate, None, Some(&title)));
                    } else {
                        outcomes.push(outcome(
                            &path,
                            ImportStatus::Imported,
                            None,
                            Some(&p.doc.title),
                        ));
                        planned.push(*p);
                    }
                }
            }
        }
        if planned.is_empty() && updates.is_empty() {
            return Ok(outcomes);
        }
        let articles: Vec<NewArticle> = planned.iter().map(Planned::as_new).collect();
        let source_updates: Vec<SourceUpdate> = updates
            .iter()
            .map(|(id, source, provenance)| SourceUpdate { article_id: id, source, provenance })
            .collect();
        let import = StoredImport { bytes, sha256: &sha256, media_type, file_name };
        let ids = self.archive.insert_import(&import, &articles, &source_updates)?;
        let mut new_ids = ids.iter();
        for o in outcomes.iter_mut().filter(|o| o.status == ImportStatus::Imported) {
            o.article_id = new_ids.next().cloned();
        }
        unindexed.extend(ids.into_iter().chain(updates.into_iter().map(|u| u.0)));
        Ok(outcomes)
    }

    /// Decides what one extracted document does to the archive: nothing (the same text is
    /// there), fill in an archived article's metadata (a record of the same work), or add.
    fn plan(&self, doc: ingest::Extracted) -> Result<Plan> {
        let (body, spans) = doc.body();
        let body_sha256 = hex(&Sha256::digest(body.as_bytes()));
        if !body.is_empty() {
            if let Some((id, title)) = self.archive.find_by_body(&body_sha256)? {
                return Ok(Plan::Duplicate(id, title));
            }
        }
        // A record (no text) describing an archived work enriches it. Text is never matched by
        // metadata: another version of an article is its own article, linked below if similar.
        let matched = if body.is_empty() { self.archive.find_matching(&doc.source)? } else { None };
        if let Some(id) = matched {
            let existing = self.archive.get_article(&id)?;
            let (merged, filled) = metadata::enrich(&existing.source, &doc.source);
            if filled.is_empty() {
                return Ok(Plan::Duplicate(id, existing.title));
            }
            let mut provenance = existing.provenance;
            for field in filled {
                let origin = doc
                    .provenance
                    .get(&field)
                    .cloned()
                    .unwrap_or_else(|| doc.media_type.to_string());
                provenance.insert(field, origin);
            }
            return Ok(Plan::Enrich(id, existing.title, Box::new(merged), provenance));
        }
        let quotes = quotes::extract(&body, &spans);
        let shingles = ingest::similarity::shingles(&body);
        let bands = ingest::similarity::bands(&shingles);
        let mut similar = Vec::new();
        for other in self.archive.band_neighbours(&bands)? {
            let overlap = ingest::similarity::jaccard(
                &shingles,
                &ingest::similarity::shingles(&self.archive.body_of(&other)?),
            );
            if overlap >= ingest::similarity::SIMILAR {
                similar.push((other, overlap));
            }
        }
        Ok(Plan::New(Box::new(Planned { doc, body, spans, body_sha256, quotes, bands, similar })))
    }

    /// Brings the index up to the archive after a commit. Should this fail, the archive keeps
    /// the change and the next open rebuilds the index.
    fn index_articles(&mut self, ids: &[String]) -> Result<()> {
        let generation = self.archive.generation()?;
        let articles = ids
            .iter()
            .map(|id| self.archive.get_article(id))
            .collect::<archive::Result<Vec<_>>>()?;
        self.index.update(&articles, generation)?;
        Ok(())
    }

    pub fn list(&self) -> Result<Vec<ArticleSummary>> {
        Ok(self.archive.list_articles()?)
    }

    /// Resolves a full id or a unique prefix of one (as printed by `list`).
    pub fn resolve_id(&self, prefix: &str) -> Result<String> {
        // Every command that names an article comes through here: look it up by the key
        // rather than listing the archive.
        self.resolve(archive::Kind::Article, prefix)
    }

    /// The one id of `kind` that starts with `prefix`.
    fn resolve(&self, kind: archive::Kind, prefix: &str) -> Result<String> {
        let what = match kind {
            archive::Kind::Article => "article",
            archive::Kind::Trashed => "deleted article",
            archive::Kind::Quote => "quote",
            archive::Kind::Person => "person",
        };
        let mut matches = self.archive.ids_starting_with(kind, prefix, 2)?;
        match matches.len() {
            1 => Ok(matches.remove(0)),
            0 => Err(Error::NoMatch { what, prefix: prefix.to_string() }),
            _ => Err(Error::Ambiguous { what, prefix: prefix.to_string() }),
        }
    }

    pub fn article(&self, id: &str) -> Result<Article> {
        Ok(self.archive.get_article(&self.resolve_id(id)?)?)
    }

    /// Searches articles and quotes with the query language (`speaker:`, `date:`, phrases,
    /// AND/OR/NOT, ...), ranked or by date, with facet counts for the query.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        Ok(self.index.search(request)?)
    }

    /// Moves articles to the trash: gone from lists and search, restorable until purged.
    pub fn delete_articles(&mut self, ids: &[String]) -> Result<Vec<String>> {
        let ids = ids.iter().map(|id| self.resolve_id(id)).collect::<Result<Vec<_>>>()?;
        self.archive.trash(&ids)?;
        let generation = self.archive.generation()?;
        self.index.remove(&ids, generation)?;
        Ok(ids)
    }

    /// Brings articles back from the trash (the undo of [`Self::delete_articles`]).
    pub fn restore_articles(&mut self, ids: &[String]) -> Result<()> {
        let ids = ids
            .iter()
            .map(|id| self.resolve(archive::Kind::Trashed, id))
            .collect::<Result<Vec<_>>>()?;
        self.archive.restore(&ids)?;
        self.index_articles(&ids)
    }

    /// The articles in the trash with when each was deleted, most recently deleted first.
    pub fn trash(&self) -> Result<Vec<TrashedArticle>> {
        Ok(self.archive.trashed_articles()?)
    }

    /// Deletes the trashed articles for good; returns how many.
    pub fn purge_trash(&mut self) -> Result<usize> {
        let ids = self.archive.trashed()?;
        let removed = self.archive.purge()?;
        let generation = self.archive.generation()?;
        self.index.remove(&ids, generation)?;
        Ok(removed)
    }

    /// Fills in or corrects an article's metadata; the index follows.
    pub fn edit(&mut self, id: &str, patch: &MetaPatch) -> Result<Article> {
        let id = self.resolve_id(id)?;
        let article = self.archive.get_article(&id)?;
        let source = metadata::apply(&article.source, patch)?;
        let mut provenance = article.provenance;
        for field in metadata::patched_fields(patch) {
            provenance.insert(field.to_string(), "user".to_string());
        }
        self.archive.update_source(&SourceUpdate {
            article_id: &id,
            source: &source,
            provenance: &provenance,
        })?;
        self.index_articles(std::slice::from_ref(&id))?;
        Ok(self.archive.get_article(&id)?)
    }

    /// The shared citation engine, e.g. to build a style's engine ahead of first use.
    pub fn citation_engine(&self) -> Arc<cite::CiteEngine> {
        Arc::clone(&self.engine)
    }
}

/// Where and when a page was fetched.
struct FetchedAt<'a> {
    url: &'a str,
    date: chrono::NaiveDate,
}

impl FetchedAt<'_> {
    /// The page's own URL wins; the accessed date is what citing a web source needs.
    fn stamp(&self, doc: &mut ingest::Extracted) {
        use chrono::Datelike;
        if doc.source.url.is_none() {
            doc.source.url = Some(self.url.to_string());
            doc.from_origin("URL", "fetched");
        }
        let (y, m, d) = (self.date.year(), self.date.month(), self.date.day());
        doc.source.accessed = Some(model::CslDate::ymd(y, Some(m), Some(d)));
        doc.from_origin("accessed", "fetched");
    }
}

/// What importing one extracted document will do.
enum Plan {
    Duplicate(String, String),
    Enrich(String, String, Box<model::SourceMeta>, BTreeMap<String, String>),
    New(Box<Planned>),
}

/// A new article, worked out before the write transaction starts.
struct Planned {
    doc: ingest::Extracted,
    body: String,
    spans: Vec<model::Span>,
    body_sha256: String,
    quotes: Vec<model::Quote>,
    bands: Vec<(u32, i64)>,
    similar: Vec<(String, f64)>,
}

impl Planned {
    fn as_new(&self) -> NewArticle<'_> {
        NewArticle {
            source: &self.doc.source,
            provenance: &self.doc.provenance,
            title: &self.doc.title,
            body: &self.body,
            body_sha256: &self.body_sha256,
            paragraphs: &self.spans,
            pages: &self.doc.pages,
            boilerplate: &self.doc.boilerplate,
            language: self.doc.language.as_deref(),
            quotes: &self.quotes,
            bands: &self.bands,
            similar: &self.similar,
        }
    }
}

impl ImportReport {
    pub fn from_outcomes(outcomes: Vec<ImportOutcome>) -> ImportReport {
        let count = |s| outcomes.iter().filter(|o| o.status == s).count();
        ImportReport {
            imported: count(ImportStatus::Imported),
            enriched: count(ImportStatus::Enriched),
            duplicates: count(ImportStatus::Duplicate),
            failed: count(ImportStatus::Failed),
            outcomes,
        }
    }
}

fn failed(path: &Path, error: Error) -> ImportOutcome {
    ImportOutcome {
        path: path.display().to_string(),
        status: ImportStatus::Failed,
        article_id: None,
        title: None,
        error: Some(error.to_string()),
    }
}

/// Expands a path into the files under it, in a stable order, skipping hidden entries.
fn collect_files(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_dir() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(path)?.map(|e| e.map(|e| e.path())).collect::<std::io::Result<_>>()?;
    entries.sort();
    for entry in &entries {
        let name = entry.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if !name.starts_with('.') && !is_saved_page_assets(entry, &entries) {
            collect_files(entry, out)?;
        }
    }
    Ok(())
}

/// A browser's "page + _files" save: `story_files/` beside `story.html` holds the page's images
/// and scripts, not articles.
fn is_saved_page_assets(entry: &Path, siblings: &[PathBuf]) -> bool {
    let Some(stem) =
        entry.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix("_files"))
    else {
        return false;
    };
    entry.is_dir()
        && ["html", "htm"]
            .iter()
            .any(|ext| siblings.contains(&entry.with_file_name(format!("{stem}.{ext}"))))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
