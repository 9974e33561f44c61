//! Unit tests of quote extraction on short hand-written articles.

use super::extract;
use crate::model::{Quote, QuoteKind, Span};

/// Joins paragraphs as the importer does and extracts; checks every single-paragraph quote's
/// text against its offsets, since citations are verified that way.
fn quotes(paragraphs: &[&str]) -> Vec<Quote> {
    let text = paragraphs.join("\n\n");
    let mut spans = Vec::new();
    let mut at = 0;
    for p in paragraphs {
        let n = p.chars().count();
        spans.push(Span { start: at, end: at + n });
        at += n + 2;
    }
    let found = extract(&text, &spans);
    let chars: Vec<char> = text.chars().collect();
    for q in &found {
        let covered: String = chars[q.start..q.end].iter().collect();
        if q.text.chars().count() == q.end - q.start {
            assert_eq!(covered, q.text);
        }
    }
    found
}

fn summary(found: &[Quote]) -> Vec<(QuoteKind, &str, Option<&str>, &str)> {
    found.iter().map(|q| (q.kind, q.speaker.as_str(), q.cue.as_deref(), q.text.as_str())).collect()
}

const INTRO: &str = "Lee Min-ho, a fellow at the Asan Institute, said the talks had stalled.";

#[test]
fn interrupted_quote_is_two_quotes_with_one_speaker() {
    let found = quotes(&[INTRO, "“We waited,” Lee said. “Nothing came.”"]);
    let direct: Vec<_> = summary(&found).into_iter().filter(|q| q.0 == QuoteKind::Direct).collect();
    assert_eq!(
        direct,
        vec![
            (QuoteKind::Direct, "Lee Min-ho", Some("said"), "We waited,"),
            (QuoteKind::Direct, "Lee Min-ho", Some("said"), "Nothing came."),
        ]
    );
    assert!(found
        .iter()
        .all(|q| q.descriptor.as_deref() == Some("a fellow at the Asan Institute")));
}

#[test]
fn quote_only_paragraph_continues_the_last_speaker_without_cue() {
    let found = quotes(&[
        "“The talks stalled,” said Lee Min-ho, who is a fellow at Asan.",
        "“Nobody called.”",
    ]);
    assert_eq!(
        summary(&found),
        vec![
            (QuoteKind::Direct, "Lee Min-ho", Some("said"), "The talks stalled,"),
            (QuoteKind::Direct, "Lee Min-ho", None, "Nobody called."),
        ]
    );
    assert_eq!(found[1].paragraph, 1);
    assert_eq!(found[0].descriptor.as_deref(), Some("a fellow at Asan"));
}

#[test]
fn quote_only_paragraph_after_narration_is_not_guessed() {
    let found = quotes(&[INTRO, "The weather was fine.", "“Nobody called.”"]);
    assert!(found.iter().all(|q| q.paragraph == 0));
}

#[test]
fn multi_paragraph_quote_is_one_quote_over_the_stretch() {
    let paragraphs =
        ["“It is over,” Lee said. “First, the talks.", "“Second, the aid.", "“Third, the envoy.”"];
    let found = quotes(&paragraphs);
    let last = found.last().unwrap();
    assert_eq!(last.text, "First, the talks. Second, the aid. Third, the envoy.");
    assert_eq!(
        (last.paragraph, last.cue.as_deref(), last.speaker.as_str()),
        (0, Some("said"), "Lee")
    );
    let text = paragraphs.join("\n\n");
    let chars: Vec<char> = text.chars().collect();
    let covered: String = chars[last.start..last.end].iter().collect();
    assert!(covered.starts_with("First") && covered.ends_with("envoy."));
    assert_eq!(found.len(), 2);
}

#[test]
fn surname_and_pronoun_resolve_to_the_full_name_and_first_role() {
    let found = quotes(&[
        INTRO,
        "Ramon Pacheco Pardo, a professor at King’s College London, said the ties were thin.",
        "“It will pass,” Lee said.",
        "“It will not,” Pacheco Pardo said.",
        "“Never,” he said.",
    ]);
    let speakers: Vec<_> =
        found.iter().filter(|q| q.kind == QuoteKind::Direct).map(|q| q.speaker.as_str()).collect();
    assert_eq!(speakers, ["Lee Min-ho", "Ramon Pacheco Pardo", "Ramon Pacheco Pardo"]);
    let last = found.last().unwrap();
    assert_eq!(last.descriptor.as_deref(), Some("a professor at King’s College London"));
}

#[test]
fn attribution_before_the_quote() {
    let found = quotes(&[
        "Kim Yo-jong said on Tuesday: “The drills must stop.”",
        "The ministry said, “We will respond.”",
    ]);
    assert_eq!(
        summary(&found),
        vec![
            (QuoteKind::Direct, "Kim Yo-jong", Some("said"), "The drills must stop."),
            (QuoteKind::Direct, "ministry", Some("said"), "We will respond."),
        ]
    );
}

#[test]
fn document_name_and_scare_quotes_are_not_quotes() {
    let found = quotes(&[
        "Putin and Kim signed a “treaty on the comprehensive strategic partnership” in June.",
        "“Strongest ever” ties worry Seoul.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn reported_speech_keeps_partial_quotes_and_drops_the_narrators_predicate() {
    let found = quotes(&[
        "On the treaty, foreign ministry spokesman Lin Jian said the summit was “a bilateral exchange”, but did not elaborate.",
    ]);
    assert_eq!(
        summary(&found),
        vec![
            (
                QuoteKind::Indirect,
                "Lin Jian",
                Some("said"),
                "the summit was “a bilateral exchange”"
            ),
            (QuoteKind::Partial, "Lin Jian", Some("said"), "a bilateral exchange"),
        ]
    );
    assert_eq!(found[0].descriptor.as_deref(), Some("foreign ministry spokesman"));
}

#[test]
fn according_to_and_unnamed_sources() {
    let found = quotes(&[
        "According to monitoring website LyngSat, the broadcasts moved to a Russian satellite.",
        "A ministry of unification official announced on Monday that the switch was complete.",
    ]);
    assert_eq!(
        summary(&found),
        vec![
            (
                QuoteKind::Indirect,
                "LyngSat",
                Some("according to"),
                "the broadcasts moved to a Russian satellite"
            ),
            (
                QuoteKind::Indirect,
                "ministry of unification official",
                Some("announced"),
                "the switch was complete"
            ),
        ]
    );
    assert_eq!(found[0].descriptor.as_deref(), Some("monitoring website"));
}

#[test]
fn setting_phrases_after_the_cue_are_not_reported_words() {
    let found = quotes(&[
        "The defence ministry said in a statement it would respond sternly.",
        "Analysts say the move is symbolic.",
    ]);
    assert_eq!(
        summary(&found),
        vec![
            (QuoteKind::Indirect, "defence ministry", Some("said"), "it would respond sternly"),
            (QuoteKind::Indirect, "Analysts", Some("say"), "the move is symbolic"),
        ]
    );
}

#[test]
fn other_quotation_mark_styles_pair_generically() {
    let found = quotes(&[
        "« Nous attendons », Lee said.",
        "\"We wait,\" Lee said.",
        "「我们在等待。」 Lee said.",
        "‘We still wait,’ Lee said.",
    ]);
    let texts: Vec<_> = found.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts, ["Nous attendons", "We wait,", "我们在等待。", "We still wait,"]);
    assert!(found.iter().all(|q| q.speaker == "Lee"));
}

#[test]
fn apostrophes_do_not_open_or_close_quotes() {
    let found = quotes(&["“Korea’s allies’ patience isn’t endless,” Lee said in the ’90s."]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].text, "Korea’s allies’ patience isn’t endless,");
}

#[test]
fn unbalanced_marks_and_junk_never_panic() {
    let nasty = [
        "",
        "“",
        "”",
        "“Open and never closed, Lee said",
        "said” “said “ ” ‘ ’ \" ' « » 「 」 , said",
        "According to, said: “",
        "He said",
        ", said Maxwell, who is",
        "“a,” said",
        "\u{0}\u{7f}\u{fffd}«««««««««««««««««««««««««««««",
    ];
    for p in nasty {
        quotes(&[p]);
        quotes(&[p, p, p]);
    }
    assert!(extract("", &[]).is_empty());
    let out_of_range = [Span { start: 5, end: 500 }, Span { start: 9, end: 2 }];
    extract("short text “here,” he said.", &out_of_range);
}

#[test]
fn pseudo_random_text_never_panics() {
    let alphabet: Vec<char> =
        "ab C. ,“”‘’\"'«»「」:said he Lee according to that\n".chars().collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..200 {
        let text: String = (0..120)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                alphabet[(seed % alphabet.len() as u64) as usize]
            })
            .collect();
        let n = text.chars().count();
        extract(&text, &[Span { start: 0, end: n / 2 }, Span { start: n / 2, end: n }]);
    }
}

#[test]
fn huge_paragraph_is_handled_in_one_pass() {
    let sentence = "Lee said the talks “had stalled”, said Lee, and said ";
    let text = sentence.repeat(20_000);
    let n = text.chars().count();
    let found = extract(&text, &[Span { start: 0, end: n }]);
    assert!(found.len() < 40_000);
}
