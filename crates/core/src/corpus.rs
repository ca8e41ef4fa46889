//! A notes folder read into memory: every note parsed, every skip explained.

use crate::note::{decode, parse, Note, Rejected, Section, SectionId};
use crate::progress::{Progress, Report, Stage};
use crate::scan::{natural_cmp, natural_order, scan, FileStat, Found, Skipped};
use pilgi_i18n::Message;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

/// One note file as loaded, with the content hash the index uses to tell
/// changed files from unchanged ones.
#[derive(Debug, Clone)]
pub struct LoadedNote {
    /// The parsed note.
    pub note: Note,
    /// BLAKE3 of the file's bytes, hex.
    pub hash: String,
}

/// All notes of a folder, in course order.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// The folder the notes came from.
    pub root: PathBuf,
    /// Notes in natural path order. Shared: a re-read after an edit keeps
    /// the unchanged notes of the corpus it replaces without copying them.
    pub notes: Vec<Arc<LoadedNote>>,
    /// Files that were not read, with reasons.
    pub skipped: Vec<Skipped>,
    by_id: HashMap<SectionId, (usize, usize)>,
    /// `stat` of every found file (read or not), for the index's fast
    /// staleness check, and when it was taken.
    stats: HashMap<String, FileStat>,
    scanned: Option<SystemTime>,
}

impl Corpus {
    /// Reads and parses every note under `root`. A missing or unreadable
    /// folder gives an empty corpus with the folder in `skipped`.
    pub fn load(root: &Path) -> Corpus {
        Corpus::load_reporting(root, &mut |_| {})
    }

    /// [`Corpus::load`], telling `report` after each file.
    pub fn load_reporting(root: &Path, report: Report<'_>) -> Corpus {
        let scanned = SystemTime::now();
        let (found, skipped) = scan(root);
        Corpus::load_found_reporting(root, &natural_order(found), skipped, scanned, report)
    }

    /// Reads and parses the files a [`scan`] of `root` started at
    /// `scanned` found, in [`natural_order`] (so a caller that already
    /// scanned need not again).
    pub fn load_found(
        root: &Path,
        found: &[Found],
        skipped: Vec<Skipped>,
        scanned: SystemTime,
    ) -> Corpus {
        Corpus::load_found_reporting(root, found, skipped, scanned, &mut |_| {})
    }

    /// [`Corpus::load_found`], telling `report` after each file.
    pub fn load_found_reporting(
        root: &Path,
        found: &[Found],
        skipped: Vec<Skipped>,
        scanned: SystemTime,
        report: Report<'_>,
    ) -> Corpus {
        Corpus::load_reusing(root, found, skipped, scanned, |_| None, report)
    }

    /// Reads the folder again, leaving this corpus as it is (its readers go
    /// on meanwhile) and sharing the notes whose files provably did not
    /// change since they were read (their stat is the one taken then,
    /// and was settled: see [`Corpus::settled_stat`]). After one note is
    /// edited in a vault of 5 000 files, one file is read and parsed, not
    /// 5 000; every file is still stat'ed.
    pub fn reloaded(&self) -> Corpus {
        let scanned = SystemTime::now();
        let (found, skipped) = scan(&self.root);
        let found = natural_order(found);
        let unchanged: std::collections::HashSet<&str> = found
            .iter()
            .filter(|f| self.settled_stat(&f.rel) == Some(f.stat))
            .map(|f| f.rel.as_str())
            .collect();
        let kept: HashMap<&str, &Arc<LoadedNote>> = self
            .notes
            .iter()
            .filter(|n| unchanged.contains(n.note.file.as_str()))
            .map(|n| (n.note.file.as_str(), n))
            .collect();
        let reuse = |f: &Found| kept.get(f.rel.as_str()).map(|&n| Arc::clone(n));
        Corpus::load_reusing(&self.root, &found, skipped, scanned, reuse, &mut |_| {})
    }

    /// [`Corpus::load_found`], taking a file's note from `reuse` when it
    /// has one instead of reading the file, telling `report` after each.
    fn load_reusing(
        root: &Path,
        found: &[Found],
        mut skipped: Vec<Skipped>,
        scanned: SystemTime,
        mut reuse: impl FnMut(&Found) -> Option<Arc<LoadedNote>>,
        report: Report<'_>,
    ) -> Corpus {
        let mut sections = 0;
        let mut notes = Vec::with_capacity(found.len());
        for (i, f) in found.iter().enumerate() {
            match reuse(f).map_or_else(|| load_file(f).map(Arc::new), Ok) {
                Ok(n) => {
                    sections += n.note.sections.len();
                    notes.push(n);
                }
                Err(reason) => skipped.push(Skipped {
                    file: f.rel.clone(),
                    reason,
                }),
            }
            report(&Progress {
                stage: Stage::Reading,
                files_done: i + 1,
                files_total: found.len(),
                sections_done: sections,
                sections_total: 0,
                file: &f.rel,
            });
        }
        skipped.sort_by(|a, b| natural_cmp(&a.file, &b.file));
        let mut corpus = Corpus::of_shared(root, notes, skipped);
        corpus.stats = found.iter().map(|f| (f.rel.clone(), f.stat)).collect();
        corpus.scanned = Some(scanned);
        corpus
    }

    /// Builds a corpus from notes already loaded (tests, the file watcher).
    pub fn from_notes(root: &Path, notes: Vec<LoadedNote>, skipped: Vec<Skipped>) -> Corpus {
        Corpus::of_shared(root, notes.into_iter().map(Arc::new).collect(), skipped)
    }

    fn of_shared(root: &Path, notes: Vec<Arc<LoadedNote>>, skipped: Vec<Skipped>) -> Corpus {
        let by_id = notes
            .iter()
            .enumerate()
            .flat_map(|(i, n)| {
                n.note
                    .sections
                    .iter()
                    .enumerate()
                    .map(move |(j, s)| (s.id.clone(), (i, j)))
            })
            .collect();
        Corpus {
            root: root.to_owned(),
            notes,
            skipped,
            by_id,
            stats: HashMap::new(),
            scanned: None,
        }
    }

    /// When the folder was scanned for the notes now loaded, so the stats
    /// of its files are known (`None`: the notes were assembled by
    /// [`Corpus::from_notes`], not read from a folder).
    pub fn scanned(&self) -> Option<SystemTime> {
        self.scanned
    }

    /// The `stat` of a file as it was when read, if that proves its content
    /// unchanged as long as the stat stays the same: it was read from disk
    /// and last modified well before ([`FileStat::settled`]).
    pub fn settled_stat(&self, file: &str) -> Option<FileStat> {
        let stat = self.stats.get(file)?;
        stat.settled(self.scanned?).then_some(*stat)
    }

    /// When a file was last modified, as read (`None` for notes not read
    /// from a scanned folder).
    pub fn modified(&self, file: &str) -> Option<i64> {
        self.stats.get(file).map(|s| s.mtime_ns)
    }

    /// Every section in course order (file order, then position in file).
    pub fn sections(&self) -> impl Iterator<Item = &Section> {
        self.notes.iter().flat_map(|n| &n.note.sections)
    }

    /// The section with this id.
    pub fn section(&self, id: &str) -> Option<&Section> {
        let &(i, j) = self.by_id.get(id)?;
        Some(&self.notes[i].note.sections[j])
    }

    /// Where section `id` is in course order (note, then section), for
    /// sorting sections as the notes list them.
    pub fn position(&self, id: &str) -> Option<(usize, usize)> {
        self.by_id.get(id).copied()
    }

    /// The notes of this corpus that `old`, the corpus it was read again
    /// from, does not share with it ([`Corpus::reloaded`] shares the notes
    /// it did not read again), each with `old`'s version when `old` had
    /// the file: what an edit changed.
    pub fn changed_from<'a>(&'a self, old: &'a Corpus) -> Vec<(Option<&'a Note>, &'a Note)> {
        let before: HashMap<&str, &Arc<LoadedNote>> = old
            .notes
            .iter()
            .map(|n| (n.note.file.as_str(), n))
            .collect();
        self.notes
            .iter()
            .filter_map(|after| match before.get(after.note.file.as_str()) {
                Some(b) if Arc::ptr_eq(b, after) => None,
                b => Some((b.map(|b| &b.note), &after.note)),
            })
            .collect()
    }

    /// The note with this relative path.
    pub fn note(&self, file: &str) -> Option<&Note> {
        self.notes.iter().map(|n| &n.note).find(|n| n.file == file)
    }

    /// The sections before and after `id` in course order, for prev/next.
    pub fn neighbours(&self, id: &str) -> (Option<&Section>, Option<&Section>) {
        let all: Vec<&Section> = self.sections().collect();
        match all.iter().position(|s| s.id.as_str() == id) {
            Some(k) => (k.checked_sub(1).map(|p| all[p]), all.get(k + 1).copied()),
            None => (None, None),
        }
    }

    /// Warnings of notes that were read but not cleanly (e.g. invalid UTF-8).
    pub fn warnings(&self) -> impl Iterator<Item = (&str, &Message)> {
        self.notes
            .iter()
            .flat_map(|n| n.note.warnings.iter().map(|w| (n.note.file.as_str(), w)))
    }
}

/// Reads one found file; the error is the reason it was skipped.
pub fn load_file(found: &Found) -> Result<LoadedNote, Message> {
    let bytes = std::fs::read(&found.path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Message::new("skip-vanished"),
        std::io::ErrorKind::PermissionDenied => Message::new("skip-permission-denied"),
        _ => Message::new("skip-cannot-read").arg("error", e.to_string()),
    })?;
    let decoded = decode(&bytes).map_err(|r| match r {
        Rejected::Binary => Message::new("skip-binary"),
    })?;
    let mut note = parse(&found.rel, &decoded.text);
    note.warnings = decoded.warnings;
    Ok(LoadedNote {
        note,
        hash: blake3::hash(&bytes).to_hex().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// Writes `text` to `dir/name`, last modified long ago (settled), at
    /// the same time every call.
    fn write_old(dir: &Path, name: &str, text: &str) {
        let path = dir.join(name);
        std::fs::write(&path, text).expect("write");
        let long_ago = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let file = std::fs::File::options()
            .write(true)
            .open(&path)
            .expect("open");
        file.set_modified(long_ago).expect("set mtime");
    }

    fn texts(c: &Corpus) -> Vec<(String, String)> {
        c.notes
            .iter()
            .map(|n| {
                (
                    n.note.file.clone(),
                    n.note.sections[0].body.trim().to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn reload_reads_only_the_files_whose_stat_changed() {
        let dir = tempfile::tempdir().expect("tmp");
        write_old(dir.path(), "a.txt", "1. A 01:00\nalpha\n");
        write_old(dir.path(), "b.txt", "1. B 01:00\nbravo\n");
        write_old(dir.path(), "c.txt", "1. C 01:00\ncharlie\n");
        let corpus = Corpus::load(dir.path());
        // b.txt: new bytes of the same size with its old time put back, so
        // its stat (size, time, inode) is what it was: it is not read again.
        write_old(dir.path(), "b.txt", "1. B 01:00\nBRAVO\n");
        // c.txt: edited now; d.txt: new; a.txt untouched.
        std::fs::write(dir.path().join("c.txt"), "1. C 01:00\ncharlie, edited\n").expect("edit");
        std::fs::write(dir.path().join("d.txt"), "1. D 01:00\ndelta\n").expect("new");
        let reloaded = corpus.reloaded();
        assert_eq!(
            texts(&reloaded),
            [
                ("a.txt".to_owned(), "alpha".to_owned()),
                ("b.txt".to_owned(), "bravo".to_owned()),
                ("c.txt".to_owned(), "charlie, edited".to_owned()),
                ("d.txt".to_owned(), "delta".to_owned()),
            ]
        );
        assert!(reloaded.section("c#1").is_some(), "ids are rebuilt");
        // A file removed is gone; the one edited just now is read again
        // next time (its stat is not settled yet), not trusted.
        std::fs::remove_file(dir.path().join("a.txt")).expect("rm");
        std::fs::write(dir.path().join("c.txt"), "1. C 01:00\ncharlie, twice\n").expect("edit");
        let again = reloaded.reloaded();
        assert_eq!(
            texts(&again)
                .iter()
                .map(|(f, t)| format!("{f}: {t}"))
                .collect::<Vec<_>>(),
            ["b.txt: bravo", "c.txt: charlie, twice", "d.txt: delta"]
        );
        assert!(again.section("a#1").is_none());
    }
}
