//! Studying: the Review view's queue and grades, cloze cards made from a
//! section's definition lines, and the study map (sections opened,
//! reviewed, retained). All of it lives in the bookmark store, so every
//! change is announced as a bookmarks change (every view that shows
//! bookmarks or review state redraws).

use super::bookmarks::change;
use super::{valid_id, valid_text};
use crate::events;
use crate::ipc_error::IpcResult;
use crate::state::AppState;
use chrono::Utc;
use pilgi_core::bookmarks::model::Grade;
use pilgi_core::bookmarks::Card;
use pilgi_core::review::cards::{self, Offer};
use pilgi_core::review::{self, end_of_today, Cloze, Graded, Item, Study};
use pilgi_core::{SectionId, Settings};
use serde::Serialize;
use std::collections::BTreeMap;
use tauri::{AppHandle, Emitter, State};

/// How many of the items due the view is sent: it shows one at a time,
/// and 10 000 due items must not cost a 10 000-item message per grade.
const SENT: usize = 20;

/// The Review view.
#[derive(Serialize)]
pub struct ReviewQueue {
    /// The first items due now, the longest overdue first.
    pub due: Vec<Item>,
    /// How many are due now in all.
    pub due_count: usize,
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
            let (mut due, later): (Vec<Item>, Vec<Item>) = review::items(store, corpus, now)
                .into_iter()
                .partition(|i| i.is_due_by(now));
            let due_count = due.len();
            due.truncate(SENT);
            Ok(ReviewQueue {
                due,
                due_count,
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
    let grade: Grade = grade.parse()?;
    let config = state.read(|lib| lib.locations().config.clone());
    // A bad exam date is the settings' problem: grade without the cap.
    let exam = Settings::load(&config).exam().ok().flatten();
    change(&app, &state, &id, |store, corpus, id| {
        review::grade(store, corpus, id, grade, Utc::now(), exam)
    })
    .await
}

/// Where each section stands in the user's study (opened, bookmarked,
/// reviewed, retained), for the timeline's study map and the Sections
/// view's filter. Sections with nothing to show are left out.
#[tauri::command]
pub async fn study_map(state: State<'_, AppState>) -> IpcResult<BTreeMap<SectionId, Study>> {
    state
        .with_bookmarks(|store, corpus| Ok(review::study(store, corpus, Utc::now())))
        .await
}

/// Records that the reader opened section `id`; says so to the views only
/// the first time (later opens write nothing).
#[tauri::command]
pub async fn mark_opened(app: AppHandle, state: State<'_, AppState>, id: String) -> IpcResult<()> {
    let id = valid_id(&id)?;
    let new = state
        .with_bookmarks(|store, corpus| store.mark_opened(corpus, id))
        .await?;
    if new {
        let _ = app.emit(events::BOOKMARKS_CHANGED, ());
    }
    Ok(())
}

/// The cloze cards section `id`'s definition lines offer, with the ones made.
#[tauri::command]
pub async fn section_cards(state: State<'_, AppState>, id: String) -> IpcResult<Vec<Offer>> {
    let id = valid_id(&id)?;
    state
        .with_bookmarks(|store, corpus| cards::offers(store, corpus, id))
        .await
}

/// Makes a card of one of section `id`'s offers (the core checks that it
/// is one).
#[tauri::command]
pub async fn add_card(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
    front: String,
    back: String,
) -> IpcResult<Card> {
    let cloze = Cloze {
        front: valid_text("front", &front)?.to_owned(),
        back: valid_text("back", &back)?.to_owned(),
    };
    change(&app, &state, &id, |store, corpus, id| {
        cards::add(store, corpus, id, &cloze)
    })
    .await
}

/// Deletes card `card` (its grades stay in the log).
#[tauri::command]
pub async fn remove_card(
    app: AppHandle,
    state: State<'_, AppState>,
    card: String,
) -> IpcResult<()> {
    change(&app, &state, &card, |store, _, card| {
        cards::remove(store, card).map(drop)
    })
    .await
}
