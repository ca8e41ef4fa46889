//! A global shortcut on X11: the key is grabbed on the root window, and one
//! thread sleeps on the X connection until the key is let go.
//!
//! Not tauri-plugin-global-shortcut: its global-hotkey crate looks at its X
//! connection every 50 ms, which woke Pilgi 20 times a second while it sat
//! idle (the empty Tauri window: never), made every press wait ~25 ms on
//! average, and held the main thread for up to 50 ms per registration.

mod shortcut;

pub use shortcut::Shortcut;

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
}

impl Hotkey {
    /// Connects to the X server and starts the thread that calls
    /// `on_release` each time the grabbed shortcut is let go (not pressed:
    /// while its key is down X holds a keyboard grab, and a window focused
    /// during the grab loses the focus when it ends).
    pub fn connect(on_release: impl Fn() + Send + 'static) -> Result<Hotkey, String> {
        let (conn, screen) = RustConnection::connect(None)
            .map_err(|e| format!("no X display ({e}); Wayland has no global shortcuts for apps"))?;
        // Holding the key down repeats only its press, not release+press
        // pairs that would toggle the window on and off.
        conn.xkb_use_extension(1, 0)
            .map_err(x_error)?
            .reply()
            .map_err(x_error)?;
        let repeat = xkb::PerClientFlag::DETECTABLE_AUTO_REPEAT;
        conn.xkb_per_client_flags(
            xkb::ID::USE_CORE_KBD.into(),
            repeat,
            repeat,
            0u32.into(),
            0u32.into(),
            0u32.into(),
        )
        .map_err(x_error)?
        .reply()
        .map_err(x_error)?;
        let root = conn.setup().roots[screen].root;
        let hotkey = Hotkey {
            conn: Arc::new(conn),
            root,
            grab: Arc::default(),
        };
        let (conn, grab) = (hotkey.conn.clone(), hotkey.grab.clone());
        std::thread::Builder::new()
            .name("pilgi-hotkey".into())
            .spawn(move || listen(&conn, &grab, on_release))
            .map_err(|e| e.to_string())?;
        Ok(hotkey)
    }

    /// Makes `shortcut` the one grabbed key, releasing the previous one
    /// only once the new one is held (on error the previous one stays).
    pub fn grab(&self, shortcut: Shortcut) -> Result<(), String> {
        let keycode = self
            .keycode(shortcut.keysym)?
            .ok_or("this keyboard has no such key")?;
        let new = Grab {
            keycode,
            modifiers: shortcut.modifiers,
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
                        "another program already uses it".into()
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

    /// The keyboard's key that types `keysym` (on any level).
    fn keycode(&self, keysym: u32) -> Result<Option<Keycode>, String> {
        let setup = self.conn.setup();
        let (first, last) = (setup.min_keycode, setup.max_keycode);
        let map = self
            .conn
            .get_keyboard_mapping(first, last - first + 1)
            .map_err(x_error)?
            .reply()
            .map_err(x_error)?;
        let per_key = usize::from(map.keysyms_per_keycode.max(1));
        Ok(map
            .keysyms
            .chunks(per_key)
            .position(|syms| syms.contains(&keysym))
            .map(|i| first + i as u8))
    }
}

/// The event thread: blocks until X sends an event; ends when the
/// connection does (the app is exiting).
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
}
