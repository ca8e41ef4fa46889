//! The app's IPC commands. Each validates its arguments and makes one call
//! into `pilgi-core`. Every command is declared in `build.rs` and granted
//! in `capabilities/default.json`.

pub mod bookmarks;
pub mod clipboard;
pub mod language;
pub mod lookup;
pub mod notes;
pub mod review;
pub mod search;
pub mod settings;
pub mod web;

use pilgi_core::Error;
use pilgi_i18n::t;

/// The longest text any command accepts (queries, memos, copied commands).
const MAX_TEXT: usize = 64 * 1024;

/// Rejects ids no section could have (empty, huge, control characters)
/// before they reach the core. Ids are looked up, never used as paths.
pub fn valid_id(id: &str) -> Result<&str, Error> {
    if id.is_empty() || id.len() > 1024 || id.chars().any(char::is_control) {
        return Err(Error::Invalid(t!("app-malformed-id")));
    }
    Ok(id)
}

/// Rejects oversized text arguments.
pub fn valid_text<'a>(what: &str, text: &'a str) -> Result<&'a str, Error> {
    if text.len() > MAX_TEXT {
        return Err(Error::Invalid(t!("app-text-too-long", what = what)));
    }
    Ok(text)
}
