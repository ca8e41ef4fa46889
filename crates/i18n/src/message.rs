//! A message kept as its catalog id and arguments until it is said.

use crate::{Catalog, Lang};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// What the core has to tell the user (why a file was skipped, how a note
/// was decoded), made where the language is not known. It is said in the
/// current language by `Display` ([`crate::set`]), in another by
/// [`Message::say`], and stored or printed as JSON as its id and arguments,
/// the same whatever the language.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Message {
    /// The catalog id (`skip-not-note`): stable, what a script matches on.
    pub id: Cow<'static, str>,
    /// The placeables, by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(Cow<'static, str>, Arg)>,
}

/// A placeable's value: a number picks plural forms and is read aloud by
/// the Korean particle rule (`3개`, `1이`/`2가`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Arg {
    /// A whole number (counts, line numbers, sizes).
    Number(i64),
    /// Text, as it is (a file name, a key, an OS error).
    Text(String),
}

impl Message {
    /// A message without arguments.
    pub fn new(id: &'static str) -> Message {
        Message {
            id: Cow::Borrowed(id),
            args: Vec::new(),
        }
    }

    /// The message with one more argument.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((Cow::Borrowed(name), value.into()));
        self
    }

    /// The message in a given language (`--json` output says it in English).
    pub fn say(&self, lang: Lang) -> String {
        let args: Vec<(&str, Arg)> = self
            .args
            .iter()
            .map(|(k, v)| (k.as_ref(), v.clone()))
            .collect();
        Catalog::of(lang).say(&self.id, &args)
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(crate::current()))
    }
}

/// A message can be an error itself (`anyhow::Error::new(message)`), so a
/// front end's own errors are said in the user's language too.
impl std::error::Error for Message {}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_owned())
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

impl From<Cow<'_, str>> for Arg {
    fn from(s: Cow<'_, str>) -> Arg {
        Arg::Text(s.into_owned())
    }
}

impl From<&Message> for Arg {
    fn from(m: &Message) -> Arg {
        Arg::Text(m.to_string())
    }
}

impl From<&std::path::Path> for Arg {
    fn from(p: &std::path::Path) -> Arg {
        Arg::Text(p.display().to_string())
    }
}

impl From<&std::path::PathBuf> for Arg {
    fn from(p: &std::path::PathBuf) -> Arg {
        Arg::Text(p.display().to_string())
    }
}

macro_rules! numbers {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(n as i64)
            }
        }
        impl From<&$t> for Arg {
            fn from(n: &$t) -> Arg {
                Arg::Number(*n as i64)
            }
        }
    )*};
}
numbers!(usize, u64, u32, i64, i32);
