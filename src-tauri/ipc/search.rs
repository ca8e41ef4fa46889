//! Search as you type, and the commands written in the notes.

use super::valid_text;
use crate::ipc_error::IpcResult;
use crate::state::AppState;
use pilgi_core::index::SearchResults;
use pilgi_core::shell::CommandHit;
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
    Ok(state.read(|lib| lib.search(query, limit))?)
}

/// The shell commands in the notes that match `query` (same analysis as
/// the section search: ko/en terms, keyboard layout, 초성), best first; all
/// of them in course order when the query is empty. Each with its first
/// [`PLACES_SHOWN`] places (and how many there are): a command copied into
/// thousands of notes would otherwise send thousands of places on every
/// keystroke of the filter.
#[tauri::command]
pub async fn list_commands(
    state: State<'_, AppState>,
    query: Option<String>,
) -> IpcResult<Vec<CommandHit>> {
    let query = valid_text("query", query.as_deref().unwrap_or(""))?;
    state.notes_read().await;
    let mut hits = state.read(|lib| lib.search_commands(query, usize::MAX));
    for hit in &mut hits {
        hit.places.truncate(PLACES_SHOWN);
    }
    Ok(hits)
}

/// How many places of a command the Commands view lists.
pub const PLACES_SHOWN: usize = 100;
