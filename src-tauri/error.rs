//! The library's error: one enum over the modules' errors, each printing as one clear line.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Archive(#[from] crate::archive::Error),
    #[error(transparent)]
    Search(#[from] crate::search::Error),
    #[error(transparent)]
    Cite(#[from] crate::cite::Error),
    #[error(transparent)]
    Metadata(#[from] crate::metadata::Error),
    #[error("{path}: {source}")]
    Ingest { path: String, source: crate::ingest::Error },
    #[error(transparent)]
    Fetch(#[from] crate::ingest::fetch::Error),
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error(
        "no platform data directory is known here; pass --data-dir or set SOURCEBOOK_DATA_DIR"
    )]
    NoDataDir,
    #[error("the desktop window failed: {0}")]
    Desktop(String),
    #[error("no {what} id starts with {prefix:?}")]
    NoMatch { what: &'static str, prefix: String },
    #[error("the id prefix {prefix:?} matches more than one {what}; type more of it")]
    Ambiguous { what: &'static str, prefix: String },
    #[error("invalid quote: {0}")]
    InvalidQuote(String),
    #[error("invalid locator {0:?}: write LABEL:VALUE, e.g. paragraph:9 or page:3")]
    InvalidLocator(String),
}

impl Error {
    /// A stable tag for the UI to switch on.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Archive(
                crate::archive::Error::NoSuchArticle(_)
                | crate::archive::Error::NoSuchQuote(_)
                | crate::archive::Error::NoSuchPerson(_)
                | crate::archive::Error::NoSuchCollection(_),
            )
            | Error::NoMatch { .. } => "not-found",
            Error::Archive(crate::archive::Error::Invalid(_)) => "invalid-input",
            Error::Archive(_) => "archive",
            Error::Search(crate::search::Error::Query(_)) => "query",
            Error::Search(_) => "search",
            Error::Cite(_) => "citation",
            Error::Metadata(_) => "invalid-input",
            Error::Ingest { .. } | Error::Fetch(_) => "import",
            Error::Io { .. } => "io",
            Error::NoDataDir => "config",
            Error::Desktop(_) => "desktop",
            Error::Ambiguous { .. } | Error::InvalidQuote(_) | Error::InvalidLocator(_) => {
                "invalid-input"
            }
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;

impl From<Error> for crate::model::IpcError {
    fn from(e: Error) -> Self {
        crate::model::IpcError { kind: e.kind().to_string(), message: e.to_string() }
    }
}
