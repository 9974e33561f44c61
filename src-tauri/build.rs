//! Build script: Tauri's context generation (desktop feature) and the embedded citeproc-js.
use std::path::PathBuf;

fn main() {
    #[cfg(feature = "desktop")]
    tauri_build::build();
    embed_citeproc();
}

/// Copies citeproc-js from the front end's npm install into OUT_DIR, where `cite` embeds it
/// with `include_str!`. npm (via `ui/package-lock.json`) pins the version, so the Rust build
/// and the UI always run the same citeproc-js.
fn embed_citeproc() {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    let source = manifest_dir.join("ui/node_modules/citeproc/citeproc_commonjs.js");
    println!("cargo:rerun-if-changed={}", source.display());
    if !source.is_file() {
        fail(&format!(
            "citeproc-js not found at {}: run scripts/setup.sh (npm ci in ui/) first",
            source.display()
        ));
    }
    if let Err(e) = std::fs::copy(&source, out_dir.join("citeproc.js")) {
        fail(&format!("cannot copy {} into OUT_DIR: {e}", source.display()));
    }
}

/// One line on stderr instead of a panic's backtrace noise: cargo shows it verbatim.
fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}
