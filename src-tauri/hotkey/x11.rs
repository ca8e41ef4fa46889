//! A global shortcut on X11: the key is grabbed on the root window, and one
//! thread sleeps on the X connection until the key is let go.
//!
//! Not tauri-plugin-global-shortcut: its global-hotkey crate looks at its X
//! connection every 50 ms, which woke Pilgi 20 times a second while it sat
//! idle (the empty Tauri window: never), made every press wait ~25 ms on
//! average, and held the main thread for up to 50 ms per registration.

use super::shortcut::{self, Shortcut};
use pilgi_i18n::t;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use x11rb::connection::Connection;
use x11rb::errors::ReplyError;
use x11rb::protocol::xkb::{self, ConnectionExt as _};
use x11rb::protocol::xproto::{ConnectionExt as _, GrabMode, Keycode, ModMask, Window};
use x11rb::protocol::{ErrorKind, Event};
use x11rb::rust_connection::RustConnection;

/// Lock keys X counts as modifiers while they are on: each grab is made
/// with every combination of them, or Caps Lock would disable the shortcut.
const LOCKS: [u16; 4] = [0, LOCK, NUM_LOCK, LOCK | NUM_LOCK];
const LOCK: u16 = 1 << 1;
/// Num Lock (X's Mod2).
const NUM_LOCK: u16 = 1 << 4;
/// The modifiers a shortcut may use (see [`shortcut`]).
const MODIFIERS: u16 = shortcut::SHIFT | shortcut::CONTROL | shortcut::ALT | shortcut::SUPER;

/// The grabbed key, shared with the event thread.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Grab {
    keycode: Keycode,
    modifiers: u16,
}

/// An X connection holding (at most) one global shortcut.
pub struct Hotkey {
    conn: Arc<RustConnection>,
    root: Window,
    grab: Arc<Mutex<Option<Grab>>>,
    /// Cleared when the event thread ends (the X connection broke).
    alive: Arc<AtomicBool>,
}

impl Hotkey {
    /// Connects to the X server and starts the thread that calls
    /// `on_release` each time the grabbed shortcut is let go (not pressed:
    /// while its key is down X holds a keyboard grab, and a window focused
    /// during the grab loses the focus when it ends).
    pub fn connect(on_release: impl Fn() + Send + 'static) -> Result<Hotkey, String> {
        let (conn, screen) =
            RustConnection::connect(None).map_err(|e| format!("no X display ({e})"))?;
        // Holding the key down repeats only its press, not release+press
        // pairs that would toggle the window on and off. Without XKB the
        // shortcut still works, and a held key flickers the window.
        let repeat = xkb::PerClientFlag::DETECTABLE_AUTO_REPEAT;
        let detectable = conn
            .xkb_use_extension(1, 0)
            .ok()
            .and_then(|c| c.reply().ok())
            .filter(|r| r.supported)
            .and_then(|_| {
                let flags = conn.xkb_per_client_flags(
                    xkb::ID::USE_CORE_KBD.into(),
                    repeat,
                    repeat,
                    0u32.into(),
                    0u32.into(),
                    0u32.into(),
                );
                flags.ok()?.reply().ok()
            })
            .is_some_and(|r| r.supported.contains(repeat));
        if !detectable {
            eprintln!("pilgi: the X server cannot tell a held key from repeated presses");
        }
        let root = conn.setup().roots[screen].root;
        let hotkey = Hotkey {
            conn: Arc::new(conn),
            root,
            grab: Arc::default(),
            alive: Arc::new(AtomicBool::new(true)),
        };
        let (conn, grab, alive) = (
            hotkey.conn.clone(),
            hotkey.grab.clone(),
            hotkey.alive.clone(),
        );
        std::thread::Builder::new()
            .name("pilgi-hotkey".into())
            .spawn(move || {
                listen(&conn, &grab, on_release);
                alive.store(false, Ordering::SeqCst);
                eprintln!("pilgi: lost the X connection; the lookup shortcut is off until it is set again");
            })
            .map_err(|e| e.to_string())?;
        Ok(hotkey)
    }

    /// Whether the event thread still listens (the connection holds).
    pub fn is_alive(&self) -> bool {
        self.alive.load(Ordering::SeqCst)
    }

    /// Makes `shortcut` the one grabbed key, releasing the previous one
    /// only once the new one is held (on error the previous one stays).
    pub fn grab(&self, shortcut: Shortcut) -> Result<(), String> {
        let (keycode, shifted) = self
            .keycode(shortcut.keysym)?
            .ok_or_else(|| t!("shortcut-no-such-key"))?;
        // `Ctrl+!` is Ctrl+Shift on the `1` key.
        let shift = if shifted { shortcut::SHIFT } else { 0 };
        let new = Grab {
            keycode,
            modifiers: shortcut.modifiers | shift,
        };
        let mut grab = self.grab.lock().unwrap_or_else(|e| e.into_inner());
        if *grab == Some(new) {
            return Ok(());
        }
        for (i, locks) in LOCKS.iter().enumerate() {
            let held = self
                .conn
                .grab_key(
                    false,
                    self.root,
                    ModMask::from(new.modifiers | locks),
                    keycode,
                    GrabMode::ASYNC,
                    GrabMode::ASYNC,
                )
                .map_err(x_error)?
                .check();
            if let Err(e) = held {
                self.ungrab(new, &LOCKS[..i]);
                return Err(match e {
                    ReplyError::X11Error(e) if e.error_kind == ErrorKind::Access => {
                        t!("shortcut-taken")
                    }
                    e => x_error(e),
                });
            }
        }
        if let Some(old) = grab.replace(new) {
            self.ungrab(old, &LOCKS);
        }
        Ok(())
    }

    fn ungrab(&self, grab: Grab, locks: &[u16]) {
        for locks in locks {
            let mask = ModMask::from(grab.modifiers | locks);
            if let Ok(cookie) = self.conn.ungrab_key(grab.keycode, self.root, mask) {
                cookie.ignore_error();
            }
        }
        let _ = self.conn.flush();
    }

    /// The key that types `keysym`, and whether it takes Shift: the first
    /// layout's plain keys first, then its shifted ones, then other layouts'
    /// (a `de,us` keyboard has `y` on two keys; `<` may sit on the comma's
    /// Shift level).
    fn keycode(&self, keysym: u32) -> Result<Option<(Keycode, bool)>, String> {
        let setup = self.conn.setup();
        let (first, last) = (setup.min_keycode, setup.max_keycode);
        let map = self
            .conn
            .get_keyboard_mapping(first, last - first + 1)
            .map_err(x_error)?
            .reply()
            .map_err(x_error)?;
        let per_key = usize::from(map.keysyms_per_keycode.max(1));
        let keys: Vec<&[u32]> = map.keysyms.chunks(per_key).collect();
        Ok((0..per_key).find_map(|level| {
            let key = keys.iter().position(|syms| syms[level] == keysym)?;
            Some((first + key as u8, level % 2 == 1))
        }))
    }
}

/// The event thread: blocks until X sends an event; ends if the
/// connection breaks (the X server went away). It lives as long as the
/// app: the connection it holds is the one keeping the grab.
fn listen(conn: &RustConnection, grab: &Mutex<Option<Grab>>, on_release: impl Fn()) {
    let current = || *grab.lock().unwrap_or_else(|e| e.into_inner());
    let mut pressed = false;
    while let Ok(event) = conn.wait_for_event() {
        match (event, current()) {
            (Event::KeyPress(e), Some(g)) => {
                pressed = e.detail == g.keycode && u16::from(e.state) & MODIFIERS == g.modifiers;
            }
            (Event::KeyRelease(e), Some(g)) if pressed && e.detail == g.keycode => {
                pressed = false;
                on_release();
            }
            _ => {}
        }
    }
}

fn x_error(e: impl std::fmt::Display) -> String {
    format!("X server: {e}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Needs an X display, like the app (`scripts/test` runs it under Xvfb).
    fn connect() -> Hotkey {
        Hotkey::connect(|| {}).expect("an X display (run under xvfb-run)")
    }

    #[test]
    fn a_key_another_client_holds_is_refused_and_the_old_one_kept() {
        let (first, second) = (connect(), connect());
        let f12: Shortcut = "Ctrl+Alt+F12".parse().expect("shortcut");
        let f11: Shortcut = "Ctrl+Alt+F11".parse().expect("shortcut");
        first.grab(f12).expect("a free key");
        second.grab(f11).expect("a free key");
        let refused = second.grab(f12).expect_err("F12 is taken");
        assert!(refused.contains("another program"), "{refused}");
        // Still holding F11, so the first connection cannot take it…
        let refused = first.grab(f11).expect_err("F11 is still held");
        assert!(refused.contains("another program"), "{refused}");
        // …until it moves on to another key.
        second
            .grab("Ctrl+Alt+F10".parse().expect("shortcut"))
            .expect("a free key");
        first.grab(f11).expect("F11 was released");
    }

    #[test]
    fn a_shifted_symbol_is_its_key_with_shift() {
        let hotkey = connect();
        let one = hotkey
            .keycode('1' as u32)
            .expect("keyboard map")
            .expect("a 1 key");
        let bang = hotkey
            .keycode('!' as u32)
            .expect("keyboard map")
            .expect("a ! key");
        assert_eq!(one, (bang.0, false), "US layout (Xvfb's): ! is Shift+1");
        assert!(bang.1, "! takes Shift");
        let k = hotkey
            .keycode('k' as u32)
            .expect("keyboard map")
            .expect("a k key");
        assert!(!k.1, "k is a plain key");
    }
}
