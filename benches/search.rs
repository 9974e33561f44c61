//! Search benchmark (issue 5): Sourcebook's search against SQLite FTS5 (how Zotero 10
//! searches) and a plain SQL LIKE scan (how many reference managers search), on one generated
//! archive and one query mix, printing p50/p99 latency, their ratios, build time, size on disk
//! and peak memory, and how many articles each engine found.
//!
//! Run: `cargo bench --no-default-features --bench search` (10,000 articles; 2–4 minutes on two
//! cores) or `cargo bench --no-default-features --bench search -- --articles 100000` (about 30
//! minutes, 18 of them Sourcebook's import). Options: `--runs N` (timed runs per query, default
//! 50), `--dir DIR` (keep the corpus and the built stores there and reuse them on the next run
//! instead of a temporary directory), `--compare-import` (time `import_bytes` per article
//! against `import_paths` over a folder on 300 articles first).
//!
//! Every build and every engine's queries run in a child process of this binary, so each
//! peak resident set (VmHWM) belongs to one phase and one engine alone. Import speed is not
//! what this measures (benches/import.rs does): the import is here to build the archive the
//! way a user would.

#[path = "corpus/mod.rs"]
mod corpus;

use std::collections::HashSet;
use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use rusqlite::{params, Connection};
use sourcebook::model::{SearchRequest, SearchResults};
use sourcebook::Sourcebook;

const DEFAULT_ARTICLES: usize = 10_000;
const DEFAULT_RUNS: usize = 50;
const WARM_UP_RUNS: usize = 5;
/// A LIKE scan of 100k articles takes seconds; past this much time per query and engine the
/// runs stop early (never below `MIN_RUNS`) so the whole benchmark stays within minutes.
const TIME_BUDGET: Duration = Duration::from_secs(20);
const MIN_RUNS: usize = 5;
const TOP: usize = 10;

// ---------------------------------------------------------------------------------------------
// The query mix

enum Filter {
    None,
    /// Inclusive ISO dates.
    Dates(&'static str, &'static str),
    Lang(&'static str),
}

struct Query {
    name: &'static str,
    /// Sourcebook's query language (issue 5).
    sourcebook: &'static str,
    /// The FTS5 MATCH expression; CJK is written as the bigrams the FTS5 table indexes.
    fts: &'static str,
    /// The LIKE condition over the plain table and its patterns (?1, ?2, ...).
    like: &'static str,
    like_patterns: &'static [&'static str],
    filter: Filter,
    /// Also count the speakers of the matching articles (a facet).
    facet: bool,
}

const QUERIES: &[Query] = &[
    Query {
        name: "single word",
        sourcebook: "sanctions",
        fts: "sanctions",
        like: "(title LIKE ?1 OR body LIKE ?1)",
        like_patterns: &["%sanctions%"],
        filter: Filter::None,
        facet: false,
    },
    Query {
        name: "phrase",
        sourcebook: "\"quite a burden\"",
        fts: "\"quite a burden\"",
        like: "body LIKE ?1",
        like_patterns: &["%quite a burden%"],
        filter: Filter::None,
        facet: false,
    },
    Query {
        name: "boolean + field",
        sourcebook: "speaker:\"Cho Han-bum\" AND (treaty OR alliance)",
        fts: "speakers:\"Cho Han-bum\" AND (treaty OR alliance)",
        like: "speakers LIKE ?1 AND (body LIKE ?2 OR body LIKE ?3)",
        like_patterns: &["%Cho Han-bum%", "%treaty%", "%alliance%"],
        filter: Filter::None,
        facet: false,
    },
    Query {
        name: "speaker facet",
        sourcebook: "border",
        fts: "border",
        like: "(title LIKE ?1 OR body LIKE ?1)",
        like_patterns: &["%border%"],
        filter: Filter::None,
        facet: true,
    },
    Query {
        name: "date range",
        sourcebook: "date:2018-01..2019-12 sanctions",
        fts: "sanctions",
        like: "(title LIKE ?1 OR body LIKE ?1)",
        like_patterns: &["%sanctions%"],
        filter: Filter::Dates("2018-01-01", "2019-12-31"),
        facet: false,
    },
    Query {
        name: "korean 위성",
        sourcebook: "위성",
        fts: "\"위성\"",
        like: "(title LIKE ?1 OR body LIKE ?1)",
        like_patterns: &["%위성%"],
        filter: Filter::None,
        facet: false,
    },
    Query {
        name: "russian спутник",
        sourcebook: "lang:ru спутник",
        fts: "спутник",
        like: "(title LIKE ?1 OR body LIKE ?1)",
        like_patterns: &["%спутник%"],
        filter: Filter::Lang("ru"),
        facet: false,
    },
    Query {
        name: "chinese 卫星",
        sourcebook: "卫星",
        fts: "\"卫星\"",
        like: "(title LIKE ?1 OR body LIKE ?1)",
        like_patterns: &["%卫星%"],
        filter: Filter::None,
        facet: false,
    },
    Query {
        name: "name variant",
        sourcebook: "\"Kim Jong Un\"",
        fts: "\"Kim Jong Un\"",
        like: "(title LIKE ?1 OR body LIKE ?1)",
        like_patterns: &["%Kim Jong Un%"],
        filter: Filter::None,
        facet: false,
    },
];

impl Filter {
    /// The filter as SQL over the `articles` table aliased `a`; the values are constants of
    /// this file, never input.
    fn sql(&self) -> String {
        match self {
            Filter::None => String::new(),
            Filter::Dates(from, to) => format!(" AND a.date BETWEEN '{from}' AND '{to}'"),
            Filter::Lang(code) => format!(" AND a.lang = '{code}'"),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Engines

/// What one search returned; kept so the optimiser cannot drop the work.
#[derive(Default)]
struct Outcome {
    total: usize,
    facets: usize,
}

trait Engine {
    /// One timed search: ranked top ten with their snippets, the total, and for a facet query
    /// the speaker counts.
    fn search(&mut self, q: &Query) -> Result<Outcome, String>;
    /// How many distinct articles match (untimed; for the agreement table).
    fn articles_matching(&mut self, q: &Query) -> Result<usize, String>;
}

/// The one call into Sourcebook's search API. Facets are counted when the query asks for
/// them, as the other engines do.
fn sourcebook_search(
    sb: &Sourcebook,
    query: &str,
    limit: usize,
    facets: bool,
) -> sourcebook::Result<SearchResults> {
    let request = SearchRequest { query: query.to_string(), limit, facets, ..Default::default() };
    sb.search(&request)
}

/// Speaker counts of a result: every search computes the facets of all its matches.
fn speaker_facets(results: &SearchResults) -> usize {
    results.facets.speaker.len()
}

struct SourcebookEngine {
    sb: Sourcebook,
    /// Enough hits for every article and quote of the archive.
    everything: usize,
}

impl Engine for SourcebookEngine {
    fn search(&mut self, q: &Query) -> Result<Outcome, String> {
        let r =
            sourcebook_search(&self.sb, q.sourcebook, TOP, q.facet).map_err(|e| e.to_string())?;
        black_box(&r.hits);
        Ok(Outcome { total: r.total, facets: speaker_facets(&r) })
    }

    fn articles_matching(&mut self, q: &Query) -> Result<usize, String> {
        // Hits are articles and quotes: count the articles they come from.
        let all = sourcebook_search(&self.sb, q.sourcebook, self.everything, false)
            .map_err(|e| e.to_string())?;
        Ok(all.hits.iter().map(|h| h.article_id.as_str()).collect::<HashSet<_>>().len())
    }
}

struct Fts5Engine(Connection);

impl Engine for Fts5Engine {
    fn search(&mut self, q: &Query) -> Result<Outcome, String> {
        let sql = |e: rusqlite::Error| e.to_string();
        // What an application does: the ranked ids and the total in one statement, then the
        // snippets of the ten it shows (snippet() in the ranking statement would run for
        // every match).
        let ranked = format!(
            "SELECT fts.rowid, count(*) OVER () FROM fts JOIN articles a ON a.id = fts.rowid \
             WHERE fts MATCH ?1{} ORDER BY rank LIMIT {TOP}",
            q.filter.sql()
        );
        let mut stmt = self.0.prepare_cached(&ranked).map_err(sql)?;
        let top: Vec<(i64, usize)> = stmt
            .query_map([q.fts], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(sql)?
            .collect::<Result<_, _>>()
            .map_err(sql)?;
        let mut snippet = self
            .0
            .prepare_cached(
                "SELECT a.title, a.date, snippet(fts, 1, '[', ']', '…', 24) FROM fts \
                 JOIN articles a ON a.id = fts.rowid WHERE fts MATCH ?1 AND fts.rowid = ?2",
            )
            .map_err(sql)?;
        for (id, _) in &top {
            let shown: (String, String, String) = snippet
                .query_row(params![q.fts, id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .map_err(sql)?;
            black_box(shown);
        }
        let facets = if q.facet {
            let facet = format!(
                "SELECT s.speaker, count(DISTINCT s.article_id) AS n FROM fts \
                 JOIN articles a ON a.id = fts.rowid JOIN quotes s ON s.article_id = fts.rowid \
                 WHERE fts MATCH ?1{} GROUP BY s.speaker ORDER BY n DESC LIMIT {TOP}",
                q.filter.sql()
            );
            count_rows(&self.0, &facet, [q.fts]).map_err(sql)?
        } else {
            0
        };
        Ok(Outcome { total: top.first().map_or(0, |t| t.1), facets })
    }

    fn articles_matching(&mut self, q: &Query) -> Result<usize, String> {
        let sql = format!(
            "SELECT count(*) FROM fts JOIN articles a ON a.id = fts.rowid WHERE fts MATCH ?1{}",
            q.filter.sql()
        );
        self.0.query_row(&sql, [q.fts], |r| r.get(0)).map_err(|e| e.to_string())
    }
}

struct LikeEngine(Connection);

impl Engine for LikeEngine {
    fn search(&mut self, q: &Query) -> Result<Outcome, String> {
        let sql = |e: rusqlite::Error| e.to_string();
        // No ranking without an index: newest first, as such managers list results.
        let listed = format!(
            "SELECT a.id, a.title, a.date, count(*) OVER () FROM articles a WHERE {}{} \
             ORDER BY a.date DESC LIMIT {TOP}",
            q.like,
            q.filter.sql()
        );
        let mut stmt = self.0.prepare_cached(&listed).map_err(sql)?;
        let rows: Vec<(i64, String, String, usize)> = stmt
            .query_map(rusqlite::params_from_iter(q.like_patterns), |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .map_err(sql)?
            .collect::<Result<_, _>>()
            .map_err(sql)?;
        let facets = if q.facet {
            let facet = format!(
                "SELECT s.speaker, count(DISTINCT a.id) AS n FROM articles a \
                 JOIN quotes s ON s.article_id = a.id WHERE {}{} \
                 GROUP BY s.speaker ORDER BY n DESC LIMIT {TOP}",
                q.like,
                q.filter.sql()
            );
            count_rows(&self.0, &facet, rusqlite::params_from_iter(q.like_patterns)).map_err(sql)?
        } else {
            0
        };
        black_box(&rows);
        Ok(Outcome { total: rows.first().map_or(0, |r| r.3), facets })
    }

    fn articles_matching(&mut self, q: &Query) -> Result<usize, String> {
        let sql = format!("SELECT count(*) FROM articles a WHERE {}{}", q.like, q.filter.sql());
        self.0
            .query_row(&sql, rusqlite::params_from_iter(q.like_patterns), |r| r.get(0))
            .map_err(|e| e.to_string())
    }
}

fn count_rows<P: rusqlite::Params>(conn: &Connection, sql: &str, p: P) -> rusqlite::Result<usize> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query(p)?;
    let mut n = 0;
    while let Some(row) = rows.next()? {
        black_box(row.get::<_, String>(0)?);
        n += 1;
    }
    Ok(n)
}

// ---------------------------------------------------------------------------------------------
// Building the three stores from the same articles

/// Zotero-style CJK handling for FTS5, whose unicode61 tokenizer would keep a run of Hangul or
/// Han as one token (위성을, a whole Chinese sentence): each run becomes its overlapping
/// bigrams, so 위성 finds 위성을 and 卫星 finds 卫星发射.
fn cjk_bigrams(text: &str) -> String {
    fn is_cjk(c: char) -> bool {
        // Hangul syllables and jamo, CJK unified ideographs and extension A.
        matches!(c as u32, 0xAC00..=0xD7A3 | 0x1100..=0x11FF | 0x3130..=0x318F)
            || matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF)
    }
    let mut out = String::with_capacity(text.len() * 2);
    let mut run: Vec<char> = Vec::new();
    let flush = |run: &mut Vec<char>, out: &mut String| {
        match run.len() {
            0 => {}
            1 => out.push(run[0]),
            _ => {
                for pair in run.windows(2) {
                    out.push(pair[0]);
                    out.push(pair[1]);
                    out.push(' ');
                }
            }
        }
        out.push(' ');
        run.clear();
    };
    for c in text.chars() {
        if is_cjk(c) {
            run.push(c);
        } else {
            if !run.is_empty() {
                flush(&mut run, &mut out);
            }
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

const SQL_TABLES: &str = "
    PRAGMA journal_mode = WAL;
    CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, publication TEXT, lang TEXT,
                           date TEXT);
    CREATE INDEX articles_date ON articles(date);
    CREATE TABLE quotes (article_id INTEGER NOT NULL, speaker TEXT NOT NULL, text TEXT NOT NULL);
    CREATE INDEX quotes_article ON quotes(article_id);
";

fn insert_metadata(
    tx: &rusqlite::Transaction,
    id: i64,
    a: &corpus::Article,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO articles (id, title, publication, lang, date) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![id, a.title, a.publication, a.lang.code(), a.date.iso()])?;
    let mut quote =
        tx.prepare_cached("INSERT INTO quotes (article_id, speaker, text) VALUES (?1, ?2, ?3)")?;
    for q in &a.quotes {
        quote.execute(params![id, q.speaker, q.text])?;
    }
    Ok(())
}

/// The FTS5 baseline: title, body, speakers and quotations as columns (the speakers and
/// quotations are the generator's own, a perfect extraction Zotero does not have), the
/// default unicode61 tokenizer with diacritics folded, CJK as bigrams, merged to one segment.
fn build_fts5(path: &Path, articles: usize) -> rusqlite::Result<()> {
    let mut conn = Connection::open(path)?;
    conn.execute_batch(SQL_TABLES)?;
    conn.execute_batch(
        "CREATE VIRTUAL TABLE fts USING fts5(title, body, speakers, quotes,
                                             tokenize = 'unicode61 remove_diacritics 2');",
    )?;
    let tx = conn.transaction()?;
    for n in 0..articles {
        let a = corpus::article(corpus::SEED, n);
        let id = n as i64 + 1;
        insert_metadata(&tx, id, &a)?;
        let quotes: Vec<&str> = a.quotes.iter().map(|q| q.text.as_str()).collect();
        tx.prepare_cached(
            "INSERT INTO fts (rowid, title, body, speakers, quotes) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            id,
            cjk_bigrams(&a.title),
            cjk_bigrams(&a.body()),
            cjk_bigrams(&a.speakers().join("; ")),
            cjk_bigrams(&quotes.join("\n")),
        ])?;
    }
    tx.commit()?;
    conn.execute_batch(
        "INSERT INTO fts (fts) VALUES ('optimize'); PRAGMA wal_checkpoint(TRUNCATE);",
    )
}

/// The LIKE baseline: the same articles as plain rows, searched by scanning.
fn build_like(path: &Path, articles: usize) -> rusqlite::Result<()> {
    let mut conn = Connection::open(path)?;
    conn.execute_batch(SQL_TABLES)?;
    conn.execute_batch(
        "ALTER TABLE articles ADD COLUMN body TEXT; ALTER TABLE articles ADD COLUMN speakers TEXT;",
    )?;
    let tx = conn.transaction()?;
    for n in 0..articles {
        let a = corpus::article(corpus::SEED, n);
        let id = n as i64 + 1;
        insert_metadata(&tx, id, &a)?;
        tx.prepare_cached("UPDATE articles SET body = ?2, speakers = ?3 WHERE id = ?1")?
            .execute(params![id, a.body(), a.speakers().join("; ")])?;
    }
    tx.commit()?;
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
}

// ---------------------------------------------------------------------------------------------
// Child phases: each prints `key value` lines, the last being its peak memory

fn run_phase(phase: &str, dir: &Path, articles: usize, runs: usize) {
    let corpus_dir = dir.join("corpus");
    let started = Instant::now();
    match phase {
        "import" => {
            let mut sb = Sourcebook::open(&dir.join("sourcebook")).expect("open archive");
            let report = sb.import_paths(&[corpus_dir], &mut |_| {});
            println!("seconds {:.3}", started.elapsed().as_secs_f64());
            println!("imported {}", report.imported);
            println!("duplicates {}", report.duplicates);
            println!("failed {}", report.failed);
            for failure in report.outcomes.iter().filter(|o| o.error.is_some()).take(3) {
                let error = failure.error.as_deref().unwrap_or_default();
                println!("failure {}: {error}", failure.path);
            }
        }
        "reindex" => {
            let mut sb = Sourcebook::open(&dir.join("sourcebook")).expect("open archive");
            let started = Instant::now();
            sb.reindex(&mut |_| {}).expect("reindex");
            println!("seconds {:.3}", started.elapsed().as_secs_f64());
        }
        "fts5" => {
            build_fts5(&dir.join("fts5.sqlite3"), articles)
                .expect("build the FTS5 table (is SQLite built with FTS5?)");
            println!("seconds {:.3}", started.elapsed().as_secs_f64());
        }
        "like" => {
            build_like(&dir.join("like.sqlite3"), articles).expect("build LIKE table");
            println!("seconds {:.3}", started.elapsed().as_secs_f64());
        }
        "import-compare" => compare_imports(dir),
        "query-sourcebook" => {
            let sb = Sourcebook::open(&dir.join("sourcebook")).expect("open archive");
            query_all(&mut SourcebookEngine { sb, everything: articles * 16 }, runs);
        }
        "query-fts5" => {
            let conn = Connection::open(dir.join("fts5.sqlite3")).expect("open FTS5");
            query_all(&mut Fts5Engine(conn), runs);
        }
        "query-like" => {
            let conn = Connection::open(dir.join("like.sqlite3")).expect("open LIKE table");
            query_all(&mut LikeEngine(conn), runs);
        }
        other => panic!("unknown phase {other}"),
    }
    println!("peak_kib {}", peak_rss_kib().unwrap_or(0));
}

/// Warm up, then time each query; prints `query INDEX p50_us p99_us runs total articles
/// facets` or `error INDEX message`, and the peak memory of searching before the untimed
/// counts for the agreement table (which fetch every hit) can raise it. A query that fails or
/// panics is reported and the others still run.
fn query_all(engine: &mut dyn Engine, runs: usize) {
    let mut lines = Vec::new();
    for (i, q) in QUERIES.iter().enumerate() {
        lines.push((i, guarded(|| time_query(engine, q, runs))));
    }
    println!("search_peak_kib {}", peak_rss_kib().unwrap_or(0));
    for (i, line) in lines {
        match line {
            Err(e) => println!("error {i} {e}"),
            Ok((times, outcome)) => {
                let articles = match guarded(|| engine.articles_matching(&QUERIES[i])) {
                    Ok(n) => n as i64,
                    Err(e) => {
                        println!("error {i} counting all its hits: {e}");
                        -1
                    }
                };
                println!(
                    "query {i} {:.1} {:.1} {} {} {articles} {}",
                    percentile(&times, 50.0),
                    percentile(&times, 99.0),
                    times.len(),
                    outcome.total,
                    outcome.facets
                );
            }
        }
    }
}

/// Sorted run times in µs and the last outcome.
fn time_query(
    engine: &mut dyn Engine,
    q: &Query,
    runs: usize,
) -> Result<(Vec<f64>, Outcome), String> {
    engine.search(q)?;
    for _ in 1..WARM_UP_RUNS {
        black_box(engine.search(q)?);
    }
    let mut times = Vec::with_capacity(runs);
    let mut outcome = Outcome::default();
    let started = Instant::now();
    while times.len() < runs && (times.len() < MIN_RUNS || started.elapsed() < TIME_BUDGET) {
        let t = Instant::now();
        outcome = black_box(engine.search(q)?);
        times.push(t.elapsed().as_secs_f64() * 1e6);
    }
    times.sort_by(f64::total_cmp);
    Ok((times, outcome))
}

/// Runs `f`, turning a panic into an error message on one line.
fn guarded<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|p| {
        let message = p
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| p.downcast_ref::<&str>().copied())
            .unwrap_or("unknown panic");
        Err(format!("panicked: {message}"))
    });
    result
        .map_err(|e| e.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(240).collect())
}

/// Nearest-rank percentile of sorted samples: p99 of 50 runs is the slowest run.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Which way in is faster for a bulk import: `import_bytes` per article (each call commits
/// the index) or `import_paths` over a folder (the index commits every 500 imports).
fn compare_imports(dir: &Path) {
    const SAMPLE: usize = 300;
    let folder = dir.join("compare-corpus");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("sample folder");
    let clips: Vec<String> = (0..SAMPLE).map(|n| corpus::article(corpus::SEED, n).clip()).collect();
    for (n, clip) in clips.iter().enumerate() {
        std::fs::write(folder.join(format!("{n:06}.txt")), clip).expect("write sample");
    }
    let archive = dir.join("compare-bytes");
    let _ = std::fs::remove_dir_all(&archive);
    let mut sb = Sourcebook::open(&archive).expect("open archive");
    let started = Instant::now();
    for (n, clip) in clips.iter().enumerate() {
        let name = format!("{n:06}.txt");
        black_box(sb.import_bytes(clip.as_bytes(), Some(&name), &name));
    }
    println!("bytes_seconds {:.3}", started.elapsed().as_secs_f64());
    let archive = dir.join("compare-paths");
    let _ = std::fs::remove_dir_all(&archive);
    let mut sb = Sourcebook::open(&archive).expect("open archive");
    let started = Instant::now();
    black_box(sb.import_paths(&[folder], &mut |_| {}));
    println!("paths_seconds {:.3}", started.elapsed().as_secs_f64());
    println!("sample {SAMPLE}");
}

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

// ---------------------------------------------------------------------------------------------
// The parent: corpus, phases, report

struct Options {
    articles: usize,
    runs: usize,
    dir: Option<PathBuf>,
    phase: Option<String>,
    compare_import: bool,
}

impl Options {
    /// `cargo bench` adds `--bench` to the arguments; anything not understood is ignored.
    fn parse() -> Options {
        let env = |name: &str| std::env::var(name).ok().and_then(|v| v.parse().ok());
        let mut o = Options {
            articles: env("SOURCEBOOK_BENCH_ARTICLES").unwrap_or(DEFAULT_ARTICLES),
            runs: env("SOURCEBOOK_BENCH_RUNS").unwrap_or(DEFAULT_RUNS),
            dir: std::env::var_os("SOURCEBOOK_BENCH_DIR").map(PathBuf::from),
            phase: None,
            compare_import: false,
        };
        let args: Vec<String> = std::env::args().skip(1).collect();
        let mut i = 0;
        while i < args.len() {
            let value = args.get(i + 1).cloned();
            match args[i].as_str() {
                "--articles" => {
                    o.articles =
                        value.and_then(|v| v.replace('_', "").parse().ok()).unwrap_or(o.articles)
                }
                "--runs" => o.runs = value.and_then(|v| v.parse().ok()).unwrap_or(o.runs),
                "--dir" => o.dir = value.map(PathBuf::from),
                "--phase" => o.phase = value,
                "--compare-import" => {
                    o.compare_import = true;
                    i += 1;
                    continue;
                }
                _ => {
                    i += 1;
                    continue;
                }
            }
            i += 2;
        }
        o.runs = o.runs.max(1);
        o
    }
}

fn main() {
    let o = Options::parse();
    if let (Some(phase), Some(dir)) = (&o.phase, &o.dir) {
        run_phase(phase, dir, o.articles, o.runs);
        return;
    }
    let temp;
    let dir = match &o.dir {
        Some(dir) => dir.clone(),
        None => {
            temp = tempfile::tempdir().expect("temp dir");
            temp.path().to_path_buf()
        }
    };
    std::fs::create_dir_all(&dir).expect("work dir");
    let stats = write_corpus(&dir, o.articles);
    let mut report = Report {
        stats,
        phases: Vec::new(),
        queries: Vec::new(),
        errors: Vec::new(),
        load: Vec::new(),
    };

    if o.compare_import {
        let out = child(&dir, "import-compare", &o, false);
        report.phases.push(("import-compare".into(), out));
    }
    for phase in ["import", "reindex", "fts5", "like"] {
        eprintln!("[search bench] building: {phase}");
        let out = child(&dir, phase, &o, true);
        report.phases.push((phase.into(), out));
    }
    report.load.push(load_average());
    for engine in ["sourcebook", "fts5", "like"] {
        eprintln!("[search bench] querying: {engine}");
        let out = child(&dir, &format!("query-{engine}"), &o, false);
        for line in out.lines() {
            let mut words = line.split_whitespace();
            match words.next() {
                Some("query") => {
                    let v: Vec<f64> = words.filter_map(|w| w.parse().ok()).collect();
                    report.queries.push((engine, v));
                }
                Some("error") => {
                    let i: usize = words.next().and_then(|w| w.parse().ok()).unwrap_or(0);
                    report.errors.push((engine, i, words.collect::<Vec<_>>().join(" ")));
                }
                Some("search_peak_kib") => {
                    report.phases.push((format!("query-{engine}"), line.replace("search_", "")));
                }
                _ => {}
            }
        }
    }
    report.load.push(load_average());
    report.sizes(&dir);
    print!("{}", report.render(&dir, &o));
}

/// Runs one phase in a child process and returns what it printed. With `--dir`, a build's
/// output is kept beside what it built, and a later run reuses both.
fn child(dir: &Path, phase: &str, o: &Options, reusable: bool) -> String {
    let saved = dir.join(format!("{phase}.out"));
    if reusable && o.dir.is_some() {
        if let Ok(out) = std::fs::read_to_string(&saved) {
            return format!("reused 1\n{out}");
        }
    }
    let exe = std::env::current_exe().expect("own executable");
    let output = Command::new(exe)
        .args(["--phase", phase, "--dir"])
        .arg(dir)
        .args(["--articles", &o.articles.to_string(), "--runs", &o.runs.to_string()])
        .output()
        .expect("run phase");
    let out = String::from_utf8_lossy(&output.stdout).into_owned();
    if !output.status.success() {
        panic!("phase {phase} failed:\n{out}\n{}", String::from_utf8_lossy(&output.stderr));
    }
    if reusable {
        std::fs::write(&saved, &out).expect("save phase output");
    }
    out
}

struct CorpusStats {
    articles: usize,
    by_lang: [usize; 4],
    words: usize,
    quotes: usize,
    bytes: u64,
    /// Articles matching each query by the generator's own account.
    truth: Vec<usize>,
}

/// Writes the clips (once per directory) and counts what each query should find.
fn write_corpus(dir: &Path, articles: usize) -> CorpusStats {
    let folder = dir.join("corpus");
    let marker = folder.join(".complete");
    let expected = format!("{articles} {:x}", corpus::SEED);
    let reuse = std::fs::read_to_string(&marker).is_ok_and(|m| m == expected);
    if !reuse {
        eprintln!("[search bench] generating {articles} articles");
        let _ = std::fs::remove_dir_all(&folder);
        for stale in ["sourcebook", "fts5.sqlite3", "like.sqlite3"] {
            let _ = std::fs::remove_dir_all(dir.join(stale));
            let _ = std::fs::remove_file(dir.join(stale));
        }
        for phase in ["import", "reindex", "fts5", "like"] {
            let _ = std::fs::remove_file(dir.join(format!("{phase}.out")));
        }
        std::fs::create_dir_all(&folder).expect("corpus dir");
    }
    let mut stats = CorpusStats {
        articles,
        by_lang: [0; 4],
        words: 0,
        quotes: 0,
        bytes: 0,
        truth: vec![0; QUERIES.len()],
    };
    for n in 0..articles {
        let a = corpus::article(corpus::SEED, n);
        let clip = a.clip();
        if !reuse {
            std::fs::write(folder.join(format!("{n:06}.txt")), &clip).expect("write clip");
        }
        stats.by_lang[a.lang as usize] += 1;
        stats.words += clip.split_whitespace().count();
        stats.quotes += a.quotes.len();
        stats.bytes += clip.len() as u64;
        for (i, t) in truth(&a).into_iter().enumerate() {
            stats.truth[i] += t as usize;
        }
    }
    if !reuse {
        std::fs::write(&marker, expected).expect("corpus marker");
    }
    stats
}

/// The noun спутник in every case and number: what Russian stemming should find (and not
/// спутниковые, "satellite" as an adjective).
const SPUTNIK: &[&str] = &[
    "спутник",
    "спутника",
    "спутнику",
    "спутником",
    "спутнике",
    "спутники",
    "спутников",
    "спутникам",
    "спутниками",
    "спутниках",
];

/// Whether article `a` should match each query, from the generator's side: words as whole
/// tokens, CJK as substrings, a person by any of the spellings the generator prints.
fn truth(a: &corpus::Article) -> Vec<bool> {
    let text = format!("{}\n{}", a.title, a.body());
    let lower = text.to_lowercase();
    let tokens: HashSet<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
    let has = |w: &str| tokens.contains(w);
    let cho = a.speakers().iter().any(|s| s.starts_with("Cho Han"));
    let in_range = ("2018-01-01".to_string()..="2019-12-31".to_string()).contains(&a.date.iso());
    let kim = ["kim jong-un", "kim jong un", "kim jongun"].iter().any(|v| lower.contains(v));
    vec![
        has("sanctions"),
        lower.contains("quite a burden"),
        cho && (has("treaty") || has("alliance")),
        has("border"),
        in_range && has("sanctions"),
        text.contains("위성"),
        a.lang == corpus::Lang::Ru && tokens.iter().any(|t| SPUTNIK.contains(t)),
        text.contains("卫星"),
        kim,
    ]
}

struct Report {
    stats: CorpusStats,
    phases: Vec<(String, String)>,
    /// (engine, [index, p50 µs, p99 µs, runs, total, articles, facets]).
    queries: Vec<(&'static str, Vec<f64>)>,
    errors: Vec<(&'static str, usize, String)>,
    /// The machine's 1-minute load average before and after the queries: other work on the
    /// same cores shows up in the p99 column.
    load: Vec<String>,
}

impl Report {
    fn value(&self, phase: &str, key: &str) -> Option<f64> {
        let (_, out) = self.phases.iter().find(|(p, _)| p == phase)?;
        out.lines().find_map(|l| {
            let (k, v) = l.split_once(' ')?;
            (k == key).then(|| v.trim().parse().ok()).flatten()
        })
    }

    fn query(&self, engine: &str, i: usize) -> Option<&[f64]> {
        self.queries.iter().find(|(e, v)| *e == engine && v[0] as usize == i).map(|(_, v)| &v[..])
    }

    fn sizes(&mut self, dir: &Path) {
        let sizes = format!(
            "archive {}\nindex {}\nfts5 {}\nlike {}\n",
            dir_size(&dir.join("sourcebook/archive.sqlite3"))
                + dir_size(&dir.join("sourcebook/archive.sqlite3-wal")),
            dir_size(&dir.join("sourcebook/index")),
            dir_size(&dir.join("fts5.sqlite3")) + dir_size(&dir.join("fts5.sqlite3-wal")),
            dir_size(&dir.join("like.sqlite3")) + dir_size(&dir.join("like.sqlite3-wal")),
        );
        self.phases.push(("sizes".into(), sizes));
    }

    fn render(&self, dir: &Path, o: &Options) -> String {
        let s = &self.stats;
        let mib = |bytes: f64| bytes / 1_048_576.0;
        let mut out = String::new();
        let _ = writeln!(out, "\nSourcebook search benchmark (issue 5)");
        let _ = writeln!(
            out,
            "corpus: {} articles (en {}, ru {}, ko {}, zh {}), {:.0} words and {:.1} quotes per \
             article, {:.1} MiB of clips, 2015-2025, seed {:x}",
            s.articles,
            s.by_lang[0],
            s.by_lang[1],
            s.by_lang[2],
            s.by_lang[3],
            s.words as f64 / s.articles as f64,
            s.quotes as f64 / s.articles as f64,
            mib(s.bytes as f64),
            corpus::SEED
        );
        let kept = if o.dir.is_some() { "kept" } else { "temporary, removed at exit" };
        let _ = writeln!(out, "work dir: {} ({kept})", dir.display());
        if let Some(bytes) = self.value("import-compare", "bytes_seconds") {
            let paths = self.value("import-compare", "paths_seconds").unwrap_or(0.0);
            let n = self.value("import-compare", "sample").unwrap_or(0.0);
            let _ = writeln!(
                out,
                "import route ({n:.0} articles): import_bytes per article {bytes:.1} s, \
                 import_paths over a folder {paths:.1} s (the build below uses import_paths)"
            );
        }

        let _ = writeln!(
            out,
            "\nbuild (each in its own process)          time      peak RSS   on disk"
        );
        let kib = |phase: &str| self.value(phase, "peak_kib").map_or(0.0, |k| k / 1024.0);
        let size = |key: &str| mib(self.value("sizes", key).unwrap_or(0.0));
        let seconds = |phase: &str| self.value(phase, "seconds").unwrap_or(f64::NAN);
        let imported = self.value("import", "imported").unwrap_or(0.0);
        let rows = [
            (
                "sourcebook import + index (import_paths)".to_string(),
                seconds("import"),
                kib("import"),
                format!("archive {:.0} MiB + index {:.0} MiB", size("archive"), size("index")),
            ),
            (
                "sourcebook index rebuild from archive".into(),
                seconds("reindex"),
                kib("reindex"),
                format!("index {:.0} MiB", size("index")),
            ),
            (
                "fts5 insert + optimize".into(),
                seconds("fts5"),
                kib("fts5"),
                format!("{:.0} MiB", size("fts5")),
            ),
            (
                "plain table for LIKE".into(),
                seconds("like"),
                kib("like"),
                format!("{:.0} MiB", size("like")),
            ),
        ];
        for (name, secs, peak, disk) in rows {
            let _ = writeln!(out, "{name:<41}{secs:>7.1} s {peak:>7.0} MiB   {disk}");
        }
        let reused: Vec<&str> = ["import", "reindex", "fts5", "like"]
            .into_iter()
            .filter(|phase| self.value(phase, "reused").is_some())
            .collect();
        if !reused.is_empty() {
            let _ = writeln!(
                out,
                "(build figures of {} are from an earlier run in this work dir, reused)",
                reused.join(", ")
            );
        }
        let _ = writeln!(
            out,
            "sourcebook imported {imported:.0} of {} clips ({:.0} articles/s end to end)",
            s.articles,
            imported / seconds("import")
        );
        for line in self.phases.iter().flat_map(|(_, out)| out.lines()) {
            if line.starts_with("failure ") {
                let _ = writeln!(out, "  {line}");
            }
        }

        let _ = writeln!(
            out,
            "\nlatency in ms, warm, after {WARM_UP_RUNS} warm-up runs; p50 / p99 (nearest rank: \
             p99 of {} runs is the slowest);\nratio = sourcebook ÷ baseline, below 1 = \
             sourcebook faster",
            o.runs
        );
        let _ = writeln!(
            out,
            "{:<18}{:>20}{:>20}{:>30}{:>15}{:>15}",
            "query", "sourcebook", "fts5", "like", "sb÷fts5", "sb÷like"
        );
        for (i, q) in QUERIES.iter().enumerate() {
            let cell = |engine: &str| match self.query(engine, i) {
                Some(v) => format!("{:.2} / {:.2}", v[1] / 1000.0, v[2] / 1000.0),
                None => "error".to_string(),
            };
            let ratio = |engine: &str| match (self.query("sourcebook", i), self.query(engine, i)) {
                (Some(a), Some(b)) => format!("{:.2} / {:.2}", a[1] / b[1], a[2] / b[2]),
                _ => "-".to_string(),
            };
            let like_runs = self.query("like", i).map_or(0.0, |v| v[3]);
            let like = if like_runs < o.runs as f64 {
                format!("{} ({like_runs:.0} runs)", cell("like"))
            } else {
                cell("like")
            };
            let _ = writeln!(
                out,
                "{}{:>20}{:>20}{:>30}{:>15}{:>15}",
                padded(q.name, 18),
                cell("sourcebook"),
                cell("fts5"),
                like,
                ratio("fts5"),
                ratio("like")
            );
        }
        let _ = writeln!(
            out,
            "peak RSS while searching: sourcebook {:.0} MiB, fts5 {:.0} MiB, like {:.0} MiB",
            kib("query-sourcebook"),
            kib("query-fts5"),
            kib("query-like")
        );
        let _ = writeln!(
            out,
            "load average (1 min) before / after the queries: {} on {} cores",
            self.load.join(" / "),
            std::thread::available_parallelism().map_or(0, |n| n.get())
        );

        let _ = writeln!(
            out,
            "\nagreement: articles matching (sourcebook counts the articles of its article and \
             quote hits; its own total in brackets)"
        );
        let _ = writeln!(
            out,
            "{:<18}{:>10}{:>20}{:>10}{:>10}{:>14}",
            "query", "generator", "sourcebook", "fts5", "like", "facet rows"
        );
        for (i, q) in QUERIES.iter().enumerate() {
            let n = |engine: &str, k: usize| self.query(engine, i).map_or(-1.0, |v| v[k]);
            let sb = match self.query("sourcebook", i) {
                Some(v) if v[5] >= 0.0 => format!("{:.0} [{:.0}]", v[5], v[4]),
                Some(v) => format!("failed [{:.0}]", v[4]),
                None => "error".into(),
            };
            let facets = if q.facet {
                format!("{:.0}/{:.0}/{:.0}", n("sourcebook", 6), n("fts5", 6), n("like", 6))
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "{}{:>10}{:>20}{:>10.0}{:>10.0}{:>14}",
                padded(q.name, 18),
                s.truth[i],
                sb,
                n("fts5", 5),
                n("like", 5),
                facets
            );
        }
        for (engine, i, message) in &self.errors {
            let _ = writeln!(out, "{engine}, query {:?}: {message}", QUERIES[*i].name);
        }
        let _ = writeln!(out, "\nqueries as each engine ran them:");
        for q in QUERIES {
            let _ = writeln!(
                out,
                "  {} sourcebook `{}` | fts5 MATCH `{}`{} | like {} {:?}",
                padded(q.name, 17),
                q.sourcebook,
                q.fts,
                q.filter.sql(),
                q.like,
                q.like_patterns
            );
        }
        out
    }
}

/// `text` padded to `width` terminal columns: Hangul and Han take two each, so the table
/// lines up in a terminal.
fn padded(text: &str, width: usize) -> String {
    let wide = |c: char| matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3);
    let columns: usize = text.chars().map(|c| if wide(c) { 2 } else { 1 }).sum();
    format!("{text}{}", " ".repeat(width.saturating_sub(columns)))
}

fn load_average() -> String {
    let text = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    text.split_whitespace().next().unwrap_or("?").to_string()
}

fn dir_size(path: &Path) -> f64 {
    let Ok(meta) = std::fs::metadata(path) else { return 0.0 };
    if meta.is_file() {
        return meta.len() as f64;
    }
    std::fs::read_dir(path)
        .map(|entries| entries.flatten().map(|e| dir_size(&e.path())).sum())
        .unwrap_or(0.0)
}
