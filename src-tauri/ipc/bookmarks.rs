//! Bookmarks for confusing topics: the view, toggling, label and memo,
//! and the suggestions found in the notes. Every change is written by the
//! core's store (locked, atomic, backed up) and announced to the UI.

use super::{valid_id, valid_text};
use crate::events;
use crate::ipc_error::IpcResult;
use crate::state::AppState;
use pilgi_core::bookmarks::{Edit, Label, Listed, Recovery, Saved, Store, Suggestion};
use pilgi_core::Corpus;
use serde::Serialize;
use tauri::{AppHandle, Emitter, State};

/// Everything the Bookmarks view shows.
#[derive(Serialize)]
pub struct BookmarksView {
    /// Bookmarks in course order, orphaned ones last.
    pub bookmarks: Vec<Listed>,
    /// Sections whose text says the user struggled, not yet bookmarked or dismissed.
    pub suggestions: Vec<Suggestion>,
    /// Recoveries the user should hear about (a corrupt store set aside).
    pub notices: Vec<Recovery>,
}

/// The bookmarks, suggestions and notices.
#[tauri::command]
pub async fn list_bookmarks(state: State<'_, AppState>) -> IpcResult<BookmarksView> {
    state
        .with_bookmarks(|store, corpus| {
            Ok(BookmarksView {
                bookmarks: store.list(corpus),
                suggestions: store.suggest(corpus),
                notices: store.notices().to_vec(),
            })
        })
        .await
}

/// Bookmarks or un-bookmarks a section (`b`); returns whether it is now bookmarked.
#[tauri::command]
pub async fn toggle_bookmark(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
) -> IpcResult<bool> {
    change(&app, &state, &id, |store, corpus, id| {
        store.toggle(corpus, id)
    })
    .await
}

/// Sets a bookmark's label and memo (creating it if needed).
#[tauri::command]
pub async fn save_bookmark(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
    label: String,
    memo: String,
) -> IpcResult<Saved> {
    let edit = Edit {
        label: Some(Label::parse(&label)?),
        memo: Some(valid_text("memo", &memo)?.to_owned()),
    };
    change(&app, &state, &id, |store, corpus, id| {
        store.save(corpus, id, edit)
    })
    .await
}

/// Removes a bookmark (orphaned ones too).
#[tauri::command]
pub async fn remove_bookmark(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
) -> IpcResult<()> {
    change(&app, &state, &id, |store, corpus, id| {
        store.remove(corpus, id).map(drop)
    })
    .await
}

/// Accepts a suggestion: bookmarks the section as `confusing`.
#[tauri::command]
pub async fn accept_suggestion(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
) -> IpcResult<()> {
    change(&app, &state, &id, |store, corpus, id| {
        store.accept(corpus, id).map(drop)
    })
    .await
}

/// Dismisses a suggestion for good.
#[tauri::command]
pub async fn dismiss_suggestion(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
) -> IpcResult<()> {
    change(&app, &state, &id, |store, corpus, id| {
        store.dismiss(corpus, id).map(drop)
    })
    .await
}

/// Validates the id, applies one change to the store and, when it worked,
/// tells every view that bookmarks changed.
pub(crate) async fn change<T>(
    app: &AppHandle,
    state: &AppState,
    id: &str,
    apply: impl FnOnce(&mut Store, &Corpus, &str) -> pilgi_core::Result<T>,
) -> IpcResult<T> {
    let id = valid_id(id)?;
    let result = state
        .with_bookmarks(|store, corpus| apply(store, corpus, id))
        .await;
    if result.is_ok() {
        let _ = app.emit(events::BOOKMARKS_CHANGED, ());
    }
    result
}
