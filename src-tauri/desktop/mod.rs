//! The Tauri shell: window, state and commands. The only module that knows Tauri; each
//! command takes its arguments, calls one library function and maps the result.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard, PoisonError};

use tauri::{AppHandle, Emitter, Manager, State};

use crate::model::{
    ArchiveInfo, Article, ArticleSummary, Citation, ImportReport, IpcError, MetaPatch,
    SearchResults, StyleInfo,
};
use crate::Sourcebook;

type Shared = Mutex<Sourcebook>;
type Reply<T> = Result<T, IpcError>;

/// Search results shown per query in the window.
const SEARCH_LIMIT: usize = 50;

pub fn run(data_dir: PathBuf) -> crate::Result<()> {
    // GTK aborts with a panic when there is no display; say what to do instead.
    if cfg!(target_os = "linux")
        && std::env::var_os("DISPLAY").is_none()
        && std::env::var_os("WAYLAND_DISPLAY").is_none()
    {
        return Err(crate::Error::Desktop(
            "no display to open the window on (DISPLAY is not set); use a command such as \
             `sourcebook list`, or see `sourcebook --help`"
                .to_string(),
        ));
    }
    let sourcebook = Sourcebook::open(&data_dir)?;
    // Building the default style's engine takes seconds; do it while the window opens so the
    // first citation is instant. A failure here resurfaces, with its message, on first use.
    let engine = sourcebook.citation_engine();
    std::thread::spawn(move || engine.prepare(crate::DEFAULT_STYLE));
    tauri::Builder::default()
        .manage(Mutex::new(sourcebook))
        .invoke_handler(tauri::generate_handler![
            archive_info,
            list_articles,
            get_article,
            search_archive,
            list_styles,
            cite_article,
            edit_article,
            import_paths,
            import_sample,
        ])
        .run(tauri::generate_context!())
        .map_err(|e| crate::Error::Desktop(e.to_string()))
}

/// A panic in one command must not lock the archive for the rest of the session.
fn lock<'a>(state: &'a State<Shared>) -> MutexGuard<'a, Sourcebook> {
    state.lock().unwrap_or_else(PoisonError::into_inner)
}

fn reply<T>(result: crate::Result<T>) -> Reply<T> {
    result.map_err(IpcError::from)
}

/// Runs long work (imports, first use of a citation style) off the async workers.
async fn blocking<T: Send + 'static>(work: impl FnOnce() -> Reply<T> + Send + 'static) -> Reply<T> {
    tauri::async_runtime::spawn_blocking(work).await.map_err(|e| IpcError {
        kind: "desktop".to_string(),
        message: format!("background task failed: {e}"),
    })?
}

#[tauri::command(async)]
fn archive_info(state: State<Shared>) -> Reply<ArchiveInfo> {
    reply(lock(&state).info())
}

#[tauri::command(async)]
fn list_articles(state: State<Shared>) -> Reply<Vec<ArticleSummary>> {
    reply(lock(&state).list())
}

#[tauri::command(async)]
fn get_article(state: State<Shared>, id: String) -> Reply<Article> {
    reply(lock(&state).article(&id))
}

#[tauri::command(async)]
fn search_archive(state: State<Shared>, query: String) -> Reply<SearchResults> {
    reply(lock(&state).search(&query, SEARCH_LIMIT))
}

#[tauri::command(async)]
fn list_styles() -> Vec<StyleInfo> {
    crate::styles()
}

#[tauri::command]
async fn cite_article(state: State<'_, Shared>, id: String, style: String) -> Reply<Citation> {
    let job = reply(lock(&state).citation_job(&id, &style))?;
    blocking(move || reply(job.render())).await
}

#[tauri::command(async)]
fn edit_article(state: State<Shared>, id: String, patch: MetaPatch) -> Reply<Article> {
    reply(lock(&state).edit(&id, &patch))
}

#[tauri::command]
async fn import_paths(app: AppHandle, paths: Vec<String>) -> Reply<ImportReport> {
    blocking(move || {
        let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
        let state = app.state::<Shared>();
        let report = lock(&state).import_paths(&paths, &mut |progress| {
            // A window that closed mid-import has nobody to tell; the import goes on.
            let _ = app.emit("import-progress", progress);
        });
        Ok(report)
    })
    .await
}

#[tauri::command(async)]
fn import_sample(state: State<Shared>) -> Reply<ImportReport> {
    Ok(lock(&state).import_sample())
}
