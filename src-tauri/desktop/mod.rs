//! The Tauri shell: window, state and commands. The only module that knows Tauri; each
//! command takes its arguments, calls one library function and maps the result.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard, PoisonError};

use tauri::ipc::{InvokeBody, Request};
use tauri::{AppHandle, Emitter, Manager, State};

use crate::model::{
    ArchiveInfo, Article, ArticleSummary, Citations, CiteOptions, Collection, CollectionItem,
    Export, ExportFormat, ImportReport, IpcError, Merged, MetaPatch, Original, Person, PersonMerge,
    PersonSummary, QuoteInput, QuotePatch, SearchRequest, SearchResults, Selection, StoredQuote,
    StyleInfo, TrashedArticle,
};
use crate::Sourcebook;

type Shared = Mutex<Sourcebook>;
type Reply<T> = Result<T, IpcError>;

/// The most hits one search call returns; the window pages through the rest.
const MAX_SEARCH_PAGE: usize = 200;

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
            get_original,
            search_archive,
            reindex,
            list_styles,
            cite_selection,
            export_selection,
            save_export,
            delete_articles,
            restore_articles,
            list_trash,
            purge_trash,
            edit_article,
            import_paths,
            import_file,
            import_sample,
            get_quote,
            confirm_quote,
            edit_quote,
            add_quote,
            delete_quote,
            restore_quote,
            list_persons,
            get_person,
            merge_persons,
            unmerge_persons,
            add_alias,
            retag_article,
            list_tags,
            list_collections,
            get_collection,
            create_collection,
            rename_collection,
            delete_collection,
            restore_collection,
            collect,
            uncollect,
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
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| desktop_error(format!("background task failed: {e}")))?
}

/// Runs a library call that may re-index many articles off the async workers.
async fn with_archive<T: Send + 'static>(
    app: AppHandle,
    work: impl FnOnce(&mut Sourcebook) -> crate::Result<T> + Send + 'static,
) -> Reply<T> {
    blocking(move || reply(work(&mut lock(&app.state::<Shared>())))).await
}

fn desktop_error(message: String) -> IpcError {
    IpcError { kind: "desktop".to_string(), message }
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

/// The file an article came from, a page only ever sanitised (see `Sourcebook::original`).
#[tauri::command(async)]
fn get_original(state: State<Shared>, id: String) -> Reply<Original> {
    reply(lock(&state).original(&id))
}

/// One page of a search (the window asks for more as the user scrolls), with facet counts.
#[tauri::command(async)]
fn search_archive(state: State<Shared>, request: SearchRequest) -> Reply<SearchResults> {
    let request = SearchRequest { limit: request.limit.clamp(1, MAX_SEARCH_PAGE), ..request };
    reply(lock(&state).search(&request))
}

#[tauri::command(async)]
fn list_styles() -> Vec<StyleInfo> {
    crate::styles()
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

/// Rebuilds the search index off the UI thread, telling the window how far it has got.
#[tauri::command]
async fn reindex(app: AppHandle) -> Reply<()> {
    blocking(move || {
        let state = app.state::<Shared>();
        let result = lock(&state).reindex(&mut |progress| {
            let _ = app.emit("reindex-progress", progress);
        });
        reply(result)
    })
    .await
}

/// A file the user picked in the window's file chooser, which hands the page its bytes but not
/// its path: the bytes come as the raw request body (no JSON array of numbers), the name as a
/// JSON string in the `x-file-name` header (ASCII-escaped, as headers must be).
#[tauri::command]
async fn import_file(app: AppHandle, request: Request<'_>) -> Reply<ImportReport> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(desktop_error("import_file takes the file's bytes as a raw body".into()));
    };
    let name: String = request
        .headers()
        .get("x-file-name")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| serde_json::from_str(v).ok())
        .ok_or_else(|| desktop_error("import_file needs the file's name in x-file-name".into()))?;
    let bytes = bytes.clone();
    with_archive(app, move |sb| {
        Ok(ImportReport::from_outcomes(sb.import_bytes(&bytes, Some(&name), &name)))
    })
    .await
}

#[tauri::command(async)]
fn import_sample(state: State<Shared>) -> Reply<ImportReport> {
    Ok(lock(&state).import_sample())
}

#[tauri::command(async)]
fn get_quote(state: State<Shared>, id: String) -> Reply<(String, StoredQuote)> {
    reply(lock(&state).quote(&id))
}

#[tauri::command(async)]
fn confirm_quote(state: State<Shared>, id: String) -> Reply<StoredQuote> {
    reply(lock(&state).confirm_quote(&id))
}

#[tauri::command(async)]
fn edit_quote(state: State<Shared>, id: String, patch: QuotePatch) -> Reply<StoredQuote> {
    reply(lock(&state).edit_quote(&id, &patch))
}

#[tauri::command(async)]
fn add_quote(state: State<Shared>, article_id: String, input: QuoteInput) -> Reply<StoredQuote> {
    reply(lock(&state).add_quote(&article_id, &input))
}

#[tauri::command(async)]
fn delete_quote(state: State<Shared>, id: String) -> Reply<(String, StoredQuote)> {
    reply(lock(&state).delete_quote(&id))
}

#[tauri::command(async)]
fn restore_quote(
    state: State<Shared>,
    article_id: String,
    quote: StoredQuote,
) -> Reply<StoredQuote> {
    reply(lock(&state).restore_quote(&article_id, &quote))
}

#[tauri::command(async)]
fn list_persons(state: State<Shared>) -> Reply<Vec<PersonSummary>> {
    reply(lock(&state).persons())
}

#[tauri::command(async)]
fn get_person(state: State<Shared>, key: String) -> Reply<Person> {
    reply(lock(&state).person(&key))
}

/// Re-indexes every article quoting the merged person: off the async workers.
#[tauri::command]
async fn merge_persons(app: AppHandle, keep: String, other: String) -> Reply<Merged> {
    with_archive(app, move |sb| sb.merge_persons(&keep, &other)).await
}

/// The undo of `merge_persons`, given what it returned.
#[tauri::command]
async fn unmerge_persons(app: AppHandle, merge: PersonMerge) -> Reply<()> {
    with_archive(app, move |sb| sb.unmerge_persons(&merge)).await
}

/// Re-indexes every article quoting the person: off the async workers.
#[tauri::command]
async fn add_alias(app: AppHandle, person: String, alias: String) -> Reply<Person> {
    with_archive(app, move |sb| sb.add_alias(&person, &alias)).await
}

#[tauri::command(async)]
fn retag_article(
    state: State<Shared>,
    id: String,
    add: Vec<String>,
    remove: Vec<String>,
) -> Reply<Vec<String>> {
    reply(lock(&state).retag(&id, &add, &remove))
}

#[tauri::command(async)]
fn list_tags(state: State<Shared>) -> Reply<Vec<(String, usize)>> {
    reply(lock(&state).tags())
}

#[tauri::command(async)]
fn list_collections(state: State<Shared>) -> Reply<Vec<Collection>> {
    reply(lock(&state).collections())
}

#[tauri::command(async)]
fn get_collection(state: State<Shared>, id: String) -> Reply<Collection> {
    reply(lock(&state).collection(&id))
}

#[tauri::command(async)]
fn create_collection(state: State<Shared>, name: String) -> Reply<Collection> {
    reply(lock(&state).create_collection(&name))
}

#[tauri::command(async)]
fn rename_collection(state: State<Shared>, id: String, name: String) -> Reply<Collection> {
    reply(lock(&state).rename_collection(&id, &name))
}

#[tauri::command(async)]
fn delete_collection(state: State<Shared>, id: String) -> Reply<Collection> {
    reply(lock(&state).delete_collection(&id))
}

#[tauri::command(async)]
fn restore_collection(state: State<Shared>, collection: Collection) -> Reply<Collection> {
    reply(lock(&state).restore_collection(&collection))
}

#[tauri::command(async)]
fn collect(state: State<Shared>, name: String, items: Vec<CollectionItem>) -> Reply<Collection> {
    reply(lock(&state).collect(&name, &items))
}

#[tauri::command(async)]
fn uncollect(state: State<Shared>, id: String, items: Vec<CollectionItem>) -> Reply<Collection> {
    reply(lock(&state).uncollect(&id, &items))
}

/// Cites a selection; the rendering (seconds for a style's first use) runs off the lock.
#[tauri::command]
async fn cite_selection(
    state: State<'_, Shared>,
    selection: Selection,
    options: CiteOptions,
) -> Reply<Citations> {
    let job = reply(lock(&state).citations_job(&selection, &options))?;
    blocking(move || reply(job.render())).await
}

/// A selection as a file's text (BibTeX, RIS, CSL-JSON, Markdown), for the export preview.
#[tauri::command]
async fn export_selection(
    app: AppHandle,
    selection: Selection,
    format: ExportFormat,
    style: String,
) -> Reply<Export> {
    with_archive(app, move |sb| sb.export(&selection, format, &style)).await
}

/// Writes an export to `<data dir>/exports/<name>.<ext>` (there is no save dialog) and returns
/// the file's path.
#[tauri::command]
async fn save_export(
    app: AppHandle,
    selection: Selection,
    format: ExportFormat,
    style: String,
    name: String,
) -> Reply<String> {
    blocking(move || {
        let state = app.state::<Shared>();
        let (export, dir) = {
            let mut sb = lock(&state);
            let export = reply(sb.export(&selection, format, &style))?;
            (export, sb.data_dir().join("exports"))
        };
        let stem = file_stem(&name);
        let path = dir.join(format!("{stem}.{}", format.extension()));
        std::fs::create_dir_all(&dir)
            .and_then(|()| std::fs::write(&path, export.content.as_bytes()))
            .map_err(|e| desktop_error(format!("could not write {}: {e}", path.display())))?;
        Ok(path.display().to_string())
    })
    .await
}

/// A file name from what the user typed: letters, digits, `-` and `_`, nothing that leaves the
/// exports folder.
fn file_stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '-' })
        .collect();
    let stem = stem.trim_matches('-');
    if stem.is_empty() {
        "export".to_string()
    } else {
        stem.chars().take(80).collect()
    }
}

/// Moves articles to the trash; resolves with their full ids, which `restore_articles` takes.
#[tauri::command]
async fn delete_articles(app: AppHandle, ids: Vec<String>) -> Reply<Vec<String>> {
    with_archive(app, move |sb| sb.delete_articles(&ids)).await
}

#[tauri::command]
async fn restore_articles(app: AppHandle, ids: Vec<String>) -> Reply<()> {
    with_archive(app, move |sb| sb.restore_articles(&ids)).await
}

#[tauri::command(async)]
fn list_trash(state: State<Shared>) -> Reply<Vec<TrashedArticle>> {
    reply(lock(&state).trash())
}

/// Deletes the trash's articles for good; resolves with how many.
#[tauri::command]
async fn purge_trash(app: AppHandle) -> Reply<usize> {
    with_archive(app, move |sb| sb.purge_trash()).await
}
