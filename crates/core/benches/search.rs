//! In-process benchmarks: query latency percentiles per query kind (p50,
//! p99, max over many single runs: the target is a p99, which divan does not
//! report), the same for every keystroke of typing the app's benchmark
//! queries, then divan's full index build, incremental update of one file,
//! per-query and per-keystroke times, over the synthetic corpus.
//! `cargo bench -p pilgi-core --bench search` (`PILGI_BENCH_RUNS` sets the
//! runs per query for the percentiles, default 1000; `-- keystroke` runs
//! only that divan group).

mod synth;

use pilgi_core::analysis::hangul::{from_keys, is_hangul, to_keys};
use pilgi_core::index::SearchIndex;
use pilgi_core::Corpus;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

fn main() {
    let queries: Vec<(String, &str)> = QUERIES
        .iter()
        .map(|(kind, q)| (format!("{kind} `{q}`"), *q))
        .collect();
    percentiles("query", &queries, 10);
    let keys: Vec<(String, &str)> = keystrokes()
        .iter()
        .map(|q| (format!("{q:?}"), q.as_str()))
        .collect();
    percentiles("keystroke", &keys, LIMIT_TYPING);
    divan::main();
}

/// The `q`-quantile of sorted durations (nearest rank).
fn quantile(sorted: &[Duration], q: f64) -> Duration {
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

/// Times every `(label, query)` `PILGI_BENCH_RUNS` times, one search of
/// `limit` hits per sample, interleaving queries so a burst of load on a
/// shared machine spreads over all of them rather than landing on one;
/// prints a Markdown table.
fn percentiles(what: &str, queries: &[(String, &str)], limit: usize) {
    let runs: usize = std::env::var("PILGI_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let (index, _) = index_10k();
    let mut samples: Vec<Vec<Duration>> = vec![Vec::with_capacity(runs); queries.len()];
    for (_, q) in queries {
        index.search(q, limit).expect("warm up");
    }
    for _ in 0..runs {
        for (k, (_, q)) in queries.iter().enumerate() {
            let t = Instant::now();
            let r = index.search(q, limit).expect("search");
            samples[k].push(t.elapsed());
            divan::black_box(r);
        }
    }
    let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
    println!("{what} latency at 10k sections, limit {limit}, {runs} runs each (wall time)");
    println!("| {what} | p50 | p99 | max |");
    println!("|---|---|---|---|");
    for ((label, _), mut s) in queries.iter().zip(samples) {
        s.sort();
        println!(
            "| {label} | {} | {} | {} |",
            ms(quantile(&s, 0.5)),
            ms(quantile(&s, 0.99)),
            ms(s[s.len() - 1]),
        );
    }
}

fn corpus(sections: usize) -> Corpus {
    let dir = std::env::temp_dir().join(format!("pilgi-bench-{sections}"));
    if !dir.exists() {
        synth::write_corpus(&dir, sections).expect("corpus");
    }
    Corpus::load(&dir)
}

fn index_10k() -> &'static (SearchIndex, Corpus) {
    static INDEX: OnceLock<(SearchIndex, Corpus)> = OnceLock::new();
    INDEX.get_or_init(|| {
        let c = corpus(10_000);
        let index = SearchIndex::in_ram().expect("index");
        index.sync(&c).expect("sync");
        (index, c)
    })
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn build_10k(bencher: divan::Bencher) {
    let c = corpus(10_000);
    bencher.bench_local(|| {
        let index = SearchIndex::in_ram().expect("index");
        index.sync(&c).expect("sync")
    });
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn incremental_one_file_10k(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("tempdir");
    let index = SearchIndex::open(dir.path()).expect("open");
    let mut c = corpus(10_000);
    index.sync(&c).expect("sync");
    let mut flip = 0u32;
    bencher.bench_local(|| {
        flip += 1;
        std::sync::Arc::make_mut(&mut c.notes[0]).hash = format!("changed-{flip}");
        index.sync(&c).expect("sync")
    });
}

const QUERIES: &[(&str, &str)] = &[
    ("ko_word", "컨테이너"),
    ("ko_particle", "파드를"),
    ("en_word", "snapshot"),
    ("two_words", "노드 drain"),
    ("glossary_short", "svc"),
    ("compound", "--dry-run=client"),
    ("typo", "snapshto"),
    ("prefix", "snaps"),
    ("chosung", "ㅋㅌㅇㄴ"),
    ("layout_en_to_ko", "zjsxpdlsj"),
    ("layout_ko_to_en", "ㄷㅅㅊㅇㅊ시"),
];

#[divan::bench(args = QUERIES.iter().map(|q| q.0))]
fn query_10k(bencher: divan::Bencher, kind: &str) {
    let (index, _) = index_10k();
    let q = QUERIES.iter().find(|q| q.0 == kind).map_or("", |q| q.1);
    bencher.bench(|| index.search(q, 10).expect("search"));
}

/// Hits per search while typing, as the desktop app asks for
/// (`SHOWN` in `ui/js/search.js`, on every keystroke).
const LIMIT_TYPING: usize = 20;

/// What the search box holds after each key of typing `query`: Latin and
/// punctuation one char at a time, Hangul through a 2-beolsik IME, which
/// shows every composition state (`ㅋ`, `커`, `컨`, `컨ㅌ`, `컨테`, `컨텡`, …).
fn typing(query: &str) -> Vec<String> {
    let mut states: Vec<String> = Vec::new();
    let mut done = String::new();
    let mut chars = query.chars().peekable();
    while let Some(c) = chars.next() {
        if is_hangul(c) {
            let mut run = String::from(c);
            while let Some(&next) = chars.peek().filter(|&&n| is_hangul(n)) {
                run.push(next);
                chars.next();
            }
            let keys: Vec<char> = to_keys(&run).chars().collect();
            for n in 1..=keys.len() {
                let typed: String = keys[..n].iter().collect();
                states.push(format!("{done}{}", from_keys(&typed)));
            }
            done.push_str(&run);
        } else {
            done.push(c);
            states.push(done.clone());
        }
    }
    states
}

/// Every distinct keystroke state of the [`synth::TYPED`] queries, in typing order.
fn keystrokes() -> &'static [String] {
    static STATES: OnceLock<Vec<String>> = OnceLock::new();
    STATES.get_or_init(|| {
        let mut states: Vec<String> = Vec::new();
        for q in synth::TYPED {
            for s in typing(q) {
                if !states.contains(&s) {
                    states.push(s);
                }
            }
        }
        states
    })
}

/// One search per keystroke state (labelled `"text"`, quoted so a trailing
/// space shows), limit as in the app.
#[divan::bench(args = keystrokes().iter().map(|q| format!("{q:?}")))]
fn keystroke_10k(bencher: divan::Bencher, label: &str) {
    let (index, _) = index_10k();
    let q = keystrokes()
        .iter()
        .find(|q| format!("{q:?}") == label)
        .map_or("", String::as_str);
    bencher.bench(|| index.search(q, LIMIT_TYPING).expect("search"));
}
