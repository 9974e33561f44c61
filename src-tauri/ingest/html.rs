//! Saved web pages: the article by readability-style extraction, metadata only as declared.
//!
//! The page is parsed once (html5ever via `dom_query`, scripting off: nothing on the page is
//! ever run), its metadata read from the untouched tree, and the same tree then handed to
//! `dom_smoothie` (a port of Mozilla's readability.js) to find the article.

mod body;
mod charset;
mod dates;
mod guard;
mod jsonld;
mod meta;
mod names;

use dom_query::Document;

pub use charset::declared_charset;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the page has no article text")]
    NoArticle,
    #[error("the page is not text: {per_mille}‰ of it is undecodable or control characters")]
    NotText { per_mille: usize },
    #[error("the page has more than {limit} elements, too many for one article")]
    TooManyElements { limit: usize },
    #[error("the page nests elements more than {limit} levels deep")]
    TooDeep { limit: usize },
    #[error("the article extractor failed on this page")]
    ExtractorFailed,
}

/// Reads one decoded page into its article text, boilerplate and declared metadata.
pub fn read(text: &str) -> Result<super::Extracted, Error> {
    guard::check_source(text)?;
    let page = Document::from(text);
    guard::check_tree(&page)?;
    let mut doc = super::Extracted { media_type: "text/html", ..super::Extracted::default() };
    meta::fill(&page, text, &mut doc);
    let body = body::extract(page, doc.source.title.as_deref())?;
    let Some(first) = body.paragraphs.first() else { return Err(Error::NoArticle) };
    meta::note_dateline(first, &mut doc);
    doc.paragraphs = body.paragraphs;
    doc.boilerplate = body.boilerplate;
    doc.title = doc.source.title.clone().unwrap_or_default();
    Ok(doc)
}

#[cfg(test)]
mod tests;
