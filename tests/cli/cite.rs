//! Citations through citeproc-js and a real CSL style, honest about what is missing.

use crate::Sandbox;

#[test]
fn a_chicago_note_says_what_is_missing_until_the_date_is_filled_in() {
    let sb = Sandbox::new();
    let id = sb.import_seed();
    let before = sb.json(&["cite", &id, "--style", "chicago-notes-bibliography", "--json"]);
    let note = before["works"][0]["citation"].as_str().unwrap();
    assert!(note.contains("North Korea’s Shifting Satellite Allegiance to Russia Signals China’s Waning Influence"), "{note}");
    assert!(note.contains("n.d."), "a note without a date says so: {note}");
    assert!(!note.contains("2024"), "no date is invented: {note}");
    assert_eq!(
        before["missing"][0]["missing"],
        serde_json::json!(["container-title", "author", "issued", "URL"])
    );

    sb.json(&[
        "edit",
        &id,
        "--date",
        "2024-07-09",
        "--publication",
        "South China Morning Post",
        "--json",
    ]);
    let after = sb.json(&["cite", &id, "--style", "chicago-notes-bibliography", "--json"]);
    let note = after["works"][0]["citation"].as_str().unwrap();
    assert_eq!(
        note,
        "“North Korea’s Shifting Satellite Allegiance to Russia Signals China’s Waning Influence,” South China Morning Post, July 9, 2024."
    );
    assert!(!note.contains("n.d."));
    assert_eq!(after["missing"][0]["missing"], serde_json::json!(["author", "URL"]));
}

#[test]
fn plain_cite_prints_note_and_bibliography_and_warns_on_stderr() {
    let sb = Sandbox::new();
    let id = sb.import_seed();
    let run = sb.run(&["cite", &id[..13]]);
    assert!(run.ok, "{}", run.stderr);
    assert!(run.stdout.contains("n.d."));
    assert!(run.stderr.contains("has no container-title, author, issued, URL"), "{}", run.stderr);
}

#[test]
fn an_unknown_style_is_one_clear_error() {
    let sb = Sandbox::new();
    let id = sb.import_seed();
    let run = sb.run(&["cite", &id, "--style", "no-such-style"]);
    assert!(!run.ok);
    assert_eq!(run.stderr.trim().lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains("no-such-style"), "{}", run.stderr);
}

#[test]
fn render_prints_the_reference_document_for_csl_json_items() {
    let sb = Sandbox::new();
    let items = crate::fixture("csl-items.json");
    let out =
        sb.json(&["render", "--style", "ieee", "--csl-json", items.to_str().unwrap(), "--json"]);
    let entry = &out["tumen-bridge"];
    assert_eq!(entry["cite_text"], "[1]");
    assert_eq!(entry["bib_position"], 1);
    let bib = entry["bib_text"].as_str().unwrap();
    assert!(
        bib.starts_with(
            "[1] A. Petrova, “Russia and North Korea open new road bridge over the Tumen River,”"
        ),
        "{bib}"
    );
    assert!(bib.contains("Jun. 18, 2025"), "{bib}");
    assert!(entry["bib_html"].as_str().unwrap().contains("<i>Vladivostok Courier</i>"));
}

#[test]
fn render_refuses_a_broken_items_file() {
    let sb = Sandbox::new();
    let bad = sb.write("items.json", b"{ not json");
    let run = sb.run(&["render", "--style", "apa", "--csl-json", bad.to_str().unwrap(), "--json"]);
    assert!(!run.ok);
    assert!(run.stderr.contains("not a CSL-JSON array"), "{}", run.stderr);
}

fn quote_id(sb: &Sandbox, id: &str, words: &str) -> String {
    sb.json(&["show", id, "--json"])["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["text"] == words)
        .unwrap_or_else(|| panic!("no quote {words:?}"))["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn a_locator_pins_the_paragraph_and_formats_carry_the_italics() {
    let sb = Sandbox::new();
    let id = sb.import_cited_seed();
    let cite = |format: &str| {
        let out = sb.json(&[
            "cite",
            &id,
            "--style",
            "chicago-notes-bibliography",
            "--locator",
            "paragraph:9",
            "--format",
            format,
            "--json",
        ]);
        out["works"][0]["citation"].as_str().unwrap().to_string()
    };
    assert!(
        cite("text").ends_with("South China Morning Post, July 9, 2024, para. 9."),
        "{}",
        cite("text")
    );
    assert!(cite("html").contains("<i>South China Morning Post</i>"), "{}", cite("html"));
    assert!(cite("markdown").contains("*South China Morning Post*"), "{}", cite("markdown"));
    let rtf = sb.json(&["cite", &id, "--format", "rtf", "--json"]);
    assert!(
        rtf["works"][0]["citation"].as_str().unwrap().contains("{\\i{}South China Morning Post}"),
        "{rtf}"
    );
    assert!(rtf["document"].as_str().unwrap().starts_with("{\\rtf1"), "{rtf}");
    let bad = sb.run(&["cite", &id, "--locator", "paragraph"]);
    assert!(bad.stderr.contains("invalid locator"), "{}", bad.stderr);
}

#[test]
fn a_quote_is_cited_with_its_words_speaker_and_the_styles_secondary_form() {
    let sb = Sandbox::new();
    let id = sb.import_cited_seed();
    let burden = quote_id(&sb, &id, "quite a burden");
    let quoted_in = |style: &str| {
        let out = sb.json(&["cite", &burden, "--style", style, "--json"]);
        let q = &out["quotes"][0];
        assert_eq!(q["words"], "quite a burden");
        assert_eq!(q["speaker"], "Cho Han-bum");
        assert_eq!(
            q["descriptor"],
            "a senior research fellow at the Korea Institute for National Unification"
        );
        (
            q["quoted_in"].as_str().unwrap().to_string(),
            q["attribution"].as_str().unwrap().to_string(),
        )
    };
    let (chicago, sentence) = quoted_in("chicago-notes-bibliography");
    assert!(
        chicago.starts_with("Cho Han-bum, quoted in Park Chan-kyong, “North Korea’s"),
        "{chicago}"
    );
    assert!(chicago.ends_with("para. 9."), "{chicago}");
    assert!(sentence.starts_with("Cho Han-bum, a senior research fellow at the Korea Institute for National Unification, said"), "{sentence}");
    assert!(sentence.contains("“quite a burden”"), "{sentence}");
    let (apa, _) = quoted_in("apa");
    assert_eq!(apa, "(Cho Han-bum, as cited in Park, 2024, para. 9)");
    let (mla, _) = quoted_in("modern-language-association");
    assert!(mla.starts_with("(qtd. in Park"), "{mla}");
}

#[test]
fn each_item_carries_its_own_pinpoint() {
    let sb = Sandbox::new();
    let id = sb.import_cited_seed();
    let burden = quote_id(&sb, &id, "quite a burden");
    let pinned = format!("{burden}@paragraph:12");
    let out = sb.json(&[
        "cite",
        &pinned,
        &format!("{id}@paragraph:3"),
        "--style",
        "chicago-notes-bibliography",
        "--json",
    ]);
    let quoted_in = out["quotes"][0]["quoted_in"].as_str().unwrap();
    assert!(quoted_in.ends_with("para. 12."), "{quoted_in}");
    let work = out["works"][0]["citation"].as_str().unwrap();
    assert!(work.ends_with("para. 3."), "{work}");
    // The pinpoint of one item is not the others': the article's other quotes stand where they are.
    let alone = sb.json(&["cite", &burden, "--json"]);
    assert!(alone["quotes"][0]["quoted_in"].as_str().unwrap().ends_with("para. 9."), "{alone}");
    let markdown = sb.json(&["export", "--format", "markdown", &pinned, "--json"]);
    assert!(markdown["content"].as_str().unwrap().contains(", para. 12]"), "{markdown}");
    let bad = sb.run(&["cite", &format!("{id}@nine")]);
    assert!(bad.stderr.contains("invalid locator"), "{}", bad.stderr);
}

#[test]
fn the_html_export_is_a_page_of_the_citations() {
    let sb = Sandbox::new();
    let id = sb.import_cited_seed();
    let burden = quote_id(&sb, &id, "quite a burden");
    let out = sb.json(&[
        "export",
        "--format",
        "html",
        "--style",
        "apa",
        &format!("{burden}@paragraph:12"),
        &id,
        "--json",
    ]);
    let page = out["content"].as_str().unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("<meta charset=\"utf-8\">"));
    assert!(page.contains("<blockquote><p>“quite a burden”</p></blockquote>"), "{page}");
    assert!(page.contains("(Cho Han-bum, as cited in Park, 2024, para. 12)"), "{page}");
    assert!(page.contains("<i>South China Morning Post</i>"), "{page}");
    assert!(!page.contains("<script"), "{page}");
}
