//! The quick lookup on a Wayland desktop: the app runs natively on Weston's
//! headless backend (from Debian's packages), where no app can grab a key
//! and the private session bus has no desktop portal. The settings must
//! claim no shortcut and show the command to bind; that command opens the
//! lookup window, whose search box takes typing.
//!
//! Headless Weston has no seat (no keyboard), so the typing is WebDriver's,
//! delivered by WebKit itself; the X11 tests type with XTEST instead.

use crate::app::{bundled_notes, App, PATIENCE};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A headless Weston, stopped when dropped.
struct Weston {
    compositor: Child,
    /// Its `XDG_RUNTIME_DIR`, where its socket lives.
    runtime: tempfile::TempDir,
}

const SOCKET: &str = "wayland-pilgi-e2e";

impl Weston {
    fn start() -> Weston {
        let runtime = tempfile::tempdir().expect("runtime dir");
        let compositor = Command::new("weston")
            .args(["--backend=headless-backend.so", "--idle-time=0"])
            .arg(format!("--socket={SOCKET}"))
            .env("XDG_RUNTIME_DIR", runtime.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("weston (scripts/setup installs it)");
        let socket = runtime.path().join(SOCKET);
        let start = Instant::now();
        while !socket.exists() {
            assert!(start.elapsed() < PATIENCE, "Weston made no socket");
            std::thread::sleep(Duration::from_millis(50));
        }
        Weston {
            compositor,
            runtime,
        }
    }
}

impl Drop for Weston {
    fn drop(&mut self) {
        let _ = self.compositor.kill();
        let _ = self.compositor.wait();
    }
}

#[tokio::test]
async fn on_wayland_the_lookup_command_opens_a_lookup_that_takes_typing() {
    let weston = Weston::start();
    let runtime = weston.runtime.path().to_string_lossy().into_owned();
    // GDK prefers Wayland when it has a socket; `GDK_BACKEND` makes sure
    // the Xvfb `DISPLAY` the tests run under is not used.
    let wayland = [
        ("XDG_RUNTIME_DIR", runtime.as_str()),
        ("WAYLAND_DISPLAY", SOCKET),
        ("GDK_BACKEND", "wayland"),
    ];
    let app = App::launch_with("wayland", &bundled_notes(), &wayland).await;

    // No key is claimed: the settings say to bind the command.
    let start = Instant::now();
    let shown = loop {
        let shown = app.settings().await;
        if shown["lookup_mechanism"] == "manual" {
            break shown;
        }
        assert!(start.elapsed() < PATIENCE, "no portal, yet: {shown}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(shown["lookup_shortcut"].is_null(), "{shown}");
    let error = shown["shortcut_error"].as_str().unwrap_or_default();
    assert!(error.contains("portal"), "{error}");
    app.click("[data-testid='open-settings']").await;
    app.wait_css("[data-testid='shortcut-manual']").await;
    let command = app.wait_css("[data-testid='bind-command']").await;
    let command = command.text().await.expect("command text");
    assert!(command.ends_with("pilgi-app --lookup"), "{command}");
    app.shot("settings").await;
    app.click("[data-testid='close-settings']").await;

    let main = app.client.window().await.expect("main window");
    let status = app.launch_again(&["--lookup"], &wayland).await;
    assert!(status.success(), "the second launch handed over: {status}");

    let start = Instant::now();
    let lookup = loop {
        let windows = app.client.windows().await.expect("windows");
        if let Some(lookup) = windows.into_iter().find(|w| *w != main) {
            break lookup;
        }
        assert!(start.elapsed() < PATIENCE, "no lookup window opened");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    app.client
        .switch_to_window(lookup)
        .await
        .expect("to the lookup window");
    let input = app.wait_css("[data-testid='lookup-input']").await;
    input.send_keys("daemonset").await.expect("typed");
    app.wait_css("[data-testid='lookup-command']").await;
    let first = app.wait_css("[data-testid='lookup-command'] code").await;
    let command = first.text().await.expect("command text");
    assert!(command.contains("daemonset"), "{command}");
    app.shot("lookup").await;
    app.client.switch_to_window(main).await.expect("back");
    app.close().await;
}
