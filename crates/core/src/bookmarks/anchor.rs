//! Re-anchoring: finding each bookmark's section again after the notes
//! changed. Ids are stable across most edits, so the id is tried first; a
//! renamed file, a retitled unnumbered section or a shuffled duplicate
//! number changes the id, so the bookmark falls back to its number and a
//! similar title in the same file, then to the fingerprint of the
//! section's first lines anywhere in the notes.
//! A bookmark that matches nothing is orphaned, never dropped.

use super::model::{fingerprint, Anchor, Bookmark, Card};
use crate::{Corpus, Section, SectionId};
use serde::Serialize;
use std::collections::HashSet;

/// How a bookmark relates to the notes as they are now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Its section is where the bookmark says.
    Ok,
    /// Its section was found under a different id (file renamed, title or
    /// number changed).
    Moved,
    /// No section matches any more; the bookmark keeps its last known title.
    Orphaned,
}

impl Status {
    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Moved => "moved",
            Status::Orphaned => "orphaned",
        }
    }

    /// The status of `bookmark` attached to `section`.
    pub fn of(bookmark: &Bookmark, section: Option<&Section>) -> Status {
        match section {
            None => Status::Orphaned,
            Some(s) if s.id == bookmark.id => Status::Ok,
            Some(_) => Status::Moved,
        }
    }
}

/// Titles at least this similar (1.0 = equal after dropping case, spaces
/// and punctuation) count as the same title: a typo fix stays above it,
/// "Practice Test - Pods" vs "Practice Test - Services" stays below.
pub const SIMILAR_TITLE: f64 = 0.7;

/// What re-anchoring needs of a thing kept on a section: a bookmark, or a
/// cloze card made from the section's lines.
pub trait Anchored {
    /// The section id it is attached to.
    fn section_id(&self) -> &SectionId;
    /// What that section looked like when last seen.
    fn anchor(&self) -> &Anchor;
}

impl Anchored for Bookmark {
    fn section_id(&self) -> &SectionId {
        &self.id
    }
    fn anchor(&self) -> &Anchor {
        &self.anchor
    }
}

impl Anchored for Card {
    fn section_id(&self) -> &SectionId {
        &self.section
    }
    fn anchor(&self) -> &Anchor {
        &self.anchor
    }
}

impl Anchored for (SectionId, Anchor) {
    fn section_id(&self) -> &SectionId {
        &self.0
    }
    fn anchor(&self) -> &Anchor {
        &self.1
    }
}

/// Finds the section of each bookmark, in the same order. No two bookmarks
/// get the same section: a section whose id some bookmark carries is kept
/// for that bookmark, and each fallback match takes a section nobody has.
pub fn resolve<'c, A: Anchored>(bookmarks: &[A], corpus: &'c Corpus) -> Vec<Option<&'c Section>> {
    let reserved: HashSet<&str> = bookmarks
        .iter()
        .filter(|b| corpus.section(b.section_id().as_str()).is_some())
        .map(|b| b.section_id().as_str())
        .collect();
    let mut found: Vec<Option<&Section>> = vec![None; bookmarks.len()];
    // Pass 1: the id still names a section that looks like the bookmarked one.
    for (slot, b) in found.iter_mut().zip(bookmarks) {
        if let Some(s) = corpus.section(b.section_id().as_str()) {
            if looks_like(b, s) {
                *slot = Some(s);
            }
        }
    }
    // Pass 2: look elsewhere for the rest; an id that survived with a
    // different look is the last resort (the user retitled the section).
    let mut taken: HashSet<&str> = reserved.clone();
    for (k, b) in bookmarks.iter().enumerate() {
        if found[k].is_some() {
            continue;
        }
        let elsewhere =
            by_number_and_title(b, corpus, &taken).or_else(|| by_fingerprint(b, corpus, &taken));
        found[k] = elsewhere.or_else(|| corpus.section(b.section_id().as_str()));
        if let Some(s) = found[k] {
            taken.insert(s.id.as_str());
        }
    }
    found
}

/// Same title (near enough) or same first lines.
fn looks_like(b: &impl Anchored, s: &Section) -> bool {
    title_similarity(&b.anchor().title, &s.title) >= SIMILAR_TITLE
        || (!b.anchor().fingerprint.is_empty() && b.anchor().fingerprint == fingerprint(&s.body))
}

/// The free section of the bookmark's file with the bookmark's number
/// (or none, for unnumbered ones) and the most similar title. Other files
/// are left to the fingerprint: a note split into files often restarts its
/// numbering, and a file missing for a moment must not send its bookmarks
/// to another file's "1. Introduction".
fn by_number_and_title<'c>(
    b: &impl Anchored,
    corpus: &'c Corpus,
    taken: &HashSet<&str>,
) -> Option<&'c Section> {
    corpus
        .note(&b.anchor().file)?
        .sections
        .iter()
        .filter(|s| !taken.contains(s.id.as_str()) && s.number == b.anchor().number)
        .map(|s| (title_similarity(&b.anchor().title, &s.title), s))
        .filter(|(sim, _)| *sim >= SIMILAR_TITLE)
        .fold(None, |best: Option<(f64, &Section)>, (sim, s)| match best {
            Some((b, _)) if b >= sim => best,
            _ => Some((sim, s)),
        })
        .map(|(_, s)| s)
}

/// The one free section with the bookmark's fingerprint. Two or more
/// candidates are ambiguous and match nothing: a wrong attachment would
/// hide the bookmark's real state.
fn by_fingerprint<'c>(
    b: &impl Anchored,
    corpus: &'c Corpus,
    taken: &HashSet<&str>,
) -> Option<&'c Section> {
    if b.anchor().fingerprint.is_empty() {
        return None;
    }
    let mut hits = corpus.sections().filter(|s| {
        !taken.contains(s.id.as_str()) && fingerprint(&s.body) == b.anchor().fingerprint
    });
    let first = hits.next()?;
    hits.next().is_none().then_some(first)
}

/// 1 − edit distance / length over the titles' lowercased letters and
/// digits: 1.0 for equal, 0.0 for nothing in common.
pub fn title_similarity(a: &str, b: &str) -> f64 {
    // The usual case (nothing changed), without an edit distance: the
    // review queue resolves every bookmark on each refresh.
    if a == b {
        return 1.0;
    }
    let norm = |t: &str| -> Vec<char> {
        t.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (a, b) = (norm(a), norm(b));
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 1.0;
    }
    1.0 - levenshtein(&a, &b) as f64 / longest as f64
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests;
