//! The ko/en tantivy analyzers: [`NoteTokenizer`] cuts text into words and
//! compound parts, then small filters lowercase it, add stems at the same
//! position. [`chosung_forms`] and [`keys_forms`] give a Hangul word's 초성 and
//! keyboard-key forms (the index derives those at query time instead).
//!
//! Composition, not special cases: every analyzer is
//! `TextAnalyzer::builder(NoteTokenizer::new(mode)).filter(..)…`, and the
//! one generic [`Expand`] filter turns a plain `fn(&str, &mut Vec<String>)`
//! into a token filter.

use super::hangul::{chosung, is_hangul, to_keys};
use super::memo::Memo;
use super::segment::{segments, unjoined, Script};
use super::stem::{english_stem, korean_stem};
use tantivy::tokenizer::{
    LowerCaser, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer, TokenizerManager,
};

/// Name of the analyzer for whole words (body, summary, commands, tags).
pub const WORDS: &str = "pilgi_words";
/// Name of the analyzer for compound parts (`dry`, `run` of `--dry-run`).
pub const PARTS: &str = "pilgi_parts";
/// Name of the analyzer for titles: words, parts and joined neighbours.
pub const ALL: &str = "pilgi_all";

/// Which tokens [`NoteTokenizer`] emits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Every word as written (compounds whole).
    Words,
    /// Only the parts and joined forms of compounds.
    Parts,
    /// Words, parts, joined forms, and space-separated Latin neighbours run
    /// together (`Kube Proxy` → `kubeproxy`): for short fields like titles.
    All,
}

/// Cuts text with [`segments`] and emits tokens by [`Mode`].
#[derive(Debug, Clone)]
pub struct NoteTokenizer {
    mode: Mode,
}

impl NoteTokenizer {
    /// A tokenizer emitting the tokens of `mode`.
    pub fn new(mode: Mode) -> NoteTokenizer {
        NoteTokenizer { mode }
    }
}

/// A token stream over tokens computed up front.
pub struct VecTokenStream {
    tokens: Vec<Token>,
    next: usize,
}

impl TokenStream for VecTokenStream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }
    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

impl Tokenizer for NoteTokenizer {
    type TokenStream<'a> = VecTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        let mut tokens = Vec::new();
        let mut push = |text: &str, from: usize, to: usize| {
            tokens.push(Token {
                offset_from: from,
                offset_to: to,
                position: tokens.len(),
                text: text.to_owned(),
                position_length: 1,
            });
        };
        let mut previous: Option<String> = None;
        for s in segments(text) {
            if self.mode != Mode::Parts {
                push(&s.text, s.start, s.end);
            }
            if self.mode != Mode::Words {
                for p in s.parts.iter().chain(&s.joined) {
                    push(p, s.start, s.end);
                }
            }
            let latin = s.script == Script::Other;
            let this = unjoined(&s.text);
            if self.mode == Mode::All && latin && s.follows_space {
                if let Some(prev) = &previous {
                    push(&format!("{prev}{this}"), s.start, s.end);
                }
            }
            previous = latin.then_some(this);
        }
        VecTokenStream { tokens, next: 0 }
    }
}

/// A token filter that replaces each token by the forms a function gives
/// (none drops it, several share its position).
#[derive(Clone, Copy)]
pub struct Expand(pub fn(&str, &mut Vec<String>));

/// [`Expand`] applied to a tokenizer.
#[derive(Clone)]
pub struct ExpandTokenizer<T> {
    inner: T,
    forms: fn(&str, &mut Vec<String>),
}

/// The stream of [`ExpandTokenizer`].
pub struct ExpandStream<S> {
    inner: S,
    forms: fn(&str, &mut Vec<String>),
    pending: Vec<String>,
    token: Token,
}

impl TokenFilter for Expand {
    type Tokenizer<T: Tokenizer> = ExpandTokenizer<T>;
    fn transform<T: Tokenizer>(self, inner: T) -> ExpandTokenizer<T> {
        ExpandTokenizer {
            inner,
            forms: self.0,
        }
    }
}

impl<T: Tokenizer> Tokenizer for ExpandTokenizer<T> {
    type TokenStream<'a> = ExpandStream<T::TokenStream<'a>>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        ExpandStream {
            inner: self.inner.token_stream(text),
            forms: self.forms,
            pending: Vec::new(),
            token: Token::default(),
        }
    }
}

impl<S: TokenStream> TokenStream for ExpandStream<S> {
    fn advance(&mut self) -> bool {
        loop {
            if let Some(text) = self.pending.pop() {
                self.token.text = text;
                return true;
            }
            if !self.inner.advance() {
                return false;
            }
            let t = self.inner.token();
            (self.forms)(&t.text, &mut self.pending);
            self.pending.reverse();
            self.token = Token {
                text: String::new(),
                ..t.clone()
            };
        }
    }
    fn token(&self) -> &Token {
        &self.token
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

fn all_hangul(word: &str) -> bool {
    !word.is_empty() && word.chars().all(is_hangul)
}

/// The word and its stem (Korean particle/ending stripped, English Snowball).
pub fn with_stems(word: &str, out: &mut Vec<String>) {
    out.push(word.to_owned());
    if let Some(stem) = korean_stem(word) {
        out.push(stem.to_owned());
    } else {
        let stem = english_stem(word);
        if stem != word {
            out.push(stem.into_owned());
        }
    }
}

/// The 초성 of a Hangul word and of its stem; nothing for other words.
pub fn chosung_forms(word: &str, out: &mut Vec<String>) {
    if all_hangul(word) {
        out.push(chosung(word));
        out.extend(korean_stem(word).map(chosung));
    }
}

/// The (lowercase) 2-beolsik keys of a Hangul word and of its stem.
pub fn keys_forms(word: &str, out: &mut Vec<String>) {
    if all_hangul(word) {
        out.push(to_keys(word).to_lowercase());
        out.extend(korean_stem(word).map(|s| to_keys(s).to_lowercase()));
    }
}

/// The analyzer registered under `name`, if it is one of ours.
pub fn analyzer(name: &str) -> Option<TextAnalyzer> {
    let text = |mode| {
        TextAnalyzer::builder(NoteTokenizer::new(mode))
            .filter(LowerCaser)
            .filter(Expand(with_stems))
            .build()
    };
    // Every analyzer but the title's (whose shingles join words across a
    // space) is memoized per whitespace-separated piece.
    let memo = |a| TextAnalyzer::from(Memo::new(a));
    Some(match name {
        WORDS => memo(text(Mode::Words)),
        PARTS => memo(text(Mode::Parts)),
        ALL => text(Mode::All),
        _ => return None,
    })
}

/// Registers all Pilgi analyzers with an index's tokenizer manager.
pub fn register(manager: &TokenizerManager) {
    for name in [WORDS, PARTS, ALL] {
        if let Some(a) = analyzer(name) {
            manager.register(name, a);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(name: &str, text: &str) -> Vec<(String, usize)> {
        let mut a = analyzer(name).expect("known analyzer");
        let mut stream = a.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push((t.text.clone(), t.position));
        }
        out
    }

    fn texts(name: &str, text: &str) -> Vec<String> {
        tokens(name, text).into_iter().map(|t| t.0).collect()
    }

    #[test]
    fn stems_share_the_position_of_their_word() {
        let t = tokens(WORDS, "컨테이너의 Containers");
        assert_eq!(
            t,
            [
                ("컨테이너의".into(), 0),
                ("컨테이너".into(), 0),
                ("containers".into(), 1),
                ("contain".into(), 1)
            ]
        );
    }

    #[test]
    fn words_parts_and_titles() {
        assert_eq!(
            texts(WORDS, "--cacert ETCDCTL_API=3"),
            ["cacert", "etcdctl_api=3"]
        );
        let parts = texts(PARTS, "ETCDCTL_API=3");
        assert!(parts.contains(&"etcdctl_api".into()), "{parts:?}");
        assert!(parts.contains(&"etcdctlapi".into()), "{parts:?}");
        let title = texts(ALL, "Kube-API Server");
        assert!(title.contains(&"kubeapiserver".into()), "{title:?}");
        assert!(title.contains(&"server".into()), "{title:?}");
    }

    #[test]
    fn chosung_and_keys_only_for_hangul() {
        let forms = |f: fn(&str, &mut Vec<String>), w: &str| {
            let mut out = Vec::new();
            f(w, &mut out);
            out
        };
        assert_eq!(
            forms(chosung_forms, "컨테이너를"),
            ["ㅋㅌㅇㄴㄹ", "ㅋㅌㅇㄴ"]
        );
        assert_eq!(forms(keys_forms, "이미지로"), ["dlalwlfh", "dlalwl"]);
        assert!(forms(chosung_forms, "pod").is_empty());
        assert!(forms(keys_forms, "pod").is_empty());
    }

    #[test]
    fn filters_write_through_token_mut() {
        let mut a = TextAnalyzer::builder(NoteTokenizer::new(Mode::Words))
            .filter(Expand(with_stems))
            .filter(LowerCaser)
            .build();
        let mut s = a.token_stream("PODS");
        let mut got = Vec::new();
        while let Some(t) = s.next() {
            got.push(t.text.clone());
        }
        assert_eq!(got, ["pods"], "uppercase is not stemmed, then lowercased");
    }
}
