//! Tests that the two sides of IPC name things alike: every IPC command in
//! the five places that name it (its `#[tauri::command]` under `ipc/`,
//! `build.rs` which makes a permission of it, `main.rs`'s handler list, a
//! capability granting it, `ui/js/api.js` calling it), and every event the
//! app sends (`events.rs` and `api.js`'s `APP_EVENTS`). A name missing on
//! one side fails only at run time, in a window: an unhandled or refused
//! call, an event nobody hears.

#![cfg(test)]

use std::collections::BTreeSet;
use std::path::Path;

fn read(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The identifier that starts `text` (letters, digits, `_`).
fn ident(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}

/// The quoted strings of `text` between `start` and the next `end`.
fn quoted_between(text: &str, start: &str, end: &str) -> BTreeSet<String> {
    let from = text.find(start).expect(start) + start.len();
    let block = &text[from..from + text[from..].find(end).expect(end)];
    block
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_ipc_command_is_declared_handled_granted_and_called_alike() {
    let mut defined = BTreeSet::new();
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/ipc"))
        .expect("commands folder")
        .flatten()
    {
        let text = std::fs::read_to_string(entry.path()).expect("command module");
        for after in text.split("#[tauri::command]").skip(1) {
            let at = after
                .find("fn ")
                .expect("a function after #[tauri::command]")
                + 3;
            defined.insert(ident(&after[at..]).to_owned());
        }
    }
    let declared = quoted_between(&read("src-tauri/build.rs"), "const COMMANDS", "];");
    let main = read("src-tauri/main.rs");
    let handlers = &main[main.find("generate_handler![").expect("handler list")..];
    let handled: BTreeSet<String> = handlers[..handlers.find(']').expect("end of list")]
        .split(',')
        .filter_map(|path| path.trim().rsplit("::").next())
        .filter(|name| !name.is_empty() && !name.contains('['))
        .map(str::to_owned)
        .collect();
    let mut granted = BTreeSet::new();
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities"))
        .expect("capabilities folder")
        .flatten()
    {
        let text = std::fs::read_to_string(entry.path()).expect("capability");
        let json: serde_json::Value = serde_json::from_str(&text).expect("capability JSON");
        for permission in json["permissions"].as_array().expect("permissions") {
            let name = permission.as_str().expect("a permission name");
            if let Some(command) = name.strip_prefix("allow-") {
                granted.insert(command.replace('-', "_"));
            }
        }
    }
    let api = read("ui/js/api.js");
    let called: BTreeSet<String> = api
        .split("call('")
        .skip(1)
        .map(|after| ident(after).to_owned())
        .collect();
    assert!(!defined.is_empty());
    assert_eq!(declared, defined, "build.rs COMMANDS vs #[tauri::command]s");
    assert_eq!(
        handled, defined,
        "main.rs generate_handler! vs #[tauri::command]s"
    );
    assert_eq!(
        granted, defined,
        "capabilities/*.json vs #[tauri::command]s"
    );
    assert_eq!(called, defined, "ui/js/api.js vs #[tauri::command]s");
}

#[test]
fn every_app_event_is_named_alike_on_both_sides() {
    let sent: BTreeSet<String> = read("src-tauri/events.rs")
        .lines()
        .filter(|line| line.starts_with("pub const "))
        .map(|line| {
            quoted_between(line, "=", ";")
                .into_iter()
                .next()
                .expect("a name")
        })
        .collect();
    let api = read("ui/js/api.js");
    let heard: BTreeSet<String> = quoted_between(&api.replace('\'', "\""), "APP_EVENTS =", "});");
    assert!(!sent.is_empty());
    assert_eq!(
        sent, heard,
        "src-tauri/events.rs vs ui/js/api.js APP_EVENTS"
    );
    // And no event is sent by a name spelt out elsewhere.
    for dir in ["src-tauri", "src-tauri/ipc"] {
        for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir))
            .expect("source folder")
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
            .filter(|e| e.file_name() != "ipc_listed.rs")
        {
            let text = std::fs::read_to_string(entry.path()).expect("source");
            for line in text.lines().filter(|l| l.contains(".emit")) {
                assert!(!line.contains('"'), "{}: {line}", entry.path().display());
            }
        }
    }
}
