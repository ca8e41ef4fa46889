//! Inline code by shape: `--flags`, `-n`, paths, URLs, `key=value` and file
//! names in prose render as code, so `--dry-run=client` in a sentence looks
//! like what it is. A Korean particle glued to the token
//! (`kubeapiserver.service의`) stays prose.

use super::html::{code, text};
use crate::analysis::hangul::is_hangul;
use pulldown_cmark::{Event, Tag, TagEnd};

/// Extensions that make `name.ext` a file even with a one-letter stem.
const EXTENSIONS: &[&str] = &[
    "yaml",
    "yml",
    "json",
    "service",
    "conf",
    "crt",
    "key",
    "pem",
    "csr",
    "sh",
    "txt",
    "log",
    "md",
    "toml",
    "ini",
    "cfg",
    "db",
    "tar",
    "gz",
    "tgz",
    "zip",
    "js",
    "py",
    "go",
    "rs",
    "kubeconfig",
];

/// The transform: splits text events (outside links) into text and code.
pub fn code_spans<'a>(events: impl Iterator<Item = Event<'a>>) -> impl Iterator<Item = Event<'a>> {
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
        Event::Text(t) if in_link == 0 => split(&t),
        other => vec![other],
    })
}

fn split<'a>(t: &str) -> Vec<Event<'a>> {
    let mut out = Vec::new();
    let mut plain = String::new();
    for piece in t.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end();
        let space = &piece[word.len()..];
        match code_part(word) {
            Some((start, end)) => {
                plain.push_str(&word[..start]);
                if !plain.is_empty() {
                    out.push(text(std::mem::take(&mut plain)));
                }
                out.push(code(&word[start..end]));
                plain.push_str(&word[end..]);
                plain.push_str(space);
            }
            None => plain.push_str(piece),
        }
    }
    if !plain.is_empty() {
        out.push(text(plain));
    }
    out
}

/// The byte range of the code inside a word, after trimming punctuation
/// around it and a Korean particle after it.
fn code_part(word: &str) -> Option<(usize, usize)> {
    let start = word.len() - word.trim_start_matches(['(', '[', '"', '\'', '`']).len();
    let mut core = &word[start..];
    if let Some(k) = core.find(is_hangul) {
        // `ETCDCTL_API=3으로` → `ETCDCTL_API=3` + `으로`, but only when the
        // rest is all Korean (a particle), not `a한b`.
        if !core[k..].chars().all(is_hangul) {
            return None;
        }
        core = &core[..k];
    }
    let core = core.trim_end_matches([',', '.', ';', ':', ')', ']', '"', '\'', '!', '?', '`']);
    is_code(core).then_some((start, start + core.len()))
}

fn is_code(w: &str) -> bool {
    if w.len() < 2 || !w.is_ascii() || w.contains('`') {
        return false;
    }
    let flag = {
        let rest = w.trim_start_matches('-');
        let dashes = w.len() - rest.len();
        (1..=2).contains(&dashes)
            && rest.starts_with(|c: char| c.is_ascii_alphabetic())
            && rest
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_=.:/,*\"'".contains(c))
    };
    let path =
        (w.starts_with('/') || w.starts_with("~/") || w.starts_with("./") || w.starts_with("../"))
            && w.chars().any(|c| c.is_ascii_alphanumeric());
    let url = w.starts_with("http://") || w.starts_with("https://");
    let assignment = match w.split_once('=') {
        Some((k, v)) => {
            !v.is_empty()
                && k.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                && k.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c))
        }
        None => false,
    };
    flag || path || url || assignment || dotted(w)
}

/// `nginx.yaml`, `spec.template.spec`, `db-service.dev.svc.cluster.local`;
/// not `e.g`, `v1.2` or a sentence's full stop.
fn dotted(w: &str) -> bool {
    let parts: Vec<&str> = w.split('.').collect();
    let Some(last) = parts.last() else {
        return false;
    };
    parts.len() >= 2
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
        && last.starts_with(|c: char| c.is_ascii_lowercase())
        && (EXTENSIONS.contains(last) || parts.iter().all(|p| p.len() >= 2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::html::push_html;

    fn html(t: &str) -> String {
        let mut s = String::new();
        push_html(&mut s, code_spans(std::iter::once(Event::Text(t.into()))));
        s
    }

    #[test]
    fn code_shapes_in_prose() {
        assert_eq!(
            html("--drt-run=client -> 테스트"),
            "<code>--drt-run=client</code> -&gt; 테스트"
        );
        assert_eq!(
            html("export ETCDCTL_API=3 으로 설정 가능(default=2)"),
            "export <code>ETCDCTL_API=3</code> 으로 설정 가능(default=2)"
        );
        assert_eq!(html("(default=2)"), "(<code>default=2</code>)");
        assert_eq!(
            html("kubeapiserver.service의 설정"),
            "<code>kubeapiserver.service</code>의 설정"
        );
        assert_eq!(
            html("-etcd-cafile, etcd-certfile"),
            "<code>-etcd-cafile</code>, etcd-certfile"
        );
        assert_eq!(
            html("--cacert /etc/kubernetes/pki/etcd/ca.crt"),
            "<code>--cacert</code> <code>/etc/kubernetes/pki/etcd/ca.crt</code>"
        );
        assert_eq!(
            html("- db-service.dev.svc.cluster.local"),
            "- <code>db-service.dev.svc.cluster.local</code>"
        );
        assert_eq!(
            html("see https://a.b/c."),
            "see <code>https://a.b/c</code>."
        );
    }

    #[test]
    fn prose_stays_prose() {
        for t in [
            "a -> b",
            "3000 - 32767",
            "e.g. this",
            "v1.2 release",
            "end. Next",
            "key value는 1:1 대응함",
            "-- advertise-client-url",
            "pod가 1개여도",
            "k8s",
            "row/column",
        ] {
            assert_eq!(html(t), super::super::html::escape(t), "{t}");
        }
    }
}
