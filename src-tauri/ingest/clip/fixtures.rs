//! The clip reader against the gold-annotated fixtures: body paragraphs must be exactly the
//! non-boilerplate lines the gold implies, since every gold quote names its paragraph by index.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{parse, Clip};

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/quotes")
}

/// The body the gold implies: the non-empty lines after the title, less each boilerplate line
/// the gold lists (once per listing).
fn gold_body(text: &str, boilerplate: &[&str]) -> Vec<String> {
    let mut boilerplate = boilerplate.to_vec();
    let lines = text.lines().map(str::trim).filter(|l| !l.is_empty()).skip(1);
    lines
        .filter(|line| match boilerplate.iter().position(|b| b == line) {
            Some(at) => {
                boilerplate.remove(at);
                false
            }
            None => true,
        })
        .map(str::to_string)
        .collect()
}

/// Paragraph for paragraph the gold body, except that the first may have lost its dateline.
fn check_body(name: &str, clip: &Clip, expected: &[String]) {
    assert_eq!(clip.paragraphs.len(), expected.len(), "{name}: {:#?}", clip.paragraphs);
    for (i, (got, want)) in clip.paragraphs.iter().zip(expected).enumerate() {
        let ok = got == want || i == 0 && want.ends_with(got.as_str());
        assert!(ok, "{name} paragraph {i}:\n got {got:?}\nwant {want:?}");
    }
}

/// Whether `text` lies in paragraph `at`, or runs on from it over the next paragraphs with
/// each piece (joined by one space in `text`) in its own paragraph.
fn quote_found(paragraphs: &[String], at: usize, text: &str) -> bool {
    let Some(paragraph) = paragraphs.get(at) else { return false };
    paragraph.contains(text)
        || text.match_indices(' ').rev().any(|(split, _)| {
            paragraph.contains(&text[..split])
                && quote_found(paragraphs, at + 1, &text[split + 1..])
        })
}

fn strings(value: &Value) -> Vec<&str> {
    value.as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default()
}

#[test]
fn gold_fixtures_keep_their_paragraphs_and_metadata() {
    let mut names: Vec<PathBuf> = std::fs::read_dir(fixture_dir())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 15, "fixtures missing: {names:?}");
    for path in names {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let gold: Value = serde_json::from_str(
            &std::fs::read_to_string(path.with_extension("gold.json")).unwrap(),
        )
        .unwrap();
        let clip = parse(&text).unwrap();

        let boilerplate = strings(&gold["boilerplate"]);
        check_body(&name, &clip, &gold_body(&text, &boilerplate));
        for line in &boilerplate {
            assert!(!clip.paragraphs.iter().any(|p| p == line), "{name}: {line:?} is body");
        }
        for quote in gold["quotes"].as_array().unwrap() {
            let text = quote["text"].as_str().unwrap();
            let at = quote["paragraph"].as_u64().unwrap() as usize;
            assert!(quote_found(&clip.paragraphs, at, text), "{name}: {text:?} not at {at}");
        }

        let source = &gold["source"];
        assert_eq!(Some(clip.title.as_str()), source["title"].as_str(), "{name}");
        let authors = clip.byline.clone().unwrap_or_default();
        assert_eq!(authors, strings(&source["authors"]), "{name}");
        let date = clip.published.as_ref().map(|p| p.date.to_iso());
        assert_eq!(date.as_deref(), source["date"].as_str(), "{name}");
        // A clip names its outlet only through the agency of its dateline.
        let agency = clip.dateline.as_ref().and_then(|d| d.agency.as_deref());
        assert_eq!(agency, source["publication"].as_str(), "{name}");
    }
}

/// The seed clip (its gold lives with the shared fixtures): 31 paragraphs, and no metadata
/// the clip does not print.
#[test]
fn seed_clip_keeps_its_paragraphs() {
    const BOILERPLATE: [&str; 6] = [
        "Putin, Kim sign ‘strongest ever’ defence treaty amid growing tensions with the West",
        "Putin, Kim sign ‘strongest ever’ defence treaty amid growing tensions with the West",
        "Chinese President Xi Jinping, right, and North Korean leader Kim Jong-un walk during \
         Xi’s visit to Pyongyang on June 21, 2019. Photo: KCNA via Reuters",
        "War of words erupts over North Korea’s multi-warhead missile test claims",
        "War of words erupts over North Korea’s multi-warhead missile test claims",
        "This website uses cookies. By continuing to use this site, you accept our use of cookies.",
    ];
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/samples/scmp-satellite-switch.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let clip = parse(&text).unwrap();
    check_body("seed", &clip, &gold_body(&text, &BOILERPLATE));
    assert_eq!(clip.paragraphs.len(), 31);
    let texts: Vec<&str> = clip.boilerplate.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts, BOILERPLATE);
    assert!(clip.dateline.is_none() && clip.byline.is_none() && clip.published.is_none());
}
