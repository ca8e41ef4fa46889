//! Note text to tagged, sanitized HTML.
//!
//! The pipeline, one small step per file:
//! 1. `blocks` — the note dialect's line structure (summaries, comments,
//!    commands, YAML, terms, lists, prose), decided line by line;
//! 2. `emit` — blocks to pulldown-cmark events; `inline` parses the
//!    markdown inside each line with pulldown-cmark and makes it safe;
//! 3. event transforms, as iterator adapters: `code_spans` (flags, paths,
//!    `key=value` as code) → `tags` (`#tag`, glossary terms) → `lang`
//!    (`lang="ko"` / `lang="en"` runs) → `mark` (search terms);
//! 4. `pulldown_cmark::html::push_html`, then `sanitize` (ammonia).
//!
//! ```
//! use pilgi_core::render::{render_text, RenderOptions};
//! let html = render_text("> 요약\n$ k get pods\n# 주석", &RenderOptions::default());
//! assert!(html.contains("<p class=\"summary\">"));
//! assert!(html.contains("data-copy=\"k get pods\""));
//! assert!(html.contains("<p class=\"comment\">"));
//! ```

mod blocks;
mod code_spans;
mod emit;
mod html;
mod inline;
mod lang;
mod mark;
mod sanitize;
mod tags;
mod yaml;

use crate::note::{Note, Section};
use html::escape;
use pulldown_cmark::Event;

/// How to render.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// Search terms to highlight with `<mark>` (case-insensitive, at word
    /// starts; see `analysis::terms_for_marking` for a query's terms).
    pub mark: Vec<String>,
    /// Treat `# Title` lines as headings instead of comments. Sections of
    /// `.md` / `.markdown` files get headings whatever this says.
    pub markdown_headings: bool,
}

/// Renders arbitrary note text (no section structure) into
/// `<div class="pilgi-note">…</div>`.
pub fn render_text(text: &str, opts: &RenderOptions) -> String {
    let body = body_html(text, opts.markdown_headings, opts);
    sanitize::sanitize(&format!("<div class=\"pilgi-note\">\n{body}</div>\n"))
}

/// Renders a section's body (its header is the caller's job) into
/// `<div class="pilgi-note">…</div>`.
pub fn render_section(section: &Section, opts: &RenderOptions) -> String {
    let headings = opts.markdown_headings || is_markdown(&section.file);
    let body = body_html(&section.body, headings, opts);
    sanitize::sanitize(&format!("<div class=\"pilgi-note\">\n{body}</div>\n"))
}

/// Renders a whole note: the preamble, then every section under a header
/// with its number, title and duration, each in a
/// `<section class="note-section" data-section-id="…">`.
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
        out.push_str(&format!(
            "<section class=\"note-section\" data-section-id=\"{}\">\n<header class=\"section-header\">",
            escape(s.id.as_str())
        ));
        if let Some(n) = s.number {
            out.push_str(&format!("<span class=\"section-number\">{n}.</span> "));
        }
        out.push_str("<h2 class=\"section-title\">");
        out.push_str(&title_html(&s.title, opts));
        out.push_str("</h2>");
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
        out.push_str(&body_html(&s.body, headings, opts));
        out.push_str("</section>\n");
    }
    out.push_str("</article>\n");
    sanitize::sanitize(&out)
}

fn is_markdown(file: &str) -> bool {
    let lower = file.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown")
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
