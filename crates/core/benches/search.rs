//! In-process benchmarks (divan): full index build, incremental update of
//! one file, and query latency per query kind, over the synthetic corpus.
//! `cargo bench -p pilgi-core --bench search`

mod synth;

use pilgi_core::index::SearchIndex;
use pilgi_core::Corpus;
use std::sync::OnceLock;

fn main() {
    divan::main();
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
