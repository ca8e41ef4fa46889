//! The last step: ammonia with an allow-list of exactly what the renderer
//! emits. Note text never reaches here as markup of its own (in course
//! notes raw HTML became text in `inline.rs`; in Markdown notes it was
//! rebuilt without attributes in `raw_html.rs`), so this is the second
//! wall, not the first: if a transform ever lets markup through, it still
//! cannot run script, style the app, load anything remote, carry an event
//! handler, or take an id the app's own page uses.

use crate::links::{path_of_note_url, NOTE_SCHEME};
use ammonia::Builder;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// What every id in rendered notes starts with: a note's `## Settings`
/// must not become `id="settings"` and shadow the app's own element of
/// that id (`getElementById` finds the first in the page).
pub const ID_PREFIX: &str = "note-";

const CALLOUTS: &[&str] = &[
    "callout",
    "callout-note",
    "callout-info",
    "callout-tip",
    "callout-important",
    "callout-warning",
    "callout-caution",
    "callout-example",
];

/// Elements the renderer writes, with the classes each may carry.
const CLASSES: &[(&str, &[&str])] = &[
    ("article", &["pilgi-note"]),
    ("section", &["note-section", "preamble"]),
    ("header", &["section-header"]),
    ("h1", &["section-title"]),
    ("h2", &["section-title"]),
    ("h3", &["section-title"]),
    ("h4", &["section-title"]),
    ("h5", &["section-title"]),
    ("h6", &["section-title"]),
    (
        "div",
        &[
            "pilgi-note",
            "command",
            "yaml-block",
            "flat",
            "code-block",
            "footnote-definition",
        ],
    ),
    (
        "span",
        &[
            "section-number",
            "section-duration",
            "section-preview",
            "command",
            "command-label",
            "prompt",
            "command-comment",
            "comment-mark",
            "tag",
            "term",
            "term-sep",
            "image-placeholder",
            "image-refused",
            "remote-image",
            "task-marker",
            "done",
            "yaml-note",
            "code-lang",
        ],
    ),
    ("p", &["summary", "comment", "callout-title"]),
    ("pre", &["command-line", "yaml", "flat", "code"]),
    ("dl", &["terms"]),
    ("dfn", &["term-name"]),
    ("button", &["copy"]),
    ("a", &["note-link", "unresolved", "external"]),
    ("aside", CALLOUTS),
    ("sup", &["footnote-reference", "footnote-definition-label"]),
];

/// Elements without classes (Markdown's, and what a note's raw HTML keeps).
const PLAIN: &[&str] = &[
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "dd",
    "del",
    "details",
    "dt",
    "em",
    "figcaption",
    "figure",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "q",
    "s",
    "samp",
    "small",
    "strong",
    "sub",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
];

/// Attributes beyond `class`, `lang` and `title`.
const ATTRIBUTES: &[(&str, &[&str])] = &[
    (
        "a",
        &["href", "data-target", "data-external", "data-footnote"],
    ),
    ("article", &["data-file"]),
    ("section", &["data-section-id", "data-level"]),
    ("div", &["data-tool", "data-lang", "id"]),
    (
        "span",
        &[
            "data-tag",
            "data-term",
            "data-tool",
            "role",
            "aria-hidden",
            "aria-checked",
            "aria-disabled",
        ],
    ),
    ("button", &["type", "data-copy", "aria-label"]),
    ("ol", &["start"]),
    ("img", &["src", "alt", "loading"]),
    ("aside", &["role", "data-kind"]),
    ("h1", &["id"]),
    ("h2", &["id"]),
    ("h3", &["id"]),
    ("h4", &["id"]),
    ("h5", &["id"]),
    ("h6", &["id"]),
];

/// Ammonia's URL check sees the scheme, not the element: `pilgi-note:` is
/// allowed only as an image's source (and only as a URL naming a file
/// inside the folder), an image's source is only that (nothing remote),
/// and `data-external` (which the app opens in the browser) only a web or
/// mail address.
fn attribute_filter<'u>(element: &str, attribute: &str, value: &'u str) -> Option<Cow<'u, str>> {
    let lower = value.trim_start().to_ascii_lowercase();
    let keep = match (element, attribute) {
        ("img", "src") => path_of_note_url(value).is_some(),
        (_, "href") => !lower.starts_with(&format!("{NOTE_SCHEME}:")),
        (_, "data-external") => ["http://", "https://", "mailto:"]
            .iter()
            .any(|s| lower.starts_with(s)),
        _ => true,
    };
    keep.then_some(Cow::Borrowed(value))
}

fn cleaner() -> &'static Builder<'static> {
    static CLEANER: OnceLock<Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| {
        let classes: HashMap<&str, HashSet<&str>> = CLASSES
            .iter()
            .map(|(tag, cs)| (*tag, cs.iter().copied().collect()))
            .collect();
        let tags: HashSet<&str> = CLASSES
            .iter()
            .map(|(t, _)| *t)
            .chain(PLAIN.iter().copied())
            .collect();
        let attributes: HashMap<&str, HashSet<&str>> = ATTRIBUTES
            .iter()
            .map(|(tag, a)| (*tag, a.iter().copied().collect()))
            .collect();
        let mut b = Builder::default();
        b.tags(tags)
            .tag_attributes(attributes)
            .generic_attributes(["lang", "title"].into_iter().collect())
            .allowed_classes(classes)
            .url_schemes(
                ["http", "https", "mailto", NOTE_SCHEME]
                    .into_iter()
                    .collect(),
            )
            .link_rel(Some("noopener noreferrer"))
            .id_prefix(Some(ID_PREFIX))
            .attribute_filter(attribute_filter);
        b
    })
}

/// Cleans rendered HTML.
pub fn sanitize(html: &str) -> String {
    cleaner().clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_what_the_renderer_writes() {
        let ours = "<div class=\"command\" data-tool=\"kubectl\"><pre class=\"command-line\"><code>k get po</code></pre><button class=\"copy\" type=\"button\" data-copy=\"k &quot;x&quot;\" aria-label=\"Copy\">copy</button></div>";
        assert_eq!(sanitize(ours), ours);
        let ours = "<aside class=\"callout callout-warning\" data-kind=\"warning\" role=\"note\"><p class=\"callout-title\">주의</p></aside><h2 id=\"note-x\">x</h2><img src=\"pilgi-note://localhost/a/b%20c.png\" alt=\"a\" loading=\"lazy\"><a class=\"note-link\" href=\"#\" data-target=\"a#b\" rel=\"noopener noreferrer\">a</a>";
        assert_eq!(sanitize(ours), ours);
    }

    #[test]
    fn removes_what_it_never_writes() {
        let evil = "<script>alert(1)</script><style>*{}</style><iframe src=\"https://x\"></iframe>\
                    <img src=\"https://x/a.png\" onerror=\"alert(1)\"><a href=\"javascript:alert(1)\" onclick=\"x()\">l</a>\
                    <span class=\"evil tag\" style=\"color:red\" data-x=\"1\">t</span>";
        assert_eq!(
            sanitize(evil),
            "<img><a rel=\"noopener noreferrer\">l</a><span class=\"tag\">t</span>"
        );
    }

    #[test]
    fn note_urls_only_for_images_and_ids_prefixed() {
        assert_eq!(
            sanitize("<a href=\"pilgi-note://localhost/a.png\">x</a><img src=\"pilgi-note://localhost/../etc/passwd\"><img src=\"a.png\">"),
            "<a rel=\"noopener noreferrer\">x</a><img><img>"
        );
        assert_eq!(
            sanitize("<a href=\"#\" data-external=\"file:///etc/passwd\">x</a><h2 id=\"settings\">s</h2>"),
            "<a href=\"#\" rel=\"noopener noreferrer\">x</a><h2 id=\"note-settings\">s</h2>"
        );
    }
}
