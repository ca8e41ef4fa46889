//! `pilgi search`'s way to the index: searching a notes folder without
//! loading its notes whenever the index can be proved current.

use crate::corpus::Corpus;
use crate::index::schema::SCHEMA_VERSION;
use crate::index::writer::Payload;
use crate::index::{catch_damage, rebuild_if_damaged, IndexReport, SearchIndex, SearchResults};
use crate::paths::Locations;
use crate::progress::Report;
use crate::scan::{natural_cmp, natural_order, scan, FileStat, Found, Skipped};
use crate::{Error, Result};
use pilgi_i18n::Message;
use serde::de::IgnoredAny;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::thread::ScopedJoinHandle;
use std::time::SystemTime;

/// The answer of [`quick_search`], with what the front end should report.
#[derive(Debug)]
pub struct QuickSearch {
    /// The hits.
    pub results: SearchResults,
    /// Files not read as notes, with reasons (as [`Corpus::skipped`]).
    pub skipped: Vec<Skipped>,
    /// `(file, warning)` of notes read with problems (as
    /// [`Corpus::warnings`]).
    pub warnings: Vec<(String, Message)>,
    /// Why the index was rebuilt, if it was.
    pub notice: Option<Message>,
    /// What the sync before the search did; `None` when the folder was
    /// unchanged since the index was written and no note was read.
    pub synced: Option<IndexReport>,
    /// Another process was updating the index: the results may be stale.
    pub busy: bool,
    /// The app watching the folder vouched for the index, so the folder
    /// was not scanned (see [`crate::watch_lease`]).
    pub vouched: bool,
}

/// Searches a notes folder with its index for a one-shot front end (the
/// CLI), reading as little as possible.
///
/// Why: loading the corpus (read, decode, parse, hash every note) costs
/// 100× the query. While the app watches the folder and vouches for the
/// index, only the hits' files are stat'ed ([`crate::watch_lease`]).
/// Otherwise the folder is only scanned (`stat`, no reads) and,
/// when it holds exactly the files the index last recorded with the same
/// size, time and inode, the index is searched as it is; hits carry
/// everything from stored fields. Otherwise the notes are loaded and the
/// index synced first, as [`crate::Library::build_index`] does.
pub fn quick_search(locations: &Locations, query: &str, limit: usize) -> Result<QuickSearch> {
    quick_search_reporting(locations, query, limit, &mut |_| {})
}

/// [`quick_search`], telling `progress` after each file read or indexed
/// (when the folder changed).
pub fn quick_search_reporting(
    locations: &Locations,
    query: &str,
    limit: usize,
    progress: Report<'_>,
) -> Result<QuickSearch> {
    let once = || quick_search_once(locations, query, limit, &mut *progress);
    rebuild_if_damaged(&locations.index, once, |quick, why| {
        quick.notice = Some(why)
    })
}

fn quick_search_once(
    locations: &Locations,
    query: &str,
    limit: usize,
    progress: Report<'_>,
) -> Result<QuickSearch> {
    super::must_exist(locations)?;
    let notes = &locations.notes;
    if let Some(quick) = search_vouched(locations, query, limit)? {
        return Ok(quick);
    }
    let scanned = SystemTime::now();
    let ((found, skipped), quick) = std::thread::scope(|s| {
        let scanning = s.spawn(|| scan(notes));
        search_unchanged(&locations.index, scanning, query, limit)
    });
    if let Some(quick) = quick? {
        return Ok(quick);
    }
    let corpus =
        Corpus::load_found_reporting(notes, &natural_order(found), skipped, scanned, progress);
    let opened = SearchIndex::open(&locations.index).and_then(|index| {
        let synced = match index.sync_reporting(&corpus, progress) {
            Ok(report) => (Some(report), false),
            Err(Error::Busy) => (None, true),
            Err(e) => return Err(e),
        };
        Ok((index, synced))
    });
    let (index, (synced, busy), notice) = match opened {
        Ok((index, synced)) => {
            let notice = index.notice().cloned();
            (index, synced, notice)
        }
        // The cache cannot be written (read-only, full, not a folder):
        // the notes are still searchable, from an index in memory.
        Err(e) => {
            let index = SearchIndex::in_ram()?;
            let report = index.sync(&corpus)?;
            let notice = Message::new("index-unusable").arg("error", e.to_string());
            (index, (Some(report), false), Some(notice))
        }
    };
    Ok(QuickSearch {
        results: index.search(query, limit)?,
        skipped: corpus.skipped.clone(),
        warnings: corpus
            .warnings()
            .map(|(f, w)| (f.to_owned(), w.to_owned()))
            .collect(),
        notice,
        synced,
        busy,
        vouched: false,
    })
}

/// What [`scan`] found, from the thread scanning the folder.
type Scanned = (Vec<Found>, Vec<Skipped>);

/// The search of [`quick_search`] when the files `scanning` finds match the
/// index's record exactly; `None` when they do not (or the index needs any
/// repair), to take the slow path that handles every case. Returns what
/// was scanned either way.
///
/// Why the search runs before the scan is joined: at 5 000 files the scan
/// is half of a search (a `statx` per file). The answer is kept only if the
/// scan then proves the index current, so no hit from a changed folder is
/// shown.
fn search_unchanged(
    dir: &Path,
    scanning: ScopedJoinHandle<'_, Scanned>,
    query: &str,
    limit: usize,
) -> (Scanned, Result<Option<QuickSearch>>) {
    let (scanned, unchanged) = open_unchanged(dir, scanning, |index| index.search(query, limit));
    let quick = unchanged.map(|u| {
        u.done.map(|results| QuickSearch {
            results,
            skipped: u.skipped,
            warnings: u.warnings,
            notice: None,
            synced: None,
            busy: false,
            vouched: false,
        })
    });
    (scanned, quick.transpose())
}

/// The index of a notes folder when it holds the folder exactly as it is
/// now, proved by a scan (`stat`, no reads) against the index's record of
/// the folder; `None` when anything differs or the index needs any repair
/// (opening it the full way, [`crate::Library::build_index`], does that).
///
/// Why: the app searches with it at launch while it reads the notes for
/// its other views, so a vault of 100k sections is searchable in
/// milliseconds instead of after seconds of reading. A damaged index is
/// `None` too, not a panic.
pub fn current_index(locations: &Locations) -> Option<SearchIndex> {
    let open = || {
        Ok(std::thread::scope(|s| {
            let scanning = s.spawn(|| scan(&locations.notes));
            let (_, unchanged) = open_unchanged(&locations.index, scanning, |_| ());
            unchanged.map(|u| u.index)
        }))
    };
    catch_damage(open).ok().flatten()
}

/// The index proved current by [`open_unchanged`], with what it recorded
/// of the folder's other files.
struct Unchanged<T> {
    index: SearchIndex,
    /// What the caller's work on the index gave.
    done: T,
    /// Files not read as notes, with reasons (as [`Corpus::skipped`]).
    skipped: Vec<Skipped>,
    /// `(file, warning)` of notes read with problems.
    warnings: Vec<(String, Message)>,
}

/// Opens the index in `dir` and runs `work` on it while the folder is
/// scanned on the thread `scanning` (the record is read, the index opened
/// and `work` done meanwhile, on the other core); the index and `work`'s
/// answer are given only if the scan then matches the index's record
/// exactly. Returns what was scanned either way.
///
/// Long (~80 lines): the record is parsed borrowed from its bytes (owning
/// 5 000 paths was a sixth of a search), so it is read, checked and used in
/// the one function that holds those bytes.
fn open_unchanged<T>(
    dir: &Path,
    scanning: ScopedJoinHandle<'_, Scanned>,
    work: impl FnOnce(&SearchIndex) -> T,
) -> (Scanned, Option<Unchanged<T>>) {
    /// What the check needs of the payload, borrowed from its bytes: not
    /// the content hashes (parsing 5 000 of them into owned maps was a
    /// sixth of a search).
    #[derive(serde::Deserialize)]
    struct Folder<'a> {
        version: u32,
        #[serde(borrow)]
        files: HashMap<Cow<'a, str>, IgnoredAny>,
        #[serde(borrow, default)]
        stats: HashMap<Cow<'a, str>, FileStat>,
        #[serde(default)]
        unreadable: BTreeMap<String, Message>,
        #[serde(default)]
        warnings: BTreeMap<String, Vec<Message>>,
    }
    let record = Record::read(dir);
    let payload = record
        .as_ref()
        .and_then(|r| serde_json::from_slice::<Folder>(r.bytes()).ok())
        .filter(|payload| payload.version == SCHEMA_VERSION);
    // Opened and worked on before the scan is known to agree: see above.
    let opened = payload.as_ref().and_then(|_| {
        let index = SearchIndex::open_as_is(dir)?;
        let done = work(&index);
        Some((index, done))
    });
    let (found, skipped) = scanning
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    let (Some(payload), Some((index, done))) = (payload, opened) else {
        return ((found, skipped), None);
    };
    let unchanged = payload.stats.len() == found.len()
        // Every indexed file must still be there, including files whose
        // stat was too fresh to record.
        && payload.files.len() + payload.unreadable.len() == found.len()
        && found.iter().all(|f| {
            let rel = Cow::Borrowed(f.rel.as_str());
            payload.stats.get(&rel) == Some(&f.stat)
                && (payload.files.contains_key(&rel) || payload.unreadable.contains_key(&f.rel))
        });
    if !unchanged {
        return ((found, skipped), None);
    }
    // Every file the payload names was found (checked above).
    let mut all_skipped = skipped.clone();
    all_skipped.extend(
        payload
            .unreadable
            .into_iter()
            .map(|(file, reason)| Skipped { file, reason }),
    );
    all_skipped.sort_by(|a, b| natural_cmp(&a.file, &b.file));
    let mut warnings: Vec<(String, Message)> = payload
        .warnings
        .into_iter()
        .flat_map(|(file, ws)| ws.into_iter().map(move |w| (file.clone(), w)))
        .collect();
    warnings.sort_by(|a, b| natural_cmp(&a.0, &b.0));
    let unchanged = Unchanged {
        index,
        done,
        skipped: all_skipped,
        warnings,
    };
    ((found, skipped), Some(unchanged))
}

/// The index's record of the folder it holds, as bytes: read straight from
/// `meta.json` and the state file its payload names, once, before tantivy
/// opens anything.
struct Record {
    /// The payload of `meta.json` (a record kept inline is this).
    payload: String,
    /// The state file the payload names, if any.
    state: Option<Vec<u8>>,
}

impl Record {
    fn read(dir: &Path) -> Option<Record> {
        #[derive(serde::Deserialize)]
        struct Meta {
            payload: Option<String>,
        }
        let bytes = std::fs::read(dir.join("meta.json")).ok()?;
        let payload = serde_json::from_slice::<Meta>(&bytes).ok()?.payload?;
        let pointer = serde_json::from_str::<Payload>(&payload).ok()?;
        let state = pointer.state_bytes(Some(dir)).ok()?;
        Some(Record { payload, state })
    }

    fn bytes(&self) -> &[u8] {
        self.state.as_deref().unwrap_or(self.payload.as_bytes())
    }
}

/// The search of [`quick_search`] when the app watching the folder vouches
/// for the index (see [`crate::watch_lease`]): nothing is scanned, and
/// only the files of the hits are stat'ed, to prove that none changed
/// since the app read it. `Ok(None)` when there is no such word or a hit
/// is in doubt.
fn search_vouched(locations: &Locations, query: &str, limit: usize) -> Result<Option<QuickSearch>> {
    #[derive(serde::Deserialize)]
    struct Meta {
        opstamp: u64,
    }
    let dir = &locations.index;
    let Some(vouched) = crate::watch_lease::vouched(dir) else {
        return Ok(None);
    };
    let opstamp = std::fs::read(dir.join("meta.json"))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Meta>(&bytes).ok());
    if opstamp.is_none_or(|meta| meta.opstamp != vouched.opstamp) {
        return Ok(None);
    }
    let Some(index) = SearchIndex::open_as_is(dir) else {
        return Ok(None);
    };
    let results = index.search(query, limit)?;
    let mut files: Vec<&str> = results
        .hits
        .iter()
        .map(|h| h.section.file.as_str())
        .collect();
    files.sort_unstable();
    files.dedup();
    let current = files.iter().all(|file| {
        std::fs::metadata(locations.notes.join(file))
            .is_ok_and(|meta| vouched.covers(&FileStat::of(&meta)))
    });
    Ok(current.then_some(QuickSearch {
        results,
        skipped: vouched.skipped,
        warnings: vouched.warnings,
        notice: None,
        synced: None,
        busy: false,
        vouched: true,
    }))
}

#[cfg(test)]
mod tests {
    use super::{current_index, quick_search};
    use crate::testing::{folder, write_aged, NAMESPACES as B, PODS as A};

    #[test]
    fn quick_search_reads_nothing_until_a_file_changes() {
        let (_tmp, at) = folder();
        let notes = at.notes.clone();
        write_aged(&notes, "a.txt", A.as_bytes(), 60);
        write_aged(&notes, "b.txt", B.as_bytes(), 60);
        write_aged(&notes, "bin.txt", b"\0\x01", 60);
        write_aged(&notes, "bad.txt", b"1. Bad \xff utf 01:00\nquotas\n", 60);

        let first = quick_search(&at, "namespaces", 5).expect("first");
        let report = first.synced.expect("built the index");
        assert_eq!(report.added, 3);
        assert_eq!(first.results.hits[0].section.title, "Namespaces");

        // Unchanged folder: nothing read, same answer and same reports.
        let again = quick_search(&at, "namespaces", 5).expect("again");
        assert!(again.synced.is_none(), "fast path");
        assert_eq!(again.results, first.results);
        assert_eq!(again.skipped, first.skipped);
        assert_eq!(again.warnings, first.warnings);
        assert_eq!(again.skipped[0].file, "bin.txt");
        assert_eq!(again.warnings.len(), 1, "{:?}", again.warnings);

        // Same size, new content, new time: picked up.
        let edited = B.replace("Namespaces", "Namespacez");
        assert_eq!(edited.len(), B.len());
        write_aged(&notes, "b.txt", edited.as_bytes(), 30);
        let r = quick_search(&at, "namespacez", 5).expect("edited");
        assert_eq!(r.synced.expect("synced").updated, 1);
        assert_eq!(r.results.hits[0].section.title, "Namespacez");
        assert!(quick_search(&at, "namespacez", 5)
            .expect("settled")
            .synced
            .is_none());

        // Touched only: the content is checked, nothing re-indexed, and the new
        // stat recorded.
        write_aged(&notes, "a.txt", A.as_bytes(), 20);
        let r = quick_search(&at, "pods", 5).expect("touched");
        let report = r.synced.expect("checked");
        assert_eq!((report.updated, report.unchanged), (0, 3));
        assert!(quick_search(&at, "pods", 5).expect("t").synced.is_none());

        // A file written just now is not trusted by stat until it settles.
        write_aged(&notes, "c.txt", b"1. Quotas 01:00\nquota\n", 0);
        let r = quick_search(&at, "quotas", 5).expect("new");
        assert_eq!(r.synced.expect("synced").added, 1);
        assert!(quick_search(&at, "quotas", 5)
            .expect("racy")
            .synced
            .is_some());

        // A removed file is noticed.
        std::fs::remove_file(notes.join("c.txt")).expect("rm");
        let r = quick_search(&at, "quotas", 5).expect("removed");
        assert_eq!(r.synced.expect("synced").removed, 1);

        // The desktop's way still works on the same index.
        let lib = crate::Library::open(at.clone()).expect("library");
        let (_, report) = lib.build_index(&mut |_| {}).expect("index");
        assert_eq!(report.sections, 0);
    }

    #[test]
    fn the_index_is_current_only_while_no_file_changed() {
        let (_tmp, at) = folder();
        write_aged(&at.notes, "a.txt", A.as_bytes(), 60);
        write_aged(&at.notes, "b.txt", B.as_bytes(), 60);
        assert!(current_index(&at).is_none(), "no index yet");
        let lib = crate::Library::open(at.clone()).expect("library");
        lib.build_index(&mut |_| {}).expect("index");
        drop(lib);

        // Before a note is read, a library searches the index it proved current.
        let unread = crate::Library::unread(at.clone()).expect("unread");
        assert!(unread.corpus().notes.is_empty());
        assert!(unread.open_current_index());
        let hits = unread.search("namespaces", 5).expect("search").hits;
        assert_eq!(hits[0].section.title, "Namespaces");

        // One file touched, one added, one removed: not current any more.
        write_aged(&at.notes, "a.txt", A.as_bytes(), 30);
        assert!(current_index(&at).is_none(), "touched");
        let lib = crate::Library::open(at.clone()).expect("library");
        lib.build_index(&mut |_| {}).expect("index");
        assert!(current_index(&at).is_some(), "synced again");
        write_aged(&at.notes, "c.txt", B.as_bytes(), 60);
        assert!(current_index(&at).is_none(), "added");
        std::fs::remove_file(at.notes.join("c.txt")).expect("rm");
        assert!(current_index(&at).is_some(), "as recorded again");
        std::fs::remove_file(at.notes.join("b.txt")).expect("rm");
        assert!(current_index(&at).is_none(), "removed");
        write_aged(&at.notes, "b.txt", B.as_bytes(), 60);
        lib.build_index(&mut |_| {}).expect("index");
        drop(lib);

        // Damaged segment files: no index, no panic (the full open repairs it).
        for entry in std::fs::read_dir(&at.index).expect("index dir") {
            let path = entry.expect("entry").path();
            if path
                .extension()
                .is_some_and(|e| e == "store" || e == "term")
            {
                std::fs::write(&path, b"short").expect("damage");
            }
        }
        assert!(current_index(&at).is_none(), "damaged");
    }
}
