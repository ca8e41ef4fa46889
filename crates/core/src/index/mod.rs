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
//! assert_eq!(results.hits[0].section.title, "Pods");
//! assert!(results.hits[0].snippet.0.iter().any(|span| span.marked));
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
pub use writer::{IndexReport, Partial};

use crate::analysis::tokenizer;
use crate::corpus::Corpus;
use crate::progress::Report;
use crate::{Error, Result};
use pilgi_i18n::Message;
use schema::{Fields, SCHEMA_VERSION};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tantivy::{Index, IndexReader, ReloadPolicy};
use writer::Payload;

/// An opened search index. Clones share it (a search goes on while a
/// clone builds it).
#[derive(Clone)]
pub struct SearchIndex {
    index: Index,
    /// The folder of an on-disk index (its state file lives there too).
    dir: Option<PathBuf>,
    reader: IndexReader,
    fields: Fields,
    notice: Option<Message>,
    /// What the searched commit holds while it is a checkpoint of a build
    /// (a build in progress, or one killed before it ended).
    partial: Arc<Mutex<Option<Partial>>>,
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

/// Opens an existing index (and what it holds, when its last commit is a
/// checkpoint), `Ok(None)` when there is none, `Err(reason)` when it must be
/// rebuilt.
fn try_open(dir: &Path) -> std::result::Result<Option<(Index, Option<Partial>)>, String> {
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
        payload => Ok(Some((index, payload.and_then(|p| p.partial)))),
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
        let (index, partial) = match try_open(dir) {
            Ok(Some(opened)) => opened,
            Ok(None) => (Index::create_in_dir(dir, schema)?, None),
            Err(reason) => {
                notice = Some(rebuilt(reason));
                clear(dir)?;
                (Index::create_in_dir(dir, schema)?, None)
            }
        };
        match SearchIndex::with(index, Some(dir), fields, notice.clone()) {
            Ok(ix) => {
                ix.set_partial(partial);
                Ok(ix)
            }
            Err(e) if notice.is_none() => {
                // Readable metadata but unreadable segments: rebuild once.
                clear(dir)?;
                let (schema, fields) = schema::build();
                let index = Index::create_in_dir(dir, schema)?;
                SearchIndex::with(index, Some(dir), fields, Some(rebuilt(e.to_string())))
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
        notice: Option<Message>,
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
            partial: Arc::default(),
        })
    }

    fn set_partial(&self, partial: Option<Partial>) {
        *self.partial.lock().unwrap_or_else(|e| e.into_inner()) = partial;
    }

    /// How much of the notes the index holds while it is being built (or
    /// after a build was killed, until the next sync ends); `None` when it
    /// holds them all.
    pub fn partial(&self) -> Option<Partial> {
        *self.partial.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Why the index was rebuilt when opened, if it was.
    pub fn notice(&self) -> Option<&Message> {
        self.notice.as_ref()
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

    /// [`SearchIndex::sync`], telling `progress` after each file. A big
    /// sync's checkpoints are searchable at once (through every clone),
    /// and the results say how much they hold ([`SearchResults::partial`]).
    pub fn sync_reporting(&self, corpus: &Corpus, progress: Report<'_>) -> Result<IndexReport> {
        let dir = self.dir.as_deref();
        let mut checkpoint = |partial| {
            self.reader.reload()?;
            self.set_partial(Some(partial));
            Ok(())
        };
        let mut report = writer::sync(
            &self.index,
            dir,
            &self.fields,
            corpus,
            progress,
            &mut checkpoint,
        )?;
        report.rebuilt = self.notice.clone();
        report.opstamp = self.index.load_metas()?.opstamp;
        self.reader.reload()?;
        self.set_partial(None);
        Ok(report)
    }

    /// The best `limit` sections for `query`. Any text is a valid query:
    /// junk gives an empty list, never an error.
    pub fn search(&self, query: &str, limit: usize) -> Result<SearchResults> {
        let partial = self.partial();
        let mut results = search::search(&self.reader.searcher(), &self.fields, query, limit)?;
        results.partial = partial;
        Ok(results)
    }

    /// How many sections the index holds.
    pub fn num_sections(&self) -> u64 {
        self.reader.searcher().num_docs()
    }
}

/// Says that the index was rebuilt, and why (the reason in the words of
/// the check or the library that failed).
fn rebuilt(reason: String) -> Message {
    Message::new("index-rebuilt").arg("reason", reason)
}

/// Runs `f` on the index in `dir`; if tantivy panicked on damaged files,
/// clears the index and runs `f` once more (on a fresh, empty index that
/// `f` fills), telling `note` why. A second panic is an error, not a crash.
pub fn rebuild_if_damaged<T>(
    dir: &Path,
    mut f: impl FnMut() -> Result<T>,
    note: impl FnOnce(&mut T, Message),
) -> Result<T> {
    match catch_damage(&mut f) {
        Err(Error::Index(why)) if why.starts_with(DAMAGED) => {
            clear(dir)?;
            let mut done = catch_damage(&mut f)?;
            note(&mut done, rebuilt(why));
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
pub(crate) fn catch_damage<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
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

impl SearchIndex {
    /// Opens the index in `dir` as it is, for a search that has proved it
    /// current without opening it; `None` when it needs any repair (a damaged
    /// or older index: [`SearchIndex::open`] does that).
    pub fn open_as_is(dir: &Path) -> Option<SearchIndex> {
        let (expected, fields) = schema::build();
        let index = Index::open_in_dir(dir).ok()?;
        if serde_json::to_string(&index.schema()).ok() != serde_json::to_string(&expected).ok() {
            return None;
        }
        SearchIndex::with(index, Some(dir), fields, None).ok()
    }
}
