//! Korean articles in the style of Yonhap: particles chosen by the last syllable
//! (위성은 / 위성이 / 위성을), quotations closed with “…”라고 and indirect speech with -다고.

use super::{fill, place, Date, Lang, Named, Plan, Rng, Writer, TOPICS};

pub struct Korean;

const ACTORS: &[&str] = &[
    "북한",
    "러시아",
    "중국",
    "평양",
    "모스크바",
    "베이징",
    "한국 정부",
    "미국",
    "일본",
    "북한 외무성",
    "크렘린궁",
    "중국 외교부",
    "통일부",
    "러시아 국방부",
    "유엔 안보리",
    "노동당",
    "러시아 극동개발부",
    "중국 해관총서",
    "조선인민군",
];

const TOPIC_PHRASES: [&[&str]; TOPICS] = [
    &[
        "제재",
        "대북제재",
        "안보리 제재",
        "선박 간 환적",
        "정유제품 반입 상한",
        "세컨더리 보이콧",
        "제재 이행",
        "전문가패널 보고서",
        "수출 통제",
    ],
    &["조약", "포괄적 전략동반자 조약", "상호지원 조항", "1961년 우호조약", "동맹", "조약 비준"],
    &[
        "위성",
        "정찰위성",
        "위성 발사",
        "만리경 1호",
        "우주 협력",
        "천리마 1형 발사체",
        "로켓 엔진 기술",
        "서해위성발사장",
    ],
    &["국경 무역", "신압록강대교", "국경 교역", "세관 검사", "물물교환", "밀수", "국경 재개방"],
    &[
        "하산-라진 철도",
        "라진항",
        "석탄 환적",
        "철도 연결",
        "컨테이너 운송",
        "두만강 철교",
        "물동량",
    ],
    &["관광", "단체관광", "원산갈마 해안관광지구", "관광 항공편", "블라디보스토크-평양 노선"],
    &["북한 노동자", "노동자 파견", "건설 인력", "유학생 비자", "해외 노동자", "송금"],
    &["원유 공급", "정유제품", "전력 공급", "석탄 수출", "송유관", "에너지 협력"],
    &["군사협력", "포탄", "탄도미사일", "무기 이전", "연합훈련", "무기 거래", "파병"],
    &["정상회담", "국빈 방문", "고위급 회담", "공동성명", "수교 기념일", "정부간위원회 회의"],
    &["식량 지원", "곡물", "어업권", "밀가루 지원", "비료", "수확"],
    &["두만강 자동차 다리", "두만강 항행", "두만강 하구", "동해 출항권", "다리 건설"],
];

const TOPIC_SENTENCES: [&[&str]; TOPICS] = [
    &["대북제재는 2006년부터 단계적으로 강화됐다."],
    &["조약은 비준서 교환과 함께 발효됐다."],
    &[
        "군 당국은 위성이 정상 궤도에 진입하지 못했다고 밝혔다.",
        "북한은 위성 발사를 국제해사기구에 사전 통보했다.",
        "전문가들은 정찰위성의 해상도가 낮다고 평가했다.",
    ],
    &["국경 세관 앞에는 화물차 행렬이 길게 늘어섰다."],
    &["라진항은 러시아 철도망과 연결돼 있다."],
    &["연해주 관광객들은 2019년 처음으로 북한을 찾았다."],
    &["러시아 내 북한 노동자 규모는 공식적으로 공개되지 않는다."],
    &["북한의 정유제품 반입은 안보리 결의로 제한돼 있다."],
    &["정보당국은 포탄이 지난해 이전됐다고 판단했다."],
    &["회담은 세 시간 넘게 이어졌다."],
    &["가뭄으로 북한의 수확량이 줄었다."],
    &["다리 건설은 1년 반 뒤 완공될 예정이다."],
];

const TIMES: &[&str] =
    &["지난주", "화요일", "금요일", "이달 초", "지난달", "주말", "올해", "최근 몇 주 사이"];

const NARRATIVE: &[&str] = &[
    "{a:은} {w} {p}에서 {b:과} {t:을} 논의했다.",
    "합의는 {t:과} {t2:을} 포함한다고 {pub:이} 보도했다.",
    "{p} 당국은 {w} {n:이} 국경을 넘었다고 밝혔다.",
    "{a:은} {t:을} 거듭 비판하며 내정 간섭이라고 주장했다.",
    "현지 소식통에 따르면 {w} {p} 인근에서 {n:이} 목격됐다.",
    "세관 자료에 따르면 {y}년 {p}의 교역액은 {money}에 달했다.",
    "{a:은} {t2}에도 불구하고 {t:을} 확대하려 하고 있다.",
    "{m:은} {w} {p:을} 방문해 {t} 현장을 시찰했다고 관영 매체가 전했다.",
    "전문가들은 {y}년 이후 {a:과} {b}의 관계가 깊어졌다고 분석했다.",
    "{t:이} {t2}에 어떤 영향을 줄지는 아직 분명하지 않다.",
    "{p}에서 열린 회담은 {y}년 이후 처음이다.",
    "{a:은} {t}에 대한 논평 요청에 응하지 않았다.",
    "비판론자들은 {t:이} 안보리 결의를 훼손한다고 지적한다.",
    "{p}의 외교 소식통은 회담 분위기가 우호적이었다고 전했다.",
    "{m:이} 이끄는 대표단이 {w} {p}에 도착했다.",
    "이 수치는 독자적으로 확인되지 않았다.",
    "양측은 {p}에서 체결한 합의의 규모를 공개하지 않았다.",
    "정부 소식통은 {t:을} 면밀히 주시하고 있다고 말했다.",
    "선박 기록에 따르면 {w} {n:이} {p}에서 출항했다.",
    "{p} 주민들은 {t:이} 일상생활을 크게 바꾸지는 않았다고 말했다.",
];

const QUOTES: &[&str] = &[
    "우리는 적대세력이 강요하는 {t:을} 절대 받아들이지 않을 것이다",
    "{t:은} 원칙의 문제다",
    "{y}년 이후 {t:을} 둘러싼 상황이 훨씬 복잡해졌다",
    "{t:은} 놀라운 일이 아니다",
    "{t:이} 현장에서 무엇을 바꿨다는 증거는 없다",
    "우리는 {t:을} 이웃 간의 자연스러운 조치로 본다",
    "평양은 {t:을} 지렛대로 활용하고 있다",
    "진짜 문제는 {t}의 비용을 누가 부담하느냐다",
    "{t:이} 지속될지 판단하기는 이르다",
    "작은 경제에 {t:은} 상당한 부담이다",
    "{p}에서 벌어지는 일이 어떤 성명보다 많은 것을 말해준다",
    "양국 협력은 제3국을 겨냥한 것이 아니다",
    "실제 수치는 보도보다 훨씬 작다",
    "러시아의 기술 지원 없이 위성 발사는 어려웠을 것이다",
];

const INDIRECT: &[&str] = &[
    "북한이 {t:을} 포기할 가능성은 낮다",
    "{t:은} 다음 회담에서 논의될 것이다",
    "외신이 {t}의 규모를 과장했다",
    "{t:은} {y}년 이전부터 준비됐다",
    "양측의 기대가 서로 다르다",
];

const TITLES: &[&str] = &[
    "{a:과} {b}, {p}서 {t} 논의",
    "{m}, {t} 속도…{b:과} 밀착",
    "{p} 인근서 {t} 정황 포착",
    "{a} \"{t}, 누구도 위협하지 않아\"",
    "〈분석〉 {t:이} 보여준 북중러 관계",
];

const REPORTERS: &[&str] = &["김민수", "이지현", "박성훈", "정다은", "최윤아"];

/// Whether a word ends in a syllable with a final consonant, which picks the particle.
fn has_final(word: &str) -> Option<bool> {
    let last = word.chars().last()?;
    let code = last as u32;
    (0xAC00..=0xD7A3).contains(&code).then(|| (code - 0xAC00) % 28 != 0)
}

fn with_particle(word: &str, particle: &str) -> String {
    let (after_consonant, after_vowel) = match particle {
        "은" => ("은", "는"),
        "이" => ("이", "가"),
        "을" => ("을", "를"),
        "과" => ("과", "와"),
        other => (other, other),
    };
    // Digits and Latin letters end some names ("만리경 1호" does not, "1961년" does): read
    // them as ending in a vowel, as most do when spoken.
    let particle = if has_final(word).unwrap_or(false) { after_consonant } else { after_vowel };
    format!("{word}{particle}")
}

/// A statement as reported speech takes -고, and the copula 이다 becomes 이라고.
fn reported(clause: &str) -> String {
    match clause.strip_suffix("이다") {
        Some(stem) => format!("{stem}이라"),
        None => clause.to_string(),
    }
}

fn number(rng: &mut Rng) -> String {
    match rng.below(5) {
        0 => format!("석탄 {}만 톤", rng.range(1, 90)),
        1 => format!("선박 {}척", rng.range(3, 60)),
        2 => format!("화물차 {}대", rng.range(10, 900)),
        3 => format!("노동자 {}명", rng.range(20, 5000)),
        _ => format!("화물열차 {}량", rng.range(5, 300)),
    }
}

fn slot(rng: &mut Rng, plan: &Plan, name: &str) -> String {
    let (name, particle) = name.split_once(':').unwrap_or((name, ""));
    let topic = |rng: &mut Rng, t: usize| rng.pick(TOPIC_PHRASES[t]).to_string();
    let value = match name {
        "a" | "b" => rng.pick(ACTORS).to_string(),
        "t" => topic(rng, plan.topic),
        "t2" => topic(rng, plan.second_topic),
        "p" => place(Lang::Ko, rng).to_string(),
        "n" => number(rng),
        "money" => format!("{}만 달러", rng.range(100, 9000)),
        "w" => rng.pick(TIMES).to_string(),
        "y" => (plan.year - rng.range(1, 6) as u16).to_string(),
        "m" => rng.pick(&plan.mentioned).full.clone(),
        "pub" => "연합뉴스".to_string(),
        other => other.to_string(),
    };
    if particle.is_empty() {
        value
    } else {
        with_particle(&value, particle)
    }
}

impl Writer for Korean {
    fn title(&self, rng: &mut Rng, plan: &Plan) -> String {
        fill(*rng.pick(TITLES), |s| slot(rng, plan, s))
    }

    fn sentence(&self, rng: &mut Rng, plan: &Plan) -> String {
        if rng.chance(6) {
            return rng.pick(TOPIC_SENTENCES[plan.topic]).to_string();
        }
        fill(*rng.pick(NARRATIVE), |s| slot(rng, plan, s))
    }

    fn quote(&self, rng: &mut Rng, plan: &Plan, who: &Named, first: bool) -> (String, String) {
        let said = fill(*rng.pick(QUOTES), |s| slot(rng, plan, s));
        let clause = fill(*rng.pick(INDIRECT), |s| slot(rng, plan, s));
        let (full, role) = (&who.full, &who.role);
        let introduced = with_particle(&format!("{full} {role}"), "은");
        if first {
            match rng.below(3) {
                0 => (format!("{introduced} “{said}”라고 말했다."), said),
                1 => (format!("“{said}”라고 {introduced} 말했다."), said),
                _ => (format!("{introduced} {}고 분석했다.", reported(&clause)), clause),
            }
        } else {
            match rng.below(2) {
                0 => (format!("{} “{said}”라고 덧붙였다.", with_particle(full, "은")), said),
                _ => {
                    let text =
                        format!("{} {}고 말했다.", with_particle(full, "은"), reported(&clause));
                    (text, clause)
                }
            }
        }
    }

    fn byline(&self, _rng: &mut Rng, _publication: &str) -> Option<String> {
        None
    }

    fn date_line(&self, rng: &mut Rng, _publication: &str, d: Date) -> String {
        if rng.chance(70) {
            let (hour, minute) = (rng.range(1, 11), rng.below(60));
            format!("입력 {}.{:02}.{:02}. 오후 {hour}:{minute:02}", d.year, d.month, d.day)
        } else {
            format!("{}년 {}월 {}일", d.year, d.month, d.day)
        }
    }

    fn dateline(&self, rng: &mut Rng, _publication: &str, _d: Date) -> Option<String> {
        Some(format!("(서울=연합뉴스) {} 기자 = ", rng.pick(REPORTERS)))
    }

    fn words(&self, paragraph: &str) -> usize {
        paragraph.split_whitespace().count()
    }
}
