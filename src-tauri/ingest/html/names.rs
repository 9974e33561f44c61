//! Author names as pages give them, to CSL names split only where the order is certain.
//!
//! A wrong split is worse than none: "Park Chan-kyong" split as a Western name would be cited
//! as "Chan-kyong, P.". Names whose order cannot be told are kept whole as `literal`, which
//! every style prints as written.

use crate::model::CslName;

/// Words that mark an organisation or a role, not a person.
const NOT_A_PERSON: &[&str] = &[
    "agency",
    "agencies",
    "bureau",
    "board",
    "correspondent",
    "correspondents",
    "daily",
    "desk",
    "editor",
    "editors",
    "editorial",
    "herald",
    "institute",
    "ministry",
    "news",
    "newsroom",
    "post",
    "press",
    "reporter",
    "reporters",
    "service",
    "staff",
    "team",
    "times",
    "wire",
    "writer",
];

/// Romanised surnames that English-language outlets print first (Korean and Chinese order):
/// with one of these in front the order cannot be told from the name alone.
const EAST_ASIAN_SURNAMES: &[&str] = &[
    "ahn", "bae", "baek", "cai", "cao", "cha", "chang", "chen", "cheng", "cho", "choe", "choi",
    "chun", "chung", "cui", "deng", "ding", "dong", "du", "feng", "gao", "guo", "ha", "han", "hao",
    "he", "heo", "hong", "hu", "huang", "hwang", "im", "jang", "jeon", "jeong", "jiang", "jin",
    "jo", "joo", "jung", "kang", "kim", "ko", "kwak", "kwon", "lee", "li", "liang", "lim", "lin",
    "liu", "lu", "luo", "ma", "mao", "min", "moon", "nam", "noh", "oh", "pak", "pan", "park",
    "peng", "qin", "ren", "rhee", "ri", "roh", "ryu", "seo", "shen", "shi", "shin", "son", "song",
    "suh", "sun", "sung", "tang", "tian", "wang", "wei", "won", "woo", "wu", "xi", "xiao", "xie",
    "xu", "yang", "yao", "yi", "yoo", "yoon", "yu", "yuan", "yun", "zeng", "zhang", "zhao",
    "zheng", "zhou", "zhu",
];

/// Lowercase particles that belong to the family name ("Ursula von der Leyen").
const PARTICLES: &[&str] =
    &["al", "bin", "da", "de", "del", "der", "di", "du", "la", "le", "van", "von"];

const SUFFIXES: &[&str] = &["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"];

/// A name given as separate parts (JSON-LD `givenName` / `familyName`).
pub fn from_parts(given: &str, family: &str) -> CslName {
    CslName {
        family: Some(family.trim().to_string()),
        given: Some(given.trim().to_string()),
        ..CslName::default()
    }
}

/// An organisation's name: never split.
pub fn literal(name: &str) -> CslName {
    CslName { literal: Some(name.trim().to_string()), ..CslName::default() }
}

/// A person's name as one string; `None` for text that is not a name (a URL, an e-mail).
pub fn from_text(text: &str) -> Option<CslName> {
    let name = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let name = name.trim_matches(|c: char| c.is_ascii_punctuation() && c != '.');
    if name.is_empty() || name.chars().count() > 80 || name.contains('@') || name.contains("://") {
        return None;
    }
    if let Some((family, given)) = inverted(name) {
        return Some(from_parts(given, family));
    }
    let tokens: Vec<&str> = name.split(' ').collect();
    if keep_whole(name, &tokens) {
        return Some(literal(name));
    }
    if is_russian_formal(&tokens) {
        return Some(from_parts(&tokens[1..].join(" "), tokens[0]));
    }
    Some(given_family(&tokens))
}

/// "Family, Given", as citation_author tags often write it.
fn inverted(name: &str) -> Option<(&str, &str)> {
    let (family, given) = name.split_once(',')?;
    let (family, given) = (family.trim(), given.trim());
    let plain = |s: &str| !s.is_empty() && !s.contains(',') && !has_org_word(s);
    (plain(family) && plain(given) && !SUFFIXES.contains(&given.to_lowercase().as_str()))
        .then_some((family, given))
}

fn keep_whole(name: &str, tokens: &[&str]) -> bool {
    tokens.len() < 2
        || tokens.len() > 4
        || name.chars().any(is_cjk)
        || has_org_word(name)
        || EAST_ASIAN_SURNAMES.contains(&tokens[0].to_lowercase().as_str())
}

/// "Лавров Сергей Викторович": family, given, patronymic, the Russian formal order.
fn is_russian_formal(tokens: &[&str]) -> bool {
    let cyrillic = |t: &str| t.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
    let patronymic = |t: &str| ["вич", "вна", "ична"].iter().any(|end| t.ends_with(end));
    tokens.len() == 3 && tokens.iter().all(|t| cyrillic(t)) && patronymic(tokens[2])
}

fn given_family(tokens: &[&str]) -> CslName {
    let mut tokens = tokens.to_vec();
    let mut name = CslName::default();
    if tokens.len() > 2 && SUFFIXES.contains(&tokens[tokens.len() - 1].to_lowercase().as_str()) {
        let suffix = tokens.pop().unwrap_or_default();
        name.extra.insert("suffix".to_string(), suffix.into());
    }
    let family_from = tokens[1..tokens.len() - 1]
        .iter()
        .position(|t| PARTICLES.contains(t))
        .map_or(tokens.len() - 1, |i| i + 1);
    name.given = Some(tokens[..family_from].join(" "));
    name.family = Some(tokens[family_from..].join(" "));
    name
}

fn has_org_word(name: &str) -> bool {
    name.split(|c: char| !c.is_alphanumeric())
        .any(|w| NOT_A_PERSON.contains(&w.to_lowercase().as_str()))
}

/// Han, Hangul and Kana: names in these scripts are written family first with no space to
/// split on reliably.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}' | '\u{3040}'..='\u{30FF}' | '\u{3130}'..='\u{318F}'
        | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}'
        | '\u{F900}'..='\u{FAFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(name: &CslName) -> (Option<&str>, Option<&str>, Option<&str>) {
        (name.family.as_deref(), name.given.as_deref(), name.literal.as_deref())
    }

    #[test]
    fn western_names_split_on_the_last_space() {
        let name = from_text("Hyung-jin Kim").unwrap();
        assert_eq!(parts(&name), (Some("Kim"), Some("Hyung-jin"), None));
        let name = from_text("Ursula von der Leyen").unwrap();
        assert_eq!(parts(&name), (Some("von der Leyen"), Some("Ursula"), None));
        let name = from_text("Martin Luther King Jr.").unwrap();
        assert_eq!(parts(&name), (Some("King"), Some("Martin Luther"), None));
        assert_eq!(name.extra.get("suffix").and_then(|v| v.as_str()), Some("Jr."));
    }

    #[test]
    fn order_unknown_stays_literal() {
        for text in [
            "Park Chan-kyong",
            "Xi Jinping",
            "김철수",
            "王毅",
            "Reuters",
            "Yonhap News Agency",
            "SCMP Reporters",
        ] {
            let name = from_text(text).unwrap();
            assert_eq!(parts(&name), (None, None, Some(text)), "{text}");
        }
    }

    #[test]
    fn marked_orders() {
        assert_eq!(parts(&from_text("Smith, Jane").unwrap()), (Some("Smith"), Some("Jane"), None));
        let name = from_text("Лавров Сергей Викторович").unwrap();
        assert_eq!(parts(&name), (Some("Лавров"), Some("Сергей Викторович"), None));
        let name = from_text("Сергей Лавров").unwrap();
        assert_eq!(parts(&name), (Some("Лавров"), Some("Сергей"), None));
    }

    #[test]
    fn not_names() {
        assert!(from_text("https://www.facebook.com/someone").is_none());
        assert!(from_text("desk@example.com").is_none());
        assert!(from_text("  ").is_none());
    }
}
