//! Images in Markdown notes. A file inside the notes folder is shown from
//! `pilgi-note://localhost/…` (the app serves that scheme from the folder
//! only); a path that leaves the folder is refused and a remote image is
//! never loaded, both shown by their alt text. Obsidian's `![[name.png]]`
//! is found by file name anywhere in the folder; `![[Note]]` (no image)
//! links the note. An SVG is an `<img>` like any other: an image element
//! never runs an SVG's script.

use super::html::{escape, inline, text};
use super::markdown::Context;
use super::note_links::{classify, open_tag};
use crate::links::{is_image, note_url, ImageTarget};
use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

/// An image being read: its destination and the alt text so far.
struct Open {
    link_type: LinkType,
    dest: String,
    title: String,
    alt: String,
    /// Images nested in the alt text (`![a ![b](c)](d)`).
    depth: usize,
}

/// The transform: each image, alt text and all, becomes its markup.
pub fn images<'a, 'c, I>(events: I, ctx: &'c Context<'c>) -> impl Iterator<Item = Event<'a>> + 'c
where
    I: Iterator<Item = Event<'a>> + 'c,
    'a: 'c,
{
    let mut open: Option<Open> = None;
    events.flat_map(move |e| {
        let Some(image) = open.as_mut() else {
            return match e {
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    ..
                }) => {
                    open = Some(Open {
                        link_type,
                        dest: dest_url.to_string(),
                        title: title.to_string(),
                        alt: String::new(),
                        depth: 0,
                    });
                    Vec::new()
                }
                other => vec![other],
            };
        };
        match e {
            Event::Start(Tag::Image { .. }) => image.depth += 1,
            Event::End(TagEnd::Image) if image.depth > 0 => image.depth -= 1,
            Event::End(TagEnd::Image) => {
                return open
                    .take()
                    .map(|i| image_events(ctx, &i.dest, i.link_type, &i.alt, &i.title))
                    .unwrap_or_default();
            }
            Event::Text(t) | Event::Code(t) => image.alt.push_str(&t),
            Event::SoftBreak | Event::HardBreak => image.alt.push(' '),
            _ => {}
        }
        Vec::new()
    })
}

/// The markup of one image written in `ctx.file` (also for raw `<img>`).
pub fn image_events(
    ctx: &Context<'_>,
    dest: &str,
    link_type: LinkType,
    alt: &str,
    title: &str,
) -> Vec<Event<'static>> {
    let wiki = matches!(link_type, LinkType::WikiLink { .. });
    let alt = alt.trim();
    let label = if alt.is_empty() { dest.trim() } else { alt };
    if wiki && !is_image(dest.trim()) {
        // `![[Note]]` embeds a note: link it.
        let link = classify(ctx, dest, link_type);
        return match open_tag(&link, "") {
            Some(tag) => vec![inline(tag), text(label), inline("</a>")],
            None => vec![text(label)],
        };
    }
    let target = if wiki {
        ctx.links.image_wiki(ctx.file, dest)
    } else {
        ctx.links.image(ctx.file, dest)
    };
    match target {
        ImageTarget::Local(rel) => {
            let title = if title.is_empty() {
                String::new()
            } else {
                format!(" title=\"{}\"", escape(title))
            };
            vec![inline(format!(
                "<img src=\"{}\" alt=\"{}\" loading=\"lazy\"{title}>",
                escape(&note_url(&rel)),
                escape(alt)
            ))]
        }
        ImageTarget::Refused => vec![
            inline("<span class=\"image-refused\" title=\"outside the notes folder\" data-l10n=\"note-image-refused\" data-l10n-attrs=\"title\">"),
            text(label),
            inline("</span>"),
        ],
        ImageTarget::Remote => vec![
            inline("<span class=\"remote-image\">"),
            text(label),
            inline(" <small>remote image</small></span>"),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::markdown::html_through;

    fn html(md: &str) -> String {
        html_through(md, |events, ctx| images(events, ctx).collect())
    }

    #[test]
    fn local_refused_remote() {
        assert_eq!(
            html("![파드 *구조*](<img/pod 1.png> \"t\")"),
            "<p><img src=\"pilgi-note://localhost/notes/img/pod%201.png\" alt=\"파드 구조\" loading=\"lazy\" title=\"t\"></p>\n"
        );
        assert_eq!(
            html("![](../../../etc/passwd)"),
            "<p><span class=\"image-refused\" title=\"outside the notes folder\" data-l10n=\"note-image-refused\" data-l10n-attrs=\"title\">../../../etc/passwd</span></p>\n"
        );
        assert!(html("![cat](/etc/passwd)")
            .contains("image-refused\" title=\"outside the notes folder\" data-l10n=\"note-image-refused\" data-l10n-attrs=\"title\">cat</span>"));
        assert_eq!(
            html("![cat](https://evil.example/cat.png)"),
            "<p><span class=\"remote-image\">cat <small>remote image</small></span></p>\n"
        );
        assert!(html("![x](//evil.example/p.gif)").contains("remote-image"));
        assert!(html("![d](d.svg)").contains("<img src=\"pilgi-note://localhost/notes/d.svg\""));
    }

    #[test]
    fn embeds() {
        // Not in the folder's image list: beside the note.
        assert!(html("![[img.png]]")
            .contains("<img src=\"pilgi-note://localhost/notes/img.png\" alt=\"img.png\""));
        assert!(html("![[Some note]]").contains("<a class=\"note-link unresolved\" title=\"not found in the notes folder: Some note\" data-l10n=\"note-link-unresolved\" data-l10n-attrs=\"title\">Some note</a>"));
        assert!(html("![a ![b](c.png)](d.png)").contains("alt=\"a b\""));
    }
}
