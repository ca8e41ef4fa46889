//! The Review view's commands: what is due today, and grading an item. The
//! schedule lives in the bookmark store, so a grade is announced as a
//! bookmarks change (every view that shows bookmarks or review state
//! redraws).

use super::valid_id;
use crate::events;
use crate::ipc_error::{IpcError, IpcResult};
use crate::state::AppState;
use chrono::Utc;
use pilgi_core::bookmarks::model::Grade;
use pilgi_core::review::{self, end_of_today, Graded, Item};
use pilgi_core::Settings;
use serde::Serialize;
use tauri::{AppHandle, Emitter, State};

/// The Review view.
#[derive(Serialize)]
pub struct ReviewQueue {
    /// Due now, the longest overdue first.
    pub due: Vec<Item>,
    /// Review items due later today (an item graded Again or still in its
    /// first steps comes back minutes later).
    pub later_today: usize,
    /// When the next of the others is due (RFC 3339 UTC).
    pub next: Option<String>,
}

/// What is due now, and what comes later.
#[tauri::command]
pub async fn review_queue(state: State<'_, AppState>) -> IpcResult<ReviewQueue> {
    state
        .with_bookmarks(|store, corpus| {
            let now = Utc::now();
            let until = end_of_today();
            let (due, later): (Vec<Item>, Vec<Item>) = review::items(store, corpus, now)
                .into_iter()
                .partition(|i| i.is_due_by(now));
            Ok(ReviewQueue {
                due,
                later_today: later.iter().filter(|i| i.is_due_by(until)).count(),
                next: later.first().map(|i| i.due.clone()),
            })
        })
        .await
}

/// Grades the review item of section `id`: `again`, `hard`, `good` or `easy`.
#[tauri::command]
pub async fn grade_review(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
    grade: String,
) -> IpcResult<Graded> {
    let id = valid_id(&id)?.to_owned();
    let grade = match grade.as_str() {
        "again" => Grade::Again,
        "hard" => Grade::Hard,
        "good" => Grade::Good,
        "easy" => Grade::Easy,
        _ => {
            return Err(IpcError::new(
                "invalid",
                "a grade is again, hard, good or easy".into(),
            ))
        }
    };
    let config = state.read(|lib| lib.locations().config.clone());
    // A bad exam date is the settings' problem: grade without the cap.
    let exam = Settings::load(&config).exam().ok().flatten();
    let graded = state
        .with_bookmarks(|store, corpus| review::grade(store, corpus, &id, grade, Utc::now(), exam))
        .await?;
    let _ = app.emit(events::BOOKMARKS_CHANGED, ());
    Ok(graded)
}
