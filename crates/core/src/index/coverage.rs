//! A query's matches scored with a fixed bonus on top: how a multi-word
//! query ranks sections with every word above sections with some.
//!
//! Why not `ConstScoreQuery(q) OR q`: that evaluates each word's query
//! twice, and a word's query (exact, stems, glossary, prefixes, fuzzy over
//! several fields) is most of a search's cost.

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term};

/// `inner`, each match scoring `bonus` more.
#[derive(Debug)]
pub struct Covered {
    inner: Box<dyn Query>,
    bonus: Score,
}

impl Covered {
    /// `inner` with `bonus` added to every match's score.
    pub fn new(inner: Box<dyn Query>, bonus: Score) -> Covered {
        Covered { inner, bonus }
    }
}

impl Clone for Covered {
    fn clone(&self) -> Covered {
        Covered::new(self.inner.box_clone(), self.bonus)
    }
}

impl Query for Covered {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let inner = self.inner.weight(enable_scoring)?;
        Ok(Box::new(CoveredWeight {
            inner,
            bonus: self.bonus,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.inner.query_terms(visitor);
    }
}

struct CoveredWeight {
    inner: Box<dyn Weight>,
    bonus: Score,
}

impl Weight for CoveredWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(CoveredScorer {
            inner: self.inner.scorer(reader, boost)?,
            bonus: self.bonus * boost,
        }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let inner = self.inner.explain(reader, doc)?;
        let mut e = Explanation::new("Covered, bonus added", inner.value() + self.bonus);
        e.add_detail(inner);
        Ok(e)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.inner.count(reader)
    }
}

struct CoveredScorer {
    inner: Box<dyn Scorer>,
    bonus: Score,
}

impl DocSet for CoveredScorer {
    fn advance(&mut self) -> DocId {
        self.inner.advance()
    }
    fn seek(&mut self, target: DocId) -> DocId {
        self.inner.seek(target)
    }
    fn doc(&self) -> DocId {
        self.inner.doc()
    }
    fn size_hint(&self) -> u32 {
        self.inner.size_hint()
    }
    fn cost(&self) -> u64 {
        self.inner.cost()
    }
}

impl Scorer for CoveredScorer {
    fn score(&mut self) -> Score {
        self.inner.score() + self.bonus
    }
}
