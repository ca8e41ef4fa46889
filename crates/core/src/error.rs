//! One error type for the whole core, with the context a user needs to act on it.

use std::path::PathBuf;

/// Everything that can go wrong inside `pilgi-core`.
///
/// Per-file problems while reading a notes folder are *not* errors: they are
/// collected as [`crate::Skipped`] so one bad file never stops the run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An I/O failure on a specific path.
    #[error("{}: {source}", path.display())]
    WithPath {
        /// The file or folder involved.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
    /// The search index could not be opened or written.
    #[error("index: {0}")]
    Index(String),
    /// The search index is not built yet (the app shows the notes first).
    #[error("the search index is still being built")]
    Indexing,
    /// Another process holds the index writer.
    #[error("the index is busy: another Pilgi process is updating it")]
    Busy,
    /// A section id, bookmark or file that does not exist.
    #[error("not found: {0}")]
    NotFound(String),
    /// Input that cannot be used as given (bad id, bad label, bad file).
    #[error("invalid input: {0}")]
    Invalid(String),
    /// A JSON file we own (bookmarks, settings) could not be read or written.
    #[error("{}: {message}", path.display())]
    Store {
        /// The store file.
        path: PathBuf,
        /// What was wrong with it.
        message: String,
    },
}

impl Error {
    /// Attaches a path to an I/O error.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::WithPath {
            path: path.into(),
            source,
        }
    }

    /// A short stable name of the error's kind, for the IPC layer and `--json` output.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::WithPath { .. } => "io",
            Error::Index(_) => "index",
            Error::Indexing => "indexing",
            Error::Busy => "busy",
            Error::NotFound(_) => "not_found",
            Error::Invalid(_) => "invalid",
            Error::Store { .. } => "store",
        }
    }
}

impl From<tantivy::TantivyError> for Error {
    fn from(e: tantivy::TantivyError) -> Self {
        match e {
            tantivy::TantivyError::LockFailure(..) => Error::Busy,
            other => Error::Index(other.to_string()),
        }
    }
}

/// The core's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
