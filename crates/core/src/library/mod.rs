//! The facade both front ends use: one notes folder with its notes, its
//! search index and what is built from them.
//!
//! The app keeps one [`Library`] for as long as a folder is open: it reads
//! the notes, builds the index (searchable while it is built:
//! [`Library::build_index`]) and,
//! after an edit, re-reads the notes without blocking its readers
//! ([`Library::reread`], then [`Library::set_reread`]) and syncs the index
//! ([`Library::sync_index`]). The CLI searches without loading anything
//! when it can ([`quick_search`]).

mod change;
mod quick_search;

pub use change::Change;
pub use quick_search::{current_index, quick_search, quick_search_reporting, QuickSearch};

use crate::corpus::Corpus;
use crate::index::{rebuild_if_damaged, IndexReport, SearchIndex, SearchResults};
use crate::links::Links;
use crate::paths::Locations;
use crate::progress::Report;
use crate::shell::{extract, Command, CommandHit};
use crate::timeline::Timeline;
use crate::{Error, Result, Section};
use std::sync::{Arc, Mutex, OnceLock};

/// Notes read again after an edit ([`Library::reread`]).
pub struct Reread {
    corpus: Corpus,
    links: Option<Arc<Links>>,
    /// Which views the new notes change.
    pub change: Change,
}

/// An opened notes library. Cheap to query.
pub struct Library {
    locations: Locations,
    corpus: Corpus,
    /// The search index, once opened for these notes: the app shows the
    /// notes before it is, and searches it while it is built
    /// ([`Library::build_index`]). A clone is taken out to search.
    index: Mutex<Option<SearchIndex>>,
    /// The notes' links, built on first use after each (re)load.
    links: OnceLock<Arc<Links>>,
    /// The notes' shell commands, extracted on first use after each
    /// (re)load: the Commands view filters them on every keystroke.
    commands: OnceLock<Vec<Command>>,
}

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Library")
            .field("locations", &self.locations)
            .field("notes", &self.corpus.notes.len())
            .field("indexed", &self.index().is_ok())
            .finish()
    }
}

/// A notes folder that does not exist is an error (bad files inside one
/// are not: they are listed in [`Corpus::skipped`]).
fn must_exist(locations: &Locations) -> Result<()> {
    if locations.notes.is_dir() {
        return Ok(());
    }
    Err(Error::NotFound(format!(
        "notes folder {} does not exist",
        locations.notes.display()
    )))
}

impl Library {
    /// Opens the notes folder named by `locations` and reads every note.
    /// A folder that does not exist is an error; bad files inside it are not
    /// (they are listed in [`Corpus::skipped`]).
    pub fn open(locations: Locations) -> Result<Library> {
        Library::open_reporting(locations, &mut |_| {})
    }

    /// [`Library::open`], telling `progress` after each file read.
    pub fn open_reporting(locations: Locations, progress: Report<'_>) -> Result<Library> {
        let mut library = Library::unread(locations)?;
        library.set_notes(Corpus::load_reporting(&library.locations.notes, progress));
        Ok(library)
    }

    /// Reads every note of the folder at `locations`, telling `progress`
    /// after each file; [`Library::set_notes`] installs them. Takes no
    /// library: the app reads a big vault for seconds without holding its
    /// open one. A folder that does not exist is an error.
    pub fn read_notes(locations: &Locations, progress: Report<'_>) -> Result<Corpus> {
        must_exist(locations)?;
        Ok(Corpus::load_reporting(&locations.notes, progress))
    }

    /// The library of the notes folder at `locations` before a note is
    /// read (the app paints its window meanwhile and reads them in the
    /// background): an error if the folder does not exist.
    pub fn unread(locations: Locations) -> Result<Library> {
        must_exist(&locations)?;
        Ok(Library {
            locations,
            corpus: Corpus::default(),
            index: Mutex::new(None),
            links: OnceLock::new(),
            commands: OnceLock::new(),
        })
    }

    /// The notes read again, reusing the ones whose files did not change
    /// (see [`Corpus::reloaded`]), with which views that changes and, when
    /// they were built, the links brought up to date. Takes `&self`, so
    /// readers go on using this library meanwhile;
    /// [`Library::set_reread`] installs the result.
    pub fn reread(&self) -> Reread {
        let corpus = self.corpus.reloaded();
        let change = Change::between(&self.corpus, &corpus);
        let links = self
            .links
            .get()
            .map(|l| Arc::new(l.reloaded(&self.corpus, &corpus)));
        Reread {
            corpus,
            links,
            change,
        }
    }

    /// Installs newly read notes (and forgets what was built from the old
    /// ones; the index is brought up to date by [`Library::sync_index`]).
    pub fn set_notes(&mut self, corpus: Corpus) {
        self.corpus = corpus;
        self.links = OnceLock::new();
        self.commands = OnceLock::new();
    }

    /// Installs notes read again after an edit ([`Library::reread`]).
    pub fn set_reread(&mut self, reread: Reread) {
        self.set_notes(reread.corpus);
        if let Some(links) = reread.links {
            let _ = self.links.set(links);
        }
    }

    /// Where the notes' links lead, and which notes link to which.
    pub fn links(&self) -> Arc<Links> {
        Arc::clone(
            self.links
                .get_or_init(|| Arc::new(Links::new(&self.corpus))),
        )
    }

    /// Every shell command in the notes, in course order.
    pub fn commands(&self) -> &[Command] {
        self.commands.get_or_init(|| extract(&self.corpus))
    }

    /// The commands matching `query`, one row per command (see
    /// [`crate::shell::search`]).
    pub fn search_commands(&self, query: &str, limit: usize) -> Vec<CommandHit> {
        crate::shell::search(&self.corpus, self.commands(), query, limit)
    }

    /// Where this library lives.
    pub fn locations(&self) -> &Locations {
        &self.locations
    }

    /// The loaded notes.
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// The course timeline.
    pub fn timeline(&self) -> Timeline {
        Timeline::of(&self.corpus)
    }

    /// One section by id.
    pub fn section(&self, id: &str) -> Result<&Section> {
        self.corpus
            .section(id)
            .ok_or_else(|| Error::NotFound(format!("no section with id {id:?}")))
    }

    /// Opens this folder's search index (in the cache dir), installs it
    /// and brings it up to date with the loaded notes, telling `progress`
    /// after each file: only files whose content changed are re-indexed,
    /// and a damaged index is rebuilt (the report says why). Takes `&self`:
    /// a big build takes seconds, and meanwhile [`Library::search`] answers
    /// from its checkpoints, saying how much they hold. Another process
    /// writing the index gives [`Error::Busy`].
    pub fn build_index(&self, progress: Report<'_>) -> Result<(SearchIndex, IndexReport)> {
        let open_and_sync = || {
            let index = SearchIndex::open(&self.locations.index)?;
            *self.index.lock().unwrap_or_else(|e| e.into_inner()) = Some(index.clone());
            let report = index.sync_reporting(&self.corpus, &mut *progress)?;
            Ok((index, report))
        };
        rebuild_if_damaged(&self.locations.index, open_and_sync, |done, why| {
            done.1.rebuilt = Some(why)
        })
    }

    /// Opens the folder's index for search before any note is read, when
    /// it holds the folder exactly as it is now ([`current_index`]); says
    /// whether it did. [`Library::build_index`] opens it the full way later.
    pub fn open_current_index(&self) -> bool {
        let Some(index) = current_index(&self.locations) else {
            return false;
        };
        *self.index.lock().unwrap_or_else(|e| e.into_inner()) = Some(index);
        true
    }

    /// The best `limit` sections for `query`; [`Error::Indexing`] until the
    /// index is opened.
    pub fn search(&self, query: &str, limit: usize) -> Result<SearchResults> {
        self.index()?.search(query, limit)
    }

    /// Brings the index up to date with the notes as now loaded (after
    /// [`Library::set_notes`]); [`Error::Indexing`] until it is opened.
    pub fn sync_index(&self) -> Result<IndexReport> {
        self.index()?.sync(&self.corpus)
    }

    fn index(&self) -> Result<SearchIndex> {
        let index = self.index.lock().unwrap_or_else(|e| e.into_inner());
        index.clone().ok_or(Error::Indexing)
    }
}
