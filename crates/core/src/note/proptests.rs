//! Property tests: the parser never panics and never loses a line.

use super::*;
use proptest::prelude::*;

/// Lines drawn from the dialect's vocabulary, so that headers, near-headers
/// and odd bytes all appear often.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,3}\\. [a-z 가-힣]{0,12}( Preview| |Preview)[0-9]{1,2}:[0-9]{2}",
        "[a-z ]{0,10}Preview[0-9]{2}:[0-9]{2}",
        "[0-9]{1,2}\\. [a-z가-힣 ]{0,10}",
        "[-$#> ]{0,2}[a-zA-Z0-9 =:.가-힣]{0,20}",
        "\\PC{0,30}",
    ]
}

proptest! {
    #[test]
    fn every_line_belongs_to_exactly_one_place(lines in prop::collection::vec(line(), 0..40)) {
        let text = lines.join("\n");
        let note = parse("p/n.txt", &text);
        let mut source: Vec<&str> = text.split('\n').collect();
        if source.last() == Some(&"") {
            source.pop(); // a trailing newline ends the last line, it does not start one
        }
        // Preamble, then each section's header + body, in order, tile the file.
        let mut next = 1;
        let preamble_len = note.sections.first().map_or(0, |s| s.line_start - 1);
        if preamble_len > 0 {
            prop_assert_eq!(note.preamble.split('\n').count(), preamble_len);
            prop_assert_eq!(&note.preamble, &source[..preamble_len].join("\n"));
        }
        next += preamble_len;
        for s in &note.sections {
            prop_assert_eq!(s.line_start, next);
            // A Markdown heading is one line (ATX) or two (setext); a
            // course lecture header is one line, other sections have none.
            let header_lines: &[usize] = match (s.format, s.level) {
                (Format::Markdown, 1..) => &[1, 2],
                _ => &[usize::from(s.duration_seconds.is_some())],
            };
            let body = |h: usize| source[(s.line_start - 1 + h).min(s.line_end)..s.line_end].join("\n");
            prop_assert!(header_lines.iter().any(|&h| body(h) == s.body), "{:?} in {:?}", s.body, text);
            next = s.line_end + 1;
        }
        prop_assert_eq!(next - 1, source.len());
        let ids: std::collections::HashSet<_> = note.sections.iter().map(|s| &s.id).collect();
        prop_assert_eq!(ids.len(), note.sections.len());
    }

    #[test]
    fn decode_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        if let Ok(d) = decode(&bytes) {
            let _ = parse("x.txt", &d.text);
        }
    }
}
