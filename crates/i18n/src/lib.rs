//! Pilgi's interface languages, Korean and English: the Fluent catalogs
//! (`locales/<lang>/*.ftl`, one set for the CLI, the app's Rust side and its
//! web UI), which language to speak ([`Lang::resolve`]) and the Korean
//! particle after a placeholder ([`particle`]).
//!
//! The language is process-wide, like the C library's locale: a front end
//! decides it once ([`set`]; the app again when the user switches), and
//! every message said afterwards ([`tr`], [`t!`], a [`Message`]'s `Display`)
//! is in it. Machine output (`--json`, stored files) never goes through
//! it: a [`Message`] serializes as its id and arguments.

mod catalog;
mod lang;
mod message;
pub mod particle;

pub use catalog::{current, set, tr, ui_source, Catalog};
pub use lang::Lang;
pub use message::{Arg, Message};

/// Says a catalog message in the current language:
/// `t!("index-skipped", file = name, reason = why)`.
#[macro_export]
macro_rules! t {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::tr($id, &[$((stringify!($name), $crate::Arg::from($value))),*])
    };
}
