//! The course as a timeline: sections in order with cumulative start times.

use crate::corpus::Corpus;
use crate::note::{SectionId, SectionKind};
use serde::Serialize;

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
}

/// The whole course in order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    /// Sum of all known durations.
    pub total_seconds: u64,
    /// Every section, in course order.
    pub sections: Vec<TimelineEntry>,
}

impl Timeline {
    /// Lays the corpus's sections end to end. Sections without a duration
    /// take no time, so they sit at the start time of the next one.
    pub fn of(corpus: &Corpus) -> Timeline {
        let mut start = 0u64;
        let sections = corpus
            .sections()
            .map(|s| {
                let entry = TimelineEntry {
                    id: s.id.clone(),
                    file: s.file.clone(),
                    number: s.number,
                    title: s.title.clone(),
                    duration_seconds: s.duration_seconds,
                    start_seconds: start,
                    kind: s.kind,
                    preview: s.preview,
                };
                start += u64::from(s.duration_seconds.unwrap_or(0));
                entry
            })
            .collect();
        Timeline {
            total_seconds: start,
            sections,
        }
    }
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

    #[test]
    fn durations_format() {
        assert_eq!(format_duration(0), "0:00");
        assert_eq!(format_duration(528), "8:48");
        assert_eq!(format_duration(10567), "2:56:07");
    }
}
