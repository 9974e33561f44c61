//! Quotations in a paragraph of Korean. Korean ends a sentence with its speech verb and marks
//! the quotation with a particle glued to the closing mark: "박성진 통일부 대변인은 “…”고
//! 말했다." The subject (name, then organisation and title) opens the sentence with a topic or
//! subject particle; reported clauses end in "-다고" before the verb.

use std::ops::Range;

use super::attribution::{Attribution, Findings, Found, Said};
use super::marks::{Quoted, Run};
use super::names::Mention;
use super::text::{Para, TokKind};
use crate::model::{QuoteKind, Span};

/// Speech and cognition verbs as they end a sentence.
const CUES: &[&str] = &[
    "말했다",
    "밝혔다",
    "강조했다",
    "덧붙였다",
    "분석했다",
    "지적했다",
    "답했다",
    "주장했다",
    "보도했다",
    "전했다",
    "설명했다",
    "언급했다",
    "평가했다",
    "내다봤다",
    "예상했다",
    "우려했다",
    "경고했다",
    "비판했다",
    "촉구했다",
    "전망했다",
    "발표했다",
    "말한다",
    "밝힌다",
    "강조한다",
    "주장한다",
    "지적한다",
    "분석한다",
    "전망한다",
    "설명한다",
    "했다",
    "물었다",
    "반박했다",
    "해명했다",
    "시사했다",
    "진단했다",
    "관측했다",
    "판단했다",
    "보고했다",
    "알렸다",
    "했습니다",
    "말했습니다",
    "밝혔습니다",
];
/// Particles glued to a closing mark that make the quotation speech ("”고", "”라며").
const QUOTATIVES: &[&str] =
    &["이라고", "라고", "고", "이라며", "라며", "며", "이라면서", "라면서", "면서", "하고"];
/// Nouns of speech an adnominal quotation modifies ("“…”는 입장을 되풀이했다").
const SPEECH_NOUNS: &[&str] = &[
    "입장",
    "발언",
    "말",
    "주장",
    "뜻",
    "견해",
    "의견",
    "메시지",
    "취지",
    "내용",
    "얘기",
    "이야기",
];
/// Topic and subject particles that end a sentence's subject.
const SUBJECT_PARTICLES: &[&str] = &["은", "는", "이", "가", "도"];
/// Sentence adverbs before the subject.
const DISCOURSE: &[&str] =
    &["한편", "또", "또한", "이어", "다만", "그러면서", "특히", "아울러", "앞서"];
/// Titles that end a speaker's phrase ("… 대변인은"), matched as word endings.
const TITLES: &[&str] = &[
    "대변인",
    "장관",
    "차관",
    "위원",
    "교수",
    "연구원",
    "원장",
    "소장",
    "센터장",
    "실장",
    "국장",
    "과장",
    "대사",
    "총리",
    "대통령",
    "주석",
    "위원장",
    "지사",
    "시장",
    "의원",
    "대표",
    "총장",
    "부장",
    "외무상",
    "박사",
    "특파원",
    "관계자",
    "당국자",
    "전문가",
    "고문",
    "사령관",
    "비서",
    "서기장",
    "수석",
    "보좌관",
    "단장",
    "회장",
    "이사장",
    "연구관",
    "분석관",
];
/// Nouns that, alone as a subject, point back to an earlier speaker ("통신은" → 조선중앙통신).
const ROLES: &[&str] =
    &["통신", "당국자", "관계자", "대변인", "장관", "위원", "교수", "소식통", "외교관"];
/// Unnamed sources, named by the whole phrase ("대북 소식통", "정부 관계자").
const SOURCES: &[&str] = &["소식통", "관계자", "당국자", "관리", "전문가", "외교관", "관측통"];
/// Words naming a country or bloc, which belong to a speaker's organisation.
const PLACES: &[&str] = &[
    "중국",
    "러시아",
    "북한",
    "한국",
    "미국",
    "일본",
    "유엔",
    "조선",
    "남한",
    "대만",
    "우크라이나",
    "주한",
    "주중",
    "주러",
    "주북",
];
/// Last syllables of organisation names ("통일부", "연구원", "연해주").
const ORG_ENDINGS: &[char] = &[
    '부', '원', '청', '처', '회', '주', '국', '실', '관', '소', '교', '단', '성', '군', '당', '사',
    '터',
];
const PRONOUNS: &[(&str, Option<bool>)] = &[("그", Some(false)), ("그녀", Some(true))];
/// Common Korean family names.
const SURNAMES: &[char] = &[
    '김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권', '황',
    '안', '송', '류', '유', '전', '홍', '고', '문', '양', '손', '배', '백', '허', '남', '심', '노',
    '하', '곽', '성', '차', '주', '우', '구', '민', '진', '나', '지', '엄', '채', '원', '천', '방',
    '공', '현', '함', '변', '염', '여', '추', '도', '소', '석', '선', '설', '마', '길', '연', '위',
    '표', '명', '기', '반', '왕', '금', '옥', '육', '인', '맹', '제', '모', '탁', '국', '어', '은',
    '편', '용', '예', '경', '봉', '사', '부', '태', '리', '림',
];
/// Words of a speaker's name at most (a foreign name is written as two).
const MAX_NAME_WORDS: usize = 2;
/// Words of a subject phrase at most.
const MAX_SUBJECT_WORDS: usize = 6;

/// Everything found in one Korean paragraph.
pub fn analyse(chars: &[char], span: Span, quoted: &[Quoted], runs: &[Run]) -> Findings {
    let regions: Vec<Span> = quoted.iter().map(|q| q.region).collect();
    let para = Para::new(chars, span, &regions);
    let sentences = para.sentences(|_| true);
    let mut findings = Findings::default();
    let starts: Vec<usize> = runs.iter().map(|r| quoted[r.quoted].region.start).collect();
    let only_quotes = para.toks.first().is_some_and(|t| matches!(t.kind, TokKind::Quoted(_)))
        && para.toks.iter().all(|t| !matches!(t.kind, TokKind::Word));
    if only_quotes {
        let cx = Sentence { para: &para, quoted, runs, starts: &starts, s: 0..para.toks.len() };
        for t in 0..para.toks.len() {
            if matches!(para.toks[t].kind, TokKind::Quoted(_)) {
                findings.quotes.push(cx.quoted_found(t, QuoteKind::Direct, Said::Continuing));
            }
        }
        return findings;
    }
    for s in sentences {
        Sentence { para: &para, quoted, runs, starts: &starts, s }.read(&mut findings);
    }
    findings
}

struct Sentence<'a> {
    para: &'a Para<'a>,
    quoted: &'a [Quoted],
    runs: &'a [Run],
    /// Where each run starts, to find the run of a quoted token.
    starts: &'a [usize],
    s: Range<usize>,
}

impl Sentence<'_> {
    fn read(&self, findings: &mut Findings) {
        if self.according_to(findings) {
            return;
        }
        let Some((cue_tok, cue, listed)) = self.cue() else {
            return;
        };
        let para = self.para;
        // "“…”라고 말했다고 전했다": a relay; the quote is the inner speaker's, with the inner cue.
        let relayed = cue_tok > self.s.start
            && ends_with_any(&para.lower[cue_tok - 1], &["다고"])
            && CUES.contains(&para.lower[cue_tok - 1].trim_end_matches('고'));
        let (cue_tok, cue) = if relayed {
            (cue_tok - 1, para.lower[cue_tok - 1].trim_end_matches('고').to_string())
        } else {
            (cue_tok, cue)
        };
        let quotes: Vec<usize> = (self.s.start..cue_tok)
            .filter(|&t| matches!(para.toks[t].kind, TokKind::Quoted(_)) && self.is_speech(t))
            .collect();
        // Any verb closes a quotation marked as speech; reported words need a speech verb.
        if quotes.is_empty() && !listed {
            return;
        }
        let subject = self.subject(quotes.first().copied(), relayed);
        let Some((subject_end, mention)) = subject else {
            return;
        };
        // "“…”는 김성남 국제부장의 발언을 전했다": the words are the one named before the noun.
        let mention = quotes.first().and_then(|&q| self.owner(q)).unwrap_or(mention);
        let at = para.toks[cue_tok].start;
        findings.attributions.push(Attribution { at, mention, cue, gender: None });
        let said = Said::By(findings.attributions.len() - 1);
        let clause_start = self.clause_start(subject_end, cue_tok);
        match quotes.first() {
            Some(&q) if q > clause_start && self.clause_subject_before(q) => {
                // "협력이 “…”고": the marks hold only the predicate of a reported clause.
                if let Some(span) = self.span(clause_start..q + 1) {
                    findings.quotes.push(Found {
                        kind: QuoteKind::Indirect,
                        pieces: vec![span],
                        said,
                    });
                }
                for &q in &quotes {
                    findings.quotes.push(self.quoted_found(q, QuoteKind::Partial, said));
                }
            }
            Some(_) => {
                for &q in &quotes {
                    findings.quotes.push(self.quoted_found(q, QuoteKind::Direct, said));
                }
            }
            None => {
                if let Some(span) = self.reported(clause_start, cue_tok) {
                    let found = Found { kind: QuoteKind::Indirect, pieces: vec![span], said };
                    findings.quotes.push(found);
                }
            }
        }
    }

    /// The sentence's final speech verb, if it ends with one.
    /// The sentence's final verb, and whether it is a known speech verb.
    fn cue(&self) -> Option<(usize, String, bool)> {
        let para = self.para;
        let last = (self.s.start..self.s.end).rev().find(|&t| para.is_word(t))?;
        let word = &para.lower[last];
        let listed = CUES.contains(&word.as_str());
        (listed || word.ends_with('다')).then(|| (last, word.clone(), listed))
    }

    /// "조선중앙통신에 따르면 …": the source of the rest of the sentence.
    fn according_to(&self, findings: &mut Findings) -> bool {
        let para = self.para;
        let window = self.s.start..self.s.end.min(self.s.start + MAX_SUBJECT_WORDS + 1);
        let Some(f) = window.clone().find(|&t| para.word_is(t, &["따르면"])) else {
            return false;
        };
        let has_speech = (self.s.start..self.s.end)
            .any(|t| matches!(para.toks[t].kind, TokKind::Quoted(_)) && self.is_speech(t));
        if has_speech || f == self.s.start || !para.lower[f - 1].ends_with('에') {
            return false;
        }
        let mut start = self.s.start;
        while start < f && para.word_is(start, DISCOURSE) {
            start += 1;
        }
        let words: Vec<String> = (start..f)
            .map(|t| {
                let w: String = para.chars[para.toks[t].start..para.toks[t].end].iter().collect();
                if t + 1 == f {
                    w.trim_end_matches('에').to_string()
                } else {
                    w
                }
            })
            .collect();
        let mut clause = f + 1;
        while para.is_punct(clause, ",") {
            clause += 1;
        }
        let last = (clause..self.s.end).rev().find(|&t| !para.is_punct(t, ".。!?"));
        let (Some(mention), Some(last)) = (mention(&words), last) else {
            return false;
        };
        let Some(span) = self.span(clause..last + 1) else {
            return false;
        };
        let at = para.toks[f].start;
        findings
            .attributions
            .push(Attribution { at, mention, cue: "따르면".into(), gender: None });
        let said = Said::By(findings.attributions.len() - 1);
        findings.quotes.push(Found { kind: QuoteKind::Indirect, pieces: vec![span], said });
        true
    }

    /// A quoted token followed by a quotative particle ("”고", "”라며"), or by an adnominal one
    /// before a noun of speech ("”는 입장을").
    fn is_speech(&self, t: usize) -> bool {
        let para = self.para;
        let glued = |set: &[&str]| {
            para.toks.get(t + 1).is_some_and(|next| {
                next.start == para.toks[t].end
                    && next.kind == TokKind::Word
                    && set.iter().any(|q| para.lower[t + 1].starts_with(q))
            })
        };
        glued(QUOTATIVES) || self.speech_noun(t).is_some()
    }

    /// The noun of speech an adnominal quotation modifies ("“…”는 입장을", "“…”는 …의 발언을"),
    /// as the object of the sentence's verb.
    fn speech_noun(&self, t: usize) -> Option<usize> {
        let para = self.para;
        let next = para.toks.get(t + 1)?;
        let adnominal = next.start == para.toks[t].end
            && para.word_is(t + 1, &["는", "라는", "이라는", "하는"]);
        if !adnominal {
            return None;
        }
        let end = self.s.end.min(t + 2 + MAX_SUBJECT_WORDS);
        (t + 2..end).find(|&k| {
            let w = &para.lower[k];
            para.is_word(k)
                && SPEECH_NOUNS
                    .iter()
                    .any(|n| w.strip_prefix(n).is_some_and(|r| r == "을" || r == "를"))
        })
    }

    /// The speaker named in the genitive before an adnominal quotation's noun ("…의 발언을").
    fn owner(&self, q: usize) -> Option<Mention> {
        let para = self.para;
        let noun = self.speech_noun(q)?;
        let last = noun.checked_sub(1).filter(|&k| k >= q + 2)?;
        // A one-syllable stem is a noun ending in "의" ("회의"), not a name's genitive.
        let owner = para.lower[last].strip_suffix('의')?;
        if owner.chars().count() < 2 {
            return None;
        }
        let mut words: Vec<String> = (q + 2..last)
            .map(|t| para.chars[para.toks[t].start..para.toks[t].end].iter().collect())
            .collect();
        let w: String = para.chars[para.toks[last].start..para.toks[last].end].iter().collect();
        words.push(w.trim_end_matches('의').to_string());
        mention(&words)
    }

    fn quoted_found(&self, t: usize, kind: QuoteKind, said: Said) -> Found {
        let TokKind::Quoted(q) = self.para.toks[t].kind else {
            return Found { kind, pieces: Vec::new(), said };
        };
        let start = self.quoted[q].region.start;
        let pieces = match self.starts.binary_search(&start) {
            Ok(r) if kind == QuoteKind::Direct => self.runs[r].pieces.clone(),
            _ => vec![self.quoted[q].inner],
        };
        Found { kind, pieces, said }
    }

    /// The speaker: the words before the quote ending in a subject particle for a relay
    /// ("… 부지사가 “…”라고 말했다고 전했다"), else the sentence's topic. Returns the token
    /// after the subject and the mention.
    fn subject(&self, first_quote: Option<usize>, relayed: bool) -> Option<(usize, Mention)> {
        let para = self.para;
        let mut start = self.s.start;
        while start < self.s.end && para.word_is(start, DISCOURSE) {
            start += 1;
        }
        let end = if relayed {
            let q = first_quote?;
            let t = q.checked_sub(1)?;
            (t >= start && particle(&para.lower[t]).is_some()).then_some(t)?
        } else {
            // A topic ("…은", "…는") before a subject ("…이", "…가"); a particle-like ending
            // followed by a title or workplace is part of a name ("박지은 교수는").
            // A gloss in parentheses ("궈자쿤(郭嘉昆)") takes three tokens but is no word.
            let glosses = (start..self.s.end.min(start + MAX_SUBJECT_WORDS))
                .filter(|&t| para.is_punct(t, "("))
                .count();
            let window = start..self.s.end.min(start + MAX_SUBJECT_WORDS + 3 * glosses);
            let ends_phrase = |t: usize, set: &[&str]| {
                para.is_word(t)
                    && particle(&para.lower[t]).is_some_and(|p| set.contains(&p))
                    && !para.toks.get(t + 1).is_some_and(|_| is_title(&para.lower[t + 1]))
                    && !is_name_before_role(para, t)
            };
            window
                .clone()
                .find(|&t| ends_phrase(t, &["은", "는"]))
                .or_else(|| window.clone().find(|&t| ends_phrase(t, &["이", "가", "도"])))?
        };
        // The phrase runs back from its particle over plain words: a quotation or a relative
        // clause before it ("대표단을 이끈 …") is not part of it.
        // A gloss in parentheses ("궈자쿤(郭嘉昆) 대변인은") is skipped.
        let mut from = end;
        let mut t = end;
        let mut taken = 0;
        while t > start && taken < MAX_SUBJECT_WORDS - 1 {
            if para.is_punct(t - 1, ")") {
                match (start..t - 1).rev().take(4).find(|&o| para.is_punct(o, "(")) {
                    Some(open) => t = open,
                    None => break,
                }
            } else if plain(para, t - 1) {
                t -= 1;
                from = t;
                taken += 1;
            } else {
                break;
            }
        }
        let mut depth = 0usize;
        let inside: Vec<bool> = (from..=end)
            .map(|t| {
                if para.is_punct(t, "(") {
                    depth += 1;
                } else if para.is_punct(t, ")") {
                    depth = depth.saturating_sub(1);
                    return true;
                }
                depth > 0 || !para.is_word(t)
            })
            .collect();
        let words: Vec<String> = (from..=end)
            .filter(|&t| !inside[t - from])
            .map(|t| {
                let w: String = para.chars[para.toks[t].start..para.toks[t].end].iter().collect();
                if t == end {
                    particle(&w).map_or(w.clone(), |p| w[..w.len() - p.len()].to_string())
                } else {
                    w
                }
            })
            .collect();
        Some((end + 1, mention(&words)?))
    }

    /// "협력이 “…”고": a subject or object of the clause's own stands before the marks.
    fn clause_subject_before(&self, q: usize) -> bool {
        let para = self.para;
        q > 0 && para.is_word(q - 1) && {
            let w = &para.lower[q - 1];
            let marked = particle(w).is_some() || ends_with_any(w, &["을", "를"]);
            marked && !is_title(w)
        }
    }

    /// Where a reported clause starts: after the subject, a sentence adverb, and the time and
    /// place of the speaking ("15일 정례 브리핑에서").
    fn clause_start(&self, after_subject: usize, cue: usize) -> usize {
        let para = self.para;
        let mut t = after_subject;
        // "조 교수는 그러면서 …", "통신은 또 …": a sentence adverb after the subject links
        // the sentence to the one before and is not part of what was said.
        while t < cue && (is_time(&para.lower[t]) || para.word_is(t, DISCOURSE)) {
            t += 1;
        }
        if let Some(place) = (t..cue.min(t + 3)).find(|&k| para.lower[k].ends_with("에서")) {
            t = place + 1;
        }
        t
    }

    /// The reported clause before the cue, without its quotative ending ("…집계됐다고" →
    /// "…집계됐다").
    fn reported(&self, start: usize, cue: usize) -> Option<Span> {
        let para = self.para;
        let last = cue.checked_sub(1)?;
        if last < start || !para.is_word(last) {
            return None;
        }
        let word = &para.lower[last];
        let cut = ["이라고", "라고", "고"]
            .iter()
            .find(|e| word.ends_with(*e) && (**e != "고" || word.ends_with("다고")))
            .map(|e| e.chars().count())?;
        let span = self.span(start..last + 1)?;
        (span.end - cut > span.start).then_some(Span { start: span.start, end: span.end - cut })
    }

    fn span(&self, toks: Range<usize>) -> Option<Span> {
        self.para.char_span(toks)
    }
}

/// A word with no particle and no verb ending: part of a name or a title. Names may end like
/// a subject particle ("세르게이"), and places in "한" ("북한"), so those do not end a phrase.
fn plain(para: &Para, t: usize) -> bool {
    const ENDINGS: &[&str] =
        &["은", "는", "을", "를", "의", "에", "와", "과", "끈", "된", "던", "면", "고", "며"];
    para.is_word(t) && (!ends_with_any(&para.lower[t], ENDINGS) || is_name_before_role(para, t))
}

/// A name that only looks like it ends in a particle, since a workplace or title follows it
/// ("정다은 통일부 대변인은", "박지은 교수는").
fn is_name_before_role(para: &Para, t: usize) -> bool {
    let next = para.toks.get(t + 1).map(|_| para.lower[t + 1].as_str());
    is_korean_name(&para.lower[t]) && next.is_some_and(|w| is_org(w) || is_title(w))
}

fn particle(word: &str) -> Option<&'static str> {
    SUBJECT_PARTICLES.iter().copied().find(|p| word.ends_with(p) && word.chars().count() > 1)
}

fn ends_with_any(word: &str, endings: &[&str]) -> bool {
    endings.iter().any(|e| word.ends_with(e))
}

fn is_time(word: &str) -> bool {
    let day = word.ends_with('일') && word.chars().next().is_some_and(|c| c.is_ascii_digit());
    day || matches!(word, "이날" | "지난" | "오늘" | "어제" | "최근" | "당시" | "현재")
}

/// The speaker a Korean subject phrase names: a pronoun, a role pointing back, a surname with
/// a title ("정 위원"), a name before its organisation and title, or an institution.
fn mention(words: &[String]) -> Option<Mention> {
    // "한 대북 소식통": "한" is the article "a".
    let words = match words.split_first() {
        Some((first, rest)) if first == "한" && !rest.is_empty() => rest,
        _ => words,
    };
    let last = words.last()?;
    if words.len() > 1 && SOURCES.contains(&last.as_str()) && !is_korean_name(&words[0]) {
        return Some(Mention::Source { phrase: words.join(" ") });
    }
    if words.len() == 1 {
        if let Some(&(_, female)) = PRONOUNS.iter().find(|(p, _)| p == last) {
            return Some(Mention::Pronoun(female.map(super::names::Gender::from_female)));
        }
        if ROLES.contains(&last.as_str()) {
            return Some(Mention::Role { phrase: last.clone() });
        }
        return Some(Mention::Named { name: last.clone(), descriptor: None, gender: None });
    }
    if !TITLES.iter().any(|t| last.ends_with(t)) {
        // "북한 조선중앙통신": an institution after where it is from.
        let descriptor = Some(words[..words.len() - 1].join(" "));
        return Some(Mention::Named { name: last.clone(), descriptor, gender: None });
    }
    if words.len() == 2 && words[0].chars().count() == 1 {
        return Some(Mention::Named { name: words[0].clone(), descriptor: None, gender: None });
    }
    // A Korean name opens the phrase ("정민규 한국통일연구원 선임연구위원"); else organisation
    // words stand before the title, after at most two words of a foreign name ("마리야
    // 자하로바 러시아 외무부 대변인"); with no name at all it is an unnamed source ("통일부
    // 당국자").
    let second_is_role = words.len() == 2 || is_org(&words[1]) || is_title(&words[1]);
    let org = if is_korean_name(&words[0]) && second_is_role {
        1
    } else {
        let mut org = words.len() - 1;
        while org > 0 && is_org(&words[org - 1]) {
            org -= 1;
        }
        org
    };
    if org == 0 {
        let phrase = words.join(" ");
        return Some(Mention::Source { phrase });
    }
    // "중국 외교부 궈자쿤 대변인", "러시아 크렘린궁 드미트리 페스코프 대변인": where the
    // speaker is from before the name, the title after it.
    let title = words.len() - 1;
    if org == title && title >= 2 {
        let name_start = (title.saturating_sub(MAX_NAME_WORDS)..title)
            .find(|&k| (k..title).all(|n| !is_org(&words[n])))
            .unwrap_or(title);
        if name_start > 0 && name_start < title && is_org(&words[0]) {
            let name = words[name_start..title].join(" ");
            let descriptor = Some(format!("{} {}", words[..name_start].join(" "), words[title]));
            return Some(Mention::Named { name, descriptor, gender: None });
        }
    }
    let name = words[org.saturating_sub(MAX_NAME_WORDS)..org].join(" ");
    let descriptor = Some(words[org..].join(" "));
    Some(Mention::Named { name, descriptor, gender: None })
}

/// Two to four syllables opening with a common family name, and not ending like a
/// government body ("국방부").
fn is_korean_name(word: &str) -> bool {
    let syllables: Vec<char> = word.chars().collect();
    (2..=4).contains(&syllables.len())
        && SURNAMES.contains(&syllables[0])
        && !matches!(syllables[syllables.len() - 1], '부' | '청' | '처' | '회' | '단' | '당' | '실')
        && !PLACES.contains(&word)
}

/// A title, with or without its particle ("대변인은").
fn is_title(word: &str) -> bool {
    let bare = particle(word).map_or(word, |p| &word[..word.len() - p.len()]);
    TITLES.iter().any(|t| bare.ends_with(t))
}

fn is_org(word: &str) -> bool {
    PLACES.contains(&word) || word.chars().last().is_some_and(|c| ORG_ENDINGS.contains(&c))
}
