//! The quick-lookup window, its global shortcut, the settings sheet and
//! single instance. The shortcut is pressed for real with xdotool (XTEST
//! events through the X server, as a keyboard would), and the results are
//! typed the same way into the lookup window.

use crate::app::{app_env, bundled_notes, kill_group, window_visible as visible, xdotool, App};
use crate::bus::SessionBus;
use std::os::unix::process::CommandExt;
use std::process::Command;
use std::time::{Duration, Instant};

const LOOKUP: &str = "Pilgi lookup";

/// The clipboard's text, read by another X client (as a terminal would).
fn clipboard() -> String {
    let out = Command::new("xclip")
        .args(["-o", "-selection", "clipboard"])
        .output()
        .expect("xclip (scripts/setup installs it)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Puts `text` on the clipboard (xclip holds it until another program
/// copies), so an earlier test's copy cannot pass for this one's.
fn set_clipboard(text: &str) {
    use std::io::Write;
    let mut xclip = Command::new("xclip")
        .args(["-selection", "clipboard"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .expect("xclip (scripts/setup installs it)");
    let mut stdin = xclip.stdin.take().expect("xclip stdin");
    stdin.write_all(text.as_bytes()).expect("to xclip");
    drop(stdin);
    let _ = xclip.wait();
}

async fn until(app: &App, what: &str, check: impl Fn() -> bool) {
    app.eventually(what, || {
        let ok = check();
        async move { ok }
    })
    .await;
}

/// Waits until the app has registered its lookup shortcut: it does so
/// once its page has loaded, not before the window paints.
async fn shortcut_registered(app: &App) {
    app.eventually("the lookup shortcut is registered", || async {
        !app.settings().await["lookup_shortcut"].is_null()
    })
    .await;
}

#[tokio::test]
async fn the_shortcut_opens_lookup_and_enter_copies_the_command() {
    let app = App::launch("lookup", &bundled_notes()).await;
    assert!(!visible(LOOKUP), "the lookup window must start hidden");
    shortcut_registered(&app).await;

    xdotool(&["key", "--clearmodifiers", "ctrl+shift+k"]);
    until(&app, "the lookup window shows", || visible(LOOKUP)).await;
    // Typed with the real keyboard: the lookup box has the focus.
    tokio::time::sleep(Duration::from_millis(300)).await;
    xdotool(&["type", "--delay", "40", "daemonset"]);
    tokio::time::sleep(Duration::from_millis(500)).await;
    shot_screen("lookup-typed");
    xdotool(&["key", "Return"]);
    until(&app, "Enter copies a daemonset command", || {
        let text = clipboard();
        text.contains("daemonset") && !text.contains('\n')
    })
    .await;
    until(&app, "the lookup window hides after copying", || {
        !visible(LOOKUP)
    })
    .await;

    // Shown again (instantly, it is kept), Esc hides it.
    xdotool(&["key", "--clearmodifiers", "ctrl+shift+k"]);
    until(&app, "the lookup window shows again", || visible(LOOKUP)).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    xdotool(&["key", "Escape"]);
    until(&app, "Esc hides the lookup window", || !visible(LOOKUP)).await;

    // A section row (no command matches this) opens in the main window.
    xdotool(&["key", "--clearmodifiers", "ctrl+shift+k"]);
    until(&app, "the lookup window shows a third time", || {
        visible(LOOKUP)
    })
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    xdotool(&["key", "ctrl+a"]);
    xdotool(&["type", "--delay", "40", "presentation deck"]);
    tokio::time::sleep(Duration::from_millis(500)).await;
    xdotool(&["key", "Return"]);
    app.wait_css("[data-testid='reader'][data-section-id='cka-course-notes#9']")
        .await;
    until(&app, "opening a section hides the lookup window", || {
        !visible(LOOKUP)
    })
    .await;
    app.close().await;
}

#[tokio::test]
async fn the_shortcut_is_changed_in_the_settings() {
    let app = App::launch("settings", &bundled_notes()).await;
    shortcut_registered(&app).await;
    app.click("[data-testid='open-settings']").await;
    let dir = app.wait_css("[data-testid='notes-dir']").await;
    let shown = dir.text().await.expect("notes dir text");
    assert!(
        shown.contains(&app.notes.display().to_string()),
        "settings show the open folder: {shown}"
    );
    let input = app.wait_css("[data-testid='shortcut-input']").await;
    assert_eq!(
        input.prop("value").await.expect("value").as_deref(),
        Some("Ctrl+Shift+K")
    );

    set_shortcut(&app, "Ctrl+Shift+").await;
    // The (empty) message line is there before the answer: wait for its text.
    let error = "return document.querySelector(\"[data-testid='settings-message'].error\")?.textContent ?? ''";
    app.eventually("a clear error for a malformed shortcut", || async {
        app.js(error).await.as_str().is_some_and(|text| {
            text.contains("not a shortcut") && text.contains("Ctrl+Shift+K still works")
        })
    })
    .await;
    let input = app.wait_css("[data-testid='shortcut-input']").await;
    assert_eq!(
        input.prop("value").await.expect("value").as_deref(),
        Some("Ctrl+Shift+"),
        "the refused shortcut stays in the box to be fixed"
    );
    app.shot("settings-error").await;

    set_shortcut(&app, "Ctrl+Alt+L").await;
    app.wait_css("[data-testid='settings-message'].ok").await;
    let config = app.root.path().join("config/pilgi/config.json");
    let saved = std::fs::read_to_string(&config).expect("settings saved");
    assert!(saved.contains("Ctrl+Alt+L"), "{saved}");
    app.shot("settings").await;

    xdotool(&["key", "--clearmodifiers", "ctrl+shift+k"]);
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert!(!visible(LOOKUP), "the old shortcut is released");
    xdotool(&["key", "--clearmodifiers", "ctrl+alt+l"]);
    until(&app, "the new shortcut shows the lookup window", || {
        visible(LOOKUP)
    })
    .await;
    app.close().await;
}

async fn set_shortcut(app: &App, text: &str) {
    let input = app.wait_css("[data-testid='shortcut-input']").await;
    input.clear().await.expect("clear");
    input.send_keys(text).await.expect("type shortcut");
    app.click("[data-testid='shortcut-save']").await;
}

#[tokio::test]
async fn a_second_launch_hands_over_to_the_running_app() {
    // The app has a private session bus, so the lock is this test's alone.
    let app = App::launch("single-instance", &bundled_notes()).await;
    let windows = || {
        xdotool(&["search", "--onlyvisible", "--name", "Pilgi — 필기"])
            .lines()
            .count()
    };
    assert_eq!(windows(), 1);

    let status = app.launch_again(&[], &[]).await;
    assert!(status.success(), "second launch: {status}");
    assert_eq!(windows(), 1, "no second window");
    // The first app still answers.
    let ids = app.search("etcd").await;
    assert!(!ids.is_empty());
    app.close().await;
}

#[tokio::test]
async fn the_lookup_command_shows_and_hides_the_running_app_s_lookup() {
    let app = App::launch("lookup-command", &bundled_notes()).await;
    shortcut_registered(&app).await;
    // The settings name the mechanism and the command to bind.
    app.click("[data-testid='open-settings']").await;
    let command = app.wait_css("[data-testid='bind-command']").await;
    let command = command.text().await.expect("command text");
    assert!(command.ends_with("pilgi-app --lookup"), "{command}");
    app.shot("settings-lookup-command").await;
    app.click("[data-testid='close-settings']").await;

    assert!(app.launch_again(&["--lookup"], &[]).await.success());
    until(&app, "pilgi-app --lookup shows the lookup window", || {
        visible(LOOKUP)
    })
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    xdotool(&["type", "--delay", "40", "daemonset"]);
    tokio::time::sleep(Duration::from_millis(500)).await;
    shot_screen("lookup-command-typed");
    assert!(app.launch_again(&["--lookup"], &[]).await.success());
    until(&app, "pilgi-app --lookup again hides it", || {
        !visible(LOOKUP)
    })
    .await;
    app.close().await;
}

#[tokio::test]
async fn the_lookup_command_starts_pilgi_with_only_the_lookup_open() {
    let root = tempfile::tempdir().expect("temp dir");
    crate::app::copy_dir(&bundled_notes(), &root.path().join("notes"));
    let bus = SessionBus::start();
    let mut pilgi = Command::new(env!("CARGO_BIN_EXE_pilgi-app"))
        .arg("--lookup")
        .envs(app_env(root.path(), &bus))
        .process_group(0)
        .spawn()
        .expect("pilgi-app --lookup");
    let start = Instant::now();
    while !visible(LOOKUP) {
        if start.elapsed() > crate::app::PATIENCE {
            kill_group(&mut pilgi);
            panic!("no lookup window after {:?}", crate::app::PATIENCE);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let main_shown = visible("Pilgi — 필기");
    set_clipboard("nothing copied yet");
    // Typed with the real keyboard: the lookup box has the focus.
    tokio::time::sleep(Duration::from_millis(300)).await;
    xdotool(&["type", "--delay", "40", "daemonset"]);
    tokio::time::sleep(Duration::from_millis(500)).await;
    shot_screen("lookup-cold-start");
    let start = Instant::now();
    let copied = loop {
        tokio::time::sleep(Duration::from_millis(300)).await;
        xdotool(&["key", "Return"]);
        let text = clipboard();
        if text.contains("daemonset") || start.elapsed() > crate::app::PATIENCE {
            break text;
        }
    };
    kill_group(&mut pilgi);
    assert!(
        !main_shown,
        "a --lookup launch keeps the main window hidden"
    );
    assert!(
        copied.contains("daemonset"),
        "typing reached the lookup box: {copied:?}"
    );
}

/// Saves the whole X screen (the lookup window is not the WebDriver
/// session's window) to tests/artifacts.
fn shot_screen(label: &str) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/artifacts");
    let _ = std::fs::create_dir_all(&dir);
    let _ = Command::new("import")
        .args(["-window", "root"])
        .arg(dir.join(format!("{label}.png")))
        .status();
}
