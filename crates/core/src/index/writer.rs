//! Writing the index: one document per section, re-indexed per file when the
//! file's content hash changes.
//!
//! The hash of every indexed file is kept with each commit, so the index and
//! its bookkeeping can never disagree: they are committed in one atomic
//! step. An index on disk keeps that record in a file of its own beside
//! `meta.json` ([`STATE_PREFIX`]`<opstamp>.json`, written durably before the
//! commit that names it in its payload): tantivy parses `meta.json` twice
//! on every open, and a payload of one entry per file made that the largest
//! cost of a CLI search. An index in RAM keeps it inline in the payload.

use super::schema::{Fields, SCHEMA_VERSION, TRAIL_SEPARATOR};
use crate::corpus::Corpus;
use crate::note::Note;
use crate::progress::{Progress, Report, Stage};
use crate::scan::FileStat;
use crate::shell::extract_section;
use crate::{Error, Result, Section};
use pilgi_i18n::Message;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};
use tantivy::{Index, IndexWriter, TantivyDocument, TantivyError, Term};

/// How long a second writer waits for the first before reporting busy.
const WRITER_WAIT: Duration = Duration::from_secs(3);
/// Indexing memory budget (tantivy splits it between threads).
const WRITER_MEMORY: usize = 96 * 1024 * 1024;

/// A sync that writes this many sections commits what it has done so far
/// (a checkpoint) and goes on: the first build of a big vault is
/// searchable long before it ends, and a build killed midway resumes from
/// its last checkpoint instead of starting over. Each later checkpoint
/// waits for twice the sections written before it (20k, 60k, 180k …): a
/// commit costs a fifth of a second at 100k sections, so their number
/// grows with the logarithm of the build, and a kill loses at most two
/// thirds of it. Smaller syncs (every edit, most folders) commit once.
pub const CHECKPOINT_SECTIONS: usize = 20_000;

/// Name prefix of the files holding an on-disk index's [`Payload`].
pub const STATE_PREFIX: &str = "pilgi-state-";

/// What the index records about itself in each commit.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Payload {
    /// [`SCHEMA_VERSION`] of the writer.
    pub version: u32,
    /// In `meta.json`: the file beside it that holds the rest of the
    /// payload, if it is not inline (after [`Payload::read`]: the file it
    /// was read from).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
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
    pub unreadable: BTreeMap<String, Message>,
    /// Warnings of notes read with problems (e.g. invalid UTF-8), likewise.
    #[serde(default)]
    pub warnings: BTreeMap<String, Vec<Message>>,
    /// Set by a checkpoint: how much of the folder the commit holds. A
    /// checkpoint records no folder state (`stats` empty), so nothing takes
    /// it for a current index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partial: Option<Partial>,
}

/// How much of the notes a partly built index holds (see
/// [`CHECKPOINT_SECTIONS`]): searches say so until the build is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partial {
    /// Note files indexed so far.
    pub files_indexed: usize,
    /// Note files in the folder.
    pub files_total: usize,
    /// Sections indexed so far.
    pub sections_indexed: usize,
    /// Sections in the folder.
    pub sections_total: usize,
}

/// The part of the payload that describes the folder rather than the index.
#[derive(PartialEq)]
struct FolderState {
    stats: BTreeMap<String, FileStat>,
    unreadable: BTreeMap<String, Message>,
    warnings: BTreeMap<String, Vec<Message>>,
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

fn unreadable(e: impl std::fmt::Display) -> Error {
    Error::Index(format!("unreadable index payload: {e}"))
}

impl Payload {
    /// The payload of the last commit (`Ok(None)` for a fresh index);
    /// `dir` is where an on-disk index lives.
    pub fn read(index: &Index, dir: Option<&Path>) -> Result<Option<Payload>> {
        // A writer may replace the state file between reading `meta.json`
        // and reading the file it names (it keeps the previous one, so
        // this takes two commits in that instant): then read again.
        let mut tries = 0;
        loop {
            let Some(text) = index.load_metas()?.payload else {
                return Ok(None);
            };
            let payload: Payload = serde_json::from_str(&text).map_err(unreadable)?;
            match payload.resolve(dir) {
                Err(Error::WithPath { source, .. })
                    if source.kind() == std::io::ErrorKind::NotFound && tries < 3 =>
                {
                    tries += 1;
                }
                other => return other.map(Some),
            }
        }
    }

    /// The bytes of the state file this pointer names in `dir` (`None` when
    /// the payload is inline, or of another version, to be rebuilt).
    pub fn state_bytes(&self, dir: Option<&Path>) -> Result<Option<Vec<u8>>> {
        let Some(name) = self
            .state
            .as_deref()
            .filter(|_| self.version == SCHEMA_VERSION)
        else {
            return Ok(None);
        };
        if !name.starts_with(STATE_PREFIX) || name.contains(['/', '\\']) {
            return Err(unreadable(format!("bad state file name {name:?}")));
        }
        let dir = dir.ok_or_else(|| unreadable("state file of an index without a folder"))?;
        let path = dir.join(name);
        std::fs::read(&path)
            .map(Some)
            .map_err(|e| Error::io(&path, e))
    }

    /// The whole payload: itself when inline (or of another version, to be
    /// rebuilt), else the state file it names, read from `dir`.
    pub fn resolve(self, dir: Option<&Path>) -> Result<Payload> {
        let Some(bytes) = self.state_bytes(dir)? else {
            return Ok(self);
        };
        let name = self.state.as_deref().unwrap_or_default();
        let mut full: Payload = serde_json::from_slice(&bytes).map_err(unreadable)?;
        if full.version != self.version || full.state.is_some() {
            return Err(unreadable(format!("{name} does not match meta.json")));
        }
        // Where it came from: the next commit keeps that file a while.
        full.state = self.state;
        Ok(full)
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
    pub rebuilt: Option<Message>,
    /// The index commit (tantivy opstamp) the sync left: what the watching
    /// app's lease (a layer up, in `watch_lease`) vouches for.
    pub opstamp: u64,
}

/// The section's shell commands, one per line.
fn commands(section: &Section) -> String {
    extract_section(section)
        .into_iter()
        .map(|c| c.text)
        .collect::<Vec<_>>()
        .join("\n")
}

/// `#tag` words (a `#` directly followed by a letter; `# comment` and `#3`
/// are not tags) and the note's front-matter tags.
fn tags(note: &Note, text: &str) -> String {
    let mut out = note.meta.tags.join(" ");
    out.push(' ');
    for (i, _) in text.match_indices('#') {
        let rest = &text[i + 1..];
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

/// The document of one section of `note`.
pub fn document(f: &Fields, note: &Note, s: &Section) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.id, s.id.as_str());
    doc.add_text(f.file, &s.file);
    if let Some(n) = s.number {
        doc.add_u64(f.number, n.into());
    }
    if let Some(d) = s.duration_seconds {
        doc.add_u64(f.duration, d.into());
    }
    doc.add_text(f.title, &s.title);
    // The headings above it and the note's names say what it is about too.
    let mut context = s.path.join("\n");
    for name in std::iter::once(&note.title).chain(&note.meta.aliases) {
        if *name != s.title && !s.path.contains(name) {
            context.push('\n');
            context.push_str(name);
        }
    }
    doc.add_text(f.context, &context);
    doc.add_text(f.trail, s.path.join(TRAIL_SEPARATOR));
    doc.add_text(f.summary, s.summary().collect::<Vec<_>>().join("\n"));
    let text = s.text();
    doc.add_text(f.body, &text);
    doc.add_text(f.commands, commands(s));
    doc.add_text(f.tags, tags(note, &text));
    doc.add_text(f.parts, &text);
    doc
}

/// Removes state files other than the current one and the one it replaced
/// (a reader may have just read the `meta.json` naming that). Best effort:
/// a leftover file is only a few bytes per note.
fn prune_states(dir: &Path, current: &str, previous: Option<&str>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if name.starts_with(STATE_PREFIX) && name != current && Some(name) != previous {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Commits what `writer` holds with `payload` as its record (in a state
/// file of its own when on disk), and prunes older state files; returns the
/// state file's name.
fn commit(
    writer: &mut IndexWriter,
    dir: Option<&Path>,
    payload: &Payload,
    previous: Option<&str>,
) -> Result<Option<String>> {
    let json = |p: &Payload| {
        serde_json::to_string(p)
            .map_err(|e| Error::Index(format!("cannot write index payload: {e}")))
    };
    let text = json(payload)?;
    let mut prepared = writer.prepare_commit()?;
    let Some(dir) = dir else {
        prepared.set_payload(&text);
        prepared.commit()?;
        return Ok(None);
    };
    let name = format!("{STATE_PREFIX}{}.json", prepared.opstamp());
    crate::atomic::write_atomic(&dir.join(&name), text.as_bytes())?;
    let pointer = Payload {
        version: SCHEMA_VERSION,
        state: Some(name.clone()),
        ..Payload::default()
    };
    prepared.set_payload(&json(&pointer)?);
    prepared.commit()?;
    prune_states(dir, &name, previous);
    Ok(Some(name))
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
pub fn is_current(index: &Index, dir: Option<&Path>, corpus: &Corpus) -> Result<bool> {
    let indexed = Payload::read(index, dir)?.unwrap_or_default().files;
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
/// A big sync commits checkpoints on the way ([`CHECKPOINT_SECTIONS`]),
/// telling `checkpoint` after each.
///
/// Long (~100 lines): it is the index's one transaction (plan, take the
/// writer, delete, add, write the record, commit), and each step's failure
/// must leave the last commit standing; one function keeps that order in
/// view.
pub fn sync(
    index: &Index,
    dir: Option<&Path>,
    fields: &Fields,
    corpus: &Corpus,
    progress: Report<'_>,
    checkpoint: &mut dyn FnMut(Partial) -> Result<()>,
) -> Result<IndexReport> {
    let start = Instant::now();
    let mut report = IndexReport::default();
    let folder = FolderState::of(corpus);
    let current = Payload::read(index, dir)?.unwrap_or_default();
    if holds(&current.files, corpus)
        && current.partial.is_none()
        && (folder == FolderState::of_payload(&current) || corpus.scanned().is_none())
    {
        report.unchanged = corpus.notes.len();
        report.millis = start.elapsed().as_millis() as u64;
        return Ok(report);
    }
    let mut writer = acquire(index)?;
    // Read the payload again under the lock: another writer may have just
    // committed the same changes.
    let mut payload = Payload::read(index, dir)?.unwrap_or_default();
    payload.version = SCHEMA_VERSION;
    payload.partial = None;
    let mut previous = payload.state.take();
    let mut files = BTreeMap::new();
    let sections_total = corpus.notes.iter().map(|n| n.note.sections.len()).sum();
    let mut sections_done = 0;
    let (mut uncommitted, mut next_checkpoint) = (0, CHECKPOINT_SECTIONS);
    for (i, loaded) in corpus.notes.iter().enumerate() {
        let file = &loaded.note.file;
        sections_done += loaded.note.sections.len();
        progress(&Progress {
            stage: Stage::Indexing,
            files_done: i + 1,
            files_total: corpus.notes.len(),
            sections_done,
            sections_total,
            file,
        });
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
                    writer.add_document(document(fields, &loaded.note, s))?;
                    report.sections += 1;
                    uncommitted += 1;
                }
            }
        }
        files.insert(file.clone(), loaded.hash.clone());
        if uncommitted >= next_checkpoint && i + 1 < corpus.notes.len() {
            let partial = Partial {
                files_indexed: i + 1,
                files_total: corpus.notes.len(),
                sections_indexed: sections_done,
                sections_total,
            };
            // What the index holds now: the files done, and the old files
            // not reached yet (some of them gone, deleted at the end).
            let mut held = files.clone();
            held.extend(payload.files.iter().map(|(f, h)| (f.clone(), h.clone())));
            let record = Payload {
                version: SCHEMA_VERSION,
                files: held,
                partial: Some(partial),
                ..Payload::default()
            };
            previous = commit(&mut writer, dir, &record, previous.as_deref())?;
            checkpoint(partial)?;
            next_checkpoint = 2 * report.sections;
            uncommitted = 0;
        }
    }
    for gone in payload.files.keys() {
        writer.delete_term(Term::from_field_text(fields.file, gone));
        report.removed += 1;
    }
    payload.files = files;
    payload.stats = folder.stats;
    payload.unreadable = folder.unreadable;
    payload.warnings = folder.warnings;
    progress(&Progress {
        stage: Stage::Saving,
        files_done: corpus.notes.len(),
        files_total: corpus.notes.len(),
        sections_done: sections_total,
        sections_total,
        file: "",
    });
    commit(&mut writer, dir, &payload, previous.as_deref())?;
    writer.wait_merging_threads()?;
    report.millis = start.elapsed().as_millis() as u64;
    Ok(report)
}
