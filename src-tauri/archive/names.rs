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

/// Whether a romanised name reads family name first, as Korean and Chinese names do
/// ("Park Chan-kyong", "Kim Jong Un", "Lin Jian", "Xi Jinping"): a common Korean or Chinese
/// family name, then a given name made of Korean or Chinese syllables. A guess, which the
/// registry records as one and a person can overrule.
pub fn looks_family_first(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some((family, given)) = words.split_first() else { return false };
    if given.is_empty()
        || given.len() > 2
        || !FAMILY_NAMES.contains(&family.to_lowercase().as_str())
    {
        return false;
    }
    given.iter().all(|w| {
        let w = w.to_lowercase();
        let parts: Vec<&str> = w.split('-').collect();
        // A hyphen says the syllables are a given name even where they spell English words.
        (parts.len() == 2 && parts.iter().all(|p| syllables(p, 1)))
            || (parts.len() == 1 && syllables(&w, 2))
    })
}

/// Common family names of Korea and China, romanised as news outlets write them.
const FAMILY_NAMES: &[&str] = &[
    // Korean
    "kim", "lee", "yi", "rhee", "park", "pak", "choi", "choe", "cho", "jo", "jung", "jeong",
    "chung", "kang", "yoon", "yun", "jang", "chang", "lim", "im", "han", "oh", "seo", "suh",
    "shin", "sin", "kwon", "hwang", "ahn", "an", "song", "ryu", "yoo", "hong", "jeon", "chon",
    "ko", "go", "moon", "mun", "yang", "son", "bae", "baek", "paek", "heo", "nam", "ri", "ju",
    "hyun", "kil", "ro", "roh", "noh", // Chinese
    "wang", "li", "zhang", "liu", "chen", "zhao", "huang", "zhou", "wu", "xu", "sun", "ma", "zhu",
    "hu", "guo", "he", "lin", "gao", "luo", "zheng", "liang", "xie", "tang", "feng", "deng", "cao",
    "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang", "yu", "du", "ye",
    "cheng", "wei", "su", "lu", "ding", "ren", "shen", "yao", "zhong", "cui", "tan", "fan", "mao",
    "qin", "xi", "qian", "bai", "fu", "kong", "meng", "qiu", "shi", "hou", "gu",
];

/// Whether `word` is one to `max` syllables of Korean (Revised or McCune–Reischauer without
/// diacritics) or Chinese (pinyin without tones) romanisation.
fn syllables(word: &str, max: usize) -> bool {
    if word.is_empty() || max == 0 {
        return false;
    }
    (1..=word.len()).any(|cut| {
        word.is_char_boundary(cut)
            && is_syllable(&word[..cut])
            && (cut == word.len() || syllables(&word[cut..], max - 1))
    })
}

fn is_syllable(s: &str) -> bool {
    const INITIALS: &[&str] = &[
        "", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "zh", "ch", "sh",
        "r", "z", "c", "s", "y", "w", "kk", "tt", "pp", "ss", "jj",
    ];
    const VOWELS: &[&str] = &[
        "a", "o", "e", "i", "u", "ai", "ei", "ao", "ou", "ia", "ie", "iao", "iu", "ua", "uo",
        "uai", "ui", "ue", "ae", "yae", "eo", "yeo", "ye", "wa", "wae", "oe", "yo", "wo", "we",
        "wi", "yu", "eu", "ya", "io",
    ];
    const FINALS: &[&str] = &["", "n", "ng", "k", "l", "m", "p", "t", "r"];
    INITIALS.iter().any(|i| {
        s.strip_prefix(i).is_some_and(|rest| {
            VOWELS.iter().any(|v| rest.strip_prefix(v).is_some_and(|end| FINALS.contains(&end)))
        })
    })
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
    fn korean_and_chinese_names_read_family_first() {
        for name in
            ["Park Chan-kyong", "Cho Han-bum", "Kim Jong Un", "Lin Jian", "Xi Jinping", "Wang Yi"]
        {
            assert!(looks_family_first(name), "{name}");
        }
        for name in
            ["David Maxwell", "Ramon Pacheco Pardo", "Lee Smith", "Maria Zakharova", "Kim", "Song"]
        {
            assert!(!looks_family_first(name), "{name}");
        }
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
