//! Template tags: markup in Markdown notes that is not content.
//!
//! Static-site notes (Hugo, Jekyll, MkDocs exports) carry template tags:
//! Hugo shortcodes `{{< name args >}}` / `{{% name args %}}`, paired with
//! `{{< /name >}}`, and Liquid/Jinja tags `{% … %}`. Like Hugo itself, they
//! are expanded on the text before Markdown is parsed: a paired one becomes
//! a callout holding its content (or nothing, for `comment`), an inline one
//! the text it would show (its `text="…"`, else nothing). Both expansions
//! keep every newline of the source, so line numbers still agree with it.
//!
//! ```
//! use pilgi_core::note::markup::{expand, Style};
//! let src = "{{< note >}}\n파드는 {{< glossary_tooltip text=\"노드\" term_id=\"node\" >}}에서\n{{< /note >}}";
//! assert_eq!(expand(src, Style::Plain), "\n파드는 노드에서\n");
//! assert_eq!(expand(src, Style::Callouts), "> [!note]\n> 파드는 노드에서\n> ");
//! ```

use std::ops::Range;

/// What a paired template tag does with its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A box of this callout kind around the content.
    Callout(&'static str),
    /// The content is not shown at all.
    Hidden,
    /// The content is shown as it is (tabs, tables, diagrams).
    Plain,
}

/// Paired tags whose role is known; any other paired tag is [`Role::Plain`].
const ROLES: &[(&str, Role)] = &[
    ("note", Role::Callout("note")),
    ("warning", Role::Callout("warning")),
    ("caution", Role::Callout("caution")),
    ("tip", Role::Callout("tip")),
    ("info", Role::Callout("info")),
    ("important", Role::Callout("important")),
    ("alert", Role::Callout("warning")),
    ("example", Role::Callout("example")),
    ("comment", Role::Hidden),
];

/// How paired tags are written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Tags gone, content kept (the index, snippets, headings).
    Plain,
    /// Callout tags become `> [!kind]` blockquotes (the reader), which the
    /// renderer draws like the callouts people write themselves.
    Callouts,
}

/// One template tag in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Tag<'a> {
    range: Range<usize>,
    /// Hugo shortcode name (`note`), empty for a Liquid/Jinja tag.
    name: &'a str,
    closing: bool,
    args: &'a str,
}

/// Finds the next template tag at or after `from`.
fn next_tag(text: &str, from: usize) -> Option<Tag<'_>> {
    let mut at = from;
    while let Some(rel) = text[at..].find('{') {
        let start = at + rel;
        let rest = &text[start..];
        let (close, hugo) = if rest.starts_with("{{<") {
            (">}}", true)
        } else if rest.starts_with("{{%") {
            ("%}}", true)
        } else if rest.starts_with("{%") {
            ("%}", false)
        } else {
            at = start + 1;
            continue;
        };
        let open = if hugo { 3 } else { 2 };
        let Some(end) = rest[open..].find(close) else {
            at = start + 1;
            continue;
        };
        let inner = rest[open..open + end].trim();
        let range = start..start + open + end + close.len();
        if !hugo {
            return Some(Tag {
                range,
                name: "",
                closing: false,
                args: inner,
            });
        }
        let (closing, inner) = match inner.strip_prefix('/') {
            Some(i) => (true, i.trim_start()),
            None => (false, inner),
        };
        let name_end = inner
            .find(|c: char| c.is_whitespace() || c == '"')
            .unwrap_or(inner.len());
        let (name, args) = inner.split_at(name_end);
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_alphanumeric() || "-_./".contains(c))
        {
            at = start + 1;
            continue;
        }
        return Some(Tag {
            range,
            name,
            closing,
            args: args.trim(),
        });
    }
    None
}

/// The value of `key="…"` in a tag's arguments.
fn arg<'a>(args: &'a str, key: &str) -> Option<&'a str> {
    let mut at = 0;
    while let Some(rel) = args[at..].find(key) {
        let start = at + rel;
        let before_ok = start == 0 || args[..start].ends_with(char::is_whitespace);
        let rest = args[start + key.len()..].trim_start();
        if before_ok {
            if let Some(value) = rest.strip_prefix('=').map(str::trim_start) {
                let quote = value.chars().next().filter(|q| *q == '"' || *q == '\'')?;
                let value = &value[1..];
                return value.find(quote).map(|end| &value[..end]);
            }
        }
        at = start + key.len();
    }
    None
}

/// The words Hugo shows for `{{% heading "key" %}}` (`whatsnext` → "What's
/// next", 다음 내용 in a Korean note), from `data/hugo_headings.tsv`;
/// `None` for a key the table does not know.
pub fn heading_words(key: &str, korean: bool) -> Option<&'static str> {
    include_str!("../../data/hugo_headings.tsv")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .map(|line| line.split('\t'))
        .find_map(|mut columns| {
            (columns.next()? == key).then_some(())?;
            let english = columns.next()?;
            Some(match korean {
                true => columns.next().unwrap_or(english),
                false => english,
            })
        })
}

/// The first quoted argument of a tag (`{{% heading "prerequisites" %}}`).
pub fn first_quoted(text: &str) -> Option<String> {
    let tag = next_tag(text, 0)?;
    let args = tag.args.trim_start();
    let value = args.strip_prefix('"')?;
    value.find('"').map(|end| value[..end].to_owned())
}

/// Expands every template tag of `text` (see the module doc).
pub fn expand(text: &str, style: Style) -> String {
    if !text.contains('{') {
        return text.to_owned();
    }
    let tags = all_tags(text);
    let roles = pair(&tags);
    let mut out = Lines::default();
    let mut at = 0;
    let mut hidden = 0usize;
    for (tag, role) in tags.iter().zip(&roles) {
        out.push(&text[at..tag.range.start], hidden > 0);
        at = tag.range.end;
        match role {
            Some(Role::Hidden) if !tag.closing => hidden += 1,
            Some(Role::Hidden) => hidden = hidden.saturating_sub(1),
            Some(Role::Callout(kind)) if style == Style::Callouts && hidden == 0 => {
                if tag.closing {
                    out.depth = out.depth.saturating_sub(1);
                } else {
                    out.open_callout(kind);
                    // The tag's own line end is the one just started.
                    if text[at..].starts_with('\n') {
                        at += 1;
                    }
                    continue;
                }
            }
            Some(_) => {}
            None if hidden == 0 => out.push(arg(tag.args, "text").unwrap_or(""), false),
            None => {}
        }
        // A tag written over several lines keeps its line ends.
        out.push(
            &"\n".repeat(text[tag.range.clone()].matches('\n').count()),
            false,
        );
    }
    out.push(&text[at..], hidden > 0);
    out.finish()
}

/// Output lines, each with the callout depth it started at (its `> `s).
#[derive(Default)]
struct Lines {
    done: String,
    line: String,
    line_depth: usize,
    depth: usize,
    /// The indentation of the outermost open callout's tag: a callout
    /// inside a list item stays in the item (`   > [!note]`).
    indent: String,
}

impl Lines {
    /// Source text; inside a hidden region only its line ends.
    fn push(&mut self, piece: &str, hidden: bool) {
        let mut parts = piece.split('\n');
        if let Some(first) = parts.next() {
            if !hidden {
                self.line.push_str(first);
            }
        }
        for part in parts {
            self.end_line();
            if !hidden {
                self.line.push_str(part);
            }
        }
    }

    fn end_line(&mut self) {
        self.write_line();
        self.done.push('\n');
        self.line.clear();
        self.line_depth = self.depth;
    }

    fn write_line(&mut self) {
        if self.line_depth > 0 {
            self.done.push_str(&self.indent);
            self.done.push_str(&"> ".repeat(self.line_depth));
            let line = self
                .line
                .strip_prefix(self.indent.as_str())
                .unwrap_or(&self.line);
            self.done.push_str(line);
        } else {
            self.done.push_str(&self.line);
        }
    }

    fn open_callout(&mut self, kind: &str) {
        if !self.line.trim().is_empty() {
            self.end_line();
        }
        if self.depth == 0 {
            self.indent = self.line.clone();
        }
        self.line.clear();
        self.depth += 1;
        self.line_depth = self.depth;
        self.line.push_str(&format!("[!{kind}]"));
        self.end_line();
    }

    fn finish(mut self) -> String {
        if self.line_depth > 0 || !self.line.is_empty() {
            self.write_line();
        }
        self.done
    }
}

fn all_tags(text: &str) -> Vec<Tag<'_>> {
    let mut tags = Vec::new();
    let mut at = 0;
    while let Some(tag) = next_tag(text, at) {
        at = tag.range.end;
        tags.push(tag);
    }
    tags
}

/// The role of each tag: `Some` for both halves of a pair (matched like
/// brackets, by name), `None` for an inline tag.
fn pair(tags: &[Tag<'_>]) -> Vec<Option<Role>> {
    let mut roles = vec![None; tags.len()];
    let mut open: Vec<usize> = Vec::new();
    for (i, tag) in tags.iter().enumerate() {
        if tag.name.is_empty() {
            continue;
        }
        if !tag.closing {
            open.push(i);
            continue;
        }
        if let Some(k) = open.iter().rposition(|&j| tags[j].name == tag.name) {
            let j = open[k];
            open.truncate(k);
            let role = ROLES
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(tag.name))
                .map_or(Role::Plain, |(_, r)| *r);
            roles[i] = Some(role);
            roles[j] = Some(role);
        }
    }
    roles
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_tags_show_their_text_or_nothing() {
        let src = "{{< glossary_tooltip text=\"파드\" term_id=\"pod\" >}}는 {{< param \"version\" >}}부터 {% raw %}";
        assert_eq!(expand(src, Style::Plain), "파드는 부터 ");
    }

    #[test]
    fn lines_are_kept() {
        let src = "a\n{{< comment >}}\nhidden\ntext\n{{< /comment >}}\nb {{< feature-state\n state=\"stable\" >}} c";
        let out = expand(src, Style::Plain);
        assert_eq!(out.matches('\n').count(), src.matches('\n').count());
        assert!(!out.contains("hidden"), "{out}");
        assert!(out.ends_with("b \n c"), "{out:?}");
    }

    #[test]
    fn callouts_nest_and_unpaired_tags_are_inline() {
        let src = "{{< warning >}}\nw1\n{{< note >}}\nn1\n{{< /note >}}\nw2\n{{< /warning >}}\nafter {{< note >}} x";
        let out = expand(src, Style::Callouts);
        assert_eq!(
            out,
            "> [!warning]\n> w1\n> > [!note]\n> > n1\n> > \n> w2\n> \nafter  x"
        );
    }

    #[test]
    fn a_callout_in_a_list_item_stays_in_it() {
        let src = "1. step\n\n   {{< caution >}}\n   careful\n   {{< /caution >}}\n\n   ```shell\n   ls\n   ```\n";
        let out = expand(src, Style::Callouts);
        assert_eq!(
            out,
            "1. step\n\n   > [!caution]\n   > careful\n   > \n\n   ```shell\n   ls\n   ```\n"
        );
    }

    #[test]
    fn plain_pairs_keep_content() {
        let src = "{{< tabs name=\"t\" >}}{{% tab name=\"a\" %}}\n내용\n{{% /tab %}}{{< /tabs >}}";
        assert_eq!(expand(src, Style::Callouts), "\n내용\n");
        assert_eq!(
            first_quoted("{{% heading \"whatsnext\" %}}").as_deref(),
            Some("whatsnext")
        );
        assert_eq!(heading_words("whatsnext", false), Some("What's next"));
        assert_eq!(heading_words("prerequisites", true), Some("시작하기 전에"));
        assert_eq!(heading_words("nosuchheading", true), None);
    }

    #[test]
    fn braces_that_are_not_tags_stay() {
        let src = "{\"a\": 1} {{ .Values }} {{< >}} {%";
        assert_eq!(expand(src, Style::Plain), src);
    }
}
