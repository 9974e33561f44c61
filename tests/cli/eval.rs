//! `eval quotes`: the extractor scored against gold files, per file and overall.

use crate::{fixture, Sandbox};

#[test]
fn eval_scores_each_gold_file_and_sums_them() {
    let sb = Sandbox::new();
    // A tiny article whose gold holds one quote the extractor finds and one it cannot (no
    // cue, no marks): recall is exactly one half, precision one.
    sb.write(
        "tiny.txt",
        "Border trade\n\n“Trucks are back,” Kim Min-ji said.\n\nThe ferry resumed.\n".as_bytes(),
    );
    sb.write(
        "tiny.gold.json",
        br#"{"quotes": [
            {"text": "Trucks are back,", "kind": "direct", "speaker": "Kim Min-ji",
             "descriptor": null, "cue": "said", "paragraph": 0},
            {"text": "The ferry resumed.", "kind": "indirect", "speaker": "KCNA",
             "descriptor": null, "cue": null, "paragraph": 1}]}"#,
    );
    let tiny = sb.dir.path().join("tiny.gold.json");
    let none = fixture("quotes/explainer-no-quotes.gold.json");
    let report =
        sb.json(&["eval", "quotes", tiny.to_str().unwrap(), none.to_str().unwrap(), "--json"]);
    let files = report["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert!(files[0]["article"].as_str().unwrap().ends_with("tiny.txt"));
    let attribution = &files[0]["score"]["attribution"]["exact"];
    assert_eq!(attribution["gold"], 2);
    assert_eq!(attribution["matched"], 1);
    assert_eq!(attribution["recall"], 0.5);
    assert_eq!(attribution["precision"], 1.0);
    // The no-quote article: nothing to find, nothing found, a perfect score.
    assert_eq!(files[1]["score"]["spans"]["exact"]["found"], 0);
    assert_eq!(files[1]["score"]["spans"]["exact"]["f1"], 1.0);
    assert_eq!(report["total"]["attribution"]["exact"]["gold"], 2);

    let text = sb.run(&["eval", "quotes", tiny.to_str().unwrap(), "--verbose"]);
    assert!(text.ok, "{}", text.stderr);
    assert!(text.stdout.contains("missed"), "{}", text.stdout);
    assert!(text.stdout.contains("overall"));
}

#[test]
fn a_gold_file_without_its_article_is_one_clear_error() {
    let sb = Sandbox::new();
    let gold = sb.write("lonely.gold.json", br#"{"quotes": []}"#);
    let run = sb.run(&["eval", "quotes", gold.to_str().unwrap()]);
    assert!(!run.ok);
    assert!(run.stderr.contains("no article lonely.* beside it"), "{}", run.stderr);
    assert_eq!(run.stderr.trim().lines().count(), 1);
}
