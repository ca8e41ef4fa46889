//! `#tag` words and glossary terms, tagged so the UI can turn them into
//! searches: `<span class="tag" data-tag="…">` and
//! `<span class="term" data-term="pod">파드</span>` (the glossary's
//! canonical English key, shared with the search engine).

use super::html::{escape, inline, text};
use crate::analysis::glossary::{Glossary, Group, Term};
use crate::analysis::hangul::is_hangul;
use crate::analysis::stem::korean_stem;
use pulldown_cmark::{Event, Tag, TagEnd};

/// The transform over text events outside links.
pub fn tags<'a>(events: impl Iterator<Item = Event<'a>>) -> impl Iterator<Item = Event<'a>> {
    let mut in_link = 0usize;
    events.flat_map(move |e| match e {
        Event::Start(Tag::Link { .. }) => {
            in_link += 1;
            vec![e]
        }
        Event::End(TagEnd::Link) => {
            in_link = in_link.saturating_sub(1);
            vec![e]
        }
        Event::Text(t) if in_link == 0 => tag_text(&t),
        other => vec![other],
    })
}

/// Letters, digits, `_` and `-` make up words and tags.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

fn script(c: char) -> u8 {
    if is_hangul(c) {
        1
    } else {
        0
    }
}

fn tag_text<'a>(t: &str) -> Vec<Event<'a>> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let flush = |plain: &mut String, out: &mut Vec<Event<'a>>| {
        if !plain.is_empty() {
            out.push(text(std::mem::take(plain)));
        }
    };
    let mut rest = t;
    let mut prev: Option<char> = None;
    while let Some(c) = rest.chars().next() {
        let boundary = prev.is_none_or(|p| !is_word_char(p));
        // `#tag`: at a word start, with at least one letter.
        if c == '#' && boundary {
            let body_len = rest[1..]
                .find(|c: char| !is_word_char(c))
                .unwrap_or(rest.len() - 1);
            let body = rest[1..1 + body_len].trim_end_matches('-');
            if body.chars().any(char::is_alphabetic) {
                flush(&mut plain, &mut out);
                out.push(inline(format!(
                    "<span class=\"tag\" data-tag=\"{}\">",
                    escape(&body.to_lowercase())
                )));
                out.push(text(format!("#{body}")));
                out.push(inline("</span>"));
                rest = &rest[1 + body.len()..];
                prev = body.chars().last();
                continue;
            }
        }
        let script_change =
            prev.is_some_and(|p| p.is_alphabetic() && c.is_alphabetic() && script(p) != script(c));
        if c.is_alphanumeric() && (boundary || script_change) {
            // One script run of a word: `pod` and `가` in `pod가`.
            let s = script(c);
            let len = rest
                .find(|d: char| !is_word_char(d) || (d.is_alphabetic() && script(d) != s))
                .unwrap_or(rest.len());
            let word = &rest[..len];
            if let Some(group) = term_group(word) {
                flush(&mut plain, &mut out);
                out.push(inline(format!(
                    "<span class=\"term\" data-term=\"{}\">",
                    escape(&group.key)
                )));
                out.push(text(word));
                out.push(inline("</span>"));
            } else {
                plain.push_str(word);
            }
            rest = &rest[len..];
            prev = word.chars().last();
            continue;
        }
        plain.push(c);
        rest = &rest[c.len_utf8()..];
        prev = Some(c);
    }
    flush(&mut plain, &mut out);
    out
}

/// The glossary group of a single-script word, strictly: an exact English
/// or Korean form, a Korean form plus particle (`파드를`), or a short name
/// of three letters or more (`svc`). Two-letter short names (`no`, `po`)
/// and English stems are left to search: in prose they are too often
/// ordinary words.
fn term_group(word: &str) -> Option<&'static Group> {
    if word.chars().count() < 2 {
        return None;
    }
    let group = Glossary::builtin().lookup(word)?;
    let lower = word.to_lowercase();
    let has = |forms: &[Term], w: &str| forms.iter().any(|f| f == w);
    let ok = group.key == lower
        || has(&group.english, &lower)
        || has(&group.korean, &lower)
        || korean_stem(&lower).is_some_and(|s| has(&group.korean, s))
        || (lower.len() >= 3 && has(&group.short, &lower));
    ok.then_some(group)
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::html::push_html;

    fn html(t: &str) -> String {
        let mut s = String::new();
        push_html(&mut s, tags(std::iter::once(Event::Text(t.into()))));
        s
    }

    #[test]
    fn hash_tags() {
        assert_eq!(
            html("복습 #시험 #exam-tip."),
            "복습 <span class=\"tag\" data-tag=\"시험\">#시험</span> <span class=\"tag\" data-tag=\"exam-tip\">#exam-tip</span>."
        );
        assert_eq!(html("issue #3 and a#b"), "issue #3 and a#b");
    }

    #[test]
    fn glossary_terms() {
        assert_eq!(
            html("파드를 만들고 pod가 뜸"),
            "<span class=\"term\" data-term=\"pod\">파드를</span> 만들고 <span class=\"term\" data-term=\"pod\">pod</span>가 뜸"
        );
        // Two-letter short names are ordinary words in prose.
        assert_eq!(html("no po"), "no po");
        assert!(html("the svc").contains("data-term=\"service\""));
        // Words containing a term are not the term.
        assert_eq!(html("podcast"), "podcast");
    }
}
