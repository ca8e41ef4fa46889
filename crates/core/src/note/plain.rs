//! A Markdown section as plain text (what the index holds and snippets
//! show: no `[text](url)`, `**`, backticks, `<!-- -->`, template tags) and
//! its code blocks (where its commands are).

use super::markdown::options;
use super::markup::{self, Style};
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd, TextMergeStream};

/// The words of Markdown `body` as a reader sees them, one line per line
/// of prose, table row or code line.
pub fn markdown_text(body: &str) -> String {
    let expanded = markup::expand(body, Style::Plain);
    let mut out = String::with_capacity(expanded.len());
    let mut quote_start = false;
    for event in TextMergeStream::new(Parser::new_ext(&expanded, options())) {
        match event {
            Event::Text(t) => {
                // The `[!note]` that opens a callout is not a word of it.
                if std::mem::take(&mut quote_start) && callout_marker(&t).is_some() {
                    let rest = callout_marker(&t).unwrap_or("");
                    out.push_str(rest.trim_start());
                } else {
                    out.push_str(&t);
                }
            }
            Event::Code(t) => out.push_str(&t),
            Event::Html(h) | Event::InlineHtml(h) => push_html_text(&mut out, &h),
            Event::SoftBreak | Event::HardBreak => out.push('\n'),
            Event::Start(Tag::BlockQuote(_)) => quote_start = true,
            Event::Start(Tag::Paragraph) => {}
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::CodeBlock
                | TagEnd::HtmlBlock,
            ) => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
            }
            Event::End(TagEnd::TableCell) => out.push(' '),
            _ => quote_start = false,
        }
    }
    out.trim_matches('\n').to_owned()
}

/// `[!note] Title` → the text after the marker, when `text` opens with one.
pub fn callout_marker(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("[!")?;
    let end = rest.find(']')?;
    let kind = &rest[..end];
    if kind.is_empty() || !kind.chars().all(|c| c.is_alphanumeric() || c == '-') {
        return None;
    }
    let rest = &rest[end + 1..];
    Some(rest.strip_prefix(['+', '-']).unwrap_or(rest))
}

/// The text of raw HTML: tags and comments dropped, the text between kept.
fn push_html_text(out: &mut String, html: &str) {
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
        } else if rest.starts_with('<') {
            rest = rest.find('>').map_or("", |e| &rest[e + 1..]);
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        }
    }
}

/// The language of a fence's info string: its first word, lowercased
/// (`console {.x}` and `shell,bash` are `console` and `shell`).
pub fn fence_lang(info: &str) -> String {
    info.trim()
        .split([' ', '\t', ',', '{'])
        .next()
        .unwrap_or("")
        .to_lowercase()
}

/// A code block of a Markdown body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeBlock {
    /// The fence's language, lowercased (`sh`, `console`), empty if none.
    pub lang: String,
    /// 0-based line of the body where the code starts.
    pub first_line: usize,
    /// Whether it is fenced (so its fences are the lines around it).
    pub fenced: bool,
    /// The code.
    pub code: String,
}

/// The code blocks of Markdown `body`, fenced or indented.
pub fn code_blocks(body: &str) -> Vec<CodeBlock> {
    let line_of = |offset: usize| body[..offset].matches('\n').count();
    let mut out = Vec::new();
    let mut current: Option<CodeBlock> = None;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let (lang, fenced) = match kind {
                    CodeBlockKind::Fenced(info) => (fence_lang(&info), true),
                    CodeBlockKind::Indented => (String::new(), false),
                };
                current = Some(CodeBlock {
                    lang,
                    first_line: line_of(range.start) + usize::from(fenced),
                    fenced,
                    code: String::new(),
                });
            }
            Event::Text(t) => {
                if let Some(c) = current.as_mut() {
                    c.code.push_str(&t);
                }
            }
            Event::End(TagEnd::CodeBlock) => out.extend(current.take()),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_not_text() {
        let body = "<!-- body -->\n파드의 [UID](/ko/docs/x/#uid)와 **상태**를 `kubectl get`으로 본다.\n\n> [!note] 참고\n> 내용 {{< glossary_tooltip text=\"노드\" term_id=\"node\" >}}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<div class=\"x\">html <b>text</b></div>\n";
        let text = markdown_text(body);
        assert_eq!(
            text,
            "파드의 UID와 상태를 kubectl get으로 본다.\n참고\n내용 노드\na b \n1 2 \nhtml text"
        );
    }

    #[test]
    fn code_blocks_with_their_lines() {
        let body = "intro\n\n```shell\nkubectl get po\n```\n\n    indented\n\n~~~console {.x}\n$ k get no\nNAME\n~~~\n";
        let blocks = code_blocks(body);
        let langs: Vec<_> = blocks
            .iter()
            .map(|b| (b.lang.as_str(), b.first_line))
            .collect();
        assert_eq!(langs, [("shell", 3), ("", 6), ("console", 9)]);
        assert_eq!(blocks[2].code, "$ k get no\nNAME\n");
    }
}
