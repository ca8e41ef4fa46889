//! Pilgi is offline: the app, its WebKit processes and the lookup window
//! make no network connection at all. Checked without WebDriver (WebKit's
//! automation itself talks TCP to the driver): the real binary runs under
//! `strace -f`, is used (search ready, the lookup window opened and typed
//! into), and every socket call it made is read back from the trace.

use crate::app::{bundled_notes, window_visible, xdotool, PATIENCE};
use crate::bus::SessionBus;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[tokio::test]
async fn the_app_makes_no_network_connection() {
    let root = tempfile::tempdir().expect("tmp");
    let bus = SessionBus::start();
    let trace = root.path().join("trace");
    let mut app = Command::new("strace")
        .args([
            "-f",
            "-qq",
            "-e",
            "trace=socket,connect,bind,sendto,sendmsg",
            "-o",
        ])
        .arg(&trace)
        .arg(env!("CARGO_BIN_EXE_pilgi-app"))
        .env("PILGI_NOTES", bundled_notes())
        .env("XDG_DATA_HOME", root.path().join("data"))
        .env("XDG_CACHE_HOME", root.path().join("cache"))
        .env("XDG_CONFIG_HOME", root.path().join("config"))
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .stderr(Stdio::piped())
        .spawn()
        .expect("strace (scripts/setup installs it)");
    let stderr = BufReader::new(app.stderr.take().expect("stderr"));
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in stderr.lines().map_while(Result::ok) {
            if line.contains("search ready") {
                let _ = tx.send(());
            }
        }
    });
    let ready = rx.recv_timeout(PATIENCE * 3);
    if ready.is_ok() {
        // Use it: the lookup window is a second webview with its own loads.
        // The shortcut is registered once the page has loaded, which may
        // be after "search ready": press until the window shows.
        let start = Instant::now();
        while !window_visible("Pilgi lookup") && start.elapsed() < PATIENCE {
            xdotool(&["key", "--clearmodifiers", "ctrl+shift+k"]);
            let pressed = Instant::now();
            while !window_visible("Pilgi lookup") && pressed.elapsed() < Duration::from_secs(3) {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
        xdotool(&["type", "--delay", "40", "etcd backup"]);
        tokio::time::sleep(Duration::from_secs(2)).await;
    }
    let _ = app.kill();
    let _ = app.wait();
    // strace's child (the app) may outlive strace by a moment.
    let _ = Command::new("pkill")
        .args(["-f", env!("CARGO_BIN_EXE_pilgi-app")])
        .status();
    assert!(ready.is_ok(), "the app never said its search was ready");
    let calls = std::fs::read_to_string(&trace).expect("trace");
    assert!(
        calls.contains("AF_UNIX"),
        "the trace saw the app's X11 socket, so it traced the right process"
    );
    let network: Vec<&str> = calls
        .lines()
        .filter(|l| l.contains("AF_INET") || l.contains("AF_INET6") || l.contains("AF_PACKET"))
        .collect();
    assert!(network.is_empty(), "network calls: {network:#?}");
}
