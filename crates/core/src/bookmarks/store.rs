//! `bookmarks.json` in the data dir: the only copy of the user's bookmarks,
//! shared by the CLI and the app.
//!
//! Every change is a read-modify-write under an exclusive lock on
//! `bookmarks.lock`: the change is applied to the file as it is on disk at
//! that moment, not to this process's possibly stale copy, so the CLI and a
//! running app never lose each other's changes. Before the new version is
//! written, the current one is copied to `bookmarks.json.bak`; both writes go
//! through [`crate::atomic::write_atomic`], so a crash leaves whole files. A
//! file that cannot be read is renamed aside with a timestamp (never
//! overwritten) and the backup takes its place; the recovery is recorded in
//! the store so whichever front end comes next can tell the user. A file
//! of an older format is read as it is and, before its first rewrite in the
//! current one, copied to `bookmarks.json.format-N` once.

use super::model::{Recovery, StoreFile, FORMAT};
use super::time;
use crate::atomic::write_atomic;
use crate::{Error, Result};
use std::fs::{File, OpenOptions};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

/// The store's file name in the data dir.
pub const FILE_NAME: &str = "bookmarks.json";
/// The previous version of the store.
pub const BACKUP_NAME: &str = "bookmarks.json.bak";
/// The lock file writers take turns on (never deleted: deleting a lock file
/// while another process waits on it would let two writers in).
pub const LOCK_NAME: &str = "bookmarks.lock";
/// How many recovery records the store keeps.
const KEEP_RECOVERIES: usize = 20;

/// The bookmark store of one data dir. Holds a snapshot of the file; all
/// changes go through [`Store::mutate`], which re-reads the file under the
/// lock first.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    file: StoreFile,
    notices: Vec<Recovery>,
}

/// What reading the file found.
enum Read {
    Clean(StoreFile, Vec<u8>),
    Missing,
    Corrupt(String),
}

impl Store {
    /// Opens the store in `data_dir` (usually [`crate::Locations::data`]).
    /// A missing store is an empty one and nothing is created until the
    /// first change. An unreadable store is recovered (see the module docs);
    /// [`Store::notices`] then says what happened.
    pub fn open(data_dir: &Path) -> Result<Store> {
        let mut store = Store {
            dir: data_dir.to_owned(),
            file: StoreFile::default(),
            notices: Vec::new(),
        };
        store.refresh()?;
        Ok(store)
    }

    /// The store file. Front ends watch it (or its folder: the file is
    /// replaced by rename, so watch the folder) and call [`Store::refresh`].
    pub fn path(&self) -> PathBuf {
        self.dir.join(FILE_NAME)
    }

    /// The revision of the snapshot this store holds: every write bumps
    /// it, so a front end can compare it with what it rendered last.
    pub fn revision(&self) -> u64 {
        self.file.revision
    }

    /// The snapshot: bookmarks, dismissals, recoveries.
    pub fn file(&self) -> &StoreFile {
        &self.file
    }

    /// Corrupt-store recoveries this `Store` performed, for telling the
    /// user (all recoveries so far are in [`StoreFile::recoveries`]).
    pub fn notices(&self) -> &[Recovery] {
        &self.notices
    }

    /// Re-reads the file if another process changed it. Returns whether the
    /// snapshot changed. Cheap enough to call on every focus or file event.
    pub fn refresh(&mut self) -> Result<bool> {
        let fresh = match self.read()? {
            Read::Clean(file, _) => file,
            Read::Missing if !self.dir.join(BACKUP_NAME).exists() => StoreFile::default(),
            Read::Missing | Read::Corrupt(_) => {
                let _lock = self.lock()?;
                self.load_locked()?.0
            }
        };
        let changed = fresh != self.file;
        self.file = fresh;
        Ok(changed)
    }

    /// Applies `change` to the store as it is on disk, under the lock, and
    /// writes the result if it differs. The closure may run on newer data
    /// than [`Store::file`] showed; it must decide from what it is given.
    /// An error from the closure writes nothing.
    pub fn mutate<T>(&mut self, change: impl FnOnce(&mut StoreFile) -> Result<T>) -> Result<T> {
        let _lock = self.lock()?;
        let (mut file, current) = self.load_locked()?;
        let before = file.clone();
        let out = change(&mut file)?;
        if file != before {
            if before.format < FORMAT {
                self.keep_older_format(before.format, current.as_deref())?;
            }
            file.format = FORMAT;
            file.revision = before.revision + 1;
            self.write_locked(&file, current.as_deref())?;
        }
        self.file = file;
        Ok(out)
    }

    fn lock(&self) -> Result<File> {
        std::fs::create_dir_all(&self.dir).map_err(|e| Error::io(&self.dir, e))?;
        let path = self.dir.join(LOCK_NAME);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        // Released when the file is closed, also when the process is killed.
        file.lock().map_err(|e| Error::io(&path, e))?;
        Ok(file)
    }

    fn read(&self) -> Result<Read> {
        read_store(&self.path())
    }

    /// Reads the file under the lock, recovering it if needed. Returns the
    /// store and the bytes of the valid file on disk (the next backup).
    fn load_locked(&mut self) -> Result<(StoreFile, Option<Vec<u8>>)> {
        let backup = self.dir.join(BACKUP_NAME);
        match self.read()? {
            Read::Clean(file, bytes) => Ok((file, Some(bytes))),
            Read::Missing if !backup.exists() => Ok((StoreFile::default(), None)),
            Read::Missing => self.recover(None),
            Read::Corrupt(reason) => self.recover(Some(reason)),
        }
    }

    /// Sets an unreadable store aside, restores the backup (or starts
    /// empty when there is none), records what happened and writes the
    /// result. Nothing is deleted or overwritten.
    fn recover(&mut self, reason: Option<String>) -> Result<(StoreFile, Option<Vec<u8>>)> {
        let at = time::now();
        let main = self.path();
        let moved = match &reason {
            Some(_) => Some(set_aside(&main, &at)?),
            None => None,
        };
        let backup = self.dir.join(BACKUP_NAME);
        let (mut file, restored) = match read_store(&backup)? {
            Read::Clean(file, _) => (file, true),
            Read::Missing => (StoreFile::default(), false),
            Read::Corrupt(_) => {
                // Keep the bad backup too: it may be all that is left.
                set_aside(&backup, &at)?;
                (StoreFile::default(), false)
            }
        };
        let record = Recovery {
            at,
            set_aside: moved.map(|p| p.to_string_lossy().into_owned()),
            reason: reason.unwrap_or_else(|| format!("{FILE_NAME} was missing")),
            restored_from_backup: restored,
        };
        file.recoveries.push(record.clone());
        let excess = file.recoveries.len().saturating_sub(KEEP_RECOVERIES);
        file.recoveries.drain(..excess);
        file.revision += 1;
        let bytes = encode(&file)?;
        write_atomic(&main, &bytes)?;
        self.notices.push(record);
        Ok((file, Some(bytes)))
    }

    /// Backs up `current` (the valid file on disk) and writes `file`.
    fn write_locked(&self, file: &StoreFile, current: Option<&[u8]>) -> Result<()> {
        self.remove_stale_temps();
        if let Some(current) = current {
            write_atomic(&self.dir.join(BACKUP_NAME), current)?;
        }
        write_atomic(&self.path(), &encode(file)?)
    }

    /// Before a file of an older format is first rewritten in this one,
    /// a copy of it as it was, `bookmarks.json.format-N`, kept for good:
    /// an older Pilgi cannot read the new format (it refuses to touch it),
    /// and the copy lets a user who goes back keep their bookmarks. The
    /// `.bak` would not do: the next write replaces it.
    fn keep_older_format(&self, format: u32, current: Option<&[u8]>) -> Result<()> {
        let path = self.dir.join(format!("{FILE_NAME}.format-{format}"));
        match current {
            Some(bytes) if !path.exists() => write_atomic(&path, bytes),
            _ => Ok(()),
        }
    }

    /// Temp files left by writers that were killed mid-write. Only called
    /// under the lock, when no other writer can own one.
    fn remove_stale_temps(&self) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let ours = name.starts_with(&format!(".{FILE_NAME}."))
                || name.starts_with(&format!(".{BACKUP_NAME}."));
            if ours && name.ends_with(".tmp") {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

fn encode(file: &StoreFile) -> Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec_pretty(file).map_err(|e| Error::Store {
        path: PathBuf::from(FILE_NAME),
        message: e.to_string(),
    })?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Reads and checks a store file. A file written by a newer Pilgi is an
/// error, not corruption: it must be neither set aside nor overwritten.
fn read_store(path: &Path) -> Result<Read> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Read::Missing),
        Err(e) => return Err(Error::io(path, e)),
    };
    Ok(match parse(path, &bytes)? {
        Ok(file) => Read::Clean(file, bytes),
        Err(reason) => Read::Corrupt(reason),
    })
}

/// Parses store bytes: `Ok(Err(reason))` for a corrupt file.
pub(crate) fn parse(path: &Path, bytes: &[u8]) -> Result<Result<StoreFile, String>> {
    let value: serde_json::Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) if bytes.is_empty() => return Ok(Err(format!("empty file ({e})"))),
        Err(e) => return Ok(Err(format!("not valid JSON: {e}"))),
    };
    let format = value.get("format").and_then(serde_json::Value::as_u64);
    if format.is_some_and(|f| f > u64::from(FORMAT)) {
        return Err(Error::Store {
            path: path.to_owned(),
            message: format!(
                "written by a newer Pilgi (format {}); update Pilgi to use it",
                format.unwrap_or_default()
            ),
        });
    }
    Ok(serde_json::from_value(value).map_err(|e| format!("not a bookmark store: {e}")))
}

/// Renames `path` to `<name>.corrupt-<time>` (with a counter if taken).
fn set_aside(path: &Path, at: &str) -> Result<PathBuf> {
    let name = path
        .file_name()
        .map_or_else(Default::default, |n| n.to_string_lossy().into_owned());
    let stamp = time::compact(at);
    let target = (1..)
        .map(|k| {
            let suffix = if k == 1 {
                String::new()
            } else {
                format!("-{k}")
            };
            path.with_file_name(format!("{name}.corrupt-{stamp}{suffix}"))
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| path.with_file_name(format!("{name}.corrupt")));
    std::fs::rename(path, &target).map_err(|e| Error::io(path, e))?;
    if let Some(dir) = path.parent() {
        let _ = File::open(dir).and_then(|d| d.sync_all());
    }
    Ok(target)
}

#[cfg(test)]
mod tests;
