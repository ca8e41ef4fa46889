//! `pilgi review`: the queue as JSON, grading at a real terminal (a
//! pseudo-terminal from `script`), one grade from a script, the statistics.

use crate::util::{isolated_env, Notes};
use predicates::str::contains;
use serde_json::Value;
use std::io::Write;
use std::process::Stdio;

const CONFUSING: &str = "cka-course-notes#44";
const REVIEW: &str = "cka-course-notes#13";
const TIP: &str = "cka-course-notes#10";

/// The bundled notes with three bookmarks: two of them review items.
fn studied() -> Notes {
    let n = Notes::bundled();
    n.pilgi(&["bookmark", "save", CONFUSING, "--memo", "run vs create"])
        .assert()
        .success();
    n.pilgi(&["bookmark", "save", REVIEW, "-l", "review"])
        .assert()
        .success();
    n.pilgi(&["bookmark", "save", TIP, "-l", "exam-tip"])
        .assert()
        .success();
    n
}

fn ids(items: &Value) -> Vec<String> {
    let items = items.as_array().expect("items");
    items
        .iter()
        .map(|i| i["section"]["id"].as_str().expect("id").to_owned())
        .collect()
}

#[test]
fn confusing_and_review_bookmarks_are_due_at_once() {
    let n = studied();
    let queue = n.json(&["review"]);
    let mut due = ids(&queue["due"]);
    due.sort();
    assert_eq!(due, [REVIEW, CONFUSING], "exam tips are not review items");
    assert!(ids(&queue["later"]).is_empty());
    let item = queue["due"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["section"]["id"] == CONFUSING)
        .expect("the confusing one");
    assert_eq!(item["memo"], "run vs create");
    assert_eq!(item["stage"], "new");
    assert_eq!(item["prompt"], "처음으로 헷갈렸음");
}

#[test]
fn grading_at_the_terminal_moves_the_item() {
    let n = studied();
    let first = n.json(&["review"])["due"][0]["section"]["id"]
        .as_str()
        .expect("first due")
        .to_owned();
    // Space shows the section, 3 grades it Good, q stops before the next.
    let command = format!(
        "{} --notes '{}' review",
        assert_cmd::cargo::cargo_bin("pilgi").display(),
        n.dir().display()
    );
    let mut script = std::process::Command::new("script");
    script.args(["-qec", &command, "/dev/null"]);
    isolated_env(&mut script, n.dir().parent().expect("root"));
    let mut child = script
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("script (util-linux) runs pilgi in a pseudo-terminal");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b" 3q")
        .expect("keys");
    let out = child.wait_with_output().expect("script ends");
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("── 1/2 ──"), "{shown}");
    assert!(
        shown.contains("cka-course-notes.txt:"),
        "Space showed the section: {shown}"
    );
    assert!(shown.contains("1 graded"), "{shown}");
    let queue = n.json(&["review"]);
    let graded = queue["due"]
        .as_array()
        .unwrap()
        .iter()
        .chain(queue["later"].as_array().unwrap())
        .find(|i| i["section"]["id"] == first.as_str())
        .expect("still an item")
        .clone();
    assert_eq!(graded["stage"], "learning", "{graded}");
    assert_eq!(n.json(&["review", "stats"])["reviews"], 1);
}

#[test]
fn stats_add_up_and_bad_grades_are_refused() {
    let n = studied();
    for (id, grade) in [(CONFUSING, "good"), (CONFUSING, "1"), (REVIEW, "easy")] {
        let done = n.json(&["review", "grade", id, grade]);
        assert_eq!(done["id"], id);
    }
    let stats = n.json(&["review", "stats"]);
    assert_eq!(stats["reviews"], 3);
    let days = stats["per_day"].as_object().expect("days");
    let total: u64 = days.values().map(|d| d["reviews"].as_u64().unwrap()).sum();
    let again: u64 = days.values().map(|d| d["again"].as_u64().unwrap()).sum();
    assert_eq!((total, again), (3, 1));
    n.pilgi(&["review", "stats"])
        .assert()
        .success()
        .stdout(contains("3 reviews"));
    n.pilgi(&["review", "grade", CONFUSING, "perfect"])
        .assert()
        .code(2)
        .stderr(contains("again, hard, good or easy"));
    n.pilgi(&["review", "grade", TIP, "good"])
        .assert()
        .code(2)
        .stderr(contains("no review item"));
}

#[test]
fn a_bad_exam_date_is_said_and_ignored() {
    let n = studied();
    let config = n.dir().parent().unwrap().join("config/pilgi");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.json"),
        r#"{"exam_date": "next friday"}"#,
    )
    .unwrap();
    n.pilgi(&["review", "grade", CONFUSING, "good"])
        .assert()
        .success()
        .stderr(contains("exam_date \"next friday\""));
}

#[test]
fn export_writes_a_file_anki_imports() {
    let n = studied();
    let out = n.dir().parent().unwrap().join("cards.tsv");
    n.pilgi(&["review", "export", out.to_str().unwrap()])
        .assert()
        .success()
        .stdout(contains("wrote 2 cards"));
    let tsv = std::fs::read_to_string(&out).expect("written");
    let rows: Vec<Vec<&str>> = tsv
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
        .collect();
    assert_eq!(rows.len(), 2, "{tsv}");
    assert!(
        rows.iter()
            .all(|r| r.len() == 3 && r[2].starts_with("pilgi ")),
        "{tsv}"
    );
    let printed = n.pilgi(&["review", "export"]).assert().success();
    let stdout = String::from_utf8_lossy(&printed.get_output().stdout).into_owned();
    assert_eq!(
        stdout.trim_end(),
        tsv.trim_end(),
        "stdout holds the same file"
    );
}

#[test]
fn cards_are_offered_made_by_number_and_reviewed_by_their_id() {
    let n = Notes::bundled();
    let offers = n.json(&["review", "cards", TIP]);
    let offers = offers.as_array().expect("offers");
    let kubelet = offers
        .iter()
        .position(|o| o["back"] == "kubelet")
        .expect("the [kubelet] : … line is offered");
    assert!(
        offers.iter().all(|o| o["card"].is_null()),
        "none made silently"
    );
    assert!(queue(&n)["due"].as_array().unwrap().is_empty());

    let number = (kubelet + 1).to_string();
    n.pilgi(&["review", "cards", TIP, "--add", &number])
        .assert()
        .success()
        .stdout(contains(format!("✓ {number}. [?] : cluster의 각 node")));
    let due = n.json(&["review"])["due"].clone();
    assert_eq!(due.as_array().unwrap().len(), 1);
    let card = due[0]["id"].as_str().expect("card id").to_owned();
    assert!(card.starts_with("card-"), "{card}");
    assert_eq!(due[0]["cloze"]["back"], "kubelet");
    assert_eq!(due[0]["section"]["id"], TIP);

    n.pilgi(&["review", "grade", &card, "good"])
        .assert()
        .success();
    assert_eq!(n.json(&["review", "stats"])["reviews"], 1);
    n.pilgi(&["review", "cards", TIP, "--add", "999"])
        .assert()
        .failure()
        .stderr(contains("there is no card 999"));
    n.pilgi(&["review", "cards", TIP, "--remove", &number])
        .assert()
        .success();
    assert!(queue(&n)["due"].as_array().unwrap().is_empty());
    assert_eq!(n.json(&["review", "stats"])["reviews"], 1, "the log stays");
}

/// `pilgi review --json`, which exits 1 when nothing is due.
fn queue(n: &Notes) -> Value {
    let out = n.pilgi(&["review", "--json"]).output().expect("run pilgi");
    serde_json::from_slice(&out.stdout).expect("valid JSON on stdout")
}
