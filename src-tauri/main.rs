//! Pilgi's desktop shell: opens the notes library, serves `ui/`, exposes the
//! IPC commands, keeps the index in step with the notes folder and owns the
//! quick-lookup window. All real work happens in `pilgi-core`.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod display;
mod events;
mod hotkey;
mod ipc;
mod ipc_error;
mod ipc_listed;
mod launch;
mod lookup;
mod note_files;
mod notes_folder;
#[cfg(target_os = "linux")]
mod renderer;
mod state;
mod watcher;

use launch::Launch;
use pilgi_core::{Locations, Settings};
use tauri::{Manager, WebviewWindowBuilder, WindowEvent};
use tauri_plugin_window_state::StateFlags;

fn main() {
    let launch = Launch::from_args();
    let settings = pilgi_core::Settings::load(&pilgi_core::paths::config_dir());
    pilgi_i18n::set(settings.interface_language());
    #[cfg(target_os = "linux")]
    renderer::choose();
    display::open_or_exit();
    tauri::Builder::default()
        // First: a second launch hands its arguments to the running Pilgi
        // and exits.
        .plugin(tauri_plugin_single_instance::init(|app, argv, _cwd| {
            Launch::handed_over(argv).apply(app)
        }))
        .plugin(
            tauri_plugin_window_state::Builder::default()
                .with_denylist(&[lookup::LABEL])
                // Whether the main window shows is this launch's choice
                // (`--lookup` starts it hidden), never the last session's.
                .with_state_flags(StateFlags::all() - StateFlags::VISIBLE)
                .build(),
        )
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_dialog::init())
        .setup(move |app| {
            let handle = app.handle();
            // Built here, first, not by Tauri from tauri.conf.json
            // (`"create": false`): a `--lookup` launch starts with it hidden.
            let windows = &app.config().app.windows;
            let main = windows.iter().find(|w| w.label == lookup::MAIN);
            let main = main.expect("tauri.conf.json (compiled in) defines the main window");
            WebviewWindowBuilder::from_config(handle, main)?
                .visible(!launch.lookup)
                .build()?;
            let locations = Locations::resolve(None, &notes_folder::bundled(handle));
            let data = locations.data.clone();
            let bookmarks = watcher::watch_bookmarks(handle.clone(), &data)
                .map_err(|e| eprintln!("pilgi: not watching {}: {e}", data.display()))
                .ok();
            app.manage(watcher::Watchers::new(bookmarks));
            let shortcut = Settings::load(&locations.config).lookup_shortcut;
            notes_folder::open(handle, locations)?;
            hotkey::start(handle, shortcut);
            if launch.lookup {
                launch.apply(handle);
            }
            Ok(())
        })
        // The app lives as long as its main window, shown or hidden (a
        // hidden lookup window alone would keep it running unseen).
        .on_window_event(|window, event| {
            if window.label() == lookup::MAIN && matches!(event, WindowEvent::Destroyed) {
                window.app_handle().exit(0);
            }
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
            ipc::language::get_language,
            ipc::language::set_language,
        ])
        .register_asynchronous_uri_scheme_protocol(note_files::SCHEME, note_files::serve)
        .run(tauri::generate_context!())
        .expect("error while running Pilgi");
}
