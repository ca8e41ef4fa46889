//! Language tagging: each text run is wrapped by script, Hangul runs in
//! `lang="ko"` and Latin runs in `lang="en"`, so the right font is picked,
//! Korean breaks only between words (`word-break: keep-all`) and screen
//! readers switch voices. Digits, spaces, punctuation and emoji belong to
//! the run they sit in; code is never split (it is not a text event).

use super::html::{inline, text};
use crate::analysis::hangul::is_hangul;
use pulldown_cmark::Event;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Ko,
    En,
}

fn script_of(c: char) -> Option<Script> {
    if is_hangul(c) {
        Some(Script::Ko)
    } else if c.is_alphabetic() && ((c as u32) < 0x0250 || (0x1E00..=0x1EFF).contains(&(c as u32)))
    {
        Some(Script::En)
    } else {
        None
    }
}

/// The transform.
pub fn lang<'a>(events: impl Iterator<Item = Event<'a>>) -> impl Iterator<Item = Event<'a>> {
    events.flat_map(|e| match e {
        Event::Text(t) => wrap(&t),
        other => vec![other],
    })
}

/// Splits text into script runs: leading neutral characters join the first
/// run, later ones the run before them.
fn runs(t: &str) -> Vec<(Option<Script>, &str)> {
    let mut out: Vec<(Option<Script>, &str)> = Vec::new();
    let mut start = 0;
    let mut current: Option<Script> = None;
    for (i, c) in t.char_indices() {
        let Some(s) = script_of(c) else { continue };
        match current {
            None => current = Some(s),
            Some(cur) if cur != s => {
                out.push((current, &t[start..i]));
                start = i;
                current = Some(s);
            }
            _ => {}
        }
    }
    if start < t.len() {
        out.push((current, &t[start..]));
    }
    out
}

fn wrap<'a>(t: &str) -> Vec<Event<'a>> {
    let mut out = Vec::new();
    for (script, run) in runs(t) {
        match script {
            Some(s) => {
                let code = if s == Script::Ko { "ko" } else { "en" };
                out.push(inline(format!("<span lang=\"{code}\">")));
                out.push(text(run));
                out.push(inline("</span>"));
            }
            None => out.push(text(run)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::html::push_html;

    fn html(t: &str) -> String {
        let mut s = String::new();
        push_html(&mut s, lang(std::iter::once(Event::Text(t.into()))));
        s
    }

    #[test]
    fn runs_by_script() {
        assert_eq!(
            html("k8s는 컨테이너 환경"),
            "<span lang=\"en\">k8s</span><span lang=\"ko\">는 컨테이너 환경</span>"
        );
        assert_eq!(
            html("1. pod 생성 🚀"),
            "<span lang=\"en\">1. pod </span><span lang=\"ko\">생성 🚀</span>"
        );
        assert_eq!(html(" -> 3:1 "), " -&gt; 3:1 ");
        assert_eq!(html("Café naïve"), "<span lang=\"en\">Café naïve</span>");
    }
}
