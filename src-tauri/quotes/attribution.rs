//! Finds, in one paragraph, direct quotes and their attributions, reported (indirect) speech and
//! the partial quotes inside it. Speakers stay unresolved mentions here: they can only be
//! resolved in document order, across paragraphs, which `mod.rs` does.

use std::ops::Range;

use super::cues::{cue_at, Cue};
use super::marks::{Quoted, Run};
use super::speakers::{following, subject, Mention};
use super::text::{Para, TokKind};
use crate::model::{QuoteKind, Span};

/// What a quotation's last character is when it is speech rather than a name or a scare quote.
const SPEECH_END: &str = ",.?!…;:—–";
/// An attribution after a closing mark is short; reading more would only find narration.
const POST_LIMIT: usize = 24;
/// Verbs that, after ", but" or ", and", continue the speaker's own sentence rather than the
/// reported words ("said the summit was …, but did not elaborate").
const COORDINATED_PREDICATES: &[&str] = &[
    "did", "didn’t", "didn't", "declined", "refused", "gave", "offered", "stopped", "added",
    "noted", "urged", "went",
];
/// Words that may stand between a cue and "that" ("announced on Monday that").
const LEAD_INS: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "last",
    "this",
    "yesterday",
    "earlier",
    "later",
    "today",
    "recently",
    "previously",
    "also",
    "again",
    "then",
];

/// Occasions named in "said in a statement", skipped before the reported words.
const SETTINGS: &[&str] =
    &["statement", "interview", "briefing", "speech", "post", "report", "letter"];

/// A speaker mention with its cue, placed in the text so mentions resolve in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub at: usize,
    pub mention: Mention,
    pub cue: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Said {
    /// By the paragraph's attribution with this index.
    By(usize),
    /// A paragraph that is only a quotation: the last speaker goes on, with no cue.
    Continuing,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub kind: QuoteKind,
    pub pieces: Vec<Span>,
    pub said: Said,
}

#[derive(Debug, Default)]
pub struct Findings {
    pub attributions: Vec<Attribution>,
    pub quotes: Vec<Found>,
}

/// Everything found in the paragraph `span`, given its quoted stretches and the runs starting in it.
pub fn analyse(chars: &[char], span: Span, quoted: &[Quoted], runs: &[Run]) -> Findings {
    let regions: Vec<Span> = quoted.iter().map(|q| q.region).collect();
    let para = Para::new(chars, span, &regions);
    let sentences = para.sentences(|q| ends_with(chars, quoted[q].inner, ".?!…"));
    let mut sentence_of = vec![0; para.toks.len()];
    for (s, range) in sentences.iter().enumerate() {
        sentence_of[range.clone()].fill(s);
    }
    let mut quote_tok = vec![None; quoted.len()];
    for (t, tok) in para.toks.iter().enumerate() {
        if let TokKind::Quoted(q) = tok.kind {
            quote_tok[q] = Some(t);
        }
    }
    let n = para.toks.len();
    let mut cx = Paragraph {
        para,
        quoted,
        sentences,
        sentence_of,
        consumed: vec![false; n],
        direct: Vec::new(),
        findings: Findings::default(),
    };
    let candidates = cx.direct_quotes(runs, &quote_tok);
    cx.reported_speech(&candidates);
    cx.findings
}

fn ends_with(chars: &[char], span: Span, set: &str) -> bool {
    span.end > span.start && chars.get(span.end - 1).is_some_and(|c| set.contains(*c))
}

struct Paragraph<'a> {
    para: Para<'a>,
    quoted: &'a [Quoted],
    sentences: Vec<Range<usize>>,
    sentence_of: Vec<usize>,
    /// Cue tokens already used by a direct quote's attribution.
    consumed: Vec<bool>,
    /// Quoted tokens taken as direct quotes, in order.
    direct: Vec<usize>,
    findings: Findings,
}

impl Paragraph<'_> {
    /// Classifies each run as a direct quote or not; returns the tokens of closed one-paragraph
    /// stretches that are not, which may still be partial quotes inside reported speech.
    fn direct_quotes(&mut self, runs: &[Run], quote_tok: &[Option<usize>]) -> Vec<usize> {
        let mut candidates = Vec::new();
        let mut last = None;
        for run in runs {
            let Some(t) = quote_tok.get(run.quoted).copied().flatten() else {
                continue;
            };
            let said = self.pre_attribution(t).map(Said::By).or_else(|| {
                if !self.is_sentence_initial(t) {
                    return None;
                }
                self.post_attribution(t).map(Said::By).or_else(|| self.carried(run, t, last))
            });
            match said {
                Some(said) => {
                    if let Said::By(a) = said {
                        last = Some(a);
                    }
                    self.direct.push(t);
                    let kind = QuoteKind::Direct;
                    self.findings.quotes.push(Found { kind, pieces: run.pieces.clone(), said });
                }
                None if run.closed && run.pieces.len() == 1 => candidates.push(t),
                None => {}
            }
        }
        candidates
    }

    fn is_sentence_initial(&self, t: usize) -> bool {
        t == self.sentences[self.sentence_of[t]].start || t > 0 && self.para.is_punct(t - 1, ":")
    }

    /// A quotation with no attribution of its own: it shares the paragraph's earlier one
    /// ("“A,” Park said. “B.”"), or continues the last speaker when it opens the paragraph.
    fn carried(&self, run: &Run, t: usize, last: Option<usize>) -> Option<Said> {
        let chars = self.para.chars;
        let speechlike = !run.closed
            || run.pieces.len() > 1
            || run.pieces.iter().all(|p| ends_with(chars, *p, SPEECH_END));
        if !speechlike {
            return None;
        }
        match last {
            Some(a) => Some(Said::By(a)),
            None => (t == 0).then_some(Said::Continuing),
        }
    }

    /// `“…,” Cho said.`, `“…,” said Maxwell, who is …`, `“…,” he said on Monday.`
    fn post_attribution(&mut self, t: usize) -> Option<usize> {
        let para = &self.para;
        let mut start = t + 1;
        while para.is_punct(start, ",—–") {
            start += 1;
        }
        let stop = (start..para.toks.len().min(start + POST_LIMIT))
            .find(|&i| para.is_punct(i, ".?!;") || matches!(para.toks[i].kind, TokKind::Quoted(_)))
            .unwrap_or(para.toks.len().min(start + POST_LIMIT));
        let cue = (start..stop)
            .find_map(|i| cue_at(para, i).filter(|c| c.end <= stop && !c.source_first))?;
        let mention = if cue.first == start {
            inverted(para, cue.end..stop)?
        } else {
            let after = cue.end..stop;
            let short = para.is_punct(after.start, ",") || para.word_count(after) <= 5;
            if !short {
                return None;
            }
            subject(para, start..cue.first)?
        };
        Some(self.attribute(&cue, mention))
    }

    /// `He said: “…”`, `Cho said, “…”`, `Cho said on Monday: “…”`.
    fn pre_attribution(&mut self, t: usize) -> Option<usize> {
        let s_start = self.sentences[self.sentence_of[t]].start;
        if t <= s_start + 1 || !self.para.is_punct(t - 1, ":,") {
            return None;
        }
        let end = t - 1;
        let para = &self.para;
        let lead_in = |c: &Cue| {
            c.end == end || para.word_is(c.end, LEAD_INS) && (c.end..end).all(|k| para.is_word(k))
        };
        let cue = (s_start.max(end.saturating_sub(8))..end).rev().find_map(|i| {
            cue_at(para, i).filter(|c| c.end <= end && !c.source_first && lead_in(c))
        })?;
        let mention = subject(&self.para, s_start..cue.first)?;
        Some(self.attribute(&cue, mention))
    }

    fn attribute(&mut self, cue: &Cue, mention: Mention) -> usize {
        self.consumed[cue.first..cue.end].fill(true);
        let at = self.para.toks[cue.first].start;
        self.findings.attributions.push(Attribution { at, mention, cue: cue.text.clone() });
        self.findings.attributions.len() - 1
    }

    /// Reported speech, sentence by sentence, and the partial quotes inside it.
    fn reported_speech(&mut self, candidates: &[usize]) {
        for s in self.sentences.clone() {
            let mut i = s.start;
            while i < s.end {
                let cue = (!self.consumed[i])
                    .then(|| cue_at(&self.para, i))
                    .flatten()
                    .filter(|c| c.end <= s.end);
                let Some(cue) = cue else {
                    i += 1;
                    continue;
                };
                i = cue.end;
                if let Some((mention, clause)) = self.reported(&cue, s.clone()) {
                    // Cues inside the reported words are nested speech, not new attributions.
                    i = i.max(clause.end);
                    self.record_reported(&cue, mention, clause, candidates);
                }
            }
        }
    }

    fn record_reported(
        &mut self,
        cue: &Cue,
        mention: Mention,
        clause: Range<usize>,
        candidates: &[usize],
    ) {
        let Some(span) = self.para.char_span(clause.clone()) else {
            return;
        };
        let a = self.attribute(cue, mention);
        let said = Said::By(a);
        self.findings.quotes.push(Found { kind: QuoteKind::Indirect, pieces: vec![span], said });
        for &t in candidates.iter().filter(|t| clause.contains(t)) {
            if let TokKind::Quoted(q) = self.para.toks[t].kind {
                let pieces = vec![self.quoted[q].inner];
                self.findings.quotes.push(Found { kind: QuoteKind::Partial, pieces, said });
            }
        }
    }

    /// The speaker and the reported words of `cue` in sentence `s`, if it reports speech.
    fn reported(&self, cue: &Cue, s: Range<usize>) -> Option<(Mention, Range<usize>)> {
        let para = &self.para;
        let (mention, clause) = if cue.source_first {
            self.according_to(cue, s)?
        } else if (cue.end..s.end).all(|k| matches!(para.toks[k].kind, TokKind::Punct(_))) {
            // "…, the official said." — the words come first.
            let comma = (s.start..cue.first).rev().find(|&i| para.is_punct(i, ","))?;
            (subject(para, comma + 1..cue.first)?, s.start..comma)
        } else {
            (subject(para, s.start..cue.first)?, self.clause_start(cue, s.end)?..s.end)
        };
        if !para.toks.get(clause.start).is_some_and(|t| !matches!(t.kind, TokKind::Punct(_))) {
            return None;
        }
        let clause = self.trim(clause);
        let first_direct = self.direct.partition_point(|&d| d < clause.start);
        let has_direct = self.direct.get(first_direct).is_some_and(|&d| d < clause.end);
        let valid = !has_direct
            && clause
                .clone()
                .filter(|&t| !matches!(para.toks[t].kind, TokKind::Punct(_)))
                .nth(2)
                .is_some();
        valid.then_some((mention, clause))
    }

    /// "According to X, words." or "Words, according to X."
    fn according_to(&self, cue: &Cue, s: Range<usize>) -> Option<(Mention, Range<usize>)> {
        let para = &self.para;
        if cue.first == s.start {
            let (mention, comma) = following(para, cue.end..s.end)?;
            para.is_punct(comma, ",").then_some((mention, comma + 1..s.end))
        } else if cue.first > s.start && para.is_punct(cue.first - 1, ",") {
            let (mention, _) = following(para, cue.end..s.end)?;
            Some((mention, s.start..cue.first - 1))
        } else {
            None
        }
    }

    /// Where the reported words begin: after "that" when it follows the cue closely, and after
    /// a time or setting phrase ("said in a statement it would …").
    fn clause_start(&self, cue: &Cue, end: usize) -> Option<usize> {
        let para = &self.para;
        let j = cue.end;
        let that = (j..end.min(j + 6)).find(|&k| para.word_is(k, &["that"]));
        if cue.needs_that {
            return that.map(|k| k + 1);
        }
        match that {
            Some(k) if k == j || para.word_is(j, LEAD_INS) => Some(k + 1),
            _ => Some(j + self.setting_len(j)),
        }
    }

    /// Length of a short phrase saying when or where words were said, at token `j`.
    fn setting_len(&self, j: usize) -> usize {
        let para = &self.para;
        if para.word_is(j, &["in"])
            && para.word_is(j + 1, &["a", "an"])
            && para.word_is(j + 2, SETTINGS)
        {
            3
        } else if para.word_is(j, &["on", "last", "this"])
            && (para.is_capitalized(j + 1) || para.word_is(j + 1, &["week", "month", "year"]))
        {
            2
        } else if para
            .word_is(j, &["yesterday", "today", "earlier", "later", "recently", "previously"])
        {
            1
        } else {
            0
        }
    }

    /// Drops closing punctuation, and a coordinated predicate that is the narrator's own.
    fn trim(&self, clause: Range<usize>) -> Range<usize> {
        let para = &self.para;
        let mut end = (clause.start..clause.end)
            .find(|&k| {
                para.is_punct(k, ",")
                    && para.word_is(k + 1, &["but", "and"])
                    && para.word_is(k + 2, COORDINATED_PREDICATES)
            })
            .unwrap_or(clause.end);
        while end > clause.start && para.is_punct(end - 1, ".,;:!?…") {
            end -= 1;
        }
        clause.start..end
    }
}

/// `said Maxwell, who is a retired colonel`: the name, with the role when one follows.
fn inverted(para: &Para, toks: Range<usize>) -> Option<Mention> {
    let (mention, comma) = following(para, toks.clone())?;
    let Mention::Named { name, descriptor: None } = mention else {
        return Some(mention);
    };
    let rest = comma + 1..toks.end;
    let role_start =
        if para.word_is(rest.start, &["who"]) && para.word_is(rest.start + 1, &["is", "was"]) {
            rest.start + 2
        } else if para.word_is(rest.start, &["a", "an", "the"]) {
            rest.start
        } else {
            return Some(Mention::Named { name, descriptor: None });
        };
    let descriptor = Some(para.text(role_start..rest.end)).filter(|d| !d.is_empty());
    Some(Mention::Named { name, descriptor })
}
