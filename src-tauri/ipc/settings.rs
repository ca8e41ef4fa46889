//! The settings the UI can show and change: which notes folder is open
//! (picked in a native dialog run here, so no path ever comes from the
//! webview), the lookup shortcut and the exam date the review schedule
//! respects.

use crate::ipc_error::{IpcError, IpcResult};
use crate::state::AppState;
use crate::{hotkey, notes_folder};
use pilgi_core::{Locations, Settings};
use pilgi_i18n::t;
use serde::Serialize;
use std::path::PathBuf;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

/// The settings as the UI shows them.
#[derive(Serialize)]
pub struct SettingsView {
    /// The notes folder open now.
    notes_dir: PathBuf,
    /// Whether it is the notes shipped with the app.
    bundled: bool,
    /// Set when `PILGI_NOTES` chooses the folder at launch (it wins over
    /// the saved choice).
    env_override: Option<String>,
    /// The lookup shortcut: its mechanism, the key in effect, why the one
    /// asked for is not, and the command a desktop's shortcut can run.
    #[serde(flatten)]
    lookup: hotkey::Status,
    /// The exam date (`2026-12-20`), if one is set and reads as a date.
    exam_date: Option<String>,
}

/// What is in effect now.
#[tauri::command]
pub async fn get_settings(app: AppHandle, state: State<'_, AppState>) -> IpcResult<SettingsView> {
    Ok(view(&app, &state))
}

/// Asks for a notes folder in a native dialog, remembers it and opens it.
/// `None` when the user cancelled.
#[tauri::command]
pub async fn choose_notes_folder(
    app: AppHandle,
    state: State<'_, AppState>,
) -> IpcResult<Option<SettingsView>> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .set_title(t!("app-choose-folder"))
        .set_directory(state.read(|lib| lib.locations().notes.clone()))
        .pick_folder(move |folder| {
            let _ = tx.send(folder);
        });
    let Some(folder) = rx.await.ok().flatten() else {
        return Ok(None);
    };
    let folder = folder.into_path().map_err(|e| {
        IpcError::new(
            "invalid",
            t!("app-not-a-local-folder", error = e.to_string()),
        )
    })?;
    switch(&app, &state, Some(folder))?;
    Ok(Some(view(&app, &state)))
}

/// Goes back to the notes shipped with the app.
#[tauri::command]
pub async fn use_bundled_notes(
    app: AppHandle,
    state: State<'_, AppState>,
) -> IpcResult<SettingsView> {
    switch(&app, &state, None)?;
    Ok(view(&app, &state))
}

/// Registers and remembers a new lookup shortcut (e.g. `Ctrl+Alt+L`).
#[tauri::command]
pub async fn set_lookup_shortcut(
    app: AppHandle,
    state: State<'_, AppState>,
    shortcut: String,
) -> IpcResult<SettingsView> {
    let text = shortcut.trim();
    if text.len() > 64 {
        return Err(IpcError::new("invalid", t!("shortcut-too-long")));
    }
    hotkey::register(&app, text).map_err(|e| IpcError::new("invalid", e))?;
    update(&state, |s| s.lookup_shortcut = Some(text.to_owned()))?;
    Ok(view(&app, &state))
}

/// Sets the exam date (`2026-12-20`; empty clears it). From the next
/// grade on, nothing is scheduled on or after it.
#[tauri::command]
pub async fn set_exam_date(
    app: AppHandle,
    state: State<'_, AppState>,
    date: String,
) -> IpcResult<SettingsView> {
    let date = date.trim();
    let wanted = Settings {
        exam_date: (!date.is_empty()).then(|| date.to_owned()),
        ..Settings::default()
    };
    wanted
        .exam()
        .map_err(|e| IpcError::new("invalid", e.to_string()))?;
    update(&state, |s| s.exam_date = wanted.exam_date)?;
    Ok(view(&app, &state))
}

/// Opens `folder` (the bundled notes when `None`) and saves the choice.
fn switch(app: &AppHandle, state: &AppState, folder: Option<PathBuf>) -> IpcResult<()> {
    if let Some(folder) = &folder {
        if !folder.is_dir() {
            let not = t!("app-not-a-folder", folder = folder);
            return Err(IpcError::new("invalid", not));
        }
    }
    let config = state.read(|lib| lib.locations().config.clone());
    let notes = folder.clone().unwrap_or_else(|| notes_folder::bundled(app));
    notes_folder::open(app, Locations::for_notes(notes, &config))?;
    update(state, |s| s.notes_dir = folder)
}

/// Changes one setting. A settings file that cannot be read is not
/// overwritten: the user may be editing it by hand.
/// Changes the saved settings (a corrupt file is an error, not replaced).
pub(super) fn update(state: &AppState, change: impl FnOnce(&mut Settings)) -> IpcResult<()> {
    let config = state.read(|lib| lib.locations().config.clone());
    let mut settings = Settings::read(&config)?;
    change(&mut settings);
    Ok(settings.save(&config)?)
}

fn view(app: &AppHandle, state: &AppState) -> SettingsView {
    let notes_dir = state.read(|lib| lib.locations().notes.clone());
    let config = state.read(|lib| lib.locations().config.clone());
    let exam = Settings::load(&config).exam().ok().flatten();
    let bundled = std::fs::canonicalize(&notes_dir).ok()
        == std::fs::canonicalize(notes_folder::bundled(app)).ok();
    SettingsView {
        notes_dir,
        bundled,
        env_override: std::env::var("PILGI_NOTES").ok().filter(|v| !v.is_empty()),
        lookup: hotkey::status(),
        exam_date: exam.map(|d| d.to_string()),
    }
}
