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

pub mod cards;
pub mod schedule;

pub use cards::Cloze;

use crate::bookmarks::anchor::resolve;
use crate::bookmarks::model::{Bookmark, Grade, Review, Schedule, Stage};
use crate::bookmarks::{card_sections, reanchor};
use crate::bookmarks::{Label, Store};
use crate::{Corpus, Error, Result, Section, SectionId, SectionRef};
use chrono::{DateTime, Local, NaiveDate, NaiveTime, Utc};
use serde::Serialize;
use std::collections::BTreeMap;

/// Whether a bookmark's label makes it a review item.
pub fn is_item(b: &Bookmark) -> bool {
    [Label::CONFUSING, Label::REVIEW].contains(&b.label.as_str())
}

/// A review item as the queue shows it: a bookmarked section, or a cloze
/// card made from one of a section's lines.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    /// The item: its section's id for a bookmark, `card-…` for a card.
    pub id: String,
    /// Its section.
    pub section: SectionRef,
    /// The bookmark's label; none for a card.
    pub label: Option<Label>,
    /// The bookmark's memo.
    pub memo: String,
    /// The section's first `> ` summary line: with the heading and the
    /// memo, the prompt.
    pub prompt: Option<String>,
    /// A card's two sides: the front is the prompt, the back the answer.
    pub cloze: Option<Cloze>,
    /// When it is due (RFC 3339 UTC); a new item is due since it was made.
    pub due: String,
    /// Never graded, learning, learnt or relearning.
    pub stage: Stage,
    /// Times graded.
    pub reviews: u32,
    /// How likely it is recalled now (0–1); none for a new item.
    pub retrievability: Option<f64>,
}

impl Item {
    fn new(section: &Section, schedule: Option<&Schedule>, made: &str, now: DateTime<Utc>) -> Item {
        Item {
            id: section.id.as_str().to_owned(),
            section: SectionRef::of(section),
            label: None,
            memo: String::new(),
            prompt: section.summary().next().map(str::to_owned),
            cloze: None,
            due: schedule.map_or_else(|| made.to_owned(), |s| s.due.clone()),
            stage: schedule.map_or(Stage::New, |s| s.state),
            reviews: schedule.map_or(0, |s| s.reps.max(0).unsigned_abs()),
            retrievability: schedule.and_then(|s| schedule::retrievability(s, now)),
        }
    }

    /// Whether it is due at `t` (an unreadable due time: at once).
    pub fn is_due_by(&self, t: DateTime<Utc>) -> bool {
        schedule::parse(&self.due).is_none_or(|d| d <= t)
    }

    /// Whether it is learnt and likely recalled now (see
    /// [`schedule::retained`]).
    pub fn is_retained(&self) -> bool {
        self.stage == Stage::Review && self.retrievability.is_some_and(schedule::retained)
    }
}

/// The review items of `store` due by `until`, the longest overdue first
/// (new items by when they were made). Orphaned items wait.
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
    items_with(store, corpus, resolve(&store.file().bookmarks, corpus), now)
}

/// [`items`], given the sections of the store's bookmarks (`resolve`d
/// once by a caller that needs them too).
fn items_with(
    store: &Store,
    corpus: &Corpus,
    found: Vec<Option<&Section>>,
    now: DateTime<Utc>,
) -> Vec<Item> {
    let file = store.file();
    let bookmarks = file
        .bookmarks
        .iter()
        .zip(found)
        .filter(|(b, _)| is_item(b))
        .filter_map(|(b, s)| {
            let item = Item::new(s?, b.schedule.as_ref(), &b.created, now);
            Some(Item {
                label: Some(b.label.clone()),
                memo: b.memo.clone(),
                ..item
            })
        });
    let cards = file
        .cards
        .iter()
        .zip(card_sections(&file.cards, corpus))
        .filter_map(|(c, s)| {
            let item = Item::new(s?, c.schedule.as_ref(), &c.created, now);
            Some(Item {
                id: c.id.clone(),
                cloze: Some(Cloze {
                    front: c.front.clone(),
                    back: c.back.clone(),
                }),
                ..item
            })
        });
    let mut items: Vec<Item> = bookmarks.chain(cards).collect();
    // RFC 3339 UTC of one width: the text order is the time order.
    items.sort_by(|a, b| a.due.cmp(&b.due));
    items
}

/// What a grade did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Graded {
    /// The item's id.
    pub id: String,
    /// The grade given.
    pub grade: Grade,
    /// When it is due next.
    pub due: String,
    /// Its stage now.
    pub stage: Stage,
}

/// Grades review item `id` (a section id or a card id) at `now`, before
/// the exam on `exam` if there is one (see [`schedule::graded`]). An item
/// whose section is gone can still be graded by its stored id: its history
/// goes on. An id that names no review item is [`Error::NotFound`].
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
        let slot = match file.cards.iter_mut().find(|c| c.id == id) {
            Some(c) => &mut c.schedule,
            None => {
                &mut file
                    .bookmarks
                    .iter_mut()
                    .find(|b| b.id.as_str() == id && is_item(b))
                    .ok_or_else(|| Error::NotFound(format!("no review item {id:?}")))?
                    .schedule
            }
        };
        let stage = slot.as_ref().map_or(Stage::New, |s| s.state);
        let next = schedule::graded(slot.as_ref(), grade, now, exam);
        let graded = Graded {
            id: id.to_owned(),
            grade,
            due: next.due.clone(),
            stage: next.state,
        };
        *slot = Some(next);
        file.reviews.push(Review {
            id: SectionId(id.to_owned()),
            grade,
            at: schedule::format(now),
            stage,
            due: graded.due.clone(),
        });
        Ok(graded)
    })
}

/// Where a section stands in the user's study: a row of the study map the
/// timeline shows.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Study {
    /// Opened in the reader.
    pub opened: bool,
    /// Its bookmark's label.
    pub label: Option<Label>,
    /// Cloze cards made from it.
    pub cards: usize,
    /// Grades given to its items (bookmark and cards).
    pub reviews: u32,
    /// The lowest recall probability among its learnt items (0–1); none
    /// while every item is new or still in its first steps (where FSRS's
    /// figure says little: an item graded a minute ago is "100 %").
    pub retrievability: Option<f64>,
    /// It has review items and every one is learnt and likely recalled.
    pub retained: bool,
}

/// The study map: where every section with any study (opened, bookmarked
/// or with review items) stands, by section id.
pub fn study(store: &Store, corpus: &Corpus, now: DateTime<Utc>) -> BTreeMap<SectionId, Study> {
    let mut map: BTreeMap<SectionId, Study> = BTreeMap::new();
    for id in store.file().opened.keys() {
        if corpus.section(id.as_str()).is_some() {
            map.entry(id.clone()).or_default().opened = true;
        }
    }
    let bookmarks = &store.file().bookmarks;
    let found = resolve(bookmarks, corpus);
    for (b, s) in bookmarks.iter().zip(&found) {
        if let Some(s) = s {
            map.entry(s.id.clone()).or_default().label = Some(b.label.clone());
        }
    }
    let mut all_retained: BTreeMap<SectionId, bool> = BTreeMap::new();
    for item in items_with(store, corpus, found, now) {
        let p = map.entry(item.section.id.clone()).or_default();
        p.cards += usize::from(item.cloze.is_some());
        p.reviews += item.reviews;
        if let Some(r) = item.retrievability.filter(|_| item.stage == Stage::Review) {
            p.retrievability = Some(p.retrievability.map_or(r, |low| low.min(r)));
        }
        let retained = item.is_retained();
        *all_retained.entry(item.section.id).or_insert(true) &= retained;
    }
    for (id, retained) in all_retained {
        if let Some(p) = map.get_mut(&id) {
            p.retained = retained;
        }
    }
    map
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
/// Anki so. A bookmark's front is the prompt (heading, memo, first summary
/// line), its back the section's text; a card's are its own two sides,
/// with the heading under the front; fields are HTML (escaped, line breaks as
/// `<br>`), so no tab or newline in a note can break a row. Orphaned items
/// are left out: there is no text to put on the back.
pub fn anki_tsv(store: &Store, corpus: &Corpus) -> String {
    let mut out = String::from("#separator:tab\n#html:true\n#tags column:3\n");
    for item in items(store, corpus, Utc::now()) {
        let Some(section) = corpus.section(item.section.id.as_str()) else {
            continue;
        };
        let name = crate::note::numbered(section.number, &section.title);
        let (front, back, kind) = match &item.cloze {
            Some(c) => (format!("{}\n{name}", c.front), c.back.clone(), "cloze"),
            None => {
                let mut front = vec![name];
                front.extend((!item.memo.is_empty()).then(|| item.memo.clone()));
                front.extend(item.prompt.clone());
                let label = item.label.as_ref().map_or(Label::REVIEW, Label::as_str);
                (front.join("\n"), section.text().into_owned(), label)
            }
        };
        let tag = |t: &str| t.split_whitespace().collect::<Vec<_>>().join("_");
        let tags = ["pilgi", kind, &tag(&crate::note::file_stem(&section.file))].join(" ");
        out.push_str(&format!(
            "{}\t{}\t{}\n",
            field(&front),
            field(&back),
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
