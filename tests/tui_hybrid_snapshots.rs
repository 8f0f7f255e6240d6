//! The hybrid pane drawn into a TestBackend at 80x24 and 200x50 (insta snapshots of the text).

mod tui_support;

use ratatui::style::Modifier;
use tierwise::tui::theme::Theme;
use tui_support::{app, keys, render};

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 50)];

fn view(name: &str, steps: &[&str]) {
    for (w, h) in SIZES {
        let mut a = app(w, h);
        keys(&mut a, steps);
        let t = render(&a);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), t.backend());
    }
}

#[test]
fn pane() {
    view("hybrid", &[]);
}

#[test]
fn regulated_moved_to_tier_one() {
    // The sixth row is the health data use case, on tier 3.
    view("hybrid_blocked", &["j", "j", "j", "j", "j", "<", "<"]);
}

#[test]
fn tier_focus() {
    view("hybrid_tiers", &["Shift-Tab", "Shift-Tab", "l"]);
}

#[test]
fn field_editor_with_an_error() {
    view(
        "hybrid_edit",
        &[
            "Enter",
            "j",
            "Enter",
            "Backspace",
            "Backspace",
            "Backspace",
            "x",
            "Enter",
        ],
    );
}

#[test]
fn findings_list() {
    view("hybrid_findings", &["F"]);
}

#[test]
fn mono_keeps_the_focus_and_the_severity_visible() {
    let mut a = app(80, 24);
    a.chrome.theme = Theme::builtin("mono").unwrap();
    keys(&mut a, &["j", "j", "j", "j", "j", "<", "<"]);
    let t = render(&a);
    let buf = t.backend().buffer();
    let find = |needle: &str| {
        (0..buf.area.height).find_map(|y| {
            let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
            row.find(needle)
                .map(|i| (row[..i].chars().count() as u16, y))
        })
    };
    let (x, y) = find("[BLOCK]").expect("a block finding is listed");
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    let (x, y) = find("Sensitive personal").expect("the moved row");
    assert!(
        buf[(x, y)].modifier.contains(Modifier::REVERSED),
        "the selected row is reverse video without colour"
    );
}
