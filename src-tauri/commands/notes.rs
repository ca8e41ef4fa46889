//! Reading notes: the timeline and one rendered section.

use super::valid_id;
use crate::ipc_error::IpcResult;
use crate::state::AppState;
use pilgi_core::analysis::terms_for_marking;
use pilgi_core::render::{render_section, RenderOptions};
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
    /// The body as sanitized HTML, with the query's terms marked.
    pub html: String,
    /// Id of the previous section in course order.
    pub prev: Option<String>,
    /// Id of the next section in course order.
    pub next: Option<String>,
}

/// One section by id, rendered, with `query`'s terms marked.
#[tauri::command]
pub async fn get_section(
    state: State<'_, AppState>,
    id: String,
    query: Option<String>,
) -> IpcResult<SectionView> {
    let id = valid_id(&id)?;
    let query = super::valid_text("query", query.as_deref().unwrap_or(""))?;
    let opts = RenderOptions {
        mark: terms_for_marking(query),
        ..RenderOptions::default()
    };
    state.read(|lib| {
        let section = lib.section(id)?;
        let (prev, next) = lib.corpus().neighbours(id);
        Ok(SectionView {
            html: render_section(section, &opts),
            section: section.clone(),
            prev: prev.map(|s| s.id.to_string()),
            next: next.map(|s| s.id.to_string()),
        })
    })
}
