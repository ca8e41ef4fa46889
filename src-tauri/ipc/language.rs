//! The interface language: which one the windows speak (the catalog the
//! UI formats its own strings with comes along) and the user's choice of
//! it, remembered in the settings.

use crate::events;
use crate::ipc::settings::update;
use crate::ipc_error::{IpcError, IpcResult};
use crate::state::AppState;
use pilgi_core::Settings;
use pilgi_i18n::{t, ui_source, Lang};
use serde::Serialize;
use tauri::{AppHandle, Emitter, State};

/// The language as the UI needs it.
#[derive(Serialize)]
pub struct LanguageView {
    /// The language spoken now.
    lang: Lang,
    /// The one chosen in the settings (`None`: the system's).
    chosen: Option<Lang>,
    /// Set when `PILGI_LANG` decides whatever is chosen.
    env_override: bool,
    /// The UI's Fluent catalog in `lang`.
    source: &'static str,
}

/// The language spoken now, with the UI's catalog.
#[tauri::command]
pub async fn get_language(state: State<'_, AppState>) -> IpcResult<LanguageView> {
    Ok(view(&state))
}

/// Chooses the language (`"ko"`, `"en"`, or `None` for the system's),
/// remembers it and tells every window, which redraws in it.
#[tauri::command]
pub async fn set_language(
    app: AppHandle,
    state: State<'_, AppState>,
    lang: Option<String>,
) -> IpcResult<LanguageView> {
    let chosen = match lang.as_deref() {
        None => None,
        Some(tag) => Some(
            Lang::ALL
                .into_iter()
                .find(|l| l.tag() == tag)
                .ok_or_else(|| IpcError::new("invalid", t!("app-no-such-language")))?,
        ),
    };
    update(&state, |s| s.language = chosen)?;
    let lang = Lang::from_env(chosen);
    pilgi_i18n::set(lang);
    let _ = app.emit(
        events::LANGUAGE_CHANGED,
        serde_json::json!({ "lang": lang }),
    );
    Ok(view(&state))
}

fn view(state: &AppState) -> LanguageView {
    let config = state.read(|lib| lib.locations().config.clone());
    let lang = pilgi_i18n::current();
    LanguageView {
        lang,
        chosen: Settings::load(&config).language,
        env_override: std::env::var("PILGI_LANG")
            .ok()
            .and_then(|v| Lang::from_locale(&v))
            .is_some(),
        source: ui_source(lang),
    }
}
