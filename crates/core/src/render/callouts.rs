//! Callouts: a blockquote that opens with `[!kind]` (Obsidian's and
//! GitHub's syntax: any kind, an optional title after it, an optional `+`
//! or `-` fold marker), and pulldown-cmark's own GFM alerts
//! (`BlockQuote(Some(kind))`), become
//! `<aside class="callout callout-KIND" role="note">` with a title line.
//! Template tags (`{{< note >}}`) arrive here as `> [!note]` too (see
//! `note::markup`). Needs merged text (`TextMergeStream`): pulldown-cmark
//! splits `[!note]` into several text events.

use super::html::{escape, raw, text};
use crate::note::plain::callout_marker;
use pulldown_cmark::{BlockQuoteKind, Event, Tag, TagEnd};
use std::collections::VecDeque;

/// Kinds (Obsidian's names and aliases, GitHub's) → the class the
/// stylesheet colours. Any other kind is drawn as a note.
const KINDS: &[(&str, &str)] = &[
    ("note", "note"),
    ("info", "info"),
    ("todo", "info"),
    ("abstract", "info"),
    ("summary", "info"),
    ("tldr", "info"),
    ("quote", "note"),
    ("cite", "note"),
    ("tip", "tip"),
    ("hint", "tip"),
    ("success", "tip"),
    ("check", "tip"),
    ("done", "tip"),
    ("important", "important"),
    ("question", "important"),
    ("help", "important"),
    ("faq", "important"),
    ("warning", "warning"),
    ("attention", "warning"),
    ("caution", "caution"),
    ("danger", "caution"),
    ("error", "caution"),
    ("failure", "caution"),
    ("fail", "caution"),
    ("missing", "caution"),
    ("bug", "caution"),
    ("example", "example"),
];

/// The transform.
pub fn callouts<'a, I: Iterator<Item = Event<'a>>>(events: I) -> Callouts<'a, I> {
    Callouts {
        inner: events,
        unread: VecDeque::new(),
        queue: VecDeque::new(),
        open: Vec::new(),
    }
}

/// See [`callouts`]: looks two events past each blockquote start.
pub struct Callouts<'a, I> {
    inner: I,
    /// Events looked at and put back: read again before `inner`.
    unread: VecDeque<Event<'a>>,
    /// Events to hand out.
    queue: VecDeque<Event<'a>>,
    /// For each open blockquote: whether it is a callout.
    open: Vec<bool>,
}

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for Callouts<'a, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        if let Some(e) = self.queue.pop_front() {
            return Some(e);
        }
        match self.pull()? {
            Event::Start(Tag::BlockQuote(kind)) => {
                self.start(kind);
                self.queue.pop_front()
            }
            Event::End(TagEnd::BlockQuote(kind)) => Some(match self.open.pop() {
                Some(true) => raw("</aside>\n"),
                _ => Event::End(TagEnd::BlockQuote(kind)),
            }),
            other => Some(other),
        }
    }
}

impl<'a, I: Iterator<Item = Event<'a>>> Callouts<'a, I> {
    fn pull(&mut self) -> Option<Event<'a>> {
        self.unread.pop_front().or_else(|| self.inner.next())
    }

    fn start(&mut self, kind: Option<BlockQuoteKind>) {
        if let Some(kind) = kind {
            let name = match kind {
                BlockQuoteKind::Note => "note",
                BlockQuoteKind::Tip => "tip",
                BlockQuoteKind::Important => "important",
                BlockQuoteKind::Warning => "warning",
                BlockQuoteKind::Caution => "caution",
            };
            self.open.push(true);
            self.open_aside(name);
            self.queue.push_back(text(title_case(name)));
            self.queue.push_back(raw("</p>\n"));
            return;
        }
        let first = self.pull();
        let second = match first {
            Some(Event::Start(Tag::Paragraph)) => self.pull(),
            _ => None,
        };
        let marker = match &second {
            Some(Event::Text(t)) => {
                marker(t).map(|(k, rest)| (k.to_lowercase(), rest.trim_start().to_owned()))
            }
            _ => None,
        };
        let Some((kind, title)) = marker else {
            self.open.push(false);
            self.queue.push_back(Event::Start(Tag::BlockQuote(None)));
            // Read again: `first` may open a quote of its own (`> > [!x]`).
            self.unread.extend(first.into_iter().chain(second));
            return;
        };
        self.open.push(true);
        self.open_aside(&kind);
        let title_start = self.queue.len();
        if !title.trim().is_empty() {
            self.queue.push_back(text(title));
        }
        // The rest of the marker's line is the title too (`*emphasis*`).
        let mut depth = 0usize;
        let ended = loop {
            match self.pull() {
                Some(Event::SoftBreak | Event::HardBreak) if depth == 0 => break false,
                Some(Event::End(TagEnd::Paragraph)) if depth == 0 => break true,
                Some(e) => {
                    match &e {
                        Event::Start(_) => depth += 1,
                        Event::End(_) => depth = depth.saturating_sub(1),
                        _ => {}
                    }
                    self.queue.push_back(e);
                }
                None => break true,
            }
        };
        if self.queue.len() == title_start {
            self.queue.push_back(text(title_case(&kind)));
        }
        self.queue.push_back(raw("</p>\n"));
        if !ended {
            self.queue.push_back(Event::Start(Tag::Paragraph));
        }
    }

    fn open_aside(&mut self, kind: &str) {
        let class = KINDS
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or("note", |(_, c)| c);
        self.queue.push_back(raw(format!(
            "<aside class=\"callout callout-{class}\" data-kind=\"{}\" role=\"note\">\n",
            escape(kind)
        )));
        self.queue.push_back(raw("<p class=\"callout-title\">"));
    }
}

/// `[!kind] rest` → (kind, rest without the fold marker).
fn marker(t: &str) -> Option<(&str, &str)> {
    let rest = callout_marker(t)?;
    let kind = t.get(2..t.find(']')?)?;
    Some((kind, rest))
}

/// `warning` → `Warning`.
fn title_case(kind: &str) -> String {
    let mut chars = kind.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::note::markdown::options;
    use pulldown_cmark::{html::push_html, Parser, TextMergeStream};

    fn html(md: &str) -> String {
        let mut s = String::new();
        push_html(
            &mut s,
            callouts(TextMergeStream::new(Parser::new_ext(md, options()))),
        );
        s
    }

    #[test]
    fn obsidian_callouts_with_titles() {
        assert_eq!(
            html("> [!warning] 주의\n> 본문 *a*\n"),
            "<aside class=\"callout callout-warning\" data-kind=\"warning\" role=\"note\">\n<p class=\"callout-title\">주의</p>\n<p>본문 <em>a</em></p>\n</aside>\n"
        );
        assert_eq!(
            html("> [!TIP]- Folded *title*\n"),
            "<aside class=\"callout callout-tip\" data-kind=\"tip\" role=\"note\">\n<p class=\"callout-title\">Folded <em>title</em></p>\n</aside>\n"
        );
        assert!(html("> [!faq]\n> q\n").contains("callout-important\" data-kind=\"faq\" role=\"note\">\n<p class=\"callout-title\">Faq</p>\n<p>q</p>"));
        assert!(html("> [!whatever] x\n")
            .contains("class=\"callout callout-note\" data-kind=\"whatever\""));
    }

    #[test]
    fn gfm_alerts_and_template_tags() {
        assert_eq!(
            html("> [!NOTE]\n> gfm\n"),
            "<aside class=\"callout callout-note\" data-kind=\"note\" role=\"note\">\n<p class=\"callout-title\">Note</p>\n<p>gfm</p>\n</aside>\n"
        );
        let expanded = crate::note::markup::expand(
            "{{< note >}}\n내용\n{{< /note >}}",
            crate::note::markup::Style::Callouts,
        );
        assert!(html(&expanded).contains("<p class=\"callout-title\">Note</p>\n<p>내용</p>"));
        assert!(html("> [!example]\n").contains("<p class=\"callout-title\">Example</p>\n</aside>"));
    }

    #[test]
    fn plain_quotes_and_nesting() {
        assert_eq!(
            html("> just a quote\n"),
            "<blockquote>\n<p>just a quote</p>\n</blockquote>\n"
        );
        assert_eq!(
            html("> [link](x) [!x]\n"),
            "<blockquote>\n<p><a href=\"x\">link</a> [!x]</p>\n</blockquote>\n"
        );
        let out = html("> [!info] outer\n> > [!bug] inner\n> > x\n> after\n");
        assert!(out.contains("callout-info"), "{out}");
        assert!(out.contains("<aside class=\"callout callout-caution\" data-kind=\"bug\" role=\"note\">\n<p class=\"callout-title\">inner</p>\n<p>x\nafter</p>\n</aside>\n</aside>"), "{out}");
        assert!(!out.contains("blockquote"), "{out}");
        // A quote whose first block is a quote.
        assert_eq!(
            html("> [!tip]\n> > > [!bug] deep\n"),
            "<aside class=\"callout callout-tip\" data-kind=\"tip\" role=\"note\">\n<p class=\"callout-title\">Tip</p>\n<blockquote>\n<aside class=\"callout callout-caution\" data-kind=\"bug\" role=\"note\">\n<p class=\"callout-title\">deep</p>\n</aside>\n</blockquote>\n</aside>\n"
        );
    }
}
