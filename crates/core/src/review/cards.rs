//! Cloze cards from the notes' own words. The definition lines the
//! renderer's block parser already tells apart (`[kubelet] : 선장`, and in
//! prose `term : definition`, `**term**: definition`, `` `term`: … ``,
//! `A vs B`, `setting = value`) are offered per section; the user picks
//! the ones worth a card, nothing is made silently. A card hides one part
//! of its line: the term of a definition, the value of a setting, the
//! other side of a comparison.
//!
//! A card is stored with its section's id and anchor and re-anchors with
//! the bookmarks' rules, so it follows its section through edits; its text
//! is its own (what the user chose to learn), kept when the line changes.
//! (Tested with the queue, in `review/tests.rs`.)

use crate::bookmarks::model::{fingerprint, Anchor, Card};
use crate::bookmarks::{reanchor, Store};
use crate::note::{plain::markdown_text, Format};
use crate::render::blocks::{blocks, Block, Line};
use crate::{Corpus, Error, Result, Section};
use serde::{Deserialize, Serialize};

/// What stands where a card hides its answer.
pub const HIDDEN: &str = "[?]";

/// A term, a setting's name or a side of a comparison longer than this
/// is prose, not something to recall.
const MAX_KEY_CHARS: usize = 48;
/// A line longer than this is a paragraph, not a definition.
const MAX_LINE_CHARS: usize = 300;

/// A card's two sides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cloze {
    /// The line with the hidden part as [`HIDDEN`].
    pub front: String,
    /// The hidden part.
    pub back: String,
}

/// A card offered for a section, and the card made of it if there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Offer {
    /// Its sides.
    #[serde(flatten)]
    pub cloze: Cloze,
    /// The id of the card made of it.
    pub card: Option<String>,
}

/// The cards `section`'s definition lines offer, in line order, each once.
pub fn offered(section: &Section) -> Vec<Cloze> {
    let markdown = section.format == Format::Markdown;
    let mut out: Vec<Cloze> = Vec::new();
    for block in blocks(&section.body, markdown) {
        let cloze = match block {
            Block::Para(Line::Term(term, def)) | Block::Item(_, _, Line::Term(term, def)) => {
                definition(term, def, " : ")
            }
            Block::Para(Line::Text(t))
            | Block::Item(_, _, Line::Text(t))
            | Block::Comment(_, t)
            | Block::Summary(t) => from_text(t),
            _ => None,
        };
        let Some(mut cloze) = cloze else { continue };
        if markdown {
            // Links, emphasis and code spans as a reader sees them.
            cloze.front = markdown_text(&cloze.front).trim().to_owned();
        }
        if !out.contains(&cloze) {
            out.push(cloze);
        }
    }
    out
}

/// The offers of section `id`, with the cards already made of them.
pub fn offers(store: &Store, corpus: &Corpus, id: &str) -> Result<Vec<Offer>> {
    let section = section(corpus, id)?;
    Ok(offered(section)
        .into_iter()
        .map(|cloze| Offer {
            card: store
                .file()
                .cards
                .iter()
                .find(|c| c.section == section.id && c.front == cloze.front && c.back == cloze.back)
                .map(|c| c.id.clone()),
            cloze,
        })
        .collect())
}

/// Makes a card of `cloze` on section `id`: it must be one the section
/// offers (the front end cannot put words in the notes' mouth). Making the
/// same card again returns the one there is.
pub fn add(store: &mut Store, corpus: &Corpus, id: &str, cloze: &Cloze) -> Result<Card> {
    let section = section(corpus, id)?;
    if !offered(section).contains(cloze) {
        return Err(Error::Invalid(format!(
            "{:?} is not a definition line of section {id:?}",
            cloze.front
        )));
    }
    // The id comes from the card's text, so the same card made on two
    // machines merges into one on import.
    let card_id = format!(
        "card-{}",
        &fingerprint(&format!("{}\n{}\n{}", section.id, cloze.front, cloze.back))[..12]
    );
    store.mutate(|file| {
        reanchor(file, corpus);
        if let Some(have) = file.cards.iter().find(|c| c.id == card_id) {
            return Ok(have.clone());
        }
        let card = Card {
            id: card_id.clone(),
            section: section.id.clone(),
            anchor: Anchor::of(section),
            front: cloze.front.clone(),
            back: cloze.back.clone(),
            created: crate::bookmarks::time::now(),
            schedule: None,
        };
        file.cards.push(card.clone());
        Ok(card)
    })
}

/// Deletes card `id` (its grades stay in the review log).
pub fn remove(store: &mut Store, id: &str) -> Result<Card> {
    store.mutate(|file| {
        let at = file
            .cards
            .iter()
            .position(|c| c.id == id)
            .ok_or_else(|| Error::NotFound(format!("no card {id:?}")))?;
        Ok(file.cards.remove(at))
    })
}

fn section<'c>(corpus: &'c Corpus, id: &str) -> Result<&'c Section> {
    corpus
        .section(id)
        .ok_or_else(|| Error::NotFound(format!("no section with id {id:?}")))
}

/// A definition, setting or comparison written in prose.
fn from_text(t: &str) -> Option<Cloze> {
    let t = t.trim();
    if t.starts_with('|') || t.chars().count() > MAX_LINE_CHARS {
        return None;
    }
    marked_term(t)
        .or_else(|| {
            t.split_once(" : ")
                .and_then(|(k, v)| definition(k, v, " : "))
        })
        .or_else(|| t.split_once(" = ").and_then(|(k, v)| setting(k, v)))
        .or_else(|| comparison(t))
}

/// `**term**: definition`, `**term:** definition`, `` `term`: definition ``.
fn marked_term(t: &str) -> Option<Cloze> {
    for mark in ["**", "`"] {
        let Some(rest) = t.strip_prefix(mark) else {
            continue;
        };
        let close = rest.find(mark)?;
        let (term, after) = (&rest[..close], &rest[close + mark.len()..]);
        let (term, def) = match term.strip_suffix(':') {
            Some(term) => (term, after),
            None => (term, after.strip_prefix(':')?),
        };
        return definition(term, def, ": ");
    }
    None
}

fn definition(term: &str, def: &str, sep: &str) -> Option<Cloze> {
    let term = term.trim().trim_start_matches(['-', ' ']);
    let def = def.trim();
    (is_key(term) && def.chars().count() >= 2).then(|| Cloze {
        front: format!("{HIDDEN}{sep}{def}"),
        back: term.to_owned(),
    })
}

fn setting(name: &str, value: &str) -> Option<Cloze> {
    let (name, value) = (name.trim(), value.trim());
    let code = |s: &str| s.contains(['=', ';', '{', '(', '"', '\'']);
    (is_key(name) && !code(name) && !value.is_empty() && is_short(value)).then(|| Cloze {
        front: format!("{name} = {HIDDEN}"),
        back: value.to_owned(),
    })
}

/// `A vs B` (or `vs.`): the card hides B.
fn comparison(t: &str) -> Option<Cloze> {
    let lower = t.to_lowercase();
    let at = lower.find(" vs. ").or_else(|| lower.find(" vs "))?;
    let sep = if lower[at..].starts_with(" vs. ") {
        " vs. "
    } else {
        " vs "
    };
    let (a, b) = (t[..at].trim(), t[at + sep.len()..].trim());
    (is_short(a) && is_short(b) && !a.is_empty() && !b.is_empty()).then(|| Cloze {
        front: format!("{a}{sep}{HIDDEN}"),
        back: b.to_owned(),
    })
}

/// A term or name: a few words, not a sentence (which ends in `.`, `?`,
/// or Korean's `…다` / `…요`).
fn is_key(t: &str) -> bool {
    let sentence = t.ends_with(['.', '?', '!', '다', '요']);
    !t.is_empty()
        && is_short(t)
        && t.split_whitespace().count() <= 5
        && !sentence
        && !t.contains(HIDDEN)
}

fn is_short(t: &str) -> bool {
    t.chars().count() <= MAX_KEY_CHARS
}
