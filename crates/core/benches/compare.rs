//! Whole-program comparisons against baselines measured in the same run:
//! full index build vs an SQLite FTS5 trigram build of the same sections
//! (python3's sqlite3), and `pilgi search` wall time vs `grep -ric` over the
//! same files, at 10k and 100k sections. Prints a Markdown table.
//!
//! `cargo build --release -p pilgi-cli && cargo bench -p pilgi-core --bench compare`
//! (set `PILGI_BIN` to use another binary; `PILGI_BENCH_SIZES=10000` to limit;
//! `PILGI_BENCH_FORMAT=markdown` for a Markdown vault instead of course notes).

mod synth;

use pilgi_core::index::SearchIndex;
use pilgi_core::Corpus;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const FTS5: &str = r#"
import json, sqlite3, sys, time
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
t = time.perf_counter()
db = sqlite3.connect(sys.argv[2])
db.execute("create virtual table t using fts5(title, body, tokenize='trigram')")
db.executemany("insert into t values (?, ?)", [(r["title"], r["body"]) for r in rows])
db.commit()
print(time.perf_counter() - t)
"#;

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time_cmd(cmd: &mut Command, runs: usize) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                let _ = cmd.output().expect("run");
                t.elapsed()
            })
            .collect(),
    )
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn pilgi_bin() -> PathBuf {
    std::env::var_os("PILGI_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let target = std::env::var_os("CARGO_TARGET_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
            target.join("release/pilgi")
        })
}

fn fts5_build(corpus: &Corpus, work: &Path) -> Option<Duration> {
    let rows = work.join("sections.jsonl");
    let lines: Vec<String> = corpus
        .sections()
        .map(|s| serde_json::json!({"title": s.title, "body": s.body}).to_string())
        .collect();
    std::fs::write(&rows, lines.join("\n")).ok()?;
    let db = work.join("fts5.db");
    let _ = std::fs::remove_file(&db);
    let out = Command::new("python3")
        .args(["-c", FTS5])
        .arg(&rows)
        .arg(&db)
        .output()
        .ok()?;
    let secs: f64 = String::from_utf8_lossy(&out.stdout).trim().parse().ok()?;
    Some(Duration::from_secs_f64(secs))
}

/// The synthetic vault of `n` sections (written on first use, kept in the
/// temp dir): its work folder, notes folder, loaded notes and size in bytes.
fn vault(n: usize) -> (PathBuf, PathBuf, Corpus, u64) {
    let markdown = synth::markdown();
    let kind = if markdown { "markdown" } else { "course" };
    let work = std::env::temp_dir().join(format!("pilgi-compare-{kind}-{n}"));
    let notes = work.join("notes");
    if !notes.exists() {
        if markdown {
            synth::write_vault(&notes, n).expect("vault");
        } else {
            synth::write_corpus(&notes, n).expect("corpus");
        }
    }
    let corpus = Corpus::load(&notes);
    let bytes: u64 = corpus
        .notes
        .iter()
        .filter_map(|n| std::fs::metadata(notes.join(&n.note.file)).ok())
        .map(|m| m.len())
        .sum();
    let parsed = corpus.sections().count();
    assert_eq!(
        parsed, n,
        "the synthetic notes must parse into {n} sections"
    );
    (work, notes, corpus, bytes)
}

/// `pilgi search snapshot` as a user's next search runs it. The first run
/// builds the CLI's own index; a second one records the stats of files
/// that were too fresh to trust on the first (see `FileStat::settled`).
fn time_cli(bin: &Path, notes: &Path, cache: &Path) -> Duration {
    let mut c = Command::new(bin);
    c.env("XDG_CACHE_HOME", cache)
        .args(["--notes"])
        .arg(notes)
        .args(["search", "snapshot"]);
    let _ = c.output();
    std::thread::sleep(Duration::from_millis(2100));
    let _ = c.output();
    time_cmd(&mut c, 21)
}

fn main() {
    let sizes: Vec<usize> = std::env::var("PILGI_BENCH_SIZES")
        .unwrap_or_else(|_| "10000,100000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let bin = pilgi_bin();
    println!("| sections | MB | pilgi build | FTS5 trigram build | build ratio | pilgi search (CLI) | grep -ric | CLI ratio |");
    println!("|---|---|---|---|---|---|---|---|");
    for n in sizes {
        let (work, notes, corpus, bytes) = vault(n);
        let index_dir = work.join("index");
        let _ = std::fs::remove_dir_all(&index_dir);
        let t = Instant::now();
        let index = SearchIndex::open(&index_dir).expect("open");
        index.sync(&corpus).expect("sync");
        let build = t.elapsed();
        if std::env::var_os("PILGI_BENCH_BUILD_ONLY").is_some() {
            println!("| {n} | build {:.0} ms |", ms(build));
            continue;
        }
        let fts = fts5_build(&corpus, &work);
        let cache = work.join("cache");
        let cli = bin.exists().then(|| time_cli(&bin, &notes, &cache));
        let grep = time_cmd(
            Command::new("grep").args(["-ric", "snapshot"]).arg(&notes),
            21,
        );
        let ratio = |a: Option<Duration>, b: Option<Duration>| match (a, b) {
            (Some(a), Some(b)) => format!("{:.2}×", a.as_secs_f64() / b.as_secs_f64()),
            _ => "n/a".into(),
        };
        let show = |d: Option<Duration>| d.map_or("n/a".into(), |d| format!("{:.0} ms", ms(d)));
        // A search takes a few ms: whole ms would hide a 20 % difference.
        let show_fine =
            |d: Option<Duration>| d.map_or("n/a".into(), |d| format!("{:.1} ms", ms(d)));
        println!(
            "| {n} | {:.1} | {} | {} | {} | {} | {} | {} |",
            bytes as f64 / 1e6,
            show(Some(build)),
            show(fts),
            ratio(Some(build), fts),
            show_fine(cli),
            show_fine(Some(grep)),
            ratio(cli, Some(grep)),
        );
    }
    if !bin.exists() {
        eprintln!(
            "(no pilgi binary at {}: build it with `cargo build --release -p pilgi-cli`)",
            bin.display()
        );
    }
}
