//! The Review view in the real window: a section bookmarked as confusing
//! is due at once; Space shows it in the reader, 3 grades it Good, and the
//! due count drops; the grade is in the store the CLI reads, and the
//! timeline's study map shows the section opened, bookmarked and reviewed.
//! A cloze card made in the reader from a definition line is reviewed the
//! same way.

use crate::app::{bundled_notes, App};
use pilgi_core::bookmarks::Store;

/// The study marks of `id`'s row in list `tab` (`timeline`, `sections`).
async fn study_of(app: &App, tab: &str, id: &str) -> Option<String> {
    app.click(&format!("[data-testid='nav-{tab}']")).await;
    let rows = app.list_rows(&format!("[data-testid='{tab}']")).await;
    rows.into_iter()
        .find(|r| r.id.as_deref() == Some(id))
        .and_then(|r| r.study)
}

#[tokio::test]
async fn a_confusing_section_is_reviewed_with_the_keyboard() {
    let app = App::launch("review", &bundled_notes()).await;
    app.bookmark_with_b("cka-course-notes#44").await;
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

    let id = "cka-course-notes#44";
    app.eventually("the timeline shows the section reviewed", || async {
        study_of(&app, "timeline", id).await.is_some_and(|s| {
            s.contains("reviewed") && s.contains("opened") && s.contains("bookmarked")
        })
    })
    .await;
    app.shot("study-map").await;
    // Graded Good once, still in its first steps: confusing, not retained.
    app.click("[data-testid='nav-sections']").await;
    app.click("[data-testid='filter-needs-work']").await;
    let rows = app.list_rows("[data-testid='sections']").await;
    let sections: Vec<&str> = rows
        .iter()
        .filter(|r| r.testid.as_deref() == Some("section-item"))
        .filter_map(|r| r.id.as_deref())
        .collect();
    assert_eq!(sections, [id], "the filter keeps what is left to learn");
    app.shot("needs-work").await;
    app.close().await;
}

#[tokio::test]
async fn a_cloze_card_from_a_definition_line_is_reviewed() {
    let app = App::launch("cloze", &bundled_notes()).await;
    app.click("[data-testid='section-item'][data-id='cka-course-notes#10']")
        .await;
    // Offered, never made silently: nothing is due until a card is made.
    app.wait_css("[data-testid='cards']")
        .await
        .click()
        .await
        .expect("open the cards");
    app.wait_css("[data-testid='nav-review'][data-count='0']")
        .await;
    let offers = app.all("[data-testid='card-offer']").await;
    assert!(
        offers.len() >= 3,
        "the lecture's [term] : … lines: {}",
        offers.len()
    );
    let front = app
        .js(
            "return [...document.querySelectorAll('[data-testid=card-offer]')]
                .find((li) => li.querySelector('.back').textContent === '→ kubelet')
                .querySelector('.front').textContent",
        )
        .await;
    assert!(
        front
            .as_str()
            .is_some_and(|f| f.starts_with("[?] : cluster의 각 node")),
        "{front}"
    );
    app.js("[...document.querySelectorAll('[data-testid=card-offer]')]
            .find((li) => li.querySelector('.back').textContent === '→ kubelet')
            .querySelector('button').click()")
        .await;
    app.wait_css("[data-testid='card-offer'][data-made='true']")
        .await;
    app.shot("cards").await;
    app.wait_css("[data-testid='nav-review'][data-count='1']")
        .await;
    // An exam in two days: Easy on a new card would wait longer than that.
    let exam = (chrono::Local::now().date_naive() + chrono::Days::new(2)).to_string();
    app.click("[data-testid='open-settings']").await;
    app.js(&format!(
        "document.querySelector('[data-testid=exam-date]').value = '{exam}'"
    ))
    .await;
    app.click("[data-testid='exam-save']").await;
    app.wait_css("[data-testid='settings-message'].ok").await;
    app.shot("settings-exam").await;
    app.click("[data-testid='close-settings']").await;
    app.click("[data-testid='nav-review']").await;
    let cloze = app.wait_css("[data-testid='review-cloze']").await;
    assert_eq!(
        cloze.text().await.expect("cloze"),
        front.as_str().expect("front")
    );
    app.shot("cloze-prompt").await;
    let body = app.wait_css("body").await;
    body.send_keys(" ").await.expect("press Space");
    let answer = app.wait_css("[data-testid='review-answer']").await;
    assert_eq!(answer.text().await.expect("answer"), "kubelet");
    app.shot("cloze-answer").await;
    body.send_keys("4").await.expect("press 4");
    app.wait_css("[data-testid='nav-review'][data-count='0']")
        .await;
    let store = Store::open(&app.root.path().join("data/pilgi")).expect("store");
    assert_eq!(store.file().cards.len(), 1);
    assert_eq!(
        store.file().reviews[0].id.as_str(),
        store.file().cards[0].id
    );
    let due = &store.file().cards[0].schedule.as_ref().expect("graded").due;
    let exam_start = format!("{exam}T00:00:00");
    assert!(*due < exam_start, "due {due}, before the exam on {exam}");
    app.close().await;
}
