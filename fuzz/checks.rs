//! What every fuzz target asserts, in one place: the fuzz targets call these
//! functions, and `crates/core/tests/fuzz_regressions.rs` includes this file
//! (`#[path]`) to replay every saved input in `fuzz/regressions/<target>/`
//! through exactly the same checks as a plain `cargo test`.
//!
//! A check fails by panicking, which is what libFuzzer records as a crash.

#![allow(dead_code)]

use pilgi_core::index::SearchIndex;
use pilgi_core::note::{decode, parse_header, Decoded, Note, Rejected};
use pilgi_core::render::{render_note, render_section, render_text, RenderOptions};
use pilgi_core::Corpus;
use std::collections::HashSet;
use std::path::Path;

/// File names the parser is given: plain, nested with Hangul and spaces,
/// markdown (which turns `#` lines into headings), no extension, dotted.
const NAMES: &[&str] = &["n.txt", "주 2/노트 1.md", "x", "a.b.c.markdown"];

/// Splits fuzz bytes into a control byte and the rest.
fn split(data: &[u8]) -> (u8, &[u8]) {
    match data.split_first() {
        Some((&c, rest)) => (c, rest),
        None => (0, data),
    }
}

// ---------------------------------------------------------------- parse

/// Decoding and parsing arbitrary bytes: never a panic; binary is only
/// refused for NUL bytes; decoded text is LF-only NFC; every line of the
/// text lands in exactly one place (preamble, a header, a body); ids are
/// unique and start with the file's stem.
pub fn parse(data: &[u8]) {
    let (control, bytes) = split(data);
    let name = NAMES[usize::from(control) % NAMES.len()];
    let Some(decoded) = decode_checked(bytes) else {
        return;
    };
    let note = pilgi_core::note::parse(name, &decoded.text);
    check_note(&note, &decoded.text);
}

fn decode_checked(bytes: &[u8]) -> Option<Decoded> {
    match decode(bytes) {
        Err(Rejected::Binary) => {
            let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
            assert!(!utf16, "a UTF-16 file was called binary");
            assert!(bytes.contains(&0), "binary without a NUL byte");
            None
        }
        Ok(d) => {
            assert!(!d.text.contains('\r'), "a CR survived decoding");
            assert!(
                unicode_nfc(&d.text),
                "decoded text is not NFC: {:?}",
                d.text
            );
            Some(d)
        }
    }
}

fn unicode_nfc(text: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    text.nfc().eq(text.chars())
}

fn check_note(note: &Note, text: &str) {
    let mut source: Vec<&str> = text.split('\n').collect();
    if source.last() == Some(&"") {
        source.pop();
    }
    let preamble_len = note.sections.first().map_or(0, |s| s.line_start - 1);
    if preamble_len > 0 {
        assert_eq!(note.preamble, source[..preamble_len].join("\n"), "preamble");
    } else {
        assert!(note.preamble.is_empty(), "preamble without lines");
    }
    assert!(!note.sections.is_empty(), "a note always has a section");
    let mut next = preamble_len + 1;
    let stem = pilgi_core::note::file_stem(&note.file);
    let mut ids = HashSet::new();
    for s in &note.sections {
        assert_eq!(s.line_start, next, "sections tile the file");
        let header = usize::from(s.duration_seconds.is_some());
        if header == 1 {
            let h = parse_header(source[s.line_start - 1]).expect("header line is a header");
            assert_eq!(h.title, s.title);
            assert_eq!(h.number, s.number);
        }
        assert!(s.line_end + 1 >= s.line_start + header, "line range");
        let body = &source[s.line_start - 1 + header..s.line_end];
        assert_eq!(s.body, body.join("\n"), "body of {}", s.id);
        assert!(
            s.id.as_str().starts_with(&stem),
            "id {} not under {stem}",
            s.id
        );
        assert!(ids.insert(s.id.clone()), "duplicate id {}", s.id);
        next = s.line_end + 1;
    }
    assert_eq!(next - 1, source.len(), "every line is covered");
}

// ---------------------------------------------------------------- render

/// Rendering arbitrary bytes (as a note, as loose text and section by
/// section): never a panic, and the HTML is sanitized (see [`check_html`]).
/// The control byte picks the file name, markdown headings and whether the
/// first line is also used as a search query whose terms get `<mark>`ed.
pub fn render(data: &[u8]) {
    let (control, bytes) = split(data);
    let name = NAMES[usize::from(control) % NAMES.len()];
    let Some(decoded) = decode_checked(bytes) else {
        return;
    };
    let text = &decoded.text;
    let mark = if control & 0x10 != 0 {
        pilgi_core::analysis::forms::reader_terms(text.lines().next().unwrap_or(""))
    } else {
        Vec::new()
    };
    let note = pilgi_core::note::parse(name, text);
    // Links of a folder holding just this note: its own anchors and wiki
    // links to itself resolve, everything else is refused.
    let corpus = pilgi_core::Corpus::from_notes(
        std::path::Path::new("/notes"),
        vec![pilgi_core::LoadedNote {
            note: note.clone(),
            hash: String::new(),
        }],
        Vec::new(),
    );
    let opts = RenderOptions {
        mark,
        markdown_headings: control & 0x20 != 0,
        links: Some(std::sync::Arc::new(pilgi_core::links::Links::new(&corpus))),
    };
    check_html(&render_note(&note, &opts));
    check_html(&render_text(text, &opts));
    for s in note.sections.iter().take(64) {
        check_html(&render_section(s, &opts));
    }
}

/// Elements the renderer may emit (the sanitizer's allow-list).
const TAGS: &[&str] = &[
    "a",
    "article",
    "br",
    "button",
    "code",
    "dd",
    "del",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "section",
    "span",
    "strong",
    "ul",
    "abbr",
    "aside",
    "b",
    "blockquote",
    "details",
    "figcaption",
    "figure",
    "i",
    "img",
    "ins",
    "kbd",
    "q",
    "s",
    "samp",
    "small",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "var",
    "wbr",
];

/// Attributes whose value is a URL a browser may load or navigate to.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "srcset",
    "action",
    "formaction",
    "poster",
    "background",
    "cite",
    "data",
    "xlink:href",
    "ping",
];

/// Sanitized-output check: only allow-listed elements; no `<script`; no
/// `on*` event handler, `style` or `src` attribute; URLs only in `href`
/// on `<a>`, with a scheme of http, https or mailto or none: never
/// `javascript:`/`data:`/`vbscript:` (ignoring case, white space and
/// control characters, as browsers do), never
/// protocol-relative (`//host`, which is remote without saying so), and
/// every link carries `rel="noopener noreferrer"`.
///
/// Web links (`https://…` in `<a href>`) are kept by design: a link loads
/// nothing, and the reader never follows a click (ui/js/reader.js). What
/// must never appear is a *remote resource*: any other URL attribute.
pub fn check_html(html: &str) {
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "<script in {html}");
    for tag in tags(html) {
        let Tag {
            name,
            closing,
            attrs,
        } = tag;
        let name = name.to_ascii_lowercase();
        assert!(
            TAGS.contains(&name.as_str()),
            "element <{name}> is not allowed: {html}"
        );
        if closing {
            assert!(attrs.is_empty(), "attributes on </{name}>");
            continue;
        }
        for (attr, value) in &attrs {
            let attr = attr.to_ascii_lowercase();
            assert!(!attr.starts_with("on"), "event handler {attr} on <{name}>");
            assert!(attr != "style", "{attr} on <{name}>");
            if name == "img" && attr == "src" {
                assert!(
                    pilgi_core::links::path_of_note_url(&decode_entities(value)).is_some(),
                    "img src {value}"
                );
                continue;
            }
            if attr == "id" {
                assert!(value.starts_with("note-"), "id {value}");
            }
            if attr == "data-external" {
                let v = decode_entities(value).to_ascii_lowercase();
                assert!(
                    v.starts_with("http://")
                        || v.starts_with("https://")
                        || v.starts_with("mailto:"),
                    "data-external {value}"
                );
            }
            if URL_ATTRIBUTES.contains(&attr.as_str()) {
                assert!(
                    name == "a" && attr == "href",
                    "URL attribute {attr} on <{name}>"
                );
                check_href(value);
            }
        }
        if name == "a" && attrs.iter().any(|(a, _)| a == "href") {
            assert!(
                attrs
                    .iter()
                    .any(|(a, v)| a == "rel" && v == "noopener noreferrer"),
                "link without rel=noopener: {attrs:?}"
            );
        }
    }
}

/// A link target: web, mail or relative (within the notes); nothing a
/// click could execute, nothing protocol-relative.
fn check_href(value: &str) {
    let url = squeeze(&decode_entities(value));
    assert!(
        !url.starts_with("//") && !url.starts_with("/\\") && !url.starts_with("\\"),
        "protocol-relative link {value:?}"
    );
    assert!(
        !url.starts_with("javascript:")
            && !url.starts_with("vbscript:")
            && !url.starts_with("data:"),
        "script or data URL {value:?}"
    );
    if let Some((scheme, _)) = url.split_once(':') {
        if !scheme.contains(['/', '?', '#']) {
            assert!(
                matches!(scheme, "http" | "https" | "mailto"),
                "link scheme {scheme:?} in {value:?}"
            );
        }
    }
}

/// Lowercased, with what browsers strip from URLs removed (ASCII white
/// space and control characters).
fn squeeze(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// The entities html5ever writes in attribute values.
fn decode_entities(value: &str) -> String {
    value
        .replace("&quot;", "\"")
        .replace("&nbsp;", "\u{a0}")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

struct Tag {
    name: String,
    closing: bool,
    attrs: Vec<(String, String)>,
}

/// The tags of serialized HTML (html5ever's output: text has `<` escaped,
/// attribute values are double-quoted with `"` escaped).
fn tags(html: &str) -> Vec<Tag> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        i += off + 1;
        let closing = b.get(i) == Some(&b'/');
        if closing {
            i += 1;
        }
        let start = i;
        while i < b.len() && !matches!(b[i], b' ' | b'>' | b'/' | b'\t' | b'\n') {
            i += 1;
        }
        let name = html[start..i].to_owned();
        assert!(!name.is_empty(), "a bare `<` in HTML output: {html}");
        let mut attrs = Vec::new();
        loop {
            while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'/') {
                i += 1;
            }
            if i >= b.len() {
                panic!("unterminated tag <{name} in {html}");
            }
            if b[i] == b'>' {
                i += 1;
                break;
            }
            let a = i;
            while i < b.len() && !matches!(b[i], b'=' | b' ' | b'>' | b'/') {
                i += 1;
            }
            let attr = html[a..i].to_owned();
            let mut value = String::new();
            if b.get(i) == Some(&b'=') {
                assert_eq!(b.get(i + 1), Some(&b'"'), "unquoted attribute {attr}");
                let v = i + 2;
                let end = html[v..].find('"').expect("closing quote") + v;
                value = html[v..end].to_owned();
                i = end + 1;
            }
            attrs.push((attr, value));
        }
        out.push(Tag {
            name,
            closing,
            attrs,
        });
    }
    out
}

// ---------------------------------------------------------------- query

/// A small real index on disk, built once, for the query target.
pub struct QueryFixture {
    /// The notes it holds.
    pub corpus: Corpus,
    /// Their shell commands.
    pub commands: Vec<pilgi_core::shell::Command>,
    /// The index, in a folder of the caller's.
    pub index: SearchIndex,
}

/// Notes for the query fixture: the bundled course notes plus a note of
/// odd words, so prefixes, glossary terms, 초성, layouts and fuzzy
/// matches all have something to find.
const FIXTURE_NOTES: &[(&str, &str)] = &[
    ("cka.txt", include_str!("../notes/cka-course-notes.txt")),
    (
        "odd/노트 2.md",
        "# 이상한 단어\n1. Quotes \"and\" (parens) Preview01:00\n\
         a*b? c:d [e] {f} ~g^2 +h -i && || ! \\j /k/ 'l'\n\
         2. 파드를 만드는 법 02:00\n$ kubectl run nginx --image=nginx --dry-run=client -o yaml\n\
         ㅋㅌㅇㄴ 컨테이너 dlalwl 이미지 etcd 백업 k8s는 replica가\n",
    ),
];

/// Writes the fixture notes into `dir/notes`, indexes them into
/// `dir/index` and opens the index.
pub fn query_fixture(dir: &Path) -> QueryFixture {
    let notes = dir.join("notes");
    for (name, text) in FIXTURE_NOTES {
        let path = notes.join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, text).expect("write note");
    }
    let corpus = Corpus::load(&notes);
    assert!(corpus.skipped.is_empty(), "{:?}", corpus.skipped);
    let index = SearchIndex::open(&dir.join("index")).expect("open index");
    index.sync(&corpus).expect("sync index");
    assert!(index.num_sections() > 10);
    let commands = pilgi_core::shell::extract(&corpus);
    QueryFixture {
        corpus,
        commands,
        index,
    }
}

/// Any text as a query: never a panic or an error (there is no query
/// syntax to get wrong); at most `limit` hits, each a real section, no
/// duplicates; snippets are escaped text with only `<mark>` tags. The
/// query readings used for highlighting and the commands search must not
/// panic either.
pub fn query(fixture: &QueryFixture, data: &[u8]) {
    let (control, bytes) = split(data);
    let q = String::from_utf8_lossy(bytes);
    let limit = [10, 1, 0, 50][usize::from(control) % 4];
    let results = fixture
        .index
        .search(&q, limit)
        .unwrap_or_else(|e| panic!("search {q:?} failed: {e}"));
    assert_eq!(results.query, q);
    assert!(results.hits.len() <= limit, "more hits than the limit");
    let mut seen = HashSet::new();
    for hit in &results.hits {
        let id = hit.section.id.as_str();
        assert!(seen.insert(id), "duplicate hit {id}");
        let section = fixture
            .corpus
            .section(id)
            .unwrap_or_else(|| panic!("hit {id} is not a section"));
        assert_eq!(section.title, hit.section.title);
        assert!(hit.score.is_finite(), "score {}", hit.score);
        let spans = &hit.snippet.0;
        assert!(spans.iter().all(|s| !s.text.is_empty()), "{spans:?}");
        assert!(
            spans.windows(2).all(|w| w[0].marked != w[1].marked),
            "alike spans not joined: {spans:?}"
        );
    }
    let _ = pilgi_core::analysis::forms::reader_terms(&q);
    let commands = pilgi_core::shell::search(&fixture.corpus, &fixture.commands, &q, limit);
    assert!(commands.len() <= limit);
}
