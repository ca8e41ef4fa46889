//! Search terms marked with `<mark>` in text and code: case-insensitive,
//! starting at a word boundary (a term is a word or a word's beginning, as
//! the search engine matches prefixes and stems: `파드` marks `파드를`,
//! `po` does not mark `expose`). Only text is searched, never markup or
//! attributes, because only text and code events are looked at.

use super::html::{inline, text};
use crate::analysis::hangul::is_hangul;
use pulldown_cmark::Event;

/// At most this many terms are marked (a pasted paragraph as a query must
/// not make rendering slow).
const MAX_TERMS: usize = 32;

/// Normalized search terms.
#[derive(Debug, Clone, Default)]
pub struct Terms(Vec<String>);

impl Terms {
    /// Lowercased, trimmed, non-empty, distinct terms.
    pub fn new(raw: &[String]) -> Terms {
        let mut v: Vec<String> = Vec::new();
        for t in raw {
            let t = lower(t.trim());
            if !t.is_empty() && t.chars().count() <= 200 && !v.contains(&t) {
                v.push(t);
            }
        }
        v.truncate(MAX_TERMS);
        Terms(v)
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Per-character lowercase that keeps one char per char, so positions in
/// the lowered text map back to the original.
fn lower_char(c: char) -> char {
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(one), None) => one,
        _ => c,
    }
}

fn lower(s: &str) -> String {
    s.chars().map(lower_char).collect()
}

/// The transform.
pub fn mark<'a>(
    events: impl Iterator<Item = Event<'a>>,
    terms: &Terms,
) -> impl Iterator<Item = Event<'a>> {
    let terms = terms.clone();
    events.flat_map(move |e| {
        if terms.is_empty() {
            return vec![e];
        }
        match e {
            Event::Text(t) => match ranges(&t, &terms) {
                r if r.is_empty() => vec![Event::Text(t)],
                r => pieces(&t, &r),
            },
            Event::Code(t) => match ranges(&t, &terms) {
                r if r.is_empty() => vec![Event::Code(t)],
                r => {
                    let mut v = vec![inline("<code>")];
                    v.extend(pieces(&t, &r));
                    v.push(inline("</code>"));
                    v
                }
            },
            other => vec![other],
        }
    })
}

fn boundary(prev: Option<char>, first: char) -> bool {
    match prev {
        None => true,
        Some(p) => !p.is_alphanumeric() || (is_hangul(p) != is_hangul(first)),
    }
}

/// Byte ranges of matches in `t`, merged where they overlap.
fn ranges(t: &str, terms: &Terms) -> Vec<(usize, usize)> {
    // Lowercased text with, per lowered byte, the original byte offset.
    let mut lowered = String::with_capacity(t.len());
    let mut offsets: Vec<usize> = Vec::with_capacity(t.len() + 1);
    for (i, c) in t.char_indices() {
        let l = lower_char(c);
        for _ in 0..l.len_utf8() {
            offsets.push(i);
        }
        lowered.push(l);
    }
    offsets.push(t.len());
    let mut found: Vec<(usize, usize)> = Vec::new();
    for term in &terms.0 {
        let Some(first) = term.chars().next() else {
            continue;
        };
        for (at, m) in lowered.match_indices(term.as_str()) {
            let prev = lowered[..at].chars().next_back();
            if boundary(prev, first) {
                found.push((offsets[at], offsets[at + m.len()]));
            }
        }
    }
    found.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in found {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

fn pieces<'a>(t: &str, ranges: &[(usize, usize)]) -> Vec<Event<'a>> {
    let mut out = Vec::new();
    let mut at = 0;
    for &(s, e) in ranges {
        if s > at {
            out.push(text(&t[at..s]));
        }
        out.push(inline("<mark>"));
        out.push(text(&t[s..e]));
        out.push(inline("</mark>"));
        at = e;
    }
    if at < t.len() {
        out.push(text(&t[at..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::html::code;
    use super::*;
    use pulldown_cmark::html::push_html;

    fn html(events: Vec<Event<'static>>, terms: &[&str]) -> String {
        let terms = Terms::new(&terms.iter().map(|t| t.to_string()).collect::<Vec<_>>());
        let mut s = String::new();
        push_html(&mut s, mark(events.into_iter(), &terms));
        s
    }

    #[test]
    fn marks_words_and_prefixes() {
        let t = || vec![text("파드를 만들고 Pod expose <po>")];
        assert_eq!(
            html(t(), &["파드", "po"]),
            "<mark>파드</mark>를 만들고 <mark>Po</mark>d expose &lt;<mark>po</mark>&gt;"
        );
        assert_eq!(html(t(), &[]), "파드를 만들고 Pod expose &lt;po&gt;");
        assert_eq!(
            html(t(), &["  ", "zz"]),
            "파드를 만들고 Pod expose &lt;po&gt;"
        );
        // `lt` is not found inside the escaped `&lt;`: only text is searched.
        assert_eq!(
            html(vec![text("<a>")], &["lt", "a"]),
            "&lt;<mark>a</mark>&gt;"
        );
    }

    #[test]
    fn marks_in_code_and_overlaps() {
        assert_eq!(
            html(
                vec![code("k get pods --dry-run=client")],
                &["dry-run", "dry", "get"]
            ),
            "<code>k <mark>get</mark> pods --<mark>dry-run</mark>=client</code>"
        );
        // Korean particle after an English word is a boundary.
        assert_eq!(html(vec![text("pod가")], &["가"]), "pod<mark>가</mark>");
        // Characters whose lowercase changes length.
        assert_eq!(
            html(vec![text("İx KELVIN")], &["x", "kelvin"]),
            "İx <mark>KELVIN</mark>"
        );
    }
}
