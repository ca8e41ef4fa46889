//! The catalogs, built once per language, and the process's language.

use crate::{particle, Arg, Lang};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

/// The Rust side's catalogs (the core's messages, the terminal's, the
/// app's); the web UI's is [`ui_source`].
fn sources(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::En => [
            include_str!("../locales/en/core.ftl"),
            include_str!("../locales/en/cli.ftl"),
            include_str!("../locales/en/app.ftl"),
        ],
        Lang::Ko => [
            include_str!("../locales/ko/core.ftl"),
            include_str!("../locales/ko/cli.ftl"),
            include_str!("../locales/ko/app.ftl"),
        ],
    }
}

/// The web UI's catalog, as Fluent source for `@fluent/bundle` (the app
/// hands it over at startup: one set of `.ftl` files for both sides).
pub fn ui_source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!("../locales/en/ui.ftl"),
        Lang::Ko => include_str!("../locales/ko/ui.ftl"),
    }
}

/// Korean, once set; English is the default (false).
static KOREAN: AtomicBool = AtomicBool::new(false);

/// Speaks `lang` from now on, in this whole process.
pub fn set(lang: Lang) {
    KOREAN.store(lang == Lang::Ko, Ordering::Relaxed);
}

/// The language messages are said in.
pub fn current() -> Lang {
    match KOREAN.load(Ordering::Relaxed) {
        true => Lang::Ko,
        false => Lang::En,
    }
}

/// Says catalog message `id` in the current language.
pub fn tr(id: &str, args: &[(&str, Arg)]) -> String {
    Catalog::of(current()).say(id, args)
}

/// One language's messages.
pub struct Catalog {
    bundle: FluentBundle<FluentResource>,
    ids: Vec<String>,
}

impl Catalog {
    /// The catalog of `lang`, parsed on first use.
    pub fn of(lang: Lang) -> &'static Catalog {
        static EN: OnceLock<Catalog> = OnceLock::new();
        static KO: OnceLock<Catalog> = OnceLock::new();
        let cell = match lang {
            Lang::En => &EN,
            Lang::Ko => &KO,
        };
        cell.get_or_init(|| Catalog::new(lang, &sources(lang)))
    }

    /// A catalog of `sources`, in `lang`. The sources are ours and a test
    /// parses them all: a syntax error is a bug, so it panics here.
    pub fn new(lang: Lang, sources: &[&str]) -> Catalog {
        let locale = lang.tag().parse().expect("a valid language tag");
        let mut bundle = FluentBundle::new_concurrent(vec![locale]);
        // Unicode isolation marks around placeables help right-to-left
        // scripts, which neither language is; in a terminal they are
        // stray characters.
        bundle.set_use_isolating(false);
        bundle
            .add_function("PARTICLE", |positional, _named| {
                match (positional.first(), positional.get(1)) {
                    (Some(word), Some(FluentValue::String(pair))) => {
                        FluentValue::from(particle::after(&value_text(word), pair).to_owned())
                    }
                    _ => FluentValue::Error,
                }
            })
            .expect("PARTICLE is added once");
        let mut ids = Vec::new();
        for source in sources {
            let resource = FluentResource::try_new(source.to_string())
                .unwrap_or_else(|(_, errors)| panic!("a catalog does not parse: {errors:?}"));
            ids.extend(message_ids(&resource));
            bundle
                .add_resource(resource)
                .unwrap_or_else(|errors| panic!("a catalog id is defined twice: {errors:?}"));
        }
        Catalog { bundle, ids }
    }

    /// Every message id it holds.
    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    /// Says message `id`; an id it lacks is said as the id itself (never
    /// empty; the catalog tests keep it from happening).
    pub fn say(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            match value {
                Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
                Arg::Text(s) => fluent_args.set(*name, FluentValue::from(s.as_str())),
            }
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }
}

/// A placeable's text, as the particle rule reads it.
fn value_text(value: &FluentValue) -> String {
    match value {
        FluentValue::String(s) => s.to_string(),
        FluentValue::Number(n) => n.as_string().into_owned(),
        _ => String::new(),
    }
}

/// The message ids a resource defines (terms, `-name`, are not messages).
pub(crate) fn message_ids(resource: &FluentResource) -> Vec<String> {
    use fluent_syntax::ast::Entry;
    resource
        .entries()
        .filter_map(|entry| match entry {
            Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}
