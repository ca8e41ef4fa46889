//! Live reload: watches the notes folder and the bookmarks folder. After
//! edits settle, the notes are re-read and re-indexed (only changed files)
//! in a background task, and the UI hears `notes-changed` (then
//! `index-synced`) or `bookmarks-changed` so it can refresh without losing
//! its place.

use crate::state::AppState;
use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager};

/// How long a folder must be quiet before reacting: editors save in bursts
/// (temp file, rename, chmod).
const SETTLE: Duration = Duration::from_millis(200);

/// The watchers; kept in Tauri state so they live as long as the app
/// (dropping a watcher stops it).
pub struct Watchers {
    notes: Mutex<Option<RecommendedWatcher>>,
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

    /// Watches a new notes folder (the old folder's watcher stops).
    pub fn set_notes(&self, watcher: Option<RecommendedWatcher>) {
        *self.notes.lock().unwrap_or_else(|e| e.into_inner()) = watcher;
    }
}

/// Watches the notes folder: reload + incremental re-index on change.
pub fn watch_notes(app: AppHandle, notes: &Path) -> notify::Result<RecommendedWatcher> {
    watch_settled(notes, RecursiveMode::Recursive, move || refresh_notes(&app))
}

/// Watches the bookmarks store's folder so that bookmarks changed by the
/// CLI show up at once.
pub fn watch_bookmarks(app: AppHandle, data_dir: &Path) -> notify::Result<RecommendedWatcher> {
    std::fs::create_dir_all(data_dir).map_err(notify::Error::io)?;
    watch_settled(data_dir, RecursiveMode::NonRecursive, move || {
        if app.state::<AppState>().refresh_bookmarks() {
            let _ = app.emit("bookmarks-changed", ());
        }
    })
}

/// Calls `react` (off the async runtime's workers) once each burst of
/// changes under `path` has settled.
fn watch_settled(
    path: &Path,
    mode: RecursiveMode,
    react: impl Fn() + Clone + Send + Sync + 'static,
) -> notify::Result<RecommendedWatcher> {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if event.is_ok_and(|e| !e.kind.is_access()) {
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

/// Re-reads the notes and tells the UI (`notes-changed`: the reader and the
/// lists redraw at once), then brings the index up to date and tells it
/// again (`index-synced`: the search reruns). The index commit is the
/// slow part of an edit; the reader need not wait for it.
fn refresh_notes(app: &AppHandle) {
    let state = app.state::<AppState>();
    state.write(|lib| lib.reload());
    let _ = app.emit("notes-changed", ());
    let result = state.read(|lib| state.with_index(|index| index.sync(lib.corpus())));
    let message = match result {
        Ok(report) => serde_json::json!({ "ok": true, "report": report }),
        Err(e) => serde_json::json!({ "ok": false, "message": e.message }),
    };
    let _ = app.emit("index-synced", message);
}
