//! GFM's markers drawn by the renderer rather than pulldown-cmark: task
//! list boxes as a `<span role="checkbox">` (pulldown-cmark writes an
//! `<input>`, and a form control is nothing the allow-list should pass for
//! a note's raw HTML to use), and footnotes whose reference carries
//! `data-footnote` instead of a `#name` address (the webview never
//! navigates; the reader scrolls) and whose ids are scoped to their
//! section, so two sections' `[^1]` stay apart on one page.

use super::html::{escape, inline, raw};
use super::sanitize::ID_PREFIX;
use crate::note::slug;
use pulldown_cmark::{Event, Tag, TagEnd};
use std::collections::HashMap;

/// The transform. `scope` tells this section's footnotes from others'.
pub fn gfm<'a, 'c, I>(events: I, scope: &'c str) -> impl Iterator<Item = Event<'a>> + 'c
where
    I: Iterator<Item = Event<'a>> + 'c,
{
    // Footnotes are numbered in order of first mention, reference or
    // definition, as pulldown-cmark does.
    let mut numbers: HashMap<String, usize> = HashMap::new();
    let mut number = move |name: &str| {
        let next = numbers.len() + 1;
        let n = *numbers.entry(name.to_owned()).or_insert(next);
        (n, escape(&format!("{ID_PREFIX}fn-{scope}-{}", slug(name))))
    };
    events.map(move |e| match e {
        Event::TaskListMarker(done) => {
            let (class, glyph) = if done { (" done", '☑') } else { ("", '☐') };
            inline(format!(
                "<span class=\"task-marker{class}\" role=\"checkbox\" aria-checked=\"{done}\" aria-disabled=\"true\">{glyph}</span> "
            ))
        }
        Event::FootnoteReference(name) => {
            let (n, id) = number(&name);
            inline(format!(
                "<sup class=\"footnote-reference\"><a href=\"#\" data-footnote=\"{id}\">{n}</a></sup>"
            ))
        }
        Event::Start(Tag::FootnoteDefinition(name)) => {
            let (n, id) = number(&name);
            raw(format!(
                "<div class=\"footnote-definition\" id=\"{id}\"><sup class=\"footnote-definition-label\">{n}</sup>"
            ))
        }
        Event::End(TagEnd::FootnoteDefinition) => raw("</div>\n"),
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::note::markdown::options;
    use pulldown_cmark::{html::push_html, Parser};

    fn html(md: &str) -> String {
        let mut s = String::new();
        push_html(&mut s, gfm(Parser::new_ext(md, options()), "notes-a"));
        s
    }

    #[test]
    fn tasks_and_footnotes() {
        assert_eq!(
            html("- [x] done\n- [ ] todo\n"),
            "<ul>\n<li><span class=\"task-marker done\" role=\"checkbox\" aria-checked=\"true\" aria-disabled=\"true\">☑</span> done</li>\n<li><span class=\"task-marker\" role=\"checkbox\" aria-checked=\"false\" aria-disabled=\"true\">☐</span> todo</li>\n</ul>\n"
        );
        let out = html("a[^b] c[^1]\n\n[^1]: one\n[^b]: bee\n");
        assert!(out.contains("<sup class=\"footnote-reference\"><a href=\"#\" data-footnote=\"note-fn-notes-a-b\">1</a></sup>"), "{out}");
        assert!(out.contains("<div class=\"footnote-definition\" id=\"note-fn-notes-a-1\"><sup class=\"footnote-definition-label\">2</sup>"), "{out}");
    }
}
