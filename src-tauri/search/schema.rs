//! The index schema, built once: one document per article and one per quote. Quote documents
//! carry their article's title, publication, author, date, language and tags, so every field
//! filters both kinds alike; bare words find a quote by its own words and speaker only, and an
//! article by all it is (`headline`, `byline`).

use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, FAST, STORED,
    STRING,
};

use super::tokenize;

/// Fast columns read by name (facets, date order).
pub mod column {
    pub const SPEAKER: &str = "speaker_facet";
    pub const PUBLICATION: &str = "publication";
    pub const LANG: &str = "lang";
    pub const DATE_FROM: &str = "date_from";
    pub const DATE_TO: &str = "date_to";
}

#[derive(Clone, Copy)]
pub struct Fields {
    /// "article" or "quote".
    pub kind: Field,
    pub article_id: Field,
    pub quote_id: Field,
    pub title: Field,
    /// The title again, on article documents only: what bare words search, so that a quote is
    /// not found by its article's title.
    pub headline: Field,
    /// Publication and authors, on article documents only, for bare words likewise.
    pub byline: Field,
    /// Article body (article documents) or the quotation (quote documents).
    pub text: Field,
    /// The quote's speaker as the article names them (shown in hits).
    pub speaker: Field,
    /// Every name of the speaker (quote) or of each speaker quoted (article): the registry's
    /// canonical name and aliases, in any script.
    pub names: Field,
    /// `names` as alias keys (see `archive::name_key`): Kim Jong-un = Kim Jong Un = Kim Jongun.
    pub names_key: Field,
    /// Canonical speaker name(s), for the speaker facet.
    pub speaker_facet: Field,
    /// Container title; analysed for queries, raw in its fast column for the facet.
    pub publication: Field,
    pub author: Field,
    pub author_key: Field,
    /// ISO date as issued (`2024`, `2024-07`, `2024-07-09`), shown in hits.
    pub date: Field,
    /// First and last day the date may mean, as `yyyymmdd`: a date range holds a document
    /// only when both lie inside it, so "2024" is not claimed for "since June 2024".
    pub date_from: Field,
    pub date_to: Field,
    pub lang: Field,
    pub tag: Field,
    pub quote_kind: Field,
    /// Which citation fields the source lacks: `date`, `author`, `publication`, `url`, `title`.
    pub missing: Field,
}

pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let words = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenize::NAME)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let stored_words = words.clone().set_stored();
    let day = NumericOptions::default().set_fast();
    let fields = Fields {
        kind: b.add_text_field("kind", STRING | STORED),
        article_id: b.add_text_field("article_id", STRING | STORED),
        quote_id: b.add_text_field("quote_id", STRING | STORED),
        title: b.add_text_field("title", stored_words.clone()),
        headline: b.add_text_field("headline", words.clone()),
        byline: b.add_text_field("byline", words.clone()),
        text: b.add_text_field("text", stored_words.clone()),
        speaker: b.add_text_field("speaker", STORED),
        names: b.add_text_field("names", stored_words.clone()),
        names_key: b.add_text_field("names_key", STRING),
        speaker_facet: b.add_text_field(column::SPEAKER, STRING | FAST),
        publication: b.add_text_field(column::PUBLICATION, stored_words.set_fast(Some("raw"))),
        author: b.add_text_field("author", words),
        author_key: b.add_text_field("author_key", STRING),
        date: b.add_text_field("date", STORED),
        date_from: b.add_i64_field(column::DATE_FROM, day.clone()),
        date_to: b.add_i64_field(column::DATE_TO, day),
        lang: b.add_text_field(column::LANG, STRING | FAST),
        tag: b.add_text_field("tag", STRING),
        quote_kind: b.add_text_field("quote_kind", STRING),
        missing: b.add_text_field("missing", STRING),
    };
    (b.build(), fields)
}
