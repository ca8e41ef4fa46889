//! The Review view in the real window: a section bookmarked as confusing
//! is due at once; Space shows it in the reader, 3 grades it Good, and the
//! due count drops; the grade is in the store the CLI reads.

use crate::app::{bundled_notes, App};
use pilgi_core::bookmarks::Store;

#[tokio::test]
async fn a_confusing_section_is_reviewed_with_the_keyboard() {
    let app = App::launch("review", &bundled_notes()).await;
    app.click("[data-testid='section-item'][data-id='cka-course-notes#44']")
        .await;
    app.js("document.getElementById('reader').focus()").await;
    app.wait_css("[data-testid='reader']")
        .await
        .send_keys("b")
        .await
        .expect("press b");
    app.wait_css("[data-testid='bookmark-toggle'][aria-pressed='true']")
        .await;
    app.wait_css("[data-testid='nav-review'][data-count='1']")
        .await;
    app.click("[data-testid='nav-review']").await;
    app.wait_css("[data-testid='review-item'][data-id='cka-course-notes#44']")
        .await;
    app.shot("review-prompt").await;
    // Keys go to the page (the tab button has the focus after the click).
    let body = app.wait_css("body").await;
    body.send_keys(" ").await.expect("press Space");
    app.wait_css("[data-testid='grade-good']:not([disabled])")
        .await;
    app.eventually("the reader shows the answer", || async {
        app.js("return document.getElementById('reader').dataset.sectionId")
            .await
            == "cka-course-notes#44"
    })
    .await;
    body.send_keys("3").await.expect("press 3");
    app.wait_css("[data-testid='review-empty']").await;
    app.wait_css("[data-testid='nav-review'][data-count='0']")
        .await;
    app.shot("review-done").await;
    let data = app.root.path().join("data/pilgi");
    let store = Store::open(&data).expect("store");
    let reviews = &store.file().reviews;
    assert_eq!(reviews.len(), 1, "one grade, in the store the CLI reads");
    assert_eq!(reviews[0].id.as_str(), "cka-course-notes#44");
    app.close().await;
}
