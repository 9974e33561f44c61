//! Reads who a speaker mention is from the tokens next to a cue: a name with its role
//! ("Cho Han-bum, a senior research fellow at …", "Foreign Minister Choe Son Hui"), a pronoun,
//! a role noun that points back ("the researcher"), or an unnamed source ("a diplomat who spoke
//! on condition of anonymity", "analysts").

use std::ops::Range;

use super::lexicon::{
    ADVERBS, CONNECTORS, DISCOURSE_MARKERS, EAST_ASIAN_SURNAMES, HONORIFICS, NAME_PARTICLES,
    NOT_NAMES, ORG_HEADS, POST_MODIFIERS, PRONOUNS, ROLE_NOUNS, TITLES, TITLE_MODIFIERS, WEEKDAYS,
};
use super::text::{is_cyrillic, Para, TokKind};

/// A subject longer than this is a clause, not a name with its role.
const MAX_SUBJECT_WORDS: usize = 16;
/// Words before the head noun of an unnamed source ("a senior South Korean government").
const MAX_MODIFIERS: usize = 7;
/// Words a Russian role noun's genitive complement may have ("глава российского МИД").
const MAX_COMPLEMENT: usize = 6;
/// Conjunctions that open a subordinate or coordinate clause, so a subject starts after them.
const CLAUSE_OPENERS: &[&str] =
    &["but", "while", "although", "though", "because", "whereas", "yet", "as", "но", "а", "хотя"];
/// Words a role before a name cannot end with: the words before the name are a clause or a
/// summary ("a claim Moscow has rejected"), not its role.
const NOT_ROLE_ENDS: &[&str] = &[
    "of",
    "the",
    "a",
    "an",
    "in",
    "at",
    "on",
    "by",
    "for",
    "with",
    "to",
    "from",
    "and",
    "or",
    "but",
    "that",
    "which",
    "who",
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "said",
    "says",
    "claim",
    "claims",
    "accusation",
    "charge",
    "allegation",
    "move",
    "view",
    "remark",
    "comment",
    "warning",
    "suggestion",
    "when",
    "while",
    "as",
    "if",
];
/// Whom a Russian speaker addressed, in the dative, after the name ("сообщил Руденко
/// журналистам в среду"): they end the name.
const ADDRESSEES: &[&str] = &[
    "журналистам",
    "репортерам",
    "репортёрам",
    "корреспонденту",
    "агентству",
    "изданию",
    "газете",
    "телеканалу",
    "радиостанции",
];
/// Words that cannot open a role stated after a name ("Pak, speaking later …, said").
const NOT_ROLES: &[&str] = &[
    "asked",
    "speaking",
    "answering",
    "according",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "during",
    "after",
    "before",
    "when",
    "while",
    "as",
    "and",
    "but",
    "however",
    "meanwhile",
    "also",
    "citing",
    "adding",
    "noting",
    "responding",
    "commenting",
    "writing",
    "quoted",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    pub fn from_female(female: bool) -> Self {
        if female {
            Gender::Female
        } else {
            Gender::Male
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mention {
    /// "he", "she": the last person who spoke, of that gender when it is known.
    Pronoun(Option<Gender>),
    /// A name (of a person, a state, an outlet) with its role when the text gives one.
    Named { name: String, descriptor: Option<String>, gender: Option<Gender> },
    /// "the researcher", "the ministry official": someone introduced earlier in that role, or
    /// else a source known only by this phrase (without its article).
    Role { phrase: String },
    /// "a diplomat who spoke on condition of anonymity", "analysts": a source known only by
    /// the article's phrase (without its article).
    Source { phrase: String },
}

/// The speaker in the tokens just before a cue: "Name, descriptor," or a plain noun phrase.
pub fn subject(para: &Para, toks: Range<usize>) -> Option<Mention> {
    // Only the end of a long stretch can be the subject; reading no further keeps this bounded.
    let toks = toks.start.max(toks.end.saturating_sub(3 * MAX_SUBJECT_WORDS))..toks.end;
    let toks = drop_trailing_adverbs(para, toks);
    if toks.is_empty() {
        return None;
    }
    let trailing_comma = para.is_punct(toks.end - 1, ",");
    let inner = if trailing_comma { toks.start..toks.end - 1 } else { toks.clone() };
    // "researchers in Beijing, Seoul and Vladivostok", "Washington, Tokyo and Seoul": a phrase
    // whose commas are its own.
    let clause = clause_of(para, inner.clone());
    if clause.clone().any(|i| para.is_punct(i, ",")) {
        let whole = unnamed(para, clause.clone()).or_else(|| name_list(para, clause));
        if whole.is_some() {
            return whole;
        }
    }
    if trailing_comma {
        return appositive(para, inner);
    }
    // "As a Chinese diplomat told me": a subordinating word opens the clause, not the name.
    noun_phrase(para, clause_of(para, last_segment(para, toks)))
}

/// The speaker right after a cue, up to a comma or the setting that follows the name
/// ("according to Cho, …", "said Maxwell, who …", "сказал он ТАСС", "заявил Лавров на …").
/// Returns the mention and the token that ended it.
pub fn following(para: &Para, toks: Range<usize>) -> Option<(Mention, usize)> {
    let limit = toks.end.min(toks.start + MAX_SUBJECT_WORDS + 1);
    if let Some(m) = pronoun(para, toks.start) {
        return Some((m, toks.start + 1));
    }
    let mut end = (toks.start..limit).find(|&i| para.is_punct(i, ",;.?!:()—–")).unwrap_or(limit);
    // A setting after the name: a lowercase preposition right after a capitalised word.
    if let Some(k) = (toks.start + 1..end).find(|&k| {
        (para.word_is(k, &["at", "in", "on", "during", "to", "на", "в", "во", "по", "с", "перед"])
            || para.word_is(k, ADDRESSEES))
            && para.is_capitalized(k - 1)
    }) {
        end = k;
    }
    Some((noun_phrase(para, toks.start..end)?, end))
}

/// A Russian name after "по словам", "по мнению" is in the genitive ("Андрея Ланькова"); a
/// speaker is named in the nominative ("Андрей Ланьков").
pub fn nominative(mention: Mention) -> Mention {
    let Mention::Named { name, descriptor, gender } = mention else {
        return mention;
    };
    if !name.chars().any(is_cyrillic) {
        return Mention::Named { name, descriptor, gender };
    }
    let words: Vec<String> = name.split(' ').map(genitive_to_nominative).collect();
    Mention::Named { name: words.join(" "), descriptor, gender }
}

fn genitive_to_nominative(word: &str) -> String {
    const ENDINGS: &[(&str, &str)] = &[
        ("овой", "ова"),
        ("евой", "ева"),
        ("иной", "ина"),
        ("ской", "ская"),
        ("ского", "ский"),
        ("ова", "ов"),
        ("ева", "ев"),
        ("ёва", "ёв"),
        ("ина", "ин"),
        ("ына", "ын"),
        ("ея", "ей"),
        ("ия", "ий"),
        ("ии", "ия"),
        ("ря", "рь"),
        ("ны", "на"),
        ("ги", "га"),
        ("ра", "р"),
        ("на", "н"),
        ("ла", "л"),
        ("та", "т"),
        ("да", "д"),
        ("ма", "м"),
    ];
    ENDINGS
        .iter()
        .find_map(|(from, to)| word.strip_suffix(from).map(|stem| format!("{stem}{to}")))
        .unwrap_or_else(|| word.to_string())
}

/// A whole stretch read as a speaker (a relayed speaker, an interview label), or nothing.
pub fn mention(para: &Para, toks: Range<usize>) -> Option<Mention> {
    noun_phrase(para, toks)
}

/// An unnamed source opening a sentence as its subject ("A source in Rason, the zone that
/// borders both, described how …"), whom a later "the source said" means.
fn unnamed_subject(para: &Para, s: Range<usize>) -> Option<Mention> {
    if !(para.word_is(s.start, &["a", "an", "one"]) && para.word_is(s.start + 1, ROLE_NOUNS)) {
        return None;
    }
    let stop = (s.start + 2..s.end.min(s.start + 8))
        .find(|&i| {
            para.is_punct(i, ",")
                || para.is_word(i)
                    && !para.is_capitalized(i)
                    && !para.word_is(i, &["in", "from", "at", "of", "near", "on"])
        })
        .unwrap_or(s.end);
    match noun_phrase(para, s.start..stop)? {
        m @ Mention::Source { .. } => Some(m),
        _ => None,
    }
}

/// The person a sentence is about when a name opens it ("Back in Changchun, Zhao was
/// cautious …"), so that a "he" after it means them.
pub fn sentence_subject(para: &Para, s: Range<usize>) -> Option<(usize, Mention)> {
    if let Some(source) = unnamed_subject(para, s.clone()) {
        return Some((s.start, source));
    }
    let mut start = s.start;
    let setting = (s.start..s.end.min(s.start + 7)).find(|&i| para.is_punct(i, ","));
    if let Some(comma) = setting {
        if para.word_is(start, &["in", "at", "back", "on", "during", "after", "speaking"]) {
            start = comma + 1;
        }
    }
    let mut end = start;
    while end < s.end
        && end - start < 8
        && (para.is_capitalized(end)
            || para.word_is(end, TITLE_MODIFIERS)
            || para.word_is(end, TITLES))
    {
        end += 1;
    }
    let possessive = end > start && {
        let t = para.toks[end - 1];
        let word: String = para.chars[t.start..t.end].iter().collect();
        word.ends_with("’s") || word.ends_with("'s")
    };
    let verb_follows = para.is_word(end) && !para.is_capitalized(end);
    if end == start || possessive || !(verb_follows || para.is_punct(end, ",")) {
        return None;
    }
    match noun_phrase(para, start..end)? {
        m @ Mention::Named { .. } => Some((start, m)),
        _ => None,
    }
}

fn pronoun(para: &Para, i: usize) -> Option<Mention> {
    PRONOUNS
        .iter()
        .find(|(p, _)| para.word_is(i, &[p]))
        .map(|&(_, female)| Mention::Pronoun(female.map(Gender::from_female)))
}

/// "Cho, however, said", "Lee also said", "Zakharova on Monday said", "Песков в свою очередь
/// сказал": what stands between the subject and its cue without being part of it.
fn drop_trailing_adverbs(para: &Para, toks: Range<usize>) -> Range<usize> {
    let mut end = toks.end;
    loop {
        if end > toks.start && para.word_is(end - 1, ADVERBS) {
            end -= 1;
        } else if end >= toks.start + 3
            && para.is_punct(end - 1, ",")
            && para.word_is(end - 2, ADVERBS)
            && para.is_punct(end - 3, ",")
        {
            end -= 3;
        } else if end >= toks.start + 2
            && para.word_is(end - 2, &["on", "last", "this"])
            && para.word_is(end - 1, WEEKDAYS)
        {
            end -= 2;
        } else if let Some(n) = inserted_phrase(para, toks.start, end) {
            end -= n;
        } else if let Some(n) = DISCOURSE_MARKERS
            .iter()
            .map(|m| m.len())
            .find(|&n| end >= toks.start + n && marker_at(para, end - n) == Some(n))
        {
            end -= n;
        } else {
            break;
        }
    }
    toks.start..end
}

/// The length of a phrase inserted between a subject and its cue and ending at `end`: a
/// participle aside between commas ("A manager …, speaking on condition of anonymity,") or
/// where a Russian speaker spoke ("Ветров в беседе с «Интерфаксом»", "Лавров в интервью ТАСС").
fn inserted_phrase(para: &Para, start: usize, end: usize) -> Option<usize> {
    if end >= start + 3 && para.is_punct(end - 1, ",") {
        let open = (end.saturating_sub(10).max(start + 1)..end - 1)
            .rev()
            .find(|&k| para.is_punct(k, ","))?;
        let aside = para.is_word(open + 1)
            && para.lower[open + 1].ends_with("ing")
            && (open + 1..end - 1).all(|k| para.is_word(k));
        return aside.then_some(end - open);
    }
    let named = |k: usize| {
        para.is_capitalized(k)
            || matches!(para.toks.get(k).map(|t| t.kind), Some(TokKind::Quoted(_)))
    };
    if end >= start + 5
        && para.word_is(end - 4, &["в"])
        && para.word_is(end - 3, &["беседе", "интервью", "разговоре"])
        && para.word_is(end - 2, &["с"])
        && named(end - 1)
    {
        return Some(4);
    }
    (end >= start + 4
        && para.word_is(end - 3, &["в"])
        && para.word_is(end - 2, &["интервью", "эфире"])
        && named(end - 1))
    .then_some(3)
}

/// The length of a discourse marker at token `i` ("в свою очередь"), if one is there.
fn marker_at(para: &Para, i: usize) -> Option<usize> {
    DISCOURSE_MARKERS
        .iter()
        .find(|m| m.iter().enumerate().all(|(k, w)| para.word_is(i + k, &[w])))
        .map(|m| m.len())
}

pub fn is_weekday(para: &Para, i: usize) -> bool {
    para.word_is(i, WEEKDAYS)
}

/// The tokens after the last clause boundary: punctuation other than commas, a quotation, or
/// a conjunction that opens a new clause.
fn clause_of(para: &Para, toks: Range<usize>) -> Range<usize> {
    let start = toks
        .clone()
        .rev()
        .find(|&i| {
            para.is_punct(i, ";:()–—\"“”«»")
                || matches!(para.toks[i].kind, TokKind::Quoted(_))
                || para.word_is(i, CLAUSE_OPENERS)
        })
        .map_or(toks.start, |i| i + 1);
    start..toks.end
}

fn last_segment(para: &Para, toks: Range<usize>) -> Range<usize> {
    let toks = drop_parenthesis(para, toks);
    let start = toks
        .clone()
        .rev()
        .find(|&i| {
            para.is_punct(i, ",;:()–—\"“”«»") || matches!(para.toks[i].kind, TokKind::Quoted(_))
        })
        .map_or(toks.start, |i| i + 1);
    start..toks.end
}

/// "The Korean Central News Agency (KCNA)": the acronym in brackets is not part of the phrase.
fn drop_parenthesis(para: &Para, toks: Range<usize>) -> Range<usize> {
    if toks.is_empty() || !para.is_punct(toks.end - 1, ")") {
        return toks;
    }
    let lo = toks.start.max(toks.end.saturating_sub(6));
    match (lo..toks.end - 1).rev().find(|&i| para.is_punct(i, "(")) {
        Some(open) => toks.start..open,
        None => toks,
    }
}

/// Comma-separated segments, read left to right after any setting ("In Moscow,", "Asked
/// about …,"): "Name, descriptor,", "Role, Name,", "The official, who …,".
fn appositive(para: &Para, toks: Range<usize>) -> Option<Mention> {
    let mut segs = Vec::new();
    let mut start = toks.start;
    for i in toks.clone() {
        if para.is_punct(i, ",") {
            segs.push(start..i);
            start = i + 1;
        }
    }
    segs.push(start..toks.end);
    let k = segs.iter().position(|s| !s.is_empty() && !is_setting(para, s.start))?;
    let seg = segs[k].clone();
    let rest = segs.get(k + 1).map(|s| s.start);
    if let Some((name, prefix, gender)) = titled_name(para, seg.clone()) {
        let after = rest.and_then(|n| role_after(para, n..toks.end));
        return Some(Mention::Named { name, descriptor: prefix.or(after), gender });
    }
    if let (Some(role), Some(next)) = (role_before(para, seg.clone()), segs.get(k + 1)) {
        if let Some((name, prefix, gender)) = titled_name(para, next.clone()) {
            return Some(Mention::Named { name, descriptor: prefix.or(Some(role)), gender });
        }
    }
    // "The official, who briefed reporters …,": a role with a relative clause or an aside.
    let aside = rest.is_some_and(|n| para.word_is(n, &["who", "which"]) || is_participle(para, n));
    aside.then(|| unnamed(para, seg)).flatten()
}

/// A segment that only sets the scene: "In Moscow", "Asked about the opening", "However".
fn is_setting(para: &Para, i: usize) -> bool {
    para.word_is(i, NOT_ROLES) || para.word_is(i, ADVERBS) || is_participle(para, i)
}

/// A segment that is a name, perhaps after its title ("Kremlin Spokesman Dmitry Peskov"): the
/// name, the title, and the gender an honorific tells.
fn titled_name(
    para: &Para,
    toks: Range<usize>,
) -> Option<(String, Option<String>, Option<Gender>)> {
    let toks = skip_markers(para, toks);
    if toks.is_empty() || para.word_is(toks.start, NOT_ROLES) || is_participle(para, toks.start) {
        return None;
    }
    match noun_phrase(para, toks)? {
        Mention::Named { name, descriptor, gender } => Some((name, descriptor, gender)),
        _ => None,
    }
}

/// The role stated after a name: "a professor at …", "who is head of …", "vice-president of …".
fn role_after(para: &Para, toks: Range<usize>) -> Option<String> {
    let mut start = toks.start;
    if para.word_is(start, &["who", "which"]) {
        if !para.word_is(start + 1, &["is", "was"]) {
            return None;
        }
        start += 2;
    }
    let ok = para.is_word(start) && !para.word_is(start, NOT_ROLES) && !is_participle(para, start);
    (ok && start < toks.end).then(|| para.text(start..toks.end))
}

/// The role stated before a name ("Russia’s deputy transport minister, Andrei Lisitsyn,", "a
/// customs broker who gave only his surname, Piao,"), without its relative clause.
fn role_before(para: &Para, toks: Range<usize>) -> Option<String> {
    let end =
        (toks.start..toks.end).find(|&i| para.word_is(i, &["who", "which"])).unwrap_or(toks.end);
    match unnamed(para, toks.start..end)? {
        Mention::Role { .. } | Mention::Source { .. } => Some(para.text(toks.start..end)),
        _ => None,
    }
}

/// "-ing" forms and "asked" open an aside, not a name or a role.
fn is_participle(para: &Para, i: usize) -> bool {
    para.is_word(i)
        && !para.is_capitalized(i)
        && (para.lower[i].ends_with("ing") || para.word_is(i, &["asked", "quoted", "cited"]))
}

fn skip_markers(para: &Para, toks: Range<usize>) -> Range<usize> {
    let mut start = toks.start;
    while start < toks.end {
        if let Some(n) = marker_at(para, start) {
            start += n;
        } else if para.word_is(start, &["but", "and", "yet", "so", "но", "а", "и"]) {
            start += 1;
        } else {
            break;
        }
    }
    start..toks.end
}

/// A subject noun phrase: a pronoun, "[descriptor] [Title] Name", a list of names, a role or
/// an unnamed source.
fn noun_phrase(para: &Para, toks: Range<usize>) -> Option<Mention> {
    let toks = skip_markers(para, toks);
    if toks.is_empty() || toks.len() > MAX_SUBJECT_WORDS || !para.is_word(toks.end - 1) {
        return None;
    }
    if toks.len() == 1 {
        if let Some(m) = pronoun(para, toks.start) {
            return Some(m);
        }
    }
    if let Some(m) = unnamed(para, toks.clone()).or_else(|| name_list(para, toks.clone())) {
        return Some(m);
    }
    let clean = toks.clone().all(|i| para.is_word(i) || para.is_punct(i, ".&’'-"));
    if clean && para.is_capitalized(toks.end - 1) {
        return named(para, toks);
    }
    None
}

/// "Washington, Tokyo and Seoul": names joined by commas and a final "and".
fn name_list(para: &Para, toks: Range<usize>) -> Option<Mention> {
    let joiners = toks.clone().filter(|&i| para.word_is(i, &["and", "и"])).count();
    if joiners != 1 {
        return None;
    }
    let mut items = 0;
    let mut run = 0;
    for i in toks.clone() {
        if para.is_punct(i, ",") || para.word_is(i, &["and", "и"]) {
            if run == 0 {
                return None;
            }
            items += 1;
            run = 0;
        } else if para.is_capitalized(i) && !para.word_is(i, NOT_NAMES) && run < 4 {
            run += 1;
        } else {
            return None;
        }
    }
    (run > 0 && items >= 1).then(|| Mention::Named {
        name: para.text(toks),
        descriptor: None,
        gender: None,
    })
}

fn named(para: &Para, toks: Range<usize>) -> Option<Mention> {
    let mut start = toks.end - 1;
    while start > toks.start {
        let p = start - 1;
        let joins = para.is_capitalized(p)
            || p > toks.start && (para.is_punct(p, ".") || para.word_is(p, NAME_PARTICLES));
        let connects = p > toks.start
            && para.word_is(p, CONNECTORS)
            && para.is_capitalized(p - 1)
            && !para.word_is(p - 1, TITLES);
        if joins {
            start = p;
        } else if connects {
            start = p - 1;
        } else {
            break;
        }
    }
    while start < toks.end && para.word_is(start, NOT_NAMES) {
        start += 1;
    }
    // The name begins after the last title that still leaves a person's name; an
    // institution's name keeps its words ("General Administration of Customs").
    let institution = (start + 1..toks.end)
        .any(|i| para.word_is(i, CONNECTORS) && para.word_is(i - 1, ORG_HEADS));
    if let Some(title) = (start..toks.end - 1)
        .rev()
        .find(|&i| para.word_is(i, TITLES) && para.is_capitalized(i + 1) && !institution)
    {
        start = title + 1;
    }
    // "Andrei Lankov of Kookmin University": a person, then where they are from.
    let from = (start + 1..toks.end).find(|&i| {
        para.word_is(i, &["of", "from"]) && !para.word_is(i - 1, ORG_HEADS) && !institution
    });
    let name_end = from.unwrap_or(toks.end);
    let (name_toks, gender) = strip_honorific(para, start..name_end);
    let honorific = name_toks.start > start;
    let name_toks = east_asian_name(para, name_toks);
    let name_toks = cyrillic_name(para, name_toks);
    if name_toks.is_empty()
        || para.word_is(toks.start, &["which", "who", "that", "what", "it", "they", "we", "i"])
    {
        return None;
    }
    let prefix = toks.start..if honorific { start } else { name_toks.start };
    // Words before the name are its role ("Kremlin spokesman", "глава МИД России") unless they
    // end like a clause or a summary ("a claim Moscow").
    let role_like = prefix.end > prefix.start && {
        let last =
            (prefix.start..prefix.end).rev().find(|&i| para.is_word(i)).unwrap_or(prefix.start);
        !para.word_is(last, NOT_ROLE_ENDS)
    };
    let descriptor = Some(para.text(prefix))
        .map(|d| d.trim_end_matches(['.', ' ', ',']).to_string())
        .filter(|d| role_like && !d.is_empty() && !is_article_only(d))
        .or_else(|| from.map(|f| para.text(f..toks.end)));
    Some(Mention::Named { name: para.text(name_toks), descriptor, gender })
}

fn strip_honorific(para: &Para, toks: Range<usize>) -> (Range<usize>, Option<Gender>) {
    let Some(&(_, female)) =
        HONORIFICS.iter().find(|(h, _)| para.word_is(toks.start, &[h]) && toks.len() > 1)
    else {
        return (toks, None);
    };
    let mut start = toks.start + 1;
    if para.is_punct(start, ".") {
        start += 1;
    }
    (start..toks.end, female.map(Gender::from_female))
}

/// In a long capitalised run, a Korean or Chinese family name starts the name
/// ("External Economic Relations Pak Chol Ung").
fn east_asian_name(para: &Para, toks: Range<usize>) -> Range<usize> {
    if toks.len() < 4 {
        return toks;
    }
    [3, 2]
        .into_iter()
        .map(|n| toks.end - n)
        .find(|&k| para.word_is(k, EAST_ASIAN_SURNAMES) && para.is_capitalized(k))
        .map_or(toks.clone(), |k| k..toks.end)
}

/// A Russian name is [given name [patronymic]] surname, or three short words for a Korean or
/// Chinese name ("Чвэ Сон Хи"); an acronym and the words before it belong to the role
/// ("глава МИД России Сергей Лавров").
fn cyrillic_name(para: &Para, toks: Range<usize>) -> Range<usize> {
    let is_cyrillic_word =
        |i: usize| para.chars[para.toks[i].start..para.toks[i].end].iter().any(|c| is_cyrillic(*c));
    if toks.len() < 2 || !toks.clone().all(is_cyrillic_word) {
        return toks;
    }
    let acronym = |i: usize| {
        let t = para.toks[i];
        t.end - t.start > 1 && para.chars[t.start..t.end].iter().all(|c| c.is_uppercase())
    };
    // After an acronym a person's name has two words at least ("МИД России Мария Захарова");
    // one word after it is part of an organisation's name ("РИА Новости").
    let start = toks.clone().rev().find(|&i| acronym(i)).map_or(toks.start, |i| i + 1);
    if toks.end - start < 2 {
        return toks;
    }
    let toks = start..toks.end;
    if toks.len() <= 2 {
        return toks;
    }
    let short = |i: usize| para.toks[i].end - para.toks[i].start <= 3;
    if (toks.end - 3..toks.end).all(short) {
        return toks.end - 3..toks.end;
    }
    let patronymic = |i: usize| {
        let w = &para.lower[i];
        ["вич", "вна", "ична", "ьич"].iter().any(|e| w.ends_with(e))
    };
    let given = if patronymic(toks.end - 2) { toks.end - 3 } else { toks.end - 2 };
    given.max(toks.start)..toks.end
}

fn is_article_only(s: &str) -> bool {
    matches!(s.to_lowercase().as_str(), "the" | "a" | "an" | "mr" | "mrs" | "ms" | "dr")
}

/// "the researcher", "a diplomat who spoke on condition of anonymity", "analysts",
/// "North Korea’s foreign ministry", "глава российского МИД": a role noun heads the phrase.
fn unnamed(para: &Para, toks: Range<usize>) -> Option<Mention> {
    if toks.is_empty() {
        return None;
    }
    if let Some(m) = russian_role(para, toks.clone()) {
        return Some(m);
    }
    let head = (toks.start..toks.end).find(|&i| {
        // A plural may open a sentence: "Officials in Washington said".
        let plural_opening = i == toks.start && para.lower[i].ends_with('s');
        is_role_word(para, i)
            && (!para.is_capitalized(i) || plural_opening)
            && (i + 1 == toks.end || para.word_is(i + 1, POST_MODIFIERS))
    })?;
    // Before the head: determiners and modifiers only, no clause.
    let pre_ok = head - toks.start <= MAX_MODIFIERS
        && (toks.start..head).all(|i| {
            para.is_word(i)
                && !para.word_is(i, &["that", "which", "who", "it", "they", "he", "she", "said"])
                || para.is_punct(i, "-’'")
        });
    if !pre_ok {
        return None;
    }
    let definite = para.word_is(toks.start, &["the", "this", "that"]);
    let start = if para.word_is(toks.start, &["a", "an", "the", "this", "that", "one"]) {
        toks.start + 1
    } else {
        toks.start
    };
    if start >= toks.end {
        return None;
    }
    let phrase = para.text(start..toks.end);
    Some(if definite { Mention::Role { phrase } } else { Mention::Source { phrase } })
}

/// A role noun, a title, or a word naming someone by what they study or do ("Koreanist",
/// "specialist").
fn is_role_word(para: &Para, i: usize) -> bool {
    para.word_is(i, ROLE_NOUNS)
        || para.word_is(i, TITLES)
        || para.is_word(i) && (para.lower[i].ends_with("ist") || para.lower[i].ends_with("ists"))
}

/// Russian puts the role noun first, its complement after ("министр", "глава российского
/// МИД"); with no name at the end, it points back to someone in that role. After "по словам"
/// the noun is in the genitive ("министра") and is given in the nominative.
fn russian_role(para: &Para, toks: Range<usize>) -> Option<Mention> {
    let head = toks.start;
    let cyrillic =
        para.chars[para.toks[head].start..para.toks[head].end].iter().any(|c| is_cyrillic(*c));
    let nominative = genitive_to_nominative(&para.lower[head]);
    let role = para.word_is(head, ROLE_NOUNS) || ROLE_NOUNS.contains(&nominative.as_str());
    if !cyrillic || !role || toks.len() > 1 + MAX_COMPLEMENT {
        return None;
    }
    if toks.len() == 1 {
        return Some(Mention::Role { phrase: nominative });
    }
    let last = toks.end - 1;
    let t = para.toks[last];
    let acronym = para.chars[t.start..t.end].iter().all(|c| c.is_uppercase());
    if toks.len() > 1 && para.is_capitalized(last) && !acronym {
        return None;
    }
    Some(Mention::Role { phrase: para.text(toks) })
}

/// People named with a title in narration ("Russian President Vladimir Putin visited …") or
/// with their role after a comma ("NK News spoke to Irina Voronova, a research fellow at …"),
/// at the token where their mention starts, so a later "Putin said" gets the full name.
pub fn introductions(para: &Para) -> Vec<(usize, Mention)> {
    let mut out = Vec::new();
    let n = para.toks.len();
    let mut i = 0;
    while i < n {
        if let Some((first, end, mention)) =
            titled_intro(para, i).or_else(|| appositive_intro(para, i))
        {
            out.push((first, mention));
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// "Vice Minister of External Economic Relations Pak Chol Ung", "spokeswoman Maria Zakharova".
fn titled_intro(para: &Para, i: usize) -> Option<(usize, usize, Mention)> {
    if !para.word_is(i, TITLES) {
        return None;
    }
    let n = para.toks.len();
    let mut end = i + 1;
    while end < n
        && end - i <= 8
        && (para.is_capitalized(end) && !para.word_is(end, TITLES)
            || para.word_is(end, CONNECTORS) && para.is_capitalized(end + 1))
    {
        end += 1;
    }
    if end == i + 1 || para.word_is(i + 1, NOT_NAMES) || is_weekday(para, i + 1) {
        return None;
    }
    let run = i + 1..end;
    let name =
        if para.word_is(i + 1, CONNECTORS) || run.clone().any(|k| para.word_is(k, CONNECTORS)) {
            // "Secretary of State Antony Blinken": a Korean or Chinese name, or else the last two
            // words when the office's name ends before them.
            let tail = east_asian_name(para, run.clone());
            if tail.start > run.start {
                tail
            } else if run.len() >= 4
                && !para.word_is(end - 1, ORG_HEADS)
                && !para.word_is(end - 3, CONNECTORS)
            {
                end - 2..end
            } else {
                return None;
            }
        } else if run.len() > 4 {
            return None;
        } else {
            cyrillic_name(para, run)
        };
    let mut first = i;
    while first > 0
        && i - first < MAX_MODIFIERS
        && (para.is_capitalized(first - 1) || para.word_is(first - 1, TITLE_MODIFIERS))
        && !para.word_is(first - 1, NOT_NAMES)
    {
        first -= 1;
    }
    let descriptor = Some(para.text(first..name.start));
    let mention = Mention::Named { name: para.text(name.clone()), descriptor, gender: None };
    Some((first, name.end, mention))
}

/// "Irina Voronova, a research fellow at the Institute …, …": a full name followed by a role
/// that opens with an article.
fn appositive_intro(para: &Para, i: usize) -> Option<(usize, usize, Mention)> {
    let starts = i == 0 || !para.is_capitalized(i - 1);
    if !starts || !para.is_capitalized(i) || para.word_is(i, NOT_NAMES) {
        return None;
    }
    let mut end = i;
    while end < para.toks.len() && end - i < 4 && para.is_capitalized(end) {
        end += 1;
    }
    if end - i < 2 || !para.is_punct(end, ",") || !para.word_is(end + 1, &["a", "an", "the"]) {
        return None;
    }
    let head =
        (end + 2..para.toks.len().min(end + 2 + MAX_MODIFIERS)).find(|&k| is_role_word(para, k))?;
    let stop = (head..para.toks.len())
        .find(|&k| para.is_punct(k, ",;.?!:()—–") && !is_abbreviation_dot(para, k))
        .unwrap_or(para.toks.len());
    let descriptor = Some(para.text(end + 1..stop));
    let (name, gender) = strip_honorific(para, i..end);
    let mention = Mention::Named { name: para.text(name), descriptor, gender };
    Some((i, stop, mention))
}

/// A full stop inside an abbreviation ("U.S.") rather than at a sentence's end.
fn is_abbreviation_dot(para: &Para, k: usize) -> bool {
    k > 0
        && para.toks[k - 1].end == para.toks[k].start
        && para.toks[k - 1].end - para.toks[k - 1].start == 1
}
