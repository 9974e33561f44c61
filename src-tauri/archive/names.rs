//! How the person registry compares names: the same person spelled with other hyphens, spaces,
//! dots or case is one key, and only proper names are linked across articles.

use rusqlite::functions::FunctionFlags;
use rusqlite::Connection;

/// The alias key of a name: lower case, with hyphens, spaces, dots and apostrophes dropped,
/// so that "Kim Jong-un", "Kim Jong Un" and "KIM Jongun" share one.
pub fn name_key(name: &str) -> String {
    name.chars()
        .filter(|c| !(c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '.' | '\'' | '’')))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a speaker is named by a proper name ("Cho Han-bum", "KCNA", "Beijing", "조한범")
/// rather than by a phrase ("analysts", "a South Korean ministry of unification official").
/// A phrase can stand for different people in different articles, so it is never linked.
pub fn is_proper_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(first) = words.first() else { return false };
    let lead = first.to_lowercase();
    if matches!(lead.as_str(), "the" | "a" | "an") || COMMON_SOURCES.contains(&lead.as_str()) {
        return false;
    }
    let cased = name.chars().any(|c| c.is_uppercase() || c.is_lowercase());
    if !cased {
        // Hangul and Han names are short and written without spaces: 조한범, 习近平.
        return words.len() == 1 && (2..=4).contains(&first.chars().count());
    }
    words.iter().all(|w| {
        let letter = w.chars().find(|c| c.is_alphabetic());
        // Particles such as "bin" or "van" sit between capitalised words, never first.
        letter.is_some_and(char::is_uppercase) || PARTICLES.contains(w)
    }) && letter_start(first)
}

/// Nouns that open a sentence capitalised ("Analysts said …") but name no one in particular.
const COMMON_SOURCES: &[&str] = &[
    "analysts",
    "experts",
    "officials",
    "observers",
    "sources",
    "diplomats",
    "residents",
    "critics",
    "scholars",
    "researchers",
    "lawmakers",
    "authorities",
    "witnesses",
    "people",
    "police",
    "protesters",
    "insiders",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "source",
    "diplomat",
    "analyst",
    "expert",
    "many",
    "some",
    "others",
    "several",
];

const PARTICLES: &[&str] = &["bin", "binti", "van", "von", "de", "del", "der", "da", "al", "la"];

fn letter_start(word: &str) -> bool {
    word.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase)
}

/// Makes `name_key()` and `is_proper_name()` callable from SQL (migrations use them).
pub fn register(conn: &Connection) -> rusqlite::Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    conn.create_scalar_function("name_key", 1, flags, |ctx| Ok(name_key(&ctx.get::<String>(0)?)))?;
    conn.create_scalar_function("is_proper_name", 1, flags, |ctx| {
        Ok(is_proper_name(&ctx.get::<String>(0)?))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn romanisation_variants_share_a_key() {
        let key = name_key("Kim Jong-un");
        assert_eq!(key, name_key("Kim Jong Un"));
        assert_eq!(key, name_key("KIM Jongun"));
        assert_ne!(key, name_key("Kim Jong-il"));
        assert_eq!(name_key("Пу́тин"), name_key("пу́тин"));
    }

    #[test]
    fn proper_names_and_phrases() {
        for name in ["Cho Han-bum", "Ramon Pacheco Pardo", "KCNA", "Beijing", "조한범", "Путин"]
        {
            assert!(is_proper_name(name), "{name}");
        }
        for name in [
            "analysts",
            "Analysts",
            "Officials in Seoul",
            "South Korean ministry of unification official",
            "a diplomat who spoke on condition of anonymity",
            "The ministry",
            "통일부 당국자",
            "",
        ] {
            assert!(!is_proper_name(name), "{name}");
        }
    }
}
