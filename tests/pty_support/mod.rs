//! The real binary in a pseudo-terminal, read through a terminal emulator (vt100): one harness
//! for every pseudo-terminal test. Each test binary uses part of it.
#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// How long any wait may take before the test fails with the screen it saw.
const PATIENCE: Duration = Duration::from_secs(20);
/// Output is settled when nothing more arrives for this long.
const QUIET: Duration = Duration::from_millis(400);
/// The start of a synchronized update: one per drawn frame.
pub const BEGIN_FRAME: &[u8] = b"\x1b[?2026h";

pub struct Session {
    pub parser: vt100::Parser,
    output: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    /// Everything read since the last `take_output`.
    recent: Vec<u8>,
    /// A data directory of its own unless the test gave one: the session saves its state,
    /// which must not leak between runs.
    _home: Option<tempfile::TempDir>,
}

impl Session {
    /// Start at `cols`x`rows` with a fresh data directory.
    pub fn start(cols: u16, rows: u16) -> Session {
        let home = tempfile::tempdir().unwrap();
        let path = home.path().to_path_buf();
        Session::spawn(cols, rows, &path, Some(home))
    }

    /// Start at 80x24 with the data directory `home`, which outlives the session.
    pub fn start_in(home: &Path) -> Session {
        Session::spawn(80, 24, home, None)
    }

    fn spawn(cols: u16, rows: u16, home: &Path, owned: Option<tempfile::TempDir>) -> Session {
        let pty = native_pty_system()
            .openpty(size(cols, rows))
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_tierwise"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env("TIERWISE_HOME", PathBuf::from(home));
        let child = pty.slave.spawn_command(cmd).expect("the binary starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            parser: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
            output,
            writer: pty.master.take_writer().unwrap(),
            child,
            master: pty.master,
            recent: Vec::new(),
            _home: owned,
        }
    }

    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    pub fn send(&mut self, bytes: impl AsRef<[u8]>) {
        self.writer.write_all(bytes.as_ref()).unwrap();
        self.writer.flush().unwrap();
    }

    fn take_chunk(&mut self, bytes: &[u8]) {
        self.parser.process(bytes);
        self.recent.extend_from_slice(bytes);
    }

    /// Read output until `ok` holds for the screen, or fail after a deadline.
    pub fn wait_for(&mut self, what: &str, ok: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + PATIENCE;
        while !ok(&self.screen()) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(bytes) => self.take_chunk(&bytes),
                Err(RecvTimeoutError::Timeout) => {
                    panic!("timed out waiting for {what}; screen:\n{}", self.screen())
                }
                Err(RecvTimeoutError::Disconnected) => panic!(
                    "the program ended while waiting for {what}; screen:\n{}",
                    self.screen()
                ),
            }
        }
    }

    /// Read until the screen satisfies `done` and then nothing arrives for a while, so that
    /// `take_output` holds every byte the last input caused.
    pub fn settle_until(&mut self, what: &str, done: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            match self.output.recv_timeout(QUIET) {
                Ok(bytes) => self.take_chunk(&bytes),
                Err(RecvTimeoutError::Timeout) if done(&self.screen()) => return,
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => panic!("the program ended: {what}"),
            }
            assert!(
                start.elapsed() < PATIENCE,
                "waiting for {what}; screen:\n{}",
                self.screen()
            );
        }
    }

    /// The bytes read since the last call.
    pub fn take_output(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.recent)
    }

    /// Send a signal by name ("-HUP", "-KILL", ...).
    pub fn signal(&self, name: &str) {
        let pid = self.child.process_id().unwrap();
        let status = std::process::Command::new("kill")
            .args([name, &pid.to_string()])
            .status()
            .unwrap();
        assert!(status.success(), "kill {name} failed");
    }

    /// Resize the terminal, as a window manager would.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.master.resize(size(cols, rows)).unwrap();
        self.parser
            .screen_mut()
            .set_size(nonzero(rows), nonzero(cols));
    }

    /// Wait for the child to exit, reading its last output meanwhile; returns the exit code,
    /// how long it took and the final screen.
    pub fn wait_exit(mut self) -> (u32, Duration, vt100::Parser) {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Drain what is left so the final screen state is known.
                while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(200)) {
                    self.take_chunk(&bytes);
                }
                return (status.exit_code(), start.elapsed(), self.parser);
            }
            assert!(start.elapsed() < PATIENCE, "the program did not exit");
            // Bounded wait for output; then check the child again.
            if let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(20)) {
                self.take_chunk(&bytes);
            }
        }
    }

    /// Quit with `q` and return the exit code.
    pub fn quit(mut self) -> u32 {
        self.send("q");
        self.wait_exit().0
    }
}

/// How many frames the bytes hold.
pub fn frames(bytes: &[u8]) -> usize {
    bytes
        .windows(BEGIN_FRAME.len())
        .filter(|w| *w == BEGIN_FRAME)
        .count()
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a terminal size above zero")
}
