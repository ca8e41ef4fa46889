//! A small reader of HTML tags, for `raw_html.rs`: it only has to find
//! where a tag ends, its name and its attributes; anything it cannot read
//! as a whole tag is text. Never a parser of documents: html5ever (in
//! ammonia) is that, after the renderer.

/// The longest tag read, in bytes.
const MAX_TAG: usize = 4096;

/// A tag as written: its name (lowercased), whether it closes, attributes.
#[derive(Debug, PartialEq)]
pub struct RawTag {
    /// Lowercased.
    pub name: String,
    /// `</name>`.
    pub closing: bool,
    /// Names lowercased, values with their entities decoded.
    pub attrs: Vec<(String, String)>,
}

impl RawTag {
    /// An attribute's value (`""` when absent).
    pub fn attr(&self, name: &str) -> &str {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// Where the end tag `</name` starts in `haystack`, in any case (one pass,
/// no lowercased copy: a block of many `<script>`s stays linear).
pub fn find_end_tag(haystack: &str, name: &str) -> Option<usize> {
    let bytes = haystack.as_bytes();
    haystack.match_indices("</").map(|(i, _)| i).find(|&i| {
        bytes
            .get(i + 2..i + 2 + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
    })
}

/// Reads the tag `s` starts with (`<name attr="v">`, `</name>`), and its
/// length in bytes; `None` when `s` does not start with a whole tag.
///
/// Long (~90 lines): a lexer is one loop over the bytes with its states
/// side by side (name, attribute name, unquoted or quoted value); split
/// into functions it would pass its cursor back and forth.
pub fn lex(s: &str) -> Option<(RawTag, usize)> {
    // Longer is no tag: each `<` is read at most this far, so text full of
    // `<a b=x` without a `>` stays linear.
    let mut end = s.len().min(MAX_TAG);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let s = &s[..end];
    let b = s.as_bytes();
    let mut i = 1;
    let closing = b.get(i) == Some(&b'/');
    i += usize::from(closing);
    let name_start = i;
    if !b.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    while b
        .get(i)
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-')
    {
        i += 1;
    }
    let name = s[name_start..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        while b.get(i)?.is_ascii_whitespace() {
            i += 1;
        }
        match b.get(i)? {
            b'>' => {
                return Some((
                    RawTag {
                        name,
                        closing,
                        attrs,
                    },
                    i + 1,
                ))
            }
            b'/' => {
                i += 1;
                continue;
            }
            _ => {}
        }
        let attr_start = i;
        while b
            .get(i)
            .is_some_and(|c| !c.is_ascii_whitespace() && !b"<>/=\"'".contains(c))
        {
            i += 1;
        }
        if i == attr_start {
            // A stray quote or `<`: no tag.
            return None;
        }
        let attr = s[attr_start..i].to_ascii_lowercase();
        while b.get(i)?.is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if b.get(i) == Some(&b'=') {
            i += 1;
            while b.get(i)?.is_ascii_whitespace() {
                i += 1;
            }
            let (start, end) = match b.get(i)? {
                q @ (b'"' | b'\'') => {
                    let len = s[i + 1..].find(*q as char)?;
                    (i + 1, i + 1 + len)
                }
                _ => {
                    let len = s[i..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .unwrap_or(s.len() - i);
                    (i, i + len)
                }
            };
            value = decode_entities(&s[start..end]);
            i = if matches!(b[i], b'"' | b'\'') {
                end + 1
            } else {
                end
            };
        }
        attrs.push((attr, value));
    }
}

/// The few entities attribute values use (`&amp;` in URLs above all).
fn decode_entities(value: &str) -> String {
    if !value.contains('&') {
        return value.to_owned();
    }
    value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tags_or_nothing() {
        let (tag, len) = lex("<A Href='x&amp;y' data-x=1 hidden/>rest").unwrap();
        assert_eq!(len, 35);
        assert_eq!(tag.name, "a");
        assert_eq!(tag.attr("href"), "x&y");
        assert_eq!(tag.attr("data-x"), "1");
        assert_eq!(tag.attr("hidden"), "");
        assert!(lex("</div >").is_some_and(|(t, _)| t.closing && t.name == "div"));
        for not_a_tag in ["<3", "< a>", "<a", "<a href=\"x>", "<a \"x\">"] {
            assert!(lex(not_a_tag).is_none(), "{not_a_tag}");
        }
        assert_eq!(find_end_tag("x</b></SCRIPT >", "script"), Some(5));
    }
}
