//! Reported speech in one paragraph of English or Russian: the clause a cue reports ("Cho said
//! the treaty …", "…, the official said", "According to X, …", "TASS quoted the ministry as
//! saying …", "Об этом заявил …"), the partial quotes inside it, and quoted fragments framed by
//! a verb of judgement ("rejected as ‘groundless’").

use std::ops::Range;

use super::attribution::{inverted, Found, Paragraph, Said};
use super::cues::{cue_at, Cue, Role};
use super::names::{
    following, is_weekday, mention, nominative, sentence_subject, subject, Mention,
};
use super::text::{is_cyrillic, TokKind};
use crate::model::{QuoteKind, Span};

/// Words after a sentence-final cue that still belong to the attribution ("…, the official
/// said on condition of anonymity.").
const TAIL_LIMIT: usize = 5;
/// Tokens a cue may stand from its "that" ("told North Korean Foreign Minister Choe Son Hui
/// during a phone call last month that").
const THAT_WINDOW: usize = 14;
/// How far into a reported clause a nested cue is looked for ("KCNA said Choe had told …").
const NESTED_WINDOW: usize = 10;
/// Nouns saying what an outlet is, before its name ("news agency RIA Novosti").
const OUTLET_NOUNS: &[&str] = &[
    "agency",
    "newspaper",
    "daily",
    "broadcaster",
    "channel",
    "network",
    "outlet",
    "radio",
    "television",
    "magazine",
    "tabloid",
];
/// Words after an inverted Russian cue that can still be its speaker with a role.
const MAX_RUSSIAN_TAIL: usize = 10;
/// Tokens of a dateline's place and date that may stand before its agency as sentences.
const MAX_DATELINE_LEAD: usize = 6;
/// Verbs that, after "but" or "and", continue the speaker's own sentence rather than the
/// reported words ("said the summit was …, but did not elaborate").
const COORDINATED_PREDICATES: &[&str] = &[
    "did",
    "didn’t",
    "didn't",
    "declined",
    "refused",
    "gave",
    "offered",
    "stopped",
    "urged",
    "went",
    "called",
    "expressed",
    "vowed",
    "pledged",
    "promised",
    "asked",
    "demanded",
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
    "repeatedly",
    "publicly",
];
/// Words that open a setting after a sentence-final cue ("said on Thursday").
const TAIL_STARTS: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "when",
    "while",
    "via",
    "through",
    "last",
    "this",
    "yesterday",
    "today",
    "earlier",
    "later",
    "recently",
    "previously",
    "also",
    "again",
    "в",
    "во",
    "на",
];
/// Complementisers that open the reported words.
const THAT: &[&str] = &["that", "что", "будто"];
/// Words a reported clause cannot start with: the cue took an object or an infinitive
/// ("warned of …", "vowed to …"), not a clause.
const NOT_CLAUSE_START: &[&str] = &[
    "to", "of", "about", "against", "for", "with", "by", "from", "into", "over", "as", "and", "or",
    "but", "so", "than", "when", "if", "whether", "what", "how", "why", "where", "who", "which",
];
/// Occasions named in "said in a statement", skipped before the reported words.
const SETTINGS: &[&str] = &[
    "statement",
    "interview",
    "briefing",
    "speech",
    "post",
    "report",
    "letter",
    "commentary",
    "editorial",
    "article",
    "message",
    "press",
    "news",
    "telephone",
    "phone",
    "video",
    "call",
    "conference",
    "forum",
    "meeting",
];
/// Audiences a "told" addresses before its reported words ("told reporters the …").
const AUDIENCES: &[&str] = &[
    "reporters",
    "journalists",
    "lawmakers",
    "legislators",
    "parliament",
    "students",
    "delegates",
    "participants",
    "diplomats",
    "officials",
    "investors",
    "him",
    "her",
    "them",
    "us",
    "me",
];
/// Words that open a reported clause after a "told" and its audience.
const CLAUSE_OPENERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "its", "his", "her", "their", "it", "they", "he",
    "she", "we", "there", "some", "many", "most", "no", "all",
];
/// Nouns that sum up a clause in an apposition after it (", a claim Moscow has rejected").
const SUMMARIES: &[&str] = &[
    "claim",
    "accusation",
    "charge",
    "allegation",
    "assertion",
    "move",
    "view",
    "remark",
    "comment",
    "statement",
    "suggestion",
    "warning",
    "latest",
    "first",
    "second",
    "third",
];
/// Verbs that frame a quoted fragment as someone's words without reporting a clause
/// ("dismissed it as ‘groundless’", "urged Pyongyang to ‘return to dialogue’").
const FRAMING: &[&str] = &[
    "rejected",
    "dismissed",
    "denounced",
    "condemned",
    "called",
    "described",
    "branded",
    "labelled",
    "labeled",
    "termed",
    "urged",
    "slammed",
    "criticised",
    "criticized",
    "hailed",
    "praised",
    "accused",
    "warned",
    "vowed",
    "pledged",
    "calling",
    "describing",
    "warning",
    "urging",
    "accusing",
    "dismissing",
    "branding",
    "назвал",
    "назвала",
    "назвали",
    "назвав",
    "охарактеризовал",
    "охарактеризовала",
    "охарактеризовали",
    "отверг",
    "отвергла",
    "осудил",
    "осудила",
    "призвал",
    "призвала",
];
/// Tokens between a framing verb and its quoted fragment.
const FRAME_WINDOW: usize = 6;

/// One reported clause: its cue, who said it, and its tokens.
struct Report {
    cue: Cue,
    mention: Mention,
    clause: Range<usize>,
}

impl Paragraph<'_> {
    /// Reported speech, sentence by sentence, and the partial quotes inside it.
    pub(super) fn reported_speech(&mut self, candidates: &[usize]) {
        let mut used = vec![false; candidates.len()];
        for si in 0..self.sentences.len() {
            let s = self.skip_dateline(self.sentences[si].clone());
            let mut reported_here = false;
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
                if let Some(report) = self.reported(cue, si, s.clone(), reported_here) {
                    // Cues inside the reported words are nested speech, not new attributions.
                    i = i.max(report.clause.end);
                    reported_here = true;
                    self.record(report, candidates, &mut used);
                }
            }
        }
        self.framed(candidates, &used);
    }

    fn record(&mut self, report: Report, candidates: &[usize], used: &mut [bool]) {
        let Some(span) = self.para.char_span(report.clause.clone()) else {
            return;
        };
        let said = Said::By(self.attribute(&report.cue, report.mention));
        self.findings.quotes.push(Found { kind: QuoteKind::Indirect, pieces: vec![span], said });
        let first = candidates.partition_point(|&t| t < report.clause.start);
        let last = candidates.partition_point(|&t| t < report.clause.end);
        for (k, &t) in candidates.iter().enumerate().take(last).skip(first) {
            if let TokKind::Quoted(q) = self.para.toks[t].kind {
                used[k] = true;
                if is_name(self.para.chars, self.quoted[q].inner) {
                    continue;
                }
                let pieces = vec![self.quoted[q].inner];
                self.findings.quotes.push(Found { kind: QuoteKind::Partial, pieces, said });
            }
        }
    }

    /// The clause `cue` reports in sentence `si` (whose span, dateline aside, is `s`), if it
    /// reports speech. After a clause was already reported in the sentence, a cue after its
    /// words only says where they came from ("…, according to a readout").
    fn reported(&self, cue: Cue, si: usize, s: Range<usize>, after_report: bool) -> Option<Report> {
        let para = &self.para;
        let coordinated = cue.first > s.start && para.word_is(cue.first - 1, &["and", "but"]);
        let earlier = || {
            let a = self.last_attribution(cue.first, true)?;
            Some(self.findings.attributions[a].mention.clone())
        };
        let (mention, clause) = match cue.role {
            Role::Source => {
                let (m, clause) = self.according_to(&cue, s.clone())?;
                if after_report && clause.start == s.start {
                    return None;
                }
                (m, clause)
            }
            Role::Relay => {
                let m = mention(para, cue.relayed.clone()?)?;
                (m, self.clause_start(&cue, s.end)?..s.end)
            }
            Role::Participle => {
                let m = earlier().or_else(|| Some(sentence_subject(para, s.clone())?.1))?;
                (m, self.clause_start(&cue, s.end)?..s.end)
            }
            Role::Verb if coordinated => {
                let m = earlier().or_else(|| Some(sentence_subject(para, s.clone())?.1));
                match m {
                    Some(m) => (m, self.clause_start(&cue, s.end)?..s.end),
                    None => self.verb_reported(&cue, si, s.clone(), after_report)?,
                }
            }
            Role::Verb => self.verb_reported(&cue, si, s.clone(), after_report)?,
        };
        if !para.toks.get(clause.start).is_some_and(|t| !matches!(t.kind, TokKind::Punct(_)))
            || para.word_is(clause.start, NOT_CLAUSE_START)
        {
            return None;
        }
        let clause = self.trim(clause);
        if let Some(inner) = self.nested(&clause, s.end) {
            return Some(inner);
        }
        self.valid(&clause).then_some(Report { cue, mention, clause })
    }

    /// At least three words and no direct quote inside.
    fn valid(&self, clause: &Range<usize>) -> bool {
        let para = &self.para;
        let first_direct = self.direct.partition_point(|&d| d < clause.start);
        let has_direct = self.direct.get(first_direct).is_some_and(|&d| d < clause.end);
        // Words in quotation marks count too: "sanctions ‘remain in force’".
        let mut words = 0;
        for t in clause.clone() {
            words += match para.toks[t].kind {
                TokKind::Word => 1,
                TokKind::Quoted(q) => {
                    let inner = self.quoted[q].inner;
                    1 + para.chars[inner.start..inner.end]
                        .iter()
                        .filter(|c| c.is_whitespace())
                        .count()
                }
                TokKind::Punct(_) => 0,
            };
            if words >= 3 {
                break;
            }
        }
        !has_direct && words >= 3
    }

    /// "KCNA said Choe had told Wang that …": words relayed from someone named at the start of
    /// the clause are that person's.
    fn nested(&self, clause: &Range<usize>, end: usize) -> Option<Report> {
        let para = &self.para;
        let limit = clause.end.min(clause.start + NESTED_WINDOW);
        let cue = (clause.start + 1..limit)
            .take_while(|&k| para.is_word(k) || para.is_punct(k, ".’'-"))
            .find_map(|k| cue_at(para, k).filter(|c| c.role == Role::Verb))?;
        let mention = subject(para, clause.start..cue.first)?;
        if !matches!(mention, Mention::Named { .. } | Mention::Pronoun(_)) {
            return None;
        }
        let inner = self.trim(self.clause_start(&cue, end)?..end);
        (self.valid(&inner) && !para.word_is(inner.start, NOT_CLAUSE_START)).then_some(Report {
            cue,
            mention,
            clause: inner,
        })
    }

    /// "Cho said (that) …", "…, the official said on Thursday.", "…, said the official.",
    /// "…, — сообщает ТАСС.", "Об этом заявил …".
    fn verb_reported(
        &self,
        cue: &Cue,
        si: usize,
        s: Range<usize>,
        after_report: bool,
    ) -> Option<(Mention, Range<usize>)> {
        let para = &self.para;
        if cue.first >= s.start + 2
            && para.word_is(cue.first - 2, &["об"])
            && para.word_is(cue.first - 1, &["этом"])
            && si > 0
        {
            let (m, _) = following(para, cue.end..s.end)?;
            let before = self.skip_dateline(self.sentences[si - 1].clone());
            return Some((m, before));
        }
        // "…is real but manageable, said Yekaterina Orlova, a China specialist …": a cue
        // inverted after a comma, with a name and its comma after it, has the reported words
        // before it ("…, said Russia would …" does not).
        let name_end = (cue.end..s.end.min(cue.end + 4)).find(|&k| !para.is_capitalized(k));
        // Russian inverts with the role before the name ("…, заявил заместитель министра …
        // Андрей Руденко."): a short tail with no "что" and no comma is the speaker.
        let russian_tail = is_cyrillic(para.chars[para.toks[cue.end - 1].start])
            && para.word_count(cue.end..s.end) <= MAX_RUSSIAN_TAIL
            && (cue.end..s.end).all(|k| !para.is_punct(k, ",") && !para.word_is(k, THAT));
        let inverted_cue = cue.first > s.start
            && para.is_punct(cue.first - 1, ",")
            && cue.role == Role::Verb
            && (name_end.is_some_and(|k| k > cue.end && para.is_punct(k, ",.;")) || russian_tail);
        if (self.ends_sentence(cue, s.end) || inverted_cue) && !para.is_punct(cue.end, ":") {
            if after_report {
                return None;
            }
            if let Some(found) = self.words_first(cue, s.clone()) {
                return Some(found);
            }
        }
        let m = subject(para, s.start..cue.first)?;
        Some((m, self.clause_start(cue, s.end)?..s.end))
    }

    /// Whether only a setting follows the cue in its sentence ("said on Thursday.", "told
    /// reporters.", "said, adding …"), so that the reported words came before it.
    fn ends_sentence(&self, cue: &Cue, end: usize) -> bool {
        let para = &self.para;
        let tail = cue.end..end;
        let words = para.word_count(tail.clone());
        // A setting may itself be followed by an aside: "reported on Tuesday, days after …".
        let setting_end = (tail.clone()).find(|&k| para.is_punct(k, ",;")).unwrap_or(end);
        let setting_words = para.word_count(tail.start..setting_end);
        words == 0
            || para.is_punct(tail.start, ",;")
            || setting_words <= TAIL_LIMIT
                && (para.word_is(tail.start, TAIL_STARTS) || is_weekday(para, tail.start))
            || words <= 3 && para.word_is(cue.first, &["told", "tells"])
    }

    fn words_first(&self, cue: &Cue, s: Range<usize>) -> Option<(Mention, Range<usize>)> {
        let para = &self.para;
        // The comma may stand inside the closing mark: "…arsenal “exponentially,” state media".
        let comma = (s.start..cue.first).rev().find(|&i| self.ends_in_comma(i))?;
        let inside = !para.is_punct(comma, ",");
        let mut after = comma + 1;
        while para.is_punct(after, "—–-") {
            after += 1;
        }
        let mention = if after == cue.first {
            let stop = (cue.end..s.end).find(|&k| para.is_punct(k, ";")).unwrap_or(s.end);
            institution_in(self, cue.end..stop).or_else(|| inverted(para, cue.end..stop))?
        } else {
            subject(para, after..cue.first)?
        };
        let clause = s.start..if inside { comma + 1 } else { comma };
        (para.word_count(clause.clone()) >= 4).then_some((mention, clause))
    }

    /// "SEOUL, June 12 (Reuters) - …", "MOSCOW, April 3. /TASS/. …": an opening dateline is
    /// not part of the reported words.
    pub(super) fn skip_dateline(&self, s: Range<usize>) -> Range<usize> {
        let para = &self.para;
        // "Москва. 24 сентября. INTERFAX.RU - …": the place and date may end in stops of
        // their own, and so stand as short sentences before the one with the dash.
        if s.start > MAX_DATELINE_LEAD || s.is_empty() {
            return s;
        }
        let upper = |k: usize| {
            para.is_word(k)
                && para.chars[para.toks[k].start..para.toks[k].end]
                    .iter()
                    .all(|c| !c.is_alphabetic() || c.is_uppercase())
                && para.toks[k].end - para.toks[k].start > 1
        };
        if !upper(s.start) {
            return s;
        }
        let limit = s.end.min(s.start + 16);
        let Some(dash) = (s.start + 1..limit).find(|&k| para.is_punct(k, "-–—")) else {
            return s;
        };
        let mut start = dash;
        while para.is_punct(start, "-–—") {
            start += 1;
        }
        let plain = (s.start..dash).all(|k| para.is_word(k) || para.is_punct(k, ",()./"));
        if plain && start < s.end {
            start..s.end
        } else {
            s
        }
    }

    /// "According to X, words.", "Words, according to X.", "Как заявили ТАСС в Министерстве …,
    /// words."
    fn according_to(&self, cue: &Cue, s: Range<usize>) -> Option<(Mention, Range<usize>)> {
        let para = &self.para;
        if cue.first == s.start {
            let comma = (cue.end..s.end).find(|&k| para.is_punct(k, ","))?;
            let m = institution_in(self, cue.end..comma)
                .or_else(|| following(para, cue.end..comma + 1).map(|(m, _)| genitive(cue, m)))?;
            Some((m, comma + 1..s.end))
        } else if cue.first > s.start && para.is_punct(cue.first - 1, ",") {
            let (mention, _) = following(para, cue.end..s.end)?;
            Some((genitive(cue, mention), s.start..cue.first - 1))
        } else {
            None
        }
    }

    /// Where the reported words begin: after the audience of "told", after "that" when it
    /// follows the cue closely, and after a time or setting phrase ("said in a statement it …").
    fn clause_start(&self, cue: &Cue, end: usize) -> Option<usize> {
        let para = &self.para;
        let j = cue.end;
        let window = end.min(j + THAT_WINDOW);
        let that = (j..window)
            .take_while(|&k| {
                // "заявил журналистам, что": a comma may stand before the complementiser.
                para.is_word(k)
                    || para.is_punct(k, ".’'-")
                    || para.is_punct(k, ",") && para.word_is(k + 1, THAT)
            })
            .find(|&k| para.word_is(k, THAT));
        let lead_in = |k: usize| para.word_is(k, LEAD_INS) || is_weekday(para, k);
        match that {
            Some(k) if k == j || cue.needs_that || cue.role != Role::Verb || lead_in(j) => {
                return Some(k + 1)
            }
            _ => {}
        }
        if para.word_is(cue.end - 1, &["told", "tells", "tell", "telling"]) {
            return self.after_audience(j);
        }
        let saying = para.word_is(cue.end - 1, &["saying"]);
        if cue.needs_that || cue.role == Role::Participle && !saying {
            return None;
        }
        Some(j + self.settings_len(j))
    }

    /// The reported words after "told" and its audience ("told the BBC the launch …", "told
    /// reporters on Monday that …").
    fn after_audience(&self, j: usize) -> Option<usize> {
        let para = &self.para;
        let k = self.audience_end(j)?;
        let k = k + self.settings_len(k);
        if para.word_is(k, THAT) {
            Some(k + 1)
        } else {
            (para.word_is(k, CLAUSE_OPENERS) || para.is_capitalized(k)).then_some(k)
        }
    }

    /// The end of the audience after "told": "reporters", "The Korea Herald", "the crowd",
    /// "a regular briefing".
    fn audience_end(&self, j: usize) -> Option<usize> {
        let para = &self.para;
        if para.word_is(j, AUDIENCES) {
            return Some(j + 1);
        }
        let mut k = j;
        if para.word_is(k, &["the", "a", "an"]) {
            k += 1;
        }
        if para.is_capitalized(k) {
            while para.is_capitalized(k) {
                k += 1;
            }
            return Some(k);
        }
        let start = k;
        while k < start + 3
            && para.is_word(k)
            && !para.word_is(k, CLAUSE_OPENERS)
            && !para.word_is(k, LEAD_INS)
            && !para.word_is(k, THAT)
        {
            k += 1;
        }
        // "told state news agency RIA Novosti": the outlet's name after the noun saying what
        // it is belongs to the audience.
        if k > start && para.word_is(k - 1, OUTLET_NOUNS) {
            while para.is_capitalized(k) {
                k += 1;
            }
        }
        (k > start).then_some(k)
    }

    /// Setting phrases at token `j`, one after another ("in a statement on Monday").
    fn settings_len(&self, j: usize) -> usize {
        let mut k = j;
        loop {
            let n = self.setting_len(k);
            if n == 0 {
                return k - j;
            }
            k += n;
        }
    }

    /// Length of a short phrase saying when or where words were said, at token `j`.
    fn setting_len(&self, j: usize) -> usize {
        let para = &self.para;
        if para.word_is(j, &["in", "at", "during"])
            && para.word_is(j + 1, &["a", "an", "the", "his", "her", "its", "their"])
        {
            let Some(mut k) = (j + 2..j + 5).find(|&k| para.word_is(k, SETTINGS)) else {
                return 0;
            };
            k += 1;
            while para.word_is(k, SETTINGS) || para.word_is(k, &["release"]) {
                k += 1;
            }
            if para.word_is(k, &["with", "to", "on", "by"]) && para.is_capitalized(k + 1) {
                k += 2;
                while para.is_capitalized(k) {
                    k += 1;
                }
            }
            k - j
        } else if para.word_is(j, &["on", "last", "this"])
            && (para.is_capitalized(j + 1) || para.word_is(j + 1, &["week", "month", "year"]))
        {
            2
        } else if para
            .word_is(j, &["yesterday", "today", "earlier", "later", "recently", "previously"])
            || is_weekday(para, j)
        {
            1
        } else if para.word_is(j, &["on"]) && para.word_is(j + 1, &["condition"]) {
            let k = (j..j + 6).find(|&k| para.word_is(k, &["anonymity"])).map_or(0, |k| k + 1);
            k.saturating_sub(j)
        } else {
            0
        }
    }

    /// Drops closing punctuation; a coordinated predicate that is the narrator's own or a new
    /// cue; and a trailing source, participle or summary ("…, according to state media",
    /// "…, citing satellite imagery", "…, a claim Moscow has rejected").
    fn trim(&self, clause: Range<usize>) -> Range<usize> {
        let para = &self.para;
        let mut end = (clause.start..clause.end)
            .find(|&k| {
                let joined = para.word_is(k, &["but", "and"])
                    && k > clause.start
                    && (para.word_is(k + 1, COORDINATED_PREDICATES)
                        || cue_at(para, k + 1).is_some_and(|c| c.role == Role::Verb));
                let aside = self.ends_in_comma(k)
                    && (self.relayed_by(k + 1, clause.end)
                        || cue_at(para, k + 1)
                            .is_some_and(|c| matches!(c.role, Role::Source | Role::Participle))
                        || para.word_is(k + 1, &["citing", "requesting", "speaking"])
                        || para.word_is(k + 1, &["a", "an", "the"])
                            && para.word_is(k + 2, SUMMARIES)
                        || self.occasion_at(k + 1));
                joined || aside
            })
            .map(|k| if matches!(para.toks[k].kind, TokKind::Quoted(_)) { k + 1 } else { k })
            .unwrap_or(clause.end);
        if end > clause.start && para.is_punct(end - 1, ",") {
            end -= 1;
        }
        while end > clause.start && para.is_punct(end - 1, ".,;:!?…") {
            end -= 1;
        }
        clause.start..end
    }

    /// "in comments carried by Interfax", "in an interview with CNN": where the words were
    /// said, closing the clause after a comma.
    fn occasion_at(&self, k: usize) -> bool {
        let para = &self.para;
        let article = usize::from(para.word_is(k + 1, &["a", "an", "his", "her", "their"]));
        para.word_is(k, &["in"])
            && para.word_is(k + 1 + article, &["comments", "remarks", "interview"])
    }

    /// "…, the Korean Central News Agency said.": a source named at the end of a clause
    /// that already has its speaker.
    fn relayed_by(&self, from: usize, end: usize) -> bool {
        let para = &self.para;
        (from + 1..end.min(from + NESTED_WINDOW))
            .take_while(|&k| para.is_word(k) || para.is_punct(k, ".’'-"))
            .find_map(|k| cue_at(para, k).filter(|c| c.role == Role::Verb))
            .is_some_and(|c| self.ends_sentence(&c, end) && subject(para, from..c.first).is_some())
    }

    /// A comma, or a quotation whose words end with one (American "…,” the latest …").
    fn ends_in_comma(&self, k: usize) -> bool {
        match self.para.toks.get(k).map(|t| t.kind) {
            Some(TokKind::Punct(',')) => true,
            Some(TokKind::Quoted(q)) => {
                let inner = self.quoted[q].inner;
                inner.end > inner.start && self.para.chars[inner.end - 1] == ','
            }
            _ => false,
        }
    }

    /// Quoted fragments framed by a verb of judgement with no reported clause ("a claim Moscow
    /// has rejected as ‘groundless’", "and urged Pyongyang to ‘return to dialogue’").
    fn framed(&mut self, candidates: &[usize], used: &[bool]) {
        for (k, &t) in candidates.iter().enumerate() {
            if used[k] {
                continue;
            }
            let s = self.sentence_range(t);
            let lo = s.start.max(t.saturating_sub(FRAME_WINDOW));
            let Some(verb) = (lo..t).rev().find(|&v| self.para.word_is(v, FRAMING)) else {
                continue;
            };
            if !(verb + 1..t).all(|v| self.para.is_word(v)) || self.consumed[verb] {
                continue;
            }
            let first = if verb > s.start && self.para.word_is(verb - 1, &["has", "have", "had"]) {
                verb - 1
            } else {
                verb
            };
            let text = (first..=verb).map(|v| self.para.lower[v].as_str()).collect::<Vec<_>>();
            let cue = Cue {
                first,
                end: verb + 1,
                text: text.join(" "),
                role: Role::Verb,
                needs_that: false,
                relayed: None,
            };
            let coordinated = first > s.start && self.para.word_is(first - 1, &["and", "but"])
                || self.para.lower[verb].ends_with("ing");
            let m = if coordinated {
                self.last_attribution(first, true)
                    .map(|a| self.findings.attributions[a].mention.clone())
                    .or_else(|| Some(sentence_subject(&self.para, s.clone())?.1))
            } else {
                subject(&self.para, s.start..first)
            };
            let (Some(m), TokKind::Quoted(q)) = (m, self.para.toks[t].kind) else {
                continue;
            };
            let said = Said::By(self.attribute(&cue, m));
            let pieces = vec![self.quoted[q].inner];
            self.findings.quotes.push(Found { kind: QuoteKind::Partial, pieces, said });
        }
    }
}

/// After "по словам", "по мнению" a name is in the genitive.
fn genitive(cue: &Cue, m: Mention) -> Mention {
    if cue.text.starts_with("по ") {
        nominative(m)
    } else {
        m
    }
}

/// Words in quotation marks that are all capitalised ("Экспресс-103", "Friendship Bridge")
/// name a thing; they are not someone's words.
fn is_name(chars: &[char], span: Span) -> bool {
    let text: String = chars[span.start..span.end].iter().collect();
    let words: Vec<&str> = text.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric()))
}

/// "в Министерстве транспорта РФ": an institution named in the prepositional case, given in
/// the nominative as a speaker's name is.
fn institution_in(cx: &Paragraph, toks: Range<usize>) -> Option<Mention> {
    let para = &cx.para;
    let at = (toks.start..toks.end.min(toks.start + 3)).find(|&k| para.word_is(k, &["в", "во"]))?;
    let end = (at + 1..toks.end).rev().find(|&k| para.is_word(k)).map_or(at + 1, |k| k + 1);
    let name = at + 1..end;
    if name.is_empty() || !para.is_word(name.start) {
        return None;
    }
    let head: String =
        para.chars[para.toks[name.start].start..para.toks[name.start].end].iter().collect();
    let nominative = [("стве", "ство"), ("ии", "ия"), ("ате", "ат"), ("ете", "ет")]
        .iter()
        .find_map(|(from, to)| head.strip_suffix(from).map(|stem| format!("{stem}{to}")))
        .unwrap_or(head);
    let rest = para.text(name.start + 1..name.end);
    let name = if rest.is_empty() { nominative } else { format!("{nominative} {rest}") };
    Some(Mention::Named { name, descriptor: None, gender: None })
}
