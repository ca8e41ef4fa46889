//! Damaged state, with the real `pilgi` binary: index files truncated or
//! deleted between and during runs, a read-only cache, a full or read-only
//! data dir, a corrupt config file. Pilgi must say clearly what is wrong,
//! rebuild what it can, and never lose or tear the bookmarks file.
//!
//! A full disk and read-only folders are real: `unshare -rm` (util-linux)
//! gives the script its own mount namespace as an unprivileged user-
//! namespace root, where a tiny tmpfs or a read-only bind mount is mounted
//! over the XDG folder; the script runs `pilgi` there and copies what the
//! test checks out of it before the namespace (and the mount) goes away.
//! This needs unprivileged user namespaces (on by default on Debian); on
//! a machine without them these tests fail with unshare's message.
//! Corrupt bookmark stores are covered by `bookmark.rs` and the store's
//! unit tests; kills mid-write by `crash.rs`.

use crate::util::{isolated_env, Notes};
use predicates::str::contains;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

const SECTION: &str = "cka-course-notes#10";
const OTHER: &str = "cka-course-notes#13";
/// A word of the bundled notes that a search must find after any repair.
const WORD: &str = "etcdctl";

fn root(n: &Notes) -> PathBuf {
    n.dir().parent().expect("temp root").to_owned()
}

fn index_dir(n: &Notes) -> PathBuf {
    let cache = root(n).join("cache/pilgi/index");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&cache)
        .expect("index cache")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    assert_eq!(dirs.len(), 1, "one index: {dirs:?}");
    dirs.pop().expect("index dir")
}

/// The index's own files (not `meta.json`): segments and their parts.
fn segment_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .expect("index dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            name.is_some_and(|n| n.split_once('.').is_some_and(|(stem, _)| stem.len() == 32))
        })
        .collect()
}

/// `pilgi search WORD --json` finds the bundled section that has it.
fn search_finds_the_word(n: &Notes) -> std::process::Output {
    let out = n
        .pilgi(&["--json", "search", WORD])
        .timeout(Duration::from_secs(120))
        .output()
        .expect("run pilgi");
    assert!(
        out.status.success(),
        "search failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(
        !v["hits"].as_array().expect("hits").is_empty(),
        "{WORD} not found after repair: {v}"
    );
    out
}

#[test]
fn index_truncated_or_deleted_between_runs_is_rebuilt_with_a_notice() {
    type Damage = fn(&Path);
    let damages: [(&str, Damage); 5] = [
        ("segments truncated", |dir| {
            for f in segment_files(dir) {
                let len = std::fs::metadata(&f).expect("stat").len();
                let file = std::fs::File::options().write(true).open(&f).expect("open");
                file.set_len(len / 2).expect("truncate");
            }
        }),
        ("segments deleted", |dir| {
            for f in segment_files(dir) {
                std::fs::remove_file(f).expect("rm");
            }
        }),
        ("meta.json deleted", |dir| {
            std::fs::remove_file(dir.join("meta.json")).expect("rm");
        }),
        ("meta.json emptied", |dir| {
            std::fs::write(dir.join("meta.json"), "").expect("truncate");
        }),
        ("everything deleted", |dir| {
            std::fs::remove_dir_all(dir).expect("rm -r");
        }),
    ];
    for (what, damage) in damages {
        let n = Notes::bundled();
        n.pilgi(&["index"]).assert().success();
        damage(&index_dir(&n));
        let out = search_finds_the_word(&n);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !stderr.contains("panicked"),
            "{what}: search panicked: {stderr}"
        );
        // And the repaired index is current: indexing again changes nothing.
        n.pilgi(&["index", "--json"])
            .assert()
            .success()
            .stdout(contains("\"added\": 0"))
            .stdout(contains("\"updated\": 0"));
        eprintln!("{what}: repaired ({})", stderr.trim());
    }
}

#[test]
fn index_damaged_while_pilgi_runs_never_panics_and_heals() {
    let n = Notes::bundled();
    n.pilgi(&["index"]).assert().success();
    let dir = index_dir(&n);
    let stop = AtomicBool::new(false);
    let (mut ok, mut failed) = (0, 0);
    std::thread::scope(|scope| {
        let vandal = scope.spawn(|| {
            let mut k = 0u64;
            while !stop.load(Ordering::Relaxed) {
                k += 1;
                let files: Vec<PathBuf> = std::fs::read_dir(&dir)
                    .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
                    .unwrap_or_default();
                if let Some(f) = files.get(k as usize % files.len().max(1)) {
                    let name = f.file_name().map(|n| n.to_string_lossy().into_owned());
                    if name.is_some_and(|n| n.ends_with(".lock")) {
                        continue; // tantivy's own locks: not damage a user makes
                    }
                    let _ = match k % 3 {
                        0 => std::fs::remove_file(f),
                        1 => std::fs::File::options()
                            .write(true)
                            .open(f)
                            .and_then(|file| file.set_len(k % 97)),
                        _ => std::fs::write(f, b"garbage"),
                    };
                }
                std::thread::sleep(Duration::from_millis(3));
            }
        });
        // However this loop ends (a failed assertion too), the vandal stops,
        // or the scope would wait for it forever.
        let _stop = StopOnDrop(&stop);
        for k in 0..16 {
            let args: &[&str] = if k % 2 == 0 {
                &["search", WORD]
            } else {
                &["index"]
            };
            let out = n
                .pilgi(args)
                .timeout(Duration::from_secs(120))
                .output()
                .expect("run pilgi");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
            assert!(
                out.status.signal().is_none(),
                "{args:?} killed by signal {:?} (timeout?): {stderr}",
                out.status.signal()
            );
            match out.status.code() {
                Some(0) | Some(1) => ok += 1,
                Some(2) => {
                    // An error must say what: "pilgi: <message>".
                    assert!(
                        stderr.starts_with("pilgi: ") && stderr.len() > 10,
                        "{stderr}"
                    );
                    failed += 1;
                }
                other => panic!("{args:?} exited {other:?}: {stderr}"),
            }
        }
        drop(_stop);
        vandal.join().expect("vandal");
    });
    eprintln!("{ok} runs succeeded and {failed} failed cleanly while the index was damaged");
    // Once the damage stops, the next run repairs the index by itself.
    search_finds_the_word(&n);
}

/// Sets the flag when dropped (also while unwinding from a failed assertion).
struct StopOnDrop<'a>(&'a AtomicBool);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// Runs `script` with `sh` in a new user + mount namespace (`unshare -rm`),
/// with `$PILGI` (the binary, with `--notes` and the XDG dirs of `n`) and
/// `$ROOT` (the temp root) set.
fn in_namespace(n: &Notes, script: &str) -> Output {
    let root = root(n);
    let pilgi = format!(
        "{} --notes {}",
        env!("CARGO_BIN_EXE_pilgi"),
        n.dir().display()
    );
    let mut unshare = Command::new("unshare");
    unshare
        .args(["-rm", "sh", "-euc", script])
        .env("PILGI", pilgi)
        .env("ROOT", &root);
    let out = isolated_env(&mut unshare, &root)
        .output()
        .expect("unshare (util-linux)");
    assert!(
        out.status.success(),
        "namespace script failed ({}):\n{}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn has_hits(json: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(json)
        .ok()
        .and_then(|v| Some(!v["hits"].as_array()?.is_empty()))
        .unwrap_or(false)
}

fn read(root: &Path, name: &str) -> String {
    std::fs::read_to_string(root.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn bookmarks_on_a_full_disk_fail_clearly_and_the_file_stays_intact() {
    let n = Notes::bundled();
    std::fs::create_dir_all(root(&n).join("data")).expect("data dir");
    // A 1 MiB tmpfs as the data dir, one bookmark, then the disk filled
    // up; the next add (with a memo that would not fit anyway) must fail.
    let script = format!(
        r#"
        mount -t tmpfs -o size=1m tmpfs "$XDG_DATA_HOME"
        $PILGI bookmark add {SECTION} --note first >/dev/null
        cp "$XDG_DATA_HOME/pilgi/bookmarks.json" "$ROOT/before.json"
        dd if=/dev/zero of="$XDG_DATA_HOME/filler" bs=4k 2>/dev/null || true
        df -k "$XDG_DATA_HOME" > "$ROOT/df.txt"
        code=0
        $PILGI bookmark add {OTHER} --note "$(head -c 100000 /dev/zero | tr '\0' x)" \
            > "$ROOT/add.out" 2> "$ROOT/add.err" || code=$?
        echo $code > "$ROOT/add.code"
        cp "$XDG_DATA_HOME/pilgi/bookmarks.json" "$ROOT/after.json"
        ls -a "$XDG_DATA_HOME/pilgi" > "$ROOT/listing.txt"
        $PILGI bookmark ls --json > "$ROOT/ls.json"
        rm "$XDG_DATA_HOME/filler"
        $PILGI bookmark add {OTHER} --note second > /dev/null
        $PILGI bookmark ls --json > "$ROOT/ls-after-freeing.json"
        "#
    );
    in_namespace(&n, &script);
    let r = root(&n);
    assert_eq!(read(&r, "add.code").trim(), "2", "{}", read(&r, "df.txt"));
    let err = read(&r, "add.err");
    assert!(
        err.contains("No space left on device") && err.contains(OTHER),
        "unclear error: {err}"
    );
    assert_eq!(
        read(&r, "before.json"),
        read(&r, "after.json"),
        "the store changed"
    );
    let listing = read(&r, "listing.txt");
    assert!(!listing.contains(".tmp"), "temp files left: {listing}");
    let ls = read(&r, "ls.json");
    assert!(ls.contains(SECTION) && !ls.contains(OTHER), "{ls}");
    let freed = read(&r, "ls-after-freeing.json");
    assert!(freed.contains(SECTION) && freed.contains(OTHER), "{freed}");
}

#[test]
fn a_read_only_data_dir_fails_clearly_and_keeps_the_bookmarks() {
    let n = Notes::bundled();
    // Two writes, so there is a backup to recover from later.
    for memo in ["first", "kept"] {
        n.pilgi(&["bookmark", "add", SECTION, "--note", memo])
            .assert()
            .success();
    }
    let data = root(&n).join("data");
    let script = format!(
        r#"
        mount --bind "$XDG_DATA_HOME" "$XDG_DATA_HOME"
        mount -o remount,bind,ro "$XDG_DATA_HOME"
        code=0
        $PILGI bookmark add {OTHER} > "$ROOT/add.out" 2> "$ROOT/add.err" || code=$?
        echo $code > "$ROOT/add.code"
        $PILGI bookmark ls --json > "$ROOT/ls.json" 2> "$ROOT/ls.err"
        cp "$XDG_DATA_HOME/pilgi/bookmarks.json" "$ROOT/corrupt-me.json"
        "#
    );
    let before = std::fs::read(data.join("pilgi/bookmarks.json")).expect("store");
    in_namespace(&n, &script);
    let r = root(&n);
    assert_eq!(read(&r, "add.code").trim(), "2");
    let err = read(&r, "add.err");
    assert!(
        err.contains("Read-only file system"),
        "unclear error: {err}"
    );
    assert!(read(&r, "ls.json").contains(SECTION), "listing still works");
    assert_eq!(
        std::fs::read(data.join("pilgi/bookmarks.json")).expect("store"),
        before
    );

    // A corrupt store in a read-only data dir cannot be repaired: say so,
    // and leave both files exactly as they were.
    std::fs::write(data.join("pilgi/bookmarks.json"), "{\"format\":1,").expect("corrupt");
    let backup = std::fs::read(data.join("pilgi/bookmarks.json.bak")).ok();
    let script = r#"
        mount --bind "$XDG_DATA_HOME" "$XDG_DATA_HOME"
        mount -o remount,bind,ro "$XDG_DATA_HOME"
        code=0
        $PILGI bookmark ls > "$ROOT/ls2.out" 2> "$ROOT/ls2.err" || code=$?
        echo $code > "$ROOT/ls2.code"
        "#;
    in_namespace(&n, script);
    assert_eq!(read(&r, "ls2.code").trim(), "2");
    assert!(
        read(&r, "ls2.err").contains("Read-only file system"),
        "{}",
        read(&r, "ls2.err")
    );
    assert_eq!(
        std::fs::read_to_string(data.join("pilgi/bookmarks.json")).expect("store"),
        "{\"format\":1,"
    );
    assert_eq!(
        std::fs::read(data.join("pilgi/bookmarks.json.bak")).ok(),
        backup
    );
    // Writable again: recovered from the backup, the user told.
    n.pilgi(&["bookmark", "ls"])
        .assert()
        .success()
        .stderr(contains("could not be read"));
}

#[test]
fn a_read_only_cache_still_searches_or_says_why() {
    // Indexed while writable: searching a read-only cache needs no writes.
    let n = Notes::bundled();
    n.pilgi(&["index"]).assert().success();
    let script = format!(
        r#"
        mount --bind "$XDG_CACHE_HOME" "$XDG_CACHE_HOME"
        mount -o remount,bind,ro "$XDG_CACHE_HOME"
        $PILGI --json search {WORD} > "$ROOT/hit.json"
        rm -rf "$ROOT/fresh" && mkdir "$ROOT/fresh"
        mount --bind "$ROOT/fresh" "$XDG_CACHE_HOME"
        mount -o remount,bind,ro "$XDG_CACHE_HOME"
        code=0
        $PILGI --json search {WORD} > "$ROOT/cold.json" 2> "$ROOT/cold.err" || code=$?
        echo $code > "$ROOT/cold.code"
        "#
    );
    in_namespace(&n, &script);
    let r = root(&n);
    assert!(has_hits(&read(&r, "hit.json")), "{}", read(&r, "hit.json"));
    // No index and nowhere to write one: the search still answers (from
    // an index in memory) and says why it was slow.
    let code = read(&r, "cold.code");
    let err = read(&r, "cold.err");
    assert_eq!(code.trim(), "0", "{err}");
    assert!(
        has_hits(&read(&r, "cold.json")),
        "{}",
        read(&r, "cold.json")
    );
    assert!(err.contains("Read-only file system"), "{err}");
}

#[test]
fn a_corrupt_config_file_is_reported_and_defaults_used() {
    let n = Notes::bundled();
    let config = root(&n).join("config/pilgi");
    std::fs::create_dir_all(&config).expect("config dir");
    std::fs::write(config.join("config.json"), "{\"notes_dir\": 42,").expect("corrupt");
    // Without --notes the config would have named the folder.
    let mut cmd = assert_cmd::Command::cargo_bin("pilgi").expect("pilgi");
    cmd.args(["timeline", "--json"])
        .env("XDG_CACHE_HOME", root(&n).join("cache"))
        .env("XDG_DATA_HOME", root(&n).join("data"))
        .env("XDG_CONFIG_HOME", root(&n).join("config"))
        .env_remove("PILGI_NOTES")
        .env("NO_COLOR", "1")
        .assert()
        .success()
        .stderr(contains("config.json"))
        .stderr(contains("using defaults"));
    // Left for the user to fix, never overwritten.
    assert_eq!(
        std::fs::read_to_string(config.join("config.json")).expect("config"),
        "{\"notes_dir\": 42,"
    );
}
