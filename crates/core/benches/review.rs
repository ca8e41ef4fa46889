//! The review queue at scale: 10 000 sections, every one bookmarked as
//! confusing, so 10 000 items are due at once. Times what the Review view
//! and the study map ask of the core on every refresh (the queue, the
//! study map) and one grade (a locked, atomic write of the whole store).
//! `cargo bench -p pilgi-core --bench review`.

mod synth;

use chrono::Utc;
use pilgi_core::bookmarks::model::Grade;
use pilgi_core::bookmarks::{Bookmark, Label, Store, StoreFile};
use pilgi_core::{review, Corpus};
use std::path::Path;
use std::sync::OnceLock;

const SECTIONS: usize = 10_000;

fn main() {
    divan::main();
}

/// The corpus and a data folder whose store bookmarks every section,
/// written once as a file (10 000 saves would each rewrite the store).
fn studied() -> &'static (Corpus, tempfile::TempDir) {
    static STUDIED: OnceLock<(Corpus, tempfile::TempDir)> = OnceLock::new();
    STUDIED.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("pilgi-bench-{SECTIONS}"));
        if !dir.exists() {
            synth::write_corpus(&dir, SECTIONS).expect("corpus");
        }
        let corpus = Corpus::load(&dir);
        let data = tempfile::tempdir().expect("data dir");
        let now = pilgi_core::bookmarks::time::now();
        let file = StoreFile {
            bookmarks: corpus
                .sections()
                .map(|s| Bookmark::new(s, Label::default(), String::new(), now.clone()))
                .collect(),
            ..StoreFile::default()
        };
        write(data.path(), &file);
        (corpus, data)
    })
}

fn write(dir: &Path, file: &StoreFile) {
    let bytes = serde_json::to_vec(file).expect("json");
    std::fs::write(dir.join("bookmarks.json"), bytes).expect("write store");
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn queue_10k_due(bencher: divan::Bencher) {
    let (corpus, data) = studied();
    let store = Store::open(data.path()).expect("store");
    assert_eq!(review::items(&store, corpus, Utc::now()).len(), SECTIONS);
    bencher.bench_local(|| {
        let now = Utc::now();
        review::items(&store, corpus, now)
            .into_iter()
            .filter(|i| i.is_due_by(now))
            .count()
    });
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn study_map_10k(bencher: divan::Bencher) {
    let (corpus, data) = studied();
    let store = Store::open(data.path()).expect("store");
    bencher.bench_local(|| review::study(&store, corpus, Utc::now()));
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn grade_one_of_10k(bencher: divan::Bencher) {
    let (corpus, data) = studied();
    let mut store = Store::open(data.path()).expect("store");
    let id = corpus.sections().next().expect("a section").id.clone();
    bencher.bench_local(|| {
        review::grade(
            &mut store,
            corpus,
            id.as_str(),
            Grade::Good,
            Utc::now(),
            None,
        )
        .expect("grade")
    });
}
