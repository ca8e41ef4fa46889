//! The window opens and lists the bundled notes' sections.

use crate::app::{bundled_notes, App};
use fantoccini::Locator;

#[tokio::test]
async fn window_lists_sections_and_opens_one() {
    let app = App::launch("smoke", &bundled_notes()).await;
    assert_eq!(
        app.client.title().await.expect("title"),
        "Pilgi — 필기",
        "window title"
    );
    let items = app.all("[data-testid='section-item']").await;
    let expected = pilgi_core::Corpus::load(&app.notes).sections().count();
    assert_eq!(items.len(), expected, "one list item per section");
    assert!(expected > 30, "the bundled notes have their sections");
    assert!(items[1]
        .text()
        .await
        .expect("text")
        .contains("Cluster Architecture"));
    app.shot("sections").await;

    items[1].click().await.expect("click");
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
