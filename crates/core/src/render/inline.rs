//! Inline markdown inside one note line, by pulldown-cmark, made safe:
//! raw HTML becomes text, images become placeholders, links keep only safe
//! destinations, and nesting is capped so hostile input stays shallow.

use super::html::{inline, text};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Deeper inline nesting (`***_~~[…]~~_***`) than this is flattened: its
/// markup is dropped, its text kept.
const MAX_DEPTH: usize = 8;

/// The inline events of one line of text.
pub fn parse(line: &str) -> Vec<Event<'static>> {
    let t = line.trim();
    if t.is_empty() {
        return Vec::new();
    }
    if t.starts_with("```") || t.starts_with("~~~") {
        return vec![text(t)];
    }
    let src = guard(t);
    let mut events: Vec<Event<'static>> = Parser::new_ext(&src, Options::ENABLE_STRIKETHROUGH)
        .map(Event::into_static)
        .collect();
    // A line that parses as anything but one paragraph (a link reference
    // definition, an HTML block, …) is shown as it was written.
    let one_paragraph = matches!(events.first(), Some(Event::Start(Tag::Paragraph)))
        && matches!(events.last(), Some(Event::End(TagEnd::Paragraph)))
        && events
            .iter()
            .filter(|e| matches!(e, Event::Start(Tag::Paragraph)))
            .count()
            == 1;
    if !one_paragraph {
        return vec![text(t)];
    }
    events.pop();
    events.remove(0);
    safe(events)
}

/// Escapes what would make a lone line a block construct: a leading `#`,
/// `>`, bullet or `1.` marker. The block classifier already took the lines
/// that really are those; what reaches here is text that starts that way
/// (a list item whose content begins with `- `, a summary starting `>`).
fn guard(t: &str) -> String {
    let first = t.chars().next().unwrap_or(' ');
    let second = t.chars().nth(1).unwrap_or(' ');
    if matches!(first, '#' | '>' | '=' | '|')
        || (matches!(first, '-' | '+' | '*') && (second == ' ' || second == first))
    {
        return format!("\\{t}");
    }
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 && matches!(t[digits..].chars().next(), Some('.' | ')')) {
        return format!("{}\\{}", &t[..digits], &t[digits..]);
    }
    t.to_owned()
}

/// Raw HTML to text, images to placeholders, unsafe links to their text,
/// nesting capped.
fn safe(events: Vec<Event<'static>>) -> Vec<Event<'static>> {
    let mut out = Vec::with_capacity(events.len());
    // For each open tag: whether it was kept.
    let mut open: Vec<bool> = Vec::new();
    let mut in_image = 0usize;
    let mut alt = String::new();
    for e in events {
        match e {
            Event::Start(Tag::Image { .. }) => {
                in_image += 1;
                open.push(false);
            }
            Event::End(TagEnd::Image) => {
                open.pop();
                in_image = in_image.saturating_sub(1);
                if in_image == 0 {
                    let label = if alt.trim().is_empty() {
                        "image"
                    } else {
                        alt.trim()
                    };
                    out.push(inline("<span class=\"image-placeholder\" role=\"img\">"));
                    out.push(text(format!("[{label}]")));
                    out.push(inline("</span>"));
                    alt.clear();
                }
            }
            _ if in_image > 0 => match e {
                Event::Text(t) | Event::Code(t) => alt.push_str(&t),
                Event::Start(_) => open.push(false),
                Event::End(_) => {
                    open.pop();
                }
                _ => {}
            },
            Event::Start(tag) => {
                let keep = open.len() < MAX_DEPTH
                    && match &tag {
                        Tag::Link { dest_url, .. } => safe_url(dest_url),
                        _ => true,
                    };
                open.push(keep);
                if keep {
                    out.push(Event::Start(tag));
                }
            }
            Event::End(tag) => {
                if open.pop().unwrap_or(false) {
                    out.push(Event::End(tag));
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => push_text(&mut out, &h),
            Event::SoftBreak | Event::HardBreak => push_text(&mut out, " "),
            Event::Text(t) => push_text(&mut out, &t),
            other => out.push(other),
        }
    }
    out
}

/// Appends text, joining it to a text event just before (pulldown-cmark
/// splits text at every `[`, `<`, `&`; one run per language reads better).
fn push_text(out: &mut Vec<Event<'static>>, t: &str) {
    if let Some(Event::Text(last)) = out.last_mut() {
        let mut joined = last.to_string();
        joined.push_str(t);
        *last = joined.into();
    } else {
        out.push(text(t));
    }
}

/// Web and mail links, and links within the notes; never `javascript:`,
/// `data:` or anything else a click could execute.
fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    match lower.split_once(':') {
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            matches!(scheme, "http" | "https" | "mailto")
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::html::push_html;

    fn html(line: &str) -> String {
        let mut s = String::new();
        push_html(&mut s, parse(line).into_iter());
        s
    }

    #[test]
    fn inline_markdown_works() {
        assert_eq!(html("a *b* `c`"), "a <em>b</em> <code>c</code>");
        assert_eq!(html("[x](https://a.b)"), "<a href=\"https://a.b\">x</a>");
    }

    #[test]
    fn block_starts_stay_text() {
        assert_eq!(html("# not a heading"), "# not a heading");
        assert_eq!(html("- not a list"), "- not a list");
        assert_eq!(html("1. not a list"), "1. not a list");
        assert_eq!(html("> not a quote"), "&gt; not a quote");
        assert_eq!(html("[ref]: /url"), "[ref]: /url");
        assert_eq!(html("    indented"), "indented");
        assert_eq!(html("-n kube-system"), "-n kube-system");
    }

    #[test]
    fn hostile_inline() {
        assert_eq!(
            html("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            html("a <img src=x onerror=alert(1)> b"),
            "a &lt;img src=x onerror=alert(1)&gt; b"
        );
        assert_eq!(html("[x](javascript:alert(1))"), "x");
        assert_eq!(html("[x](JavaScript:alert(1))"), "x");
        assert_eq!(
            html("![cat](https://evil.example/cat.png)"),
            "<span class=\"image-placeholder\" role=\"img\">[cat]</span>"
        );
        assert_eq!(
            html("![](x.png)"),
            "<span class=\"image-placeholder\" role=\"img\">[image]</span>"
        );
    }

    #[test]
    fn nesting_is_capped() {
        let deep = format!("{}x{}", "*_".repeat(40), "_*".repeat(40));
        let out = html(&deep);
        let (mut depth, mut max) = (0usize, 0usize);
        for piece in out.split('<').skip(1) {
            if piece.starts_with('/') {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                max = max.max(depth);
            }
        }
        assert!(max <= MAX_DEPTH, "{max}: {out}");
        assert!(out.contains('x'));
    }
}
