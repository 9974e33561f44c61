//! Quotes found on import: exact words, full names, roles, and offsets that verify.

use serde_json::Value;

use crate::{fixture, seed, Sandbox};

fn extract(path: &std::path::Path) -> Value {
    Sandbox::new().json(&["extract", path.to_str().unwrap(), "--json"])
}

fn find<'a>(quotes: &'a [Value], starts_with: &str) -> &'a Value {
    quotes
        .iter()
        .find(|q| q["text"].as_str().unwrap().starts_with(starts_with))
        .unwrap_or_else(|| panic!("no quote starting {starts_with:?}"))
}

#[test]
fn the_seeds_direct_quotes_carry_full_names_and_roles() {
    let out = extract(&seed());
    let quotes = out["quotes"].as_array().unwrap();
    let kang = find(quotes, "Pyongyang is also sending a message to China");
    assert_eq!(kang["kind"], "direct");
    assert_eq!(kang["speaker"], "Kang Jun-young");
    assert_eq!(
        kang["descriptor"],
        "a professor of Chinese studies at Hankuk University of Foreign Studies in Seoul"
    );
    assert_eq!(kang["cue"], Value::Null, "a paragraph that is only a quotation has no cue");
    assert_eq!(kang["paragraph"], 4);

    // "Cho said" resolves to the full name given at first mention.
    let cho = find(quotes, "Because, until now, North Korea’s only ally was China");
    assert_eq!(cho["speaker"], "Cho Han-bum");
    assert_eq!(cho["cue"], "said");
    // Inverted attribution: "…,” said Maxwell, who is …"
    let maxwell = find(quotes, "All of these activities have the opposite effect");
    assert_eq!(maxwell["speaker"], "David Maxwell");
    // A quote interrupted by its attribution is two quotes.
    let pacheco = find(quotes, "Beijing probably thinks");
    assert_eq!(pacheco["speaker"], "Ramon Pacheco Pardo");
    find(quotes, "China doesn’t seem to be comfortable");
}

#[test]
fn a_quote_spanning_paragraphs_is_one_quote() {
    let out = extract(&seed());
    let park = find(out["quotes"].as_array().unwrap(), "For those European countries");
    assert_eq!(park["speaker"], "Park Won-gon");
    assert_eq!(park["paragraph"], 28);
    assert!(park["text"]
        .as_str()
        .unwrap()
        .ends_with("China’s support is not at the desired level."));
}

#[test]
fn document_names_in_quotation_marks_are_not_quotes() {
    let out = extract(&seed());
    let quotes = out["quotes"].as_array().unwrap();
    assert!(quotes
        .iter()
        .all(|q| q["text"] != "treaty on the comprehensive strategic partnership"));
}

#[test]
fn stored_quotes_verify_against_the_stored_text() {
    let sb = Sandbox::new();
    let id = sb.import_seed();
    let article = sb.json(&["show", &id, "--json"]);
    let chars: Vec<char> = article["text"].as_str().unwrap().chars().collect();
    let quotes = article["quotes"].as_array().unwrap();
    assert!(quotes.len() >= 13);
    for q in quotes {
        let (start, end) =
            (q["start"].as_u64().unwrap() as usize, q["end"].as_u64().unwrap() as usize);
        let span: String = chars[start..end].iter().collect();
        let text = q["text"].as_str().unwrap();
        // A quote within one paragraph is exactly its span; one continued over paragraphs is
        // its span without the paragraph breaks and the reopening marks.
        if span.contains("\n\n") {
            let first = text.split(' ').next().unwrap();
            assert!(span.starts_with(first), "{span:?} / {text:?}");
        } else {
            assert_eq!(span, text);
        }
    }
}

#[test]
fn a_clip_of_our_own_attributes_its_quote() {
    let out = extract(&fixture("reuters-style-clip.txt"));
    let quotes = out["quotes"].as_array().unwrap();
    let first = find(quotes, "This is a practical project with a political message,");
    assert_eq!(first["speaker"], "Anna Petrova");
    assert_eq!(
        first["descriptor"],
        "a transport analyst at the Far Eastern Institute in Vladivostok"
    );
    let second = find(quotes, "Both sides want trade that does not pass through China.");
    assert_eq!(second["speaker"], "Anna Petrova");
}
