//! Where Pilgi keeps things: the notes folder it reads, the index cache it can
//! always rebuild, and the data (bookmarks) it must never lose. XDG first.

use std::path::{Path, PathBuf};

/// All the places one Pilgi session uses. The CLI and the app resolve them
/// the same way, so a bookmark made in one shows in the other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locations {
    /// The notes folder (read-only to Pilgi).
    pub notes: PathBuf,
    /// Where this notes folder's index lives (rebuildable).
    pub index: PathBuf,
    /// Bookmarks and other precious user data.
    pub data: PathBuf,
    /// Settings.
    pub config: PathBuf,
}

impl Locations {
    /// Resolves every location. The notes folder comes from, in order: the
    /// `--notes` flag, `PILGI_NOTES`, `notes_dir` in the config file, then
    /// `bundled` (the notes shipped with the app).
    pub fn resolve(flag: Option<PathBuf>, bundled: &Path) -> Locations {
        let config = config_dir();
        let notes = flag
            .or_else(|| {
                std::env::var_os("PILGI_NOTES")
                    .filter(|v| !v.is_empty())
                    .map(PathBuf::from)
            })
            .or_else(|| crate::settings::Settings::load(&config).notes_dir)
            .unwrap_or_else(|| bundled.to_owned());
        Locations::for_notes(notes, &config)
    }

    /// Why the settings file cannot be used, if it cannot (corrupt, not
    /// readable). Pilgi then runs on the defaults and leaves the file for
    /// the user to fix; front ends should say so, since a notes folder
    /// named only there is silently not used.
    pub fn settings_problem(&self) -> Option<String> {
        crate::settings::Settings::read(&self.config)
            .err()
            .map(|e| e.to_string())
    }

    /// Locations for a given notes folder with the XDG data and cache dirs.
    pub fn for_notes(notes: PathBuf, config: &Path) -> Locations {
        let notes = std::path::absolute(&notes).unwrap_or(notes);
        let key = notes.canonicalize().unwrap_or_else(|_| notes.clone());
        let key = blake3::hash(key.to_string_lossy().as_bytes()).to_hex();
        Locations {
            index: xdg("XDG_CACHE_HOME", ".cache")
                .join("index")
                .join(&key[..16]),
            data: xdg("XDG_DATA_HOME", ".local/share"),
            config: config.to_owned(),
            notes,
        }
    }
}

/// The notes shipped with Pilgi: `installed` (where the front end's package
/// puts them) when that folder exists, else, in a source checkout, the
/// repo's `notes/`.
pub fn bundled_notes(installed: Option<PathBuf>) -> PathBuf {
    installed
        .filter(|p| p.is_dir())
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../notes")))
}

/// The settings folder (`$XDG_CONFIG_HOME/pilgi`).
pub fn config_dir() -> PathBuf {
    xdg("XDG_CONFIG_HOME", ".config")
}

/// `$VAR/pilgi`, else `$HOME/<fallback>/pilgi`, else a temp folder.
fn xdg(var: &str, fallback: &str) -> PathBuf {
    let base = std::env::var_os(var)
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(fallback)))
        .unwrap_or_else(std::env::temp_dir);
    base.join("pilgi")
}
