//! The tantivy full-text index over note sections, and searching it.
//!
//! One index per notes folder, in the cache dir ([`crate::Locations::index`]).
//! It is a cache: a schema change or a damaged index is rebuilt on open,
//! with a notice, never an error. Readers never block; the writer lock is
//! taken only inside [`SearchIndex::sync`] when something changed, and a
//! second writer waits for it, then reports [`crate::Error::Busy`].
//!
//! ```
//! use pilgi_core::index::SearchIndex;
//! use pilgi_core::{note, Corpus, LoadedNote};
//! let note = note::parse("cka.txt", "1. Pods 01:00\n파드를 만듦\n$ k get pods\n");
//! let loaded = LoadedNote { note, hash: "h1".into() };
//! let corpus = Corpus::from_notes("notes".as_ref(), vec![loaded], vec![]);
//! let index = SearchIndex::in_ram().unwrap();
//! index.sync(&corpus).unwrap();
//! let results = index.search("pod", 10).unwrap();
//! assert_eq!(results.hits[0].title, "Pods");
//! assert!(results.hits[0].snippet.contains("<mark>"));
//! ```

mod coverage;
mod derived;
mod query;
pub mod schema;
mod search;
pub mod snippet;
pub mod writer;

#[cfg(test)]
mod tests;

pub use search::{Hit, SearchResults};
pub use writer::IndexReport;

use crate::analysis::tokenizer;
use crate::corpus::Corpus;
use crate::paths::Locations;
use crate::progress::Report;
use crate::scan::{natural_cmp, natural_order, scan, FileStat, Found, Skipped};
use crate::{Error, Result};
use schema::{Fields, SCHEMA_VERSION};
use serde::de::IgnoredAny;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::SystemTime;
use tantivy::{Index, IndexReader, ReloadPolicy};
use writer::Payload;

/// An opened search index.
pub struct SearchIndex {
    index: Index,
    /// The folder of an on-disk index (its state file lives there too).
    dir: Option<PathBuf>,
    reader: IndexReader,
    fields: Fields,
    notice: Option<String>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("notice", &self.notice)
            .finish_non_exhaustive()
    }
}

/// Whether a file in the index folder is one tantivy wrote (the folder is
/// only cleared of those, in case it was pointed somewhere unexpected).
fn is_index_file(name: &str) -> bool {
    name == "meta.json"
        || name == ".managed.json"
        || name.starts_with(".tantivy-")
        || name.starts_with(writer::STATE_PREFIX)
        || name.starts_with(&format!(".{}", writer::STATE_PREFIX))
        || name.split_once('.').is_some_and(|(stem, _)| {
            stem.len() == 32 && stem.bytes().all(|b| b.is_ascii_hexdigit())
        })
}

fn clear(dir: &Path) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries.flatten() {
        if entry.file_name().to_str().is_some_and(is_index_file) {
            let path = entry.path();
            std::fs::remove_file(&path).map_err(|e| Error::io(path, e))?;
        }
    }
    Ok(())
}

/// Opens an existing index, `Ok(None)` when there is none, `Err(reason)`
/// when it must be rebuilt.
fn try_open(dir: &Path) -> std::result::Result<Option<Index>, String> {
    if !dir.join("meta.json").exists() {
        return Ok(None);
    }
    let index = Index::open_in_dir(dir).map_err(|e| format!("unreadable ({e})"))?;
    let (expected, _) = schema::build();
    let same = serde_json::to_string(&index.schema()).ok() == serde_json::to_string(&expected).ok();
    match Payload::read(&index, Some(dir)).map_err(|e| e.to_string())? {
        Some(p) if p.version != SCHEMA_VERSION => Err(format!(
            "schema version {} is not the current {SCHEMA_VERSION}",
            p.version
        )),
        _ if !same => Err("schema changed".to_owned()),
        _ => Ok(Some(index)),
    }
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it if needed and rebuilding it
    /// (empty, to be filled by [`SearchIndex::sync`]) when its schema
    /// version changed or it cannot be read; [`SearchIndex::notice`] then
    /// says why.
    pub fn open(dir: &Path) -> Result<SearchIndex> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let (schema, fields) = schema::build();
        let mut notice = None;
        let index = match try_open(dir) {
            Ok(Some(index)) => index,
            Ok(None) => Index::create_in_dir(dir, schema)?,
            Err(reason) => {
                notice = Some(format!("rebuilt the search index: {reason}"));
                clear(dir)?;
                Index::create_in_dir(dir, schema)?
            }
        };
        match SearchIndex::with(index, Some(dir), fields, notice.clone()) {
            Ok(ix) => Ok(ix),
            Err(e) if notice.is_none() => {
                // Readable metadata but unreadable segments: rebuild once.
                clear(dir)?;
                let (schema, fields) = schema::build();
                let index = Index::create_in_dir(dir, schema)?;
                SearchIndex::with(
                    index,
                    Some(dir),
                    fields,
                    Some(format!("rebuilt the search index: {e}")),
                )
            }
            Err(e) => Err(e),
        }
    }

    /// A throwaway index in memory (tests, examples).
    pub fn in_ram() -> Result<SearchIndex> {
        let (schema, fields) = schema::build();
        SearchIndex::with(Index::create_in_ram(schema), None, fields, None)
    }

    /// The reader reloads only when told to ([`SearchIndex::sync`] does,
    /// after its own writes and after noticing another process's). Tantivy's
    /// default policy starts a thread that looks at `meta.json` twice a
    /// second: it woke the desktop app while it sat idle, and a CLI run never
    /// needs it.
    fn with(
        index: Index,
        dir: Option<&Path>,
        fields: Fields,
        notice: Option<String>,
    ) -> Result<SearchIndex> {
        tokenizer::register(index.tokenizers());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(SearchIndex {
            index,
            dir: dir.map(Path::to_path_buf),
            reader,
            fields,
            notice,
        })
    }

    /// Why the index was rebuilt when opened, if it was.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// Whether the index holds exactly these files at these hashes.
    pub fn is_current(&self, corpus: &Corpus) -> Result<bool> {
        writer::is_current(&self.index, self.dir.as_deref(), corpus)
    }

    /// Re-indexes the files of `corpus` whose content changed and drops
    /// the files that are gone. Cheap when nothing changed (no lock taken).
    pub fn sync(&self, corpus: &Corpus) -> Result<IndexReport> {
        self.sync_reporting(corpus, &mut |_| {})
    }

    /// [`SearchIndex::sync`], telling `progress` after each file.
    pub fn sync_reporting(&self, corpus: &Corpus, progress: Report<'_>) -> Result<IndexReport> {
        let dir = self.dir.as_deref();
        let mut report = writer::sync(&self.index, dir, &self.fields, corpus, progress)?;
        report.rebuilt = self.notice.clone();
        self.reader.reload()?;
        Ok(report)
    }

    /// The best `limit` sections for `query`. Any text is a valid query:
    /// junk gives an empty list, never an error.
    pub fn search(&self, query: &str, limit: usize) -> Result<SearchResults> {
        search::search(&self.reader.searcher(), &self.fields, query, limit)
    }

    /// The index's last commit (its tantivy opstamp), which a
    /// [`crate::watch_lease::WatchLease`] vouches for.
    pub fn opstamp(&self) -> Result<u64> {
        Ok(self.index.load_metas()?.opstamp)
    }

    /// How many sections the index holds.
    pub fn num_sections(&self) -> u64 {
        self.reader.searcher().num_docs()
    }
}

/// The answer of [`quick_search`], with what the front end should report.
#[derive(Debug)]
pub struct QuickSearch {
    /// The hits.
    pub results: SearchResults,
    /// Files not read as notes, with reasons (as [`Corpus::skipped`]).
    pub skipped: Vec<Skipped>,
    /// `(file, warning)` of notes read with problems (as
    /// [`Corpus::warnings`]).
    pub warnings: Vec<(String, String)>,
    /// Why the index was rebuilt, if it was.
    pub notice: Option<String>,
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
/// index synced first, as [`crate::Library::index`] does.
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

/// Runs `f` on the index in `dir`; if tantivy panicked on damaged files,
/// clears the index and runs `f` once more (on a fresh, empty index that
/// `f` fills), telling `note` why. A second panic is an error, not a crash.
pub fn rebuild_if_damaged<T>(
    dir: &Path,
    mut f: impl FnMut() -> Result<T>,
    note: impl FnOnce(&mut T, String),
) -> Result<T> {
    match catch_damage(&mut f) {
        Err(Error::Index(why)) if why.starts_with(DAMAGED) => {
            clear(dir)?;
            let mut done = catch_damage(&mut f)?;
            note(&mut done, format!("rebuilt the search index: {why}"));
            Ok(done)
        }
        other => other,
    }
}

const DAMAGED: &str = "its files are damaged";

/// tantivy can panic on index files damaged behind its back (a truncated
/// segment underflows a slice length). The index is only a cache, so such
/// a panic becomes an error the callers recover from, and the panic
/// message is not printed while it is caught.
fn catch_damage<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    std::panic::set_hook(hook);
    caught.unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(Error::Index(format!("{DAMAGED} ({what})")))
    })
}

fn quick_search_once(
    locations: &Locations,
    query: &str,
    limit: usize,
    progress: Report<'_>,
) -> Result<QuickSearch> {
    let notes = &locations.notes;
    if !notes.is_dir() {
        return Err(Error::NotFound(format!(
            "notes folder {} does not exist",
            notes.display()
        )));
    }
    if let Some(quick) = search_vouched(locations, query, limit)? {
        return Ok(quick);
    }
    let scanned = SystemTime::now();
    let (found, skipped) = scan(notes);
    if let Some(quick) = search_unchanged(&locations.index, &found, &skipped, query, limit)? {
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
    let (index, (synced, busy)) = match opened {
        Ok(done) => done,
        // The cache cannot be written (read-only, full, not a folder):
        // the notes are still searchable, from an index in memory.
        Err(e) => {
            let mut index = SearchIndex::in_ram()?;
            let report = index.sync(&corpus)?;
            index.notice = Some(format!(
                "cannot use the search index ({e}); searched the notes in memory"
            ));
            (index, (Some(report), false))
        }
    };
    Ok(QuickSearch {
        results: index.search(query, limit)?,
        skipped: corpus.skipped.clone(),
        warnings: corpus
            .warnings()
            .map(|(f, w)| (f.to_owned(), w.to_owned()))
            .collect(),
        notice: index.notice,
        synced,
        busy,
        vouched: false,
    })
}

/// The search of [`quick_search`] when the scanned files match the index's
/// record exactly; `Ok(None)` when they do not (or the index needs any
/// repair), to take the slow path that handles every case.
fn search_unchanged(
    dir: &Path,
    found: &[Found],
    skipped: &[Skipped],
    query: &str,
    limit: usize,
) -> Result<Option<QuickSearch>> {
    // The payload is read straight from `meta.json` and the state file it
    // names, once, before tantivy opens anything.
    #[derive(serde::Deserialize)]
    struct Meta {
        payload: Option<String>,
    }
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
        unreadable: BTreeMap<String, String>,
        #[serde(default)]
        warnings: BTreeMap<String, Vec<String>>,
    }
    let Some(text) = std::fs::read(dir.join("meta.json"))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Meta>(&bytes).ok()?.payload)
    else {
        return Ok(None);
    };
    let Some(state) = serde_json::from_str::<Payload>(&text)
        .ok()
        .and_then(|pointer| pointer.state_bytes(Some(dir)).ok())
    else {
        return Ok(None);
    };
    let bytes = state.as_deref().unwrap_or(text.as_bytes());
    let Ok(payload) = serde_json::from_slice::<Folder>(bytes) else {
        return Ok(None);
    };
    let unchanged = payload.version == SCHEMA_VERSION
        && payload.stats.len() == found.len()
        // Every indexed file must still be there, including files whose
        // stat was too fresh to record.
        && payload.files.len() + payload.unreadable.len() == found.len()
        && found.iter().all(|f| {
            let rel = Cow::Borrowed(f.rel.as_str());
            payload.stats.get(&rel) == Some(&f.stat)
                && (payload.files.contains_key(&rel) || payload.unreadable.contains_key(&f.rel))
        });
    if !unchanged {
        return Ok(None);
    }
    let Some(index) = open_as_is(dir) else {
        return Ok(None);
    };
    // Every file the payload names was found (checked above).
    let mut skipped = skipped.to_vec();
    skipped.extend(
        payload
            .unreadable
            .into_iter()
            .map(|(file, reason)| Skipped { file, reason }),
    );
    skipped.sort_by(|a, b| natural_cmp(&a.file, &b.file));
    let mut warnings: Vec<(String, String)> = payload
        .warnings
        .into_iter()
        .flat_map(|(file, ws)| ws.into_iter().map(move |w| (file.clone(), w)))
        .collect();
    warnings.sort_by(|a, b| natural_cmp(&a.0, &b.0));
    Ok(Some(QuickSearch {
        results: index.search(query, limit)?,
        skipped,
        warnings,
        notice: None,
        synced: None,
        busy: false,
        vouched: false,
    }))
}

/// Opens the index in `dir` as it is, for a search that has proved it
/// current; `None` when it needs any repair (the slow path does that).
fn open_as_is(dir: &Path) -> Option<SearchIndex> {
    let (expected, fields) = schema::build();
    let index = Index::open_in_dir(dir).ok()?;
    if serde_json::to_string(&index.schema()).ok() != serde_json::to_string(&expected).ok() {
        return None;
    }
    SearchIndex::with(index, Some(dir), fields, None).ok()
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
    let Some(index) = open_as_is(dir) else {
        return Ok(None);
    };
    let results = index.search(query, limit)?;
    let mut files: Vec<&str> = results.hits.iter().map(|h| h.file.as_str()).collect();
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
