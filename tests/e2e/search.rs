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

/// Rows are kept across keystrokes and patched in place (ui/js/keyed_list.js):
/// whatever the queries before, the list shows exactly the hits of the
/// current query, in the backend's order, each with its own snippet; a row
/// a refined query keeps is the same element.
#[tokio::test]
async fn the_list_always_shows_the_current_hits_in_order() {
    let app = App::launch("search-rows", &bundled_notes()).await;
    let hits_of = |query: &str| {
        format!(
            "const done = arguments[arguments.length - 1];
             const text = (spans) => spans.map((s) => s.text).join('');
             import('/js/api.js')
               .then((api) => api.search({}, 20))
               .then((r) => done(r.hits.map((h) => [h.id, text(h.snippet)])));",
            serde_json::Value::from(query)
        )
    };
    let shown = "return [...document.querySelectorAll('[data-testid=result-item]')]
                 .map((e) => [e.dataset.id, e.querySelector('.snippet').textContent])";
    let tag = "document.querySelectorAll('[data-testid=result-item]').forEach((e) => { e.pilgiSeen = true; })";
    let kept = "return [...document.querySelectorAll('[data-testid=result-item]')].filter((e) => e.pilgiSeen).length";
    let input = app.wait_css("[data-testid='search-input']").await;
    // Typed on (rows kept) or typed afresh: refinements, an unrelated query,
    // one with no hits, then back.
    for (query, typed_on) in [
        ("po", ""),
        ("pod", "d"),
        ("pods", "s"),
        ("kubectl get pods", ""),
        ("etcd", ""),
        ("zzqqx", ""),
        ("pod", ""),
    ] {
        app.js(tag).await;
        let ids = if typed_on.is_empty() {
            app.search(query).await
        } else {
            input.send_keys(typed_on).await.expect("type on");
            app.results_for(query).await
        };
        let expected = app
            .client
            .execute_async(&hits_of(query), vec![])
            .await
            .expect("search from the page");
        assert_eq!(
            app.js(shown).await,
            expected,
            "{query:?}: rows vs the backend's hits"
        );
        if query == "pods" {
            assert!(!ids.is_empty(), "pods has hits");
            assert!(
                app.js(kept).await.as_u64() > Some(0),
                "pod → pods keeps rows"
            );
        }
    }

    // Arrow keys scroll the chosen row into view; the next keystroke's
    // results start from the top again.
    let ids = app.search("kubectl").await;
    assert!(ids.len() > 12, "enough hits to scroll: {}", ids.len());
    let scroll_top = "return document.getElementById('panel-results').scrollTop";
    let down = char::from(Key::Down).to_string();
    for _ in 1..ids.len() {
        input.send_keys(&down).await.expect("arrow down");
    }
    app.eventually("the last row scrolled into view", || async {
        app.js(scroll_top).await.as_f64() > Some(0.0)
    })
    .await;
    input.send_keys(" g").await.expect("type on");
    app.results_for("kubectl g").await;
    app.eventually("results start from the top", || async {
        app.js(scroll_top).await.as_f64() == Some(0.0)
    })
    .await;
    app.close().await;
}
