//! Sourcebook: the library API shared by the CLI and the desktop shell.
//!
//! Data flows one way: bytes → [`ingest`] (clean article + metadata) → [`quotes`]
//! (attributions) → [`archive`] (one transaction) → [`search`] (indexed after commit).
//! [`cite`] reads from the archive.

pub mod archive;
pub mod cite;
pub mod cli;
mod error;
pub mod ingest;
pub mod metadata;
pub mod model;
pub mod quotes;
pub mod search;

#[cfg(feature = "desktop")]
pub mod desktop;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use sha2::{Digest, Sha256};

use archive::{Archive, NewArticle, StoredImport};
pub use error::{Error, Result};
use model::{
    ArchiveInfo, Article, ArticleSummary, Citation, Extraction, ImportOutcome, ImportProgress,
    ImportReport, ImportStatus, MetaPatch, SearchResults, StyleInfo,
};
use search::SearchIndex;

/// The sample article offered on first run: a real clipped SCMP article.
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

/// Reads a file and finds its article, metadata and quotes without storing anything.
pub fn extract(bytes: &[u8]) -> std::result::Result<Extraction, ingest::Error> {
    let doc = ingest::read(bytes)?;
    let (body, spans) = doc.body();
    Ok(Extraction {
        quotes: quotes::extract(&body, &spans),
        missing: doc.source.missing(),
        title: doc.title,
        source: doc.source,
        language: doc.language,
        paragraphs: doc.paragraphs,
        boilerplate: doc.boilerplate,
    })
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
            sb.reindex()?;
        }
        Ok(sb)
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn info(&self) -> Result<ArchiveInfo> {
        Ok(ArchiveInfo {
            data_dir: self.data_dir.display().to_string(),
            article_count: self.archive.article_ids()?.len(),
        })
    }

    /// Rebuilds the search index from the archive.
    pub fn reindex(&mut self) -> Result<()> {
        let generation = self.archive.generation()?;
        let articles = self
            .archive
            .article_ids()?
            .iter()
            .map(|id| self.archive.get_article(id))
            .collect::<archive::Result<Vec<_>>>()?;
        self.index.rebuild(articles, generation)?;
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
                Err(e) => outcomes.push(failed(path, &e)),
            }
        }
        let total = files.len();
        for (done, file) in files.iter().enumerate() {
            progress(ImportProgress { done, total, path: file.display().to_string() });
            let outcome = match std::fs::read(file) {
                Ok(bytes) => self.import_bytes(
                    &bytes,
                    file.file_name().and_then(|n| n.to_str()),
                    &file.display().to_string(),
                ),
                Err(e) => failed(file, &e),
            };
            outcomes.push(outcome);
        }
        progress(ImportProgress { done: total, total, path: String::new() });
        ImportReport::from_outcomes(outcomes)
    }

    /// Imports the bundled sample article.
    pub fn import_sample(&mut self) -> ImportReport {
        let outcome = self.import_bytes(SAMPLE, Some(SAMPLE_NAME), SAMPLE_NAME);
        ImportReport::from_outcomes(vec![outcome])
    }

    /// Imports one file's bytes; `label` names it in the outcome.
    pub fn import_bytes(
        &mut self,
        bytes: &[u8],
        file_name: Option<&str>,
        label: &str,
    ) -> ImportOutcome {
        match self.try_import(bytes, file_name, label) {
            Ok((status, id, title)) => ImportOutcome {
                path: label.to_string(),
                status,
                article_id: Some(id),
                title: Some(title),
                error: None,
            },
            Err(e) => ImportOutcome {
                path: label.to_string(),
                status: ImportStatus::Failed,
                article_id: None,
                title: None,
                error: Some(e.to_string()),
            },
        }
    }

    fn try_import(
        &mut self,
        bytes: &[u8],
        file_name: Option<&str>,
        label: &str,
    ) -> Result<(ImportStatus, String, String)> {
        let sha256 = hex(&Sha256::digest(bytes));
        if let Some((id, title)) = self.archive.find_by_sha256(&sha256)? {
            return Ok((ImportStatus::Duplicate, id, title));
        }
        let doc = ingest::read(bytes)
            .map_err(|source| Error::Ingest { path: label.to_string(), source })?;
        let (body, spans) = doc.body();
        let quotes = quotes::extract(&body, &spans);
        let id = self.archive.insert_article(&NewArticle {
            import: StoredImport { bytes, sha256: &sha256, media_type: doc.media_type, file_name },
            source: &doc.source,
            title: &doc.title,
            body: &body,
            paragraphs: &spans,
            boilerplate: &doc.boilerplate,
            language: doc.language.as_deref(),
            quotes: &quotes,
        })?;
        self.index_articles(std::slice::from_ref(&id))?;
        Ok((ImportStatus::Imported, id, doc.title))
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
        let matches: Vec<String> =
            self.archive.article_ids()?.into_iter().filter(|id| id.starts_with(prefix)).collect();
        match matches.len() {
            1 => Ok(matches.into_iter().next().expect("one match")),
            0 => Err(Error::NoMatch(prefix.to_string())),
            count => Err(Error::Ambiguous { prefix: prefix.to_string(), count }),
        }
    }

    pub fn article(&self, id: &str) -> Result<Article> {
        Ok(self.archive.get_article(&self.resolve_id(id)?)?)
    }

    pub fn search(&self, query: &str, limit: usize) -> Result<SearchResults> {
        Ok(self.index.search(query, limit)?)
    }

    /// Fills in or corrects an article's metadata; the index follows.
    pub fn edit(&mut self, id: &str, patch: &MetaPatch) -> Result<Article> {
        let id = self.resolve_id(id)?;
        let article = self.archive.get_article(&id)?;
        let source = metadata::apply(&article.source, patch)?;
        self.archive.update_source(&id, &source)?;
        self.index_articles(std::slice::from_ref(&id))?;
        Ok(self.archive.get_article(&id)?)
    }

    /// Collects what a citation needs while the archive is at hand; rendering, which can take
    /// seconds the first time a style is used, then runs without borrowing the archive.
    pub fn citation_job(&self, id: &str, style: &str) -> Result<CitationJob> {
        let article = self.article(id)?;
        let mut item = serde_json::to_value(&article.source).expect("plain data serialises");
        item["id"] = serde_json::Value::String(article.id.clone());
        Ok(CitationJob {
            engine: Arc::clone(&self.engine),
            article_id: article.id,
            style: style.to_string(),
            item,
            missing: article.missing,
        })
    }

    /// The shared citation engine, e.g. to build a style's engine ahead of first use.
    pub fn citation_engine(&self) -> Arc<cite::CiteEngine> {
        Arc::clone(&self.engine)
    }

    pub fn cite(&self, id: &str, style: &str) -> Result<Citation> {
        self.citation_job(id, style)?.render()
    }
}

/// A citation ready to render, detached from the archive.
pub struct CitationJob {
    engine: Arc<cite::CiteEngine>,
    article_id: String,
    style: String,
    item: serde_json::Value,
    missing: Vec<String>,
}

impl CitationJob {
    pub fn render(self) -> Result<Citation> {
        let rendered = self.engine.cite(&self.style, &self.item, None)?;
        Ok(Citation {
            article_id: self.article_id,
            style: self.style,
            citation: rendered.citation,
            bibliography: rendered.bibliography,
            missing: self.missing,
        })
    }
}

impl ImportReport {
    fn from_outcomes(outcomes: Vec<ImportOutcome>) -> ImportReport {
        let count = |s| outcomes.iter().filter(|o| o.status == s).count();
        ImportReport {
            imported: count(ImportStatus::Imported),
            duplicates: count(ImportStatus::Duplicate),
            failed: count(ImportStatus::Failed),
            outcomes,
        }
    }
}

fn failed(path: &Path, error: &std::io::Error) -> ImportOutcome {
    ImportOutcome {
        path: path.display().to_string(),
        status: ImportStatus::Failed,
        article_id: None,
        title: None,
        error: Some(format!("{}: {error}", path.display())),
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
    for entry in entries {
        let hidden = entry.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if !hidden {
            collect_files(&entry, out)?;
        }
    }
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
