//! Quotation and attribution extraction: who said what, where, in an article's body text.
//!
//! The pipeline, in the order a later stage relies on an earlier one:
//! 1. `marks`: quotation marks of any style paired per paragraph, and quotes that run on over
//!    paragraphs joined into one run;
//! 2. `text`: each paragraph as tokens (a quoted stretch is one opaque token) and sentences;
//! 3. `cues` + `attribution`: per paragraph, direct quotes with the attribution next to them,
//!    reported speech after a cue, and the partial quotes inside it, with unresolved mentions;
//! 4. `speakers`: mentions resolved in reading order ("Cho", "he" → "Cho Han-bum") with the
//!    role stated at first mention.
//!
//! Architecture invariant: extraction never fails and never panics; text it cannot attribute
//! is left out rather than guessed.

mod attribution;
mod cues;
mod marks;
mod speakers;
mod text;

use attribution::{Findings, Said};
use speakers::Registry;

use crate::model::{Quote, QuoteKind, Span};

/// Quotes of `text` in document order. `paragraphs` are the char spans of the body paragraphs;
/// offsets in and out are in chars.
pub fn extract(text: &str, paragraphs: &[Span]) -> Vec<Quote> {
    let chars: Vec<char> = text.chars().collect();
    let paras: Vec<Span> = paragraphs.iter().map(|p| clamp(*p, chars.len())).collect();
    let quoted: Vec<_> = paras.iter().map(|p| marks::scan(&chars, *p)).collect();
    let runs = marks::runs(&chars, &paras, &quoted);

    let mut reader = Reader::default();
    for (i, para) in paras.iter().enumerate() {
        let findings = attribution::analyse(&chars, *para, &quoted[i], &runs[i]);
        reader.read(i, findings);
    }
    reader.into_quotes(&chars)
}

/// Spans from the caller are trusted for meaning, not for bounds.
fn clamp(span: Span, len: usize) -> Span {
    let end = span.end.min(len);
    Span { start: span.start.min(end), end }
}

/// A quote whose speaker is resolved to a person of the registry.
struct Draft {
    kind: QuoteKind,
    pieces: Vec<Span>,
    person: usize,
    cue: Option<String>,
    paragraph: usize,
}

/// Walks the paragraphs in order, keeping who spoke last.
#[derive(Default)]
struct Reader {
    registry: Registry,
    /// The last speaker and the paragraph they spoke in, for quote-only paragraphs that follow.
    last: Option<(usize, usize)>,
    drafts: Vec<Draft>,
}

impl Reader {
    fn read(&mut self, paragraph: usize, findings: Findings) {
        let continuing = self.last.filter(|&(_, p)| p + 1 == paragraph).map(|(person, _)| person);
        let mut order: Vec<usize> = (0..findings.attributions.len()).collect();
        order.sort_by_key(|&a| findings.attributions[a].at);
        let mut people = vec![None; findings.attributions.len()];
        for a in order {
            people[a] = self.registry.resolve(&findings.attributions[a].mention);
            if let Some(person) = people[a] {
                self.last = Some((person, paragraph));
            }
        }
        for found in findings.quotes {
            let (person, cue) = match found.said {
                Said::By(a) => (people[a], Some(findings.attributions[a].cue.clone())),
                Said::Continuing => (continuing, None),
            };
            let Some(person) = person else { continue };
            if found.said == Said::Continuing {
                self.last = Some((person, paragraph));
            }
            self.drafts.push(Draft {
                kind: found.kind,
                pieces: found.pieces,
                person,
                cue,
                paragraph,
            });
        }
    }

    fn into_quotes(mut self, chars: &[char]) -> Vec<Quote> {
        self.drafts.retain(|d| !d.pieces.is_empty());
        self.drafts.sort_by_key(|d| {
            (d.pieces[0].start, std::cmp::Reverse(d.pieces[d.pieces.len() - 1].end))
        });
        self.drafts.iter().map(|d| self.quote(d, chars)).collect()
    }

    fn quote(&self, d: &Draft, chars: &[char]) -> Quote {
        let person = self.registry.person(d.person);
        let words: Vec<String> =
            d.pieces.iter().map(|p| chars[p.start..p.end].iter().collect()).collect();
        Quote {
            text: words.join(" "),
            kind: d.kind,
            speaker: person.name.clone(),
            descriptor: person.descriptor.clone(),
            cue: d.cue.clone(),
            paragraph: d.paragraph,
            start: d.pieces[0].start,
            end: d.pieces[d.pieces.len() - 1].end,
        }
    }
}

#[cfg(test)]
mod tests;
