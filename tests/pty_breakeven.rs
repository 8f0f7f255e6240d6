//! The real binary in a pseudo-terminal at 80x24, read through a terminal emulator: one volume
//! step sends at most 2 KB, and 50 queued key presses are drawn in far fewer than 50 frames
//! with the right value on the final screen.

mod pty_support;

use pty_support::{Session, frames};

fn open_pane() -> Session {
    let mut s = Session::start(80, 24);
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
    assert_eq!(s.quit(), 0);
}

#[test]
fn a_held_key_does_not_queue_frames() {
    let mut s = open_pane();
    // The minimum-replicas slider: volume, share, prompt, output, region, sector, 3 API
    // models, the add row, model, GPU, precision, mode, GPU-hour price, utilization,
    // efficiency, then replicas.
    s.send(b"\x1b[B".repeat(17));
    s.settle_until("min replicas selected", |t| t.contains("min replicas"));
    s.take_output();
    s.send(b"\x1b[C".repeat(50));
    s.settle_until("51 replicas", |t| {
        t.lines()
            .any(|l| l.contains("min replicas") && l.contains(" 51 "))
    });
    let out = s.take_output();
    let n = frames(&out);
    eprintln!("50 queued presses drew {n} frames");
    assert!(n < 25, "50 queued presses drew {n} frames");
    assert_eq!(s.quit(), 0);
}
