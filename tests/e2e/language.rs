//! The interface speaks Korean or English: the system locale decides at
//! launch, the settings switch the open windows at once and are
//! remembered, and neither language's labels are cut or overflow at the
//! default size or at 800×600.

use crate::app::{bundled_notes, App};

/// The tabs, the empty reader, the status line and the settings sheet's
/// title, as the window shows them.
async fn texts(app: &App) -> serde_json::Value {
    app.js(
        "const text = (css) => document.querySelector(css)?.textContent.trim() ?? null;
         return {
           lang: document.documentElement.lang,
           tabs: [...document.querySelectorAll('.tabs [role=tab]')].map((t) => t.textContent.trim()),
           empty: text('#reader .empty'),
           status: text('#status'),
           settings: text('#settings h2'),
         };",
    )
    .await
}

/// UI text that is cut (wider than its box) or sticks out of the window:
/// labels, headings, hints, buttons, the status line.
async fn cut_or_overflowing(app: &App) -> Vec<String> {
    let found = app
        .js(
            "const bad = [];
             if (document.documentElement.scrollWidth > innerWidth) bad.push('the page scrolls sideways');
             const labels = '.tabs [role=tab], #status, .empty p, .settings h2, .settings h3, '
               + '.settings p.hint, .settings button, .settings label, .topbar input';
             for (const e of document.querySelectorAll(labels)) {
               const r = e.getBoundingClientRect();
               if (r.width === 0) continue; // not shown
               if (e.scrollWidth > e.clientWidth + 1) bad.push(`cut: ${e.textContent.trim() || e.outerHTML.slice(0, 60)}`);
               if (r.right > innerWidth + 1) bad.push(`outside the window: ${e.textContent.trim()}`);
             }
             return bad;",
        )
        .await;
    serde_json::from_value(found).unwrap_or_default()
}

/// Opens the settings sheet and waits for it.
async fn open_settings(app: &App) {
    app.click("[data-testid='open-settings']").await;
    app.wait_css("#settings:not([hidden]) .sheet h2").await;
}

/// Checks both sizes with the settings open and closed, with screenshots.
async fn fits(app: &App, lang: &str) {
    for (width, height) in [(1200, 800), (800, 600)] {
        app.client
            .set_window_size(width, height)
            .await
            .expect("resize");
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        assert_eq!(
            cut_or_overflowing(app).await,
            Vec::<String>::new(),
            "{lang} {width}×{height}"
        );
        app.shot(&format!("{lang}-{width}x{height}")).await;
        open_settings(app).await;
        assert_eq!(
            cut_or_overflowing(app).await,
            Vec::<String>::new(),
            "{lang} {width}×{height} settings"
        );
        app.shot(&format!("{lang}-{width}x{height}-settings")).await;
        app.click("[data-testid='close-settings']").await;
    }
}

#[tokio::test]
async fn a_korean_locale_gets_the_korean_interface() {
    let app = App::launch_with("language-ko", &bundled_notes(), &[("LANG", "ko_KR.UTF-8")]).await;
    open_settings(&app).await;
    let ko = texts(&app).await;
    assert_eq!(ko["lang"], "ko");
    assert_eq!(
        ko["tabs"],
        serde_json::json!(["섹션", "타임라인", "북마크", "명령어", "복습"])
    );
    assert!(
        ko["empty"]
            .as_str()
            .unwrap_or("")
            .contains("섹션을 고르거나"),
        "{ko}"
    );
    assert!(
        ko["status"].as_str().unwrap_or("").starts_with("섹션 39개"),
        "{ko}"
    );
    assert_eq!(ko["settings"], "설정");
    app.click("[data-testid='close-settings']").await;
    fits(&app, "ko").await;

    // The lookup window speaks it too: its hints and its title.
    app.launch_again(&["--lookup"], &[("LANG", "ko_KR.UTF-8")])
        .await;
    app.eventually("the lookup window opens", || async {
        app.client.windows().await.is_ok_and(|w| w.len() == 2)
    })
    .await;
    let main = app.client.window().await.expect("main window");
    let windows = app.client.windows().await.expect("windows");
    let lookup = windows
        .into_iter()
        .find(|w| *w != main)
        .expect("a second window");
    app.client
        .switch_to_window(lookup)
        .await
        .expect("to the lookup window");
    app.wait_css("#status kbd").await;
    let said = app
        .js(
            "return [document.title, document.getElementById('status').textContent,
                     document.getElementById('lookup-input').placeholder]",
        )
        .await;
    app.client.switch_to_window(main).await.expect("back");
    assert_eq!(said[0], "Pilgi 빠른 찾기");
    assert!(
        said[1].as_str().unwrap_or("").contains("명령어 복사"),
        "{said}"
    );
    assert_eq!(said[2], "명령어 또는 섹션");
    app.close().await;
}

#[tokio::test]
async fn the_settings_switch_the_language_at_once_and_remember_it() {
    let app = App::launch("language-switch", &bundled_notes()).await;
    let en = texts(&app).await;
    assert_eq!(en["lang"], "en");
    assert_eq!(
        en["tabs"],
        serde_json::json!(["Sections", "Timeline", "Bookmarks", "Commands", "Review"])
    );
    assert!(
        en["status"]
            .as_str()
            .unwrap_or("")
            .starts_with("39 sections"),
        "{en}"
    );
    fits(&app, "en").await;

    // An open section and the query are kept across the switch.
    app.search("etcd").await;
    open_settings(&app).await;
    app.click("[data-testid='language-ko']").await;
    app.eventually("the window speaks Korean", || async {
        texts(&app).await["lang"] == "ko"
    })
    .await;
    app.wait_css("body[data-ready='true']").await;
    app.wait_css("#settings:not([hidden]) [data-testid='language-ko'][aria-pressed='true']")
        .await;
    let query = app
        .js("return document.getElementById('search').value")
        .await;
    assert_eq!(query, "etcd", "the query survives the switch");
    app.shot("switched-to-ko").await;

    // Killed and launched again, still in the system's English locale:
    // the choice holds.
    let app = app.relaunched().await;
    let again = texts(&app).await;
    assert_eq!(again["lang"], "ko", "{again}");
    assert_eq!(again["tabs"][0], "섹션");

    // Back to following the system.
    open_settings(&app).await;
    app.click("[data-testid='language-system']").await;
    app.eventually("the window speaks English again", || async {
        texts(&app).await["lang"] == "en"
    })
    .await;
    app.close().await;
}
