//! Pilgi's desktop shell: opens the notes library, serves `ui/`, exposes the
//! IPC commands, keeps the index in step with the notes folder and owns the
//! quick-lookup window. All real work happens in `pilgi-core`.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod display;
mod events;
mod hotkey;
mod ipc;
mod ipc_error;
#[cfg(test)]
mod ipc_listed;
mod lookup;
mod note_files;
mod notes_folder;
mod renderer;
mod state;
mod watcher;

use pilgi_core::{Locations, Settings};
use tauri::Manager;

fn main() {
    renderer::choose();
    display::open_or_exit();
    tauri::Builder::default()
        // First: a second launch only brings the running Pilgi forward.
        .plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
            lookup::focus_main(app)
        }))
        .plugin(
            tauri_plugin_window_state::Builder::default()
                .with_denylist(&[lookup::LABEL])
                .build(),
        )
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let handle = app.handle();
            let locations = Locations::resolve(None, &notes_folder::bundled(handle));
            let data = locations.data.clone();
            let bookmarks = watcher::watch_bookmarks(handle.clone(), &data)
                .map_err(|e| eprintln!("pilgi: not watching {}: {e}", data.display()))
                .ok();
            app.manage(watcher::Watchers::new(bookmarks));
            let shortcut = Settings::load(&locations.config).lookup_shortcut;
            notes_folder::open(handle, locations)?;
            lookup::register_at_launch(
                handle,
                shortcut.unwrap_or_else(|| lookup::DEFAULT_SHORTCUT.into()),
            );
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            ipc::notes::get_timeline,
            ipc::notes::get_progress,
            ipc::notes::get_section,
            ipc::search::search,
            ipc::search::list_commands,
            ipc::clipboard::copy_text,
            ipc::bookmarks::list_bookmarks,
            ipc::bookmarks::toggle_bookmark,
            ipc::bookmarks::save_bookmark,
            ipc::bookmarks::remove_bookmark,
            ipc::bookmarks::accept_suggestion,
            ipc::bookmarks::dismiss_suggestion,
            ipc::review::review_queue,
            ipc::review::grade_review,
            ipc::review::study_map,
            ipc::review::mark_opened,
            ipc::review::section_cards,
            ipc::review::add_card,
            ipc::review::remove_card,
            ipc::lookup::hide_lookup,
            ipc::lookup::open_in_main,
            ipc::settings::get_settings,
            ipc::settings::choose_notes_folder,
            ipc::settings::use_bundled_notes,
            ipc::settings::set_lookup_shortcut,
            ipc::settings::set_exam_date,
            ipc::web::open_external,
        ])
        .register_asynchronous_uri_scheme_protocol(note_files::SCHEME, note_files::serve)
        .run(tauri::generate_context!())
        .expect("error while running Pilgi");
}
