//! Raw HTML in Markdown notes, rebuilt before it joins the renderer's own
//! markup. Comments (`<!-- … -->`) are dropped, never shown. Every other
//! tag is re-written from its name alone: a short list of formatting and
//! structure tags is kept without attributes, `<a href>` and `<img src>`
//! go through the same link and image rules as Markdown's, and the rest
//! is dropped (its text kept; a `<script>`'s or `<style>`'s dropped too).
//! So a note's HTML can never wear the renderer's classes and `data-`
//! attributes: no fake copy button whose `data-copy` differs from what it
//! shows, no `data-external` the app would open. Stray `<` and `>` become
//! text. Ammonia still checks the result (`sanitize.rs`).

use super::depth::MAX_DEPTH;
use super::html_lex::{find_end_tag, lex, RawTag};
use super::images::image_events;
use super::markdown::Context;
use super::note_links::{classify, open_tag};
use pulldown_cmark::{Event, LinkType, Tag, TagEnd};
use std::collections::HashMap;

/// Tags kept (without attributes), beside `a` and `img`.
const KEPT: &str = "abbr b blockquote br code dd del details div dl dt em figcaption figure \
                    h1 h2 h3 h4 h5 h6 hr i ins kbd li ol p pre q s samp small span strong \
                    sub summary sup table tbody td tfoot th thead tr u ul var wbr";

/// Elements without an end tag.
const VOID: &[&str] = &["br", "hr", "img", "wbr"];

/// Elements whose content is no text for the reader: dropped with them.
const DROPPED_WITH_CONTENT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "plaintext",
    "noscript",
    "noembed",
    "noframes",
    "iframe",
    "template",
    "svg",
    "math",
    "object",
    "head",
    "select",
];

/// What an open comment or dropped element carries over to the next event.
#[derive(Default)]
struct State {
    comment: bool,
    dropping: Option<&'static str>,
}

/// The raw elements open in the section, across its HTML blocks and
/// inline HTML (`<details>`, Markdown, `</details>` is three events). An
/// end tag closes only an element this opened (never the renderer's own
/// markup), and elements nest at most [`MAX_DEPTH`] deep: html5ever takes
/// time quadratic in the depth (100 000 nested `<div>` took minutes).
#[derive(Default)]
struct OpenTags {
    names: Vec<&'static str>,
    /// Start tags dropped for depth, by name: their end tags go too.
    dropped: HashMap<&'static str, usize>,
}

impl OpenTags {
    /// Whether the start tag is written.
    fn open(&mut self, name: &'static str) -> bool {
        if self.names.len() < MAX_DEPTH {
            self.names.push(name);
            true
        } else {
            *self.dropped.entry(name).or_default() += 1;
            false
        }
    }

    /// Whether the end tag is written.
    fn close(&mut self, name: &str) -> bool {
        if let Some(n) = self.dropped.get_mut(name).filter(|n| **n > 0) {
            *n -= 1;
            return false;
        }
        match self.names.iter().rposition(|n| *n == name) {
            Some(i) => {
                self.names.truncate(i);
                true
            }
            None => false,
        }
    }
}

/// The transform.
pub fn raw_html<'a, 'c, I>(events: I, ctx: &'c Context<'c>) -> RawHtml<'c, I>
where
    I: Iterator<Item = Event<'a>>,
{
    RawHtml {
        inner: events,
        ctx,
        inline: State::default(),
        open: OpenTags::default(),
    }
}

/// See [`raw_html`].
pub struct RawHtml<'c, I> {
    inner: I,
    ctx: &'c Context<'c>,
    /// Inline HTML's state, within one paragraph (or cell, heading, item).
    inline: State,
    open: OpenTags,
}

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for RawHtml<'_, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        loop {
            match self.inner.next()? {
                // A block's lines arrive one event each: a tag or comment
                // may span them. The block is rebuilt as one.
                Event::Start(Tag::HtmlBlock) => {
                    let mut source = String::new();
                    for e in self.inner.by_ref() {
                        match e {
                            Event::Html(h) | Event::InlineHtml(h) | Event::Text(h) => {
                                source.push_str(&h)
                            }
                            Event::End(TagEnd::HtmlBlock) => break,
                            _ => {}
                        }
                    }
                    let html = clean(&source, &mut State::default(), &mut self.open, self.ctx);
                    if !html.trim().is_empty() {
                        return Some(Event::Html(html.into()));
                    }
                }
                Event::Html(h) => {
                    let html = clean(&h, &mut State::default(), &mut self.open, self.ctx);
                    if !html.trim().is_empty() {
                        return Some(Event::Html(html.into()));
                    }
                }
                Event::InlineHtml(h) => {
                    let html = clean(&h, &mut self.inline, &mut self.open, self.ctx);
                    if !html.is_empty() {
                        return Some(Event::InlineHtml(html.into()));
                    }
                }
                Event::Text(_) if self.inline.comment || self.inline.dropping.is_some() => {}
                e @ Event::End(
                    TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell | TagEnd::Item,
                ) => {
                    self.inline = State::default();
                    return Some(e);
                }
                other => return Some(other),
            }
        }
    }
}

/// `html` rebuilt (see the module docs).
fn clean(html: &str, state: &mut State, open: &mut OpenTags, ctx: &Context<'_>) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while !rest.is_empty() {
        if state.comment {
            match rest.find("-->") {
                Some(i) => {
                    state.comment = false;
                    rest = &rest[i + 3..];
                }
                None => rest = "",
            }
            continue;
        }
        if let Some(name) = state.dropping {
            // Up to its end tag, which is read (and dropped) as a tag.
            match find_end_tag(rest, name) {
                Some(i) => {
                    rest = &rest[i..];
                    state.dropping = None;
                }
                None => rest = "",
            }
            continue;
        }
        let Some(lt) = rest.find('<') else {
            out.push_str(&rest.replace('>', "&gt;"));
            break;
        };
        out.push_str(&rest[..lt].replace('>', "&gt;"));
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            state.comment = true;
            rest = after;
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            // A doctype, CDATA or processing instruction: nothing to show.
            rest = rest.find('>').map_or("", |i| &rest[i + 1..]);
            continue;
        }
        match lex(rest) {
            Some((tag, len)) => {
                out.push_str(&rebuild(&tag, state, open, ctx));
                rest = &rest[len..];
            }
            None => {
                out.push_str("&lt;");
                rest = &rest[1..];
            }
        }
    }
    out
}

/// The markup a tag is rebuilt as (often nothing).
fn rebuild(tag: &RawTag, state: &mut State, open: &mut OpenTags, ctx: &Context<'_>) -> String {
    let name = tag.name.as_str();
    if let Some(dropped) = DROPPED_WITH_CONTENT.iter().find(|d| **d == name) {
        if !tag.closing {
            state.dropping = Some(dropped);
        }
        return String::new();
    }
    let Some(kept) = ["a", "img"]
        .into_iter()
        .chain(KEPT.split_whitespace())
        .find(|k| *k == name)
    else {
        return String::new();
    };
    if VOID.contains(&kept) {
        return match kept {
            "img" if !tag.closing => {
                let events = image_events(
                    ctx,
                    tag.attr("src"),
                    LinkType::Inline,
                    tag.attr("alt"),
                    tag.attr("title"),
                );
                let mut html = String::new();
                pulldown_cmark::html::push_html(&mut html, events.into_iter());
                html
            }
            _ if !tag.closing => format!("<{kept}>"),
            _ => String::new(),
        };
    }
    if tag.closing {
        return if open.close(kept) {
            format!("</{kept}>")
        } else {
            String::new()
        };
    }
    if !open.open(kept) {
        return String::new();
    }
    match kept {
        "a" => {
            let link = classify(ctx, tag.attr("href"), LinkType::Inline);
            open_tag(&link, tag.attr("title")).unwrap_or_else(|| "<a>".to_owned())
        }
        _ => format!("<{kept}>"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::links::Links;

    fn clean_one(html: &str) -> String {
        let links = Links::default();
        let ctx = Context::new("notes/a.md", "a", &links);
        clean(html, &mut State::default(), &mut OpenTags::default(), &ctx)
    }

    #[test]
    fn comments_and_scripts_go() {
        assert_eq!(clean_one("a<!-- hidden -->b<!-- open"), "ab");
        assert_eq!(
            clean_one("<script>alert(1)</script>x<STYLE>*{}</style >y"),
            "xy"
        );
        assert_eq!(clean_one("<!DOCTYPE html><?php x ?>z"), "z");
        assert_eq!(clean_one("<textarea>"), "");
    }

    #[test]
    fn raw_elements_nest_shallow_and_close_only_their_own() {
        let deep = clean_one(&format!("{}x{}", "<div>".repeat(100), "</div>".repeat(100)));
        assert_eq!(
            deep,
            format!(
                "{}x{}",
                "<div>".repeat(MAX_DEPTH),
                "</div>".repeat(MAX_DEPTH)
            )
        );
        assert_eq!(
            clean_one("</div></section></article>x<b>y</b></b>"),
            "x<b>y</b>"
        );
    }

    #[test]
    fn tags_lose_their_attributes() {
        assert_eq!(
            clean_one("<div class=\"command\" onclick='x()' data-copy=\"rm -rf /\"><b id=settings>b</b><br/></div>"),
            "<div><b>b</b><br></div>"
        );
        assert_eq!(
            clean_one("<button class=\"copy\" data-copy=\"evil\">copy</button><input type=text>"),
            "copy"
        );
        assert_eq!(clean_one("a < b > c <3 <a"), "a &lt; b &gt; c &lt;3 &lt;a");
        assert_eq!(
            clean_one("<img src=x onerror=alert(1)>"),
            "<img src=\"pilgi-note://localhost/notes/x\" alt=\"\" loading=\"lazy\">"
        );
        assert_eq!(
            clean_one("<a href=\"https://x.org/?a=1&amp;b=2\" data-external=\"file:///etc\">x</a>"),
            "<a href=\"https://x.org/?a=1&amp;b=2\" class=\"external\" rel=\"noopener noreferrer\" data-external=\"https://x.org/?a=1&amp;b=2\">x</a>"
        );
        assert_eq!(
            clean_one("<a href=\"javascript:alert(1)\">x</a>"),
            "<a>x</a>"
        );
        assert_eq!(clean_one("<img src=\"https://t.example/p.gif\">"), "<span class=\"remote-image\">https://t.example/p.gif <small>remote image</small></span>");
    }
}
