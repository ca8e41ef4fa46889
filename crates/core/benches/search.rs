//! In-process benchmarks: query latency percentiles per query kind (p50,
//! p99, max over many single runs: the target is a p99, which divan does not
//! report), then divan's full index build, incremental update of one file
//! and per-query medians, over the synthetic corpus.
//! `cargo bench -p pilgi-core --bench search` (`PILGI_BENCH_RUNS` sets the
//! runs per query for the percentiles, default 1000).

mod synth;

use pilgi_core::index::SearchIndex;
use pilgi_core::Corpus;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

fn main() {
    percentiles();
    divan::main();
}

/// The `q`-quantile of sorted durations (nearest rank).
fn quantile(sorted: &[Duration], q: f64) -> Duration {
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

/// Times every query kind `PILGI_BENCH_RUNS` times, one search per sample,
/// interleaving kinds so a burst of load on a shared machine spreads over
/// all of them rather than landing on one; prints a Markdown table.
fn percentiles() {
    let runs: usize = std::env::var("PILGI_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let (index, _) = index_10k();
    let mut samples: Vec<Vec<Duration>> = vec![Vec::with_capacity(runs); QUERIES.len()];
    for (_, q) in QUERIES {
        index.search(q, 10).expect("warm up");
    }
    for _ in 0..runs {
        for (k, (_, q)) in QUERIES.iter().enumerate() {
            let t = Instant::now();
            let r = index.search(q, 10).expect("search");
            samples[k].push(t.elapsed());
            divan::black_box(r);
        }
    }
    let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
    println!("query latency at 10k sections, {runs} runs each (wall time)");
    println!("| query | p50 | p99 | max |");
    println!("|---|---|---|---|");
    for ((kind, q), mut s) in QUERIES.iter().zip(samples) {
        s.sort();
        println!(
            "| {kind} `{q}` | {} | {} | {} |",
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
        c.notes[0].hash = format!("changed-{flip}");
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
