//! Readers that turn imported bytes into a clean article with honest metadata.
//!
//! Only what the input really says is kept: metadata the input does not give stays empty and
//! is reported as missing by [`crate::model::SourceMeta::missing`], never guessed.

mod clip;
mod decode;
mod language;

use unicode_normalization::UnicodeNormalization;

use crate::model::{Boilerplate, SourceMeta, Span};

/// Inputs larger than this are refused rather than read into memory: no article is this big.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the file is empty")]
    Empty,
    #[error("the file looks binary, not text (byte {offset} is a control byte); nothing imported")]
    Binary { offset: usize },
    #[error("the file is not valid UTF-8 or UTF-16 (bad bytes at offset {offset})")]
    Encoding { offset: usize },
    #[error("the file is {size} bytes; the limit is {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    #[error("the file has a title but no body text")]
    NoBody,
}

pub type Result<T> = std::result::Result<T, Error>;

/// A cleaned article, ready for quote extraction and storage.
#[derive(Debug, Clone)]
pub struct Extracted {
    pub media_type: &'static str,
    pub title: String,
    pub paragraphs: Vec<String>,
    pub boilerplate: Vec<Boilerplate>,
    pub source: SourceMeta,
    pub language: Option<String>,
}

impl Extracted {
    /// The stored body text: paragraphs joined by a blank line, with each paragraph's char span.
    pub fn body(&self) -> (String, Vec<Span>) {
        let mut body = String::new();
        let mut spans = Vec::with_capacity(self.paragraphs.len());
        let mut at = 0;
        for (i, p) in self.paragraphs.iter().enumerate() {
            if i > 0 {
                body.push_str("\n\n");
                at += 2;
            }
            let len = p.chars().count();
            body.push_str(p);
            spans.push(Span { start: at, end: at + len });
            at += len;
        }
        (body, spans)
    }
}

/// Reads one imported file. Today every input is treated as a plain-text clip.
pub fn read(bytes: &[u8]) -> Result<Extracted> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(Error::TooLarge { size: bytes.len(), limit: MAX_INPUT_BYTES });
    }
    let text = decode::decode_text(bytes)?;
    // NFC so that the same words always index and compare the same; quotation marks and
    // apostrophes are left exactly as the article printed them.
    let text: String = text.nfc().collect();
    let clip = clip::parse(&text)?;
    let language = language::detect(&clip.paragraphs.join("\n"));
    let source = SourceMeta {
        csl_type: "article-newspaper".to_string(),
        title: Some(clip.title.clone()),
        language: language.clone(),
        ..SourceMeta::default()
    };
    Ok(Extracted {
        media_type: "text/plain",
        title: clip.title,
        paragraphs: clip.paragraphs,
        boilerplate: clip.boilerplate,
        source,
        language,
    })
}
