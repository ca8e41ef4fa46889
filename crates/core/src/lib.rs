//! # pilgi-core
//!
//! Everything Pilgi does, without a user interface: reading a folder of
//! bilingual (Korean + English) course notes, parsing their sections,
//! laying them out as a course timeline, indexing and searching them,
//! rendering them to sanitized HTML and keeping the user's bookmarks.
//! The desktop app (`src-tauri/`) and the CLI (`crates/cli`) are thin
//! front ends over [`Library`].
//!
//! ```
//! let note = pilgi_core::note::parse("cka.txt", "intro\n10. Cluster Architecture Preview08:48\n> k8s\n");
//! assert_eq!(note.sections[0].title, "Cluster Architecture");
//! assert_eq!(note.sections[0].duration_seconds, Some(528));
//! assert_eq!(note.preamble, "intro");
//! ```
#![deny(missing_docs)]

pub mod analysis;
pub mod atomic;
pub mod bookmarks;
pub mod corpus;
mod error;
pub mod index;
pub mod library;
pub mod links;
pub mod note;
pub mod paths;
pub mod progress;
pub mod render;
pub mod review;
pub mod scan;
pub mod settings;
pub mod shell;
#[cfg(test)]
mod testing;
pub mod timeline;
pub mod watch_lease;

pub use corpus::{Corpus, LoadedNote};
pub use error::{Error, Result};
pub use library::Library;
pub use note::{Note, Section, SectionId, SectionKind, SectionRef};
pub use paths::Locations;
pub use scan::Skipped;
pub use settings::Settings;
pub use timeline::{format_duration, Timeline, TimelineEntry};
