//! Coming back to confusing topics: sections bookmarked `confusing` or
//! `review` are review items, scheduled with FSRS (the algorithm Anki
//! uses; see [`schedule`]). Each grade updates the item's schedule and
//! joins the review log, both in the bookmark store (`bookmarks.json`):
//! one file, one lock, one backup and one recovery path, and the app and
//! the CLI see each other's grades as they see each other's bookmarks.
//!
//! An item whose section is gone (the note deleted or rewritten) is
//! orphaned like its bookmark: out of the queue, its schedule and its log
//! kept, back in the queue when it re-anchors.

pub mod schedule;

use crate::bookmarks::model::{Bookmark, Grade, Review, Stage};
use crate::bookmarks::reanchor;
use crate::bookmarks::{Label, Store};
use crate::{Corpus, Error, Result, SectionId, SectionRef};
use chrono::{DateTime, Local, NaiveDate, NaiveTime, Utc};
use serde::Serialize;
use std::collections::BTreeMap;

/// Whether a bookmark's label makes it a review item.
pub fn is_item(b: &Bookmark) -> bool {
    [Label::CONFUSING, Label::REVIEW].contains(&b.label.as_str())
}

/// A review item as the queue shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    /// Its section.
    pub section: SectionRef,
    /// Its bookmark's label.
    pub label: Label,
    /// Its bookmark's memo.
    pub memo: String,
    /// The section's first `> ` summary line: with the heading and the
    /// memo, the prompt.
    pub prompt: Option<String>,
    /// When it is due (RFC 3339 UTC); a new item is due since it was
    /// bookmarked.
    pub due: String,
    /// Never graded, learning, learnt or relearning.
    pub stage: Stage,
    /// How likely it is recalled now (0–1); none for a new item.
    pub retrievability: Option<f64>,
}

impl Item {
    /// Whether it is due at `t` (an unreadable due time: at once).
    pub fn is_due_by(&self, t: DateTime<Utc>) -> bool {
        schedule::parse(&self.due).is_none_or(|d| d <= t)
    }
}

/// The review items of `store` due by `until`, the longest overdue first
/// (new items by when they were bookmarked). Orphaned items wait.
pub fn due(store: &Store, corpus: &Corpus, now: DateTime<Utc>, until: DateTime<Utc>) -> Vec<Item> {
    let mut items = items(store, corpus, now);
    items.retain(|i| i.is_due_by(until));
    items
}

/// The end of the local day: what "due today" means to a learner.
pub fn end_of_today() -> DateTime<Utc> {
    let tomorrow = Local::now()
        .date_naive()
        .succ_opt()
        .unwrap_or(NaiveDate::MAX);
    tomorrow
        .and_time(NaiveTime::MIN)
        .and_local_timezone(Local)
        .earliest()
        .map_or_else(Utc::now, |t| t.with_timezone(&Utc))
}

/// Every review item whose section is found, the soonest due first.
pub fn items(store: &Store, corpus: &Corpus, now: DateTime<Utc>) -> Vec<Item> {
    let mut items: Vec<Item> = store
        .list(corpus)
        .into_iter()
        .filter_map(|l| {
            let b = store.file().get(l.id.as_str())?;
            let section = l.section.filter(|_| is_item(b))?;
            let prompt = corpus
                .section(section.id.as_str())
                .and_then(|s| s.summary().next().map(str::to_owned));
            let schedule = b.schedule.as_ref();
            Some(Item {
                section,
                label: b.label.clone(),
                memo: b.memo.clone(),
                prompt,
                due: schedule.map_or_else(|| b.created.clone(), |s| s.due.clone()),
                stage: schedule.map_or(Stage::New, |s| s.state),
                retrievability: schedule.and_then(|s| schedule::retrievability(s, now)),
            })
        })
        .collect();
    // RFC 3339 UTC of one width: the text order is the time order.
    items.sort_by(|a, b| a.due.cmp(&b.due));
    items
}

/// What a grade did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Graded {
    /// The item's section id.
    pub id: SectionId,
    /// The grade given.
    pub grade: Grade,
    /// When it is due next.
    pub due: String,
    /// Its stage now.
    pub stage: Stage,
}

/// Grades the review item of section `id` at `now`, before the exam on
/// `exam` if there is one (see [`schedule::graded`]). An item whose
/// section is gone can still be graded by its stored id: its history goes
/// on. A section that is no review item is [`Error::NotFound`].
pub fn grade(
    store: &mut Store,
    corpus: &Corpus,
    id: &str,
    grade: Grade,
    now: DateTime<Utc>,
    exam: Option<NaiveDate>,
) -> Result<Graded> {
    store.mutate(|file| {
        reanchor(file, corpus);
        let b = file
            .bookmarks
            .iter_mut()
            .find(|b| b.id.as_str() == id && is_item(b))
            .ok_or_else(|| Error::NotFound(format!("no review item {id:?}")))?;
        let stage = b.schedule.as_ref().map_or(Stage::New, |s| s.state);
        let next = schedule::graded(b.schedule.as_ref(), grade, now, exam);
        let graded = Graded {
            id: b.id.clone(),
            grade,
            due: next.due.clone(),
            stage: next.state,
        };
        b.schedule = Some(next);
        file.reviews.push(Review {
            id: graded.id.clone(),
            grade,
            at: schedule::format(now),
            stage,
            due: graded.due.clone(),
        });
        Ok(graded)
    })
}

/// The review log summed up.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Stats {
    /// Grades given per day (UTC date), oldest first.
    pub per_day: BTreeMap<String, Day>,
    /// Grades given in all.
    pub reviews: usize,
    /// Of the grades given to learnt items, the share that were not Again:
    /// the true retention. `None` before any learnt item was graded.
    pub retention: Option<f64>,
}

/// One day of the log.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Day {
    /// Grades given.
    pub reviews: usize,
    /// Of those, Again.
    pub again: usize,
}

/// The statistics of `store`'s review log.
pub fn stats(store: &Store) -> Stats {
    let mut stats = Stats::default();
    let (mut learnt, mut recalled) = (0usize, 0usize);
    for r in &store.file().reviews {
        let day = stats
            .per_day
            .entry(r.at.chars().take(10).collect())
            .or_default();
        day.reviews += 1;
        day.again += usize::from(r.grade == Grade::Again);
        if r.stage == Stage::Review {
            learnt += 1;
            recalled += usize::from(r.grade != Grade::Again);
        }
    }
    stats.reviews = store.file().reviews.len();
    stats.retention = (learnt > 0).then(|| recalled as f64 / learnt as f64);
    stats
}

/// The review items as a file Anki imports as it is (File → Import):
/// tab-separated front, back and tags, with the header lines that tell
/// Anki so. The front is the prompt (heading, memo, first summary line),
/// the back the section's text; fields are HTML (escaped, line breaks as
/// `<br>`), so no tab or newline in a note can break a row. Orphaned items
/// are left out: there is no text to put on the back.
pub fn anki_tsv(store: &Store, corpus: &Corpus) -> String {
    let mut out = String::from("#separator:tab\n#html:true\n#tags column:3\n");
    for item in items(store, corpus, Utc::now()) {
        let Some(section) = corpus.section(item.section.id.as_str()) else {
            continue;
        };
        let mut front = vec![crate::note::numbered(section.number, &section.title)];
        front.extend((!item.memo.is_empty()).then(|| item.memo.clone()));
        front.extend(item.prompt.clone());
        let tag = |t: &str| t.split_whitespace().collect::<Vec<_>>().join("_");
        let tags = [
            "pilgi",
            item.label.as_str(),
            &tag(&crate::note::file_stem(&section.file)),
        ]
        .join(" ");
        out.push_str(&format!(
            "{}\t{}\t{}\n",
            field(&front.join("\n")),
            field(&section.text()),
            field(&tags)
        ));
    }
    out
}

/// Text as one HTML field of a tab-separated row.
fn field(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, text.trim());
    out.replace("\r\n", "\n")
        .replace('\n', "<br>")
        .replace('\t', "&#9;")
        .replace('\r', "")
}

#[cfg(test)]
mod tests;
