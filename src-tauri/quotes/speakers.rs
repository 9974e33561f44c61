//! Speakers across an article: resolves each mention, in reading order, to a person first
//! introduced with a full name and role ("Cho" → Cho Han-bum, "he", "the researcher",
//! "Лаврова" → Сергей Лавров, "조 위원" → 조한범).

use super::lexicon::{DOCUMENTS, GENDERED, HYPERNYMS, INSTITUTIONS};
use super::names::{Gender, Mention};
use super::text::{is_cyrillic, is_han, is_hangul};

/// Role words of whoever answers at a briefing.
const SPOKESPERSON: &[&str] =
    &["spokesperson", "spokesman", "spokeswoman", "发言人", "официальный представитель"];
/// Mentions look back over this many people at most, which keeps resolution linear.
const MAX_CANDIDATES: usize = 200;
/// Words that end the role part of a descriptor ("a senior research fellow | at the …").
const ROLE_END: &[&str] =
    &["at", "in", "for", "with", "who", "which", "from", "on", "to", "and", "that", "based"];

pub struct Person {
    pub name: String,
    pub descriptor: Option<String>,
    /// Lowercase name words, hyphenated parts apart ("kim jong un" for Kim Jong-un).
    words: Vec<String>,
    /// Lowercase words of the role, for role nouns that point back ("the researcher").
    role_words: Vec<String>,
    gender: Option<Gender>,
    /// Whether "he" or "she" can refer to it: a person's name or role, not a state or agency.
    personal: bool,
    /// Known only by the article's phrase ("researchers in Beijing, Seoul and Vladivostok"),
    /// whose words are not a name.
    unnamed: bool,
}

/// Everyone met so far, so a surname, pronoun or role noun can be traced back.
#[derive(Default)]
pub struct Registry {
    people: Vec<Person>,
    /// People in the order they last spoke or were the subject of a sentence, for pronouns.
    salient: Vec<usize>,
    /// The person last introduced in narration: the interviewee of a Q&A.
    introduced: Option<usize>,
    /// The institution that spoke last: the author "the statement" stands for.
    institution: Option<usize>,
}

impl Registry {
    pub fn person(&self, i: usize) -> &Person {
        &self.people[i]
    }

    /// The person a speaker mention refers to, who becomes the one a later pronoun means.
    /// `gender` is what the cue tells (Russian "заявила").
    pub fn speaker(&mut self, mention: &Mention, gender: Option<Gender>) -> Option<usize> {
        let i = match mention {
            Mention::Pronoun(g) => self.pronoun(g.or(gender))?,
            Mention::Named { name, descriptor, gender: g } => {
                self.named(name, descriptor.as_deref(), g.or(gender))
            }
            Mention::Role { phrase } => {
                self.role(phrase, gender).unwrap_or_else(|| self.source(phrase))
            }
            Mention::Source { phrase } => self.source(phrase),
        };
        if !self.people[i].personal && matches!(mention, Mention::Named { .. }) {
            self.institution = Some(i);
        }
        let p = &mut self.people[i];
        p.gender = p.gender.or(gender).or(match mention {
            Mention::Pronoun(g) => *g,
            _ => None,
        });
        self.bring_forward(i);
        Some(i)
    }

    /// A person named with their role in narration ("Foreign Minister Choe Son Hui arrived"),
    /// who may speak later by surname or pronoun.
    pub fn introduce(&mut self, mention: &Mention) {
        if let Mention::Named { name, descriptor, gender } = mention {
            self.introduced = Some(self.named(name, descriptor.as_deref(), *gender));
        }
    }

    /// A known person opening a sentence ("Zhao was cautious …") is whom "he" means next.
    pub fn mentioned(&mut self, mention: &Mention) {
        let known = match mention {
            Mention::Named { name, .. } => self.find(&name_words(name)),
            // "A source in Rason described …": whom a later "the source said" means.
            Mention::Source { phrase } => Some(self.source(phrase)),
            _ => None,
        };
        if let Some(i) = known {
            self.bring_forward(i);
        }
    }

    /// The person a label or mention names, if already known; nobody new is registered.
    pub fn known(&self, mention: &Mention) -> Option<usize> {
        match mention {
            Mention::Named { name, .. } => self.find(&name_words(name)),
            _ => None,
        }
    }

    /// The last spokesperson introduced, who answers a briefing's questions.
    pub fn spokesperson(&self) -> Option<usize> {
        self.people.iter().rposition(|p| {
            p.descriptor.as_deref().is_some_and(|d| {
                let d = d.to_lowercase();
                SPOKESPERSON.iter().any(|w| d.contains(w))
            })
        })
    }

    /// The person "he" or "she" would mean now, or else the last one introduced.
    pub fn salient(&self) -> Option<usize> {
        self.pronoun(None).or(self.introduced)
    }

    fn bring_forward(&mut self, i: usize) {
        if self.people[i].personal {
            self.salient.retain(|&s| s != i);
            self.salient.push(i);
            if self.salient.len() > MAX_CANDIDATES {
                self.salient.remove(0);
            }
        }
    }

    /// The person a name refers to, registered at first mention with the role stated then.
    fn named(&mut self, name: &str, descriptor: Option<&str>, gender: Option<Gender>) -> usize {
        let words = name_words(name);
        let gender = gender.or(gender_of(descriptor));
        if let Some(i) = self.find(&words) {
            let p = &mut self.people[i];
            if p.descriptor.is_none() && descriptor.is_some() {
                p.role_words = descriptor.map(role_words).unwrap_or_default();
                p.descriptor = descriptor.map(str::to_string);
                p.personal = is_personal(&p.words, p.descriptor.as_deref());
            }
            p.gender = p.gender.or(gender);
            return i;
        }
        let personal = is_personal(&words, descriptor);
        self.add(Person {
            name: name.to_string(),
            descriptor: descriptor.map(str::to_string),
            role_words: descriptor.map(role_words).unwrap_or_default(),
            gender,
            words,
            personal,
            unnamed: false,
        })
    }

    fn add(&mut self, person: Person) -> usize {
        self.people.push(person);
        self.people.len() - 1
    }

    /// An unnamed source, named by the article's phrase; the same phrase is the same source.
    fn source(&mut self, phrase: &str) -> usize {
        let words = name_words(phrase);
        let lo = self.people.len().saturating_sub(MAX_CANDIDATES);
        if let Some(i) = (lo..self.people.len()).rev().find(|&i| self.people[i].words == words) {
            return i;
        }
        let role = role_words(phrase);
        let head = role.last().map_or("", String::as_str);
        let plural = head.ends_with('s') && !head.ends_with("ss")
            || ["people", "人士", "们", "們", "들"].iter().any(|p| head.ends_with(p));
        // One unnamed person is known only by the phrase, which is also their role; a group or
        // an institution has no role apart from its name.
        let personal = !plural && !INSTITUTIONS.contains(&head);
        self.add(Person {
            name: phrase.to_string(),
            descriptor: personal.then(|| phrase.to_string()),
            gender: gender_of(Some(phrase)),
            personal,
            unnamed: true,
            role_words: role,
            words,
        })
    }

    /// The most recent person whose role has every word of the role phrase ("the ministry
    /// official" → a South Korean ministry of unification official), or failing that whose
    /// role's head the phrase's head names ("the diplomat" → a spokeswoman).
    fn role(&self, phrase: &str, gender: Option<Gender>) -> Option<usize> {
        let wanted = role_words(phrase);
        let russian = phrase.chars().next().is_some_and(is_cyrillic);
        let head = if russian { wanted.first() } else { wanted.last() }?;
        let lo = self.people.len().saturating_sub(MAX_CANDIDATES);
        let fits = |i: usize| {
            let g = self.people[i].gender;
            gender.is_none() || g.is_none() || g == gender
        };
        if DOCUMENTS.contains(&head.as_str()) {
            // "the statement said": the institution that issued it.
            return self.institution;
        }
        if INSTITUTIONS.contains(&head.as_str()) {
            // "the ministry": an institution by that name or an unnamed one with that head.
            return (lo..self.people.len()).rev().find(|&i| {
                let p = &self.people[i];
                !p.personal
                    && (p.words.iter().any(|w| same_stem(w, head))
                        || p.role_words.last().is_some_and(|w| same_stem(w, head)))
            });
        }
        let everything = |i: usize| {
            let have = &self.people[i].role_words;
            wanted.iter().all(|w| have.iter().any(|h| same_stem(w, h) || ends_like(w, h)))
        };
        if let Some(i) = (lo..self.people.len()).rev().find(|&i| fits(i) && everything(i)) {
            return Some(i);
        }
        let narrower: &[&str] =
            HYPERNYMS.iter().find(|(h, _)| *h == head.as_str()).map_or(&[], |(_, n)| *n);
        (lo..self.people.len()).rev().find(|&i| {
            let p = &self.people[i];
            fits(i)
                && p.personal
                && p.role_words.iter().any(|w| narrower.iter().any(|n| same_stem(w, n)))
        })
    }

    fn pronoun(&self, gender: Option<Gender>) -> Option<usize> {
        let fits = |i: usize| {
            let g = self.people[i].gender;
            gender.is_none() || g.is_none() || g == gender
        };
        self.salient.iter().rev().copied().find(|&i| fits(i))
    }

    /// The most recent person whose name contains `words` as consecutive words.
    fn find(&self, words: &[String]) -> Option<usize> {
        if words.is_empty() {
            return None;
        }
        let lo = self.people.len().saturating_sub(MAX_CANDIDATES);
        (lo..self.people.len()).rev().find(|&i| {
            let p = &self.people[i];
            !p.unnamed
                && p.words
                    .windows(words.len())
                    .any(|w| w.iter().zip(words).all(|(a, b)| same_name(b, a)))
        })
    }
}

/// A full name, or any name with a role, is a person's unless it names an institution.
fn is_personal(words: &[String], descriptor: Option<&str>) -> bool {
    let institution = words.iter().any(|w| INSTITUTIONS.contains(&w.as_str()));
    !institution && (words.len() > 1 || descriptor.is_some())
}

fn name_words(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || matches!(c, '-' | '‐' | '‑'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The words of a descriptor's role, before what it is a role at ("senior research fellow").
fn role_words(descriptor: &str) -> Vec<String> {
    let lower = descriptor.to_lowercase();
    let mut out = Vec::new();
    for w in lower.split(|c: char| c.is_whitespace() || c == ',') {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if ROLE_END.contains(&w) && !out.is_empty() {
            break;
        }
        if !w.is_empty() && !matches!(w, "a" | "an" | "the" | "of" | "this" | "one") {
            out.push(w.to_string());
        }
    }
    out
}

/// Role words that are the same word up to an ending ("research" / "researcher").
fn same_stem(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let n = short.chars().count();
    n >= 4 && long.starts_with(short) && long.chars().count() - n <= 3
}

/// Korean and Chinese roles end with their head ("선임연구위원" is a kind of "위원").
fn ends_like(wanted: &str, have: &str) -> bool {
    let east_asian = wanted.chars().all(|c| is_hangul(c) || is_han(c));
    east_asian && !wanted.is_empty() && have.ends_with(wanted)
}

/// A mention word naming the same person as a registered name word: equal; a Russian case
/// form ("Лаврова" for Лавров); or a Korean or Chinese surname ("조" for 조한범).
fn same_name(mention: &str, name: &str) -> bool {
    if mention == name {
        return true;
    }
    let m: Vec<char> = mention.chars().collect();
    let n: Vec<char> = name.chars().collect();
    if m.iter().chain(&n).all(|&c| is_cyrillic(c)) {
        let common = m.iter().zip(&n).take_while(|(a, b)| a == b).count();
        return common >= 4 && common + 3 >= m.len().max(n.len());
    }
    let east_asian = |c: char| is_hangul(c) || is_han(c);
    m.len() == 1 && (2..=4).contains(&n.len()) && east_asian(m[0]) && n[0] == m[0]
}

fn gender_of(descriptor: Option<&str>) -> Option<Gender> {
    let d = descriptor?.to_lowercase();
    d.split(|c: char| !c.is_alphanumeric())
        .find_map(|w| GENDERED.iter().find(|(g, _)| *g == w))
        .map(|&(_, female)| Gender::from_female(female))
}
