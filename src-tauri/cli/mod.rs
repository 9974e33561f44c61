//! The command line: parses arguments, calls the library, prints text or one JSON document.

mod eval;
mod print;
mod review;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use serde::Serialize;

use crate::model::{ImportReport, MetaPatch};
use crate::{Error, Sourcebook};

#[derive(Parser)]
#[command(
    name = "sourcebook",
    version,
    about = "Archive news articles, find who said what, cite it correctly"
)]
pub struct Cli {
    /// Where the archive lives (default: the platform's data directory).
    #[arg(long, global = true, env = "SOURCEBOOK_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Args)]
pub struct JsonFlag {
    /// Print one JSON document instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand)]
pub enum Command {
    /// Import files, folders (recursively) or http(s) URLs into the archive.
    Import {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        out: JsonFlag,
    },
    /// List the archive's articles.
    List {
        /// Only articles whose citation metadata is incomplete.
        #[arg(long)]
        missing: bool,
        #[command(flatten)]
        out: JsonFlag,
    },
    /// Show one article with its quotes (an id or a unique prefix of one).
    Show {
        id: String,
        #[command(flatten)]
        out: JsonFlag,
    },
    /// Show the file an article was imported from; a web page is printed sanitised (no
    /// scripts, styles, frames or remote images), never as it came.
    Original {
        id: String,
        #[command(flatten)]
        out: JsonFlag,
    },
    /// Read a file and print what an import would store, without storing anything.
    Extract {
        file: PathBuf,
        #[command(flatten)]
        out: JsonFlag,
    },
    /// Search articles and quotes.
    Search {
        /// Words, "phrases", AND/OR/NOT, -word, prefix*, fuzzy~ and fields: speaker:, person:,
        /// publication:, author:, title:, lang:, tag:, kind:quote|article,
        /// quote-kind:direct|indirect|partial, date:2024-06..2024-07, missing:date.
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Hits to skip (for paging).
        #[arg(long, default_value_t = 0)]
        offset: usize,
        /// relevance, newest or oldest.
        #[arg(long, default_value = "relevance", value_parser = parse_sort)]
        sort: crate::model::SortOrder,
        #[command(flatten)]
        out: JsonFlag,
    },
    /// Cite articles (as works) and quotes (words, speaker, "quoted in", attribution) in a
    /// CSL style.
    Cite {
        /// Article or quote ids (or unique prefixes), each with an optional pinpoint of its
        /// own: ID@paragraph:9, ID@page:3.
        #[arg(required_unless_present = "collection")]
        ids: Vec<String>,
        /// Cite a saved collection's articles and quotes.
        #[arg(long)]
        collection: Option<String>,
        /// A bundled style name (see `sourcebook styles`) or the path of a .csl file.
        #[arg(long, default_value = crate::DEFAULT_STYLE)]
        style: String,
        /// A pinpoint for the cited articles: paragraph:9, page:3 (quotes carry their own).
        #[arg(long)]
        locator: Option<String>,
        /// text, html, rtf (rich text for Word and LibreOffice) or markdown.
        #[arg(long, default_value = "text")]
        format: crate::cite::Format,
        #[command(flatten)]
        out: JsonFlag,
    },
    /// Fill in or correct an article's metadata ("" clears a field).
    Edit {
        id: String,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        publication: Option<String>,
        /// Authors separated by ";", each "Family, Given" or one literal name.
        #[arg(long)]
        author: Option<String>,
        /// YYYY, YYYY-MM or YYYY-MM-DD.
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        url: Option<String>,
        #[command(flatten)]
        out: JsonFlag,
    },
    /// Render CSL-JSON items like pandoc's citeproc (shape in citeref/README.md).
    Render {
        #[arg(long)]
        style: String,
        #[arg(long, value_name = "ITEMS.json")]
        csl_json: PathBuf,
        #[command(flatten)]
        out: JsonFlag,
    },
    /// List the bundled citation styles.
    Styles {
        #[command(flatten)]
        out: JsonFlag,
    },
    /// Rebuild the search index from the archive.
    Reindex,
    /// Move articles to the trash (restorable until the trash is purged).
    Delete {
        #[arg(required = true)]
        ids: Vec<String>,
    },
    /// Bring deleted articles back from the trash.
    Restore {
        #[arg(required = true)]
        ids: Vec<String>,
    },
    /// List the trash; --purge deletes its articles for good.
    Trash {
        #[arg(long)]
        purge: bool,
        #[command(flatten)]
        out: JsonFlag,
    },
    /// Confirm, correct, delete or add quotes.
    Quote {
        #[command(subcommand)]
        command: review::QuoteCommand,
    },
    /// Run the quote extractor again (all articles, or these); reviewed quotes are kept.
    Reextract { ids: Vec<String> },
    /// The speakers the archive links across articles.
    Person {
        #[command(subcommand)]
        command: review::PersonCommand,
    },
    /// Add or remove an article's tags; with neither, print them.
    Tag {
        id: String,
        #[arg(long)]
        add: Vec<String>,
        #[arg(long)]
        remove: Vec<String>,
        #[command(flatten)]
        out: JsonFlag,
    },
    /// Every tag with its number of articles.
    Tags {
        #[command(flatten)]
        out: JsonFlag,
    },
    /// Export articles and quotes: ids, a collection, or (neither) the whole archive.
    Export {
        /// Article or quote ids (or unique prefixes), each with an optional pinpoint of its
        /// own: ID@paragraph:9, ID@page:3.
        ids: Vec<String>,
        /// bibtex, biblatex, ris, csl-json, markdown (quotes with pandoc citekeys),
        /// markdown-notes (quotes with their citations as footnotes in --style) or html (a page
        /// of the citations in --style).
        #[arg(long, value_parser = parse_export_format)]
        format: crate::model::ExportFormat,
        /// Export a saved collection (by name or id).
        #[arg(long)]
        collection: Option<String>,
        /// The style of markdown-notes and html citations.
        #[arg(long, default_value = crate::DEFAULT_STYLE)]
        style: String,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[command(flatten)]
        out: JsonFlag,
    },
    /// Measure the quote extractor against gold files (NAME.gold.json beside NAME.txt).
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
    /// Named sets of articles and quotes (e.g. the sources of one paper).
    Collection {
        #[command(subcommand)]
        command: review::CollectionCommand,
    },
}

fn parse_sort(s: &str) -> Result<crate::model::SortOrder, String> {
    serde_json::from_value(serde_json::Value::String(s.to_string()))
        .map_err(|_| format!("unknown sort {s:?}: relevance, newest or oldest"))
}

/// The ids of `cite` and `export`, each perhaps with its pinpoint (`ID@paragraph:9`; ids never
/// hold an `@`), as a selection.
fn selection(ids: Vec<String>, collection: Option<String>) -> crate::model::Selection {
    let mut selection = crate::model::Selection { collection, ..Default::default() };
    for id in ids {
        match id.split_once('@') {
            Some((id, locator)) => {
                selection.locators.insert(id.to_string(), locator.to_string());
                selection.ids.push(id.to_string());
            }
            None => selection.ids.push(id),
        }
    }
    selection
}

fn parse_export_format(s: &str) -> Result<crate::model::ExportFormat, String> {
    crate::model::ExportFormat::parse(s).ok_or_else(|| {
        let names: Vec<&str> = crate::model::ExportFormat::ALL.iter().map(|f| f.name()).collect();
        format!("unknown export format {s:?}: {}", names.join(", "))
    })
}

#[derive(Subcommand)]
pub enum EvalCommand {
    /// Precision, recall and F1 of quote spans and of (speaker, span) attributions, exact and
    /// overlapping, per file and overall.
    Quotes {
        #[arg(required = true, value_name = "GOLD")]
        golds: Vec<PathBuf>,
        /// List each file's misses, spurious quotes, boundary and speaker errors.
        #[arg(long)]
        verbose: bool,
        #[command(flatten)]
        out: JsonFlag,
    },
}

/// Runs a command; the caller prints the error as one line and exits non-zero.
pub fn run(data_dir: PathBuf, command: Command) -> Result<(), Error> {
    match command {
        Command::Extract { file, out } => {
            let bytes = read(&file)?;
            let name = file.file_name().and_then(|n| n.to_str());
            let mut extractions = crate::extract(&bytes, name)
                .map_err(|source| Error::Ingest { path: file.display().to_string(), source })?;
            if out.json {
                // One article prints as one object (the contract); a file of records as an array.
                return match extractions.len() {
                    1 => print_json(&extractions.remove(0)),
                    _ => print_json(&extractions),
                };
            }
            extractions.iter().for_each(print::extraction);
            Ok(())
        }
        Command::Render { style, csl_json, out: _ } => {
            let bytes = read(&csl_json)?;
            let items: Vec<serde_json::Value> =
                serde_json::from_slice(&bytes).map_err(|e| Error::Io {
                    path: csl_json.clone(),
                    source: std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        format!("not a CSL-JSON array: {e}"),
                    ),
                })?;
            print_json(&crate::render_items(&style, &items)?)
        }
        Command::Eval { what: EvalCommand::Quotes { golds, verbose, out } } => {
            eval::quotes(&golds, out.json, verbose)
        }
        Command::Styles { out } => {
            let styles = crate::styles();
            if out.json {
                return print_json(&styles);
            }
            for s in styles {
                println!("{:<42} {}", s.name, s.title);
            }
            Ok(())
        }
        command => run_on_archive(&mut Sourcebook::open(&data_dir)?, command),
    }
}

fn run_on_archive(sb: &mut Sourcebook, command: Command) -> Result<(), Error> {
    match command {
        Command::Import { paths, out } => {
            let show_progress = !out.json && std::io::stderr().is_terminal();
            let (urls, paths): (Vec<PathBuf>, Vec<PathBuf>) = paths
                .into_iter()
                .partition(|p| p.to_str().is_some_and(crate::ingest::fetch::is_url));
            let report = sb.import_paths(&paths, &mut |p| {
                if show_progress && p.done < p.total {
                    eprint!("\r\x1b[2K[{}/{}] {}", p.done + 1, p.total, p.path);
                    let _ = std::io::stderr().flush();
                }
            });
            let mut outcomes = report.outcomes;
            for url in urls.iter().filter_map(|u| u.to_str()) {
                outcomes.extend(sb.import_url(url).outcomes);
            }
            let report = ImportReport::from_outcomes(outcomes);
            if show_progress {
                eprint!("\r\x1b[2K");
            }
            print::import(&report, out.json)?;
            if report.failed > 0 {
                std::process::exit(1);
            }
            Ok(())
        }
        Command::List { missing, out } => {
            let mut articles = sb.list()?;
            if missing {
                articles.retain(|a| !a.missing.is_empty());
            }
            if out.json {
                return print_json(&articles);
            }
            for a in articles {
                let flag = if a.missing.is_empty() {
                    String::new()
                } else {
                    format!("  [missing: {}]", a.missing.join(", "))
                };
                println!("{}  {}  {} quotes{}", a.id, a.title, a.quote_count, flag);
            }
            Ok(())
        }
        Command::Show { id, out } => {
            let article = sb.article(&id)?;
            if out.json {
                return print_json(&article);
            }
            print::article(&article);
            Ok(())
        }
        Command::Search { query, limit, offset, sort, out } => {
            let request = crate::model::SearchRequest { query, sort, offset, limit, facets: true };
            let results = sb.search(&request)?;
            if out.json {
                return print_json(&results);
            }
            println!("{} hits", results.total);
            for hit in results.hits {
                let who = hit.speaker.map(|s| format!("{s}: ")).unwrap_or_default();
                println!(
                    "{}  {}\n    {}{}",
                    hit.article_id,
                    hit.title,
                    who,
                    hit.snippet.replace('\n', " ")
                );
            }
            let f = &results.facets;
            for (name, counts) in [
                ("speakers", &f.speaker),
                ("publications", &f.publication),
                ("years", &f.year),
                ("languages", &f.language),
            ] {
                if !counts.is_empty() {
                    let list: Vec<String> =
                        counts.iter().map(|c| format!("{} ({})", c.value, c.count)).collect();
                    println!("{name}: {}", list.join(", "));
                }
            }
            Ok(())
        }
        Command::Delete { ids } => {
            for id in sb.delete_articles(&ids)? {
                println!("deleted {id} (undo: sourcebook restore {id})");
            }
            Ok(())
        }
        Command::Restore { ids } => sb.restore_articles(&ids),
        Command::Trash { purge, out } => {
            if purge {
                println!("{} articles deleted for good", sb.purge_trash()?);
                return Ok(());
            }
            let trashed = sb.trash()?;
            if out.json {
                let ids: Vec<_> = trashed
                    .iter()
                    .map(|t| {
                        serde_json::json!({
                            "id": t.article.id,
                            "title": t.article.title,
                            "deleted_at": t.deleted_at,
                        })
                    })
                    .collect();
                return print_json(&ids);
            }
            for t in trashed {
                println!("{}  {}  (deleted {})", t.article.id, t.article.title, t.deleted_at);
            }
            Ok(())
        }
        Command::Cite { ids, collection, style, locator, format, out } => {
            let selection = selection(ids, collection);
            let options = crate::model::CiteOptions { style, format, locator };
            let cited = sb.cite_selection(&selection, &options)?;
            for m in &cited.missing {
                eprintln!(
                    "warning: {} has no {}; add it with `sourcebook edit`",
                    m.title,
                    m.missing.join(", ")
                );
            }
            if out.json {
                return print_json(&cited);
            }
            print::citations(&cited);
            Ok(())
        }
        Command::Edit { id, title, publication, author, date, url, out } => {
            let patch = MetaPatch { title, publication, author, date, url };
            let article = sb.edit(&id, &patch)?;
            if out.json {
                return print_json(&article);
            }
            print::article(&article);
            Ok(())
        }
        Command::Original { id, out } => {
            let original = sb.original(&id)?;
            if out.json {
                return print_json(&original);
            }
            print::original(&original);
            Ok(())
        }
        Command::Reindex => {
            let mut indexed = 0;
            sb.reindex(&mut |p| {
                indexed = p.total;
                eprint!("\rindexing {} of {}", p.done, p.total);
            })?;
            eprintln!();
            println!("indexed {indexed} articles");
            Ok(())
        }
        Command::Quote { command } => review::quote(sb, command),
        Command::Reextract { ids } => {
            let (articles, added) = sb.reextract(&ids)?;
            println!("{articles} articles read again, {added} quotes found anew");
            Ok(())
        }
        Command::Person { command } => review::person(sb, command),
        Command::Tag { id, add, remove, out } => {
            let tags = if add.is_empty() && remove.is_empty() {
                sb.article(&id)?.tags
            } else {
                sb.retag(&id, &add, &remove)?
            };
            if out.json {
                return print_json(&tags);
            }
            println!("{}", tags.join(", "));
            Ok(())
        }
        Command::Tags { out } => {
            let tags = sb.tags()?;
            if out.json {
                let tags: Vec<_> = tags
                    .iter()
                    .map(|(tag, count)| serde_json::json!({"tag": tag, "count": count}))
                    .collect();
                return print_json(&tags);
            }
            for (tag, count) in tags {
                println!("{tag}  ({count})");
            }
            Ok(())
        }
        Command::Collection { command } => review::collection(sb, command),
        Command::Export { ids, format, collection, style, output, out } => {
            let selection = selection(ids, collection);
            let export = sb.export(&selection, format, &style)?;
            for m in &export.missing {
                eprintln!("warning: {} ({}) has no {}", m.citekey, m.title, m.missing.join(", "));
            }
            if out.json {
                return print_json(&export);
            }
            match output {
                Some(path) => std::fs::write(&path, &export.content)
                    .map_err(|source| Error::Io { path: path.clone(), source }),
                None => {
                    print!("{}", export.content);
                    Ok(())
                }
            }
        }
        Command::Extract { .. }
        | Command::Render { .. }
        | Command::Styles { .. }
        | Command::Eval { .. } => {
            unreachable!("handled without an archive")
        }
    }
}

fn read(path: &PathBuf) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|source| Error::Io { path: path.clone(), source })
}

pub(crate) fn print_json<T: Serialize>(value: &T) -> Result<(), Error> {
    println!("{}", serde_json::to_string_pretty(value).expect("plain data serialises"));
    Ok(())
}
