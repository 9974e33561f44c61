//! Search over articles and quotes, and the index following the archive.

use crate::{fixture, Sandbox};

#[test]
fn a_quoted_phrase_finds_the_quote_and_its_speaker() {
    let sb = Sandbox::new();
    let id = sb.import_seed();
    let results = sb.json(&["search", "\"quite a burden\"", "--json"]);
    let hits = results["hits"].as_array().unwrap();
    assert!(results["total"].as_u64().unwrap() >= 1);
    let quote = hits
        .iter()
        .find(|h| h["kind"] == "quote")
        .unwrap_or_else(|| panic!("no quote hit: {results}"));
    assert_eq!(quote["speaker"], "Cho Han-bum");
    assert_eq!(quote["article_id"], id.as_str());
    assert!(quote["text"].as_str().unwrap().contains("quite a burden"));
    assert!(quote["quote_id"].is_string());
    assert!(
        !quote["highlights"].as_array().unwrap().is_empty(),
        "the match is marked in the snippet"
    );
}

#[test]
fn words_that_are_not_there_find_nothing() {
    let sb = Sandbox::new();
    sb.import_seed();
    let results = sb.json(&["search", "zeppelin", "--json"]);
    assert_eq!(results["total"], 0);
    assert!(results["hits"].as_array().unwrap().is_empty());
}

#[test]
fn an_index_left_behind_by_a_crash_catches_up_at_open() {
    let sb = Sandbox::new();
    sb.import_seed();
    // Keep the index as it was after the first import…
    let index = sb.data_dir().join("index");
    let saved = sb.dir.path().join("index-before");
    copy_dir(&index, &saved);
    sb.json(&["import", fixture("reuters-style-clip.txt").to_str().unwrap(), "--json"]);
    // …and put it back, as if the process died between the archive and the index commit.
    std::fs::remove_dir_all(&index).unwrap();
    copy_dir(&saved, &index);
    let results = sb.json(&["search", "Tumen", "--json"]);
    assert!(
        results["total"].as_u64().unwrap() >= 1,
        "the second article was re-indexed: {results}"
    );
}

#[test]
fn a_deleted_index_is_rebuilt_from_the_archive() {
    let sb = Sandbox::new();
    sb.import_seed();
    std::fs::remove_dir_all(sb.data_dir().join("index")).unwrap();
    let results = sb.json(&["search", "LyngSat", "--json"]);
    assert!(results["total"].as_u64().unwrap() >= 1);
}

#[test]
fn reindex_rebuilds_from_the_archive_and_says_how_far_it_got() {
    let sb = Sandbox::new();
    sb.import_seed();
    sb.json(&["import", fixture("reuters-style-clip.txt").to_str().unwrap(), "--json"]);
    let run = sb.run(&["reindex"]);
    assert!(run.ok, "{}", run.stderr);
    assert_eq!(run.stdout.trim(), "indexed 2 articles");
    assert!(run.stderr.contains("indexing 2 of 2"), "{}", run.stderr);
    let results = sb.json(&["search", "Tumen", "--json"]);
    assert!(results["total"].as_u64().unwrap() >= 1);
}

#[test]
fn a_malformed_query_is_an_error_not_an_empty_answer() {
    let sb = Sandbox::new();
    sb.import_seed();
    let run = sb.run(&["search", "title:(", "--json"]);
    assert!(!run.ok);
    assert_eq!(run.stderr.trim().lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains("query"), "{}", run.stderr);
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The process is killed in the middle of a batch import, after archive commits and before
/// the index commit that would follow them: the next open finds every stored article.
#[test]
fn a_killed_import_loses_nothing_the_archive_stored() {
    let sb = Sandbox::new();
    let inbox = sb.dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    for n in 0..3000 {
        let clip = format!(
            "Freight report number {n}\n\nTrains crossed the Khasan bridge {n} times in week {n}.\n\n\
             Port officials in Rason counted {} containers.\n",
            n * 7
        );
        std::fs::write(inbox.join(format!("clip-{n:04}.txt")), clip).unwrap();
    }
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_sourcebook"))
        .arg("--data-dir")
        .arg(sb.data_dir())
        .arg("import")
        .arg(&inbox)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let archive = sb.data_dir().join("archive.sqlite3");
    let stored = || -> i64 {
        rusqlite::Connection::open(&archive)
            .and_then(|c| c.query_row("SELECT COUNT(*) FROM articles", [], |r| r.get(0)))
            .unwrap_or(0)
    };
    // The index commits every 500 articles: kill well before the first such commit.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while stored() < 100 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(child.try_wait().unwrap().is_none(), "the import ended before it could be killed");
    child.kill().unwrap();
    child.wait().unwrap();

    let listed = sb.json(&["list", "--json"]).as_array().unwrap().len();
    assert!(listed >= 100, "{listed}");
    let found = sb.json(&["search", "Khasan", "--limit", "5000", "--json"]);
    assert_eq!(found["total"].as_u64().unwrap() as usize, listed, "every stored article is found");
}

/// The four languages' fixtures in one archive, searched as a researcher would.
#[test]
fn the_query_language_over_articles_in_four_languages() {
    let sb = Sandbox::new();
    let files: Vec<String> = [
        "quotes/reuters-rason-cargo.txt",
        "quotes/tass-ru-lavrov.txt",
        "quotes/yonhap-ko-rason.txt",
        "quotes/xinhua-zh-briefing.txt",
    ]
    .iter()
    .map(|f| fixture(f).to_str().unwrap().to_string())
    .collect();
    let mut args = vec!["import", "--json"];
    args.extend(files.iter().map(String::as_str));
    assert_eq!(sb.json(&args)["imported"], 4);
    let search = |query: &str| sb.json(&["search", query, "--limit", "50", "--json"]);
    let titles = |results: &serde_json::Value| -> Vec<String> {
        let mut t: Vec<String> = results["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["title"].as_str().unwrap().to_string())
            .collect();
        t.dedup();
        t
    };

    // Russian stems: «сотрудничества» finds «сотрудничество»; lang: narrows to Russian.
    let ru = search("lang:ru сотрудничества");
    assert!(ru["total"].as_u64().unwrap() >= 1, "{ru}");
    assert!(titles(&ru).iter().all(|t| t.starts_with("Лавров")), "{ru}");
    // Korean and Chinese words find their articles.
    assert!(titles(&search("나선항")).iter().any(|t| t.starts_with("북한")));
    assert!(titles(&search("外交部")).iter().any(|t| t.starts_with("外交部")));
    // A speaker's quotes, in their own script, with facets counting them.
    let mao = search("speaker:毛宁 kind:quote");
    assert!(mao["total"].as_u64().unwrap() >= 3, "{mao}");
    assert!(mao["hits"].as_array().unwrap().iter().all(|h| h["speaker"] == "毛宁"));
    let speakers = mao["facets"]["speaker"].as_array().unwrap();
    assert_eq!(speakers[0]["value"], "毛宁");
    assert_eq!(speakers[0]["count"], mao["total"]);
    // Dates and publications from the clips' headers.
    let dated = search("date:2025-05-15..2025-05-20 kind:article");
    assert_eq!(titles(&dated).len(), 2, "Yonhap of the 15th and Xinhua of the 20th: {dated}");
    let years = search("kind:article")["facets"]["year"].clone();
    assert!(years.as_array().unwrap().iter().any(|y| y["value"] == "2025"), "{years}");
    // A malformed query points at its problem.
    let bad = sb.run(&["search", "speaker:毛宁 date:2025-13"]);
    assert!(!bad.ok);
    assert!(bad.stderr.contains("column"), "{}", bad.stderr);
}

/// "treaty's" is indexed as treaty, s and the joined "treatys": a snippet starting inside the
/// word once made the highlight offsets underflow and search panic.
#[test]
fn a_snippet_starting_inside_an_apostrophe_word_is_fine() {
    let sb = Sandbox::new();
    let file = fixture("search-apostrophe-snippet.txt");
    assert_eq!(sb.json(&["import", file.to_str().unwrap(), "--json"])["imported"], 1);
    let run = sb.run(&["search", "treaty", "--json"]);
    assert!(run.ok, "{}", run.stderr);
    let results = run.json();
    assert!(results["total"].as_u64().unwrap() >= 1);
    for hit in results["hits"].as_array().unwrap() {
        let snippet: Vec<char> = hit["snippet"].as_str().unwrap().chars().collect();
        for span in hit["highlights"].as_array().unwrap() {
            let (start, end) = (span["start"].as_u64().unwrap(), span["end"].as_u64().unwrap());
            assert!(start < end && end as usize <= snippet.len(), "{hit}");
        }
    }
}
