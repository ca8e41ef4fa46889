//! `pilgi lookup` runs the `pilgi-app --lookup` beside it. Here a copy of
//! `pilgi` sits in a folder with a stand-in `pilgi-app` script that does
//! what the real app does in each case: hands over and exits 0 (an app is
//! running), keeps running (it is the app, started with the lookup open),
//! or fails.

use std::path::Path;
use std::process::Command;

/// A copy of `pilgi` beside a `pilgi-app` that runs `script` (after
/// writing its arguments to `args`). Not a symlink: the CLI finds the app
/// beside the program it is, which is where a symlink points.
fn beside_an_app(dir: &Path, script: &str) -> Command {
    use std::os::unix::fs::PermissionsExt;
    let pilgi = dir.join("pilgi");
    std::fs::copy(assert_cmd::cargo::cargo_bin("pilgi"), &pilgi).expect("copy pilgi");
    let app = dir.join("pilgi-app");
    let args = dir.join("args");
    let body = format!("#!/bin/sh\necho \"$@\" > '{}'\n{script}\n", args.display());
    std::fs::write(&app, body).expect("stand-in app");
    std::fs::set_permissions(&app, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let mut cmd = Command::new(pilgi);
    cmd.arg("lookup");
    cmd
}

fn run(mut cmd: Command) -> (i32, String, String) {
    let out = cmd.output().expect("pilgi lookup");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

#[test]
fn it_hands_over_to_a_running_app_or_starts_one() {
    let dir = tempfile::tempdir().expect("tmp");
    let (code, out, _) = run(beside_an_app(dir.path(), "exit 0"));
    assert_eq!(code, 0);
    assert!(out.contains("shown or hidden"), "{out}");
    let args = std::fs::read_to_string(dir.path().join("args")).expect("the app ran");
    assert_eq!(args.trim(), "--lookup");

    let mut json = beside_an_app(dir.path(), "exit 0");
    json.arg("--json");
    let (code, out, _) = run(json);
    assert_eq!(code, 0);
    let said: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(said["lookup"], "handed_over");

    // Still running after the handover's time: it is the app itself.
    let (code, out, _) = run(beside_an_app(dir.path(), "sleep 4"));
    assert_eq!(code, 0);
    assert!(out.contains("a new Pilgi"), "{out}");
}

#[test]
fn an_app_that_fails_is_said_plainly() {
    let dir = tempfile::tempdir().expect("tmp");
    let (code, _, err) = run(beside_an_app(dir.path(), "exit 1"));
    assert_eq!(code, 2);
    assert!(err.contains("pilgi-app --lookup failed"), "{err}");
    assert!(err.contains("run it yourself"), "{err}");
}
