//! The glue to the FSRS scheduler (`rs-fsrs`, the scheduler alone: the
//! `fsrs` crate also trains parameters and pulls in a tensor library).
//! Converts Pilgi's [`Schedule`] to the crate's card and back, and keeps
//! every due date before the exam.

use crate::bookmarks::model::{Grade, Schedule, Stage};
use chrono::{DateTime, Duration, NaiveDate, SecondsFormat, Utc};
use rs_fsrs::{Card, Parameters, Rating, State, FSRS};

/// RFC 3339 UTC, milliseconds: the form every time in the store has.
pub fn format(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// A stored time; an unreadable one (a hand-edited file) is `None`.
pub fn parse(at: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(at)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// The start of the exam day (UTC): no review is scheduled at or after it.
pub fn exam_start(exam: NaiveDate) -> DateTime<Utc> {
    exam.and_hms_opt(0, 0, 0).expect("midnight").and_utc()
}

fn card_of(s: &Schedule) -> Card {
    Card {
        due: parse(&s.due).unwrap_or_default(),
        stability: s.stability,
        difficulty: s.difficulty,
        elapsed_days: s.elapsed_days,
        scheduled_days: s.scheduled_days,
        reps: s.reps,
        lapses: s.lapses,
        state: match s.state {
            Stage::New => State::New,
            Stage::Learning => State::Learning,
            Stage::Review => State::Review,
            Stage::Relearning => State::Relearning,
        },
        last_review: parse(&s.last_review).unwrap_or_default(),
    }
}

fn schedule_of(c: &Card) -> Schedule {
    Schedule {
        due: format(c.due),
        stability: c.stability,
        difficulty: c.difficulty,
        elapsed_days: c.elapsed_days,
        scheduled_days: c.scheduled_days,
        reps: c.reps,
        lapses: c.lapses,
        state: stage_of(c.state),
        last_review: format(c.last_review),
    }
}

fn stage_of(state: State) -> Stage {
    match state {
        State::New => Stage::New,
        State::Learning => Stage::Learning,
        State::Review => Stage::Review,
        State::Relearning => Stage::Relearning,
    }
}

/// The schedule after grading an item (`None`: never graded) at `now`.
///
/// Before an exam, FSRS's longest interval is the days left until it, so
/// the item's memory state stays FSRS's own, and the due date is then held
/// before the exam day too (short learning steps can cross midnight). On
/// or after the exam day there is no cap. A clock that went backwards (the
/// item was graded "later" than now) grades at the last review's time
/// instead, so no interval is ever negative.
pub fn graded(
    schedule: Option<&Schedule>,
    grade: Grade,
    now: DateTime<Utc>,
    exam: Option<NaiveDate>,
) -> Schedule {
    let card = schedule.map_or_else(
        || Card {
            due: now,
            last_review: now,
            ..Card::default()
        },
        card_of,
    );
    let now = if card.state == State::New {
        now
    } else {
        now.max(card.last_review)
    };
    let cap = exam.map(exam_start).filter(|start| *start > now);
    let mut parameters = Parameters::default();
    if let Some(start) = cap {
        let days = (start - now).num_days().max(1);
        parameters.maximum_interval = i32::try_from(days).unwrap_or(i32::MAX);
    }
    let rating = match grade {
        Grade::Again => Rating::Again,
        Grade::Hard => Rating::Hard,
        Grade::Good => Rating::Good,
        Grade::Easy => Rating::Easy,
    };
    let mut next = FSRS::new(parameters).next(card, now, rating).card;
    if let Some(start) = cap {
        // The last minute before the exam day at the latest.
        next.due = next.due.min(start - Duration::minutes(1)).max(now);
    }
    schedule_of(&next)
}

/// How likely the item is recalled at `now` (FSRS's retrievability, 0–1);
/// `None` for an item never graded.
pub fn retrievability(schedule: &Schedule, now: DateTime<Utc>) -> Option<f64> {
    (schedule.state != Stage::New).then(|| card_of(schedule).get_retrievability(now))
}

/// Whether a recall probability counts as retained: at least what FSRS
/// schedules for (its requested retention, 90 %).
pub fn retained(retrievability: f64) -> bool {
    retrievability >= Parameters::default().request_retention
}
