//! People the articles quote and mention: the field's officials, spokespeople and analysts in
//! four scripts (romanised with the hyphen and space variants outlets print), and a long tail
//! of generated traders, officials and researchers, as real archives have.
//!
//! The analysts other than Cho Han-bum (whom the issue names) are invented; every sentence
//! attributed to anyone here is generated and none is a real quotation.

use super::rng::Rng;
use super::Lang;

pub struct Person {
    /// Romanisations as outlets print them; the first is the registry's spelling.
    pub en: &'static [&'static str],
    /// The family name a second reference uses ("Cho said").
    pub en_short: &'static str,
    pub en_role: &'static str,
    pub ru: &'static str,
    pub ru_genitive: &'static str,
    pub ru_female: bool,
    pub ru_role: &'static str,
    pub ko: &'static str,
    pub ko_role: &'static str,
    pub zh: &'static str,
    pub zh_role: &'static str,
}

macro_rules! person {
    ($en:expr, $short:expr, $en_role:expr; $ru:expr, $ru_gen:expr, $female:expr, $ru_role:expr;
     $ko:expr, $ko_role:expr; $zh:expr, $zh_role:expr) => {
        Person {
            en: $en,
            en_short: $short,
            en_role: $en_role,
            ru: $ru,
            ru_genitive: $ru_gen,
            ru_female: $female,
            ru_role: $ru_role,
            ko: $ko,
            ko_role: $ko_role,
            zh: $zh,
            zh_role: $zh_role,
        }
    };
}

/// Ordered roughly by how often the press quotes them: `Rng::skewed` favours the front.
pub const NOTABLES: &[Person] = &[
    person!(&["Maria Zakharova"], "Zakharova", "the Russian foreign ministry spokeswoman";
        "Мария Захарова", "Марии Захаровой", true, "официальный представитель МИД России";
        "마리야 자하로바", "러시아 외무부 대변인"; "扎哈罗娃", "俄罗斯外交部发言人"),
    person!(&["Lin Jian"], "Lin", "a Chinese foreign ministry spokesman";
        "Линь Цзянь", "Линь Цзяня", false, "официальный представитель МИД КНР";
        "린젠", "중국 외교부 대변인"; "林剑", "中国外交部发言人"),
    person!(&["Cho Han-bum", "Cho Han Bum"], "Cho",
        "a senior research fellow at the Korea Institute for National Unification";
        "Чо Хан Бом", "Чо Хан Бома", false,
        "старший научный сотрудник Корейского института национального объединения";
        "조한범", "통일연구원 선임연구위원"; "赵汉范", "韩国统一研究院高级研究员"),
    person!(&["Kim Jong-un", "Kim Jong Un", "Kim Jongun"], "Kim", "the North Korean leader";
        "Ким Чен Ын", "Ким Чен Ына", false, "лидер КНДР";
        "김정은", "국무위원장"; "金正恩", "朝鲜国务委员长"),
    person!(&["Dmitry Peskov", "Dmitri Peskov"], "Peskov", "the Kremlin spokesman";
        "Дмитрий Песков", "Дмитрия Пескова", false, "пресс-секретарь президента России";
        "드미트리 페스코프", "크렘린궁 대변인"; "佩斯科夫", "克里姆林宫发言人"),
    person!(&["Mao Ning"], "Mao", "a Chinese foreign ministry spokeswoman";
        "Мао Нин", "Мао Нин", true, "официальный представитель МИД КНР";
        "마오닝", "중국 외교부 대변인"; "毛宁", "中国外交部发言人"),
    person!(&["Choe Son-hui", "Choe Son Hui"], "Choe", "North Korea's foreign minister";
        "Цой Сон Хи", "Цой Сон Хи", true, "министр иностранных дел КНДР";
        "최선희", "북한 외무상"; "崔善姬", "朝鲜外务相"),
    person!(&["Sergei Lavrov", "Sergey Lavrov"], "Lavrov", "the Russian foreign minister";
        "Сергей Лавров", "Сергея Лаврова", false, "министр иностранных дел России";
        "세르게이 라브로프", "러시아 외무장관"; "拉夫罗夫", "俄罗斯外长"),
    person!(&["Park Won-gon", "Park Won Gon"], "Park",
        "a professor of North Korean studies at Ewha Womans University";
        "Пак Вон Гон", "Пак Вон Гона", false, "профессор женского университета Ихва";
        "박원곤", "이화여대 북한학과 교수"; "朴元坤", "梨花女子大学朝鲜学教授"),
    person!(&["Vladimir Putin"], "Putin", "the Russian president";
        "Владимир Путин", "Владимира Путина", false, "президент России";
        "블라디미르 푸틴", "러시아 대통령"; "普京", "俄罗斯总统"),
    person!(&["Xi Jinping"], "Xi", "the Chinese president";
        "Си Цзиньпин", "Си Цзиньпина", false, "председатель КНР";
        "시진핑", "중국 국가주석"; "习近平", "国家主席"),
    person!(&["Kim Yo-jong", "Kim Yo Jong"], "Kim",
        "a vice department director of the Workers' Party Central Committee";
        "Ким Ё Чжон", "Ким Ё Чжон", true, "заместитель заведующего отделом ЦК ТПК";
        "김여정", "노동당 부부장"; "金与正", "朝鲜劳动党中央委员会副部长"),
    person!(&["Anna Petrova"], "Petrova", "a transport analyst at the Far Eastern Institute";
        "Анна Петрова", "Анны Петровой", true, "аналитик Дальневосточного института";
        "안나 페트로바", "극동연구소 교통 분석가"; "彼得罗娃", "远东研究所交通分析师"),
    person!(&["Wang Yi"], "Wang", "the Chinese foreign minister";
        "Ван И", "Ван И", false, "министр иностранных дел КНР";
        "왕이", "중국 외교부장"; "王毅", "外交部长"),
    person!(&["Yang Moo-jin", "Yang Moo Jin"], "Yang",
        "president of the University of North Korean Studies";
        "Ян Му Джин", "Ян Му Джина", false, "ректор Университета северокорейских исследований";
        "양무진", "북한대학원대 총장"; "梁茂真", "北韩大学院大学校长"),
    person!(&["Alexander Kozlov", "Aleksandr Kozlov"], "Kozlov",
        "the Russian natural resources minister, who co-chairs the intergovernmental commission";
        "Александр Козлов", "Александра Козлова", false,
        "министр природных ресурсов России, сопредседатель межправительственной комиссии";
        "알렉산드르 코즐로프", "러시아 천연자원부 장관"; "科兹洛夫", "俄罗斯自然资源部长"),
    person!(&["Zhang Weiming"], "Zhang",
        "a professor of international relations at Jilin University";
        "Чжан Вэймин", "Чжан Вэймина", false, "профессор Цзилиньского университета";
        "장웨이밍", "지린대 국제관계학 교수"; "张伟明", "吉林大学国际关系学院教授"),
    person!(&["Kim Soo-yeon", "Kim Soo Yeon"], "Kim",
        "a researcher at the Asan Institute for Policy Studies";
        "Ким Су Ён", "Ким Су Ён", true, "научный сотрудник Института Асан";
        "김수연", "아산정책연구원 연구위원"; "金秀妍", "峨山政策研究院研究员"),
    person!(&["Oleg Sidorenko"], "Sidorenko",
        "a researcher at the Vladivostok Centre for Korean Studies";
        "Олег Сидоренко", "Олега Сидоренко", false,
        "научный сотрудник Владивостокского центра корееведения";
        "올레그 시도렌코", "블라디보스토크 한국학센터 연구원"; "西多连科", "符拉迪沃斯托克朝鲜研究中心研究员"),
    person!(&["Ri Pyong-chol", "Ri Pyong Chol"], "Ri", "a senior North Korean military official";
        "Ли Бён Чхоль", "Ли Бён Чхоля", false, "секретарь ЦК ТПК";
        "리병철", "노동당 비서"; "李炳哲", "朝鲜劳动党中央书记"),
    person!(&["Liu Xiaohong"], "Liu", "a researcher at the China Institute of International Studies";
        "Лю Сяохун", "Лю Сяохун", true, "научный сотрудник Китайского института международных проблем";
        "류샤오훙", "중국국제문제연구원 연구원"; "刘晓红", "中国国际问题研究院研究员"),
    person!(&["Lee Jae-myung", "Lee Jae Myung"], "Lee", "the South Korean president";
        "Ли Чжэ Мён", "Ли Чжэ Мёна", false, "президент Республики Корея";
        "이재명", "대통령"; "李在明", "韩国总统"),
    person!(&["Rachel Morgan"], "Morgan", "a senior fellow at the Pacific Policy Forum";
        "Рэйчел Морган", "Рэйчел Морган", true, "старший научный сотрудник Тихоокеанского политического форума";
        "레이철 모건", "태평양정책포럼 선임연구원"; "摩根", "太平洋政策论坛高级研究员"),
    person!(&["Andrei Belousov", "Andrey Belousov"], "Belousov", "the Russian defence minister";
        "Андрей Белоусов", "Андрея Белоусова", false, "министр обороны России";
        "안드레이 벨로우소프", "러시아 국방장관"; "别洛乌索夫", "俄罗斯国防部长"),
    person!(&["Lee Min-ho", "Lee Min Ho"], "Lee", "an analyst at the Sejong Institute";
        "Ли Мин Хо", "Ли Мин Хо", false, "аналитик Института Седжон";
        "이민호", "세종연구소 연구위원"; "李敏浩", "世宗研究所研究员"),
    person!(&["Thomas Becker"], "Becker", "a sanctions expert who served on the UN panel of experts";
        "Томас Беккер", "Томаса Беккера", false, "бывший член группы экспертов ООН по санкциям";
        "토마스 베커", "전 유엔 대북제재위 전문가패널 위원"; "贝克尔", "前联合国专家小组成员"),
    person!(&["Kang Chol-min", "Kang Chol Min"], "Kang",
        "a North Korean vice-minister of external economic relations";
        "Кан Чхоль Мин", "Кан Чхоль Мина", false, "заместитель министра внешнеэкономических связей КНДР";
        "강철민", "대외경제성 부상"; "姜哲民", "朝鲜对外经济相副相"),
    person!(&["Han Seung-woo", "Han Seung Woo"], "Han", "a unification ministry spokesman";
        "Хан Сын У", "Хан Сын У", false, "официальный представитель министерства объединения";
        "한승우", "통일부 대변인"; "韩承佑", "韩国统一部发言人"),
    person!(&["Yoon Suk-yeol", "Yoon Suk Yeol"], "Yoon", "the former South Korean president";
        "Юн Сок Ёль", "Юн Сок Ёля", false, "бывший президент Республики Корея";
        "윤석열", "전 대통령"; "尹锡悦", "韩国前总统"),
];

impl Person {
    /// Korean and Chinese names put the family name first, Russian and Western ones last.
    fn ru_short(&self) -> &'static str {
        let family_first = self.en[0].starts_with(self.en_short);
        let mut words = self.ru.split(' ');
        let word = if family_first { words.next() } else { words.last() };
        word.unwrap_or(self.ru)
    }
}

/// A name as one article prints it, with the role it gives at first mention.
#[derive(Clone)]
pub struct Named {
    pub full: String,
    pub short: String,
    pub role: String,
    /// Russian verbs agree with the speaker ("заявил" / "заявила").
    pub female: bool,
    pub genitive: String,
}

impl Person {
    pub fn named(&self, lang: Lang, rng: &mut Rng) -> Named {
        match lang {
            Lang::En => Named {
                full: rng.pick(self.en).to_string(),
                short: self.en_short.to_string(),
                role: self.en_role.to_string(),
                female: self.ru_female,
                genitive: String::new(),
            },
            Lang::Ru => Named {
                full: self.ru.to_string(),
                short: self.ru_short().to_string(),
                role: self.ru_role.to_string(),
                female: self.ru_female,
                genitive: self.ru_genitive.to_string(),
            },
            Lang::Ko => Named {
                full: self.ko.to_string(),
                short: self.ko.to_string(),
                role: self.ko_role.to_string(),
                female: self.ru_female,
                genitive: String::new(),
            },
            Lang::Zh => Named {
                full: self.zh.to_string(),
                short: self.zh.to_string(),
                role: self.zh_role.to_string(),
                female: self.ru_female,
                genitive: String::new(),
            },
        }
    }
}

/// Korean syllables as (Hangul, romanisation, Russian transcription, hanja as China prints it).
const KO_FAMILY: &[(&str, &str, &str, &str)] = &[
    ("김", "Kim", "Ким", "金"),
    ("리", "Ri", "Ли", "李"),
    ("이", "Lee", "Ли", "李"),
    ("박", "Pak", "Пак", "朴"),
    ("최", "Choe", "Цой", "崔"),
    ("정", "Jong", "Чон", "郑"),
    ("강", "Kang", "Кан", "姜"),
    ("조", "Jo", "Чо", "赵"),
    ("윤", "Yun", "Юн", "尹"),
    ("장", "Jang", "Чан", "张"),
    ("한", "Han", "Хан", "韩"),
    ("림", "Rim", "Рим", "林"),
];
const KO_GIVEN: &[(&str, &str, &str, &str)] = &[
    ("성", "song", "Сон", "成"),
    ("철", "chol", "Чхоль", "哲"),
    ("민", "min", "Мин", "敏"),
    ("호", "ho", "Хо", "浩"),
    ("영", "yong", "Ён", "英"),
    ("수", "su", "Су", "秀"),
    ("진", "jin", "Джин", "真"),
    ("혁", "hyok", "Хёк", "赫"),
    ("광", "kwang", "Гван", "光"),
    ("명", "myong", "Мён", "明"),
    ("일", "il", "Иль", "日"),
    ("남", "nam", "Нам", "南"),
    ("희", "hui", "Хи", "姬"),
    ("옥", "ok", "Ок", "玉"),
    ("순", "sun", "Сун", "顺"),
    ("경", "kyong", "Гён", "京"),
    ("현", "hyon", "Хён", "贤"),
    ("준", "jun", "Джун", "俊"),
    ("석", "sok", "Сок", "石"),
    ("기", "gi", "Ги", "基"),
];
/// Chinese syllables as (hanzi, pinyin, Russian (Palladius), Korean reading of the Mandarin).
const ZH_FAMILY: &[(&str, &str, &str, &str)] = &[
    ("王", "Wang", "Ван", "왕"),
    ("李", "Li", "Ли", "리"),
    ("张", "Zhang", "Чжан", "장"),
    ("刘", "Liu", "Лю", "류"),
    ("陈", "Chen", "Чэнь", "천"),
    ("杨", "Yang", "Ян", "양"),
    ("赵", "Zhao", "Чжао", "자오"),
    ("黄", "Huang", "Хуан", "황"),
    ("周", "Zhou", "Чжоу", "저우"),
    ("吴", "Wu", "У", "우"),
];
const ZH_GIVEN: &[(&str, &str, &str, &str)] = &[
    ("伟", "wei", "вэй", "웨이"),
    ("明", "ming", "мин", "밍"),
    ("华", "hua", "хуа", "화"),
    ("军", "jun", "цзюнь", "쥔"),
    ("强", "qiang", "цян", "창"),
    ("丽", "li", "ли", "리"),
    ("静", "jing", "цзин", "징"),
    ("海", "hai", "хай", "하이"),
    ("东", "dong", "дун", "둥"),
    ("峰", "feng", "фэн", "펑"),
    ("林", "lin", "линь", "린"),
    ("波", "bo", "бо", "보"),
    ("平", "ping", "пин", "핑"),
    ("涛", "tao", "тао", "타오"),
];
/// Russian names as (English, nominative, genitive).
const RU_FIRST: &[(&str, &str, &str)] = &[
    ("Ivan", "Иван", "Ивана"),
    ("Pavel", "Павел", "Павла"),
    ("Nikolai", "Николай", "Николая"),
    ("Dmitry", "Дмитрий", "Дмитрия"),
    ("Alexei", "Алексей", "Алексея"),
    ("Mikhail", "Михаил", "Михаила"),
    ("Yuri", "Юрий", "Юрия"),
    ("Viktor", "Виктор", "Виктора"),
    ("Igor", "Игорь", "Игоря"),
    ("Roman", "Роман", "Романа"),
];
const RU_FAMILY: &[(&str, &str, &str)] = &[
    ("Volkov", "Волков", "Волкова"),
    ("Morozov", "Морозов", "Морозова"),
    ("Sokolov", "Соколов", "Соколова"),
    ("Orlov", "Орлов", "Орлова"),
    ("Kuznetsov", "Кузнецов", "Кузнецова"),
    ("Smirnov", "Смирнов", "Смирнова"),
    ("Fyodorov", "Фёдоров", "Фёдорова"),
    ("Novikov", "Новиков", "Новикова"),
    ("Zaitsev", "Зайцев", "Зайцева"),
    ("Ignatyev", "Игнатьев", "Игнатьева"),
    ("Belov", "Белов", "Белова"),
    ("Tkachenko", "Ткаченко", "Ткаченко"),
];

/// Who the long tail are, per language of the article: (English, Russian, Korean, Chinese).
const MINOR_ROLES: &[(&str, &str, &str, &str)] = &[
    ("a trader in Dandong", "торговец из Даньдуна", "단둥의 무역상", "丹东一名贸易商"),
    (
        "a logistics manager in Hunchun",
        "логист из Хуньчуня",
        "훈춘의 물류업체 관계자",
        "珲春一家物流公司负责人",
    ),
    (
        "a customs official in Khasan",
        "сотрудник таможни в Хасане",
        "하산 세관 관계자",
        "哈桑海关官员",
    ),
    ("a port official in Rason", "сотрудник порта Расон", "라선항 관계자", "罗先港官员"),
    (
        "a shipping broker in Vladivostok",
        "судовой брокер из Владивостока",
        "블라디보스토크의 해운 중개인",
        "符拉迪沃斯托克一名航运经纪人",
    ),
    (
        "a tour operator in Yanji",
        "туроператор из Яньцзи",
        "옌지의 여행사 대표",
        "延吉一家旅行社经理",
    ),
    (
        "a defector who now lives in Seoul",
        "перебежчик, живущий в Сеуле",
        "서울에 사는 탈북민",
        "一名现居首尔的脱北者",
    ),
    (
        "a researcher at the Institute for Far Eastern Studies",
        "исследователь Института Дальнего Востока",
        "극동문제연구소 연구원",
        "远东问题研究所研究员",
    ),
    (
        "a railway engineer in Tumangang",
        "инженер-железнодорожник из Туманган",
        "두만강역 철도 기술자",
        "豆满江站铁路工程师",
    ),
    (
        "a fisheries official in Chongjin",
        "чиновник рыбного хозяйства из Чхонджина",
        "청진 수산 관계자",
        "清津渔业官员",
    ),
];

/// An invented person of the article's language, with a role.
pub fn minor(lang: Lang, rng: &mut Rng) -> Named {
    let role = rng.pick(MINOR_ROLES);
    let role = match lang {
        Lang::En => role.0,
        Lang::Ru => role.1,
        Lang::Ko => role.2,
        Lang::Zh => role.3,
    };
    let (full, short, genitive) = match (lang, rng.below(3)) {
        (Lang::Ko, _) | (Lang::En, 0) | (Lang::Ru, 0) => {
            let family = rng.pick(KO_FAMILY);
            let (a, b) = (rng.pick(KO_GIVEN), rng.pick(KO_GIVEN));
            match lang {
                Lang::Ko => (format!("{}{}{}", family.0, a.0, b.0), String::new(), String::new()),
                Lang::Ru => {
                    let name = format!("{} {} {}", family.2, a.2, b.2);
                    (name.clone(), family.2.to_string(), name)
                }
                _ => {
                    let given = capitalise(a.1);
                    let joiner = if rng.chance(70) { "-" } else { " " };
                    let second = if joiner == "-" { b.1.to_string() } else { capitalise(b.1) };
                    let name = format!("{} {given}{joiner}{second}", family.1);
                    (name, family.1.to_string(), String::new())
                }
            }
        }
        (Lang::Zh, _) | (Lang::En, 1) | (Lang::Ru, 1) => {
            let family = rng.pick(ZH_FAMILY);
            let (a, b) = (rng.pick(ZH_GIVEN), rng.pick(ZH_GIVEN));
            match lang {
                Lang::Zh => (format!("{}{}{}", family.0, a.0, b.0), String::new(), String::new()),
                Lang::Ru => {
                    let name = format!("{} {}{}", family.2, capitalise(a.2), b.2);
                    (name.clone(), family.2.to_string(), name)
                }
                _ => (
                    format!("{} {}{}", family.1, capitalise(a.1), b.1),
                    family.1.to_string(),
                    String::new(),
                ),
            }
        }
        _ => {
            let (first, family) = (rng.pick(RU_FIRST), rng.pick(RU_FAMILY));
            match lang {
                Lang::Ru => (
                    format!("{} {}", first.1, family.1),
                    family.1.to_string(),
                    format!("{} {}", first.2, family.2),
                ),
                _ => (format!("{} {}", first.0, family.0), family.0.to_string(), String::new()),
            }
        }
    };
    let short = if short.is_empty() { full.clone() } else { short };
    Named { full, short, role: role.to_string(), female: false, genitive }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
