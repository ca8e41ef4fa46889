//! A temp notes folder with isolated XDG dirs, and a way to run `pilgi` in it.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// A throwaway notes folder plus cache/data/config dirs of its own.
pub struct Notes {
    root: tempfile::TempDir,
}

impl Notes {
    /// An empty notes folder.
    pub fn new() -> Notes {
        let root = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(root.path().join("notes")).expect("notes dir");
        Notes { root }
    }

    /// A notes folder holding a copy of the bundled notes.
    pub fn bundled() -> Notes {
        let n = Notes::new();
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../notes/cka-course-notes.txt");
        std::fs::copy(src, n.dir().join("cka-course-notes.txt")).expect("copy seed");
        n
    }

    /// The notes folder.
    pub fn dir(&self) -> PathBuf {
        self.root.path().join("notes")
    }

    /// Pilgi's settings folder (`$XDG_CONFIG_HOME/pilgi`).
    pub fn config(&self) -> PathBuf {
        self.root.path().join("config/pilgi")
    }

    /// Writes a note file (bytes, so tests can write broken UTF-8).
    pub fn write(&self, name: &str, content: impl AsRef<[u8]>) -> &Notes {
        let path = self.dir().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, content).expect("write note");
        self
    }

    /// `pilgi --notes DIR ARGS…` with XDG dirs inside the temp root.
    pub fn pilgi(&self, args: &[&str]) -> Command {
        let pilgi = std::process::Command::new(assert_cmd::cargo::cargo_bin("pilgi"));
        Command::from_std(isolated(pilgi, &self.dir(), self.root.path(), args))
    }

    /// Runs `pilgi … --json` expecting success and parses stdout.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = args.to_vec();
        all.push("--json");
        let out = self
            .pilgi(&all)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&out).expect("valid JSON on stdout")
    }
}

/// `cmd` (a `pilgi` binary, maybe behind a wrapper) run as `--notes NOTES
/// ARGS…` with its cache, data and config dirs inside `root`, no
/// `PILGI_NOTES` from the caller and plain output.
pub fn isolated(
    mut cmd: std::process::Command,
    notes: &Path,
    root: &Path,
    args: &[&str],
) -> std::process::Command {
    cmd.arg("--notes").arg(notes).args(args);
    isolated_env(&mut cmd, root);
    cmd
}

/// The environment of a test process that runs `pilgi` (directly or from a
/// script): cache, data and config dirs inside `root`, no `PILGI_NOTES`
/// from the caller, plain output, in English whatever the caller's locale
/// (a test of the Korean interface sets its own).
pub fn isolated_env<'c>(
    cmd: &'c mut std::process::Command,
    root: &Path,
) -> &'c mut std::process::Command {
    cmd.env("XDG_CACHE_HOME", root.join("cache"))
        .env("XDG_DATA_HOME", root.join("data"))
        .env("XDG_CONFIG_HOME", root.join("config"))
        .env_remove("PILGI_NOTES")
        .env("NO_COLOR", "1")
        .env_remove("PILGI_LANG")
        .env_remove("LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
}

/// A hit's snippet from `--json` (spans of `text`, some `marked`) written
/// out in one string, the marked spans in `<mark>`, to assert on.
pub fn snippet(hit: &serde_json::Value) -> String {
    let spans = hit["snippet"].as_array().expect("snippet spans");
    let span = |s: &serde_json::Value| {
        let text = s["text"].as_str().expect("span text");
        match s["marked"].as_bool().unwrap_or(false) {
            true => format!("<mark>{text}</mark>"),
            false => text.to_owned(),
        }
    };
    spans.iter().map(span).collect()
}
