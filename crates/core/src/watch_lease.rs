//! The watch lease: a running app that watches a notes folder vouches that
//! the folder's index is current, so that `pilgi search` need not `stat`
//! every note file to know it.
//!
//! Why: without it, a one-shot search proves the index current by listing
//! the folder and stat-ing each file (5 000 `statx` calls on a vault of
//! 5 000 notes, half of the search). The app already hears every change
//! through its watcher; it says so in two files beside the index:
//!
//! - `watch.lock`, locked exclusively by the app for as long as it watches.
//!   The kernel drops the lock when the process ends, even by SIGKILL, so
//!   a lock that is held means a watcher that is alive.
//! - `watch.json`, the record, present only while the index holds every
//!   change heard: the index commit that holds them, when the notes were
//!   read, and what the read skipped. A change heard removes it at once
//!   (one `unlink`, before the app waits for the edits to settle); the app
//!   writes it again once the change is indexed.
//!
//! A search trusts the record only if the lock is held, the record's
//! process is alive (a new app that has just taken the lock of a killed one
//! may not have removed its record yet), and the record names the index's
//! current commit; and it still stats the files of its hits, so that no
//! hit is shown from a file written after the app read it (the instant
//! between a write and the watcher hearing of it). A word new in such a
//! file is not found in that instant, well under a millisecond; any other
//! doubt means the full check.

use crate::atomic::write_atomic;
use crate::corpus::Corpus;
use crate::index::IndexReport;
use crate::scan::{unix_nanos, FileStat, Skipped};
use pilgi_i18n::Message;
use serde::{Deserialize, Serialize};
use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

const LOCK: &str = "watch.lock";
const RECORD: &str = "watch.json";
/// Bumped when [`Record`] changes shape: an older reader then ignores it.
const RECORD_VERSION: u32 = 1;

/// What the watching app says about the index, in `watch.json`.
#[derive(Debug, Serialize, Deserialize)]
struct Record {
    version: u32,
    /// The watching process.
    pid: u32,
    vouched: Vouched,
}

/// The app's word that the index is current, as a search reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Vouched {
    /// The index commit (tantivy opstamp) that holds the notes as read.
    pub opstamp: u64,
    /// When the notes were read (nanoseconds since the Unix epoch): a file
    /// modified since may not be in the index.
    pub read_ns: i64,
    /// What the read did not take as notes (as [`Corpus::skipped`]).
    pub skipped: Vec<Skipped>,
    /// `(file, warning)` of notes read with problems.
    pub warnings: Vec<(String, Message)>,
}

impl Vouched {
    /// Whether a file with this stat is in the index as it is now: it was
    /// last written before the notes were read. (No racy-clean margin as
    /// in [`FileStat::settled`]: any later write is heard by the watcher,
    /// this check only covers the instant before it is.)
    pub fn covers(&self, stat: &FileStat) -> bool {
        stat.mtime_ns < self.read_ns
    }
}

/// Held by the app while it watches a notes folder (dropped: the folder is
/// no longer vouched for).
#[derive(Debug)]
pub struct WatchLease {
    /// Locked exclusively for the lease's life.
    _lock: File,
    record: PathBuf,
    changes: Mutex<Changes>,
}

#[derive(Debug, Default)]
struct Changes {
    /// Changes heard so far (a ticket, see [`WatchLease::ticket`]).
    heard: u64,
    /// Whether the record is on disk.
    vouching: bool,
    /// The watcher failed: it may miss changes from now on.
    broken: bool,
}

impl WatchLease {
    /// Takes the lease on the index in `index_dir`, vouching for nothing
    /// yet; `None` when another process holds it (a second app on the same
    /// folder) or the cache cannot be written: then nobody vouches, and
    /// searches check the folder themselves.
    pub fn take(index_dir: &Path) -> Option<WatchLease> {
        std::fs::create_dir_all(index_dir).ok()?;
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(index_dir.join(LOCK))
            .ok()?;
        lock.try_lock().ok()?;
        let record = index_dir.join(RECORD);
        // A killed app's record.
        match std::fs::remove_file(&record) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return None,
            _ => {}
        }
        Some(WatchLease {
            _lock: lock,
            record,
            changes: Mutex::new(Changes::default()),
        })
    }

    /// The number of changes heard so far: take it before reading the
    /// notes and give it to [`WatchLease::indexed`].
    pub fn ticket(&self) -> u64 {
        self.lock().heard
    }

    /// A change was heard (called by the watcher for every event, before
    /// any waiting): the record is withdrawn at once.
    pub fn heard(&self) {
        let mut changes = self.lock();
        changes.heard += 1;
        self.withdraw(&mut changes);
    }

    /// The watcher failed (it may miss changes): the record never vouches
    /// again under this lease.
    pub fn broken(&self) {
        let mut changes = self.lock();
        changes.broken = true;
        self.withdraw(&mut changes);
    }

    /// The notes read after `ticket` was taken are in the index at the
    /// commit `report` left: vouch for them, unless a change was heard
    /// since.
    pub fn indexed(&self, ticket: u64, report: &IndexReport, corpus: &Corpus) {
        let mut changes = self.lock();
        let Some(read) = corpus.scanned() else {
            return;
        };
        if changes.heard != ticket || changes.broken {
            return;
        }
        let record = Record {
            version: RECORD_VERSION,
            pid: std::process::id(),
            vouched: Vouched {
                opstamp: report.opstamp,
                read_ns: unix_nanos(read),
                skipped: corpus.skipped.clone(),
                warnings: corpus
                    .warnings()
                    .map(|(f, w)| (f.to_owned(), w.to_owned()))
                    .collect(),
            },
        };
        changes.vouching = serde_json::to_vec(&record)
            .ok()
            .is_some_and(|bytes| write_atomic(&self.record, &bytes).is_ok());
    }

    fn withdraw(&self, changes: &mut Changes) {
        if changes.vouching {
            let _ = std::fs::remove_file(&self.record);
        }
        changes.vouching = false;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Changes> {
        self.changes.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Drop for WatchLease {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.record);
    }
}

/// What a live watcher vouches for the index in `index_dir`, if one does.
pub fn vouched(index_dir: &Path) -> Option<Vouched> {
    let lock = File::open(index_dir.join(LOCK)).ok()?;
    match lock.try_lock_shared() {
        // Nobody holds it: nobody watches.
        Ok(()) => return None,
        Err(TryLockError::WouldBlock) => {}
        Err(TryLockError::Error(_)) => return None,
    }
    let bytes = std::fs::read(index_dir.join(RECORD)).ok()?;
    let record: Record = serde_json::from_slice(&bytes).ok()?;
    (record.version == RECORD_VERSION && is_alive(record.pid)).then_some(record.vouched)
}

/// Whether process `pid` is running. Where that cannot be told, no.
fn is_alive(pid: u32) -> bool {
    cfg!(target_os = "linux") && Path::new(&format!("/proc/{pid}")).exists()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::quick_search;
    use crate::testing::write_aged;
    use crate::{Library, Locations};

    /// A notes folder with a note and a binary file, written a minute ago
    /// (settled: see [`FileStat::settled`]).
    fn folder() -> (tempfile::TempDir, Locations) {
        let (tmp, at) = crate::testing::folder();
        write_aged(
            &at.notes,
            "a.txt",
            "1. Pods 01:00\n파드를 만듦\n".as_bytes(),
            60,
        );
        write_aged(&at.notes, "bin.txt", b"\0\x01", 60);
        (tmp, at)
    }

    /// What the app does: read the notes after taking a ticket, index
    /// them, vouch.
    fn read_and_vouch(lease: &WatchLease, at: &Locations) {
        let ticket = lease.ticket();
        let library = Library::open(at.clone()).expect("library");
        let (_, report) = library.build_index(&mut |_| {}).expect("index");
        lease.indexed(ticket, &report, library.corpus());
    }

    #[test]
    fn a_vouched_index_is_searched_without_scanning_the_folder() {
        let (_tmp, at) = folder();
        let checked = quick_search(&at, "pods", 5).expect("full check");
        let lease = WatchLease::take(&at.index).expect("lease");
        read_and_vouch(&lease, &at);

        let vouched = quick_search(&at, "pods", 5).expect("vouched");
        assert!(vouched.vouched && !checked.vouched);
        assert_eq!(vouched.results, checked.results);
        assert_eq!(vouched.skipped, checked.skipped, "binary file reported");
        assert_eq!(vouched.skipped[0].file, "bin.txt");

        // A note the watcher has not told of yet is not looked for: the
        // folder was not scanned.
        write_aged(&at.notes, "c.txt", b"1. Quotas 01:00\nquota\n", 60);
        let blind = quick_search(&at, "quotas", 5).expect("blind");
        assert!(blind.vouched && blind.results.hits.is_empty());
        // Once it has, the search checks the folder itself.
        lease.heard();
        let seen = quick_search(&at, "quotas", 5).expect("seen");
        assert!(!seen.vouched);
        assert_eq!(seen.results.hits[0].section.title, "Quotas");
    }

    #[test]
    fn a_hit_from_a_file_written_since_the_read_is_never_shown_as_current() {
        let (_tmp, at) = folder();
        let lease = WatchLease::take(&at.index).expect("lease");
        read_and_vouch(&lease, &at);
        // Written in the instant before the watcher hears of it.
        std::fs::write(at.notes.join("a.txt"), "1. Pods 01:00\npods are gone\n").expect("edit");
        let r = quick_search(&at, "pods", 5).expect("search");
        assert!(!r.vouched, "the hit's file is newer than the read");
        assert!(
            r.results.hits[0].snippet.text().contains("gone"),
            "{:?}",
            r.results
        );
    }

    #[test]
    fn a_change_heard_while_reading_or_a_failed_watcher_vouches_nothing() {
        let (_tmp, at) = folder();
        let lease = WatchLease::take(&at.index).expect("lease");
        let ticket = lease.ticket();
        let library = Library::open(at.clone()).expect("library");
        let (_, report) = library.build_index(&mut |_| {}).expect("index");
        lease.heard();
        lease.indexed(ticket, &report, library.corpus());
        assert_eq!(vouched(&at.index), None, "changed during the read");

        read_and_vouch(&lease, &at);
        assert!(vouched(&at.index).is_some());
        lease.broken();
        assert_eq!(vouched(&at.index), None);
        read_and_vouch(&lease, &at);
        assert_eq!(vouched(&at.index), None, "a broken watcher never vouches");
    }

    #[test]
    fn another_commit_than_the_vouched_one_is_checked() {
        let (_tmp, at) = folder();
        let lease = WatchLease::take(&at.index).expect("lease");
        read_and_vouch(&lease, &at);
        write_aged(&at.notes, "c.txt", b"1. Quotas 01:00\nquota\n", 60);
        // Another process indexes the folder meanwhile.
        let library = Library::open(at.clone()).expect("library");
        library.build_index(&mut |_| {}).expect("index");
        let r = quick_search(&at, "pods", 5).expect("search");
        assert!(!r.vouched);
    }

    #[test]
    fn only_a_held_lease_of_a_live_process_vouches() {
        let (_tmp, at) = folder();
        let lease = WatchLease::take(&at.index).expect("lease");
        assert!(WatchLease::take(&at.index).is_none(), "one holder");
        read_and_vouch(&lease, &at);
        let word = vouched(&at.index).expect("vouched");

        // A record left by a killed app, read before the new one replaced
        // it: its process is gone.
        let dead = Record {
            version: RECORD_VERSION,
            pid: u32::MAX,
            vouched: word,
        };
        std::fs::write(at.index.join(RECORD), serde_json::to_vec(&dead).unwrap()).unwrap();
        assert_eq!(vouched(&at.index), None);

        drop(lease);
        assert!(!at.index.join(RECORD).exists());
        let live = Record {
            pid: std::process::id(),
            ..dead
        };
        std::fs::write(at.index.join(RECORD), serde_json::to_vec(&live).unwrap()).unwrap();
        assert_eq!(vouched(&at.index), None, "nobody holds the lock");

        let again = WatchLease::take(&at.index).expect("free again");
        assert!(
            !at.index.join(RECORD).exists(),
            "a new lease vouches for nothing yet"
        );
        drop(again);
    }
}
