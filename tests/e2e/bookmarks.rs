//! Bookmarks in the real window: `b` toggles, the memo is saved to the
//! store the CLI reads, and a bookmark made outside the app appears in it
//! without a restart.

use crate::app::{bundled_notes, App};
use pilgi_core::bookmarks::{Edit, Store};
use pilgi_core::Corpus;

#[tokio::test]
async fn bookmarks_round_trip_between_app_and_store() {
    let app = App::launch("bookmarks", &bundled_notes()).await;
    let data = app.root.path().join("data/pilgi");
    app.bookmark_with_b("cka-course-notes#44").await;
    let memo = app.wait_css("[data-testid='bookmark-memo']").await;
    memo.send_keys("run 과 create 차이 헷갈림")
        .await
        .expect("type memo");
    app.js(
        "document.querySelector('[data-testid=bookmark-memo]').dispatchEvent(new Event('change'))",
    )
    .await;
    let corpus = Corpus::load(&app.notes);
    app.eventually("the memo reaches the store", || async {
        Store::open(&data)
            .ok()
            .and_then(|s| s.get(&corpus, "cka-course-notes#44"))
            .is_some_and(|b| b.memo == "run 과 create 차이 헷갈림")
    })
    .await;

    // Another process (here: the store API the CLI uses) adds a bookmark.
    let mut store = Store::open(&data).expect("store");
    store
        .save(&corpus, "cka-course-notes#13", Edit::default())
        .expect("add 13");
    app.click("[data-testid='nav-bookmarks']").await;
    app.wait_css("[data-testid='bookmark-item'][data-id='cka-course-notes#13']")
        .await;
    app.wait_css("[data-testid='bookmark-item'][data-id='cka-course-notes#44']")
        .await;
    for list in ["sections", "timeline"] {
        assert_eq!(
            app.marked(list, "bookmarked").await,
            ["cka-course-notes#13", "cka-course-notes#44"],
            "the bookmarked sections, and only they, are marked in {list}"
        );
    }
    app.click("[data-testid='nav-bookmarks']").await;
    app.shot("bookmarks").await;

    // The reader's star, clicked: it turns into "★ Bookmarked" with the
    // label and memo editor, though the click left the focus on it.
    app.click("[data-testid='nav-sections']").await;
    app.click("[data-testid='section-item'][data-id='cka-course-notes#10']")
        .await;
    app.click("[data-testid='bookmark-toggle'][aria-pressed='false']")
        .await;
    let star = app
        .wait_css("[data-testid='bookmark-toggle'][aria-pressed='true']")
        .await;
    assert_eq!(star.text().await.expect("star text"), "★ Bookmarked");
    app.wait_css("[data-testid='bookmark-memo']").await;
    let focused = app
        .js("return document.activeElement?.dataset.testid ?? null")
        .await;
    assert_eq!(focused, "bookmark-toggle", "the focus stays on the star");
    app.close().await;
}
