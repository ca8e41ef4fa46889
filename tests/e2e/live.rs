//! Live reload and hostile notes.

use crate::app::{bundled_notes, App};
use std::time::Duration;

#[tokio::test]
async fn editing_a_note_updates_the_open_reader() {
    let app = App::launch("live-reload", &bundled_notes()).await;
    app.click("[data-testid='section-item'][data-id='cka-course-notes#17']")
        .await;
    app.wait_css("[data-testid='reader'][data-section-id='cka-course-notes#17']")
        .await;
    let file = app.notes.join("cka-course-notes.txt");
    let text = std::fs::read_to_string(&file).expect("read note");
    let edited = text.replace(
        "# kubelet.service\n",
        "# kubelet.service\n새로 추가한 줄 fresh-line-42\n",
    );
    assert_ne!(text, edited);
    // How often the views were loaded so far (ui/js/main.js measures each).
    let loads = "return ['timeline', 'commands', 'bookmarks'].map(view => \
                 performance.getEntriesByName(`pilgi:load-${view}`).length)";
    let before = app.js(loads).await;
    std::fs::write(&file, &edited).expect("edit note");
    let start = std::time::Instant::now();
    app.eventually("the reader shows the edit", || async {
        let body = app
            .js("return document.getElementById('reader').textContent")
            .await;
        body.as_str().is_some_and(|b| b.contains("fresh-line-42"))
    })
    .await;
    let took = start.elapsed();
    assert!(took < Duration::from_secs(2), "live reload took {took:?}");
    // Text under a heading changed nothing the lists show: they were not
    // loaded again (at 100k sections that took seconds), and still mark
    // the open section.
    assert_eq!(app.js(loads).await, before, "no view was loaded again");
    for list in ["sections", "timeline"] {
        assert_eq!(
            app.marked(list, "current").await,
            ["cka-course-notes#17"],
            "the open section stays marked in {list}"
        );
    }
    // A heading renamed: the lists are drawn again, with it.
    let corpus = pilgi_core::Corpus::load(&app.notes);
    let title = &corpus.section("cka-course-notes#17").expect("#17").title;
    let renamed: String = edited
        .split_inclusive('\n')
        .map(|l| match l.starts_with("17. ") {
            true => l.replacen(title.as_str(), "Renamed Lecture", 1),
            false => l.to_owned(),
        })
        .collect();
    assert_ne!(renamed, edited);
    std::fs::write(&file, renamed).expect("rename");
    app.click("[data-testid='nav-timeline']").await;
    app.eventually("the timeline shows the new heading", || async {
        app.js("return document.querySelector(\"[data-testid='timeline-item'][data-id='cka-course-notes#17']\")?.textContent ?? ''")
            .await
            .as_str()
            .is_some_and(|t| t.contains("Renamed Lecture"))
    })
    .await;
    assert_ne!(app.js(loads).await, before, "the views were loaded again");
    app.click("[data-testid='nav-sections']").await;
    // The new words are searchable too.
    let ids = app.search("fresh-line-42").await;
    assert_eq!(ids.first().map(String::as_str), Some("cka-course-notes#17"));
    app.close().await;
}

#[tokio::test]
async fn a_hostile_note_runs_no_script_and_cannot_navigate() {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(
        dir.path().join("hostile.md"),
        "1. Hostile 01:00\n\
         <script>document.title='pwned-script'</script>\n\
         <img src=x onerror=\"document.title='pwned-img'\">\n\
         [click me](javascript:document.title='pwned-link')\n\
         <a href=\"https://example.com/\">remote link</a>\n\
         <a href=\"#\" onclick=\"document.title='pwned-click'\">onclick</a>\n\
         <iframe src=\"javascript:document.title='pwned-frame'\"></iframe>\n\
         <style>body{display:none}</style>\n\
         ![remote](https://example.com/x.png)\n\
         <svg onload=\"document.title='pwned-svg'\"><circle r=5 /></svg>\n\
         <form action=\"https://example.com/\"><button>submit</button></form>\n\
         <meta http-equiv=\"refresh\" content=\"0;url=https://example.com/\">\n\
         <base href=\"https://example.com/\">\n\
         <object data=\"https://example.com/x.swf\"></object><embed src=\"https://example.com/x\">\n\
         [data link](data:text/html,<script>document.title='pwned-data'</script>)\n\
         <javascript:document.title='pwned-autolink'>\n\
         <details open ontoggle=\"document.title='pwned-toggle'\"><summary>more</summary>x</details>\n\
         <div style=\"position:fixed;inset:0\" onmouseover=\"document.title='pwned-hover'\">cover</div>\n\
         $ echo '<script>document.title=1</script>'\n",
    )
    .expect("write");
    let app = App::launch("hostile", dir.path()).await;
    let before_title = app.client.title().await.expect("title");
    let before_url = app.client.current_url().await.expect("url");
    app.click("[data-testid='section-item']").await;
    app.wait_css("[data-testid='reader'] .reader-body").await;
    app.shot("opened").await;
    // Click every element the note produced (links, images, code, terms…).
    let everything = app.all("[data-testid='reader'] .reader-body *").await;
    assert!(everything.len() > 10, "the note rendered its lines");
    for element in everything {
        let _ = element.click().await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(app.client.title().await.expect("title"), before_title);
    assert_eq!(app.client.current_url().await.expect("url"), before_url);
    let scripts = app
        .js("return document.querySelectorAll('#reader script, #reader iframe, #reader style, #reader svg, #reader form, #reader meta, #reader base, #reader object, #reader embed, #reader [onerror], #reader [onclick], #reader [onload], #reader [ontoggle], #reader [onmouseover], #reader .reader-body [style]').length")
        .await;
    assert_eq!(scripts, 0);
    let visible = app
        .js("return getComputedStyle(document.body).display")
        .await;
    assert_ne!(visible.as_str(), Some("none"));
    app.close().await;
}

/// The app's watcher vouches for the index it keeps current, so a search
/// from the terminal (the CLI's [`quick_search`], run here in-process on
/// the app's own folders) scans nothing; an edit withdraws that word until
/// it is indexed, and a killed app vouches for nothing.
#[tokio::test]
async fn the_watching_app_vouches_for_its_index_until_it_is_killed() {
    use pilgi_core::library::quick_search;
    let mut app = App::launch("watch-lease", &bundled_notes()).await;
    assert!(!app.search("kubelet").await.is_empty(), "search ready");
    let indexes: Vec<_> = std::fs::read_dir(app.root.path().join("cache/pilgi/index"))
        .expect("index folder")
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(indexes.len(), 1, "{indexes:?}");
    let at = pilgi_core::Locations {
        notes: app.notes.clone(),
        index: indexes[0].clone(),
        data: app.root.path().join("data/pilgi"),
        config: app.root.path().join("config/pilgi"),
    };
    let search = |query: &str| quick_search(&at, query, 5).expect("search");
    app.eventually("the app vouches for its index", || async {
        search("kubelet").vouched
    })
    .await;

    let file = app.notes.join("cka-course-notes.txt");
    let text = std::fs::read_to_string(&file).expect("read note");
    let edited = text.replace(
        "# kubelet.service\n",
        "# kubelet.service\nvouched-line-43\n",
    );
    std::fs::write(&file, edited).expect("edit note");
    // At once, heard or not: a hit from the edited file is checked.
    let now = search("kubelet");
    assert!(!now.vouched, "the hit's file is newer than the app's read");
    assert!(!now.results.hits.is_empty());
    app.eventually("the app vouches again once the edit is indexed", || async {
        let again = search("vouched-line-43");
        again.vouched && again.results.hits.len() == 1
    })
    .await;

    app.stop();
    // The kernel drops the lock once the last of the app's threads is gone.
    let killed = std::time::Instant::now();
    while search("kubelet").vouched {
        assert!(
            killed.elapsed() < Duration::from_secs(10),
            "a killed app's word is not taken"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let after = search("kubelet");
    assert!(!after.results.hits.is_empty());
}
