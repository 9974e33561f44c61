//! Quote extraction speed: is it ever the bottleneck of an import?
//!
//! Run: `cargo bench --no-default-features --bench quotes [-- ROUNDS]` (default 200).
//! On the project's gold fixtures (`tests/fixtures/quotes/`, outlets and languages of the
//! field) it times, per article, the reading and cleaning of the file, the quote extraction
//! alone, and a whole batch import into a fresh archive (clean, extract, store, index), and
//! prints paragraphs per second and extraction's share of the import.

use std::path::Path;
use std::time::{Duration, Instant};

use sourcebook::{ingest, quotes, Sourcebook};

fn main() {
    let rounds: u32 = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .and_then(|a| a.parse().ok())
        .unwrap_or(200);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/quotes");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/quotes")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap())
        })
        .collect();
    files.sort();

    let mut docs = Vec::new();
    let started = Instant::now();
    for _ in 0..rounds {
        docs.clear();
        for (name, bytes) in &files {
            docs.extend(ingest::read(bytes, Some(name)).expect("fixtures read"));
        }
    }
    let reading = started.elapsed() / rounds;
    let bodies: Vec<_> = docs.iter().map(|d| d.body()).collect();
    let paragraphs: usize = bodies.iter().map(|(_, spans)| spans.len()).sum();

    let started = Instant::now();
    let mut found = 0;
    for _ in 0..rounds {
        found = bodies.iter().map(|(body, spans)| quotes::extract(body, spans).len()).sum();
    }
    let extracting = started.elapsed() / rounds;

    // A whole import of the same files as a batch (one index commit), over fresh archives.
    let import_rounds = rounds.div_ceil(20).max(3);
    let mut importing = Duration::ZERO;
    for _ in 0..import_rounds {
        let scratch = tempfile::tempdir().expect("temp dir");
        let (data, inbox) = (scratch.path().join("data"), scratch.path().join("inbox"));
        std::fs::create_dir_all(&inbox).expect("inbox");
        for (name, bytes) in &files {
            std::fs::write(inbox.join(name), bytes).expect("write fixture");
        }
        let mut sb = Sourcebook::open(&data).expect("archive");
        let started = Instant::now();
        let report = sb.import_paths(&[inbox], &mut |_| {});
        importing += started.elapsed();
        assert_eq!(report.imported, files.len(), "every fixture imports");
    }
    let importing = importing / import_rounds;

    let n = files.len() as f64;
    let per = |d: Duration| d.as_secs_f64() * 1e3 / n;
    println!("{} articles, {paragraphs} paragraphs, {found} quotes; {rounds} rounds", files.len());
    println!("{:<34}{:>12}{:>16}", "stage", "ms/article", "paragraphs/s");
    for (stage, took) in [
        ("read and clean the file", reading),
        ("extract quotes", extracting),
        ("whole import (store + index)", importing),
    ] {
        println!("{stage:<34}{:>12.3}{:>16.0}", per(took), paragraphs as f64 / took.as_secs_f64());
    }
    println!(
        "extraction is {:.1}% of an import; {:.0} articles/s extracted vs {:.0} imported",
        100.0 * extracting.as_secs_f64() / importing.as_secs_f64(),
        n / extracting.as_secs_f64(),
        n / importing.as_secs_f64()
    );
}
