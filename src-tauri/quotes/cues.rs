//! Speech cues: the verbs and phrases that tie words to a speaker ("said", "according to",
//! "заявил", "по словам"), in English and Russian. Korean and Chinese cues live with their
//! own readers, since those languages attach cues to the quote rather than to a subject.

use super::text::{is_cyrillic, Para};

/// How the speaker and the reported words stand around a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The speaker is the verb's subject: "Cho said …", "«…», — сказал он".
    Verb,
    /// The speaker follows the cue and the words follow a comma: "according to Cho, …".
    Source,
    /// A participle continuing the speaker of the clause before: "…,” he said, adding that …".
    Participle,
    /// The verb's object is the speaker: "TASS quoted the ministry as saying …".
    Relay,
}

/// Phrases that introduce a source before the reported words, not a speaking subject.
const SOURCE_PHRASES: &[&[&str]] = &[
    &["according", "to"],
    &["in", "the", "words", "of"],
    &["по", "словам"],
    &["по", "мнению"],
    &["по", "данным"],
    &["по", "сообщению"],
    &["по", "информации"],
    &["как", "сообщает"],
    &["как", "сообщил"],
    &["как", "сообщила"],
    &["как", "сообщили"],
    &["как", "заявил"],
    &["как", "заявила"],
    &["как", "заявили"],
    &["как", "передает"],
    &["как", "передаёт"],
    &["как", "отметил"],
    &["как", "отметила"],
];

/// Verb phrases whose subject is the speaker.
const VERB_PHRASES: &[&[&str]] = &[
    &["echoed", "the", "view"],
    &["expressed", "the", "view"],
    &["shared", "the", "view"],
    &["took", "the", "view"],
    &["was", "quoted", "as", "saying"],
    &["were", "quoted", "as", "saying"],
    &["is", "quoted", "as", "saying"],
    &["pointed", "out"],
    &["points", "out"],
    &["went", "on"],
];

/// One-word speech and cognition verbs after which the reported words may follow directly
/// ("Cho said the treaty …").
const VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "added",
    "adds",
    "stated",
    "noted",
    "warned",
    "warns",
    "argued",
    "argues",
    "explained",
    "explains",
    "claimed",
    "insisted",
    "insists",
    "stressed",
    "emphasised",
    "emphasized",
    "emphasises",
    "emphasizes",
    "underscored",
    "underlined",
    "wrote",
    "writes",
    "asserted",
    "contended",
    "countered",
    "cautioned",
    "complained",
    "affirmed",
    "concluded",
    "concludes",
    "believes",
    "believe",
    "believed",
    "think",
    "thinks",
    "argue",
    "warn",
];

/// Cues that report speech only with a following "that" ("KCNA reported that …"), because
/// they as often take an object ("announced a plan") or are nouns ("claims", "reports").
const NEEDS_THAT: &[&str] = &[
    "told",
    "tells",
    "tell",
    "claims",
    "reports",
    "states",
    "notes",
    "stresses",
    "announced",
    "announces",
    "reported",
    "confirmed",
    "denied",
    "revealed",
    "disclosed",
    "predicted",
    "suggested",
    "suggests",
    "echoed",
    "recalled",
    "reiterated",
    "acknowledged",
    "admitted",
    "conceded",
    "posted",
    "tweeted",
    "agreed",
    "observed",
    "declared",
    "maintained",
    "maintains",
    "estimated",
    "alleged",
    "replied",
    "responded",
    "answered",
    "remarked",
    "commented",
    "hinted",
    "reminded",
    "insist",
    "realised",
    "realized",
    // Russian (past masculine, feminine, plural; present): the reported words follow "что".
    "заявил",
    "заявила",
    "заявили",
    "ответил",
    "ответила",
    "ответили",
    // Neuter forms: an agency or a ministry as the subject ("ЦТАК сообщило, что …").
    "заявило",
    "сообщило",
    "отметило",
    "заявляет",
    "заявляют",
    "сказал",
    "сказала",
    "сказали",
    "отметил",
    "отметила",
    "отметили",
    "отмечает",
    "отмечают",
    "подчеркнул",
    "подчеркнула",
    "подчеркнули",
    "подчеркивает",
    "подчёркивает",
    "сообщил",
    "сообщила",
    "сообщили",
    "сообщает",
    "сообщают",
    "добавил",
    "добавила",
    "добавили",
    "пояснил",
    "пояснила",
    "пояснили",
    "уточнил",
    "уточнила",
    "указал",
    "указала",
    "указали",
    "заметил",
    "заметила",
    "считает",
    "считают",
    "полагает",
    "полагают",
    "признал",
    "признала",
    "предупредил",
    "предупредила",
    "предупредили",
    "напомнил",
    "напомнила",
    "рассказал",
    "рассказала",
    "рассказали",
    "написал",
    "написала",
    "констатировал",
    "констатировала",
    "передает",
    "передаёт",
    "заверил",
    "заверила",
    "уверен",
    "уверена",
    "убежден",
    "убеждён",
];

/// Participles that carry on the previous clause's speaker.
const PARTICIPLES: &[&str] = &[
    "adding",
    "saying",
    "noting",
    "warning",
    "stressing",
    "explaining",
    "arguing",
    "insisting",
    "claiming",
    "declaring",
    "emphasising",
    "emphasizing",
    "telling",
    "добавив",
    "отметив",
    "подчеркнув",
    "заявив",
    "пояснив",
];

/// Verbs whose object is the speaker when "as saying" follows ("quoted X as saying").
const RELAYS: &[&str] = &["quoted", "cited", "quotes", "cites"];
/// Russian verbs whose object, right after them, is the speaker ("цитирует Шойгу агентство").
const RUSSIAN_RELAYS: &[&str] = &["цитирует", "цитируют", "цитировал", "цитировала", "цитировали"];
/// Words of a name a Russian relay verb takes as its object.
const MAX_RELAYED_NAME: usize = 3;

const AUXILIARIES: &[&str] = &["has", "have", "had", "would", "will"];
/// Adverbs that may stand between an auxiliary and its cue ("has repeatedly said").
const AUX_ADVERBS: &[&str] =
    &["repeatedly", "also", "previously", "long", "often", "publicly", "already", "consistently"];
/// Longest object a relay verb can have before "as saying".
const MAX_RELAYED: usize = 12;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// First and one-past-last token of the cue.
    pub first: usize,
    pub end: usize,
    /// The cue as the output gives it: lowercase words, one space apart ("has said").
    pub text: String,
    pub role: Role,
    /// Whether reported content needs "that" (or "что") after the cue.
    pub needs_that: bool,
    /// For a relay, the tokens naming the speaker between the verb and "as saying".
    pub relayed: Option<std::ops::Range<usize>>,
}

/// The longest cue whose main word is token `i`, if any.
pub fn cue_at(para: &Para, i: usize) -> Option<Cue> {
    if !para.is_word(i) {
        return None;
    }
    if let Some(end) = longest(para, i, SOURCE_PHRASES) {
        return Some(make(para, i, end, Role::Source, false));
    }
    if let Some(cue) = relay(para, i) {
        return Some(cue);
    }
    // "has said", "has repeatedly said".
    let first = if i > 0 && para.word_is(i - 1, AUXILIARIES) {
        i - 1
    } else if i > 1 && para.word_is(i - 1, AUX_ADVERBS) && para.word_is(i - 2, AUXILIARIES) {
        i - 2
    } else {
        i
    };
    if let Some(end) = longest(para, i, VERB_PHRASES) {
        return Some(make(para, first, end, Role::Verb, false));
    }
    if para.word_is(i, VERBS) || para.word_is(i, NEEDS_THAT) {
        return Some(make(para, first, i + 1, Role::Verb, para.word_is(i, NEEDS_THAT)));
    }
    para.word_is(i, PARTICIPLES).then(|| make(para, i, i + 1, Role::Participle, false))
}

/// "quoted the ministry as saying": the relayed speaker sits inside the cue.
fn relay(para: &Para, i: usize) -> Option<Cue> {
    if para.word_is(i, RUSSIAN_RELAYS) {
        return russian_relay(para, i);
    }
    if !para.word_is(i, RELAYS) {
        return None;
    }
    let limit = para.toks.len().min(i + 2 + MAX_RELAYED);
    let as_at = (i + 2..limit).find(|&k| {
        para.word_is(k, &["as"]) && para.word_is(k + 1, &["saying", "telling", "stating"])
    })?;
    let mut cue = make(para, i, as_at + 2, Role::Relay, false);
    // The cue is what introduces the words; the relaying verb belongs to the relayer.
    cue.text = format!("as {}", para.lower[as_at + 1]);
    cue.relayed = Some(i + 1..as_at);
    Some(cue)
}

/// "«…», — цитирует Шойгу агентство РИА Новости": the capitalised name right after the verb
/// is its object, the speaker; the outlet that relays follows.
fn russian_relay(para: &Para, i: usize) -> Option<Cue> {
    let end = (i + 1..para.toks.len().min(i + 1 + MAX_RELAYED_NAME))
        .find(|&k| !para.is_capitalized(k))
        .unwrap_or(para.toks.len().min(i + 1 + MAX_RELAYED_NAME));
    if end == i + 1 {
        return None;
    }
    // Reported words would follow "что"; without it the words after the name are the outlet.
    let mut cue = make(para, i, end, Role::Relay, true);
    cue.text = para.lower[i].clone();
    cue.relayed = Some(i + 1..end);
    Some(cue)
}

fn make(para: &Para, first: usize, end: usize, role: Role, needs_that: bool) -> Cue {
    let text = (first..end).map(|t| para.lower[t].as_str()).collect::<Vec<_>>().join(" ");
    Cue { first, end, text, role, needs_that, relayed: None }
}

/// Whether the cue word is a feminine Russian past form, which tells the speaker's gender.
pub fn is_feminine(cue: &Cue, para: &Para) -> Option<bool> {
    let word = &para.lower[cue.end - 1];
    let cyrillic = word.chars().next().is_some_and(is_cyrillic);
    if !cyrillic || !para.word_is(cue.end - 1, NEEDS_THAT) {
        return None;
    }
    if word.ends_with("ла") {
        Some(true)
    } else if word.ends_with('л') {
        Some(false)
    } else {
        None
    }
}

fn longest(para: &Para, i: usize, phrases: &[&[&str]]) -> Option<usize> {
    phrases
        .iter()
        .filter(|words| words.iter().enumerate().all(|(k, w)| para.word_is(i + k, &[w])))
        .map(|words| i + words.len())
        .max()
}
