//! Pilgi's desktop shell: opens the notes library, serves `ui/` and exposes
//! the IPC commands. All real work happens in `pilgi-core`.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod ipc_error;
mod state;

use pilgi_core::{Library, Locations};
use std::path::PathBuf;
use tauri::Manager;

fn main() {
    tauri::Builder::default()
        .setup(|app| {
            let locations = Locations::resolve(None, &bundled_notes(app.handle()));
            let library = Library::open(locations)?;
            app.manage(state::AppState::new(library));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::get_timeline,
            commands::get_section,
        ])
        .run(tauri::generate_context!())
        .expect("error while running Pilgi");
}

/// The notes shipped with the app: the bundle's resources when installed,
/// the repo's `notes/` in a source checkout.
fn bundled_notes(app: &tauri::AppHandle) -> PathBuf {
    app.path()
        .resource_dir()
        .map(|d| d.join("notes"))
        .ok()
        .filter(|d| d.is_dir())
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/notes")))
}
