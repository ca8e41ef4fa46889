//! Copying a command to the system clipboard. Done on the Rust side so the
//! UI needs no clipboard permission of its own (it can write, never read).

use super::valid_text;
use crate::ipc_error::{IpcError, IpcResult};
use pilgi_i18n::t;
use tauri_plugin_clipboard_manager::ClipboardExt;

/// Puts `text` on the clipboard.
#[tauri::command]
pub async fn copy_text(app: tauri::AppHandle, text: String) -> IpcResult<()> {
    let text = valid_text("copy", &text)?;
    app.clipboard()
        .write_text(text)
        .map_err(|e| IpcError::new("clipboard", t!("app-cannot-copy", error = e.to_string())))
}
