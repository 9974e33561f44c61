//! A first language guess from the writing system: Hangul, Han, Cyrillic or Latin.
//!
//! Script is decisive for the four languages of this field except Latin text, which is taken
//! as English only when common English function words back it up; otherwise no guess is made.

pub fn detect(text: &str) -> Option<String> {
    let (mut hangul, mut han, mut cyrillic, mut latin) = (0usize, 0usize, 0usize, 0usize);
    for c in text.chars().take(20_000) {
        match c {
            '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' => {
                hangul += 1
            }
            '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => han += 1,
            '\u{0400}'..='\u{04FF}' => cyrillic += 1,
            c if c.is_ascii_alphabetic() => latin += 1,
            _ => {}
        }
    }
    // Korean text mixes in Hanja, Chinese text never has Hangul.
    let (count, lang) = [(hangul, "ko"), (han, "zh"), (cyrillic, "ru")]
        .into_iter()
        .max_by_key(|(n, _)| *n)
        .expect("non-empty");
    if count > 0 && count * 2 >= latin / 3 {
        return Some(lang.to_string());
    }
    if latin > 0 && looks_english(text) {
        return Some("en".to_string());
    }
    None
}

fn looks_english(text: &str) -> bool {
    const FUNCTION_WORDS: &[&str] = &["the", "and", "of", "to", "in", "is", "that", "said"];
    let words: Vec<String> =
        text.split_whitespace().take(2_000).map(|w| w.to_lowercase()).collect();
    let hits = words.iter().filter(|w| FUNCTION_WORDS.contains(&w.as_str())).count();
    !words.is_empty() && hits * 10 >= words.len()
}

#[cfg(test)]
mod tests {
    use super::detect;

    #[test]
    fn tells_the_field_languages_apart() {
        assert_eq!(detect("The minister said that the treaty is in force.").as_deref(), Some("en"));
        assert_eq!(detect("Россия и КНДР подписали договор.").as_deref(), Some("ru"));
        assert_eq!(detect("러시아와 북한이 조약을 체결했다.").as_deref(), Some("ko"));
        assert_eq!(detect("俄罗斯和朝鲜签署了条约。").as_deref(), Some("zh"));
        assert_eq!(detect("Dieser Satz ist nicht englisch."), None);
    }
}
