//! `eval quotes GOLD...`: the quote extractor measured against hand-made gold files, per file
//! and overall. Each gold file `NAME.gold.json` scores the article beside it (`NAME.txt`,
//! `NAME.html`, ... — any sibling of that stem that is not the gold itself).

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::print_json;
use crate::quotes::eval::{self, Counts, Listing, Score};
use crate::{Error, Result};

#[derive(Serialize)]
struct FileScore {
    gold: String,
    article: String,
    score: Score,
    #[serde(skip_serializing_if = "Option::is_none")]
    listing: Option<Listing>,
}

#[derive(Serialize)]
struct Report {
    files: Vec<FileScore>,
    total: Score,
}

pub fn quotes(golds: &[PathBuf], json: bool, verbose: bool) -> Result<()> {
    let mut files = Vec::new();
    for gold in golds {
        let article = article_of(gold)?;
        let text = std::fs::read_to_string(gold)
            .map_err(|source| Error::Io { path: gold.clone(), source })?;
        let expected = eval::parse_gold(&text).map_err(|e| Error::Io {
            path: gold.clone(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
        })?;
        let bytes = std::fs::read(&article)
            .map_err(|source| Error::Io { path: article.clone(), source })?;
        let name = article.file_name().and_then(|n| n.to_str());
        let found = crate::extract(&bytes, name)
            .map_err(|source| Error::Ingest { path: article.display().to_string(), source })?
            .into_iter()
            .flat_map(|e| e.quotes)
            .collect::<Vec<_>>();
        let (score, listing) = eval::evaluate(&expected, &found);
        files.push(FileScore {
            gold: gold.display().to_string(),
            article: article.display().to_string(),
            score,
            listing: verbose.then_some(listing),
        });
    }
    let total = files.iter().map(|f| f.score).sum();
    let report = Report { files, total };
    if json {
        return print_json(&report);
    }
    print_table(&report);
    Ok(())
}

/// The article a gold file describes: same stem, another extension.
fn article_of(gold: &Path) -> Result<PathBuf> {
    let name = gold.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let missing = |why: &str| Error::Io {
        path: gold.to_path_buf(),
        source: std::io::Error::new(std::io::ErrorKind::NotFound, why.to_string()),
    };
    let stem =
        name.strip_suffix(".gold.json").ok_or_else(|| missing("not a NAME.gold.json file"))?;
    let dir = gold.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut candidates: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|source| Error::Io { path: dir.to_path_buf(), source })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n != name
                    && n.strip_prefix(stem).is_some_and(|rest| rest.starts_with('.'))
                    && !n.ends_with(".gold.json")
            })
        })
        .collect();
    candidates.sort();
    candidates.into_iter().next().ok_or_else(|| missing(&format!("no article {stem}.* beside it")))
}

fn print_table(report: &Report) {
    let f1 = |c: &Counts| format!("{:.3}", c.f1());
    let prf = |c: &Counts| format!("{:.3} {:.3} {:.3}", c.precision(), c.recall(), c.f1());
    println!(
        "{:<34} {:>5} {:>5}  {:<17} {:>7}  {:<17} {:>7}  {:>8}",
        "file", "gold", "found", "spans P R F1", "ovl F1", "attrib. P R F1", "ovl F1", "speaker×"
    );
    let row = |label: &str, s: &Score| {
        println!(
            "{:<34} {:>5} {:>5}  {:<17} {:>7}  {:<17} {:>7}  {:>8}",
            label,
            s.spans.exact.gold,
            s.spans.exact.found,
            prf(&s.spans.exact),
            f1(&s.spans.overlap),
            prf(&s.attribution.exact),
            f1(&s.attribution.overlap),
            s.wrong_speaker.overlap
        );
    };
    for file in &report.files {
        let label = Path::new(&file.gold)
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".gold.json"))
            .unwrap_or(&file.gold);
        row(label, &file.score);
        if let Some(listing) = &file.listing {
            for m in &listing.missed {
                println!("    missed    ¶{} {}: {}", m.paragraph, m.speaker, m.text);
            }
            for m in &listing.spurious {
                println!("    spurious  ¶{} {}: {}", m.paragraph, m.speaker, m.text);
            }
            for m in &listing.boundary {
                println!(
                    "    boundary  ¶{} gold: {}\n              found: {}",
                    m.gold.paragraph, m.gold.text, m.found.text
                );
            }
            for m in &listing.wrong_speaker {
                println!(
                    "    speaker   ¶{} gold: {}  found: {}",
                    m.gold.paragraph, m.gold.speaker, m.found.speaker
                );
            }
        }
    }
    row("overall", &report.total);
}
