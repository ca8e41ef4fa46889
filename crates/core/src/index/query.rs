//! Turning a [`Plan`] reading into a tantivy query, by hand.
//!
//! Why not `QueryParser`: it turns tokens at the same position (a word and
//! its stem) into phrase queries, and it has a syntax (`"`, `*`, `(`) that
//! user text must never trip over. Here every query word's
//! [`forms`](crate::analysis::forms) (exact, stem, glossary, fuzzy, prefix,
//! 초성, keyboard keys) become an OR of term queries, each boosted by how
//! strong a sign of relevance its kind is ([`boost`]), over the text fields
//! boosted title > summary > commands > body.

use super::coverage::Covered;
use super::derived::{self, Match};
use super::schema::{text_fields, Fields};
use super::snippet::Marks;
use crate::analysis::forms::{forms, Form, Kind};
use crate::analysis::glossary::Glossary;
use crate::analysis::memo::FxHashMap;
use crate::analysis::query::{Interpretation, Word};
use crate::analysis::segment::{segments, Script, Segment};
use crate::analysis::stem::{korean_stem, stem};
use std::collections::HashMap;
use tantivy::query::TermQuery;
use tantivy::query::{BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, Query};
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
    /// The fields with terms in at least one segment (see [`with_terms`]).
    with_terms: Vec<Field>,
}

/// The indexed fields that have terms in at least one segment of
/// `searcher`; a field that has none in any (`tags` in notes without
/// `#tags`) can match nothing, so no query looks it up.
///
/// Why: tantivy answers a lookup in a field a segment lacks with an empty
/// term dictionary, built on first use as an FST whose builder fills a
/// 960 KB table: a third of the page faults of a CLI search.
fn with_terms(searcher: &Searcher) -> Vec<Field> {
    let schema = searcher.schema();
    let mut fields = Vec::new();
    for reader in searcher.segment_readers() {
        // Unreadable metadata: count every field as having terms.
        let Ok(metadata) = reader.fields_metadata() else {
            return schema.fields().map(|(field, _)| field).collect();
        };
        for m in metadata {
            if m.postings_size.is_some_and(|size| size > 0) {
                if let Ok(field) = schema.get_field(&m.field_name) {
                    if !fields.contains(&field) {
                        fields.push(field);
                    }
                }
            }
        }
    }
    fields
}

/// The clauses of one boolean query. A term reached several ways (the
/// word, its stem, a glossary form's stem) becomes one term query with the
/// boosts added: the same score, one pass over its postings instead of
/// several.
#[derive(Default)]
struct Clauses {
    terms: Vec<(Field, String, f32)>,
    seen: FxHashMap<(Field, String), usize>,
    other: Vec<(Occur, Box<dyn Query>)>,
}

impl Clauses {
    fn new() -> Clauses {
        Clauses::default()
    }

    fn term(&mut self, field: Field, text: &str, boost: f32) {
        match self.seen.get(&(field, text.to_owned())) {
            Some(&i) => self.terms[i].2 += boost,
            None => {
                self.seen.insert((field, text.to_owned()), self.terms.len());
                self.terms.push((field, text.to_owned(), boost));
            }
        }
    }

    fn push(&mut self, clause: (Occur, Box<dyn Query>)) {
        self.other.push(clause);
    }

    fn append(&mut self, more: Clauses) {
        for (field, text, boost) in more.terms {
            self.term(field, &text, boost);
        }
        self.other.extend(more.other);
    }

    fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.other.is_empty()
    }

    fn into_vec(self) -> Vec<(Occur, Box<dyn Query>)> {
        let terms = self.terms.into_iter().map(|(field, text, boost)| {
            let term = Term::from_field_text(field, &text);
            let q = TermQuery::new(term, IndexRecordOption::WithFreqs);
            (Occur::Should, boosted(Box::new(q), boost))
        });
        terms.chain(self.other).collect()
    }
}

fn boosted(q: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(q, boost))
}

fn any(clauses: Clauses) -> Option<Box<dyn Query>> {
    if clauses.is_empty() {
        return None;
    }
    Some(Box::new(BooleanQuery::new(clauses.into_vec())))
}

impl<'a> Builder<'a> {
    /// A builder over `searcher`.
    pub fn new(searcher: &'a Searcher, fields: &'a Fields) -> Builder<'a> {
        Builder {
            searcher,
            fields,
            glossary: Glossary::builtin(),
            with_terms: with_terms(searcher),
        }
    }

    fn has_terms(&self, field: Field) -> bool {
        self.with_terms.contains(&field)
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
        if !self.has_terms(field) || self.doc_freq(field, text) == 0 {
            return false;
        }
        out.term(field, text, boost);
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
        if !self.has_terms(field) {
            return Vec::new();
        }
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

    /// Adds the clauses of [`Builder::form`] to `out`: a one-word form's
    /// terms join the others (and add up with them); true when it matches.
    fn form_into(&self, text: &str, boost: f32, out: &mut Clauses) -> bool {
        let mut segments = segments(text);
        if segments.len() == 1 {
            let mut c = Clauses::new();
            self.segment(&segments.remove(0), boost, &mut c);
            let found = !c.is_empty();
            out.append(c);
            return found;
        }
        match self.form(text, boost) {
            Some(q) => {
                out.push((Occur::Should, q));
                true
            }
            None => false,
        }
    }

    /// One segment of a form: itself or its stem.
    fn segment(&self, s: &Segment, boost: f32, c: &mut Clauses) {
        let word = s.text.to_lowercase();
        self.term_in_text(&word, boost, c);
        if let Some(stem) = stem(&word, s.script) {
            self.term_in_text(&stem, boost, c);
        }
    }

    /// A word or phrase (`control plane`) from the glossary: every segment
    /// must match, as itself or its stem.
    fn form(&self, text: &str, boost: f32) -> Option<Box<dyn Query>> {
        let mut musts = Clauses::new();
        for s in segments(text) {
            let mut c = Clauses::new();
            self.segment(&s, boost, &mut c);
            musts.push((Occur::Must, any(c)?));
        }
        any(musts)
    }

    /// All atoms of a compound (`dry`, `run` of `dry-run`) together.
    fn parts(&self, atoms: &[&Form], out: &mut Clauses) -> bool {
        let all: Option<Vec<_>> = atoms
            .iter()
            .map(|a| self.form(&a.text, 1.0).map(|q| (Occur::Must, q)))
            .collect();
        match all.filter(|a| !a.is_empty()) {
            Some(all) => {
                let q: Box<dyn Query> = Box::new(BooleanQuery::new(all));
                out.push((Occur::Should, boosted(q, PARTS)));
                true
            }
            None => false,
        }
    }

    /// A Hangul word the index does not hold whole, written without the
    /// space between two words it does hold (`리더선출` for 리더 선출,
    /// `사용안함` for 사용 안함, a compound typed in the other layout): both
    /// halves must match, as themselves or their stems, and they rank like
    /// compound parts. The split with the rarest (most telling) halves wins;
    /// its halves are returned as [`Kind::Split`] forms.
    fn split_compound(&self, word: &str, out: &mut Clauses) -> Vec<Form> {
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        if chars.len() < 3 || chars.len() > 12 {
            return Vec::new();
        }
        let known = |part: &str| -> u64 {
            let stem = korean_stem(part).unwrap_or(part);
            [self.fields.title, self.fields.body]
                .iter()
                .map(|f| self.doc_freq(*f, part).max(self.doc_freq(*f, stem)))
                .max()
                .unwrap_or(0)
        };
        let best = (2..=chars.len() - 1)
            .filter_map(|k| {
                let (left, right) = word.split_at(chars[k].0);
                let (l, r) = (known(left), known(right));
                (l > 0 && r > 0).then_some((l.min(r), left, right))
            })
            .min_by_key(|(df, _, _)| *df);
        let Some((_, left, right)) = best else {
            return Vec::new();
        };
        let mut musts = Clauses::new();
        for half in [left, right] {
            match self.form(half, 1.0) {
                Some(q) => musts.push((Occur::Must, q)),
                None => return Vec::new(),
            }
        }
        let Some(q) = any(musts) else {
            return Vec::new();
        };
        out.push((Occur::Should, boosted(q, PARTS)));
        [left, right]
            .map(|half| Form {
                text: half.to_owned(),
                kind: Kind::Split,
            })
            .into()
    }

    /// The query of one word from its [`forms`], whether the index has real
    /// evidence for it, and the forms the index found besides (the halves
    /// of a split compound). The forms come in the order of their weights;
    /// the compound split is tried only when nothing literal matched, the
    /// 초성 → glossary fallback only when nothing before it did.
    fn word(&self, w: &Word, forms: &[Form]) -> (Option<Box<dyn Query>>, bool, Vec<Form>) {
        let mut c = Clauses::new();
        let mut evidence = false;
        let (literal, rest): (Vec<&Form>, Vec<&Form>) = forms
            .iter()
            .partition(|f| matches!(f.kind, Kind::Exact | Kind::Stem | Kind::Joined | Kind::Part));
        let (atoms, literal): (Vec<&Form>, Vec<&Form>) =
            literal.into_iter().partition(|f| f.kind == Kind::Part);
        for f in literal {
            evidence |= self.term_in_text(&f.text, boost(f.kind), &mut c);
        }
        evidence |= self.parts(&atoms, &mut c);
        let mut found = Vec::new();
        let spelled = forms.first().is_some_and(|f| f.kind == Kind::Exact);
        if !evidence && spelled && w.script == Script::Hangul {
            found = self.split_compound(&w.text, &mut c);
            evidence |= !found.is_empty();
        }
        let mut fallback = None;
        for f in rest {
            let boost = boost(f.kind);
            evidence |= match f.kind {
                Kind::Glossary => self.form_into(&f.text, boost, &mut c),
                Kind::ChosungGlossary if *fallback.get_or_insert(!evidence) => {
                    self.form_into(&f.text, boost, &mut c)
                }
                Kind::Fuzzy(distance) => self.fuzzy(&f.text, distance, boost, &mut c),
                Kind::Prefix { .. } => self.prefix(&f.text, boost, &mut c),
                Kind::Chosung => self.chosung(&f.text, boost, &mut c),
                Kind::Keys { exact } => self.keys(&f.text, exact, w.last, boost, &mut c),
                _ => false,
            };
        }
        (any(c), evidence, found)
    }

    /// Fuzzy term queries in the fields where a typo is worth looking for;
    /// never evidence (a typo's match may be another word).
    fn fuzzy(&self, text: &str, distance: u8, boost: f32, c: &mut Clauses) -> bool {
        let f = self.fields;
        // The other fields hold words of these: a typo met there is met here.
        let typo_fields = [f.title, f.body, f.parts];
        for (field, weight) in text_fields(f) {
            if typo_fields.contains(&field) && self.has_terms(field) {
                let term = Term::from_field_text(field, text);
                let q = FuzzyTermQuery::new(term, distance, true);
                c.push((Occur::Should, boosted(Box::new(q), boost * weight)));
            }
        }
        false
    }

    /// The most frequent indexed words starting with `prefix`.
    fn prefix(&self, prefix: &str, boost: f32, c: &mut Clauses) -> bool {
        let f = self.fields;
        let mut evidence = false;
        for field in [f.title, f.body, f.parts] {
            for t in self.prefixed(field, prefix) {
                evidence |= self.term_in_text(&t, boost, c);
            }
        }
        evidence
    }

    /// Indexed Hangul words with these 초성, whole words above prefixes.
    fn chosung(&self, chosung: &str, boost: f32, c: &mut Clauses) -> bool {
        let found = derived::by_chosung(
            self.searcher,
            &self.hangul_fields(),
            chosung,
            MAX_PREFIX_TERMS,
        );
        let mut evidence = false;
        for (t, kind) in found {
            let boost = if kind == Match::Exact {
                boost
            } else {
                boost * 0.5
            };
            evidence |= self.term_in_hangul(&t, boost, c);
        }
        evidence
    }

    /// Keyboard keys against the keys of indexed Hangul words: exact when
    /// the word was typed in the Latin layout, as a prefix while typing.
    fn keys(&self, keys: &str, exact: bool, last: bool, boost: f32, c: &mut Clauses) -> bool {
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
                    Match::Exact if exact => boost,
                    Match::Exact => continue,
                    Match::Prefix => boost * 0.5,
                };
                evidence |= self.term_in_hangul(&t, boost, c);
            }
        }
        evidence
    }

    /// The query of a whole reading: every word optional, but each matched
    /// word adds [`COVERAGE`], so sections with all words come first.
    pub fn interpretation(&self, interp: &Interpretation) -> Built {
        let mut marks = Marks::default();
        let mut evidence = 0;
        let mut clauses = Clauses::new();
        let texts: Vec<&str> = interp.words.iter().map(|w| w.text.as_str()).collect();
        let phrases = self.glossary.phrases(&texts);
        let words: Vec<Box<dyn Query>> = interp
            .words
            .iter()
            .zip(&phrases)
            .filter_map(|(w, phrases)| {
                let forms = forms(w, phrases);
                let (q, e, found) = self.word(w, &forms);
                marks.add(forms.iter().chain(&found));
                evidence += usize::from(e);
                q
            })
            .collect();
        let many = words.len() > 1;
        for q in words {
            let q = if many {
                Box::new(Covered::new(q, COVERAGE))
            } else {
                q
            };
            clauses.push((Occur::Should, q));
        }
        Built {
            query: any(clauses),
            evidence,
            marks,
        }
    }
}

/// What each kind of form is worth, as a sign of relevance.
fn boost(kind: Kind) -> f32 {
    match kind {
        Kind::Exact => EXACT,
        Kind::Stem | Kind::Joined => STEM,
        Kind::Glossary | Kind::ChosungGlossary => GLOSSARY,
        Kind::Part | Kind::Split => PARTS,
        Kind::Fuzzy(_) => FUZZY,
        Kind::Prefix { typing: true } => PREFIX,
        Kind::Prefix { typing: false } => PREFIX * 0.8,
        Kind::Chosung => CHOSUNG,
        Kind::Keys { .. } => KEYS,
    }
}
