//! Reads an article's findings paragraph by paragraph, in order, resolving each mention to a
//! person of the registry and each found quotation to a `Quote`.

use super::attribution::{Findings, Found, Said};
use super::layout::{self, Label};
use super::names::{self, Mention};
use super::speakers::Registry;
use super::text::Para;
use crate::model::{Quote, QuoteKind, Span};

/// A quote whose speaker is resolved to a person of the registry.
struct Draft {
    kind: QuoteKind,
    pieces: Vec<Span>,
    person: usize,
    cue: Option<String>,
    paragraph: usize,
}

/// What a paragraph's findings say, in the order the mentions stand in the text.
enum Event {
    Introduced(usize),
    Subject(usize),
    Said(usize),
}

/// Walks the paragraphs in order, keeping who spoke last.
#[derive(Default)]
pub struct Reader {
    registry: Registry,
    /// The last speaker and the paragraph they spoke in, for quote-only paragraphs that follow.
    last: Option<(usize, usize)>,
    /// A lead-in ("He said:") closing a paragraph: its speaker, cue and paragraph.
    lead: Option<(usize, String, usize)>,
    /// A quotation over several paragraphs with no speaker where it began, waiting for the
    /// paragraph where it closes to name one: the quote, its first paragraph, the paragraph
    /// it closes in, and the speaker it continues if none is named.
    awaiting: Option<(Found, usize, usize, Option<usize>)>,
    /// The person an interview's introduction names ("Nikkei Asia spoke with Nakamura"), who
    /// gives its "A:" answers.
    interviewee: Option<usize>,
    drafts: Vec<Draft>,
}

impl Reader {
    /// Whether the paragraph before `paragraph` ended with a lead-in ("He said:").
    pub fn leads_into(&self, paragraph: usize) -> bool {
        self.lead.as_ref().is_some_and(|(_, _, p)| p + 1 == paragraph)
    }

    pub fn read(&mut self, paragraph: usize, findings: Findings) {
        let continuing = self.last.filter(|&(_, p)| p + 1 == paragraph).map(|(person, _)| person);
        let lead = self.lead.take().filter(|&(_, _, p)| p + 1 == paragraph);
        let mut events: Vec<(usize, Event)> = findings
            .introductions
            .iter()
            .enumerate()
            .map(|(k, (at, _))| (*at, Event::Introduced(k)))
            .chain(
                findings.subjects.iter().enumerate().map(|(k, (at, _))| (*at, Event::Subject(k))),
            )
            .chain(findings.attributions.iter().enumerate().map(|(a, x)| (x.at, Event::Said(a))))
            .collect();
        events.sort_by_key(|e| e.0);
        let mut people = vec![None; findings.attributions.len()];
        for (_, event) in events {
            match event {
                Event::Introduced(k) => self.registry.introduce(&findings.introductions[k].1),
                Event::Subject(k) => self.registry.mentioned(&findings.subjects[k].1),
                Event::Said(a) => {
                    let attribution = &findings.attributions[a];
                    people[a] = self.registry.speaker(&attribution.mention, attribution.gender);
                    if let Some(person) = people[a] {
                        self.last = Some((person, paragraph));
                    }
                }
            }
        }
        if let Some((found, first, closes, fallback)) = self.awaiting.take() {
            if closes == paragraph {
                let named = findings.closing.and_then(|a| people[a].map(|p| (p, a)));
                let (person, cue) = match named {
                    Some((person, a)) => (Some(person), Some(findings.attributions[a].cue.clone())),
                    None => (fallback, None),
                };
                self.settle(found, first, person, cue, paragraph);
            } else {
                self.awaiting = Some((found, first, closes, fallback));
            }
        }
        for found in findings.quotes {
            if matches!(found.said, Said::Continuing) && found.pieces.len() > 1 {
                let closes = paragraph + found.pieces.len() - 1;
                self.awaiting = Some((found, paragraph, closes, continuing));
                continue;
            }
            let (person, cue) = match found.said {
                Said::By(a) => (people[a], Some(findings.attributions[a].cue.clone())),
                Said::Continuing => (continuing, None),
                Said::Lead => match &lead {
                    Some((person, cue, _)) => (Some(*person), Some(cue.clone())),
                    None => (None, None),
                },
            };
            let Some(person) = person else { continue };
            if !matches!(found.said, Said::By(_)) {
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
        if let Some(a) = findings.lead_in {
            if let Some(person) = people[a] {
                self.lead = Some((person, findings.attributions[a].cue.clone(), paragraph));
            }
        }
    }

    /// Gives a quotation that began in paragraph `first` its speaker, once known in `closes`.
    fn settle(
        &mut self,
        found: Found,
        first: usize,
        person: Option<usize>,
        cue: Option<String>,
        closes: usize,
    ) {
        let Some(person) = person else { return };
        self.last = Some((person, closes));
        let (kind, pieces) = (found.kind, found.pieces);
        self.drafts.push(Draft { kind, pieces, person, cue, paragraph: first });
    }

    /// Unmarked paragraphs after a lead-in: one direct quote by the lead-in's speaker.
    pub fn announced(&mut self, chars: &[char], paras: &[Span], paragraph: usize) {
        let Some((person, cue, _)) = self.lead.take() else {
            return;
        };
        let pieces: Vec<Span> = paras.iter().filter_map(|p| layout::trim(chars, *p)).collect();
        self.last = Some((person, paragraph + paras.len() - 1));
        let kind = QuoteKind::Direct;
        self.drafts.push(Draft { kind, pieces, person, cue: Some(cue), paragraph });
    }

    /// Before an interview's first question: the last person its introduction names.
    pub fn introduce_interview(&mut self, chars: &[char], intro: Span) {
        let para = Para::new(chars, intro, &[]);
        self.interviewee = (0..para.toks.len())
            .filter_map(|t| {
                let word: String = chars[para.toks[t].start..para.toks[t].end].iter().collect();
                let named = word.starts_with(char::is_uppercase).then(|| Mention::Named {
                    name: word,
                    descriptor: None,
                    gender: None,
                })?;
                self.registry.known(&named)
            })
            .last();
    }

    /// An interview answer ("Voronova: …", with the unlabelled paragraphs that carry it on):
    /// a direct quote without cue when the label names someone the article introduced, or "A"
    /// stands for the interviewee. Other labels are the interviewer's questions, and give
    /// nothing. Returns whether it was an answer.
    pub fn answer(
        &mut self,
        chars: &[char],
        label: Label,
        more: &[Span],
        paragraph: usize,
    ) -> bool {
        let para = Para::new(chars, label.name, &[]);
        let person = if layout::is_answer(chars, label) {
            // An interview's answers are the interviewee's; at a press briefing they are the
            // spokesperson's, whoever spoke last.
            self.interviewee
                .or_else(|| self.registry.spokesperson())
                .or_else(|| self.registry.salient())
        } else {
            names::mention(&para, 0..para.toks.len()).and_then(|m| self.registry.known(&m))
        };
        let Some(person) = person else {
            return false;
        };
        let mut pieces = vec![label.text];
        pieces.extend(more.iter().filter_map(|p| layout::trim(chars, *p)));
        let kind = QuoteKind::Direct;
        self.drafts.push(Draft { kind, pieces, person, cue: None, paragraph });
        true
    }

    pub fn into_quotes(mut self, chars: &[char]) -> Vec<Quote> {
        if let Some((found, first, closes, fallback)) = self.awaiting.take() {
            self.settle(found, first, fallback, None, closes);
        }
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
