//! Finding note files in a folder: hidden entries skipped, symlink loops cut,
//! every file that is not read as a note reported with its reason.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

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

/// What `stat` says about a file: enough to tell, without reading it,
/// that it has not changed since it was last read (the search index keeps
/// these so `pilgi search` can skip re-reading an unchanged folder).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStat {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch (negative
    /// before it).
    pub mtime_ns: i64,
    /// Inode number (0 where there is none): a file replaced by another
    /// with the same size and time still differs.
    pub ino: u64,
}

impl FileStat {
    /// The stat of a file's metadata (modification time 0 where the
    /// platform has none).
    pub fn of(meta: &std::fs::Metadata) -> FileStat {
        let mtime_ns = meta.modified().map_or(0, unix_nanos);
        #[cfg(unix)]
        let ino = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let ino = 0;
        FileStat {
            size: meta.len(),
            mtime_ns,
            ino,
        }
    }

    /// Whether the file was last modified well before `seen` (when it was
    /// stat'ed): only then does an unchanged stat prove unchanged content.
    /// A file written in the same clock tick as it was read could change
    /// again without its time changing (git's "racy clean" problem); the
    /// margin covers filesystems with coarse (up to 2 s) timestamps.
    pub fn settled(&self, seen: SystemTime) -> bool {
        self.mtime_ns < unix_nanos(seen).saturating_sub(RACY_MARGIN_NS)
    }
}

/// `t` in nanoseconds since the Unix epoch (negative before it), the unit
/// of [`FileStat::mtime_ns`].
pub fn unix_nanos(t: SystemTime) -> i64 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_nanos()).unwrap_or(i64::MAX),
        Err(e) => i64::try_from(e.duration().as_nanos()).map_or(i64::MIN, |n| -n),
    }
}

/// See [`FileStat::settled`].
const RACY_MARGIN_NS: i64 = 2_000_000_000;

/// A note file found by [`scan`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// `/`-separated path relative to the notes folder, NFC-normalized.
    pub rel: String,
    /// Where to read it.
    pub path: PathBuf,
    /// Its size and times when it was found.
    pub stat: FileStat,
}

/// Lists the note files under `root`, in the order the folders list them:
/// a search that finds the folder unchanged needs no order, and sorting
/// 5 000 paths was an eighth of it ([`natural_order`] when one is shown).
pub fn scan(root: &Path) -> (Vec<Found>, Vec<Skipped>) {
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    let mut visited = HashSet::new();
    walk(root, "", &mut visited, &mut found, &mut skipped);
    (found, skipped)
}

/// Found files in natural order of their paths (`2-pods.txt` before
/// `10-services.txt`).
pub fn natural_order(found: Vec<Found>) -> Vec<Found> {
    // The keys are computed once per path, not once per comparison: with
    // a thousand files the sort was a third of `pilgi search`'s run.
    let mut keyed: Vec<(NaturalKey, Found)> = found
        .into_iter()
        .map(|f| (NaturalKey::of(&f.rel), f))
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed.into_iter().map(|(_, f)| f).collect()
}

/// A path cut into the chunks [`natural_cmp`] compares, each lowercased
/// once; ordering keys is the same as [`natural_cmp`] on the paths.
struct NaturalKey {
    /// (digit run, lowercased text, length without leading zeros)
    chunks: Vec<(bool, String, usize)>,
    raw: String,
}

impl NaturalKey {
    fn of(s: &str) -> NaturalKey {
        let chunks = chunks(s)
            .into_iter()
            .map(|(d, t)| (d, t.to_lowercase(), t.trim_start_matches('0').len()))
            .collect();
        NaturalKey {
            chunks,
            raw: s.to_owned(),
        }
    }

    fn cmp(&self, other: &NaturalKey) -> std::cmp::Ordering {
        for (x, y) in self.chunks.iter().zip(&other.chunks) {
            let o = match (x.0, y.0) {
                (true, true) => (x.2, &x.1).cmp(&(y.2, &y.1)),
                _ => x.1.cmp(&y.1),
            };
            if o.is_ne() {
                return o;
            }
        }
        (self.chunks.len().cmp(&other.chunks.len())).then_with(|| self.raw.cmp(&other.raw))
    }
}

/// `s` cut into runs of digits and runs of anything else.
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

/// Lists `dir` into `found` and `skipped`, recursing into folders.
///
/// Long (~90 lines) on purpose: each entry is judged once, in one chain
/// (hidden, unreadable, folder or loop, not a note name, not a regular
/// file, too big), each case with the reason the user reads; split, every
/// helper would need the same five accumulators.
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
        let raw = entry.file_name();
        let raw = raw.to_string_lossy();
        // Most names are already NFC: check before rebuilding them.
        let name: String = match is_nfc_quick(raw.chars()) {
            IsNormalized::Yes => raw.into_owned(),
            _ => raw.nfc().collect(),
        };
        if name.starts_with('.') {
            continue;
        }
        let rel = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}/{name}")
        };
        let path = entry.path();
        // A symlink is followed (a dangling or looping one fails here);
        // anything else is stat'ed through the open folder, without
        // walking its whole path again (a quarter of a search at 5 000
        // files).
        let meta = match entry.file_type() {
            Ok(t) if !t.is_symlink() => entry.metadata(),
            _ => std::fs::metadata(&path),
        };
        let meta = match meta {
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
        } else if !meta.is_file() {
            // Reading a FIFO waits for a writer forever; a socket or a
            // device is no note either.
            skip(
                skipped,
                &rel,
                "not a regular file (a FIFO, socket or device)".into(),
            );
        } else if meta.len() > MAX_NOTE_BYTES {
            let mib = meta.len() / (1024 * 1024);
            skip(
                skipped,
                &rel,
                format!("too large ({mib} MiB; the limit is 64 MiB)"),
            );
        } else {
            found.push(Found {
                rel,
                path,
                stat: FileStat::of(&meta),
            });
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
    fn natural_cmp_orders_digits_by_value() {
        let mut v = vec!["10-b.txt", "2-a.txt", "a/1.md", "1-z.txt"];
        v.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(v, ["1-z.txt", "2-a.txt", "10-b.txt", "a/1.md"]);
    }

    #[test]
    fn keys_order_like_natural_cmp() {
        let names = [
            "10-b.txt",
            "2-a.txt",
            "a/1.md",
            "1-z.txt",
            "01-z.txt",
            "B.txt",
            "a.txt",
            "a10",
            "a9b",
            "노트 2.md",
            "노트 10.md",
            "x007",
            "x7",
            "X7",
            "",
        ];
        for a in names {
            for b in names {
                let (ka, kb) = (NaturalKey::of(a), NaturalKey::of(b));
                assert_eq!(ka.cmp(&kb), natural_cmp(a, b), "{a:?} vs {b:?}");
            }
        }
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
        let fifo = std::process::Command::new("mkfifo")
            .arg(root.join("pipe.txt"))
            .status()
            .unwrap();
        assert!(fifo.success());
        let (found, skipped) = scan(root);
        let found = natural_order(found);
        let names: Vec<_> = found.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(names, ["a.txt", "week 2/노트.md"]);
        let mut reasons: Vec<_> = skipped.iter().map(|s| s.file.as_str()).collect();
        reasons.sort();
        assert_eq!(
            reasons,
            ["dangling.txt", "pic.png", "pipe.txt", "week 2/loop"]
        );
    }

    #[test]
    fn stat_sees_edits_and_settles() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "one").unwrap();
        let before = scan(dir.path()).0[0].stat;
        assert_eq!(before.size, 3);
        assert!(!before.settled(SystemTime::now()), "just written: racy");
        let later = SystemTime::now() + std::time::Duration::from_secs(3);
        assert!(before.settled(later));
        // Same size, new content and time.
        std::fs::write(&path, "two").unwrap();
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(UNIX_EPOCH + std::time::Duration::from_secs(1_000))
            .unwrap();
        let after = scan(dir.path()).0[0].stat;
        assert_eq!(after.size, 3);
        assert_ne!(after, before);
        assert_eq!(after.mtime_ns, 1_000_000_000_000);
    }
}
