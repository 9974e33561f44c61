//! Text as a BibTeX field value: LaTeX's special characters escaped, capitals protected.
//!
//! Everything else stays UTF-8 (biber and the `biblatex` crate read it; so does BibTeX with
//! `inputenc`), so Hangul, Han and Cyrillic titles are written as they are.

/// `text` with the characters LaTeX gives a meaning escaped.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '&' | '%' | '$' | '#' | '_' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            // A line break would end a paragraph inside the field.
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A title escaped, with every run of words that carry a capital in braces, so that a style's
/// sentence or title casing keeps "North Korea", "TV" and "LyngSat" as written:
/// `{North Korea} switches state {TV} satellite`.
pub(super) fn protect(title: &str) -> String {
    let words: Vec<&str> = title.split(' ').collect();
    let mut out = String::with_capacity(title.len() + 8);
    let mut i = 0;
    while i < words.len() {
        if i > 0 {
            out.push(' ');
        }
        let run = words[i..].iter().take_while(|w| w.chars().any(char::is_uppercase)).count();
        if run == 0 {
            out.push_str(&escape(words[i]));
            i += 1;
            continue;
        }
        let group = escape(&words[i..i + run].join(" "));
        // BibTeX takes a group opening with a command (`{\&...}`) for one accented letter and
        // changes its case; an empty group first keeps it protected.
        let guard = if group.starts_with('\\') { "{}" } else { "" };
        out.push_str(&format!("{{{guard}{group}}}"));
        i += run;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specials_are_escaped() {
        assert_eq!(escape("50% of A&B's $1 #2 a_b {x}"), r"50\% of A\&B's \$1 \#2 a\_b \{x\}");
        assert_eq!(escape(r"~ ^ \"), r"\textasciitilde{} \textasciicircum{} \textbackslash{}");
        assert_eq!(escape("Россия и КНДР"), "Россия и КНДР");
    }

    #[test]
    fn words_with_capitals_are_protected_in_runs() {
        assert_eq!(
            protect("North Korea switches state TV satellite from Russian to Chinese"),
            "{North Korea} switches state {TV} satellite from {Russian} to {Chinese}"
        );
        assert_eq!(protect("LyngSat"), "{LyngSat}");
        assert_eq!(
            protect("China, North Korea & the Russia factor"),
            "{China, North Korea} \\& the {Russia} factor"
        );
        assert_eq!(protect("Россия и КНДР"), "{Россия} и {КНДР}");
        assert_eq!(protect("$Dollar diplomacy"), "{{}\\$Dollar} diplomacy");
        assert_eq!(protect("北韩 卫星"), "北韩 卫星");
    }
}
