//! Speech cues: the verbs and phrases that tie words to a speaker ("said", "according to").

use super::text::Para;

/// Phrases that introduce a source before the reported words, not a speaking subject.
const SOURCE_PHRASES: &[&[&str]] = &[&["according", "to"]];

/// Verb phrases whose subject is the speaker. Present forms that are often nouns ("claims",
/// "reports", "states") are left out on purpose.
const VERB_PHRASES: &[&[&str]] = &[
    &["echoed", "the", "view"],
    &["expressed", "the", "view"],
    &["was", "quoted", "as", "saying"],
    &["said"],
    &["says"],
    &["say"],
    &["told"],
    &["added"],
    &["adds"],
    &["announced"],
    &["stated"],
    &["noted"],
    &["warned"],
    &["argued"],
    &["explained"],
    &["claimed"],
    &["insisted"],
    &["stressed"],
    &["wrote"],
    &["echoed"],
];

const AUXILIARIES: &[&str] = &["has", "have", "had"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// First and one-past-last token of the cue.
    pub first: usize,
    pub end: usize,
    /// The cue as the output gives it: lowercase words, one space apart ("has said").
    pub text: String,
    /// "according to X": the source follows the cue instead of preceding it.
    pub source_first: bool,
    /// Whether reported content normally needs "that" after the cue ("told reporters that").
    pub needs_that: bool,
}

/// The longest cue whose main word is token `i`, if any.
pub fn cue_at(para: &Para, i: usize) -> Option<Cue> {
    let source = longest(para, i, SOURCE_PHRASES).map(|end| (end, true));
    let (end, source_first) =
        source.or_else(|| longest(para, i, VERB_PHRASES).map(|end| (end, false)))?;
    let first = if !source_first && i > 0 && para.word_is(i - 1, AUXILIARIES) { i - 1 } else { i };
    let text = (first..end).map(|t| para.lower[t].as_str()).collect::<Vec<_>>().join(" ");
    Some(Cue { first, end, text, source_first, needs_that: para.lower[i] == "told" })
}

fn longest(para: &Para, i: usize, phrases: &[&[&str]]) -> Option<usize> {
    phrases
        .iter()
        .filter(|words| words.iter().enumerate().all(|(k, w)| para.word_is(i + k, &[w])))
        .map(|words| i + words.len())
        .max()
}
