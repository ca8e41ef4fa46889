//! How a key press reaches the quick-lookup window. The mechanism is chosen
//! once at launch, from the session the app's window opens in:
//! - **X11**: Pilgi grabs the key on the root window itself (`x11.rs`).
//! - **Wayland with the desktop portal's GlobalShortcuts**: the desktop
//!   holds the key, asks the user once to confirm it, and signals each
//!   press ([`portal`]).
//! - **Anything else** (a Wayland desktop without that portal, other
//!   platforms): no key is claimed. The settings show the command to bind
//!   in the desktop's own keyboard settings, `pilgi-app --lookup`, which
//!   works on every desktop (see `main.rs`).
//!
//! An X11 grab is never tried in a Wayland session: XWayland passes a
//! grabbed key on only while an X11 window has the focus, so Pilgi would
//! claim a shortcut that does nothing from the user's terminal.

#[cfg(target_os = "linux")]
mod portal;
#[cfg(target_os = "linux")]
mod shortcut;
#[cfg(target_os = "linux")]
mod x11;

#[cfg(target_os = "linux")]
use shortcut::Shortcut;

use pilgi_i18n::t;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use tauri::AppHandle;

/// The shortcut when the settings name none.
pub const DEFAULT_SHORTCUT: &str = "Ctrl+Shift+K";

/// The mechanism in effect, as the settings name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mechanism {
    X11,
    Portal,
    Manual,
}

/// What the settings show of the lookup shortcut.
#[derive(Clone, Debug, Serialize)]
pub struct Status {
    /// Which mechanism delivers the key.
    #[serde(rename = "lookup_mechanism")]
    pub mechanism: Mechanism,
    /// The shortcut in effect: as the user wrote it (X11), or as the
    /// desktop describes the key it bound (portal). `None` when no key is
    /// registered.
    #[serde(rename = "lookup_shortcut")]
    pub shortcut: Option<String>,
    /// Why the shortcut asked for is not in effect.
    #[serde(rename = "shortcut_error")]
    pub error: Option<String>,
    /// The command a desktop's own shortcut can run.
    #[serde(rename = "lookup_command")]
    pub command: String,
}

/// The mechanism and what it holds.
struct State {
    mechanism: Mechanism,
    /// The X connection holding the grab (X11 only, once connected).
    #[cfg(target_os = "linux")]
    x11: Option<x11::Hotkey>,
    shortcut: Option<String>,
    error: Option<String>,
}

static STATE: Mutex<State> = Mutex::new(State {
    mechanism: Mechanism::Manual,
    #[cfg(target_os = "linux")]
    x11: None,
    shortcut: None,
    error: None,
});

/// The lock guards plain values: poisoned by a panic elsewhere, it is
/// still usable.
fn lock() -> MutexGuard<'static, State> {
    STATE.lock().unwrap_or_else(|e| e.into_inner())
}

/// The kind of desktop session: `XDG_SESSION_TYPE` when the session
/// says, else whether a Wayland socket is there. Not GDK's backend: an app
/// forced onto XWayland (`GDK_BACKEND=x11`, a common WebKitGTK workaround)
/// still sits in a Wayland session, where an X11 grab reaches nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Session {
    X11,
    Wayland,
    Other,
}

fn session_of(var: impl Fn(&str) -> Option<String>) -> Session {
    let set = |name| var(name).filter(|value| !value.is_empty());
    if cfg!(not(target_os = "linux")) {
        return Session::Other;
    }
    match set("XDG_SESSION_TYPE").as_deref() {
        Some("wayland") => Session::Wayland,
        Some("x11") => Session::X11,
        _ if set("WAYLAND_DISPLAY").is_some() => Session::Wayland,
        _ if set("DISPLAY").is_some() => Session::X11,
        _ => Session::Other,
    }
}

/// This process's session.
fn session() -> Session {
    session_of(|name| std::env::var(name).ok())
}

/// Whether the app runs in a Wayland session (see [`Session`]).
pub fn wayland() -> bool {
    session() == Session::Wayland
}

/// Chooses the mechanism and registers `text` (the saved shortcut, else
/// the default) with it, from a thread: connecting to X or to the portal
/// takes round trips the main thread need not wait for, and the portal
/// waits for the user's confirmation.
#[cfg_attr(not(target_os = "linux"), allow(unused_variables))]
pub fn start(app: &AppHandle, text: Option<String>) {
    let text = text.unwrap_or_else(|| DEFAULT_SHORTCUT.to_owned());
    let session = session();
    lock().mechanism = match session {
        Session::X11 => Mechanism::X11,
        Session::Wayland => Mechanism::Portal,
        Session::Other => Mechanism::Manual,
    };
    match session {
        #[cfg(target_os = "linux")]
        Session::X11 => {
            let app = app.clone();
            std::thread::spawn(move || x11_at_launch(&app, &text));
        }
        #[cfg(target_os = "linux")]
        Session::Wayland => {
            tauri::async_runtime::spawn(portal_at_launch(app.clone(), text));
        }
        _ => {}
    }
}

/// Makes `text` (e.g. `Ctrl+Shift+K`) the lookup shortcut, from the
/// settings. Only an X11 grab is Pilgi's to change: a portal's key is the
/// desktop's, and without a mechanism the user binds the command. On error
/// the previous shortcut stays in effect and the error is kept for
/// [`status`].
#[cfg_attr(not(target_os = "linux"), allow(unused_variables))]
pub fn register(app: &AppHandle, text: &str) -> Result<(), String> {
    let mut state = lock();
    let result = match state.mechanism {
        #[cfg(target_os = "linux")]
        Mechanism::X11 => grab(&mut state, app, text),
        Mechanism::Portal => Err(t!("shortcut-portal-holds", command = command())),
        _ => Err(manual_hint()),
    };
    match &result {
        Ok(()) => {
            state.shortcut = Some(text.to_owned());
            state.error = None;
        }
        Err(e) => state.error = Some(e.clone()),
    }
    result
}

/// The mechanism, the shortcut in effect and the last error.
pub fn status() -> Status {
    let state = lock();
    Status {
        mechanism: state.mechanism,
        shortcut: state.shortcut.clone(),
        error: state.error.clone(),
        command: command(),
    }
}

fn manual_hint() -> String {
    t!("shortcut-manual", command = command())
}

/// The command that shows or hides the lookup window: `pilgi-app --lookup`
/// when `pilgi-app` on the `PATH` is this program, else its full path.
pub fn command() -> String {
    let exe = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("pilgi-app"));
    let path = std::env::var_os("PATH").unwrap_or_default();
    let on_path = exe.file_name().is_some_and(|name| {
        std::env::split_paths(&path).any(|dir| same_file(&dir.join(name), &exe))
    });
    let program = match (on_path, exe.file_name()) {
        (true, Some(name)) => name.to_string_lossy().into_owned(),
        _ => exe.display().to_string(),
    };
    // Desktops split a bound command at spaces, as a shell does.
    let plain = |c: char| c.is_ascii_alphanumeric() || "/._+-".contains(c);
    if program.chars().all(plain) {
        format!("{program} --lookup")
    } else {
        format!("'{}' --lookup", program.replace('\'', "'\\''"))
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// At launch on X11: the saved shortcut, else the default in its place if
/// the saved one is refused (another program holds it, or an older Pilgi
/// accepted what this one does not); the settings say why. A shortcut the
/// user saves meanwhile wins.
#[cfg(target_os = "linux")]
fn x11_at_launch(app: &AppHandle, text: &str) {
    let mut state = lock();
    if state.shortcut.is_some() {
        return;
    }
    match grab(&mut state, app, text) {
        Ok(()) => state.shortcut = Some(text.to_owned()),
        Err(e) => {
            eprintln!("pilgi: no lookup shortcut: {e}");
            state.error = Some(e);
            if text != DEFAULT_SHORTCUT && grab(&mut state, app, DEFAULT_SHORTCUT).is_ok() {
                state.shortcut = Some(DEFAULT_SHORTCUT.to_owned());
                eprintln!("pilgi: using {DEFAULT_SHORTCUT} instead");
            }
        }
    }
}

#[cfg(target_os = "linux")]
fn grab(state: &mut State, app: &AppHandle, text: &str) -> Result<(), String> {
    let parsed: Shortcut = text.parse().map_err(|e: shortcut::NotAShortcut| {
        t!("shortcut-not-a-shortcut", text = text, why = e.to_string())
    })?;
    let refused = |e: String| t!("shortcut-refused", text = text, why = e);
    // Connected on first use, and again if the connection was lost (a
    // failure is not kept: the next attempt retries).
    if !state.x11.as_ref().is_some_and(x11::Hotkey::is_alive) {
        let app = app.clone();
        let hotkey = x11::Hotkey::connect(move || crate::lookup::toggle(&app, None));
        state.x11 = Some(hotkey.map_err(refused)?);
    }
    let hotkey = state.x11.as_ref().expect("connected above");
    hotkey.grab(parsed).map_err(refused)
}

/// At launch on Wayland: asks the portal for the shortcut, then listens
/// for its presses for as long as the app runs. Without the portal (or
/// when the user declines) the mechanism becomes manual, saying why.
#[cfg(target_os = "linux")]
async fn portal_at_launch(app: AppHandle, text: String) {
    let trigger = text.parse::<Shortcut>().ok().and_then(|s| s.xdg_trigger());
    let bound = |result: Result<String, String>| {
        let mut state = lock();
        match result {
            Ok(described) => state.shortcut = Some(described),
            Err(e) => {
                eprintln!("pilgi: no lookup shortcut from the desktop portal: {e}");
                state.mechanism = Mechanism::Manual;
                state.error = Some(e);
            }
        }
    };
    let app_id = app.config().identifier.clone();
    let pressed = move |token: Option<String>| crate::lookup::toggle(&app, token);
    portal::listen_on_session_bus(&app_id, trigger.as_deref(), bound, pressed).await;
    // Listening ends only when the portal or the bus goes away: the key no
    // longer reaches Pilgi, so it is not claimed any more.
    let mut state = lock();
    if state.mechanism == Mechanism::Portal {
        eprintln!("pilgi: the desktop portal stopped delivering the lookup shortcut");
        state.mechanism = Mechanism::Manual;
        state.shortcut = None;
        state.error = Some(t!("shortcut-portal-stopped"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(vars: &[(&str, &str)]) -> Session {
        session_of(|name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn the_session_is_the_desktop_s_not_gdk_s_backend() {
        assert_eq!(session(&[("DISPLAY", ":0")]), Session::X11);
        assert_eq!(
            session(&[("DISPLAY", ":0"), ("WAYLAND_DISPLAY", "wayland-0")]),
            Session::Wayland,
            "XWayland's DISPLAY does not make a Wayland session X11"
        );
        assert_eq!(
            session(&[
                ("XDG_SESSION_TYPE", "wayland"),
                ("GDK_BACKEND", "x11"),
                ("DISPLAY", ":0")
            ]),
            Session::Wayland,
            "an app forced onto XWayland is still in a Wayland session"
        );
        assert_eq!(
            session(&[
                ("XDG_SESSION_TYPE", "x11"),
                ("WAYLAND_DISPLAY", "wayland-0")
            ]),
            Session::X11,
            "a Wayland socket left over in an X11 session"
        );
        assert_eq!(
            session(&[("WAYLAND_DISPLAY", ""), ("DISPLAY", "")]),
            Session::Other
        );
        assert_eq!(session(&[]), Session::Other);
    }
}
