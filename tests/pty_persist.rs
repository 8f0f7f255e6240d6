//! The real binary in a pseudo-terminal with its own data directory: what a session sets is on
//! disk soon after, survives `kill -9`, and is there at the next start.

mod pty_support;

use pty_support::Session;
use std::path::Path;
use std::time::{Duration, Instant};

/// Poll the state file until `ok` holds for its text, or fail after a deadline.
fn wait_for_file(path: &Path, what: &str, ok: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if ok(&text) {
            return text;
        }
        assert!(
            Instant::now() < deadline,
            "the state file never had {what}:\n{text}"
        );
        std::thread::yield_now();
        std::thread::park_timeout(Duration::from_millis(20));
    }
}

#[test]
fn killed_mid_session_the_next_start_has_the_last_state() {
    let home = tempfile::tempdir().unwrap();
    let state = home.path().join("state.ron");
    let mut s = Session::start_in(home.path());
    s.wait_for("the catalogue", |sc| sc.contains("models · sorted"));
    // A new scenario named "kill9", notes, and the hybrid pane in focus.
    s.send("S");
    s.wait_for("the list", |sc| sc.contains("Scenarios"));
    s.send("a");
    s.wait_for("the name field", |sc| {
        sc.contains("Name of the new scenario")
    });
    s.send("\x7f".repeat(20));
    s.send("kill9\r");
    s.wait_for("the new scenario", |sc| sc.contains("scenario: kill9"));
    s.send("n");
    s.wait_for("the notes", |sc| sc.contains("Notes: kill9"));
    s.send("room said yes");
    s.wait_for("the typed notes", |sc| sc.contains("room said yes"));
    // Esc alone: an Esc followed at once by a key reads as Alt plus that key.
    s.send("\x1b");
    s.wait_for("the notes closed", |sc| !sc.contains("Notes: kill9"));
    s.send("3");
    s.wait_for("the hybrid pane", |sc| sc.contains("1 Frontier API"));
    let text = wait_for_file(&state, "the last change", |t| {
        t.contains("\"kill9\"")
            && t.contains("room said yes")
            && t.contains("pane: Some(\"hybrid\")")
    });
    assert!(text.starts_with("(\n  version: 2"), "{text}");
    s.signal("-KILL");
    s.wait_exit();

    let mut s = Session::start_in(home.path());
    s.wait_for("the restored scenario", |sc| sc.contains("scenario: kill9"));
    let screen = s.screen();
    assert!(
        !screen.contains("Notices"),
        "a clean restart says nothing:\n{screen}"
    );
    s.send("n");
    s.wait_for("the restored notes", |sc| sc.contains("room said yes"));
    s.send("\x1b");
    s.wait_for("the notes closed", |sc| !sc.contains("Notes: kill9"));
    s.send("q");
    assert_eq!(s.wait_exit().0, 0);
}

#[test]
fn quit_and_term_save_what_the_debounce_had_not_yet() {
    let home = tempfile::tempdir().unwrap();
    let state = home.path().join("state.ron");
    let mut s = Session::start_in(home.path());
    s.wait_for("the catalogue", |sc| sc.contains("models · sorted"));
    s.send("tq");
    assert_eq!(s.wait_exit().0, 0);
    let text = std::fs::read_to_string(&state).unwrap();
    assert!(text.contains("theme: Some(\"light\")"), "{text}");

    let mut s = Session::start_in(home.path());
    s.wait_for("the catalogue", |sc| sc.contains("models · sorted"));
    s.send("2");
    s.wait_for("the break-even pane", |sc| {
        sc.contains("Self-hosted") && sc.contains("Left step")
    });
    s.signal("-TERM");
    assert_eq!(s.wait_exit().0, 128 + 15);
    let text = std::fs::read_to_string(&state).unwrap();
    assert!(text.contains("pane: Some(\"break-even\")"), "{text}");
}

#[test]
fn a_broken_state_file_is_moved_aside_and_said_so() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(
        home.path().join("state.ron"),
        "(version: 2, scenarios: [oops",
    )
    .unwrap();
    let mut s = Session::start_in(home.path());
    s.wait_for("the notice", |sc| {
        sc.contains("Notices") && sc.contains("moved to")
    });
    let aside = std::fs::read_dir(home.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("state.ron.corrupt-")
        });
    assert!(aside, "the old file is kept beside the new one");
    s.send("\x1b");
    s.wait_for("the notices closed", |sc| !sc.contains("Notices"));
    s.send("q");
    assert_eq!(s.wait_exit().0, 0);
}
