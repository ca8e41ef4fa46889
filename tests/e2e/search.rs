//! Search as you type in the real window: Korean with particles, an English
//! typo, the wrong keyboard layout; Enter opens the top hit in the reader.

use crate::app::{bundled_notes, App};
use fantoccini::key::Key;

/// The id of lecture `n` in the bundled notes.
fn lecture(n: u32) -> String {
    format!("cka-course-notes#{n}")
}

#[tokio::test]
async fn queries_of_every_kind_put_the_right_section_first() {
    let app = App::launch("search", &bundled_notes()).await;
    // Korean with particles: the notes say 컨테이너의 상태를 확인하고, 재실행하는.
    let ids = app.search("컨테이너를 재실행").await;
    assert_eq!(ids.first(), Some(&lecture(10)), "korean particles: {ids:?}");
    app.shot("korean").await;

    // An English typo.
    let ids = app.search("replcaset").await;
    assert_eq!(ids.first(), Some(&lecture(27)), "typo: {ids:?}");

    // 이미지 typed with the English layout; the UI says what it searched.
    let ids = app.search("dlalwl").await;
    assert_eq!(ids.first(), Some(&lecture(14)), "keyboard layout: {ids:?}");
    let said = app.wait_css("[data-testid='interpretation']").await;
    assert!(said.text().await.expect("text").contains("이미지"));
    app.shot("layout").await;

    // Enter opens the top hit, with its commands rendered as code.
    let ids = app.search("etcdctl snapshot").await;
    assert_eq!(ids.first(), Some(&lecture(13)), "{ids:?}");
    let input = app.wait_css("[data-testid='search-input']").await;
    input
        .send_keys(&char::from(Key::Enter).to_string())
        .await
        .expect("enter");
    let title = app.wait_css("[data-testid='reader'] h1").await;
    assert!(title
        .text()
        .await
        .expect("title")
        .contains("ETCD - Commands"));
    let commands = app.all("[data-testid='reader'] .command code").await;
    assert!(commands.len() >= 2, "commands shown as code");
    let marked = app.all("[data-testid='reader'] mark").await;
    assert!(!marked.is_empty(), "query terms are marked in the reader");
    app.shot("reader").await;

    // Esc clears the query and brings back the sections list (the results
    // cover it while a query is active).
    input
        .send_keys(&char::from(Key::Escape).to_string())
        .await
        .expect("esc");
    app.eventually("sections list back after Esc", || async {
        let shown = "const hidden = (id) => document.getElementById(id).hidden; \
                     return hidden('panel-results') && !hidden('panel-sections')";
        app.js(shown).await == serde_json::Value::Bool(true)
    })
    .await;
    app.close().await;
}

#[tokio::test]
async fn junk_queries_never_break_the_list() {
    let app = App::launch("search-junk", &bundled_notes()).await;
    for junk in [
        "\"",
        "*",
        "(",
        "ㅋ",
        "🙂",
        "a\\b[c",
        "x".repeat(5000).as_str(),
    ] {
        let _ = app.search_pasted(junk).await;
        let status = app.wait_css("#status").await.text().await.expect("status");
        assert!(!status.contains("error"), "{junk:?}: {status}");
    }
    app.close().await;
}
