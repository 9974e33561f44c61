//! Quotations in a paragraph of Chinese (simplified or traditional). Chinese writes no spaces:
//! a run of characters between punctuation is one token, and a speaker's title, name, the time
//! and place of speaking and the speech verb share it ("外交部发言人毛宁20日在例行记者会上表示，
//! …"). The words come after the verb and its comma or colon, or before "…。”郑宇航说。".

use std::ops::Range;

use super::attribution::{Attribution, Findings, Found, Said};
use super::marks::{Quoted, Run};
use super::names::{Gender, Mention};
use super::text::{is_han, Para, TokKind};
use crate::model::{QuoteKind, Span};

/// Speech and cognition verbs, longest first so that "续说" wins over "说".
const CUES: &[&str] = &[
    // A verb with "称" is one cue, so the verb is not read into the name ("郭嘉昆回应称").
    "回应称",
    "回應稱",
    "表示称",
    "表示稱",
    "强调称",
    "強調稱",
    "指出称",
    "指出稱",
    "补充说",
    "補充說",
    "告诉记者",
    "告訴記者",
    "续说",
    "續說",
    "表示",
    "指出",
    "强调",
    "強調",
    "认为",
    "認為",
    "透露",
    "介绍",
    "介紹",
    "坦言",
    "直言",
    "提到",
    "补充",
    "補充",
    "重申",
    "宣布",
    "宣佈",
    "警告",
    "回应",
    "回應",
    "答道",
    "说道",
    "說道",
    "写道",
    "寫道",
    "声称",
    "聲稱",
    "宣称",
    "宣稱",
    "坚称",
    "堅稱",
    "称",
    "稱",
    "说",
    "說",
];
/// "据悉", "据了解": "it is learned", with no source.
const NOT_SOURCES: &[&str] =
    &["悉", "了解", "报道", "報道", "称", "稱", "统计", "統計", "介绍", "介紹", "估计", "估計"];
/// Words that close a speaking outlet's name before its cue ("朝中社报道称").
const OUTLET_ENDINGS: &[&str] = &["报道", "報道", "報導", "消息", "声明", "聲明", "社论", "社論"];
/// "据…报道，": the source of what follows the comma.
const SOURCE_OPENERS: &[&str] = &["另据", "另據", "据", "據"];
const SOURCE_CLOSERS: &[&str] =
    &["报道", "報道", "報導", "统计", "統計", "消息", "介绍", "介紹", "显示", "顯示", "称", "稱"];
/// Titles that precede a name ("外交部发言人毛宁"), longest first.
const TITLES: &[&str] = &[
    "新闻秘书",
    "新聞秘書",
    "副研究员",
    "副研究員",
    "副教授",
    "发言人",
    "發言人",
    "研究员",
    "研究員",
    "外务相",
    "外務相",
    "委员长",
    "委員長",
    "总书记",
    "總書記",
    "分析人士",
    "外交官",
    "副部长",
    "副部長",
    "外长",
    "外長",
    "部长",
    "部長",
    "主席",
    "总统",
    "總統",
    "总理",
    "總理",
    "大使",
    "教授",
    "主任",
    "所长",
    "所長",
    "院长",
    "院長",
    "书记",
    "書記",
    "司长",
    "司長",
    "局长",
    "局長",
    "议员",
    "議員",
    "特使",
    "顾问",
    "顧問",
    "学者",
    "學者",
    "专家",
    "專家",
    "官员",
    "官員",
    "分析师",
    "分析師",
    "秘书",
    "秘書",
    "首相",
    "参赞",
    "參贊",
    "领事",
    "領事",
    "博士",
    "省长",
    "省長",
    "市长",
    "市長",
    "县长",
    "縣長",
    "州长",
    "州長",
    "行政长官",
    "行政長官",
    "长官",
    "長官",
    "秘书长",
    "秘書長",
    "董事长",
    "董事長",
    "总经理",
    "總經理",
    "负责人",
    "負責人",
];
/// Words that end a speaker's name and open the time, place or manner of speaking.
const STOPS: &[&str] = &[
    "在", "于", "於", "昨日", "今日", "今天", "昨天", "日前", "此前", "近日", "当天", "當天",
    "当日", "曾", "则", "則", "又", "也", "还", "還", "对", "對", "接受", "被", "向", "再次", "续",
    "續", "就", "已", "均", "亦", "并", "並", "将", "將", "会见", "會見", "同", "与", "與",
];
/// Quantifiers that stand before an unnamed source like an article ("一位", "有").
const ARTICLES: &[&str] = &["一位", "一名", "一些", "多位", "多名", "不少", "有", "另"];
const PRONOUNS: &[(&str, Option<bool>)] = &[("他", Some(false)), ("她", Some(true))];
/// Characters of a name at most (transliterated names run to five: "扎哈罗娃").
const MAX_NAME_CHARS: usize = 5;
/// Middle dots that join the parts of a transliterated name.
const NAME_DOTS: &str = "·・";
/// Characters a speaker's title and name may take before a cue.
const MAX_SPEAKER_CHARS: usize = 40;

/// Everything found in one Chinese paragraph.
pub fn analyse(chars: &[char], span: Span, quoted: &[Quoted], runs: &[Run]) -> Findings {
    let regions: Vec<Span> = quoted.iter().map(|q| q.region).collect();
    let para = Para::new(chars, span, &regions);
    let mut findings = Findings::default();
    let cx = Chinese { para: &para, quoted, runs };
    for t in 0..para.toks.len() {
        if let Some(m) = cx.introduction(t) {
            findings.introductions.push((para.toks[t].start, m));
        }
    }
    if cx.only_quotes() {
        for t in 0..para.toks.len() {
            if matches!(para.toks[t].kind, TokKind::Quoted(_)) {
                findings.quotes.push(cx.quoted_found(t, QuoteKind::Direct, Said::Continuing));
            }
        }
        return findings;
    }
    for s in para.sentences(|_| true) {
        cx.sentence(s, &mut findings);
    }
    findings
}

struct Chinese<'a> {
    para: &'a Para<'a>,
    quoted: &'a [Quoted],
    runs: &'a [Run],
}

impl Chinese<'_> {
    fn word(&self, t: usize) -> String {
        let tok = self.para.toks[t];
        self.para.chars[tok.start..tok.end].iter().collect()
    }

    fn is_quoted(&self, t: usize) -> bool {
        matches!(self.para.toks.get(t).map(|x| x.kind), Some(TokKind::Quoted(_)))
    }

    /// A paragraph that is only a quotation continues the last speaker.
    fn only_quotes(&self) -> bool {
        let para = self.para;
        self.is_quoted(0) && (0..para.toks.len()).all(|t| self.is_quoted(t) || !para.is_word(t))
    }

    fn sentence(&self, s: Range<usize>, findings: &mut Findings) {
        let para = self.para;
        let mut t = s.start;
        while t < s.end {
            if !para.is_word(t) {
                t += 1;
                continue;
            }
            let word = self.word(t);
            if let Some(m) = self.source(&word) {
                if para.is_punct(t + 1, "，,") {
                    let clause = t + 2..s.end;
                    let inner = (clause.start..clause.end).find(|&k| self.cue(k).is_some());
                    match inner {
                        Some(k)
                            if self
                                .speaker_of(k)
                                .is_some_and(|m| matches!(m, Mention::Named { .. })) =>
                        {
                            t = k;
                            continue;
                        }
                        _ => {
                            let opener = if word.contains('據') { "據" } else { "据" };
                            let cue = CUES.iter().find(|c| word.ends_with(*c)).unwrap_or(&opener);
                            let said = self.attribute(findings, t, m, cue.to_string());
                            self.indirect(findings, clause, said);
                            return;
                        }
                    }
                }
            }
            let Some(cue) = self.cue(t) else {
                t += 1;
                continue;
            };
            let Some(mention) = self.speaker_of(t) else {
                t += 1;
                continue;
            };
            let said = self.attribute(findings, t, mention, cue);
            let next = t + 1;
            if para.is_punct(next, "：:") && self.is_quoted(next + 1) {
                self.direct(findings, next + 1..s.end, said);
            } else if para.is_punct(next, "，,") {
                let clause = next + 1..s.end;
                if self.is_quoted(clause.start)
                    && self.last_word(clause.clone()) == Some(clause.start)
                {
                    self.direct(findings, clause, said);
                } else {
                    self.indirect(findings, clause, said);
                }
            } else if t > s.start && self.is_quoted(t - 1) {
                self.direct(findings, s.start..t, said);
            }
            return;
        }
    }

    /// "据中国海关总署统计" → 中国海关总署; "据韩国统一部官员7月9日表示" → 韩国统一部官员.
    fn source(&self, word: &str) -> Option<Mention> {
        let rest = SOURCE_OPENERS.iter().find_map(|o| word.strip_prefix(o))?;
        if NOT_SOURCES.contains(&rest) {
            return None;
        }
        let rest =
            SOURCE_CLOSERS.iter().chain(CUES).find_map(|c| rest.strip_suffix(c)).unwrap_or(rest);
        if let Some(m @ Mention::Source { .. }) = speaker(rest) {
            return Some(m);
        }
        let chars: Vec<char> = rest.chars().collect();
        let end = (0..chars.len())
            .find(|&i| {
                let tail: String = chars[i..chars.len().min(i + 2)].iter().collect();
                chars[i].is_ascii_digit() || i > 0 && STOPS.iter().any(|s| tail.starts_with(s))
            })
            .unwrap_or(chars.len());
        let name: String = chars[..end].iter().collect();
        (name.chars().count() >= 2).then_some(Mention::Named {
            name,
            descriptor: None,
            gender: None,
        })
    }

    /// The cue a token ends with, when punctuation, a quotation or the sentence's end follows.
    fn cue(&self, t: usize) -> Option<String> {
        let para = self.para;
        if !para.is_word(t) {
            return None;
        }
        let word = self.word(t);
        let cue = CUES.iter().find(|c| word.ends_with(*c) && word.len() > c.len())?;
        let ends = t + 1 >= para.toks.len()
            || para.is_punct(t + 1, "，,：:。！？；")
            || self.is_quoted(t + 1);
        ends.then(|| cue.to_string())
    }

    /// The speaker named in the cue's token before the cue.
    fn speaker_of(&self, t: usize) -> Option<Mention> {
        let cue = self.cue(t)?;
        // A foreign name is transliterated with a middle dot ("安德烈·科兹洛夫说"), which
        // splits it into tokens: the name is read whole.
        let mut word = self.word(t);
        let mut k = t;
        while k >= 2 && self.para.is_word(k - 2) && self.para.is_punct(k - 1, NAME_DOTS) {
            word = format!("{}·{word}", self.word(k - 2));
            k -= 2;
        }
        let before = word.strip_suffix(cue.as_str())?;
        if !before.ends_with(['时', '時']) {
            return speaker(before);
        }
        // "韩立新24日接受《环球时报》记者采访时表示": the cue closes a clause of the time and
        // place of speaking, which a quoted title may split; the speaker stands before it.
        let para = self.para;
        let title_start = if t >= 1 && self.is_quoted(t - 1) {
            Some(t - 1)
        } else if t >= 1 && para.is_punct(t - 1, "》") {
            (t.saturating_sub(5)..t - 1).rev().find(|&k| para.is_punct(k, "《"))
        } else {
            None
        };
        let opening = match title_start {
            Some(k) if k >= 1 && para.is_word(k - 1) => self.word(k - 1),
            _ => before.to_string(),
        };
        speaker(before_setting(&opening))
    }

    /// A title and name opening a token in narration ("朝鲜外务相崔善姬19日会见了…").
    fn introduction(&self, t: usize) -> Option<Mention> {
        if !self.para.is_word(t) {
            return None;
        }
        let word: Vec<char> = self.word(t).chars().take(MAX_SPEAKER_CHARS).collect();
        let (title_end, name) = (1..word.len()).find_map(|e| {
            let head: String = word[..e].iter().collect();
            TITLES.iter().any(|x| head.ends_with(x)).then(|| (e, name_at(&word[e..])))
        })?;
        (name.chars().count() >= 2).then(|| Mention::Named {
            name,
            descriptor: Some(word[..title_end].iter().collect()),
            gender: None,
        })
    }

    fn attribute(&self, findings: &mut Findings, t: usize, mention: Mention, cue: String) -> Said {
        let at = self.para.toks[t].start;
        findings.attributions.push(Attribution { at, mention, cue, gender: None });
        Said::By(findings.attributions.len() - 1)
    }

    fn direct(&self, findings: &mut Findings, toks: Range<usize>, said: Said) {
        for t in toks.filter(|&t| self.is_quoted(t)) {
            findings.quotes.push(self.quoted_found(t, QuoteKind::Direct, said));
        }
    }

    /// The clause up to the sentence's final stop, and the quoted fragments inside it.
    fn indirect(&self, findings: &mut Findings, clause: Range<usize>, said: Said) {
        let Some(last) = self.last_word(clause.clone()) else {
            return;
        };
        let Some(span) = self.para.char_span(clause.start..last + 1) else {
            return;
        };
        findings.quotes.push(Found { kind: QuoteKind::Indirect, pieces: vec![span], said });
        for t in (clause.start..=last).filter(|&t| self.is_quoted(t)) {
            findings.quotes.push(self.quoted_found(t, QuoteKind::Partial, said));
        }
    }

    /// The last token of a range that is not a stop or a comma: what a clause ends with.
    fn last_word(&self, toks: Range<usize>) -> Option<usize> {
        toks.rev().find(|&t| !self.para.is_punct(t, "。！？；，、,;:：.!?"))
    }

    fn quoted_found(&self, t: usize, kind: QuoteKind, said: Said) -> Found {
        let TokKind::Quoted(q) = self.para.toks[t].kind else {
            return Found { kind, pieces: Vec::new(), said };
        };
        let run = self.runs.binary_search_by_key(&q, |r| r.quoted).ok();
        let pieces = match run {
            Some(r) if kind == QuoteKind::Direct => self.runs[r].pieces.clone(),
            _ => vec![self.quoted[q].inner],
        };
        Found { kind, pieces, said }
    }
}

/// The speaker a token's text before its cue names: a pronoun, "title + name", a name, or an
/// unnamed source named by its phrase ("不愿具名的中国外交官", "分析人士").
fn speaker(text: &str) -> Option<Mention> {
    let mut text = OUTLET_ENDINGS.iter().find_map(|e| text.strip_suffix(e)).unwrap_or(text);
    while let Some(rest) = ARTICLES.iter().find_map(|a| text.strip_prefix(a)) {
        text = rest;
    }
    // A speaker's title and name are short; the end of a long run is all that can hold them.
    let all: Vec<char> = text.chars().collect();
    let chars = &all[all.len().saturating_sub(MAX_SPEAKER_CHARS)..];
    let title_end = (1..=chars.len()).rev().find(|&e| {
        let head: String = chars[..e].iter().collect();
        TITLES.iter().any(|x| head.ends_with(x))
    });
    if let Some(e) = title_end {
        let name = name_at(&chars[e..]);
        let descriptor: String = chars[..e].iter().collect();
        if name.chars().count() >= 2 {
            return Some(Mention::Named { name, descriptor: Some(descriptor), gender: None });
        }
        return Some(Mention::Source { phrase: descriptor });
    }
    let name = name_at(chars);
    if let Some(&(_, female)) = PRONOUNS.iter().find(|(p, _)| *p == name) {
        return Some(Mention::Pronoun(female.map(Gender::from_female)));
    }
    let n = name.chars().count();
    (2..=MAX_NAME_CHARS).contains(&n).then_some(Mention::Named {
        name,
        descriptor: None,
        gender: None,
    })
}

/// The text before the time or place of speaking: up to a digit or a stop word after the
/// speaker's first title and first two characters, since an institution's name may hold a
/// stop word ("香港中文大學政治與行政學系副教授").
fn before_setting(text: &str) -> &str {
    let title_end = TITLES.iter().filter_map(|t| text.find(t).map(|i| i + t.len())).min();
    let from = text.char_indices().nth(2).map_or(text.len(), |(i, _)| i);
    let from = title_end.map_or(from, |e| e.max(from));
    let end = text[from..]
        .char_indices()
        .find(|&(i, c)| c.is_ascii_digit() || STOPS.iter().any(|s| text[from + i..].starts_with(s)))
        .map_or(text.len(), |(i, _)| from + i);
    &text[..end]
}

/// The name at the start of `chars`, up to a digit, a stop word or a non-Han character; a
/// middle dot between Han characters joins the parts of a transliterated name.
fn name_at(chars: &[char]) -> String {
    let mut end = 0;
    let mut part = 0;
    while end < chars.len() && part < MAX_NAME_CHARS {
        let c = chars[end];
        if NAME_DOTS.contains(c) {
            if part == 0 || !chars.get(end + 1).copied().is_some_and(is_han) {
                break;
            }
            part = 0;
            end += 1;
            continue;
        }
        let rest: String = chars[end..chars.len().min(end + 2)].iter().collect();
        if !is_han(c) || STOPS.iter().any(|s| rest.starts_with(s)) {
            break;
        }
        end += 1;
        part += 1;
    }
    chars[..end].iter().collect()
}
