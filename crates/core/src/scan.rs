//! Finding note files in a folder: hidden entries skipped, symlink loops cut,
//! every file that is not read as a note reported with its reason.

use pilgi_i18n::Message;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

mod natural;
pub use natural::{natural_cmp, natural_order};

/// File extensions read as notes (plus files without an extension).
const NOTE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "text", "note", "notes"];

/// Files above this size are skipped: no study note is 64 MiB of text.
pub const MAX_NOTE_BYTES: u64 = 64 * 1024 * 1024;
/// Bytes in a MiB, for the size a skip reason names.
const MIB: u64 = 1024 * 1024;

/// A file or folder that was not read as a note, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    /// Path relative to the notes folder (or the folder itself).
    pub file: String,
    /// A short reason a user can act on.
    pub reason: Message,
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
///
/// Folders are listed by up to four threads at once: a folder of 5 000
/// notes is 5 000 `statx` calls, half of a `pilgi search`, and the kernel
/// answers them on every core. A folder without subfolders is listed on
/// the calling thread alone.
pub fn scan(root: &Path) -> (Vec<Found>, Vec<Skipped>) {
    let folders = Folders {
        queue: Mutex::new(Queue {
            waiting: Vec::new(),
            linked: Vec::new(),
            listing: 0,
        }),
        ready: Condvar::new(),
        visited: Mutex::new(HashSet::new()),
    };
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    let root = Subfolder {
        path: root.to_owned(),
        rel: String::new(),
        linked: false,
    };
    let subfolders = root.list(&folders.visited, &mut found, &mut skipped);
    if subfolders.is_empty() {
        return (found, skipped);
    }
    folders.queue_all(subfolders);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_THREADS));
    std::thread::scope(|s| {
        let helpers: Vec<_> = (1..threads).map(|_| s.spawn(|| folders.drain())).collect();
        let parts = std::iter::once(folders.drain()).chain(helpers.into_iter().map(|h| {
            h.join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        }));
        for (f, s) in parts {
            found.extend(f);
            skipped.extend(s);
        }
    });
    // Folders reached through a symlink come last, one at a time and in
    // the order of their paths: a folder linked twice is then always
    // found under the same path, whichever thread was faster.
    let mut linked = std::mem::take(&mut lock(&folders.queue).linked);
    linked.sort_by(|a, b| b.rel.cmp(&a.rel));
    while let Some(next) = linked.pop() {
        let subfolders = next.list(&folders.visited, &mut found, &mut skipped);
        linked.extend(subfolders.into_iter().rev());
    }
    (found, skipped)
}

/// A folder found by [`list`].
struct Subfolder {
    path: PathBuf,
    /// Its path relative to the root.
    rel: String,
    /// Reached through a symlink.
    linked: bool,
}

impl Subfolder {
    /// Lists this folder (see [`list`]); returns the folders in it.
    fn list(
        &self,
        visited: &Mutex<HashSet<PathBuf>>,
        found: &mut Vec<Found>,
        skipped: &mut Vec<Skipped>,
    ) -> Vec<Subfolder> {
        let mut subfolders = Vec::new();
        list(
            &self.path,
            &self.rel,
            visited,
            found,
            skipped,
            &mut subfolders,
        );
        subfolders
    }
}

/// The most threads [`scan`] lists folders with.
const MAX_THREADS: usize = 4;

/// The folders [`scan`] has still to list, shared by its threads.
struct Folders {
    queue: Mutex<Queue>,
    /// Signalled when a folder is queued or the last listing ends.
    ready: Condvar,
    /// Folders entered so far (real paths): a symlink loop is cut here.
    visited: Mutex<HashSet<PathBuf>>,
}

struct Queue {
    /// Folders found and not listed yet.
    waiting: Vec<Subfolder>,
    /// Folders found through a symlink, listed after the others.
    linked: Vec<Subfolder>,
    /// How many folders are being listed (each may queue more).
    listing: usize,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Folders {
    fn queue_all(&self, subfolders: Vec<Subfolder>) {
        let mut queue = lock(&self.queue);
        for folder in subfolders {
            if folder.linked {
                queue.linked.push(folder);
            } else {
                queue.waiting.push(folder);
            }
        }
    }

    /// Lists queued folders until none is left and none is being listed;
    /// returns what this thread found.
    fn drain(&self) -> (Vec<Found>, Vec<Skipped>) {
        let (mut found, mut skipped) = (Vec::new(), Vec::new());
        loop {
            let mut queue = lock(&self.queue);
            let next = loop {
                if let Some(next) = queue.waiting.pop() {
                    break next;
                }
                if queue.listing == 0 {
                    self.ready.notify_all();
                    return (found, skipped);
                }
                queue = self
                    .ready
                    .wait(queue)
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
            };
            queue.listing += 1;
            drop(queue);
            let subfolders = next.list(&self.visited, &mut found, &mut skipped);
            self.queue_all(subfolders);
            let mut queue = lock(&self.queue);
            queue.listing -= 1;
            self.ready.notify_all();
        }
    }
}

/// Lists `dir` into `found` and `skipped`, and its folders into
/// `subfolders` (to be listed next, by any of [`scan`]'s threads).
///
/// Long (~90 lines) on purpose: each entry is judged once, in one chain
/// (hidden, unreadable, folder or loop, not a note name, not a regular
/// file, too big), each case with the reason the user reads; split, every
/// helper would need the same accumulators.
fn list(
    dir: &Path,
    prefix: &str,
    visited: &Mutex<HashSet<PathBuf>>,
    found: &mut Vec<Found>,
    skipped: &mut Vec<Skipped>,
    subfolders: &mut Vec<Subfolder>,
) {
    let display = if prefix.is_empty() { "." } else { prefix };
    let skip = |skipped: &mut Vec<Skipped>, file: &str, reason: Message| {
        skipped.push(Skipped {
            file: file.to_owned(),
            reason,
        })
    };
    match dir.canonicalize() {
        Ok(real) => {
            if !lock(visited).insert(real) {
                return skip(skipped, display, Message::new("skip-symlink-loop"));
            }
        }
        Err(e) => {
            let reason = Message::new("skip-cannot-open-folder").arg("error", e.to_string());
            return skip(skipped, display, reason);
        }
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            let reason = Message::new("skip-cannot-list-folder").arg("error", e.to_string());
            return skip(skipped, display, reason);
        }
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
        let linked = !entry.file_type().is_ok_and(|t| !t.is_symlink());
        let meta = if linked {
            std::fs::metadata(&path)
        } else {
            entry.metadata()
        };
        let meta = match meta {
            Ok(m) => m,
            Err(e) => {
                let reason = Message::new("skip-cannot-read").arg("error", e.to_string());
                skip(skipped, &rel, reason);
                continue;
            }
        };
        if meta.is_dir() {
            subfolders.push(Subfolder { path, rel, linked });
        } else if !is_note_name(&name) {
            skip(skipped, &rel, Message::new("skip-not-note"));
        } else if !meta.is_file() {
            // Reading a FIFO waits for a writer forever; a socket or a
            // device is no note either.
            skip(skipped, &rel, Message::new("skip-not-regular"));
        } else if meta.len() > MAX_NOTE_BYTES {
            let reason = Message::new("skip-too-large")
                .arg("mib", meta.len() / MIB)
                .arg("limit", MAX_NOTE_BYTES / MIB);
            skip(skipped, &rel, reason);
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn lists_every_folder_of_a_deep_tree() {
        let dir = tempfile::tempdir().unwrap();
        let mut expected = Vec::new();
        for a in 0..6 {
            for b in 0..4 {
                let folder = format!("{a}/{b}");
                std::fs::create_dir_all(dir.path().join(&folder)).unwrap();
                for n in 0..3 {
                    let rel = format!("{folder}/{n}.md");
                    std::fs::write(dir.path().join(&rel), "x").unwrap();
                    expected.push(rel);
                }
            }
            std::fs::write(dir.path().join(format!("{a}/top.md")), "x").unwrap();
            expected.push(format!("{a}/top.md"));
        }
        expected.sort();
        let (found, skipped) = scan(dir.path());
        let mut names: Vec<_> = found.into_iter().map(|f| f.rel).collect();
        names.sort();
        assert_eq!(names, expected);
        assert!(skipped.is_empty(), "{skipped:?}");
    }

    /// A folder linked twice is listed under the same link on every scan,
    /// whichever thread gets there first: otherwise the index would see
    /// its notes move between searches.
    #[cfg(unix)]
    #[test]
    fn a_folder_linked_twice_is_found_under_the_first_link() {
        let dir = tempfile::tempdir().unwrap();
        let (root, shared) = (dir.path().join("notes"), dir.path().join("shared"));
        std::fs::create_dir_all(root.join("real")).unwrap();
        std::fs::create_dir(&shared).unwrap();
        std::fs::write(shared.join("x.md"), "x").unwrap();
        std::fs::write(root.join("real/y.md"), "y").unwrap();
        for link in ["b-link", "a-link", "real/c-link"] {
            std::os::unix::fs::symlink(&shared, root.join(link)).unwrap();
        }
        for _ in 0..20 {
            let (found, skipped) = scan(&root);
            let mut names: Vec<_> = found.iter().map(|f| f.rel.as_str()).collect();
            names.sort();
            assert_eq!(names, ["a-link/x.md", "real/y.md"]);
            let mut loops: Vec<_> = skipped.iter().map(|s| s.file.as_str()).collect();
            loops.sort();
            assert_eq!(loops, ["b-link", "real/c-link"]);
        }
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
