//! Reading notes: the timeline and one rendered section.

use super::valid_id;
use crate::ipc_error::IpcResult;
use crate::state::AppState;
use pilgi_core::analysis::forms::reader_terms;
use pilgi_core::note::Format;
use pilgi_core::render::{render_note, render_section, RenderOptions};
use pilgi_core::{Section, Timeline};
use serde::Serialize;
use tauri::State;

/// The course timeline (also the sections list, grouped by file in the UI).
#[tauri::command]
pub async fn get_timeline(state: State<'_, AppState>) -> IpcResult<Timeline> {
    state.notes_read().await;
    Ok(state.read(|lib| lib.timeline()))
}

/// How far reading and indexing the notes has come, while that runs (the
/// same as the last `index-progress` event); `None` once search is ready.
#[tauri::command]
pub async fn get_progress(state: State<'_, AppState>) -> IpcResult<Option<serde_json::Value>> {
    Ok(state.progress())
}

/// A section ready for the reader.
#[derive(Serialize)]
pub struct SectionView {
    /// The section itself.
    pub section: Section,
    /// Sanitized HTML with the query's terms marked: a course section's
    /// body, or a Markdown section's whole note (the reader scrolls to the
    /// section and lights it up; see `whole_note`).
    pub html: String,
    /// Whether `html` is the whole note.
    pub whole_note: bool,
    /// The note's title.
    pub note_title: String,
    /// A Markdown note's headings, for its outline.
    pub outline: Vec<OutlineEntry>,
    /// Sections of other notes that link to this note.
    pub backlinks: Vec<OutlineEntry>,
    /// What was odd about reading the note (`decoded as EUC-KR (CP949)`,
    /// broken front matter).
    pub warnings: Vec<String>,
    /// Id of the previous section in course order.
    pub prev: Option<String>,
    /// Id of the next section in course order.
    pub next: Option<String>,
}

/// A heading of a note's outline, or a section that links here.
#[derive(Serialize)]
pub struct OutlineEntry {
    /// Section id.
    pub id: String,
    /// Its heading.
    pub title: String,
    /// Its heading level (0: the note's intro).
    pub level: u8,
    /// Its note file.
    pub file: String,
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
        mark: reader_terms(query),
        ..RenderOptions::default()
    };
    state.notes_read().await;
    state.read(|lib| {
        let section = lib.section(id)?;
        let (prev, next) = lib.corpus().neighbours(id);
        let links = lib.links();
        let note = lib.corpus().note(&section.file);
        let opts = RenderOptions {
            links: Some(links.clone()),
            ..opts
        };
        let entry = |s: &Section| OutlineEntry {
            id: s.id.to_string(),
            title: s.title.clone(),
            level: s.level,
            file: s.file.clone(),
        };
        let whole = note.filter(|_| section.format == Format::Markdown);
        let backlinks = links
            .backlinks(&section.file)
            .iter()
            .filter_map(|(id, _)| lib.corpus().section(id.as_str()).map(entry))
            .collect();
        Ok(SectionView {
            html: match whole {
                Some(note) => render_note(note, &opts),
                None => render_section(section, &opts),
            },
            whole_note: whole.is_some(),
            note_title: note.map_or_else(|| section.title.clone(), |n| n.title.clone()),
            outline: whole.map_or_else(Vec::new, |n| n.sections.iter().map(entry).collect()),
            backlinks,
            warnings: note.map_or_else(Vec::new, |n| {
                n.warnings.iter().map(ToString::to_string).collect()
            }),
            section: section.clone(),
            prev: prev.map(|s| s.id.to_string()),
            next: next.map(|s| s.id.to_string()),
        })
    })
}
