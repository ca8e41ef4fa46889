//! The renderer over the seed notes and hand-written fixtures: snapshots of
//! the HTML, the promises the snapshots cannot show at a glance (nothing
//! from the source is lost, hostile HTML never survives), and pathological
//! input that must render in bounded time without panicking.

use pilgi_core::links::Links;
use pilgi_core::note::parse;
use pilgi_core::render::{render_note, render_section, render_text, RenderOptions};
use pilgi_core::Corpus;
use proptest::prelude::*;
use std::path::Path;
use std::sync::Arc;

const SEED: &str = include_str!("../../../notes/cka-course-notes.txt");

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/render")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn render_file(name: &str, opts: &RenderOptions) -> String {
    render_note(&parse(name, &fixture(name)), opts)
}

/// Snapshots leave out glossary-term wrappers: the glossary is data another
/// module owns and grows, and its tagging is asserted on its own below.
fn snapshot(name: &str, html: &str) {
    let html = without_terms(html);
    insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(name, html);
    });
}

/// Removes `<span class="term" data-term="…">` and its matching `</span>`.
fn without_terms(html: &str) -> String {
    const OPEN: &str = "<span class=\"term\" data-term=\"";
    let mut out = String::with_capacity(html.len());
    // For each open <span>: whether it is a term wrapper being dropped.
    let mut spans: Vec<bool> = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find('>').map_or(rest.len(), |e| e + 1);
        let tag = &rest[..end];
        if tag.starts_with(OPEN) {
            spans.push(true);
        } else if tag.starts_with("<span") {
            spans.push(false);
            out.push_str(tag);
        } else if tag == "</span>" {
            if !spans.pop().unwrap_or(false) {
                out.push_str(tag);
            }
        } else {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The markup of a rendering: every `<…>` tag, lowercased.
fn tags_of(html: &str) -> Vec<String> {
    html.split('<')
        .skip(1)
        .map(|rest| rest.split('>').next().unwrap_or("").to_lowercase())
        .collect()
}

/// The text a reader sees: tags removed (block-level ones leave a space),
/// entities decoded.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut tag = String::new();
    let mut in_tag = false;
    let mut href_pending = String::new();
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                tag.clear();
            }
            '>' if in_tag => {
                in_tag = false;
                // An image's alt text stands for it.
                if let Some(alt) = tag
                    .strip_prefix("img ")
                    .and_then(|t| t.split("alt=\"").nth(1))
                {
                    out.push(' ');
                    out.push_str(alt.split('"').next().unwrap_or(""));
                }
                // A link's address is part of what the reader can see
                // (it follows the link text, as in the source).
                if let Some(href) = tag.split("href=\"").nth(1) {
                    href_pending = href.split('"').next().unwrap_or("").to_owned();
                } else if tag == "/a" {
                    // `#` is a note link's: no address to see.
                    let href = std::mem::take(&mut href_pending);
                    if !href.is_empty() && href != "#" {
                        out.push(' ');
                        out.push_str(&href);
                    }
                }
                let name: String = tag
                    .trim_start_matches('/')
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect();
                if !matches!(
                    name.as_str(),
                    "span" | "code" | "mark" | "em" | "strong" | "a" | "dfn" | "del"
                ) {
                    out.push(' ');
                }
            }
            _ if in_tag => tag.push(c),
            _ => out.push(c),
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Runs of letters and digits (any script): what must survive rendering.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Every word of the source appears in the rendering, in order (the
/// rendering may add some: `copy`, `Preview`, a re-indented manifest).
/// List numbers are not words: `<ol start>` carries them.
fn assert_nothing_lost(source: &str, html: &str) {
    let rendered = words(&visible_text(html));
    let source: String = source
        .lines()
        .map(|l| {
            let t = l.trim_start();
            let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            match t[digits..]
                .strip_prefix(". ")
                .or_else(|| t[digits..].strip_prefix(") "))
            {
                Some(rest) if digits > 0 => rest,
                _ => l,
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut at = 0;
    for w in words(&source) {
        match rendered[at..].iter().position(|r| *r == w) {
            Some(k) => at += k + 1,
            None => panic!(
                "{w:?} lost (after {:?})",
                rendered.get(at.saturating_sub(3)..at)
            ),
        }
    }
}

#[test]
fn seed_note_snapshot() {
    let note = parse("cka-course-notes.txt", SEED);
    let html = render_note(&note, &RenderOptions::default());
    let bodies: Vec<&str> = std::iter::once(note.preamble.as_str())
        .chain(note.sections.iter().map(|s| s.body.as_str()))
        .collect();
    assert_nothing_lost(&bodies.join("\n"), &html);
    assert_eq!(
        html.matches("data-section-id=").count(),
        note.sections.len()
    );
    snapshot("seed_note", &html);
}

#[test]
fn seed_sections_render_alone() {
    let note = parse("cka-course-notes.txt", SEED);
    for s in &note.sections {
        let html = render_section(s, &RenderOptions::default());
        assert_nothing_lost(&s.body, &html);
        assert!(html.starts_with("<div class=\"pilgi-note\">"), "{}", s.id);
    }
    // Two sections that show most of the dialect, on their own.
    let by_number = |n: u32| {
        note.sections
            .iter()
            .find(|s| s.number == Some(n))
            .expect("seed section")
    };
    snapshot(
        "seed_section_15",
        &render_section(by_number(15), &RenderOptions::default()),
    );
    snapshot(
        "seed_section_43",
        &render_section(by_number(43), &RenderOptions::default()),
    );
}

#[test]
fn seed_dialect_features() {
    let html = render_note(&parse("cka.txt", SEED), &RenderOptions::default());
    // Commands stand out with a copy action; prose about kubectl does not.
    assert!(html.contains("data-copy=\"k get pod -n kube-systm kube-contoller-manager-master\""));
    assert!(html.contains(
        "data-copy=\"kubectl create deployment nginx --image=nginx --dry-run=client -o yaml &gt; nginx-deployment.yaml\""
    ));
    assert_eq!(
        html.matches("class=\"copy\"").count(),
        28 + 3,
        "28 commands, 3 YAML blocks"
    );
    assert!(!html.contains("data-copy=\"kubectl vs yaml\""));
    // Comments are not headings.
    assert!(!html.contains("<h1") && !html.contains("<h3"));
    assert!(html.contains("<p class=\"comment\"><span class=\"comment-mark\">#</span>"));
    // Term definitions and the flattened manifest, re-indented.
    assert!(html.contains("<dl class=\"terms\">"));
    assert!(html.contains("<span class=\"yaml-note\">re-indented</span>"));
    assert!(html.contains("metada:\n  name: compute-quota"));
    // Numbered list items are lists, not sections.
    assert!(html.contains("<ol>\n<li>"));
    assert!(html.contains("<span lang=\"ko\">"));
    assert!(html.contains("data-term=\"pod\""));
}

#[test]
fn fixtures_snapshots() {
    for name in [
        "lists.txt",
        "yaml.txt",
        "commands.txt",
        "comments.txt",
        "hostile.txt",
        "emoji_long.txt",
        "markdown.md",
    ] {
        let html = render_file(name, &RenderOptions::default());
        let source = fixture(name);
        if name != "hostile.txt" {
            let note = parse(name, &source);
            let bodies: Vec<&str> = std::iter::once(note.preamble.as_str())
                .chain(note.sections.iter().map(|s| s.body.as_str()))
                .collect();
            assert_nothing_lost(&bodies.join("\n"), &html);
        }
        snapshot(&format!("fixture_{}", name.replace('.', "_")), &html);
    }
}

#[test]
fn hostile_html_is_never_markup() {
    let html = render_file("hostile.txt", &RenderOptions::default());
    for tag in tags_of(&html) {
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| !c.is_whitespace())
            .collect();
        assert!(
            !["script", "style", "iframe", "img", "svg", "b", "!--", "object", "embed"]
                .contains(&name.as_str()),
            "<{tag}> survived:\n{html}"
        );
        // Attribute names, with the (escaped) values cut out.
        let names: Vec<&str> = tag
            .split('"')
            .step_by(2)
            .flat_map(str::split_whitespace)
            .skip(1)
            .map(|a| a.trim_end_matches('='))
            .collect();
        for attr in names {
            assert!(
                !attr.starts_with("on") && attr != "src" && attr != "style",
                "{attr} in <{tag}>"
            );
        }
        assert!(
            !tag.contains("href=\"javascript:") && !tag.contains("href=\"data:"),
            "<{tag}>"
        );
    }
    assert!(!html.contains("evil.example/pixel"));
    // Raw HTML is shown as text: the reader still sees what was written.
    assert!(html.contains("&lt;script&gt;alert"));
    assert!(html.contains("[tracker]"));
    assert!(html.contains(
        "<a href=\"https://kubernetes.io/docs\" title=\"docs\" rel=\"noopener noreferrer\">"
    ));
}

#[test]
fn search_terms_are_marked_in_text_only() {
    let opts = RenderOptions {
        mark: vec![
            "파드".into(),
            "dry-run".into(),
            "class".into(),
            "copy".into(),
        ],
        ..Default::default()
    };
    let html = render_text("파드를 만듦\nkubectl run x --dry-run=client -o yaml", &opts);
    assert!(html.contains("<mark>파드</mark>"));
    assert!(html.contains("--<mark>dry-run</mark>=client"));
    // Not inside attributes or markup, not in the button's label.
    assert!(!html.contains("<mark>class"));
    assert!(html.contains("data-copy=\"kubectl run x --dry-run=client -o yaml\""));
    assert!(!html.contains("<mark>copy"));
}

#[test]
fn markdown_files_get_headings() {
    // Markdown headings cut the note into sections, each under its own
    // heading at its level; the note's `# Title` is its own section.
    let html = render_file("markdown.md", &RenderOptions::default());
    assert!(html.contains("<section class=\"note-section\" data-section-id=\"markdown\" data-level=\"1\">\n<h1><span lang=\"en\">Etcd backup</span></h1>"), "{html}");
    assert!(html.contains("<section class=\"note-section\" data-section-id=\"markdown#steps\" data-level=\"2\">\n<h2 id=\"note-steps\">"), "{html}");
    assert!(!html.contains("section-header"), "no course header: {html}");
    // A shell fence's commands copy one by one, the block as a whole too.
    assert!(html.contains("<span class=\"command\" data-tool=\"etcdctl\"><code>etcdctl snapshot status /tmp/s.db -w table</code><button class=\"copy\""));
    assert_eq!(html.matches("class=\"copy\"").count(), 2 + 1 + 1 + 1);
    // Course text keeps its dialect: `#` is a comment unless asked.
    let text = render_text("# Title", &RenderOptions::default());
    assert!(text.contains("class=\"comment\""));
    let forced = render_text(
        "# Title",
        &RenderOptions {
            markdown_headings: true,
            ..Default::default()
        },
    );
    assert!(forced.contains("<h3>"));
}

/// The Markdown fixture folder, loaded, with its links.
fn vault() -> (Corpus, RenderOptions) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/render/vault");
    let corpus = Corpus::load(&root);
    assert!(corpus.warnings().next().is_none());
    let opts = RenderOptions {
        links: Some(Arc::new(Links::new(&corpus))),
        ..Default::default()
    };
    (corpus, opts)
}

/// The vault, loaded once for the property tests.
fn vault_once() -> &'static (Corpus, RenderOptions) {
    static VAULT: std::sync::OnceLock<(Corpus, RenderOptions)> = std::sync::OnceLock::new();
    VAULT.get_or_init(vault)
}

fn vault_note(corpus: &Corpus, file: &str, opts: &RenderOptions) -> String {
    let note = corpus
        .note(file)
        .unwrap_or_else(|| panic!("{file} not loaded"));
    let html = render_note(note, opts);
    // What the index shows of each section, the reader shows too.
    for s in &note.sections {
        assert_nothing_lost(&s.text(), &html);
    }
    html
}

#[test]
fn markdown_vault_snapshots() {
    let (corpus, opts) = vault();
    for file in [
        "study/week1.md",
        "k8s-ko-docs/concepts/workloads/pods/pod-lifecycle.md",
        "courses/cka.md",
    ] {
        let html = vault_note(&corpus, file, &opts);
        let name = file.rsplit('/').next().unwrap_or(file).replace('.', "_");
        snapshot(&format!("vault_{name}"), &html);
    }
}

#[test]
fn markdown_vault_links_and_images() {
    let (corpus, opts) = vault();
    let html = vault_note(&corpus, "study/week1.md", &opts);
    let lifecycle = "k8s-ko-docs/concepts/workloads/pods/pod-lifecycle";
    // Wiki, relative and site-absolute links reach the same note.
    assert!(html.contains(&format!("<a class=\"note-link\" href=\"#\" data-target=\"{lifecycle}\" rel=\"noopener noreferrer\">")));
    assert_eq!(
        html.matches(&format!("data-target=\"{lifecycle}#restart-policy\""))
            .count(),
        3,
        "{html}"
    );
    assert!(html.contains("data-target=\"study/week1#실습\""));
    assert!(html.contains("<a class=\"note-link unresolved\" title=\"not found in the notes folder: missing.md\" rel=\"noopener noreferrer\">"));
    assert!(html.contains("<a href=\"https://kubernetes.io/ko/docs/\" class=\"external\" data-external=\"https://kubernetes.io/ko/docs/\" title=\"문서\" rel=\"noopener noreferrer\">"));
    // Images: beside the note, found by name, remote, outside.
    assert!(html.contains("<img src=\"pilgi-note://localhost/study/images/pod.png\" alt=\"파드 구조\" loading=\"lazy\" title=\"파드\">"));
    assert!(html.contains("<img src=\"pilgi-note://localhost/assets/diagram.svg\" alt=\"diagram.svg\" loading=\"lazy\">"));
    assert!(html.contains("<span class=\"remote-image\"><span lang=\"ko\">원격 그림</span> <small>remote image</small></span>"));
    assert!(html.contains("<span class=\"image-refused\" title=\"outside the notes folder\"><span lang=\"en\">../../../etc/passwd</span></span>"));
    // Callouts, comments, GFM.
    assert!(html.contains("<aside class=\"callout callout-warning\" data-kind=\"warning\" role=\"note\">\n<p class=\"callout-title\"><span lang=\"ko\">주의</span></p>"));
    assert!(html.contains("<aside class=\"callout callout-note\" data-kind=\"note\" role=\"note\">\n<p class=\"callout-title\"><span lang=\"ko\">접힌 메모</span></p>\n<h3><span lang=\"ko\">안의 제목</span></h3>"));
    assert!(!html.contains("나중에") && !html.contains("&lt;!--"));
    assert!(html.contains("<table>") && html.contains("<th>"));
    assert!(html.contains("<span class=\"task-marker done\" role=\"checkbox\" aria-checked=\"true\" aria-disabled=\"true\">☑</span>"));
    assert!(html.contains("<a href=\"#\" data-footnote=\"note-fn-study-week1-실습-src\" rel=\"noopener noreferrer\">1</a>"));
    assert!(
        html.contains("<div class=\"footnote-definition\" id=\"note-fn-study-week1-실습-src\">")
    );
    assert!(html.contains("<span class=\"tag\" data-tag=\"시험\">"));
    // Shell commands one by one (continuations joined), a session's
    // prompts only, YAML whole.
    assert!(html.contains("data-copy=\"kubectl get pods -A\""));
    assert!(html
        .contains("data-copy=\"kubectl run nginx --image=nginx \\\n  --dry-run=client -o yaml\""));
    assert!(html.contains("<span class=\"prompt\" aria-hidden=\"true\">$ </span><code>kubectl get nodes</code><button class=\"copy\" type=\"button\" data-copy=\"kubectl get nodes\""));
    assert!(!html.contains("data-copy=\"NAME"));
    assert!(html.contains("data-copy=\"apiVersion: v1\nkind: Pod\""));

    // Template tags as callouts, their inline text kept; `{{% heading %}}`.
    let lifecycle_html = vault_note(&corpus, &format!("{lifecycle}.md"), &opts);
    assert!(lifecycle_html.contains("callout-note"));
    assert!(lifecycle_html.contains("<h2 id=\"note-restart-policy\">"));
    assert!(!lifecycle_html.contains("overview"));
    assert!(lifecycle_html.contains("data-target=\"k8s-ko-docs/concepts/workloads/pods/_index\""));
    assert!(lifecycle_html.contains("data-target=\"k8s-ko-docs/concepts/_index\""));
    // A timed heading shows its number and duration as a lecture does.
    let cka = vault_note(&corpus, "courses/cka.md", &opts);
    assert!(cka.contains("<header class=\"section-header\"><span class=\"section-number\">10.</span> <h2 id=\"note-10\" class=\"section-title\">"), "{cka}");
    assert!(
        cka.contains("<span class=\"section-duration\">8:48</span>"),
        "{cka}"
    );

    // Backlinks: who links to the lifecycle note.
    let links = Links::new(&corpus);
    let from: Vec<&str> = links
        .backlinks(&format!("{lifecycle}.md"))
        .iter()
        .map(|(id, _)| id.as_str())
        .collect();
    assert_eq!(from, ["study/week1"]);
    let from: Vec<&str> = links
        .backlinks("study/week1.md")
        .iter()
        .map(|(id, _)| id.as_str())
        .collect();
    assert_eq!(
        from,
        ["courses/cka#10", format!("{lifecycle}#whatsnext").as_str()]
    );
}

#[test]
fn markdown_sections_render_alone() {
    let (corpus, opts) = vault();
    for s in corpus.sections().filter(|s| s.file != "hostile.md") {
        let html = render_section(s, &opts);
        assert!(html.starts_with("<div class=\"pilgi-note\">\n"), "{}", s.id);
        assert!(html.ends_with("</div>\n"), "{}", s.id);
        assert_nothing_lost(&s.text(), &html);
    }
    // Without links the folder is empty: note links are unresolved,
    // images still resolve by their path.
    let week1 = corpus.note("study/week1.md").expect("week1");
    let html = render_note(week1, &RenderOptions::default());
    assert!(!html.contains("data-target="));
    assert!(html.contains("note-link unresolved"));
    assert!(html.contains("<img src=\"pilgi-note://localhost/study/images/pod.png\""));
    assert!(html.contains("<img src=\"pilgi-note://localhost/study/diagram.svg\""));
}

#[test]
fn hostile_markdown_is_never_markup() {
    let (corpus, opts) = vault();
    // Not `vault_note`: what a `<script>` holds is dropped with it here,
    // and is text in the index.
    let html = render_note(corpus.note("hostile.md").expect("hostile.md"), &opts);
    for tag in tags_of(&html) {
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| !c.is_whitespace())
            .collect();
        assert!(
            !["script", "style", "iframe", "svg", "button", "!--", "object", "embed", "input"]
                .contains(&name.as_str()),
            "<{tag}> survived:\n{html}"
        );
        let attrs: Vec<&str> = tag
            .split('"')
            .step_by(2)
            .flat_map(str::split_whitespace)
            .skip(1)
            .map(|a| a.trim_end_matches('='))
            .collect();
        for attr in attrs {
            assert!(
                !attr.starts_with("on") && attr != "style" && attr != "data-copy",
                "{attr} in <{tag}>"
            );
        }
        for (attr, value) in [
            ("href", "href=\""),
            ("src", "src=\""),
            ("data-external", "data-external=\""),
        ] {
            if let Some(v) = tag.split(value).nth(1) {
                let v = v.split('"').next().unwrap_or("");
                let ok = match attr {
                    "src" => {
                        v.starts_with("pilgi-note://localhost/")
                            && !v.contains("..")
                            && !v.contains("%2e")
                    }
                    _ => v == "#" || v.starts_with("https://") || v.starts_with("http://"),
                };
                assert!(ok, "{attr}={v} in <{tag}>");
            }
        }
        assert!(
            !tag.contains("id=\"settings\"") && !tag.contains("id=\"panel-results\""),
            "<{tag}>"
        );
    }
    assert!(!html.contains("evil.example/pixel"));
    assert!(!html.contains("alert(2)") && !html.contains("alert(3)"));
    // Outside the folder: refused images and unresolved links.
    assert_eq!(html.matches("class=\"image-refused\"").count(), 3, "{html}");
    // `![[../../../etc/passwd]]` names no image: a note link, unresolved.
    assert_eq!(
        html.matches("class=\"note-link unresolved\"").count(),
        4,
        "{html}"
    );
    assert!(html.contains("<img src=\"pilgi-note://localhost/assets/diagram.svg\" alt=\"svg\""));
    assert!(
        html.contains("<h2 id=\"note-settings\">")
            && html.contains("<h2 id=\"note-panel-results\">")
    );
}

/// Inputs that have made markdown renderers slow or deep before.
#[test]
fn pathological_inputs_render() {
    let opts = RenderOptions {
        mark: vec!["a".into(), "[".into(), ">".into()],
        markdown_headings: true,
        ..Default::default()
    };
    let deep_list: String = (0..5_000)
        .map(|i| format!("{}- x\n", " ".repeat(i)))
        .collect();
    let deep_quote: String = (0..2_000)
        .map(|i| format!("{}x\n", ">".repeat(i)))
        .collect();
    let cases = [
        ">".repeat(50_000),
        "[".repeat(50_000),
        "]".repeat(50_000),
        format!("{}x{}", "[".repeat(25_000), "](".repeat(25_000)),
        "*".repeat(50_000),
        format!("a{}b", "*_".repeat(25_000)),
        "`".repeat(50_000),
        "<".repeat(50_000),
        "<a>".repeat(20_000),
        "#".repeat(50_000),
        "- ".repeat(25_000),
        "1. ".repeat(20_000),
        "\\".repeat(50_000),
        "$ ".repeat(25_000),
        "a: ".repeat(20_000),
        format!("apiVersion: {}", "a: ".repeat(20_000)),
        "```\n".repeat(10_000),
        "\n".repeat(50_000),
        deep_list,
        deep_quote,
        "파드 ".repeat(20_000),
        "#태그".repeat(20_000),
        // Markdown's own nesting, a thousand deep.
        format!("{}[!note] x\n", "> ".repeat(1_000)),
        (0..1_000)
            .map(|i| format!("{}- x\n", "  ".repeat(i)))
            .collect(),
        format!("{}x\n", "- > ".repeat(1_000)),
        format!("{}x{}", "<div>".repeat(10_000), "</div>".repeat(10_000)),
        "<!--".repeat(20_000),
        "![[".repeat(20_000),
        "[^a]".repeat(20_000),
    ];
    for case in &cases {
        let html = render_text(case, &opts);
        assert!(html.starts_with("<div class=\"pilgi-note\">"));
        let note = parse("x.md", case);
        assert!(render_note(&note, &opts).starts_with("<article"));
        for s in note.sections.iter().take(8) {
            let _ = render_section(s, &opts);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any text renders, and what comes out has no live markup beyond the
    /// allow-list.
    #[test]
    fn any_input_renders(text in "(\\PC|[\\n <>\\[\\]()*_`#$&:|!-]){0,400}", term in "\\PC{0,6}") {
        let opts = RenderOptions { mark: vec![term], ..Default::default() };
        let html = render_text(&text, &opts);
        prop_assert!(!html.to_lowercase().contains("<script"));
        prop_assert!(html.ends_with("</div>\n"));
    }

    /// Markdown-shaped lines, rendered with a folder's links: nothing but
    /// the allow-list comes out, and every image is served from the folder.
    #[test]
    fn markdown_lines_render(lines in prop::collection::vec(
        prop_oneof![
            Just("> [!warning] 주의".to_owned()),
            Just("> ".to_owned()),
            Just("## 제목 {#x}".to_owned()),
            Just("- [x] 할 일".to_owned()),
            Just("```sh".to_owned()),
            Just("```".to_owned()),
            Just("$ kubectl get po".to_owned()),
            Just("| a | b |".to_owned()),
            Just("|---|---|".to_owned()),
            Just("[^1]: 각주".to_owned()),
            Just("{{< note >}}".to_owned()),
            Just("{{< /note >}}".to_owned()),
            Just("<details><summary>s</summary>".to_owned()),
            Just("</details>".to_owned()),
            Just("".to_owned()),
            "(\\[\\[|!\\[|\\[|\\]\\(|\\)|\\]\\]|<|>|\"|/|\\.\\.|#|javascript:|https://|[a-z가-힣 ]){0,12}",
            "\\PC{0,30}",
        ],
        0..40,
    )) {
        let (_, opts) = vault_once();
        let note = parse("study/n.md", &lines.join("\n"));
        let html = render_note(&note, opts);
        let lower = html.to_lowercase();
        prop_assert!(!lower.contains("<script"));
        for attr in ["href=\"", "src=\"", "data-external=\""] {
            for value in lower.split(attr).skip(1) {
                prop_assert!(!value.starts_with("javascript:") && !value.starts_with("data:"), "{attr}{value}");
            }
        }
        for src in html.split("src=\"").skip(1) {
            prop_assert!(src.starts_with("pilgi-note://localhost/"), "{src}");
        }
        prop_assert!(html.ends_with("</article>\n"));
    }

    /// Dialect-shaped lines (the shapes notes are made of), many at once.
    #[test]
    fn dialect_lines_render(lines in prop::collection::vec(
        prop_oneof![
            Just("> 요약".to_owned()),
            Just("# 주석".to_owned()),
            Just("$ k get pods # c".to_owned()),
            Just("kubectl run x --image=y".to_owned()),
            Just("affinity:".to_owned()),
            Just("  nodeAffinity: x".to_owned()),
            Just("apiVersion: v1 kind: Pod metadata: name: x".to_owned()),
            Just("[term] : 정의".to_owned()),
            Just("```".to_owned()),
            Just("".to_owned()),
            "[ ]{0,12}(- |1\\. |\\* )[a-z가-힣 ]{0,10}",
            "\\PC{0,30}",
        ],
        0..60,
    )) {
        let text = lines.join("\n");
        let html = render_note(&parse("n.txt", &text), &RenderOptions::default());
        prop_assert!(html.starts_with("<article"));
    }
}
