//! The terminal speaks the user's language (`LANG`, `PILGI_LANG`, the
//! app's setting); `--json` is the same in every language.

use crate::util::Notes;
use predicates::str::contains;

/// A folder with a note and a file that is not one.
fn folder() -> Notes {
    let n = Notes::new();
    n.write("pods.md", "# 파드\n\n파드는 컨테이너의 묶음이다.\n")
        .write("diagram.png", [0x89, b'P', b'N', b'G']);
    n
}

#[test]
fn a_korean_locale_gets_korean_messages_and_help() {
    let n = folder();
    n.pilgi(&["index"])
        .env("LANG", "ko_KR.UTF-8")
        .assert()
        .success()
        .stderr(contains("diagram.png 건너뜀: 노트 파일이 아닙니다"))
        .stdout(contains("섹션 1개"));
    n.pilgi(&["index"])
        .assert()
        .success()
        .stderr(contains("skipped diagram.png: not a note file"))
        .stdout(contains("1 section in"));
    n.pilgi(&["search", "--help"])
        .env("LC_MESSAGES", "ko_KR.UTF-8")
        .assert()
        .success()
        .stdout(contains("사용법: pilgi search"))
        .stdout(contains("결과를 최대 이만큼"));
}

#[test]
fn pilgi_lang_wins_over_the_locale_and_the_setting() {
    let n = folder();
    std::fs::create_dir_all(n.config()).unwrap();
    std::fs::write(n.config().join("config.json"), r#"{"language": "ko"}"#).unwrap();
    // The app's choice reaches the terminal …
    n.pilgi(&["search", "파드"])
        .assert()
        .success()
        .stderr(contains("건너뜀"));
    // … and PILGI_LANG overrides it for one run.
    n.pilgi(&["search", "파드"])
        .env("PILGI_LANG", "en")
        .assert()
        .success()
        .stderr(contains("skipped diagram.png"));
}

#[test]
fn json_is_the_same_in_both_languages() {
    let n = folder();
    n.pilgi(&["index"]).assert().success();
    let run = |lang: &str, args: &[&str]| {
        let mut all = args.to_vec();
        all.push("--json");
        let out = n.pilgi(&all).env("LANG", lang).output().unwrap();
        let mut v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        // How long a run took is the one thing that may differ.
        v["report"]["millis"].take();
        (out.status.code(), v)
    };
    for args in [
        &["index"][..],
        &["search", "파드"],
        &["show", "pods#nope"],
        &["bookmark", "save", "nope#1"],
    ] {
        let (ko, en) = (run("ko_KR.UTF-8", args), run("en_US.UTF-8", args));
        assert_eq!(ko, en, "{args:?}");
        assert!(ko.1.is_object(), "{args:?} printed JSON");
    }
    let (_, v) = run("ko_KR.UTF-8", &["index"]);
    assert_eq!(
        v["skipped"],
        serde_json::json!([{
            "file": "diagram.png",
            "id": "skip-not-note",
            "reason": "not a note file (only .txt and .md are read)",
        }])
    );
}
