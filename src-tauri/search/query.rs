//! The query language, parsed into a tree: one grammar for the command line, the library API
//! and the window. Parsing is pure (no index needed); `compile` turns the tree into a tantivy
//! query. A query it cannot read is an error that names the column and the offending text.
//!
//! ```text
//! query   := or
//! or      := and ("OR" and)*
//! and     := unary (["AND"] unary)*          juxtaposition is AND
//! unary   := ("NOT" | "-") unary | primary
//! primary := "(" or ")" | FIELD ":" value | value
//! value   := "phrase" ["*"] | word ["*" | "~" | "~1" | "~2"]
//! ```

use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;

use crate::model::{HitKind, QuoteKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    And(Vec<Node>),
    Or(Vec<Node>),
    Not(Box<Node>),
    Text(Scope, Text),
    Is(Keyword),
    Date(DateRange),
}

/// Where words are looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Title, text, speaker names, publication and author.
    Any,
    /// The quote's speaker, or a speaker quoted in the article, under any of their names.
    Speaker,
    /// Quoted (as `Speaker`) or named in the title or text, under any registry alias.
    Person,
    Publication,
    Author,
    Title,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// NFC, without the quotes or the `*` / `~` suffix.
    pub value: String,
    pub form: Form,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Word,
    Phrase,
    Prefix,
    /// Edit distance 1 or 2.
    Fuzzy(u8),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Keyword {
    /// Lower-case language code.
    Lang(String),
    /// Lower-case tag.
    Tag(String),
    Kind(HitKind),
    QuoteKind(QuoteKind),
    Missing(Missing),
}

/// Source fields a citation needs, as `missing:` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    Date,
    Author,
    Publication,
    Url,
    Title,
}

impl Missing {
    pub const ALL: [Missing; 5] =
        [Missing::Date, Missing::Author, Missing::Publication, Missing::Url, Missing::Title];

    pub fn as_str(self) -> &'static str {
        match self {
            Missing::Date => "date",
            Missing::Author => "author",
            Missing::Publication => "publication",
            Missing::Url => "url",
            Missing::Title => "title",
        }
    }
}

/// Inclusive bounds as `yyyymmdd`; `None` is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<i64>,
    pub to: Option<i64>,
}

impl DateRange {
    /// The days both ranges hold.
    pub fn within(self, other: DateRange) -> DateRange {
        let bound = |a: Option<i64>, b: Option<i64>, pick: fn(i64, i64) -> i64| match (a, b) {
            (Some(a), Some(b)) => Some(pick(a, b)),
            (a, b) => a.or(b),
        };
        DateRange {
            from: bound(self.from, other.from, i64::max),
            to: bound(self.to, other.to, i64::min),
        }
    }
}

const FIELDS: &str =
    "speaker, person, publication, author, title, lang, tag, kind, quote-kind, date, missing";
const FIELD_NAMES: [&str; 11] = [
    "speaker",
    "person",
    "publication",
    "author",
    "title",
    "lang",
    "tag",
    "kind",
    "quote-kind",
    "date",
    "missing",
];

/// Why a query cannot be read. Columns count chars from 1.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("the query is empty")]
    Empty,
    #[error("the query has no words to search for")]
    NoWords,
    #[error("unclosed quote at column {column}: end the phrase with {closer}")]
    UnclosedQuote { column: usize, closer: char },
    #[error("empty phrase at column {column}")]
    EmptyPhrase { column: usize },
    #[error("unclosed parenthesis at column {column}")]
    UnclosedParen { column: usize },
    #[error("unexpected \")\" at column {column}: no parenthesis is open")]
    UnexpectedParen { column: usize },
    #[error("empty parentheses at column {column}")]
    EmptyGroup { column: usize },
    #[error("unknown field \"{name}\" at column {column} (fields: {}){hint}", FIELDS)]
    UnknownField { name: String, column: usize, hint: String },
    #[error("{field}: at column {column} needs a value")]
    MissingValue { field: String, column: usize },
    #[error("{field}: at column {column} takes {expected}, not \"{value}\"")]
    BadValue { field: String, value: String, column: usize, expected: &'static str },
    #[error(
        "malformed date \"{text}\" at column {column}: write YYYY, YYYY-MM or YYYY-MM-DD, \
         and FROM..TO, FROM.. or ..TO for a range"
    )]
    BadDate { text: String, column: usize },
    #[error("the date range \"{text}\" at column {column} ends before it starts")]
    BackwardsRange { text: String, column: usize },
    #[error("\"{op}\" at column {column} needs a term {side}")]
    Dangling { op: String, column: usize, side: &'static str },
    #[error("\"{text}\" at column {column}: the fuzzy distance after ~ is 1 or 2")]
    BadFuzzy { text: String, column: usize },
    #[error("a phrase at column {column} cannot be fuzzy: put ~ after single words")]
    FuzzyPhrase { column: usize },
}

pub fn parse(query: &str) -> Result<Node, ParseError> {
    let lexemes = lex(query)?;
    if lexemes.is_empty() {
        return Err(ParseError::Empty);
    }
    let mut parser = Parser { lexemes, next: 0 };
    let node = parser.or()?;
    // `or` stops only at the end or at a ')' that no '(' opened.
    match parser.peek() {
        None => Ok(node),
        Some(l) => Err(ParseError::UnexpectedParen { column: l.column }),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Open,
    Close,
    And,
    Or,
    Not,
    Minus,
    /// `name:` (lower case); its value is the next lexeme.
    Field(String),
    Word(String),
    /// A quoted phrase; `true` when `*` follows the closing quote.
    Phrase(String, bool),
}

#[derive(Debug, Clone)]
struct Lexeme {
    kind: Kind,
    /// 1-based char column where the lexeme starts.
    column: usize,
}

fn closer(open: char) -> Option<char> {
    match open {
        '"' => Some('"'),
        '“' => Some('”'),
        '„' => Some('“'),
        '«' => Some('»'),
        _ => None,
    }
}

fn lex(query: &str) -> Result<Vec<Lexeme>, ParseError> {
    let chars: Vec<char> = query.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let column = i + 1;
        if c.is_whitespace() {
            i += 1;
        } else if c == '(' || c == ')' {
            out.push(Lexeme { kind: if c == '(' { Kind::Open } else { Kind::Close }, column });
            i += 1;
        } else if let Some(close) = closer(c) {
            let end = chars[i + 1..]
                .iter()
                .position(|&d| d == close || (c == '"' && d == '”'))
                .ok_or(ParseError::UnclosedQuote { column, closer: close })?;
            let phrase: String = chars[i + 1..i + 1 + end].iter().collect();
            if phrase.trim().is_empty() {
                return Err(ParseError::EmptyPhrase { column });
            }
            i += end + 2;
            let prefix = chars.get(i) == Some(&'*');
            if chars.get(i) == Some(&'~') {
                return Err(ParseError::FuzzyPhrase { column });
            }
            i += usize::from(prefix);
            out.push(Lexeme { kind: Kind::Phrase(phrase, prefix), column });
        } else if c == '-' && chars.get(i + 1).is_some_and(|&d| starts_operand(d)) {
            out.push(Lexeme { kind: Kind::Minus, column });
            i += 1;
        } else {
            let len = chars[i..].iter().take_while(|&&d| !ends_word(d)).count();
            let word: String = chars[i..i + len].iter().collect();
            i += len;
            out.extend(word_lexemes(word, column)?);
        }
    }
    Ok(out)
}

fn ends_word(c: char) -> bool {
    c.is_whitespace() || c == '(' || c == ')' || closer(c).is_some()
}

fn starts_operand(c: char) -> bool {
    !c.is_whitespace() && c != ')' && c != '-'
}

/// A bare word: an operator, `field:` (with any value glued to it), or a search word.
fn word_lexemes(word: String, column: usize) -> Result<Vec<Lexeme>, ParseError> {
    let kind = match word.as_str() {
        "AND" => Kind::And,
        "OR" => Kind::Or,
        "NOT" => Kind::Not,
        _ => match field_prefix(&word) {
            None => Kind::Word(word),
            Some(name) => {
                let lower = name.to_lowercase();
                if !FIELD_NAMES.contains(&lower.as_str()) {
                    let hint = FIELD_NAMES
                        .iter()
                        .map(|f| (edit_distance(f, &lower), *f))
                        .filter(|&(d, _)| d <= 2)
                        .min()
                        .map(|(_, f)| format!("; did you mean \"{f}\"?"))
                        .unwrap_or_default();
                    return Err(ParseError::UnknownField { name: name.to_string(), column, hint });
                }
                let rest = &word[name.len() + 1..];
                let field = Lexeme { kind: Kind::Field(lower), column };
                if rest.is_empty() {
                    return Ok(vec![field]);
                }
                let value_column = column + name.chars().count() + 1;
                let value = Lexeme { kind: Kind::Word(rest.to_string()), column: value_column };
                return Ok(vec![field, value]);
            }
        },
    };
    Ok(vec![Lexeme { kind, column }])
}

/// `speaker` in `speaker:Cho`: letters and inner hyphens before a colon. Anything else with
/// a colon ("10:30") is a plain word.
fn field_prefix(word: &str) -> Option<&str> {
    let (name, _) = word.split_once(':')?;
    let mut chars = name.chars();
    let starts = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    (starts && name.chars().all(|c| c.is_ascii_alphabetic() || c == '-')).then_some(name)
}

/// Levenshtein distance over chars, with an adjacent swap costing one (as tantivy's fuzzy
/// terms count it).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut rows = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    rows[0] = (0..=b.len()).collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[i - 1][j] + 1).min(rows[i][j - 1] + 1).min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = d;
        }
    }
    rows[a.len()][b.len()]
}

struct Parser {
    lexemes: Vec<Lexeme>,
    next: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Lexeme> {
        self.lexemes.get(self.next)
    }

    fn take(&mut self) -> Option<Lexeme> {
        let l = self.lexemes.get(self.next).cloned();
        self.next += 1;
        l
    }

    /// Whether an operand can start at the next lexeme.
    fn operand_follows(&self) -> bool {
        self.peek().is_some_and(|l| !matches!(l.kind, Kind::Close | Kind::And | Kind::Or))
    }

    fn or(&mut self) -> Result<Node, ParseError> {
        let mut any = vec![self.and()?];
        while let Some(l) = self.peek().filter(|l| l.kind == Kind::Or).cloned() {
            self.next += 1;
            if !self.operand_follows() {
                return Err(dangling("OR", l.column, "on each side"));
            }
            any.push(self.and()?);
        }
        Ok(if any.len() == 1 { any.remove(0) } else { Node::Or(any) })
    }

    fn and(&mut self) -> Result<Node, ParseError> {
        let mut all = vec![self.unary()?];
        while let Some(l) = self.peek().cloned() {
            match l.kind {
                Kind::Close | Kind::Or => break,
                Kind::And => {
                    self.next += 1;
                    if !self.operand_follows() {
                        return Err(dangling("AND", l.column, "on each side"));
                    }
                }
                _ => {}
            }
            all.push(self.unary()?);
        }
        Ok(if all.len() == 1 { all.remove(0) } else { Node::And(all) })
    }

    fn unary(&mut self) -> Result<Node, ParseError> {
        // Callers check that an operand follows; an empty end is still an error, not a panic.
        let Some(l) = self.take() else { return Err(ParseError::Empty) };
        match l.kind {
            Kind::Not | Kind::Minus => {
                if !self.operand_follows() {
                    let op = if l.kind == Kind::Not { "NOT" } else { "-" };
                    return Err(dangling(op, l.column, "after it"));
                }
                Ok(Node::Not(Box::new(self.unary()?)))
            }
            Kind::Open => {
                if self.peek().is_some_and(|n| n.kind == Kind::Close) {
                    return Err(ParseError::EmptyGroup { column: l.column });
                }
                if !self.operand_follows() {
                    return match self.peek() {
                        None => Err(ParseError::UnclosedParen { column: l.column }),
                        Some(n) => Err(dangling(op_name(&n.kind), n.column, "on each side")),
                    };
                }
                let inner = self.or()?;
                match self.take() {
                    Some(c) if c.kind == Kind::Close => Ok(inner),
                    _ => Err(ParseError::UnclosedParen { column: l.column }),
                }
            }
            Kind::Close => Err(ParseError::UnexpectedParen { column: l.column }),
            Kind::And | Kind::Or => Err(dangling(op_name(&l.kind), l.column, "on each side")),
            Kind::Field(name) => self.field(&name, l.column),
            Kind::Word(w) => text(Scope::Any, &w, l.column),
            Kind::Phrase(p, prefix) => Ok(Node::Text(Scope::Any, phrase(&p, prefix))),
        }
    }

    fn field(&mut self, name: &str, column: usize) -> Result<Node, ParseError> {
        let (raw, quoted, at) = match self.peek() {
            Some(Lexeme { kind: Kind::Word(w), column }) => (w.clone(), None, *column),
            Some(Lexeme { kind: Kind::Phrase(p, prefix), column }) => {
                (p.clone(), Some(*prefix), *column)
            }
            _ => return Err(ParseError::MissingValue { field: name.to_string(), column }),
        };
        self.next += 1;
        let scope = match name {
            "speaker" => Some(Scope::Speaker),
            "person" => Some(Scope::Person),
            "publication" => Some(Scope::Publication),
            "author" => Some(Scope::Author),
            "title" => Some(Scope::Title),
            _ => None,
        };
        if let Some(scope) = scope {
            return match quoted {
                Some(prefix) => Ok(Node::Text(scope, phrase(&raw, prefix))),
                None => text(scope, &raw, at),
            };
        }
        let bad = |expected| ParseError::BadValue {
            field: name.to_string(),
            value: raw.clone(),
            column: at,
            expected,
        };
        let lower = raw.trim().to_lowercase();
        let keyword = match name {
            "lang" => {
                let code =
                    (2..=3).contains(&lower.len()) && lower.bytes().all(|b| b.is_ascii_lowercase());
                if !code {
                    return Err(bad("a language code such as en, ru, ko or zh"));
                }
                Keyword::Lang(lower)
            }
            "tag" => Keyword::Tag(lower.nfc().collect()),
            "kind" => match lower.as_str() {
                "quote" => Keyword::Kind(HitKind::Quote),
                "article" => Keyword::Kind(HitKind::Article),
                _ => return Err(bad("quote or article")),
            },
            "quote-kind" => match QuoteKind::parse(&lower) {
                Some(kind) => Keyword::QuoteKind(kind),
                None => return Err(bad("direct, indirect or partial")),
            },
            "missing" => match Missing::ALL.into_iter().find(|m| m.as_str() == lower) {
                Some(m) => Keyword::Missing(m),
                None => return Err(bad("date, author, publication, url or title")),
            },
            // The lexer lets only known fields through; "date" is the one left.
            _ => return date_range(&raw, at).map(Node::Date),
        };
        Ok(Node::Is(keyword))
    }
}

fn op_name(kind: &Kind) -> &'static str {
    match kind {
        Kind::And => "AND",
        Kind::Or => "OR",
        _ => "NOT",
    }
}

fn dangling(op: &str, column: usize, side: &'static str) -> ParseError {
    ParseError::Dangling { op: op.to_string(), column, side }
}

fn phrase(p: &str, prefix: bool) -> Text {
    Text { value: p.nfc().collect(), form: if prefix { Form::Prefix } else { Form::Phrase } }
}

/// A bare word with its `*` or `~` suffix read.
fn text(scope: Scope, word: &str, column: usize) -> Result<Node, ParseError> {
    let (value, form) = if let Some(stem) = word.strip_suffix('*').filter(|s| !s.is_empty()) {
        (stem, Form::Prefix)
    } else if let Some((stem, distance)) = word.rsplit_once('~').filter(|(s, _)| !s.is_empty()) {
        let distance = match distance {
            "" | "1" => 1,
            "2" => 2,
            _ => return Err(ParseError::BadFuzzy { text: word.to_string(), column }),
        };
        (stem, Form::Fuzzy(distance))
    } else {
        (word, Form::Word)
    };
    Ok(Node::Text(scope, Text { value: value.nfc().collect(), form }))
}

/// `2024`, `2024-06..2024-07`, `2024..`, `..2023-12`.
fn date_range(text: &str, column: usize) -> Result<DateRange, ParseError> {
    let bad = |part: &str, offset: usize| ParseError::BadDate {
        text: part.to_string(),
        column: column + text[..offset].chars().count(),
    };
    let range = match text.split_once("..") {
        None => {
            let (from, to) = day_bounds(text).ok_or_else(|| bad(text, 0))?;
            DateRange { from: Some(from), to: Some(to) }
        }
        Some(("", "")) => return Err(bad(text, 0)),
        Some((a, b)) => {
            let from = match a {
                "" => None,
                _ => Some(day_bounds(a).ok_or_else(|| bad(a, 0))?.0),
            };
            let to = match b {
                "" => None,
                _ => Some(day_bounds(b).ok_or_else(|| bad(b, a.len() + 2))?.1),
            };
            DateRange { from, to }
        }
    };
    match range {
        DateRange { from: Some(f), to: Some(t) } if f > t => {
            Err(ParseError::BackwardsRange { text: text.to_string(), column })
        }
        _ => Ok(range),
    }
}

/// The first and last day a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date may mean, as `yyyymmdd`.
fn day_bounds(date: &str) -> Option<(i64, i64)> {
    let parts: Vec<&str> = date.split('-').collect();
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok())?
    };
    let year = number(parts.first()?, 4)? as i32;
    let (month, day) = match parts.len() {
        1 => (None, None),
        2 => (Some(number(parts[1], 2)?), None),
        3 => (Some(number(parts[1], 2)?), Some(number(parts[2], 2)?)),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, month.unwrap_or(1), day.unwrap_or(1))?;
    Some(ymd_bounds(year, month, day))
}

/// `yyyymmdd` of the first and last day of a date known to the year, month or day. Day 31
/// stands for the end of any month: only the order of these numbers matters.
pub fn ymd_bounds(year: i32, month: Option<u32>, day: Option<u32>) -> (i64, i64) {
    let key = |m: u32, d: u32| i64::from(year) * 10_000 + i64::from(m) * 100 + i64::from(d);
    match (month, day) {
        (Some(m), Some(d)) => (key(m, d), key(m, d)),
        (Some(m), None) => (key(m, 1), key(m, 31)),
        _ => (key(1, 1), key(12, 31)),
    }
}
