//! User settings (`$XDG_CONFIG_HOME/pilgi/config.json`).

use crate::atomic::write_atomic;
use crate::{Error, Result};
use pilgi_i18n::{Lang, Message};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// What the user chose. Unknown keys are ignored so older builds can read
/// newer files.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The notes folder picked in the app.
    pub notes_dir: Option<PathBuf>,
    /// The quick-lookup shortcut, e.g. `Ctrl+Shift+K`.
    pub lookup_shortcut: Option<String>,
    /// The exam date (`2026-12-20`): no review is scheduled on or after it.
    pub exam_date: Option<String>,
    /// The interface language chosen in the app (`None`: the system's).
    pub language: Option<Lang>,
}

impl Settings {
    /// The language to speak: `PILGI_LANG`, else the one chosen here, else
    /// the system locale's ([`Lang::from_env`]).
    pub fn interface_language(&self) -> Lang {
        Lang::from_env(self.language)
    }

    /// The exam date, if one is set; a date that does not read as
    /// `YYYY-MM-DD` is an error that says so (the other settings stand).
    pub fn exam(&self) -> std::result::Result<Option<chrono::NaiveDate>, Message> {
        let Some(text) = self.exam_date.as_deref().map(str::trim) else {
            return Ok(None);
        };
        chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| Message::new("settings-bad-exam-date").arg("date", text))
    }

    /// The settings file inside a config folder.
    pub fn path(config_dir: &Path) -> PathBuf {
        config_dir.join("config.json")
    }

    /// Reads the settings; a missing file is the defaults, a corrupt one an error.
    pub fn read(config_dir: &Path) -> Result<Settings> {
        let path = Settings::path(config_dir);
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| Error::Store {
                path,
                message: format!("not valid settings ({e}); using defaults"),
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Settings::default()),
            Err(e) => Err(Error::io(path, e)),
        }
    }

    /// Reads the settings, falling back to the defaults (a corrupt file is
    /// left untouched for the user to fix; [`Settings::read`] says why).
    pub fn load(config_dir: &Path) -> Settings {
        Settings::read(config_dir).unwrap_or_default()
    }

    /// Saves atomically.
    pub fn save(&self, config_dir: &Path) -> Result<()> {
        let json = serde_json::to_vec_pretty(self).map_err(|e| Error::Invalid(e.to_string()))?;
        write_atomic(&Settings::path(config_dir), &json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_corrupt_file() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Settings::read(dir.path()).unwrap(), Settings::default());
        let s = Settings {
            notes_dir: Some("/n".into()),
            lookup_shortcut: None,
            exam_date: Some("2026-12-20".into()),
            language: Some(Lang::Ko),
        };
        s.save(dir.path()).unwrap();
        assert_eq!(Settings::read(dir.path()).unwrap(), s);
        std::fs::write(Settings::path(dir.path()), "{oops").unwrap();
        assert!(matches!(
            Settings::read(dir.path()),
            Err(Error::Store { .. })
        ));
        assert_eq!(Settings::load(dir.path()), Settings::default());
        assert_eq!(
            std::fs::read_to_string(Settings::path(dir.path())).unwrap(),
            "{oops"
        );
    }

    #[test]
    fn the_exam_date_reads_as_a_date_or_says_why_not() {
        let with = |d: &str| Settings {
            exam_date: Some(d.into()),
            ..Settings::default()
        };
        let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 20);
        assert_eq!(with(" 2026-12-20 ").exam(), Ok(date));
        assert_eq!(Settings::default().exam(), Ok(None));
        let bad = with("20/12/2026").exam().unwrap_err();
        assert!(bad.to_string().contains("2026-12-20"), "{bad}");
    }
}
