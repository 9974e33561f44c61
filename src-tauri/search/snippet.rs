//! Snippets: the passage of a text where the query's words are densest (tantivy's fragment
//! choice), with the matched words as char spans.

use std::collections::BTreeMap;

use tantivy::schema::Field;
use tantivy::snippet::{collapse_overlapped_ranges, SnippetGenerator};
use tantivy::tokenizer::TextAnalyzer;

use super::compile::Highlight;
use super::query::edit_distance;
use super::tokenize::{analyze, Mode, Words};
use crate::model::Span;

const SNIPPET_CHARS: usize = 220;

/// The snippet of `text` for a query and the char spans to mark in it. Without a match in
/// the text (the hit was found by its title or speaker) it is the text's beginning.
pub fn snippet(text: &str, highlight: &Highlight, field: Field) -> (String, Vec<Span>) {
    let mut terms: BTreeMap<String, f32> =
        highlight.terms.iter().map(|t| (t.clone(), 1.0)).collect();
    if !highlight.prefixes.is_empty() || !highlight.fuzzy.is_empty() {
        let mut tokens = Vec::new();
        analyze(text, Mode::Index, &mut tokens);
        terms.extend(
            tokens.into_iter().filter(|t| matches(highlight, &t.text)).map(|t| (t.text, 1.0)),
        );
    }
    // tantivy measures the fragment in bytes: scale the budget to this text's script.
    let chars = text.chars().count().max(1);
    let budget = SNIPPET_CHARS * text.len().div_ceil(chars);
    let generator =
        SnippetGenerator::new(terms, TextAnalyzer::from(Words::default()), field, budget);
    let found = generator.snippet(text);
    let fragment = found.fragment();
    if fragment.is_empty() {
        return (text.chars().take(SNIPPET_CHARS).collect(), Vec::new());
    }
    // A range outside the fragment is left unmarked rather than allowed to panic.
    let spans = collapse_overlapped_ranges(found.highlighted())
        .into_iter()
        .filter_map(|r| {
            let start = fragment.get(..r.start)?.chars().count();
            Some(Span { start, end: start + fragment.get(r.start..r.end)?.chars().count() })
        })
        .collect();
    (fragment.to_string(), spans)
}

fn matches(highlight: &Highlight, token: &str) -> bool {
    highlight.prefixes.iter().any(|p| token.starts_with(p.as_str()))
        || highlight.fuzzy.iter().any(|(t, d)| edit_distance(t, token) <= usize::from(*d))
}
