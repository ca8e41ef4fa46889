//! Search as you type, and the commands written in the notes.

use super::valid_text;
use crate::ipc_error::IpcResult;
use crate::state::AppState;
use pilgi_core::commands::{extract, Command};
use pilgi_core::index::SearchResults;
use tauri::State;

/// The best sections for `query` (at most `limit`, 1–200).
#[tauri::command]
pub async fn search(
    state: State<'_, AppState>,
    query: String,
    limit: Option<usize>,
) -> IpcResult<SearchResults> {
    let query = valid_text("query", &query)?;
    let limit = limit.unwrap_or(50).clamp(1, 200);
    state.with_index(|index| index.search(query, limit))
}

/// Every shell command in the notes, in course order.
#[tauri::command]
pub async fn list_commands(state: State<'_, AppState>) -> IpcResult<Vec<Command>> {
    Ok(state.read(|lib| extract(lib.corpus())))
}
