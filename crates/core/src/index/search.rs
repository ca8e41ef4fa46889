//! Running a query: every reading of it is searched, the readings with the
//! most evidence in the index are shown first (the literal one on ties), and
//! hits are deduplicated across readings.

use super::query::Builder;
use super::schema::{Fields, TRAIL_SEPARATOR};
use super::snippet::{Snippet, Snippets};
use crate::analysis::query::plan;
use crate::{Result, SectionId, SectionRef};
use serde::Serialize;
use std::collections::HashSet;
use tantivy::collector::TopDocs;
use tantivy::schema::Value;
use tantivy::{Searcher, TantivyDocument};

/// One matching section.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The section (its id for `pilgi show`, bookmarks, the reader); its
    /// fields sit beside the others in JSON.
    #[serde(flatten)]
    pub section: SectionRef,
    /// Relevance; only comparable within one result list.
    pub score: f32,
    /// The best line or two, the matched words marked.
    pub snippet: Snippet,
}

/// The answer to a query.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    /// The query as given.
    pub query: String,
    /// The readings other than the literal one that found hits, e.g.
    /// `keyboard layout: 이미지`, best first: the UI says "showing results
    /// for …" when the first hit came from one.
    pub interpretations: Vec<String>,
    /// Best first.
    pub hits: Vec<Hit>,
    /// Set while the index is still being built: how much of the notes
    /// these hits were searched in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partial: Option<super::Partial>,
}

fn text(doc: &TantivyDocument, field: tantivy::schema::Field) -> String {
    doc.get_first(field)
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Searches `query`, at most `limit` hits.
pub fn search(
    searcher: &Searcher,
    fields: &Fields,
    query: &str,
    limit: usize,
) -> Result<SearchResults> {
    let mut results = SearchResults {
        query: query.to_owned(),
        interpretations: Vec::new(),
        hits: Vec::new(),
        partial: None,
    };
    if limit == 0 {
        return Ok(results);
    }
    let builder = Builder::new(searcher, fields);
    let plan = plan(query);
    let mut readings: Vec<_> = plan
        .interpretations
        .iter()
        .enumerate()
        .map(|(i, interp)| (i, interp, builder.interpretation(interp)))
        .collect();
    readings.sort_by_key(|(i, _, b)| (std::cmp::Reverse(b.evidence), *i));
    let mut seen = HashSet::new();
    for (rank, (_, interp, built)) in readings.iter().enumerate() {
        if rank > 0 && built.evidence == 0 {
            continue;
        }
        let Some(q) = &built.query else { continue };
        let top = searcher.search(q.as_ref(), &TopDocs::with_limit(limit).order_by_score())?;
        let mut snippets = Snippets::new(&built.marks);
        let mut contributed = false;
        for (score, address) in top {
            if results.hits.len() >= limit {
                break;
            }
            let doc: TantivyDocument = searcher.doc(address)?;
            let id = text(&doc, fields.id);
            if !seen.insert(id.clone()) {
                continue;
            }
            contributed = true;
            let number = |field| {
                doc.get_first(field)
                    .and_then(|v| v.as_u64())
                    .and_then(|n| u32::try_from(n).ok())
            };
            let section = SectionRef {
                id: SectionId(id),
                file: text(&doc, fields.file),
                number: number(fields.number),
                title: text(&doc, fields.title),
                path: text(&doc, fields.trail)
                    .split(TRAIL_SEPARATOR)
                    .filter(|h| !h.is_empty())
                    .map(str::to_owned)
                    .collect(),
                duration_seconds: number(fields.duration),
            };
            results.hits.push(Hit {
                section,
                score,
                snippet: snippets.of(&text(&doc, fields.body)),
            });
        }
        if contributed {
            if let Some(label) = &interp.label {
                results.interpretations.push(label.clone());
            }
        }
    }
    Ok(results)
}
