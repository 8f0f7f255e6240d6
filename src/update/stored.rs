//! Fetched data on disk: `updates/` in the data directory holds one generation of downloads
//! (`gen-<UTC time>-<pid>/`, one file per feed, each as fetched) and `current.ron`, the manifest
//! naming that generation with each file's address, fetch time, size and checksum.
//!
//! A commit writes and flushes the new generation, then replaces the manifest atomically, then
//! removes the older generations: a crash at any point leaves the old manifest with its old
//! files or the new manifest with its new files, never a mix. Commits and resets hold
//! `updates/update.lock`, so two updates at once take turns. Readers take no lock: they read the
//! manifest, then its files, and check each file's size and checksum against it.

use super::Feed;
use crate::store::{
    LOCK_WAIT, Lock, LockError, ReadOutcome, TEMP_PREFIX, TEMP_SUFFIX, lock, read_capped,
    utc_stamp, write_atomic,
};
use serde::{Deserialize, Serialize};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The folder inside the data directory.
pub const UPDATES_DIR: &str = "updates";
pub const MANIFEST_FILE: &str = "current.ron";
pub const LOCK_FILE: &str = "update.lock";
const GENERATION_PREFIX: &str = "gen-";
/// Version of the manifest's format.
pub const MANIFEST_VERSION: u32 = 1;
/// A manifest is a few hundred bytes; anything far larger is not one.
const MAX_MANIFEST_BYTES: u64 = 64 * 1024;
/// A stored file is at most what a download may be.
const MAX_STORED_BYTES: u64 = super::fetch::DEFAULT_LIMITS.max_bytes;
/// How long a commit waits for another update's commit (which takes well under a second;
/// several seconds of margin for a slow disk).
const COMMIT_WAIT: Duration = Duration::from_secs(30);

/// What `current.ron` says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub version: u32,
    /// The generation folder's name.
    pub generation: String,
    pub files: Vec<StoredFile>,
    /// The catalogue built from the files, kept so a start need not build it again.
    #[serde(default)]
    pub derived: Option<DerivedFile>,
}

/// The built catalogue beside the downloads (see [`super::derived`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DerivedFile {
    /// Which program built it: a different build builds it again.
    pub built_on: String,
    pub bytes: u64,
    pub checksum: String,
}

/// One stored download.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredFile {
    pub feed: Feed,
    /// Where it was fetched from (after redirects).
    pub address: String,
    /// UTC, `2026-12-04T10:15:00Z`.
    pub fetched_at: String,
    pub bytes: u64,
    /// FNV-1a of the bytes, 16 hex digits: finds a damaged or edited file.
    pub checksum: String,
}

impl StoredFile {
    /// The fetch date, `2026-12-04`.
    pub fn date(&self) -> &str {
        self.fetched_at.get(..10).unwrap_or(&self.fetched_at)
    }
}

impl Manifest {
    pub fn file(&self, feed: Feed) -> Option<&StoredFile> {
        self.files.iter().find(|f| f.feed == feed)
    }
}

/// A stored update read back: the manifest and each feed's text.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub manifest: Manifest,
    pub texts: Vec<(Feed, String)>,
}

impl Snapshot {
    pub fn text(&self, feed: Feed) -> Option<&str> {
        self.texts
            .iter()
            .find(|(f, _)| *f == feed)
            .map(|(_, t)| t.as_str())
    }
}

/// A built catalogue to store beside the downloads.
#[derive(Debug, Clone, PartialEq)]
pub struct NewDerived {
    pub built_on: String,
    pub body: Vec<u8>,
}

/// A download to store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewFile {
    pub feed: Feed,
    pub address: String,
    pub fetched_at: String,
    pub body: Vec<u8>,
}

/// `2026-12-04T10:15:00Z` for now.
pub fn now_iso() -> String {
    iso_from_stamp(&utc_stamp(SystemTime::now()))
}

/// `20261204T101500Z` → `2026-12-04T10:15:00Z`.
fn iso_from_stamp(s: &str) -> String {
    if s.len() != 16 {
        return s.to_string();
    }
    format!(
        "{}-{}-{}T{}:{}:{}Z",
        &s[0..4],
        &s[4..6],
        &s[6..8],
        &s[9..11],
        &s[11..13],
        &s[13..15]
    )
}

/// FNV-1a, 64 bits, as 16 hex digits.
pub fn checksum(bytes: &[u8]) -> String {
    let h = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{h:016x}")
}

/// The stored updates of one data directory.
#[derive(Debug, Clone)]
pub struct Updates {
    dir: PathBuf,
}

/// The update lock, held while the stored data is replaced or removed.
pub struct Locked<'a> {
    updates: &'a Updates,
    _lock: Lock,
}

impl Updates {
    pub fn new(data_dir: &Path) -> Self {
        Updates {
            dir: data_dir.join(UPDATES_DIR),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The stored update, if there is one. A manifest replaced while its files were being
    /// read (another update committing) is read again once.
    pub fn read(&self) -> Result<Option<Snapshot>, String> {
        match self.read_once() {
            Err(_) => self.read_once(),
            ok => ok,
        }
    }

    fn read_once(&self) -> Result<Option<Snapshot>, String> {
        let Some(manifest) = self.read_manifest()? else {
            return Ok(None);
        };
        let generation = self.dir.join(&manifest.generation);
        let mut texts = Vec::new();
        for file in &manifest.files {
            let path = generation.join(file.feed.file_name());
            let bytes = read_verified(&path, file.bytes, &file.checksum)?;
            let text =
                String::from_utf8(bytes).map_err(|_| format!("{}: not UTF-8", path.display()))?;
            texts.push((file.feed, text));
        }
        Ok(Some(Snapshot { manifest, texts }))
    }

    /// `current.ron`, checked, or `None` when no update is stored.
    pub fn read_manifest(&self) -> Result<Option<Manifest>, String> {
        let path = self.dir.join(MANIFEST_FILE);
        let shown = path.display();
        let bytes = match read_capped(&path, MAX_MANIFEST_BYTES) {
            Ok(ReadOutcome::Missing) => return Ok(None),
            Ok(ReadOutcome::Bytes(b)) => b,
            Ok(ReadOutcome::NotRegular) => return Err(format!("{shown}: not a regular file")),
            Ok(ReadOutcome::TooLarge(n)) => {
                return Err(format!("{shown}: {n} bytes, not a manifest"));
            }
            Err(e) => return Err(format!("{shown}: {e}")),
        };
        let text = String::from_utf8(bytes).map_err(|_| format!("{shown}: not UTF-8"))?;
        let manifest: Manifest =
            crate::data::parse_ron(&shown.to_string(), &text).map_err(|e| e.to_string())?;
        if manifest.version > MANIFEST_VERSION {
            return Err(format!(
                "{shown}: written by a newer tierwise (version {}); update tierwise or run `tierwise update --reset`",
                manifest.version
            ));
        }
        if !is_generation_name(&manifest.generation) {
            return Err(format!(
                "{shown}: generation {:?} is not valid",
                manifest.generation
            ));
        }
        Ok(Some(manifest))
    }

    /// Take the update lock, waiting for another update's commit to finish.
    pub fn lock(&self) -> Result<Locked<'_>, String> {
        self.lock_within(COMMIT_WAIT.max(LOCK_WAIT))
    }

    /// Take the update lock, waiting at most `wait`.
    pub(super) fn lock_within(&self, wait: Duration) -> Result<Locked<'_>, String> {
        fs::create_dir_all(&self.dir).map_err(|e| format!("{}: {e}", self.dir.display()))?;
        let path = self.dir.join(LOCK_FILE);
        match lock(&path, wait) {
            Ok(l) => Ok(Locked {
                updates: self,
                _lock: l,
            }),
            Err(LockError::Busy) => Err(format!(
                "{}: another update held the lock for {} s",
                path.display(),
                wait.as_secs()
            )),
            Err(LockError::Io(e)) => Err(format!("{}: {e}", path.display())),
        }
    }
}

/// A stored file's bytes, refused unless its size and checksum are the manifest's.
pub(super) fn read_verified(path: &Path, bytes: u64, sum: &str) -> Result<Vec<u8>, String> {
    let shown = path.display();
    let data = match read_capped(path, MAX_STORED_BYTES) {
        Ok(ReadOutcome::Bytes(b)) => b,
        Ok(ReadOutcome::Missing) => return Err(format!("{shown}: missing")),
        Ok(other) => return Err(format!("{shown}: unreadable ({other:?})")),
        Err(e) => return Err(format!("{shown}: {e}")),
    };
    if data.len() as u64 != bytes || checksum(&data) != sum {
        return Err(format!(
            "{shown}: damaged (size or checksum differs from {MANIFEST_FILE})"
        ));
    }
    Ok(data)
}

fn is_generation_name(name: &str) -> bool {
    name.starts_with(GENERATION_PREFIX)
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
}

/// The built catalogue's name inside a generation folder (see `super::derived`).
pub const DERIVED_FILE: &str = "catalog.bin";

/// Write the built catalogue into a generation folder.
pub(super) fn write_derived(generation: &Path, d: &NewDerived) -> Result<DerivedFile, String> {
    let path = generation.join(DERIVED_FILE);
    write_atomic(&path, &d.body).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(DerivedFile {
        built_on: d.built_on.clone(),
        bytes: d.body.len() as u64,
        checksum: checksum(&d.body),
    })
}

impl Locked<'_> {
    /// The stored update as it is now (no other update can change it while the lock is held).
    pub fn read(&self) -> Result<Option<Snapshot>, String> {
        self.updates.read_once()
    }

    /// Store `files` as the new current data and remove every older generation.
    pub fn commit(
        &self,
        files: &[NewFile],
        derived: Option<&NewDerived>,
    ) -> Result<Manifest, String> {
        static COUNTER: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let dir = &self.updates.dir;
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let generation = format!(
            "{GENERATION_PREFIX}{}-{}.{n}",
            utc_stamp(SystemTime::now()),
            std::process::id()
        );
        let gen_dir = dir.join(&generation);
        let failed = |e: std::io::Error, path: &Path| format!("{}: {e}", path.display());
        fs::create_dir_all(&gen_dir).map_err(|e| failed(e, &gen_dir))?;
        let mut stored = Vec::new();
        for file in files {
            let path = gen_dir.join(file.feed.file_name());
            if let Err(e) = write_atomic(&path, &file.body) {
                let _ = fs::remove_dir_all(&gen_dir);
                return Err(failed(e, &path));
            }
            stored.push(StoredFile {
                feed: file.feed,
                address: file.address.clone(),
                fetched_at: file.fetched_at.clone(),
                bytes: file.body.len() as u64,
                checksum: checksum(&file.body),
            });
        }
        let mut manifest = Manifest {
            version: MANIFEST_VERSION,
            generation: generation.clone(),
            files: stored,
            derived: None,
        };
        if let Some(d) = derived {
            // Without its cache the update is still whole: a failure here only costs time.
            manifest.derived = write_derived(&gen_dir, d).ok();
        }
        if let Err(e) = self.write_manifest(&manifest) {
            let _ = fs::remove_dir_all(&gen_dir);
            return Err(e);
        }
        self.tidy(Some(&generation));
        Ok(manifest)
    }

    /// Replace `current.ron` atomically.
    pub(super) fn write_manifest(&self, manifest: &Manifest) -> Result<(), String> {
        let text = ron::ser::to_string_pretty(manifest, ron::ser::PrettyConfig::default())
            .map_err(|e| format!("the manifest did not serialise: {e}"))?;
        let path = self.updates.dir.join(MANIFEST_FILE);
        write_atomic(&path, text.as_bytes()).map_err(|e| format!("{}: {e}", path.display()))
    }

    pub(super) fn updates(&self) -> &Updates {
        self.updates
    }

    /// Remove the stored update, so the embedded data is used again. Returns the manifest
    /// that was removed, if any.
    pub fn reset(&self) -> Result<Option<Manifest>, String> {
        let previous = self.read().ok().flatten().map(|s| s.manifest);
        let path = self.updates.dir.join(MANIFEST_FILE);
        match fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("{}: {e}", path.display())),
        }
        if let Ok(d) = fs::File::open(&self.updates.dir) {
            let _ = d.sync_all();
        }
        self.tidy(None);
        Ok(previous)
    }

    /// Remove generations other than `keep` and temporary files of a commit that died.
    fn tidy(&self, keep: Option<&str>) {
        let Ok(entries) = fs::read_dir(&self.updates.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(GENERATION_PREFIX) && Some(&*name) != keep {
                let _ = fs::remove_dir_all(entry.path());
            } else if name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

#[cfg(test)]
#[path = "stored_tests.rs"]
mod tests;
