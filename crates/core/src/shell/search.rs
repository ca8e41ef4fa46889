//! Finding a command by what it does (issue 7, "quick lookup during labs"):
//! `taint`, `테인트` or `ㅅ먀ㅜㅅ` (taint typed with the Korean layout on)
//! all find `k taint nodes node1 key=value:NoSchedule`.
//!
//! Why not the tantivy index: the commands of a course are a few hundred
//! short lines, so scoring them in memory is instant and needs no index on
//! disk. What must not differ from the section search is how text is read,
//! so this module only composes the `analysis` functions the index uses:
//! [`plan`] and [`forms`] for the query (readings, stems, glossary terms
//! for ko↔en and kubectl short names, prefixes, 초성, keys), with its own
//! weight for each kind, and [`segments`] and the tokenizer's
//! [`with_stems`], [`chosung_forms`] and [`keys_forms`] for the text.

use super::extract::Command;
use super::lex::same_command;
use crate::analysis::forms::{forms, Kind};
use crate::analysis::glossary::{Glossary, Group};
use crate::analysis::query::{plan, Word};
use crate::analysis::segment::{segments, Script};
use crate::analysis::tokenizer::{chosung_forms, keys_forms, with_stems};
use crate::corpus::Corpus;
use crate::note::{Section, SectionRef};
use serde::{Deserialize, Serialize};
use std::collections::hash_map::{Entry, HashMap};
use std::collections::HashSet;

/// One row of the cheat sheet: a command found for a query, as written at
/// its best place, and every place the same command is written (see
/// [`same_command`]), so a command copied into twenty notes is one row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommandHit {
    /// The command as written at its best place, and where that is.
    pub command: Command,
    /// The section of its best place.
    pub section: SectionRef,
    /// Relevance of its best place; higher is better. 0 when the query was
    /// empty.
    pub score: f32,
    /// Every place the command is written, best first (the first is
    /// `command`'s own); equal scores in course order. A front end may
    /// keep only the first few ([`CommandHit::uses`] still counts all).
    pub places: Vec<Place>,
    /// How many places write the command.
    pub uses: usize,
}

/// One place a command is written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// The section it is in.
    pub section: SectionRef,
    /// 1-based line number in the section's file.
    pub line: usize,
    /// The line before the command there (see [`Command::context`]).
    pub context: String,
}

/// How much a match in each part of a command counts: the command text and
/// its tool are what the user is after; the line before it and the section
/// title only say what it is for.
const COMMAND: f32 = 3.0;
const TOOL: f32 = 3.0;
const CONTEXT: f32 = 1.5;
const TITLE: f32 = 1.0;

/// How much each kind of word match counts.
const EXACT: f32 = 1.0;
const STEM: f32 = 0.9;
const READING: f32 = 0.9; // 초성 or keyboard keys of a Hangul word
const GLOSSARY: f32 = 0.8;
const PART: f32 = 0.7;
const PREFIX: f32 = 0.6;

/// The other-layout reading counts a little less than the query as typed,
/// so a query that means something as typed keeps that meaning first.
const LAYOUT: f32 = 0.95;

/// The commands of `corpus` (`commands`, as [`super::extract`] gives them)
/// that match `query`, best first, at most `limit` rows, each command once
/// with all its places. Every query word must match the command, its tool,
/// the line before it (or its `# comment`) or its section title, in any of
/// the forms the section search accepts. Equal scores keep course order.
/// An empty or blank query lists every command in course order; a query
/// with no words (`|`, `*`) matches commands containing it literally.
pub fn search(corpus: &Corpus, commands: &[Command], query: &str, limit: usize) -> Vec<CommandHit> {
    let scorer = (!query.trim().is_empty()).then(|| Scorer::new(query));
    let mut found: Vec<(&Command, &Section, f32)> = commands
        .iter()
        .filter_map(|c| {
            let section = corpus.section(c.section.as_str())?;
            let score = match &scorer {
                Some(scorer) => scorer.score(section, c)?,
                None => 0.0,
            };
            Some((c, section, score))
        })
        .collect();
    // A stable sort: equal scores stay in course order.
    found.sort_by(|a, b| b.2.total_cmp(&a.2));
    rows(found, limit)
}

/// One row per command, in the order of each command's best place.
fn rows(found: Vec<(&Command, &Section, f32)>, limit: usize) -> Vec<CommandHit> {
    let mut rows: Vec<CommandHit> = Vec::new();
    let mut row_of: HashMap<String, usize> = HashMap::new();
    for (c, section, score) in found {
        let place = Place {
            section: SectionRef::of(section),
            line: c.line,
            context: c.context.clone(),
        };
        match row_of.entry(same_command(&c.text)) {
            Entry::Occupied(row) => rows[*row.get()].places.push(place),
            Entry::Vacant(_) if rows.len() == limit => {}
            Entry::Vacant(row) => {
                row.insert(rows.len());
                rows.push(CommandHit {
                    command: c.clone(),
                    section: place.section.clone(),
                    score,
                    places: vec![place],
                    uses: 0,
                });
            }
        }
    }
    for row in &mut rows {
        row.uses = row.places.len();
    }
    rows
}

/// The forms a piece of text can be met in, as the index would store them.
#[derive(Default)]
struct Forms {
    /// Lowercase words, compound parts and joined forms, with stems.
    words: HashSet<String>,
    /// 초성 of Hangul words (and of their stems).
    chosung: HashSet<String>,
    /// Lowercase 2-beolsik keys of Hangul words (and of their stems).
    keys: HashSet<String>,
    /// The whole text, lowercase, for multi-word glossary terms and phrases.
    lower: String,
}

impl Forms {
    fn of(text: &str) -> Forms {
        let mut f = Forms {
            lower: text.to_lowercase(),
            ..Forms::default()
        };
        let mut buf = Vec::new();
        for s in segments(text) {
            let word = s.text.to_lowercase();
            if s.script == Script::Hangul {
                chosung_forms(&word, &mut buf);
                f.chosung.extend(buf.drain(..));
                keys_forms(&word, &mut buf);
                f.keys.extend(buf.drain(..));
            }
            for w in std::iter::once(word)
                .chain(s.parts.iter().map(|p| p.to_lowercase()))
                .chain(s.joined.iter().map(|p| p.to_lowercase()))
            {
                with_stems(&w, &mut buf);
                f.words.extend(buf.drain(..));
            }
        }
        f
    }
}

/// One query word with every form that may meet it and what each is worth.
struct QueryWord {
    forms: Vec<(String, f32)>,
    /// Multi-word glossary terms (`control plane`), matched in the text.
    phrases: Vec<String>,
    /// Matched as a prefix of text words too (the last word, still typed).
    prefix: Option<String>,
    chosung: Option<String>,
    /// Keys and whether an exact match counts (see [`Word::keys`]).
    keys: Option<(String, bool)>,
    /// The last word of the query: 초성 and keys match as prefixes too.
    last: bool,
}

impl QueryWord {
    /// The word's [`forms`] this search uses, with what each is worth.
    fn new(w: &Word, phrases: &[&Group]) -> QueryWord {
        let mut word = QueryWord {
            forms: Vec::new(),
            phrases: Vec::new(),
            prefix: None,
            chosung: None,
            keys: None,
            last: w.last,
        };
        for f in forms(w, phrases) {
            match f.kind {
                Kind::Exact => word.forms.push((f.text, EXACT)),
                Kind::Stem => word.forms.push((f.text, STEM)),
                Kind::Part | Kind::Joined => word.forms.push((f.text, PART)),
                Kind::Glossary if f.text.contains(' ') => word.phrases.push(f.text),
                Kind::Glossary => word.forms.push((f.text, GLOSSARY)),
                // One letter as a prefix would match nearly everything.
                Kind::Prefix { typing: true } if f.text.chars().count() >= 2 => {
                    word.prefix = Some(f.text);
                }
                Kind::Chosung => word.chosung = Some(f.text),
                Kind::Keys { exact } => word.keys = Some((f.text, exact)),
                // Typos and 초성 → glossary guesses would flood a cheat sheet.
                _ => {}
            }
        }
        word
    }

    /// The best this word matches in `f` (0 for no match).
    fn best(&self, f: &Forms) -> f32 {
        let mut best: f32 = 0.0;
        for (form, weight) in &self.forms {
            if *weight > best && f.words.contains(form) {
                best = *weight;
            }
        }
        if best < GLOSSARY && self.phrases.iter().any(|p| f.lower.contains(p.as_str())) {
            best = GLOSSARY;
        }
        if let Some(c) = &self.chosung {
            if f.chosung.contains(c) {
                best = best.max(READING);
            } else if self.last && f.chosung.iter().any(|x| x.starts_with(c.as_str())) {
                best = best.max(PREFIX);
            }
        }
        if let Some((k, exact)) = &self.keys {
            if *exact && f.keys.contains(k) {
                best = best.max(READING);
            } else if self.last && f.keys.iter().any(|x| x.starts_with(k.as_str())) {
                best = best.max(PREFIX);
            }
        }
        if best < PREFIX {
            if let Some(p) = &self.prefix {
                if f.words.iter().any(|w| w.starts_with(p.as_str())) {
                    best = PREFIX;
                }
            }
        }
        best
    }
}

/// The query read once, scored against many commands.
struct Scorer {
    /// Each reading of the query (weight, words); the literal one first.
    readings: Vec<(f32, Vec<QueryWord>)>,
    /// The query lowercase: a command containing it as typed ranks higher.
    phrase: String,
}

impl Scorer {
    fn new(query: &str) -> Scorer {
        let glossary = Glossary::builtin();
        let readings = plan(query)
            .interpretations
            .into_iter()
            .map(|i| {
                let weight = if i.label.is_none() { 1.0 } else { LAYOUT };
                let texts: Vec<&str> = i.words.iter().map(|w| w.text.as_str()).collect();
                let phrases = glossary.phrases(&texts);
                let words = i.words.iter().zip(&phrases);
                let words = words.map(|(w, phrases)| QueryWord::new(w, phrases));
                (weight, words.collect())
            })
            .collect();
        Scorer {
            readings,
            phrase: query.trim().to_lowercase(),
        }
    }

    /// The score of a command, or `None` when some query word matches none
    /// of its parts (in every reading).
    fn score(&self, section: &Section, c: &Command) -> Option<f32> {
        let lower = c.text.to_lowercase();
        let literal = lower.contains(&self.phrase);
        if self.readings.is_empty() {
            return literal.then_some(COMMAND);
        }
        // The line before says what a command is for only when it is prose:
        // a command right before (`k taint …` then `k get nodes`) says
        // nothing about this one.
        let before = if super::detect::detect(&c.context).is_some() {
            ""
        } else {
            c.context.as_str()
        };
        let context = match &c.comment {
            Some(comment) => format!("{before}\n{comment}"),
            None => before.to_owned(),
        };
        let fields = [
            (COMMAND, Forms::of(&c.text)),
            (TOOL, Forms::of(&c.tool)),
            (CONTEXT, Forms::of(&context)),
            (TITLE, Forms::of(&section.title)),
        ];
        let mut best: Option<f32> = None;
        for (weight, words) in &self.readings {
            let mut total = 0.0;
            for w in words {
                let scores: Vec<f32> = fields.iter().map(|(fw, f)| fw * w.best(f)).collect();
                let top = scores.iter().copied().fold(0.0, f32::max);
                if top == 0.0 {
                    total = -1.0;
                    break;
                }
                // Matching in more than one place (the tool and the text)
                // is a sign the command is about the word, not just near it.
                let others = scores.iter().filter(|s| **s > 0.0).count() - 1;
                total += top + 0.1 * others as f32;
            }
            if total > 0.0 {
                let total = total * weight;
                best = Some(best.map_or(total, |b: f32| b.max(total)));
            }
        }
        // The query as typed inside the command (`get nodes`): the best sign.
        best.map(|b| if literal { b + 1.0 } else { b })
    }
}

#[cfg(test)]
mod tests;
