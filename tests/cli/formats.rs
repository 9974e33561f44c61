//! Every format a researcher collects: saved pages, PDF reports, bibliographic records, feeds.

use serde_json::{json, Value};

use crate::{fixture, seed, Sandbox};

fn extract(name: &str) -> Value {
    Sandbox::new().json(&["extract", fixture(name).to_str().unwrap(), "--json"])
}

#[test]
fn a_news_page_gives_its_json_ld_metadata_and_clean_paragraphs() {
    let out = extract("html/news-jsonld.html");
    assert_eq!(out["title"], "North Korea and Russia open new rail link as China watches");
    assert_eq!(out["source"]["type"], "article-newspaper");
    assert_eq!(out["source"]["container-title"], "Peninsula Daily");
    assert_eq!(out["source"]["author"][0], json!({"family": "Morrow", "given": "Daniel"}));
    assert_eq!(out["source"]["author"][1], json!({"literal": "Han Ji-woo"}));
    assert_eq!(out["source"]["issued"]["date-parts"], json!([[2024, 7, 1]]));
    assert_eq!(out["provenance"]["issued"], "json-ld");
    assert_eq!(out["missing"], json!([]));
    assert_eq!(out["paragraphs"].as_array().unwrap().len(), 7);
    let body = out["paragraphs"].to_string();
    assert!(!body.contains("cookies") && !body.contains("Photo: Yonhap"), "furniture stays out");
    let captions: Vec<&Value> =
        out["boilerplate"].as_array().unwrap().iter().filter(|b| b["kind"] == "caption").collect();
    assert!(captions[0]["text"].as_str().unwrap().ends_with("Photo: Yonhap"));
    assert!(out["quotes"].as_array().unwrap().iter().any(|q| q["speaker"] == "Lee Soo-min"));
}

#[test]
fn a_page_with_only_meta_tags_gives_them_with_their_names() {
    let out = extract("html/meta-tags-only.html");
    assert_eq!(out["source"]["type"], "article-journal");
    assert_eq!(out["source"]["container-title"], "Journal of Northeast Asian Borderlands");
    assert_eq!(out["provenance"]["title"], "meta citation_title");
    assert_eq!(out["provenance"]["DOI"], "meta citation_doi");
}

#[test]
fn a_page_without_metadata_says_what_is_missing() {
    let out = extract("html/no-metadata.html");
    assert_eq!(out["title"], "Notes on the Rason special economic zone");
    assert_eq!(out["provenance"]["title"], "title element");
    assert_eq!(out["missing"], json!(["container-title", "author", "issued", "URL"]));
}

#[test]
fn a_korean_page_in_euc_kr_is_decoded_and_labelled() {
    let out = extract("html/korean-euc-kr.html");
    assert_eq!(out["title"], "북중 교역, 상반기 회복세 뚜렷");
    assert_eq!(out["language"], "ko");
    assert_eq!(out["source"]["container-title"], "한반도경제신문");
}

#[test]
fn a_pdf_report_keeps_its_pages_as_locators() {
    let out = extract("pdf/report.pdf");
    assert_eq!(out["source"]["type"], "report");
    assert_eq!(
        out["title"],
        "North Korea, Russia and China after the Comprehensive Strategic Partnership Treaty"
    );
    assert_eq!(out["provenance"]["title"], "pdf info Title");
    assert_eq!(out["pages"], json!([1, 1, 1, 1, 2, 2, 2, 3, 3]));
    let removed: Vec<&str> = out["boilerplate"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["text"].as_str().unwrap())
        .collect();
    assert!(removed.contains(&"KINU Online Series CO 24-15"), "running header kept apart");
    let kim = &out["quotes"].as_array().unwrap()[0];
    assert_eq!(kim["speaker"], "Kim Yo-jong");
}

#[test]
fn bibliographic_records_import_as_sources() {
    for name in ["records/zotero.bib", "records/zotero.ris", "records/zotero.json"] {
        let sb = Sandbox::new();
        let report = sb.json(&["import", fixture(name).to_str().unwrap(), "--json"]);
        assert!(report["imported"].as_u64().unwrap() >= 4, "{name}: {report}");
        let listed = sb.json(&["list", "--json"]);
        let park = listed
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["title"].as_str().unwrap().starts_with("North Korea switches state TV"))
            .unwrap_or_else(|| panic!("{name}: no newspaper record"));
        assert_eq!(park["date"], "2024-07-09", "{name}");
        let article = sb.json(&["show", park["id"].as_str().unwrap(), "--json"]);
        assert_eq!(
            article["source"]["author"][0],
            json!({"family": "Park", "given": "Chan-kyong"})
        );
    }
}

#[test]
fn a_record_of_an_archived_article_fills_in_its_metadata() {
    let sb = Sandbox::new();
    let id = sb.import_seed();
    let record = json!([{
        "id": "scmp-2024",
        "type": "article-newspaper",
        "title": "North Korea's shifting satellite allegiance to Russia signals China's waning influence",
        "container-title": "South China Morning Post",
        "issued": {"date-parts": [[2024, 7, 9]]},
        "URL": "https://www.scmp.com/news/asia/east-asia/article/3269611"
    }]);
    let path = sb.write("scmp.json", record.to_string().as_bytes());
    let report = sb.json(&["import", path.to_str().unwrap(), "--json"]);
    assert_eq!(report["enriched"], 1, "{report}");
    assert_eq!(report["outcomes"][0]["article_id"], id.as_str());
    assert_eq!(sb.json(&["list", "--json"]).as_array().unwrap().len(), 1, "nothing duplicated");
    let article = sb.json(&["show", &id, "--json"]);
    assert_eq!(article["source"]["container-title"], "South China Morning Post");
    assert_eq!(article["provenance"]["container-title"], "csl-json");
    assert_eq!(article["provenance"]["title"], "clip title line", "what was there is kept");
    assert_eq!(article["missing"], json!(["author"]));
}

#[test]
fn a_feed_imports_its_items() {
    let sb = Sandbox::new();
    let report = sb.json(&["import", fixture("records/38north.atom").to_str().unwrap(), "--json"]);
    assert_eq!(report["imported"], 2, "{report}");
    let results = sb.json(&["search", "satellite", "--json"]);
    assert!(results["total"].as_u64().unwrap() >= 1);
    let seed_report = sb.json(&["import", seed().to_str().unwrap(), "--json"]);
    assert_eq!(seed_report["imported"], 1);
}

/// Serves one response to one request on a loopback port; returns the URL.
fn serve_once(body: &'static [u8]) -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/story.html", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        if let Ok((mut stream, _)) = listener.accept() {
            let mut request = [0u8; 4096];
            let _ = stream.read(&mut request);
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body);
        }
    });
    url
}

#[test]
fn a_url_is_fetched_with_its_accessed_date() {
    let sb = Sandbox::new();
    let url = serve_once(include_bytes!("../fixtures/html/no-metadata.html"));
    let report = sb.json(&["import", &url, "--json"]);
    assert_eq!(report["imported"], 1, "{report}");
    let id = report["outcomes"][0]["article_id"].as_str().unwrap();
    let article = sb.json(&["show", id, "--json"]);
    assert_eq!(article["source"]["URL"], url.as_str());
    assert_eq!(article["provenance"]["URL"], "fetched");
    assert_eq!(article["provenance"]["accessed"], "fetched");
    assert!(article["source"]["accessed"]["date-parts"][0][0].as_i64().unwrap() >= 2024);
}

#[test]
fn an_unreachable_url_is_one_clear_error() {
    let sb = Sandbox::new();
    // Nothing listens on a port just released.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("http://127.0.0.1:{port}/gone");
    let run = sb.run(&["import", &url]);
    assert!(!run.ok);
    assert!(run.stderr.contains(&format!("cannot fetch {url}")), "{}", run.stderr);
    assert_eq!(run.stderr.trim().lines().count(), 1, "{}", run.stderr);
}

#[test]
fn a_saved_page_folder_imports_the_page_and_not_its_assets() {
    let sb = Sandbox::new();
    let page = std::fs::read(fixture("html/news-jsonld.html")).unwrap();
    sb.write("saved/story.html", &page);
    sb.write("saved/story_files/script.js", b"document.write('tracking');");
    sb.write("saved/story_files/style.css", b"body { color: red }");
    let report = sb.json(&["import", sb.dir.path().join("saved").to_str().unwrap(), "--json"]);
    assert_eq!(report["imported"], 1, "{report}");
    assert_eq!(report["failed"], 0, "{report}");
}
