//! Writing the index: one document per section, re-indexed per file when the
//! file's content hash changes.
//!
//! The hash of every indexed file is kept in the commit payload (tantivy's
//! `meta.json`), so the index and its bookkeeping can never disagree: they
//! are committed in one atomic step.

use super::schema::{Fields, SCHEMA_VERSION};
use crate::commands::command_of;
use crate::corpus::Corpus;
use crate::scan::FileStat;
use crate::{Error, Result, Section};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::time::{Duration, Instant};
use tantivy::{Index, IndexWriter, TantivyDocument, TantivyError, Term};

/// How long a second writer waits for the first before reporting busy.
const WRITER_WAIT: Duration = Duration::from_secs(3);
/// Indexing memory budget (tantivy splits it between threads).
const WRITER_MEMORY: usize = 96 * 1024 * 1024;

/// What the index records about itself in each commit.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Payload {
    /// [`SCHEMA_VERSION`] of the writer.
    pub version: u32,
    /// Indexed files and the content hash they were indexed at.
    pub files: BTreeMap<String, String>,
    /// What the folder looked like when these hashes were taken: the
    /// `stat` of every file read, indexed or not, recorded only when it
    /// proves the content (see [`crate::scan::FileStat::settled`]). When a
    /// scan finds exactly these files with these stats, the index is
    /// current without reading a byte of any note.
    #[serde(default)]
    pub stats: BTreeMap<String, FileStat>,
    /// Files found but not readable as notes (binary, no permission), with
    /// the reason: reported again by a search that reads nothing.
    #[serde(default)]
    pub unreadable: BTreeMap<String, String>,
    /// Warnings of notes read with problems (e.g. invalid UTF-8), likewise.
    #[serde(default)]
    pub warnings: BTreeMap<String, Vec<String>>,
}

/// The part of the payload that describes the folder rather than the index.
#[derive(PartialEq)]
struct FolderState {
    stats: BTreeMap<String, FileStat>,
    unreadable: BTreeMap<String, String>,
    warnings: BTreeMap<String, Vec<String>>,
}

impl FolderState {
    fn of(corpus: &Corpus) -> FolderState {
        let read = corpus.notes.iter().map(|n| n.note.file.as_str());
        let unread = corpus.skipped.iter().map(|s| s.file.as_str());
        let stats = read
            .chain(unread)
            .filter_map(|f| Some((f.to_owned(), corpus.settled_stat(f)?)))
            .collect();
        // Only skips of files that were found (and stat'ed) are kept: the
        // others (hidden, wrong type, loops) a scan finds again by itself.
        let unreadable = corpus
            .skipped
            .iter()
            .filter(|s| corpus.settled_stat(&s.file).is_some())
            .map(|s| (s.file.clone(), s.reason.clone()))
            .collect();
        let warnings = corpus
            .notes
            .iter()
            .filter(|n| !n.note.warnings.is_empty())
            .map(|n| (n.note.file.clone(), n.note.warnings.clone()))
            .collect();
        FolderState {
            stats,
            unreadable,
            warnings,
        }
    }

    fn of_payload(p: &Payload) -> FolderState {
        FolderState {
            stats: p.stats.clone(),
            unreadable: p.unreadable.clone(),
            warnings: p.warnings.clone(),
        }
    }
}

impl Payload {
    /// The payload of the last commit (`Ok(None)` for a fresh index).
    pub fn read(index: &Index) -> Result<Option<Payload>> {
        let metas = index.load_metas()?;
        match metas.payload {
            None => Ok(None),
            Some(text) => serde_json::from_str(&text)
                .map(Some)
                .map_err(|e| Error::Index(format!("unreadable index payload: {e}"))),
        }
    }
}

/// What one [`super::SearchIndex::sync`] did. File counts, except `sections`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct IndexReport {
    /// Files indexed for the first time.
    pub added: usize,
    /// Files re-indexed because their content changed.
    pub updated: usize,
    /// Files gone from the folder and from the index.
    pub removed: usize,
    /// Files whose hash had not changed.
    pub unchanged: usize,
    /// Sections written by this sync.
    pub sections: usize,
    /// Wall time of the sync in milliseconds.
    pub millis: u64,
    /// Why the index was rebuilt from scratch when opened, if it was.
    pub rebuilt: Option<String>,
}

/// Lines of a section that are shell commands.
fn commands(section: &Section) -> String {
    section
        .body_lines()
        .filter_map(command_of)
        .collect::<Vec<_>>()
        .join("\n")
}

/// `#tag` words (a `#` directly followed by a letter; `# comment` and `#3`
/// are not tags).
fn tags(section: &Section) -> String {
    let mut out = String::new();
    for (i, _) in section.body.match_indices('#') {
        let rest = &section.body[i + 1..];
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(rest.len());
        if rest.chars().next().is_some_and(char::is_alphabetic) {
            out.push_str(&rest[..end]);
            out.push(' ');
        }
    }
    out
}

/// The document of one section.
pub fn document(f: &Fields, s: &Section) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.id, s.id.as_str());
    doc.add_text(f.file, &s.file);
    if let Some(n) = s.number {
        doc.add_u64(f.number, n.into());
    }
    doc.add_text(f.title, &s.title);
    doc.add_text(f.summary, s.summary().collect::<Vec<_>>().join("\n"));
    doc.add_text(f.body, &s.body);
    doc.add_text(f.commands, commands(s));
    doc.add_text(f.tags, tags(s));
    doc.add_text(f.parts, &s.body);
    doc
}

/// Takes the index writer, waiting while another process holds it.
fn acquire(index: &Index) -> Result<IndexWriter> {
    let start = Instant::now();
    loop {
        match index.writer_with_num_threads::<TantivyDocument>(2, WRITER_MEMORY) {
            Ok(w) => return Ok(w),
            Err(TantivyError::LockFailure(..)) if start.elapsed() < WRITER_WAIT => {
                std::thread::sleep(Duration::from_millis(100));
            }
            Err(TantivyError::LockFailure(..)) => return Err(Error::Busy),
            Err(e) => return Err(e.into()),
        }
    }
}

/// Whether the index already holds exactly the corpus's files and hashes.
pub fn is_current(index: &Index, corpus: &Corpus) -> Result<bool> {
    let indexed = Payload::read(index)?.unwrap_or_default().files;
    Ok(holds(&indexed, corpus))
}

fn holds(indexed: &BTreeMap<String, String>, corpus: &Corpus) -> bool {
    indexed.len() == corpus.notes.len()
        && corpus
            .notes
            .iter()
            .all(|n| indexed.get(&n.note.file) == Some(&n.hash))
}

/// Brings the index in line with the corpus: files whose hash changed are
/// re-indexed, files that are gone are deleted, the rest is left alone.
/// When only the folder's stats changed (a file touched, or just settled),
/// the new stats are committed alone, so the next search can skip reading.
pub fn sync(index: &Index, fields: &Fields, corpus: &Corpus) -> Result<IndexReport> {
    let start = Instant::now();
    let mut report = IndexReport::default();
    let folder = FolderState::of(corpus);
    let current = Payload::read(index)?.unwrap_or_default();
    if holds(&current.files, corpus)
        && (folder == FolderState::of_payload(&current) || !corpus.was_scanned())
    {
        report.unchanged = corpus.notes.len();
        report.millis = start.elapsed().as_millis() as u64;
        return Ok(report);
    }
    let mut writer = acquire(index)?;
    // Read the payload again under the lock: another writer may have just
    // committed the same changes.
    let mut payload = Payload::read(index)?.unwrap_or_default();
    payload.version = SCHEMA_VERSION;
    let mut files = BTreeMap::new();
    for loaded in &corpus.notes {
        let file = &loaded.note.file;
        match payload.files.remove(file) {
            Some(hash) if hash == loaded.hash => report.unchanged += 1,
            previous => {
                if previous.is_some() {
                    report.updated += 1;
                    writer.delete_term(Term::from_field_text(fields.file, file));
                } else {
                    report.added += 1;
                }
                for s in &loaded.note.sections {
                    writer.add_document(document(fields, s))?;
                    report.sections += 1;
                }
            }
        }
        files.insert(file.clone(), loaded.hash.clone());
    }
    for gone in payload.files.keys() {
        writer.delete_term(Term::from_field_text(fields.file, gone));
        report.removed += 1;
    }
    payload.files = files;
    payload.stats = folder.stats;
    payload.unreadable = folder.unreadable;
    payload.warnings = folder.warnings;
    let text = serde_json::to_string(&payload)
        .map_err(|e| Error::Index(format!("cannot write index payload: {e}")))?;
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&text);
    prepared.commit()?;
    writer.wait_merging_threads()?;
    report.millis = start.elapsed().as_millis() as u64;
    Ok(report)
}
