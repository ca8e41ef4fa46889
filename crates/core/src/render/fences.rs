//! Markdown code blocks as the reader's code blocks (`code_block.rs`), with
//! the commands in them ready to copy: in a shell block (`sh`, `bash`, …)
//! each command line is a `<span class="command">` with its own copy button
//! (what the reader's `button.copy[data-copy]` wiring and its `c` key
//! look for), in a session block (`console`) only the prompt lines are, and
//! an untagged block's lines are judged by their shape, as the commands
//! index does (`commands::extract`). Any block but a session also gets one
//! button for all of it: a script or a manifest is copied whole.

use super::code_block::code_block;
use super::html::{code, copy_button, escape, raw};
use crate::note::plain::fence_lang;
use crate::shell::{detect, detect_shell, CodeLang, Detected};
use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};

/// How the lines of a block can be commands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lines {
    Shell {
        session: bool,
    },
    /// An untagged block: by shape.
    Any,
    /// Another language: never.
    None,
}

/// The transform: each code block becomes one block of markup events.
pub fn fences<'a>(events: impl Iterator<Item = Event<'a>>) -> impl Iterator<Item = Event<'a>> {
    let mut open: Option<(String, String)> = None;
    events.flat_map(move |e| match e {
        Event::Start(Tag::CodeBlock(kind)) => {
            let info = match kind {
                CodeBlockKind::Fenced(info) => info.to_string(),
                CodeBlockKind::Indented => String::new(),
            };
            open = Some((info, String::new()));
            Vec::new()
        }
        Event::Text(t) if open.is_some() => {
            if let Some((_, body)) = open.as_mut() {
                body.push_str(&t);
            }
            Vec::new()
        }
        Event::End(TagEnd::CodeBlock) => match open.take() {
            Some((info, body)) => block(&info, &body),
            None => Vec::new(),
        },
        other => vec![other],
    })
}

fn block(info: &str, body: &str) -> Vec<Event<'static>> {
    let body = body.strip_suffix('\n').unwrap_or(body);
    let lines = match CodeLang::of(&fence_lang(info)) {
        CodeLang::Shell { session } => Lines::Shell { session },
        CodeLang::Untagged => Lines::Any,
        CodeLang::Other => Lines::None,
    };
    let (content, commands) = content(body, lines);
    // A block that is one command has its button already; a session's
    // output is not worth copying with its commands.
    let whole = !(lines == Lines::Shell { session: true }
        || commands == 1 && body.lines().filter(|l| !l.trim().is_empty()).count() == 1);
    code_block(info, content, whole.then_some(body))
}

/// The block's lines as events, and how many commands they hold.
fn content(body: &str, lines: Lines) -> (Vec<Event<'static>>, usize) {
    if lines == Lines::None {
        return (vec![code(body)], 0);
    }
    let all: Vec<&str> = body.split('\n').collect();
    let mut out = Vec::new();
    let mut plain: Vec<&str> = Vec::new();
    let mut commands = 0;
    let mut i = 0;
    while i < all.len() {
        let found = match lines {
            Lines::Shell { session } => detect_shell(all[i], session),
            _ => detect(all[i]),
        };
        let Some(found) = found else {
            plain.push(all[i]);
            i += 1;
            continue;
        };
        flush(&mut plain, &mut out);
        // `cmd \` continues on the next line, as in a shell.
        let mut end = i + 1;
        let mut copy = found.parts().0.to_owned();
        while copy.ends_with('\\') && end < all.len() && !all[end].trim().is_empty() {
            copy.push('\n');
            copy.push_str(all[end].trim_end());
            end += 1;
        }
        new_line(&mut out);
        command(&all[i..end], &found, &copy, &mut out);
        commands += 1;
        i = end;
    }
    flush(&mut plain, &mut out);
    (out, commands)
}

/// The line end between two runs of lines.
fn new_line(out: &mut Vec<Event<'static>>) {
    if !out.is_empty() {
        out.push(raw("\n"));
    }
}

/// Lines that are no command, as one code run.
fn flush(plain: &mut Vec<&str>, out: &mut Vec<Event<'static>>) {
    if !plain.is_empty() {
        new_line(out);
        out.push(code(plain.join("\n")));
        plain.clear();
    }
}

/// A command's lines as written (its `$ ` prompt marked, so selecting the
/// text does not take it), then its copy button.
fn command(lines: &[&str], found: &Detected<'_>, copy: &str, out: &mut Vec<Event<'static>>) {
    out.push(raw(format!(
        "<span class=\"command\" data-tool=\"{}\">",
        escape(&found.tool)
    )));
    let shown = lines.join("\n");
    let start = shown.len() - shown.trim_start().len();
    match shown[start..].strip_prefix("$ ") {
        Some(rest) => {
            if start > 0 {
                out.push(code(&shown[..start]));
            }
            out.push(raw("<span class=\"prompt\" aria-hidden=\"true\">$ </span>"));
            out.push(code(rest));
        }
        None => out.push(code(shown.clone())),
    }
    out.push(copy_button("command", copy));
    out.push(raw("</span>"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{html::push_html, Parser};

    fn html(md: &str) -> String {
        let mut s = String::new();
        push_html(&mut s, fences(Parser::new(md)));
        s
    }

    #[test]
    fn shell_lines_get_their_own_buttons() {
        let out = html("```sh\n# list\nkubectl get po \\\n  -A\n\necho hi\n```\n");
        assert!(out.contains("<code># list</code>\n<span class=\"command\" data-tool=\"kubectl\"><code>kubectl get po \\\n  -A</code><button class=\"copy\" type=\"button\" data-copy=\"kubectl get po \\\n  -A\""), "{out}");
        assert!(out.contains("data-copy=\"echo hi\""), "{out}");
        // And one for the whole script.
        assert!(
            out.contains(
                "data-copy=\"# list\nkubectl get po \\\n  -A\n\necho hi\" aria-label=\"Copy code\""
            ),
            "{out}"
        );
    }

    #[test]
    fn sessions_copy_commands_not_output() {
        let out = html("```console\n$ kubectl get no # nodes\nNAME   STATUS\nnode1  Ready\n```\n");
        assert!(out.contains("<span class=\"prompt\" aria-hidden=\"true\">$ </span><code>kubectl get no # nodes</code><button class=\"copy\" type=\"button\" data-copy=\"kubectl get no\""), "{out}");
        assert!(
            out.contains("<code>NAME   STATUS\nnode1  Ready</code>"),
            "{out}"
        );
        assert_eq!(out.matches("class=\"copy\"").count(), 1, "{out}");
    }

    #[test]
    fn other_languages_copy_whole() {
        let out = html("```yaml\nkind: Pod\n```\n");
        assert!(out.contains("data-lang=\"yaml\""));
        assert!(out.contains("<pre class=\"code\"><code>kind: Pod</code></pre><button class=\"copy\" type=\"button\" data-copy=\"kind: Pod\" aria-label=\"Copy code\""), "{out}");
        // A one-command block has one button.
        let out = html("```bash\nkubectl apply -f x.yaml\n```\n");
        assert_eq!(out.matches("class=\"copy\"").count(), 1, "{out}");
        // Untagged: by shape; prose stays code.
        let out = html("    kubectl get pods -A\n    not a command\n");
        assert!(out.contains("data-copy=\"kubectl get pods -A\""), "{out}");
        assert!(
            out.contains("</span>\n<code>not a command</code></pre>"),
            "{out}"
        );
    }
}
