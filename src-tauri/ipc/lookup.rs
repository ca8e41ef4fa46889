//! What the quick-lookup window may do besides searching and copying:
//! hide itself, and hand a section to the main window.

use super::valid_id;
use crate::events;
use crate::ipc_error::{IpcError, IpcResult};
use crate::lookup;
use crate::state::AppState;
use pilgi_i18n::t;
use tauri::{AppHandle, Emitter, State, WebviewWindow};

/// Hides the lookup window (Esc, or after copying). Only the lookup
/// window itself can call it.
#[tauri::command]
pub async fn hide_lookup(window: WebviewWindow) -> IpcResult<()> {
    if window.label() != lookup::LABEL {
        return Err(IpcError::new("invalid", t!("app-not-lookup")));
    }
    lookup::hide(&window);
    Ok(())
}

/// Opens section `id` in the main window and brings it to the front.
#[tauri::command]
pub async fn open_in_main(
    app: AppHandle,
    window: WebviewWindow,
    state: State<'_, AppState>,
    id: String,
) -> IpcResult<()> {
    let id = valid_id(&id)?;
    state.notes_read().await;
    state.read(|lib| lib.section(id).map(|_| ()))?;
    lookup::focus_main(&app);
    app.emit_to(lookup::MAIN, events::OPEN_SECTION, id)
        .map_err(|e| IpcError::new("error", e.to_string()))?;
    if window.label() == lookup::LABEL {
        lookup::hide(&window);
    }
    Ok(())
}
