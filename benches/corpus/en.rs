//! English articles, as wire services and the specialist press write them.

use super::{fill, place, Date, Lang, Named, Plan, Rng, Writer, TOPICS};

pub struct English;

const ACTORS: &[&str] = &[
    "Pyongyang",
    "Moscow",
    "Beijing",
    "North Korea",
    "Russia",
    "China",
    "Seoul",
    "Washington",
    "Tokyo",
    "the North Korean foreign ministry",
    "the Kremlin",
    "the Chinese foreign ministry",
    "South Korea's unification ministry",
    "the Russian defence ministry",
    "the UN Security Council",
    "the Workers' Party of Korea",
    "the Russian Far East development ministry",
    "the General Administration of Customs",
    "the Korean People's Army",
    "the intergovernmental commission",
];

const TOPIC_PHRASES: [&[&str]; TOPICS] = [
    &[
        "sanctions",
        "the sanctions regime",
        "UN sanctions",
        "ship-to-ship transfers",
        "the cap on refined petroleum imports",
        "secondary sanctions",
        "sanctions enforcement",
        "the asset freeze",
        "the panel of experts' final report",
        "export controls",
    ],
    &[
        "the treaty",
        "the comprehensive strategic partnership treaty",
        "the mutual assistance clause",
        "the 1961 treaty of friendship",
        "the alliance",
        "ratification of the treaty",
        "the treaty's defence provisions",
    ],
    &[
        "the satellite launch",
        "the reconnaissance satellite",
        "the Malligyong-1 satellite",
        "space cooperation",
        "the Chollima-1 launch vehicle",
        "rocket engine technology",
        "the Sohae satellite launching ground",
        "a second spy satellite",
    ],
    &[
        "border trade",
        "the New Yalu River Bridge",
        "cross-border trade",
        "customs inspections",
        "barter trade",
        "smuggling along the Yalu",
        "the reopening of the border",
    ],
    &[
        "the Khasan-Rajin railway",
        "the port of Rason",
        "coal transshipment",
        "the rail link",
        "container traffic",
        "the Tumen River rail bridge",
        "freight volumes",
    ],
    &[
        "tourism",
        "group tours",
        "the Wonsan-Kalma beach resort",
        "tourist flights",
        "the Vladivostok-Pyongyang route",
        "visa rules for tourists",
    ],
    &[
        "North Korean workers",
        "labour exports",
        "construction crews",
        "student visas",
        "overseas labourers",
        "remittances",
    ],
    &[
        "oil deliveries",
        "refined petroleum",
        "electricity supplies",
        "coal exports",
        "the crude oil pipeline",
        "energy cooperation",
    ],
    &[
        "military cooperation",
        "artillery shells",
        "ballistic missiles",
        "munitions transfers",
        "joint drills",
        "arms deals",
        "troop deployments",
        "the Hwasong-19 missile",
    ],
    &[
        "the summit",
        "the state visit",
        "high-level talks",
        "the joint statement",
        "the anniversary of diplomatic ties",
        "the meeting of the intergovernmental commission",
    ],
    &[
        "food aid",
        "grain shipments",
        "fishing rights",
        "flour deliveries",
        "fertiliser supplies",
        "the harvest",
    ],
    &[
        "the road bridge over the Tumen River",
        "navigation on the Tumen River",
        "the Tumen River estuary",
        "access to the Sea of Japan",
        "construction of the bridge",
    ],
];

const VERBS: &[&str] = &[
    "discussed",
    "signed off on",
    "criticised",
    "welcomed",
    "rejected",
    "expanded",
    "suspended",
    "announced",
    "denied reports of",
    "confirmed",
    "played down",
    "raised concerns about",
];

const ADJECTIVES: &[&str] = &[
    "bilateral",
    "strategic",
    "unprecedented",
    "cautious",
    "closer",
    "lopsided",
    "pragmatic",
    "tense",
    "cordial",
    "transactional",
];

const TIMES: &[&str] = &[
    "last week",
    "on Tuesday",
    "on Friday",
    "earlier this month",
    "last month",
    "at the weekend",
    "this year",
    "in recent weeks",
    "late last year",
];

const NARRATIVE: &[&str] = &[
    "{a} and {b} {v} {t} at a meeting in {p} {w}.",
    "The agreement covers {t} and {t2}, according to a statement carried by {pub}.",
    "Officials in {p} said {n} had crossed the border {w}, up from a year earlier.",
    "{a} has repeatedly {v} {t}, calling the criticism interference in its internal affairs.",
    "Commercial satellite imagery showed {n} near {p} {w}.",
    "Trade through {p} reached {n} in {y}, according to customs data.",
    "The move comes as {a} seeks to expand {t} despite {t2}.",
    "{m} visited {p} {w}, state media reported, and inspected work on {t}.",
    "Analysts said the {adj} ties between {a} and {b} had deepened since {y}.",
    "It was not immediately clear whether {t} would affect {t2}.",
    "The {adj} talks in {p} were the first of their kind since {y}.",
    "{a} did not respond to a request for comment on {t}.",
    "Under the arrangement, {n} will pass through {p} each month.",
    "Critics argue that {t} undermines the framework agreed by the UN Security Council.",
    "Diplomats in {p} described the atmosphere of the talks as {adj}.",
    "A delegation led by {m} arrived in {p} {w} for talks on {t}.",
    "Data from {p} suggest that {t} has grown steadily since {y}, though from a low base.",
    "{a} says {t} is a matter for the two neighbours alone.",
    "The last time {a} and {b} held such talks on {t} was in {y}.",
    "Reports of {t} first surfaced in {y}, when traders in {p} noticed unusual activity.",
    "Russian and Chinese officials have rarely commented on {t} in public.",
    "{pub} reported that {n} were handled at {p} {w}, without giving a source.",
    "Residents near {p} told reporters that {t} had changed little in daily life.",
    "The {adj} mood contrasted with the tension over {t2} that marked {y}.",
    "{m} has made {t} a personal priority, according to people familiar with the matter.",
    "Experts warn that {t} may be hard to verify without access to {p}.",
    "The figures could not be independently verified.",
    "Neither side disclosed the value of the deals signed in {p}.",
    "South Korean officials are watching {t} closely, a government source said.",
    "Shipping records show {n} sailed from {p} to {p2} {w}.",
];

const QUOTES: &[&str] = &[
    "We will never accept {t} imposed by hostile forces",
    "{t} is a matter of principle for {a}",
    "The situation around {t} has become much more complicated since {y}",
    "Nobody should be surprised by {t}",
    "There is no evidence that {t} has changed anything on the ground",
    "We see {t} as a natural step between neighbours",
    "Pyongyang is using {t} to gain leverage over {b}",
    "The real question is who pays for {t}",
    "{t} will not go away, whatever Washington says",
    "It is too early to say whether {t} will last",
    "I think {a} is testing how far it can go with {t}",
    "What happens in {p} tells you more than any statement about {t}",
    "Our cooperation on {t} threatens no third country",
    "The numbers on {t} are smaller than the headlines suggest",
    "{a} wants {t} to look bigger than it is",
    "Without {t2}, {t} makes little sense",
    "We have made our position on {t} clear many times",
];

const BURDEN: &str = "For a small economy, {t} is quite a burden";

const INDIRECT: &[&str] = &[
    "{a} was unlikely to give up {t}",
    "{t} would be discussed at the next round of talks in {p}",
    "foreign media had exaggerated the scale of {t}",
    "{t} had been planned long before {y}",
    "{a} and {b} had different expectations about {t}",
    "the main obstacle to {t} was {t2}",
];

const TITLES: &[&str] = &[
    "{a} and {b} discuss {t} in {p}",
    "{m} pushes {t} as ties with {b} deepen",
    "What {t} means for {p}",
    "Satellite images point to {t} near {p}",
    "{a} rejects criticism over {t}",
    "Traders in {p} report changes in {t}",
    "Analysis: {t} tests limits of {adj} partnership",
    "{a} says {t} threatens no one",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const REPORTERS: &[&str] = &[
    "Kim Soo-hyun",
    "Laura Zhou",
    "Peter Marsh",
    "Jeong Min-ji",
    "Elena Kovalenko",
    "Chen Hao",
    "Oh Se-jin",
];

fn number(rng: &mut Rng) -> String {
    match rng.below(6) {
        0 => format!("{},{:03} tonnes of coal", rng.range(1, 90), rng.below(1000)),
        1 => format!("${} million worth of goods", rng.range(2, 400)),
        2 => format!("{} vessels", rng.range(3, 60)),
        3 => format!("{} trucks", rng.range(10, 900)),
        4 => format!("{} workers", rng.range(20, 5000)),
        _ => format!("{} freight wagons", rng.range(5, 300)),
    }
}

fn slot(rng: &mut Rng, plan: &Plan, name: &str) -> String {
    let topic = |rng: &mut Rng, t: usize| rng.pick(TOPIC_PHRASES[t]).to_string();
    match name {
        "a" | "b" => rng.pick(ACTORS).to_string(),
        "t" => topic(rng, plan.topic),
        "t2" => topic(rng, plan.second_topic),
        "p" | "p2" => place(Lang::En, rng).to_string(),
        "n" => number(rng),
        "w" => rng.pick(TIMES).to_string(),
        "y" => (plan.year - rng.range(1, 6) as u16).to_string(),
        "adj" => rng.pick(ADJECTIVES).to_string(),
        "v" => rng.pick(VERBS).to_string(),
        "m" => rng.pick(&plan.mentioned).full.clone(),
        "pub" => plan.publication.to_string(),
        other => other.to_string(),
    }
}

fn capitalised(s: String) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

impl Writer for English {
    fn title(&self, rng: &mut Rng, plan: &Plan) -> String {
        capitalised(fill(*rng.pick(TITLES), |s| slot(rng, plan, s)))
    }

    fn sentence(&self, rng: &mut Rng, plan: &Plan) -> String {
        capitalised(fill(*rng.pick(NARRATIVE), |s| slot(rng, plan, s)))
    }

    fn quote(&self, rng: &mut Rng, plan: &Plan, who: &Named, first: bool) -> (String, String) {
        // A phrase researchers remember and search for: rare, as memorable phrases are.
        let template = if rng.below(1000) < 3 { BURDEN } else { *rng.pick(QUOTES) };
        let said = capitalised(fill(template, |s| slot(rng, plan, s)));
        let more = capitalised(fill(*rng.pick(QUOTES), |s| slot(rng, plan, s)));
        let (full, short, role) = (&who.full, &who.short, &who.role);
        if first {
            match rng.below(4) {
                0 => (format!("“{said},” said {full}, {role}."), said),
                1 => (format!("“{said},” {full}, {role}, told {}.", plan.publication), said),
                2 => {
                    let clause = fill(*rng.pick(INDIRECT), |s| slot(rng, plan, s));
                    (format!("{full}, {role}, said that {clause}."), clause)
                }
                _ => {
                    (format!("{full}, {role}, said: “{said}. {more}.”"), format!("{said}. {more}."))
                }
            }
        } else {
            match rng.below(3) {
                0 => (format!("“{said},” {short} said. “{more}.”"), format!("{said}. {more}.")),
                1 => {
                    let clause = fill(*rng.pick(INDIRECT), |s| slot(rng, plan, s));
                    (format!("According to {short}, {clause}."), clause)
                }
                _ => (format!("“{said},” {short} added."), said),
            }
        }
    }

    fn byline(&self, rng: &mut Rng, publication: &str) -> Option<String> {
        let bylined = matches!(publication, "Reuters" | "SCMP" | "NK News" | "Korea Herald");
        (bylined && rng.chance(80)).then(|| format!("By {}", rng.pick(REPORTERS)))
    }

    fn date_line(&self, rng: &mut Rng, publication: &str, d: Date) -> String {
        let month = MONTHS[d.month as usize - 1];
        let (hour, minute) = (rng.range(1, 12), rng.below(60));
        match publication {
            "SCMP" => {
                format!("Published: {hour}:{minute:02}pm, {} {}, {}", d.day, &month[..3], d.year)
            }
            "Korea Herald" => format!("Published : {} {:02}:{minute:02}", d.iso(), hour + 8),
            "NK News" | "Reuters" => format!("{month} {}, {}", d.day, d.year),
            _ => format!("Updated {month} {}, {} {hour}:{minute:02}am", d.day, d.year),
        }
    }

    fn dateline(&self, rng: &mut Rng, publication: &str, d: Date) -> Option<String> {
        let month = MONTHS[d.month as usize - 1];
        let city = |rng: &mut Rng, cities: &[&str]| rng.pick(cities).to_string();
        match publication {
            "Yonhap" => Some(format!("SEOUL, {month} {} (Yonhap) -- ", d.day)),
            "KCNA" => Some(format!("PYONGYANG, {month} {} (KCNA) -- ", d.day)),
            "Xinhua" => {
                let c = city(rng, &["BEIJING", "PYONGYANG", "SHENYANG"]);
                Some(format!("{c}, {month} {} (Xinhua) -- ", d.day))
            }
            "TASS" => {
                let c = city(rng, &["MOSCOW", "VLADIVOSTOK", "KHABAROVSK"]);
                Some(format!("{c}, {month} {}. /TASS/. ", d.day))
            }
            "Reuters" => {
                let c = city(rng, &["SEOUL", "BEIJING", "MOSCOW", "DANDONG, China"]);
                Some(format!("{c} (Reuters) - "))
            }
            _ => None,
        }
    }

    fn words(&self, paragraph: &str) -> usize {
        paragraph.split_whitespace().count()
    }
}
