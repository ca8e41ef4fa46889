//! Notes in legacy encodings with the real `pilgi` binary: a note saved by
//! Notepad on Korean Windows (CP949) is indexed, found and shown in Korean,
//! and the user is told it was not UTF-8.

use crate::util::{snippet, Notes};
use predicates::prelude::*;
use predicates::str::contains;

/// `1. 파드 정리 Preview03:00` / `파드는 쿠버네티스에서 가장 작은 배포
/// 단위이다.` / `$ kubectl get pods -A`, CP949-encoded with CRLF line ends,
/// as Notepad saves it. Spelled as bytes: the test crate has no encoder,
/// and the Korean asserted below proves the bytes are what they claim.
const CP949_NOTE: &[u8] = b"1. \xC6\xC4\xB5\xE5 \xC1\xA4\xB8\xAE Preview03:00\r\n\
\xC6\xC4\xB5\xE5\xB4\xC2 \xC4\xED\xB9\xF6\xB3\xD7\xC6\xBC\xBD\xBA\xBF\xA1\xBC\xAD \
\xB0\xA1\xC0\xE5 \xC0\xDB\xC0\xBA \xB9\xE8\xC6\xF7 \xB4\xDC\xC0\xA7\xC0\xCC\xB4\xD9.\r\n\
$ kubectl get pods -A\r\n";

const DECODED: &str = "pilgi: windows.txt: decoded as EUC-KR (CP949)";

fn folder() -> Notes {
    let n = Notes::new();
    n.write("windows.txt", CP949_NOTE).write(
        "linux.txt",
        "1. 노드 Preview01:00\n노드는 파드를 실행한다.\n",
    );
    n
}

#[test]
fn index_reports_the_legacy_encoding() {
    let n = folder();
    n.pilgi(&["index"])
        .assert()
        .success()
        .stderr(contains(DECODED))
        .stderr(contains("linux.txt").not());
    // Also when nothing changed: the message is kept with the index.
    n.pilgi(&["index"])
        .assert()
        .success()
        .stderr(contains(DECODED));
    let v = n.json(&["index"]);
    assert_eq!(
        v["warnings"],
        serde_json::json!([{
            "file": "windows.txt", "id": "warn-decoded-as", "message": "decoded as EUC-KR (CP949)"
        }]),
        "{v:#}"
    );
}

#[test]
fn search_finds_and_shows_the_korean_text() {
    let n = folder();
    n.pilgi(&["index"]).assert().success();
    // `--json` first: after the query it would be read as part of it.
    let out = n.pilgi(&["--json", "search", "파드"]).assert().success();
    let v: serde_json::Value =
        serde_json::from_slice(&out.get_output().stdout).expect("JSON on stdout");
    let hits = v["hits"].as_array().expect("hits");
    let hit = hits
        .iter()
        .find(|h| h["file"] == "windows.txt")
        .unwrap_or_else(|| panic!("no hit in windows.txt: {v:#}"));
    assert_eq!(hit["title"], "파드 정리", "{v:#}");
    let snippet = snippet(hit);
    assert!(snippet.contains("쿠버네티스에서"), "{snippet}");
    assert!(!snippet.contains('\u{FFFD}'), "{snippet}");
    // The plain output: Korean on stdout, the encoding on stderr, even when
    // the search only reads the index (the folder is unchanged).
    n.pilgi(&["search", "쿠버네티스"])
        .assert()
        .success()
        .stdout(contains("1. 파드 정리"))
        .stdout(contains("가장 작은 배포 단위이다"))
        .stderr(contains(DECODED));
}
