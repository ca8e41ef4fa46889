//! The facade both front ends use: one notes folder with its index and data.

use crate::commands::{extract, Command, CommandHit};
use crate::corpus::Corpus;
use crate::links::Links;
use crate::paths::Locations;
use crate::progress::Report;
use crate::timeline::Timeline;
use crate::{Error, Result, Section};
use std::sync::{Arc, OnceLock};

/// An opened notes library. Cheap to query; [`Library::reload`] re-reads the
/// folder after it changed.
pub struct Library {
    locations: Locations,
    corpus: Corpus,
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
            .finish()
    }
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
        library.corpus = Corpus::load_reporting(&library.locations.notes, progress);
        Ok(library)
    }

    /// The library of the notes folder at `locations` before a note is
    /// read (the app paints its window meanwhile and reads them in the
    /// background): an error if the folder does not exist.
    pub fn unread(locations: Locations) -> Result<Library> {
        if !locations.notes.is_dir() {
            return Err(Error::NotFound(format!(
                "notes folder {} does not exist",
                locations.notes.display()
            )));
        }
        Ok(Library {
            locations,
            corpus: Corpus::default(),
            links: OnceLock::new(),
            commands: OnceLock::new(),
        })
    }

    /// Re-reads the notes folder (only the files that changed, see
    /// [`Corpus::reload`]).
    pub fn reload(&mut self) {
        self.corpus = std::mem::take(&mut self.corpus).reload();
        self.links = OnceLock::new();
        self.commands = OnceLock::new();
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
    /// [`crate::commands::search`]).
    pub fn search_commands(&self, query: &str, limit: usize) -> Vec<CommandHit> {
        crate::commands::search(&self.corpus, self.commands(), query, limit)
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

    /// Opens this folder's search index (in the cache dir) and brings it up
    /// to date with the loaded notes: only files whose content changed are
    /// re-indexed. Another process writing the index gives [`Error::Busy`].
    pub fn index(&self) -> Result<(crate::index::SearchIndex, crate::index::IndexReport)> {
        self.index_reporting(&mut |_| {})
    }

    /// [`Library::index`], telling `progress` after each file indexed.
    pub fn index_reporting(
        &self,
        progress: Report<'_>,
    ) -> Result<(crate::index::SearchIndex, crate::index::IndexReport)> {
        let open_and_sync = || {
            let index = crate::index::SearchIndex::open(&self.locations.index)?;
            let report = index.sync_reporting(&self.corpus, &mut *progress)?;
            Ok((index, report))
        };
        crate::index::rebuild_if_damaged(&self.locations.index, open_and_sync, |done, why| {
            done.1.rebuilt = Some(why)
        })
    }
}
