//! Finds, in one paragraph of English or Russian, direct quotes with the attribution next to
//! them; `reported` adds reported (indirect) speech and the partial quotes inside it. Speakers
//! stay unresolved mentions here: they can only be resolved in document order, across
//! paragraphs, which `mod.rs` does.

use std::ops::Range;

use super::cues::{cue_at, is_feminine, Cue, Role};
use super::marks::{Quoted, Run};
use super::names::{following, introductions, mention, sentence_subject, subject, Gender, Mention};
use super::text::{Para, TokKind};
use crate::model::{QuoteKind, Span};

/// What a quotation's last character is when it is speech rather than a name or a scare quote.
const SPEECH_END: &str = ",.?!…;:—–";
/// An attribution after a closing mark is short; reading more would only find narration.
const POST_LIMIT: usize = 24;
/// Words an attribution after a quote may run before a comma ends it ("the source said on
/// Sunday, requesting anonymity …").
const POST_WORDS: usize = 6;
/// Words of a setting after the cue of such an attribution ("said in a text message sent to
/// reporters").
const POST_SETTING_WORDS: usize = 12;
/// Attributions looked back over for a quotation without its own.
const MAX_LOOKBACK: usize = 16;
/// Words that cannot open a role stated after an inverted cue ("said Lee, adding …").
const NOT_ROLE_START: &[&str] = &[
    "and", "but", "while", "although", "because", "in", "on", "at", "as", "when", "to", "of",
    "for", "with", "by", "from",
];

/// A speaker mention with its cue, placed in the text so mentions resolve in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub at: usize,
    pub mention: Mention,
    pub cue: String,
    /// The gender the cue's form tells (Russian past tense).
    pub gender: Option<Gender>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Said {
    /// By the paragraph's attribution with this index.
    By(usize),
    /// A paragraph that is only a quotation: the last speaker goes on, with no cue.
    Continuing,
    /// By the lead-in closing the paragraph before ("He said:").
    Lead,
}

/// What the paragraphs before tell about this one.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    /// The paragraph before ended with a lead-in ("He said:").
    pub lead: bool,
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
    /// People named with their role in narration, at the char where they are named.
    pub introductions: Vec<(usize, Mention)>,
    /// Names opening a sentence, at their char: whom a following "he" or "she" means.
    pub subjects: Vec<(usize, Mention)>,
    pub quotes: Vec<Found>,
    /// An attribution ending the paragraph with a colon ("He said:"): the next paragraph is
    /// what was said.
    pub lead_in: Option<usize>,
    /// An attribution right after a quotation that began paragraphs before and closes here
    /// ("…they get their share. ¶ “People here are practical,” the source said."): whose the
    /// whole quotation is.
    pub closing: Option<usize>,
}

/// Everything found in the paragraph `span`, given its quoted stretches and the runs starting
/// in it.
pub fn analyse(
    chars: &[char],
    span: Span,
    quoted: &[Quoted],
    runs: &[Run],
    context: Context,
) -> Findings {
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
    let at = |t: usize| para.toks[t].start;
    let introductions = introductions(&para).into_iter().map(|(t, m)| (at(t), m)).collect();
    let subjects = sentences
        .iter()
        .filter_map(|s| sentence_subject(&para, s.clone()).map(|(t, m)| (at(t), m)))
        .collect();
    let n = para.toks.len();
    let mut cx = Paragraph {
        para,
        quoted,
        sentences,
        sentence_of,
        consumed: vec![false; n],
        direct: Vec::new(),
        findings: Findings { introductions, subjects, ..Findings::default() },
    };
    let candidates = cx.direct_quotes(runs, &quote_tok, context);
    // The paragraph's first stretch belongs to a run from an earlier paragraph when no run
    // here starts with it.
    let continued =
        quote_tok.first().copied().flatten().filter(|_| runs.first().is_none_or(|r| r.quoted != 0));
    cx.findings.closing = continued.and_then(|t| cx.post_attribution(t));
    cx.lead_in();
    cx.reported_speech(&candidates);
    cx.findings
}

pub(super) fn ends_with(chars: &[char], span: Span, set: &str) -> bool {
    span.end > span.start && chars.get(span.end - 1).is_some_and(|c| set.contains(*c))
}

/// One paragraph under analysis, shared with `reported`.
pub(super) struct Paragraph<'a> {
    pub(super) para: Para<'a>,
    pub(super) quoted: &'a [Quoted],
    pub(super) sentences: Vec<Range<usize>>,
    pub(super) sentence_of: Vec<usize>,
    /// Cue tokens already used by an attribution.
    pub(super) consumed: Vec<bool>,
    /// Quoted tokens taken as direct quotes, in order.
    pub(super) direct: Vec<usize>,
    pub(super) findings: Findings,
}

impl Paragraph<'_> {
    /// Classifies each run as a direct quote or not; returns the tokens of closed one-paragraph
    /// stretches that are not, which may still be partial quotes inside reported speech.
    fn direct_quotes(
        &mut self,
        runs: &[Run],
        quote_tok: &[Option<usize>],
        context: Context,
    ) -> Vec<usize> {
        let mut candidates = Vec::new();
        for run in runs {
            let Some(t) = quote_tok.get(run.quoted).copied().flatten() else {
                continue;
            };
            let said = self.pre_attribution(t).map(Said::By).or_else(|| {
                if !self.is_sentence_initial(t) {
                    return None;
                }
                self.post_attribution(t)
                    .map(Said::By)
                    .or_else(|| (context.lead && t == 0).then_some(Said::Lead))
                    .or_else(|| self.carried(run, t))
            });
            match said {
                Some(said) => {
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
        t == self.sentences[self.sentence_of[t]].start
            || t > 0 && self.para.is_punct(t - 1, ":")
            || t > 0 && self.para.is_punct(t - 1, "—–-") && self.is_sentence_initial(t - 1)
    }

    /// The attribution last made in this paragraph before token `t`, in the same sentence
    /// when `sentence` says so.
    pub(super) fn last_attribution(&self, t: usize, sentence: bool) -> Option<usize> {
        let at = self.para.toks.get(t).map_or(usize::MAX, |tok| tok.start);
        let from = if sentence {
            let s = self.sentences[self.sentence_of[t.min(self.sentence_of.len() - 1)]].start;
            self.para.toks[s].start
        } else {
            0
        };
        // Only the last few are candidates, which keeps long paragraphs linear.
        let attributions = &self.findings.attributions;
        (attributions.len().saturating_sub(MAX_LOOKBACK)..attributions.len())
            .rev()
            .find(|&a| attributions[a].at < at && attributions[a].at >= from)
    }

    /// A quotation with no attribution of its own: it shares the paragraph's earlier one
    /// ("“A,” Park said. “B.”"), or continues the last speaker when it is the whole paragraph.
    fn carried(&self, run: &Run, t: usize) -> Option<Said> {
        let chars = self.para.chars;
        let speechlike = !run.closed
            || run.pieces.len() > 1
            || run.pieces.iter().all(|p| ends_with(chars, *p, SPEECH_END));
        if !speechlike {
            return None;
        }
        match self.last_attribution(t, false) {
            Some(a) => Some(Said::By(a)),
            None => (t == 0 && self.para.toks.len() == 1).then_some(Said::Continuing),
        }
    }

    /// `“…,” Cho said.`, `“…,” said Maxwell, who is …`, `«…», — сказал он.`,
    /// `“…,” TASS quoted the ministry as saying.`, `“…,” according to the ministry.`
    fn post_attribution(&mut self, t: usize) -> Option<usize> {
        let para = &self.para;
        let mut start = t + 1;
        while para.is_punct(start, ",—–-") {
            start += 1;
        }
        let limit = para.toks.len().min(start + POST_LIMIT);
        let stop = (start..limit)
            .find(|&i| para.is_punct(i, ".?!;") || matches!(para.toks[i].kind, TokKind::Quoted(_)))
            .unwrap_or(limit);
        let cue = (start..stop).find_map(|i| cue_at(para, i).filter(|c| c.end <= stop))?;
        let mention = match cue.role {
            Role::Relay => mention(para, cue.relayed.clone()?)?,
            Role::Source if cue.first == start => following(para, cue.end..stop)?.0,
            Role::Verb if cue.first == start => inverted(para, cue.end..stop)?,
            Role::Verb => {
                let comma = (cue.end..stop).find(|&k| para.is_punct(k, ",")).unwrap_or(stop);
                // "said in a text message sent to reporters": a setting runs to the stop.
                // "told state news agency RIA Novosti on Wednesday": an audience may too.
                let setting = para
                    .word_is(cue.end, &["in", "at", "on", "during", "via", "through"])
                    || para.word_is(cue.end - 1, &["told", "tells"]);
                let limit = if setting { POST_SETTING_WORDS } else { POST_WORDS };
                if para.word_count(cue.end..comma) > limit {
                    return None;
                }
                subject(para, start..cue.first)?
            }
            Role::Participle | Role::Source => return None,
        };
        Some(self.attribute(&cue, mention))
    }

    /// `He said: “…”`, `Cho said, “…”`, `Zakharova told reporters: “…”`,
    /// `…, adding: “…”`, `According to Cho, “…”`.
    fn pre_attribution(&mut self, t: usize) -> Option<usize> {
        let s_start = self.sentences[self.sentence_of[t]].start;
        if t <= s_start + 1 || !self.para.is_punct(t - 1, ":,") {
            return None;
        }
        let end = t - 1;
        let cue = self.cue_before(s_start, end)?;
        self.attribution_of(&cue, s_start, end)
    }

    /// The cue of a lead-in ending at token `end` (a colon or comma): nothing but a short
    /// setting may stand between them ("told reporters on Monday:").
    fn cue_before(&self, s_start: usize, end: usize) -> Option<Cue> {
        let para = &self.para;
        let lead_in = |c: &Cue| {
            c.end == end
                || c.role != Role::Source
                    && end - c.end <= 8
                    && (c.end..end).all(|k| para.is_word(k) || para.is_punct(k, ".’'-"))
        };
        (s_start.max(end.saturating_sub(12))..end)
            .rev()
            .filter(|&i| !self.consumed[i])
            .find_map(|i| cue_at(para, i).filter(|c| c.end <= end && lead_in(c)))
    }

    /// The speaker of a cue whose words follow it: its subject, its relayed object, or for a
    /// participle the speaker of the clause before.
    fn attribution_of(&mut self, cue: &Cue, s_start: usize, end: usize) -> Option<usize> {
        let para = &self.para;
        let mention = match cue.role {
            Role::Verb => subject(para, s_start..cue.first)?,
            Role::Relay => mention(para, cue.relayed.clone()?)?,
            Role::Source => {
                let (m, comma) = following(para, cue.end..end + 1)?;
                if comma != end {
                    return None;
                }
                m
            }
            Role::Participle => {
                let a = self.last_attribution(cue.first, false)?;
                self.findings.attributions[a].mention.clone()
            }
        };
        Some(self.attribute(cue, mention))
    }

    pub(super) fn attribute(&mut self, cue: &Cue, mention: Mention) -> usize {
        self.consumed[cue.first..cue.end].fill(true);
        let at = self.para.toks[cue.first].start;
        let gender = is_feminine(cue, &self.para).map(Gender::from_female);
        self.findings.attributions.push(Attribution { at, mention, cue: cue.text.clone(), gender });
        self.findings.attributions.len() - 1
    }

    /// "He said:" closing the paragraph announces the next paragraph as the quotation.
    fn lead_in(&mut self) {
        let n = self.para.toks.len();
        if n < 3 || !self.para.is_punct(n - 1, ":") {
            return;
        }
        let s_start = self.sentences[self.sentence_of[n - 1]].start;
        let Some(cue) = self.cue_before(s_start, n - 1) else {
            return;
        };
        self.findings.lead_in = self.attribution_of(&cue, s_start, n - 1);
    }

    pub(super) fn sentence_range(&self, t: usize) -> Range<usize> {
        self.sentences[self.sentence_of[t]].clone()
    }
}

/// `said Maxwell, who is a retired colonel`: the name, with the role when one follows.
pub(super) fn inverted(para: &Para, toks: Range<usize>) -> Option<Mention> {
    let (mention, comma) = following(para, toks.clone())?;
    let Mention::Named { name, descriptor: None, gender } = mention else {
        return Some(mention);
    };
    let rest = comma + 1..toks.end;
    if !para.is_punct(comma, ",") {
        return Some(Mention::Named { name, descriptor: None, gender });
    }
    let role_start = if para.word_is(rest.start, &["who", "which"])
        && para.word_is(rest.start + 1, &["is", "was"])
    {
        rest.start + 2
    } else if para.is_word(rest.start)
        && cue_at(para, rest.start).is_none()
        && !para.word_is(rest.start, NOT_ROLE_START)
        && !para.lower[rest.start].ends_with("ing")
    {
        rest.start
    } else {
        return Some(Mention::Named { name, descriptor: None, gender });
    };
    let role_end = (role_start..rest.end)
        .find(|&k| para.is_punct(k, ",") && cue_at(para, k + 1).is_some())
        .unwrap_or(rest.end);
    let descriptor = Some(para.text(role_start..role_end)).filter(|d| !d.is_empty());
    Some(Mention::Named { name, descriptor, gender })
}
