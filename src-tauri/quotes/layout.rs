//! Speech printed without quotation marks, told by the layout of paragraphs: the block a
//! lead-in announces ("Lavrov said:") and the answers of a Q&A interview ("Voronova: …").

use super::marks::Quoted;
use crate::model::Span;

/// Words in an interview label ("Irina Voronova:", "Q:").
const MAX_LABEL_WORDS: usize = 4;
/// Chars in an interview label.
const MAX_LABEL_CHARS: usize = 40;
/// Labelled paragraphs that make an article a Q&A rather than prose with a colon.
const MIN_LABELS: usize = 3;
/// Paragraphs an unmarked block runs at most.
const MAX_BLOCK: usize = 20;
/// Words that show a paragraph is someone speaking, not the reporter narrating.
const FIRST_PERSON: &[&str] = &[
    "i", "we", "our", "ours", "us", "my", "me", "you", "your", "я", "мы", "наш", "наша", "наши",
    "нас", "нам", "вы", "мой", "моя",
];

/// Labels of a Q&A transcript's questions and answers.
const QUESTION_MARKS: &[&str] = &["q", "问"];
const ANSWER_MARKS: &[&str] = &["a", "答"];

/// A paragraph opening with a speaker's label: the label's chars and the words after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    pub name: Span,
    pub text: Span,
}

/// The label of each paragraph of an interview; all `None` when the article is not laid out
/// as one.
pub fn labels(chars: &[char], paras: &[Span]) -> Vec<Option<Label>> {
    let found: Vec<Option<Label>> = paras.iter().map(|p| label(chars, *p)).collect();
    if found.iter().flatten().count() >= MIN_LABELS {
        found
    } else {
        vec![None; paras.len()]
    }
}

/// The paragraph after the last one of the answer labelled at `first`: unlabelled
/// paragraphs that follow without quotation marks, still in the first person, carry the
/// answer on.
pub fn answer_end(
    chars: &[char],
    paras: &[Span],
    quoted: &[Vec<Quoted>],
    labels: &[Option<Label>],
    first: usize,
) -> usize {
    let mut end = first + 1;
    while end < paras.len()
        && labels[end].is_none()
        && quoted[end].is_empty()
        && !looks_labelled(chars, paras[end])
        && speaks(chars, paras[end])
    {
        end += 1;
    }
    end
}

/// The paragraphs, from `first`, that a lead-in announces: the first unmarked paragraph, and
/// each following unmarked one that still speaks in the first or second person.
pub fn block(chars: &[char], paras: &[Span], quoted: &[Vec<Quoted>], first: usize) -> usize {
    let mut end = first;
    while end < paras.len()
        && end - first < MAX_BLOCK
        && quoted[end].is_empty()
        && trim(chars, paras[end]).is_some()
        && (end == first || speaks(chars, paras[end]))
    {
        end += 1;
    }
    end - first
}

/// A span without the spaces at its ends, or `None` when nothing is left.
pub fn trim(chars: &[char], span: Span) -> Option<Span> {
    let mut start = span.start;
    let mut end = span.end;
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    (start < end).then_some(Span { start, end })
}

fn speaks(chars: &[char], para: Span) -> bool {
    let mut word = String::new();
    for &c in &chars[para.start..para.end] {
        if c.is_alphabetic() {
            word.extend(c.to_lowercase());
            continue;
        }
        if FIRST_PERSON.contains(&word.as_str()) {
            return true;
        }
        word.clear();
    }
    FIRST_PERSON.contains(&word.as_str())
}

/// Whether a label marks the interviewer's question ("Q:", "问："), which is not a source's
/// statement, nor is what it reports.
fn is_question(chars: &[char], label: Label) -> bool {
    let name: String = chars[label.name.start..label.name.end].iter().collect();
    QUESTION_MARKS.contains(&name.to_lowercase().as_str())
}

/// Whether a label marks the answer of whoever is being questioned ("A:", "答：").
pub fn is_answer(chars: &[char], label: Label) -> bool {
    let name: String = chars[label.name.start..label.name.end].iter().collect();
    ANSWER_MARKS.contains(&name.to_lowercase().as_str())
}

/// "Irina Voronova: In tonnage, …": capitalised words (or "Q", "A") and a colon opening the
/// paragraph, with words after it; or a Chinese transcript's "问：" and "答：".
fn label(chars: &[char], para: Span) -> Option<Label> {
    let limit = para.end.min(para.start + MAX_LABEL_CHARS + 1);
    let colon = (para.start..limit).find(|&i| matches!(chars[i], ':' | '：'))?;
    let name = trim(chars, Span { start: para.start, end: colon })?;
    let text = trim(chars, Span { start: colon + 1, end: para.end })?;
    if chars[colon] == '：' {
        // Chinese needs no space after the colon; only the transcript marks are labels, since
        // a colon after a name and a verb ("他坦言：") leads into a quotation.
        let label = Label { name, text };
        return (is_question(chars, label) || is_answer(chars, label)).then_some(label);
    }
    let words: Vec<String> = chars[name.start..name.end]
        .iter()
        .collect::<String>()
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let ok = (1..=MAX_LABEL_WORDS).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '’' | '\''))
        })
        && chars.get(colon + 1).is_some_and(|c| c.is_whitespace());
    ok.then_some(Label { name, text })
}

/// "Read more: …": any short prefix and a colon ends an answer, labelled or not.
fn looks_labelled(chars: &[char], para: Span) -> bool {
    let limit = para.end.min(para.start + MAX_LABEL_CHARS + 1);
    (para.start..limit).find(|&i| chars[i] == ':').is_some_and(|colon| {
        let prefix: String = chars[para.start..colon].iter().collect();
        prefix.split_whitespace().count() <= MAX_LABEL_WORDS
            && chars.get(colon + 1).is_some_and(|c| c.is_whitespace())
    })
}
