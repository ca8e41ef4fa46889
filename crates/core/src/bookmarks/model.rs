//! What a bookmark is, and the shape of `bookmarks.json` on disk.

use crate::{Error, Result, Section, SectionId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The store format this build reads and writes. A file with a higher
/// number was written by a newer Pilgi and is never overwritten. Format 2
/// renamed the bookmark's `note` to `memo` (format 1 is still read; see
/// [`super::store`] for the copy kept of each older format). Format 3 added
/// cloze cards and the sections opened, which a format-2 Pilgi would drop
/// on its next write.
pub const FORMAT: u32 = 3;

/// A bookmark: the section it marks, how to find that section again after
/// the note is edited, what the user said about it and, once reviewed, when
/// to come back to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bookmark {
    /// The section id the bookmark is attached to (updated when the
    /// bookmark re-anchors to a section with a new id).
    pub id: SectionId,
    /// What the section looked like when last seen, for re-anchoring.
    pub anchor: Anchor,
    /// `confusing`, `review`, `exam-tip` or a word of the user's own.
    pub label: Label,
    /// The user's memo, any language, may be empty (`note` in format 1).
    #[serde(default, alias = "note")]
    pub memo: String,
    /// When the bookmark was made (RFC 3339 UTC).
    pub created: String,
    /// When label or memo last changed (RFC 3339 UTC).
    pub updated: String,
    /// When to review it next and how well it is known, once it has been
    /// graded (see [`crate::review`]); a review item never graded has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<Schedule>,
}

/// A review item's FSRS memory state, in Pilgi's own words (the file
/// format does not follow the scheduler crate's types as they change).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Schedule {
    /// When it is due (RFC 3339 UTC).
    pub due: String,
    /// FSRS stability: days until recall drops to 90 %.
    pub stability: f64,
    /// FSRS difficulty, 1 (easy) to 10.
    pub difficulty: f64,
    /// Days between the last review and the one before it.
    pub elapsed_days: i64,
    /// Days from the last review to the due date.
    pub scheduled_days: i64,
    /// Times reviewed.
    pub reps: i32,
    /// Times forgotten (graded Again after it was learnt).
    pub lapses: i32,
    /// Learning, review or relearning.
    pub state: Stage,
    /// When it was last graded (RFC 3339 UTC).
    pub last_review: String,
}

/// Where an item is in FSRS's cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// Never graded.
    New,
    /// Graded, still in its first short steps.
    Learning,
    /// Learnt: due days or months apart.
    Review,
    /// Forgotten after it was learnt, back in short steps.
    Relearning,
}

/// How well the user knew an item: Anki's four grades.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    /// Forgotten.
    Again,
    /// Recalled with serious difficulty.
    Hard,
    /// Recalled after a hesitation.
    Good,
    /// Recalled at once.
    Easy,
}

impl std::str::FromStr for Grade {
    type Err = Error;

    /// A grade by name or by its key in the review views (1–4).
    fn from_str(text: &str) -> Result<Grade> {
        Ok(match text.to_lowercase().as_str() {
            "1" | "again" => Grade::Again,
            "2" | "hard" => Grade::Hard,
            "3" | "good" => Grade::Good,
            "4" | "easy" => Grade::Easy,
            _ => {
                return Err(Error::Invalid(
                    "a grade is again, hard, good or easy (or 1–4)".into(),
                ))
            }
        })
    }
}

/// One grade given, kept for the statistics and for good: the log outlives
/// the bookmark it was given to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// The section id the item had then.
    pub id: SectionId,
    /// The grade.
    pub grade: Grade,
    /// When (RFC 3339 UTC).
    pub at: String,
    /// The item's stage before this grade.
    pub stage: Stage,
    /// When it became due next.
    pub due: String,
}

impl Bookmark {
    /// A new bookmark on `section`, made at `now`.
    pub fn new(section: &Section, label: Label, memo: String, now: String) -> Bookmark {
        Bookmark {
            id: section.id.clone(),
            anchor: Anchor::of(section),
            label,
            memo,
            created: now.clone(),
            updated: now,
            schedule: None,
        }
    }
}

/// A cloze card the user made from one definition line of a section
/// ([`crate::review::cards`]): a review item of its own, kept on its
/// section like a bookmark and re-anchored with the same rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    /// `card-<n>`: never a section id (those always hold a `#`), so one
    /// id names a review item whichever kind it is.
    pub id: String,
    /// The section the card was made from (updated when it re-anchors).
    pub section: SectionId,
    /// What that section looked like when last seen.
    pub anchor: Anchor,
    /// The line with the hidden part as `[?]`.
    pub front: String,
    /// The hidden part.
    pub back: String,
    /// When it was made (RFC 3339 UTC).
    pub created: String,
    /// Its memory state once graded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<Schedule>,
}

/// Where a bookmarked section was and what it looked like, so the bookmark
/// can find it again after the file is renamed or the section renumbered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// The note file, relative to the notes folder.
    pub file: String,
    /// The lecture number, if the section had one.
    pub number: Option<u32>,
    /// The last known title: shown for orphaned bookmarks.
    pub title: String,
    /// A hash of the section's first body lines ([`fingerprint`]); empty
    /// when the body was empty (an empty body identifies nothing).
    #[serde(default)]
    pub fingerprint: String,
}

impl Anchor {
    /// The anchor of a section as it is now.
    pub fn of(section: &Section) -> Anchor {
        Anchor {
            file: section.file.clone(),
            number: section.number,
            title: section.title.clone(),
            fingerprint: fingerprint(&section.body),
        }
    }
}

/// How many non-blank body lines the fingerprint covers: enough to tell
/// sections apart, few enough that notes appended at the end of a long
/// section do not change it.
const FINGERPRINT_LINES: usize = 3;

/// A short hash of the first non-blank body lines with white space
/// collapsed and case folded, so re-indenting or re-casing keeps it.
pub fn fingerprint(body: &str) -> String {
    let lines: Vec<String> = body
        .lines()
        .map(|l| {
            l.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
        .filter(|l| !l.is_empty())
        .take(FINGERPRINT_LINES)
        .collect();
    if lines.is_empty() {
        return String::new();
    }
    blake3::hash(lines.join("\n").as_bytes()).to_hex()[..16].to_owned()
}

/// A bookmark label: one lowercase word. The three built-in ones have
/// constants; any other word the user types is a custom label.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Label(String);

impl Label {
    /// Sections the user found confusing: the default.
    pub const CONFUSING: &'static str = "confusing";
    /// Sections to go over again.
    pub const REVIEW: &'static str = "review";
    /// Things likely to come up in the exam.
    pub const EXAM_TIP: &'static str = "exam-tip";
    /// The labels the app offers without typing.
    pub const BUILT_IN: [&'static str; 3] = [Self::CONFUSING, Self::REVIEW, Self::EXAM_TIP];

    /// Validates a label typed by the user: trimmed, lowercased, letters
    /// (any script), digits, `-` and `_`, at most 32 characters. `exam tip`
    /// and `exam_tip` become `exam-tip` so the built-in label is not split
    /// in two by spelling.
    pub fn parse(text: &str) -> Result<Label> {
        let word = text
            .trim()
            .to_lowercase()
            .split(|c: char| c.is_whitespace() || c == '_')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        let ok = !word.is_empty()
            && word.chars().count() <= 32
            && word.chars().all(|c| c.is_alphanumeric() || c == '-');
        if ok {
            Ok(Label(word))
        } else {
            Err(Error::Invalid(format!(
                "label {text:?}: use one word of letters, digits or '-' (e.g. {})",
                Self::BUILT_IN.join(", ")
            )))
        }
    }

    /// The label as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this is one of [`Label::BUILT_IN`].
    pub fn is_built_in(&self) -> bool {
        Self::BUILT_IN.contains(&self.0.as_str())
    }
}

impl Default for Label {
    fn default() -> Self {
        Label(Self::CONFUSING.to_owned())
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A suggestion the user turned down: the section and the line that
/// triggered it. A new confusion line in the same section is offered again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dismissal {
    /// The section the suggestion was for.
    pub id: SectionId,
    /// The matching line, trimmed.
    pub line: String,
    /// When it was dismissed.
    pub at: String,
}

/// A record of a corrupt store being set aside, kept in the store so both
/// the CLI and the app can tell the user, whichever found it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recovery {
    /// When it happened.
    pub at: String,
    /// Where the unreadable file was moved (nothing is deleted); `None`
    /// when the store file was missing and the backup was still there.
    pub set_aside: Option<String>,
    /// What was wrong with it.
    pub reason: String,
    /// Whether the bookmarks were restored from the backup (otherwise the
    /// store started empty and the set-aside file is the only copy).
    pub restored_from_backup: bool,
}

/// The whole of `bookmarks.json` (and of an export file).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoreFile {
    /// [`FORMAT`] of the writer.
    pub format: u32,
    /// Bumped by every write, so a front end can tell cheaply whether the
    /// file changed under it.
    #[serde(default)]
    pub revision: u64,
    /// The bookmarks, in the order they were made.
    #[serde(default)]
    pub bookmarks: Vec<Bookmark>,
    /// Suggestions the user dismissed.
    #[serde(default)]
    pub dismissed: Vec<Dismissal>,
    /// Corrupt-store recoveries, newest last.
    #[serde(default)]
    pub recoveries: Vec<Recovery>,
    /// Every grade given, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Review>,
    /// Cloze cards, in the order they were made.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cards: Vec<Card>,
    /// The sections the user has opened in the reader, with when they first
    /// did: the study map's "opened" (not re-anchored: an id that no longer
    /// names a section just stops showing).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub opened: BTreeMap<SectionId, String>,
}

impl Default for StoreFile {
    fn default() -> Self {
        StoreFile {
            format: FORMAT,
            revision: 0,
            bookmarks: Vec::new(),
            dismissed: Vec::new(),
            recoveries: Vec::new(),
            reviews: Vec::new(),
            cards: Vec::new(),
            opened: BTreeMap::new(),
        }
    }
}

impl StoreFile {
    /// The bookmark stored under `id`.
    pub fn get(&self, id: &str) -> Option<&Bookmark> {
        self.bookmarks.iter().find(|b| b.id.as_str() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_one_normalised_word() {
        assert_eq!(Label::parse(" Exam Tip ").unwrap().as_str(), "exam-tip");
        assert_eq!(Label::parse("exam_tip").unwrap().as_str(), "exam-tip");
        assert_eq!(Label::parse("복습").unwrap().as_str(), "복습");
        assert!(Label::parse("review").unwrap().is_built_in());
        assert!(!Label::parse("later").unwrap().is_built_in());
        for bad in ["", "  ", "a/b", "x!", &"a".repeat(33)] {
            assert!(Label::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn fingerprint_ignores_spacing_case_and_appended_text() {
        let a = fingerprint("Line One\n\n  line   two\nthree\nfour");
        assert_eq!(a.len(), 16);
        assert_eq!(a, fingerprint("line one\nLINE TWO\n\nthree\nsomething new"));
        assert_ne!(a, fingerprint("line one\nline 2\nthree"));
        assert_eq!(fingerprint(" \n\n"), "");
    }
}
