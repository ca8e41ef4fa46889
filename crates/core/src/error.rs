//! One error type for the whole core, with the context a user needs to act on it.

use pilgi_i18n::Message;
use std::fmt;
use std::path::PathBuf;

/// Everything that can go wrong inside `pilgi-core`.
///
/// Per-file problems while reading a notes folder are *not* errors: they are
/// collected as [`crate::Skipped`] so one bad file never stops the run.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// An I/O failure on a specific path.
    WithPath {
        /// The file or folder involved.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
    /// The search index could not be opened or written.
    Index(String),
    /// The search index is not built yet (the app shows the notes first).
    Indexing,
    /// Another process holds the index writer.
    Busy,
    /// A section id, bookmark or file that does not exist.
    NotFound(String),
    /// Input that cannot be used as given (bad id, bad label, bad file).
    Invalid(String),
    /// A JSON file we own (bookmarks, settings) could not be read or written.
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

    /// What went wrong, in the user's words: said in the current language
    /// by `Display`, in English by `--json` output.
    pub fn message(&self) -> Message {
        match self {
            Error::WithPath { path, source } => Message::new("error-io")
                .arg("path", path)
                .arg("error", source.to_string()),
            Error::Index(detail) => Message::new("error-index").arg("detail", detail),
            Error::Indexing => Message::new("error-indexing"),
            Error::Busy => Message::new("error-busy"),
            Error::NotFound(what) => Message::new("error-not-found").arg("what", what),
            Error::Invalid(detail) => Message::new("error-invalid").arg("detail", detail),
            Error::Store { path, message } => Message::new("error-store")
                .arg("path", path)
                .arg("detail", message),
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

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::WithPath { source, .. } => Some(source),
            _ => None,
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
