//! What the store tells the user and the caller: notices, save outcomes and save errors.

use std::fmt;
use std::path::PathBuf;

use super::fields::FieldConflict;
use super::schema::State;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Something was done for the user (an old file upgraded).
    Info,
    /// A degraded mode or a file moved aside: the user should read it.
    Warning,
}

/// One user-facing sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub severity: Severity,
    pub message: String,
}

impl Notice {
    pub fn info(message: impl Into<String>) -> Notice {
        Notice {
            severity: Severity::Info,
            message: message.into(),
        }
    }

    pub fn warning(message: impl Into<String>) -> Notice {
        Notice {
            severity: Severity::Warning,
            message: message.into(),
        }
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// What a save did.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveOutcome {
    /// Written (or nothing had changed, so nothing needed writing).
    Saved,
    /// Another session had saved meanwhile; the file now holds the merge, and `state` is what
    /// the caller should show from now on.
    Merged {
        state: State,
        /// Scenarios the other session added or changed (including ones deleted here but
        /// changed there, which come back).
        taken_from_other: Vec<String>,
        /// Scenarios in which both sessions changed the same field: this session's value won.
        overrode_other: Vec<String>,
        /// Those fields, each with the value kept and the other session's value.
        conflicts: Vec<FieldConflict>,
        /// Scenarios the other session deleted that this session had not changed.
        deleted_by_other: Vec<String>,
    },
    /// The file on disk had become unreadable; it was moved to `moved_to` and replaced.
    ReplacedUnreadable { moved_to: PathBuf, reason: String },
    /// This session keeps its state in memory only (see the notice given at open).
    NotPersistent,
}

/// Why a save failed. The session's state in memory is unaffected.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreError {
    /// Another session held the lock for the whole bounded wait.
    Busy {
        lock: PathBuf,
    },
    /// A newer tierwise wrote the file meanwhile; this session stops saving.
    NewerOnDisk {
        path: PathBuf,
        version: u32,
    },
    Io {
        path: PathBuf,
        message: String,
    },
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Busy { lock } => write!(
                f,
                "another tierwise session kept {} locked; not saved, will retry",
                lock.display()
            ),
            StoreError::NewerOnDisk { path, version } => write!(
                f,
                "{} was written by a newer tierwise (state version {version}); this session no longer saves",
                path.display()
            ),
            StoreError::Io { path, message } => {
                write!(f, "cannot save {}: {message}", path.display())
            }
        }
    }
}

impl std::error::Error for StoreError {}
