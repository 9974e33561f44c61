//! Scores extracted quotes against a hand-made gold file (the shape of
//! `tests/fixtures/quotes/*.gold.json`): precision, recall and F1 of quote spans and of
//! (speaker, span) attributions, each matched exactly and by overlap.
//!
//! Matching rules, so that numbers from different runs mean the same thing:
//! - **Texts** are compared after normalisation: NFC, runs of whitespace as one space, every
//!   double quotation mark (“ ” „ « » 「 」 『 』 ") as `"`, every single one (‘ ’ ‹ › ') as `'`,
//!   and marks or spaces at either end dropped. Case and inner punctuation count.
//! - **Speakers** are compared after the same normalisation, lowercased, hyphens as spaces, and a
//!   leading "the", "a" or "an" dropped: "Kim Jong-un" = "Kim Jong Un", "The ministry" = "ministry".
//! - **Exact**: same start paragraph and equal normalised text.
//! - **Overlap**: start paragraphs at most one apart (a quote run over paragraphs may be found
//!   from its second paragraph) and token Dice ≥ 0.5, where tokens are the lowercase words of
//!   the normalised text (each Han or kana character a word, since Chinese and Japanese have no
//!   spaces) counted as multisets: 2·|G∩F| / (|G|+|F|). A partial quote thus never matches the
//!   indirect quote around it.
//! - Each gold and each found quote is matched at most once; overlap matching takes the best
//!   scoring pairs first. Attribution matching is a separate matching whose pairs must also
//!   have the same speaker, so a duplicate span cannot borrow another's speaker.
//! - The quote kind (direct, partial, indirect) does not take part in matching; kind errors of
//!   exact span matches are counted apart.

use std::collections::HashMap;
use std::ops::AddAssign;

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};
use unicode_normalization::UnicodeNormalization;

use crate::model::{Quote, QuoteKind};

/// Token Dice coefficient from which two quotes overlap.
const MIN_DICE: f64 = 0.5;

/// One quote of a gold file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct GoldQuote {
    pub text: String,
    pub kind: QuoteKind,
    pub speaker: String,
    #[serde(default)]
    pub descriptor: Option<String>,
    #[serde(default)]
    pub cue: Option<String>,
    pub paragraph: usize,
}

#[derive(Deserialize)]
struct GoldFile {
    quotes: Vec<GoldQuote>,
}

/// The quotes of a gold file (other fields — source, boilerplate, notes — are ignored).
pub fn parse_gold(json: &str) -> serde_json::Result<Vec<GoldQuote>> {
    Ok(serde_json::from_str::<GoldFile>(json)?.quotes)
}

/// Matched counts of one comparison; precision, recall and F1 derive from them, and they add
/// up over files (micro-averaging).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub gold: usize,
    pub found: usize,
    pub matched: usize,
}

impl Counts {
    /// 1.0 when nothing was found, since nothing found was wrong.
    pub fn precision(&self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.matched as f64 / self.found as f64
        }
    }

    /// 1.0 when the gold has nothing to find.
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.matched as f64 / self.gold as f64
        }
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

impl AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.gold += o.gold;
        self.found += o.found;
        self.matched += o.matched;
    }
}

/// Serialised with the derived rates, so a JSON report needs no arithmetic downstream.
impl Serialize for Counts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Counts", 6)?;
        st.serialize_field("gold", &self.gold)?;
        st.serialize_field("found", &self.found)?;
        st.serialize_field("matched", &self.matched)?;
        st.serialize_field("precision", &self.precision())?;
        st.serialize_field("recall", &self.recall())?;
        st.serialize_field("f1", &self.f1())?;
        st.end()
    }
}

/// Exact and overlapping counts of one measure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Measure {
    pub exact: Counts,
    pub overlap: Counts,
}

impl AddAssign for Measure {
    fn add_assign(&mut self, o: Measure) {
        self.exact += o.exact;
        self.overlap += o.overlap;
    }
}

/// The score of one article, or the sum of several.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Score {
    /// Quote texts, whoever the speaker.
    pub spans: Measure,
    /// (speaker, quote text) pairs.
    pub attribution: Measure,
    /// Span matches whose speaker differs from the gold's, exact and overlapping.
    pub wrong_speaker: Pair,
    /// Exact span matches whose kind differs from the gold's.
    pub wrong_kind: usize,
}

/// Two counts, of exact and of overlapping matches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Pair {
    pub exact: usize,
    pub overlap: usize,
}

impl AddAssign for Score {
    fn add_assign(&mut self, o: Score) {
        self.spans += o.spans;
        self.attribution += o.attribution;
        self.wrong_speaker.exact += o.wrong_speaker.exact;
        self.wrong_speaker.overlap += o.wrong_speaker.overlap;
        self.wrong_kind += o.wrong_kind;
    }
}

impl std::iter::Sum for Score {
    fn sum<I: Iterator<Item = Score>>(iter: I) -> Score {
        let mut total = Score::default();
        for s in iter {
            total += s;
        }
        total
    }
}

/// A quote as the listing shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub paragraph: usize,
    pub kind: QuoteKind,
    pub speaker: String,
    pub text: String,
}

/// A gold quote and the found quote it was matched with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mismatch {
    pub gold: Entry,
    pub found: Entry,
}

/// What went wrong in one article, for debugging.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Listing {
    /// Gold quotes with no overlapping found quote.
    pub missed: Vec<Entry>,
    /// Found quotes with no overlapping gold quote.
    pub spurious: Vec<Entry>,
    /// Overlapping but not exact: the boundaries differ.
    pub boundary: Vec<Mismatch>,
    /// Span matches (overlapping, so exact ones too) with another speaker.
    pub wrong_speaker: Vec<Mismatch>,
}

/// The score of one article's found quotes against its gold.
pub fn score(gold: &[GoldQuote], found: &[Quote]) -> Score {
    evaluate(gold, found).0
}

/// The score and the listing of misses of one article.
pub fn evaluate(gold: &[GoldQuote], found: &[Quote]) -> (Score, Listing) {
    let g: Vec<Norm> =
        gold.iter().map(|q| Norm::new(q.paragraph, q.kind, &q.speaker, &q.text)).collect();
    let f: Vec<Norm> =
        found.iter().map(|q| Norm::new(q.paragraph, q.kind, &q.speaker, &q.text)).collect();

    let span_exact = exact_matches(&g, &f, false);
    let span_overlap = overlap_matches(&g, &f, false);
    let attr_exact = exact_matches(&g, &f, true);
    let attr_overlap = overlap_matches(&g, &f, true);

    let counts = |m: &[(usize, usize)]| Counts { gold: g.len(), found: f.len(), matched: m.len() };
    let wrong_speaker = |&(i, j): &(usize, usize)| g[i].speaker != f[j].speaker;
    let score = Score {
        spans: Measure { exact: counts(&span_exact), overlap: counts(&span_overlap) },
        attribution: Measure { exact: counts(&attr_exact), overlap: counts(&attr_overlap) },
        wrong_speaker: Pair {
            exact: span_exact.iter().filter(|m| wrong_speaker(m)).count(),
            overlap: span_overlap.iter().filter(|m| wrong_speaker(m)).count(),
        },
        wrong_kind: span_exact.iter().filter(|&&(i, j)| g[i].kind != f[j].kind).count(),
    };

    let gold_entry = |i: usize| Entry {
        paragraph: gold[i].paragraph,
        kind: gold[i].kind,
        speaker: gold[i].speaker.clone(),
        text: gold[i].text.clone(),
    };
    let found_entry = |j: usize| Entry {
        paragraph: found[j].paragraph,
        kind: found[j].kind,
        speaker: found[j].speaker.clone(),
        text: found[j].text.clone(),
    };
    let pair = |&(i, j): &(usize, usize)| Mismatch { gold: gold_entry(i), found: found_entry(j) };
    let mut gold_hit = vec![false; g.len()];
    let mut found_hit = vec![false; f.len()];
    for &(i, j) in &span_overlap {
        gold_hit[i] = true;
        found_hit[j] = true;
    }
    let listing = Listing {
        missed: (0..g.len()).filter(|&i| !gold_hit[i]).map(gold_entry).collect(),
        spurious: (0..f.len()).filter(|&j| !found_hit[j]).map(found_entry).collect(),
        boundary: span_overlap
            .iter()
            .filter(|&&(i, j)| g[i].text != f[j].text || g[i].paragraph != f[j].paragraph)
            .map(pair)
            .collect(),
        wrong_speaker: span_overlap.iter().filter(|m| wrong_speaker(m)).map(pair).collect(),
    };
    (score, listing)
}

/// A quote reduced to what matching compares.
struct Norm {
    paragraph: usize,
    kind: QuoteKind,
    speaker: String,
    text: String,
    tokens: HashMap<String, usize>,
    size: usize,
}

impl Norm {
    fn new(paragraph: usize, kind: QuoteKind, speaker: &str, text: &str) -> Self {
        let text = normalise(text);
        let mut tokens = HashMap::new();
        let mut size = 0;
        for t in tokens_of(&text) {
            *tokens.entry(t).or_insert(0) += 1;
            size += 1;
        }
        Norm { paragraph, kind, speaker: normalise_speaker(speaker), text, tokens, size }
    }

    fn dice(&self, o: &Norm) -> f64 {
        if self.size + o.size == 0 {
            return 0.0;
        }
        let common: usize =
            self.tokens.iter().map(|(t, n)| (*n).min(o.tokens.get(t).copied().unwrap_or(0))).sum();
        2.0 * common as f64 / (self.size + o.size) as f64
    }
}

/// Pairs (gold, found) with the same paragraph and text (and speaker, if `speaker`).
fn exact_matches(g: &[Norm], f: &[Norm], speaker: bool) -> Vec<(usize, usize)> {
    let key = |n: &Norm| (n.paragraph, n.text.clone(), speaker.then(|| n.speaker.clone()));
    let mut open: HashMap<_, Vec<usize>> = HashMap::new();
    for (j, n) in f.iter().enumerate().rev() {
        open.entry(key(n)).or_default().push(j);
    }
    let mut out = Vec::new();
    for (i, n) in g.iter().enumerate() {
        if let Some(j) = open.get_mut(&key(n)).and_then(Vec::pop) {
            out.push((i, j));
        }
    }
    out
}

/// Best-first one-to-one pairs whose paragraphs are at most one apart and whose tokens overlap.
fn overlap_matches(g: &[Norm], f: &[Norm], speaker: bool) -> Vec<(usize, usize)> {
    let mut by_paragraph: HashMap<usize, Vec<usize>> = HashMap::new();
    for (j, n) in f.iter().enumerate() {
        by_paragraph.entry(n.paragraph).or_default().push(j);
    }
    let mut pairs = Vec::new();
    for (i, gn) in g.iter().enumerate() {
        let near = [gn.paragraph.checked_sub(1), Some(gn.paragraph), Some(gn.paragraph + 1)];
        for p in near.into_iter().flatten() {
            for &j in by_paragraph.get(&p).map_or(&[][..], Vec::as_slice) {
                let fnorm = &f[j];
                if speaker && gn.speaker != fnorm.speaker {
                    continue;
                }
                let d = if gn.text == fnorm.text { 1.0 } else { gn.dice(fnorm) };
                if d >= MIN_DICE {
                    let same = gn.paragraph == fnorm.paragraph;
                    pairs.push((d, same, i, j));
                }
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)).then((a.2, a.3).cmp(&(b.2, b.3))));
    let mut gold_used = vec![false; g.len()];
    let mut found_used = vec![false; f.len()];
    let mut out = Vec::new();
    for (_, _, i, j) in pairs {
        if !gold_used[i] && !found_used[j] {
            gold_used[i] = true;
            found_used[j] = true;
            out.push((i, j));
        }
    }
    out.sort_unstable();
    out
}

fn normalise(text: &str) -> String {
    let mapped: String = text
        .nfc()
        .map(|c| match c {
            '“' | '”' | '„' | '‟' | '«' | '»' | '「' | '」' | '『' | '』' | '"' => {
                '"'
            }
            '‘' | '’' | '‚' | '‛' | '‹' | '›' | '\'' => '\'',
            c => c,
        })
        .collect();
    let joined = mapped.split_whitespace().collect::<Vec<_>>().join(" ");
    joined.trim_matches(|c: char| c == '"' || c == '\'' || c.is_whitespace()).to_string()
}

fn normalise_speaker(speaker: &str) -> String {
    let text = normalise(speaker).to_lowercase().replace(['-', '‐', '‑'], " ");
    let words: Vec<&str> = text.split_whitespace().collect();
    let skip = usize::from(words.len() > 1 && matches!(words[0], "the" | "a" | "an"));
    words[skip..].join(" ")
}

/// Lowercase words; each Han or kana character stands alone.
fn tokens_of(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if is_ideograph(c) {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            out.push(c.to_string());
        } else if c.is_alphanumeric() {
            word.push(c);
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}
