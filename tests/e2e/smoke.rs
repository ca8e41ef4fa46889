//! The window opens and lists the bundled notes' sections.

use crate::app::{bundled_notes, ids_of, App};
use fantoccini::Locator;

#[tokio::test]
async fn window_lists_sections_and_opens_one() {
    let app = App::launch("smoke", &bundled_notes()).await;
    assert_eq!(
        app.client.title().await.expect("title"),
        "Pilgi — 필기",
        "window title"
    );
    // The list is drawn as a window of its rows; read by scrolling, its
    // section rows are the notes' sections, in order.
    let rows = app.list_rows("[data-testid='sections']").await;
    let listed = ids_of(&rows, "section-item");
    let corpus = pilgi_core::Corpus::load(&app.notes);
    let expected: Vec<&str> = corpus.sections().map(|s| s.id.as_str()).collect();
    assert_eq!(listed, expected, "one row per section, in course order");
    assert!(expected.len() > 30, "the bundled notes have their sections");
    app.js("document.querySelector(\"[data-testid='sections']\").scrollTop = 0")
        .await;
    let second = format!("[data-testid='section-item'][data-id='{}']", expected[1]);
    let item = app.wait_css(&second).await;
    let text = app
        .js(&format!(
            "return document.querySelector({}).textContent",
            serde_json::Value::from(second.as_str())
        ))
        .await;
    assert!(
        text.as_str()
            .is_some_and(|t| t.contains("Cluster Architecture")),
        "{text}"
    );
    app.shot("sections").await;

    item.click().await.expect("click");
    let reader = app.wait_css("[data-testid='reader'] h1").await;
    assert!(reader
        .text()
        .await
        .expect("text")
        .contains("Cluster Architecture"));
    let body = app
        .client
        .find(Locator::Css("[data-testid='reader']"))
        .await
        .expect("reader")
        .text()
        .await
        .expect("text");
    assert!(body.contains("kube-scheduler"), "the section body is shown");
    app.shot("reader").await;
    app.close().await;
}

/// No display to open: one clear line and exit status 1, not tao's panic
/// and backtrace.
#[test]
fn without_a_display_it_says_so_in_one_line() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pilgi-app"))
        .env("DISPLAY", ":9876")
        .env_remove("WAYLAND_DISPLAY")
        .env("RUST_BACKTRACE", "1")
        .output()
        .expect("run pilgi-app");
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains("cannot open the display (X11 \":9876\")"),
        "{said}"
    );
    assert!(
        !said.contains("panicked") && !said.contains("backtrace"),
        "{said}"
    );
    assert_eq!(said.trim_end().lines().count(), 1, "{said}");
}
