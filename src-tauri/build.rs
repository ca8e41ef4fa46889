//! Declares the app's IPC commands so that each must be granted explicitly
//! in `capabilities/` (least privilege), then runs tauri-build.

/// Every `#[tauri::command]` under `src-tauri/ipc/`.
const COMMANDS: &[&str] = &[
    "get_timeline",
    "get_progress",
    "get_section",
    "search",
    "list_commands",
    "copy_text",
    "list_bookmarks",
    "toggle_bookmark",
    "save_bookmark",
    "remove_bookmark",
    "accept_suggestion",
    "dismiss_suggestion",
    "review_queue",
    "grade_review",
    "study_map",
    "mark_opened",
    "section_cards",
    "add_card",
    "remove_card",
    "hide_lookup",
    "open_in_main",
    "get_settings",
    "choose_notes_folder",
    "use_bundled_notes",
    "set_lookup_shortcut",
    "set_exam_date",
    "open_external",
    "get_language",
    "set_language",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
