//! Opens the display before Tauri does. When there is none to open (no X
//! server at `$DISPLAY`, a Wayland socket that is gone), tao panics with
//! "Failed to initialize GTK" and a backtrace; Pilgi says instead which
//! display it tried and what to do, in one line, and exits with status 1.

/// Call in `main`, after [`crate::renderer::choose`] (which must run while
/// the process has one thread) and before the Tauri builder. GTK stays
/// initialized: tao's own `gtk::init` then returns at once.
#[cfg(target_os = "linux")]
pub fn open_or_exit() {
    use pilgi_i18n::t;
    if gtk::init().is_ok() {
        return;
    }
    let var = |name| std::env::var(name).ok().filter(|v| !v.is_empty());
    let tried = match (var("WAYLAND_DISPLAY"), var("DISPLAY")) {
        (Some(w), Some(x)) => t!("display-both", wayland = w, x11 = x),
        (Some(w), None) => t!("display-wayland", wayland = w),
        (None, Some(x)) => t!("display-x11", x11 = x),
        (None, None) => t!("display-none"),
    };
    eprintln!("pilgi: {}", t!("display-cannot-open", tried = tried));
    std::process::exit(1);
}

/// Other platforms open their windows without GTK.
#[cfg(not(target_os = "linux"))]
pub fn open_or_exit() {}
