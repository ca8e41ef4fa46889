//! One test per kind of edit a note goes through after a bookmark is made.

use super::*;
use crate::bookmarks::model::{Bookmark, Label};
use crate::corpus::LoadedNote;
use crate::note::parse;
use std::path::Path;

const NOTE: &str = "course intro\n\
10. Cluster Architecture Preview08:48\n\
k8s runs containers\n\
master node and workers\n\
11. ETCD For Beginners 03:02\n\
> distributed reliable key value store\n\
key value는 1:1 대응함\n\
12. ETCD in Kubernetes 03:16\n\
cluster의 정보들을 저장함\n\
Closing Words Preview00:30\n\
see you in the exam\n";

fn corpus(files: &[(&str, &str)]) -> Corpus {
    let notes = files
        .iter()
        .map(|(f, t)| LoadedNote {
            note: parse(f, t),
            hash: String::new(),
        })
        .collect();
    Corpus::from_notes(Path::new("/notes"), notes, Vec::new())
}

fn mark(c: &Corpus, id: &str) -> Bookmark {
    let s = c.section(id).expect("section exists");
    Bookmark::new(s, Label::default(), String::new(), "t".into())
}

/// (status, attached id) of each bookmark against the edited notes.
fn after(bookmarks: &[Bookmark], c: &Corpus) -> Vec<(Status, Option<String>)> {
    resolve(bookmarks, c)
        .into_iter()
        .zip(bookmarks)
        .map(|(s, b)| (Status::of(b, s), s.map(|s| s.id.to_string())))
        .collect()
}

fn ok(id: &str) -> (Status, Option<String>) {
    (Status::Ok, Some(id.into()))
}

fn moved(id: &str) -> (Status, Option<String>) {
    (Status::Moved, Some(id.into()))
}

#[test]
fn unchanged_notes_keep_every_bookmark_in_place() {
    let c = corpus(&[("cka.txt", NOTE)]);
    let b = [mark(&c, "cka#10"), mark(&c, "cka#closing-words")];
    assert_eq!(after(&b, &c), [ok("cka#10"), ok("cka#closing-words")]);
}

#[test]
fn section_inserted_above() {
    let before = corpus(&[("cka.txt", NOTE)]);
    let b = [mark(&before, "cka#11"), mark(&before, "cka#closing-words")];
    let edited = NOTE.replace("10. Cluster", "9. Download Deck 00:05\npdf\n10. Cluster");
    let c = corpus(&[("cka.txt", &edited)]);
    assert_eq!(c.section("cka#11").map(|s| s.line_start), Some(7));
    assert_eq!(after(&b, &c), [ok("cka#11"), ok("cka#closing-words")]);
}

#[test]
fn duplicate_number_inserted_above_shifts_ids_and_the_bookmark_follows() {
    let text = "12. ETCD in Kubernetes 03:16\nbody\n12. ETCD Commands 00:57\netcdctl\n";
    let before = corpus(&[("cka.txt", text)]);
    let b = [
        mark(&before, "cka#12~etcd-commands"),
        mark(&before, "cka#12"),
    ];
    // Another lecture numbered 12 lands on top: every #12 id shifts.
    let c = corpus(&[(
        "cka.txt",
        &format!("12. Backup and Restore 05:00\nsnap\n{text}"),
    )]);
    assert_eq!(
        after(&b, &c),
        [
            ok("cka#12~etcd-commands"),
            moved("cka#12~etcd-in-kubernetes")
        ]
    );
}

#[test]
fn body_text_grown_at_top_and_bottom() {
    let before = corpus(&[("cka.txt", NOTE)]);
    let b = [mark(&before, "cka#11")];
    let edited = NOTE.replace(
        "> distributed",
        "새로 추가한 메모\n다시 정리함\n> distributed",
    ) + "more lines at the end\n";
    let c = corpus(&[("cka.txt", &edited)]);
    assert_ne!(
        fingerprint(&c.section("cka#11").expect("#11").body),
        b[0].anchor.fingerprint
    );
    assert_eq!(after(&b, &c), [ok("cka#11")]);
}

#[test]
fn title_typo_fixed_numbered_and_unnumbered() {
    let typo = NOTE
        .replace("ETCD For Beginners", "ETDC For Begniners")
        .replace("Closing Words", "Closing Wrods");
    let before = corpus(&[("cka.txt", &typo)]);
    let b = [mark(&before, "cka#11"), mark(&before, "cka#closing-wrods")];
    let c = corpus(&[("cka.txt", NOTE)]);
    // The number keeps the numbered id; the unnumbered id is the title's
    // slug, so that bookmark moves to the corrected slug.
    assert_eq!(after(&b, &c), [ok("cka#11"), moved("cka#closing-words")]);
}

#[test]
fn file_renamed() {
    let before = corpus(&[("cka.txt", NOTE), ("other.txt", "1. Other 01:00\nx\n")]);
    let b = [mark(&before, "cka#12"), mark(&before, "cka#closing-words")];
    let c = corpus(&[
        ("course/cka-notes.txt", NOTE),
        ("other.txt", "1. Other 01:00\nx\n"),
    ]);
    assert_eq!(
        after(&b, &c),
        [
            moved("course/cka-notes#12"),
            moved("course/cka-notes#closing-words")
        ]
    );
}

#[test]
fn file_renamed_and_retitled_found_by_fingerprint() {
    let before = corpus(&[("cka.txt", NOTE)]);
    let b = [mark(&before, "cka#11")];
    let edited = NOTE.replace("11. ETCD For Beginners", "3. What is etcd");
    let c = corpus(&[("renamed.txt", &edited)]);
    assert_eq!(after(&b, &c), [moved("renamed#3")]);
}

#[test]
fn same_number_in_another_file_is_not_stolen_while_the_file_exists() {
    let before = corpus(&[
        ("a.txt", "1. Pods 01:00\nfirst\n"),
        ("b.txt", "1. Pods 01:00\nsecond\n"),
    ]);
    let b = [mark(&before, "a#1")];
    // a's section is deleted; b still has a "1. Pods", but a.txt exists.
    let c = corpus(&[
        ("a.txt", "2. Services 01:00\nother\n"),
        ("b.txt", "1. Pods 01:00\nsecond\n"),
    ]);
    assert_eq!(after(&b, &c), [(Status::Orphaned, None)]);
}

#[test]
fn retitled_in_place_stays_by_id() {
    let before = corpus(&[("cka.txt", NOTE)]);
    let b = [mark(&before, "cka#12")];
    let edited = NOTE
        .replace(
            "12. ETCD in Kubernetes",
            "12. Where the cluster state lives",
        )
        .replace("cluster의 정보들을 저장함", "rewritten body");
    let c = corpus(&[("cka.txt", &edited)]);
    assert_eq!(after(&b, &c), [ok("cka#12")]);
}

#[test]
fn section_deleted_is_orphaned_with_its_last_title() {
    let before = corpus(&[("cka.txt", NOTE)]);
    let b = [mark(&before, "cka#12"), mark(&before, "cka#10")];
    let edited = NOTE.replace(
        "12. ETCD in Kubernetes 03:16\ncluster의 정보들을 저장함\n",
        "",
    );
    let c = corpus(&[("cka.txt", &edited)]);
    assert_eq!(after(&b, &c), [(Status::Orphaned, None), ok("cka#10")]);
    assert_eq!(b[0].anchor.title, "ETCD in Kubernetes");
    // Nothing at all (the notes folder moved away): all orphaned, none lost.
    assert_eq!(after(&b, &corpus(&[])).len(), 2);
}

#[test]
fn two_bookmarks_never_share_a_section() {
    let before = corpus(&[("cka.txt", NOTE)]);
    let mut b = vec![mark(&before, "cka#11"), mark(&before, "cka#11")];
    // The second one claims to be an older #11 kept under another id.
    b[1].id = crate::SectionId("old#11".into());
    b[1].anchor.file = "old.txt".into();
    let got = after(&b, &before);
    assert_eq!(got[0], ok("cka#11"));
    assert_eq!(got[1], (Status::Orphaned, None));
}

#[test]
fn similarity_scale() {
    assert_eq!(title_similarity("Kube-API Server", "kube api server"), 1.0);
    assert!(title_similarity("ETCD For Beginners", "ETDC For Begniners") >= SIMILAR_TITLE);
    assert!(title_similarity("Practice Test - Pods", "Practice Test - Services") < SIMILAR_TITLE);
    assert!(title_similarity("파드 개념 정리", "파드 게념 정리") >= SIMILAR_TITLE);
}

/// A Markdown note: heading sections whose ids come from their slugs.
const MD: &str = "---\ntitle: 디플로이먼트\n---\n# 디플로이먼트\n\n레플리카셋을 관리한다.\n\n## 롤백\n\nkubectl rollout undo로 되돌린다.\n리비전 기록이 남는다.\n\n## 스케일링\n\nreplicas 값을 바꾼다.\n";

#[test]
fn markdown_heading_renamed_moved_or_section_inserted_above() {
    let c = corpus(&[("d.md", MD)]);
    let b = [mark(&c, "d#롤백"), mark(&c, "d#스케일링")];
    // A section inserted above: ids are slugs, not positions.
    let inserted = MD.replace("## 롤백", "## 생성\n\nkubectl create deployment\n\n## 롤백");
    assert_eq!(
        after(&b, &corpus(&[("d.md", &inserted)])),
        [ok("d#롤백"), ok("d#스케일링")]
    );
    // A heading renamed (its id changes): found again by a similar title
    // or by its first lines.
    let renamed = MD.replace("## 롤백", "## 롤백하기");
    assert_eq!(
        after(&b, &corpus(&[("d.md", &renamed)])),
        [moved("d#롤백하기"), ok("d#스케일링")]
    );
    // Moved below another section and one level deeper.
    let moved_down = "# 디플로이먼트\n\n레플리카셋을 관리한다.\n\n## 스케일링\n\nreplicas 값을 바꾼다.\n\n### 롤백\n\nkubectl rollout undo로 되돌린다.\n리비전 기록이 남는다.\n";
    assert_eq!(
        after(&b, &corpus(&[("d.md", moved_down)])),
        [ok("d#롤백"), ok("d#스케일링")]
    );
    // Deleted: orphaned, never dropped.
    let deleted = MD.replace(
        "## 롤백\n\nkubectl rollout undo로 되돌린다.\n리비전 기록이 남는다.\n\n",
        "",
    );
    let result = after(&b, &corpus(&[("d.md", &deleted)]));
    assert_eq!(result[0].0, Status::Orphaned);
    assert_eq!(result[1], ok("d#스케일링"));
}
