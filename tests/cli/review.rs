//! People correct the machine: confirm, edit, delete and add quotes; decisions survive
//! re-extraction and re-import; the person registry links speakers across articles.

use serde_json::Value;

use crate::{seed, Sandbox};

fn quotes_of(sb: &Sandbox, id: &str) -> Vec<Value> {
    sb.json(&["show", id, "--json"])["quotes"].as_array().unwrap().clone()
}

fn quote_starting<'a>(quotes: &'a [Value], words: &str) -> &'a Value {
    quotes
        .iter()
        .find(|q| q["text"].as_str().unwrap().starts_with(words))
        .unwrap_or_else(|| panic!("no quote starting {words:?}"))
}

#[test]
fn corrections_are_stored_as_such_and_survive_reextraction() {
    let sb = Sandbox::new();
    let id = sb.import_seed();
    let quotes = quotes_of(&sb, &id);
    let before = quotes.len();
    assert!(quotes.iter().all(|q| q["review"] == "unreviewed"));

    let kang = quote_starting(&quotes, "Pyongyang is also sending")["id"].as_str().unwrap();
    let confirmed = sb.json(&["quote", "confirm", kang, "--json"]);
    assert_eq!(confirmed["review"], "confirmed");

    // Edit the speaker's role of one quote and narrow another's span to its first sentence.
    let cho = quote_starting(&quotes, "Because, until now").clone();
    let cho_id = cho["id"].as_str().unwrap();
    let edited = sb.json(&[
        "quote",
        "edit",
        cho_id,
        "--text",
        "Because, until now, North Korea’s only ally was China",
        "--descriptor",
        "senior research fellow, KINU",
        "--json",
    ]);
    assert_eq!(edited["review"], "edited");
    assert_eq!(edited["text"], "Because, until now, North Korea’s only ally was China");
    assert_eq!(edited["descriptor"], "senior research fellow, KINU");
    assert_eq!(edited["speaker"], "Cho Han-bum");

    let beijing = quote_starting(&quotes, "it is not supplying arms")["id"].as_str().unwrap();
    let deleted = sb.json(&["quote", "delete", beijing, "--json"]);
    assert_eq!(deleted["speaker"], "Beijing");

    // A quote the extractor does not find, added from the article's own words.
    let added = sb.json(&[
        "quote",
        "add",
        &id[..13],
        "--text",
        "accusations",
        "--speaker",
        "Western governments",
        "--kind",
        "partial",
        "--json",
    ]);
    assert_eq!(added["review"], "added");
    assert_eq!(added["person_id"], Value::Null, "a collective source is no person");

    let run = sb.run(&["reextract"]);
    assert!(run.ok, "{}", run.stderr);
    let after = quotes_of(&sb, &id);
    assert_eq!(after.len(), before, "one deleted, one added, nothing else changed");
    assert!(after.iter().all(|q| q["speaker"] != "Beijing"), "the deleted quote stays deleted");
    let cho_after = after.iter().find(|q| q["id"] == cho["id"]).expect("edited quote kept");
    assert_eq!(cho_after["descriptor"], "senior research fellow, KINU");
    assert!(
        after.iter().all(|q| q["id"] == cho["id"]
            || !q["text"].as_str().unwrap().starts_with("Because, until now")),
        "the extractor's version does not come back beside the correction"
    );
    assert!(after.iter().any(|q| q["id"] == added["id"]));

    // Re-importing the same article changes nothing either.
    let report = sb.json(&["import", seed().to_str().unwrap(), "--json"]);
    assert_eq!(report["duplicates"], 1);
    assert_eq!(quotes_of(&sb, &id), after);
}

#[test]
fn a_quote_text_always_equals_its_slice_of_the_article() {
    let sb = Sandbox::new();
    let id = sb.import_seed();
    let article = sb.json(&["show", &id, "--json"]);
    let text: Vec<char> = article["text"].as_str().unwrap().chars().collect();
    for q in article["quotes"].as_array().unwrap() {
        let (start, end) =
            (q["start"].as_u64().unwrap() as usize, q["end"].as_u64().unwrap() as usize);
        let slice: String = text[start..end].iter().collect();
        let words = q["text"].as_str().unwrap();
        // A quote over several paragraphs joins its pieces with one space.
        let pieces: Vec<&str> =
            slice.split("\n\n").map(|p| p.trim_start_matches(['“', '"', '‘'])).collect();
        assert_eq!(words, pieces.join(" "), "quote {q}");
    }
}

#[test]
fn bad_corrections_get_one_clear_error_and_change_nothing() {
    let sb = Sandbox::new();
    let id = sb.import_seed();
    let before = quotes_of(&sb, &id);
    let some = before[0]["id"].as_str().unwrap();
    for (args, message) in [
        (vec!["quote", "edit", some, "--start", "5", "--end", "2"], "is not a stretch"),
        (
            vec!["quote", "add", &id[..13], "--text", "words not in the article", "--speaker", "X"],
            "does not contain",
        ),
        (vec!["quote", "add", &id[..13], "--text", "China", "--speaker", "X"], "--occurrence"),
        (vec!["quote", "add", &id[..13], "--text", "accusations"], "--speaker"),
        (vec!["quote", "confirm", "zzzz"], "no quote id starts with"),
        (vec!["quote", "edit", some, "--kind", "hearsay"], "not a quote kind"),
    ] {
        let run = sb.run(&args);
        assert!(!run.ok, "{args:?} should fail");
        assert!(run.stderr.contains(message), "{args:?}: {}", run.stderr);
        assert_eq!(run.stderr.trim().lines().count(), 1, "{}", run.stderr);
    }
    assert_eq!(quotes_of(&sb, &id), before);
}

/// Two short articles quoting the same analyst, once with a hyphen and once without.
fn two_articles(sb: &Sandbox) -> (String, String) {
    let first = sb.write(
        "a.txt",
        "Seoul watches Moscow\n\n\
         Cho Han-bum, a senior research fellow at the Korea Institute for National Unification, \
         said the treaty was “quite a burden” for China.\n\n\
         “China has the industrial potential that North Korea needs,” Cho said.\n"
            .as_bytes(),
    );
    let second = sb.write(
        "b.txt",
        "Trade at the border slows\n\n\
         “The bridge will not change much,” said Cho Han Bum, a researcher at the institute.\n\n\
         Analysts said trade would recover by spring.\n"
            .as_bytes(),
    );
    let report = sb.json(&["import", first.to_str().unwrap(), second.to_str().unwrap(), "--json"]);
    assert_eq!(report["imported"], 2, "{report}");
    let id = |n: usize| report["outcomes"][n]["article_id"].as_str().unwrap().to_string();
    (id(0), id(1))
}

#[test]
fn one_person_across_articles_with_roles_over_time() {
    let sb = Sandbox::new();
    two_articles(&sb);
    let persons = sb.json(&["person", "list", "--json"]);
    let persons = persons.as_array().unwrap();
    let cho: Vec<&Value> = persons.iter().filter(|p| p["name"] == "Cho Han-bum").collect();
    assert_eq!(cho.len(), 1, "{persons:?}");
    assert_eq!(cho[0]["article_count"], 2);
    assert_eq!(cho[0]["aliases"], serde_json::json!(["Cho Han Bum"]));
    assert!(persons.iter().all(|p| p["name"] != "Analysts"), "a collective source is no person");

    let person = sb.json(&["person", "show", "cho han-bum", "--json"]);
    let roles: Vec<&str> = person["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["descriptor"].as_str().unwrap())
        .collect();
    assert!(
        roles.contains(&"a senior research fellow at the Korea Institute for National Unification")
    );
    assert!(roles.contains(&"a researcher at the institute"));

    let aliased = sb.json(&["person", "alias", "Cho Han-bum", "조한범", "--json"]);
    assert!(aliased["aliases"].as_array().unwrap().contains(&Value::from("조한범")));
    assert_eq!(sb.json(&["person", "show", "조한범", "--json"])["id"], person["id"]);
}

#[test]
fn merging_two_persons_keeps_every_quote_and_name() {
    let sb = Sandbox::new();
    two_articles(&sb);
    // A spelling the registry cannot match by itself: the user says they are one.
    let third = sb.write(
        "c.txt",
        "Rail links reopen\n\n“It is symbolic,” said Jo Hanbeom, an analyst in Seoul.\n".as_bytes(),
    );
    assert!(sb.run(&["import", third.to_str().unwrap()]).ok);
    let merged = sb.json(&["person", "merge", "Cho Han-bum", "Jo Hanbeom", "--json"]);
    assert_eq!(merged["quotes"].as_array().unwrap().len(), 5, "three + one + one");
    assert!(merged["aliases"].as_array().unwrap().contains(&Value::from("Jo Hanbeom")));
    let run = sb.run(&["person", "show", "Jo Hanbeom", "--json"]);
    assert_eq!(run.json()["id"], merged["id"], "the old name finds the merged person");
    let run = sb.run(&["person", "merge", "Cho Han-bum", "Cho Han Bum"]);
    assert!(run.stderr.contains("itself"), "{}", run.stderr);
}

#[test]
fn tags_and_collections_group_articles_and_quotes() {
    let sb = Sandbox::new();
    let (a, b) = two_articles(&sb);
    let tags = sb.json(&["tag", &a, "--add", "treaty", "--add", " border  trade ", "--json"]);
    assert_eq!(tags, serde_json::json!(["border trade", "treaty"]));
    sb.json(&["tag", &b, "--add", "treaty", "--json"]);
    let all = sb.json(&["tags", "--json"]);
    assert_eq!(
        all,
        serde_json::json!([{"tag": "border trade", "count": 1}, {"tag": "treaty", "count": 2}])
    );
    assert_eq!(
        sb.json(&["tag", &a, "--remove", "treaty", "--json"]),
        serde_json::json!(["border trade"])
    );

    let quote = quotes_of(&sb, &b)[0]["id"].as_str().unwrap().to_string();
    let paper = sb.json(&["collection", "add", "Paper on Rason", &a, "--quote", &quote, "--json"]);
    assert_eq!(paper["items"].as_array().unwrap().len(), 2);
    assert_eq!(paper["items"][1]["quote_id"], Value::from(quote.clone()));
    assert_eq!(paper["items"][1]["article_id"], Value::from(b.clone()));
    let paper = sb.json(&["collection", "remove", "Paper on Rason", &a, "--json"]);
    assert_eq!(paper["items"].as_array().unwrap().len(), 1);
    assert!(sb.run(&["collection", "rename", "Paper on Rason", "Rason paper"]).ok);
    assert_eq!(sb.json(&["collection", "list", "--json"])[0]["name"], "Rason paper");
    assert!(sb.run(&["collection", "delete", "Rason paper"]).ok);
    assert_eq!(sb.json(&["collection", "list", "--json"]), serde_json::json!([]));
    assert_eq!(sb.json(&["list", "--json"]).as_array().unwrap().len(), 2, "articles stay");
}

#[test]
fn a_merge_is_undone_from_the_command_line() {
    let sb = Sandbox::new();
    two_articles(&sb);
    let third = sb.write(
        "c.txt",
        "Rail links reopen\n\n“It is symbolic,” said Jo Hanbeom, an analyst in Seoul.\n".as_bytes(),
    );
    assert!(sb.run(&["import", third.to_str().unwrap()]).ok);
    let before = sb.json(&["person", "list", "--json"]);
    let run = sb.run(&["person", "merge", "Cho Han-bum", "Jo Hanbeom"]);
    assert!(run.ok, "{}", run.stderr);
    let undo = run.stdout.lines().find_map(|l| l.strip_prefix("undo: sourcebook ")).unwrap();
    let args: Vec<&str> = undo.split(' ').collect();
    let run = sb.run(&args);
    assert!(run.stdout.contains("Jo Hanbeom is a separate person again"), "{}", run.stderr);
    assert_eq!(sb.json(&["person", "list", "--json"]), before);
    let again = sb.run(&args);
    assert!(!again.ok && again.stderr.contains("merge to undo"), "{}", again.stderr);
}
