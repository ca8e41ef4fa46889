//! The quick-lookup window: a global shortcut (default Ctrl+Shift+K) shows a
//! small always-on-top search box over whatever the user is doing (a lab
//! terminal); Esc or focus loss hides it again.
//!
//! The window is created on the first press, not at launch: every webview
//! costs a WebKit web process, and most sessions never open it. After that
//! it is only hidden and shown, so later presses are instant.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::Duration;
use tauri::plugin::TauriPlugin;
use tauri::webview::PageLoadEvent;
use tauri::{AppHandle, Emitter, Manager, WebviewUrl, WebviewWindow, WebviewWindowBuilder, Wry};
use tauri_plugin_global_shortcut::{GlobalShortcutExt, Shortcut, ShortcutState};

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

/// The global-shortcut plugin, calling [`toggle`] each time the shortcut
/// is let go: while its key is down, X holds a keyboard grab, and a window
/// focused during the grab loses the focus again when it ends.
pub fn plugin() -> TauriPlugin<Wry> {
    tauri_plugin_global_shortcut::Builder::new()
        .with_handler(|app, _shortcut, event| {
            if event.state == ShortcutState::Released {
                toggle(app);
            }
        })
        .build()
}

/// Registers `text` as the lookup shortcut once the main window's page
/// has loaded ([`page_loaded`]). Registering holds the main thread until
/// global-hotkey's X11 thread answers, and that thread looks for work only
/// every 50 ms; at launch the main thread also serves the page's files and
/// first IPC calls, and waiting there put the first paint ~100 ms later.
pub fn register_after_load(text: &str) {
    *lock(&PENDING) = Some(text.to_owned());
}

/// The shortcut waiting for the main window's page to load.
static PENDING: Mutex<Option<String>> = Mutex::new(None);

/// Registers the shortcut set aside by [`register_after_load`] once the
/// main window's page has loaded (called from `Builder::on_page_load`).
pub fn page_loaded(webview: &tauri::Webview, event: PageLoadEvent) {
    if event != PageLoadEvent::Finished || webview.label() != MAIN || lock(&PENDING).is_none() {
        return;
    }
    let app = webview.app_handle().clone();
    // Off this callback: registering waits for the main thread's turn.
    std::thread::spawn(move || {
        let mut current = lock(&REGISTERED);
        if let Some(text) = lock(&PENDING).take() {
            if let Err(e) = register_locked(&mut current, &app, &text) {
                eprintln!("pilgi: no lookup shortcut: {e}");
            }
        }
    });
}

/// Makes `text` (e.g. `Ctrl+Shift+K`) the lookup shortcut, replacing the
/// previous one. On error the previous shortcut stays in effect and the
/// error is kept for the settings to show ([`status`]).
pub fn register(app: &AppHandle, text: &str) -> Result<(), String> {
    let mut current = lock(&REGISTERED);
    // Chosen now: wins over one still waiting for the page.
    lock(&PENDING).take();
    register_locked(&mut current, app, text)
}

fn register_locked(
    current: &mut Option<(Shortcut, String)>,
    app: &AppHandle,
    text: &str,
) -> Result<(), String> {
    let result = replace(app, current.as_ref().map(|(s, _)| *s), text);
    match &result {
        Ok(shortcut) => {
            *current = Some((*shortcut, text.to_owned()));
            *lock(&ERROR) = None;
        }
        Err(e) => *lock(&ERROR) = Some(e.clone()),
    }
    result.map(|_| ())
}

fn replace(app: &AppHandle, old: Option<Shortcut>, text: &str) -> Result<Shortcut, String> {
    let shortcut: Shortcut = text
        .parse()
        .map_err(|e| format!("“{text}” is not a shortcut ({e}); try e.g. Ctrl+Shift+K"))?;
    if old == Some(shortcut) {
        return Ok(shortcut);
    }
    let shortcuts = app.global_shortcut();
    shortcuts
        .register(shortcut)
        .map_err(|e| format!("could not register {text}: {e}"))?;
    if let Some(old) = old {
        let _ = shortcuts.unregister(old);
    }
    Ok(shortcut)
}

/// The shortcut in effect (as the user wrote it) and the last error.
pub fn status() -> (Option<String>, Option<String>) {
    let current = lock(&REGISTERED);
    let error = lock(&ERROR);
    (
        current.as_ref().map(|(_, text)| text.clone()),
        error.clone(),
    )
}

/// The lookup shortcut registered now, so that a new one replaces it.
static REGISTERED: Mutex<Option<(Shortcut, String)>> = Mutex::new(None);
/// Why the last attempt to register a shortcut failed.
static ERROR: Mutex<Option<String>> = Mutex::new(None);

/// These locks guard plain values: one poisoned by a panic elsewhere is
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
            // Window creation must not run inside the shortcut's event
            // handler on the event-loop thread. It shows itself once its
            // page has loaded, so no keystroke goes to a blank window.
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
    let _ = window.emit_to(LABEL, "lookup-shown", ());
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
