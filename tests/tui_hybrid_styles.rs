//! The hybrid pane cell for cell, styles included, in many states and sizes. The text
//! snapshots (`tui_hybrid_snapshots`) show what is written; these also pin every colour and
//! modifier, so drawing the pane a faster way can be checked to change nothing on screen.

mod tui_support;

use ratatui::buffer::Buffer;
use ratatui::style::Color;
use std::fmt::Write;
use tierwise::tui::app::App;
use tierwise::tui::theme::Theme;
use tui_support::{app, keys, render, type_text};

/// Sizes that take each layout: the smallest allowed, the three tier box heights, wide.
const SIZES: [(u16, u16); 6] = [
    (60, 18),
    (80, 24),
    (120, 34),
    (160, 40),
    (200, 50),
    (250, 70),
];

/// Each row's text, then its runs of one style (other than the terminal's default) as
/// `x..end fg bg modifiers`.
fn styled(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let text: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        writeln!(out, "{y:>2} |{text}|").unwrap();
        let style = |x| {
            let c = &buf[(x, y)];
            (c.fg, c.bg, c.modifier)
        };
        let mut start = 0;
        for x in 1..=buf.area.width {
            if x == buf.area.width || style(x) != style(start) {
                let (fg, bg, m) = style(start);
                let plain = fg == Color::Reset && bg == Color::Reset && m.is_empty();
                if !plain {
                    writeln!(out, "   {start}..{x} {fg:?} {bg:?} {m:?}").unwrap();
                }
                start = x;
            }
        }
    }
    out
}

fn check(name: &str, setup: impl Fn(&mut App)) {
    for (w, h) in SIZES {
        let mut a = app(w, h);
        setup(&mut a);
        let t = render(&a);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), styled(t.backend().buffer()));
    }
}

#[test]
fn pane() {
    check("styles_pane", |_| {});
}

#[test]
fn regulated_on_tier_one_in_mono() {
    check("styles_blocked_mono", |a| {
        a.chrome.theme = Theme::builtin("mono").unwrap();
        keys(a, &["j", "j", "j", "j", "j", "<", "<"]);
    });
}

#[test]
fn tiers_focused_selection_elsewhere() {
    check("styles_tiers", |a| {
        keys(a, &["j", "j", "Shift-Tab", "Shift-Tab", "l"])
    });
}

#[test]
fn findings_focused_and_scrolled() {
    check("styles_findings_scrolled", |a| {
        keys(a, &["j", "j", "j", "j", "j", "<", "<", "Tab", "j"])
    });
}

#[test]
fn many_use_cases_scrolled_with_a_wide_name() {
    check("styles_many", |a| {
        keys(a, &["a", "a", "a", "a", "a", "a", "a", "a", "r"]);
        type_text(a, " 数据 分析 café — ünïcode");
        keys(a, &["Enter", "j", "k", "k"]);
    });
}

#[test]
fn overlays() {
    check("styles_edit", |a| {
        keys(a, &["Enter", "j", "Enter", "Backspace", "x", "Enter"])
    });
    check("styles_findings_list", |a| keys(a, &["F", "j"]));
    check("styles_tier_settings", |a| {
        keys(a, &["Shift-Tab", "Shift-Tab", "l", "Enter"])
    });
}

#[test]
fn plan_error_in_its_tier() {
    check("styles_error", |a| {
        a.doc.scenario.tiers.large.model = "no-such-model".into();
        a.hybrid
            .refresh(&a.ctx.catalog, &a.ctx.rules, &a.doc.scenario);
    });
}
