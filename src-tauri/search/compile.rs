//! Turns a parsed query into a tantivy query over the schema, and gathers what the snippets
//! should highlight. Name variants are resolved here: names are compared by alias key, and a
//! person's registry aliases (any script) are looked up in the index itself.

use std::collections::BTreeSet;
use std::ops::Bound;

use tantivy::collector::TopDocs;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, PhrasePrefixQuery, PhraseQuery,
    Query, RangeQuery, RegexQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::tokenizer::Token;
use tantivy::{Searcher, TantivyDocument, Term};

use super::date_filter::DateFilter;
use super::query::{DateRange, Form, Keyword, Node, ParseError, Scope, Text};
use super::schema::Fields;
use super::tokenize::{analyze, is_alphabetic, is_joiner, Mode};
use super::Result;
use crate::archive::name_key;
use crate::model::HitKind;

/// How many terms a prefix at the end of a phrase may stand for.
const PREFIX_EXPANSIONS: u32 = 1_000;
/// Quote documents read to collect one person's aliases.
const ALIAS_DOCS: usize = 16;
/// Longest run of bare words tried as a person's name ("Kim Jong Un" is three).
const NAME_WORDS: usize = 4;
const TITLE_BOOST: f32 = 2.0;

/// Words of the query to mark in snippets of the `text` field.
#[derive(Debug, Default)]
pub struct Highlight {
    pub terms: BTreeSet<String>,
    /// Unstemmed prefixes: a token starting with one is marked.
    pub prefixes: Vec<String>,
    /// Terms with their edit distance.
    pub fuzzy: Vec<(String, u8)>,
}

pub struct Compiled {
    pub query: Box<dyn Query>,
    pub highlight: Highlight,
}

pub fn compile(node: &Node, fields: &Fields, searcher: &Searcher) -> Result<Compiled> {
    let mut c = Compiler { f: fields, searcher, highlight: Highlight::default() };
    let query = c.node(node, true)?.ok_or(ParseError::NoWords)?;
    Ok(Compiled { query, highlight: c.highlight })
}

type Clause = Option<Box<dyn Query>>;

struct Compiler<'a> {
    f: &'a Fields,
    searcher: &'a Searcher,
    highlight: Highlight,
}

impl Compiler<'_> {
    /// `None` when the node holds nothing searchable (a word that is only punctuation).
    /// `positive` is false under a NOT: such words are not highlighted.
    fn node(&mut self, node: &Node, positive: bool) -> Result<Clause> {
        match node {
            Node::And(all) => self.and(all, positive),
            Node::Or(any) => {
                let mut clauses = Vec::new();
                for n in any {
                    if let Some(q) = self.node(n, positive)? {
                        clauses.push((Occur::Should, q));
                    }
                }
                Ok(boolean(clauses))
            }
            Node::Not(inner) => Ok(self.node(inner, !positive)?.map(|q| {
                let all: Box<dyn Query> = Box::new(AllQuery);
                Box::new(BooleanQuery::new(vec![(Occur::Must, all), (Occur::MustNot, q)]))
                    as Box<dyn Query>
            })),
            Node::Text(Scope::Any, t) if t.form == Form::Word => {
                Ok(self.name_run(std::slice::from_ref(node), positive)?.0)
            }
            Node::Text(scope, text) => self.text(*scope, text, positive),
            Node::Is(keyword) => Ok(Some(self.keyword(keyword))),
            Node::Date(range) => Ok(self.date(*range)),
        }
    }

    fn and(&mut self, all: &[Node], positive: bool) -> Result<Clause> {
        let mut clauses = Vec::new();
        let mut dates: Option<DateRange> = None;
        let mut i = 0;
        while i < all.len() {
            let (clause, used) = match &all[i] {
                Node::Not(inner) => (self.node(inner, !positive)?.map(|q| (Occur::MustNot, q)), 1),
                Node::Date(range) => {
                    dates = Some(dates.map_or(*range, |d| d.within(*range)));
                    (None, 1)
                }
                _ => {
                    let (clause, used) = self.name_run(&all[i..], positive)?;
                    (clause.map(|q| (Occur::Must, q)), used)
                }
            };
            clauses.extend(clause);
            i += used;
        }
        let has_words = clauses.iter().any(|(occur, _)| *occur == Occur::Must);
        if let Some(range) = dates.filter(|_| !has_words) {
            clauses.extend(self.date(range).map(|q| (Occur::Must, q)));
        }
        if !clauses.is_empty() && clauses.iter().all(|(occur, _)| *occur == Occur::MustNot) {
            clauses.push((Occur::Must, Box::new(AllQuery)));
        }
        let query = boolean(clauses);
        Ok(match dates.filter(|_| has_words) {
            Some(range) => query.map(|q| Box::new(DateFilter::new(q, range)) as Box<dyn Query>),
            None => query,
        })
    }

    /// Bare words that spell a known person's name ("Kim Jongun", "Путин") also find the
    /// person under every alias; returns the clause and how many nodes it used.
    fn name_run(&mut self, nodes: &[Node], positive: bool) -> Result<(Clause, usize)> {
        let words: Vec<&Text> = nodes
            .iter()
            .take(NAME_WORDS)
            .map_while(|n| match n {
                Node::Text(Scope::Any, t) if t.form == Form::Word => Some(t),
                _ => None,
            })
            .collect();
        for len in (1..=words.len()).rev() {
            let name = words[..len].iter().map(|t| t.value.as_str()).collect::<Vec<_>>().join(" ");
            let key = name_key(&name);
            if key.is_empty() || !self.has_key(self.f.names_key, &key)? {
                continue;
            }
            let mut each = Vec::new();
            for t in &words[..len] {
                each.extend(self.text(Scope::Any, t, positive)?.map(|q| (Occur::Must, q)));
            }
            let as_person = Text { value: name, form: Form::Phrase };
            let clauses = [boolean(each), self.person(&as_person, positive)?];
            let either = clauses.into_iter().flatten().map(|q| (Occur::Should, q)).collect();
            return Ok((boolean(either), len));
        }
        let clause = match &nodes[0] {
            Node::Text(scope, t) => self.text(*scope, t, positive)?,
            other => self.node(other, positive)?,
        };
        Ok((clause, 1))
    }

    fn text(&mut self, scope: Scope, text: &Text, positive: bool) -> Result<Clause> {
        let f = *self.f;
        let fields: &[(Field, f32)] = match scope {
            Scope::Any => {
                &[(f.headline, TITLE_BOOST), (f.text, 1.0), (f.names, 1.0), (f.byline, 1.0)]
            }
            Scope::Title => &[(f.title, 1.0)],
            Scope::Publication => &[(f.publication, 1.0)],
            Scope::Author => &[(f.author, 1.0)],
            Scope::Speaker => &[(f.names, 1.0)],
            Scope::Person => return self.person(text, positive),
        };
        let key_field = match scope {
            Scope::Speaker => Some(f.names_key),
            Scope::Author => Some(f.author_key),
            _ => None,
        };
        if let Some(field) = key_field {
            // A whole name some document has is found by its alias key alone: the phrase
            // over the names would find the same documents, only slower.
            let whole = key(field, text);
            if whole.is_some() && self.has_key(field, &name_key(&text.value))? {
                return Ok(whole);
            }
        }
        if positive && scope == Scope::Any {
            self.mark(text);
        }
        let mut clauses = Vec::new();
        for &(field, boost) in fields {
            clauses.extend(words(field, text)?.map(|q| boosted(q, boost)));
        }
        Ok(boolean(clauses.into_iter().map(|q| (Occur::Should, q)).collect()))
    }

    /// Quoted (a speaker of that name) or named in the title or text, under any alias.
    fn person(&mut self, text: &Text, positive: bool) -> Result<Clause> {
        let f = *self.f;
        // Speakers: the alias key finds the whole name under any spelling, the names field a
        // part of one (person:Cho).
        let mut clauses: Vec<Box<dyn Query>> = key(f.names_key, text).into_iter().collect();
        clauses.extend(words(f.names, text)?);
        let mut spellings = vec![text.clone()];
        if matches!(text.form, Form::Word | Form::Phrase) {
            for alias in self.aliases(&name_key(&text.value))? {
                spellings.push(Text { value: alias, form: Form::Phrase });
            }
        }
        for spelling in &spellings {
            if positive {
                self.mark(spelling);
            }
            for (field, boost) in [(f.text, 1.0), (f.headline, TITLE_BOOST)] {
                clauses.extend(words(field, spelling)?.map(|q| boosted(q, boost)));
            }
        }
        Ok(boolean(clauses.into_iter().map(|q| (Occur::Should, q)).collect()))
    }

    fn has_key(&self, field: Field, key: &str) -> Result<bool> {
        Ok(self.searcher.doc_freq(&Term::from_field_text(field, key))? > 0)
    }

    /// Every name the registry gives the person with this alias key, from their quotes.
    fn aliases(&self, key: &str) -> Result<BTreeSet<String>> {
        let mut names = BTreeSet::new();
        if key.is_empty() {
            return Ok(names);
        }
        let f = self.f;
        let query = BooleanQuery::new(vec![
            (Occur::Must, raw_term(f.names_key, key)),
            (Occur::Must, raw_term(f.kind, kind_name(HitKind::Quote))),
        ]);
        for (_, address) in self.searcher.search(&query, &TopDocs::with_limit(ALIAS_DOCS))? {
            let doc: TantivyDocument = self.searcher.doc(address)?;
            let all = doc.get_all(f.names).filter_map(|v| v.as_str());
            names.extend(all.filter(|n| name_key(n) != key).map(str::to_string));
        }
        Ok(names)
    }

    fn mark(&mut self, text: &Text) {
        let h = &mut self.highlight;
        match text.form {
            Form::Word | Form::Phrase => {
                h.terms.extend(tokens(&text.value, Mode::Query).into_iter().map(|t| t.text));
            }
            Form::Prefix => {
                let stemmed = tokens(&text.value, Mode::Query);
                let mut raw = tokens(&text.value, Mode::Unstemmed);
                if let Some(last) = raw.pop() {
                    h.prefixes.push(last.text);
                    h.terms.extend(stemmed.into_iter().take(raw.len()).map(|t| t.text));
                }
            }
            Form::Fuzzy(distance) => match fuzzy_target(&text.value) {
                Ok(one) => h.fuzzy.push((one.text, distance)),
                Err(found) => h.terms.extend(found.into_iter().map(|t| t.text)),
            },
        }
    }

    fn keyword(&self, keyword: &Keyword) -> Box<dyn Query> {
        let f = self.f;
        match keyword {
            Keyword::Lang(code) => raw_term(f.lang, code),
            Keyword::Tag(tag) => raw_term(f.tag, tag),
            Keyword::Kind(kind) => raw_term(f.kind, kind_name(*kind)),
            Keyword::QuoteKind(kind) => raw_term(f.quote_kind, kind.as_str()),
            Keyword::Missing(m) => raw_term(f.missing, m.as_str()),
        }
    }

    /// A document's whole date span must lie in the range.
    fn date(&self, range: DateRange) -> Clause {
        let from = range.from.map(|day| {
            let lower = Bound::Included(Term::from_field_i64(self.f.date_from, day));
            Box::new(RangeQuery::new(lower, Bound::Unbounded)) as Box<dyn Query>
        });
        let to = range.to.map(|day| {
            let upper = Bound::Included(Term::from_field_i64(self.f.date_to, day));
            Box::new(RangeQuery::new(Bound::Unbounded, upper)) as Box<dyn Query>
        });
        boolean(from.into_iter().chain(to).map(|q| (Occur::Must, q)).collect())
    }
}

pub fn kind_name(kind: HitKind) -> &'static str {
    match kind {
        HitKind::Article => "article",
        HitKind::Quote => "quote",
    }
}

fn boolean(mut clauses: Vec<(Occur, Box<dyn Query>)>) -> Clause {
    match clauses.len() {
        0 => None,
        1 if clauses[0].0 != Occur::MustNot => clauses.pop().map(|(_, q)| q),
        _ => Some(Box::new(BooleanQuery::new(clauses))),
    }
}

fn boosted(query: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    if boost == 1.0 {
        query
    } else {
        Box::new(BoostQuery::new(query, boost))
    }
}

fn raw_term(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::Basic))
}

/// The alias-key match of a name typed in full (not a prefix or a fuzzy word).
fn key(field: Field, text: &Text) -> Clause {
    let key = name_key(&text.value);
    (matches!(text.form, Form::Word | Form::Phrase) && !key.is_empty())
        .then(|| raw_term(field, &key))
}

fn tokens(text: &str, mode: Mode) -> Vec<Token> {
    let mut out = Vec::new();
    analyze(text, mode, &mut out);
    out
}

/// The one token a fuzzy word is compared as, or the tokens to match exactly instead:
/// fuzziness means nothing for Korean bigrams or Chinese words. A hyphenated word is one
/// piece, so "Jong-eun~" meets the joined "jongun".
fn fuzzy_target(word: &str) -> std::result::Result<Token, Vec<Token>> {
    let unjoined: String = word.chars().filter(|&c| !is_joiner(c)).collect();
    let mut found = tokens(&unjoined, Mode::Query);
    match found.pop() {
        Some(one) if found.is_empty() && is_alphabetic(&one.text) => Ok(one),
        last => Err(found.into_iter().chain(last).collect()),
    }
}

/// The words of `text` in one analysed field: a term, a phrase, a prefix or a fuzzy term.
fn words(field: Field, text: &Text) -> Result<Clause> {
    let term = |t: &Token| Term::from_field_text(field, &t.text);
    let exact = |found: Vec<Token>| -> Clause {
        match found.as_slice() {
            [] => None,
            [one] => Some(Box::new(TermQuery::new(term(one), IndexRecordOption::WithFreqs))),
            many => Some(Box::new(PhraseQuery::new_with_offset(
                many.iter().map(|t| (t.position, term(t))).collect(),
            ))),
        }
    };
    Ok(match text.form {
        Form::Word | Form::Phrase => exact(tokens(&text.value, Mode::Query)),
        Form::Fuzzy(distance) => match fuzzy_target(&text.value) {
            Ok(one) => Some(Box::new(FuzzyTermQuery::new(term(&one), distance, true))),
            Err(found) => exact(found),
        },
        Form::Prefix => {
            let stemmed = tokens(&text.value, Mode::Query);
            let Some(last) = tokens(&text.value, Mode::Unstemmed).pop() else { return Ok(None) };
            if stemmed.len() == 1 {
                let pattern = format!("{}.*", regex_escape(&last.text));
                Some(Box::new(RegexQuery::from_pattern(&pattern, field)?))
            } else {
                let mut terms: Vec<(usize, Term)> =
                    stemmed[..stemmed.len() - 1].iter().map(|t| (t.position, term(t))).collect();
                terms.push((last.position, term(&last)));
                let mut query = PhrasePrefixQuery::new_with_offset(terms);
                query.set_max_expansions(PREFIX_EXPANSIONS);
                Some(Box::new(query))
            }
        }
    })
}

fn regex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if !c.is_alphanumeric() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
