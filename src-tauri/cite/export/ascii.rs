//! Latin and Cyrillic words spelt in lowercase ASCII letters and digits, for citekeys.
//!
//! Latin letters lose their diacritics (Unicode decomposition); Cyrillic follows the
//! BGN/PCGN romanisation without its apostrophes and diacritics ("Лукин" → "lukin",
//! "Щербаков" → "shcherbakov"). Hangul and Han have no such letter-by-letter spelling, so a
//! word in them has none here: keys fall back to another part of the item instead of a guess.

use unicode_normalization::UnicodeNormalization;

/// The word in lowercase ASCII, or `None` when one of its letters has no ASCII spelling.
/// Everything that is not a letter or digit (hyphens, apostrophes) is dropped.
pub(super) fn spell(word: &str) -> Option<String> {
    let mut out = String::new();
    for c in word.nfd() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            out.push_str(letter(c.to_lowercase().next()?)?);
        }
        // Combining marks, punctuation and spaces are left out.
    }
    (!out.is_empty()).then_some(out)
}

/// Letters without a decomposition to ASCII; `None` for scripts with no letter-by-letter spelling.
fn letter(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'ł' => "l",
        'đ' | 'ð' => "d",
        'þ' => "th",
        'ı' => "i",
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ґ' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' => "e",
        'є' => "ye",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' => "i",
        'ї' => "yi",
        'й' | 'ы' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ў' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ю' => "yu",
        'я' => "ya",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::spell;

    #[test]
    fn latin_and_cyrillic_are_spelt() {
        assert_eq!(spell("Müller").as_deref(), Some("muller"));
        assert_eq!(spell("Łódź").as_deref(), Some("lodz"));
        assert_eq!(spell("Straße").as_deref(), Some("strasse"));
        assert_eq!(spell("Chan-kyong").as_deref(), Some("chankyong"));
        assert_eq!(spell("Лукин").as_deref(), Some("lukin"));
        assert_eq!(spell("Щербаков").as_deref(), Some("shcherbakov"));
        assert_eq!(spell("партнёрстве").as_deref(), Some("partnerstve"));
        assert_eq!(spell("ТАСС").as_deref(), Some("tass"));
        assert_eq!(spell("Малligyong-1").as_deref(), Some("malligyong1"));
    }

    #[test]
    fn hangul_and_han_have_no_spelling() {
        assert_eq!(spell("박"), None);
        assert_eq!(spell("新华社"), None);
        assert_eq!(spell("조선중앙TV"), None);
        assert_eq!(spell("’"), None);
    }
}
