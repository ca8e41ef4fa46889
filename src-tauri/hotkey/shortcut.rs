//! A shortcut as the user writes it in the settings (`Ctrl+Shift+K`,
//! `Super+Space`, `F9`): modifiers and one key, named by its X keysym.

use pilgi_i18n::t;
use std::fmt;
use std::str::FromStr;

/// Modifier bits as X reports them in key events.
pub const SHIFT: u16 = 1;
pub const CONTROL: u16 = 1 << 2;
/// Alt (X's Mod1).
pub const ALT: u16 = 1 << 3;
/// Super, the "Windows" key (X's Mod4).
pub const SUPER: u16 = 1 << 6;

/// Modifiers plus one key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shortcut {
    /// [`SHIFT`], [`CONTROL`], [`ALT`] and [`SUPER`] bits.
    pub modifiers: u16,
    /// The key's X keysym (Latin-1 keys are their own code: `k` is 0x6b).
    pub keysym: u32,
}

/// Why a text is not a shortcut (shown in the settings).
#[derive(Debug, PartialEq, Eq)]
pub struct NotAShortcut(String);

impl fmt::Display for NotAShortcut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Shortcut {
    type Err = NotAShortcut;

    /// Parts joined by `+`, case-insensitive; the last is the key (`Ctrl++`
    /// is the plus key). A key other than F1–F24 needs Ctrl, Alt or Super:
    /// a global grab of a plain key (or Shift+key) would take it from every
    /// program's typing.
    fn from_str(text: &str) -> Result<Shortcut, NotAShortcut> {
        let text = text.trim();
        let (modifiers, key) = match text.strip_suffix("++") {
            Some(rest) => (rest, "+"),
            None => text.rsplit_once('+').unwrap_or(("", text)),
        };
        let key = key.trim();
        let modifiers: Vec<&str> = match modifiers.trim() {
            "" => Vec::new(),
            some => some.split('+').map(str::trim).collect(),
        };
        if key.is_empty() {
            return Err(NotAShortcut(t!("shortcut-no-key")));
        }
        let mut bits = 0;
        for name in &modifiers {
            bits |= modifier(name)
                .ok_or_else(|| NotAShortcut(t!("shortcut-not-a-modifier", name = *name)))?;
        }
        let keysym =
            keysym(key).ok_or_else(|| NotAShortcut(t!("shortcut-not-a-key", key = key)))?;
        let function_key = (F1..F1 + 24).contains(&keysym);
        if bits & (CONTROL | ALT | SUPER) == 0 && !function_key {
            return Err(NotAShortcut(t!("shortcut-needs-modifier")));
        }
        Ok(Shortcut {
            modifiers: bits,
            keysym,
        })
    }
}

impl Shortcut {
    /// The shortcut as the XDG "shortcuts" specification writes a trigger
    /// (`CTRL+SHIFT+k`), for the portal's preferred trigger. `None` for a
    /// key beyond letters, digits, F keys and Space: the portal then lets
    /// the user pick one, which beats proposing a misnamed key.
    pub fn xdg_trigger(&self) -> Option<String> {
        let key = match self.keysym {
            k if char::from_u32(k).is_some_and(|c| c.is_ascii_alphanumeric()) => {
                char::from_u32(k)?.to_string()
            }
            k if (F1..F1 + 24).contains(&k) => format!("F{}", k - F1 + 1),
            0x20 => "space".to_owned(),
            _ => return None,
        };
        let names = [
            (CONTROL, "CTRL"),
            (ALT, "ALT"),
            (SHIFT, "SHIFT"),
            (SUPER, "LOGO"),
        ];
        let mut trigger: String = names
            .iter()
            .filter(|(bit, _)| self.modifiers & bit != 0)
            .map(|(_, name)| format!("{name}+"))
            .collect();
        trigger.push_str(&key);
        Some(trigger)
    }
}

fn modifier(name: &str) -> Option<u16> {
    Some(match name.to_ascii_lowercase().as_str() {
        "ctrl" | "control" | "cmdorctrl" | "commandorcontrol" => CONTROL,
        "shift" => SHIFT,
        "alt" | "option" => ALT,
        "super" | "meta" | "win" | "cmd" | "command" => SUPER,
        _ => return None,
    })
}

/// X keysym of F1 (F2… follow).
const F1: u32 = 0xffbe;

/// The keysym of a key name: a printable ASCII character is its own keysym
/// (letters lowercase, as the unshifted key); `F1`–`F24`; the usual named
/// keys, also as the browser names them (`KeyK`, `Digit1`, `ArrowUp`).
fn keysym(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    let bare = lower
        .strip_prefix("key")
        .or_else(|| lower.strip_prefix("digit"))
        .filter(|rest| rest.len() == 1)
        .unwrap_or(&lower);
    let mut chars = bare.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return (c.is_ascii_graphic()).then_some(c as u32);
    }
    if let Some(n) = bare.strip_prefix('f').and_then(|n| n.parse::<u32>().ok()) {
        return (1..=24).contains(&n).then_some(F1 + n - 1);
    }
    Some(match bare.strip_prefix("arrow").unwrap_or(bare) {
        "space" => 0x20,
        "enter" | "return" => 0xff0d,
        "tab" => 0xff09,
        "escape" | "esc" => 0xff1b,
        "backspace" => 0xff08,
        "delete" => 0xffff,
        "insert" => 0xff63,
        "home" => 0xff50,
        "end" => 0xff57,
        "pageup" => 0xff55,
        "pagedown" => 0xff56,
        "left" => 0xff51,
        "up" => 0xff52,
        "right" => 0xff53,
        "down" => 0xff54,
        "minus" => '-' as u32,
        "plus" => '+' as u32,
        "equal" => '=' as u32,
        "comma" => ',' as u32,
        "period" => '.' as u32,
        "slash" => '/' as u32,
        "backslash" => '\\' as u32,
        "semicolon" => ';' as u32,
        "quote" => '\'' as u32,
        "backquote" => '`' as u32,
        "bracketleft" => '[' as u32,
        "bracketright" => ']' as u32,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Shortcut, NotAShortcut> {
        text.parse()
    }

    #[test]
    fn modifiers_and_keys_as_people_write_them() {
        let ctrl_shift_k = Shortcut {
            modifiers: CONTROL | SHIFT,
            keysym: 'k' as u32,
        };
        assert_eq!(parse("Ctrl+Shift+K"), Ok(ctrl_shift_k));
        assert_eq!(parse("shift + control + k"), Ok(ctrl_shift_k));
        assert_eq!(parse("CmdOrCtrl+Shift+KeyK"), Ok(ctrl_shift_k));
        assert_eq!(
            parse("Super+Space"),
            Ok(Shortcut {
                modifiers: SUPER,
                keysym: 0x20
            })
        );
        assert_eq!(parse("Alt+Digit1").map(|s| s.keysym), Ok('1' as u32));
        assert_eq!(parse("Ctrl+Alt+ArrowUp").map(|s| s.keysym), Ok(0xff52));
        assert_eq!(parse("Ctrl+/").map(|s| s.keysym), Ok('/' as u32));
        assert_eq!(parse("Ctrl+Slash").map(|s| s.keysym), Ok('/' as u32));
        assert_eq!(parse("Ctrl++").map(|s| s.keysym), Ok('+' as u32));
        assert_eq!(parse("Ctrl+Alt+Plus"), parse("ctrl + alt ++"));
        assert_eq!(
            parse("F9"),
            Ok(Shortcut {
                modifiers: 0,
                keysym: 0xffc6
            })
        );
        assert_eq!(parse("Shift+F24").map(|s| s.keysym), Ok(0xffd5));
    }

    #[test]
    fn the_portal_is_offered_the_specification_s_spelling() {
        let trigger = |text: &str| parse(text).expect("a shortcut").xdg_trigger();
        assert_eq!(trigger("Ctrl+Shift+K").as_deref(), Some("CTRL+SHIFT+k"));
        assert_eq!(trigger("Super+Space").as_deref(), Some("LOGO+space"));
        assert_eq!(trigger("Alt+F9").as_deref(), Some("ALT+F9"));
        assert_eq!(trigger("Ctrl+Alt+1").as_deref(), Some("CTRL+ALT+1"));
        assert_eq!(trigger("Ctrl+/"), None, "not guessed: the user picks it");
    }

    #[test]
    fn malformed_shortcuts_say_what_is_wrong() {
        let error = |text: &str| parse(text).unwrap_err().to_string();
        assert!(error("Ctrl+Shift+").contains("no key"));
        assert!(error("").contains("no key"));
        assert!(error("Hyper+K").contains("“Hyper” is not a modifier"));
        assert!(error("Ctrl+Kay").contains("“Kay” is not a key"));
        assert!(error("Ctrl+F25").contains("not a key"));
        assert!(error("Ctrl+한").contains("not a key"));
        assert!(error("K").contains("needs Ctrl, Alt or Super"));
        assert!(error("Shift+K").contains("needs Ctrl, Alt or Super"));
        assert!(error("++").contains("needs Ctrl, Alt or Super"));
    }
}
