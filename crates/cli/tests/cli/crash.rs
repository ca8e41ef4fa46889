//! Real processes killed at random moments while they add bookmarks. The
//! store must load afterwards and hold every add that exited 0, with the
//! newest memo per section. Set `PILGI_CRASH_SEED` to replay a run.

use crate::util::Notes;
use std::collections::HashMap;
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const WORKERS: usize = 4;
const RUNS_PER_WORKER: usize = 50;
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

/// (section, run number, how it ended) for each run of one worker.
type Runs = Vec<(String, usize, Ended)>;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Ended {
    Exited0,
    Killed,
}

/// One worker: adds to its own sections in order, killing some runs.
fn worker(n: &Notes, w: usize, sections: &[String], seed: u64) -> Runs {
    let root = n.dir().parent().expect("temp root").to_owned();
    let mut rng = Rng(seed ^ (w as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let mut runs = Vec::new();
    for k in 0..RUNS_PER_WORKER {
        let section = &sections[k % sections.len()];
        let memo = format!("w{w}-run{k:03} 메모");
        let mut child = Command::new(env!("CARGO_BIN_EXE_pilgi"))
            .arg("--notes")
            .arg(n.dir())
            .args(["bookmark", "add", section, "--note", &memo])
            .env("XDG_CACHE_HOME", root.join("cache"))
            .env("XDG_DATA_HOME", root.join("data"))
            .env("XDG_CONFIG_HOME", root.join("config"))
            .env_remove("PILGI_NOTES")
            .env("NO_COLOR", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn pilgi");
        // Kill about half the runs, anywhere from start-up to the write.
        if rng.below(2) == 0 {
            std::thread::sleep(Duration::from_micros(rng.below(40_000)));
            // An already finished child makes kill a no-op; wait tells.
            let _ = child.kill();
        }
        let out = child.wait_with_output().expect("wait");
        let ended = if out.status.success() {
            Ended::Exited0
        } else if out.status.signal() == Some(9) {
            Ended::Killed
        } else {
            panic!(
                "run {w}/{k} failed without being killed: {:?}\n{}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            );
        };
        runs.push((section.clone(), k, ended));
    }
    runs
}

#[test]
fn sigkilled_adds_never_lose_a_finished_one() {
    let seed = std::env::var("PILGI_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64 | 1)
        });
    eprintln!("PILGI_CRASH_SEED={seed}");
    let n = Notes::bundled();
    let timeline = n.json(&["timeline"]);
    let ids: Vec<String> = timeline["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .filter_map(|s| s["id"].as_str().map(str::to_owned))
        .take(WORKERS * SECTIONS_PER_WORKER)
        .collect();
    assert_eq!(ids.len(), WORKERS * SECTIONS_PER_WORKER);

    let runs: Vec<(usize, Runs)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..WORKERS)
            .map(|w| {
                let mine = &ids[w * SECTIONS_PER_WORKER..(w + 1) * SECTIONS_PER_WORKER];
                let n = &n;
                scope.spawn(move || (w, worker(n, w, mine, seed)))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("worker"))
            .collect()
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
    for (w, runs) in &runs {
        for section in ids
            .iter()
            .skip(w * SECTIONS_PER_WORKER)
            .take(SECTIONS_PER_WORKER)
        {
            let mine: Vec<_> = runs.iter().filter(|(s, _, _)| s == section).collect();
            finished += mine.iter().filter(|r| r.2 == Ended::Exited0).count();
            killed += mine.iter().filter(|r| r.2 == Ended::Killed).count();
            let last_ok = mine
                .iter()
                .filter(|r| r.2 == Ended::Exited0)
                .map(|r| r.1)
                .max();
            let Some(last_ok) = last_ok else {
                // No add finished; a killed one may still have committed.
                continue;
            };
            let memo = memos.get(section).unwrap_or_else(|| {
                panic!("{section}: add #{last_ok} exited 0 but is missing (seed {seed})")
            });
            // The memo is the last finished add's, or a later killed add's
            // that got as far as its write before the kill.
            let k: usize = memo
                .strip_prefix(&format!("w{w}-run"))
                .and_then(|r| r.get(..3))
                .and_then(|r| r.parse().ok())
                .unwrap_or_else(|| panic!("{section}: foreign memo {memo:?}"));
            assert!(
                k >= last_ok && mine.iter().any(|r| r.1 == k),
                "{section}: memo from run {k}, but run {last_ok} exited 0 later (seed {seed})"
            );
        }
    }
    eprintln!("{finished} adds finished, {killed} killed mid-run");
    assert_eq!(finished + killed, WORKERS * RUNS_PER_WORKER);
    assert!(
        killed > 0 && finished > 0,
        "the test must both kill and finish runs"
    );

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
