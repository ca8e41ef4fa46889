//! Snippets: the best line or two of a section as spans of text, the
//! matched words marked.
//!
//! Why our own: matches come from stems, glossary terms, fuzzy and prefix
//! expansions, 초성 and keyboard keys; tantivy's snippet generator only
//! knows plain query terms and emits `<b>`. Why spans, not HTML: each front
//! end presents them its own way (the UI as text nodes and `<mark>`, the
//! CLI as terminal bold), so nothing is escaped here to be parsed back or
//! unescaped there, and no note text can ever become markup.

use crate::analysis::forms::{Form, Kind};
use crate::analysis::hangul::{chosung, is_hangul, to_keys};
use crate::analysis::memo::{FxHashMap, FxHashSet};
use crate::analysis::segment::{cuts, segments, Cut, Segment};
use crate::analysis::stem::{english_stem, korean_stem, stem};
use crate::analysis::typo;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Longest snippet, in characters (before escaping).
const MAX_CHARS: usize = 180;

/// A run of a snippet's text, marked when it is a matched word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// The text as written in the note (may hold `\n` between lines).
    pub text: String,
    /// A matched word.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub marked: bool,
}

/// A snippet: its spans in order; adjacent spans differ in [`Span::marked`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Snippet(pub Vec<Span>);

impl Snippet {
    /// Appends `text`, joining it to the last span when that is alike.
    fn push(&mut self, text: &str, marked: bool) {
        if text.is_empty() {
            return;
        }
        match self.0.last_mut() {
            Some(last) if last.marked == marked => last.text.push_str(text),
            _ => self.0.push(Span {
                text: text.to_owned(),
                marked,
            }),
        }
    }

    /// The whole text, marks aside.
    pub fn text(&self) -> String {
        self.0.iter().map(|s| s.text.as_str()).collect()
    }

    /// The spans of each line (a span holding `\n` is cut there), for
    /// front ends that lay snippets out line by line.
    pub fn lines(&self) -> Vec<Vec<Span>> {
        let mut lines = vec![Vec::new()];
        for span in &self.0 {
            for (i, piece) in span.text.split('\n').enumerate() {
                if i > 0 {
                    lines.push(Vec::new());
                }
                if !piece.is_empty() {
                    let line = lines.last_mut().expect("a line");
                    line.push(Span {
                        text: piece.to_owned(),
                        marked: span.marked,
                    });
                }
            }
        }
        lines
    }
}

/// What counts as a match when highlighting: the query words' [`Form`]s,
/// as the search used them.
#[derive(Debug, Default, Clone)]
pub struct Marks {
    /// Lowercase forms matched as they are (words, stems, glossary terms
    /// and their words): looked up for every word of every snippet.
    pub exact: FxHashSet<String>,
    /// Words matched as the beginning of longer words.
    pub prefixes: Vec<String>,
    /// Latin words matched within an edit distance.
    pub fuzzy: Vec<(String, u8)>,
    /// 초성 queries, matched as prefixes of a word's 초성.
    pub chosung: Vec<String>,
    /// Keyboard keys, matched as prefixes of a Hangul word's keys.
    pub keys: Vec<String>,
}

impl Marks {
    /// Adds what `forms` match. Compound atoms are not marked: `run` of
    /// `dry-run` would light up every `kubectl run`.
    pub fn add<'f>(&mut self, forms: impl IntoIterator<Item = &'f Form>) {
        for f in forms {
            let text = f.text.clone();
            match f.kind {
                Kind::Exact | Kind::Stem | Kind::Joined => {
                    self.exact.insert(text);
                }
                Kind::Glossary | Kind::ChosungGlossary | Kind::Split => {
                    for s in segments(&f.text) {
                        let word = s.text.to_lowercase();
                        self.exact.extend(stem(&word, s.script));
                        self.exact.insert(word);
                    }
                }
                Kind::Part => {}
                Kind::Fuzzy(distance) => self.fuzzy.push((text, distance)),
                Kind::Prefix { .. } => self.prefixes.push(text),
                Kind::Chosung => self.chosung.push(text),
                Kind::Keys { .. } => self.keys.push(text),
            }
        }
    }

    /// The first characters of the [`Marks::exact`] forms.
    fn initials(&self) -> FxHashSet<char> {
        self.exact.iter().filter_map(|e| e.chars().next()).collect()
    }
}

/// Byte index of the `n`th char boundary at or after `from` in `s`.
fn advance(s: &str, from: usize, n: usize) -> usize {
    s[from..]
        .char_indices()
        .nth(n)
        .map_or(s.len(), |(i, _)| from + i)
}

/// The snippet of `text` for these marks: the line with the most distinct
/// matched words (and the next lines while they fit), cut around the first
/// match when too long. No match: the first lines.
pub fn snippet(text: &str, marks: &Marks) -> Snippet {
    Snippets::new(marks).of(text)
}

/// Snippets of several texts for the same marks (one result list), sharing
/// what was learnt about each word.
pub struct Snippets<'a> {
    marks: &'a Marks,
    /// [`Marks::initials`]: a word's stem starts with the word's first
    /// character (Korean stems are the word minus particles and endings,
    /// Snowball only rewrites endings), so a word whose first character
    /// starts no exact form cannot match by its stem and is never stemmed.
    /// Stemming was most of the snippets' time: a list of 20 hits has a few
    /// hundred distinct words, and only a few start like a query term.
    initials: FxHashSet<char>,
    /// Lowercase forms (words, parts) and whether they match.
    seen: FxHashMap<String, bool>,
    /// Words as they appear in the text and whether they match.
    ///
    /// Why: a word's match depends only on its text (its parts and script
    /// are functions of it), and the texts of one result list repeat their
    /// words, while deciding costs a lowercase copy of the word and its
    /// parts and, while a Hangul word is being typed, its 초성 and keys.
    words: FxHashMap<String, bool>,
}

impl<'a> Snippets<'a> {
    /// Snippets for `marks`.
    pub fn new(marks: &'a Marks) -> Snippets<'a> {
        Snippets {
            marks,
            initials: marks.initials(),
            seen: FxHashMap::default(),
            words: FxHashMap::default(),
        }
    }

    /// The snippet of `text` (see [`snippet`]).
    pub fn of(&mut self, text: &str) -> Snippet {
        build(text, self)
    }

    /// Whether a word of the text is a match.
    fn matches(&mut self, cut: &Cut) -> bool {
        if let Some(&hit) = self.words.get(cut.text.as_ref()) {
            return hit;
        }
        let segment = cut.clone().segment();
        let hit = self.matches_uncached(&segment);
        self.words.insert(segment.text, hit);
        hit
    }

    fn matches_uncached(&mut self, s: &Segment) -> bool {
        let lower = s.text.to_lowercase();
        if self.form_matches(&lower)
            || s.parts
                .iter()
                .chain(&s.joined)
                .any(|p| self.form_matches(&p.to_lowercase()))
        {
            return true;
        }
        let marks = self.marks;
        if (marks.chosung.is_empty() && marks.keys.is_empty()) || !lower.chars().all(is_hangul) {
            return false;
        }
        let cho = chosung(&lower);
        let keys = to_keys(&lower).to_lowercase();
        marks.chosung.iter().any(|c| cho.starts_with(c.as_str()))
            || marks.keys.iter().any(|k| keys.starts_with(k.as_str()))
    }

    fn form_matches(&mut self, form: &str) -> bool {
        if self.marks.exact.contains(form) {
            return true;
        }
        if let Some(&hit) = self.seen.get(form) {
            return hit;
        }
        let hit = self.form_matches_uncached(form);
        self.seen.insert(form.to_owned(), hit);
        hit
    }

    fn form_matches_uncached(&self, form: &str) -> bool {
        if self
            .marks
            .prefixes
            .iter()
            .any(|p| form.starts_with(p.as_str()))
        {
            return true;
        }
        let exact = &self.marks.exact;
        let stemmable = form
            .chars()
            .next()
            .is_some_and(|c| self.initials.contains(&c));
        let stem_hit = stemmable
            && match korean_stem(form) {
                Some(s) => exact.contains(s),
                None => exact.contains(english_stem(form).as_ref()),
            };
        stem_hit
            || self.marks.fuzzy.iter().any(|(w, d)| {
                form.is_ascii()
                    && form.len().abs_diff(w.len()) <= usize::from(*d)
                    && typo::distance(form, w) <= usize::from(*d)
            })
    }
}

fn build(text: &str, snippets: &mut Snippets) -> Snippet {
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .scan(0, |pos, l| {
            let start = *pos;
            *pos += l.len();
            Some((start, l.trim_end_matches(['\n', '\r'])))
        })
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    let matched: Vec<Vec<(usize, usize, String)>> = lines
        .iter()
        .map(|(_, l)| {
            cuts(l)
                .filter(|c| snippets.matches(c))
                .map(|s| (s.start, s.end, s.text.to_lowercase()))
                .collect()
        })
        .collect();
    let score = |m: &Vec<(usize, usize, String)>| {
        let distinct: HashSet<&str> = m.iter().map(|x| x.2.as_str()).collect();
        distinct.len() * 10 + m.len()
    };
    let best = (0..lines.len())
        .max_by_key(|&i| (score(&matched[i]), std::cmp::Reverse(i)))
        .unwrap_or(0);
    let mut out = Snippet::default();
    let mut used = 0;
    for (i, (_, line)) in lines.iter().enumerate().skip(best) {
        if used >= MAX_CHARS {
            break;
        }
        let len = line.chars().count();
        // Start a little before the first match of an overlong line.
        let from = match matched[i].first() {
            Some(&(s, _, _)) if len > MAX_CHARS && s > 40 => {
                let back = line[..s].chars().count().saturating_sub(30);
                advance(line, 0, back)
            }
            _ => 0,
        };
        let to = advance(line, from, MAX_CHARS - used);
        if !out.0.is_empty() {
            out.push("\n", false);
        }
        if from > 0 {
            out.push("…", false);
        }
        let mut pos = from;
        for &(s, e, _) in matched[i].iter().filter(|m| m.0 >= from && m.1 <= to) {
            out.push(&line[pos..s], false);
            out.push(&line[s..e], true);
            pos = e;
        }
        out.push(&line[pos..to], false);
        if to < line.len() {
            out.push("…", false);
        }
        used += line[from..to].chars().count();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::shown;

    fn marks(words: &[&str]) -> Marks {
        Marks {
            exact: words.iter().map(|w| w.to_string()).collect(),
            ..Marks::default()
        }
    }

    #[test]
    fn marks_the_best_line_as_written() {
        let text = "intro line\n<b>pod</b> & 파드를 만듦\nlast";
        let s = snippet(text, &marks(&["pod", "파드"]));
        let span = |text: &str, marked| Span {
            text: text.to_owned(),
            marked,
        };
        assert_eq!(
            s.0[..4],
            [
                span("<b>", false),
                span("pod", true),
                span("</b> & ", false),
                span("파드를", true)
            ]
        );
        assert_eq!(s.text(), "<b>pod</b> & 파드를 만듦\nlast");
        assert_eq!(s.lines().len(), 2);
        assert_eq!(
            serde_json::to_string(&s.0[..2]).expect("json"),
            r#"[{"text":"<b>"},{"text":"pod","marked":true}]"#
        );
    }

    #[test]
    fn fuzzy_chosung_and_keys() {
        let m = Marks {
            fuzzy: vec![("containers".into(), 1)],
            chosung: vec!["ㅋㅌ".into()],
            keys: vec!["dlal".into()],
            ..Marks::default()
        };
        let s = snippet("contianers 컨테이너 이미지 x", &m);
        assert_eq!(
            shown(&s),
            "<mark>contianers</mark> <mark>컨테이너</mark> <mark>이미지</mark> x"
        );
    }

    #[test]
    fn stems_start_like_their_words() {
        // What `Snippets::initials` relies on.
        for w in [
            "containers",
            "dying",
            "skies",
            "ugly",
            "relational",
            "ies",
            "sses",
            "yelling",
            "generously",
            "idly",
            "running",
            "happiness",
        ] {
            assert_eq!(english_stem(w).chars().next(), w.chars().next(), "{w}");
        }
        for w in [
            "컨테이너의",
            "노드에서는",
            "파드들을",
            "재실행하는",
            "목적으로",
        ] {
            assert!(w.starts_with(korean_stem(w).expect("a stem")), "{w}");
        }
        let m = Marks {
            exact: ["컨테이너", "pod"].map(String::from).into_iter().collect(),
            ..Marks::default()
        };
        assert_eq!(
            shown(&snippet("컨테이너를 pods 노드를", &m)),
            "<mark>컨테이너를</mark> <mark>pods</mark> 노드를"
        );
    }

    #[test]
    fn long_lines_are_cut_on_char_boundaries() {
        let text = format!("{}pod{}", "가".repeat(300), "나".repeat(300));
        let s = snippet(&text, &marks(&["pod"]));
        assert!(shown(&s).contains("<mark>pod</mark>"), "{s:?}");
        assert!(s.text().chars().count() < 200);
        assert_eq!(snippet("", &marks(&["x"])), Snippet::default());
        assert_eq!(shown(&snippet("a\nb", &marks(&[]))), "a\nb");
    }
}
