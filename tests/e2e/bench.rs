//! Keystroke-to-results latency in the real window at 10k sections: a
//! benchmark, not a test (ignored by default; `scripts/bench-desktop` runs
//! it and BENCHMARKS.md records it). The page itself measures each
//! keystroke, from the input event to the frame that shows its results
//! (`pilgi:keystroke-to-results` in ui/js/search.js).

use crate::app::App;

#[allow(dead_code)] // shared with the core benches; only the writer is used here
#[path = "../../crates/core/benches/synth.rs"]
mod synth;

/// One query per kind the search handles (as in the core benches).
const QUERIES: &[&str] = &[
    "컨테이너를",
    "snapshot",
    "snapshto",
    "노드 drain",
    "svc",
    "--dry-run=client",
    "ㅋㅌㅇㄴ",
    "zjsxpdlsj",
];
const ROUNDS: usize = 8;

#[tokio::test]
#[ignore = "benchmark: run by scripts/bench-desktop"]
async fn keystroke_to_results_at_10k_sections() {
    let notes = tempfile::tempdir().expect("tmp");
    synth::write_corpus(notes.path(), 10_000).expect("synthetic notes");
    let app = App::launch("bench-keystrokes", notes.path()).await;
    // Waits out the first (cold) index build: a search typed meanwhile is
    // answered when the index is ready.
    app.search("warm up").await;
    app.js("performance.clearMeasures()").await;
    for _ in 0..ROUNDS {
        for query in QUERIES {
            app.search(query).await;
        }
    }
    let durations = app
        .js("return performance.getEntriesByName('pilgi:keystroke-to-results').map(e => e.duration)")
        .await;
    let mut ms: Vec<f64> = serde_json::from_value(durations).expect("durations");
    assert!(!ms.is_empty(), "the page recorded no keystrokes");
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
    println!(
        "keystroke-to-results at 10k sections: n={} p50={:.1} ms p99={:.1} ms max={:.1} ms",
        ms.len(),
        at(0.5),
        at(0.99),
        ms[ms.len() - 1]
    );
    app.close().await;
}
