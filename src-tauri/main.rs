//! Pilgi's desktop shell: opens the notes library, serves `ui/`, exposes the
//! IPC commands and keeps the index in step with the notes folder. All real
//! work happens in `pilgi-core`.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod ipc_error;
mod state;
mod watcher;

use pilgi_core::{Library, Locations};
use state::AppState;
use std::path::PathBuf;
use tauri::{AppHandle, Emitter, Manager};

fn main() {
    tauri::Builder::default()
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_clipboard_manager::init())
        .setup(|app| {
            let locations = Locations::resolve(None, &bundled_notes(app.handle()));
            let (notes, data) = (locations.notes.clone(), locations.data.clone());
            app.manage(AppState::new(Library::open(locations)?));
            let handle = app.handle();
            let watchers = [
                (watcher::watch_notes(handle.clone(), &notes), &notes),
                (watcher::watch_bookmarks(handle.clone(), &data), &data),
            ]
            .into_iter()
            .filter_map(|(w, path)| {
                w.map_err(|e| eprintln!("pilgi: not watching {}: {e}", path.display()))
                    .ok()
            })
            .collect();
            app.manage(watcher::Watchers::new(watchers));
            let handle = app.handle().clone();
            tauri::async_runtime::spawn_blocking(move || build_index(&handle));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::notes::get_timeline,
            commands::notes::get_section,
            commands::search::search,
            commands::search::list_commands,
            commands::clipboard::copy_text,
            commands::bookmarks::list_bookmarks,
            commands::bookmarks::toggle_bookmark,
            commands::bookmarks::save_bookmark,
            commands::bookmarks::remove_bookmark,
            commands::bookmarks::accept_suggestion,
            commands::bookmarks::dismiss_suggestion,
        ])
        .run(tauri::generate_context!())
        .expect("error while running Pilgi");
}

/// Opens and syncs the search index off the main thread, so the window
/// paints at once; the UI hears `index-ready` (or `index-failed`).
fn build_index(app: &AppHandle) {
    let state = app.state::<AppState>();
    match state.read(|lib| lib.index()) {
        Ok((index, report)) => {
            state.set_index(index);
            let _ = app.emit("index-ready", report);
        }
        Err(e) => {
            let _ = app.emit("index-failed", e.to_string());
        }
    }
}

/// The notes shipped with the app: the bundle's resources when installed,
/// the repo's `notes/` in a source checkout.
fn bundled_notes(app: &AppHandle) -> PathBuf {
    app.path()
        .resource_dir()
        .map(|d| d.join("notes"))
        .ok()
        .filter(|d| d.is_dir())
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/notes")))
}
