//! `pilgi commands`: paste-ready stdout, the JSON contract, `--copy` with and
//! without a clipboard tool, exit codes.

use crate::util::Notes;
use predicates::prelude::*;
use predicates::str::contains;

const LAB: &str = "\
1. Scheduling 03:00
노드에 테인트 설정
k taint nodes node1 key=value:NoSchedule
k get nodes
2. ETCD 백업 01:00
$ etcdctl snapshot save /tmp/snap.db
etcdctl endpoint health
";

const TAINT: &str = "k taint nodes node1 key=value:NoSchedule";

fn lab() -> Notes {
    let n = Notes::new();
    n.write("lab.txt", LAB);
    n
}

fn stdout(n: &Notes, args: &[&str]) -> String {
    let out = n.pilgi(args).assert().success().get_output().stdout.clone();
    String::from_utf8(out).expect("UTF-8 stdout")
}

#[test]
fn stdout_is_only_commands_best_first() {
    let n = lab();
    for q in ["taint", "테인트", "ㅅ먀ㅜㅅ"] {
        assert_eq!(stdout(&n, &["commands", q]), format!("{TAINT}\n"), "{q}");
    }
    assert_eq!(
        stdout(&n, &["commands", "ㄷㅅㅊㅇㅊ시"]),
        "etcdctl snapshot save /tmp/snap.db\netcdctl endpoint health\n"
    );
    // Flags after `--`; several words are one query.
    // (an unknown flag would be a usage error, exit 2).
    n.pilgi(&["commands", "--", "--ignore-daemonsets"])
        .assert()
        .code(1);
    assert_eq!(stdout(&n, &["commands", "get", "nodes"]), "k get nodes\n");
}

#[test]
fn no_query_lists_all_in_course_order_and_limit_cuts() {
    let n = lab();
    let all = stdout(&n, &["commands"]);
    assert_eq!(all.lines().count(), 4);
    assert_eq!(all.lines().next(), Some(TAINT));
    assert_eq!(
        stdout(&n, &["commands", "--limit", "1"]),
        format!("{TAINT}\n")
    );
    assert_eq!(
        stdout(&n, &["commands", "etcdctl", "-n", "1"])
            .lines()
            .count(),
        1
    );
}

#[test]
fn json_contract() {
    let n = lab();
    let v = n.json(&["commands", "taint"]);
    let list = v["commands"].as_array().expect("commands");
    assert_eq!(list.len(), 1);
    let c = &list[0];
    assert_eq!(c["command"], TAINT);
    assert_eq!(c["tool"], "kubectl");
    assert_eq!(c["context"], "노드에 테인트 설정");
    assert_eq!(c["section"]["id"], "lab#1");
    assert_eq!(c["section"]["number"], 1);
    assert_eq!(c["section"]["title"], "Scheduling");
    assert_eq!(c["line"], 3);
    assert_eq!(c["uses"], 1);
    assert_eq!(c["places"][0]["section"]["id"], "lab#1");
    assert_eq!(c["places"][0]["line"], 3);
    let none = n
        .pilgi(&["commands", "zebra", "--json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let none: serde_json::Value = serde_json::from_slice(&none).expect("JSON");
    assert_eq!(none["commands"], serde_json::json!([]));
}

/// The same command in three places, written three ways, is one line of
/// stdout; `--json` lists its places, best first.
#[test]
fn a_command_written_in_several_places_is_listed_once() {
    let n = Notes::new();
    n.write("a.txt", "1. Pods 01:00\n파드 목록\nkubectl get pods\n");
    n.write(
        "b.md",
        "# Lab\n\n## 파드 확인\n\nThe pods:\n\n```console\n$ k   get pods\nNAME READY\n```\n",
    );
    n.write("c.txt", "1. Again 01:00\nk get pods\nk get nodes\n");
    assert_eq!(stdout(&n, &["commands"]), "kubectl get pods\nk get nodes\n");
    let v = n.json(&["commands", "get", "pods"]);
    let list = v["commands"].as_array().expect("commands");
    assert_eq!(list.len(), 1, "{v}");
    assert_eq!(list[0]["uses"], 3);
    let places: Vec<&str> = list[0]["places"]
        .as_array()
        .expect("places")
        .iter()
        .map(|p| p["file"].as_str().expect("file"))
        .collect();
    assert_eq!(places.len(), 3);
    assert_eq!(places[0], list[0]["file"].as_str().expect("file"));
    let lines: Vec<u64> = list[0]["places"]
        .as_array()
        .expect("places")
        .iter()
        .map(|p| p["line"].as_u64().expect("line"))
        .collect();
    assert!(lines.iter().all(|l| *l > 0), "{lines:?}");
}

#[test]
fn bundled_notes_etcdctl() {
    let n = Notes::bundled();
    let out = stdout(&n, &["commands", "etcdctl"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        &lines[..2],
        ["etcdctl snapshot save", "etcdctl endpoint health"]
    );
    let v = n.json(&["commands"]);
    assert!(v["commands"].as_array().expect("commands").len() > 20);
}

#[test]
fn exit_codes() {
    let n = lab();
    n.pilgi(&["commands", "zebra"]).assert().code(1).stdout("");
    n.pilgi(&["commands", "--limit", "0"]).assert().code(2);
    n.pilgi(&["commands", "--limit", "x"]).assert().code(2);
    let gone = Notes::new();
    std::fs::remove_dir(gone.dir()).expect("rmdir");
    gone.pilgi(&["commands"])
        .assert()
        .code(2)
        .stderr(contains("cannot open notes folder"));
}

/// A fake `wl-copy` first on PATH records what it was given.
#[cfg(unix)]
#[test]
fn copy_uses_the_first_clipboard_tool_that_works() {
    use std::os::unix::fs::PermissionsExt;
    let n = lab();
    let bin = tempfile::tempdir().expect("bin dir");
    let sink = bin.path().join("clipboard");
    let script = bin.path().join("wl-copy");
    std::fs::write(
        &script,
        format!("#!/bin/sh\n/bin/cat > '{}'\n", sink.display()),
    )
    .expect("script");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    n.pilgi(&["commands", "taint", "--copy"])
        .env("PATH", bin.path())
        .assert()
        .success()
        .stdout(format!("{TAINT}\n"))
        .stderr("");
    assert_eq!(std::fs::read_to_string(&sink).expect("copied"), TAINT);
}

#[test]
fn copy_without_a_clipboard_warns_and_still_succeeds() {
    let n = lab();
    let empty = tempfile::tempdir().expect("empty PATH dir");
    n.pilgi(&["commands", "taint", "--copy"])
        .env("PATH", empty.path())
        .assert()
        .success()
        .stdout(format!("{TAINT}\n"))
        .stderr(contains("no clipboard").and(contains("wl-copy")));
}
