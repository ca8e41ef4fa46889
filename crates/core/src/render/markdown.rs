//! The Markdown reader path: a [`Format::Markdown`](crate::note::Format)
//! section's body read by pulldown-cmark itself (CommonMark + GFM, with
//! the options the parser cut the note with), then event transforms, each
//! an iterator adapter:
//! `depth` (nesting capped) → `raw_html` (comments dropped, raw HTML
//! rebuilt) → `callouts` → `fences` (code blocks, commands to copy) →
//! `gfm` (task boxes, footnotes) → `images` → `tags` → `note_links` →
//! `lang` → `mark`. Links and images resolve against the notes folder
//! ([`Links`]); `tags` runs before `note_links` so link text stays untagged.

use super::{callouts, depth, fences, gfm, images, lang, mark, note_links, raw_html, tags};
use crate::links::Links;
use crate::note::markdown::options;
use crate::note::markup::{expand, Style};
use crate::note::{slug, Section};
use pulldown_cmark::{Event, Parser, Tag, TextMergeStream};

/// What the transforms need to know about the section they render.
pub struct Context<'a> {
    /// The note file, relative to the notes folder: links start there.
    pub file: &'a str,
    /// Tells this section's footnote ids from other sections'.
    pub scope: String,
    /// The notes folder's link targets.
    pub links: &'a Links,
}

impl<'a> Context<'a> {
    /// A context for a section of `file`, `scope` being its id (or any
    /// text unique to it).
    pub fn new(file: &'a str, scope: &str, links: &'a Links) -> Context<'a> {
        Context {
            file,
            scope: slug(scope),
            links,
        }
    }
}

/// For the transforms' tests: the HTML of `md` run through `transform`
/// alone, as a section of `notes/a.md` in an empty folder.
#[cfg(test)]
pub(super) fn html_through<'m>(
    md: &'m str,
    transform: impl for<'c> FnOnce(Parser<'m>, &'c Context<'c>) -> Vec<Event<'m>>,
) -> String {
    let links = Links::default();
    let ctx = Context::new("notes/a.md", "a", &links);
    let mut html = String::new();
    pulldown_cmark::html::push_html(
        &mut html,
        transform(Parser::new_ext(md, options()), &ctx).into_iter(),
    );
    html
}

/// The unsanitized HTML of a Markdown section's body. Without `links`
/// (none given in the options) the folder is taken as empty: links to
/// notes render unresolved, images resolve by their path alone.
pub fn body_html(section: &Section, links: Option<&Links>, terms: &mark::Terms) -> String {
    let empty = Links::default();
    let ctx = Context::new(&section.file, section.id.as_str(), links.unwrap_or(&empty));
    let text = expand(&section.body, Style::Callouts);
    let events = Parser::new_ext(&text, options()).map(plain_heading);
    let events = TextMergeStream::new(depth::depth(events));
    let events = raw_html::raw_html(events, &ctx);
    let events = fences::fences(callouts::callouts(events));
    let events = images::images(gfm::gfm(events, &ctx.scope), &ctx);
    let events = note_links::note_links(tags::tags(events), &ctx);
    let events = mark::mark(lang::lang(events), terms);
    let mut html = String::with_capacity(text.len() * 3);
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// A heading inside a body keeps its `{#id}` (prefixed by `sanitize`),
/// not the classes and attributes `{.class key=value}` would write.
fn plain_heading(e: Event<'_>) -> Event<'_> {
    match e {
        Event::Start(Tag::Heading { level, id, .. }) => Event::Start(Tag::Heading {
            level,
            id,
            classes: Vec::new(),
            attrs: Vec::new(),
        }),
        other => other,
    }
}
