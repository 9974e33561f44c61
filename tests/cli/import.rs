//! Importing clips: cleaning, paragraphs, boilerplate, duplicates, honest metadata.

use crate::{fixture, seed, Sandbox};

#[test]
fn the_seed_imports_with_title_paragraphs_and_furniture_apart() {
    let sb = Sandbox::new();
    let id = sb.import_seed();
    let article = sb.json(&["show", &id, "--json"]);
    assert_eq!(
        article["title"],
        "North Korea’s shifting satellite allegiance to Russia signals China’s waning influence"
    );
    assert_eq!(article["paragraphs"].as_array().unwrap().len(), 31);
    let text = article["text"].as_str().unwrap();
    assert!(!text.contains("Photo: KCNA via Reuters"), "the caption stays out of the body");
    assert!(!text.contains("uses cookies"));
    assert!(!text.contains("Putin, Kim sign"));
    let boilerplate: Vec<(String, String)> = article["boilerplate"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (b["kind"].as_str().unwrap().to_string(), b["text"].as_str().unwrap().to_string()))
        .collect();
    let kinds: Vec<&str> = boilerplate.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "repeated-headline",
            "repeated-headline",
            "caption",
            "repeated-headline",
            "repeated-headline",
            "notice"
        ]
    );
    assert!(boilerplate[2].1.ends_with("Photo: KCNA via Reuters"));
    // Paragraph spans index the stored text exactly.
    let chars: Vec<char> = text.chars().collect();
    let first = &article["paragraphs"][0];
    let span: String = chars
        [first["start"].as_u64().unwrap() as usize..first["end"].as_u64().unwrap() as usize]
        .iter()
        .collect();
    assert!(span.starts_with(
        "According to global TV and radio satellite data intelligence website LyngSat"
    ));
}

#[test]
fn metadata_the_clip_does_not_give_stays_empty_and_is_flagged() {
    let sb = Sandbox::new();
    let id = sb.import_seed();
    let article = sb.json(&["show", &id, "--json"]);
    let source = &article["source"];
    assert!(source.get("container-title").is_none());
    assert!(source.get("author").is_none());
    assert!(source.get("issued").is_none());
    assert!(source.get("URL").is_none());
    assert_eq!(
        article["missing"],
        serde_json::json!(["container-title", "author", "issued", "URL"])
    );
    let listed = sb.json(&["list", "--missing", "--json"]);
    assert_eq!(listed[0]["id"], id.as_str());
}

#[test]
fn the_same_bytes_twice_add_nothing() {
    let sb = Sandbox::new();
    let id = sb.import_seed();
    let again = sb.json(&["import", seed().to_str().unwrap(), "--json"]);
    assert_eq!(again["imported"], 0);
    assert_eq!(again["duplicates"], 1);
    assert_eq!(again["outcomes"][0]["article_id"], id.as_str());
    assert_eq!(sb.json(&["list", "--json"]).as_array().unwrap().len(), 1);
}

#[test]
fn extract_prints_the_article_without_storing_it() {
    let sb = Sandbox::new();
    let out = sb.json(&["extract", fixture("reuters-style-clip.txt").to_str().unwrap(), "--json"]);
    assert_eq!(
        out["source"]["title"],
        "Russia and North Korea open new road bridge over the Tumen River"
    );
    assert_eq!(out["source"]["type"], "article-newspaper");
    assert_eq!(out["language"], "en");
    assert_eq!(out["paragraphs"].as_array().unwrap().len(), 3);
    let kinds: Vec<&str> = out["boilerplate"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["repeated-headline", "repeated-headline", "caption", "notice"]);
    for q in out["quotes"].as_array().unwrap() {
        for key in ["text", "kind", "speaker", "descriptor", "cue", "paragraph", "start", "end"] {
            assert!(q.get(key).is_some(), "quote lacks {key}: {q}");
        }
    }
    assert!(!sb.data_dir().exists(), "extract must not create an archive");
}
