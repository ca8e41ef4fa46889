//! The quick-lookup window: a global shortcut (default Ctrl+Shift+K) shows a
//! small always-on-top search box over whatever the user is doing (a lab
//! terminal); Esc or focus loss hides it again.
//!
//! The window is created on the first press, not at launch: every webview
//! costs a WebKit web process, and most sessions never open it. After that
//! it is only hidden and shown, so later presses are instant.

use crate::events;
use crate::hotkey::{Hotkey, Shortcut};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::Duration;
use tauri::webview::PageLoadEvent;
use tauri::{AppHandle, Emitter, Manager, WebviewUrl, WebviewWindow, WebviewWindowBuilder};

/// The window's label (its capability, `capabilities/lookup.json`, is
/// granted by this label).
pub const LABEL: &str = "lookup";

/// The main window's label (tauri.conf.json).
pub const MAIN: &str = "main";

/// The shortcut when the settings name none.
pub const DEFAULT_SHORTCUT: &str = "Ctrl+Shift+K";

/// Whether the lookup window had focus since it was last shown: window
/// managers (and Xvfb, which has none) may report a focus loss before the
/// first focus, which must not hide the window at once.
static FOCUSED: AtomicBool = AtomicBool::new(false);

/// How long a focus loss must last before the window hides: showing a
/// window makes GTK report focus in, out and in again within a millisecond.
const BLUR_SETTLE: Duration = Duration::from_millis(200);

/// Registers `text` as the lookup shortcut at launch, from a thread:
/// connecting to X takes a few round trips the main thread need not wait
/// for. A shortcut the user saves meanwhile wins. If `text` is refused
/// (another program holds it, or an older Pilgi accepted what this one
/// does not), the default takes its place and the settings say why.
pub fn register_at_launch(app: &AppHandle, text: String) {
    let app = app.clone();
    std::thread::spawn(move || {
        let mut shortcut = lock(&SHORTCUT);
        if shortcut.current.is_some() {
            return;
        }
        if let Err(e) = register_locked(&mut shortcut, &app, &text) {
            eprintln!("pilgi: no lookup shortcut: {e}");
            if text != DEFAULT_SHORTCUT && grab(&mut shortcut, &app, DEFAULT_SHORTCUT).is_ok() {
                shortcut.current = Some(DEFAULT_SHORTCUT.to_owned());
                eprintln!("pilgi: using {DEFAULT_SHORTCUT} instead");
            }
        }
    });
}

/// Makes `text` (e.g. `Ctrl+Shift+K`) the lookup shortcut, replacing the
/// previous one. On error the previous shortcut stays in effect and the
/// error is kept for the settings to show ([`status`]).
pub fn register(app: &AppHandle, text: &str) -> Result<(), String> {
    register_locked(&mut lock(&SHORTCUT), app, text)
}

fn register_locked(
    shortcut: &mut LookupShortcut,
    app: &AppHandle,
    text: &str,
) -> Result<(), String> {
    let result = grab(shortcut, app, text);
    match &result {
        Ok(()) => {
            shortcut.current = Some(text.to_owned());
            shortcut.error = None;
        }
        Err(e) => shortcut.error = Some(e.clone()),
    }
    result
}

fn grab(shortcut: &mut LookupShortcut, app: &AppHandle, text: &str) -> Result<(), String> {
    let parsed: Shortcut = text
        .parse()
        .map_err(|e| format!("“{text}” is not a shortcut: {e} (write it like Ctrl+Shift+K)."))?;
    let refused = |e: String| format!("could not register {text}: {e}.");
    // Connected on first use, and again if the connection was lost (a
    // failure is not kept: the next attempt retries).
    if !shortcut.hotkey.as_ref().is_some_and(Hotkey::is_alive) {
        let app = app.clone();
        shortcut.hotkey = Some(Hotkey::connect(move || toggle(&app)).map_err(refused)?);
    }
    let hotkey = shortcut.hotkey.as_ref().expect("connected above");
    hotkey.grab(parsed).map_err(refused)
}

/// The shortcut in effect (as the user wrote it) and the last error.
pub fn status() -> (Option<String>, Option<String>) {
    let shortcut = lock(&SHORTCUT);
    (shortcut.current.clone(), shortcut.error.clone())
}

/// The lookup shortcut: the X connection holding it (once connected), the
/// shortcut as the user wrote it, and why the last attempt to change it
/// failed.
struct LookupShortcut {
    hotkey: Option<Hotkey>,
    current: Option<String>,
    error: Option<String>,
}

static SHORTCUT: Mutex<LookupShortcut> = Mutex::new(LookupShortcut {
    hotkey: None,
    current: None,
    error: None,
});

/// The lock guards plain values: poisoned by a panic elsewhere, it is
/// still usable.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// Shows the lookup window (creating it on first use) or hides it when it
/// is already showing.
pub fn toggle(app: &AppHandle) {
    match app.get_webview_window(LABEL) {
        Some(window) if window.is_visible().unwrap_or(false) => hide(&window),
        Some(window) => show(&window),
        None => {
            // Created on the async runtime, not on the shortcut's thread.
            // It shows itself once its page has loaded, so no keystroke
            // goes to a blank window.
            let app = app.clone();
            tauri::async_runtime::spawn(async move {
                if let Err(e) = create(&app) {
                    eprintln!("pilgi: could not open the lookup window: {e}");
                }
            });
        }
    }
}

fn create(app: &AppHandle) -> tauri::Result<WebviewWindow> {
    let window = WebviewWindowBuilder::new(app, LABEL, WebviewUrl::App("lookup.html".into()))
        .title("Pilgi lookup")
        .inner_size(640.0, 420.0)
        .resizable(false)
        .decorations(false)
        .always_on_top(true)
        .skip_taskbar(true)
        .center()
        .visible(false)
        .on_page_load(|webview, load| {
            if load.event() == PageLoadEvent::Finished {
                // Not from inside the GTK callback: the window must be
                // mapped before it can take the keyboard focus.
                tauri::async_runtime::spawn(async move { show(&webview) });
            }
        })
        .build()?;
    let hide_on_blur = window.clone();
    window.on_window_event(move |event| {
        if let tauri::WindowEvent::Focused(focused) = event {
            if *focused {
                FOCUSED.store(true, Ordering::SeqCst);
            } else if FOCUSED.swap(false, Ordering::SeqCst) {
                let window = hide_on_blur.clone();
                tauri::async_runtime::spawn(async move {
                    tokio::time::sleep(BLUR_SETTLE).await;
                    if !window.is_focused().unwrap_or(false) {
                        hide(&window);
                    }
                });
            }
        }
    });
    Ok(window)
}

fn show(window: &WebviewWindow) {
    FOCUSED.store(false, Ordering::SeqCst);
    let _ = window.show();
    let _ = window.set_focus();
    let _ = window.emit_to(LABEL, events::LOOKUP_SHOWN, ());
}

/// Hides the lookup window (it stays loaded for the next press).
pub fn hide(window: &WebviewWindow) {
    FOCUSED.store(false, Ordering::SeqCst);
    let _ = window.hide();
}

/// Brings the main window to the front (single instance, "open in Pilgi").
pub fn focus_main(app: &AppHandle) {
    if let Some(main) = app.get_webview_window(MAIN) {
        let _ = main.unminimize();
        let _ = main.show();
        let _ = main.set_focus();
    }
}
