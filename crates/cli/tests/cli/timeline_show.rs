//! `pilgi timeline` and `pilgi show`: the JSON contract, human output, exit codes.

use crate::util::Notes;
use predicates::prelude::*;
use predicates::str::contains;

#[test]
fn timeline_json_contract_on_the_bundled_notes() {
    let t = Notes::bundled().json(&["timeline"]);
    assert_eq!(t["total_seconds"], 10567);
    let sections = t["sections"].as_array().expect("sections");
    assert_eq!(sections.len(), 39);
    let first = &sections[1];
    for key in [
        "id",
        "file",
        "number",
        "title",
        "duration_seconds",
        "start_seconds",
        "kind",
        "preview",
    ] {
        assert!(first.get(key).is_some(), "missing key {key}");
    }
    assert_eq!(first["id"], "cka-course-notes#10");
    assert_eq!(first["start_seconds"], 5);
    assert_eq!(first["preview"], true);
    let last = sections.last().expect("last");
    assert_eq!(last["number"], serde_json::Value::Null);
}

#[test]
fn timeline_on_notes_never_seen() {
    let n = Notes::new();
    n.write(
        "b/02 networking.md",
        "intro\n1. IP basics 10:00\n2. DNS Preview1:00:00\n",
    );
    n.write("a.txt", "no sections here\njust text\n");
    let t = n.json(&["timeline"]);
    assert_eq!(t["total_seconds"], 600 + 3600);
    let titles: Vec<&str> = t["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .map(|s| s["title"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(titles, ["a", "IP basics", "DNS"]);
    assert_eq!(
        t["sections"][0]["duration_seconds"],
        serde_json::Value::Null
    );
    assert_eq!(t["sections"][2]["start_seconds"], 600);
}

#[test]
fn human_timeline_is_aligned_and_totals() {
    Notes::bundled()
        .pilgi(&["timeline"])
        .assert()
        .success()
        .stdout(contains("10. Cluster Architecture"))
        .stdout(contains("39 sections, 2:56:07 in all"));
}

#[test]
fn show_section_json_and_text() {
    let n = Notes::bundled();
    let s = n.json(&["show", "cka-course-notes#13"]);
    assert_eq!(s["title"], "ETCD - Commands (Optional)");
    assert!(s["body"]
        .as_str()
        .expect("body")
        .contains("etcdctl snapshot save"));
    n.pilgi(&["show", "cka-course-notes#13"])
        .assert()
        .success()
        .stdout(contains("13. ETCD - Commands (Optional)"))
        .stdout(contains("export ETCDCTL_API=3"));
}

#[test]
fn errors_have_exit_codes_and_name_the_problem() {
    let n = Notes::bundled();
    n.pilgi(&["show", "cka-course-notes#999"])
        .assert()
        .code(2)
        .stderr(contains("cka-course-notes#999"));
    n.pilgi(&["no-such-command"]).assert().code(2);
    let mut missing = n.pilgi(&["timeline"]);
    missing.arg("--notes").arg("/nonexistent/notes");
    missing
        .assert()
        .code(2)
        .stderr(contains("/nonexistent/notes"));
    Notes::new().pilgi(&["timeline"]).assert().code(1);
}

#[test]
fn bad_files_are_skipped_with_reasons() {
    let n = Notes::new();
    n.write("good.txt", "1. Fine 01:00\nok\n");
    n.write("broken.txt", b"1. Broken 00:30\nbad \xFF byte\n");
    n.write("image.txt", b"\x89PNG\x00\x00\x00");
    n.pilgi(&["timeline"])
        .assert()
        .success()
        .stdout(contains("Broken"))
        .stderr(contains("skipped image.txt: binary file"))
        .stderr(contains("broken.txt: invalid UTF-8"));
}

#[test]
fn show_html_renders_the_section_sanitized() {
    let n = Notes::new();
    n.write(
        "x.md",
        "1. Mixed 01:00\n$ k get pods\n<script>alert(1)</script>\n",
    );
    n.pilgi(&["show", "x#1", "--html"])
        .assert()
        .success()
        .stdout(contains("data-copy=\"k get pods\""))
        .stdout(contains("<script>").not());
}
