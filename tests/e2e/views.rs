//! The timeline and commands views.

use crate::app::{bundled_notes, ids_of, timed_ids, App};
use fantoccini::Locator;

#[tokio::test]
async fn timeline_shows_every_section_and_opens_one() {
    let app = App::launch("timeline", &bundled_notes()).await;
    app.click("[data-testid='nav-timeline']").await;
    // Drawn as a window of the track; read by scrolling, its rows are the
    // timed sections in course order.
    let rows = app.list_rows("[data-testid='timeline']").await;
    let listed = ids_of(&rows, "timeline-item");
    let timeline = pilgi_core::Timeline::of(&pilgi_core::Corpus::load(&app.notes));
    let expected = timed_ids(&timeline);
    assert_eq!(listed, expected);
    app.js("document.querySelector(\"[data-testid='timeline']\").scrollTop = 0")
        .await;
    // Longer lectures get longer segments.
    let item = |i: usize| format!("[data-testid='timeline-item'][data-id='{}']", expected[i]);
    let long = app.wait_css(&item(18)).await; // 27: 16:09
    let short = app.wait_css(&item(16)).await; // 25: 0:01
    let (long_h, short_h) = (
        long.rectangle().await.expect("rect").3,
        short.rectangle().await.expect("rect").3,
    );
    assert!(long_h > short_h * 3.0, "{long_h} vs {short_h}");
    app.shot("timeline").await;
    long.click().await.expect("click item");
    let title = app.wait_css("[data-testid='reader'] h1").await;
    assert!(title.text().await.expect("title").contains("ReplicaSets"));
    app.close().await;
}

#[tokio::test]
async fn commands_view_filters_and_copies() {
    let app = App::launch("commands", &bundled_notes()).await;
    app.click("[data-testid='nav-commands']").await;
    app.wait_css("[data-testid='command-item']").await;
    let all = app.list_count("[data-testid='commands']").await;
    assert!(all > 20, "{all} commands");
    let filter = app.wait_css("[data-testid='command-filter']").await;
    filter.send_keys("etcdctl").await.expect("type");
    // The list is redrawn as the keys arrive: wait for the one that answers
    // the whole word (reading an older one can meet replaced elements).
    app.eventually("filtered list", || async {
        let texts = command_texts(&app).await;
        !texts.is_empty() && texts.len() < all && texts.iter().all(|t| t.contains("etcdctl"))
    })
    .await;
    // The same analysis as search: etcdctl typed with the Korean layout on.
    filter.clear().await.expect("clear");
    filter.send_keys("ㄷㅅㅊㅇㅊ시").await.expect("type");
    app.eventually("layout-converted filter", || async {
        let texts = command_texts(&app).await;
        !texts.is_empty() && texts.iter().all(|t| t.contains("etcdctl"))
    })
    .await;
    app.shot("commands").await;
    let copy = app
        .client
        .find(Locator::Css("[data-testid='copy-command']"))
        .await
        .expect("copy button");
    copy.click().await.expect("click copy");
    app.eventually("copied feedback", || async {
        let status = app
            .js("return document.getElementById('status').textContent")
            .await;
        status
            .as_str()
            .is_some_and(|s| s.starts_with("Copied: ") && s.contains("etcdctl"))
    })
    .await;
    app.close().await;
}

/// The text of every command in the Commands view, read in one script (a
/// redraw between WebDriver calls cannot leave stale elements behind).
async fn command_texts(app: &App) -> Vec<String> {
    let texts = app
        .js("return [...document.querySelectorAll(\"[data-testid='command-item'] code\")].map((c) => c.textContent)")
        .await;
    serde_json::from_value(texts).unwrap_or_default()
}
