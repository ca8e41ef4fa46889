//! Which language to speak.

use serde::{Deserialize, Serialize};

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English: also what a locale in any other language gets.
    #[default]
    En,
    /// 한국어.
    Ko,
}

impl Lang {
    /// Both, in the order the settings list them.
    pub const ALL: [Lang; 2] = [Lang::Ko, Lang::En];

    /// The BCP 47 tag (`ko`, `en`): the web UI's `lang` attribute, Fluent's locale.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// The language a locale name asks for: `ko_KR.UTF-8`, `ko-KR` and `ko`
    /// are Korean; any other named locale (`en_US.UTF-8`, `C`, `fr_FR`) is
    /// English; an empty one says nothing.
    pub fn from_locale(name: &str) -> Option<Lang> {
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        let language = name.split(['_', '-', '.', '@', ':']).next().unwrap_or("");
        Some(match language.eq_ignore_ascii_case("ko") {
            true => Lang::Ko,
            false => Lang::En,
        })
    }

    /// The language to speak: `PILGI_LANG` (a per-launch override, as a
    /// script or a test sets it), else the one chosen in the settings
    /// (`None`: follow the system), else the system locale as gettext reads
    /// it (the first of `LANGUAGE`'s list, `LC_ALL`, `LC_MESSAGES`, `LANG`),
    /// else English. `var` reads the environment (a test passes its own).
    pub fn resolve(chosen: Option<Lang>, var: impl Fn(&str) -> Option<String>) -> Lang {
        let from = |name: &str| var(name).and_then(|v| Lang::from_locale(&v));
        from("PILGI_LANG")
            .or(chosen)
            .or_else(|| {
                ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"]
                    .into_iter()
                    .find_map(from)
            })
            .unwrap_or_default()
    }

    /// [`Lang::resolve`] with this process's environment.
    pub fn from_env(chosen: Option<Lang>) -> Lang {
        Lang::resolve(chosen, |name| std::env::var(name).ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(chosen: Option<Lang>, env: &[(&str, &str)]) -> Lang {
        Lang::resolve(chosen, |name| {
            env.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn locale_names() {
        assert_eq!(Lang::from_locale("ko_KR.UTF-8"), Some(Lang::Ko));
        assert_eq!(Lang::from_locale("ko-KR"), Some(Lang::Ko));
        assert_eq!(Lang::from_locale("KO"), Some(Lang::Ko));
        assert_eq!(Lang::from_locale("ko:en"), Some(Lang::Ko));
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_locale("C"), Some(Lang::En));
        assert_eq!(Lang::from_locale("fr_FR"), Some(Lang::En));
        assert_eq!(Lang::from_locale("kok_IN"), Some(Lang::En));
        assert_eq!(Lang::from_locale(" "), None);
    }

    #[test]
    fn the_override_then_the_choice_then_the_system() {
        let korean = [("LANG", "ko_KR.UTF-8")];
        assert_eq!(resolve(None, &korean), Lang::Ko);
        assert_eq!(resolve(Some(Lang::En), &korean), Lang::En);
        let overridden = [("LANG", "en_US.UTF-8"), ("PILGI_LANG", "ko")];
        assert_eq!(resolve(Some(Lang::En), &overridden), Lang::Ko);
        // An empty variable is no answer: the next one decides.
        let empty = [
            ("LC_ALL", ""),
            ("LC_MESSAGES", "ko_KR.UTF-8"),
            ("LANG", "C"),
        ];
        assert_eq!(resolve(None, &empty), Lang::Ko);
        assert_eq!(
            resolve(None, &[("LANGUAGE", "ko:en"), ("LANG", "C")]),
            Lang::Ko
        );
        assert_eq!(resolve(None, &[]), Lang::En);
    }
}
