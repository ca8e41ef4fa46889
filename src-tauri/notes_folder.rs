//! Opening a notes folder: at launch and when the user picks another one in
//! the settings. Installs the library, watches the folder and builds its
//! index off the main thread (the UI hears `index-ready` or `index-failed`).

use crate::state::AppState;
use crate::watcher::{self, Watchers};
use pilgi_core::{Library, Locations};
use std::path::PathBuf;
use std::time::Instant;
use tauri::{AppHandle, Emitter, Manager};

/// Opens the notes at `locations` and makes them the app's library.
pub fn open(app: &AppHandle, locations: Locations) -> pilgi_core::Result<()> {
    let notes = locations.notes.clone();
    let library = Library::open(locations)?;
    match app.try_state::<AppState>() {
        Some(state) => state.switch(library),
        None => {
            app.manage(AppState::new(library));
        }
    }
    let watcher = watcher::watch_notes(app.clone(), &notes)
        .map_err(|e| eprintln!("pilgi: not watching {}: {e}", notes.display()))
        .ok();
    app.state::<Watchers>().set_notes(watcher);
    let app = app.clone();
    std::thread::Builder::new()
        .name("pilgi-index".into())
        .spawn(move || {
            yield_to_the_ui();
            build_index(&app)
        })
        .map_err(|e| pilgi_core::Error::Invalid(format!("cannot start indexing: {e}")))?;
    Ok(())
}

/// Lowers this thread's CPU priority (nice 10, Linux threads have their
/// own): at launch the index is built while WebKit starts its processes
/// and paints, and on two cores the first paint should not wait for it.
fn yield_to_the_ui() {
    // SAFETY: setpriority only reads its integer arguments; `who` 0 is the
    // calling thread on Linux.
    let _ = unsafe { libc::setpriority(libc::PRIO_PROCESS, 0, 10) };
}

/// Opens and syncs the search index, so the window paints at once and
/// search follows.
fn build_index(app: &AppHandle) {
    let started = Instant::now();
    let state = app.state::<AppState>();
    let generation = state.generation();
    match state.read(|lib| lib.index()) {
        Ok((index, report)) => {
            if !state.set_index(index, generation) {
                return; // another folder was opened meanwhile
            }
            eprintln!("pilgi: search ready ({} ms)", started.elapsed().as_millis());
            let _ = app.emit("index-ready", report);
        }
        Err(e) => {
            eprintln!("pilgi: search unavailable: {e}");
            let _ = app.emit("index-failed", e.to_string());
        }
    }
    give_back_memory();
}

/// Returns the heap the build freed to the system. Indexing allocates in
/// bursts on its own threads (postings, analysis caches); glibc keeps those
/// freed pages in per-thread arenas for reuse, which would leave the app
/// resident at its launch peak for as long as it runs.
fn give_back_memory() {
    // SAFETY: malloc_trim only walks glibc's own arenas; it takes no pointers.
    unsafe { libc::malloc_trim(0) };
}

/// The notes shipped with the app: the bundle's resources when installed,
/// the repo's `notes/` in a source checkout.
pub fn bundled(app: &AppHandle) -> PathBuf {
    app.path()
        .resource_dir()
        .map(|d| d.join("notes"))
        .ok()
        .filter(|d| d.is_dir())
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/notes")))
}
