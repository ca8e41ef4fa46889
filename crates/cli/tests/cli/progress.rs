//! The progress bar of a long index build: drawn on a terminal's stderr,
//! never into a pipe or with `--json`.

use crate::util::{isolated_env, Notes};

/// A vault big enough that indexing it takes a moment (seconds in a debug
/// build, well over the bar's 0.3 s): 600 notes of 40 heading sections.
fn big() -> Notes {
    let n = Notes::new();
    for k in 0..600 {
        let body: String = (0..40)
            .map(|s| format!("## Topic {s} of note {k}\n\nkubectl get pods -n ns{s} 설명 {k}\n\n"))
            .collect();
        n.write(
            &format!("week{}/note-{k:03}.md", k % 7),
            format!("# Note {k}\n\n{body}"),
        );
    }
    n
}

#[test]
fn a_pipe_gets_no_bar() {
    let n = big();
    let out = n.pilgi(&["index"]).assert().success().get_output().clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("indexing") && !stderr.contains('\r'),
        "{stderr}"
    );
    let again = Notes::new();
    again.write("a.md", "# A\n\nx\n");
    let json = again
        .pilgi(&["index", "--json"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(
        json.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&json.stderr)
    );
}

/// Under a pseudo-terminal (`script`, from util-linux): the bar is drawn,
/// counts files and sections, and is cleared before the summary.
#[test]
fn a_terminal_sees_the_bar() {
    let n = big();
    let pilgi = assert_cmd::cargo::cargo_bin("pilgi");
    let line = format!(
        "'{}' --notes '{}' index",
        pilgi.display(),
        n.dir().display()
    );
    let root = n.dir().parent().expect("root").to_owned();
    let mut script = std::process::Command::new("script");
    script.args(["-qec", &line, "/dev/null"]);
    let out = isolated_env(&mut script, &root)
        .output()
        .expect("script (util-linux) runs pilgi under a pty");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("pilgi: indexing"), "{said}");
    assert!(said.contains("/600 files · "), "{said}");
    // The summary line follows the cleared bar (erased with ESC [2K).
    let last = said.rsplit("\x1b[2K").next().unwrap_or_default();
    assert!(last.contains("600 added"), "{last:?}");
}
