//! Listing, saving and removing against real notes.

use super::*;
use crate::corpus::LoadedNote;
use crate::note::parse;
use std::path::Path;

const NOTE: &str = "intro\n\
43. Network Policies 10:00\n\
ingress와 egress 헷갈렸음\n\
44. Developing network policies 12:00\n\
podSelector 예제\n";

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

fn edit(label: Option<&str>, memo: Option<&str>) -> Edit {
    Edit {
        label: label.map(|l| Label::parse(l).unwrap()),
        memo: memo.map(str::to_owned),
    }
}

#[test]
fn add_then_update_label_and_memo() {
    let dir = tempfile::tempdir().unwrap();
    let c = corpus(&[("cka.txt", NOTE)]);
    let mut store = Store::open(dir.path()).unwrap();
    let made = store.save(&c, "cka#44", Edit::default()).unwrap();
    assert!(made.created);
    assert_eq!(made.bookmark.label.as_str(), "confusing");
    assert_eq!(
        made.bookmark.section.as_ref().unwrap().title,
        "Developing network policies"
    );
    let first_updated = made.bookmark.updated.clone();

    std::thread::sleep(std::time::Duration::from_millis(3));
    let again = store
        .save(&c, "cka#44", edit(Some("review"), Some("  다시 보기\n")))
        .unwrap();
    assert!(!again.created);
    assert_eq!(again.bookmark.memo, "다시 보기");
    assert!(again.bookmark.updated > first_updated);
    assert_eq!(again.bookmark.created, made.bookmark.created);

    // Only the memo: the label stays.
    let memo = store
        .save(&c, "cka#44", edit(None, Some("egress는 기본 허용")))
        .unwrap();
    assert_eq!(memo.bookmark.label.as_str(), "review");
    assert_eq!(store.list(&c).len(), 1);
}

#[test]
fn unknown_section_is_not_found_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let c = corpus(&[("cka.txt", NOTE)]);
    let mut store = Store::open(dir.path()).unwrap();
    let err = store.save(&c, "cka#999", Edit::default()).unwrap_err();
    assert!(matches!(err, Error::NotFound(_)), "{err}");
    assert!(!dir.path().join("bookmarks.json").exists());
}

#[test]
fn orphan_is_listed_editable_and_removable_never_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    store
        .save(
            &corpus(&[("cka.txt", NOTE)]),
            "cka#43",
            edit(None, Some("memo")),
        )
        .unwrap();
    let gone = corpus(&[("cka.txt", "44. Developing network policies 12:00\nx\n")]);
    // Changes made while the section is gone keep the orphan as it was.
    store.save(&gone, "cka#44", Edit::default()).unwrap();
    store.reanchor(&gone).unwrap();
    let listed = store.list(&gone);
    assert_eq!(listed.len(), 2);
    let orphan = &listed[1];
    assert_eq!(orphan.status, Status::Orphaned);
    assert_eq!(orphan.section, None);
    assert_eq!(orphan.anchor.title, "Network Policies");
    assert_eq!(orphan.memo, "memo");

    let changed = store
        .save(&gone, "cka#43", edit(Some("exam-tip"), None))
        .unwrap();
    assert_eq!(changed.bookmark.status, Status::Orphaned);
    assert_eq!(changed.bookmark.label.as_str(), "exam-tip");
    assert_eq!(store.get(&gone, "cka#43").unwrap().status, Status::Orphaned);
    assert!(store.remove(&gone, "cka#43").unwrap().is_some());
    assert!(store.remove(&gone, "cka#43").unwrap().is_none());
}

#[test]
fn moves_show_once_then_are_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    store
        .save(&corpus(&[("cka.txt", NOTE)]), "cka#43", Edit::default())
        .unwrap();
    let renamed = corpus(&[("kubernetes/cka.txt", NOTE)]);
    let listed = store.list(&renamed);
    assert_eq!(listed[0].status, Status::Moved);
    assert_eq!(listed[0].id.as_str(), "cka#43");
    assert_eq!(
        listed[0].section.as_ref().unwrap().id.as_str(),
        "kubernetes/cka#43"
    );

    assert_eq!(store.reanchor(&renamed).unwrap(), 1);
    let revision = store.revision();
    assert_eq!(store.reanchor(&renamed).unwrap(), 0);
    assert_eq!(store.revision(), revision);
    let listed = Store::open(dir.path()).unwrap().list(&renamed);
    assert_eq!(listed[0].status, Status::Ok);
    assert_eq!(listed[0].id.as_str(), "kubernetes/cka#43");
    // The moved bookmark is found by its section's new id.
    assert!(store.get(&renamed, "kubernetes/cka#43").is_some());
    assert!(store
        .toggle(&renamed, "kubernetes/cka#43")
        .is_ok_and(|on| !on));
    assert!(store.list(&renamed).is_empty());
}

#[test]
fn adding_a_section_whose_old_bookmark_moved_does_not_duplicate() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    store
        .save(
            &corpus(&[("cka.txt", NOTE)]),
            "cka#43",
            edit(None, Some("keep")),
        )
        .unwrap();
    let renamed = corpus(&[("new.txt", NOTE)]);
    // The app shows new#43 as bookmarked; the user edits its memo.
    store
        .save(&renamed, "new#43", edit(None, Some("edited")))
        .unwrap();
    let listed = store.list(&renamed);
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].memo, "edited");
}

#[test]
fn list_is_in_course_order_with_orphans_last() {
    let dir = tempfile::tempdir().unwrap();
    let c = corpus(&[("cka.txt", NOTE)]);
    let mut store = Store::open(dir.path()).unwrap();
    store.save(&c, "cka#44", Edit::default()).unwrap();
    store.save(&c, "cka#43", Edit::default()).unwrap();
    let ids: Vec<_> = store
        .list(&c)
        .into_iter()
        .map(|l| l.id.to_string())
        .collect();
    assert_eq!(ids, ["cka#43", "cka#44"]);
    let only44 = corpus(&[("cka.txt", "44. Developing network policies 12:00\nx\n")]);
    let ids: Vec<_> = store
        .list(&only44)
        .into_iter()
        .map(|l| l.id.to_string())
        .collect();
    assert_eq!(ids, ["cka#44", "cka#43"]);
}
