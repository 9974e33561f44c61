//! Speakers: reads who a cue's subject is ("Cho Han-bum, a senior research fellow at …",
//! "Cho", "he") and resolves later mentions to the person first introduced.

use std::ops::Range;

use super::text::{Para, TokKind};

/// A subject longer than this is a clause, not a name with its role.
const MAX_SUBJECT_WORDS: usize = 14;
/// Mentions look back over this many people at most, which keeps resolution linear.
const MAX_CANDIDATES: usize = 200;

/// Words that start a capitalised run without being part of a name.
const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "it", "they", "we", "i", "you", "but",
    "and", "however", "while", "although", "when", "if", "as", "because", "so", "then", "mr",
    "mrs", "ms", "dr", "on", "in", "at", "after", "before",
];

/// Capitalised titles that end a descriptor and precede a name ("Russian President Vladimir Putin").
const TITLES: &[&str] = &[
    "president",
    "premier",
    "minister",
    "secretary",
    "chairman",
    "chairwoman",
    "leader",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "general",
    "governor",
    "senator",
    "director",
    "professor",
    "commander",
    "chancellor",
    "king",
    "queen",
    "envoy",
];

/// Lowercase head nouns of an unnamed source ("a ministry official", "the analysts").
const SOURCE_NOUNS: &[&str] = &[
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "source",
    "sources",
    "ministry",
    "analyst",
    "analysts",
    "diplomat",
    "diplomats",
    "expert",
    "experts",
    "agency",
    "government",
    "military",
    "statement",
    "report",
    "researcher",
    "researchers",
    "observers",
    "lawmaker",
    "lawmakers",
    "officer",
    "officers",
    "representative",
];

const PRONOUNS: &[&str] = &["he", "she"];

/// Particles that may sit inside a capitalised name ("Ramon de la Cruz").
const NAME_PARTICLES: &[&str] = &["de", "la", "del", "van", "von", "der", "da", "bin", "al", "le"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mention {
    /// "he" or "she": the last person named.
    Pronoun,
    /// A name, or an unnamed source's phrase, with its role when the text gives one.
    Named { name: String, descriptor: Option<String> },
}

/// The speaker in the tokens just before a cue: "Name, descriptor," or a plain noun phrase.
pub fn subject(para: &Para, toks: Range<usize>) -> Option<Mention> {
    // Only the end of a long stretch can be the subject; reading no further keeps this bounded.
    let toks = toks.start.max(toks.end.saturating_sub(3 * MAX_SUBJECT_WORDS))..toks.end;
    if toks.is_empty() {
        return None;
    }
    if para.is_punct(toks.end - 1, ",") {
        return appositive(para, toks.start..toks.end - 1);
    }
    noun_phrase(para, last_segment(para, toks))
}

/// The speaker right after a cue, up to a comma: "according to Cho, …", "said Maxwell, who …".
pub fn following(para: &Para, toks: Range<usize>) -> Option<(Mention, usize)> {
    let limit = toks.end.min(toks.start + MAX_SUBJECT_WORDS + 1);
    let end = (toks.start..limit).find(|&i| para.is_punct(i, ",;.?!")).unwrap_or(limit);
    Some((noun_phrase(para, toks.start..end)?, end))
}

fn last_segment(para: &Para, toks: Range<usize>) -> Range<usize> {
    let start = toks
        .clone()
        .rev()
        .find(|&i| para.is_punct(i, ",;:()–—") || matches!(para.toks[i].kind, TokKind::Quoted(_)))
        .map_or(toks.start, |i| i + 1);
    start..toks.end
}

/// "Name, descriptor[, more descriptor]": the name is the last comma segment that is all name.
fn appositive(para: &Para, toks: Range<usize>) -> Option<Mention> {
    let commas: Vec<usize> = toks.clone().filter(|&i| para.is_punct(i, ",")).collect();
    commas.iter().enumerate().rev().find_map(|(k, &c)| {
        let seg_start = if k == 0 { toks.start } else { commas[k - 1] + 1 };
        is_name(para, seg_start..c).then(|| Mention::Named {
            name: para.text(seg_start..c),
            descriptor: Some(para.text(c + 1..toks.end)).filter(|d| !d.is_empty()),
        })
    })
}

fn is_name(para: &Para, toks: Range<usize>) -> bool {
    let words = toks.clone().filter(|&i| para.is_word(i)).count();
    (1..=6).contains(&words)
        && !para.word_is(toks.start, NOT_NAMES)
        && para.is_capitalized(toks.start)
        && toks.clone().all(|i| para.is_capitalized(i) || para.word_is(i, NAME_PARTICLES))
}

/// A subject noun phrase: a pronoun, "[descriptor] [Title] Name", or an unnamed source.
fn noun_phrase(para: &Para, toks: Range<usize>) -> Option<Mention> {
    let clean = toks.clone().all(|i| para.is_word(i) || para.is_punct(i, ".&’'"));
    if toks.is_empty() || !clean || toks.len() > MAX_SUBJECT_WORDS || !para.is_word(toks.end - 1) {
        return None;
    }
    if toks.len() == 1 && para.word_is(toks.start, PRONOUNS) {
        return Some(Mention::Pronoun);
    }
    if para.is_capitalized(toks.end - 1) {
        return named(para, toks);
    }
    unnamed(para, toks)
}

fn named(para: &Para, toks: Range<usize>) -> Option<Mention> {
    let mut start = toks.end - 1;
    while start > toks.start
        && (para.is_capitalized(start - 1)
            || para.word_is(start - 1, NAME_PARTICLES) && start - 1 > toks.start)
    {
        start -= 1;
    }
    while start < toks.end && para.word_is(start, NOT_NAMES) {
        start += 1;
    }
    if let Some(title) = (start..toks.end).rev().find(|&i| para.word_is(i, TITLES)) {
        start = title + 1;
    }
    let prefix = toks.start..start;
    if start >= toks.end
        || para.word_is(toks.start, &["which", "who", "that", "what", "it", "they"])
    {
        return None;
    }
    let descriptor = Some(para.text(prefix)).filter(|d| !d.is_empty() && !is_article_only(d));
    Some(Mention::Named { name: para.text(start..toks.end), descriptor })
}

fn is_article_only(s: &str) -> bool {
    matches!(s.to_lowercase().as_str(), "the" | "a" | "an" | "mr" | "mrs" | "ms" | "dr")
}

fn unnamed(para: &Para, toks: Range<usize>) -> Option<Mention> {
    if !para.word_is(toks.end - 1, SOURCE_NOUNS) {
        return None;
    }
    let start =
        if para.word_is(toks.start, &["a", "an", "the"]) { toks.start + 1 } else { toks.start };
    let phrase = para.text(start..toks.end);
    Some(Mention::Named { name: phrase.clone(), descriptor: Some(phrase) })
}

pub struct Person {
    pub name: String,
    pub descriptor: Option<String>,
    words: Vec<String>,
}

/// Everyone quoted so far, so a surname or pronoun can be traced back to a full introduction.
#[derive(Default)]
pub struct Registry {
    people: Vec<Person>,
    last_person: Option<usize>,
}

impl Registry {
    pub fn person(&self, i: usize) -> &Person {
        &self.people[i]
    }

    pub fn resolve(&mut self, mention: &Mention) -> Option<usize> {
        let (name, descriptor) = match mention {
            Mention::Pronoun => return self.last_person,
            Mention::Named { name, descriptor } => (name, descriptor),
        };
        let words: Vec<String> = name.split_whitespace().map(str::to_string).collect();
        let found = self.find(&words);
        let i = match found {
            Some(i) => {
                let p = &mut self.people[i];
                p.descriptor = p.descriptor.take().or_else(|| descriptor.clone());
                i
            }
            None => {
                self.people.push(Person {
                    name: name.clone(),
                    descriptor: descriptor.clone(),
                    words,
                });
                self.people.len() - 1
            }
        };
        // A lone capitalised word with no role is usually a place or a state ("Beijing"), which
        // "he" or "she" cannot refer to.
        let p = &self.people[i];
        if p.words.len() > 1 || p.descriptor.is_some() {
            self.last_person = Some(i);
        }
        Some(i)
    }

    /// The most recent person whose name contains `words` as consecutive words.
    fn find(&self, words: &[String]) -> Option<usize> {
        if words.is_empty() {
            return None;
        }
        let lo = self.people.len().saturating_sub(MAX_CANDIDATES);
        (lo..self.people.len())
            .rev()
            .find(|&i| self.people[i].words.windows(words.len()).any(|w| w == words))
    }
}
