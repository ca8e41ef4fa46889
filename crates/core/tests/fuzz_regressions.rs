//! Replays every saved fuzz input (`fuzz/regressions/<target>/*`: crash
//! reproducers and a small selection of the minimized corpora) through the
//! same checks the fuzz targets run (`fuzz/checks.rs`), so a plain `cargo
//! test` keeps every bug the fuzzers ever found fixed. See fuzz/README.md.

#[path = "../../../fuzz/checks.rs"]
mod checks;

use std::path::{Path, PathBuf};

fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/regressions")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no saved inputs in {}", dir.display());
    files
}

/// Runs `check` on every input of `target`, naming the input that failed.
fn replay(target: &str, check: impl Fn(&[u8])) {
    for path in inputs(target) {
        let bytes = std::fs::read(&path).expect("read input");
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&bytes)));
        assert!(
            result.is_ok(),
            "{target}: {} fails its check",
            path.display()
        );
    }
}

#[test]
fn parse_regressions() {
    replay("parse", checks::parse);
}

#[test]
fn render_regressions() {
    replay("render", checks::render);
}

#[test]
fn query_regressions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fixture = checks::query_fixture(dir.path());
    replay("query", |bytes| checks::query(&fixture, bytes));
}

#[test]
fn the_html_check_catches_what_it_must() {
    // The check itself must fail on unsafe HTML, or it proves nothing.
    for bad in [
        "<script>x</script>",
        "<img src=\"x.png\">",
        "<a href=\"javascript:alert(1)\" rel=\"noopener noreferrer\">x</a>",
        "<a href=\"//evil.example/x\" rel=\"noopener noreferrer\">x</a>",
        "<a href=\"https://a.example\">no rel</a>",
        "<span onclick=\"x()\">x</span>",
        "<span style=\"color:red\">x</span>",
        "<div data-copy=\"x\"><iframe></iframe></div>",
        "<a href=\"java\tscript:x\" rel=\"noopener noreferrer\">x</a>",
        "<a href=\"data:text/html,x\" rel=\"noopener noreferrer\">x</a>",
    ] {
        let caught = std::panic::catch_unwind(|| checks::check_html(bad)).is_err();
        assert!(caught, "check_html let through {bad}");
    }
    checks::check_html(
        "<article class=\"pilgi-note\" data-file=\"a\"><a href=\"https://kubernetes.io\" rel=\"noopener noreferrer\">k</a><button class=\"copy\" type=\"button\" data-copy=\"a > b\">copy</button></article>",
    );
}
