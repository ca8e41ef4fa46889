//! A Markdown vault in the real window: a Korean query and a question land
//! on the heading (shown with its path), Enter opens the note scrolled to
//! it, a relative link and a wiki link open the other note inside Pilgi
//! (the window never navigates away), a local image is shown and a remote
//! one is not fetched, and a note saved in CP949 reads as Korean.

use crate::app::App;
use fantoccini::key::Key;
use std::path::Path;

/// `# 파드 정리` / `파드는 쿠버네티스에서 가장 작은 배포 단위이다.`, in CP949
/// (as Notepad on Korean Windows saves it).
const CP949_NOTE: &[u8] = b"# \xC6\xC4\xB5\xE5 \xC1\xA4\xB8\xAE\r\n\r\n\
\xC6\xC4\xB5\xE5\xB4\xC2 \xC4\xED\xB9\xF6\xB3\xD7\xC6\xBC\xBD\xBA\xBF\xA1\xBC\xAD \
\xB0\xA1\xC0\xE5 \xC0\xDB\xC0\xBA \xB9\xE8\xC6\xF7 \xB4\xDC\xC0\xA7\xC0\xCC\xB4\xD9.\r\n";

fn write(root: &Path, rel: &str, content: impl AsRef<[u8]>) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, content).expect("write");
}

/// The fixture vault the test opens: front matter, headings, links of each
/// kind, local and remote images, a callout, a table and a CP949 note.
fn vault(root: &Path) {
    let long = "설명 문단이다. ".repeat(60);
    write(
        root,
        "workloads/deployment.md",
        format!(
            "---\ntitle: 디플로이먼트\ntags: [workload]\n---\n<!-- overview -->\n디플로이먼트는 레플리카셋을 관리한다.\n\n## 디플로이먼트 생성\n\n{long}\n\n![구조도](img/arch.png)\n\n![원격 그림](https://example.com/remote.png)\n\n| 필드 | 뜻 |\n|---|---|\n| replicas | 파드 수 |\n\n## 롤백 {{#rolling-back}}\n\n{long}\n\n> [!warning] 주의\n> 리비전 기록을 남겨야 롤백할 수 있다.\n\n### 이전 리비전으로 되돌리기\n\n```shell\nkubectl rollout undo deployment/nginx --to-revision=2\n```\n\n파드 설명은 [파드 문서](../pods/pod.md#파드-수명)와 [[etcd 백업]]을 본다.\n"
        ),
    );
    write(
        root,
        "pods/pod.md",
        "# 파드\n\n파드는 컨테이너 묶음이다.\n\n## 파드 수명\n\n파드는 Pending에서 Running으로 간다.\n",
    );
    write(
        root,
        "etcd 백업.md",
        "# etcd 백업\n\n스냅샷을 저장한다.\n\n## 복구\n\n```bash\nETCDCTL_API=3 etcdctl snapshot restore /tmp/s.db\n```\n",
    );
    write(root, "windows/파드.md", CP949_NOTE);
    let png = std::process::Command::new("convert")
        .args(["-size", "60x40", "xc:#2f6f5e", "png:-"])
        .output()
        .expect("ImageMagick's convert (scripts/setup installs it)");
    write(root, "workloads/img/arch.png", png.stdout);
}

#[tokio::test]
async fn a_markdown_vault_reads_and_searches_by_heading() {
    let src = tempfile::tempdir().expect("tmp");
    vault(src.path());
    let app = App::launch("markdown", src.path()).await;

    // A Korean query lands on the heading, with its path.
    let ids = app.search("이전 리비전 되돌리기").await;
    assert_eq!(
        ids.first().map(String::as_str),
        Some("workloads/deployment#이전-리비전으로-되돌리기"),
        "{ids:?}"
    );
    let path = app
        .js("const p = document.querySelector('[data-testid=result-item] [data-testid=result-path]');
             return p.offsetHeight > 0 ? p.textContent : 'hidden'")
        .await;
    assert_eq!(path, "workloads/deployment.md › 롤백");
    app.shot("korean").await;

    // A question finds its section too.
    let ids = app.search("etcd 복구는 어떻게 해?").await;
    assert_eq!(
        ids.first().map(String::as_str),
        Some("etcd 백업#복구"),
        "{ids:?}"
    );

    // Enter opens the whole note, scrolled to the heading and lit up.
    let ids = app.search("롤백 리비전").await;
    assert_eq!(
        ids.first().map(String::as_str),
        Some("workloads/deployment#rolling-back"),
        "{ids:?}"
    );
    let input = app.wait_css("[data-testid='search-input']").await;
    input
        .send_keys(&char::from(Key::Enter).to_string())
        .await
        .expect("enter");
    app.eventually("the note opens at the heading", || async {
        app.js(
            "const s = document.querySelector('[data-testid=reader] .current-section');
             if (!s) return false;
             const r = s.getBoundingClientRect(), box = document.getElementById('reader').getBoundingClientRect();
             return s.dataset.sectionId === 'workloads/deployment#rolling-back' && r.top >= box.top - 2 && r.top < box.top + 200",
        )
        .await
            == serde_json::Value::Bool(true)
    })
    .await;
    let callout = app.wait_css("[data-testid='reader'] aside.callout").await;
    assert!(callout.text().await.expect("callout").contains("주의"));
    let outline = app.all("[data-testid='outline'] a").await;
    assert!(outline.len() >= 4, "the note's outline: {}", outline.len());
    app.shot("reader-at-heading").await;

    // The local image is shown; the remote one is not an image at all.
    app.js("document.querySelector('[data-section-id=\"workloads/deployment#디플로이먼트-생성\"]').scrollIntoView()").await;
    app.eventually("the local image loads", || async {
        app.js("const i = document.querySelector('[data-testid=reader] img'); return !!i && i.complete && i.naturalWidth === 60")
            .await
            == serde_json::Value::Bool(true)
    })
    .await;
    let remote = app.js("return [...document.querySelectorAll('[data-testid=reader] img')].some(i => i.src.startsWith('http'))").await;
    assert_eq!(remote, serde_json::Value::Bool(false), "no remote <img>");
    let mark = app.wait_css("[data-testid='reader'] .remote-image").await;
    assert!(mark.text().await.expect("mark").contains("원격 그림"));
    app.shot("images").await;

    // A relative link opens the other note at its heading, in Pilgi.
    let url = app.client.current_url().await.expect("url");
    app.click("[data-testid='reader'] a.note-link[data-target='pods/pod#파드-수명']")
        .await;
    app.eventually("the linked note opens", || async {
        app.js("return document.getElementById('reader').dataset.sectionId")
            .await
            == "pods/pod#파드-수명"
    })
    .await;
    assert_eq!(
        app.client.current_url().await.expect("url"),
        url,
        "the window did not navigate"
    );
    let back = app.all("[data-testid='backlinks'] a").await;
    assert!(!back.is_empty(), "the note lists what links to it");
    app.shot("relative-link").await;

    // Back to the deployment note through its backlink, then the wiki link.
    back[0].click().await.expect("backlink");
    app.click("[data-testid='reader'] a.note-link[data-target^='etcd 백업']")
        .await;
    app.eventually("the wiki link opens its note", || async {
        app.js("return document.getElementById('reader').dataset.sectionId")
            .await
            == "etcd 백업"
    })
    .await;
    assert_eq!(app.client.current_url().await.expect("url"), url);
    app.shot("wiki-link").await;

    // The CP949 note reads as Korean.
    let ids = app.search("쿠버네티스에서 배포 단위").await;
    assert_eq!(
        ids.first().map(String::as_str),
        Some("windows/파드"),
        "{ids:?}"
    );
    input
        .send_keys(&char::from(Key::Enter).to_string())
        .await
        .expect("enter");
    // The reader replaces its body: wait for the note, then read it.
    app.eventually("the CP949 note opens", || async {
        app.js("return document.getElementById('reader').dataset.sectionId")
            .await
            == "windows/파드"
    })
    .await;
    let body = app.wait_css("[data-testid='reader'] .reader-body").await;
    assert!(body
        .text()
        .await
        .expect("text")
        .contains("가장 작은 배포 단위이다"));
    assert!(!body.text().await.expect("text").contains('\u{FFFD}'));
    // The reader says how it was read.
    let said = app.wait_css("[data-testid='note-warnings']").await;
    assert!(said.text().await.expect("warnings").contains("EUC-KR"));
    app.shot("cp949").await;

    // The timeline places the notes without durations by day.
    input
        .send_keys(&char::from(Key::Escape).to_string())
        .await
        .expect("esc");
    app.click("[data-testid='nav-timeline']").await;
    app.wait_css("[data-testid='day-item']").await;
    let days = app.all("[data-testid='day-item']").await;
    assert_eq!(days.len(), 4, "every note on its day");
    app.shot("timeline").await;
    app.close().await;
}

/// The 81 real pages of the Korean Kubernetes docs (`../shared/realworld-dev`,
/// beside the checkout as CI lays it): a Korean query lands on its heading,
/// Hugo's template tags and comments never show, a site-absolute link opens
/// its page inside Pilgi.
#[tokio::test]
async fn the_korean_kubernetes_docs_read_as_notes() {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/realworld-dev/notes");
    assert!(
        docs.is_dir(),
        "{} (shared/ beside the checkout)",
        docs.display()
    );
    let app = App::launch("k8s-docs", &docs).await;
    let ids = app.search("시크릿 디코딩하는 법").await;
    let first = ids.first().cloned().unwrap_or_default();
    assert!(
        first.ends_with("managing-secret-using-kubectl#decoding-secret"),
        "{ids:?}"
    );
    let input = app.wait_css("[data-testid='search-input']").await;
    input
        .send_keys(&char::from(Key::Enter).to_string())
        .await
        .expect("enter");
    let body = app.wait_css("[data-testid='reader'] .reader-body").await;
    app.eventually("the page opens", || async {
        body.text().await.is_ok_and(|t| t.contains("시크릿"))
    })
    .await;
    let text = body.text().await.expect("text");
    for raw in ["{{<", "{{%", "<!--", "glossary_tooltip", "reviewers:"] {
        assert!(!text.contains(raw), "{raw} shown in the reader");
    }
    app.shot("reader").await;
    // A site-absolute link (`/ko/docs/…/`) to another page of the docs.
    let url = app.client.current_url().await.expect("url");
    let before = app
        .js("return document.getElementById('reader').dataset.sectionId")
        .await;
    let links = app
        .all("[data-testid='reader'] .reader-body a.note-link[data-target]")
        .await;
    assert!(!links.is_empty(), "the page links to other pages");
    links[0].click().await.expect("click");
    app.eventually("the linked page opens", || async {
        app.js("return document.getElementById('reader').dataset.sectionId")
            .await
            != before
    })
    .await;
    assert_eq!(app.client.current_url().await.expect("url"), url);
    app.shot("linked-page").await;
    app.close().await;
}
