//! Keystroke-to-results latency in the real window at 10k sections: a
//! benchmark, not a test (ignored by default; `scripts/bench-desktop` runs
//! it and BENCHMARKS.md records it). The page itself measures each
//! keystroke, from the input event to the frame that shows its results
//! (`pilgi:keystroke-to-results` in ui/js/search.js), and to the list being
//! built, before that frame (`pilgi:keystroke-to-list`).
//!
//! Typed twice: one key every 60 ms (a very fast typist, ~200 words a
//! minute: the target), and as one WebDriver burst (every key at once, so
//! most keys wait for the search before them: shown for comparison).
//! Then the baseline, in the same window and run: the same keys typed into
//! a plain input that searches nothing, from the input event to the frame
//! that shows the character — the floor of any keystroke-to-frame figure
//! on this machine — and the window's refresh interval, which that floor
//! waits for. Last, switching tabs (click → frame) and a fling through
//! each long list (frame intervals). `PILGI_BENCH_SECTIONS` and
//! `PILGI_BENCH_FORMAT=markdown` change the notes (see scripts/bench-desktop).

use crate::app::App;
use crate::synth;
use fantoccini::elements::Element;
use std::time::Duration;

const ROUNDS: usize = 4;
const KEY_GAP: Duration = Duration::from_millis(60);

#[tokio::test]
#[ignore = "benchmark: run by scripts/bench-desktop"]
async fn keystroke_to_results_at_10k_sections() {
    let notes = tempfile::tempdir().expect("tmp");
    // 10k course sections, or what PILGI_BENCH_SECTIONS and
    // PILGI_BENCH_FORMAT=markdown (a vault) ask for.
    let sections = std::env::var("PILGI_BENCH_SECTIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    if synth::markdown() {
        synth::write_vault(notes.path(), sections).expect("synthetic vault");
    } else {
        synth::write_corpus(notes.path(), sections).expect("synthetic notes");
    }
    println!(
        "at {sections} {} sections:",
        if synth::markdown() {
            "Markdown"
        } else {
            "course"
        }
    );
    let app = App::launch("bench-keystrokes", notes.path()).await;
    // Waits out the first (cold) index build: a search typed meanwhile is
    // answered when the index is ready.
    app.search("warm up").await;
    let input = app.wait_css("[data-testid='search-input']").await;

    app.js("performance.clearMeasures()").await;
    for _ in 0..ROUNDS {
        for query in synth::TYPED {
            type_paced(&input, query).await;
            app.results_for(query).await;
        }
    }
    report(&app, "one key every 60 ms").await;

    app.js("performance.clearMeasures()").await;
    for _ in 0..ROUNDS {
        for query in synth::TYPED {
            app.search(query).await;
        }
    }
    report(&app, "WebDriver burst").await;

    let echo = plain_input(&app).await;
    for _ in 0..ROUNDS {
        for query in synth::TYPED {
            type_paced(&echo, query).await;
        }
    }
    print_percentiles(
        &app,
        "bench:keystroke-to-frame",
        "baseline: keystroke-to-frame in a plain input",
        "one key every 60 ms",
    )
    .await;
    refresh_interval(&app).await;
    switch_tabs(&app).await;
    for tab in ["sections", "timeline", "commands"] {
        app.click(&format!("[data-testid='nav-{tab}']")).await;
        fling(&app, &format!("[data-testid='{tab}']")).await;
    }
    // The floor, in the same window: a plain list of 400 static rows of
    // text where the Sections list is, nothing drawn as it scrolls.
    app.js(
        "const p = document.getElementById('panel-sections');
         const box = document.createElement('div');
         box.id = 'bench-plain';
         box.style.cssText = 'position:absolute;inset:0;overflow-y:auto;background:var(--panel);z-index:5';
         for (let i = 0; i < 400; i++) {
           const row = document.createElement('div');
           row.className = 'tree-row';
           row.style.height = '30px';
           row.textContent = `${i}. A plain row of text, 정적인 줄 ${i}`;
           box.append(row);
         }
         p.append(box);",
    )
    .await;
    app.click("[data-testid='nav-sections']").await;
    fling(&app, "#bench-plain").await;
    app.js("document.getElementById('bench-plain').remove()")
        .await;
    live_reload(&app).await;
    app.close().await;
}

/// Edits one note (a line appended) with a section open and prints the
/// time from the write to the frame after the window caught up: the notes
/// re-read, the reader and the views the edit changed redrawn
/// (`pilgi:notes-updated`, marked by the page), for 3 edits of the text,
/// then for a heading added.
async fn live_reload(app: &App) {
    app.click("[data-testid='nav-sections']").await;
    // A big folder starts folded: open the first file, then its first section.
    if app.all("[data-testid='section-item']").await.is_empty() {
        app.click("[data-testid='sections'] .file-name").await;
    }
    app.click("[data-testid='section-item']").await;
    let file = first_note(&app.notes);
    let mut ms = Vec::new();
    for round in 0..3 {
        let mut text = std::fs::read_to_string(&file).expect("read note");
        text.push_str(&format!("\nlive edit {round}\n"));
        ms.push(edit(app, &file, &text).await);
    }
    println!(
        "one note edited -> window updated (file write to frame, incl. the watcher's 50 ms settle): {}",
        ms.iter().map(|m| format!("{:.0} ms", m.0)).collect::<Vec<_>>().join(", ")
    );
    println!("  views loaded again by the last edit: {}", ms[2].1);
    // A section added (a heading): every view that names sections loads.
    let mut text = std::fs::read_to_string(&file).expect("read note");
    text.push_str("\n## live heading\n\nlive text\n");
    let (took, loaded) = edit(app, &file, &text).await;
    println!("a heading added -> window updated: {took:.0} ms; views loaded again: {loaded}");
}

/// Writes `text` to `file` and waits for the window to catch up; the time
/// from the write to the frame after it (`pilgi:notes-updated`, marked by
/// the page) and which views it loaded again, for how long (main.js,
/// `reload`: none when only text under a heading changed).
async fn edit(app: &App, file: &std::path::Path, text: &str) -> (f64, String) {
    app.js("performance.clearMarks('pilgi:notes-updated')")
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let before = app
        .js("return performance.now()")
        .await
        .as_f64()
        .unwrap_or(0.0);
    let written = std::time::SystemTime::now();
    std::fs::write(file, text).expect("edit note");
    app.eventually("the window caught up with the edit", || async {
        app.js("return performance.getEntriesByName('pilgi:notes-updated').length")
            .await
            .as_u64()
            == Some(1)
    })
    .await;
    let at = app
        .js("return performance.timeOrigin + performance.getEntriesByName('pilgi:notes-updated')[0].startTime")
        .await
        .as_f64()
        .expect("mark time");
    let since = written
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs_f64()
        * 1000.0;
    let loaded = app
        .js(&format!(
            "return performance.getEntriesByType('measure') \
               .filter((m) => m.name.startsWith('pilgi:load-') && m.startTime > {before}) \
               .map((m) => `${{m.name.slice(11)}} ${{m.duration.toFixed(0)}} ms`) \
               .join(', ') || 'none'"
        ))
        .await;
    (at - since, loaded.as_str().unwrap_or("?").to_owned())
}

/// The first note file of the folder, in path order.
fn first_note(dir: &std::path::Path) -> std::path::PathBuf {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("notes folder")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    let first = entries.into_iter().next().expect("a note or folder");
    if first.is_dir() {
        first_note(&first)
    } else {
        first
    }
}

/// Scrolls a tab's list for 5 s, 300 px a frame (18 000 px/s at 60 Hz,
/// faster than a hard touchpad fling), turning at the ends, and prints the
/// frame intervals meanwhile (requestAnimationFrame deltas): a frame over
/// 32 ms is a visible stutter.
async fn fling(app: &App, list: &str) {
    let gaps = app
        .client
        .execute_async(
            "const [css, done] = [arguments[0], arguments[arguments.length - 1]];
             const box = document.querySelector(css);
             const gaps = [];
             let last = null;
             let down = true;
             const end = performance.now() + 5000;
             const tick = (t) => {
               if (last !== null) gaps.push(t - last);
               last = t;
               const max = box.scrollHeight - box.clientHeight;
               if (box.scrollTop >= max - 1) down = false;
               if (box.scrollTop <= 0) down = true;
               box.scrollTop += (down ? 1 : -1) * 300;
               if (t < end) requestAnimationFrame(tick); else done({ gaps, height: box.scrollHeight });
             };
             requestAnimationFrame(tick);",
            vec![serde_json::Value::from(list)],
        )
        .await
        .expect("fling");
    let mut ms: Vec<f64> = serde_json::from_value(gaps["gaps"].clone()).expect("frame gaps");
    ms.sort_by(f64::total_cmp);
    let over = ms.iter().filter(|g| **g > 32.0).count();
    println!(
        "fling through {list} ({} px): {} frames, median {:.1} ms, p99 {:.1} ms, max {:.1} ms, {over} over 32 ms",
        gaps["height"],
        ms.len(),
        ms[ms.len() / 2],
        ms[((ms.len() - 1) as f64 * 0.99).round() as usize],
        ms[ms.len() - 1]
    );
}

/// Empties `input`, then types `text` into it one key every [`KEY_GAP`].
async fn type_paced(input: &Element, text: &str) {
    input.clear().await.expect("clear the input");
    for key in text.chars() {
        input.send_keys(&key.to_string()).await.expect("type");
        tokio::time::sleep(KEY_GAP).await;
    }
}

/// Clicks through the four tabs (Sections, Timeline and Commands each
/// list all 10k sections) and prints click → the frame that shows the tab
/// (`pilgi:view-switch`, measured by the page).
async fn switch_tabs(app: &App) {
    app.js("document.querySelector('#bench-echo')?.remove(); performance.clearMeasures()")
        .await;
    let mut switches = 0;
    for _ in 0..ROUNDS {
        for tab in ["timeline", "bookmarks", "commands", "sections"] {
            app.click(&format!("[data-testid='nav-{tab}']")).await;
            switches += 1;
            app.eventually("the tab switched and painted", || async {
                app.js("return performance.getEntriesByName('pilgi:view-switch').length")
                    .await
                    .as_u64()
                    == Some(switches)
            })
            .await;
        }
    }
    print_percentiles(app, "pilgi:view-switch", "switching tabs", "click to frame").await;
}

/// Adds an input that only echoes what is typed, measured like the search
/// box: from its input event to the task after the next frame.
async fn plain_input(app: &App) -> Element {
    app.js(
        "const i = document.createElement('input');
         i.id = 'bench-echo';
         i.style.cssText = 'position: fixed; top: 8px; left: 40%; z-index: 9';
         i.addEventListener('input', () => {
           const start = performance.now();
           requestAnimationFrame(() => setTimeout(() => performance.measure('bench:keystroke-to-frame', { start })));
         });
         document.body.append(i);",
    )
    .await;
    app.wait_css("#bench-echo").await
}

/// Prints the window's refresh interval (between animation frames): a
/// keystroke waits for the next refresh to be shown, anywhere from nothing
/// to one interval, whatever the app does.
async fn refresh_interval(app: &App) {
    let frames = app
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const at = [];
             const tick = (t) => { at.push(t); if (at.length < 121) requestAnimationFrame(tick); else done(at); };
             requestAnimationFrame(tick);",
            vec![],
        )
        .await
        .expect("animation frames");
    let at: Vec<f64> = serde_json::from_value(frames).expect("frame times");
    let mut gaps: Vec<f64> = at.windows(2).map(|w| w[1] - w[0]).collect();
    gaps.sort_by(f64::total_cmp);
    println!(
        "refresh interval of the window: n={} median={:.1} ms",
        gaps.len(),
        gaps[gaps.len() / 2]
    );
}

/// Prints p50/p99 of the page's measures since the last clear.
async fn report(app: &App, typing: &str) {
    for (name, label) in [
        ("pilgi:keystroke-to-results", "keystroke-to-results"),
        (
            "pilgi:keystroke-to-list",
            "  of which keystroke-to-list (before the frame)",
        ),
        (
            "pilgi:search-ipc",
            "  of which the search call (IPC + query)",
        ),
        (
            "pilgi:results-dom",
            "  of which building the list (JS, DOM)",
        ),
    ] {
        print_percentiles(app, name, label, typing).await;
    }
}

async fn print_percentiles(app: &App, name: &str, label: &str, typing: &str) {
    let durations = app
        .js(&format!(
            "return performance.getEntriesByName('{name}').map(e => e.duration)"
        ))
        .await;
    let mut ms: Vec<f64> = serde_json::from_value(durations).expect("durations");
    assert!(!ms.is_empty(), "the page recorded no {name}");
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
    println!(
        "{label} ({typing}): n={} p50={:.1} ms p99={:.1} ms max={:.1} ms",
        ms.len(),
        at(0.5),
        at(0.99),
        ms[ms.len() - 1]
    );
}
