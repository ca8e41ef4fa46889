//! Export and import: the store's own JSON format, so an export is a
//! readable backup and a `bookmarks.json` from another machine imports too.
//! Importing merges: one bookmark per section, the newer edit wins, the
//! review logs are joined, nothing already in the store is dropped.

use super::edit::reanchor;
use super::model::{Bookmark, Card, StoreFile, FORMAT};
use super::store::{parse, Store};
use crate::atomic::write_atomic;
use crate::{Corpus, Error, Result};
use serde::Serialize;
use std::path::Path;

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// Bookmarks that were new.
    pub added: usize,
    /// Bookmarks whose imported edit was newer than the stored one.
    pub updated: usize,
    /// Bookmarks already in the store as they were (or newer).
    pub unchanged: usize,
    /// Dismissed suggestions that were new.
    pub dismissed: usize,
}

impl Store {
    /// Writes every bookmark, dismissal, card, grade and opened section to `path` (atomically, like the
    /// store itself). Returns how many bookmarks were written.
    pub fn export(&self, path: &Path) -> Result<usize> {
        let file = StoreFile {
            format: FORMAT,
            revision: 0,
            recoveries: Vec::new(),
            ..self.file().clone()
        };
        let mut bytes = serde_json::to_vec_pretty(&file).map_err(|e| Error::Store {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
        bytes.push(b'\n');
        write_atomic(path, &bytes)?;
        Ok(file.bookmarks.len())
    }

    /// Merges the bookmarks and dismissals of the export file at `path`.
    /// Imported bookmarks are first re-anchored to `corpus` so that one
    /// exported before a file rename meets its current self. A bookmark
    /// already stored keeps whichever label and memo were edited last and
    /// the earlier creation time.
    pub fn import(&mut self, corpus: &Corpus, path: &Path) -> Result<ImportReport> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let mut incoming = parse(path, &bytes)?
            .map_err(|reason| Error::Invalid(format!("{}: {reason}", path.display())))?;
        reanchor(&mut incoming, corpus);
        // The file itself may list a section twice (hand-edited, merged).
        let bookmarks = newest_per_id(incoming.bookmarks);
        let dismissed = incoming.dismissed;
        let reviews = incoming.reviews;
        let cards = incoming.cards;
        let opened = incoming.opened;
        let mut report = ImportReport::default();
        self.mutate(|file| {
            reanchor(file, corpus);
            for b in bookmarks {
                match file.bookmarks.iter_mut().find(|have| have.id == b.id) {
                    None => {
                        file.bookmarks.push(b);
                        report.added += 1;
                    }
                    Some(have) => {
                        let created = have.created.clone().min(b.created.clone());
                        if b.updated > have.updated {
                            *have = Bookmark { created, ..b };
                            report.updated += 1;
                        } else {
                            have.created = created;
                            report.unchanged += 1;
                        }
                    }
                }
            }
            for d in dismissed {
                if !file
                    .dismissed
                    .iter()
                    .any(|x| x.id == d.id && x.line == d.line)
                {
                    file.dismissed.push(d);
                    report.dismissed += 1;
                }
            }
            // The review log: each grade once, in time order.
            for r in reviews {
                if !file.reviews.iter().any(|x| x.id == r.id && x.at == r.at) {
                    file.reviews.push(r);
                }
            }
            file.reviews.sort_by(|a, b| a.at.cmp(&b.at));
            // A card's id is made from its text, so the same card made on
            // two machines meets itself; the one graded last wins.
            for c in cards {
                match file.cards.iter_mut().find(|have| have.id == c.id) {
                    None => file.cards.push(c),
                    Some(have) if last_review(&c) > last_review(have) => *have = c,
                    Some(_) => {}
                }
            }
            for (id, at) in opened {
                let first = file.opened.entry(id).or_insert_with(|| at.clone());
                *first = first.clone().min(at);
            }
            Ok(())
        })?;
        Ok(report)
    }
}

fn last_review(card: &Card) -> Option<&str> {
    card.schedule.as_ref().map(|s| s.last_review.as_str())
}

/// One bookmark per id, keeping the most recently edited.
fn newest_per_id(bookmarks: Vec<Bookmark>) -> Vec<Bookmark> {
    let mut out: Vec<Bookmark> = Vec::new();
    for b in bookmarks {
        match out.iter_mut().find(|o| o.id == b.id) {
            Some(o) if b.updated > o.updated => *o = b,
            Some(_) => {}
            None => out.push(b),
        }
    }
    out
}
