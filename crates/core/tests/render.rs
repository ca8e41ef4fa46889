//! The renderer over the seed notes and hand-written fixtures: snapshots of
//! the HTML, the promises the snapshots cannot show at a glance (nothing
//! from the source is lost, hostile HTML never survives), and pathological
//! input that must render in bounded time without panicking.

use pilgi_core::note::parse;
use pilgi_core::render::{render_note, render_section, render_text, RenderOptions};
use proptest::prelude::*;
use std::path::Path;

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
                // A link's address is part of what the reader can see
                // (it follows the link text, as in the source).
                if let Some(href) = tag.split("href=\"").nth(1) {
                    href_pending = href.split('"').next().unwrap_or("").to_owned();
                } else if tag == "/a" {
                    out.push(' ');
                    out.push_str(&std::mem::take(&mut href_pending));
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
        markdown_headings: false,
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
    // Markdown headings cut the note into sections, each under its title.
    let html = render_file("markdown.md", &RenderOptions::default());
    assert!(
        html.contains("data-section-id=\"markdown#steps\""),
        "{html}"
    );
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

/// Inputs that have made markdown renderers slow or deep before.
#[test]
fn pathological_inputs_render() {
    let opts = RenderOptions {
        mark: vec!["a".into(), "[".into(), ">".into()],
        markdown_headings: true,
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
    ];
    for case in &cases {
        let html = render_text(case, &opts);
        assert!(html.starts_with("<div class=\"pilgi-note\">"));
        let _ = render_note(&parse("x.md", case), &opts);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any text renders, and what comes out has no live markup beyond the
    /// allow-list.
    #[test]
    fn any_input_renders(text in "(\\PC|[\\n <>\\[\\]()*_`#$&:|!-]){0,400}", term in "\\PC{0,6}") {
        let opts = RenderOptions { mark: vec![term], markdown_headings: false };
        let html = render_text(&text, &opts);
        prop_assert!(!html.to_lowercase().contains("<script"));
        prop_assert!(html.ends_with("</div>\n"));
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
