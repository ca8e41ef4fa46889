//! Note text to tagged, sanitized HTML, by one of two pipelines chosen by
//! a section's [`Format`].
//!
//! The course-note dialect, one small step per file:
//! 1. `blocks` — the note dialect's line structure (summaries, comments,
//!    commands, YAML, terms, lists, prose), decided line by line;
//! 2. `emit` — blocks to pulldown-cmark events; `inline` parses the
//!    markdown inside each line with pulldown-cmark and makes it safe;
//! 3. event transforms, as iterator adapters: `code_spans` (flags, paths,
//!    `key=value` as code) → `tags` (`#tag`, glossary terms) → `lang`
//!    (`lang="ko"` / `lang="en"` runs) → `mark` (search terms);
//! 4. `pulldown_cmark::html::push_html`, then `sanitize` (ammonia).
//!
//! Markdown (`markdown.rs`): pulldown-cmark reads the whole body, and its
//! events go through Markdown's own transforms (callouts, code blocks,
//! links and images resolved in the notes folder, raw HTML rebuilt), then
//! the same `tags`, `lang` and `mark`, `push_html` and `sanitize`.
//!
//! ```
//! use pilgi_core::render::{render_text, RenderOptions};
//! let html = render_text("> 요약\n$ k get pods\n# 주석", &RenderOptions::default());
//! assert!(html.contains("<p class=\"summary\">"));
//! assert!(html.contains("data-copy=\"k get pods\""));
//! assert!(html.contains("<p class=\"comment\">"));
//! ```

pub(crate) mod blocks;
mod callouts;
mod code_block;
mod code_spans;
mod depth;
mod emit;
mod fences;
mod gfm;
mod html;
mod html_lex;
mod images;
mod inline;
mod lang;
mod mark;
mod markdown;
mod note_links;
mod raw_html;
mod sanitize;
mod tags;
mod yaml;

use crate::links::Links;
use crate::note::{Format, Note, Section};
use html::escape;
use pulldown_cmark::Event;
use std::sync::Arc;

/// How to render.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Search terms to highlight with `<mark>` (case-insensitive, at word
    /// starts; see `analysis::forms::reader_terms` for a query's terms).
    pub mark: Vec<String>,
    /// Treat `# Title` lines as headings instead of comments in course
    /// notes. Sections of `.md` / `.markdown` files get headings whatever
    /// this says; Markdown sections are Markdown anyway.
    pub markdown_headings: bool,
    /// The notes folder's links, for Markdown sections: built once per
    /// loaded folder ([`Links::new`]) and shared. Without them the folder
    /// is taken as empty: links to notes render as unresolved note links
    /// (never as addresses the webview could follow), relative images
    /// still resolve by their path, `![[name.png]]` beside the note.
    pub links: Option<Arc<Links>>,
}

/// Options are equal when they mark the same terms, treat headings alike
/// and share the same [`Links`] (the same `Arc`, not equal contents: a
/// folder's links are compared by identity, as they are built once).
impl PartialEq for RenderOptions {
    fn eq(&self, other: &Self) -> bool {
        self.mark == other.mark
            && self.markdown_headings == other.markdown_headings
            && match (&self.links, &other.links) {
                (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
    }
}

impl Eq for RenderOptions {}

/// Renders arbitrary note text (no section structure) in the course-note
/// dialect into `<div class="pilgi-note">…</div>`.
pub fn render_text(text: &str, opts: &RenderOptions) -> String {
    let body = body_html(text, opts.markdown_headings, opts);
    sanitize::sanitize(&format!("<div class=\"pilgi-note\">\n{body}</div>\n"))
}

/// Renders a section's body (its header is the caller's job) into
/// `<div class="pilgi-note">…</div>`.
pub fn render_section(section: &Section, opts: &RenderOptions) -> String {
    match section.format {
        // Sanitized on its own, so no stray end tag of a note's raw HTML
        // can close the wrapper.
        Format::Markdown => {
            let body = sanitize::sanitize(&markdown_html(section, opts));
            format!("<div class=\"pilgi-note\">\n{body}</div>\n")
        }
        Format::Course => {
            let headings = opts.markdown_headings || is_markdown(&section.file);
            let body = body_html(&section.body, headings, opts);
            sanitize::sanitize(&format!("<div class=\"pilgi-note\">\n{body}</div>\n"))
        }
    }
}

/// Renders a whole note: the preamble, then every section, each in a
/// `<section class="note-section" data-section-id="…">`: a course section
/// under a header with its number, title and duration, a Markdown section
/// (`data-level="N"`) under its `<hN>` heading (none for the intro).
pub fn render_note(note: &Note, opts: &RenderOptions) -> String {
    let headings = opts.markdown_headings || is_markdown(&note.file);
    let mut out = format!(
        "<article class=\"pilgi-note\" data-file=\"{}\">\n",
        escape(&note.file)
    );
    if !note.preamble.trim().is_empty() {
        out.push_str("<section class=\"preamble\">\n");
        out.push_str(&body_html(&note.preamble, headings, opts));
        out.push_str("</section>\n");
    }
    for s in &note.sections {
        let id = escape(s.id.as_str());
        match s.format {
            Format::Course => {
                out.push_str(&format!(
                    "<section class=\"note-section\" data-section-id=\"{id}\">\n"
                ));
                let title = format!(
                    "<h2 class=\"section-title\">{}</h2>",
                    title_html(&s.title, opts)
                );
                out.push_str(&header(s, &title));
                out.push_str(&body_html(&s.body, headings, opts));
            }
            Format::Markdown => {
                out.push_str(&format!(
                    "<section class=\"note-section\" data-section-id=\"{id}\" data-level=\"{}\">\n",
                    s.level
                ));
                out.push_str(&markdown_heading(s, opts));
                out.push_str(&sanitize::sanitize(&markdown_html(s, opts)));
            }
        }
        out.push_str("</section>\n");
    }
    out.push_str("</article>\n");
    sanitize::sanitize(&out)
}

fn is_markdown(file: &str) -> bool {
    let lower = file.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown")
}

/// A section's header: its number, `title` (markup), Preview and duration.
fn header(s: &Section, title: &str) -> String {
    let mut out = String::from("<header class=\"section-header\">");
    if let Some(n) = s.number {
        out.push_str(&format!("<span class=\"section-number\">{n}.</span> "));
    }
    out.push_str(title);
    if s.preview {
        out.push_str(" <span class=\"section-preview\">Preview</span>");
    }
    if let Some(d) = s.duration_seconds {
        out.push_str(&format!(
            " <span class=\"section-duration\">{}</span>",
            crate::format_duration(d.into())
        ));
    }
    out.push_str("</header>\n");
    out
}

/// A Markdown section's heading at its own level, with its anchor as id
/// (prefixed: see `sanitize::ID_PREFIX`); a timed one (`## 10. Intro
/// 08:48`) in a header with its number and duration, as a course
/// section's. The intro (level 0) has none.
fn markdown_heading(s: &Section, opts: &RenderOptions) -> String {
    if s.level == 0 {
        return String::new();
    }
    let h = s.level.min(6);
    let id = match s.id.as_str().split_once('#') {
        Some((_, anchor)) => format!(" id=\"{}{}\"", sanitize::ID_PREFIX, escape(anchor)),
        None => String::new(),
    };
    let title = title_html(&s.title, opts);
    if s.duration_seconds.is_some() {
        header(
            s,
            &format!("<h{h}{id} class=\"section-title\">{title}</h{h}>"),
        )
    } else {
        format!("<h{h}{id}>{title}</h{h}>\n")
    }
}

/// The unsanitized HTML of a Markdown section's body.
fn markdown_html(section: &Section, opts: &RenderOptions) -> String {
    let terms = mark::Terms::new(&opts.mark);
    markdown::body_html(section, opts.links.as_deref(), &terms)
}

/// The unsanitized HTML of a body: blocks, events, transforms, HTML.
fn body_html(text: &str, headings: bool, opts: &RenderOptions) -> String {
    let events = emit::emit(&blocks::blocks(text, headings));
    let terms = mark::Terms::new(&opts.mark);
    let events = code_spans::code_spans(events.into_iter());
    let events = tags::tags(events);
    let events = lang::lang(events);
    let events = mark::mark(events, &terms);
    let mut html = String::with_capacity(text.len() * 3);
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// A section title: language-tagged and marked, nothing else.
fn title_html(title: &str, opts: &RenderOptions) -> String {
    let terms = mark::Terms::new(&opts.mark);
    let events = lang::lang(std::iter::once(Event::Text(title.to_owned().into())));
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, mark::mark(events, &terms));
    html
}
