//! The state file: where a user's scenarios live between sessions.
//!
//! # Where
//! `state.ron` in `$TIERWISE_HOME` when that is set, otherwise in the platform's data directory
//! for tierwise (`~/.local/share/tierwise` on Linux). See [`state_dir`].
//!
//! # Safety of the file
//! - Saves are atomic: the new text goes to a temporary file in the same directory, is flushed
//!   to disk, renamed over `state.ron`, and the directory is flushed. A crash or `kill -9` at
//!   any moment leaves the old file or the new one, never a broken one; a temporary file left
//!   by a crash is removed at the next start.
//! - The file is versioned (`version: 2`); version 1 files are upgraded on load. A file from a
//!   newer tierwise is never overwritten: the session shows what it understands and does not save.
//! - A file that does not parse (or is not a regular file, or is over 16 MiB) is renamed to
//!   `state.ron.corrupt-<UTC time>` and the session starts from the built-in scenario; the notice
//!   says where the old file went and the line and column of the error.
//! - An unwritable data directory gives a session that keeps its scenarios in memory only.
//!
//! # Two sessions at once
//! Each save takes `state.ron.lock` (waiting a few seconds at most; file systems without
//! locking are used unlocked) and checks whether the file changed since this session last
//! loaded or saved it (revision counter and content hash). If it did, the two are merged
//! against what this session last loaded or saved (a three-way merge): scenarios only the
//! other session added or changed are taken from the file; a scenario both changed is merged
//! field by field, so one session's new volume and the other's new input share both survive,
//! and where both changed the same field this session's value wins (its save is the later one);
//! a scenario deleted here stays deleted unless the other session changed it meanwhile, and
//! one deleted there is dropped unless it was changed here. The save reports which scenarios
//! came from the other session and each field whose other value was overwritten (with both
//! values), so nothing is lost silently.
//!
//! # Use
//! At start, `Store::open_default(|| builtin_scenario(&catalog, &use_cases))` gives the store,
//! the state to show and the notices to show. After changes (debounced) and on quit, HUP and
//! TERM, call `store.save(&state)`: on `SaveOutcome::Merged` adopt the returned state and tell
//! the user which scenarios came from the other session; on an error keep going (the state in
//! memory is intact) and retry at the next save. A save is one small synchronous write plus two
//! fsyncs; it blocks only while another session's save holds the lock (at most 3 seconds).

mod fields;
mod fsio;
mod merge;
mod notice;
mod schema;
mod tidy;

pub use fields::{FieldConflict, merge_scenario};
pub use fsio::{
    LOCK_WAIT, Lock, LockError, MAX_STATE_BYTES, ReadOutcome, TEMP_PREFIX, TEMP_SUFFIX, commit,
    lock, read_capped, utc_stamp, write_atomic, write_temp,
};
pub use merge::{Merge, merge};
pub use notice::{Notice, SaveOutcome, Severity, StoreError};
pub use schema::{
    CURRENT_VERSION, ParseError, Parsed, State, parse_export, parse_state, serialize_export,
    serialize_state,
};
pub use tidy::{clean_scenario, unique_name};

use crate::domain::catalog::Catalog;
use crate::domain::hybrid::route;
use crate::domain::scenario::Scenario;
use crate::domain::usecase::UseCase;
use std::path::{Path, PathBuf};

/// The state file's name inside the data directory.
pub const STATE_FILE: &str = "state.ron";
/// The lock file beside it (the data file itself is replaced by each save, so never locked).
pub const LOCK_FILE: &str = "state.ron.lock";
/// The name of the built-in scenario.
pub const BUILTIN_NAME: &str = "default";

/// The built-in starting scenario: the embedded use cases routed by the default rule between
/// Claude Opus 4.7 (tier 1) and Llama 3.1 70B (tier 2). Falls back to no use cases if the
/// catalogue lacks either model.
pub fn builtin_scenario(catalog: &Catalog, use_cases: &[UseCase]) -> Scenario {
    match (
        catalog.model("claude-opus-4.7"),
        catalog.model("llama-3.1-70b"),
    ) {
        (Some(frontier), Some(large)) => {
            Scenario::builtin(BUILTIN_NAME, use_cases, |u| route(u, frontier, large))
        }
        _ => Scenario::builtin(BUILTIN_NAME, &[], |_| 2),
    }
}

/// The data directory: `$TIERWISE_HOME` if set and not empty, else the platform's data
/// directory for tierwise.
pub fn state_dir() -> Result<PathBuf, String> {
    if let Some(home) = std::env::var_os("TIERWISE_HOME").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(home));
    }
    directories::ProjectDirs::from("", "", "tierwise")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or_else(|| "no home directory found; set TIERWISE_HOME to a directory".to_string())
}

/// FNV-1a: enough to tell whether the file changed since this session read it.
fn content_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[derive(Debug, Clone, PartialEq)]
enum Mode {
    Disk,
    /// Saving is off for this reason (a newer file, an unwritable directory, ...).
    Off(String),
}

/// The owner of the state file for one session. Not shared between threads: the TUI keeps it
/// in its driver and calls [`Store::save`] after changes and on exit.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    mode: Mode,
    /// What this session last loaded or saved, to tell its own changes from another session's.
    base: State,
    /// Hash of the file's bytes when last loaded or saved; `None` when there was no file.
    base_hash: Option<u64>,
    builtin: Scenario,
}

impl Store {
    /// Open the state in `dir`, creating the directory if needed. Always gives a usable state
    /// (at least one scenario, unique names, an existing active one) and a notice for every
    /// degraded mode or repair; never panics.
    pub fn open(dir: &Path, builtin: impl FnOnce() -> Scenario) -> (Store, State, Vec<Notice>) {
        let builtin = builtin();
        let mut store = Store {
            dir: dir.to_path_buf(),
            mode: Mode::Disk,
            base: State::single(builtin.clone()),
            base_hash: None,
            builtin,
        };
        let mut notices = Vec::new();
        if let Err(reason) = writable(dir) {
            let why = format!(
                "the data directory {} is not writable ({reason}); scenarios are kept in memory only and lost on quit",
                dir.display()
            );
            notices.push(Notice::warning(why.clone()));
            store.mode = Mode::Off(why);
            let state = store.base.clone();
            return (store, state, notices);
        }
        // Moving a bad file aside must not race another session's save: hold the lock. If it
        // cannot be had, reading is still safe because saves replace the file atomically.
        let lock = fsio::lock(&dir.join(LOCK_FILE), fsio::LOCK_WAIT);
        let locked = matches!(lock, Ok(Lock::Held { .. }));
        fsio::clean_temps(dir, locked);
        let state = store.load(&mut notices);
        drop(lock);
        (store, state, notices)
    }

    /// [`Store::open`] in [`state_dir`]; without a home directory, an in-memory session.
    pub fn open_default(builtin: impl FnOnce() -> Scenario) -> (Store, State, Vec<Notice>) {
        match state_dir() {
            Ok(dir) => Store::open(&dir, builtin),
            Err(reason) => Store::in_memory(builtin(), reason),
        }
    }

    /// A session that never touches the disk, with the notice saying why.
    pub fn in_memory(builtin: Scenario, reason: String) -> (Store, State, Vec<Notice>) {
        let why = format!("{reason}; scenarios are kept in memory only and lost on quit");
        let store = Store {
            dir: PathBuf::new(),
            mode: Mode::Off(why.clone()),
            base: State::single(builtin.clone()),
            base_hash: None,
            builtin,
        };
        let state = store.base.clone();
        (store, state, vec![Notice::warning(why)])
    }

    /// Whether saves reach the disk.
    pub fn is_persistent(&self) -> bool {
        self.mode == Mode::Disk
    }

    /// Why saves do not reach the disk, when they do not.
    pub fn not_persistent_reason(&self) -> Option<&str> {
        match &self.mode {
            Mode::Disk => None,
            Mode::Off(why) => Some(why),
        }
    }

    /// The state file's path.
    pub fn path(&self) -> PathBuf {
        self.dir.join(STATE_FILE)
    }

    fn load(&mut self, notices: &mut Vec<Notice>) -> State {
        let path = self.path();
        let bytes = match fsio::read_capped(&path, MAX_STATE_BYTES) {
            Ok(ReadOutcome::Missing) => return self.base.clone(),
            Ok(ReadOutcome::Bytes(bytes)) => bytes,
            Ok(ReadOutcome::NotRegular) => {
                return self.set_aside("it is not a regular file".into(), notices);
            }
            Ok(ReadOutcome::TooLarge(size)) => {
                let why = format!("it is {size} bytes, over the {MAX_STATE_BYTES}-byte limit");
                return self.set_aside(why, notices);
            }
            Err(e) => {
                // Unreadable but present: never overwrite what we could not read.
                let why = format!(
                    "{} cannot be read ({e}); scenarios are kept in memory only",
                    path.display()
                );
                notices.push(Notice::warning(why.clone()));
                self.mode = Mode::Off(why);
                return self.base.clone();
            }
        };
        let parsed = match text_of(&bytes).and_then(schema::parse_state) {
            Ok(parsed) => parsed,
            Err(e) => return self.set_aside(format!("it does not parse at {e}"), notices),
        };
        match parsed {
            Parsed::Current {
                mut state,
                migrated_from,
            } => {
                if let Some(v) = migrated_from {
                    notices.push(Notice::info(format!(
                        "{} was upgraded from state version {v} to {CURRENT_VERSION}; it is rewritten at the next save",
                        path.display()
                    )));
                }
                for repair in tidy::tidy_state(&mut state, &self.builtin) {
                    notices.push(Notice::info(repair));
                }
                self.base = state.clone();
                self.base_hash = Some(content_hash(&bytes));
                state
            }
            Parsed::Newer { version, known } => {
                let why = format!(
                    "{} was written by a newer tierwise (state version {version}, this one knows up to {CURRENT_VERSION}); it is left untouched and this session does not save",
                    path.display()
                );
                notices.push(Notice::warning(why.clone()));
                self.mode = Mode::Off(why);
                let mut state = known.unwrap_or_else(|| self.base.clone());
                tidy::tidy_state(&mut state, &self.builtin);
                state
            }
        }
    }

    /// Move the unusable file aside and start from the built-in scenario.
    fn set_aside(&mut self, reason: String, notices: &mut Vec<Notice>) -> State {
        let path = self.path();
        match fsio::move_aside(&path, "corrupt") {
            Ok(moved) => notices.push(Notice::warning(format!(
                "the state file could not be used because {reason}; it was moved to {} and tierwise starts from the built-in scenario",
                moved.display()
            ))),
            Err(e) => {
                let why = format!(
                    "the state file {} could not be used because {reason}, and could not be moved aside ({e}); scenarios are kept in memory only",
                    path.display()
                );
                notices.push(Notice::warning(why.clone()));
                self.mode = Mode::Off(why);
            }
        }
        self.base.clone()
    }

    /// Save `state` (its `revision` is ignored: the store keeps count). Takes the lock, merges
    /// with another session's save if there was one (see the module documentation), and writes
    /// atomically. On an error the file on disk is unchanged.
    pub fn save(&mut self, state: &State) -> Result<SaveOutcome, StoreError> {
        if !self.is_persistent() {
            return Ok(SaveOutcome::NotPersistent);
        }
        let path = self.path();
        let lock_path = self.dir.join(LOCK_FILE);
        let _lock = match fsio::lock(&lock_path, fsio::LOCK_WAIT) {
            Ok(lock) => lock,
            Err(LockError::Busy) => return Err(StoreError::Busy { lock: lock_path }),
            Err(LockError::Io(e)) => return Err(io_error(&lock_path, &e)),
        };
        let mut mine = state.clone();
        tidy::tidy_state(&mut mine, &self.builtin);
        let on_disk = fsio::read_capped(&path, MAX_STATE_BYTES).map_err(|e| io_error(&path, &e))?;
        let mut outcome = SaveOutcome::Saved;
        let mut revision = self.base.revision;
        match on_disk {
            ReadOutcome::Missing if self.base_hash.is_none() && same_content(&mine, &self.base) => {
                // Nothing changed and there was never a file: the built-in needs no file.
                return Ok(SaveOutcome::Saved);
            }
            ReadOutcome::Missing => {}
            ReadOutcome::Bytes(bytes) if Some(content_hash(&bytes)) == self.base_hash => {
                if same_content(&mine, &self.base) {
                    return Ok(SaveOutcome::Saved);
                }
            }
            ReadOutcome::Bytes(bytes) => match text_of(&bytes).and_then(schema::parse_state) {
                Ok(Parsed::Current {
                    state: mut theirs, ..
                }) => {
                    tidy::tidy_state(&mut theirs, &self.builtin);
                    revision = revision.max(theirs.revision);
                    let m = merge(&self.base.scenarios, &mine, &theirs);
                    let quiet = m.taken_from_other.is_empty()
                        && m.overrode_other.is_empty()
                        && m.conflicts.is_empty()
                        && m.deleted_by_other.is_empty()
                        && same_content(&m.state, &mine);
                    mine = m.state;
                    if !quiet {
                        outcome = SaveOutcome::Merged {
                            state: mine.clone(),
                            taken_from_other: m.taken_from_other,
                            overrode_other: m.overrode_other,
                            conflicts: m.conflicts,
                            deleted_by_other: m.deleted_by_other,
                        };
                    }
                }
                Ok(Parsed::Newer { version, .. }) => return Err(self.newer_on_disk(version)),
                Err(e) => outcome = self.replace_unreadable(format!("it did not parse at {e}"))?,
            },
            ReadOutcome::NotRegular => {
                outcome = self.replace_unreadable("it was not a regular file".into())?;
            }
            ReadOutcome::TooLarge(size) => {
                outcome = self.replace_unreadable(format!("it was {size} bytes"))?;
            }
        }
        mine.revision = revision + 1;
        let text = serialize_state(&mine);
        fsio::write_atomic(&path, text.as_bytes()).map_err(|e| io_error(&path, &e))?;
        self.base = mine;
        self.base_hash = Some(content_hash(text.as_bytes()));
        if let SaveOutcome::Merged { state, .. } = &mut outcome {
            state.revision = self.base.revision;
        }
        Ok(outcome)
    }

    fn newer_on_disk(&mut self, version: u32) -> StoreError {
        let path = self.path();
        self.mode = Mode::Off(format!(
            "{} was written by a newer tierwise (state version {version}); this session no longer saves",
            path.display()
        ));
        StoreError::NewerOnDisk { path, version }
    }

    fn replace_unreadable(&mut self, reason: String) -> Result<SaveOutcome, StoreError> {
        let path = self.path();
        let moved_to = fsio::move_aside(&path, "corrupt").map_err(|e| io_error(&path, &e))?;
        Ok(SaveOutcome::ReplacedUnreadable { moved_to, reason })
    }
}

/// Same scenarios and active name; the revision does not count.
fn same_content(a: &State, b: &State) -> bool {
    a.active == b.active && a.scenarios == b.scenarios
}

fn io_error(path: &Path, e: &std::io::Error) -> StoreError {
    StoreError::Io {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// The file as text, or where the first byte that is not UTF-8 sits.
pub fn text_of(bytes: &[u8]) -> Result<&str, ParseError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
        ParseError {
            line,
            column,
            message: "the file is not UTF-8 text".into(),
        }
    })
}

/// Create `dir` if needed and prove a file can be written in it.
fn writable(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    fsio::probe_writable(dir).map_err(|e| e.to_string())
}
