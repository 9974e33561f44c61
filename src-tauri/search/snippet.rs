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
/// Leading characters of a query word looked for in a paragraph before it is analysed. Stems
/// keep the start of their word, so three characters pass every paragraph that could match
/// and few others.
const PROBE_CHARS: usize = 3;

/// The snippet of `text` for a query and the char spans to mark in it. Without a match in
/// the text (the hit was found by its title or speaker) it is the text's beginning.
pub fn snippet(text: &str, highlight: &Highlight, field: Field) -> (String, Vec<Span>) {
    // Analysing a whole article for each hit costs more than the search itself, and the best
    // ranked articles use the query's words throughout: the paragraph where they are densest
    // is analysed first, and the next only when it held no real match.
    regions(text, highlight)
        .into_iter()
        .find_map(|region| best_passage(region, highlight, field))
        .unwrap_or_else(|| (text.chars().take(SNIPPET_CHARS).collect(), Vec::new()))
}

/// The paragraphs of `text` that contain the start of a query word, the most such starts
/// first, then the whole text: a word written with a stress mark or joiner inside is missed
/// by the look-up, and a fuzzy word may start anywhere.
fn regions<'t>(text: &'t str, highlight: &Highlight) -> Vec<&'t str> {
    if !highlight.fuzzy.is_empty() {
        return vec![text];
    }
    let probes: Vec<String> = highlight
        .terms
        .iter()
        .chain(&highlight.prefixes)
        .map(|t| t.chars().take(PROBE_CHARS).collect())
        .collect();
    let mut found: Vec<(usize, &str)> = text
        .split("\n\n")
        .filter_map(|p| {
            let lower = p.to_lowercase();
            let starts: usize =
                probes.iter().map(|probe| lower.matches(probe.as_str()).count()).sum();
            (starts > 0).then_some((starts, p))
        })
        .collect();
    // Stable: among equals the earlier paragraph comes first.
    found.sort_by(|a, b| b.0.cmp(&a.0));
    found.into_iter().map(|(_, p)| p).chain([text]).collect()
}

/// tantivy's densest fragment of `text` and its marked words, if any word matched.
fn best_passage(text: &str, highlight: &Highlight, field: Field) -> Option<(String, Vec<Span>)> {
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
        return None;
    }
    // A range outside the fragment is left unmarked rather than allowed to panic.
    let spans = collapse_overlapped_ranges(found.highlighted())
        .into_iter()
        .filter_map(|r| {
            let start = fragment.get(..r.start)?.chars().count();
            Some(Span { start, end: start + fragment.get(r.start..r.end)?.chars().count() })
        })
        .collect();
    Some((fragment.to_string(), spans))
}

fn matches(highlight: &Highlight, token: &str) -> bool {
    highlight.prefixes.iter().any(|p| token.starts_with(p.as_str()))
        || highlight.fuzzy.iter().any(|(t, d)| edit_distance(t, token) <= usize::from(*d))
}
