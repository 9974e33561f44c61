//! The language of an article, by lingua's n-gram models, as an ISO 639-1 code.
//!
//! The detector only weighs the languages this field meets plus a few Latin-script neighbours,
//! so that French or German text is named as such instead of being forced into English; that
//! also keeps the compiled-in models to eight. A guess lingua is not confident in is no answer:
//! an unknown language is honest, a wrong one ends up in citations.
//!
//! One correction on top: Korean written with Hanja ("北韓의 金正恩 委員長이") reads as Chinese
//! to lingua, but Chinese and Japanese are never written with Hangul.

use std::sync::OnceLock;

use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};

const LANGUAGES: [Language; 8] = [
    Language::English,
    Language::Korean,
    Language::Chinese,
    Language::Russian,
    Language::Japanese,
    Language::German,
    Language::French,
    Language::Spanish,
];

/// Below this confidence (lingua's 0..1 share among the languages above) no language is given.
/// Measured: one-word or name-only texts ("Seoul", "Kim Jong-un") score 0.3-0.65, a sentence
/// in any of the languages 0.9 or more.
const MIN_CONFIDENCE: f64 = 0.7;

/// Enough text to be sure of a language. Lingua's cost grows with the text (measured 0.7 ms
/// for 500 chars, 3.3 ms for 2,000), and imports aim at hundreds of articles a second.
const SAMPLE_CHARS: usize = 500;

/// The share of Hangul among the letters above which Han-script text is Korean with Hanja.
const MIN_HANGUL_SHARE: f64 = 0.1;

/// Building the detector is cheap, but its models load on first use and are then shared, so
/// one detector serves the whole process.
fn detector() -> &'static LanguageDetector {
    static DETECTOR: OnceLock<LanguageDetector> = OnceLock::new();
    DETECTOR.get_or_init(|| LanguageDetectorBuilder::from_languages(&LANGUAGES).build())
}

/// The language of `text` ("en", "ko", "zh", "ru", "ja", ...), or None when lingua is unsure.
pub fn detect(text: &str) -> Option<String> {
    let sample = sample(text);
    let (language, confidence) =
        detector().compute_language_confidence_values(sample).into_iter().next()?;
    if confidence < MIN_CONFIDENCE {
        return None;
    }
    let korean_with_hanja = matches!(language, Language::Chinese | Language::Japanese)
        && hangul_share(sample) >= MIN_HANGUL_SHARE;
    let language = if korean_with_hanja { Language::Korean } else { language };
    Some(language.iso_code_639_1().to_string())
}

fn hangul_share(text: &str) -> f64 {
    let is_hangul = |c: &char| matches!(c, '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}');
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let hangul = text.chars().filter(is_hangul).count();
    if letters == 0 {
        0.0
    } else {
        hangul as f64 / letters as f64
    }
}

fn sample(text: &str) -> &str {
    match text.char_indices().nth(SAMPLE_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::detect;

    fn check(text: &str, expected: Option<&str>) {
        assert_eq!(detect(text).as_deref(), expected, "{text}");
    }

    #[test]
    fn one_sentence_in_each_field_language() {
        check("The minister said that the treaty is in force.", Some("en"));
        check("Россия и КНДР подписали договор о стратегическом партнёрстве.", Some("ru"));
        check("러시아와 북한이 포괄적 전략적 동반자 조약을 체결했다.", Some("ko"));
        check("俄罗斯和朝鲜签署了全面战略伙伴关系条约。", Some("zh"));
        check("ロシアと北朝鮮は条約に署名した。", Some("ja"));
    }

    #[test]
    fn short_russian_is_not_taken_for_bulgarian() {
        check("Путин посетил Пхеньян в июне.", Some("ru"));
    }

    #[test]
    fn korean_with_hanja_stays_korean() {
        check("북한의 김정은(金正恩) 국무위원장이 러시아를 방문했다.", Some("ko"));
        check("北韓의 金正恩 國務委員長이 러시아를 訪問했다.", Some("ko"));
    }

    #[test]
    fn latin_script_neighbours_are_not_forced_into_english() {
        check("Dieser Vertrag ist für beide Länder sehr wichtig.", Some("de"));
        check("Le traité a été signé à Pyongyang en juin.", Some("fr"));
    }

    #[test]
    fn no_letters_no_language() {
        check("", None);
        check("2024-07-09 14:03", None);
    }

    #[test]
    fn names_alone_are_too_little_to_tell() {
        check("Kim Jong-un", None);
        check("Seoul", None);
    }
}
