//! The ko↔en glossary: groups of interchangeable terms (파드 / pod / pods /
//! po), kept as data in `data/glossary.tsv`.
//!
//! Why: the notes mix languages freely (`부족한 node 제외`), so a search for
//! 노드 must find `node`, and `svc` must find 서비스. The query engine expands
//! every query word through its group; the renderer tags glossary terms.

use super::hangul::{chosung, is_syllable};
use super::memo::FxHashMap;
use super::stem::{english_stem, korean_stem};
use super::typo;
use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::sync::OnceLock;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

const BUILTIN: &str = include_str!("../../data/glossary.tsv");
/// The longest phrase [`Glossary::phrases`] looks up.
const MAX_PHRASE_WORDS: usize = 4;
/// How many edits a misspelled word of a phrase may be from the term's.
const TYPO_EDITS: usize = 1;
/// The shortest word of a phrase a slip is looked for in: in shorter ones
/// one edit makes another word (`pod`, `pods`, `node`).
const TYPO_MIN_LEN: usize = 5;

/// One group of terms that mean the same thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The canonical English key (lowercase), e.g. `pod`; stable, usable as
    /// a CSS class or data attribute.
    pub key: Term,
    /// English forms (`pod`, `pods`); may contain spaces (`control plane`).
    pub english: Vec<Term>,
    /// Korean forms (`파드`, `포드`).
    pub korean: Vec<Term>,
    /// kubectl short names and abbreviations (`po`).
    pub short: Vec<Term>,
}

impl Group {
    /// Every form of the group: the key, then English, Korean and short forms.
    pub fn terms(&self) -> impl Iterator<Item = &str> {
        self.all().map(Term::as_ref)
    }

    fn all(&self) -> impl Iterator<Item = &Term> {
        std::iter::once(&self.key)
            .chain(&self.english)
            .chain(&self.korean)
            .chain(&self.short)
    }
}

/// A parsed glossary with a term → group lookup.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    groups: Vec<Group>,
    by_term: FxHashMap<Term, usize>,
    /// English stems of the terms, built on the first lookup that needs
    /// them: stemming every term costs more than a whole CLI search.
    by_stem: OnceLock<HashMap<String, usize>>,
    /// The English terms of several words, as words, with their group:
    /// built on the first phrase that is not a term as typed.
    english_phrases: OnceLock<Vec<(Vec<String>, usize)>>,
    /// The 초성 of the Korean forms, built on the first 초성 query.
    by_chosung: OnceLock<HashMap<String, Vec<usize>>>,
    problems: Vec<String>,
}

/// A term of the glossary: borrowed from the glossary's text when it is
/// written normalized there (almost every term of the built-in one), so
/// parsing it copies next to nothing. Why: `pilgi search` parses it on
/// every run, and copying its ~3 000 terms twice each was most of that.
pub type Term = Cow<'static, str>;

/// Lowercase NFC with surrounding space trimmed: how terms are compared;
/// `term` itself when it is that already.
fn normalized(term: &str) -> Cow<'_, str> {
    let term = term.trim();
    // ASCII and precomposed Hangul (most terms) are NFC and only ASCII
    // letters among them have a lowercase.
    if term.is_ascii() || term.chars().all(|c| c.is_ascii() || is_syllable(c)) {
        match term.bytes().any(|b| b.is_ascii_uppercase()) {
            true => Cow::Owned(term.to_ascii_lowercase()),
            false => Cow::Borrowed(term),
        }
    } else if is_nfc_quick(term.chars()) == IsNormalized::Yes {
        Cow::Owned(term.to_lowercase())
    } else {
        Cow::Owned(term.nfc().collect::<String>().to_lowercase())
    }
}

fn forms(column: Option<&'static str>) -> Vec<Term> {
    column
        .unwrap_or_default()
        .split(',')
        .map(normalized)
        .filter(|t| !t.is_empty())
        .collect()
}

/// Korean forms, each Hangul phrase also run together (`롤링 업데이트` →
/// `롤링업데이트`): Korean notes write a compound both ways, and the
/// index holds each way as different words.
fn korean_forms(column: Option<&'static str>) -> Vec<Term> {
    let mut out = forms(column);
    for i in 0..out.len() {
        let words: Vec<&str> = out[i].split_whitespace().collect();
        let hangul = |w: &&str| w.chars().all(is_syllable);
        if words.len() > 1 && words.iter().all(hangul) {
            let joined = words.concat();
            if !out.iter().any(|f| *f == joined) {
                out.push(Cow::Owned(joined));
            }
        }
    }
    out
}

impl Glossary {
    /// The glossary shipped with Pilgi (parsed once).
    pub fn builtin() -> &'static Glossary {
        static GLOSSARY: OnceLock<Glossary> = OnceLock::new();
        GLOSSARY.get_or_init(|| Glossary::parse(BUILTIN))
    }

    /// Parses glossary text (see `data/glossary.tsv` for the format).
    /// Malformed lines and terms already claimed by an earlier group are
    /// skipped and listed in [`Glossary::problems`]; parsing never fails.
    pub fn parse(text: &'static str) -> Glossary {
        let mut glossary = Glossary::default();
        // Sized once: about one term per separator (growing the map as it
        // fills cost a sixth of parsing the builtin glossary).
        let separators = text.bytes().filter(|&b| b == b',' || b == b'\t').count();
        glossary.by_term.reserve(separators);
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut columns = line.split('\t');
            let key = normalized(columns.next().unwrap_or_default());
            if key.is_empty() {
                glossary.problems.push(format!("line {}: no key", n + 1));
                continue;
            }
            let group = Group {
                key,
                english: forms(columns.next()),
                korean: korean_forms(columns.next()),
                short: forms(columns.next()),
            };
            if columns.next().is_some() {
                glossary
                    .problems
                    .push(format!("line {}: more than four columns", n + 1));
            }
            glossary.add(group, n + 1);
        }
        glossary
    }

    fn add(&mut self, group: Group, line: usize) {
        let index = self.groups.len();
        for term in group.all() {
            match self.by_term.entry(term.clone()) {
                Entry::Occupied(e) if *e.get() != index => self.problems.push(format!(
                    "line {line}: {term:?} is already in group {:?}",
                    self.groups[*e.get()].key
                )),
                Entry::Occupied(_) => {}
                Entry::Vacant(e) => {
                    e.insert(index);
                }
            }
        }
        self.groups.push(group);
    }

    /// Stem → group, for the terms whose English stem differs from them
    /// (the first group claiming a stem keeps it).
    fn by_stem(&self) -> &HashMap<String, usize> {
        self.by_stem.get_or_init(|| {
            let mut by_stem = HashMap::new();
            for (index, group) in self.groups.iter().enumerate() {
                for term in group.terms() {
                    if self.by_term.get(term) != Some(&index) || !term.is_ascii() {
                        continue;
                    }
                    let stem = english_stem(term);
                    if stem != term {
                        by_stem.entry(stem.into_owned()).or_insert(index);
                    }
                }
            }
            by_stem
        })
    }

    /// The group a word belongs to: exact form first (case-insensitive, NFC),
    /// then the word's Korean stem (파드를 → 파드), then its English stem
    /// (`labelled` → `label`). Short names match too: `no` is `node`.
    pub fn lookup(&self, word: &str) -> Option<&Group> {
        let word = normalized(word);
        let index = self
            .by_term
            .get(word.as_ref())
            .or_else(|| self.by_term.get(korean_stem(&word)?))
            .or_else(|| {
                let stem = english_stem(&word);
                // Stems of terms are ASCII: other words need not build them.
                let by_stem = || match stem.is_ascii() {
                    true => self.by_stem().get(stem.as_ref()),
                    false => None,
                };
                self.by_term.get(stem.as_ref()).or_else(by_stem)
            })?;
        self.groups.get(*index)
    }

    /// The groups of the phrases in a run of words (`rolling update`,
    /// `의도한 상태를`), for each word: a phrase of two to four words that
    /// is a glossary term gives its group to every word in it, so each of
    /// them also matches the phrase's other forms (롤링 업데이트).
    ///
    /// Two phrases that share their last word may be written once
    /// (`desired and current state`, the `and` already dropped as a
    /// question word): when the words after the first one make a phrase,
    /// the first word and that phrase's last make one too (`desired state`,
    /// 의도한 상태).
    pub fn phrases<S: AsRef<str>>(&self, words: &[S]) -> Vec<Vec<&Group>> {
        let words: Vec<&str> = words.iter().map(AsRef::as_ref).collect();
        let mut out = vec![Vec::new(); words.len()];
        for start in 0..words.len() {
            for len in 2..=MAX_PHRASE_WORDS.min(words.len() - start) {
                let end = start + len - 1;
                let Some(group) = self.phrase(&words[start..=end]) else {
                    continue;
                };
                give(&mut out, start..=end, group);
                if let Some(shared) = start
                    .checked_sub(1)
                    .and_then(|before| self.phrase(&[words[before], words[end]]))
                {
                    give(&mut out, [start - 1, end], shared);
                }
            }
        }
        out
    }

    /// The group of a phrase of several words, the last one also tried
    /// without its particle (`의도한 상태를`).
    fn phrase(&self, words: &[&str]) -> Option<&Group> {
        let mut phrase = words.to_vec();
        let last = phrase.len() - 1;
        self.lookup(&phrase.join(" "))
            .or_else(|| {
                phrase[last] = korean_stem(phrase[last])?;
                self.lookup(&phrase.join(" "))
            })
            .or_else(|| self.misspelled(words))
    }

    /// The group of an English phrase typed with a slip in one of its
    /// longer words (`horizonal pod autoscaler`): the other words as they
    /// are, that one within [`TYPO_EDITS`] of the term's word. A phrase's
    /// words together say which term is meant, where a single misspelled
    /// word could be several.
    fn misspelled(&self, words: &[&str]) -> Option<&Group> {
        if !words.iter().all(|w| w.is_ascii()) {
            return None;
        }
        let words: Vec<String> = words.iter().map(|w| w.to_ascii_lowercase()).collect();
        let phrases = self.english_phrases.get_or_init(|| {
            let mut phrases = Vec::new();
            for (index, group) in self.groups.iter().enumerate() {
                for term in group.english.iter().filter(|t| t.contains(' ')) {
                    phrases.push((term.split(' ').map(str::to_owned).collect(), index));
                }
            }
            phrases
        });
        let near = |typed: &String, term: &String| {
            typed == term
                || (typed.len() >= TYPO_MIN_LEN && typo::distance(typed, term) <= TYPO_EDITS)
        };
        phrases
            .iter()
            .find(|(term, _)| {
                term.len() == words.len()
                    && words.iter().zip(term).all(|(w, t)| near(w, t))
                    && words.iter().zip(term).filter(|(w, t)| w != t).count() == 1
            })
            .and_then(|(_, index)| self.groups.get(*index))
    }

    /// The groups with a Korean form of these 초성 (`ㄹㄹㅇㄷㅇㅌ` → 롤링
    /// 업데이트, spaces aside), for queries of three consonants or more:
    /// the notes may hold the term only in English (`rollingupdate`), where
    /// no 초성 of an indexed word can meet it.
    pub fn by_chosung(&self, query: &str) -> Vec<&Group> {
        if query.chars().count() < 3 {
            return Vec::new();
        }
        let map = self.by_chosung.get_or_init(|| {
            let mut map: HashMap<String, Vec<usize>> = HashMap::new();
            for (index, group) in self.groups.iter().enumerate() {
                for form in &group.korean {
                    let initials = chosung(form);
                    if initials.chars().count()
                        == form.chars().filter(|c| !c.is_whitespace()).count()
                    {
                        let groups = map.entry(initials).or_default();
                        if !groups.contains(&index) {
                            groups.push(index);
                        }
                    }
                }
            }
            map
        });
        map.get(query)
            .map(|found| found.iter().map(|&i| &self.groups[i]).collect())
            .unwrap_or_default()
    }

    /// All groups, in file order.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// Lines that were skipped while parsing, with reasons.
    pub fn problems(&self) -> &[String] {
        &self.problems
    }
}

/// Adds `group` to the groups of the words at `at`, once.
fn give<'g>(out: &mut [Vec<&'g Group>], at: impl IntoIterator<Item = usize>, group: &'g Group) {
    for i in at {
        if !out[i].iter().any(|g| g.key == group.key) {
            out[i].push(group);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_is_clean_and_large() {
        let g = Glossary::builtin();
        assert_eq!(g.problems(), &[] as &[String]);
        assert!(g.groups().len() >= 150, "{}", g.groups().len());
    }

    #[test]
    fn lookups_cross_languages_and_short_names() {
        let g = Glossary::builtin();
        let key = |w: &str| g.lookup(w).map(|g| g.key.as_ref());
        assert_eq!(key("파드"), Some("pod"));
        assert_eq!(key("Pods"), Some("pod"));
        assert_eq!(key("po"), Some("pod"));
        assert_eq!(key("svc"), Some("service"));
        assert_eq!(key("서비스를"), Some("service"));
        assert_eq!(key("ns"), Some("namespace"));
        assert_eq!(key("디플로이먼트"), Some("deployment"));
        assert_eq!(key("rs"), Some("replicaset"));
        assert_eq!(key("레이블"), Some("label"));
        assert_eq!(key("labelled"), Some("label"));
        assert_eq!(key("control plane"), Some("controlplane"));
        // A Korean phrase is found run together too.
        assert_eq!(key("의도한 상태"), Some("desiredstate"));
        assert_eq!(key("의도한상태"), Some("desiredstate"));
        // An environment variable is not the environment.
        assert_eq!(key("환경변수로"), Some("environmentvariable"));
        assert_eq!(key("환경"), Some("environment"));
        assert_eq!(key("zebra"), None);
        assert_eq!(key(""), None);
    }

    #[test]
    fn phrases_span_their_words() {
        let g = Glossary::builtin();
        let keys = |words: &[&str]| -> Vec<Vec<String>> {
            g.phrases(words)
                .iter()
                .map(|gs| gs.iter().map(|g| g.key.to_string()).collect())
                .collect()
        };
        assert_eq!(
            keys(&["kubectl", "rolling", "update"]),
            [
                vec![],
                vec!["rollingupdate".to_owned()],
                vec!["rollingupdate".to_owned()]
            ]
        );
        // The last word may carry a particle.
        assert_eq!(keys(&["의도한", "상태를"])[1], ["desiredstate"]);
        assert_eq!(keys(&["pod"]), [Vec::<String>::new()]);
        // Two phrases written once (`desired and current state`): the first
        // word makes a phrase with the shared last one.
        assert_eq!(
            keys(&["desired", "current", "state"]),
            [
                vec!["desiredstate".to_owned()],
                vec!["currentstate".to_owned()],
                vec!["currentstate".to_owned(), "desiredstate".to_owned()]
            ]
        );
        // Not when the words after it are no phrase.
        assert_eq!(keys(&["desired", "pod", "state"])[0], Vec::<String>::new());
        // A slip in one longer word of an English phrase.
        assert_eq!(
            keys(&["horizonal", "pod", "autoscaler"])[0],
            ["horizontalpodautoscaler"]
        );
        // Not in short words (`pods` is a word of its own), nor in two words.
        assert_eq!(keys(&["control", "plan"])[0], Vec::<String>::new());
        assert_eq!(
            keys(&["horizonal", "pod", "autoscaller"])[0],
            Vec::<String>::new()
        );
    }

    #[test]
    fn chosung_meets_korean_forms() {
        let g = Glossary::builtin();
        let keys =
            |q: &str| -> Vec<&str> { g.by_chosung(q).iter().map(|g| g.key.as_ref()).collect() };
        assert_eq!(keys("ㄹㄹㅇㄷㅇㅌ"), ["rollingupdate"]);
        assert!(keys("ㅋㅌㅇㄴ").contains(&"container"));
        // Two consonants say too little.
        assert_eq!(keys("ㄹㅂ"), Vec::<&str>::new());
        // Forms with Latin letters in them (다운워드 api) have no 초성.
        assert_eq!(keys("ㄷㅇㅇㄷ"), Vec::<&str>::new());
    }

    #[test]
    fn bad_lines_are_reported_not_fatal() {
        let g = Glossary::parse("pod\tpod\t파드\tpo\n\tx\t\t\nnode\tnode\t파드\t\na\tb\tc\td\te\n");
        assert_eq!(g.groups().len(), 3);
        assert_eq!(g.problems().len(), 3, "{:?}", g.problems());
        assert_eq!(g.lookup("파드").map(|g| g.key.as_ref()), Some("pod"));
    }
}
