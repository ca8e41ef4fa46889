//! The note model: what a notes file is once parsed.

use super::front_matter::Meta;
use pilgi_i18n::Message;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// A section's stable identity: `<file stem>#<number>` (or `#<title slug>` when
/// the section has no number or repeats one). It does not depend on the
/// section's position, so editing other sections of the file keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SectionId(pub String);

impl SectionId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Lets maps keyed by id be asked with a `&str` (no `String` per lookup:
/// the commands search looks one up per command per keystroke). Hashes
/// and compares as its text, as `Borrow` requires.
impl std::borrow::Borrow<str> for SectionId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SectionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a section is, from its title: the timeline colours them differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// A lecture (the default).
    Lecture,
    /// A demo recording.
    Demo,
    /// A practice test or lab.
    PracticeTest,
    /// The walk-through of a practice test.
    Solution,
    /// Housekeeping: downloads, tips, course admin.
    Other,
}

impl SectionKind {
    /// Guesses the kind from a course title (`Practice Test - Pods`,
    /// `Solution - Services (optional)`, `Demo: Accessing Labs`, …).
    pub fn from_title(title: &str) -> Self {
        let t = title.to_lowercase();
        let has = |w: &str| t.contains(w);
        if has("solution") {
            SectionKind::Solution
        } else if has("practice test") || has("mock exam") || has("lightning lab") {
            SectionKind::PracticeTest
        } else if has("demo") {
            SectionKind::Demo
        } else if has("download") || has("tip") || has("inspiration") || has("introduction") {
            SectionKind::Other
        } else {
            SectionKind::Lecture
        }
    }

    /// The snake_case name used in JSON and CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::Lecture => "lecture",
            SectionKind::Demo => "demo",
            SectionKind::PracticeTest => "practice_test",
            SectionKind::Solution => "solution",
            SectionKind::Other => "other",
        }
    }
}

/// How a note file is written, decided per file (see [`super::parse`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// The course-note dialect: `N. Title 08:48` headers, `> ` summaries,
    /// `$ ` commands, `#` comments, each decided line by line.
    #[default]
    Course,
    /// Markdown (CommonMark + GFM): heading sections, front matter, fences.
    Markdown,
}

/// A section as every list shows it (search hits, commands and their
/// places, bookmarks): enough to name it, place it and open it, without its
/// text, so no front end joins a list against the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionRef {
    /// Its id.
    pub id: SectionId,
    /// Its note file, relative to the notes folder.
    pub file: String,
    /// Its lecture number, when it has one.
    pub number: Option<u32>,
    /// Its title.
    pub title: String,
    /// The headings it sits under, outermost first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub path: Vec<String>,
    /// The lecture's length, when the header had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_seconds: Option<u32>,
}

impl SectionRef {
    /// The reference to `section`.
    pub fn of(section: &Section) -> SectionRef {
        SectionRef {
            id: section.id.clone(),
            file: section.file.clone(),
            number: section.number,
            title: section.title.clone(),
            path: section.path.clone(),
            duration_seconds: section.duration_seconds,
        }
    }
}

/// One section of a note: a lecture under its header line, or a Markdown
/// heading and the lines under it (up to the next heading, at any level).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Stable id, see [`SectionId`].
    pub id: SectionId,
    /// The note file, relative to the notes folder, with `/` separators.
    pub file: String,
    /// The lecture number, when the header had one.
    pub number: Option<u32>,
    /// The title without number, `Preview` marker and duration.
    pub title: String,
    /// The lecture's length, when the header had one.
    pub duration_seconds: Option<u32>,
    /// Whether the course marks the lecture as a free preview.
    pub preview: bool,
    /// Lecture, demo, practice test, …
    pub kind: SectionKind,
    /// The body lines (without the header line), joined with `\n`.
    pub body: String,
    /// First line of the section in the source file (1-based; the header line).
    pub line_start: usize,
    /// Last line of the section in the source file (1-based, inclusive).
    pub line_end: usize,
    /// How the body is written.
    #[serde(default)]
    pub format: Format,
    /// The heading level (1–6) of a Markdown section; 0 for a course
    /// section or a note's intro (the text before its first heading).
    #[serde(default)]
    pub level: u8,
    /// The headings this section sits under, outermost first
    /// (`["디플로이먼트"]` for `디플로이먼트 › 디플로이먼트 롤백`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub path: Vec<String>,
}

impl Section {
    /// The lines of the body (the header is not included).
    pub fn body_lines(&self) -> impl Iterator<Item = &str> {
        self.body.lines()
    }

    /// The body as a reader sees it: a course body as written, a Markdown
    /// body without its markup (see [`super::plain`]). What is indexed and
    /// what snippets are cut from.
    pub fn text(&self) -> Cow<'_, str> {
        match self.format {
            Format::Course => Cow::Borrowed(&self.body),
            Format::Markdown => Cow::Owned(super::plain::markdown_text(&self.body)),
        }
    }

    /// The 1-based line of the file where the body starts.
    pub fn body_first_line(&self) -> usize {
        (self.line_end + 1).saturating_sub(self.body.split('\n').count())
    }

    /// The `> ` summary lines of the section, without the marker.
    pub fn summary(&self) -> impl Iterator<Item = &str> {
        self.body
            .lines()
            .filter_map(|l| l.trim_start().strip_prefix('>').map(str::trim))
    }
}

/// A parsed notes file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// Path relative to the notes folder, `/`-separated.
    pub file: String,
    /// The note's name: front-matter `title`, else its first `# H1`, else
    /// the file name.
    pub title: String,
    /// What the front matter says (empty without one).
    #[serde(default)]
    pub meta: Meta,
    /// Lines before the first section (the course intro), joined with `\n`.
    pub preamble: String,
    /// The sections in file order.
    pub sections: Vec<Section>,
    /// Problems found while reading that did not stop it (e.g. invalid UTF-8).
    pub warnings: Vec<Message>,
}

/// A section's name as people say it: `17. Pods` for a numbered lecture,
/// the bare title otherwise. Every list, hit and heading the front ends
/// print uses this one form.
pub fn numbered(number: Option<u32>, title: &str) -> String {
    match number {
        Some(n) => format!("{n}. {title}"),
        None => title.to_owned(),
    }
}
