//! Opening a notes folder: at launch and when the user picks another one in
//! the settings. Installs the library, watches the folder and builds its
//! index off the main thread (the UI hears `index-ready` or `index-failed`).

use crate::events;
use crate::state::AppState;
use crate::watcher::{self, Watchers};
use pilgi_core::progress::Progress;
use pilgi_core::watch_lease::WatchLease;
use pilgi_core::{Library, Locations};
use pilgi_i18n::t;
use std::path::PathBuf;
use std::time::Instant;
use tauri::{AppHandle, Emitter, Manager};

/// Opens the notes at `locations` and makes them the app's library: the
/// folder is checked at once, its notes are read and indexed in the
/// background with progress (`index-progress` events; the commands that
/// need the notes wait for them), then the UI hears `index-ready` or
/// `index-failed`.
pub fn open(app: &AppHandle, locations: Locations) -> pilgi_core::Result<()> {
    let notes = locations.notes.clone();
    let library = Library::unread(locations.clone())?;
    match app.try_state::<AppState>() {
        Some(state) => state.switch(library),
        None => {
            app.manage(AppState::new(library));
        }
    }
    let watch = watcher::watch_notes(app.clone(), &locations)
        .map_err(|e| eprintln!("pilgi: not watching {}: {e}", notes.display()))
        .ok();
    // Taken before the notes are read: a change heard from here on is
    // not vouched for by this first build.
    let lease = watch.as_ref().and_then(|w| w.lease.clone());
    let ticket = lease.as_ref().map(|lease| lease.ticket());
    app.state::<Watchers>().set_notes(watch);
    let app = app.clone();
    std::thread::Builder::new()
        .name("pilgi-index".into())
        .spawn(move || {
            yield_to_the_ui();
            let ready = search_at_once(&app);
            if read_notes(&app, &locations) {
                build_index(&app, lease.as_deref().zip(ticket), !ready);
            }
        })
        .map_err(|e| {
            pilgi_core::Error::Invalid(t!("app-cannot-start-indexing", error = e.to_string()))
        })?;
    Ok(())
}

/// Lowers this thread's CPU priority (nice 10, Linux threads have their
/// own): at launch the index is built while WebKit starts its processes
/// and paints, and on two cores the first paint should not wait for it.
fn yield_to_the_ui() {
    // SAFETY: setpriority only reads its integer arguments; `who` 0 is the
    // calling thread on Linux.
    #[cfg(target_os = "linux")]
    let _ = unsafe { libc::setpriority(libc::PRIO_PROCESS, 0, 10) };
}

/// Searches the index as it is when a scan proves it holds the folder
/// exactly as it is now, before any note is read (the page hears
/// `search-ready`, stderr "search ready"): on a vault of 100k sections
/// that is milliseconds, reading the notes for the other views seconds.
/// False when it does not.
fn search_at_once(app: &AppHandle) -> bool {
    let started = Instant::now();
    let state = app.state::<AppState>();
    let generation = state.generation();
    let ready = state.read(|lib| state.generation() == generation && lib.open_current_index());
    if ready {
        eprintln!("pilgi: search ready ({} ms)", started.elapsed().as_millis());
        let _ = app.emit(events::SEARCH_READY, ());
    }
    ready
}

/// Reads the notes (all of them: the folder was just opened) and installs
/// them; false when another folder was opened meanwhile or this one
/// vanished.
fn read_notes(app: &AppHandle, locations: &Locations) -> bool {
    let state = app.state::<AppState>();
    let generation = state.generation();
    let mut progress = Throttled::new(app);
    match Library::read_notes(locations, &mut |p| progress.report(p)) {
        Ok(corpus) => state.set_read(Some(corpus), generation),
        Err(e) => {
            finished(app);
            eprintln!("pilgi: cannot read the notes: {e}");
            let _ = app.emit(events::INDEX_FAILED, e.to_string());
            state.set_read(None, generation);
            false
        }
    }
}

/// Progress for the window, at most every [`PROGRESS_EVERY`] (a vault
/// reports once per file, thousands of times a second).
struct Throttled<'a> {
    app: &'a AppHandle,
    last: Option<Instant>,
}

const PROGRESS_EVERY: std::time::Duration = std::time::Duration::from_millis(50);

impl<'a> Throttled<'a> {
    fn new(app: &'a AppHandle) -> Self {
        Throttled { app, last: None }
    }

    fn report(&mut self, p: &Progress<'_>) {
        let last = p.files_done == p.files_total;
        if last || self.last.is_none_or(|t| t.elapsed() >= PROGRESS_EVERY) {
            self.last = Some(Instant::now());
            let value = serde_json::to_value(p).ok();
            self.app.state::<AppState>().set_progress(value);
            let _ = self.app.emit(events::INDEX_PROGRESS, p);
        }
    }
}

/// The work is done (or failed): no progress to show any more.
fn finished(app: &AppHandle) {
    app.state::<AppState>().set_progress(None);
}

/// Opens and syncs the search index, so the window paints at once and
/// search follows (from the first checkpoint of a big build on); then
/// vouches for it through `lease` (with the ticket taken before the notes
/// were read). `announce`: say "search ready" (not said yet).
fn build_index(app: &AppHandle, lease: Option<(&WatchLease, u64)>, announce: bool) {
    let started = Instant::now();
    let state = app.state::<AppState>();
    let generation = state.generation();
    let mut progress = Throttled::new(app);
    // Searches answer from the index's checkpoints while it is built.
    let built = state.read(|lib| lib.build_index(&mut |p| progress.report(p)));
    match built {
        Ok((_, report)) => {
            if state.generation() != generation {
                return; // another folder was opened meanwhile
            }
            // Notes re-read after an edit while it was built are indexed
            // now (cheap when there were none); then the lease vouches.
            if let Err(e) = state.sync_index(lease) {
                eprintln!("pilgi: cannot bring the index up to date: {e}");
            }
            finished(app);
            let ms = started.elapsed().as_millis();
            if announce {
                eprintln!("pilgi: search ready ({ms} ms)");
            }
            eprintln!("pilgi: notes read and indexed ({ms} ms)");
            let _ = app.emit(events::INDEX_READY, report);
        }
        Err(e) => {
            finished(app);
            eprintln!("pilgi: search unavailable: {e}");
            let _ = app.emit(events::INDEX_FAILED, e.to_string());
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
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    unsafe {
        libc::malloc_trim(0)
    };
}

/// The notes shipped with the app: the bundle's resources when installed,
/// see [`pilgi_core::paths::bundled_notes`].
pub fn bundled(app: &AppHandle) -> PathBuf {
    pilgi_core::paths::bundled_notes(app.path().resource_dir().map(|d| d.join("notes")).ok())
}
