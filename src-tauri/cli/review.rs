//! `quote`, `person`, `tag` and `collection`: correcting quotes, the person registry and
//! grouping articles, from the command line.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::{print, print_json, JsonFlag};
use crate::model::{CollectionItem, PersonMerge, QuoteInput, QuoteKind, QuotePatch, StoredQuote};
use crate::{Error, Result, Sourcebook};

#[derive(Subcommand)]
pub enum QuoteCommand {
    /// Show one quote (an id or a unique prefix).
    Show {
        id: String,
        #[command(flatten)]
        out: JsonFlag,
    },
    /// Mark an extracted quote as checked.
    Confirm {
        id: String,
        #[command(flatten)]
        out: JsonFlag,
    },
    /// Correct a quote's span, speaker, role, cue or kind ("" clears role or cue).
    Edit {
        id: String,
        #[command(flatten)]
        fields: QuoteFields,
        #[command(flatten)]
        span: SpanArgs,
        #[command(flatten)]
        out: JsonFlag,
    },
    /// Delete a quote; re-extraction will not bring it back.
    Delete {
        id: String,
        #[command(flatten)]
        out: JsonFlag,
    },
    /// Add a quote the extractor missed: give its exact words (--text) or its span.
    Add {
        /// The article (an id or a unique prefix).
        article: String,
        #[command(flatten)]
        fields: QuoteFields,
        #[command(flatten)]
        span: SpanArgs,
        #[command(flatten)]
        out: JsonFlag,
    },
}

#[derive(Args)]
pub struct QuoteFields {
    #[arg(long)]
    speaker: Option<String>,
    /// The speaker's role as the article states it.
    #[arg(long)]
    descriptor: Option<String>,
    /// The speech verb or phrase ("said", "according to").
    #[arg(long)]
    cue: Option<String>,
    /// direct, partial or indirect.
    #[arg(long, value_parser = parse_kind)]
    kind: Option<QuoteKind>,
}

#[derive(Args)]
pub struct SpanArgs {
    /// The quote's exact words as they stand in the article (found there, never copied).
    #[arg(long, conflicts_with_all = ["start", "end"])]
    text: Option<String>,
    /// Which occurrence of --text, when the words occur more than once (1 = first).
    #[arg(long, requires = "text")]
    occurrence: Option<usize>,
    /// Char offset where the quote starts in the stored text.
    #[arg(long)]
    start: Option<usize>,
    /// Char offset where the quote ends (exclusive).
    #[arg(long)]
    end: Option<usize>,
}

fn parse_kind(s: &str) -> std::result::Result<QuoteKind, String> {
    QuoteKind::parse(s)
        .ok_or_else(|| format!("{s:?} is not a quote kind (direct, partial, indirect)"))
}

#[derive(Subcommand)]
pub enum PersonCommand {
    /// Every speaker the archive links across articles.
    List {
        #[command(flatten)]
        out: JsonFlag,
    },
    /// A person's aliases, roles over time and quotes (an id, prefix, or any known spelling).
    Show {
        person: String,
        #[command(flatten)]
        out: JsonFlag,
    },
    /// Merge OTHER into KEEP: one person with both names and all quotes.
    Merge {
        keep: String,
        other: String,
        #[command(flatten)]
        out: JsonFlag,
    },
    /// Undo a merge: OTHER (its id, or a prefix, as `person merge` printed it) becomes a
    /// separate person again, with its spellings and quotes.
    Unmerge { other: String },
    /// Say how a name reads in citations: family-first (Park Chan-kyong) or given-first.
    Order {
        /// A person (any spelling) or an author's name.
        name: String,
        #[arg(value_parser = ["family-first", "given-first"])]
        order: String,
    },
    /// Record another spelling of a person's name (e.g. in the original script).
    Alias {
        person: String,
        alias: String,
        #[command(flatten)]
        out: JsonFlag,
    },
}

#[derive(Subcommand)]
pub enum CollectionCommand {
    /// Every collection with its size.
    List {
        #[command(flatten)]
        out: JsonFlag,
    },
    /// The articles and quotes of a collection.
    Show {
        name: String,
        #[command(flatten)]
        out: JsonFlag,
    },
    /// Add articles (ids) and quotes (--quote ID) to a collection, creating it if new.
    Add {
        name: String,
        articles: Vec<String>,
        #[arg(long = "quote", value_name = "QUOTE_ID")]
        quotes: Vec<String>,
        #[command(flatten)]
        out: JsonFlag,
    },
    /// Take articles or quotes out of a collection.
    Remove {
        name: String,
        articles: Vec<String>,
        #[arg(long = "quote", value_name = "QUOTE_ID")]
        quotes: Vec<String>,
        #[command(flatten)]
        out: JsonFlag,
    },
    Rename {
        name: String,
        new_name: String,
    },
    /// Delete a collection (its articles stay in the archive).
    Delete {
        name: String,
    },
}

pub fn quote(sb: &mut Sourcebook, command: QuoteCommand) -> Result<()> {
    let (quote, json) = match command {
        QuoteCommand::Show { id, out } => (sb.quote(&id)?.1, out.json),
        QuoteCommand::Confirm { id, out } => (sb.confirm_quote(&id)?, out.json),
        QuoteCommand::Delete { id, out } => {
            let (_, quote) = sb.delete_quote(&id)?;
            if out.json {
                return print_json(&quote);
            }
            println!("deleted {}", describe(&quote));
            return Ok(());
        }
        QuoteCommand::Edit { id, fields, span, out } => {
            let (article_id, old) = sb.quote(&id)?;
            let (start, end) = match span.text {
                Some(text) => {
                    let found = find(sb, &article_id, &text, span.occurrence)?;
                    (Some(found.0), Some(found.1))
                }
                None => (span.start, span.end),
            };
            let patch = QuotePatch {
                start,
                end,
                kind: fields.kind,
                speaker: fields.speaker,
                descriptor: fields.descriptor,
                cue: fields.cue,
            };
            (sb.edit_quote(&old.id, &patch)?, out.json)
        }
        QuoteCommand::Add { article, fields, span, out } => {
            let article = sb.resolve_id(&article)?;
            let (start, end) = match (span.text, span.start, span.end) {
                (Some(text), _, _) => find(sb, &article, &text, span.occurrence)?,
                (None, Some(start), Some(end)) => (start, end),
                _ => {
                    return Err(Error::InvalidQuote(
                        "give the quote's words with --text, or --start and --end".into(),
                    ))
                }
            };
            let speaker = fields
                .speaker
                .ok_or_else(|| Error::InvalidQuote("a quote needs --speaker".into()))?;
            let input = QuoteInput {
                start,
                end,
                kind: fields.kind.unwrap_or(QuoteKind::Direct),
                speaker,
                descriptor: fields.descriptor,
                cue: fields.cue,
            };
            (sb.add_quote(&article, &input)?, out.json)
        }
    };
    if json {
        return print_json(&quote);
    }
    println!("{}", describe(&quote));
    Ok(())
}

/// The char span of the `occurrence`-th (1-based) appearance of `text` in an article.
fn find(
    sb: &Sourcebook,
    article: &str,
    text: &str,
    occurrence: Option<usize>,
) -> Result<(usize, usize)> {
    let body = sb.article(article)?.text;
    let starts: Vec<usize> = body.match_indices(text).map(|(byte, _)| byte).collect();
    let pick = match (starts.len(), occurrence) {
        (0, _) => {
            return Err(Error::InvalidQuote(format!("the article does not contain {text:?}")))
        }
        (1, None) => starts[0],
        (n, None) => {
            return Err(Error::InvalidQuote(format!(
                "{text:?} occurs {n} times in the article; pick one with --occurrence"
            )))
        }
        (n, Some(k)) if k == 0 || k > n => {
            return Err(Error::InvalidQuote(format!("{text:?} occurs {n} times, not {k}")))
        }
        (_, Some(k)) => starts[k - 1],
    };
    let start = body[..pick].chars().count();
    Ok((start, start + text.chars().count()))
}

fn describe(q: &StoredQuote) -> String {
    let role = q.quote.descriptor.as_deref().map(|d| format!(" ({d})")).unwrap_or_default();
    format!(
        "{}  ¶{} [{}, {}] {}{}: “{}”",
        q.id,
        q.quote.paragraph + 1,
        q.quote.kind.as_str(),
        q.review.as_str(),
        q.quote.speaker,
        role,
        q.quote.text
    )
}

pub fn person(sb: &mut Sourcebook, command: PersonCommand) -> Result<()> {
    let (person, json) = match command {
        PersonCommand::List { out } => {
            let persons = sb.persons()?;
            if out.json {
                return print_json(&persons);
            }
            for p in persons {
                let aliases = if p.aliases.is_empty() {
                    String::new()
                } else {
                    format!(" (also {})", p.aliases.join(", "))
                };
                println!(
                    "{}  {}{}  {} quotes in {} articles",
                    p.id, p.name, aliases, p.quote_count, p.article_count
                );
            }
            return Ok(());
        }
        PersonCommand::Show { person, out } => (sb.person(&person)?, out.json),
        PersonCommand::Order { name, order } => {
            let names = sb.set_name_order(&name, order == "family-first")?;
            println!("{} now read {order}", names.join(", "));
            return Ok(());
        }
        PersonCommand::Merge { keep, other, out } => {
            let merged = sb.merge_persons(&keep, &other)?;
            save_merge(sb.data_dir(), &merged.undo)?;
            if !out.json {
                print::person(&merged.person);
                println!("undo: sourcebook person unmerge {}", merged.undo.other);
                return Ok(());
            }
            (merged.person, true)
        }
        PersonCommand::Unmerge { other } => {
            let (path, merge) = load_merge(sb.data_dir(), &other)?;
            sb.unmerge_persons(&merge)?;
            std::fs::remove_file(&path).map_err(|source| Error::Io { path, source })?;
            println!("{} is a separate person again ({})", merge.other_name, merge.other);
            return Ok(());
        }
        PersonCommand::Alias { person, alias, out } => (sb.add_alias(&person, &alias)?, out.json),
    };
    if json {
        return print_json(&person);
    }
    print::person(&person);
    Ok(())
}

pub fn collection(sb: &mut Sourcebook, command: CollectionCommand) -> Result<()> {
    let items = |articles: Vec<String>, quotes: Vec<String>| -> Vec<CollectionItem> {
        let articles =
            articles.into_iter().map(|article_id| CollectionItem { article_id, quote_id: None });
        let quotes = quotes
            .into_iter()
            .map(|q| CollectionItem { article_id: String::new(), quote_id: Some(q) });
        articles.chain(quotes).collect()
    };
    let (collection, json) = match command {
        CollectionCommand::List { out } => {
            let all = sb.collections()?;
            if out.json {
                return print_json(&all);
            }
            for c in all {
                println!("{}  ({} items)", c.name, c.items.len());
            }
            return Ok(());
        }
        CollectionCommand::Show { name, out } => (sb.collection(&name)?, out.json),
        CollectionCommand::Add { name, articles, quotes, out } => {
            (sb.collect(&name, &items(articles, quotes))?, out.json)
        }
        CollectionCommand::Remove { name, articles, quotes, out } => {
            (sb.uncollect(&name, &items(articles, quotes))?, out.json)
        }
        CollectionCommand::Rename { name, new_name } => {
            (sb.rename_collection(&name, &new_name)?, false)
        }
        CollectionCommand::Delete { name } => {
            let gone = sb.delete_collection(&name)?;
            println!("deleted collection {} ({} items)", gone.name, gone.items.len());
            return Ok(());
        }
    };
    if json {
        return print_json(&collection);
    }
    println!("{} ({} items)", collection.name, collection.items.len());
    for item in &collection.items {
        let article = sb.article(&item.article_id)?;
        match &item.quote_id {
            Some(q) => println!("  {}  quote {q} in {}", article.id, article.title),
            None => println!("  {}  {}", article.id, article.title),
        }
    }
    Ok(())
}

/// Where the CLI keeps what each merge moved, one file per merged-away person, until undone:
/// a command line has no notice to hold it, as the window does.
fn merges_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("merges")
}

fn save_merge(data_dir: &Path, merge: &PersonMerge) -> Result<()> {
    let dir = merges_dir(data_dir);
    let path = dir.join(format!("{}.json", merge.other));
    let json = serde_json::to_vec_pretty(merge).expect("a merge record serialises");
    std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::write(&path, json))
        .map_err(|source| Error::Io { path, source })
}

/// The saved merge of the person whose id starts with `prefix`.
fn load_merge(data_dir: &Path, prefix: &str) -> Result<(PathBuf, PersonMerge)> {
    let dir = merges_dir(data_dir);
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    let mut found = Vec::new();
    if dir.exists() {
        for entry in std::fs::read_dir(&dir).map_err(io(&dir))? {
            let path = entry.map_err(io(&dir))?.path();
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            if stem.starts_with(prefix) && path.extension().is_some_and(|e| e == "json") {
                found.push(path);
            }
        }
    }
    let path = match found.len() {
        1 => found.remove(0),
        0 => return Err(Error::NoMatch { what: "merge to undo", prefix: prefix.to_string() }),
        _ => return Err(Error::Ambiguous { what: "merge to undo", prefix: prefix.to_string() }),
    };
    let bytes = std::fs::read(&path).map_err(io(&path))?;
    let merge = serde_json::from_slice(&bytes).map_err(|e| Error::Io {
        path: path.clone(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
    })?;
    Ok((path, merge))
}
