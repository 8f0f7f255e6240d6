//! The progress line of a download, on stderr. On a terminal it is redrawn in place at most ten
//! times a second; elsewhere (a log, a pipe, the tests) only the finished download is reported,
//! so a failure leaves nothing but its one error line.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// What a download reports while it runs.
pub trait Progress {
    /// A download of `label` from `address` begins; `total` is the announced size, if any.
    fn start(&mut self, label: &str, address: &str, total: Option<u64>);
    /// `done` bytes have arrived so far.
    fn advance(&mut self, done: u64);
    /// The download ended: `Some(bytes)` when complete, `None` when it failed.
    fn finish(&mut self, done: Option<u64>);
}

/// Reports nothing (for callers that want no output).
pub struct Silent;

impl Progress for Silent {
    fn start(&mut self, _: &str, _: &str, _: Option<u64>) {}
    fn advance(&mut self, _: u64) {}
    fn finish(&mut self, _: Option<u64>) {}
}

/// The progress line on stderr.
pub struct StderrProgress {
    live: bool,
    label: String,
    address: String,
    total: Option<u64>,
    started: Instant,
    last_draw: Option<Instant>,
}

impl StderrProgress {
    pub fn new() -> Self {
        StderrProgress {
            live: std::io::stderr().is_terminal(),
            label: String::new(),
            address: String::new(),
            total: None,
            started: Instant::now(),
            last_draw: None,
        }
    }

    fn draw(&mut self, done: u64) {
        let text = match self.total {
            Some(total) if total > 0 => format!(
                "{}: {} of {} ({}%) from {}",
                self.label,
                megabytes(done),
                megabytes(total),
                done.saturating_mul(100) / total,
                self.address
            ),
            _ => format!("{}: {} from {}", self.label, megabytes(done), self.address),
        };
        // Clear the line, then draw; a failed write to stderr loses only the progress.
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{text}");
        let _ = err.flush();
    }
}

impl Default for StderrProgress {
    fn default() -> Self {
        Self::new()
    }
}

impl Progress for StderrProgress {
    fn start(&mut self, label: &str, address: &str, total: Option<u64>) {
        self.label = label.to_string();
        self.address = address.to_string();
        self.total = total;
        self.started = Instant::now();
        self.last_draw = None;
        if self.live {
            self.draw(0);
        }
    }

    fn advance(&mut self, done: u64) {
        let due = self
            .last_draw
            .is_none_or(|t| t.elapsed() >= Duration::from_millis(100));
        if self.live && due {
            self.last_draw = Some(Instant::now());
            self.draw(done);
        }
    }

    fn finish(&mut self, done: Option<u64>) {
        let mut err = std::io::stderr().lock();
        if self.live {
            let _ = write!(err, "\r\x1b[2K");
        }
        if let Some(bytes) = done {
            let _ = writeln!(
                err,
                "fetched {}: {} in {:.1} s from {}",
                self.label,
                megabytes(bytes),
                self.started.elapsed().as_secs_f64(),
                self.address
            );
        }
        let _ = err.flush();
    }
}

/// `2.4 MB`, `512 KB`, `17 bytes`: decimal units, as download sizes are usually given.
pub fn megabytes(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6)
    } else if bytes >= 1_000 {
        format!("{} KB", bytes / 1_000)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_in_decimal_units() {
        assert_eq!(megabytes(17), "17 bytes");
        assert_eq!(megabytes(512_400), "512 KB");
        assert_eq!(megabytes(2_446_088), "2.4 MB");
        assert_eq!(megabytes(64 * 1024 * 1024), "67.1 MB");
    }
}
