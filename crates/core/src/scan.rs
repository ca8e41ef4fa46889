//! Finding note files in a folder: hidden entries skipped, symlink loops cut,
//! every file that is not read as a note reported with its reason.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

/// File extensions read as notes (plus files without an extension).
const NOTE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "text", "note", "notes"];

/// Files above this size are skipped: no study note is 64 MiB of text.
pub const MAX_NOTE_BYTES: u64 = 64 * 1024 * 1024;

/// A file or folder that was not read as a note, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    /// Path relative to the notes folder (or the folder itself).
    pub file: String,
    /// A short reason a user can act on.
    pub reason: String,
}

/// A note file found by [`scan`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// `/`-separated path relative to the notes folder, NFC-normalized.
    pub rel: String,
    /// Where to read it.
    pub path: PathBuf,
}

/// Lists the note files under `root`, in natural order of their paths
/// (`2-pods.txt` before `10-services.txt`).
pub fn scan(root: &Path) -> (Vec<Found>, Vec<Skipped>) {
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    let mut visited = HashSet::new();
    walk(root, "", &mut visited, &mut found, &mut skipped);
    found.sort_by(|a, b| natural_cmp(&a.rel, &b.rel));
    (found, skipped)
}

fn walk(
    dir: &Path,
    prefix: &str,
    visited: &mut HashSet<PathBuf>,
    found: &mut Vec<Found>,
    skipped: &mut Vec<Skipped>,
) {
    let display = if prefix.is_empty() { "." } else { prefix };
    let skip = |skipped: &mut Vec<Skipped>, file: &str, reason: String| {
        skipped.push(Skipped {
            file: file.to_owned(),
            reason,
        })
    };
    match dir.canonicalize() {
        Ok(real) => {
            if !visited.insert(real) {
                return skip(
                    skipped,
                    display,
                    "folder already visited (symlink loop)".into(),
                );
            }
        }
        Err(e) => return skip(skipped, display, format!("cannot open folder: {e}")),
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return skip(skipped, display, format!("cannot list folder: {e}")),
    };
    for entry in entries.flatten() {
        let name: String = entry.file_name().to_string_lossy().nfc().collect();
        if name.starts_with('.') {
            continue;
        }
        let rel = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}/{name}")
        };
        let path = entry.path();
        // `metadata` follows symlinks; a dangling or looping link fails here.
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                skip(skipped, &rel, format!("cannot read: {e}"));
                continue;
            }
        };
        if meta.is_dir() {
            walk(&path, &rel, visited, found, skipped);
        } else if !is_note_name(&name) {
            skip(
                skipped,
                &rel,
                "not a note file (only .txt and .md are read)".into(),
            );
        } else if meta.len() > MAX_NOTE_BYTES {
            let mib = meta.len() / (1024 * 1024);
            skip(
                skipped,
                &rel,
                format!("too large ({mib} MiB; the limit is 64 MiB)"),
            );
        } else {
            found.push(Found { rel, path });
        }
    }
}

fn is_note_name(name: &str) -> bool {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => {
            NOTE_EXTENSIONS.iter().any(|e| e.eq_ignore_ascii_case(ext))
        }
        _ => true,
    }
}

/// Compares paths so that digit runs compare as numbers.
pub fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    fn chunks(s: &str) -> Vec<(bool, &str)> {
        let mut out = Vec::new();
        let mut start = 0;
        let mut digit = None;
        for (i, c) in s.char_indices() {
            let d = c.is_ascii_digit();
            if digit.is_some_and(|p| p != d) {
                out.push((digit.unwrap_or(false), &s[start..i]));
                start = i;
            }
            digit = Some(d);
        }
        out.push((digit.unwrap_or(false), &s[start..]));
        out
    }
    let key = |(d, t): (bool, &str)| {
        if d {
            (t.trim_start_matches('0').len(), t.to_owned())
        } else {
            (0, t.to_lowercase())
        }
    };
    let (ca, cb) = (chunks(a), chunks(b));
    for (x, y) in ca.iter().zip(&cb) {
        let o = match (x.0, y.0) {
            (true, true) => key(*x).cmp(&key(*y)),
            _ => x.1.to_lowercase().cmp(&y.1.to_lowercase()),
        };
        if o.is_ne() {
            return o;
        }
    }
    ca.len().cmp(&cb.len()).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order() {
        let mut v = vec!["10-b.txt", "2-a.txt", "a/1.md", "1-z.txt"];
        v.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(v, ["1-z.txt", "2-a.txt", "10-b.txt", "a/1.md"]);
    }

    #[cfg(unix)]
    #[test]
    fn walks_folders_skips_loops_and_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("week 2")).unwrap();
        std::fs::write(root.join("week 2/노트.md"), "x").unwrap();
        std::fs::write(root.join("a.txt"), "x").unwrap();
        std::fs::write(root.join("pic.png"), "x").unwrap();
        std::fs::write(root.join(".hidden.txt"), "x").unwrap();
        std::os::unix::fs::symlink(root, root.join("week 2/loop")).unwrap();
        std::os::unix::fs::symlink(root.join("nowhere"), root.join("dangling.txt")).unwrap();
        let (found, skipped) = scan(root);
        let names: Vec<_> = found.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(names, ["a.txt", "week 2/노트.md"]);
        let mut reasons: Vec<_> = skipped.iter().map(|s| s.file.as_str()).collect();
        reasons.sort();
        assert_eq!(reasons, ["dangling.txt", "pic.png", "week 2/loop"]);
    }
}
