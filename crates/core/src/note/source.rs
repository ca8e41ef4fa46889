//! Turning a file's bytes into note text: encodings, BOMs, binary files, NFC.
//!
//! Notes saved on Korean Windows are CP949 (what Notepad called "ANSI"), and
//! a folder synced between machines can hold a file that was started there
//! and continued in UTF-8 here. So bytes that are not UTF-8 are not simply
//! replaced: the lines that are not UTF-8 are handed to a detector
//! (`chardetng`, Firefox's) and, when it finds a multi-byte East Asian
//! encoding with real evidence, those lines are decoded with it
//! (`encoding_rs`). Everything else keeps the old lossy UTF-8 behaviour.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, BIG5, EUC_JP, EUC_KR, GBK, SHIFT_JIS};
use pilgi_i18n::Message;
use unicode_normalization::UnicodeNormalization;

/// The decoded text of a note file and what was odd about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// NFC-normalized text with `\n` line ends.
    pub text: String,
    /// The legacy encoding some or all lines were decoded with, by its
    /// WHATWG name (`"EUC-KR"`, which in `encoding_rs` is all of CP949/UHC);
    /// `None` when the file is UTF-8 or UTF-16.
    pub encoding: Option<&'static str>,
    /// Things the user should know; the file is still used. Besides problems
    /// (lossy decoding) this holds one informational line when a legacy
    /// encoding was used (`decoded as EUC-KR (CP949)`), so every front end
    /// that shows note warnings tells the user without extra plumbing.
    pub warnings: Vec<Message>,
}

/// Why a file is not read as a note at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejected {
    /// NUL bytes outside a UTF-16 file: an image, an archive, a binary.
    Binary,
}

/// Decodes note bytes. UTF-8 (with or without BOM) and UTF-16 with a BOM are
/// understood; bytes that are not UTF-8 are decoded line by line with a
/// detected legacy encoding (CP949 above all) when there is evidence for
/// one, and lossily otherwise, with a warning rather than refused, because
/// a note with one bad byte is still worth reading.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Rejected> {
    let mut warnings = Vec::new();
    let mut encoding = None;
    let raw: String = if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, u16::from_le_bytes, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, u16::from_be_bytes, &mut warnings)
    } else {
        let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
        if bytes.contains(&0) {
            return Err(Rejected::Binary);
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_owned(),
            Err(_) => {
                let (text, legacy) = not_utf8(bytes, &mut warnings);
                encoding = legacy.map(Encoding::name);
                text
            }
        }
    };
    Ok(Decoded {
        text: normalize_newlines(&raw).nfc().collect(),
        encoding,
        warnings,
    })
}

/// The encodings a note may be in besides UTF-8, in the order they are
/// tried when broken bytes hide the answer (CP949 first: Pilgi's users are
/// Korean). Only multi-byte encodings: their byte structure (lead and trail
/// bytes) is evidence on its own, while any byte string is "valid"
/// windows-1252, the detector's fallback when nothing fits, so a Latin-1
/// guess would turn a stray byte in a UTF-8 note into `ÿ` instead of an
/// honest `\u{FFFD}`.
fn multi_byte() -> [&'static Encoding; 5] {
    [EUC_KR, GBK, BIG5, SHIFT_JIS, EUC_JP]
}

/// Below this many non-ASCII characters decoded cleanly, a legacy guess is
/// not trusted: two stray bytes in a UTF-8 note can form one valid CP949
/// syllable by chance, while even a two-word Korean note has four.
const MIN_LEGACY_CHARS: usize = 2;

/// How a line ended up being decoded.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Line {
    /// Valid UTF-8 (ASCII included).
    Utf8,
    /// Invalid UTF-8, shown lossily (it was worse in the legacy encoding).
    BadUtf8,
    /// Clean in the legacy encoding.
    Legacy,
    /// The legacy encoding, with some bytes shown as U+FFFD.
    BadLegacy,
}

/// Decodes bytes that are not valid UTF-8; returns the legacy encoding used
/// for at least one line, if any.
///
/// Line by line, because the real case is a note continued on two
/// machines: the lines that are valid UTF-8 stay UTF-8 and only the others
/// are decoded with the detected encoding, so a guess can never garble the
/// UTF-8 half. Splitting at `\n` is safe: in every candidate encoding the
/// byte 0x0A is only ever a line feed, never part of a character.
///
/// Long (~110 lines): one pass over the lines that tells the user exactly
/// which lines were decoded how (the warning lists line ranges), so the
/// decoding and its account are written together.
fn not_utf8(bytes: &[u8], warnings: &mut Vec<Message>) -> (String, Option<&'static Encoding>) {
    let lines: Vec<&[u8]> = bytes.split_inclusive(|&b| b == b'\n').collect();
    let valid: Vec<Option<&str>> = lines.iter().map(|l| std::str::from_utf8(l).ok()).collect();
    let invalid: Vec<&[u8]> = lines
        .iter()
        .zip(&valid)
        .filter(|(_, v)| v.is_none())
        .map(|(l, _)| *l)
        .collect();
    let lossy = |warnings: &mut Vec<Message>| {
        let first = valid.iter().position(Option::is_none).unwrap_or(0) + 1;
        warnings.push(Message::new("warn-invalid-utf8").arg("line", first));
        (String::from_utf8_lossy(bytes).into_owned(), None)
    };
    let Some(legacy) = detect(&invalid) else {
        return lossy(warnings);
    };
    // In a file with no UTF-8 Hangul or CJK anywhere (no character of three
    // or more UTF-8 bytes), a short CP949 line that happens to be valid UTF-8
    // (about 1 in 200 Korean words, e.g. `체크`, `품`, in the bundled notes
    // re-encoded) is legacy text too, not Latin or Cyrillic letters.
    let utf8_is_evident = valid
        .iter()
        .flatten()
        .any(|s| s.chars().any(|c| c.len_utf8() >= 3));
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut kinds = Vec::with_capacity(lines.len());
    for (line, valid) in lines.iter().zip(&valid) {
        let kind = match valid {
            Some(s) if s.is_ascii() || utf8_is_evident => {
                text.push_str(s);
                Line::Utf8
            }
            Some(s) => match legacy.decode_without_bom_handling_and_without_replacement(line) {
                Some(decoded) => {
                    text.push_str(&decoded);
                    Line::Legacy
                }
                None => {
                    text.push_str(s);
                    Line::Utf8
                }
            },
            None => {
                let (decoded, had_errors) = legacy.decode_without_bom_handling(line);
                if !had_errors {
                    text.push_str(&decoded);
                    Line::Legacy
                } else {
                    // Broken in both: keep whichever reading loses less.
                    // A UTF-8 line with a cut character is mojibake in
                    // CP949; a CP949 line with one bad byte is all U+FFFD
                    // as UTF-8.
                    let lossy = String::from_utf8_lossy(line);
                    if replacements(&lossy) <= replacements(&decoded) {
                        text.push_str(&lossy);
                        Line::BadUtf8
                    } else {
                        text.push_str(&decoded);
                        Line::BadLegacy
                    }
                }
            }
        };
        kinds.push(kind);
    }
    let numbers = |wanted: &[Line]| -> Vec<usize> {
        (1..)
            .zip(&kinds)
            .filter(|(_, k)| wanted.contains(k))
            .map(|(n, _)| n)
            .collect()
    };
    let legacy_lines = numbers(&[Line::Legacy, Line::BadLegacy]);
    if legacy_lines.is_empty() {
        // Every line read better as broken UTF-8: the guess explained nothing.
        return lossy(warnings);
    }
    let name = label(legacy);
    let utf8_kept = lines
        .iter()
        .zip(&kinds)
        .any(|(l, k)| !l.is_ascii() && matches!(k, Line::Utf8 | Line::BadUtf8));
    if utf8_kept {
        warnings.push(
            Message::new("warn-mixed-encodings")
                .arg("lines", ranges(&legacy_lines))
                .arg("encoding", name),
        );
    } else {
        warnings.push(Message::new("warn-decoded-as").arg("encoding", name));
    }
    for (kind, what) in [(Line::BadLegacy, name), (Line::BadUtf8, "UTF-8")] {
        if let Some(first) = numbers(&[kind]).first() {
            warnings.push(
                Message::new("warn-invalid-encoding")
                    .arg("encoding", what)
                    .arg("line", first),
            );
        }
    }
    (text, Some(legacy))
}

/// The multi-byte legacy encoding of `lines` (the lines that are not
/// UTF-8), if the detector finds one with enough evidence.
///
/// chardetng rules an encoding out for good at its first malformed
/// sequence, so one broken byte in a CP949 note (a truncated save, a bad
/// copy) makes it answer windows-1252 for the whole file. When the first
/// guess is not a multi-byte encoding, each candidate is therefore asked
/// about again on just the lines that are clean in it; it wins if the
/// detector then agrees. The lines left out are still decoded with it,
/// showing their bad bytes as U+FFFD.
fn detect(lines: &[&[u8]]) -> Option<&'static Encoding> {
    let first = guess(lines);
    if multi_byte().contains(&first) {
        return evident(first, lines).then_some(first);
    }
    multi_byte().into_iter().find(|&candidate| {
        let clean: Vec<&[u8]> = lines
            .iter()
            .copied()
            .filter(|l| {
                candidate
                    .decode_without_bom_handling_and_without_replacement(l)
                    .is_some()
            })
            .collect();
        // All lines clean: the detector already saw exactly these.
        !clean.is_empty()
            && clean.len() < lines.len()
            && guess(&clean) == candidate
            && evident(candidate, &clean)
    })
}

/// chardetng's guess for the lines as one stream. No top-level domain is
/// given: a Korean one (`kr`) would make EUC-KR the answer whenever nothing
/// else fits, stray bytes and Chinese GBK text included (measured).
/// ISO-2022-JP is not a candidate: it is 7-bit, so it is never what makes a
/// file invalid UTF-8.
fn guess(lines: &[&[u8]]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    for line in lines {
        detector.feed(line, false);
    }
    detector.feed(b"", true);
    detector.guess(None, Utf8Detection::Deny)
}

/// Whether `encoding` decodes at least [`MIN_LEGACY_CHARS`] non-ASCII
/// characters of `lines` cleanly.
fn evident(encoding: &'static Encoding, lines: &[&[u8]]) -> bool {
    let mut found = 0;
    for line in lines {
        let (text, _) = encoding.decode_without_bom_handling(line);
        found += text
            .chars()
            .filter(|&c| !c.is_ascii() && c != char::REPLACEMENT_CHARACTER)
            .count();
        if found >= MIN_LEGACY_CHARS {
            return true;
        }
    }
    false
}

fn replacements(text: &str) -> usize {
    text.matches(char::REPLACEMENT_CHARACTER).count()
}

/// How the user knows the encoding: Korean Windows calls EUC-KR's superset
/// that `encoding_rs` implements CP949.
fn label(encoding: &'static Encoding) -> &'static str {
    if encoding == EUC_KR {
        "EUC-KR (CP949)"
    } else {
        encoding.name()
    }
}

/// `line 4`, `lines 3-5, 9`: 1-based line numbers as ranges, the first few
/// only so a long file cannot make a warning huge.
fn ranges(numbers: &[usize]) -> String {
    const SHOWN: usize = 6;
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for &n in numbers {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == n => *end = n,
            _ => runs.push((n, n)),
        }
    }
    let mut parts: Vec<String> = runs
        .iter()
        .take(SHOWN)
        .map(|&(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}-{b}")
            }
        })
        .collect();
    if runs.len() > SHOWN {
        parts.push("…".into());
    }
    let noun = if numbers.len() == 1 { "line" } else { "lines" };
    format!("{noun} {}", parts.join(", "))
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16, warnings: &mut Vec<Message>) -> String {
    let units = bytes.chunks_exact(2).map(|c| word([c[0], c[1]]));
    let text: String = char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    if text.contains(char::REPLACEMENT_CHARACTER) || bytes.len() % 2 == 1 {
        warnings.push(Message::new("warn-invalid-utf16"));
    }
    text
}

/// CRLF and lone CR become LF, so line numbers agree with every editor.
fn normalize_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The warnings as they read in English (the tests speak it).
    fn said(warnings: &[Message]) -> Vec<String> {
        warnings
            .iter()
            .map(|w| w.say(pilgi_i18n::Lang::En))
            .collect()
    }

    #[test]
    fn bom_crlf_and_nfc() {
        // "한" decomposed (macOS style) + CRLF + BOM
        let bytes = b"\xEF\xBB\xBF\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB\r\nb\rc".to_vec();
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "한\nb\nc");
        assert!(d.warnings.is_empty());
        assert_eq!(d.encoding, None);
    }

    #[test]
    fn invalid_utf8_is_lossy_with_warning() {
        let d = decode(b"ok\nbad \xFF here\n").unwrap();
        assert_eq!(d.text, "ok\nbad \u{FFFD} here\n");
        assert!(
            d.warnings[0].to_string().contains("line 2"),
            "{:?}",
            d.warnings
        );
        assert_eq!(d.warnings.len(), 1);
        assert_eq!(d.encoding, None);
    }

    /// A CKA note as Notepad on Korean Windows saves it.
    const CKA: &str =
        "# 파드 정리\n파드는 쿠버네티스에서 가장 작은 배포 단위이다.\n$ kubectl get pods -A\n";

    fn cp949(text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = EUC_KR.encode(text);
        assert!(!unmappable, "fixture not encodable: {text}");
        bytes.into_owned()
    }

    #[test]
    fn cp949_note_is_detected() {
        let d = decode(&cp949(CKA)).unwrap();
        assert_eq!(d.text, CKA);
        assert_eq!(d.encoding, Some("EUC-KR"));
        assert_eq!(said(&d.warnings), ["decoded as EUC-KR (CP949)"]);
        // Windows line ends too; and UHC syllables outside KS X 1001 (똠, 햏)
        // need CP949, not strict EUC-KR.
        let d = decode(&cp949("# 똠방각하\r\n햏 파드 정리\r\n")).unwrap();
        assert_eq!(d.text, "# 똠방각하\n햏 파드 정리\n");
        assert_eq!(d.encoding, Some("EUC-KR"));
    }

    #[test]
    fn broken_bytes_in_cp949_are_replaced_and_reported() {
        // Line 2 ends in half a character (a cut-off save), line 3 holds a
        // byte CP949 never uses. Either alone makes chardetng rule CP949 out.
        let mut bytes = cp949("# 파드 정리\n파드는 가장 작은 단위");
        bytes.extend([0xB0, b'\n']);
        bytes.extend(cp949("배포 "));
        bytes.extend([0x80]);
        bytes.extend(cp949(" 단위이다.\n$ kubectl get pods\n"));
        assert_ne!(guess(&[&bytes]), EUC_KR, "the detector alone is fooled");
        let d = decode(&bytes).unwrap();
        assert_eq!(
            d.text,
            "# 파드 정리\n파드는 가장 작은 단위\u{FFFD}\n배포 \u{FFFD} 단위이다.\n$ kubectl get pods\n"
        );
        assert_eq!(d.encoding, Some("EUC-KR"));
        assert_eq!(
            said(&d.warnings),
            [
                "decoded as EUC-KR (CP949)",
                "invalid EUC-KR (CP949) (first at line 2); bad bytes shown as \u{FFFD}"
            ]
        );
    }

    #[test]
    fn half_utf8_half_cp949_is_decoded_per_line() {
        // Started on Windows (CP949), continued on Linux (UTF-8), then a
        // UTF-8 line with its last character cut off.
        let mut bytes = cp949("# 파드 정리\n파드는 가장 작은 배포 단위이다.\n");
        bytes.extend("$ kubectl get pods -A\n노드는 파드를 실행하는 머신이다.\n".as_bytes());
        bytes.extend("잘린 줄 노".as_bytes());
        bytes.truncate(bytes.len() - 1);
        bytes.extend(b"\n");
        let d = decode(&bytes).unwrap();
        assert_eq!(
            d.text,
            "# 파드 정리\n파드는 가장 작은 배포 단위이다.\n$ kubectl get pods -A\n\
             노드는 파드를 실행하는 머신이다.\n잘린 줄 \u{FFFD}\n"
        );
        assert_eq!(d.encoding, Some("EUC-KR"));
        assert_eq!(
            said(&d.warnings),
            [
                "mixed encodings: lines 1-2 decoded as EUC-KR (CP949), the rest as UTF-8",
                "invalid UTF-8 (first at line 5); bad bytes shown as \u{FFFD}"
            ]
        );
    }

    #[test]
    fn short_cp949() {
        // Two words (four syllables) are enough for chardetng.
        let d = decode(&cp949("파드 정리")).unwrap();
        assert_eq!(d.text, "파드 정리");
        assert_eq!(d.encoding, Some("EUC-KR"));
        // One syllable is not: chardetng 1.0 guesses ISO-8859-5 for `네` and
        // windows-1256 for `한`, and one character is below
        // MIN_LEGACY_CHARS anyway, so it stays lossy UTF-8.
        for word in ["네", "한"] {
            assert_ne!(guess(&[&cp949(word)]), EUC_KR, "{word}");
            let d = decode(&cp949(word)).unwrap();
            assert_eq!(d.encoding, None, "{word}");
            assert!(
                d.warnings[0].to_string().starts_with("invalid UTF-8"),
                "{d:?}"
            );
        }
    }

    #[test]
    fn cp949_line_that_happens_to_be_utf8() {
        // `체크` in CP949 is C3BC C5A9: valid UTF-8 for `ü` + `ũ`. In a
        // file with no UTF-8 Hangul it is read as CP949 like its neighbours.
        assert_eq!(std::str::from_utf8(&cp949("체크")), Ok("üũ"));
        let d = decode(&cp949("# 파드 정리\n체크\n")).unwrap();
        assert_eq!(d.text, "# 파드 정리\n체크\n");
        assert_eq!(said(&d.warnings), ["decoded as EUC-KR (CP949)"]);
        // Next to real UTF-8 Hangul, valid UTF-8 is believed.
        let mut bytes = "노드\nüũ\n".as_bytes().to_vec();
        bytes.extend(cp949("파드 정리\n"));
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "노드\nüũ\n파드 정리\n");
        assert_eq!(
            d.warnings[0].to_string(),
            "mixed encodings: line 3 decoded as EUC-KR (CP949), the rest as UTF-8"
        );
    }

    #[test]
    fn stray_bytes_in_utf8_stay_lossy() {
        // A Latin-1-ish guess must not garble the UTF-8 around stray bytes,
        // nor may two stray bytes that form one CP949 syllable (C4E3) count
        // as Korean text.
        for stray in [&b"\xFF"[..], b"\xC4\xE3", b"\xFF\xFE", b"\x80"] {
            let mut bytes = "# 파드 정리\n파드는 작은 단위\nbad ".as_bytes().to_vec();
            bytes.extend(stray);
            bytes.extend(b" here\n");
            let d = decode(&bytes).unwrap();
            let bad = "\u{FFFD}".repeat(stray.len());
            assert_eq!(
                d.text,
                format!("# 파드 정리\n파드는 작은 단위\nbad {bad} here\n")
            );
            assert_eq!(d.encoding, None);
            assert_eq!(
                said(&d.warnings),
                ["invalid UTF-8 (first at line 3); bad bytes shown as \u{FFFD}"]
            );
        }
        // Real Latin-1 too: windows-1252 is the detector's fallback, not
        // evidence, and an English/Korean notes app sees it rarely.
        let d = decode(b"caf\xE9 au lait\n").unwrap();
        assert_eq!(d.text, "caf\u{FFFD} au lait\n");
        assert_eq!(d.encoding, None);
    }

    #[test]
    fn other_east_asian_encodings_are_not_forced_to_korean() {
        let text = "这是一个简单的中文句子，用于测试编码检测。\n";
        let (bytes, _, _) = GBK.encode(text);
        let d = decode(&bytes).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, Some("GBK")));
        assert_eq!(said(&d.warnings), ["decoded as GBK"]);
        let text = "これは日本語の文章です。文字コードの判定をテストします。\n";
        let (bytes, _, _) = SHIFT_JIS.encode(text);
        let d = decode(&bytes).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, Some("Shift_JIS")));
    }

    #[test]
    fn line_ranges() {
        assert_eq!(ranges(&[4]), "line 4");
        assert_eq!(ranges(&[3, 4, 5, 9]), "lines 3-5, 9");
        let many: Vec<usize> = (1..40).step_by(2).collect();
        assert_eq!(ranges(&many), "lines 1, 3, 5, 7, 9, 11, …");
    }

    #[test]
    fn binary_is_rejected() {
        assert_eq!(decode(b"\x89PNG\x00\x00"), Err(Rejected::Binary));
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "노드 a".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap().text, "노드 a");
        let lone = [0xFF, 0xFE, 0x00, 0xD8, b'a', 0];
        let d = decode(&lone).unwrap();
        assert_eq!(d.text, "\u{FFFD}a");
        assert_eq!(d.warnings.len(), 1);
    }
}
