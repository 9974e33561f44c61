//! Integration tests: drive the built `sourcebook` binary as a user or a script would.

mod archive;
mod cite;
mod errors;
mod eval;
mod export;
mod formats;
mod import;
mod original;
mod quotes;
mod review;
mod search;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// A fresh, empty data directory for one test.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

pub struct Run {
    pub ok: bool,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not one JSON document ({e}):\n{}", self.stdout))
    }
}

impl Default for Sandbox {
    fn default() -> Sandbox {
        Sandbox { dir: tempfile::tempdir().expect("temp dir") }
    }
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox::default()
    }

    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn run(&self, args: &[&str]) -> Run {
        let output: Output = Command::new(env!("CARGO_BIN_EXE_sourcebook"))
            .arg("--data-dir")
            .arg(self.data_dir())
            .args(args)
            .env_remove("SOURCEBOOK_DATA_DIR")
            .output()
            .expect("run sourcebook");
        Run {
            ok: output.status.success(),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        }
    }

    /// Runs a command that must succeed and print JSON.
    pub fn json(&self, args: &[&str]) -> Value {
        let run = self.run(args);
        assert!(run.ok, "sourcebook {args:?} failed: {}", run.stderr);
        run.json()
    }

    /// Imports the seed article and returns its id.
    pub fn import_seed(&self) -> String {
        let report = self.json(&["import", seed().to_str().unwrap(), "--json"]);
        assert_eq!(report["imported"], 1, "{report}");
        report["outcomes"][0]["article_id"].as_str().unwrap().to_string()
    }

    /// Imports the seed with what a citation needs filled in: author, date, publication.
    pub fn import_cited_seed(&self) -> String {
        let id = self.import_seed();
        self.json(&[
            "edit",
            &id,
            "--author",
            "Park, Chan-kyong",
            "--date",
            "2024-07-09",
            "--publication",
            "South China Morning Post",
            "--json",
        ]);
        id
    }

    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

/// The real clipped SCMP article the project was seeded with.
pub fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/samples/scmp-satellite-switch.txt")
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}
