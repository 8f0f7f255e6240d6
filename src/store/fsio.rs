//! File-system steps of the store: a capped read of regular files only, the two-step atomic
//! write (temporary file, then rename), moving a bad file aside, and the lock file.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// State files larger than this are not read: a scenario file is a few tens of KiB.
pub const MAX_STATE_BYTES: u64 = 16 * 1024 * 1024;

/// How long a save waits for another session's save to finish.
pub const LOCK_WAIT: Duration = Duration::from_secs(3);

/// Temporary files of an unfinished save: `.state.ron.<pid>.<n>.tmp`.
pub const TEMP_PREFIX: &str = ".state.ron.";
pub const TEMP_SUFFIX: &str = ".tmp";

/// What a capped read found.
#[derive(Debug)]
pub enum ReadOutcome {
    Missing,
    Bytes(Vec<u8>),
    /// Not a regular file (a directory, a device, a pipe).
    NotRegular,
    TooLarge(u64),
}

/// Read `path` if it is a regular file of at most `cap` bytes. `/dev/zero` reports size 0, so
/// the size is checked while reading as well as before.
pub fn read_capped(path: &Path, cap: u64) -> io::Result<ReadOutcome> {
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(ReadOutcome::Missing),
        Err(e) => return Err(e),
    };
    if !meta.is_file() {
        return Ok(ReadOutcome::NotRegular);
    }
    if meta.len() > cap {
        return Ok(ReadOutcome::TooLarge(meta.len()));
    }
    let mut bytes = Vec::new();
    File::open(path)?.take(cap + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Ok(ReadOutcome::TooLarge(bytes.len() as u64));
    }
    Ok(ReadOutcome::Bytes(bytes))
}

/// Step one of an atomic save: write `bytes` to a new temporary file beside `target` and
/// flush it to disk. Returns its path; nothing else has changed yet.
pub fn write_temp(dir: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    create_unique(dir, TEMP_PREFIX, TEMP_SUFFIX, bytes, Durable::Yes)
}

/// Prove a file can be created in `dir`. The probe is named apart from save temporaries, so
/// another session cleaning up leftovers never takes it. It is not flushed to disk: it is
/// removed at once, and an fsync here would hold the first screen up behind every other write
/// queued on the disk (tens of milliseconds on a busy machine). Each save still flushes.
pub fn probe_writable(dir: &Path) -> io::Result<()> {
    let probe = create_unique(dir, ".tierwise-write-test.", ".probe", b"", Durable::No)?;
    match fs::remove_file(probe) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Whether a new file is flushed to disk before it is used.
#[derive(Clone, Copy, PartialEq)]
enum Durable {
    Yes,
    No,
}

/// Create a new file `<prefix><pid>.<n><suffix>` holding `bytes`, flushed to disk if
/// `durable` says so.
fn create_unique(
    dir: &Path,
    prefix: &str,
    suffix: &str,
    bytes: &[u8],
    durable: Durable,
) -> io::Result<PathBuf> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let mut last_err = None;
    for _ in 0..16 {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let name = format!("{prefix}{}.{n}{suffix}", std::process::id());
        let path = dir.join(name);
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(&path) {
            Ok(mut file) => {
                let written = file.write_all(bytes).and_then(|()| match durable {
                    Durable::Yes => file.sync_all(),
                    Durable::No => Ok(()),
                });
                return match written {
                    Ok(()) => Ok(path),
                    Err(e) => {
                        let _ = fs::remove_file(&path);
                        Err(e)
                    }
                };
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last_err = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last_err.unwrap_or_else(|| io::Error::other("no free temporary file name")))
}

/// Step two: rename the temporary file over `target`, then flush the directory so the
/// rename itself survives a power cut.
pub fn commit(temp: &Path, target: &Path) -> io::Result<()> {
    if let Err(e) = fs::rename(temp, target) {
        let _ = fs::remove_file(temp);
        return Err(e);
    }
    if let Some(dir) = target.parent() {
        sync_dir(dir);
    }
    Ok(())
}

/// Write `bytes` to `target` atomically: a reader sees the old file or the new one, never a
/// mix, whenever the process dies.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let temp = write_temp(dir, bytes)?;
    commit(&temp, target)
}

/// Best effort: some file systems refuse to sync a directory, which loses nothing we can fix.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Remove temporary files left by a save that died before its rename. With the lock held no
/// save is in flight; without it, only files older than a minute are taken.
pub fn clean_temps(dir: &Path, locked: bool) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let old_enough = locked
            || entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > Duration::from_secs(60));
        if old_enough && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// `state.ron.corrupt-20261122T053000Z`, with a counter if that name is taken.
pub fn move_aside(path: &Path, why: &str) -> io::Result<PathBuf> {
    let stamp = utc_stamp(SystemTime::now());
    let base = format!("{}.{why}-{stamp}", path.display());
    let mut candidate = PathBuf::from(&base);
    let mut n = 2;
    while fs::symlink_metadata(&candidate).is_ok() {
        candidate = PathBuf::from(format!("{base}-{n}"));
        n += 1;
    }
    fs::rename(path, &candidate)?;
    if let Some(dir) = path.parent() {
        sync_dir(dir);
    }
    Ok(candidate)
}

/// A UTC timestamp like `20261122T053000Z`.
pub fn utc_stamp(time: SystemTime) -> String {
    let secs = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = civil_from_days(days as i64);
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// The lock on `state.ron.lock`; released when dropped.
#[derive(Debug)]
pub enum Lock {
    /// Holding the file open keeps the lock.
    Held { _guard: File },
    /// The file system does not support locking (some network file systems): go on unlocked.
    Unsupported,
}

/// Why the lock was not taken.
#[derive(Debug)]
pub enum LockError {
    /// Another session held it for the whole wait.
    Busy,
    Io(io::Error),
}

/// Take the lock, waiting at most `wait` for another session's save to finish.
pub fn lock(path: &Path, wait: Duration) -> Result<Lock, LockError> {
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(LockError::Io)?;
    let start = Instant::now();
    let mut pause = Duration::from_millis(2);
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(Lock::Held { _guard: file }),
            Err(TryLockError::WouldBlock) if start.elapsed() < wait => {
                // A save takes milliseconds, so a short backing-off poll is enough.
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(50));
            }
            Err(TryLockError::WouldBlock) => return Err(LockError::Busy),
            Err(TryLockError::Error(e)) if unsupported(&e) => return Ok(Lock::Unsupported),
            Err(TryLockError::Error(e)) => return Err(LockError::Io(e)),
        }
    }
}

fn unsupported(e: &io::Error) -> bool {
    // ENOLCK (37 on Linux) is how NFS without a lock daemon answers.
    e.kind() == io::ErrorKind::Unsupported
        || (cfg!(target_os = "linux") && e.raw_os_error() == Some(37))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_utc_and_compact() {
        assert_eq!(utc_stamp(UNIX_EPOCH), "19700101T000000Z");
        let t = UNIX_EPOCH + Duration::from_secs(1_795_325_400);
        assert_eq!(utc_stamp(t), "20261122T053000Z");
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400);
        assert_eq!(utc_stamp(leap), "20000229T000000Z");
    }
}
