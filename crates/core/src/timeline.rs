//! The notes in time: the course as a track of lectures laid end to end by
//! their durations, and the notes without durations (a Markdown vault,
//! daily notes) by the day they belong to.

use crate::corpus::Corpus;
use crate::note::{Note, SectionId, SectionKind};
use serde::Serialize;
use std::collections::BTreeMap;

/// One section on the timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineEntry {
    /// Section id.
    pub id: SectionId,
    /// Note file.
    pub file: String,
    /// Lecture number.
    pub number: Option<u32>,
    /// Title.
    pub title: String,
    /// Length, when known.
    pub duration_seconds: Option<u32>,
    /// Seconds of course before this section starts.
    pub start_seconds: u64,
    /// Lecture, demo, practice test, …
    pub kind: SectionKind,
    /// Free preview lecture.
    pub preview: bool,
    /// Markdown heading level (0 for course sections and intros).
    pub level: u8,
    /// Whether its note has durations, so it belongs on the course track;
    /// the other notes are placed by date ([`Timeline::days`]).
    pub timed: bool,
}

/// Where a note's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateBasis {
    /// Its front matter's `date`.
    FrontMatter,
    /// A date in its file or folder name (`2025-11-04.md`, `2025-11-04/day3.md`).
    FileName,
    /// The file's modification time.
    Modified,
}

/// A note without durations, on its day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DatedNote {
    /// The id of its first section (what opens when it is clicked).
    pub id: SectionId,
    /// Note file.
    pub file: String,
    /// The note's title.
    pub title: String,
    /// How many sections it has.
    pub sections: usize,
    /// Where the date came from.
    pub basis: DateBasis,
}

/// One day of notes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Day {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Its notes in path order.
    pub notes: Vec<DatedNote>,
}

/// The whole course in order, and the undated-by-duration notes by day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    /// Sum of all known durations.
    pub total_seconds: u64,
    /// Every section, in course order.
    pub sections: Vec<TimelineEntry>,
    /// Notes without durations, newest day first; notes with no date at
    /// all (not read from disk) are left out.
    pub days: Vec<Day>,
}

impl Timeline {
    /// Lays the corpus's sections end to end. Sections without a duration
    /// take no time, so they sit at the start time of the next one.
    pub fn of(corpus: &Corpus) -> Timeline {
        let mut start = 0u64;
        let mut sections = Vec::new();
        let mut days: BTreeMap<String, Vec<DatedNote>> = BTreeMap::new();
        for loaded in &corpus.notes {
            let note = &loaded.note;
            let (entries, end) = entries(note, start);
            sections.extend(entries);
            start = end;
            if let Some((date, dated)) = dated(note, corpus.modified(&note.file)) {
                days.entry(date).or_default().push(dated);
            }
        }
        Timeline {
            total_seconds: start,
            sections,
            days: days
                .into_iter()
                .rev()
                .map(|(date, notes)| Day { date, notes })
                .collect(),
        }
    }
}

/// What the timeline shows of one note, its start put at 0: two versions
/// of a note with equal shapes leave the timeline as it was (an edit of
/// the text under its headings, the common case).
pub fn shape(note: &Note, modified_ns: Option<i64>) -> impl PartialEq {
    (entries(note, 0), dated(note, modified_ns))
}

/// The entries of `note`'s sections starting at `start` seconds, and where
/// the next note starts.
fn entries(note: &Note, mut start: u64) -> (Vec<TimelineEntry>, u64) {
    let timed = note.sections.iter().any(|s| s.duration_seconds.is_some());
    let mut out = Vec::with_capacity(note.sections.len());
    for s in &note.sections {
        out.push(TimelineEntry {
            id: s.id.clone(),
            file: s.file.clone(),
            number: s.number,
            title: s.title.clone(),
            duration_seconds: s.duration_seconds,
            start_seconds: start,
            kind: s.kind,
            preview: s.preview,
            level: s.level,
            timed,
        });
        start += u64::from(s.duration_seconds.unwrap_or(0));
    }
    (out, start)
}

/// The day of a note without durations, and its row there.
fn dated(note: &Note, modified_ns: Option<i64>) -> Option<(String, DatedNote)> {
    let timed = note.sections.iter().any(|s| s.duration_seconds.is_some());
    let first = note.sections.first().filter(|_| !timed)?;
    let (date, basis) = date_of(note, modified_ns)?;
    let dated = DatedNote {
        id: first.id.clone(),
        file: note.file.clone(),
        title: note.title.clone(),
        sections: note.sections.len(),
        basis,
    };
    Some((date, dated))
}

/// The day a note belongs to: its front matter's `date`, else a date in its
/// path (the file name first, then its folders, innermost first), else its
/// modification time (UTC).
fn date_of(note: &Note, modified_ns: Option<i64>) -> Option<(String, DateBasis)> {
    if let Some(d) = note.meta.date.as_deref().and_then(find_date) {
        return Some((d, DateBasis::FrontMatter));
    }
    if let Some(d) = note.file.rsplit('/').find_map(find_date) {
        return Some((d, DateBasis::FileName));
    }
    let days = modified_ns?.div_euclid(86_400 * 1_000_000_000);
    Some((civil_date(days), DateBasis::Modified))
}

/// The first `YYYY-MM-DD` (or `YYYY.MM.DD`, `YYYY_MM_DD`, `YYYYMMDD`) in
/// `text` that is a real calendar date.
fn find_date(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let digits = |at: usize, n: usize| -> Option<u32> {
        let s = text.get(at..at + n)?;
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    for i in 0..b.len() {
        if i > 0 && b[i - 1].is_ascii_digit() {
            continue;
        }
        let Some(year) = digits(i, 4) else { continue };
        let (month, day, end) = match b.get(i + 4) {
            Some(b'-' | b'.' | b'_') if b.get(i + 7) == b.get(i + 4) => {
                (digits(i + 5, 2), digits(i + 8, 2), i + 10)
            }
            _ => (digits(i + 4, 2), digits(i + 6, 2), i + 8),
        };
        let (Some(month), Some(day)) = (month, day) else {
            continue;
        };
        if b.get(end).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        if (1970..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day) {
            return Some(format!("{year:04}-{month:02}-{day:02}"));
        }
    }
    None
}

/// Days since 1970-01-01 → `YYYY-MM-DD`.
fn civil_date(days: i64) -> String {
    let (year, month, day) = crate::bookmarks::time::civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}")
}

/// `528` → `"8:48"`, `10567` → `"2:56:07"`.
pub fn format_duration(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::LoadedNote;
    use crate::note::parse;

    #[test]
    fn durations_format() {
        assert_eq!(format_duration(0), "0:00");
        assert_eq!(format_duration(528), "8:48");
        assert_eq!(format_duration(10567), "2:56:07");
    }

    #[test]
    fn dates_in_text() {
        assert_eq!(find_date("2025-11-04-etcd").as_deref(), Some("2025-11-04"));
        assert_eq!(
            find_date("notes_20240301.md").as_deref(),
            Some("2024-03-01")
        );
        assert_eq!(find_date("2024.3.1"), None);
        assert_eq!(find_date("v1.27.3 12345678"), None);
        assert_eq!(find_date("day3"), None);
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(20_396), "2025-11-04");
    }

    #[test]
    fn a_mixed_folder_has_a_track_and_days() {
        let notes = [
            ("course.txt", "1. Intro 01:00\nx\n2. Pods 02:00\ny\n"),
            ("2025-11-04/day3.md", "## 정리\n내용\n"),
            (
                "etcd.md",
                "---\ndate: 2025-11-05T09:00:00+09:00\n---\n# etcd\n",
            ),
            ("plain.md", "# no date\n"),
        ];
        let notes = notes
            .iter()
            .map(|(f, t)| LoadedNote {
                note: parse(f, t),
                hash: String::new(),
            })
            .collect();
        let corpus = Corpus::from_notes(std::path::Path::new("/n"), notes, Vec::new());
        let t = Timeline::of(&corpus);
        assert_eq!(t.total_seconds, 180);
        let timed: Vec<_> = t.sections.iter().map(|s| s.timed).collect();
        assert_eq!(timed, [true, true, false, false, false]);
        let days: Vec<_> = t
            .days
            .iter()
            .map(|d| (d.date.as_str(), d.notes[0].file.as_str(), d.notes[0].basis))
            .collect();
        // `plain.md` has no date and was not read from disk: not placed.
        assert_eq!(
            days,
            [
                ("2025-11-05", "etcd.md", DateBasis::FrontMatter),
                ("2025-11-04", "2025-11-04/day3.md", DateBasis::FileName),
            ]
        );
    }
}
