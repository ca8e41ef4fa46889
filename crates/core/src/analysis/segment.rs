//! Splitting note text into words: Hangul words, Latin words and code-ish
//! compounds (`kube-apiserver`, `--dry-run=client`, `ETCDCTL_API`,
//! `db-service.dev.svc.cluster.local`, `80:80`) with their parts.
//!
//! Why one pure function: the tantivy tokenizer (index side) and the query
//! engine (query side) must cut text identically, and the snippet builder
//! needs the byte offsets into the original text.

use super::hangul::{is_hangul, is_syllable};
use super::stem::is_particle;
use std::borrow::Cow;
use std::iter::Peekable;
use std::str::CharIndices;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Longer tokens are dropped: nobody searches for a 200-byte hash, and
/// tantivy rejects terms over 64 KiB.
pub const MAX_TOKEN_BYTES: usize = 120;

/// Characters that join the parts of a code-ish compound.
fn is_connector(c: char) -> bool {
    matches!(c, '-' | '_' | '.' | ':' | '=' | '/' | '@' | '~' | '%')
}

/// Connectors that separate whole pieces (`--dry-run=client` → `dry-run`,
/// `client`), as opposed to those inside a name (`-`, `_`, `.`).
fn is_piece_separator(c: char) -> bool {
    matches!(c, ':' | '=' | '/' | '@' | '~' | '%')
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Hangul,
    Word,
    Connector,
    Separator,
}

fn class(c: char) -> Class {
    // Conjoining jamo (U+1100–U+11FF) are decomposed Hangul, NFC'd below.
    if is_hangul(c) {
        Class::Hangul
    } else if c.is_alphanumeric() {
        Class::Word
    } else if is_connector(c) {
        Class::Connector
    } else {
        Class::Separator
    }
}

/// The script of a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Hangul syllables or jamo.
    Hangul,
    /// Anything else alphanumeric: Latin, digits, code.
    Other,
}

/// One word of text with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The word, NFC, with surrounding connectors trimmed (`--cacert` →
    /// `cacert`), original case.
    pub text: String,
    /// Byte offset of the word in the analysed text.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
    /// Hangul or not.
    pub script: Script,
    /// For compounds: the pieces and atoms inside (`dry-run=client` →
    /// `dry-run`, `client`, `dry`, `run`), without the word itself.
    pub parts: Vec<String>,
    /// For compounds: the atoms of each name run together (`kube-proxy` →
    /// `kubeproxy`, `ETCDCTL_API=3` → `ETCDCTLAPI`), so a query typed
    /// without the hyphen still meets it.
    pub joined: Vec<String>,
    /// Whether only spaces separate this word from the previous one (title
    /// shingles join such neighbours: `Kube Proxy` → `kubeproxy`).
    pub follows_space: bool,
}

impl Segment {
    /// Whether the word is a compound with parts.
    pub fn is_compound(&self) -> bool {
        !self.parts.is_empty()
    }
}

/// `s` in NFC. Words of nothing but ASCII and precomposed Hangul syllables
/// are NFC already (only combining marks and conjoining jamo compose), and
/// they are nearly all of a note's words: they are borrowed as they are and
/// skip the table lookups of the quick check.
fn nfc(s: &str) -> Cow<'_, str> {
    if s.chars().all(|c| c.is_ascii() || is_syllable(c)) {
        return Cow::Borrowed(s);
    }
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => Cow::Borrowed(s),
        _ => Cow::Owned(s.nfc().collect()),
    }
}

fn atoms(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| is_connector(c)).filter(|a| !a.is_empty())
}

/// Pieces and atoms of a compound, deduplicated, in order of appearance.
fn parts_of(word: &str) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut push = |p: &str| {
        let p = p.trim_matches(is_connector);
        if !p.is_empty() && p != word && p.len() <= MAX_TOKEN_BYTES && !parts.iter().any(|q| q == p)
        {
            parts.push(p.to_owned());
        }
    };
    for piece in word.split(is_piece_separator) {
        push(piece);
        for sub in piece.split('.') {
            push(sub);
        }
    }
    for atom in atoms(word) {
        push(atom);
    }
    parts
}

/// The atoms of each dotted or separated name run together, for names of
/// two or more atoms.
fn joined_names(word: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in word.split(|c| is_piece_separator(c) || c == '.') {
        if atoms(name).nth(1).is_some() {
            let j: String = atoms(name).collect();
            if j.len() <= MAX_TOKEN_BYTES && !out.contains(&j) {
                out.push(j);
            }
        }
    }
    out
}

/// The word with its connectors removed (`Kube-API` → `KubeAPI`).
pub fn unjoined(word: &str) -> String {
    atoms(word).collect()
}

/// Splits `text` into segments. Particles glued to a Latin word (`replica가`,
/// `k8s는`) are dropped; other Hangul glued to Latin (`cli툴`) is its own word.
pub fn segments(text: &str) -> Vec<Segment> {
    cuts(text).map(Cut::segment).collect()
}

/// A word where [`segments`] finds it, before its parts are worked out.
///
/// Why: the snippet builder cuts every line of every hit into words and
/// knows most of them already from the lines before; it looks a word up by
/// its text and works out the parts of the few it has not met.
#[derive(Debug, Clone)]
pub struct Cut<'a> {
    /// As [`Segment::text`]; borrowed from the text when that is NFC.
    pub text: Cow<'a, str>,
    /// As [`Segment::start`].
    pub start: usize,
    /// As [`Segment::end`].
    pub end: usize,
    /// As [`Segment::script`].
    pub script: Script,
    /// As [`Segment::follows_space`].
    pub follows_space: bool,
}

impl Cut<'_> {
    /// The segment, with the compound's parts and joined names.
    pub fn segment(self) -> Segment {
        let parts = if self.script == Script::Other && self.text.contains(is_connector) {
            parts_of(&self.text)
        } else {
            Vec::new()
        };
        let joined = joined_names(&self.text);
        Segment {
            text: self.text.into_owned(),
            start: self.start,
            end: self.end,
            script: self.script,
            parts,
            joined,
            follows_space: self.follows_space,
        }
    }
}

/// The words of `text`, in order: [`segments`] without the parts.
pub fn cuts(text: &str) -> Cuts<'_> {
    Cuts {
        text,
        chars: text.char_indices().peekable(),
        saw_space: false,
        only_spaces: true,
        after_latin: false,
        any: false,
    }
}

/// The iterator of [`cuts`].
pub struct Cuts<'a> {
    text: &'a str,
    chars: Peekable<CharIndices<'a>>,
    /// Since the previous word: was there a space, and only spaces?
    saw_space: bool,
    only_spaces: bool,
    /// The previous run was Latin and nothing came between.
    after_latin: bool,
    /// A word was given already.
    any: bool,
}

impl<'a> Iterator for Cuts<'a> {
    type Item = Cut<'a>;

    fn next(&mut self) -> Option<Cut<'a>> {
        while let Some(&(start, c)) = self.chars.peek() {
            let cls = class(c);
            if cls == Class::Separator || cls == Class::Connector {
                self.chars.next();
                self.saw_space |= c.is_whitespace();
                self.only_spaces &= c.is_whitespace();
                self.after_latin = false;
                continue;
            }
            let follows_space = self.saw_space && self.only_spaces && self.any;
            (self.saw_space, self.only_spaces) = (false, true);
            // A run of one script; Latin runs take connectors inside them.
            let mut end = start;
            while let Some(&(i, c)) = self.chars.peek() {
                let k = class(c);
                let same = if cls == Class::Hangul {
                    k == Class::Hangul
                } else {
                    k == Class::Word || k == Class::Connector
                };
                if !same {
                    break;
                }
                end = i + c.len_utf8();
                self.chars.next();
            }
            let raw = self.text[start..end].trim_end_matches(is_connector);
            let end = start + raw.len();
            let glued = self.after_latin;
            self.after_latin = cls == Class::Word;
            let text = nfc(raw);
            let script = if cls == Class::Hangul {
                Script::Hangul
            } else {
                Script::Other
            };
            if text.is_empty() || text.len() > MAX_TOKEN_BYTES || (glued && is_particle(&text)) {
                continue;
            }
            self.any = true;
            return Some(Cut {
                text,
                start,
                end,
                script,
                follows_space,
            });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        segments(text).into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn hangul_and_latin_words() {
        assert_eq!(
            words("컨테이너의 상태를 확인"),
            ["컨테이너의", "상태를", "확인"]
        );
        assert_eq!(words("부족한 node 제외"), ["부족한", "node", "제외"]);
        assert_eq!(
            words("k8s는 replica가 node끼리"),
            ["k8s", "replica", "node"]
        );
        assert_eq!(words("cli툴도 api서버"), ["cli", "툴도", "api", "서버"]);
        assert_eq!(
            words("[kube-apiserver] : 관리함."),
            ["kube-apiserver", "관리함"]
        );
    }

    #[test]
    fn compounds_keep_whole_and_parts() {
        let s = &segments("--dry-run=client")[0];
        assert_eq!(s.text, "dry-run=client");
        assert_eq!(s.parts, ["dry-run", "client", "dry", "run"]);
        assert_eq!(s.joined, ["dryrun"]);
        let s = &segments("db-service.dev.svc.cluster.local")[0];
        assert!(s.parts.iter().any(|p| p == "db-service"));
        assert!(s.parts.iter().any(|p| p == "svc"));
        let s = &segments("ETCDCTL_API=3")[0];
        assert!(s.parts.iter().any(|p| p == "ETCDCTL_API"));
        assert_eq!(segments("80:80")[0].parts, ["80"]);
        assert_eq!(segments("kube-proxy")[0].joined, ["kubeproxy"]);
        assert_eq!(segments("ETCDCTL_API=3")[0].joined, ["ETCDCTLAPI"]);
    }

    #[test]
    fn offsets_point_into_the_original() {
        let text = "pod를 [kube-proxy]는";
        for s in segments(text) {
            assert_eq!(&text[s.start..s.end], s.text);
        }
        let decomposed = "\u{1100}\u{1161}\u{11A8}"; // 각, decomposed (macOS)
        let s = &segments(decomposed)[0];
        assert_eq!(s.text, "각");
        assert_eq!((s.start, s.end), (0, decomposed.len()));
    }

    #[test]
    fn spacing_is_remembered_for_shingles() {
        let s = segments("Kube Proxy, (x)");
        assert!(!s[0].follows_space);
        assert!(s[1].follows_space);
        assert!(!s[2].follows_space);
    }

    #[test]
    fn nothing_from_punctuation_emoji_or_empty() {
        assert!(segments("").is_empty());
        assert!(segments("  \"*( ) -> ... 🎉").is_empty());
        assert_eq!(words("ㅋㅋ 😀pod"), ["ㅋㅋ", "pod"]);
        assert!(segments(&"a".repeat(500)).is_empty());
    }
}
