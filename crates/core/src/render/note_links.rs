//! Links in Markdown notes. The reader's webview never navigates: a web or
//! mail link becomes `<a class="external" data-external="URL">` (the app
//! opens it in the system browser), a link to a note
//! `<a class="note-link" href="#" data-target="SECTION_ID">` (the app
//! opens the section), one that names no note of the folder (or points
//! outside it) `<a class="note-link unresolved" title="…">` without an
//! address, and a link with any other scheme (`javascript:`, `data:`,
//! `file:`) only its text.

use super::html::{escape, inline};
use super::markdown::Context;
use crate::links::scheme;
use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

/// What a link destination is, once resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// A web or mail address.
    External(String),
    /// A section of a note.
    Note(String),
    /// A path naming no note of the folder (or outside it).
    Unresolved(String),
    /// A scheme the reader never follows: text only.
    Refused,
}

/// Resolves a destination written in `ctx.file`.
pub fn classify(ctx: &Context<'_>, dest: &str, link_type: LinkType) -> Link {
    let dest = dest.trim();
    if link_type == LinkType::Email {
        return Link::External(format!("mailto:{dest}"));
    }
    let target = match link_type {
        LinkType::WikiLink { .. } => ctx.links.resolve_wiki(ctx.file, dest),
        _ => match scheme(dest).as_deref() {
            Some("http" | "https" | "mailto") => return Link::External(dest.to_owned()),
            Some(_) => return Link::Refused,
            None if dest.starts_with("//") => return Link::Refused,
            None => ctx.links.resolve(ctx.file, dest),
        },
    };
    match target {
        Some(t) => Link::Note(t.section.to_string()),
        None => Link::Unresolved(dest.to_owned()),
    }
}

/// The opening tag of a link; `None` when only its text is shown.
pub fn open_tag(link: &Link, title: &str) -> Option<String> {
    let title = if title.is_empty() {
        String::new()
    } else {
        format!(" title=\"{}\"", escape(title))
    };
    Some(match link {
        Link::External(url) => {
            let url = escape(url);
            format!("<a href=\"{url}\" class=\"external\" rel=\"noopener noreferrer\" data-external=\"{url}\"{title}>")
        }
        Link::Note(id) => format!(
            "<a class=\"note-link\" href=\"#\" data-target=\"{}\"{title}>",
            escape(id)
        ),
        Link::Unresolved(dest) => format!(
            "<a class=\"note-link unresolved\" title=\"not found in the notes folder: {}\" data-l10n=\"note-link-unresolved\" data-l10n-attrs=\"title\">",
            escape(dest)
        ),
        Link::Refused => return None,
    })
}

/// The transform.
pub fn note_links<'a, 'c, I>(
    events: I,
    ctx: &'c Context<'c>,
) -> impl Iterator<Item = Event<'a>> + 'c
where
    I: Iterator<Item = Event<'a>> + 'c,
    'a: 'c,
{
    // For each open link: whether its tag was written.
    let mut open: Vec<bool> = Vec::new();
    // Inside `[[Note#Heading]]`, whose text is its target as written.
    let mut wiki_target = false;
    events.flat_map(move |e| match e {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            ..
        }) => {
            wiki_target = link_type == LinkType::WikiLink { has_pothole: false };
            let tag = open_tag(&classify(ctx, &dest_url, link_type), &title);
            open.push(tag.is_some());
            tag.map(inline).into_iter().collect()
        }
        Event::End(TagEnd::Link) => {
            wiki_target = false;
            match open.pop() {
                Some(true) => vec![inline("</a>")],
                _ => Vec::new(),
            }
        }
        // Shown as Obsidian shows it: `Note › Heading`.
        Event::Text(t) if wiki_target && t.contains('#') => {
            let shown: Vec<&str> = t
                .split('#')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            vec![Event::Text(shown.join(" › ").into())]
        }
        other => vec![other],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::markdown::html_through;

    fn html(md: &str) -> String {
        html_through(md, |events, ctx| note_links(events, ctx).collect())
    }

    #[test]
    fn links_never_navigate() {
        assert_eq!(
            html("[k8s](https://kubernetes.io \"docs\")"),
            "<p><a href=\"https://kubernetes.io\" class=\"external\" rel=\"noopener noreferrer\" data-external=\"https://kubernetes.io\" title=\"docs\">k8s</a></p>\n"
        );
        assert!(html("<me@x.org>").contains("data-external=\"mailto:me@x.org\""));
        assert_eq!(html("[x](javascript:alert(1))"), "<p>x</p>\n");
        assert_eq!(html("[x](//evil.example)"), "<p>x</p>\n");
        assert_eq!(
            html("[[Gone|label]]"),
            "<p><a class=\"note-link unresolved\" title=\"not found in the notes folder: Gone\" data-l10n=\"note-link-unresolved\" data-l10n-attrs=\"title\">label</a></p>\n"
        );
        assert!(html("[p](../../../etc/passwd)").contains("note-link unresolved"));
        assert!(html("[[Note#Part]] [[#Here]]").contains(">Note › Part</a> <a class=\"note-link unresolved\" title=\"not found in the notes folder: #Here\" data-l10n=\"note-link-unresolved\" data-l10n-attrs=\"title\">Here</a>"));
    }
}
