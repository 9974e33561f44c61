//! Citekeys: readable keys made of who, when and what — `park2024north`, `kcna2023kim`.
//!
//! Who is the first author's family name (or the first editor's when there is no author); an
//! institution or an outlet stands for itself by its capitalised acronym, its initials when
//! its name is long ("South China Morning Post" → `scmp`), or its first word ("Yonhap News
//! Agency" → `yonhap`). An unsigned item takes its outlet, then its publisher; a name with no
//! Latin spelling (Hangul, Han) is passed over the same way, and `anon` is the last resort.
//! When is the year, or `nd`; what is the first significant word of the title. Generation is
//! deterministic: the same item and the same taken keys give the same key.

use std::collections::HashSet;

use serde_json::Value;

use super::ascii::spell;
use super::csl::{self, Name};

/// Words a key's title word never is: articles, conjunctions, prepositions (English, Russian).
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "of", "on", "in", "at", "to", "for",
    "from", "by", "with", "as", "into", "onto", "upon", "over", "about", "amid", "among",
    "between", "during", "than", "via", "vs", "versus", "и", "в", "во", "на", "о", "об", "обо",
    "с", "со", "к", "ко", "по", "за", "из", "от", "для", "не", "а", "но", "или", "у", "при", "до",
];

/// A key for `item` that `taken` does not hold: the base key, or the base key with the first
/// free suffix of `a`, `b`, … `z`, `aa`, `ab`, ….
pub fn citekey(item: &Value, taken: impl Fn(&str) -> bool) -> String {
    let base = base_key(item);
    if !taken(&base) {
        return base;
    }
    (1..).map(|n| format!("{base}{}", suffix(n))).find(|key| !taken(key)).unwrap_or(base)
}

/// Keys for a batch of items, unique among themselves and against `taken`, in item order.
pub fn citekeys(items: &[Value], taken: impl Fn(&str) -> bool) -> Vec<String> {
    let mut given = HashSet::new();
    items
        .iter()
        .map(|item| {
            let key = citekey(item, |key| taken(key) || given.contains(key));
            given.insert(key.clone());
            key
        })
        .collect()
}

/// Bijective base 26: 1 → `a`, 26 → `z`, 27 → `aa`.
fn suffix(mut n: usize) -> String {
    let mut letters = Vec::new();
    while n > 0 {
        n -= 1;
        letters.push(b'a' + (n % 26) as u8);
        n /= 26;
    }
    letters.iter().rev().map(|&b| char::from(b)).collect()
}

fn base_key(item: &Value) -> String {
    let year = match csl::date(item, "issued").and_then(|d| d.year()) {
        Some(year) if year > 0 => year.to_string(),
        _ => "nd".to_string(),
    };
    let title_word = csl::text(item, "title").and_then(|t| first_word(&t)).unwrap_or_default();
    format!("{}{year}{title_word}", who(item))
}

/// The first creator with a Latin spelling, else the outlet or publisher, else `anon`.
fn who(item: &Value) -> String {
    let creators = ["author", "editor"].into_iter().map(|role| csl::names(item, role));
    let first = creators.into_iter().find(|names| !names.is_empty()).map(|names| names[0].clone());
    let creator = first.and_then(|name| match name {
        Name::Person { family, .. } => spell(&family),
        Name::Literal(name) => organisation(&name),
    });
    creator
        .or_else(|| {
            ["container-title-short", "container-title", "publisher"]
                .into_iter()
                .filter_map(|variable| csl::text(item, variable))
                .find_map(|name| organisation(&name))
        })
        .unwrap_or_else(|| "anon".to_string())
}

/// How an institution or outlet is known in brief: a word in capitals ("TASS", "KBS"), the
/// initials of a name of four words or more ("Korea Institute for National Unification" →
/// `kinu`), or the first significant word.
fn organisation(name: &str) -> Option<String> {
    let words: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let in_capitals = |w: &&str| w.chars().count() >= 2 && w.chars().all(char::is_uppercase);
    if let Some(acronym) = words.iter().copied().filter(in_capitals).find_map(spell) {
        return Some(acronym);
    }
    if words.len() >= 4 {
        let initials: Option<String> = words
            .iter()
            .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
            .map(|c| spell(&c.to_string()))
            .collect();
        if let Some(initials) = initials.filter(|i| i.len() >= 2) {
            return Some(initials);
        }
    }
    first_word(name)
}

/// The first word that is not a stop word and has a Latin spelling of two letters or more.
fn first_word(text: &str) -> Option<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !STOP_WORDS.contains(&word.to_lowercase().as_str()))
        .filter_map(spell)
        .find(|word| word.len() >= 2 && word.bytes().any(|b| b.is_ascii_alphabetic()))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn key(item: Value) -> String {
        citekey(&item, |_| false)
    }

    #[test]
    fn who_when_what() {
        let signed = json!({
            "type": "article-newspaper", "author": [{"family": "Park", "given": "Chan-kyong"}],
            "title": "North Korea switches state TV satellite",
            "issued": {"date-parts": [[2024, 7, 9]]}
        });
        assert_eq!(key(signed), "park2024north");
        let kcna = json!({
            "type": "article-newspaper", "container-title": "Korean Central News Agency",
            "container-title-short": "KCNA",
            "title": "[Kim Jong Un visits General Satellite Control Center]",
            "issued": {"date-parts": [[2023, 11, 22]]}
        });
        assert_eq!(key(kcna), "kcna2023kim");
        let wire = json!({
            "type": "article-newspaper", "container-title": "Yonhap News Agency",
            "title": "Pyongyang, Moscow to open new road bridge",
            "issued": {"date-parts": [["2024"]]}
        });
        assert_eq!(key(wire), "yonhap2024pyongyang");
        let tass = json!({
            "type": "article-newspaper", "container-title": "ТАСС",
            "title": "Путин и Ким Чен Ын подписали договор",
            "issued": {"date-parts": [[2024, 6, 19]]}
        });
        assert_eq!(key(tass), "tass2024putin");
        let lukin = json!({
            "type": "article-journal", "author": [{"family": "Лукин", "given": "Александр"}],
            "title": "О России и КНДР", "issued": {"raw": "2024-08"}
        });
        assert_eq!(key(lukin), "lukin2024rossii");
    }

    #[test]
    fn institutions_and_outlets_in_brief() {
        assert_eq!(organisation("South China Morning Post").as_deref(), Some("scmp"));
        assert_eq!(
            organisation("Korea Institute for National Unification").as_deref(),
            Some("kinu")
        );
        assert_eq!(organisation("Russian News Agency TASS").as_deref(), Some("tass"));
        assert_eq!(organisation("KBS 뉴스 9").as_deref(), Some("kbs"));
        assert_eq!(organisation("The Korea Herald").as_deref(), Some("korea"));
        assert_eq!(organisation("Ministry of Unification").as_deref(), Some("ministry"));
        assert_eq!(organisation("新华社"), None);
    }

    #[test]
    fn no_latin_form_falls_back_to_the_outlet_then_anon() {
        let korean = json!({
            "type": "article-newspaper", "author": [{"family": "김", "given": "수연"}],
            "container-title": "연합뉴스", "publisher": "Yonhap News Agency",
            "title": "북한, 위성 방송 중국으로 전환", "issued": {"date-parts": [[2024, 7, 9]]}
        });
        assert_eq!(key(korean), "yonhap2024");
        let bare = json!({"type": "webpage", "title": "The Rason port: traffic in 2023"});
        assert_eq!(key(bare), "anonndrason");
        let edited = json!({
            "type": "book", "editor": [{"family": "Choi", "given": "Hyun-woo"}],
            "title": "Between Beijing and Moscow", "issued": {"date-parts": [[2023]]}
        });
        assert_eq!(key(edited), "choi2023beijing");
        let particle = json!({
            "type": "report", "author": [{"family": "Berg", "non-dropping-particle": "van der"}],
            "title": "Eyes on the sky", "issued": {"date-parts": [[2024]]}
        });
        assert_eq!(key(particle), "berg2024eyes");
    }

    #[test]
    fn taken_keys_get_letter_suffixes() {
        let item = json!({"type": "book", "author": [{"family": "Müller"}], "title": "Über Korea",
            "issued": {"date-parts": [[2020]]}});
        let taken: HashSet<&str> = ["muller2020uber", "muller2020ubera"].into();
        assert_eq!(citekey(&item, |k| taken.contains(k)), "muller2020uberb");
        let keys = citekeys(&[item.clone(), item.clone(), item], |k| taken.contains(k));
        assert_eq!(keys, ["muller2020uberb", "muller2020uberc", "muller2020uberd"]);
        assert_eq!(
            (suffix(1), suffix(26), suffix(27), suffix(52)),
            ("a".into(), "z".into(), "aa".into(), "az".into())
        );
    }
}
