//! Turning a file's bytes into note text: encodings, BOMs, binary files, NFC.

use unicode_normalization::UnicodeNormalization;

/// The decoded text of a note file and what was odd about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// NFC-normalized text with `\n` line ends.
    pub text: String,
    /// Things the user should know (lossy decoding); the file is still used.
    pub warnings: Vec<String>,
}

/// Why a file is not read as a note at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejected {
    /// NUL bytes outside a UTF-16 file: an image, an archive, a binary.
    Binary,
}

/// Decodes note bytes. UTF-8 (with or without BOM) and UTF-16 with a BOM are
/// understood; invalid UTF-8 is decoded lossily with a warning rather than
/// refused, because a note with one bad byte is still worth reading.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Rejected> {
    let mut warnings = Vec::new();
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
            Err(e) => {
                let line = bytes[..e.valid_up_to()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count()
                    + 1;
                warnings.push(format!(
                    "invalid UTF-8 (first at line {line}); bad bytes shown as \u{FFFD}"
                ));
                String::from_utf8_lossy(bytes).into_owned()
            }
        }
    };
    Ok(Decoded {
        text: normalize_newlines(&raw).nfc().collect(),
        warnings,
    })
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16, warnings: &mut Vec<String>) -> String {
    let units = bytes.chunks_exact(2).map(|c| word([c[0], c[1]]));
    let text: String = char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    if text.contains(char::REPLACEMENT_CHARACTER) || bytes.len() % 2 == 1 {
        warnings.push("invalid UTF-16 (lone surrogate or odd length); shown as \u{FFFD}".into());
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

    #[test]
    fn bom_crlf_and_nfc() {
        // "한" decomposed (macOS style) + CRLF + BOM
        let bytes = b"\xEF\xBB\xBF\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB\r\nb\rc".to_vec();
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "한\nb\nc");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn invalid_utf8_is_lossy_with_warning() {
        let d = decode(b"ok\nbad \xFF here\n").unwrap();
        assert_eq!(d.text, "ok\nbad \u{FFFD} here\n");
        assert!(d.warnings[0].contains("line 2"), "{:?}", d.warnings);
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
