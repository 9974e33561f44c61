//! A generated archive of this field's news: articles of about 800 words in English, Russian,
//! Korean and Chinese, with quotations in each language's style, the field's people (and
//! their romanisation variants), places, outlets and ten years of dates.
//!
//! Deterministic: article n depends only on the seed and n, so the 10k corpus is the first
//! tenth of the 100k one and every run measures the same text. Every sentence is assembled
//! from templates written for this benchmark; nothing is copied from real reporting.

mod en;
mod ko;
mod people;
mod rng;
mod ru;
mod zh;

use std::fmt::Write as _;

pub use people::Named;
pub use rng::Rng;

pub const SEED: u64 = 0x5eed_b00c_2015_2025;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Ru,
    Ko,
    Zh,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Ko => "ko",
            Lang::Zh => "zh",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Shares of the archive by language: a researcher of the field reads mostly English.
const LANG_WEIGHTS: [(Lang, usize); 4] =
    [(Lang::En, 70), (Lang::Ru, 12), (Lang::Ko, 10), (Lang::Zh, 8)];

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    fn random(rng: &mut Rng) -> Date {
        let year = 2015 + rng.below(11) as u16;
        let month = 1 + rng.below(12) as u8;
        let days = match month {
            2 if year % 4 == 0 => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        Date { year, month, day: 1 + rng.below(days) as u8 }
    }
}

pub struct Publication {
    /// The outlet's usual English name; the baselines store it as the publication column.
    pub name: &'static str,
    pub lang: Lang,
    weight: usize,
}

pub const PUBLICATIONS: &[Publication] = &[
    Publication { name: "Yonhap", lang: Lang::En, weight: 14 },
    Publication { name: "KCNA", lang: Lang::En, weight: 6 },
    Publication { name: "TASS", lang: Lang::En, weight: 8 },
    Publication { name: "Xinhua", lang: Lang::En, weight: 6 },
    Publication { name: "Reuters", lang: Lang::En, weight: 14 },
    Publication { name: "SCMP", lang: Lang::En, weight: 8 },
    Publication { name: "NK News", lang: Lang::En, weight: 14 },
    Publication { name: "Korea Herald", lang: Lang::En, weight: 8 },
    Publication { name: "Global Times", lang: Lang::En, weight: 6 },
    Publication { name: "TASS", lang: Lang::Ru, weight: 6 },
    Publication { name: "RIA Novosti", lang: Lang::Ru, weight: 6 },
    Publication { name: "Yonhap", lang: Lang::Ko, weight: 10 },
    Publication { name: "Xinhua", lang: Lang::Zh, weight: 5 },
    Publication { name: "Global Times", lang: Lang::Zh, weight: 3 },
];

/// Places of the field in the four languages (en, ru, ko, zh).
pub const PLACES: &[[&str; 4]] = &[
    ["Pyongyang", "Пхеньян", "평양", "平壤"],
    ["Rason", "Расон", "라선", "罗先"],
    ["Vladivostok", "Владивосток", "블라디보스토크", "符拉迪沃斯托克"],
    ["Dandong", "Даньдун", "단둥", "丹东"],
    ["Khasan", "Хасан", "하산", "哈桑"],
    ["the Tumen River", "река Туманная", "두만강", "图们江"],
    ["Sinuiju", "Синыйджу", "신의주", "新义州"],
    ["Hunchun", "Хуньчунь", "훈춘", "珲春"],
    ["Beijing", "Пекин", "베이징", "北京"],
    ["Moscow", "Москва", "모스크바", "莫斯科"],
    ["Seoul", "Сеул", "서울", "首尔"],
    ["Khabarovsk", "Хабаровск", "하바롭스크", "哈巴罗夫斯克"],
    ["Nampo", "Нампхо", "남포", "南浦"],
    ["Wonsan", "Вонсан", "원산", "元山"],
    ["Chongjin", "Чхонджин", "청진", "清津"],
    ["Yanji", "Яньцзи", "옌지", "延吉"],
    ["Tumangang", "Туманган", "두만강역", "豆满江站"],
    ["Panmunjom", "Пханмунджом", "판문점", "板门店"],
];

/// Themes of the coverage; each language module words them its own way, by this index.
pub const TOPICS: usize = 12;
/// How often each theme leads an article.
const TOPIC_WEIGHTS: [usize; TOPICS] = [16, 10, 8, 10, 8, 6, 6, 7, 10, 9, 5, 5];

pub struct Quote {
    /// The speaker as the article prints the full name.
    pub speaker: String,
    pub text: String,
}

pub struct Article {
    pub lang: Lang,
    pub publication: &'static str,
    pub date: Date,
    pub title: String,
    pub byline: Option<String>,
    /// Printed before the first paragraph on a line of its own ("Published: ...").
    pub date_line: String,
    /// Printed at the start of the first paragraph ("SEOUL, March 3 (Yonhap) -- ").
    pub dateline: Option<String>,
    pub paragraphs: Vec<String>,
    pub quotes: Vec<Quote>,
}

impl Article {
    /// The article as a copied web page: title line, byline, date line, then paragraphs
    /// separated by blank lines (the plain-text clip format Sourcebook imports).
    pub fn clip(&self) -> String {
        let mut out = String::with_capacity(6_000);
        let _ = writeln!(out, "{}\n", self.title);
        if let Some(byline) = &self.byline {
            let _ = writeln!(out, "{byline}");
        }
        let _ = writeln!(out, "{}\n", self.date_line);
        for (i, p) in self.paragraphs.iter().enumerate() {
            if i == 0 {
                out.push_str(self.dateline.as_deref().unwrap_or(""));
            }
            out.push_str(p);
            out.push_str("\n\n");
        }
        out
    }

    /// The body as the baselines store it: the paragraphs, without the clip's header lines.
    pub fn body(&self) -> String {
        self.paragraphs.join("\n\n")
    }

    pub fn speakers(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.quotes.iter().map(|q| q.speaker.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        names
    }
}

/// What a language module gets to write one article.
pub struct Plan {
    pub topic: usize,
    pub second_topic: usize,
    pub year: u16,
    /// The people quoted, in order of first quotation.
    pub speakers: Vec<Named>,
    /// Well-known people the narrative mentions without quoting.
    pub mentioned: Vec<Named>,
    pub publication: &'static str,
}

/// One language's way of writing: titles, narrative sentences and quotation paragraphs.
pub trait Writer {
    fn title(&self, rng: &mut Rng, plan: &Plan) -> String;
    fn sentence(&self, rng: &mut Rng, plan: &Plan) -> String;
    /// A paragraph quoting `who`, introduced with the role at first mention; returns the
    /// paragraph and the quoted words.
    fn quote(&self, rng: &mut Rng, plan: &Plan, who: &Named, first: bool) -> (String, String);
    fn byline(&self, rng: &mut Rng, publication: &str) -> Option<String>;
    fn date_line(&self, rng: &mut Rng, publication: &str, date: Date) -> String;
    fn dateline(&self, rng: &mut Rng, publication: &str, date: Date) -> Option<String>;
    /// Words in a paragraph, so every language reaches about the same length of article.
    fn words(&self, paragraph: &str) -> usize;
    /// Sentences into a paragraph (Chinese sets no space between them).
    fn join(&self, sentences: &[String]) -> String {
        sentences.join(" ")
    }
}

fn writer(lang: Lang) -> &'static dyn Writer {
    match lang {
        Lang::En => &en::English,
        Lang::Ru => &ru::Russian,
        Lang::Ko => &ko::Korean,
        Lang::Zh => &zh::Chinese,
    }
}

/// Article `n` of the archive generated from `seed`.
pub fn article(seed: u64, n: usize) -> Article {
    let rng = &mut Rng::for_item(seed, n as u64);
    let weights: Vec<usize> = LANG_WEIGHTS.iter().map(|(_, w)| *w).collect();
    let lang = LANG_WEIGHTS[rng.weighted(&weights)].0;
    let outlets: Vec<&Publication> = PUBLICATIONS.iter().filter(|p| p.lang == lang).collect();
    let weights: Vec<usize> = outlets.iter().map(|p| p.weight).collect();
    let publication = outlets[rng.weighted(&weights)].name;
    let date = Date::random(rng);
    let topic = rng.weighted(&TOPIC_WEIGHTS);
    let second_topic = rng.weighted(&TOPIC_WEIGHTS);

    let mut speakers: Vec<Named> = Vec::new();
    let mut chosen: Vec<usize> = Vec::new();
    for _ in 0..rng.range(2, 4) {
        // Half the time the press's favourites, half anyone: a long tail of voices.
        let count = people::NOTABLES.len();
        let i = if rng.chance(50) { rng.skewed_index(count) } else { rng.below(count) };
        if !chosen.contains(&i) {
            chosen.push(i);
            speakers.push(people::NOTABLES[i].named(lang, rng));
        }
    }
    for _ in 0..rng.below(3) {
        speakers.push(people::minor(lang, rng));
    }
    let mentioned = (0..2).map(|_| rng.pick(&people::NOTABLES[..8]).named(lang, rng)).collect();
    let plan = Plan { topic, second_topic, year: date.year, speakers, mentioned, publication };
    let w = writer(lang);

    let title = w.title(rng, &plan);
    let target = rng.range(680, 920);
    let mut paragraphs = vec![narrative(w, rng, &plan, 2)];
    let mut words = w.words(&paragraphs[0]);
    let mut quotes = Vec::new();
    // Every speaker is quoted once early, then again now and then while the story runs on.
    let mut pending: Vec<(usize, bool)> = (0..plan.speakers.len()).map(|i| (i, true)).collect();
    pending.reverse();
    while words < target || !pending.is_empty() {
        let paragraph = if !pending.is_empty() && rng.chance(55) {
            let (who, first) = pending.pop().unwrap_or((0, true));
            let speaker = &plan.speakers[who];
            let (paragraph, text) = w.quote(rng, &plan, speaker, first);
            quotes.push(Quote { speaker: speaker.full.clone(), text });
            if first && rng.chance(60) {
                pending.insert(0, (who, false));
            }
            paragraph
        } else {
            let sentences = rng.range(2, 4);
            narrative(w, rng, &plan, sentences)
        };
        words += w.words(&paragraph);
        paragraphs.push(paragraph);
        if words > target * 2 {
            break;
        }
    }
    Article {
        lang,
        publication,
        date,
        title,
        byline: w.byline(rng, publication),
        date_line: w.date_line(rng, publication, date),
        dateline: w.dateline(rng, publication, date),
        paragraphs,
        quotes,
    }
}

fn narrative(w: &dyn Writer, rng: &mut Rng, plan: &Plan, sentences: usize) -> String {
    let parts: Vec<String> = (0..sentences).map(|_| w.sentence(rng, plan)).collect();
    w.join(&parts)
}

/// Fills `{name}` slots in a template from a lookup; unknown names stay as written, so a typo
/// in a template shows up in the text instead of panicking a benchmark.
pub fn fill(template: &str, mut value: impl FnMut(&str) -> String) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        match rest[open..].find('}') {
            Some(close) => {
                out.push_str(&value(&rest[open + 1..open + close]));
                rest = &rest[open + close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

pub fn place(lang: Lang, rng: &mut Rng) -> &'static str {
    rng.skewed(PLACES)[lang.index()]
}
