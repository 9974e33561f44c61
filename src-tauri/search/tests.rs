//! Search over a small archive in English, Russian, Korean and Chinese, built in memory: every
//! query feature, the fields, facets, snippets, name variants and the messages of bad queries.

use std::convert::Infallible;

use super::query::{parse, DateRange, Form, Keyword, Missing, Node, ParseError, Scope, Text};
use super::tokenize::{analyze, Mode};
use super::*;
use crate::model::{
    CslDate, CslName, Quote, QuoteKind, Review, SearchRequest, SortOrder, SourceMeta, StoredQuote,
};

fn article(id: &str, lang: &str, title: &str, text: &str) -> Article {
    Article {
        id: id.to_string(),
        title: title.to_string(),
        text: text.to_string(),
        paragraphs: Vec::new(),
        language: Some(lang.to_string()),
        pages: Vec::new(),
        source: SourceMeta {
            csl_type: "article-newspaper".to_string(),
            title: Some(title.to_string()),
            ..SourceMeta::default()
        },
        provenance: Default::default(),
        missing: Vec::new(),
        boilerplate: Vec::new(),
        quotes: Vec::new(),
        tags: Vec::new(),
        similar: Vec::new(),
        imported_at: "2025-01-01T00:00:00Z".to_string(),
        sha256: String::new(),
    }
}

fn quote(id: &str, kind: QuoteKind, speaker: &str, names: &[&str], text: &str) -> StoredQuote {
    StoredQuote {
        id: id.to_string(),
        quote: Quote {
            text: text.to_string(),
            kind,
            speaker: speaker.to_string(),
            descriptor: None,
            cue: Some("said".to_string()),
            paragraph: 0,
            start: 0,
            end: text.chars().count(),
        },
        review: Review::Unreviewed,
        person_id: (!names.is_empty()).then(|| format!("person-{}", names[0])),
        names: names.iter().map(|n| n.to_string()).collect(),
    }
}

fn dated(mut a: Article, publication: &str, y: i32, m: Option<u32>, d: Option<u32>) -> Article {
    a.source.container_title = Some(publication.to_string());
    a.source.issued = Some(CslDate::ymd(y, m, d));
    a.source.url = Some(format!("https://example.org/{}", a.id));
    a
}

const KIM: &[&str] = &["Kim Jong-un", "Kim Jong Un", "김정은"];
const PUTIN: &[&str] = &["Vladimir Putin", "Путин", "Владимир Путин"];
const XI: &[&str] = &["Xi Jinping", "习近平"];
const CHO: &[&str] = &["Cho Han-bum"];

fn archive() -> Vec<Article> {
    let mut scmp = dated(
        article(
            "en-scmp",
            "en",
            "North Korea switches satellite provider to Russia",
            "North Korea has switched its state television satellite provider from China to \
             Russia, according to LyngSat. Kim Jong-un has deepened ties with Moscow since the \
             treaty. Cho Han-bum, a senior research fellow, said the cost was \"quite a burden\" \
             for Beijing. Analysts said China's influence is waning.",
        ),
        "South China Morning Post",
        2024,
        Some(7),
        Some(9),
    );
    scmp.tags = vec!["Satellite".to_string(), "treaty".to_string()];
    scmp.quotes = vec![
        quote("q-cho", QuoteKind::Partial, "Cho Han-bum", CHO, "quite a burden"),
        quote("q-analysts", QuoteKind::Indirect, "Analysts", &[], "China's influence is waning"),
    ];

    let mut nknews = dated(
        article(
            "en-nknews",
            "en",
            "Kim Jong Un visits Moscow",
            "Kim Jong Un arrived in Moscow by armoured train. The visit produced sanctions \
             worries in Seoul and Washington.",
        ),
        "NK News",
        2023,
        Some(9),
        Some(13),
    );
    nknews.source.author = vec![CslName {
        family: Some("Zwirko".into()),
        given: Some("Colin".into()),
        ..Default::default()
    }];
    nknews.quotes = vec![quote(
        "q-kim-en",
        QuoteKind::Direct,
        "Kim Jong-un",
        KIM,
        "Russia is fighting a sacred struggle",
    )];

    let mut north = dated(
        article(
            "en-38north",
            "en",
            "Sanctions enforcement after the treaty",
            "Pyongyang keeps evading sanctions through ship-to-ship transfers near Nampo.",
        ),
        "38 North",
        2024,
        None,
        None,
    );
    north.source.url = None;
    north.source.author =
        vec![CslName { literal: Some("38 North staff".into()), ..Default::default() }];

    let mut tass = dated(
        article(
            "ru-tass",
            "ru",
            "КНДР запустила спутник",
            "Путин и Ким Чен Ын подписали договор о всеобъемлющем стратегическом партнёрстве. \
             Министр обороны Шойгу заявил, что КНДР запустила спутник.",
        ),
        "ТАСС",
        2024,
        Some(6),
        Some(19),
    );
    tass.quotes = vec![quote(
        "q-putin",
        QuoteKind::Indirect,
        "Путин",
        PUTIN,
        "отношения двух стран выходят на новый уровень",
    )];

    let mut yonhap = dated(
        article(
            "ko-yonhap",
            "ko",
            "북한, 러시아 도움으로 정찰위성 발사",
            "북한이 러시아의 기술 지원을 받아 군사정찰위성을 발사했다. 북·러 협력은 ICBM 기술로 \
             이어질 수 있다.",
        ),
        "연합뉴스",
        2024,
        Some(5),
        Some(27),
    );
    yonhap.quotes =
        vec![quote("q-kim-ko", QuoteKind::Direct, "김정은", KIM, "우주 강국을 건설하겠다")];

    let mut xinhua = dated(
        article(
            "zh-xinhua",
            "zh",
            "中俄全面战略协作伙伴关系",
            "习近平会见俄罗斯总统普京。朝鲜半岛局势紧张，卫星发射引起关注。",
        ),
        "新华社",
        2024,
        Some(6),
        Some(20),
    );
    xinhua.quotes =
        vec![quote("q-xi", QuoteKind::Direct, "习近平", XI, "中俄关系经受住了国际风云变幻的考验")];

    let mut clip = article(
        "en-clip",
        "en",
        "Analysts weigh China's influence over Pyongyang",
        "A clipped commentary without a date, author or outlet on Beijing and Pyongyang.",
    );
    clip.tags = vec!["commentary".to_string()];

    vec![scmp, nknews, north, tass, yonhap, xinhua, clip]
}

/// Rebuilds `index` from the test archive, which never fails to give an article.
fn rebuild(index: &mut SearchIndex, generation: u64) -> Result<()> {
    index.rebuild(archive().into_iter().map(Ok::<_, Infallible>), generation)
}

fn index() -> SearchIndex {
    let mut index = SearchIndex::in_memory().expect("index");
    rebuild(&mut index, 7).expect("rebuild");
    index
}

fn request(query: &str) -> SearchRequest {
    SearchRequest { query: query.to_string(), limit: 100, ..SearchRequest::default() }
}

/// Hits as `article-id` or `article-id/quote-id`, sorted.
fn found(index: &SearchIndex, query: &str) -> Vec<String> {
    let results = index.search(&request(query)).unwrap_or_else(|e| panic!("{query}: {e}"));
    let mut ids: Vec<String> = results.hits.iter().map(hit_id).collect();
    assert_eq!(results.total, ids.len(), "{query}: total counts every hit");
    ids.sort();
    ids
}

fn hit_id(h: &SearchHit) -> String {
    match &h.quote_id {
        Some(q) => format!("{}/{q}", h.article_id),
        None => h.article_id.clone(),
    }
}

fn articles(index: &SearchIndex, query: &str) -> Vec<String> {
    let mut ids: Vec<String> =
        found(index, query).into_iter().filter(|id| !id.contains('/')).collect();
    ids.dedup();
    ids
}

fn error(index: &SearchIndex, query: &str) -> String {
    match index.search(&request(query)) {
        Err(e @ Error::Query(_)) => e.to_string(),
        Err(e) => panic!("{query}: not a query error: {e}"),
        Ok(r) => panic!("{query}: expected an error, got {} hits", r.total),
    }
}

fn texts(text: &str, mode: Mode) -> Vec<String> {
    let mut out = Vec::new();
    analyze(text, mode, &mut out);
    out.into_iter().map(|t| t.text).collect()
}

// --- the parser ---

fn word(scope: Scope, value: &str, form: Form) -> Node {
    Node::Text(scope, Text { value: value.to_string(), form })
}

#[test]
fn parses_operators_groups_and_suffixes() {
    let parsed =
        parse("treaty (Cho OR \"quite a burden\") -sanctions NOT Pyong* Jongun~2").unwrap();
    assert_eq!(
        parsed,
        Node::And(vec![
            word(Scope::Any, "treaty", Form::Word),
            Node::Or(vec![
                word(Scope::Any, "Cho", Form::Word),
                word(Scope::Any, "quite a burden", Form::Phrase),
            ]),
            Node::Not(Box::new(word(Scope::Any, "sanctions", Form::Word))),
            Node::Not(Box::new(word(Scope::Any, "Pyong", Form::Prefix))),
            word(Scope::Any, "Jongun", Form::Fuzzy(2)),
        ])
    );
    // AND binds tighter than OR; explicit AND is the same as juxtaposition.
    assert_eq!(parse("a OR b AND c").unwrap(), parse("a OR (b c)").unwrap());
    // Hyphens inside a word are part of it.
    assert_eq!(parse("Jong-un").unwrap(), word(Scope::Any, "Jong-un", Form::Word));
}

#[test]
fn parses_fields_and_their_values() {
    let parsed = parse(
        "speaker:\"Cho Han-bum\" person:Путин lang:RU tag:Satellite kind:quote \
         quote-kind:partial missing:date date:2024-06..2024-07 Date:..2023 title:sanc*",
    )
    .unwrap();
    let Node::And(all) = parsed else { panic!("{parsed:?}") };
    assert_eq!(
        all,
        vec![
            word(Scope::Speaker, "Cho Han-bum", Form::Phrase),
            word(Scope::Person, "Путин", Form::Word),
            Node::Is(Keyword::Lang("ru".into())),
            Node::Is(Keyword::Tag("satellite".into())),
            Node::Is(Keyword::Kind(HitKind::Quote)),
            Node::Is(Keyword::QuoteKind(QuoteKind::Partial)),
            Node::Is(Keyword::Missing(Missing::Date)),
            Node::Date(DateRange { from: Some(20240601), to: Some(20240731) }),
            Node::Date(DateRange { from: None, to: Some(20231231) }),
            word(Scope::Title, "sanc", Form::Prefix),
        ]
    );
    assert_eq!(
        parse("date:2024-02-29").unwrap(),
        Node::Date(DateRange { from: Some(20240229), to: Some(20240229) })
    );
    assert_eq!(
        parse("date:2024..").unwrap(),
        Node::Date(DateRange { from: Some(20240101), to: None })
    );
    // A space after the colon is forgiven.
    assert_eq!(parse("speaker: Cho").unwrap(), word(Scope::Speaker, "Cho", Form::Word));
    // Typographic quotes are quotes too.
    assert_eq!(parse("«КНДР спутник»").unwrap(), word(Scope::Any, "КНДР спутник", Form::Phrase));
}

#[test]
fn bad_queries_point_at_the_problem() {
    let cases = [
        ("", "the query is empty"),
        ("   ", "the query is empty"),
        (
            "spekaer:Cho",
            "unknown field \"spekaer\" at column 1 (fields: speaker, person, publication, author, \
             title, lang, tag, kind, quote-kind, date, missing); did you mean \"speaker\"?",
        ),
        ("treaty \"quite a burden", "unclosed quote at column 8: end the phrase with \""),
        ("(Cho OR Kim", "unclosed parenthesis at column 1"),
        ("Cho OR Kim)", "unexpected \")\" at column 11: no parenthesis is open"),
        ("Cho ()", "empty parentheses at column 5"),
        ("\"\"", "empty phrase at column 1"),
        ("treaty OR", "\"OR\" at column 8 needs a term on each side"),
        ("AND treaty", "\"AND\" at column 1 needs a term on each side"),
        ("treaty NOT", "\"NOT\" at column 8 needs a term after it"),
        ("speaker:", "speaker: at column 1 needs a value"),
        ("kind:quotes", "kind: at column 6 takes quote or article, not \"quotes\""),
        (
            "quote-kind:direkt",
            "quote-kind: at column 12 takes direct, indirect or partial, not \"direkt\"",
        ),
        (
            "lang:english",
            "lang: at column 6 takes a language code such as en, ru, ko or zh, not \"english\"",
        ),
        (
            "missing:doi",
            "missing: at column 9 takes date, author, publication, url or title, not \"doi\"",
        ),
        ("Jongun~3", "\"Jongun~3\" at column 1: the fuzzy distance after ~ is 1 or 2"),
        ("\"Kim Jong\"~", "a phrase at column 1 cannot be fuzzy: put ~ after single words"),
    ];
    for (query, message) in cases {
        assert_eq!(parse(query).map_err(|e| e.to_string()), Err(message.to_string()), "{query}");
    }
}

#[test]
fn malformed_dates_are_named_with_their_column() {
    let cases = [
        ("date:2024-13", "2024-13", 6),
        ("date:24", "24", 6),
        ("date:2024-02-30", "2024-02-30", 6),
        ("date:2024-06..July", "July", 15),
        ("date:..", "..", 6),
        ("treaty date:2024/06", "2024/06", 13),
    ];
    for (query, text, column) in cases {
        let expected = ParseError::BadDate { text: text.to_string(), column };
        assert_eq!(parse(query), Err(expected), "{query}");
    }
    assert_eq!(
        parse("date:2024-07..2024-06").map_err(|e| e.to_string()),
        Err("the date range \"2024-07..2024-06\" at column 6 ends before it starts".to_string())
    );
    let message = ParseError::BadDate { text: "2024-13".into(), column: 6 }.to_string();
    assert!(message.starts_with("malformed date \"2024-13\" at column 6: write YYYY"), "{message}");
}

#[test]
fn bad_queries_are_errors_from_the_index_too() {
    let index = index();
    assert!(error(&index, "spekaer:Cho").contains("unknown field \"spekaer\" at column 1"));
    assert!(error(&index, "date:2024-13").contains("malformed date \"2024-13\""));
    // Punctuation alone is not a question the index can answer.
    assert_eq!(
        error(&index, "— …"),
        "cannot understand the query: the query has no words to search for"
    );
}

// --- the analyser ---

#[test]
fn russian_keeps_short_i_and_yo() {
    assert_eq!(texts("Йемен ЁЛКА Сергей", Mode::Unstemmed), ["йемен", "ёлка", "сергей"]);
    // Stemmed, ё stays ё, and words with ё still lose their endings.
    assert_eq!(texts("ёлка ёлки", Mode::Query), ["ёлк", "ёлк"]);
    assert_eq!(texts("спутника спутники", Mode::Query), ["спутник", "спутник"]);
    // A stress mark is dropped; the letter under it stays.
    assert_eq!(texts("Пу́тин", Mode::Unstemmed), ["путин"]);
}

#[test]
fn hyphenated_words_are_indexed_joined_too() {
    assert_eq!(texts("Kim Jong-un", Mode::Index), ["kim", "jong", "un", "jongun"]);
    assert_eq!(texts("Kim Jong-un", Mode::Query), ["kim", "jong", "un"]);
    let mut tokens = Vec::new();
    analyze("Kim Jong-un said", Mode::Index, &mut tokens);
    let positions: Vec<usize> = tokens.iter().map(|t| t.position).collect();
    assert_eq!(positions, [0, 1, 2, 1, 3], "the joined word shares the first part's position");
}

#[test]
fn korean_is_read_in_bigrams_with_syllables() {
    assert_eq!(texts("러시아와", Mode::Query), ["러시", "시아", "아와"]);
    assert_eq!(texts("러시아와", Mode::Index), ["러", "러시", "시", "시아", "아", "아와", "와"]);
    let mut tokens = Vec::new();
    analyze("북한 위성", Mode::Index, &mut tokens);
    let by_position: Vec<(&str, usize)> =
        tokens.iter().map(|t| (t.text.as_str(), t.position)).collect();
    assert_eq!(by_position, [("북", 0), ("북한", 0), ("한", 0), ("위", 1), ("위성", 1), ("성", 1)]);
}

#[test]
fn chinese_is_segmented_by_jieba() {
    assert_eq!(texts("习近平会见金正恩", Mode::Query), ["习近平", "会见", "金正恩"]);
    // A long word is also found by the words inside it, at its position.
    let mut tokens = Vec::new();
    analyze("朝鲜半岛局势", Mode::Index, &mut tokens);
    let by_position: Vec<(&str, usize)> =
        tokens.iter().map(|t| (t.text.as_str(), t.position)).collect();
    assert_eq!(by_position, [("朝鲜", 0), ("半岛", 0), ("朝鲜半岛", 0), ("局势", 1)]);
}

#[test]
fn mixed_scripts_keep_each_words_treatment() {
    assert_eq!(
        texts("ICBM 기술, Путину 习近平 sanctions", Mode::Query),
        ["icbm", "기술", "путин", "习近平", "sanction"]
    );
}

// --- searching ---

#[test]
fn english_words_are_stemmed() {
    let index = index();
    assert_eq!(articles(&index, "satellites"), ["en-scmp"]);
    assert_eq!(articles(&index, "sanction"), ["en-38north", "en-nknews"]);
}

#[test]
fn phrases_match_in_order_only() {
    let index = index();
    assert_eq!(found(&index, "\"quite a burden\""), ["en-scmp", "en-scmp/q-cho"]);
    assert!(found(&index, "\"burden a quite\"").is_empty());
}

#[test]
fn boolean_operators_and_groups() {
    let index = index();
    assert_eq!(articles(&index, "Pyongyang sanctions"), ["en-38north"]);
    assert_eq!(articles(&index, "Pyongyang AND sanctions"), ["en-38north"]);
    assert_eq!(articles(&index, "Nampo OR armoured"), ["en-38north", "en-nknews"]);
    assert_eq!(articles(&index, "Pyongyang -sanctions"), ["en-clip"]);
    assert_eq!(articles(&index, "Pyongyang NOT sanctions"), ["en-clip"]);
    assert_eq!(articles(&index, "(Nampo OR armoured) NOT Seoul"), ["en-38north"]);
    // A query of exclusions alone keeps everything else.
    let all = found(&index, "kind:article").len();
    assert_eq!(articles(&index, "-Pyongyang").len(), all - 2);
}

#[test]
fn prefixes_and_fuzzy_words() {
    let index = index();
    assert_eq!(articles(&index, "sanc*"), ["en-38north", "en-nknews"]);
    assert_eq!(articles(&index, "\"ship to sh\"*"), ["en-38north"]);
    assert!(articles(&index, "Pyongyng").is_empty());
    assert_eq!(articles(&index, "Pyongyng~"), ["en-38north", "en-clip"]);
    assert!(articles(&index, "Pyngyng~").is_empty());
    assert_eq!(articles(&index, "Pyngyng~2"), ["en-38north", "en-clip"]);
    // A misspelled romanisation, hyphen and all.
    assert_eq!(found(&index, "speaker:Jong-eun~"), found(&index, "speaker:Jongun"));
}

#[test]
fn speaker_field_finds_quotes_and_the_articles_quoting() {
    let index = index();
    assert_eq!(found(&index, "speaker:\"Cho Han-bum\""), ["en-scmp", "en-scmp/q-cho"]);
    assert_eq!(found(&index, "speaker:Cho kind:quote"), ["en-scmp/q-cho"]);
    assert_eq!(found(&index, "speaker:Analysts kind:quote"), ["en-scmp/q-analysts"]);
}

#[test]
fn name_variants_find_each_other() {
    let index = index();
    let kim = ["en-nknews", "en-nknews/q-kim-en", "ko-yonhap", "ko-yonhap/q-kim-ko"];
    for spelling in
        ["\"Kim Jong Un\"", "\"Kim Jong-un\"", "\"KIM JONG-UN\"", "\"Kim Jongun\"", "김정은"]
    {
        assert_eq!(found(&index, &format!("speaker:{spelling}")), kim, "speaker:{spelling}");
    }
    // Free text: the hyphenated spelling in the SCMP text matches the spaced one and back.
    assert!(articles(&index, "\"Kim Jong Un\"").contains(&"en-scmp".to_string()));
    assert!(articles(&index, "\"Kim Jong-un\"").contains(&"en-nknews".to_string()));
    assert!(articles(&index, "\"Kim Jongun\"").contains(&"en-scmp".to_string()));
    // Typed as bare words, a registry name brings in every alias: 김정은 in Korean text.
    let free = articles(&index, "Kim Jongun");
    assert_eq!(free, ["en-nknews", "en-scmp", "ko-yonhap"]);
}

#[test]
fn person_field_finds_mentions_under_every_alias() {
    let index = index();
    // TASS names him only in Cyrillic; the registry knows Путин as Vladimir Putin.
    assert_eq!(articles(&index, "person:\"Vladimir Putin\""), ["ru-tass"]);
    assert_eq!(found(&index, "person:Путин kind:quote"), ["ru-tass/q-putin"]);
    // SCMP mentions Kim Jong-un without quoting him.
    assert_eq!(articles(&index, "person:\"Kim Jong Un\""), ["en-nknews", "en-scmp", "ko-yonhap"]);
    assert_eq!(articles(&index, "person:\"Xi Jinping\""), ["zh-xinhua"]);
    // Part of a name finds its speaker too.
    assert_eq!(found(&index, "person:Cho kind:quote"), ["en-scmp/q-cho"]);
}

#[test]
fn metadata_fields() {
    let index = index();
    assert_eq!(articles(&index, "publication:TASS"), Vec::<String>::new());
    assert_eq!(articles(&index, "publication:ТАСС"), ["ru-tass"]);
    assert_eq!(articles(&index, "publication:\"morning post\""), ["en-scmp"]);
    assert_eq!(articles(&index, "author:Zwirko"), ["en-nknews"]);
    assert_eq!(articles(&index, "author:\"Zwirko Colin\""), ["en-nknews"]);
    assert_eq!(articles(&index, "author:\"38 North staff\""), ["en-38north"]);
    assert_eq!(articles(&index, "title:satellite"), ["en-scmp"]);
    assert!(articles(&index, "title:LyngSat").is_empty());
    assert_eq!(articles(&index, "lang:ru"), ["ru-tass"]);
    assert_eq!(found(&index, "lang:zh"), ["zh-xinhua", "zh-xinhua/q-xi"]);
    assert_eq!(found(&index, "tag:satellite"), ["en-scmp", "en-scmp/q-analysts", "en-scmp/q-cho"]);
    assert_eq!(articles(&index, "tag:Commentary"), ["en-clip"]);
    assert_eq!(found(&index, "quote-kind:partial"), ["en-scmp/q-cho"]);
    assert_eq!(found(&index, "quote-kind:indirect"), ["en-scmp/q-analysts", "ru-tass/q-putin"]);
    let quotes = found(&index, "kind:quote");
    assert_eq!(quotes.len(), 6);
    assert!(quotes.iter().all(|id| id.contains('/')));
    assert!(found(&index, "kind:article").iter().all(|id| !id.contains('/')));
}

#[test]
fn date_ranges_hold_only_what_lies_inside() {
    let index = index();
    assert_eq!(articles(&index, "date:2024-06..2024-07"), ["en-scmp", "ru-tass", "zh-xinhua"]);
    // "2024" alone may be any day of the year: in date:2024 and date:2024.., not in June.
    assert_eq!(
        articles(&index, "date:2024"),
        ["en-38north", "en-scmp", "ko-yonhap", "ru-tass", "zh-xinhua"]
    );
    assert_eq!(articles(&index, "date:2024.."), articles(&index, "date:2024"));
    assert_eq!(articles(&index, "date:2024-06.."), ["en-scmp", "ru-tass", "zh-xinhua"]);
    assert_eq!(articles(&index, "date:..2023-12"), ["en-nknews"]);
    assert_eq!(articles(&index, "date:2024-06-19"), ["ru-tass"]);
    assert_eq!(found(&index, "date:2024-06..2024-07 kind:quote").len(), 4);
}

#[test]
fn dates_beside_words_filter_what_the_words_find() {
    let index = index();
    let both = |a: &str, b: &str| -> Vec<String> {
        let b = found(&index, b);
        found(&index, a).into_iter().filter(|id| b.contains(id)).collect()
    };
    let mut narrowed = 0;
    for words in
        ["treaty", "kind:quote", "\"Kim Jong Un\" OR satellite", "sanc* -Nampo", "朝鲜 OR Путин"]
    {
        for dates in ["date:2024-06..2024-07", "date:2024..", "date:..2023-12", "date:2024"] {
            let filtered = found(&index, &format!("{dates} ({words})"));
            assert_eq!(filtered, both(dates, words), "{dates} {words}");
            narrowed += usize::from(!filtered.is_empty() && filtered != found(&index, words));
        }
    }
    assert!(narrowed >= 5, "the ranges must narrow real matches, not only empty ones");
    // Two ranges side by side hold what both hold; a range inside OR stays a range.
    assert_eq!(
        found(&index, "date:2024.. date:..2024-06 kind:article"),
        both("date:2024..", "date:..2024-06 kind:article")
    );
    assert_eq!(
        articles(&index, "kind:article (date:..2023-12 OR date:2024-06-19)"),
        ["en-nknews", "ru-tass"]
    );
}

#[test]
fn bare_words_find_quotes_by_their_own_words_and_fields_by_their_article() {
    let index = index();
    // "switches" is only in the title of en-scmp: the article is found, its quotes are not.
    assert_eq!(found(&index, "switches"), ["en-scmp"]);
    // A field filters quote documents by their article alike.
    assert_eq!(found(&index, "title:switches"), ["en-scmp", "en-scmp/q-analysts", "en-scmp/q-cho"]);
    assert_eq!(found(&index, "publication:\"NK News\" kind:quote"), ["en-nknews/q-kim-en"]);
}

#[test]
fn missing_fields() {
    let index = index();
    assert_eq!(articles(&index, "missing:date"), ["en-clip"]);
    assert_eq!(articles(&index, "missing:publication"), ["en-clip"]);
    assert_eq!(articles(&index, "missing:url"), ["en-38north", "en-clip"]);
    assert_eq!(articles(&index, "missing:author").len(), 5);
    assert!(articles(&index, "missing:title").is_empty());
}

#[test]
fn russian_words_are_stemmed_without_folding() {
    let index = index();
    assert_eq!(articles(&index, "КНДР спутник"), ["ru-tass"]);
    assert_eq!(articles(&index, "спутники"), ["ru-tass"]);
    assert_eq!(articles(&index, "Шойгу"), ["ru-tass"]);
    assert!(articles(&index, "Шоигу").is_empty(), "й is not и");
    assert_eq!(articles(&index, "партнёрство"), ["ru-tass"]);
    assert!(articles(&index, "партнерство").is_empty(), "ё is not е");
}

#[test]
fn korean_words_find_their_text() {
    let index = index();
    assert_eq!(articles(&index, "러시아"), ["ko-yonhap"]);
    assert_eq!(articles(&index, "위성"), ["ko-yonhap"]);
    assert_eq!(articles(&index, "정찰위성"), ["ko-yonhap"]);
    assert_eq!(articles(&index, "북"), ["ko-yonhap"]);
    assert_eq!(articles(&index, "ICBM"), ["ko-yonhap"]);
    assert!(articles(&index, "위성러시아").is_empty());
    assert_eq!(found(&index, "김정은 kind:quote"), ["en-nknews/q-kim-en", "ko-yonhap/q-kim-ko"]);
}

#[test]
fn chinese_words_find_their_text() {
    let index = index();
    for word in ["朝鲜", "半岛", "朝鲜半岛", "卫星", "习近平", "普京", "战略"] {
        assert_eq!(articles(&index, word), ["zh-xinhua"], "{word}");
    }
    assert_eq!(articles(&index, "\"卫星发射\""), ["zh-xinhua"]);
    assert!(articles(&index, "\"发射卫星\"").is_empty());
}

#[test]
fn snippets_mark_the_matched_words() {
    let index = index();
    let marked = |query: &str| -> Vec<(String, Vec<String>)> {
        let results = index.search(&request(query)).unwrap();
        results
            .hits
            .iter()
            .map(|h| {
                let chars: Vec<char> = h.snippet.chars().collect();
                let spans = h
                    .highlights
                    .iter()
                    .map(|s| chars[s.start..s.end].iter().collect::<String>())
                    .collect();
                (hit_id(h), spans)
            })
            .collect()
    };
    // The word is in the article's title and text; its quotes do not say it.
    assert_eq!(marked("satellites"), [("en-scmp".to_string(), vec!["satellite".to_string()])]);
    let burden = marked("\"quite a burden\"");
    assert_eq!(burden.len(), 2);
    for (_, spans) in burden {
        assert_eq!(spans, ["quite", "a", "burden"]);
    }
    assert_eq!(
        marked("러시아 kind:article"),
        [("ko-yonhap".to_string(), vec!["러시아".to_string()])]
    );
    assert_eq!(marked("\"Kim Jongun\" kind:article")[0].1, ["Kim", "Jong-un"]);
    assert_eq!(marked("sanc* kind:article")[0].1, ["sanctions"]);
    assert_eq!(marked("Шойгу")[0].1, ["Шойгу"]);
    assert_eq!(marked("朝鲜")[0].1, ["朝鲜"]);
    // A quote found by its speaker shows its words unmarked.
    let cho = index.search(&request("speaker:Cho kind:quote")).unwrap();
    assert_eq!(cho.hits[0].snippet, "quite a burden");
    assert!(cho.hits[0].highlights.is_empty());
}

#[test]
fn hits_carry_what_the_list_shows() {
    let index = index();
    let results = index.search(&request("speaker:Cho")).unwrap();
    let quote = results.hits.iter().find(|h| h.kind == HitKind::Quote).unwrap();
    assert_eq!(quote.article_id, "en-scmp");
    assert_eq!(quote.quote_id.as_deref(), Some("q-cho"));
    assert_eq!(quote.speaker.as_deref(), Some("Cho Han-bum"));
    assert_eq!(quote.text.as_deref(), Some("quite a burden"));
    assert_eq!(quote.title, "North Korea switches satellite provider to Russia");
    assert_eq!(quote.publication.as_deref(), Some("South China Morning Post"));
    assert_eq!(quote.date.as_deref(), Some("2024-07-09"));
    let article = results.hits.iter().find(|h| h.kind == HitKind::Article).unwrap();
    assert_eq!(
        (article.quote_id.clone(), article.speaker.clone(), article.text.clone()),
        (None, None, None)
    );
    let json = serde_json::to_value(&results).unwrap();
    assert!(json["total"].is_number() && json["hits"].is_array());
    assert_eq!(
        json["hits"][0]["kind"].as_str().map(|k| k == "quote" || k == "article"),
        Some(true)
    );
    for facet in ["speaker", "publication", "year", "language"] {
        assert!(json["facets"][facet].is_array(), "{facet}");
    }
}

#[test]
fn sorting_by_date_puts_undated_last() {
    let index = index();
    let order = |sort| -> Vec<String> {
        let req = SearchRequest { sort, ..request("kind:article") };
        index.search(&req).unwrap().hits.iter().map(hit_id).collect()
    };
    assert_eq!(
        order(SortOrder::Newest),
        ["en-scmp", "zh-xinhua", "ru-tass", "ko-yonhap", "en-38north", "en-nknews", "en-clip"]
    );
    assert_eq!(
        order(SortOrder::Oldest),
        ["en-nknews", "en-38north", "ko-yonhap", "ru-tass", "zh-xinhua", "en-scmp", "en-clip"]
    );
}

#[test]
fn relevance_ranks_the_better_match_first() {
    let index = index();
    let results = index.search(&request("Pyongyang sanctions OR Pyongyang")).unwrap();
    assert_eq!(results.hits[0].article_id, "en-38north");
    assert!(results.hits.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn pages_split_the_same_ranking() {
    let index = index();
    let all = index.search(&request("kind:quote OR kind:article")).unwrap();
    assert_eq!(all.total, 13);
    let mut paged = Vec::new();
    for offset in (0..all.total).step_by(4) {
        let req = SearchRequest { offset, limit: 4, ..request("kind:quote OR kind:article") };
        let page = index.search(&req).unwrap();
        assert_eq!(page.total, 13);
        assert_eq!(page.facets, all.facets, "facets count all matches, not the page");
        paged.extend(page.hits.iter().map(hit_id));
    }
    assert_eq!(paged, all.hits.iter().map(hit_id).collect::<Vec<_>>());
    let none = index.search(&SearchRequest { limit: 0, ..request("kind:quote") }).unwrap();
    assert_eq!((none.total, none.hits.len()), (6, 0));
}

#[test]
fn facets_count_the_current_query() {
    let index = index();
    let facets = index.search(&request("date:2024")).unwrap().facets;
    let pairs = |list: &[crate::model::FacetCount]| -> Vec<(String, usize)> {
        list.iter().map(|f| (f.value.clone(), f.count)).collect()
    };
    // Five articles and five quotes; an article counts for each speaker it quotes.
    assert_eq!(
        pairs(&facets.speaker),
        [
            ("Analysts".to_string(), 2),
            ("Cho Han-bum".to_string(), 2),
            ("Kim Jong-un".to_string(), 2),
            ("Vladimir Putin".to_string(), 2),
            ("Xi Jinping".to_string(), 2),
        ]
    );
    assert_eq!(pairs(&facets.year), [("2024".to_string(), 10)]);
    assert_eq!(
        pairs(&facets.language),
        [
            ("en".to_string(), 4),
            ("ko".to_string(), 2),
            ("ru".to_string(), 2),
            ("zh".to_string(), 2)
        ]
    );
    assert_eq!(pairs(&facets.publication)[0], ("South China Morning Post".to_string(), 3));
    let quotes = index.search(&request("kind:quote")).unwrap().facets;
    assert_eq!(pairs(&quotes.year), [("2023".to_string(), 1), ("2024".to_string(), 5)]);
    assert_eq!(quotes.speaker.iter().map(|f| f.count).sum::<usize>(), 6);
}

#[test]
fn a_wire_clips_agency_stands_for_its_publication() {
    let mut index = index();
    let mut wire = article("en-wire", "en", "Rail link reopens", "The Tumen rail bridge reopened.");
    wire.source.publisher = Some("Yonhap".to_string());
    index.update(&[wire], 8).unwrap();
    assert_eq!(articles(&index, "publication:Yonhap"), ["en-wire"]);
    let facets = index.search(&request("bridge")).unwrap().facets;
    assert_eq!(facets.publication[0].value, "Yonhap");
    // Citations still lack a container title: the gap stays visible.
    assert!(articles(&index, "missing:publication").contains(&"en-wire".to_string()));
}

#[test]
fn updates_replace_an_articles_documents() {
    let mut index = index();
    assert_eq!(index.generation().unwrap(), Some(7));
    let mut changed = archive().remove(2);
    changed.title = "Ship-to-ship transfers persist".to_string();
    changed.quotes = vec![quote("q-new", QuoteKind::Direct, "Cho Han-bum", CHO, "a new loophole")];
    index.update(&[changed], 8).unwrap();
    assert_eq!(index.generation().unwrap(), Some(8));
    assert!(articles(&index, "title:enforcement").is_empty());
    assert_eq!(articles(&index, "title:persist"), ["en-38north"]);
    assert_eq!(found(&index, "speaker:Cho kind:quote"), ["en-38north/q-new", "en-scmp/q-cho"]);
    assert_eq!(found(&index, "kind:article").len(), 7, "no document is left twice");
    index.remove(&["en-38north".to_string()], 9).unwrap();
    assert_eq!(index.generation().unwrap(), Some(9));
    assert!(found(&index, "Nampo OR loophole").is_empty());
    rebuild(&mut index, 10).unwrap();
    assert_eq!(articles(&index, "Nampo"), ["en-38north"]);
}

#[test]
fn an_index_on_disk_keeps_its_generation() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("index");
    {
        let mut index = SearchIndex::open(&dir).unwrap();
        assert_eq!(index.generation().unwrap(), None);
        rebuild(&mut index, 3).unwrap();
    }
    let index = SearchIndex::open(&dir).unwrap();
    assert_eq!(index.generation().unwrap(), Some(3));
    assert_eq!(articles(&index, "러시아"), ["ko-yonhap"]);
}

#[test]
fn a_rebuild_the_archive_fails_to_feed_commits_nothing() {
    let mut index = index();
    let before = found(&index, "kind:article");
    let failing = archive().into_iter().take(1).map(Ok).chain([Err(std::fmt::Error)]);
    assert!(matches!(index.rebuild(failing, 8), Err(Error::Source(_))));
    assert_eq!(index.generation().unwrap(), Some(7));
    assert_eq!(found(&index, "kind:article"), before);
}
