//! One module per subcommand; each has `Args` and `run`.

pub mod bookmark;
pub mod commands;
pub mod index;
pub mod render;
pub mod search;
pub mod show;
pub mod timeline;

use crate::output::Out;
use anyhow::Context as _;
use pilgi_core::{Library, Locations};
use std::path::PathBuf;

/// What every subcommand gets: the global flags.
pub struct Context {
    /// `--notes`, if given.
    pub notes: Option<PathBuf>,
    /// The printer.
    pub out: Out,
}

impl Context {
    /// Resolves the locations (flag, env, config, bundled notes).
    /// A config file that cannot be read is reported (once) and ignored.
    pub fn locations(&self) -> Locations {
        let locations = Locations::resolve(self.notes.clone(), &bundled_notes());
        static WARNED: std::sync::Once = std::sync::Once::new();
        if let Some(problem) = locations.settings_problem() {
            WARNED.call_once(|| self.out.warn(&problem));
        }
        locations
    }

    /// Opens the notes library and reports files that were skipped or read
    /// with problems (on stderr, so `--json` output stays clean).
    pub fn library(&self) -> anyhow::Result<Library> {
        let locations = self.locations();
        let notes = locations.notes.clone();
        let library = Library::open(locations)
            .with_context(|| format!("cannot open notes folder {}", notes.display()))?;
        for s in &library.corpus().skipped {
            self.out.warn(&format!("skipped {}: {}", s.file, s.reason));
        }
        for (file, warning) in library.corpus().warnings() {
            self.out.warn(&format!("{file}: {warning}"));
        }
        Ok(library)
    }
}

/// The notes shipped with Pilgi: beside the installed binary
/// (`../share/pilgi/notes`) or, in a source checkout, the repo's `notes/`.
fn bundled_notes() -> PathBuf {
    let installed = std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.join("share/pilgi/notes")));
    installed
        .filter(|p| p.is_dir())
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../notes")))
}
