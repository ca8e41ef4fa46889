//! The store's promises: atomic replacement with a backup, recovery from a
//! corrupt file without losing it, and no lost updates between writers.

use super::*;
use crate::bookmarks::model::{Bookmark, Label};
use crate::note::parse as parse_note;
use crate::SectionId;

fn bookmark(id: &str, memo: &str) -> Bookmark {
    let n = parse_note("n.txt", "1. Title 01:00\nbody\n");
    let mut b = Bookmark::new(&n.sections[0], Label::default(), memo.into(), time::now());
    b.id = SectionId(id.into());
    b
}

fn add(store: &mut Store, id: &str, memo: &str) {
    store
        .mutate(|f| {
            f.bookmarks.retain(|b| b.id.as_str() != id);
            f.bookmarks.push(bookmark(id, memo));
            Ok(())
        })
        .unwrap();
}

fn memos(store: &Store) -> Vec<(String, String)> {
    let mut v: Vec<_> = store
        .file()
        .bookmarks
        .iter()
        .map(|b| (b.id.to_string(), b.memo.clone()))
        .collect();
    v.sort();
    v
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn missing_store_is_empty_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("pilgi");
    let store = Store::open(&data).unwrap();
    assert!(store.file().bookmarks.is_empty());
    assert_eq!(store.revision(), 0);
    assert!(!data.exists());
}

#[test]
fn writes_round_trip_and_keep_the_previous_version_as_backup() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    add(&mut store, "a#1", "first");
    add(&mut store, "a#1", "second");
    assert_eq!(store.revision(), 2);
    let reopened = Store::open(dir.path()).unwrap();
    assert_eq!(memos(&reopened), [("a#1".into(), "second".into())]);
    let backup = std::fs::read(dir.path().join(BACKUP_NAME)).unwrap();
    let backup = parse(Path::new("b"), &backup).unwrap().unwrap();
    assert_eq!(backup.bookmarks[0].memo, "first");
    assert_eq!(backup.revision, 1);
    assert_eq!(names(dir.path()), [FILE_NAME, BACKUP_NAME, LOCK_NAME]);
}

#[test]
fn a_change_that_changes_nothing_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    add(&mut store, "a#1", "x");
    store.mutate(|_| Ok(())).unwrap();
    assert_eq!(store.revision(), 1);
    assert!(!dir.path().join(BACKUP_NAME).exists());
}

#[test]
fn corrupt_store_is_set_aside_and_the_backup_restored() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    add(&mut store, "a#1", "kept in backup");
    add(&mut store, "b#2", "only in the torn file");
    let torn = b"{\"format\": 1, \"bookmarks\": [{\"id\": \"a#1\", ";
    std::fs::write(dir.path().join(FILE_NAME), torn).unwrap();

    let store = Store::open(dir.path()).unwrap();
    assert_eq!(memos(&store), [("a#1".into(), "kept in backup".into())]);
    let notice = &store.notices()[0];
    assert!(notice.restored_from_backup);
    assert!(
        notice.reason.contains("not valid JSON"),
        "{}",
        notice.reason
    );
    let aside = PathBuf::from(notice.set_aside.clone().unwrap());
    assert!(aside
        .file_name()
        .unwrap()
        .to_string_lossy()
        .starts_with("bookmarks.json.corrupt-20"));
    // The unreadable file is kept byte for byte, not overwritten.
    assert_eq!(std::fs::read(&aside).unwrap(), torn);
    // The recovery is in the store for the other front end to show.
    let again = Store::open(dir.path()).unwrap();
    assert!(again.notices().is_empty());
    assert_eq!(again.file().recoveries, std::slice::from_ref(notice));
}

#[test]
fn corrupt_store_and_corrupt_backup_are_both_kept() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(FILE_NAME), b"").unwrap();
    std::fs::write(dir.path().join(BACKUP_NAME), b"[1, 2").unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    assert!(store.file().bookmarks.is_empty());
    assert!(!store.notices()[0].restored_from_backup);
    let listing = names(dir.path());
    assert!(listing
        .iter()
        .any(|n| n.starts_with("bookmarks.json.corrupt-")));
    assert!(listing
        .iter()
        .any(|n| n.starts_with("bookmarks.json.bak.corrupt-")));
    // Work goes on after a recovery.
    add(&mut store, "a#1", "new");
    assert_eq!(memos(&Store::open(dir.path()).unwrap()).len(), 1);
}

#[test]
fn two_recoveries_in_one_second_get_distinct_names() {
    let dir = tempfile::tempdir().unwrap();
    for _ in 0..2 {
        std::fs::write(dir.path().join(FILE_NAME), b"garbage").unwrap();
        Store::open(dir.path()).unwrap();
    }
    let aside = names(dir.path())
        .into_iter()
        .filter(|n| n.starts_with("bookmarks.json.corrupt-"))
        .count();
    assert_eq!(aside, 2);
}

#[test]
fn wrong_shape_is_corrupt_too() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(FILE_NAME), b"{\"bookmarks\": 7}").unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert!(store.notices()[0].reason.contains("not a bookmark store"));
}

#[test]
fn missing_store_with_a_backup_is_restored() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    add(&mut store, "a#1", "one");
    add(&mut store, "a#1", "two");
    std::fs::remove_file(dir.path().join(FILE_NAME)).unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(memos(&store), [("a#1".into(), "one".into())]);
    assert_eq!(store.notices()[0].set_aside, None);
}

#[test]
fn store_from_a_newer_pilgi_is_never_touched() {
    let dir = tempfile::tempdir().unwrap();
    let newer = b"{\"format\": 99, \"everything\": \"different\"}";
    std::fs::write(dir.path().join(FILE_NAME), newer).unwrap();
    let err = Store::open(dir.path()).unwrap_err();
    assert!(err.to_string().contains("newer Pilgi"), "{err}");
    let mut store = Store {
        dir: dir.path().to_owned(),
        file: StoreFile::default(),
        notices: Vec::new(),
    };
    assert!(store
        .mutate(|f| {
            f.dismissed.clear();
            Ok(())
        })
        .is_err());
    assert_eq!(std::fs::read(dir.path().join(FILE_NAME)).unwrap(), newer);
}

#[test]
fn a_stale_snapshot_does_not_undo_another_writer() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = Store::open(dir.path()).unwrap();
    let mut cli = Store::open(dir.path()).unwrap();
    add(&mut cli, "cli#1", "from the terminal");
    assert_eq!(app.revision(), 0, "the app has not looked yet");
    add(&mut app, "app#1", "from the window");
    assert_eq!(memos(&app).len(), 2);
    assert!(cli.refresh().unwrap());
    assert_eq!(cli.revision(), 2);
    assert!(!cli.refresh().unwrap());
}

#[test]
fn concurrent_writers_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let threads: Vec<_> = (0..4)
        .map(|t| {
            let dir = dir.path().to_owned();
            std::thread::spawn(move || {
                // Each writer has its own store, as separate processes would.
                let mut store = Store::open(&dir).unwrap();
                for k in 0..15 {
                    add(&mut store, &format!("t{t}#{k}"), "x");
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.file().bookmarks.len(), 60);
    assert_eq!(store.revision(), 60);
}

#[test]
fn temp_files_of_killed_writers_are_cleaned_up() {
    let dir = tempfile::tempdir().unwrap();
    let stale = dir.path().join(format!(".{FILE_NAME}.4242.tmp"));
    std::fs::write(&stale, b"half a fi").unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    assert!(store.notices().is_empty());
    add(&mut store, "a#1", "x");
    assert!(!stale.exists());
}

#[test]
fn a_failed_change_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    add(&mut store, "a#1", "x");
    let r: Result<()> = store.mutate(|f| {
        f.bookmarks.clear();
        Err(Error::Invalid("no".into()))
    });
    assert!(r.is_err());
    assert_eq!(memos(&Store::open(dir.path()).unwrap()).len(), 1);
}

#[test]
fn a_format_1_store_is_read_and_kept_once_before_its_first_rewrite() {
    let dir = tempfile::tempdir().unwrap();
    // As Pilgi wrote it before the memo was called a memo.
    let old = r#"{"format":1,"revision":4,"bookmarks":[{"id":"a#1","anchor":{"file":"a.txt","number":1,"title":"A","fingerprint":""},"label":"confusing","note":"run vs create","created":"2026-01-01T00:00:00Z","updated":"2026-01-01T00:00:00Z"}]}"#;
    std::fs::write(dir.path().join(FILE_NAME), old).unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    assert_eq!(memos(&store), [("a#1".into(), "run vs create".into())]);
    add(&mut store, "b#1", "new");
    add(&mut store, "c#1", "newer");
    let kept = dir.path().join(format!("{FILE_NAME}.format-1"));
    assert_eq!(
        std::fs::read_to_string(&kept).unwrap(),
        old,
        "kept as it was"
    );
    let now = std::fs::read_to_string(dir.path().join(FILE_NAME)).unwrap();
    assert!(now.contains(r#""memo": "run vs create""#), "{now}");
    assert!(now.contains(&format!(r#""format": {FORMAT}"#)), "{now}");
    assert_eq!(Store::open(dir.path()).unwrap().file().bookmarks.len(), 3);
}
