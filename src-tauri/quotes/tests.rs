//! Tests of quote extraction: short hand-written articles, one per phenomenon; the offset
//! invariant; the evaluation's matching rules; and regression thresholds over the gold-annotated
//! fixtures in `tests/fixtures/quotes`.

use super::eval::{self, GoldQuote};
use super::{extract, verify};
use crate::model::{Quote, QuoteKind, Span};

/// Joins paragraphs as the importer does and extracts; every quote must pass `verify`, since
/// citations are checked that way.
fn quotes(paragraphs: &[&str]) -> Vec<Quote> {
    let (text, spans) = join(paragraphs);
    let found = extract(&text, &spans);
    for q in &found {
        assert!(verify(&text, &spans, q), "offsets do not hold the text: {q:?}");
    }
    found
}

fn join(paragraphs: &[&str]) -> (String, Vec<Span>) {
    let text = paragraphs.join("\n\n");
    let mut spans = Vec::new();
    let mut at = 0;
    for p in paragraphs {
        let n = p.chars().count();
        spans.push(Span { start: at, end: at + n });
        at += n + 2;
    }
    (text, spans)
}

fn summary(found: &[Quote]) -> Vec<(QuoteKind, &str, Option<&str>, &str)> {
    found.iter().map(|q| (q.kind, q.speaker.as_str(), q.cue.as_deref(), q.text.as_str())).collect()
}

/// (speaker, text) of every quote.
fn said(found: &[Quote]) -> Vec<(&str, &str)> {
    found.iter().map(|q| (q.speaker.as_str(), q.text.as_str())).collect()
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
    assert_eq!(found.len(), 2);
}

#[test]
fn a_quote_over_paragraphs_is_attributed_where_it_closes() {
    let found = quotes(&[
        "“Prices rose in the spring,” Pak Song-il said.",
        "“The ones who came back brought rubles. The guards look the other way.",
        "“People here are practical,” said Ri Myong-ok, a trader in Rason.",
    ]);
    assert_eq!(
        summary(&found)[1],
        (
            QuoteKind::Direct,
            "Ri Myong-ok",
            Some("said"),
            "The ones who came back brought rubles. The guards look the other way. People here \
             are practical,"
        )
    );
    assert_eq!(found[1].paragraph, 1);
}

#[test]
fn the_source_is_the_one_the_narration_introduced_last() {
    let found = quotes(&[
        "“Prices rose in the spring,” a source in Hyesan told Daily NK.",
        "A source in Rason, the zone that borders both China and Russia, described how the money arrives.",
        "“Rubles are everywhere now,” the source said.",
    ]);
    assert_eq!(
        said(&found),
        [
            ("source in Hyesan", "Prices rose in the spring,"),
            ("source in Rason", "Rubles are everywhere now,"),
        ]
    );
}

#[test]
fn unmarked_paragraphs_after_a_lead_in_are_one_quote() {
    let found = quotes(&[
        "In a speech in Vladivostok, Russian Foreign Minister Sergei Lavrov said:",
        "We have signed a treaty with our neighbour and we are implementing it openly.",
        "Some of our Western colleagues see a conspiracy in every freight car.",
        "The remarks drew applause from the audience.",
    ]);
    assert_eq!(
        summary(&found),
        vec![(
            QuoteKind::Direct,
            "Sergei Lavrov",
            Some("said"),
            "We have signed a treaty with our neighbour and we are implementing it openly. \
             Some of our Western colleagues see a conspiracy in every freight car."
        )]
    );
    assert_eq!(found[0].paragraph, 1);
    assert_eq!(found[0].descriptor.as_deref(), Some("Russian Foreign Minister"));
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
fn pronouns_follow_gender_and_the_person_a_sentence_is_about() {
    let found = quotes(&[
        "Foreign Ministry spokeswoman Maria Zakharova said the visit was routine.",
        "Kremlin spokesman Dmitry Peskov said the talks were useful.",
        "“We are not worried,” she said.",
        "Back in Seoul, Lee Min-ho was cautious. “It may pass,” he said.",
    ]);
    let direct: Vec<_> = found.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
    assert_eq!(direct[0].speaker, "Maria Zakharova");
    assert_eq!(direct[0].descriptor.as_deref(), Some("Foreign Ministry spokeswoman"));
    assert_eq!(direct[1].speaker, "Dmitry Peskov");
}

#[test]
fn attribution_before_the_quote() {
    let found = quotes(&[
        "Kim Yo-jong said on Tuesday: “The drills must stop.”",
        "The ministry said, “We will respond.”",
        "Unification Minister Kim Yung-ho told reporters: “We are watching.”",
        "He added, “Dialogue remains open.”",
    ]);
    assert_eq!(
        said(&found),
        vec![
            ("Kim Yo-jong", "The drills must stop."),
            ("ministry", "We will respond."),
            ("Kim Yung-ho", "We are watching."),
            ("Kim Yung-ho", "Dialogue remains open."),
        ]
    );
    assert_eq!(found[2].descriptor.as_deref(), Some("Unification Minister"));
}

#[test]
fn inverted_attribution_keeps_the_role_that_follows() {
    let found = quotes(&[
        "“It is symbolic,” said Lee Ji-won, a senior fellow at the Asan Institute. “But it matters.”",
    ]);
    assert_eq!(
        said(&found),
        [("Lee Ji-won", "It is symbolic,"), ("Lee Ji-won", "But it matters.")]
    );
    assert_eq!(found[0].descriptor.as_deref(), Some("a senior fellow at the Asan Institute"));
}

#[test]
fn cue_after_the_reported_clause() {
    let found = quotes(&[
        "SEOUL, June 12 (Reuters) - Russian ships doubled their calls at Rason this year, a South \
         Korean government official said on Thursday.",
        "The increase puts pressure on China, its main trading partner, analysts said.",
    ]);
    assert_eq!(
        said(&found),
        [
            (
                "South Korean government official",
                "Russian ships doubled their calls at Rason this year"
            ),
            ("analysts", "The increase puts pressure on China, its main trading partner"),
        ]
    );
}

#[test]
fn told_skips_the_audience_and_the_setting() {
    let found = quotes(&[
        "Dr Tatiana Belova, a Russia specialist in London, told the BBC the launch was a sign.",
        "Chinese foreign ministry spokesperson Mao Ning told a regular briefing on Wednesday that \
         ties were friendly.",
    ]);
    assert_eq!(
        said(&found),
        [("Tatiana Belova", "the launch was a sign"), ("Mao Ning", "ties were friendly")]
    );
}

#[test]
fn relays_give_the_original_speaker() {
    let found = quotes(&[
        "The Korean Central News Agency (KCNA) reported that a delegation had arrived in Moscow.",
        "The agency quoted Minister of External Economic Relations Yun Jong Ho as saying that \
         cooperation would expand.",
        "KCNA said Choe Son Hui had told Lavrov that the friendship was unbreakable.",
        "The two sides signed a protocol, according to the Russian ministry.",
    ]);
    assert_eq!(
        summary(&found),
        vec![
            (
                QuoteKind::Indirect,
                "Korean Central News Agency",
                Some("reported"),
                "a delegation had arrived in Moscow"
            ),
            (QuoteKind::Indirect, "Yun Jong Ho", Some("as saying"), "cooperation would expand"),
            (
                QuoteKind::Indirect,
                "Choe Son Hui",
                Some("had told"),
                "the friendship was unbreakable"
            ),
            (
                QuoteKind::Indirect,
                "Russian ministry",
                Some("according to"),
                "The two sides signed a protocol"
            ),
        ]
    );
    assert_eq!(found[1].descriptor.as_deref(), Some("Minister of External Economic Relations"));
}

#[test]
fn role_nouns_point_back_to_the_person_introduced() {
    let found = quotes(&[
        "Zhao Yunfeng, a research fellow at the Institute of Northeast Asian Studies, said China \
         still had plans for the delta.",
        "“Jilin wants the sea,” the researcher said.",
        "A South Korean foreign ministry official said Seoul had raised the issue.",
        "“We asked China to help,” the ministry official said.",
        "Kim Chol Nam, a councillor at the embassy, said trade was growing.",
        "According to the official, the talks went well.",
    ]);
    let speakers: Vec<_> = found.iter().map(|q| q.speaker.as_str()).collect();
    assert_eq!(
        speakers,
        [
            "Zhao Yunfeng",
            "Zhao Yunfeng",
            "South Korean foreign ministry official",
            "South Korean foreign ministry official",
            "Kim Chol Nam",
            "South Korean foreign ministry official",
        ]
    );
}

#[test]
fn anonymous_and_collective_sources_are_named_by_the_article() {
    let found = quotes(&[
        "A Beijing-based diplomat who spoke on condition of anonymity said the issue was minor.",
        "Researchers in Beijing, Seoul and Vladivostok say the silence is not indifference.",
        "Washington, Tokyo and Seoul said in a joint statement that the launch broke the rules.",
        "Beijing has repeatedly said that it supplies no arms.",
    ]);
    assert_eq!(
        found.iter().map(|q| (q.speaker.as_str(), q.cue.as_deref())).collect::<Vec<_>>(),
        [
            ("Beijing-based diplomat who spoke on condition of anonymity", Some("said")),
            ("Researchers in Beijing, Seoul and Vladivostok", Some("say")),
            ("Washington, Tokyo and Seoul", Some("said")),
            ("Beijing", Some("has repeatedly said")),
        ]
    );
}

#[test]
fn document_name_and_scare_quotes_are_not_quotes() {
    let found = quotes(&[
        "Putin and Kim signed a “treaty on the comprehensive strategic partnership” in June.",
        "“Strongest ever” ties worry Seoul.",
        "That said, the treaty’s “mutual assistance” clause remains vague.",
        "The report, titled “Rail, Road and Sea”, was published in 2023.",
        "North Korea is a major source of shells, according to estimates.",
        "Some say the clause is symbolic.",
        "The ministry said nothing.",
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
fn participles_and_coordinated_cues_keep_the_speaker() {
    let found = quotes(&[
        "“We asked,” the official said, adding that China had “listened carefully”.",
        "The ministry said it was ‘closely monitoring’ the opening and reminded both sides that \
         sanctions ‘remain in force’.",
    ]);
    let kinds: Vec<_> = found.iter().map(|q| (q.kind, q.cue.as_deref(), q.text.as_str())).collect();
    assert_eq!(
        kinds,
        [
            (QuoteKind::Direct, Some("said"), "We asked,"),
            (QuoteKind::Indirect, Some("adding"), "China had “listened carefully”"),
            (QuoteKind::Partial, Some("adding"), "listened carefully"),
            (QuoteKind::Indirect, Some("said"), "it was ‘closely monitoring’ the opening"),
            (QuoteKind::Partial, Some("said"), "closely monitoring"),
            (QuoteKind::Indirect, Some("reminded"), "sanctions ‘remain in force’"),
            (QuoteKind::Partial, Some("reminded"), "remain in force"),
        ]
    );
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
        "『まだ待つ』 Lee said.",
    ]);
    let texts: Vec<_> = found.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts, ["Nous attendons", "We wait,", "我们在等待。", "We still wait,", "まだ待つ"]);
    assert!(found.iter().all(|q| q.speaker == "Lee"));
}

#[test]
fn apostrophes_do_not_open_or_close_quotes() {
    let found = quotes(&["“Korea’s allies’ patience isn’t endless,” Lee said in the ’90s."]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].text, "Korea’s allies’ patience isn’t endless,");
    let british = quotes(&[
        "‘The drivers’ canteen is full every night,’ said Pak Sun-hee, a trader. ‘We’ve never seen it.’",
        "'North Korea's ships don't wait,' she said.",
    ]);
    assert_eq!(
        said(&british),
        [
            ("Pak Sun-hee", "The drivers’ canteen is full every night,"),
            ("Pak Sun-hee", "We’ve never seen it."),
            ("Pak Sun-hee", "North Korea's ships don't wait,"),
        ]
    );
}

#[test]
fn interview_answers_are_quotes_of_the_interviewee_and_questions_are_not() {
    let found = quotes(&[
        "NK News spoke to Irina Voronova, a research fellow at the Institute of Economic Research.",
        "NK News: How much has traffic grown?",
        "Irina Voronova: Roughly two and a half times.",
        "NK News: Does China see Rason as a threat?",
        "Voronova: I don’t think Beijing is worried.",
        "When I was in Hunchun, traders told me they were losing business.",
    ]);
    assert_eq!(
        summary(&found),
        vec![
            (QuoteKind::Direct, "Irina Voronova", None, "Roughly two and a half times."),
            (
                QuoteKind::Direct,
                "Irina Voronova",
                None,
                "I don’t think Beijing is worried. When I was in Hunchun, traders told me they \
                 were losing business."
            ),
        ]
    );
    let qa = quotes(&[
        "Alexander Zhebin, a veteran Koreanist, spoke to us.",
        "Q: Why does the bridge matter?",
        "A: It is the first road link.",
        "Q: Will China object?",
        "A: I doubt it.",
    ]);
    assert_eq!(
        said(&qa),
        [("Alexander Zhebin", "It is the first road link."), ("Alexander Zhebin", "I doubt it.")]
    );
    // The answers are the interviewee's, not the last speaker's; a company is no person.
    let qa = quotes(&[
        "\"Rail is slower but steadier,\" said Mei Tanaka, a director at Hoshi Freight.",
        "Jun Sato, an economist at Kobe University, said demand was weak.",
        "Far Eastern Railways said in a statement that freight volumes had doubled.",
        "The Asahi talked to Tanaka about the corridor.",
        "Q: Is the route legal?",
        "A: Only if the cargo never touches North Korea.",
        "Q: Will you use it?",
        "A: Not this year.",
    ]);
    assert_eq!(
        said(&qa)[3..],
        [
            ("Mei Tanaka", "Only if the cargo never touches North Korea."),
            ("Mei Tanaka", "Not this year.")
        ]
    );
}

#[test]
fn russian_cues_names_and_cases() {
    let found = quotes(&[
        "МОСКВА, 14 мая. /ТАСС/. Сотрудничество России и КНДР не направлено против третьих стран. \
         Об этом заявил министр иностранных дел РФ Сергей Лавров на пресс-конференции.",
        "«Мы ничего не скрываем», — сказал Лавров.",
        "По словам Лаврова, стороны обсудили строительство моста.",
        "Министр иностранных дел КНДР Чвэ Сон Хи отметила, что КНДР «всегда будет на стороне России».",
        "«Никакие санкции не помешают дружбе», — подчеркнула министр.",
        "Как заявили ТАСС в Министерстве транспорта РФ, грузооборот вырос на 35%.",
    ]);
    assert_eq!(
        found.iter().map(|q| (q.kind, q.speaker.as_str(), q.cue.as_deref())).collect::<Vec<_>>(),
        [
            (QuoteKind::Indirect, "Сергей Лавров", Some("заявил")),
            (QuoteKind::Direct, "Сергей Лавров", Some("сказал")),
            (QuoteKind::Indirect, "Сергей Лавров", Some("по словам")),
            (QuoteKind::Indirect, "Чвэ Сон Хи", Some("отметила")),
            (QuoteKind::Partial, "Чвэ Сон Хи", Some("отметила")),
            (QuoteKind::Direct, "Чвэ Сон Хи", Some("подчеркнула")),
            (QuoteKind::Indirect, "Министерство транспорта РФ", Some("как заявили")),
        ]
    );
    assert_eq!(found[0].text, "Сотрудничество России и КНДР не направлено против третьих стран");
    assert_eq!(found[0].descriptor.as_deref(), Some("министр иностранных дел РФ"));
}

#[test]
fn russian_role_nouns_after_po_slovam_are_read_in_the_nominative() {
    let found = quotes(&[
        "Министр иностранных дел РФ Сергей Лавров заявил, что переговоры прошли успешно.",
        "По словам министра, стороны договорились о новых встречах.",
    ]);
    assert_eq!(
        summary(&found)[1],
        (
            QuoteKind::Indirect,
            "Сергей Лавров",
            Some("по словам"),
            "стороны договорились о новых встречах"
        )
    );
}

#[test]
fn korean_quotative_particles_and_name_title_order() {
    let found = quotes(&[
        "통일부는 15일 정례 브리핑에서 러시아 선박이 모두 38척으로 집계됐다고 밝혔다.",
        "박성진 통일부 대변인은 “중국 의존도를 낮추려는 움직임”이라며 “면밀히 보고 있다”고 말했다.",
        "그는 이어 “결의 위반 여부도 살펴보고 있다”고 덧붙였다.",
        "마리야 자하로바 러시아 외무부 대변인은 북한과의 협력이 “국제법에 부합한다”고 주장했다.",
        "한 대북 소식통은 “선박이 자주 드나든다”고 전했다.",
        "박 대변인은 “동향을 지켜보겠다”고 강조했다.",
    ]);
    assert_eq!(
        summary(&found),
        vec![
            (QuoteKind::Indirect, "통일부", Some("밝혔다"), "러시아 선박이 모두 38척으로 집계됐다"),
            (QuoteKind::Direct, "박성진", Some("말했다"), "중국 의존도를 낮추려는 움직임"),
            (QuoteKind::Direct, "박성진", Some("말했다"), "면밀히 보고 있다"),
            (QuoteKind::Direct, "박성진", Some("덧붙였다"), "결의 위반 여부도 살펴보고 있다"),
            (
                QuoteKind::Indirect,
                "마리야 자하로바",
                Some("주장했다"),
                "북한과의 협력이 “국제법에 부합한다”"
            ),
            (QuoteKind::Partial, "마리야 자하로바", Some("주장했다"), "국제법에 부합한다"),
            (QuoteKind::Direct, "대북 소식통", Some("전했다"), "선박이 자주 드나든다"),
            (QuoteKind::Direct, "박성진", Some("강조했다"), "동향을 지켜보겠다"),
        ]
    );
    assert_eq!(found[1].descriptor.as_deref(), Some("통일부 대변인"));
}

#[test]
fn chinese_titles_names_and_both_quotation_styles() {
    let found = quotes(&[
        "新华社北京5月20日电（记者李明远）外交部发言人毛宁20日在例行记者会上表示，中朝关系不受外部因素影响。",
        "毛宁说：“中朝是友好邻邦。”",
        "她指出，朝俄交往是两国之间的事。",
        "据中国海关总署统计，中朝贸易额同比增长21.5%。",
        "「中國一直希望借道圖們江出海。」區嘉恒說。",
        "有分析人士認為，俄朝合作主要受戰事推動。",
    ]);
    assert_eq!(
        summary(&found),
        vec![
            (QuoteKind::Indirect, "毛宁", Some("表示"), "中朝关系不受外部因素影响"),
            (QuoteKind::Direct, "毛宁", Some("说"), "中朝是友好邻邦。"),
            (QuoteKind::Indirect, "毛宁", Some("指出"), "朝俄交往是两国之间的事"),
            (QuoteKind::Indirect, "中国海关总署", Some("据"), "中朝贸易额同比增长21.5%"),
            (QuoteKind::Direct, "區嘉恒", Some("說"), "中國一直希望借道圖們江出海。"),
            (QuoteKind::Indirect, "分析人士", Some("認為"), "俄朝合作主要受戰事推動"),
        ]
    );
    assert_eq!(found[0].descriptor.as_deref(), Some("外交部发言人"));
}

#[test]
fn business_people_speak_as_unnamed_groups() {
    let found = quotes(&[
        "Freight rates on the Rason route have doubled since spring, traders said, though few would give figures.",
        "Executives at two shipping firms said the sanctions risk was too high.",
    ]);
    assert_eq!(
        said(&found),
        [
            ("traders", "Freight rates on the Rason route have doubled since spring"),
            ("Executives at two shipping firms", "the sanctions risk was too high"),
        ]
    );
}

#[test]
fn russian_verbs_of_naming_frame_partial_quotes() {
    let found = quotes(&[
        "Пресс-секретарь президента РФ Дмитрий Песков назвал переговоры «конструктивными».",
        "МИД Китая охарактеризовал ситуацию как «сложную, но управляемую».",
    ]);
    assert_eq!(
        summary(&found),
        vec![
            (QuoteKind::Partial, "Дмитрий Песков", Some("назвал"), "конструктивными"),
            (QuoteKind::Partial, "МИД Китая", Some("охарактеризовал"), "сложную, но управляемую"),
        ]
    );
}

/// The quotes found in `paragraphs` are `expected`, the first with `descriptor`.
fn expect_quotes(
    paragraphs: &[&str],
    expected: &[(QuoteKind, &str, Option<&str>, &str)],
    descriptor: &str,
) {
    let found = quotes(paragraphs);
    assert_eq!(summary(&found), expected);
    assert_eq!(found[0].descriptor.as_deref(), Some(descriptor));
}

#[test]
fn korean_names_that_end_like_a_particle_before_a_workplace() {
    expect_quotes(
        &[
            "윤지은 외교부 부대변인은 “관련 동향을 주시하고 있다”고 말했다.",
            "윤 부대변인은 “추가로 설명할 내용은 없다”고 덧붙였다.",
        ],
        &[
            (QuoteKind::Direct, "윤지은", Some("말했다"), "관련 동향을 주시하고 있다"),
            (QuoteKind::Direct, "윤지은", Some("덧붙였다"), "추가로 설명할 내용은 없다"),
        ],
        "외교부 부대변인",
    );
}

#[test]
fn chinese_local_officials_and_transliterated_names() {
    expect_quotes(
        &[
            "辽宁省副省长王建国在会上表示，丹东口岸的通关效率明显提升。",
            "俄罗斯哈巴罗夫斯克边疆区副行政长官谢尔盖·伊万诺夫说，“双方的物流合作前景广阔”。",
        ],
        &[
            (QuoteKind::Indirect, "王建国", Some("表示"), "丹东口岸的通关效率明显提升"),
            (QuoteKind::Direct, "谢尔盖·伊万诺夫", Some("说"), "双方的物流合作前景广阔"),
        ],
        "辽宁省副省长",
    );
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
        "Q: A: Q:",
        "그는 “”고 말했다.",
        "据，表示：“",
        "— сказал он",
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
        "ab C. ,“”‘’\"'«»「」:said he Lee according to that\nКим сказал 고 말했다 说，表示：Q"
            .chars()
            .collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..300 {
        let text: String = (0..160)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                alphabet[(seed % alphabet.len() as u64) as usize]
            })
            .collect();
        let n = text.chars().count();
        let spans = [Span { start: 0, end: n / 2 }, Span { start: n / 2, end: n }];
        for q in extract(&text, &spans) {
            assert!(verify(&text, &spans, &q), "{q:?}");
        }
    }
}

#[test]
fn huge_paragraph_is_handled_in_one_pass() {
    let sentence = "Lee said the talks “had stalled”, said Lee, and said ";
    let text = sentence.repeat(5_000);
    let n = text.chars().count();
    let found = extract(&text, &[Span { start: 0, end: n }]);
    assert!(found.len() < 15_000);
}

#[test]
fn verify_accepts_the_extractor_and_rejects_a_tampered_quote() {
    let paragraphs = ["“It is over,” Lee said. “First, the talks.", "“Second, the aid.”"];
    let (text, spans) = join(&paragraphs);
    let found = extract(&text, &spans);
    assert_eq!(found.len(), 2);
    for q in &found {
        assert!(verify(&text, &spans, q));
    }
    let mut moved = found[0].clone();
    moved.start += 1;
    assert!(!verify(&text, &spans, &moved));
    let mut edited = found[1].clone();
    edited.text = edited.text.replace("aid", "aids");
    assert!(!verify(&text, &spans, &edited));
    let mut wrong_paragraph = found[1].clone();
    wrong_paragraph.paragraph = 1;
    assert!(!verify(&text, &spans, &wrong_paragraph));
    let mut beyond = found[0].clone();
    beyond.end = text.chars().count() + 1;
    assert!(!verify(&text, &spans, &beyond));
}

fn gold(paragraph: usize, kind: QuoteKind, speaker: &str, text: &str) -> GoldQuote {
    GoldQuote {
        text: text.into(),
        kind,
        speaker: speaker.into(),
        descriptor: None,
        cue: None,
        paragraph,
    }
}

fn found(paragraph: usize, kind: QuoteKind, speaker: &str, text: &str) -> Quote {
    Quote {
        text: text.into(),
        kind,
        speaker: speaker.into(),
        descriptor: None,
        cue: None,
        paragraph,
        start: 0,
        end: text.chars().count(),
    }
}

#[test]
fn eval_exact_ignores_marks_and_spacing_but_not_words_or_paragraphs() {
    use QuoteKind::*;
    let g = [
        gold(0, Direct, "Kim Jong-un", "We will  “respond”."),
        gold(1, Indirect, "the ministry", "the switch was complete"),
        gold(2, Partial, "Cho", "quite a burden"),
    ];
    let f = [
        found(0, Direct, "kim jong un", "We will \"respond\"."),
        found(1, Partial, "ministry", "the switch was complete"),
        found(3, Partial, "Cho", "quite a burden"),
    ];
    let score = eval::score(&g, &f);
    assert_eq!(score.spans.exact.matched, 2);
    assert_eq!(score.attribution.exact.matched, 2);
    assert_eq!(score.wrong_kind, 1);
    // Paragraphs one apart still overlap: a quote found from its second paragraph.
    assert_eq!(score.spans.overlap.matched, 3);
    assert!((score.spans.exact.precision() - 2.0 / 3.0).abs() < 1e-9);
}

#[test]
fn eval_overlap_needs_half_the_tokens_and_the_same_speaker_for_attribution() {
    use QuoteKind::*;
    let g = [
        gold(0, Indirect, "Lee", "the talks had stalled because of the sanctions on the port"),
        gold(0, Partial, "Lee", "quite a burden"),
    ];
    let f = [
        found(0, Indirect, "Park", "the talks had stalled because of the sanctions"),
        found(0, Indirect, "Lee", "quite a burden for China and for the talks as a whole"),
    ];
    let (score, listing) = eval::evaluate(&g, &f);
    assert_eq!(score.spans.exact.matched, 0);
    assert_eq!(score.spans.overlap.matched, 1);
    assert_eq!(score.attribution.overlap.matched, 0);
    assert_eq!(score.wrong_speaker.overlap, 1);
    assert_eq!(listing.missed.len(), 1);
    assert_eq!(listing.spurious.len(), 1);
    assert_eq!(listing.boundary.len(), 1);
    assert_eq!(listing.wrong_speaker[0].found.speaker, "Park");
}

#[test]
fn eval_scores_add_up_over_files_and_empty_is_perfect() {
    use QuoteKind::*;
    let none = eval::score(&[], &[]);
    assert_eq!(none.attribution.exact.f1(), 1.0);
    let a = eval::score(&[gold(0, Direct, "A", "one two")], &[found(0, Direct, "A", "one two")]);
    let b = eval::score(&[gold(0, Direct, "B", "three four")], &[]);
    let total: eval::Score = [none, a, b].into_iter().sum();
    assert_eq!(total.attribution.exact.gold, 2);
    assert_eq!(total.attribution.exact.matched, 1);
    assert_eq!(total.attribution.exact.recall(), 0.5);
    let json = serde_json::to_value(total).unwrap();
    assert_eq!(json["attribution"]["exact"]["recall"], 0.5);
}

#[test]
fn eval_reads_the_gold_file_shape() {
    let json = r#"{"source": {"title": "t"}, "quotes": [{"text": "x y", "kind": "partial",
        "speaker": "Cho", "descriptor": null, "cue": "said", "paragraph": 3}], "notes": []}"#;
    let quotes = eval::parse_gold(json).unwrap();
    assert_eq!(
        quotes,
        [GoldQuote { cue: Some("said".into()), ..gold(3, QuoteKind::Partial, "Cho", "x y") }]
    );
}

/// Gold-annotated articles: every quote passes `verify`, and the scores stay above the bars.
mod fixtures {
    use std::path::{Path, PathBuf};

    use super::super::eval::{self, Score};
    use super::super::{extract, verify};

    /// Attribution F1 (exact) no single fixture may fall below.
    const MIN_FILE_F1: f64 = 0.9;
    /// Attribution F1 (exact) over all fixtures.
    const MIN_TOTAL_F1: f64 = 0.97;

    fn dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/quotes")
    }

    /// (name, score) of every gold file with its article beside it.
    fn scores() -> Vec<(String, Score)> {
        let mut golds: Vec<PathBuf> = std::fs::read_dir(dir())
            .expect("fixture directory")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
            .collect();
        golds.sort();
        golds
            .iter()
            .map(|g| {
                let name = g.file_name().unwrap().to_string_lossy().replace(".gold.json", "");
                let article = g.with_file_name(format!("{name}.txt"));
                let bytes = std::fs::read(&article).expect("article beside its gold");
                let file_name = article.file_name().and_then(|n| n.to_str());
                let docs = crate::ingest::read(&bytes, file_name).expect("article reads");
                let (text, spans) = docs[0].body();
                let found = extract(&text, &spans);
                for q in &found {
                    assert!(verify(&text, &spans, q), "{name}: offsets do not hold {q:?}");
                }
                let gold =
                    eval::parse_gold(&std::fs::read_to_string(g).expect("gold")).expect("gold");
                (name, eval::score(&gold, &found))
            })
            .collect()
    }

    #[test]
    fn seed_article_is_fully_right() {
        let all = scores();
        let (_, seed) = all.iter().find(|(n, _)| n == "scmp-satellite-switch").expect("seed");
        assert_eq!(seed.attribution.exact.f1(), 1.0, "{seed:?}");
        assert_eq!(seed.wrong_speaker.overlap, 0);
    }

    #[test]
    fn every_fixture_stays_above_the_bar() {
        let all = scores();
        assert!(all.len() >= 13, "fixtures missing: {}", all.len());
        for (name, s) in &all {
            let f1 = s.attribution.exact.f1();
            assert!(f1 >= MIN_FILE_F1, "{name}: attribution F1 {f1:.3} < {MIN_FILE_F1}: {s:?}");
        }
        let total: Score = all.into_iter().map(|(_, s)| s).sum();
        let f1 = total.attribution.exact.f1();
        assert!(f1 >= MIN_TOTAL_F1, "attribution F1 over all fixtures {f1:.3} < {MIN_TOTAL_F1}");
    }
}
