//! Suggested bookmarks: sections whose text says the user struggled
//! (헷갈렸음, 몰랐던 것, ??, TODO, …). The markers are data
//! (`crates/core/data/confusion_markers.txt`), with negations so that
//! "모르는 거 없었음" or "안 헷갈림" is not taken for confusion.

use super::edit::{Edit, Saved};
use super::model::Dismissal;
use super::store::Store;
use super::time;
use crate::note::SectionRef;
use crate::{Corpus, Error, Result, Section};
use serde::Serialize;
use std::collections::HashSet;
use std::sync::OnceLock;

const SOURCE: &str = include_str!("../../data/confusion_markers.txt");

/// How far after a marker a negation still belongs to it, in characters:
/// "헷갈리는 거 없었음" is 6 characters from marker to "없".
const NEGATION_WINDOW: usize = 8;

/// The parsed marker table.
#[derive(Debug, Default)]
pub struct Markers {
    /// Lowercased markers.
    pub markers: Vec<String>,
    /// Lowercased negations that may follow a marker.
    pub after: Vec<String>,
    /// Lowercased negations that may precede a marker.
    pub before: Vec<String>,
}

impl Markers {
    /// The built-in table.
    pub fn builtin() -> &'static Markers {
        static TABLE: OnceLock<Markers> = OnceLock::new();
        TABLE.get_or_init(|| Markers::parse(SOURCE))
    }

    /// Parses the table format (see the data file's comments).
    pub fn parse(text: &str) -> Markers {
        let mut m = Markers::default();
        let mut part = "";
        for raw in text.lines() {
            // Negations before a marker end with a space that matters.
            let line = raw.trim_start();
            if line.trim().is_empty() || line.starts_with("# ") || line.trim() == "#" {
                continue;
            }
            if let Some(name) = line
                .trim()
                .strip_prefix('[')
                .and_then(|l| l.strip_suffix(']'))
            {
                part =
                    if name == "markers" || name == "negations-after" || name == "negations-before"
                    {
                        name
                    } else {
                        ""
                    };
                continue;
            }
            let target = match part {
                "markers" => &mut m.markers,
                "negations-after" => &mut m.after,
                "negations-before" => &mut m.before,
                _ => continue,
            };
            let entry = if part == "negations-before" {
                line
            } else {
                line.trim_end()
            };
            target.push(entry.to_lowercase());
        }
        m
    }

    /// The first marker that `line` uses without negating it.
    pub fn find<'m>(&'m self, line: &str) -> Option<&'m str> {
        let lower = line.to_lowercase();
        self.markers
            .iter()
            .find(|marker| {
                lower.match_indices(marker.as_str()).any(|(at, m)| {
                    let end = at + m.len();
                    whole_word(&lower, marker, at, end) && !self.negated(&lower, at, end)
                })
            })
            .map(String::as_str)
    }

    fn negated(&self, line: &str, start: usize, end: usize) -> bool {
        let clause_end = line[end..]
            .find(['.', ',', ';', '\n'])
            .map_or(line.len(), |k| end + k);
        let after: String = line[end..clause_end]
            .chars()
            .take(NEGATION_WINDOW)
            .collect();
        let before = &line[..start];
        self.after.iter().any(|n| after.contains(n.as_str()))
            || self.before.iter().any(|n| {
                before.ends_with(n.as_str())
                    && before[..before.len() - n.len()]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric())
            })
    }
}

/// English markers match whole words only ("todo" is not in "mastodon");
/// Korean markers are stems ("헷갈" in "헷갈렸음") and match anywhere.
fn whole_word(line: &str, marker: &str, start: usize, end: usize) -> bool {
    let wordy = |c: char| c.is_ascii_alphanumeric();
    let starts = marker.chars().next().is_some_and(wordy);
    let ends = marker.chars().next_back().is_some_and(wordy);
    (!starts || !line[..start].chars().next_back().is_some_and(wordy))
        && (!ends || !line[end..].chars().next().is_some_and(wordy))
}

/// A section the notes suggest bookmarking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// The section.
    pub section: SectionRef,
    /// The first line with a marker, trimmed.
    pub line: String,
    /// That line's number in the note file (1-based).
    pub line_number: usize,
    /// The marker it contains.
    pub marker: String,
}

/// The first unnegated marker line of a section's body.
pub fn scan(section: &Section, markers: &Markers) -> Option<Suggestion> {
    section.body_lines().enumerate().find_map(|(k, line)| {
        let marker = markers.find(line)?;
        Some(Suggestion {
            section: SectionRef::of(section),
            line: line.trim().to_owned(),
            line_number: section.line_start + 1 + k,
            marker: marker.to_owned(),
        })
    })
}

impl Store {
    /// Sections with confusion markers, in course order, without the ones
    /// already bookmarked and the ones dismissed for the same line.
    pub fn suggest(&self, corpus: &Corpus) -> Vec<Suggestion> {
        let bookmarked: HashSet<_> = self
            .list(corpus)
            .into_iter()
            .filter_map(|l| l.section.map(|s| s.id))
            .collect();
        let dismissed: HashSet<(&str, &str)> = self
            .file()
            .dismissed
            .iter()
            .map(|d| (d.id.as_str(), d.line.as_str()))
            .collect();
        corpus
            .sections()
            .filter(|s| !bookmarked.contains(&s.id))
            .filter_map(|s| scan(s, Markers::builtin()))
            .filter(|s| !dismissed.contains(&(s.section.id.as_str(), s.line.as_str())))
            .collect()
    }

    /// Accepts the suggestion for section `id`: bookmarks it as confusing
    /// (an existing bookmark is left as it is).
    pub fn accept(&mut self, corpus: &Corpus, id: &str) -> Result<Saved> {
        self.save(corpus, id, Edit::default())
    }

    /// Dismisses the suggestion for section `id`, remembered with its line
    /// so a new confusion line in the section is suggested again.
    /// [`Error::NotFound`] when the section has no suggestion.
    pub fn dismiss(&mut self, corpus: &Corpus, id: &str) -> Result<Suggestion> {
        let suggestion = corpus
            .section(id)
            .and_then(|s| scan(s, Markers::builtin()))
            .ok_or_else(|| Error::NotFound(format!("no suggestion for {id:?}")))?;
        self.mutate(|file| {
            let known = file
                .dismissed
                .iter()
                .any(|d| d.id == suggestion.section.id && d.line == suggestion.line);
            if !known {
                file.dismissed.push(Dismissal {
                    id: suggestion.section.id.clone(),
                    line: suggestion.line.clone(),
                    at: time::now(),
                });
            }
            Ok(())
        })?;
        Ok(suggestion)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(line: &str) -> Option<&'static str> {
        Markers::builtin().find(line)
    }

    #[test]
    fn markers_in_korean_and_english() {
        assert_eq!(hit("> 처음으로 헷갈렸음"), Some("헷갈"));
        assert_eq!(hit("taint랑 affinity 차이 몰랐음"), Some("몰랐"));
        assert_eq!(hit("왜 이렇게 되는지 모르겠다"), Some("모르겠"));
        assert_eq!(hit("문제 3번 틀렸음"), Some("틀렸"));
        assert_eq!(hit("시험 전에 다시 보기"), Some("다시 보기"));
        assert_eq!(hit("nodeSelector vs affinity ??"), Some("??"));
        assert_eq!(hit("This part is CONFUSING"), Some("confusing"));
        assert_eq!(hit("TODO: 정리"), Some("todo"));
        assert_eq!(hit("mastodon"), None);
    }

    #[test]
    fn negated_markers_are_not_confusion() {
        for line in [
            "> 모르는 문제 없었음",
            "> 틀린거 없어서 패스",
            "헷갈리는 거 없었음",
            "어렵지 않음",
            "이번엔 안 헷갈림",
            "not confusing at all",
            "kubectl get pods",
            "",
        ] {
            assert_eq!(hit(line), None, "{line}");
        }
        // A negation in another clause does not cancel the marker.
        assert_eq!(hit("설명은 없었음, 그래서 헷갈렸음"), Some("헷갈"));
        assert_eq!(hit("헷갈렸음. 설명이 없어서"), Some("헷갈"));
    }

    #[test]
    fn table_parses_every_section() {
        let m = Markers::builtin();
        assert!(m.markers.len() >= 15);
        assert!(m
            .markers
            .iter()
            .all(|k| !k.is_empty() && !k.starts_with('#')));
        assert!(m.after.contains(&"없".to_owned()));
        assert!(m.before.contains(&"안 ".to_owned()));
    }
}
