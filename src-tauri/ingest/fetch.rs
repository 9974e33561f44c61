//! Fetching a URL to import: the bytes as served, with a clear error when offline.

use std::io::Read;
use std::time::Duration;

use ureq::ResponseExt;

use super::MAX_INPUT_BYTES;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot fetch {url}: {reason}")]
    Unreachable { url: String, reason: String },
    #[error("{url} answered HTTP {status}")]
    Status { url: String, status: u16 },
    #[error("{url} is larger than the {limit}-byte limit")]
    TooLarge { url: String, limit: usize },
}

/// A fetched page: its bytes and the URL it finally came from (after redirects).
pub struct Fetched {
    pub bytes: Vec<u8>,
    pub url: String,
}

pub fn fetch(url: &str) -> Result<Fetched, Error> {
    let unreachable = |reason: String| Error::Unreachable { url: url.to_string(), reason };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(30)))
        .http_status_as_error(false)
        .build()
        .into();
    let response = agent.get(url).call().map_err(|e| unreachable(e.to_string()))?;
    let status = response.status().as_u16();
    if status >= 400 {
        return Err(Error::Status { url: url.to_string(), status });
    }
    let final_url = response.get_uri().to_string();
    let mut bytes = Vec::new();
    response
        .into_body()
        .into_reader()
        .take(MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreachable(e.to_string()))?;
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(Error::TooLarge { url: url.to_string(), limit: MAX_INPUT_BYTES });
    }
    Ok(Fetched { bytes, url: final_url })
}

/// Whether an import argument is a URL rather than a path.
pub fn is_url(arg: &str) -> bool {
    arg.starts_with("http://") || arg.starts_with("https://")
}
