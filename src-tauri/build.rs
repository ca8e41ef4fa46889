//! Declares the app's IPC commands so that each must be granted explicitly
//! in `capabilities/` (least privilege), then runs tauri-build.

/// Every `#[tauri::command]` of `src-tauri/commands.rs`.
const COMMANDS: &[&str] = &["get_timeline", "get_section"];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
