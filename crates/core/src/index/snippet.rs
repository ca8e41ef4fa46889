//! Snippets: the best line or two of a section with the matched words in
//! `<mark>`, everything else HTML-escaped.
//!
//! Why our own: matches come from stems, glossary terms, fuzzy and prefix
//! expansions, 초성 and keyboard keys; tantivy's snippet generator only
//! knows plain query terms and emits `<b>`.

use crate::analysis::hangul::{chosung, is_hangul, to_keys};
use crate::analysis::memo::{FxHashMap, FxHashSet};
use crate::analysis::segment::{segments, Segment};
use crate::analysis::stem::{english_stem, korean_stem};
use std::collections::HashSet;

/// Longest snippet, in characters (before escaping).
const MAX_CHARS: usize = 180;

/// What counts as a match when highlighting.
#[derive(Debug, Default, Clone)]
pub struct Marks {
    /// Lowercase forms matched as they are (words, stems, glossary terms,
    /// prefix expansions): looked up for every word of every snippet.
    pub exact: FxHashSet<String>,
    /// Latin words matched within an edit distance.
    pub fuzzy: Vec<(String, u8)>,
    /// 초성 queries, matched as prefixes of a word's 초성.
    pub chosung: Vec<String>,
    /// Keyboard keys, matched as prefixes of a Hangul word's keys.
    pub keys: Vec<String>,
}

/// Optimal string alignment distance, bounded: enough for short words.
fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[a.len()][b.len()]
}

impl Marks {
    fn form_matches(&self, form: &str, seen: &mut FxHashMap<String, bool>) -> bool {
        if self.exact.contains(form) {
            return true;
        }
        // Stemming a word costs far more than remembering the answer, and
        // snippets of one result list repeat their words.
        if let Some(&hit) = seen.get(form) {
            return hit;
        }
        let hit = self.form_matches_uncached(form);
        seen.insert(form.to_owned(), hit);
        hit
    }

    fn form_matches_uncached(&self, form: &str) -> bool {
        if self.exact.contains(form) {
            return true;
        }
        let stem_hit = match korean_stem(form) {
            Some(s) => self.exact.contains(s),
            None => self.exact.contains(english_stem(form).as_ref()),
        };
        stem_hit
            || self.fuzzy.iter().any(|(w, d)| {
                form.is_ascii()
                    && form.len().abs_diff(w.len()) <= usize::from(*d)
                    && distance(form, w) <= usize::from(*d)
            })
    }

    /// Whether a word of the text is a match.
    fn matches(&self, s: &Segment, seen: &mut FxHashMap<String, bool>) -> bool {
        let lower = s.text.to_lowercase();
        if self.form_matches(&lower, seen)
            || s.parts
                .iter()
                .chain(&s.joined)
                .any(|p| self.form_matches(&p.to_lowercase(), seen))
        {
            return true;
        }
        if (self.chosung.is_empty() && self.keys.is_empty()) || !lower.chars().all(is_hangul) {
            return false;
        }
        let cho = chosung(&lower);
        let keys = to_keys(&lower).to_lowercase();
        self.chosung.iter().any(|c| cho.starts_with(c.as_str()))
            || self.keys.iter().any(|k| keys.starts_with(k.as_str()))
    }
}

fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
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
pub fn snippet(text: &str, marks: &Marks) -> String {
    Snippets::new(marks).of(text)
}

/// Snippets of several texts for the same marks (one result list), sharing
/// what was learnt about each word.
pub struct Snippets<'a> {
    marks: &'a Marks,
    seen: FxHashMap<String, bool>,
}

impl<'a> Snippets<'a> {
    /// Snippets for `marks`.
    pub fn new(marks: &'a Marks) -> Snippets<'a> {
        Snippets {
            marks,
            seen: FxHashMap::default(),
        }
    }

    /// The snippet of `text` (see [`snippet`]).
    pub fn of(&mut self, text: &str) -> String {
        build(text, self.marks, &mut self.seen)
    }
}

fn build(text: &str, marks: &Marks, seen: &mut FxHashMap<String, bool>) -> String {
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
            segments(l)
                .into_iter()
                .filter(|s| marks.matches(s, seen))
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
    let mut out = String::new();
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
        if !out.is_empty() {
            out.push('\n');
        }
        if from > 0 {
            out.push('…');
        }
        let mut pos = from;
        for &(s, e, _) in matched[i].iter().filter(|m| m.0 >= from && m.1 <= to) {
            escape(&line[pos..s], &mut out);
            out.push_str("<mark>");
            escape(&line[s..e], &mut out);
            out.push_str("</mark>");
            pos = e;
        }
        escape(&line[pos..to], &mut out);
        if to < line.len() {
            out.push('…');
        }
        used += line[from..to].chars().count();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(words: &[&str]) -> Marks {
        Marks {
            exact: words.iter().map(|w| w.to_string()).collect(),
            ..Marks::default()
        }
    }

    #[test]
    fn marks_the_best_line_and_escapes() {
        let text = "intro line\n<b>pod</b> & 파드를 만듦\nlast";
        let s = snippet(text, &marks(&["pod", "파드"]));
        assert!(
            s.starts_with("&lt;b&gt;<mark>pod</mark>&lt;/b&gt; &amp; <mark>파드를</mark> 만듦"),
            "{s}"
        );
        assert!(!s.contains("<b>"));
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
            s,
            "<mark>contianers</mark> <mark>컨테이너</mark> <mark>이미지</mark> x"
        );
    }

    #[test]
    fn long_lines_are_cut_on_char_boundaries() {
        let text = format!("{}pod{}", "가".repeat(300), "나".repeat(300));
        let s = snippet(&text, &marks(&["pod"]));
        assert!(s.contains("<mark>pod</mark>"), "{s}");
        assert!(s.chars().count() < 200);
        assert_eq!(snippet("", &marks(&["x"])), "");
        assert_eq!(snippet("a\nb", &marks(&[])), "a\nb");
    }
}
