//! Text output of the CLI: what a person reads in a terminal (`--json` prints the data as is).

use crate::model::{Article, ImportReport, ImportStatus};
use crate::Error;

pub fn import(report: &ImportReport, json: bool) -> Result<(), Error> {
    if json {
        return super::print_json(report);
    }
    for o in &report.outcomes {
        match o.status {
            ImportStatus::Imported => println!(
                "imported   {}  {}",
                o.article_id.as_deref().unwrap_or(""),
                o.title.as_deref().unwrap_or("")
            ),
            ImportStatus::Enriched => println!(
                "enriched   {}  {} (filled in missing metadata)",
                o.article_id.as_deref().unwrap_or(""),
                o.title.as_deref().unwrap_or("")
            ),
            ImportStatus::Duplicate => println!(
                "duplicate  {}  {} (already in the archive)",
                o.article_id.as_deref().unwrap_or(""),
                o.title.as_deref().unwrap_or("")
            ),
            ImportStatus::Failed => eprintln!("error: {}", o.error.as_deref().unwrap_or("failed")),
        }
    }
    println!(
        "{} imported, {} enriched, {} duplicates, {} failed",
        report.imported, report.enriched, report.duplicates, report.failed
    );
    Ok(())
}

pub fn extraction(e: &crate::model::Extraction) {
    println!("{}\n", e.title);
    let missing = e.missing.join(", ");
    println!("{} paragraphs, {} quotes, missing: {missing}", e.paragraphs.len(), e.quotes.len());
    for q in &e.quotes {
        println!("¶{} [{}] {}: {}", q.paragraph + 1, q.kind.as_str(), q.speaker, q.text);
    }
}

pub fn article(a: &Article) {
    println!("{}\n{}", a.title, "=".repeat(a.title.chars().count().min(80)));
    println!("id: {}", a.id);
    if let Some(p) = &a.source.container_title {
        println!("publication: {p}");
    }
    if let Some(d) = &a.source.issued {
        println!("date: {}", d.to_iso());
    }
    if !a.missing.is_empty() {
        println!("missing: {}", a.missing.join(", "));
    }
    println!("{} paragraphs, {} quotes\n", a.paragraphs.len(), a.quotes.len());
    for q in &a.quotes {
        let role = q.quote.descriptor.as_deref().map(|d| format!(" ({d})")).unwrap_or_default();
        println!(
            "¶{} [{}] {}{}: “{}”",
            q.quote.paragraph + 1,
            q.quote.kind.as_str(),
            q.quote.speaker,
            role,
            q.quote.text
        );
    }
}

pub fn person(p: &crate::model::Person) {
    println!("{}\n{}", p.name, "=".repeat(p.name.chars().count().min(80)));
    println!("id: {}", p.id);
    if !p.aliases.is_empty() {
        println!("also written: {}", p.aliases.join(", "));
    }
    for role in &p.roles {
        let when = match (&role.first, &role.last) {
            (Some(first), Some(last)) if first != last => format!("{first} – {last}"),
            (Some(first), _) => first.clone(),
            _ => "undated".to_string(),
        };
        println!("role: {} ({when})", role.descriptor);
    }
    println!();
    for q in &p.quotes {
        let date = q.date.as_deref().unwrap_or("n.d.");
        println!("{date}  {}  ¶{}: “{}”", q.title, q.quote.quote.paragraph + 1, q.quote.quote.text);
    }
}

pub fn citations(c: &crate::model::Citations) {
    if let Some(document) = &c.document {
        println!("{document}");
        return;
    }
    for work in &c.works {
        match work.note {
            Some(n) => println!("{n}. {}", work.citation),
            None => println!("{}", work.citation),
        }
    }
    for q in &c.quotes {
        let role = q.descriptor.as_deref().map(|d| format!(", {d}")).unwrap_or_default();
        println!("\n“{}”\n  — {}{role}", q.words, q.speaker);
        println!("  {}\n  {}\n  {}", q.citation, q.quoted_in, q.attribution);
    }
    if !c.bibliography.is_empty() {
        println!();
        for entry in &c.bibliography {
            println!("{entry}");
        }
    }
}

pub fn original(o: &crate::model::Original) {
    let name = o.file_name.as_deref().unwrap_or("(no file name)");
    println!("{name}  {}  {} bytes  imported {}", o.media_type, o.size, o.imported_at);
    if let Some(note) = &o.note {
        println!("note: {note}");
    }
    println!();
    match &o.content {
        crate::model::OriginalContent::Html { html } => println!("{html}"),
        crate::model::OriginalContent::Text { text } => println!("{text}"),
        crate::model::OriginalContent::Binary { description } => println!("{description}"),
    }
}
