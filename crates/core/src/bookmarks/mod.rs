//! Bookmarks: the sections a user marked (confusing, review, exam-tip or a
//! word of their own) with a memo, kept in `bookmarks.json` in the data dir
//! and shared by the CLI and the app.
//!
//! Bookmarks are the user's most precious data, so the store is careful:
//! atomic durable writes with a backup, recovery that sets a corrupt file
//! aside instead of overwriting it, a lock so concurrent writers never lose
//! each other's changes ([`store`]), re-anchoring so a bookmark follows its
//! section through edits and is kept as orphaned when the section is gone
//! ([`anchor`]), suggestions from confusion markers in the notes
//! ([`suggest`]) and JSON export/import ([`exchange`]).
//!
//! ```
//! use pilgi_core::bookmarks::{Edit, Label, Status, Store};
//! use pilgi_core::{corpus::LoadedNote, note::parse, Corpus};
//!
//! let note = parse("cka.txt", "44. Network Policies 10:00\n헷갈렸음: ingress vs egress\n");
//! let corpus = Corpus::from_notes("/notes".as_ref(), vec![LoadedNote { note, hash: String::new() }], vec![]);
//! let data = tempfile::tempdir()?;
//!
//! let mut store = Store::open(data.path())?;
//! assert_eq!(store.suggest(&corpus)[0].line, "헷갈렸음: ingress vs egress");
//! let edit = Edit { label: Some(Label::parse("exam tip")?), memo: Some("egress 기본 허용".into()) };
//! store.save(&corpus, "cka#44", edit)?;
//!
//! let listed = store.list(&corpus);
//! assert_eq!(listed[0].status, Status::Ok);
//! assert_eq!(listed[0].label.as_str(), "exam-tip");
//! assert!(store.suggest(&corpus).is_empty(), "bookmarked sections are not suggested");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod anchor;
mod edit;
pub mod exchange;
pub mod model;
pub mod store;
pub mod suggest;
pub mod time;

pub use anchor::Status;
pub(crate) use edit::{card_sections, reanchor};
pub use edit::{Edit, Listed, Saved};
pub use exchange::ImportReport;
pub use model::{Anchor, Bookmark, Card, Dismissal, Label, Recovery, StoreFile};
pub use store::Store;
pub use suggest::Suggestion;
