//! How far a long first read of a notes folder has come: a vault of 5 000
//! notes takes seconds to read and index, and both front ends show a
//! progress bar meanwhile (the app's window, the CLI's stderr).

use serde::Serialize;

/// Which part of opening a folder is under way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Reading, decoding and parsing the note files.
    Reading,
    /// Writing the notes' sections into the search index.
    Indexing,
    /// Committing the index to disk, once every section is written (the
    /// longest step of a first build, and one that cannot be counted).
    Saving,
}

/// One step: `files_done` of `files_total` files, the sections they hold,
/// and the file at hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Progress<'a> {
    /// What is being done.
    pub stage: Stage,
    /// Files done so far.
    pub files_done: usize,
    /// Files in all.
    pub files_total: usize,
    /// Sections done so far.
    pub sections_done: usize,
    /// Sections in all (while reading: not known yet, 0).
    pub sections_total: usize,
    /// The file just done, relative to the notes folder.
    pub file: &'a str,
}

/// Where progress goes; called once per file, so a consumer that draws
/// should draw at most every few milliseconds.
pub type Report<'r> = &'r mut dyn FnMut(&Progress<'_>);
