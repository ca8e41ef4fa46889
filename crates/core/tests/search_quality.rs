//! Search quality as an integration test: judged queries over real notes,
//! scored with MRR@10 and Recall@5 like `eval/compare.py`.
//!
//! `dev-queries.tsv` judges the bundled notes (`notes/`); `hard-queries.tsv`
//! judges the notes under `tests/fixtures/search/`, written to exercise
//! what the development set does not (other topics, 초성 and layout mix-ups
//! of other words, typos, particles, partial typing).

use pilgi_core::index::SearchIndex;
use pilgi_core::Corpus;
use std::path::{Path, PathBuf};

struct Judged {
    kind: String,
    query: String,
    relevant: Vec<u32>,
}

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn load_queries(path: &Path) -> Vec<Judged> {
    let text = std::fs::read_to_string(path).expect("query file");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Judged {
                kind: f[0].to_owned(),
                query: f[1].to_owned(),
                relevant: f[2]
                    .split(',')
                    .map(|n| n.trim().parse().expect("number"))
                    .collect(),
            }
        })
        .collect()
}

/// (MRR@10, Recall@5, report lines)
fn evaluate(notes: &Path, queries: &[Judged]) -> (f64, f64, Vec<String>) {
    let corpus = Corpus::load(notes);
    assert!(!corpus.notes.is_empty(), "no notes in {}", notes.display());
    let index = SearchIndex::in_ram().expect("index");
    index.sync(&corpus).expect("sync");
    let (mut rr, mut r5, mut report) = (0.0, 0.0, Vec::new());
    for q in queries {
        let results = index.search(&q.query, 10).expect("search");
        let got: Vec<Option<u32>> = results.hits.iter().map(|h| h.section.number).collect();
        let rank = got
            .iter()
            .position(|n| n.is_some_and(|n| q.relevant.contains(&n)))
            .map(|p| p + 1);
        if let Some(r) = rank {
            rr += 1.0 / r as f64;
            if r <= 5 {
                r5 += 1.0;
            }
        }
        report.push(format!(
            "{:8} {:24} rank {:?} got {:?} {:?}",
            q.kind, q.query, rank, got, results.interpretations
        ));
    }
    let n = queries.len() as f64;
    (rr / n, r5 / n, report)
}

#[test]
fn dev_queries_over_the_bundled_notes() {
    let queries = load_queries(&manifest().join("tests/fixtures/dev-queries.tsv"));
    let (mrr, r5, report) = evaluate(&manifest().join("../../notes"), &queries);
    println!("{}\nMRR@10 {mrr:.3}  R@5 {r5:.3}", report.join("\n"));
    assert!(mrr >= 0.9, "MRR@10 {mrr:.3} < 0.9\n{}", report.join("\n"));
    assert!(r5 >= 0.95, "R@5 {r5:.3} < 0.95\n{}", report.join("\n"));
}

#[test]
fn hard_queries_over_fixture_notes() {
    let dir = manifest().join("tests/fixtures/search");
    let queries = load_queries(&dir.join("hard-queries.tsv"));
    let (mrr, r5, report) = evaluate(&dir, &queries);
    println!("{}\nMRR@10 {mrr:.3}  R@5 {r5:.3}", report.join("\n"));
    assert!(mrr >= 0.85, "MRR@10 {mrr:.3} < 0.85\n{}", report.join("\n"));
    assert!(r5 >= 0.9, "R@5 {r5:.3} < 0.9\n{}", report.join("\n"));
}
