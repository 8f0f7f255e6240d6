//! The real binary in a pseudo-terminal, read through a terminal emulator (vt100).

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};
use tierwise::domain::query::{Query, run};

struct Session {
    parser: vt100::Parser,
    output: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    /// Its own data directory: the session saves its state, which must not leak between runs.
    _home: tempfile::TempDir,
}

impl Session {
    fn start(cols: u16, rows: u16) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
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
            parser: vt100::Parser::new(
                std::num::NonZeroU16::new(rows).unwrap(),
                std::num::NonZeroU16::new(cols).unwrap(),
                0,
            ),
            output,
            writer: pty.master.take_writer().unwrap(),
            child,
            _master: pty.master,
            _home: home,
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Read output until `ok` holds for the screen, or fail after a deadline.
    fn wait_for(&mut self, what: &str, ok: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !ok(&self.screen()) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(bytes) => self.parser.process(&bytes),
                Err(RecvTimeoutError::Timeout) => {
                    panic!("timed out waiting for {what}; screen:\n{}", self.screen())
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!(
                        "the program ended while waiting for {what}; screen:\n{}",
                        self.screen()
                    )
                }
            }
        }
    }

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Wait for the child to exit, reading its last output meanwhile; returns the exit code
    /// and how long it took.
    fn wait_exit(mut self) -> (u32, Duration, vt100::Parser) {
        let start = Instant::now();
        let deadline = start + Duration::from_secs(5);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Drain what is left so the final screen state is known.
                while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(200)) {
                    self.parser.process(&bytes);
                }
                return (status.exit_code(), start.elapsed(), self.parser);
            }
            assert!(Instant::now() < deadline, "the program did not exit");
            // Bounded wait for output; then check the child again.
            if let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(20)) {
                self.parser.process(&bytes);
            }
        }
    }
}

fn table_rows(screen: &str) -> Vec<String> {
    let lines: Vec<&str> = screen.lines().collect();
    // Top bar, search line, header; then rows until the two bottom lines.
    lines[3..lines.len().saturating_sub(2)]
        .iter()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn search_detail_help_quit_and_the_terminal_is_restored() {
    let catalog = tierwise::data::embedded_catalog().unwrap();
    let total = catalog.models.len();
    let query = Query {
        text: "deepseek".into(),
        ..Query::default()
    };
    let expected: Vec<String> = run(&catalog, &query)
        .iter()
        .map(|h| catalog.models[h.index].name.clone())
        .collect();
    assert!(
        !expected.is_empty(),
        "the embedded catalogue has DeepSeek models"
    );

    let mut s = Session::start(80, 24);
    let all = format!("{total} of {total} models");
    s.wait_for("the catalogue", |sc| sc.contains(&all));
    assert!(s.parser.screen().alternate_screen());

    s.send("/deepseek");
    let narrowed = format!("{} of {total} models", expected.len());
    s.wait_for("the search result", |sc| {
        sc.contains(&narrowed) && sc.contains("Search: deepseek")
    });
    let rows = table_rows(&s.screen());
    assert_eq!(rows.len(), expected.len().min(19), "{}", s.screen());
    for row in &rows {
        assert!(row.contains("DeepSeek"), "a non-DeepSeek row: {row}");
    }

    s.send("\r"); // leave the search field, keeping the search
    s.wait_for("the table focused", |sc| sc.contains("Enter detail"));
    s.send("\r");
    s.wait_for("the detail view", |sc| sc.contains("source:"));
    assert!(s.screen().contains(&expected[0]), "{}", s.screen());

    s.send("?");
    s.wait_for("the help", |sc| {
        sc.contains("Help") && sc.contains("show or hide this help")
    });
    s.send("q");
    let (code, _, parser) = s.wait_exit();
    assert_eq!(code, 0);
    let screen = parser.screen();
    assert!(!screen.alternate_screen(), "still on the alternate screen");
    assert!(!screen.hide_cursor(), "the cursor is still hidden");
}

#[test]
fn hangup_exits_promptly_with_129() {
    let mut s = Session::start(80, 24);
    s.wait_for("the catalogue", |sc| sc.contains("models · sorted"));
    let pid = s.child.process_id().unwrap();
    let status = std::process::Command::new("kill")
        .args(["-HUP", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let (code, took, _) = s.wait_exit();
    assert_eq!(code, 129);
    assert!(took < Duration::from_secs(1), "took {took:?}");
}

#[test]
fn too_small_then_resized_and_ctrl_c_quits() {
    let mut s = Session::start(50, 12);
    s.wait_for("the too-small notice", |sc| {
        sc.contains("need 60x18") && sc.contains("have 50x12")
    });
    s._master
        .resize(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    s.parser.screen_mut().set_size(
        std::num::NonZeroU16::new(24).unwrap(),
        std::num::NonZeroU16::new(80).unwrap(),
    );
    s.wait_for("the catalogue after resize", |sc| {
        sc.contains("models · sorted")
    });
    s.send("\x03");
    let (code, _, parser) = s.wait_exit();
    assert_eq!(code, 0);
    assert!(!parser.screen().alternate_screen());
}
