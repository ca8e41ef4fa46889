//! Recognising a section header line: `N. Title [Preview]MM:SS`.

/// What a header line says about its section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The lecture number, if the line starts with `N. `.
    pub number: Option<u32>,
    /// The title between number and duration.
    pub title: String,
    /// The duration in seconds.
    pub duration_seconds: u32,
    /// Whether `Preview` stood before the duration.
    pub preview: bool,
}

/// Parses a section header, or returns `None` for any other line.
///
/// A header ends in a duration (`MM:SS` or `H:MM:SS`) preceded by white space
/// or by a `Preview` marker. Numbered lines (`10. Title 08:48`) need only the
/// duration; unnumbered lines need the `Preview` marker too, which is how the
/// course formats its closing lecture. So `1. scratch` (no duration) and
/// `k run httpd --tcp=80:80` (the time glued to `=`) are not headers.
pub fn parse_header(line: &str) -> Option<Header> {
    let line = line.trim();
    let (number, rest) = split_number(line);
    let (before, duration_seconds) = split_duration(rest)?;
    let (title, preview) = match strip_suffix_ci(before.trim_end(), "preview") {
        Some(t) if t.is_empty() || t.ends_with(char::is_whitespace) => (t.trim_end(), true),
        _ if before.ends_with(char::is_whitespace) => (before.trim_end(), false),
        _ => return None,
    };
    if title.is_empty() || (number.is_none() && !preview) {
        return None;
    }
    Some(Header {
        number,
        title: title.to_string(),
        duration_seconds,
        preview,
    })
}

/// `"10. Cluster"` → `(Some(10), "Cluster")`; anything else is returned whole.
fn split_number(line: &str) -> (Option<u32>, &str) {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 4 {
        return (None, line);
    }
    match line[digits..].strip_prefix('.') {
        Some(rest) if rest.starts_with(char::is_whitespace) => {
            (line[..digits].parse().ok(), rest.trim_start())
        }
        _ => (None, line),
    }
}

/// Splits a trailing `MM:SS` / `H:MM:SS` off `text`.
fn split_duration(text: &str) -> Option<(&str, u32)> {
    let start = text
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_ascii_digit() || c == ':')
        .last()?
        .0;
    let parts: Vec<&str> = text[start..].split(':').collect();
    let nums: Vec<u32> = parts
        .iter()
        .map(|p| {
            (!p.is_empty() && p.len() <= 2)
                .then(|| p.parse().ok())
                .flatten()
        })
        .collect::<Option<_>>()?;
    let seconds = match nums[..] {
        [m, s] if parts[1].len() == 2 && s < 60 => m * 60 + s,
        [h, m, s] if parts[1].len() == 2 && parts[2].len() == 2 && m < 60 && s < 60 => {
            h * 3600 + m * 60 + s
        }
        _ => return None,
    };
    Some((&text[..start], seconds))
}

/// Case-insensitive ASCII `strip_suffix`.
fn strip_suffix_ci<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = text.len().checked_sub(suffix.len())?;
    (text.is_char_boundary(cut) && text[cut..].eq_ignore_ascii_case(suffix)).then(|| &text[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(line: &str) -> Option<(Option<u32>, String, u32, bool)> {
        parse_header(line).map(|h| (h.number, h.title, h.duration_seconds, h.preview))
    }

    #[test]
    fn numbered_headers() {
        assert_eq!(
            h("10. Cluster Architecture Preview08:48"),
            Some((Some(10), "Cluster Architecture".into(), 528, true))
        );
        assert_eq!(
            h("9. Download Presentation Deck for this section 00:05"),
            Some((
                Some(9),
                "Download Presentation Deck for this section".into(),
                5,
                false
            ))
        );
        assert_eq!(
            h("22. Practice Test Introduction Preview 05:51"),
            Some((Some(22), "Practice Test Introduction".into(), 351, true))
        );
        assert_eq!(
            h("7. Long one 1:02:03"),
            Some((Some(7), "Long one".into(), 3723, false))
        );
    }

    #[test]
    fn unnumbered_header_needs_preview() {
        assert_eq!(
            h("Here's some inspiration to keep going Preview00:00"),
            Some((
                None,
                "Here's some inspiration to keep going".into(),
                0,
                true
            ))
        );
        assert_eq!(h("meeting at 10:30"), None);
    }

    #[test]
    fn not_headers() {
        for line in [
            "1. scratch",
            "내답: k run svc clusterip httpd --tcp=80:80",
            "- etcd.service -> --initial cluster controller-0=0_ip:2380",
            "2. rank Nodes : 적용후 남는 리소스가 많은 순으로 랭킹",
            "5. 03:00",
            "3. time 12:75",
            "3. time 123:45:00:00",
            "key value는 1:1 대응함",
            "",
            "Preview",
        ] {
            assert_eq!(h(line), None, "{line}");
        }
    }
}
