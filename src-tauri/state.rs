//! What the app keeps between IPC calls: the opened notes library (with
//! its search index), the bookmarks store and which folder is open.

use crate::ipc_error::{IpcError, IpcResult};
use pilgi_core::bookmarks::Store;
use pilgi_core::index::IndexReport;
use pilgi_core::library::Change;
use pilgi_core::watch_lease::WatchLease;
use pilgi_core::{Corpus, Library};
use pilgi_i18n::t;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, RwLock};

/// Managed by Tauri (`app.manage`); commands borrow it.
pub struct AppState {
    /// The notes library. Reads share the lock; installing newly read
    /// notes or the index takes it for a moment.
    library: RwLock<Library>,
    /// The bookmarks store, or why it could not be opened (the app still
    /// works for reading and searching).
    bookmarks: Result<Mutex<Store>, String>,
    /// Bumped on each notes-folder switch.
    generation: AtomicU64,
    /// The generation whose notes are read (see [`AppState::notes_read`]).
    read: tokio::sync::watch::Sender<Option<u64>>,
    /// The last progress of reading and indexing the notes, while that
    /// runs (a page that loads late shows it at once).
    progress: Mutex<Option<serde_json::Value>>,
}

impl AppState {
    /// Wraps an opened library and opens the bookmarks store in the data
    /// dir; the index comes later ([`Library::build_index`]).
    pub fn new(library: Library) -> Self {
        let bookmarks = Store::open(&library.locations().data)
            .map(Mutex::new)
            .map_err(|e| e.to_string());
        AppState {
            library: RwLock::new(library),
            bookmarks,
            generation: AtomicU64::new(0),
            read: tokio::sync::watch::Sender::new(None),
            progress: Mutex::new(None),
        }
    }

    /// Waits until the open folder's notes are read: the window paints
    /// while a big vault is read in the background, and a command that
    /// needs the notes (the timeline, a section, the bookmarks, which are
    /// anchored against them) answers once they are there.
    pub async fn notes_read(&self) {
        let mut read = self.read.subscribe();
        let _ = read.wait_for(|g| *g == Some(self.generation())).await;
    }

    /// The last progress of reading and indexing the notes, `None` once
    /// that is done.
    pub fn progress(&self) -> Option<serde_json::Value> {
        self.progress
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Records the last progress (`None`: the work is done).
    pub fn set_progress(&self, progress: Option<serde_json::Value>) {
        *self.progress.lock().unwrap_or_else(|e| e.into_inner()) = progress;
    }

    /// Installs the read notes of the folder opened at `generation` (`None`:
    /// they could not be read, the folder stays as it is, empty), unless
    /// the user switched folders meanwhile (then returns false). Either way
    /// the commands waiting for the notes go on.
    pub fn set_read(&self, notes: Option<Corpus>, generation: u64) -> bool {
        let installed = self.write(|lib| {
            if self.generation() != generation {
                return false;
            }
            if let Some(notes) = notes {
                lib.set_notes(notes);
            }
            true
        });
        if installed {
            self.read.send_replace(Some(generation));
        }
        installed
    }

    /// Runs `f` with the bookmarks store and the notes, once they are read
    /// (bookmarks are anchored against them).
    pub async fn with_bookmarks<T>(
        &self,
        f: impl FnOnce(&mut Store, &Corpus) -> pilgi_core::Result<T>,
    ) -> IpcResult<T> {
        self.notes_read().await;
        let store = self.bookmarks.as_ref().map_err(|why| {
            IpcError::new(
                "bookmarks",
                t!("app-bookmarks-unavailable", why = why.to_string()),
            )
        })?;
        let mut store = store.lock().unwrap_or_else(|e| e.into_inner());
        self.read(|lib| Ok(f(&mut store, lib.corpus())?))
    }

    /// Runs `f` with the library for reading. A poisoned lock (a panic in
    /// another command) still holds a consistent library: reads go on.
    pub fn read<T>(&self, f: impl FnOnce(&Library) -> T) -> T {
        let guard = self.library.read().unwrap_or_else(|e| e.into_inner());
        f(&guard)
    }

    /// Runs `f` with the library for writing (reloads).
    pub fn write<T>(&self, f: impl FnOnce(&mut Library) -> T) -> T {
        let mut guard = self.library.write().unwrap_or_else(|e| e.into_inner());
        f(&mut guard)
    }

    /// Re-reads the bookmarks store if another process changed it; returns
    /// whether anything changed.
    pub fn refresh_bookmarks(&self) -> bool {
        let Ok(store) = &self.bookmarks else {
            return false;
        };
        let mut store = store.lock().unwrap_or_else(|e| e.into_inner());
        store.refresh().unwrap_or(false)
    }

    /// Replaces the library with another notes folder's (not read yet: see
    /// [`AppState::set_read`]); search waits for its index (the bookmarks
    /// are the user's, not the folder's: kept).
    pub fn switch(&self, library: Library) {
        self.write(|lib| {
            self.generation.fetch_add(1, Ordering::SeqCst);
            *lib = library;
        });
    }

    /// Which library is open: work begun for an older one is dropped.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    /// Brings the index up to date with the notes as installed, then
    /// vouches for it through `lease` (with the ticket taken before those
    /// notes were read: a change heard since is not vouched for).
    pub fn sync_index(&self, lease: Option<(&WatchLease, u64)>) -> pilgi_core::Result<IndexReport> {
        self.read(|lib| {
            let report = lib.sync_index()?;
            if let Some((lease, ticket)) = lease {
                lease.indexed(ticket, &report, lib.corpus());
            }
            Ok(report)
        })
    }

    /// Reads the open folder's notes again (after an edit) without
    /// blocking the readers, then installs them; says which views that
    /// changes, `None` when another folder was opened meanwhile or the
    /// first read is not done yet.
    pub fn reread_notes(&self) -> Option<Change> {
        let generation = self.generation();
        if self.read.borrow().is_none_or(|read| read != generation) {
            return None;
        }
        let reread = self.read(|lib| lib.reread());
        let change = reread.change;
        self.write(|lib| {
            let current = self.generation() == generation;
            if current {
                lib.set_reread(reread);
            }
            current.then_some(change)
        })
    }
}
