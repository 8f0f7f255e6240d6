//! The real binary in a pseudo-terminal at 80x24, read through a terminal emulator: one volume
//! step sends at most 2 KB, and 50 queued key presses are drawn in far fewer than 50 frames
//! with the right value on the final screen.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

const BEGIN_FRAME: &[u8] = b"\x1b[?2026h";
/// Output is settled when nothing more arrives for this long.
const QUIET: Duration = Duration::from_millis(400);
const PATIENCE: Duration = Duration::from_secs(20);

struct Session {
    rx: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    parser: vt100::Parser,
    /// Everything read since the last `take_output`.
    recent: Vec<u8>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    /// Its own data directory: the session saves its state, which must not leak between runs.
    _home: tempfile::TempDir,
}

impl Session {
    fn start() -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_tierwise"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let home = tempfile::tempdir().unwrap();
        cmd.env("TIERWISE_HOME", home.path());
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let _keep = pty.master;
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            rx,
            writer,
            parser: vt100::Parser::new(
                NonZeroU16::new(24).unwrap(),
                NonZeroU16::new(80).unwrap(),
                0,
            ),
            recent: Vec::new(),
            child,
            _home: home,
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Read until the screen satisfies `done` and then nothing arrives for a while.
    fn settle_until(&mut self, what: &str, done: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            match self.rx.recv_timeout(QUIET) {
                Ok(bytes) => {
                    self.parser.process(&bytes);
                    self.recent.extend_from_slice(&bytes);
                }
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

    fn take_output(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.recent)
    }

    fn quit(mut self) {
        self.send(b"q");
        let start = Instant::now();
        while self.child.try_wait().unwrap().is_none() {
            assert!(start.elapsed() < PATIENCE, "did not quit");
            let _ = self.rx.recv_timeout(Duration::from_millis(50));
        }
    }
}

fn frames(bytes: &[u8]) -> usize {
    bytes
        .windows(BEGIN_FRAME.len())
        .filter(|w| *w == BEGIN_FRAME)
        .count()
}

fn open_pane() -> Session {
    let mut s = Session::start();
    s.settle_until("the catalogue", |t| t.contains("Catalogue"));
    s.send(b"2");
    s.settle_until("the break-even pane", |t| {
        t.contains("5M/day") && t.contains("API model")
    });
    s.take_output();
    s
}

#[test]
fn one_volume_step_sends_at_most_2_kb() {
    let mut s = open_pane();
    s.send(b"\x1b[C");
    s.settle_until("10M a day", |t| t.contains("10M/day"));
    let out = s.take_output();
    assert_eq!(frames(&out), 1, "one key, one frame");
    assert!(
        out.len() <= 2048,
        "one volume step sent {} bytes",
        out.len()
    );
    eprintln!("one volume step at 80x24: {} bytes", out.len());
    s.quit();
}

#[test]
fn a_held_key_does_not_queue_frames() {
    let mut s = open_pane();
    // The minimum-replicas slider: volume, share, region, sector, 3 API models, the add row,
    // model, GPU, precision, mode, GPU-hour price, utilization, efficiency, then replicas.
    s.send(&b"\x1b[B".repeat(15));
    s.settle_until("min replicas selected", |t| t.contains("min replicas"));
    s.take_output();
    s.send(&b"\x1b[C".repeat(50));
    s.settle_until("51 replicas", |t| {
        t.lines()
            .any(|l| l.contains("min replicas") && l.contains(" 51 "))
    });
    let out = s.take_output();
    let n = frames(&out);
    eprintln!("50 queued presses drew {n} frames");
    assert!(n < 25, "50 queued presses drew {n} frames");
    s.quit();
}
