//! The index schema, built once: one document per article and one per quote.

use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, STORED, STRING,
};

#[derive(Clone, Copy)]
pub struct Fields {
    /// "article" or "quote".
    pub kind: Field,
    pub article_id: Field,
    pub quote_id: Field,
    pub title: Field,
    /// Article body (article documents) or the quotation (quote documents).
    pub text: Field,
    pub speaker: Field,
    pub publication: Field,
    pub date: Field,
}

pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    // English stemming for now; the per-language analysers come with the search issue.
    let words = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("en_stem")
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let fields = Fields {
        kind: b.add_text_field("kind", STRING | STORED),
        article_id: b.add_text_field("article_id", STRING | STORED),
        quote_id: b.add_text_field("quote_id", STRING | STORED),
        title: b.add_text_field("title", words.clone()),
        text: b.add_text_field("text", words.clone()),
        speaker: b.add_text_field("speaker", words.clone()),
        publication: b.add_text_field("publication", words),
        date: b.add_text_field("date", STRING | STORED),
    };
    (b.build(), fields)
}
