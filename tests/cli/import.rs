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
fn the_same_text_in_other_bytes_is_a_duplicate() {
    let sb = Sandbox::new();
    let id = sb.import_seed();
    // Windows line endings and a BOM: other bytes, same article.
    let text = std::fs::read_to_string(seed()).unwrap().replace('\n', "\r\n");
    let copy = sb.write("seed-crlf.txt", format!("\u{feff}{text}").as_bytes());
    let report = sb.json(&["import", copy.to_str().unwrap(), "--json"]);
    assert_eq!(report["duplicates"], 1, "{report}");
    assert_eq!(report["outcomes"][0]["article_id"], id.as_str());
}

#[test]
fn a_copy_with_other_furniture_is_linked_as_a_near_duplicate() {
    let sb = Sandbox::new();
    let id = sb.import_seed();
    let text = std::fs::read_to_string(seed()).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.insert(3, "Share this article");
    lines.retain(|l| !l.starts_with("Xi’s last meeting"));
    let copy = sb.write("syndicated.txt", lines.join("\n").as_bytes());
    let report = sb.json(&["import", copy.to_str().unwrap(), "--json"]);
    assert_eq!(report["imported"], 1, "near-duplicates are kept, not merged: {report}");
    let other = report["outcomes"][0]["article_id"].as_str().unwrap();
    let article = sb.json(&["show", other, "--json"]);
    assert_eq!(article["similar"][0]["id"], id.as_str());
    assert!(article["similar"][0]["similarity"].as_f64().unwrap() > 0.8);
    let original = sb.json(&["show", &id, "--json"]);
    assert_eq!(original["similar"][0]["id"], other, "the link goes both ways");
}

#[test]
fn legacy_encodings_are_detected_and_decoded() {
    let sb = Sandbox::new();
    let out = sb.json(&["extract", fixture("yonhap-ko-euckr.txt").to_str().unwrap(), "--json"]);
    assert_eq!(out["title"], "북한, 러시아 위성으로 방송 송출 전환");
    assert_eq!(out["language"], "ko");
    let out = sb.json(&["extract", fixture("tass-ru-cp1251.txt").to_str().unwrap(), "--json"]);
    assert_eq!(out["title"], "КНДР перевела телевещание на российский спутник");
    assert_eq!(out["language"], "ru");
    let out = sb.json(&["extract", fixture("xinhua-zh-gb18030.txt").to_str().unwrap(), "--json"]);
    assert_eq!(out["title"], "朝鲜国家电视台改用俄罗斯卫星播出");
    assert_eq!(out["language"], "zh");
}

#[test]
fn a_wire_clip_gives_its_byline_date_and_dateline_as_metadata() {
    let sb = Sandbox::new();
    let out = sb.json(&["extract", fixture("yonhap-dateline.txt").to_str().unwrap(), "--json"]);
    let source = &out["source"];
    assert_eq!(source["author"][0]["literal"], "Kim Soo-yeon");
    assert_eq!(source["issued"]["date-parts"], serde_json::json!([[2024, 7, 9]]));
    assert_eq!(source["publisher"], "Yonhap");
    assert!(source.get("container-title").is_none(), "the agency is not the outlet");
    assert_eq!(out["provenance"]["issued"], "clip date line (14:03 KST)");
    assert_eq!(out["provenance"]["author"], "byline");
    let paragraphs = out["paragraphs"].as_array().unwrap();
    assert_eq!(paragraphs.len(), 3);
    assert!(paragraphs[0].as_str().unwrap().starts_with("North Korea has switched"));
    assert!(out["boilerplate"]
        .as_array()
        .unwrap()
        .iter()
        .any(|b| b["text"] == "Share this article"));
}

#[test]
fn provenance_says_where_each_field_came_from() {
    let sb = Sandbox::new();
    let id = sb.import_seed();
    let article = sb.json(&["show", &id, "--json"]);
    assert_eq!(article["provenance"]["title"], "clip title line");
    sb.json(&["edit", &id, "--date", "2024-07-09", "--json"]);
    let article = sb.json(&["show", &id, "--json"]);
    assert_eq!(article["provenance"]["issued"], "user");
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
