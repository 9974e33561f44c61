//! The citeproc-js worker: one thread owning a QuickJS runtime, driven over a channel.
//!
//! A QuickJS runtime is bound to the thread that uses it, while the app shares one engine
//! between Tauri commands and the CLI; so the runtime lives on its own thread and callers
//! send it closures. Built `CSL.Engine`s are kept per (style XML, locale) because building
//! one is by far the slowest step.
use std::collections::HashMap;
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

/// One citation in a document: its id and its CSL citation item (`id`, `locator`, `label`).
pub(crate) type Citation = (String, serde_json::Value);

/// What one rendered document gives back.
#[derive(Debug, Deserialize)]
pub(crate) struct Document {
    /// Rendered citation per citation id.
    pub cites: HashMap<String, String>,
    /// Bibliography entries (item id, entry) in bibliography order, if the style has one.
    pub bib: Option<Vec<(String, String)>>,
}

/// An engine built for one style and locale.
#[derive(Clone, Copy, Debug)]
pub(crate) struct EngineInfo {
    id: u32,
    pub is_note: bool,
    last_used: u32,
}

/// How many built engines the worker keeps. A Chicago engine holds about 300 MB of QuickJS
/// objects (its sort keys inline every macro they call), so the least recently used engine is
/// dropped beyond this; a desktop session rarely uses more than a couple of styles.
const MAX_ENGINES: usize = 2;

/// Lives on the worker thread only.
pub(crate) struct Worker {
    // Field order matters: the context must be dropped before its runtime.
    context: Context,
    runtime: Runtime,
    engines: HashMap<(Arc<str>, &'static str), EngineInfo>,
    /// Source of engine ids and of the last-use stamps.
    clock: u32,
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
        Ok(Worker { context, runtime, engines: HashMap::new(), clock: 0 })
    }

    /// The engine for `style`, built at first use.
    pub fn engine(&mut self, style: &Style) -> Result<EngineInfo> {
        self.clock += 1;
        let key = (style.xml.clone(), style.locale);
        if let Some(info) = self.engines.get_mut(&key) {
            info.last_used = self.clock;
            return Ok(*info);
        }
        if self.engines.len() >= MAX_ENGINES {
            self.drop_least_recently_used()?;
        }
        let id = self.clock;
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
        let heap = self.runtime.memory_usage().malloc_size.max(0) as usize;
        self.runtime.set_gc_threshold(heap + heap / 2);
        let info = EngineInfo { id, is_note: class? == "note", last_used: self.clock };
        self.engines.insert(key, info);
        Ok(info)
    }

    /// Forgets the least recently used engine; its objects are freed as their references go
    /// (and any cycles at the next collection).
    fn drop_least_recently_used(&mut self) -> Result<()> {
        let Some(key) =
            self.engines.iter().min_by_key(|(_, info)| info.last_used).map(|(k, _)| k.clone())
        else {
            return Ok(());
        };
        let id = self.engines.remove(&key).map(|info| info.id);
        self.context.with(|ctx| {
            sb_function(&ctx, "drop")?.call::<_, ()>((id,)).map_err(|e| js_error(&ctx, e))
        })
    }

    /// Renders one document with a built engine: `citations` in order (one per note for note
    /// styles) over `items_json` (a JSON array of CSL-JSON items), in `format` (text or html).
    pub fn document(
        &mut self,
        engine: EngineInfo,
        format: &str,
        items_json: &str,
        citations: &[Citation],
        with_bibliography: bool,
    ) -> Result<Document> {
        let citations = serde_json::to_string(citations)
            .map_err(|e| Error::Engine { message: format!("cannot encode citations: {e}") })?;
        let out: String = self.context.with(|ctx| {
            sb_function(&ctx, "document")?
                .call((engine.id, format, items_json, citations, with_bibliography))
                .map_err(|e| js_error(&ctx, e))
        })?;
        serde_json::from_str(&out).map_err(|e| Error::Engine {
            message: format!("unexpected answer from citeproc-js: {e}"),
        })
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
