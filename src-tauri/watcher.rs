//! Live reload: watches the notes folder and the bookmarks folder. After
//! edits settle, the notes are re-read and re-indexed (only changed files)
//! in a background task, and the UI hears `notes-changed` (then
//! `index-synced`) or `bookmarks-changed` so it can refresh without losing
//! its place. While the index holds every change heard, the notes
//! watcher's [`WatchLease`] vouches for it to `pilgi search`.

use crate::events;
use crate::state::AppState;
use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use pilgi_core::watch_lease::WatchLease;
use pilgi_core::Locations;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager};

/// How long a folder must be quiet before reacting: editors save in bursts
/// (temp file, rename, chmod) that last a few milliseconds; each event
/// starts the wait again, so a long burst (a `git checkout`) still ends in
/// one reload. 50 ms, as watchexec waits by default; 200 ms made every
/// edit reach the window 150 ms later, and a burst split by a longer
/// pause only costs a second re-read of the changed files.
const SETTLE: Duration = Duration::from_millis(50);

/// The watchers; kept in Tauri state so they live as long as the app
/// (dropping a watcher stops it).
pub struct Watchers {
    notes: Mutex<Option<NotesWatch>>,
    _bookmarks: Option<RecommendedWatcher>,
}

impl Watchers {
    /// Keeps the bookmarks watcher running; the notes one comes with the
    /// notes folder ([`Watchers::set_notes`]).
    pub fn new(bookmarks: Option<RecommendedWatcher>) -> Self {
        Watchers {
            notes: Mutex::new(None),
            _bookmarks: bookmarks,
        }
    }

    /// Watches a new notes folder (the old folder's watcher stops, and
    /// its lease with it).
    pub fn set_notes(&self, watch: Option<NotesWatch>) {
        *self.notes.lock().unwrap_or_else(|e| e.into_inner()) = watch;
    }
}

/// The watcher of a notes folder and, when the app could take it, the
/// lease through which it vouches for the folder's index to `pilgi search`.
pub struct NotesWatch {
    _watcher: RecommendedWatcher,
    /// Shared with the watcher's callbacks.
    pub lease: Option<Arc<WatchLease>>,
}

/// Watches the notes folder: reload + incremental re-index on change, each
/// change withdrawing the lease's word until it is indexed.
pub fn watch_notes(app: AppHandle, locations: &Locations) -> notify::Result<NotesWatch> {
    let lease = WatchLease::take(&locations.index).map(Arc::new);
    let heard = lease.clone();
    let refreshed = lease.clone();
    let watcher = watch_settled(
        &locations.notes,
        RecursiveMode::Recursive,
        move |event| match (event, &heard) {
            (Ok(_), Some(lease)) => lease.heard(),
            (Err(_), Some(lease)) => lease.broken(),
            (_, None) => {}
        },
        move || refresh_notes(&app, refreshed.as_deref()),
    )?;
    Ok(NotesWatch {
        _watcher: watcher,
        lease,
    })
}

/// Watches the bookmarks store's folder so that bookmarks changed by the
/// CLI show up at once.
pub fn watch_bookmarks(app: AppHandle, data_dir: &Path) -> notify::Result<RecommendedWatcher> {
    std::fs::create_dir_all(data_dir).map_err(notify::Error::io)?;
    watch_settled(
        data_dir,
        RecursiveMode::NonRecursive,
        |_| {},
        move || {
            if app.state::<AppState>().refresh_bookmarks() {
                let _ = app.emit(events::BOOKMARKS_CHANGED, ());
            }
        },
    )
}

/// Calls `heard` at once for each change or failure under `path` (on the
/// watcher's thread), and `react` (off the async runtime's workers) once
/// each burst of changes has settled.
fn watch_settled(
    path: &Path,
    mode: RecursiveMode,
    heard: impl Fn(&notify::Result<()>) + Send + 'static,
    react: impl Fn() + Clone + Send + Sync + 'static,
) -> notify::Result<RecommendedWatcher> {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let event = match event {
            Ok(e) if e.kind.is_access() => return,
            Ok(_) => Ok(()),
            Err(e) => Err(e),
        };
        heard(&event);
        if event.is_ok() {
            let _ = tx.send(());
        }
    })?;
    watcher.watch(path, mode)?;
    tauri::async_runtime::spawn(async move {
        while rx.recv().await.is_some() {
            while let Ok(Some(())) = tokio::time::timeout(SETTLE, rx.recv()).await {}
            let _ = tauri::async_runtime::spawn_blocking(react.clone()).await;
        }
    });
    Ok(watcher)
}

/// Re-reads the notes and tells the UI (`notes-changed`, with which views
/// changed: the reader and those redraw at once), then brings the index up to date and tells it
/// again (`index-synced`: the search reruns). The index commit is the
/// slow part of an edit; the reader need not wait for it.
fn refresh_notes(app: &AppHandle, lease: Option<&WatchLease>) {
    let state = app.state::<AppState>();
    let ticket = lease.map(WatchLease::ticket);
    let Some(change) = state.reread_notes() else {
        return;
    };
    let _ = app.emit(events::NOTES_CHANGED, change);
    let result = state.sync_index(lease.zip(ticket));
    let message = match result {
        Ok(report) => serde_json::json!({ "ok": true, "report": report }),
        Err(e) => serde_json::json!({ "ok": false, "message": e.to_string() }),
    };
    let _ = app.emit(events::INDEX_SYNCED, message);
}
