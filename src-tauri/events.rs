//! The names of the events the app sends its windows, in one place (the
//! UI's `ui/js/api.js` `APP_EVENTS` lists the same names; `ipc_listed.rs`
//! checks that they agree).

/// Reading or indexing the notes progressed (a [`pilgi_core::progress::Progress`]).
pub const INDEX_PROGRESS: &str = "index-progress";
/// Search answers from an index proved current before the notes are read
/// (at launch on an unchanged folder; `index-ready` follows once they are).
pub const SEARCH_READY: &str = "search-ready";
/// The index is built and search answers (an `IndexReport`).
pub const INDEX_READY: &str = "index-ready";
/// The notes could not be read or indexed (a message).
pub const INDEX_FAILED: &str = "index-failed";
/// The notes were re-read after an edit (a `pilgi_core::library::Change`):
/// the reader and the views that changed redraw.
pub const NOTES_CHANGED: &str = "notes-changed";
/// The index holds the edit too: the search reruns.
pub const INDEX_SYNCED: &str = "index-synced";
/// Bookmarks changed (here or in the CLI).
pub const BOOKMARKS_CHANGED: &str = "bookmarks-changed";
/// The lookup window was shown: it focuses its box.
pub const LOOKUP_SHOWN: &str = "lookup-shown";
/// The lookup window asks the main window to open a section (an id).
pub const OPEN_SECTION: &str = "open-section";
/// The interface language changed (a `{ lang }`): every window redraws in it.
pub const LANGUAGE_CHANGED: &str = "language-changed";
