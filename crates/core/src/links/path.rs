//! Paths as links write them, handled as text: normalised against a note's
//! folder without touching the disk, percent-decoded and -encoded, and the
//! `pilgi-note://` URL the app serves images under.

use unicode_normalization::UnicodeNormalization;

/// The scheme of image URLs: the app serves it from the notes folder only.
pub const NOTE_SCHEME: &str = "pilgi-note";

/// What every image URL starts with.
const URL_PREFIX: &str = "pilgi-note://localhost/";

/// The folder of a `/`-separated relative file path (`""` at the root).
pub fn folder(file: &str) -> &str {
    file.rfind('/').map_or("", |i| &file[..i])
}

/// `path` taken from folder `base`, `.` and `..` resolved, `/` (and `\`,
/// which some notes written on Windows use) as separators. `None` when it
/// climbs above the root: such a link points outside the notes folder.
pub fn normalize(base: &str, path: &str) -> Option<String> {
    let mut out: Vec<&str> = Vec::new();
    for part in base.split('/').chain(path.split(['/', '\\'])) {
        match part {
            "" | "." => {}
            ".." => {
                out.pop()?;
            }
            p => out.push(p),
        }
    }
    Some(out.join("/"))
}

/// Whether a destination names a scheme (`https:`, `mailto:`,
/// `javascript:`): letters first, then letters, digits, `+`, `-`, `.`, up
/// to a `:`. One letter is a Windows drive (`C:\`), not a scheme. The
/// scheme comes back lowercased.
pub fn scheme(dest: &str) -> Option<String> {
    let colon = dest.find(':')?;
    let s = &dest[..colon];
    let ok = s.len() >= 2
        && s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    ok.then(|| s.to_ascii_lowercase())
}

/// Splits a destination into its path and its `#fragment`; a `?query`
/// is dropped (notes are files, not pages that take parameters).
pub fn split_fragment(dest: &str) -> (&str, &str) {
    let (before, fragment) = dest.split_once('#').unwrap_or((dest, ""));
    let path = before.split_once('?').map_or(before, |(p, _)| p);
    (path, fragment)
}

/// `%XX` sequences decoded (`pod%20lifecycle` → `pod lifecycle`), then
/// NFC, as file names are. Text that does not decode to UTF-8 is kept as
/// written.
pub fn decode(text: &str) -> String {
    if !text.contains('%') {
        return text.nfc().collect();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = bytes.get(i + 1..i + 3).and_then(|pair| {
            let high = (pair[0] as char).to_digit(16)?;
            let low = (pair[1] as char).to_digit(16)?;
            u8::try_from(high * 16 + low).ok()
        });
        match (bytes[i], escaped) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    match String::from_utf8(out) {
        Ok(s) => s.nfc().collect(),
        Err(_) => text.nfc().collect(),
    }
}

/// Percent-encodes one path segment: everything but `A-Z a-z 0-9 - . _ ~`.
fn encode_segment(segment: &str, out: &mut String) {
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
}

/// The URL of an image inside the notes folder, each segment of its
/// relative path percent-encoded: `pilgi-note://localhost/img/a%20b.png`.
pub fn note_url(rel: &str) -> String {
    let mut out = String::from(URL_PREFIX);
    for (i, segment) in rel.split('/').enumerate() {
        if i > 0 {
            out.push('/');
        }
        encode_segment(segment, &mut out);
    }
    out
}

/// The relative path a `pilgi-note://` URL names, for the app serving it:
/// `None` for any other URL, or one whose decoded segments are empty, `.`,
/// `..`, or hold a separator or NUL (so no URL climbs out, whatever a
/// note's raw HTML wrote). The app must still check the real path with
/// [`super::contained`]: a symlink inside the folder can point outside.
pub fn path_of_note_url(url: &str) -> Option<String> {
    decode_segments(url.strip_prefix(URL_PREFIX)?)
}

/// The same for the path of a request to the scheme (`/img/a%20b.png`,
/// what an HTTP request's URI path holds).
pub fn note_path(url_path: &str) -> Option<String> {
    decode_segments(url_path.strip_prefix('/').unwrap_or(url_path))
}

fn decode_segments(rest: &str) -> Option<String> {
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    let mut parts = Vec::new();
    for raw in rest.split('/') {
        let part = decode(raw);
        if part.is_empty() || part == "." || part == ".." || part.contains(['/', '\\', '\0']) {
            return None;
        }
        parts.push(part);
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_without_climbing_out() {
        assert_eq!(normalize("a/b", "../c/./d.md").as_deref(), Some("a/c/d.md"));
        assert_eq!(normalize("a", "..").as_deref(), Some(""));
        assert_eq!(normalize("a", "../../x"), None);
        assert_eq!(normalize("", "..\\..\\etc\\passwd"), None);
        assert_eq!(normalize("", "x//y/").as_deref(), Some("x/y"));
    }

    #[test]
    fn schemes() {
        assert_eq!(scheme("https://x").as_deref(), Some("https"));
        assert_eq!(scheme("JavaScript:alert(1)").as_deref(), Some("javascript"));
        assert_eq!(scheme("C:\\x"), None);
        assert_eq!(scheme("../a.md#x:y"), None);
        assert_eq!(scheme("a b:c"), None);
    }

    #[test]
    fn urls_round_trip() {
        let url = note_url("그림/a b#1.png");
        assert_eq!(
            url,
            "pilgi-note://localhost/%EA%B7%B8%EB%A6%BC/a%20b%231.png"
        );
        assert_eq!(path_of_note_url(&url).as_deref(), Some("그림/a b#1.png"));
        assert_eq!(note_path("/img/a%20b.png").as_deref(), Some("img/a b.png"));
        assert_eq!(note_path("/img/%2E%2E/%2E%2E/x"), None);
        assert_eq!(decode("pod%20lifecycle%zz"), "pod lifecycle%zz");
        for bad in [
            "pilgi-note://localhost/../etc/passwd",
            "pilgi-note://localhost/a/%2e%2e/b",
            "pilgi-note://localhost/a%2Fb",
            "pilgi-note://localhost/",
            "pilgi-note://evil/a.png",
            "https://localhost/a.png",
        ] {
            assert_eq!(path_of_note_url(bad), None, "{bad}");
        }
    }
}
