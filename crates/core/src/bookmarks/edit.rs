//! Listing and changing bookmarks against the notes as they are now.
//!
//! Every change first re-anchors the stored bookmarks (persisting moves),
//! so afterwards each attached bookmark is stored under its section's
//! current id and ids stay unique: a section has at most one bookmark.

use super::anchor::{resolve, Status};
use super::model::{Anchor, Bookmark, Card, Label, StoreFile};
use super::store::Store;
use super::time;
use crate::{Corpus, Error, Result, Section, SectionId, SectionRef};
use serde::Serialize;
use std::collections::HashMap;

/// A bookmark with its section found in the current notes: the shape of
/// `pilgi bookmark ls --json` and of the app's bookmarks view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Listed {
    /// The id the bookmark is stored under.
    pub id: SectionId,
    /// Its section now, or `None` when orphaned.
    pub section: Option<SectionRef>,
    /// Ok, moved (found under another id) or orphaned.
    pub status: Status,
    /// The label.
    pub label: Label,
    /// The memo.
    pub memo: String,
    /// When it was made.
    pub created: String,
    /// When label or memo last changed.
    pub updated: String,
    /// Where the section was last seen: the title to show when orphaned.
    pub anchor: Anchor,
}

impl Listed {
    fn of(b: &Bookmark, section: Option<&Section>) -> Listed {
        Listed {
            id: b.id.clone(),
            section: section.map(SectionRef::of),
            status: Status::of(b, section),
            label: b.label.clone(),
            memo: b.memo.clone(),
            created: b.created.clone(),
            updated: b.updated.clone(),
            anchor: b.anchor.clone(),
        }
    }
}

/// What to change on a bookmark; `None` keeps the current value (or the
/// default for a new bookmark: label `confusing`, empty memo).
#[derive(Debug, Clone, Default)]
pub struct Edit {
    /// The new label.
    pub label: Option<Label>,
    /// The new memo.
    pub memo: Option<String>,
}

/// The result of [`Store::save`].
#[derive(Debug, Clone, Serialize)]
pub struct Saved {
    /// Whether the bookmark is new.
    pub created: bool,
    /// The bookmark as it is now.
    pub bookmark: Listed,
}

impl Store {
    /// Every bookmark with its section in `corpus`: attached ones in
    /// course order, then orphaned ones in the order they were made.
    pub fn list(&self, corpus: &Corpus) -> Vec<Listed> {
        let order: HashMap<&SectionId, usize> = corpus
            .sections()
            .enumerate()
            .map(|(k, s)| (&s.id, k))
            .collect();
        let bookmarks = &self.file().bookmarks;
        let mut listed: Vec<(usize, Listed)> = resolve(bookmarks, corpus)
            .into_iter()
            .zip(bookmarks)
            .map(|(s, b)| {
                let pos = s.and_then(|s| order.get(&s.id)).copied();
                (pos.unwrap_or(usize::MAX), Listed::of(b, s))
            })
            .collect();
        listed.sort_by_key(|(pos, _)| *pos);
        listed.into_iter().map(|(_, l)| l).collect()
    }

    /// The bookmark of section `id` (or the orphaned bookmark stored under
    /// `id`), if any: what the app's `b` key toggles.
    pub fn get(&self, corpus: &Corpus, id: &str) -> Option<Listed> {
        let listed = self.list(corpus);
        let attached = listed
            .iter()
            .position(|l| l.section.as_ref().is_some_and(|s| s.id.as_str() == id));
        let stored = || {
            listed
                .iter()
                .position(|l| l.section.is_none() && l.id.as_str() == id)
        };
        attached.or_else(stored).map(|k| listed[k].clone())
    }

    /// Bookmarks section `id` or, when it is bookmarked already, changes
    /// its label and memo. A section that does not exist is
    /// [`Error::NotFound`] unless an orphaned bookmark is stored under that
    /// id (its memo can still be edited).
    pub fn save(&mut self, corpus: &Corpus, id: &str, edit: Edit) -> Result<Saved> {
        let created = self.mutate(|file| {
            reanchor(file, corpus);
            let now = time::now();
            if let Some(b) = file.bookmarks.iter_mut().find(|b| b.id.as_str() == id) {
                let label = edit.label.unwrap_or_else(|| b.label.clone());
                let memo = edit.memo.map_or_else(|| b.memo.clone(), |m| tidy(&m));
                if label != b.label || memo != b.memo {
                    (b.label, b.memo, b.updated) = (label, memo, now);
                }
                return Ok(false);
            }
            let section = corpus
                .section(id)
                .ok_or_else(|| Error::NotFound(format!("no section with id {id:?}")))?;
            let memo = edit.memo.as_deref().map(tidy).unwrap_or_default();
            let label = edit.label.unwrap_or_default();
            file.bookmarks
                .push(Bookmark::new(section, label, memo, now));
            Ok(true)
        })?;
        let bookmark = self
            .get(corpus, id)
            .ok_or_else(|| Error::NotFound(format!("bookmark {id:?} vanished")))?;
        Ok(Saved { created, bookmark })
    }

    /// Removes the bookmark of section `id` (or the orphaned bookmark
    /// stored under `id`) and returns it; `None` when there was none.
    pub fn remove(&mut self, corpus: &Corpus, id: &str) -> Result<Option<Bookmark>> {
        self.mutate(|file| {
            reanchor(file, corpus);
            let k = file.bookmarks.iter().position(|b| b.id.as_str() == id);
            Ok(k.map(|k| file.bookmarks.remove(k)))
        })
    }

    /// Bookmarks section `id` with the default label, or removes its
    /// bookmark. Returns whether the section is bookmarked now.
    pub fn toggle(&mut self, corpus: &Corpus, id: &str) -> Result<bool> {
        if self.remove(corpus, id)?.is_some() {
            return Ok(false);
        }
        self.save(corpus, id, Edit::default()).map(|_| true)
    }

    /// Records that the user opened section `id`, the first time only: a
    /// section opened before writes nothing. Returns whether it was new.
    pub fn mark_opened(&mut self, corpus: &Corpus, id: &str) -> Result<bool> {
        let section = corpus
            .section(id)
            .ok_or_else(|| Error::NotFound(format!("no section with id {id:?}")))?;
        if self.file().opened.contains_key(id) {
            return Ok(false);
        }
        self.mutate(|file| {
            let new = !file.opened.contains_key(id);
            file.opened
                .entry(section.id.clone())
                .or_insert_with(time::now);
            Ok(new)
        })
    }

    /// Saves where each bookmark's section is now (new id after a move,
    /// current title and fingerprint), so the next edit is matched against
    /// fresh anchors. Orphaned bookmarks are left exactly as they were.
    /// Returns how many bookmarks changed.
    /// Nothing to save takes no lock and writes nothing (a read-only data
    /// dir can still be listed).
    pub fn reanchor(&mut self, corpus: &Corpus) -> Result<usize> {
        if reanchor(&mut self.file().clone(), corpus) == 0 {
            return Ok(0);
        }
        self.mutate(|file| Ok(reanchor(file, corpus)))
    }
}

/// Re-keys and refreshes the anchors of `file`'s bookmarks and cards in
/// place. Returns how many changed.
pub(crate) fn reanchor(file: &mut StoreFile, corpus: &Corpus) -> usize {
    let found = resolve(&file.bookmarks, corpus);
    let mut changed = 0;
    for (b, s) in file.bookmarks.iter_mut().zip(found) {
        changed += usize::from(s.is_some_and(|s| follow(&mut b.id, &mut b.anchor, s)));
    }
    let found = card_sections(&file.cards, corpus);
    for (c, s) in file.cards.iter_mut().zip(found) {
        changed += usize::from(s.is_some_and(|s| follow(&mut c.section, &mut c.anchor, s)));
    }
    changed
}

/// Finds the section of each card, in the same order. Several cards may
/// share a section, which [`resolve`] would give to only one of them, so
/// each section the cards are on is resolved once.
pub(crate) fn card_sections<'c>(cards: &[Card], corpus: &'c Corpus) -> Vec<Option<&'c Section>> {
    let mut places: Vec<(SectionId, Anchor)> = Vec::new();
    for c in cards {
        if !places.iter().any(|(id, _)| *id == c.section) {
            places.push((c.section.clone(), c.anchor.clone()));
        }
    }
    let found = resolve(&places, corpus);
    cards
        .iter()
        .map(|c| {
            let at = places.iter().position(|(id, _)| *id == c.section)?;
            found[at]
        })
        .collect()
}

/// Points `id` and `anchor` at `section` as it is now; whether they changed.
fn follow(id: &mut SectionId, anchor: &mut Anchor, section: &Section) -> bool {
    let now = Anchor::of(section);
    if *id == section.id && *anchor == now {
        return false;
    }
    *id = section.id.clone();
    *anchor = now;
    true
}

/// Memos keep their inner line breaks but not the trailing ones a shell
/// or text field adds.
fn tidy(memo: &str) -> String {
    memo.trim().to_owned()
}

#[cfg(test)]
mod tests;
