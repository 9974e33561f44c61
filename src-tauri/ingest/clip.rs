//! Plain-text clips (what a user gets by copying a page): title line, body paragraphs, and the
//! page furniture the copy drags along, kept apart as boilerplate.

use super::{Error, Result};
use crate::model::{Boilerplate, BoilerplateKind};

pub struct Clip {
    pub title: String,
    pub paragraphs: Vec<String>,
    pub boilerplate: Vec<Boilerplate>,
}

/// Title = first non-empty line; every later non-empty line is a paragraph unless it is
/// recognised as boilerplate.
pub fn parse(text: &str) -> Result<Clip> {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let title = lines.next().ok_or(Error::Empty)?.to_string();
    let lines: Vec<&str> = lines.collect();

    let mut paragraphs = Vec::new();
    let mut boilerplate = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        // Clippers paste a related-article teaser as a headline twice in a row (link text and
        // image alt); a real paragraph is never repeated back to back.
        if lines.get(i + 1) == Some(&line) {
            let mut j = i;
            while lines.get(j) == Some(&line) {
                boilerplate.push(Boilerplate {
                    kind: BoilerplateKind::RepeatedHeadline,
                    text: line.to_string(),
                });
                j += 1;
            }
            i = j;
            continue;
        }
        if let Some(kind) = furniture_kind(line) {
            boilerplate.push(Boilerplate { kind, text: line.to_string() });
        } else {
            paragraphs.push(line.to_string());
        }
        i += 1;
    }
    if paragraphs.is_empty() {
        return Err(Error::NoBody);
    }
    Ok(Clip { title, paragraphs, boilerplate })
}

fn furniture_kind(line: &str) -> Option<BoilerplateKind> {
    if is_caption(line) {
        Some(BoilerplateKind::Caption)
    } else if is_notice(line) {
        Some(BoilerplateKind::Notice)
    } else {
        None
    }
}

/// Credit labels that end a photo caption, in the field's languages.
const CREDIT_LABELS: &[&str] = &[
    "Photo:",
    "Photos:",
    "Photograph:",
    "Image:",
    "Picture:",
    "Фото:",
    "사진=",
    "사진:",
    "图片:",
    "图:",
];

/// A caption ends with a short credit ("… Photo: KCNA via Reuters"), not a sentence.
fn is_caption(line: &str) -> bool {
    CREDIT_LABELS.iter().any(|label| {
        line.rfind(label).is_some_and(|at| {
            let credit = line[at + label.len()..].trim();
            !credit.is_empty()
                && credit.split_whitespace().count() <= 6
                && !credit.ends_with(['.', '!', '?', '”', '"'])
        })
    })
}

/// Site notices pasted with the article: cookie banners and subscription prompts.
fn is_notice(line: &str) -> bool {
    const MARKERS: &[&str] = &[
        "uses cookies",
        "use of cookies",
        "cookie policy",
        "accept cookies",
        "subscribe to our newsletter",
        "sign up for our newsletter",
        "all rights reserved",
    ];
    let lower = line.to_lowercase();
    line.len() < 400 && MARKERS.iter().any(|m| lower.contains(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separates_furniture_from_body() {
        let text = "Seoul weighs its options\n\nFirst paragraph.\n\nRelated story headline\nRelated story headline\n\
                    Second paragraph, said Kim.\n\nLeaders meet in Pyongyang. Photo: KCNA via Reuters\n\
                    This website uses cookies. By continuing you accept our use of cookies.\n";
        let clip = parse(text).unwrap();
        assert_eq!(clip.title, "Seoul weighs its options");
        assert_eq!(clip.paragraphs, ["First paragraph.", "Second paragraph, said Kim."]);
        let kinds: Vec<_> = clip.boilerplate.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BoilerplateKind::RepeatedHeadline,
                BoilerplateKind::RepeatedHeadline,
                BoilerplateKind::Caption,
                BoilerplateKind::Notice
            ]
        );
    }

    #[test]
    fn a_sentence_about_a_photo_is_not_a_caption() {
        assert!(!is_caption(
            "The ministry released a statement. Photo: it was taken in 2019 near the border."
        ));
    }

    #[test]
    fn title_only_has_no_body() {
        assert!(matches!(parse("Just a title\n\n"), Err(Error::NoBody)));
    }
}
