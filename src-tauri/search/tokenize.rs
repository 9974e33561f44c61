//! The one analyser every text field shares. It splits text by script and gives each run what
//! its language needs, so a mixed text (an English report quoting 김정은, a Korean article
//! citing "ICBM", a Chinese one naming Путин) indexes every word as a query for it will look:
//!
//! - Latin and other alphabets: lower-cased words, English (Snowball) stems; hyphenated and
//!   apostrophe compounds also as one joined word ("Jong-un" → `jong`, `un` and `jongun`), so
//!   Kim Jong-un, Kim Jong Un and Kim Jongun meet.
//! - Cyrillic: lower-cased (й and ё stay what they are), Russian (Snowball) stems.
//! - Han: jieba words, plus the dictionary words inside a long word ("朝鲜半岛" also as 朝鲜
//!   and 半岛) at that word's position.
//! - Hangul and kana: overlapping bigrams, since Korean glues particles to words (러시아와 →
//!   러시, 시아, 아와), plus each syllable on its own so one-syllable words (북, 중, 러) are found.
//!
//! Tokens added for recall (joined words, inner words, single syllables) share the position of
//! a main token, so phrase queries see the same positions at index and at query time.

use std::sync::LazyLock;

use jieba_rs::Jieba;
use rust_stemmers::{Algorithm, Stemmer};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// The name the index schema knows the analyser by. A change in what it emits must change
/// the name: the schema then differs and the index is rebuilt at open.
pub const NAME: &str = "sourcebook-words-1";

static JIEBA: LazyLock<Jieba> = LazyLock::new(Jieba::new);
static ENGLISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));
static RUSSIAN: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Russian));

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Every token a document should be found by.
    Index,
    /// Only the main tokens, as a query phrase must list them.
    Query,
    /// Main tokens without stemming: what a prefix or a fuzzy term is matched against.
    Unstemmed,
}

/// Appends the tokens of `text` to `out`; byte offsets, positions counted from 0.
pub fn analyze(text: &str, mode: Mode, out: &mut Vec<Token>) {
    let mut position = 0;
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        let script = Script::of(c);
        let mut end = start;
        while let Some(&(i, c)) = chars.peek() {
            let next = Script::of(c);
            let continues = next == script
                || (script == Script::Word && next == Script::Mark)
                || (script == Script::Word && is_joiner(c) && joins_word(text, i));
            if !continues {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        let run = Run { text: &text[start..end], offset: start };
        position = match script {
            Script::Word => words(run, mode, position, out),
            Script::Han => han(run, mode, position, out),
            Script::Syllabic => syllables(run, mode, position, out),
            Script::Mark | Script::Other => position,
        };
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    /// Letters and digits of alphabets written with spaces (Latin, Cyrillic, Greek, ...).
    Word,
    /// Combining marks, such as the stress accent of Russian teaching texts (Пу́тин).
    Mark,
    Han,
    /// Hangul and Japanese kana: written without reliable word breaks, read as bigrams.
    Syllabic,
    Other,
}

impl Script {
    fn of(c: char) -> Script {
        match c {
            '\u{AC00}'..='\u{D7A3}'
            | '\u{1100}'..='\u{11FF}'
            | '\u{3130}'..='\u{318F}'
            | '\u{3040}'..='\u{30FF}' => Script::Syllabic,
            '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{2FFFF}' => Script::Han,
            '\u{0300}'..='\u{036F}' => Script::Mark,
            c if c.is_alphanumeric() => Script::Word,
            _ => Script::Other,
        }
    }
}

/// Whether a token is a word of an alphabet (not Han or Hangul), where spelling mistakes are
/// a matter of letters.
pub fn is_alphabetic(token: &str) -> bool {
    token.chars().all(|c| matches!(Script::of(c), Script::Word | Script::Mark))
}

pub fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '\'' | '’')
}

/// Whether the joiner at byte `i` sits between two letters or digits ("Jong-un", "China's").
fn joins_word(text: &str, i: usize) -> bool {
    let before = text[..i].chars().next_back();
    let after = text[i..].chars().nth(1);
    before.is_some_and(|c| Script::of(c) == Script::Word)
        && after.is_some_and(|c| Script::of(c) == Script::Word)
}

#[derive(Clone, Copy)]
struct Run<'a> {
    text: &'a str,
    /// Byte offset of the run in the analysed text.
    offset: usize,
}

fn push(out: &mut Vec<Token>, text: String, from: usize, to: usize, position: usize) {
    out.push(Token { offset_from: from, offset_to: to, position, text, position_length: 1 });
}

/// A run of alphabetic words joined by hyphens or apostrophes; returns the next position.
fn words(run: Run, mode: Mode, first: usize, out: &mut Vec<Token>) -> usize {
    let mut position = first;
    let mut joined = String::new();
    let mut parts = 0;
    for (at, part) in split_keeping_offsets(run.text, is_joiner) {
        let folded = fold(part);
        if folded.is_empty() {
            continue;
        }
        joined.push_str(&folded);
        let from = run.offset + at;
        push(out, stem(&folded, mode), from, from + part.len(), position);
        position += 1;
        parts += 1;
    }
    if parts > 1 && mode == Mode::Index {
        let end = run.offset + run.text.len();
        push(out, stem(&joined, mode), run.offset, end, first);
    }
    position
}

fn split_keeping_offsets(text: &str, sep: fn(char) -> bool) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    text.char_indices()
        .filter(move |&(_, c)| sep(c))
        .map(|(i, c)| (i, i + c.len_utf8()))
        .chain(std::iter::once((text.len(), text.len())))
        .map(move |(end, next)| {
            let part = (start, &text[start..end]);
            start = next;
            part
        })
}

/// Lower case without combining marks. Letters such as й and ё are single code points in NFC
/// text (the archive stores NFC), so dropping marks never turns й into и.
fn fold(word: &str) -> String {
    word.chars().filter(|&c| Script::of(c) != Script::Mark).flat_map(char::to_lowercase).collect()
}

fn stem(word: &str, mode: Mode) -> String {
    if mode == Mode::Unstemmed {
        return word.to_string();
    }
    if !word.chars().any(is_cyrillic) {
        return ENGLISH.stem(word).into_owned();
    }
    if !word.contains('ё') {
        return RUSSIAN.stem(word).into_owned();
    }
    // The Snowball stemmer leaves words with ё unstemmed (ёлка, ёлки stay apart). Stem the
    // е spelling, then keep that many chars of the word itself, ё included: the stemmer only
    // cuts endings.
    let stem_len = RUSSIAN.stem(&word.replace('ё', "е")).chars().count();
    word.chars().take(stem_len).collect()
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{052F}')
}

/// Chinese: jieba's words; at index time also the dictionary words inside long ones.
fn han(run: Run, mode: Mode, first: usize, out: &mut Vec<Token>) -> usize {
    if mode != Mode::Index {
        let words = JIEBA.cut(run.text, true);
        for (i, w) in words.iter().enumerate() {
            let from = run.offset + w.byte_start;
            push(out, w.word.to_string(), from, from + w.word.len(), first + i);
        }
        return first + words.len();
    }
    // cut_for_search lists the inner words of a long word just before the word itself.
    let tokens = JIEBA.cut_for_search(run.text, true);
    let mut main = vec![false; tokens.len()];
    let mut enclosing: Option<&jieba_rs::Token> = None;
    for (i, t) in tokens.iter().enumerate().rev() {
        let inner = enclosing.is_some_and(|e| {
            e.byte_start <= t.byte_start
                && t.byte_end <= e.byte_end
                && t.byte_end - t.byte_start < e.byte_end - e.byte_start
        });
        if !inner {
            main[i] = true;
            enclosing = Some(t);
        }
    }
    let mut position = first;
    let mut inner: Vec<&jieba_rs::Token> = Vec::new();
    for (t, is_main) in tokens.iter().zip(main) {
        if !is_main {
            inner.push(t);
            continue;
        }
        // The snippet generator needs token ends that never go backwards.
        inner.sort_by_key(|w| (w.byte_end, w.byte_start));
        for w in inner.drain(..).chain([t]) {
            let from = run.offset + w.byte_start;
            push(out, w.word.to_string(), from, from + w.word.len(), position);
        }
        position += 1;
    }
    position
}

/// Hangul and kana: overlapping bigrams; a lone syllable is its own token.
fn syllables(run: Run, mode: Mode, first: usize, out: &mut Vec<Token>) -> usize {
    let chars: Vec<(usize, char)> = run.text.char_indices().collect();
    let end_of = |i: usize| chars.get(i + 1).map_or(run.text.len(), |&(b, _)| b);
    if chars.len() == 1 {
        push(out, run.text.to_string(), run.offset, run.offset + run.text.len(), first);
        return first + 1;
    }
    let unigrams = mode == Mode::Index;
    let last = chars.len() - 1;
    for (i, &(from, c)) in chars[..last].iter().enumerate() {
        let position = first + i;
        if unigrams {
            push(out, c.to_string(), run.offset + from, run.offset + end_of(i), position);
        }
        let bigram = &run.text[from..end_of(i + 1)];
        push(out, bigram.to_string(), run.offset + from, run.offset + end_of(i + 1), position);
    }
    if unigrams {
        let (from, c) = chars[last];
        push(out, c.to_string(), run.offset + from, run.offset + end_of(last), first + last - 1);
    }
    first + last
}

/// The analyser as a tantivy tokenizer (index mode), registered under [`NAME`].
#[derive(Clone, Default)]
pub struct Words {
    tokens: Vec<Token>,
}

impl Tokenizer for Words {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        self.tokens.clear();
        analyze(text, Mode::Index, &mut self.tokens);
        // A joined word ("treatys" for "treaty's") starts where its first part does but comes
        // after the parts; tantivy's snippets assume offsets never go back, so put it first.
        self.tokens.sort_by_key(|t| (t.offset_from, t.position));
        WordStream { tokens: &mut self.tokens, next: 0 }
    }
}

pub struct WordStream<'a> {
    tokens: &'a mut Vec<Token>,
    next: usize,
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}
