//! What the core's tests share: a notes folder in a temp dir, files
//! written with a chosen age (a file's stat is trusted only once settled,
//! see [`crate::scan::FileStat::settled`]), and snippets as one string.

use crate::index::snippet::Snippet;
use crate::Locations;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// A course note of two lectures.
pub const PODS: &str = "1. Pods 01:00\n> 파드를 만듦\n$ k get pods\n2. Services 02:00\nsvc 설명\n";
/// A course note of one lecture.
pub const NAMESPACES: &str = "1. Namespaces 01:00\n$ k get ns\n";

/// An empty notes folder with its own index, data and config folders.
pub fn folder() -> (tempfile::TempDir, Locations) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let at = Locations {
        notes: tmp.path().join("notes"),
        index: tmp.path().join("index"),
        data: tmp.path().join("data"),
        config: tmp.path().join("config"),
    };
    std::fs::create_dir(&at.notes).expect("mkdir");
    (tmp, at)
}

/// Writes `dir/name`, last modified `age_secs` ago.
pub fn write_aged(dir: &Path, name: &str, text: &[u8], age_secs: u64) {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    let when = SystemTime::now() - Duration::from_secs(age_secs);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .and_then(|f| f.set_modified(when))
        .expect("set mtime");
}

/// A snippet written out with its marked spans in `<mark>` (text as is), to
/// assert on in one string.
pub fn shown(snippet: &Snippet) -> String {
    let span = |s: &crate::index::snippet::Span| match s.marked {
        true => format!("<mark>{}</mark>", s.text),
        false => s.text.clone(),
    };
    snippet.0.iter().map(span).collect()
}
