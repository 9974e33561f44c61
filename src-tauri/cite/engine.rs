//! The citeproc-js worker: one thread owning a QuickJS runtime, driven over a channel.
//!
//! A QuickJS runtime is bound to the thread that uses it, while the app shares one engine
//! between Tauri commands and the CLI; so the runtime lives on its own thread and callers
//! send it closures. Built `CSL.Engine`s are kept per (style XML, locale) because building
//! one is by far the slowest step.
use std::collections::{HashMap, VecDeque};
use std::sync::mpsc;
use std::sync::Arc;
use std::thread;

use rquickjs::context::EvalOptions;
use rquickjs::{Context, Ctx, Function, Object, Runtime};
use serde::Deserialize;

use super::collate::{self, Options, Sensitivity};
use super::style::{Style, LOCALES};
use super::{Error, Result};

const CITEPROC_JS: &str = include_str!(concat!(env!("OUT_DIR"), "/citeproc.js"));
const SHIM_JS: &str = include_str!("shim.js");

/// citeproc recurses deeply through nested groups and macros; give both the thread and
/// QuickJS room, with the JS limit below the thread's so overflow is a JS error, not a crash.
const THREAD_STACK: usize = 32 << 20;
const JS_STACK: usize = 24 << 20;

type Job = Box<dyn FnOnce(&mut Worker) + Send>;

/// A handle on the worker thread (`mpsc::Sender` is `Sync`, so the handle can be shared).
pub(crate) struct Handle {
    jobs: mpsc::Sender<Job>,
}

impl Handle {
    /// Starts the worker and waits until citeproc-js is loaded.
    pub fn start() -> Result<Self> {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (ready_tx, ready_rx) = mpsc::channel();
        thread::Builder::new()
            .name("citeproc".into())
            .stack_size(THREAD_STACK)
            .spawn(move || match Worker::new() {
                Ok(mut worker) => {
                    let _ = ready_tx.send(Ok(()));
                    // Ends when the last handle is dropped.
                    for job in inbox {
                        job(&mut worker);
                    }
                }
                Err(e) => {
                    let _ = ready_tx.send(Err(e));
                }
            })
            .map_err(Error::Io)?;
        ready_rx.recv().map_err(|_| stopped())??;
        Ok(Handle { jobs })
    }

    /// Runs `f` on the worker and waits for its answer.
    pub fn run<R: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Worker) -> Result<R> + Send + 'static,
    ) -> Result<R> {
        let (tx, rx) = mpsc::channel();
        let job: Job = Box::new(move |worker| {
            let _ = tx.send(f(worker));
        });
        self.jobs.send(job).map_err(|_| stopped())?;
        rx.recv().map_err(|_| stopped())?
    }
}

fn stopped() -> Error {
    Error::Engine { message: "the citeproc-js worker stopped".into() }
}

/// One citation cluster in a document: its id and its CSL citation items (`id`, `locator`,
/// `label`, `prefix`, `suffix`).
pub(crate) type Cluster = (String, Vec<serde_json::Value>);

/// What one rendered document gives back.
#[derive(Debug, Deserialize)]
pub(crate) struct Document {
    /// Rendered citation per cluster id.
    pub cites: HashMap<String, String>,
    /// The bibliography, if asked for and the style has one.
    pub bib: Option<Bibliography>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Bibliography {
    /// (item id, entry) in bibliography order.
    pub entries: Vec<(String, String)>,
    /// Whether lines after the first are indented (a hanging indent or aligned numbers).
    pub hanging: bool,
}

/// An engine built for one style and locale.
#[derive(Clone, Copy, Debug)]
pub(crate) struct EngineInfo {
    id: u32,
    pub is_note: bool,
    last_used: u32,
    /// What building it added to the QuickJS heap, in bytes.
    size: usize,
}

/// The QuickJS heap that built engines may take together. Engines differ by two orders of
/// magnitude (measured: about 190 MB for APA and 260–300 MB for each Chicago style, whose sort
/// keys inline every macro they call, but under 10 MB for MLA, Cite Them Right or IEEE), so a
/// budget rather than a count decides how many are kept: any two large engines, APA with two
/// Chicago styles, and the small ones besides. Beyond it the least recently used engines are
/// dropped, never the one in use.
const ENGINE_BUDGET: usize = 768 << 20;

/// Engines below this size are dropped only once no larger one is left to drop.
const SMALL_ENGINE: usize = 32 << 20;

/// A style's XML and the locale it is rendered in.
type EngineKey = (Arc<str>, &'static str);

/// Lives on the worker thread only.
pub(crate) struct Worker {
    // Field order matters: the context must be dropped before its runtime.
    context: Context,
    runtime: Runtime,
    engines: HashMap<EngineKey, EngineInfo>,
    /// Source of engine ids and of the last-use stamps.
    clock: u32,
    memo: Memo,
}

impl Worker {
    fn new() -> Result<Self> {
        let runtime = Runtime::new().map_err(engine_error)?;
        runtime.set_max_stack_size(JS_STACK);
        let context = Context::full(&runtime).map_err(engine_error)?;
        context.with(|ctx| -> Result<()> {
            let globals = ctx.globals();
            let collator = Function::new(ctx.clone(), js_collate).map_err(engine_error)?;
            globals.set("__sbCollate", collator).map_err(engine_error)?;
            let locales = Object::new(ctx.clone()).map_err(engine_error)?;
            for (name, xml) in LOCALES {
                locales.set(name, xml).map_err(engine_error)?;
            }
            globals.set("__sbLocales", locales).map_err(engine_error)?;
            // citeproc_commonjs.js ends with `module.exports = CSL` and is not strict-mode
            // clean as a whole: evaluate it as a classic script after a `module` stand-in.
            for source in ["var module = { exports: {} };", CITEPROC_JS, SHIM_JS] {
                let mut classic = EvalOptions::default();
                classic.strict = false;
                ctx.eval_with_options::<(), _>(source, classic).map_err(|e| js_error(&ctx, e))?;
            }
            Ok(())
        })?;
        Ok(Worker { context, runtime, engines: HashMap::new(), clock: 0, memo: Memo::default() })
    }

    /// The engine for `style`, built at first use.
    pub fn engine(&mut self, style: &Style) -> Result<EngineInfo> {
        self.clock += 1;
        let key = (style.xml.clone(), style.locale);
        if let Some(info) = self.engines.get_mut(&key) {
            info.last_used = self.clock;
            return Ok(*info);
        }
        let id = self.clock;
        let before = self.heap();
        // Building an engine allocates over a million long-lived objects (Chicago). QuickJS's
        // cycle collector runs each time the heap grows by half and rescans every live
        // object, which took about a third of the build; almost nothing built is garbage.
        // So it is held off during the build and then re-armed at 1.5 times the heap, the
        // same rule QuickJS applies after each collection.
        self.runtime.set_gc_threshold(usize::MAX);
        let class = self.context.with(|ctx| {
            sb_function(&ctx, "build")?
                .call::<_, String>((id, style.xml.as_ref(), style.locale))
                .map_err(|e| js_error(&ctx, e))
        });
        // A style that citeproc-js cannot build (an undefined macro, an unknown element) is
        // the style's fault, not the engine's.
        let class = class.map_err(|e| match e {
            Error::Engine { message } => Error::InvalidStyle {
                name: style.name.clone(),
                reason: format!(
                    "citeproc-js rejected it: {}",
                    message.trim_start_matches("citeproc-js error: ")
                ),
            },
            other => other,
        });
        let size = self.heap().saturating_sub(before);
        let info = EngineInfo {
            id,
            is_note: matches!(class.as_deref(), Ok("note")),
            last_used: self.clock,
            size,
        };
        if class.is_ok() {
            self.engines.insert(key.clone(), info);
        }
        // The size of an engine is known once it is built, so the budget is enforced after the
        // build: the heap may briefly hold the new engine on top of the budget.
        let mut dropped = false;
        while self.engines.len() > 1
            && self.engines.values().map(|e| e.size).sum::<usize>() > ENGINE_BUDGET
        {
            self.drop_least_recently_used(&key)?;
            dropped = true;
        }
        if dropped {
            // An engine's objects reference each other; only the cycle collector frees them.
            self.runtime.run_gc();
        }
        let heap = self.heap();
        self.runtime.set_gc_threshold(heap + heap / 2);
        class.map(|_| info)
    }

    fn heap(&self) -> usize {
        self.runtime.memory_usage().malloc_size.max(0) as usize
    }

    /// Forgets the least recently used engine but `keep`, a large one first: dropping a small
    /// engine would free next to nothing and cost a rebuild.
    fn drop_least_recently_used(&mut self, keep: &EngineKey) -> Result<()> {
        let Some(key) = self
            .engines
            .iter()
            .filter(|(key, _)| *key != keep)
            .min_by_key(|(_, info)| (info.size < SMALL_ENGINE, info.last_used))
            .map(|(k, _)| k.clone())
        else {
            return Ok(());
        };
        let id = self.engines.remove(&key).map(|info| info.id);
        self.context.with(|ctx| {
            sb_function(&ctx, "drop")?.call::<_, ()>((id,)).map_err(|e| js_error(&ctx, e))
        })
    }

    /// Renders one document with a built engine: `clusters` in order (one per note for note
    /// styles) over `items_json` (a JSON array of CSL-JSON items), in citeproc-js's output
    /// `format` ("text", "html" or "rtf").
    pub fn document(
        &mut self,
        engine: EngineInfo,
        format: &str,
        items_json: &str,
        clusters: &[Cluster],
        with_bibliography: bool,
    ) -> Result<Document> {
        let clusters = serde_json::to_string(clusters)
            .map_err(|e| Error::Engine { message: format!("cannot encode citations: {e}") })?;
        let request =
            format!("{}\0{format}\0{with_bibliography}\0{clusters}\0{items_json}", engine.id);
        let out = match self.memo.get(&request) {
            Some(out) => out.to_string(),
            None => {
                let out: String = self.context.with(|ctx| {
                    sb_function(&ctx, "document")?
                        .call((engine.id, format, items_json, clusters, with_bibliography))
                        .map_err(|e| js_error(&ctx, e))
                })?;
                self.memo.put(request, out.clone());
                out
            }
        };
        serde_json::from_str(&out).map_err(|e| Error::Engine {
            message: format!("unexpected answer from citeproc-js: {e}"),
        })
    }
}

/// Documents rendered lately, by request, so that a live preview asked for again (the same
/// engine, items, citations and format, e.g. after switching style back and forth) costs no
/// rendering: citeproc-js in QuickJS takes tens of milliseconds per item. Each document starts
/// from citeproc's reset to an empty state and depends on nothing but its request, so the
/// answer is exact. Only requests the size of a preview are kept, not whole bibliographies.
#[derive(Default)]
struct Memo {
    answers: HashMap<String, String>,
    /// Requests in the order they were kept, the oldest dropped first.
    order: VecDeque<String>,
}

const MEMO_ENTRIES: usize = 256;
const MEMO_MAX_REQUEST: usize = 64 << 10;

impl Memo {
    fn get(&self, request: &str) -> Option<&str> {
        self.answers.get(request).map(String::as_str)
    }

    fn put(&mut self, request: String, answer: String) {
        if request.len() > MEMO_MAX_REQUEST {
            return;
        }
        if self.order.len() >= MEMO_ENTRIES {
            if let Some(oldest) = self.order.pop_front() {
                self.answers.remove(&oldest);
            }
        }
        if self.answers.insert(request.clone(), answer).is_none() {
            self.order.push_back(request);
        }
    }
}

fn sb_function<'js>(ctx: &Ctx<'js>, name: &str) -> Result<Function<'js>> {
    let sb: Object = ctx.globals().get("__sb").map_err(|e| js_error(ctx, e))?;
    sb.get(name).map_err(|e| js_error(ctx, e))
}

/// `String.prototype.localeCompare` as the shim calls it.
fn js_collate(
    a: String,
    b: String,
    sensitivity: String,
    ignore_punctuation: bool,
    numeric: bool,
) -> i32 {
    let options =
        Options { sensitivity: Sensitivity::from_js(&sensitivity), ignore_punctuation, numeric };
    collate::compare(&a, &b, options) as i32
}

fn engine_error(e: rquickjs::Error) -> Error {
    Error::Engine { message: e.to_string() }
}

/// Turns a JavaScript exception into one line: citeproc throws plain strings
/// ("citeproc-js error: ...") as well as Error objects.
fn js_error(ctx: &Ctx, e: rquickjs::Error) -> Error {
    if !e.is_exception() {
        return engine_error(e);
    }
    let value = ctx.catch();
    let message = if let Some(exception) = value.as_exception() {
        exception.message().unwrap_or_else(|| "unknown JavaScript error".into())
    } else if let Some(s) = value.as_string() {
        s.to_string().unwrap_or_default()
    } else {
        format!("{value:?}")
    };
    Error::Engine { message }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_memo_keeps_small_requests_and_drops_the_oldest() {
        let mut memo = Memo::default();
        for n in 0..MEMO_ENTRIES + 1 {
            memo.put(format!("request {n}"), format!("answer {n}"));
        }
        assert_eq!(memo.get("request 0"), None);
        assert_eq!(memo.get("request 1"), Some("answer 1"));
        assert_eq!(memo.answers.len(), MEMO_ENTRIES);
        memo.put("x".repeat(MEMO_MAX_REQUEST + 1), "big".into());
        assert_eq!(memo.answers.len(), MEMO_ENTRIES);
    }
}
