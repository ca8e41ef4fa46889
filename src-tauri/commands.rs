//! The app's IPC commands: each validates its arguments and makes one call
//! into `pilgi-core`. Declared in `build.rs`, granted in `capabilities/`.

use crate::ipc_error::IpcResult;
use crate::state::AppState;
use pilgi_core::{Section, Timeline};
use serde::Serialize;
use tauri::State;

/// The course timeline (also the sections list, grouped by file in the UI).
#[tauri::command]
pub async fn get_timeline(state: State<'_, AppState>) -> IpcResult<Timeline> {
    Ok(state.read(|lib| lib.timeline()))
}

/// A section ready for the reader.
#[derive(Serialize)]
pub struct SectionView {
    /// The section itself.
    pub section: Section,
    /// Ids of the previous and next sections in course order.
    pub prev: Option<String>,
    /// See `prev`.
    pub next: Option<String>,
}

/// One section by id. Ids are looked up, never used as paths.
#[tauri::command]
pub async fn get_section(state: State<'_, AppState>, id: String) -> IpcResult<SectionView> {
    let id = valid_id(&id)?;
    state.read(|lib| {
        let section = lib.section(id)?.clone();
        let (prev, next) = lib.corpus().neighbours(id);
        Ok(SectionView {
            section,
            prev: prev.map(|s| s.id.to_string()),
            next: next.map(|s| s.id.to_string()),
        })
    })
}

/// Rejects ids no section could have (empty, huge, control characters)
/// before they reach the core.
fn valid_id(id: &str) -> Result<&str, pilgi_core::Error> {
    if id.is_empty() || id.len() > 1024 || id.chars().any(char::is_control) {
        return Err(pilgi_core::Error::Invalid("malformed section id".into()));
    }
    Ok(id)
}
