//! The quick-lookup window: a global shortcut (default Ctrl+Shift+K, see
//! `hotkey/`) or `pilgi-app --lookup` shows a small always-on-top search
//! box over whatever the user is doing (a lab terminal); Esc or focus loss
//! hides it again.
//!
//! The window is created on the first press, not at launch: every webview
//! costs a WebKit web process, and most sessions never open it. After that
//! it is only hidden and shown, so later presses are instant.

use crate::events;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tauri::webview::PageLoadEvent;
use tauri::{AppHandle, Emitter, Manager, WebviewUrl, WebviewWindow, WebviewWindowBuilder};

/// The window's label (its capability, `capabilities/lookup.json`, is
/// granted by this label).
pub const LABEL: &str = "lookup";

/// The main window's label (tauri.conf.json).
pub const MAIN: &str = "main";

/// Whether the lookup window had focus since it was last shown: window
/// managers (and Xvfb, which has none) may report a focus loss before the
/// first focus, which must not hide the window at once.
static FOCUSED: AtomicBool = AtomicBool::new(false);

/// How long a focus loss must last before the window hides: showing a
/// window makes GTK report focus in, out and in again within a millisecond.
const BLUR_SETTLE: Duration = Duration::from_millis(200);

/// Shows the lookup window (creating it on first use) or hides it when it
/// is already showing. `activation` is the XDG activation token of the key
/// press that asked, when the desktop passed one: on Wayland a window gets
/// the keyboard focus only by showing the token of a user's action.
pub fn toggle(app: &AppHandle, activation: Option<String>) {
    match app.get_webview_window(LABEL) {
        Some(window) if window.is_visible().unwrap_or(false) => hide(&window),
        Some(window) => show(&window, activation.as_deref()),
        None => {
            // Created on the async runtime, not on the shortcut's thread.
            // It shows itself once its page has loaded, so no keystroke
            // goes to a blank window.
            let app = app.clone();
            tauri::async_runtime::spawn(async move {
                if let Err(e) = create(&app, activation) {
                    eprintln!("pilgi: could not open the lookup window: {e}");
                }
            });
        }
    }
}

fn create(app: &AppHandle, activation: Option<String>) -> tauri::Result<WebviewWindow> {
    let window = WebviewWindowBuilder::new(app, LABEL, WebviewUrl::App("lookup.html".into()))
        .title(pilgi_i18n::t!("lookup-window-title"))
        .inner_size(640.0, 420.0)
        .resizable(false)
        .decorations(false)
        .always_on_top(true)
        .skip_taskbar(true)
        .center()
        .visible(false)
        .on_page_load(move |webview, load| {
            if load.event() == PageLoadEvent::Finished {
                // Not from inside the GTK callback: the window must be
                // mapped before it can take the keyboard focus.
                let activation = activation.clone();
                tauri::async_runtime::spawn(async move { show(&webview, activation.as_deref()) });
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

fn show(window: &WebviewWindow, activation: Option<&str>) {
    FOCUSED.store(false, Ordering::SeqCst);
    // A token means something only to a Wayland compositor (X11 would
    // read a `_TIME…` one as a timestamp to raise the window with).
    if let Some(token) = activation.filter(|_| crate::hotkey::wayland()) {
        present_with(window, token);
    }
    let _ = window.show();
    let _ = window.set_focus();
    let _ = window.emit_to(LABEL, events::LOOKUP_SHOWN, ());
}

/// Hands GTK the activation token before the window is shown: GTK then
/// presents it through Wayland's xdg-activation, so the compositor gives
/// it the focus instead of only marking it as wanting attention.
#[cfg(target_os = "linux")]
fn present_with(window: &WebviewWindow, token: &str) {
    use gtk::prelude::GtkWindowExt;
    let (shown, token) = (window.clone(), token.to_owned());
    let _ = window.run_on_main_thread(move || {
        if let Ok(gtk) = shown.gtk_window() {
            gtk.set_startup_id(&token);
        }
    });
}

#[cfg(not(target_os = "linux"))]
fn present_with(_window: &WebviewWindow, _token: &str) {}

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
