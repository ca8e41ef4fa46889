//! `pilgi bookmark`: the JSON contract, updates, exit codes, orphans,
//! moves, corrupt-store recovery, suggestions and export/import.

use crate::util::Notes;
use predicates::str::contains;
use serde_json::Value;
use std::path::PathBuf;

const SECTION: &str = "cka-course-notes#44";

fn data_dir(n: &Notes) -> PathBuf {
    n.dir().parent().expect("temp root").join("data/pilgi")
}

fn bookmarks(n: &Notes) -> Vec<Value> {
    n.json(&["bookmark", "ls"])["bookmarks"]
        .as_array()
        .expect("bookmarks array")
        .clone()
}

#[test]
fn add_and_ls_json_contract() {
    let n = Notes::bundled();
    let added = n.json(&[
        "bookmark",
        "add",
        SECTION,
        "--label",
        "exam-tip",
        "--memo",
        "run vs create 헷갈림",
    ]);
    assert_eq!(added["created"], true);
    let all = bookmarks(&n);
    assert_eq!(all.len(), 1);
    let b = &all[0];
    for key in [
        "id", "section", "status", "label", "memo", "created", "updated",
    ] {
        assert!(b.get(key).is_some(), "missing key {key} in {b}");
    }
    assert_eq!(b["id"], SECTION);
    assert_eq!(b["section"]["id"], SECTION);
    assert_eq!(b["section"]["number"], 44);
    assert_eq!(b["section"]["title"], "Practice Test - Imperative Commands");
    assert_eq!(b["status"], "ok");
    assert_eq!(b["label"], "exam-tip");
    assert_eq!(b["memo"], "run vs create 헷갈림");
    let created = b["created"].as_str().expect("created");
    assert!(created.ends_with('Z') && created.len() == 24, "{created}");
    assert!(data_dir(&n).join("bookmarks.json").is_file());
}

#[test]
fn add_on_a_bookmarked_section_updates_label_and_memo() {
    let n = Notes::bundled();
    n.pilgi(&["bookmark", "add", SECTION, "--memo", "first"])
        .assert()
        .success();
    let before = bookmarks(&n);
    n.pilgi(&["bookmark", "add", SECTION, "--label", "review"])
        .assert()
        .success()
        .stdout(contains("updated"));
    n.pilgi(&["bookmark", "add", SECTION, "--memo", "second"])
        .assert()
        .success();
    let after = bookmarks(&n);
    assert_eq!(after.len(), 1);
    assert_eq!(after[0]["label"], "review");
    assert_eq!(after[0]["memo"], "second");
    assert_eq!(after[0]["created"], before[0]["created"]);
    assert!(after[0]["updated"].as_str() > before[0]["updated"].as_str());
}

#[test]
fn exit_codes() {
    let n = Notes::bundled();
    n.pilgi(&["bookmark", "ls"]).assert().code(1);
    n.pilgi(&["bookmark", "add", "cka-course-notes#999"])
        .assert()
        .code(2)
        .stderr(contains("cka-course-notes#999"));
    n.pilgi(&["bookmark", "add", SECTION, "--label", "not/a word"])
        .assert()
        .code(2)
        .stderr(contains("label"));
    n.pilgi(&["bookmark", "frobnicate"]).assert().code(2);
    assert!(
        !data_dir(&n).join("bookmarks.json").exists(),
        "failed adds write nothing"
    );
    n.pilgi(&["bookmark", "add", SECTION]).assert().success();
    n.pilgi(&["bookmark", "rm", SECTION]).assert().success();
    n.pilgi(&["bookmark", "rm", SECTION])
        .assert()
        .code(1)
        .stderr(contains("not bookmarked"));
    n.pilgi(&["bookmark", "ls"]).assert().code(1);
    // The long verbs are the app's and the core's; the short ones aliases.
    n.pilgi(&["bookmark", "save", SECTION]).assert().success();
    assert_eq!(bookmarks(&n).len(), 1);
    n.pilgi(&["bookmark", "list"]).assert().success();
    n.pilgi(&["bookmark", "remove", SECTION]).assert().success();
    n.pilgi(&["bookmark", "list"]).assert().code(1);
}

#[test]
fn ls_filters_by_label_and_prints_text() {
    let n = Notes::bundled();
    n.pilgi(&[
        "bookmark",
        "add",
        "cka-course-notes#13",
        "-l",
        "exam tip",
        "-n",
        "snapshot save",
    ])
    .assert()
    .success();
    n.pilgi(&["bookmark", "add", "cka-course-notes#10"])
        .assert()
        .success();
    let tips = n.json(&["bookmark", "ls", "--label", "exam-tip"]);
    assert_eq!(tips["bookmarks"].as_array().map(Vec::len), Some(1));
    n.pilgi(&["bookmark", "ls", "--label", "review"])
        .assert()
        .code(1);
    n.pilgi(&["bookmark", "ls"])
        .assert()
        .success()
        .stdout(contains(
            "confusing  cka-course-notes#10  10. Cluster Architecture",
        ))
        .stdout(contains("13. ETCD - Commands (Optional)"))
        .stdout(contains("snapshot save"));
}

#[test]
fn orphaned_bookmark_is_kept_with_its_last_title() {
    let n = Notes::new();
    n.write(
        "net.txt",
        "1. Services 05:00\nClusterIP\n2. Ingress 06:00\n헷갈렸음\n",
    );
    n.pilgi(&["bookmark", "add", "net#2", "--memo", "keep me"])
        .assert()
        .success();
    n.write("net.txt", "1. Services 05:00\nClusterIP\n");
    let all = bookmarks(&n);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0]["status"], "orphaned");
    assert_eq!(all[0]["section"], Value::Null);
    assert_eq!(all[0]["anchor"]["title"], "Ingress");
    assert_eq!(all[0]["memo"], "keep me");
    n.pilgi(&["bookmark", "ls"])
        .assert()
        .success()
        .stdout(contains("Ingress"))
        .stdout(contains("orphaned"));
    // Still there after more writes, and back to ok when the section returns.
    n.pilgi(&["bookmark", "add", "net#1"]).assert().success();
    n.write(
        "net.txt",
        "1. Services 05:00\nClusterIP\n2. Ingress 06:00\n헷갈렸음\n",
    );
    let all = bookmarks(&n);
    assert_eq!(all.len(), 2);
    assert!(all.iter().all(|b| b["status"] == "ok"));
}

#[test]
fn renamed_file_moves_the_bookmark_once() {
    let n = Notes::new();
    n.write("net.txt", "1. Services 05:00\nClusterIP는 내부용\n");
    n.pilgi(&["bookmark", "add", "net#1"]).assert().success();
    std::fs::rename(n.dir().join("net.txt"), n.dir().join("networking.txt")).expect("rename");
    let all = bookmarks(&n);
    assert_eq!(all[0]["status"], "moved");
    assert_eq!(all[0]["id"], "net#1");
    assert_eq!(all[0]["section"]["id"], "networking#1");
    let all = bookmarks(&n);
    assert_eq!(all[0]["status"], "ok");
    assert_eq!(all[0]["id"], "networking#1");
}

#[test]
fn corrupt_store_is_recovered_from_backup_and_the_user_told() {
    let n = Notes::bundled();
    n.pilgi(&["bookmark", "add", SECTION, "--memo", "older"])
        .assert()
        .success();
    n.pilgi(&["bookmark", "add", "cka-course-notes#10"])
        .assert()
        .success();
    let store = data_dir(&n).join("bookmarks.json");
    std::fs::write(&store, "{\"format\":1,\"bookmarks\":[{\"id\":").expect("corrupt");
    n.pilgi(&["bookmark", "ls"])
        .assert()
        .success()
        .stderr(contains("could not be read"))
        .stderr(contains("backup"))
        .stdout(contains(SECTION));
    let aside: Vec<_> = std::fs::read_dir(data_dir(&n))
        .expect("data dir")
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("bookmarks.json.corrupt-")
        })
        .collect();
    assert_eq!(aside.len(), 1);
    let kept = std::fs::read_to_string(aside[0].path()).expect("set-aside file");
    assert!(kept.starts_with("{\"format\":1,\"bookmarks\":[{\"id\":"));
    // Told once; the store works normally afterwards.
    n.pilgi(&["bookmark", "ls"]).assert().success().stderr("");
}

#[test]
fn suggestions_accept_and_dismiss() {
    let n = Notes::bundled();
    let s = n.json(&["bookmark", "suggest"]);
    let list = s["suggestions"].as_array().expect("suggestions");
    let hit = list
        .iter()
        .find(|s| s["section"]["id"] == SECTION)
        .expect("the 헷갈렸음 section is suggested");
    assert_eq!(hit["line"], "> 처음으로 헷갈렸음");
    assert_eq!(hit["line_number"], 246);
    // "모르는 문제 없었음" says the opposite of confusion.
    assert!(list
        .iter()
        .all(|s| !s["line"].as_str().unwrap_or("").contains("없었음")));

    n.pilgi(&["bookmark", "dismiss", SECTION])
        .assert()
        .success();
    // Nothing left to suggest is exit code 1, with an empty list.
    let code = if list.len() == 1 { 1 } else { 0 };
    let out = n
        .pilgi(&["bookmark", "suggest", "--json"])
        .assert()
        .code(code)
        .get_output()
        .stdout
        .clone();
    let after: Value = serde_json::from_slice(&out).expect("JSON");
    let left = after["suggestions"].as_array().expect("suggestions");
    assert_eq!(
        left.len(),
        list.len() - 1,
        "dismissed suggestions stay dismissed"
    );
    assert!(left.iter().all(|s| s["section"]["id"] != SECTION));
    n.pilgi(&["bookmark", "dismiss", "cka-course-notes#10"])
        .assert()
        .code(2);
}

#[test]
fn a_bookmarked_section_is_not_suggested() {
    let n = Notes::new();
    n.write("a.txt", "1. One 01:00\nTODO: 정리\n2. Two 01:00\n몰랐음\n");
    assert_eq!(
        n.json(&["bookmark", "suggest"])["suggestions"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    n.pilgi(&["bookmark", "add", "a#1"]).assert().success();
    let s = n.json(&["bookmark", "suggest"]);
    assert_eq!(s["suggestions"][0]["section"]["id"], "a#2");
    assert_eq!(s["suggestions"].as_array().map(Vec::len), Some(1));
    n.write("a.txt", "1. One 01:00\n2. Two 01:00\n");
    n.pilgi(&["bookmark", "suggest"]).assert().code(1);
}

#[test]
fn export_import_round_trip_without_duplicates() {
    let n = Notes::bundled();
    n.pilgi(&[
        "bookmark",
        "add",
        SECTION,
        "-l",
        "exam-tip",
        "-n",
        "메모 하나",
    ])
    .assert()
    .success();
    n.pilgi(&["bookmark", "add", "cka-course-notes#13", "-n", "two"])
        .assert()
        .success();
    let file = n.dir().parent().expect("root").join("export.json");
    let file_arg = file.to_str().expect("utf-8 path");
    n.pilgi(&["bookmark", "export", file_arg])
        .assert()
        .success();
    let original = bookmarks(&n);

    let other = Notes::bundled();
    other
        .pilgi(&["bookmark", "add", "cka-course-notes#10"])
        .assert()
        .success();
    let report = other.json(&["bookmark", "import", file_arg]);
    assert_eq!(report["added"], 2);
    let again = other.json(&["bookmark", "import", file_arg]);
    assert_eq!(
        (again["added"].clone(), again["unchanged"].clone()),
        (0.into(), 2.into())
    );
    let imported = bookmarks(&other);
    assert_eq!(imported.len(), 3);
    for b in &original {
        let twin = imported
            .iter()
            .find(|i| i["id"] == b["id"])
            .expect("imported");
        assert_eq!(twin, b);
    }
    // A newer edit in the store wins over the older exported one.
    other
        .pilgi(&["bookmark", "add", SECTION, "-n", "newer"])
        .assert()
        .success();
    other
        .pilgi(&["bookmark", "import", file_arg])
        .assert()
        .success();
    let after = bookmarks(&other);
    let b = after
        .iter()
        .find(|b| b["id"] == SECTION)
        .expect("still there");
    assert_eq!(b["memo"], "newer");

    std::fs::write(&file, "not json").expect("write");
    other
        .pilgi(&["bookmark", "import", file_arg])
        .assert()
        .code(2);
    assert_eq!(bookmarks(&other).len(), 3);
}
