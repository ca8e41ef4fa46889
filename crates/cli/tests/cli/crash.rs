//! Real processes killed at random moments while they add bookmarks or
//! grade review items. The store must load afterwards and hold every add
//! that exited 0, with the newest memo per section, and every grade that
//! exited 0. Set `PILGI_CRASH_SEED` to replay a run.

use crate::util::Notes;
use std::collections::HashMap;
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const WORKERS: usize = 4;
const RUNS_PER_WORKER: usize = 50;
/// 300 grades in all.
const GRADES_PER_WORKER: usize = 75;
const SECTIONS_PER_WORKER: usize = 2;

/// xorshift64*: enough randomness for kill timing, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Ended {
    Exited0,
    Killed,
}

/// One worker: `runs` runs of `pilgi` with the arguments `args(k)` gives
/// run `k`, killing about half of them anywhere from start-up to the
/// write. How each run ended, in order.
fn worker(
    n: &Notes,
    w: usize,
    runs: usize,
    seed: u64,
    args: impl Fn(usize) -> Vec<String>,
) -> Vec<Ended> {
    let root = n.dir().parent().expect("temp root").to_owned();
    let mut rng = Rng(seed ^ (w as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let mut ended = Vec::new();
    for k in 0..runs {
        let mut child = Command::new(env!("CARGO_BIN_EXE_pilgi"))
            .arg("--notes")
            .arg(n.dir())
            .args(args(k))
            .env("XDG_CACHE_HOME", root.join("cache"))
            .env("XDG_DATA_HOME", root.join("data"))
            .env("XDG_CONFIG_HOME", root.join("config"))
            .env_remove("PILGI_NOTES")
            .env("NO_COLOR", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn pilgi");
        if rng.below(2) == 0 {
            std::thread::sleep(Duration::from_micros(rng.below(40_000)));
            // An already finished child makes kill a no-op; wait tells.
            let _ = child.kill();
        }
        let out = child.wait_with_output().expect("wait");
        ended.push(if out.status.success() {
            Ended::Exited0
        } else if out.status.signal() == Some(9) {
            Ended::Killed
        } else {
            panic!(
                "run {w}/{k} failed without being killed: {:?}\n{}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            );
        });
    }
    ended
}

/// The seed of this run, said so it can be replayed.
fn seed() -> u64 {
    let seed = std::env::var("PILGI_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64 | 1)
        });
    eprintln!("PILGI_CRASH_SEED={seed}");
    seed
}

/// The first `count` section ids of the bundled notes.
fn section_ids(n: &Notes, count: usize) -> Vec<String> {
    let timeline = n.json(&["timeline"]);
    let ids: Vec<String> = timeline["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .filter_map(|s| s["id"].as_str().map(str::to_owned))
        .take(count)
        .collect();
    assert_eq!(ids.len(), count);
    ids
}

/// Runs every worker at once; `args(w, k)` are worker `w`'s run `k`'s.
fn run_all(
    n: &Notes,
    runs: usize,
    seed: u64,
    args: impl Fn(usize, usize) -> Vec<String> + Sync,
) -> Vec<Vec<Ended>> {
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..WORKERS)
            .map(|w| {
                let args = &args;
                scope.spawn(move || worker(n, w, runs, seed, |k| args(w, k)))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("worker"))
            .collect()
    })
}

/// No store file was ever found torn (set aside as corrupt).
fn assert_never_torn(n: &Notes) {
    let leftovers: Vec<String> = std::fs::read_dir(n.dir().join("../data/pilgi"))
        .expect("data dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("corrupt"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no store was ever torn: {leftovers:?}"
    );
}

#[test]
fn sigkilled_adds_never_lose_a_finished_one() {
    let seed = seed();
    let n = Notes::bundled();
    let ids = section_ids(&n, WORKERS * SECTIONS_PER_WORKER);
    let mine = |w: usize| &ids[w * SECTIONS_PER_WORKER..(w + 1) * SECTIONS_PER_WORKER];
    let section = |w: usize, k: usize| mine(w)[k % SECTIONS_PER_WORKER].clone();
    let memo = |w: usize, k: usize| format!("w{w}-run{k:03} 메모");
    let runs = run_all(&n, RUNS_PER_WORKER, seed, |w, k| {
        ["bookmark", "add", &section(w, k), "--note", &memo(w, k)]
            .map(str::to_owned)
            .to_vec()
    });

    let listed = n
        .pilgi(&["bookmark", "ls", "--json"])
        .assert()
        .success()
        .stderr("")
        .get_output()
        .stdout
        .clone();
    let listed: serde_json::Value = serde_json::from_slice(&listed).expect("store loads as JSON");
    let memos: HashMap<String, String> = listed["bookmarks"]
        .as_array()
        .expect("bookmarks")
        .iter()
        .map(|b| {
            assert_eq!(b["status"], "ok", "{b}");
            (
                b["id"].as_str().unwrap_or_default().to_owned(),
                b["memo"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();

    let (mut finished, mut killed) = (0, 0);
    for (w, runs) in runs.iter().enumerate() {
        for id in mine(w) {
            // (run number, how it ended) of the runs on this section.
            let on: Vec<(usize, Ended)> = runs
                .iter()
                .enumerate()
                .filter(|(k, _)| section(w, *k) == *id)
                .map(|(k, e)| (k, *e))
                .collect();
            finished += on.iter().filter(|r| r.1 == Ended::Exited0).count();
            killed += on.iter().filter(|r| r.1 == Ended::Killed).count();
            let last_ok = on
                .iter()
                .filter(|r| r.1 == Ended::Exited0)
                .map(|r| r.0)
                .max();
            let Some(last_ok) = last_ok else {
                // No add finished; a killed one may still have committed.
                continue;
            };
            let memo = memos.get(id).unwrap_or_else(|| {
                panic!("{id}: add #{last_ok} exited 0 but is missing (seed {seed})")
            });
            // The memo is the last finished add's, or a later killed add's
            // that got as far as its write before the kill.
            let k: usize = memo
                .strip_prefix(&format!("w{w}-run"))
                .and_then(|r| r.get(..3))
                .and_then(|r| r.parse().ok())
                .unwrap_or_else(|| panic!("{id}: foreign memo {memo:?}"));
            assert!(
                k >= last_ok && on.iter().any(|r| r.0 == k),
                "{id}: memo from run {k}, but run {last_ok} exited 0 later (seed {seed})"
            );
        }
    }
    eprintln!("{finished} adds finished, {killed} killed mid-run");
    assert_eq!(finished + killed, WORKERS * RUNS_PER_WORKER);
    assert!(
        killed > 0 && finished > 0,
        "the test must both kill and finish runs"
    );

    assert_never_torn(&n);
}

#[test]
fn sigkilled_grades_never_lose_an_acknowledged_one() {
    let seed = seed();
    let n = Notes::bundled();
    let ids = section_ids(&n, WORKERS * SECTIONS_PER_WORKER);
    for id in &ids {
        n.pilgi(&["bookmark", "add", id, "--label", "confusing"])
            .assert()
            .success();
    }
    let item = |w: usize, k: usize| ids[w * SECTIONS_PER_WORKER + k % SECTIONS_PER_WORKER].clone();
    let grades = ["again", "hard", "good", "easy"];
    let runs = run_all(&n, GRADES_PER_WORKER, seed, |w, k| {
        ["review", "grade", &item(w, k), grades[(w + k) % 4]]
            .map(str::to_owned)
            .to_vec()
    });

    let store =
        pilgi_core::bookmarks::Store::open(&n.dir().join("../data/pilgi")).expect("store loads");
    let (mut finished, mut killed) = (0, 0);
    for (w, runs) in runs.iter().enumerate() {
        for j in 0..SECTIONS_PER_WORKER {
            let id = &ids[w * SECTIONS_PER_WORKER + j];
            let on: Vec<Ended> = runs
                .iter()
                .enumerate()
                .filter(|(k, _)| item(w, *k) == *id)
                .map(|(_, e)| *e)
                .collect();
            let acknowledged = on.iter().filter(|e| **e == Ended::Exited0).count();
            finished += acknowledged;
            killed += on.len() - acknowledged;
            let logged = store
                .file()
                .reviews
                .iter()
                .filter(|r| r.id.as_str() == id)
                .count();
            // Every acknowledged grade is in the log; a killed one may have
            // got as far as its write.
            assert!(
                (acknowledged..=on.len()).contains(&logged),
                "{id}: {acknowledged} grades exited 0, {logged} logged of {} (seed {seed})",
                on.len()
            );
            let reps = store
                .file()
                .get(id)
                .and_then(|b| b.schedule.as_ref())
                .map_or(0, |s| s.reps);
            assert_eq!(
                usize::try_from(reps).unwrap(),
                logged,
                "{id}: the schedule and the log agree (seed {seed})"
            );
        }
    }
    eprintln!("{finished} grades acknowledged, {killed} killed mid-run");
    assert_eq!(finished + killed, WORKERS * GRADES_PER_WORKER);
    assert!(
        killed > 0 && finished > 0,
        "the test must both kill and finish runs"
    );
    assert_never_torn(&n);
}

/// Files of [`FIRST_BUILD_SECTIONS`]` / 1000` sections each: twice the
/// core's checkpoint size, so a first build commits one on its way.
const FIRST_BUILD_SECTIONS: usize = 40_000;

/// `pilgi index` started on a fresh folder and SIGKILLed at moments spread
/// over a whole build, each in a cache of its own: the next `pilgi index`
/// opens what the killed one left (never a damaged index), resumes from
/// its last checkpoint and ends holding every section.
#[test]
fn sigkilled_first_builds_resume_from_their_checkpoint() {
    let n = Notes::new();
    let files = FIRST_BUILD_SECTIONS / 1000;
    for f in 0..files {
        let text: String = (1..=1000)
            .map(|s| format!("{s}. Part {s} of file{f} 01:00\n파드 {s} in file{f}\n"))
            .collect();
        n.write(&format!("note-{f:02}.txt"), text);
    }
    let root = n.dir().parent().expect("temp root").to_owned();
    let index = |cache: &std::path::Path| {
        let mut cmd = crate::util::isolated(
            Command::new(env!("CARGO_BIN_EXE_pilgi")),
            &n.dir(),
            &root,
            &["index", "--json"],
        );
        cmd.env("XDG_CACHE_HOME", cache).stderr(Stdio::null());
        cmd
    };
    // How long a whole first build takes here.
    let started = std::time::Instant::now();
    assert!(index(&root.join("cache-timing"))
        .output()
        .expect("index")
        .status
        .success());
    let whole = started.elapsed();

    let mut resumed = 0;
    // Kills spread over the build, then one as soon as a checkpoint is on
    // disk: a build that runs faster or slower than the timed one may let
    // every timed kill miss the stretch between a checkpoint and the end.
    let moments = [0.3, 0.6, 0.7, 0.8, 0.9]
        .map(Some)
        .into_iter()
        .chain([None]);
    for (round, fraction) in moments.enumerate() {
        let cache = root.join(format!("cache-{round}"));
        let mut child = index(&cache).stdout(Stdio::null()).spawn().expect("spawn");
        match fraction {
            Some(fraction) => std::thread::sleep(whole.mul_f64(fraction)),
            None => wait_for_checkpoint(&cache, whole * 4),
        }
        let _ = child.kill();
        let killed = child.wait().expect("wait").signal() == Some(9);
        let out = index(&cache).output().expect("index again");
        assert!(out.status.success(), "round {round}");
        let done: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let report = &done["report"];
        assert_eq!(done["total_sections"], FIRST_BUILD_SECTIONS, "{done}");
        assert_eq!(report["rebuilt"], serde_json::Value::Null, "{done}");
        let (kept, added) = (report["unchanged"].as_u64(), report["added"].as_u64());
        assert_eq!(kept.zip(added).map(|(k, a)| k + a), Some(files as u64));
        if killed && kept > Some(0) && added > Some(0) {
            resumed += 1;
        }
    }
    eprintln!("first build {whole:?}; builds killed after a checkpoint, resumed: {resumed}");
    assert!(
        resumed > 0,
        "no kill landed between a checkpoint and the end of the build"
    );
}

/// Returns once an index under `cache` holds a checkpoint, or after
/// `limit`: a state record that says `partial`, named by the commit in
/// `meta.json` (the record is written before the commit that names it).
fn wait_for_checkpoint(cache: &std::path::Path, limit: Duration) {
    fn committed(dir: &std::path::Path) -> bool {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return false;
        };
        let meta = std::fs::read_to_string(dir.join("meta.json")).unwrap_or_default();
        entries.flatten().any(|e| {
            let path = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                committed(&path)
            } else {
                name.starts_with("pilgi-state-")
                    && meta.contains(&name)
                    && std::fs::read_to_string(&path).is_ok_and(|t| t.contains("\"partial\""))
            }
        })
    }
    let started = std::time::Instant::now();
    while !committed(cache) && started.elapsed() < limit {
        std::thread::sleep(Duration::from_millis(2));
    }
}
