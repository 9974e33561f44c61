//! Import benchmark: a generated corpus of news clips imported end to end (clean, extract
//! quotes, store, index), reporting articles per second and peak memory.
//!
//! Run: `cargo bench --no-default-features --bench import [-- ARTICLES]` (default 10,000).
//! Side by side it times the bare SQLite insert of the same texts, the floor any importer
//! pays, so the ratio shows what cleaning, quote extraction and indexing cost on top.

// The seeded generator of the search benchmark's corpus; this benchmark uses part of it.
#[path = "corpus/rng.rs"]
#[allow(dead_code)]
mod rng;

use std::path::{Path, PathBuf};
use std::time::Instant;

use rng::Rng;
use sourcebook::Sourcebook;

const PEOPLE: &[(&str, &str)] = &[
    ("Cho Han-bum", "a senior research fellow at the Korea Institute for National Unification"),
    ("Park Won-gon", "a professor of North Korean studies at Ewha Womans University"),
    ("Anna Petrova", "a transport analyst at the Far Eastern Institute"),
    ("Lin Jian", "a Chinese foreign ministry spokesman"),
    ("David Maxwell", "vice-president of the Centre for Asia-Pacific Strategy"),
    ("Kim Soo-yeon", "a researcher at the Asan Institute for Policy Studies"),
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
    "ministry",
    "broadcast",
    "cooperation",
    "pressure",
    "delegation",
    "economy",
    "security",
    "nuclear",
    "talks",
    "rail",
    "port",
    "energy",
    "grain",
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s: Vec<&str> = (0..words).map(|_| *rng.pick(WORDS)).collect();
    s[0] = "The";
    format!("{} {}.", s.join(" "), rng.below(1000))
}

fn article(n: usize, rng: &mut Rng) -> String {
    let (name, role) = *rng.pick(PEOPLE);
    let surname = name.split(' ').next().unwrap_or(name);
    let mut out = format!("Report {n}: {}\n\n", sentence(rng, 8));
    for p in 0..12 {
        let text = match p {
            2 => format!("{name}, {role}, said {}", sentence(rng, 14).to_lowercase()),
            3 => format!("“{}” {surname} said.", sentence(rng, 18)),
            6 => format!("“{},” he said. “{}”", sentence(rng, 12), sentence(rng, 10)),
            _ => format!("{} {} {}", sentence(rng, 16), sentence(rng, 12), sentence(rng, 20)),
        };
        out.push_str(&text);
        out.push_str("\n\n");
    }
    out.push_str("This website uses cookies. By continuing you accept our use of cookies.\n");
    out
}

fn write_corpus(dir: &Path, count: usize) -> Vec<PathBuf> {
    let mut rng = Rng::for_item(0x5eed_cafe, 0);
    (0..count)
        .map(|n| {
            let path = dir.join(format!("{n:06}.txt"));
            std::fs::write(&path, article(n, &mut rng)).expect("write corpus");
            path
        })
        .collect()
}

/// Peak resident memory of this process so far (Linux), in MiB.
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// The floor: the same texts inserted into a bare SQLite table in one transaction.
fn bare_sqlite(dir: &Path, files: &[PathBuf]) -> f64 {
    let started = Instant::now();
    let mut conn = rusqlite::Connection::open(dir.join("bare.sqlite3")).expect("open");
    conn.execute_batch("PRAGMA journal_mode=WAL; CREATE TABLE a (body TEXT NOT NULL);")
        .expect("schema");
    let tx = conn.transaction().expect("tx");
    for file in files {
        let body = std::fs::read_to_string(file).expect("read");
        tx.execute("INSERT INTO a (body) VALUES (?1)", [body]).expect("insert");
    }
    tx.commit().expect("commit");
    started.elapsed().as_secs_f64()
}

fn main() {
    let count: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(10_000);
    let work = tempfile::tempdir().expect("temp dir");
    let corpus = work.path().join("corpus");
    std::fs::create_dir_all(&corpus).expect("corpus dir");
    let files = write_corpus(&corpus, count);
    let bytes: u64 = files.iter().map(|f| std::fs::metadata(f).map_or(0, |m| m.len())).sum();
    println!("corpus: {count} generated clips, {:.1} MiB", bytes as f64 / 1048576.0);

    let floor = bare_sqlite(work.path(), &files);
    let mut sb = Sourcebook::open(&work.path().join("archive")).expect("open archive");
    let started = Instant::now();
    let report = sb.import_paths(&[corpus], &mut |_| {});
    let seconds = started.elapsed().as_secs_f64();
    assert_eq!(report.imported, count, "every generated clip imports");

    println!(
        "sourcebook import (clean, quotes, store, index): {seconds:.2} s, {:.0} articles/s",
        count as f64 / seconds
    );
    println!(
        "bare SQLite insert of the same texts:            {floor:.2} s, {:.0} articles/s",
        count as f64 / floor
    );
    println!("ratio sourcebook / bare insert: {:.1}x", seconds / floor);
    if let Some(peak) = peak_rss_mib() {
        println!("peak memory (whole process): {peak:.0} MiB");
    }
}
