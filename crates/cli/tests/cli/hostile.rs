//! A hostile notes folder (see `hostile/gen.rs`) against the real `pilgi`
//! binary: `pilgi index` must finish and exit 0 while files churn under
//! it, list every skipped file with its reason, and leave every good line
//! of every file findable with `pilgi search`; `pilgi show` and `pilgi
//! render` must survive the worst files.
//!
//! Unreadable files: a mode-000 file is readable by root (CAP_DAC_OVERRIDE),
//! so when the test runs as root every `pilgi` process is started as the
//! unprivileged user 65534 with `setpriv` (util-linux, on every Debian),
//! and the test first proves that user really cannot read the file. Then
//! the skip reason "permission denied" is the real one a user would see.
//!
//! No timing assertions: each process gets a generous timeout
//! ([`TIMEOUT`]) and is killed after it, which fails the test.

mod gen;

use crate::util::isolated;
use gen::{Entry, Expect, Markers};
use serde_json::Value;
use std::collections::BTreeMap;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Kill any one `pilgi` process after this long (a hang is a failure).
const TIMEOUT: Duration = Duration::from_secs(120);
/// The unprivileged user `pilgi` runs as when the test runs as root.
const NOBODY: u32 = 65534;

/// A temp folder with notes and XDG dirs, and how to run `pilgi` in it.
struct Env {
    root: tempfile::TempDir,
    /// Whether processes are started as [`NOBODY`] (the test runs as root).
    drop_privileges: bool,
}

/// What a finished process printed.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Env {
    fn new() -> Env {
        let root = tempfile::tempdir().expect("temp dir");
        let probe = root.path().join("probe");
        std::fs::write(&probe, "").expect("probe");
        let drop_privileges = std::fs::metadata(&probe).expect("stat").uid() == 0;
        if drop_privileges {
            // The unprivileged user must reach the notes and own nothing
            // it needs to write: open the temp root and the XDG dirs.
            let open = |p: &Path, mode| {
                std::fs::create_dir_all(p).expect("mkdir");
                std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).expect("chmod");
            };
            open(root.path(), 0o755);
            for d in ["cache", "data", "config"] {
                open(&root.path().join(d), 0o777);
            }
        }
        std::fs::create_dir(root.path().join("notes")).expect("notes");
        Env {
            root,
            drop_privileges,
        }
    }

    fn notes(&self) -> PathBuf {
        self.root.path().join("notes")
    }

    /// A command for `program`, as the unprivileged user if needed.
    fn command(&self, program: &str) -> Command {
        if self.drop_privileges {
            let mut c = Command::new("setpriv");
            c.args([
                &format!("--reuid={NOBODY}"),
                &format!("--regid={NOBODY}"),
                "--clear-groups",
                "--",
                program,
            ]);
            c
        } else {
            Command::new(program)
        }
    }

    /// Runs `pilgi --notes DIR ARGS…`, killed after [`TIMEOUT`].
    fn pilgi(&self, args: &[&str]) -> Run {
        let pilgi = self.command(env!("CARGO_BIN_EXE_pilgi"));
        let cmd = isolated(pilgi, &self.notes(), self.root.path(), args);
        run(cmd, &format!("pilgi {}", args.join(" ")))
    }
}

/// The string `field` of each object in the JSON list `list` of `report`.
fn field_of_each<'a>(report: &'a Value, list: &str, field: &str) -> Vec<&'a str> {
    report[list]
        .as_array()
        .unwrap_or_else(|| panic!("a {list} list in {report}"))
        .iter()
        .filter_map(|item| item[field].as_str())
        .collect()
}

/// Runs a command with its output in files (no pipe to fill up), killing
/// it after [`TIMEOUT`].
fn run(mut cmd: Command, what: &str) -> Run {
    let dir = tempfile::tempdir().expect("output dir");
    let (out, err) = (dir.path().join("out"), dir.path().join("err"));
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out).expect("stdout file"))
        .stderr(std::fs::File::create(&err).expect("stderr file"))
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {what}: {e}"));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} still running after {TIMEOUT:?}: killed");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let read = |p: &Path| String::from_utf8_lossy(&std::fs::read(p).expect("output")).into_owned();
    Run {
        code: status.code(),
        stdout: read(&out),
        stderr: read(&err),
    }
}

/// `skipped FILE: REASON` lines of a run's stderr.
fn skipped_lines(stderr: &str) -> BTreeMap<String, String> {
    stderr
        .lines()
        .filter_map(|l| l.split_once("skipped ")?.1.split_once(": "))
        .map(|(f, r)| (f.to_owned(), r.to_owned()))
        .collect()
}

/// Checks a finished `pilgi index`: exit 0, every expected skip listed
/// with its reason, no good file skipped, every expected warning given.
/// Files under `churn/` may be in any state.
fn check_index_run(run: &Run, entries: &[Entry]) {
    assert_eq!(
        run.code,
        Some(0),
        "pilgi index failed\nstdout:\n{}\nstderr:\n{}",
        run.stdout,
        run.stderr
    );
    let mut skipped = skipped_lines(&run.stderr);
    for e in entries {
        let listed = skipped.remove(&e.rel);
        match (&e.expect, listed) {
            (Expect::Skipped(reason), Some(got)) => assert!(
                got.contains(reason),
                "{} skipped for {got:?}, expected {reason:?}",
                e.rel
            ),
            (Expect::Skipped(reason), None) => {
                panic!("{} not listed as skipped ({reason})\n{}", e.rel, run.stderr)
            }
            (Expect::Indexed { .. }, Some(got)) => panic!("{} skipped: {got}", e.rel),
            (Expect::Indexed { warning, .. }, None) => {
                if let Some(w) = warning {
                    assert!(
                        run.stderr
                            .lines()
                            .any(|l| l.contains(&format!("{}: {w}", e.rel))),
                        "no warning {w:?} for {}\n{}",
                        e.rel,
                        run.stderr
                    );
                }
            }
        }
    }
    skipped.retain(|f, _| !f.starts_with(gen::CHURN_DIR));
    assert!(skipped.is_empty(), "unexpected skips: {skipped:?}");
}

#[test]
fn a_hostile_folder_is_indexed_and_every_good_line_is_found() {
    let env = Env::new();
    let notes = env.notes();
    let mut markers = Markers::new();
    let mut entries = gen::generate(&notes, &mut markers);
    gen::age(&notes);

    if env.drop_privileges {
        // Proves the setup: the user pilgi runs as cannot read the file.
        let mut cat = env.command("cat");
        cat.arg(notes.join("secret.txt"));
        let r = run(cat, "cat secret.txt");
        assert_ne!(r.code, Some(0), "user {NOBODY} can read a mode-000 file");
    }

    // Index repeatedly while other threads rewrite, delete and replace
    // files under `churn/` as fast as they can.
    let stop = AtomicBool::new(false);
    let steps = std::thread::scope(|scope| {
        let churners: Vec<_> = (0..2)
            .map(|t| {
                let (notes, stop) = (&notes, &stop);
                scope.spawn(move || {
                    let mut step = 0;
                    while !stop.load(Ordering::Relaxed) {
                        for i in (t..gen::CHURN_FILES).step_by(2) {
                            gen::churn_step(notes, i, step + i);
                        }
                        step += 1;
                    }
                    step
                })
            })
            .collect();
        for _ in 0..3 {
            let r = env.pilgi(&["index"]);
            check_index_run(&r, &entries);
        }
        stop.store(true, Ordering::Relaxed);
        churners
            .into_iter()
            .map(|c| c.join().expect("churner"))
            .sum::<usize>()
    });
    eprintln!("{steps} churn steps ran during indexing");
    assert!(steps > 0);

    // The churn is over: each churning file ends as a note.
    entries.extend(gen::churn_final(&notes, &mut markers));
    gen::age(&notes);
    let r = env.pilgi(&["index"]);
    check_index_run(&r, &entries);
    let json = env.pilgi(&["index", "--json"]);
    assert_eq!(json.code, Some(0), "{}", json.stderr);
    let report: Value = serde_json::from_str(&json.stdout).expect("index --json");
    let listed = field_of_each(&report, "skipped", "file");
    for e in &entries {
        let is_skipped = matches!(e.expect, Expect::Skipped(_));
        assert_eq!(
            listed.contains(&e.rel.as_str()),
            is_skipped,
            "{} in --json",
            e.rel
        );
    }

    // Every marker is found, in its own section.
    let mut searched = 0;
    for e in &entries {
        let Expect::Indexed { markers, .. } = &e.expect else {
            continue;
        };
        for (marker, id) in markers {
            let r = env.pilgi(&["--json", "search", "-n", "50", marker]);
            assert_eq!(r.code, Some(0), "search {marker} ({}): {}", e.rel, r.stderr);
            let found: Value = serde_json::from_str(&r.stdout).expect("search --json");
            let hits = field_of_each(&found, "hits", "id");
            assert!(
                hits.contains(&id.as_str()),
                "{marker} of {} not found in {id}: {hits:?}",
                e.rel
            );
            searched += 1;
        }
    }
    eprintln!("{searched} markers found");

    // The worst files still show and render, with their words in them.
    for name in gen::WORST {
        let e = entries.iter().find(|e| e.rel == *name).expect("worst file");
        let Expect::Indexed { markers, .. } = &e.expect else {
            panic!("{name} is expected to be indexed");
        };
        let (first, id) = &markers[0];
        let shown = env.pilgi(&["show", id, "--html"]);
        assert_eq!(shown.code, Some(0), "show {id}: {}", shown.stderr);
        assert!(
            shown.stdout.contains(first.as_str()),
            "show {id} lost {first}"
        );
        let path = notes.join(name);
        let path = path.to_str().expect("utf-8 path");
        for args in [vec!["render", path, "--html"], vec!["render", path]] {
            let r = env.pilgi(&args);
            assert_eq!(r.code, Some(0), "{args:?}: {}", r.stderr);
            for (m, _) in markers {
                assert!(r.stdout.contains(m.as_str()), "{args:?} lost {m}");
            }
        }
    }
    for id in ["empty", "blank"] {
        let r = env.pilgi(&["show", id]);
        assert_eq!(r.code, Some(0), "show {id}: {}", r.stderr);
    }
    let timeline = env.pilgi(&["timeline", "--json"]);
    assert_eq!(timeline.code, Some(0), "timeline: {}", timeline.stderr);
}
