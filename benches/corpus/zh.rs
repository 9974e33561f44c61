//! Chinese articles in the style of Xinhua and the Global Times: no spaces between words,
//! full-width punctuation, attributions like 林剑表示，“……” and 据……介绍.

use super::{fill, place, Date, Lang, Named, Plan, Rng, Writer, TOPICS};

pub struct Chinese;

const ACTORS: &[&str] = &[
    "朝鲜",
    "俄罗斯",
    "中国",
    "平壤",
    "莫斯科",
    "韩国",
    "美国",
    "日本",
    "朝鲜外务省",
    "克里姆林宫",
    "中国外交部",
    "韩国统一部",
    "俄罗斯国防部",
    "联合国安理会",
    "朝鲜劳动党",
    "俄罗斯远东发展部",
    "海关总署",
];

const TOPIC_PHRASES: [&[&str]; TOPICS] = [
    &[
        "制裁",
        "对朝制裁",
        "安理会制裁",
        "船对船转运",
        "成品油进口上限",
        "次级制裁",
        "专家小组报告",
        "出口管制",
    ],
    &[
        "条约",
        "全面战略伙伴关系条约",
        "相互援助条款",
        "1961年友好合作互助条约",
        "同盟关系",
        "条约批准",
    ],
    &[
        "卫星",
        "侦察卫星",
        "卫星发射",
        "万里镜1号",
        "航天合作",
        "千里马1型运载火箭",
        "火箭发动机技术",
        "西海卫星发射场",
    ],
    &["边境贸易", "新鸭绿江大桥", "跨境贸易", "海关查验", "易货贸易", "走私", "口岸重新开放"],
    &["哈桑至罗津铁路", "罗津港", "煤炭转运", "铁路联通", "集装箱运输", "图们江铁路桥", "货运量"],
    &["旅游", "团体游", "元山葛麻海岸旅游区", "旅游包机", "符拉迪沃斯托克至平壤航线"],
    &["朝鲜劳工", "劳务输出", "建筑工人", "留学签证", "海外劳工", "侨汇"],
    &["石油供应", "成品油", "电力供应", "煤炭出口", "输油管道", "能源合作"],
    &["军事合作", "炮弹", "弹道导弹", "军火转让", "联合演习", "军火交易", "派兵"],
    &["峰会", "国事访问", "高层会谈", "联合声明", "建交纪念日", "政府间委员会会议"],
    &["粮食援助", "粮食", "捕鱼权", "面粉援助", "化肥", "收成"],
    &["图们江公路大桥", "图们江航行权", "图们江出海口", "日本海出海权", "大桥建设"],
];

const TOPIC_SENTENCES: [&[&str]; TOPICS] = [
    &["对朝制裁自2006年起逐步加强。"],
    &["条约在互换批准书后正式生效。"],
    &[
        "军方称卫星未能进入预定轨道。",
        "朝鲜事先向国际海事组织通报了卫星发射计划。",
        "专家认为侦察卫星的分辨率有限。",
    ],
    &["口岸前排起了长长的货车队伍。"],
    &["罗津港与俄罗斯铁路网相连。"],
    &["首批滨海边疆区游客于2019年访问朝鲜。"],
    &["在俄朝鲜劳工的人数从未正式公布。"],
    &["朝鲜的成品油进口受到安理会决议限制。"],
    &["情报部门判断炮弹已于去年转运。"],
    &["会谈持续了三个多小时。"],
    &["受干旱影响，朝鲜粮食收成减少。"],
    &["大桥预计一年半后建成。"],
];

const TIMES: &[&str] = &["上周", "周二", "周五", "本月初", "上个月", "周末", "今年", "近几周"];

const NARRATIVE: &[&str] = &[
    "{a}与{b}{w}在{p}就{t}举行会谈。",
    "据{pub}报道，协议涵盖{t}和{t2}。",
    "{p}方面表示，{w}共有{n}通过边境。",
    "{a}多次批评{t}，称其干涉内政。",
    "当地消息人士称，{w}{p}附近出现{n}。",
    "海关数据显示，{y}年经{p}的贸易额达到{money}。",
    "尽管存在{t2}问题，{a}仍寻求扩大{t}。",
    "据官方媒体报道，{m}{w}视察了{p}，了解{t}进展。",
    "分析人士认为，{y}年以来{a}与{b}的关系明显加深。",
    "目前尚不清楚{t}将对{t2}产生何种影响。",
    "此次在{p}举行的会谈是{y}年以来的首次。",
    "{a}未回应有关{t}的置评请求。",
    "批评者认为，{t}损害了安理会决议框架。",
    "{p}的外交人士形容会谈气氛友好。",
    "{m}率领的代表团{w}抵达{p}。",
    "上述数字无法得到独立核实。",
    "双方未披露在{p}签署协议的金额。",
    "韩国政府消息人士表示，正密切关注{t}。",
    "船舶记录显示，{w}有{n}从{p}出港。",
    "{p}居民表示，{t}对日常生活影响不大。",
];

const QUOTES: &[&str] = &[
    "我们绝不接受敌对势力强加的{t}",
    "{t}是原则问题",
    "{y}年以来，围绕{t}的形势变得更加复杂",
    "{t}并不令人意外",
    "没有证据表明{t}改变了实际情况",
    "我们把{t}视为邻国之间的自然之举",
    "平壤正在利用{t}增加筹码",
    "真正的问题是谁来承担{t}的成本",
    "现在判断{t}能否持续还为时过早",
    "对一个小经济体来说，{t}是相当大的负担",
    "{p}发生的事情比任何声明都更能说明问题",
    "双方合作不针对任何第三方",
    "实际数字比新闻标题小得多",
];

const INDIRECT: &[&str] = &[
    "朝鲜不太可能放弃{t}",
    "{t}将在下一轮会谈中讨论",
    "外国媒体夸大了{t}的规模",
    "{t}早在{y}年之前就已开始筹备",
    "双方对此的期望并不相同",
];

const TITLES: &[&str] = &[
    "{a}与{b}在{p}讨论{t}",
    "{m}推动{t}",
    "{p}附近发现{t}迹象",
    "{a}：{t}不针对任何国家",
    "观察：{t}考验双边关系",
];

fn number(rng: &mut Rng) -> String {
    match rng.below(5) {
        0 => format!("{}万吨煤炭", rng.range(1, 90)),
        1 => format!("{}艘船只", rng.range(3, 60)),
        2 => format!("{}辆货车", rng.range(10, 900)),
        3 => format!("{}名工人", rng.range(20, 5000)),
        _ => format!("{}节货运车厢", rng.range(5, 300)),
    }
}

fn slot(rng: &mut Rng, plan: &Plan, name: &str) -> String {
    let topic = |rng: &mut Rng, t: usize| rng.pick(TOPIC_PHRASES[t]).to_string();
    match name {
        "a" | "b" => rng.pick(ACTORS).to_string(),
        "t" => topic(rng, plan.topic),
        "t2" => topic(rng, plan.second_topic),
        "p" => place(Lang::Zh, rng).to_string(),
        "n" => number(rng),
        "money" => format!("{}万美元", rng.range(100, 9000)),
        "w" => rng.pick(TIMES).to_string(),
        "y" => (plan.year - rng.range(1, 6) as u16).to_string(),
        "m" => rng.pick(&plan.mentioned).full.clone(),
        "pub" => if plan.publication == "Xinhua" { "新华社" } else { "环球时报" }.to_string(),
        other => other.to_string(),
    }
}

impl Writer for Chinese {
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
        if first {
            match rng.below(3) {
                0 => (format!("{role}{full}表示，“{said}。”"), format!("{said}。")),
                1 => (format!("{role}{full}指出，{clause}。"), clause),
                _ => (format!("“{said}，”{role}{full}说。"), said),
            }
        } else {
            match rng.below(3) {
                0 => (format!("{full}说，“{said}。”"), format!("{said}。")),
                1 => (format!("据{full}介绍，{clause}。"), clause),
                _ => (format!("{full}强调，“{said}。”"), format!("{said}。")),
            }
        }
    }

    fn byline(&self, _rng: &mut Rng, _publication: &str) -> Option<String> {
        None
    }

    fn date_line(&self, rng: &mut Rng, _publication: &str, d: Date) -> String {
        if rng.chance(60) {
            let (hour, minute) = (rng.range(6, 23), rng.below(60));
            format!("发布时间：{}年{:02}月{:02}日 {hour}:{minute:02}", d.year, d.month, d.day)
        } else {
            format!("{}年{}月{}日", d.year, d.month, d.day)
        }
    }

    fn dateline(&self, rng: &mut Rng, publication: &str, d: Date) -> Option<String> {
        let city = rng.pick(&["北京", "平壤", "莫斯科", "沈阳"]);
        (publication == "Xinhua").then(|| format!("新华社{city}{}月{}日电 ", d.month, d.day))
    }

    /// Chinese has no spaces: about 1.6 characters make a word, as segmenters count.
    fn words(&self, paragraph: &str) -> usize {
        paragraph.chars().filter(|c| !c.is_ascii_punctuation()).count() * 10 / 16
    }

    fn join(&self, sentences: &[String]) -> String {
        sentences.concat()
    }
}
