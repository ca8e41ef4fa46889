//! A block of code as the reader shows it, for both dialects: the course
//! note's fences (`emit.rs`) and Markdown's (`fences.rs`). One markup, so
//! the reader's copy wiring and the stylesheet see one kind of block.

use super::html::{copy_button, escape, raw, text};
use crate::note::plain::fence_lang;
use pulldown_cmark::Event;

/// `<div class="code-block" data-lang="…">`: the info string as written,
/// `content` inside `<pre class="code">`, and a copy button for
/// `copy_all` (the whole block) when there is one.
pub fn code_block(
    info: &str,
    content: Vec<Event<'static>>,
    copy_all: Option<&str>,
) -> Vec<Event<'static>> {
    let mut out = Vec::with_capacity(content.len() + 8);
    out.push(raw(format!(
        "<div class=\"code-block\" data-lang=\"{}\">",
        escape(&fence_lang(info))
    )));
    let info = info.trim();
    if !info.is_empty() {
        // The info string is part of what was written: show it.
        out.push(raw("<span class=\"code-lang\">"));
        out.push(text(info));
        out.push(raw("</span>"));
    }
    out.push(raw("<pre class=\"code\">"));
    out.extend(content);
    out.push(raw("</pre>"));
    if let Some(all) = copy_all {
        out.push(copy_button("code", all));
    }
    out.push(raw("</div>\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::html::code;

    #[test]
    fn block_markup() {
        let mut html = String::new();
        let events = code_block("Bash {.x}", vec![code("ls")], Some("ls"));
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        assert_eq!(
            html,
            "<div class=\"code-block\" data-lang=\"bash\"><span class=\"code-lang\">Bash {.x}</span><pre class=\"code\"><code>ls</code></pre><button class=\"copy\" type=\"button\" data-copy=\"ls\" aria-label=\"Copy code\" title=\"Copy code\" data-l10n=\"note-copy-code\" data-l10n-attrs=\"title aria-label\">copy</button></div>\n"
        );
        assert_eq!(fence_lang("shell,bash"), "shell");
        assert_eq!(fence_lang(""), "");
    }
}
