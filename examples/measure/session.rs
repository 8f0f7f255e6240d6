//! One run of the real binary in a pseudo-terminal. A reader thread stamps each chunk of output
//! with the moment it was read, so the emulator's own work never counts towards a latency.

use portable_pty::{Child, ChildKiller, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// The end of a synchronized update: tierwise ends every frame with it.
pub const END_FRAME: &[u8] = b"\x1b[?2026l";

/// Output as read, with the moment it was read.
struct Chunk {
    at: Instant,
    bytes: Vec<u8>,
}

/// A complete frame: when its last byte arrived and how many bytes it took.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    pub at: Instant,
    pub bytes: usize,
}

pub struct Session {
    rx: Receiver<Chunk>,
    writer: Box<dyn Write + Send>,
    pub parser: vt100::Parser,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    /// The session's own data directory: a fresh one for every run.
    home: tempfile::TempDir,
    /// The moment just before the process was spawned.
    pub started: Instant,
    /// Bytes read since the last frame ended (a marker may straddle two chunks).
    pending: Vec<u8>,
    pub pid: u32,
}

impl Session {
    pub fn start(binary: &Path, cols: u16, rows: u16) -> Result<Session, String> {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .map_err(|e| format!("cannot open a pseudo-terminal: {e}"))?;
        let home = tempfile::tempdir().map_err(|e| format!("cannot make a temp dir: {e}"))?;
        let mut cmd = CommandBuilder::new(binary);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env("TIERWISE_HOME", home.path());
        let mut reader = pty
            .master
            .try_clone_reader()
            .map_err(|e| format!("pty reader: {e}"))?;
        let writer = pty
            .master
            .take_writer()
            .map_err(|e| format!("pty writer: {e}"))?;
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut buf = vec![0u8; 64 * 1024];
            while let Ok(n) = reader.read(&mut buf) {
                let chunk = Chunk {
                    at: Instant::now(),
                    bytes: buf[..n].to_vec(),
                };
                if n == 0 || tx.send(chunk).is_err() {
                    break;
                }
            }
        });
        let started = Instant::now();
        let child = pty
            .slave
            .spawn_command(cmd)
            .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
        drop(pty.slave);
        let pid = child.process_id().ok_or("the child has no process id")?;
        let (rows, cols) = (
            NonZeroU16::new(rows).ok_or("zero rows")?,
            NonZeroU16::new(cols).ok_or("zero columns")?,
        );
        Ok(Session {
            rx,
            writer,
            parser: vt100::Parser::new(rows, cols, 0),
            child,
            _master: pty.master,
            home,
            started,
            pending: Vec::new(),
            pid,
        })
    }

    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    pub fn state_file(&self) -> PathBuf {
        self.home.path().join("state.ron")
    }

    pub fn send(&mut self, bytes: &[u8]) -> Result<Instant, String> {
        self.writer
            .write_all(bytes)
            .and_then(|()| self.writer.flush())
            .map_err(|e| format!("cannot write to the pty: {e}"))?;
        Ok(Instant::now())
    }

    /// Feed one chunk to the emulator; the frame it completes, if any.
    fn take(&mut self, chunk: Chunk) -> Option<Frame> {
        self.parser.process(&chunk.bytes);
        self.pending.extend_from_slice(&chunk.bytes);
        let end = find(&self.pending, END_FRAME)?;
        let frame = Frame {
            at: chunk.at,
            bytes: end + END_FRAME.len(),
        };
        self.pending.drain(..frame.bytes);
        Some(frame)
    }

    /// The next complete frame, or `None` after `patience` without one.
    pub fn next_frame(&mut self, patience: Duration) -> Result<Option<Frame>, String> {
        let deadline = Instant::now() + patience;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(chunk) => {
                    if let Some(frame) = self.take(chunk) {
                        return Ok(Some(frame));
                    }
                }
                Err(RecvTimeoutError::Timeout) => return Ok(None),
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(format!(
                        "tierwise ended unexpectedly; last screen:\n{}",
                        self.screen()
                    ));
                }
            }
        }
    }

    /// Frames until the screen satisfies `ok`; the frame that made it so.
    pub fn frame_where(
        &mut self,
        what: &str,
        patience: Duration,
        ok: impl Fn(&str) -> bool,
    ) -> Result<Frame, String> {
        let deadline = Instant::now() + patience;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.next_frame(left)? {
                Some(frame) if ok(&self.screen()) => return Ok(frame),
                Some(_) => {}
                None => {
                    return Err(format!(
                        "timed out waiting for {what}; screen:\n{}",
                        self.screen()
                    ));
                }
            }
        }
    }

    /// Read for `span`, returning how many bytes arrived.
    pub fn bytes_during(&mut self, span: Duration) -> Result<usize, String> {
        let end = Instant::now() + span;
        let mut total = 0;
        loop {
            let left = end.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Ok(total);
            }
            match self.rx.recv_timeout(left) {
                Ok(chunk) => {
                    total += chunk.bytes.len();
                    self.take(chunk);
                }
                Err(RecvTimeoutError::Timeout) => return Ok(total),
                Err(RecvTimeoutError::Disconnected) => return Err("tierwise ended".into()),
            }
        }
    }

    /// Read until nothing arrives for `quiet` (pending timers have fired), at most `cap`.
    pub fn settle(&mut self, quiet: Duration, cap: Duration) -> Result<(), String> {
        let end = Instant::now() + cap;
        while Instant::now() < end {
            match self.rx.recv_timeout(quiet) {
                Ok(chunk) => {
                    self.take(chunk);
                }
                Err(RecvTimeoutError::Timeout) => return Ok(()),
                Err(RecvTimeoutError::Disconnected) => return Err("tierwise ended".into()),
            }
        }
        Err(format!("output did not settle within {cap:?}"))
    }

    /// Send SIGHUP and wait for the exit: the time it took, the exit code, and the state
    /// file as the exit left it.
    pub fn hang_up(mut self) -> Result<(Duration, u32, Option<Vec<u8>>), String> {
        let mut killer: Box<dyn ChildKiller + Send + Sync> = self.child.clone_killer();
        let sent = Instant::now();
        killer
            .kill()
            .map_err(|e| format!("cannot send SIGHUP: {e}"))?;
        let status = self.child.wait().map_err(|e| format!("wait: {e}"))?;
        let took = sent.elapsed();
        // Read before `self` (and with it the data directory) is dropped.
        Ok((
            took,
            status.exit_code(),
            std::fs::read(self.state_file()).ok(),
        ))
    }

    /// Quit with `q` and wait for the exit code.
    pub fn quit(mut self) -> Result<u32, String> {
        self.send(b"q")?;
        let status = self.child.wait().map_err(|e| format!("wait: {e}"))?;
        Ok(status.exit_code())
    }
}

/// Where `needle` first occurs in `hay`.
pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}
