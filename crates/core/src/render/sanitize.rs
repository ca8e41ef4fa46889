//! The last step: ammonia with an allow-list of exactly what the renderer
//! emits. Note text never reaches here as markup (raw HTML became text in
//! `inline.rs`), so this is the second wall, not the first: if a transform
//! ever lets markup through, it still cannot run script, style the app,
//! load anything remote or carry an event handler.

use ammonia::Builder;
use std::collections::{HashMap, HashSet};

/// Elements the renderer writes, with the classes each may carry.
const CLASSES: &[(&str, &[&str])] = &[
    ("article", &["pilgi-note"]),
    ("section", &["note-section", "preamble"]),
    ("header", &["section-header"]),
    ("h2", &["section-title"]),
    (
        "div",
        &["pilgi-note", "command", "yaml-block", "flat", "code-block"],
    ),
    (
        "span",
        &[
            "section-number",
            "section-duration",
            "section-preview",
            "command-label",
            "prompt",
            "command-comment",
            "comment-mark",
            "tag",
            "term",
            "term-sep",
            "image-placeholder",
            "yaml-note",
            "code-lang",
        ],
    ),
    ("p", &["summary", "comment"]),
    ("pre", &["command-line", "yaml", "flat", "code"]),
    ("dl", &["terms"]),
    ("dfn", &["term-name"]),
    ("button", &["copy"]),
];

/// Elements without classes.
const PLAIN: &[&str] = &[
    "a", "br", "code", "dd", "del", "dt", "em", "h3", "h4", "h5", "h6", "hr", "li", "mark", "ol",
    "strong", "ul",
];

/// Attributes beyond `class`, `lang` and `title`.
const ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href"]),
    ("article", &["data-file"]),
    ("section", &["data-section-id"]),
    ("div", &["data-tool", "data-lang"]),
    ("span", &["data-tag", "data-term", "role", "aria-hidden"]),
    ("button", &["type", "data-copy", "aria-label"]),
    ("ol", &["start"]),
];

/// Cleans rendered HTML.
pub fn sanitize(html: &str) -> String {
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
    Builder::default()
        .tags(tags)
        .tag_attributes(attributes)
        .generic_attributes(["lang", "title"].into_iter().collect())
        .allowed_classes(classes)
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"))
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_what_the_renderer_writes() {
        let ours = "<div class=\"command\" data-tool=\"kubectl\"><pre class=\"command-line\"><code>k get po</code></pre><button class=\"copy\" type=\"button\" data-copy=\"k &quot;x&quot;\" aria-label=\"Copy\">copy</button></div>";
        assert_eq!(sanitize(ours), ours);
    }

    #[test]
    fn removes_what_it_never_writes() {
        let evil = "<script>alert(1)</script><style>*{}</style><iframe src=\"https://x\"></iframe>\
                    <img src=\"https://x/a.png\" onerror=\"alert(1)\"><a href=\"javascript:alert(1)\" onclick=\"x()\">l</a>\
                    <span class=\"evil tag\" style=\"color:red\" data-x=\"1\">t</span>";
        assert_eq!(
            sanitize(evil),
            "<a rel=\"noopener noreferrer\">l</a><span class=\"tag\">t</span>"
        );
    }
}
