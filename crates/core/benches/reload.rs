//! Live reload at scale: one note edited in a synthetic Markdown vault of
//! 100k sections (5 000 notes), and what the app's re-read does about it
//! in the core: the folder read again (`Corpus::reloaded`: every file
//! stat'ed, the edited one read) and the links brought up to date
//! (`Links::reloaded`). The rest of an edit's way to the window (the
//! watcher's settle, the IPC, the redraw) is timed by the desktop bench.
//! `cargo bench -p pilgi-core --bench reload` (`PILGI_BENCH_SECTIONS` sets
//! the vault's size).

mod synth;

use pilgi_core::links::Links;
use pilgi_core::Corpus;
use std::path::{Path, PathBuf};

fn main() {
    divan::main();
}

/// The vault (written on first use, kept in the temp dir), loaded, and the
/// note the benches edit.
fn vault() -> (Corpus, PathBuf) {
    let sections: usize = std::env::var("PILGI_BENCH_SECTIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = std::env::temp_dir().join(format!("pilgi-bench-vault-{sections}"));
    if !dir.exists() {
        synth::write_vault(&dir, sections).expect("vault");
    }
    let corpus = Corpus::load(&dir);
    let edited = dir.join(&corpus.notes[corpus.notes.len() / 2].note.file);
    (corpus, edited)
}

/// Appends a line to `file`: a body edit, the common case.
fn edit(file: &Path, n: u32) {
    let mut text = std::fs::read_to_string(file).expect("read");
    text.push_str(&format!("\nedit {n}\n"));
    std::fs::write(file, text).expect("write");
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn corpus_reloaded(bencher: divan::Bencher) {
    let (corpus, file) = vault();
    let mut n = 0;
    bencher
        .with_inputs(|| {
            n += 1;
            edit(&file, n);
        })
        .bench_local_refs(|_| corpus.reloaded());
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn links_reloaded(bencher: divan::Bencher) {
    let (corpus, file) = vault();
    let links = Links::new(&corpus);
    let mut n = 0;
    bencher
        .with_inputs(|| {
            n += 1;
            edit(&file, n);
            corpus.reloaded()
        })
        .bench_local_refs(|new| links.reloaded(&corpus, new));
}
