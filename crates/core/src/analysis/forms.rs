//! What a query word can match: its forms, each with its kind.
//!
//! Why one place: the section search (`index/query.rs`), the commands
//! search (`shell/search.rs`), the snippets' marks (`index/snippet.rs`) and
//! the reader's marks ([`reader_terms`]) all ask "what does this word
//! match?". Each keeps only a table of what a kind is worth to it, so a new
//! kind of match is one edit here and a row in each table, and the snippet
//! and the reader cannot mark different words.

use super::glossary::{Glossary, Group};
use super::hangul::is_jamo;
use super::query::{plan, Word};
use super::segment::Script;

/// Glossary expansion stops after this many terms per word.
const MAX_GLOSSARY_TERMS: usize = 16;

/// How a form relates to the word as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The word itself, lowercase.
    Exact,
    /// Its stem (컨테이너의 → 컨테이너, `pods` → `pod`).
    Stem,
    /// Its compound parts run together (`kube-apiserver` → `kubeapiserver`).
    Joined,
    /// One atom of a compound (`kube`, `apiserver`): all atoms together
    /// match what the whole does, one alone says little.
    Part,
    /// A half of a Hangul word written without the space between two words
    /// (리더선출 → 리더, 선출). Only an index can tell where to split, so
    /// [`forms`] never gives it; the index reports the halves it used.
    Split,
    /// A term of the word's glossary group, or of the group of a phrase the
    /// word is in (파드 for `pod`, 롤링 업데이트 for `rolling`); may hold
    /// spaces (`control plane`).
    Glossary,
    /// A term of a glossary group whose Korean form has these 초성: for
    /// notes that hold the term in English only. Weaker than [`Kind::Chosung`].
    ChosungGlossary,
    /// A Latin word within this many edits (a typo, `kube-shceduler`).
    Fuzzy(u8),
    /// The beginning of longer words; `typing` when it is the query's last
    /// word, still being typed.
    Prefix {
        /// The word is the query's last, still being typed.
        typing: bool,
    },
    /// A 초성 query (`ㅋㅌㅇㄴ`), met by the 초성 of Hangul words.
    Chosung,
    /// 2-beolsik keys met by the keys of Hangul words; `exact` when the word
    /// was typed in the Latin layout meaning Hangul, otherwise only a prefix
    /// of a word still being composed (컨ㅌ) counts.
    Keys {
        /// An exact match of the keys counts.
        exact: bool,
    },
}

/// One form of a query word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// Lowercase text (for [`Kind::Keys`], the keys).
    pub text: String,
    /// How it relates to the word.
    pub kind: Kind,
}

impl Form {
    fn new(text: impl Into<String>, kind: Kind) -> Form {
        Form {
            text: text.into(),
            kind,
        }
    }
}

/// The forms of `word`, in the order of their weights (exact first);
/// `phrases` are the glossary groups of the phrases the word is in
/// ([`Glossary::phrases`]). Matching needs no index: a consumer that has one
/// expands [`Kind::Prefix`], [`Kind::Chosung`] and [`Kind::Keys`] against
/// its terms.
pub fn forms(word: &Word, phrases: &[&Group]) -> Vec<Form> {
    let jamo = word.text.chars().any(is_jamo);
    if let (Some((keys, true)), true) = (&word.keys, jamo) {
        // Latin keys that type no whole syllables (`zjsx` → 컨ㅌ): only the
        // keys of words met can tell what was meant.
        return vec![Form::new(keys.clone(), Kind::Keys { exact: true })];
    }
    let mut out = vec![Form::new(word.text.clone(), Kind::Exact)];
    out.extend(word.stem().map(|s| Form::new(s, Kind::Stem)));
    out.extend(
        word.joined
            .iter()
            .map(|j| Form::new(j.clone(), Kind::Joined)),
    );
    if word.parts.len() > 1 {
        let atoms = word
            .parts
            .iter()
            .filter(|p| !p.contains(['-', '_', '.', ':', '=', '/']));
        out.extend(atoms.map(|a| Form::new(a.clone(), Kind::Part)));
    }
    out.extend(glossary_terms(word, phrases));
    let chosung = word.is_chosung();
    let len = word.text.chars().count();
    // Compounds too: a typo inside `kube-shceduler` is one edit away from
    // the indexed `kube-scheduler`.
    let name = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
    if word.script == Script::Other && !chosung && len >= 4 && word.text.chars().all(name) {
        let distance = if len >= 9 { 2 } else { 1 };
        out.push(Form::new(word.text.clone(), Kind::Fuzzy(distance)));
    }
    let prefix = match word.script {
        Script::Hangul => word.last || len >= 2,
        Script::Other => word.last && len >= 2,
    };
    if prefix && !jamo {
        let kind = Kind::Prefix { typing: word.last };
        out.push(Form::new(word.text.clone(), kind));
    }
    if chosung {
        out.push(Form::new(word.text.clone(), Kind::Chosung));
        for group in Glossary::builtin().by_chosung(&word.text) {
            let terms = group.terms().take(MAX_GLOSSARY_TERMS);
            out.extend(terms.map(|t| Form::new(t, Kind::ChosungGlossary)));
        }
    }
    if let Some((keys, exact)) = &word.keys {
        let kind = Kind::Keys { exact: *exact };
        out.push(Form::new(keys.clone(), kind));
    }
    out
}

/// The word's own glossary group's terms, then those of the phrases it is
/// in, each once, without the word itself, at most [`MAX_GLOSSARY_TERMS`].
fn glossary_terms<'a>(word: &'a Word, phrases: &'a [&Group]) -> impl Iterator<Item = Form> + 'a {
    let own = Glossary::builtin().lookup(&word.text);
    let others = phrases
        .iter()
        .copied()
        .filter(move |g| Some(&g.key) != own.map(|o| &o.key));
    own.into_iter()
        .chain(others)
        .flat_map(Group::terms)
        .filter(|t| *t != word.text)
        .take(MAX_GLOSSARY_TERMS)
        .map(|t| Form::new(t, Kind::Glossary))
}

/// The forms of every word of every reading of `query`, with the words.
pub fn query_forms(query: &str) -> Vec<(Word, Vec<Form>)> {
    let glossary = Glossary::builtin();
    let mut out = Vec::new();
    for reading in plan(query).interpretations {
        let texts: Vec<&str> = reading.words.iter().map(|w| w.text.as_str()).collect();
        let phrases = glossary.phrases(&texts);
        for (w, phrases) in reading.words.into_iter().zip(phrases) {
            let forms = forms(&w, &phrases);
            out.push((w, forms));
        }
    }
    out
}

/// The texts the reader marks for `query` (as a word or a word's
/// beginning): the exact, stem and glossary forms of every word of every
/// reading. Jamo never appear in rendered words, so forms with jamo
/// (ㅋㅌㅇㄴ, a half-typed 컨ㅌ) are left out.
pub fn reader_terms(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (_, forms) in query_forms(query) {
        for f in forms {
            let marked = matches!(f.kind, Kind::Exact | Kind::Stem | Kind::Glossary);
            if marked && !f.text.chars().any(is_jamo) && !out.contains(&f.text) {
                out.push(f.text);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(query: &str) -> Vec<(String, Kind)> {
        query_forms(query)
            .into_iter()
            .flat_map(|(_, f)| f)
            .map(|f| (f.text, f.kind))
            .collect()
    }

    fn has(query: &str, text: &str, kind: Kind) -> bool {
        kinds(query).contains(&(text.to_owned(), kind))
    }

    #[test]
    fn words_stems_glossary_and_typing() {
        assert!(has("컨테이너의", "컨테이너의", Kind::Exact));
        assert!(has("컨테이너의", "컨테이너", Kind::Stem));
        assert!(has("파드를 ", "pod", Kind::Glossary));
        assert!(has("pods", "pods", Kind::Prefix { typing: true }));
        assert!(!has("pods ", "pods", Kind::Prefix { typing: true }));
        // Only the literal reading's forms of a word typed as meant.
        assert!(has("dlalwl", "이미지", Kind::Exact));
        assert!(has("dlalwl", "dlalwl", Kind::Keys { exact: true }));
    }

    #[test]
    fn compounds_typos_and_chosung() {
        assert!(has("kube-apiserver ", "kubeapiserver", Kind::Joined));
        assert!(has("kube-apiserver ", "kube", Kind::Part));
        assert!(has("kube-shceduler ", "kube-shceduler", Kind::Fuzzy(2)));
        assert!(has("pdos ", "pdos", Kind::Fuzzy(1)));
        assert!(has("ㅋㅌㅇㄴ", "ㅋㅌㅇㄴ", Kind::Chosung));
        // Jamo are not the beginning of words, nor typos of them.
        assert!(!kinds("ㅋㅌㅇㄴ").iter().any(|(t, k)| {
            t.chars().any(is_jamo) && matches!(k, Kind::Prefix { .. } | Kind::Fuzzy(_))
        }));
        assert!(has("ㄹㄹㅇㄷㅇㅌ", "rolling update", Kind::ChosungGlossary));
        // Half-typed keys: the keys are the whole reading.
        let layout = &plan("zjsx").interpretations[1].words[0];
        assert_eq!(
            forms(layout, &[]),
            [Form::new("zjsx", Kind::Keys { exact: true })]
        );
    }

    #[test]
    fn phrases_lend_their_terms() {
        assert!(has("rolling update ", "롤링 업데이트", Kind::Glossary));
        assert!(kinds("").is_empty());
    }

    #[test]
    fn reader_terms_cross_languages() {
        let t = reader_terms("파드를");
        assert!(t.contains(&"pod".to_owned()), "{t:?}");
        assert!(t.contains(&"파드".to_owned()), "{t:?}");
        assert!(reader_terms("dlalwl").contains(&"image".to_owned()));
        assert!(!reader_terms("ㅋㅌㅇㄴ")
            .iter()
            .any(|t| t.chars().any(is_jamo)));
        assert!(reader_terms("").is_empty());
    }
}
