//! Quotation and attribution extraction: who said what, where, in an article's body text.
//!
//! The pipeline, in the order a later stage relies on an earlier one:
//! 1. `marks`: quotation marks of any style paired per paragraph (apostrophes told apart), and
//!    quotes that run on over paragraphs joined into one run;
//! 2. `layout`: speech printed without marks, told by the paragraphs' layout: the block a
//!    lead-in announces ("Lavrov said:") and the answers of a Q&A interview;
//! 3. `text`: each paragraph as tokens (a quoted stretch is one opaque token) and sentences;
//! 4. per paragraph, by its script: `attribution` (direct quotes and the attribution next to
//!    them) and `reported` (indirect speech after a cue, with the partial quotes inside it) for
//!    English and Russian, with `cues` (speech verbs and phrases) and `names` (speaker mentions,
//!    from the word lists in `lexicon`); `korean` and `chinese` for those languages, whose
//!    quotations and speakers are built differently;
//! 5. `reader` + `speakers`: mentions resolved in reading order ("Cho", "he", "the
//!    researcher" → "Cho Han-bum") to the name and role stated at first mention.
//!
//! `eval` scores the output against hand-made gold files; `verify` checks a quote's offsets.
//!
//! Architecture invariant: extraction never fails and never panics, and runs in time linear
//! in the text; text it cannot attribute is left out rather than guessed.

mod attribution;
mod chinese;
mod cues;
pub mod eval;
mod korean;
mod layout;
mod lexicon;
mod marks;
mod names;
mod reader;
mod reported;
mod speakers;
mod text;

use attribution::Context;
use reader::Reader;

use crate::model::{Quote, Span};

/// Quotes of `text` in document order. `paragraphs` are the char spans of the body paragraphs;
/// offsets in and out are in chars.
pub fn extract(text: &str, paragraphs: &[Span]) -> Vec<Quote> {
    let chars: Vec<char> = text.chars().collect();
    let paras: Vec<Span> = paragraphs.iter().map(|p| clamp(*p, chars.len())).collect();
    let quoted: Vec<_> = paras.iter().map(|p| marks::scan(&chars, *p)).collect();
    let runs = marks::runs(&chars, &paras, &quoted);
    let labels = layout::labels(&chars, &paras);

    let mut reader = Reader::default();
    let mut i = 0;
    while i < paras.len() {
        if let Some(label) = labels[i] {
            if i > 0 && labels[i - 1].is_none() {
                reader.introduce_interview(&chars, paras[i - 1]);
            }
            // A question (or a label naming no one) is not a statement by a source.
            let end = layout::answer_end(&chars, &paras, &quoted, &labels, i);
            let answered = reader.answer(&chars, label, &paras[i + 1..end], i);
            i = if answered { end } else { i + 1 };
            continue;
        }
        let lead = reader.leads_into(i);
        if lead && quoted[i].is_empty() {
            let n = layout::block(&chars, &paras, &quoted, i);
            if n > 0 {
                reader.announced(&chars, &paras[i..i + n], i);
                i += n;
                continue;
            }
        }
        let (span, quoted, runs) = (paras[i], &quoted[i], &runs[i]);
        let findings = match script(&chars, span) {
            Script::Korean => korean::analyse(&chars, span, quoted, runs),
            Script::Chinese => chinese::analyse(&chars, span, quoted, runs),
            Script::Alphabetic => {
                attribution::analyse(&chars, span, quoted, runs, Context { lead })
            }
        };
        reader.read(i, findings);
        i += 1;
    }
    reader.into_quotes(&chars)
}

/// Whether `q` points into `text` as the quote invariant says: `start..end` lies in the body
/// paragraphs, `paragraph` is where it starts, and `text` is the chars `start..end` — or, for a
/// quote that runs over paragraphs, each paragraph's part of the span (without the quotation
/// marks that reopen it, and without surrounding spaces) joined by one space.
pub fn verify(text: &str, paragraphs: &[Span], q: &Quote) -> bool {
    let chars: Vec<char> = text.chars().collect();
    if q.start >= q.end || q.end > chars.len() {
        return false;
    }
    let first = paragraphs.iter().position(|p| p.start <= q.start && q.start < p.end);
    let last = paragraphs.iter().position(|p| p.start < q.end && q.end <= p.end);
    let (Some(first), Some(last)) = (first, last) else {
        return false;
    };
    if first != q.paragraph || last < first {
        return false;
    }
    if first == last {
        return chars[q.start..q.end].iter().copied().eq(q.text.chars());
    }
    let pieces: Vec<String> = (first..=last)
        .map(|i| {
            let p = paragraphs[i];
            let piece: String = chars[p.start.max(q.start)..p.end.min(q.end)].iter().collect();
            if i == first {
                piece.trim_end().to_string()
            } else {
                piece
                    .trim_start_matches(|c: char| marks::is_mark(c) || c.is_whitespace())
                    .trim_end()
                    .to_string()
            }
        })
        .collect();
    pieces.join(" ") == q.text
}

/// The writing a paragraph is in, which decides how its sentences are read.
enum Script {
    Korean,
    Chinese,
    Alphabetic,
}

/// Hangul makes a paragraph Korean (Korean prose may carry some Han); Han outnumbering
/// alphabetic letters makes it Chinese.
fn script(chars: &[char], span: Span) -> Script {
    let (mut hangul, mut han, mut other) = (0usize, 0usize, 0usize);
    for &c in &chars[span.start..span.end] {
        if text::is_hangul(c) {
            hangul += 1;
        } else if text::is_han(c) {
            han += 1;
        } else if c.is_alphabetic() {
            other += 1;
        }
    }
    if hangul > 0 && hangul * 2 >= han && hangul * 2 >= other {
        Script::Korean
    } else if han > other {
        Script::Chinese
    } else {
        Script::Alphabetic
    }
}

/// Spans from the caller are trusted for meaning, not for bounds.
fn clamp(span: Span, len: usize) -> Span {
    let end = span.end.min(len);
    Span { start: span.start.min(end), end }
}

#[cfg(test)]
mod tests;
