//! Turning a [`Plan`] reading into a tantivy query, by hand.
//!
//! Why not `QueryParser`: it turns tokens at the same position (a word and
//! its stem) into phrase queries, and it has a syntax (`"`, `*`, `(`) that
//! user text must never trip over. Here every query word becomes an OR of
//! exact, stem, glossary, fuzzy, prefix, 초성 and keyboard-key term
//! queries, each boosted by how strong a sign of relevance it is, over the
//! text fields boosted title > summary > commands > body.

use super::derived::{self, Match};
use super::schema::{text_fields, Fields};
use super::snippet::Marks;
use crate::analysis::glossary::Glossary;
use crate::analysis::hangul::is_jamo;
use crate::analysis::query::{Interpretation, Word};
use crate::analysis::segment::{segments, Script};
use crate::analysis::stem::{english_stem, korean_stem};
use std::collections::HashMap;
use tantivy::query::TermQuery;
use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, FuzzyTermQuery, Occur, Query};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

const EXACT: f32 = 2.0;
const STEM: f32 = 1.2;
const GLOSSARY: f32 = 0.9;
const PARTS: f32 = 0.8;
const PREFIX: f32 = 0.6;
const FUZZY: f32 = 0.3;
const CHOSUNG: f32 = 1.5;
const KEYS: f32 = 1.5;
/// Added once per matched query word, so sections with all words rank
/// above sections with some, whatever their term scores.
const COVERAGE: f32 = 1000.0;
/// Prefix expansion keeps the most frequent terms only.
const MAX_PREFIX_TERMS: usize = 16;
/// Glossary expansion stops after this many terms per word.
const MAX_GLOSSARY_TERMS: usize = 16;

/// A reading turned into a query, with what its hits will show.
pub struct Built {
    /// The query to run (`None` when no word can match anything).
    pub query: Option<Box<dyn Query>>,
    /// How many words have a real (non-fuzzy) match in the index: readings
    /// with more evidence are shown first.
    pub evidence: usize,
    /// What to highlight in snippets.
    pub marks: Marks,
}

/// Builds queries against one searcher (prefixes and evidence need the
/// index's term dictionaries).
pub struct Builder<'a> {
    searcher: &'a Searcher,
    fields: &'a Fields,
    glossary: &'static Glossary,
}

type Clauses = Vec<(Occur, Box<dyn Query>)>;

fn boosted(q: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(q, boost))
}

fn any(clauses: Clauses) -> Option<Box<dyn Query>> {
    match clauses.len() {
        0 => None,
        _ => Some(Box::new(BooleanQuery::new(clauses))),
    }
}

impl<'a> Builder<'a> {
    /// A builder over `searcher`.
    pub fn new(searcher: &'a Searcher, fields: &'a Fields) -> Builder<'a> {
        Builder {
            searcher,
            fields,
            glossary: Glossary::builtin(),
        }
    }

    fn doc_freq(&self, field: Field, text: &str) -> u64 {
        self.searcher
            .doc_freq(&Term::from_field_text(field, text))
            .unwrap_or(0)
    }

    /// Adds a scored term query for `text` in every text field that has it;
    /// true when at least one does.
    fn term_in_text(&self, text: &str, boost: f32, out: &mut Clauses) -> bool {
        let mut found = false;
        for (field, weight) in text_fields(self.fields) {
            found |= self.term_in(field, text, boost * weight, out);
        }
        found
    }

    fn term_in(&self, field: Field, text: &str, boost: f32, out: &mut Clauses) -> bool {
        if self.doc_freq(field, text) == 0 {
            return false;
        }
        let term = Term::from_field_text(field, text);
        let q = TermQuery::new(term, IndexRecordOption::WithFreqs);
        out.push((Occur::Should, boosted(Box::new(q), boost)));
        true
    }

    /// The fields whose Hangul words 초성 and keyboard-key queries meet.
    fn hangul_fields(&self) -> [Field; 2] {
        [self.fields.title, self.fields.body]
    }

    /// A scored term query for a Hangul word found by its 초성 or keys, in
    /// the fields it was found in, weighted like other text matches.
    fn term_in_hangul(&self, text: &str, boost: f32, out: &mut Clauses) -> bool {
        let mut found = false;
        for (field, weight) in text_fields(self.fields) {
            if self.hangul_fields().contains(&field) {
                found |= self.term_in(field, text, boost * weight, out);
            }
        }
        found
    }

    /// Terms of `field` starting with `prefix` (not `prefix` itself), the
    /// most frequent first.
    fn prefixed(&self, field: Field, prefix: &str) -> Vec<String> {
        let mut found: HashMap<String, u64> = HashMap::new();
        for reader in self.searcher.segment_readers() {
            let Ok(inverted) = reader.inverted_index(field) else {
                continue;
            };
            let Ok(mut stream) = inverted.terms().range().ge(prefix.as_bytes()).into_stream()
            else {
                continue;
            };
            while stream.advance() && found.len() < 512 {
                let key = stream.key();
                if !key.starts_with(prefix.as_bytes()) {
                    break;
                }
                if let Ok(text) = std::str::from_utf8(key) {
                    if text != prefix {
                        *found.entry(text.to_owned()).or_default() +=
                            u64::from(stream.value().doc_freq);
                    }
                }
            }
        }
        let mut terms: Vec<(String, u64)> = found.into_iter().collect();
        terms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        terms.truncate(MAX_PREFIX_TERMS);
        terms.into_iter().map(|t| t.0).collect()
    }

    /// A word or phrase (`control plane`) from the glossary: every segment
    /// must match, as itself or its stem.
    fn form(&self, text: &str, boost: f32, marks: &mut Marks) -> Option<Box<dyn Query>> {
        let mut musts = Clauses::new();
        for s in segments(text) {
            let word = s.text.to_lowercase();
            let mut c = Clauses::new();
            self.term_in_text(&word, boost, &mut c);
            let stem = match s.script {
                Script::Hangul => korean_stem(&word).map(str::to_owned),
                Script::Other => Some(english_stem(&word).into_owned()),
            };
            if let Some(stem) = stem.filter(|st| *st != word) {
                self.term_in_text(&stem, boost, &mut c);
                marks.exact.insert(stem);
            }
            marks.exact.insert(word);
            musts.push((Occur::Must, any(c)?));
        }
        any(musts)
    }

    /// The query of one word and whether the index has real evidence for it.
    fn word(&self, w: &Word, marks: &mut Marks) -> (Option<Box<dyn Query>>, bool) {
        let f = self.fields;
        let mut c = Clauses::new();
        if let (Some((keys, true)), true) = (&w.keys, w.text.chars().any(is_jamo)) {
            // Latin keys that type no whole syllables (`zjsx` → 컨ㅌ): only
            // the keys of indexed words can tell what was meant.
            let evidence = self.keys_clauses(keys, true, w.last, &mut c, marks);
            return (any(c), evidence);
        }
        let mut evidence = self.term_in_text(&w.text, EXACT, &mut c);
        marks.exact.insert(w.text.clone());
        if let Some(stem) = w.stem() {
            evidence |= self.term_in_text(&stem, STEM, &mut c);
            marks.exact.insert(stem);
        }
        for j in &w.joined {
            evidence |= self.term_in_text(j, STEM, &mut c);
            marks.exact.insert(j.clone());
        }
        if w.parts.len() > 1 {
            let atoms: Vec<&String> = w
                .parts
                .iter()
                .filter(|p| !p.contains(['-', '_', '.', ':', '=', '/']))
                .collect();
            let all: Option<Clauses> = atoms
                .iter()
                // Atoms alone are not highlighted: `run` of `dry-run` would
                // light up every `kubectl run`.
                .map(|a| {
                    self.form(a, 1.0, &mut Marks::default())
                        .map(|q| (Occur::Must, q))
                })
                .collect();
            if let Some(q) = all.filter(|a| !a.is_empty()).and_then(any) {
                c.push((Occur::Should, boosted(q, PARTS)));
                evidence = true;
            }
        }
        let mut expansions = 0;
        for group in [&w.text]
            .into_iter()
            .filter_map(|t| self.glossary.lookup(t))
        {
            for term in group.terms() {
                if term == w.text || expansions >= MAX_GLOSSARY_TERMS {
                    continue;
                }
                expansions += 1;
                if let Some(q) = self.form(term, GLOSSARY, marks) {
                    c.push((Occur::Should, q));
                    evidence = true;
                }
            }
        }
        if w.script == Script::Other && !w.is_chosung() {
            let len = w.text.chars().count();
            if len >= 4 && w.parts.is_empty() && w.text.chars().all(|ch| ch.is_ascii_alphanumeric())
            {
                let distance = if len >= 9 { 2 } else { 1 };
                for (field, weight) in [(f.title, 4.0), (f.body, 1.0), (f.parts, 0.35)] {
                    let term = Term::from_field_text(field, &w.text);
                    let q = FuzzyTermQuery::new(term, distance, true);
                    c.push((Occur::Should, boosted(Box::new(q), FUZZY * weight)));
                }
                marks.fuzzy.push((w.text.clone(), distance));
            }
        }
        let syllables = w.text.chars().count();
        let prefix_ok = match w.script {
            Script::Hangul => w.last || syllables >= 2,
            Script::Other => w.last && syllables >= 2,
        };
        if prefix_ok && !w.is_chosung() {
            let boost = if w.last { PREFIX } else { PREFIX * 0.8 };
            for field in [f.title, f.body, f.parts] {
                for t in self.prefixed(field, &w.text) {
                    evidence |= self.term_in_text(&t, boost, &mut c);
                    marks.exact.insert(t);
                }
            }
        }
        if w.is_chosung() {
            for (t, kind) in derived::by_chosung(
                self.searcher,
                &self.hangul_fields(),
                &w.text,
                MAX_PREFIX_TERMS,
            ) {
                let boost = if kind == Match::Exact {
                    CHOSUNG
                } else {
                    CHOSUNG * 0.5
                };
                evidence |= self.term_in_hangul(&t, boost, &mut c);
            }
            marks.chosung.push(w.text.clone());
        }
        if let Some((keys, exact)) = &w.keys {
            evidence |= self.keys_clauses(keys, *exact, w.last, &mut c, marks);
        }
        (any(c), evidence)
    }

    /// Keyboard keys against the keys of indexed Hangul words: exact when
    /// the word was typed in the Latin layout, as a prefix while typing.
    fn keys_clauses(
        &self,
        keys: &str,
        exact: bool,
        last: bool,
        c: &mut Clauses,
        marks: &mut Marks,
    ) -> bool {
        let prefix = last && keys.len() >= 2;
        let mut evidence = false;
        if exact || prefix {
            let found = derived::by_keys(
                self.searcher,
                &self.hangul_fields(),
                keys,
                prefix,
                MAX_PREFIX_TERMS,
            );
            for (t, kind) in found {
                let boost = match kind {
                    Match::Exact if exact => KEYS,
                    Match::Exact => continue,
                    Match::Prefix => KEYS * 0.5,
                };
                evidence |= self.term_in_hangul(&t, boost, c);
            }
        }
        marks.keys.push(keys.to_owned());
        evidence
    }

    /// The query of a whole reading: every word optional, but each matched
    /// word adds [`COVERAGE`], so sections with all words come first.
    pub fn interpretation(&self, interp: &Interpretation) -> Built {
        let mut marks = Marks::default();
        let mut evidence = 0;
        let mut clauses = Clauses::new();
        let words: Vec<Box<dyn Query>> = interp
            .words
            .iter()
            .filter_map(|w| {
                let (q, e) = self.word(w, &mut marks);
                evidence += usize::from(e);
                q
            })
            .collect();
        let many = words.len() > 1;
        for q in words {
            if many {
                let coverage = ConstScoreQuery::new(q.box_clone(), COVERAGE);
                clauses.push((Occur::Should, Box::new(coverage)));
            }
            clauses.push((Occur::Should, q));
        }
        Built {
            query: any(clauses),
            evidence,
            marks,
        }
    }
}
