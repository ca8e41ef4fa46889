//! The parser and timeline on the bundled notes (the first user's real CKA
//! notes) and on notes written in the same dialect with other quirks.

use pilgi_core::{Corpus, SectionKind, Timeline};
use std::path::Path;

fn bundled() -> Corpus {
    Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../notes"))
}

#[test]
fn seed_sections_timeline_and_preamble() {
    let corpus = bundled();
    assert!(corpus.skipped.is_empty(), "{:?}", corpus.skipped);
    let note = &corpus.notes[0].note;
    let numbers: Vec<u32> = note.sections.iter().filter_map(|s| s.number).collect();
    assert_eq!(numbers, (9..=46).collect::<Vec<_>>());
    let last = note.sections.last().expect("sections");
    assert_eq!(last.number, None);
    assert_eq!(last.title, "Here's some inspiration to keep going");
    assert!(last.preview);
    assert!(note.sections.iter().all(|s| s.duration_seconds.is_some()));
    assert_eq!(note.preamble.lines().count(), 3);
    assert!(note.preamble.starts_with("이 부분은 쉽기 때문에"));
    let timeline = Timeline::of(&corpus);
    assert_eq!(timeline.total_seconds, 10567);
    assert_eq!(timeline.sections[1].start_seconds, 5);
    // `내답: k run svc clusterip httpd --tcp=80:80` stays in section 45's body.
    let s45 = corpus.section("cka-course-notes#45").expect("45");
    assert!(s45.body.contains("--tcp=80:80"));
    assert_eq!(
        corpus.section("cka-course-notes#26").map(|s| s.kind),
        Some(SectionKind::Solution)
    );
    assert_eq!(
        corpus.section("cka-course-notes#21").map(|s| s.kind),
        Some(SectionKind::Demo)
    );
    assert_eq!(
        corpus.section("cka-course-notes#25").map(|s| s.kind),
        Some(SectionKind::PracticeTest)
    );
    // `1. scratch` / `2. kubeadm tool` are list items inside section 12.
    assert!(corpus
        .section("cka-course-notes#12")
        .expect("12")
        .body
        .contains("1. scratch"));
}

#[test]
fn quirky_notes_in_the_same_dialect() {
    let dir = tempfile::tempdir().expect("tmp");
    let crlf_bom =
        "\u{FEFF}Course intro\r\n1. Welcome Preview01:30\r\n> 환영\r\n2. Setup\t2:05\r\n";
    std::fs::write(dir.path().join("10-week.txt"), crlf_bom).expect("write");
    let long = "1. Deep dive 1:02:03\nbody\n1. Deep dive again 00:10\n3. Glued Preview00:07\n";
    std::fs::write(dir.path().join("2-week.txt"), long).expect("write");
    std::fs::write(
        dir.path().join("plain.md"),
        "# 쿠버네티스 메모\n파드는 작다\n",
    )
    .expect("write");
    let corpus = Corpus::load(dir.path());
    let files: Vec<&str> = corpus.notes.iter().map(|n| n.note.file.as_str()).collect();
    assert_eq!(files, ["2-week.txt", "10-week.txt", "plain.md"]);

    let ids: Vec<&str> = corpus.sections().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "2-week#1",
            "2-week#1~deep-dive-again",
            "2-week#3",
            "10-week#1",
            "10-week#2",
            "plain"
        ]
    );
    let s = corpus.section("2-week#1").expect("1");
    assert_eq!(s.duration_seconds, Some(3723));
    let glued = corpus.section("2-week#3").expect("3");
    assert!(glued.preview);
    assert_eq!(glued.title, "Glued");
    let week = &corpus.note("10-week.txt").expect("note");
    assert_eq!(week.preamble, "Course intro");
    assert_eq!(week.sections[0].body, "> 환영");
    assert_eq!(week.sections[1].duration_seconds, Some(125));
    let plain = corpus.section("plain").expect("plain");
    assert_eq!(plain.title, "쿠버네티스 메모");
    assert_eq!(plain.duration_seconds, None);
    assert_eq!(
        Timeline::of(&corpus).total_seconds,
        3723 + 10 + 7 + 90 + 125
    );
}
