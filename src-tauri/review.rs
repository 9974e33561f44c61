//! People correct the machine: confirm, edit, delete (with undo) and add quotes, and re-run
//! the extractor without overwriting any of those decisions. The index follows every change.

use crate::model::{Article, Quote, QuoteInput, QuotePatch, StoredQuote};
use crate::{Error, Result, Sourcebook};

impl Sourcebook {
    /// Resolves a full quote id or a unique prefix of one.
    pub fn resolve_quote(&self, prefix: &str) -> Result<String> {
        self.resolve(crate::archive::Kind::Quote, prefix)
    }

    /// One stored quote with the id of its article.
    pub fn quote(&self, id: &str) -> Result<(String, StoredQuote)> {
        Ok(self.archive.quote(&self.resolve_quote(id)?)?)
    }

    pub fn confirm_quote(&mut self, id: &str) -> Result<StoredQuote> {
        let id = self.resolve_quote(id)?;
        self.archive.confirm_quote(&id)?;
        self.reindex_quote(&id)
    }

    /// Applies a person's correction; the text is re-read from the article, never typed.
    pub fn edit_quote(&mut self, id: &str, patch: &QuotePatch) -> Result<StoredQuote> {
        let id = self.resolve_quote(id)?;
        let (article_id, stored) = self.archive.quote(&id)?;
        let old = stored.quote;
        let clear = |value: &Option<String>, was: Option<String>| match value {
            None => was,
            Some(v) if v.trim().is_empty() => None,
            Some(v) => Some(v.trim().to_string()),
        };
        let input = QuoteInput {
            start: patch.start.unwrap_or(old.start),
            end: patch.end.unwrap_or(old.end),
            kind: patch.kind.unwrap_or(old.kind),
            speaker: patch.speaker.clone().unwrap_or(old.speaker),
            descriptor: clear(&patch.descriptor, old.descriptor),
            cue: clear(&patch.cue, old.cue),
        };
        let article = self.archive.get_article(&article_id)?;
        let quote = quote_in(&article, &input)?;
        self.archive.correct_quote(&id, &quote)?;
        self.reindex_quote(&id)
    }

    /// Adds a quote from a selection of the article's text.
    pub fn add_quote(&mut self, article_id: &str, input: &QuoteInput) -> Result<StoredQuote> {
        let article = self.article(article_id)?;
        let quote = quote_in(&article, input)?;
        let id = self.archive.add_quote(&article.id, &quote)?;
        self.reindex_quote(&id)
    }

    /// Deletes a quote; the extractor will not bring it back. Returns it for [`Self::restore_quote`].
    pub fn delete_quote(&mut self, id: &str) -> Result<(String, StoredQuote)> {
        let id = self.resolve_quote(id)?;
        let (article_id, quote) = self.archive.delete_quote(&id)?;
        self.index_articles(std::slice::from_ref(&article_id))?;
        Ok((article_id, quote))
    }

    /// Undoes a deletion: the quote comes back with its id and review state.
    pub fn restore_quote(&mut self, article_id: &str, quote: &StoredQuote) -> Result<StoredQuote> {
        self.archive.restore_quote(article_id, quote)?;
        self.reindex_quote(&quote.id)
    }

    /// Runs the extractor again over articles (all when `ids` is empty), replacing only quotes
    /// nobody reviewed. Returns (articles, quotes added).
    pub fn reextract(&mut self, ids: &[String]) -> Result<(usize, usize)> {
        let ids = if ids.is_empty() {
            self.archive.article_ids()?
        } else {
            ids.iter().map(|id| self.resolve_id(id)).collect::<Result<_>>()?
        };
        let mut added = 0;
        for id in &ids {
            let article = self.archive.get_article(id)?;
            let found = crate::quotes::extract(&article.text, &article.paragraphs);
            added += self.archive.replace_extracted(id, &found)?;
        }
        self.index_articles(&ids)?;
        Ok((ids.len(), added))
    }

    fn reindex_quote(&mut self, id: &str) -> Result<StoredQuote> {
        let (article_id, quote) = self.archive.quote(id)?;
        self.index_articles(std::slice::from_ref(&article_id))?;
        Ok(quote)
    }
}

/// The quote `input` marks in `article`, its text read from the stored body: the chars of
/// each paragraph it covers, joined by one space (the form extracted quotes have).
fn quote_in(article: &Article, input: &QuoteInput) -> Result<Quote> {
    let invalid = |why: String| Error::InvalidQuote(why);
    let speaker = input.speaker.trim();
    if speaker.is_empty() {
        return Err(invalid("a quote needs a speaker".into()));
    }
    let len = article.text.chars().count();
    if input.start >= input.end || input.end > len {
        return Err(invalid(format!(
            "the span {}..{} is not a stretch of the article's {len} characters",
            input.start, input.end
        )));
    }
    let chars: Vec<char> = article.text.chars().collect();
    let mut pieces = Vec::new();
    let mut first = None;
    for (n, p) in article.paragraphs.iter().enumerate() {
        let (start, end) = (input.start.max(p.start), input.end.min(p.end));
        if start < end {
            let piece: String = chars[start..end].iter().collect();
            if !piece.trim().is_empty() {
                first.get_or_insert(n);
                pieces.push(piece.trim().to_string());
            }
        }
    }
    let Some(paragraph) = first else {
        return Err(invalid("the span holds no text of the article's paragraphs".into()));
    };
    let trimmed = |value: &Option<String>| {
        value.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_string)
    };
    let text = pieces.join(" ");
    // The span is narrowed to the words it holds, so that text and offsets agree.
    let lead = chars[input.start..input.end].iter().take_while(|c| c.is_whitespace()).count();
    let tail = chars[input.start..input.end].iter().rev().take_while(|c| c.is_whitespace()).count();
    Ok(Quote {
        text,
        kind: input.kind,
        speaker: speaker.to_string(),
        descriptor: trimmed(&input.descriptor),
        cue: trimmed(&input.cue),
        paragraph,
        start: input.start + lead,
        end: input.end - tail,
    })
}
