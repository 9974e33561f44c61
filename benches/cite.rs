//! Citation benchmark: a bibliography of generated items of this field (newspapers, wire
//! copy, reports, books, chapters, journal articles; Korean, Chinese and Russian names and
//! titles) rendered in Chicago notes-bibliography and APA by Sourcebook (citeproc-js in
//! QuickJS) and by the same citeproc-js under Node, side by side, with a check that both give
//! identical entries. Then the live preview: a few items cited and listed in one call.
//!
//! Run: `cargo bench --no-default-features --bench cite [-- ITEMS]` (default 1,000). Node is
//! looked up on PATH (`node`); without it only Sourcebook's side is measured.
// The seeded generator of the search benchmark's corpus; this benchmark uses part of it.
#[path = "corpus/rng.rs"]
#[allow(dead_code)]
mod rng;

use std::hint::black_box;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use rng::Rng;
use serde_json::{json, Value};
use sourcebook::cite::{CiteEngine, CiteItem, CiteRequest, Format, Locator};

/// The styles measured, with the locale they are rendered in (as `cite::style` bundles them).
const STYLES: [(&str, &str, &str); 2] = [
    (
        "chicago-notes-bibliography",
        "en-US",
        include_str!("../src-tauri/cite/styles/chicago-notes-bibliography.csl"),
    ),
    ("apa", "en-US", include_str!("../src-tauri/cite/styles/apa.csl")),
];
const LOCALE_EN_US: &str = include_str!("../src-tauri/cite/styles/locales-en-US.xml");
const LOCALE_EN_GB: &str = include_str!("../src-tauri/cite/styles/locales-en-GB.xml");
/// How many items the live-preview figure renders.
const PREVIEW: usize = 20;
/// The footnotes of a paper, compared between the engines: citations of a pool of items.
const DOCUMENT_CITATIONS: usize = 150;
const DOCUMENT_ITEMS: usize = 60;

fn main() {
    let count: usize = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    let items = generate(count);
    println!("{count} generated items: {}", census(&items));

    let engine = CiteEngine::new();
    let mut ours = Vec::new();
    for (style, _, _) in STYLES {
        let start = Instant::now();
        engine.prepare(style).expect("engine builds");
        let warm_up = start.elapsed();
        let (start, cpu_start) = (Instant::now(), cpu_time());
        let doc = engine.cite_many(style, &items, &[], Format::Text).expect("bibliography renders");
        let render = start.elapsed();
        let render_cpu = cpu_time().zip(cpu_start).map(|(end, start)| end.saturating_sub(start));
        let entries: Vec<(String, String)> =
            doc.bibliography.into_iter().map(|e| (e.id, e.text)).collect();
        ours.push(Side { warm_up, render, render_cpu, entries });
    }
    let pool = &items[..DOCUMENT_ITEMS.min(items.len())];
    let cites = document_cites(pool);
    let runs = vec![node_run(0, &items, &[]), node_run(1, &items, &[]), node_run(0, pool, &cites)];
    let node_results = run_node(runs);
    let node: Option<Vec<Side>> = node_results.as_ref().map(|results| {
        results[..STYLES.len()]
            .iter()
            .enumerate()
            .map(|(n, r)| Side {
                // The first run also loaded citeproc-js.
                warm_up: ms(&r["build_ms"])
                    + if n == 0 { ms(&r["load_ms"]) } else { Duration::ZERO },
                render: ms(&r["render_ms"]),
                render_cpu: Some(ms(&r["render_cpu_ms"])),
                entries: node_entries(r),
            })
            .collect()
    });

    println!();
    println!(
        "{:<28} {:<8} {:>9} {:>13} {:>10} {:>9}",
        "style", "engine", "warm-up", "bibliography", "per entry", "total"
    );
    for (n, (style, _, _)) in STYLES.iter().enumerate() {
        let q = &ours[n];
        q.print(style, "QuickJS", count);
        match node.as_ref().map(|sides| &sides[n]) {
            Some(js) => {
                js.print("", "Node", count);
                println!(
                    "{:<28} {:<8} {:>8.1}× {:>12.1}× {:>10} {:>8.1}×",
                    "",
                    "ratio",
                    ratio(q.warm_up, js.warm_up),
                    ratio(q.render, js.render),
                    "",
                    ratio(q.warm_up + q.render, js.warm_up + js.render)
                );
                if let (Some(q_cpu), Some(js_cpu)) = (q.render_cpu, js.render_cpu) {
                    println!(
                        "{:<28} bibliography in CPU time: QuickJS {:.2}s, Node {:.2}s, ratio {:.1}×",
                        "",
                        q_cpu.as_secs_f64(),
                        js_cpu.as_secs_f64(),
                        ratio(q_cpu, js_cpu)
                    );
                }
                let differing = differing(&q.entries, &js.entries);
                println!(
                    "{:<28} identical entries: {}/{} ({differing} differ)",
                    "",
                    js.entries.len().max(q.entries.len()) - differing,
                    js.entries.len().max(q.entries.len())
                );
            }
            None => println!("{:<28} Node: not measured (no `node` on PATH)", ""),
        }
    }
    println!(
        "(warm-up: the first includes loading citeproc-js; an engine is built once per style)"
    );

    println!();
    match &node_results {
        Some(results) => compare_document(&engine, pool, &cites, &results[STYLES.len()]),
        None => println!("document: not compared (no `node` on PATH)"),
    }

    println!();
    preview(&engine, &items[..PREVIEW.min(items.len())]);
}

/// One engine's figures for one style.
struct Side {
    warm_up: Duration,
    render: Duration,
    /// The process's CPU time while rendering the bibliography, which a busy machine
    /// distorts less than wall-clock time.
    render_cpu: Option<Duration>,
    entries: Vec<(String, String)>,
}

impl Side {
    fn print(&self, style: &str, engine: &str, count: usize) {
        println!(
            "{style:<28} {engine:<8} {:>8.2}s {:>12.2}s {:>8.2}ms {:>8.2}s",
            self.warm_up.as_secs_f64(),
            self.render.as_secs_f64(),
            self.render.as_secs_f64() * 1000.0 / count.max(1) as f64,
            (self.warm_up + self.render).as_secs_f64()
        );
    }
}

/// This process's user and system CPU time so far (Linux; `None` elsewhere).
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th,
    // in clock ticks of 1/100 s (USER_HZ, fixed for /proc).
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(1e-9)
}

/// Entries that differ (by position: id or text), counting any length difference.
fn differing(a: &[(String, String)], b: &[(String, String)]) -> usize {
    let differences: Vec<_> = a.iter().zip(b).filter(|(x, y)| x != y).collect();
    if let Some((x, y)) = differences.first() {
        println!("  first difference:\n    QuickJS {x:?}\n    Node    {y:?}");
    }
    differences.len() + a.len().abs_diff(b.len())
}

/// The runs of `benches/cite_node.mjs` (citeproc-js under Node, on the same styles and
/// locales), or `None` without Node.
fn run_node(runs: Vec<Value>) -> Option<Vec<Value>> {
    let script = Path::new(file!()).with_file_name("cite_node.mjs");
    let dir = tempfile::tempdir().expect("temp dir");
    let job_path = dir.path().join("job.json");
    let job = json!({ "locales": { "en-US": LOCALE_EN_US, "en-GB": LOCALE_EN_GB }, "runs": runs });
    std::fs::write(&job_path, job.to_string()).expect("job written");
    match Command::new("node").arg(&script).arg(&job_path).output() {
        Ok(out) if out.status.success() => {
            Some(serde_json::from_slice(&out.stdout).expect("node's JSON"))
        }
        Ok(out) => {
            eprintln!("node failed: {}", String::from_utf8_lossy(&out.stderr));
            None
        }
        Err(_) => None,
    }
}

fn node_run(style: usize, items: &[Value], cites: &[CiteRequest]) -> Value {
    let (name, locale, xml) = STYLES[style];
    let clusters: Vec<Value> = cites
        .iter()
        .enumerate()
        .map(|(n, cite)| {
            let items: Vec<Value> = cite
                .items
                .iter()
                .map(|item| match &item.locator {
                    Some(l) => json!({ "id": item.id, "label": l.label, "locator": l.value }),
                    None => json!({ "id": item.id }),
                })
                .collect();
            json!([format!("c{n}"), items])
        })
        .collect();
    json!({ "name": name, "xml": xml, "locale": locale, "format": "text", "items": items,
            "clusters": clusters, "bibliography": true })
}

fn ms(v: &Value) -> Duration {
    Duration::from_secs_f64(v.as_f64().unwrap_or(0.0) / 1000.0)
}

fn node_entries(result: &Value) -> Vec<(String, String)> {
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    result["bib"].as_array().into_iter().flatten().map(|e| (text(&e[0]), text(&e[1]))).collect()
}

/// A paper's footnotes: citations of a pool of the items in a generated order, some at a
/// page or paragraph, every fifth repeating the one before (an "ibid." position).
fn document_cites(items: &[Value]) -> Vec<CiteRequest> {
    let mut rng = Rng::for_item(0xD0C5, 0);
    let mut previous = 0;
    (0..DOCUMENT_CITATIONS)
        .map(|n| {
            let i = if n % 5 == 4 { previous } else { rng.below(items.len()) };
            previous = i;
            let locator = match rng.below(3) {
                0 => None,
                1 => Some(Locator::page((1 + rng.below(300)).to_string())),
                _ => Some(Locator::paragraph(1 + rng.below(30))),
            };
            let id = items[i]["id"].as_str().unwrap_or_default();
            CiteRequest::one(CiteItem::new(id).at(locator))
        })
        .collect()
}

/// The footnotes of `document_cites` and their bibliography, by both engines.
fn compare_document(engine: &CiteEngine, items: &[Value], cites: &[CiteRequest], node: &Value) {
    let (style, _, _) = STYLES[0];
    let start = Instant::now();
    let doc = engine.cite_many(style, items, cites, Format::Text).expect("document renders");
    let ours = start.elapsed();
    let notes: Vec<(String, String)> =
        doc.citations.iter().enumerate().map(|(n, c)| (format!("c{n}"), c.text.clone())).collect();
    let theirs: Vec<(String, String)> = (0..cites.len())
        .map(|n| {
            let id = format!("c{n}");
            let text = node["cites"][&id].as_str().unwrap_or_default().to_string();
            (id, text)
        })
        .collect();
    println!(
        "document, {style}: {} notes citing {} items: QuickJS {:.2}s, Node {:.2}s",
        cites.len(),
        items.len(),
        ours.as_secs_f64(),
        ms(&node["render_ms"]).as_secs_f64()
    );
    let differing_notes = differing(&notes, &theirs);
    let entries: Vec<(String, String)> =
        doc.bibliography.into_iter().map(|e| (e.id, e.text)).collect();
    let differing_entries = differing(&entries, &node_entries(node));
    println!(
        "  identical notes: {}/{}, identical bibliography entries: {}/{}",
        notes.len() - differing_notes.min(notes.len()),
        notes.len(),
        entries.len() - differing_entries.min(entries.len()),
        entries.len()
    );
}

/// What the UI's live preview does, with the engines built: show one item after switching
/// style, cite a few items and list them.
fn preview(engine: &CiteEngine, items: &[Value]) {
    let (style, _, _) = STYLES[0];
    let ms = |start: Instant| start.elapsed().as_secs_f64() * 1000.0;
    let start = Instant::now();
    cite_alone(engine, style, &items[0]);
    println!(
        "live preview, {style} (engine kept while APA was used): one item: {:.0} ms",
        ms(start)
    );
    let cites: Vec<CiteRequest> = items
        .iter()
        .map(|item| CiteRequest::one(CiteItem::new(item["id"].as_str().unwrap_or_default())))
        .collect();
    for format in [Format::Text, Format::Html] {
        let start = Instant::now();
        engine.cite_many(style, items, &cites, format).expect("preview renders");
        println!(
            "live preview, {style}: {} items cited and listed in one call ({format:?}): {:.0} ms",
            items.len(),
            ms(start)
        );
    }
    for round in ["", " again (remembered)"] {
        let start = Instant::now();
        for item in items {
            cite_alone(engine, style, item);
        }
        println!("the same as {} calls of one item each{round}: {:.0} ms", items.len(), ms(start));
    }
}

/// One item cited and listed on its own, as the reader's cite panel asks.
fn cite_alone(engine: &CiteEngine, style: &str, item: &Value) {
    let cite = CiteRequest::one(CiteItem::new(item["id"].as_str().unwrap_or_default()));
    let doc = engine.cite_many(style, std::slice::from_ref(item), &[cite], Format::Text);
    black_box(doc.expect("cite renders"));
}

fn census(items: &[Value]) -> String {
    let mut counts = std::collections::BTreeMap::new();
    for item in items {
        *counts.entry(item["type"].as_str().unwrap_or("?")).or_insert(0) += 1;
    }
    counts.iter().map(|(t, n)| format!("{n} {t}")).collect::<Vec<_>>().join(", ")
}

// --- Generated items -------------------------------------------------------------------------

/// (family, given): romanised Korean and Chinese names (family first in the source, given
/// names hyphenated), Russian names in Latin and Cyrillic, Korean and Chinese in their
/// scripts, and Western names.
const PEOPLE: &[(&str, &str)] = &[
    ("Park", "Chan-kyong"),
    ("Cho", "Han-bum"),
    ("Kim", "Soo-yeon"),
    ("Lee", "Sang-hyun"),
    ("Choi", "Hyun-woo"),
    ("Kang", "Jun-young"),
    ("Lin", "Jian"),
    ("Wang", "Yi"),
    ("Zhang", "Xiaoming"),
    ("Shen", "Dingli"),
    ("Zhao", "Tong"),
    ("Ivanov", "Sergei"),
    ("Lukin", "Artyom"),
    ("Toloraya", "Georgy"),
    ("Zakharova", "Maria"),
    ("Иванов", "Сергей"),
    ("Толорая", "Георгий"),
    ("김", "민지"),
    ("박", "원곤"),
    ("王", "毅"),
    ("沈", "丁立"),
    ("Pacheco Pardo", "Ramon"),
    ("Maxwell", "David"),
    ("Snyder", "Scott A."),
    ("Ibáñez", "Jorge"),
];
const WORDS: &[&str] = &[
    "treaty",
    "satellite",
    "Pyongyang",
    "Moscow",
    "Beijing",
    "sanctions",
    "border",
    "trade",
    "alliance",
    "missile",
    "summit",
    "cooperation",
    "pressure",
    "delegation",
    "energy",
    "rail",
    "ports",
    "labour",
    "influence",
    "the Korean Peninsula",
    "the Tumen River",
    "grain",
    "munitions",
    "the Far East",
    "Rason",
    "Dandong",
    "Vladivostok",
    "strategic partnership",
];
const FRAMES: &[&str] = &[
    "{a} and {b}: what the new {c} means",
    "How {a} reshapes {b}",
    "The limits of {a} in {b}",
    "Why {a} matters for {b} and {c}",
    "{a}, {b} and the politics of {c}",
    "After the {c}: {a} and {b}",
];
const FOREIGN_TITLES: &[(&str, &str)] = &[
    ("ru", "Россия и КНДР: новый договор о всеобъемлющем стратегическом партнёрстве"),
    ("ru", "Северокорейский фактор в российско-китайских отношениях"),
    ("ko", "북한과 러시아의 포괄적 전략적 동반자 관계 조약과 중국의 대응"),
    ("ko", "북중 교역의 구조 변화와 제재의 효과"),
    ("zh", "中朝关系的新变化与东北亚安全"),
    ("zh", "俄朝全面战略伙伴关系条约评析"),
];
const NEWSPAPERS: &[&str] = &[
    "South China Morning Post",
    "The Korea Herald",
    "NK News",
    "Global Times",
    "Kommersant",
    "The Moscow Times",
    "Hankyoreh",
    "The New York Times",
    "Rodong Sinmun",
];
const WIRES: &[&str] =
    &["Reuters", "Korean Central News Agency", "TASS", "Xinhua", "Yonhap News Agency"];
const INSTITUTES: &[(&str, &str)] = &[
    ("Korea Institute for National Unification", "Seoul"),
    ("Asan Institute for Policy Studies", "Seoul"),
    ("Stimson Center", "Washington, DC"),
    ("Carnegie Endowment for International Peace", "Washington, DC"),
    ("Valdai Discussion Club", "Moscow"),
    ("International Institute for Strategic Studies", "London"),
];
const PUBLISHERS: &[(&str, &str)] = &[
    ("Columbia University Press", "New York"),
    ("Routledge", "London"),
    ("Palgrave Macmillan", "Cham"),
    ("Brookings Institution Press", "Washington, DC"),
    ("Stanford University Press", "Stanford, CA"),
];
const JOURNALS: &[&str] = &[
    "Korea Journal",
    "Asian Survey",
    "Journal of East Asian Studies",
    "Problems of Post-Communism",
    "The China Quarterly",
    "North Korean Review",
];

fn person(rng: &mut Rng) -> Value {
    let (family, given) = rng.pick(PEOPLE);
    json!({ "family": family, "given": given })
}

fn people(rng: &mut Rng, max: usize) -> Vec<Value> {
    (0..1 + rng.below(max)).map(|_| person(rng)).collect()
}

fn make_title(rng: &mut Rng) -> (String, Option<&'static str>) {
    if rng.chance(15) {
        let (lang, title) = rng.pick(FOREIGN_TITLES);
        return (title.to_string(), Some(lang));
    }
    let frame = rng.pick(FRAMES);
    let [a, b, c]: [&str; 3] = std::array::from_fn(|_| *rng.pick(WORDS));
    let t = frame.replace("{a}", a).replace("{b}", b).replace("{c}", c);
    let mut chars = t.chars();
    let t = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
    (t, Some("en"))
}

fn date(rng: &mut Rng, precision: usize) -> Value {
    let year = 2015 + rng.below(11);
    let parts: Vec<usize> =
        [year, 1 + rng.below(12), 1 + rng.below(28)].into_iter().take(precision).collect();
    json!({ "date-parts": [parts] })
}

/// `count` CSL-JSON items in this field's proportions of source types.
fn generate(count: usize) -> Vec<Value> {
    let mut rng = Rng::for_item(0x5EED_C17E, 0);
    (0..count)
        .map(|n| {
            let (title, language) = make_title(&mut rng);
            let id = format!("bench-{n}");
            let url = format!("https://example.org/{n}/{}", rng.below(100_000));
            let mut item = match rng.below(100) {
                0..=29 => json!({
                    "type": "article-newspaper", "container-title": rng.pick(NEWSPAPERS),
                    "author": people(&mut rng, 2), "issued": date(&mut rng, 3), "URL": url,
                }),
                30..=44 => json!({
                    "type": "article-newspaper", "container-title": rng.pick(WIRES),
                    "issued": date(&mut rng, 3), "URL": url, "accessed": date(&mut rng, 3),
                }),
                45..=59 => {
                    let (publisher, place) = rng.pick(INSTITUTES);
                    let author = if rng.chance(40) {
                        vec![json!({ "literal": publisher })]
                    } else {
                        people(&mut rng, 3)
                    };
                    json!({
                        "type": "report", "author": author, "publisher": publisher,
                        "publisher-place": place, "genre": rng.pick(&["Policy brief", "Research report", "Working paper"]),
                        "number": (1 + rng.below(40)).to_string(), "issued": date(&mut rng, 2), "URL": url,
                    })
                }
                60..=71 => {
                    let (publisher, place) = rng.pick(PUBLISHERS);
                    let mut book = json!({
                        "type": "book", "publisher": publisher, "publisher-place": place,
                        "issued": date(&mut rng, 1),
                    });
                    let role = if rng.chance(30) { "editor" } else { "author" };
                    book[role] = people(&mut rng, 3).into();
                    if rng.chance(20) {
                        book["edition"] = "2".into();
                    }
                    book
                }
                72..=81 => {
                    let (publisher, place) = rng.pick(PUBLISHERS);
                    let (book, _) = make_title(&mut rng);
                    let first = 1 + rng.below(300);
                    json!({
                        "type": "chapter", "author": people(&mut rng, 2), "editor": people(&mut rng, 2),
                        "container-title": book, "publisher": publisher, "publisher-place": place,
                        "page": format!("{first}-{}", first + 10 + rng.below(30)), "issued": date(&mut rng, 1),
                    })
                }
                _ => {
                    let first = 1 + rng.below(200);
                    json!({
                        "type": "article-journal", "author": people(&mut rng, 3),
                        "container-title": rng.pick(JOURNALS), "volume": (20 + rng.below(50)).to_string(),
                        "issue": (1 + rng.below(4)).to_string(),
                        "page": format!("{first}-{}", first + 15 + rng.below(20)),
                        "issued": date(&mut rng, 1), "DOI": format!("10.1000/bench.{n}"),
                    })
                }
            };
            item["id"] = id.into();
            item["title"] = title.into();
            if let Some(language) = language {
                item["language"] = language.into();
            }
            // Some sources give no date: the styles say "n.d.".
            if rng.chance(4) {
                item.as_object_mut().map(|o| o.remove("issued"));
            }
            item
        })
        .collect()
}
