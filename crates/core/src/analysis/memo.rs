//! Memoized analysis: each distinct word is analysed once per indexing
//! thread, then its tokens are copied out of a cache.
//!
//! Why: notes repeat their words (`파드를`, `kubectl`, `-n`) thousands of
//! times, and analysing one (segmenting, NFC, stems, 초성, keyboard keys,
//! a few allocations each) costs far more than a hash lookup. Index builds
//! spent most of their time there.
//!
//! [`Memo`] wraps any analyzer whose tokens never span whitespace, which
//! holds for every Pilgi analyzer except the title shingles (`Kube Proxy` →
//! `kubeproxy`): it cuts the text at whitespace and remembers each piece's
//! tokens. Composition again: `Memo::new(TextAnalyzer::builder(..)…build())`.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};

/// The cache is dropped and started again beyond this many pieces…
const MAX_PIECES: usize = 1 << 16;
/// …or this many bytes of token text.
const MAX_BYTES: usize = 4 << 20;

/// A small fast hash for short keys (the Firefox/rustc "Fx" hash): the
/// default SipHash would cost as much as the analysis it saves.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut add = |w: u64| self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with [`FxHasher`].
pub type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A `HashSet` with [`FxHasher`].
pub type FxHashSet<T> = HashSet<T, BuildHasherDefault<FxHasher>>;

/// One remembered token, relative to its piece.
#[derive(Clone, Copy)]
struct Cached {
    text: (u32, u32),
    from: u32,
    to: u32,
    position: u32,
}

/// An analyzer with a per-piece token cache (see the module docs).
pub struct Memo {
    inner: TextAnalyzer,
    pieces: FxHashMap<Box<str>, (u32, u32)>,
    tokens: Vec<Cached>,
    texts: String,
}

impl Memo {
    /// Memoizes `inner`, whose tokens must not span whitespace.
    pub fn new(inner: TextAnalyzer) -> Memo {
        Memo {
            inner,
            pieces: FxHashMap::default(),
            tokens: Vec::new(),
            texts: String::new(),
        }
    }

    /// The range of `piece`'s tokens in `self.tokens`, analysing it first
    /// when it is new.
    fn lookup(&mut self, piece: &str) -> (usize, usize) {
        if let Some(&(a, b)) = self.pieces.get(piece) {
            return (a as usize, b as usize);
        }
        let start = self.tokens.len();
        let mut stream = self.inner.token_stream(piece);
        while stream.advance() {
            let t = stream.token();
            let from = self.texts.len();
            self.texts.push_str(&t.text);
            self.tokens.push(Cached {
                text: (from as u32, self.texts.len() as u32),
                from: t.offset_from as u32,
                to: t.offset_to as u32,
                position: t.position as u32,
            });
        }
        let end = self.tokens.len();
        self.pieces.insert(piece.into(), (start as u32, end as u32));
        (start, end)
    }
}

impl Clone for Memo {
    /// A clone starts with an empty cache: each indexing thread has its own.
    fn clone(&self) -> Memo {
        Memo::new(self.inner.clone())
    }
}

impl Tokenizer for Memo {
    type TokenStream<'a> = MemoStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> MemoStream<'a> {
        if self.pieces.len() > MAX_PIECES || self.texts.len() > MAX_BYTES {
            self.pieces.clear();
            self.tokens.clear();
            self.texts.clear();
        }
        MemoStream {
            memo: self,
            text,
            pos: 0,
            base: 0,
            next: 0,
            end: 0,
            positions: 0,
            piece_positions: 0,
            token: Token::default(),
        }
    }
}

/// The stream of [`Memo`].
pub struct MemoStream<'a> {
    memo: &'a mut Memo,
    text: &'a str,
    /// Byte offset where the next piece is looked for.
    pos: usize,
    /// Byte offset of the current piece.
    base: usize,
    /// The current piece's tokens still to emit.
    next: usize,
    end: usize,
    /// Positions used by earlier pieces.
    positions: usize,
    /// Positions used by the current piece.
    piece_positions: usize,
    token: Token,
}

impl TokenStream for MemoStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            if self.next < self.end {
                let c = self.memo.tokens[self.next];
                self.next += 1;
                self.token.text.clear();
                self.token
                    .text
                    .push_str(&self.memo.texts[c.text.0 as usize..c.text.1 as usize]);
                self.token.offset_from = self.base + c.from as usize;
                self.token.offset_to = self.base + c.to as usize;
                self.token.position = self.positions + c.position as usize;
                self.token.position_length = 1;
                self.piece_positions = self.piece_positions.max(c.position as usize + 1);
                return true;
            }
            self.positions += self.piece_positions;
            self.piece_positions = 0;
            let rest = &self.text[self.pos..];
            let Some(skip) = rest.find(|c: char| !c.is_whitespace()) else {
                self.pos = self.text.len();
                return false;
            };
            let start = self.pos + skip;
            let len = self.text[start..]
                .find(char::is_whitespace)
                .unwrap_or(self.text.len() - start);
            self.base = start;
            self.pos = start + len;
            (self.next, self.end) = self.memo.lookup(&self.text[start..start + len]);
        }
    }
    fn token(&self) -> &Token {
        &self.token
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokenizer::{analyzer, with_stems, Expand, Mode, NoteTokenizer};
    use tantivy::tokenizer::LowerCaser;

    fn all(a: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize)> {
        let mut s = a.token_stream(text);
        let mut out = Vec::new();
        while s.advance() {
            let t = s.token();
            out.push((t.text.clone(), t.offset_from, t.offset_to));
        }
        out
    }

    #[test]
    fn same_tokens_and_offsets_as_the_plain_analyzer() {
        let plain = || {
            TextAnalyzer::builder(NoteTokenizer::new(Mode::Words))
                .filter(LowerCaser)
                .filter(Expand(with_stems))
                .build()
        };
        let text = "  파드를 만듦\n$ k get pods -n kube-system 파드를\tPods,  --dry-run=client 컨테이너의 ";
        let mut memo = TextAnalyzer::from(Memo::new(plain()));
        for _ in 0..2 {
            assert_eq!(all(&mut memo, text), all(&mut plain(), text));
        }
        assert!(all(&mut memo, "").is_empty());
        assert!(all(&mut memo, " \n ").is_empty());
        let mut registered = analyzer(crate::analysis::tokenizer::WORDS).expect("words");
        assert_eq!(all(&mut registered, text), all(&mut plain(), text));
    }

    #[test]
    fn positions_increase_across_pieces() {
        let mut memo = TextAnalyzer::from(Memo::new(
            TextAnalyzer::builder(NoteTokenizer::new(Mode::Words))
                .filter(Expand(with_stems))
                .build(),
        ));
        let mut s = memo.token_stream("파드를 노드 파드를");
        let mut got = Vec::new();
        while s.advance() {
            got.push((s.token().text.clone(), s.token().position));
        }
        assert_eq!(
            got,
            [
                ("파드를".to_owned(), 0),
                ("파드".to_owned(), 0),
                ("노드".to_owned(), 1),
                ("파드를".to_owned(), 2),
                ("파드".to_owned(), 2)
            ]
        );
    }
}
