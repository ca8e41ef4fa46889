//! Reading a query: its words and the other ways it can be read (typed in
//! the wrong keyboard layout). Pure text work, no index: [`super::forms`]
//! gives each word's forms, which the index turns into tantivy queries.

use super::hangul::{from_keys, hangul_of_keys, is_chosung_query, is_hangul, to_keys};
use super::segment::{segments, Script, Segment};
use super::stem::stem;
use unicode_normalization::UnicodeNormalization;

/// Queries are cut to this many characters: nobody types more, and a pasted
/// page must not cost seconds.
pub const MAX_QUERY_CHARS: usize = 200;
/// And to this many words.
pub const MAX_QUERY_WORDS: usize = 10;

/// One query word as searched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Lowercase NFC text (`kube-apiserver`, `컨테이너의`).
    pub text: String,
    /// Hangul or other.
    pub script: Script,
    /// Compound parts (`kube`, `apiserver`), lowercase.
    pub parts: Vec<String>,
    /// Compound parts run together (`kubeapiserver`).
    pub joined: Vec<String>,
    /// The last word of a query still being typed: matched as a prefix too.
    pub last: bool,
    /// 2-beolsik keys to look up in the keys field (lowercase), and whether
    /// an exact match there counts (the word was typed in the Latin layout
    /// but meant Hangul) or only a prefix of a word being composed.
    pub keys: Option<(String, bool)>,
}

impl Word {
    fn from_segment(s: &Segment, last: bool) -> Word {
        let lower = |v: &[String]| v.iter().map(|p| p.to_lowercase()).collect();
        let text = s.text.to_lowercase();
        // A Hangul word mid-composition (컨ㅌ) still meets 컨테이너 through its keys.
        let keys =
            (s.script == Script::Hangul && last).then(|| (to_keys(&text).to_lowercase(), false));
        Word {
            script: s.script,
            parts: lower(&s.parts),
            joined: lower(&s.joined),
            last,
            keys,
            text,
        }
    }

    /// Whether the word is a 초성 query (`ㅋㅌㅇㄴ`).
    pub fn is_chosung(&self) -> bool {
        self.text.chars().count() >= 2 && is_chosung_query(&self.text)
    }

    /// The word's stem when it differs (컨테이너의 → 컨테이너, `pods` → `pod`).
    pub fn stem(&self) -> Option<String> {
        stem(&self.text, self.script)
    }
}

/// One reading of the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interpretation {
    /// `None` for the query as typed; otherwise what to tell the user
    /// (`keyboard layout: 이미지`).
    pub label: Option<String>,
    /// The words to search.
    pub words: Vec<Word>,
}

/// Question words (`how`, `어떻게`, `차이`: `data/question_words.txt`).
fn is_question_word(word: &str) -> bool {
    static WORDS: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| {
            include_str!("../../data/question_words.txt")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect()
        })
        .contains(
            word.trim_end_matches(['?', '.', '!'])
                .to_lowercase()
                .as_str(),
        )
        || word.ends_with('?') && word.trim_end_matches('?').is_empty()
}

/// The words of a question without its question words, when any topic
/// words remain: `how do I drain a node` searches `drain node`.
fn topic_words<'a>(raw: &[&'a str]) -> Vec<&'a str> {
    let topic: Vec<&str> = raw
        .iter()
        .copied()
        .filter(|w| !is_question_word(w))
        .collect();
    if topic.is_empty() {
        raw.to_vec()
    } else {
        topic
    }
}

/// All readings of a query, the literal one first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Plan {
    /// Readings in order of preference when equally good.
    pub interpretations: Vec<Interpretation>,
}

/// The query cut to size and NFC-normalized.
fn clean(query: &str) -> String {
    let cut: String = query.chars().take(MAX_QUERY_CHARS).collect();
    cut.nfc().collect()
}

fn words_of(raw: &[&str], typing: bool) -> Vec<Word> {
    let mut out = Vec::new();
    for (i, w) in raw.iter().enumerate() {
        let segs = segments(w);
        let n = segs.len();
        for (j, s) in segs.iter().enumerate() {
            let last = typing && i + 1 == raw.len() && j + 1 == n;
            out.push(Word::from_segment(s, last));
        }
    }
    out
}

/// The other-layout reading of one raw word: Latin letters that type whole
/// Hangul syllables (`dlalwl` → 이미지), or Hangul/jamo typed with the Korean
/// layout on (`ㄷㅅㅊㅇㅊ시` → `etcdctl`).
fn other_layout(raw: &str) -> Option<String> {
    if raw.chars().all(|c| c.is_ascii_alphabetic()) {
        return hangul_of_keys(raw);
    }
    raw.chars()
        .all(is_hangul)
        .then(|| to_keys(raw))
        .filter(|k| !k.is_empty())
}

/// Reads a query. Empty, blank or punctuation-only queries give an empty
/// plan. The last word counts as still being typed unless the query ends
/// with a space.
pub fn plan(query: &str) -> Plan {
    let query = clean(query);
    let typing = !query.ends_with(char::is_whitespace);
    let raw: Vec<&str> = query.split_whitespace().take(MAX_QUERY_WORDS).collect();
    let raw = topic_words(&raw);
    let literal = words_of(&raw, typing);
    if literal.is_empty() {
        return Plan::default();
    }
    let mut interpretations = vec![Interpretation {
        label: None,
        words: literal,
    }];
    let converted: Vec<Option<String>> = raw.iter().map(|w| other_layout(w)).collect();
    let latin = |w: &str| w.chars().all(|c| c.is_ascii_alphabetic());
    let any_converted = converted.iter().any(Option::is_some);
    if any_converted || raw.iter().all(|w| latin(w)) {
        // Words without a whole-syllable reading stay as typed, unless no
        // word has one: then the keys lookup below is the whole reading
        // (`zjsx`: 컨ㅌ, a syllable still being composed).
        let text: Vec<String> = raw
            .iter()
            .zip(&converted)
            .map(|(w, c)| match c {
                Some(c) => c.clone(),
                None if !any_converted => from_keys(w),
                None => w.to_string(),
            })
            .collect();
        let refs: Vec<&str> = text.iter().map(String::as_str).collect();
        let mut words = words_of(&refs, typing);
        // Latin words are also looked up by the keys of indexed Hangul words.
        if words.len() == raw.len() {
            for (w, r) in words.iter_mut().zip(&raw) {
                if latin(r) {
                    w.keys = Some((r.to_lowercase(), true));
                }
            }
        }
        interpretations.push(Interpretation {
            label: Some(format!("keyboard layout: {}", text.join(" "))),
            words,
        });
    }
    Plan { interpretations }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn question_words_are_not_topics() {
        let words = |q: &str| -> Vec<String> {
            plan(q).interpretations[0]
                .words
                .iter()
                .map(|w| w.text.clone())
                .collect()
        };
        assert_eq!(words("how do I drain a node "), ["drain", "node"]);
        assert_eq!(words("etcd 백업은 어떻게 해?"), ["etcd", "백업은"]);
        assert_eq!(
            words("difference between a role and a clusterrole"),
            ["role", "clusterrole"]
        );
        // A query of question words only is searched as typed.
        assert_eq!(words("how "), ["how"]);
    }

    fn labels(q: &str) -> Vec<Option<String>> {
        plan(q)
            .interpretations
            .into_iter()
            .map(|i| i.label)
            .collect()
    }

    #[test]
    fn literal_first_then_layout() {
        assert_eq!(
            labels("dlalwl"),
            [None, Some("keyboard layout: 이미지".into())]
        );
        assert_eq!(
            labels("ㄷㅅㅊㅇㅊ시"),
            [None, Some("keyboard layout: etcdctl".into())]
        );
        assert_eq!(labels("k8s"), [None]);
        let p = plan("zjsx");
        let layout = &p.interpretations[1].words[0];
        assert_eq!(layout.keys, Some(("zjsx".into(), true)));
    }

    #[test]
    fn words_stems_and_typing() {
        let p = plan("컨테이너의 Pods");
        let w = &p.interpretations[0].words;
        assert_eq!(w[0].stem().as_deref(), Some("컨테이너"));
        assert_eq!(w[1].text, "pods");
        assert!(w[1].last && !w[0].last);
        assert!(!plan("pods ").interpretations[0].words[0].last);
        assert!(plan("ㅋㅌㅇㄴ").interpretations[0].words[0].is_chosung());
    }

    #[test]
    fn junk_gives_an_empty_plan() {
        for q in ["", "   ", "\"", "*", "(", "?!.,", "🎉🎉"] {
            assert_eq!(plan(q), Plan::default(), "{q:?}");
        }
        let long = "가 ".repeat(10_000);
        assert!(plan(&long).interpretations[0].words[0].text.chars().count() <= MAX_QUERY_CHARS);
    }
}
