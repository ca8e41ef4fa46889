//! The facade both front ends use: one notes folder with its index and data.

use crate::corpus::Corpus;
use crate::paths::Locations;
use crate::timeline::Timeline;
use crate::{Error, Result, Section};

/// An opened notes library. Cheap to query; [`Library::reload`] re-reads the
/// folder after it changed.
#[derive(Debug)]
pub struct Library {
    locations: Locations,
    corpus: Corpus,
}

impl Library {
    /// Opens the notes folder named by `locations` and reads every note.
    /// A folder that does not exist is an error; bad files inside it are not
    /// (they are listed in [`Corpus::skipped`]).
    pub fn open(locations: Locations) -> Result<Library> {
        if !locations.notes.is_dir() {
            return Err(Error::NotFound(format!(
                "notes folder {} does not exist",
                locations.notes.display()
            )));
        }
        let corpus = Corpus::load(&locations.notes);
        Ok(Library { locations, corpus })
    }

    /// Re-reads the notes folder.
    pub fn reload(&mut self) {
        self.corpus = Corpus::load(&self.locations.notes);
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
        let open_and_sync = || {
            let index = crate::index::SearchIndex::open(&self.locations.index)?;
            let report = index.sync(&self.corpus)?;
            Ok((index, report))
        };
        crate::index::rebuild_if_damaged(&self.locations.index, open_and_sync, |done, why| {
            done.1.rebuilt = Some(why)
        })
    }

    /// Searches the notes, building or refreshing the index first. When
    /// another process is updating the index, the index as it is is searched.
    pub fn search(&self, query: &str, limit: usize) -> Result<crate::index::SearchResults> {
        let index = crate::index::SearchIndex::open(&self.locations.index)?;
        match index.sync(&self.corpus) {
            Ok(_) | Err(Error::Busy) => index.search(query, limit),
            Err(e) => Err(e),
        }
    }
}
