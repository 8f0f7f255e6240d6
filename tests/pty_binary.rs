//! The real binary in a pseudo-terminal, read through a terminal emulator (vt100).

mod pty_support;

use pty_support::Session;
use std::time::Duration;
use tierwise::domain::query::{Current, Query, run};
use tierwise::domain::units::format_count;

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
    let total = format_count(catalog.models.len() as f64);
    // It opens on the current models (`a` shows all).
    let mut query = Query::default();
    query.filters.current = Some(Current::for_catalog(&catalog));
    let current = format_count(run(&catalog, &query).len() as f64);
    query.text = "deepseek".into();
    let expected: Vec<String> = run(&catalog, &query)
        .iter()
        .map(|h| catalog.models[h.index].name.clone())
        .collect();
    assert!(
        !expected.is_empty(),
        "the embedded catalogue has DeepSeek models"
    );

    let mut s = Session::start(80, 24);
    let all = format!("{current} of {total} models");
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
        // Imported repos keep their own spelling (deepseek-vl2-tiny).
        assert!(
            row.to_lowercase().contains("deepseek"),
            "a non-DeepSeek row: {row}"
        );
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
    s.signal("-HUP");
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
    s.resize(80, 24);
    s.wait_for("the catalogue after resize", |sc| {
        sc.contains("models · sorted")
    });
    s.send("\x03");
    let (code, _, parser) = s.wait_exit();
    assert_eq!(code, 0);
    assert!(!parser.screen().alternate_screen());
}
