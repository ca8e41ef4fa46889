//! One module per subcommand; each has `Args` and `run`.

pub mod bookmark;
pub mod commands;
pub mod index;
pub mod lookup;
pub mod render;
pub mod review;
pub mod search;
pub mod show;
pub mod timeline;

use crate::output::Out;
use crate::progress::Bar;
use anyhow::Context as _;
use pilgi_core::bookmarks::Store;
use pilgi_core::progress::Progress;
use pilgi_core::{Library, Locations, Skipped};
use pilgi_i18n::{t, Message};
use std::cell::RefCell;
use std::path::PathBuf;

/// What every subcommand gets: the global flags.
pub struct Context {
    /// `--notes`, if given.
    pub notes: Option<PathBuf>,
    /// The printer.
    pub out: Out,
    /// The progress bar of a long read or index build.
    pub bar: RefCell<Bar>,
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
        let library = Library::open_reporting(locations, &mut self.progress())
            .with_context(|| Message::new("cli-cannot-open-notes").arg("dir", &notes));
        self.bar.borrow_mut().clear();
        let library = library?;
        self.report_unread(&library.corpus().skipped, library.corpus().warnings());
        Ok(library)
    }

    /// Says which files were not read as notes and which were read with
    /// problems (on stderr, so `--json` output stays clean).
    pub fn report_unread<'a>(
        &self,
        skipped: &[Skipped],
        warnings: impl Iterator<Item = (&'a str, &'a Message)>,
    ) {
        for s in skipped {
            self.out
                .warn(t!("cli-skipped", file = &s.file, reason = &s.reason));
        }
        for (file, warning) in warnings {
            self.out
                .warn(t!("cli-note-warning", file = file, warning = warning));
        }
    }

    /// Runs `act` on the bookmark store of the library's data folder
    /// (bookmarks and review items), then says what a recovery of the
    /// store did: a recovery is news even when the command itself failed,
    /// and a write may recover too.
    pub fn with_store<T>(
        &self,
        act: impl FnOnce(&mut Store, &Library) -> anyhow::Result<T>,
    ) -> anyhow::Result<T> {
        let library = self.library()?;
        let data = &library.locations().data;
        let mut store = Store::open(data)
            .with_context(|| Message::new("cli-cannot-open-bookmarks").arg("dir", data))?;
        let result = act(&mut store, &library);
        self.report_recoveries(&store);
        result
    }

    fn report_recoveries(&self, store: &Store) {
        for r in store.notices() {
            let done = match r.restored_from_backup {
                true => t!("cli-bookmarks-restored"),
                false => t!("cli-bookmarks-emptied"),
            };
            self.out.warn(&match r.set_aside.as_deref() {
                Some(kept) => t!(
                    "cli-bookmarks-unreadable-kept",
                    reason = &r.reason,
                    done = done,
                    kept = kept
                ),
                None => t!("cli-bookmarks-unreadable", reason = &r.reason, done = done),
            });
        }
    }

    /// Where a long step reports its progress (the bar).
    pub fn progress(&self) -> impl FnMut(&Progress<'_>) + '_ {
        |p| self.bar.borrow_mut().report(p)
    }
}

/// The notes shipped with Pilgi: installed beside the binary
/// (`../share/pilgi/notes`), see [`pilgi_core::paths::bundled_notes`].
fn bundled_notes() -> PathBuf {
    pilgi_core::paths::bundled_notes(
        std::env::current_exe()
            .ok()
            .and_then(|exe| Some(exe.parent()?.parent()?.join("share/pilgi/notes"))),
    )
}
