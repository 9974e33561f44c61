//! A paragraph seen as tokens (words, punctuation, opaque quoted stretches) split into sentences.

use std::ops::Range;

use crate::model::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Punct(char),
    /// A whole quoted stretch, by its index in the paragraph's list of quoted stretches.
    Quoted(usize),
}

#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
}

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "capt", "sgt", "rev", "st", "jr", "sr",
    "sen", "rep", "gov", "adm", "maj", "no", "vs", "etc", "inc", "corp", "co", "ltd", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// One paragraph's tokens with their lowercase forms, computed once so cue look-ups stay linear.
pub struct Para<'a> {
    pub chars: &'a [char],
    pub toks: Vec<Tok>,
    pub lower: Vec<String>,
}

impl<'a> Para<'a> {
    /// Tokens of `span`; each of `regions` (sorted, disjoint, inside `span`) becomes one token.
    pub fn new(chars: &'a [char], span: Span, regions: &[Span]) -> Self {
        let toks = tokenize(chars, span, regions);
        let lower = toks
            .iter()
            .map(|t| match t.kind {
                TokKind::Word => {
                    chars[t.start..t.end].iter().flat_map(|c| c.to_lowercase()).collect()
                }
                _ => String::new(),
            })
            .collect();
        Para { chars, toks, lower }
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Word)
    }

    pub fn is_punct(&self, i: usize, set: &str) -> bool {
        matches!(self.toks.get(i), Some(Tok { kind: TokKind::Punct(c), .. }) if set.contains(*c))
    }

    pub fn word_is(&self, i: usize, words: &[&str]) -> bool {
        self.is_word(i) && words.contains(&self.lower[i].as_str())
    }

    pub fn is_capitalized(&self, i: usize) -> bool {
        self.is_word(i) && self.chars[self.toks[i].start].is_uppercase()
    }

    /// The article text covered by a range of tokens, spaces included.
    pub fn text(&self, toks: Range<usize>) -> String {
        match self.char_span(toks) {
            Some(s) => self.chars[s.start..s.end].iter().collect(),
            None => String::new(),
        }
    }

    pub fn char_span(&self, toks: Range<usize>) -> Option<Span> {
        if toks.start >= toks.end || toks.end > self.toks.len() {
            return None;
        }
        Some(Span { start: self.toks[toks.start].start, end: self.toks[toks.end - 1].end })
    }

    pub fn word_count(&self, toks: Range<usize>) -> usize {
        toks.filter(|&i| !matches!(self.toks[i].kind, TokKind::Punct(_))).count()
    }

    /// Sentences as token ranges. `quote_ends_sentence(i)` tells whether quoted stretch `i` ends
    /// with sentence punctuation, since a sentence can end inside the marks (`… threat.” He`).
    pub fn sentences(&self, quote_ends_sentence: impl Fn(usize) -> bool) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for i in 0..self.toks.len() {
            let ends = match self.toks[i].kind {
                TokKind::Punct('.' | '?' | '!') => self.full_stop_ends_sentence(i),
                // Chinese and Japanese stops need no space after them.
                TokKind::Punct('。' | '！' | '？') => true,
                TokKind::Quoted(q) => quote_ends_sentence(q) && self.next_starts_sentence(i),
                _ => false,
            };
            if ends {
                out.push(start..i + 1);
                start = i + 1;
            }
        }
        if start < self.toks.len() {
            out.push(start..self.toks.len());
        }
        out
    }

    fn full_stop_ends_sentence(&self, i: usize) -> bool {
        let after_abbreviation = i > 0
            && self.is_word(i - 1)
            && self.toks[i - 1].end == self.toks[i].start
            && (ABBREVIATIONS.contains(&self.lower[i - 1].as_str())
                || self.toks[i - 1].end - self.toks[i - 1].start == 1
                    && self.is_capitalized(i - 1));
        !after_abbreviation && self.next_starts_sentence(i)
    }

    /// True at the paragraph's end, or when a space and a capital, digit or quotation follow.
    fn next_starts_sentence(&self, i: usize) -> bool {
        let Some(next) = self.toks.get(i + 1) else {
            return true;
        };
        if next.start == self.toks[i].end {
            return false;
        }
        match next.kind {
            TokKind::Quoted(_) => true,
            TokKind::Word => {
                // Hangul and Han have no case: any of them may open a sentence.
                let c = self.chars[next.start];
                c.is_uppercase() || c.is_numeric() || c.is_alphabetic() && !c.is_lowercase()
            }
            TokKind::Punct(_) => false,
        }
    }
}

/// Joiners kept inside a word when letters or digits stand on both sides ("Han-bum", "Korea’s").
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '’' | '\'')
}

fn tokenize(chars: &[char], span: Span, regions: &[Span]) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut i = span.start;
    let mut next_region = 0;
    while i < span.end {
        if let Some(r) = regions.get(next_region) {
            if i >= r.start {
                out.push(Tok { start: r.start, end: r.end, kind: TokKind::Quoted(next_region) });
                i = r.end.max(i + 1);
                next_region += 1;
                continue;
            }
        }
        let limit = regions.get(next_region).map_or(span.end, |r| r.start.min(span.end));
        let c = chars[i];
        if c.is_alphanumeric() {
            let end = word_end(chars, i, limit);
            out.push(Tok { start: i, end, kind: TokKind::Word });
            i = end;
        } else {
            if !c.is_whitespace() {
                out.push(Tok { start: i, end: i + 1, kind: TokKind::Punct(c) });
            }
            i += 1;
        }
    }
    out
}

fn word_end(chars: &[char], start: usize, limit: usize) -> usize {
    let mut j = start + 1;
    while j < limit {
        if chars[j].is_alphanumeric() {
            j += 1;
        } else if j + 1 < limit && is_joiner(chars[j]) && chars[j + 1].is_alphanumeric() {
            j += 2;
        } else {
            break;
        }
    }
    j
}

pub fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{4ff}').contains(&c)
}

pub fn is_hangul(c: char) -> bool {
    ('\u{ac00}'..='\u{d7a3}').contains(&c)
}

pub fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}
