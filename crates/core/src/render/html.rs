//! Building blocks for the markup the renderer writes itself. Everything
//! from the note goes through [`escape`] before it is put into markup;
//! ammonia then checks the result against an allow-list anyway.

use pulldown_cmark::{CowStr, Event};

/// Escapes text for HTML element content and double-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Raw markup produced by the renderer (never by the note).
pub fn raw(markup: impl Into<String>) -> Event<'static> {
    Event::Html(CowStr::from(markup.into()))
}

/// Inline raw markup produced by the renderer.
pub fn inline(markup: impl Into<String>) -> Event<'static> {
    Event::InlineHtml(CowStr::from(markup.into()))
}

/// A text event (escaped when written).
pub fn text(t: impl Into<String>) -> Event<'static> {
    Event::Text(CowStr::from(t.into()))
}

/// A code event: opaque to the prose transforms, escaped when written.
pub fn code(t: impl Into<String>) -> Event<'static> {
    Event::Code(CowStr::from(t.into()))
}

/// The copy action the UI hooks: a button carrying the exact text to copy.
/// Its words are English here (the CLI's `--html`); the app says them in
/// the user's language from the catalog message `data-l10n` names.
pub fn copy_button(what: &str, payload: &str) -> Event<'static> {
    let id = match what {
        "command" => "note-copy-command",
        "YAML" => "note-copy-yaml",
        _ => "note-copy-code",
    };
    raw(format!(
        "<button class=\"copy\" type=\"button\" data-copy=\"{}\" aria-label=\"Copy {what}\" title=\"Copy {what}\" data-l10n=\"{id}\" data-l10n-attrs=\"title aria-label\">copy</button>",
        escape(payload)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(escape("한글 k8s"), "한글 k8s");
    }
}
