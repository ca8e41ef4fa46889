//! Opens the display before Tauri does. When there is none to open (no X
//! server at `$DISPLAY`, a Wayland socket that is gone), tao panics with
//! "Failed to initialize GTK" and a backtrace; Pilgi says instead which
//! display it tried and what to do, in one line, and exits with status 1.

/// Call in `main`, after [`crate::renderer::choose`] (which must run while
/// the process has one thread) and before the Tauri builder. GTK stays
/// initialized: tao's own `gtk::init` then returns at once.
#[cfg(target_os = "linux")]
pub fn open_or_exit() {
    if gtk::init().is_ok() {
        return;
    }
    let var = |name| std::env::var(name).ok().filter(|v| !v.is_empty());
    let tried = match (var("WAYLAND_DISPLAY"), var("DISPLAY")) {
        (Some(w), Some(x)) => format!("Wayland {w:?} or X11 {x:?}"),
        (Some(w), None) => format!("Wayland {w:?}"),
        (None, Some(x)) => format!("X11 {x:?}"),
        (None, None) => "none: neither DISPLAY nor WAYLAND_DISPLAY is set".to_owned(),
    };
    eprintln!(
        "pilgi: cannot open the display ({tried}); start Pilgi from a desktop session, \
         or on a machine without one under `xvfb-run -a -s \"-noreset\" pilgi-app` \
         (the terminal companion `pilgi` needs no display)"
    );
    std::process::exit(1);
}

/// Other platforms open their windows without GTK.
#[cfg(not(target_os = "linux"))]
pub fn open_or_exit() {}
