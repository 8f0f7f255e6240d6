//! Drawing. Every function here only reads the state; nothing is computed that `update` needs.

pub mod bigtext;
pub mod breakeven;
pub mod catalogue;
pub mod catalogue_table;
pub mod cells;
pub mod chart;
pub mod compare;
pub mod detail;
pub mod explain;
pub mod filter;
pub mod help;
pub mod hybrid;
pub mod hybrid_findings;
pub mod hybrid_optimum;
pub mod hybrid_tiers;
pub mod notes;
pub mod palette;
pub mod parts;
pub mod picker;
pub mod present;
pub mod present_hybrid;
pub mod present_parts;
pub mod presets;
pub mod scenarios;
pub mod sensitivity;
pub mod sliders;
pub mod too_small;
pub mod usecase_table;

pub use parts::{centered, fit};

use super::app::{App, Overlay, Pane};
use super::keymap::Mode;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if app.too_small() || area.width < super::app::MIN_WIDTH || area.height < super::app::MIN_HEIGHT
    {
        too_small::draw(frame, area, app);
        return;
    }
    let top = Rect { height: 1, ..area };
    let body = Rect {
        y: area.y + 1,
        height: area.height - 3,
        ..area
    };
    let status = Rect {
        y: area.bottom() - 2,
        height: 1,
        ..area
    };
    let hints = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    // The sensitivity view covers the whole body: the pane under it is not drawn.
    let covered = matches!(app.chrome.overlays.last(), Some(Overlay::Sensitivity(_)));
    // The presenter view takes the screen down to the status line in panes 2 and 3.
    let presenting = app
        .chrome
        .present
        .as_ref()
        .filter(|_| !covered && matches!(app.chrome.pane, Pane::BreakEven | Pane::Hybrid));
    if presenting.is_none() {
        top_bar(frame, top, app);
    }
    match app.chrome.pane {
        _ if covered => {}
        _ if presenting.is_some() => {
            let stage = Rect {
                height: area.height - 2,
                ..area
            };
            if let Some(p) = presenting {
                present::draw(frame, stage, app, p);
            }
        }
        Pane::Catalogue => catalogue::draw(frame, body, app),
        Pane::BreakEven => breakeven::draw(frame, body, app),
        Pane::Hybrid => hybrid::draw(frame, body, app),
    }
    for overlay in &app.chrome.overlays {
        match overlay {
            Overlay::Detail(v) => detail::draw(frame, body, app, v.model, v.scroll),
            Overlay::Compare(v) => compare::draw(frame, body, app, v.focus, v.scroll),
            Overlay::Filter(menu) => filter::draw(frame, body, app, menu),
            Overlay::Help { scroll } => help::draw(frame, body, app, *scroll),
            Overlay::Picker(p) => picker::draw(frame, body, app, p),
            Overlay::Explain(v) => explain::draw(frame, body, app, v.row, v.scroll, &v.explanation),
            Overlay::Presets(v) => {
                presets::draw(frame, body, app, v.selected, v.scroll, &v.comparisons)
            }
            Overlay::UseCase(edit) => hybrid::draw_edit(frame, body, app, edit),
            Overlay::Findings { scroll } => hybrid_findings::draw_all(frame, body, app, *scroll),
            Overlay::TierSettings(s) => hybrid_tiers::draw_settings(frame, body, app, s),
            Overlay::TierPicker { picker, .. } => picker::draw(frame, body, app, picker),
            Overlay::Scenarios(list) => scenarios::draw(frame, body, app, list),
            Overlay::Notes(editor) => notes::draw(frame, body, app, editor),
            Overlay::Notices { lines, scroll } => {
                notes::draw_notices(frame, body, app, lines, *scroll)
            }
            Overlay::Palette(p) => palette::draw(frame, body, app, p),
            Overlay::Sensitivity(view) => sensitivity::draw(frame, body, app, view),
        }
    }
    status_line(frame, status, app);
    hint_line(frame, hints, app, app.mode());
}

fn top_bar(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.chrome.theme;
    let mut spans = vec![Span::styled(" tierwise ", t.title), Span::raw(" ")];
    for pane in Pane::ALL {
        let style = if *pane == app.chrome.pane {
            t.tab_active
        } else {
            t.tab_inactive
        };
        spans.push(Span::styled(
            format!(" {} {} ", pane.number(), pane.title()),
            style,
        ));
        spans.push(Span::raw(" "));
    }
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    let line = Line::from(spans);
    parts::put_paragraph(frame.buffer_mut(), area, [&line], t.text);
    // The active scenario is always named; when nothing reaches the disk, that comes first
    // (the whole reason was shown at start).
    let room = usize::from(area.width).saturating_sub(used + 1);
    let mut right = Vec::new();
    match &app.doc.session.not_saved {
        Some(why) => {
            let name = fit(&app.doc.scenario.name, room.saturating_sub(11).clamp(4, 24));
            let left = room.saturating_sub(name.width() + 2);
            let warn = if left >= 20 {
                fit(&format!("not saved: {why}"), left)
            } else {
                "not saved".to_string()
            };
            right.push(Span::styled(warn, t.warn));
            right.push(Span::raw(" "));
            right.push(Span::styled(format!("{name} "), t.accent));
        }
        None => {
            let name = fit(&app.doc.scenario.name, room.saturating_sub(11).max(4));
            right.push(Span::styled("scenario: ", t.muted));
            right.push(Span::styled(format!("{name} "), t.accent));
        }
    }
    let w: usize = right.iter().map(|s| s.content.width()).sum();
    let w = (w as u16).min(area.width);
    let at = Rect {
        x: area.right() - w,
        width: w,
        ..area
    };
    let line = Line::from(right);
    parts::put_paragraph(frame.buffer_mut(), at, [&line], Style::default());
}

fn status_line(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.chrome.theme;
    let line = match &app.chrome.notice {
        Some(notice) => Line::from(Span::styled(format!(" {notice}"), t.notice)),
        None if app.chrome.pane == Pane::BreakEven => {
            Line::from(Span::styled(breakeven::status_text(app), t.muted))
        }
        None if app.chrome.pane == Pane::Hybrid => {
            Line::from(Span::styled(hybrid::status_text(app), t.muted))
        }
        None => Line::from(Span::styled(catalogue::status_text(app), t.muted)),
    };
    parts::put_paragraph(frame.buffer_mut(), area, [&line], Style::default());
}

/// The current mode's most important keys, as many as fit; the global ones (help, quit) are
/// always kept.
fn hint_line(frame: &mut Frame, area: Rect, app: &App, mode: Mode) {
    let t = &app.chrome.theme;
    let width = |(key, hint): &(&str, &str)| key.width() + 1 + hint.width() + 2;
    let global = if mode.is_text_input() {
        Vec::new()
    } else {
        app.ctx.keymap.own_hints(Mode::Global)
    };
    let mut used = 1 + global.iter().map(width).sum::<usize>();
    let mut shown = Vec::new();
    for hint in app.ctx.keymap.own_hints(mode) {
        if used + width(&hint) <= usize::from(area.width) {
            used += width(&hint);
            shown.push(hint);
        }
    }
    shown.extend(global);
    let mut spans = vec![Span::raw(" ")];
    for (key, hint) in shown {
        spans.push(Span::styled(key.to_string(), t.hint_key));
        spans.push(Span::styled(format!(" {hint}  "), t.hint_text));
    }
    let line = Line::from(spans);
    parts::put_paragraph(frame.buffer_mut(), area, [&line], Style::default());
}
