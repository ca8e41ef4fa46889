//! 초성 and keyboard-key matches found in the term dictionary at query time.
//!
//! Why not index them: every Hangul word would add its 초성 and its keys
//! (and those of its stem) to two more fields, which cost a third of the
//! build. A word's 초성 and keys are functions of the word, and all words
//! whose 초성 or keys start with a given initial consonant sit in one block
//! of the sorted term dictionary (카..=킿 for ㅋ). So a query scans only
//! that block of the title and body terms and keeps the words whose derived
//! form matches.

use crate::analysis::hangul::{chosung, initials_of_key, syllables_with_initial, to_keys};
use std::collections::HashMap;
use std::ops::RangeInclusive;
use tantivy::schema::Field;
use tantivy::Searcher;

/// How a term's derived form compares with the query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Match {
    /// It starts with the query (and is longer).
    Prefix,
    /// It is the query.
    Exact,
}

/// Terms found, best first: exact matches, then the most frequent.
pub type Found = Vec<(String, Match)>;

/// Compatibility jamo: words typed as bare jamo (`ㅋㅋ`) sort here.
const JAMO: RangeInclusive<char> = '\u{3131}'..='\u{318E}';

/// Terms of `fields` in the blocks `ranges` whose `form` equals `query` or,
/// when `prefix`, starts with it; at most `limit` of each kind.
fn scan(
    searcher: &Searcher,
    fields: &[Field],
    ranges: &[RangeInclusive<char>],
    form: impl Fn(&str) -> String,
    query: &str,
    prefix: bool,
    limit: usize,
) -> Found {
    let mut found: HashMap<String, (Match, u64)> = HashMap::new();
    for reader in searcher.segment_readers() {
        for &field in fields {
            let Ok(inverted) = reader.inverted_index(field) else {
                continue;
            };
            for range in ranges {
                let mut lo = [0; 4];
                let lo = range.start().encode_utf8(&mut lo).as_bytes();
                // Every term starting with a char of the range sorts below
                // the char after it.
                let after = char::from_u32(*range.end() as u32 + 1).unwrap_or(char::MAX);
                let mut hi = [0; 4];
                let hi = after.encode_utf8(&mut hi).as_bytes();
                let Ok(mut stream) = inverted.terms().range().ge(lo).lt(hi).into_stream() else {
                    continue;
                };
                while stream.advance() {
                    let Ok(text) = std::str::from_utf8(stream.key()) else {
                        continue;
                    };
                    let derived = form(text);
                    let kind = if derived == query {
                        Match::Exact
                    } else if prefix && derived.starts_with(query) {
                        Match::Prefix
                    } else {
                        continue;
                    };
                    let entry = found.entry(text.to_owned()).or_insert((kind, 0));
                    entry.1 += u64::from(stream.value().doc_freq);
                }
            }
        }
    }
    let mut terms: Vec<(String, (Match, u64))> = found.into_iter().collect();
    terms.sort_by(|a, b| (b.1).cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let (mut exact, mut prefixed) = (0, 0);
    terms
        .into_iter()
        .filter(|(_, (kind, _))| {
            let n = if *kind == Match::Exact {
                &mut exact
            } else {
                &mut prefixed
            };
            *n += 1;
            *n <= limit
        })
        .map(|(t, (kind, _))| (t, kind))
        .collect()
}

/// Words whose 초성 is `query` (`ㅋㅌㅇㄴ` → 컨테이너) or starts with it.
pub fn by_chosung(searcher: &Searcher, fields: &[Field], query: &str, limit: usize) -> Found {
    let Some(first) = query.chars().next() else {
        return Vec::new();
    };
    let ranges: Vec<_> = syllables_with_initial(first)
        .into_iter()
        .chain([JAMO])
        .collect();
    scan(searcher, fields, &ranges, chosung, query, true, limit)
}

/// Words whose lowercase 2-beolsik keys are `keys` (`dlalwl` → 이미지) or,
/// when `prefix`, start with them (`zjsx` → 컨테이너).
pub fn by_keys(
    searcher: &Searcher,
    fields: &[Field],
    keys: &str,
    prefix: bool,
    limit: usize,
) -> Found {
    let Some(first) = keys.chars().next() else {
        return Vec::new();
    };
    let ranges: Vec<_> = initials_of_key(first)
        .filter_map(syllables_with_initial)
        .chain([JAMO])
        .collect();
    let form = |t: &str| to_keys(t).to_lowercase();
    scan(searcher, fields, &ranges, form, keys, prefix, limit)
}
