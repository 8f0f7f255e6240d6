//! The sensitivity overlay: one bar per input, sorted by effect, drawn from the base answer
//! (the `│` axis) to the answer with the input lowered (`░`) and raised (`█`); the end values
//! are written beside each bar, the lower answer on the left. Narrow screens drop detail
//! (savings, then the input values, which stay on the selected row's line at the bottom)
//! rather than cut a number.

use super::parts::fit;
use super::parts::put_line;
use crate::tui::app::App;
use crate::tui::sensitivity::{End, Row, Sensitivity, Target};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, Clear, Widget};
use unicode_width::UnicodeWidthStr;

pub const LOWERED: &str = "░";
pub const RAISED: &str = "█";
const AXIS: &str = "│";
/// Bars narrower than this say too little; detail goes first.
const MIN_BAR: usize = 12;

/// How much of each end is written beside the bars.
#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Detail {
    /// Input value, answer and (hybrid) savings.
    Full,
    /// Input value and answer.
    Values,
    /// The answer only.
    Answers,
}

fn end_text(glyph: &str, e: &End, detail: Detail) -> String {
    let mut s = format!("{glyph} ");
    if detail <= Detail::Values {
        s.push_str(&e.value);
        s.push_str(" → ");
    }
    s.push_str(&e.answer);
    if detail == Detail::Full
        && let Some(d) = &e.detail
    {
        s.push_str(", ");
        s.push_str(d);
    }
    s
}

/// The two ends of a row as (glyph, end), the one with the lower answer first.
fn ordered(r: &Row) -> [(&'static str, &End); 2] {
    let low = (LOWERED, &r.low);
    let high = (RAISED, &r.high);
    if r.high.delta < r.low.delta {
        [high, low]
    } else {
        [low, high]
    }
}

struct Layout {
    detail: Detail,
    name: usize,
    left: usize,
    right: usize,
    bar: usize,
}

fn layout(view: &Sensitivity, width: usize) -> Layout {
    let names = view.rows.iter().map(|r| r.input.width()).max().unwrap_or(0);
    let mut out = Layout {
        detail: Detail::Answers,
        name: names.min(22),
        left: 0,
        right: 0,
        bar: 0,
    };
    for detail in [Detail::Full, Detail::Values, Detail::Answers] {
        let widths = |side: usize| {
            view.rows
                .iter()
                .map(|r| {
                    let (g, e) = ordered(r)[side];
                    end_text(g, e, detail).width()
                })
                .max()
                .unwrap_or(0)
        };
        let (left, right) = (widths(0), widths(1));
        let fixed = 2 + out.name + 1 + left + 1 + 1 + right;
        let bar = width.saturating_sub(fixed);
        out = Layout {
            detail,
            left,
            right,
            bar,
            ..out
        };
        if bar >= MIN_BAR {
            return out;
        }
    }
    // Still too narrow: names give way (numbers never do).
    let short = out.name.min(10);
    out.bar += out.name - short;
    out.name = short;
    out
}

pub fn draw(frame: &mut Frame, body: Rect, app: &App, view: &Sensitivity) {
    let t = &app.chrome.theme;
    let area = body;
    let buf = frame.buffer_mut();
    Clear.render(area, buf);
    let what = if view.hybrid {
        "the hybrid cost"
    } else {
        "the break-even"
    };
    let title = format!(" What moves {what} · span ±{:.0}% ", view.span * 100.0);
    let keys = if area.width >= 70 {
        " ↑/↓ bar · Enter slider · +/- span · Esc close "
    } else {
        " +/- span · Esc "
    };
    let block = Block::bordered()
        .border_style(t.border)
        .title(Span::styled(title, t.title))
        .title_bottom(Span::styled(keys, t.muted));
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height < 4 || inner.width < 20 {
        return;
    }
    let line = |y: u16| Rect {
        y: inner.y + y,
        height: 1,
        ..inner
    };
    let width = usize::from(inner.width);
    let mut head = view.subject.clone();
    if !view.hybrid && app.breakeven.view.apis.len() > 1 {
        head.push_str(&format!(
            " ({} of {}, ←/→)",
            view.api + 1,
            app.breakeven.view.apis.len()
        ));
    }
    // The base answer is a number: it goes first and is never cut.
    let base = format!("{} · ", view.base);
    let room = width.saturating_sub(base.width());
    put_line(
        buf,
        line(0),
        &[(&base, t.accent), (&fit(&head, room), t.text)],
        false,
    );
    if let Some(e) = &view.error {
        put_line(buf, line(1), &[(&fit(e, width), t.bad)], false);
        return;
    }
    let pct = format!("{:.0}%", view.span * 100.0);
    let legend = format!("{LOWERED} input −{pct}   {RAISED} input +{pct}   {AXIS} base");
    let choices = "   (GPU, precision: the neighbouring options)";
    let legend = if legend.width() + choices.width() <= width {
        legend + choices
    } else {
        legend
    };
    put_line(buf, line(1), &[(&legend, t.muted)], false);
    let rows = usize::from(inner.height - 3);
    let lay = layout(view, width);
    let offset = (view.selected + 1).saturating_sub(rows);
    let scale = Scale::new(&view.rows, lay.bar);
    for (i, r) in view.rows.iter().enumerate().skip(offset).take(rows) {
        let y = inner.y + 2 + (i - offset) as u16;
        draw_row(buf, t, inner.x, y, &lay, &scale, r, i == view.selected);
    }
    if let Some(r) = view.rows.get(view.selected) {
        let text = selected_line(r, view.span, width);
        put_line(
            buf,
            line(inner.height - 1),
            &[(&fit(&text, width), t.text)],
            false,
        );
    }
}

/// Where the base sits in the bar area and how many columns a unit of the answer takes.
struct Scale {
    base: usize,
    per_unit: f64,
}

impl Scale {
    fn new(rows: &[Row], bar: usize) -> Scale {
        let deltas = rows.iter().flat_map(|r| [r.low.delta, r.high.delta]);
        let (lo, hi) = deltas.fold((0.0f64, 0.0f64), |(a, b), d| (a.min(d), b.max(d)));
        let span = hi - lo;
        if bar < 3 || span <= 0.0 {
            return Scale {
                base: bar / 2,
                per_unit: 0.0,
            };
        }
        let usable = (bar - 1) as f64;
        Scale {
            base: ((-lo) / span * usable).round() as usize,
            per_unit: usable / span,
        }
    }

    /// The column an end reaches (relative to the bar's start).
    fn column(&self, delta: f64) -> usize {
        (self.base as f64 + delta * self.per_unit).round().max(0.0) as usize
    }
}

#[allow(clippy::too_many_arguments)]
fn draw_row(
    buf: &mut Buffer,
    t: &Theme,
    x: u16,
    y: u16,
    lay: &Layout,
    scale: &Scale,
    r: &Row,
    selected: bool,
) {
    let name_style = if selected { t.selection } else { t.text };
    let marker = if selected { "▸ " } else { "  " };
    let name = format!("{:<w$}", fit(&r.input, lay.name), w = lay.name);
    let at = |col: usize, w: usize| Rect::new(x + col as u16, y, w as u16, 1);
    put_line(buf, at(0, 2), &[(marker, t.accent)], false);
    put_line(buf, at(2, lay.name), &[(&name, name_style)], false);
    let [first, second] = ordered(r);
    let left_x = 2 + lay.name + 1;
    let bar_x = left_x + lay.left + 1;
    let right_x = bar_x + lay.bar + 1;
    let style_of = |g: &str| if g == RAISED { t.accent } else { t.muted };
    put_line(
        buf,
        at(left_x, lay.left),
        &[(&end_text(first.0, first.1, lay.detail), style_of(first.0))],
        true,
    );
    put_line(
        buf,
        at(right_x, lay.right),
        &[(
            &end_text(second.0, second.1, lay.detail),
            style_of(second.0),
        )],
        false,
    );
    // The longer bar first, so the shorter one stays visible when both go the same way.
    let mut ends = [(RAISED, &r.high), (LOWERED, &r.low)];
    ends.sort_by(|a, b| b.1.delta.abs().total_cmp(&a.1.delta.abs()));
    for (glyph, e) in ends {
        let to = scale.column(e.delta).min(lay.bar.saturating_sub(1));
        let (a, b) = if to < scale.base {
            (to, scale.base)
        } else {
            (scale.base + 1, to + 1)
        };
        paint(buf, bar_x, y, x, a, b, glyph, style_of(glyph));
    }
    paint(buf, bar_x, y, x, scale.base, scale.base + 1, AXIS, t.border);
}

/// Put `glyph` into the bar's columns `a..b`.
#[allow(clippy::too_many_arguments)]
fn paint(
    buf: &mut Buffer,
    bar_x: usize,
    y: u16,
    x: u16,
    a: usize,
    b: usize,
    glyph: &str,
    style: Style,
) {
    for col in a..b {
        let cx = x + (bar_x + col) as u16;
        if let Some(cell) = buf.cell_mut((cx, y)) {
            cell.set_symbol(glyph).set_style(style);
        }
    }
}

/// Everything about the selected bar in one line, for screens too narrow for the values;
/// savings, then the current value, give way before anything is cut.
fn selected_line(r: &Row, span: f64, width: usize) -> String {
    let pct = format!("{:.0}%", span * 100.0);
    let (down, up) = if r.choice {
        ("lower".to_string(), "higher".to_string())
    } else {
        (format!("−{pct}"), format!("+{pct}"))
    };
    let go = match &r.target {
        Target::Nowhere(_) => " · no slider",
        _ => " · Enter: its slider",
    };
    let mut last = String::new();
    for (savings, now, keys) in [
        (true, true, true),
        (false, true, true),
        (false, false, true),
        (false, false, false),
    ] {
        let end = |e: &End| {
            let mut s = format!("{} → {}", e.value, e.answer);
            if let Some(d) = e.detail.as_ref().filter(|_| savings) {
                s.push_str(&format!(" ({d})"));
            }
            s
        };
        let now = if now {
            format!(" {} now ·", r.base_value)
        } else {
            String::new()
        };
        last = format!(
            "{}:{now} {down} {} · {up} {}{}",
            r.input,
            end(&r.low),
            end(&r.high),
            if keys { go } else { "" }
        );
        if last.width() <= width {
            break;
        }
    }
    last
}
