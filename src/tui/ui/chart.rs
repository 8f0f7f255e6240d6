//! The break-even chart: monthly cost against volume on log-log axes, drawn with braille on a
//! canvas from the numbers in [`ChartData`]; tick labels, legend, the current-volume marker and
//! one glyph per crossing are placed here.

use super::parts;
use super::parts::fit;
use crate::tui::plot::{ChartData, tokens_tick};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line as TextLine, Span};
use ratatui::widgets::canvas::{Canvas, Line};

use unicode_width::UnicodeWidthStr;

/// The glyph marking where the staircase crosses API line `slot` (also shown in the legend and
/// the table, so each crossing can be told apart without colour).
pub const GLYPHS: [&str; 4] = ["◆", "▲", "■", "●"];

pub fn glyph(slot: usize) -> &'static str {
    GLYPHS[slot % GLYPHS.len()]
}

/// Colours the canvas paints with, replaced by theme styles after drawing (the canvas only
/// takes a colour, a theme slot may also be bold, dim or reversed).
const SENTINEL: u8 = 240;
const SELF_HOST: u8 = SENTINEL + 8;
const CURRENT: u8 = SENTINEL + 9;

/// Chart legend entry: colour slot and name.
pub struct Legend<'a> {
    pub slot: usize,
    pub name: &'a str,
}

fn series_style(t: &Theme, slot: usize) -> Style {
    t.series[slot % t.series.len()]
}

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    t: &Theme,
    data: &ChartData,
    legend: &[Legend],
    self_host: Option<&str>,
) {
    if area.height < 4 || area.width < 20 {
        return;
    }
    let legend_rows = draw_legend(frame, area, t, legend, self_host, !data.bands.is_empty());
    let gutter = data
        .y_ticks
        .iter()
        .map(|(_, l)| l.width())
        .max()
        .unwrap_or(4) as u16
        + 1;
    let plot = Rect {
        x: area.x + gutter,
        y: area.y + legend_rows,
        width: area.width.saturating_sub(gutter + 1),
        height: area.height.saturating_sub(legend_rows + 1),
    };
    if plot.width < 8 || plot.height < 2 {
        return;
    }
    let (x0, x1) = data.x;
    let (y0, y1) = data.y;
    let canvas = Canvas::default()
        .marker(Marker::Braille)
        .x_bounds([x0, x1])
        .y_bounds([y0, y1])
        .paint(|ctx| {
            // One layer: dots of different series in a cell merge (the last colour wins),
            // and the canvas walks its grid once.
            let c = data.current;
            ctx.draw(&Line::new(c, y0, c, y1, Color::Indexed(CURRENT)));
            for s in &data.api {
                let color = Color::Indexed(SENTINEL + (s.slot % 8) as u8);
                for w in s.points.windows(2) {
                    ctx.draw(&Line::new(w[0].0, w[0].1, w[1].0, w[1].1, color));
                }
            }
            for w in data.stairs.windows(2) {
                let color = Color::Indexed(SELF_HOST);
                ctx.draw(&Line::new(w[0].0, w[0].1, w[1].0, w[1].1, color));
            }
        });
    frame.render_widget(canvas, plot);
    restyle(frame, plot, t);
    draw_bands(frame, plot, t, data);
    // Crossing glyphs go into the cell whose braille dots the lines use there.
    for x in &data.crossings {
        let (col, row) = (col_of(plot, data, x.x), row_of(plot, data, x.y));
        let cell = &mut frame.buffer_mut()[(col, row)];
        cell.set_symbol(glyph(x.slot));
        cell.set_style(series_style(t, x.slot));
    }
    y_labels(frame, area, plot, t, data);
    x_labels(frame, plot, t, data);
}

/// The glyph of an uncertainty band: one braille dot, sparse enough to read the lines through.
pub const BAND: &str = "⠂";

/// Fill the empty cells between each band's edges, dimmed in its line's style; cells the lines
/// use keep their dots.
fn draw_bands(frame: &mut Frame, plot: Rect, t: &Theme, data: &ChartData) {
    let (x0, x1) = data.x;
    let (y0, y1) = data.y;
    let buf = frame.buffer_mut();
    for band in &data.bands {
        let style = match band.slot {
            Some(slot) => series_style(t, slot),
            None => t.self_host,
        }
        .add_modifier(ratatui::style::Modifier::DIM);
        for col in plot.left()..plot.right() {
            let x = x0 + (f64::from(col - plot.left()) + 0.5) / f64::from(plot.width) * (x1 - x0);
            let (lo, hi) = band.at(data, x);
            if hi < y0 || lo > y1 {
                continue;
            }
            let (top, bottom) = (
                row_of(plot, data, hi.min(y1)),
                row_of(plot, data, lo.max(y0)),
            );
            for row in top..=bottom {
                let cell = &mut buf[(col, row)];
                if matches!(cell.symbol(), " " | "\u{2800}") {
                    cell.set_symbol(BAND).set_style(style);
                }
            }
        }
    }
}

/// Replace the sentinel colours with the theme's styles.
fn restyle(frame: &mut Frame, plot: Rect, t: &Theme) {
    let buf = frame.buffer_mut();
    for y in plot.top()..plot.bottom() {
        for x in plot.left()..plot.right() {
            let cell = &mut buf[(x, y)];
            let Color::Indexed(i) = cell.fg else {
                continue;
            };
            let style = match i {
                CURRENT => t.muted,
                SELF_HOST => t.self_host,
                i if (SENTINEL..SENTINEL + 8).contains(&i) => {
                    series_style(t, usize::from(i - SENTINEL))
                }
                _ => continue,
            };
            cell.set_fg(style.fg.unwrap_or(Color::Reset));
            if let Some(bg) = style.bg {
                cell.set_bg(bg);
            }
            cell.modifier.insert(style.add_modifier);
        }
    }
}

/// The cell holding the braille dot the canvas paints for y (4 dots a cell, rounded).
fn row_of(plot: Rect, data: &ChartData, y: f64) -> u16 {
    let (y0, y1) = data.y;
    let dots = f64::from(plot.height) * 4.0 - 1.0;
    let dot = ((y1 - y) * dots / (y1 - y0)).round().clamp(0.0, dots);
    plot.top() + (dot / 4.0) as u16
}

/// The cell holding the braille dot for x (2 dots a cell, rounded).
fn col_of(plot: Rect, data: &ChartData, x: f64) -> u16 {
    let (x0, x1) = data.x;
    let dots = f64::from(plot.width) * 2.0 - 1.0;
    let dot = ((x - x0) * dots / (x1 - x0)).round().clamp(0.0, dots);
    plot.left() + (dot / 2.0) as u16
}

fn y_labels(frame: &mut Frame, area: Rect, plot: Rect, t: &Theme, data: &ChartData) {
    // Every decade when they fit, else every second one.
    let n = data.y_ticks.len().max(1);
    let every = (n as f64 / f64::from(plot.height).max(1.0)).ceil() as usize;
    let every = if n > usize::from(plot.height) / 2 + 1 {
        every.max(2)
    } else {
        every.max(1)
    };
    let mut last_row = None;
    for (i, (y, label)) in data.y_ticks.iter().enumerate().rev() {
        if !(data.y_ticks.len() - 1 - i).is_multiple_of(every) {
            continue;
        }
        let row = row_of(plot, data, *y);
        if last_row == Some(row) {
            continue;
        }
        last_row = Some(row);
        let w = plot.x - area.x - 1;
        let r = Rect {
            x: area.x,
            y: row,
            width: w,
            height: 1,
        };
        let text = TextLine::from(Span::styled(
            format!("{label:>w$}", w = usize::from(w)),
            t.muted,
        ));
        parts::put_paragraph(frame.buffer_mut(), r, [&text], Style::default());
        let axis = Rect {
            x: plot.x - 1,
            y: row,
            width: 1,
            height: 1,
        };
        let tick = TextLine::from(Span::styled("┤", t.border));
        parts::put_paragraph(frame.buffer_mut(), axis, [&tick], Style::default());
    }
}

fn x_labels(frame: &mut Frame, plot: Rect, t: &Theme, data: &ChartData) {
    let row = plot.bottom();
    let mut used_until = plot.x;
    let mut spans: Vec<(u16, String, Style)> = Vec::new();
    for (x, label) in &data.x_ticks {
        let col = col_of(plot, data, *x);
        let w = label.width() as u16;
        let start = col.saturating_sub(w / 2).max(plot.x);
        if start < used_until || start + w > plot.right() + 1 {
            continue;
        }
        spans.push((start, label.clone(), t.muted));
        used_until = start + w + 1;
    }
    // The current volume, above the axis labels it may cover.
    let current = format!("▲{}", tokens_tick(10f64.powf(data.current)));
    let col = col_of(plot, data, data.current);
    let w = current.width() as u16;
    let start = col.min(plot.right().saturating_sub(w));
    spans.retain(|(s, l, _)| s + (l.width() as u16) < start || *s > start + w);
    spans.push((start, current, t.accent));
    for (x, text, style) in spans {
        let r = Rect {
            x,
            y: row,
            width: (text.width() as u16).min(plot.right().saturating_sub(x) + 1),
            height: 1,
        };
        let label = TextLine::from(Span::styled(text, style));
        parts::put_paragraph(frame.buffer_mut(), r, [&label], Style::default());
    }
}

/// The legend on one or two lines; returns the rows used.
fn draw_legend(
    frame: &mut Frame,
    area: Rect,
    t: &Theme,
    legend: &[Legend],
    self_host: Option<&str>,
    bands: bool,
) -> u16 {
    let mut entries: Vec<(String, Style)> = legend
        .iter()
        .map(|l| {
            (
                format!("─{} {}", glyph(l.slot), l.name),
                series_style(t, l.slot),
            )
        })
        .collect();
    if let Some(name) = self_host {
        entries.push((format!("┘└ {name}"), t.self_host));
    }
    if bands {
        entries.push((format!("{BAND} sources' range"), t.muted));
    }
    let width = usize::from(area.width);
    // One line on small charts: names are cut to share it.
    let max_rows = if area.height >= 16 { 2 } else { 1 };
    if max_rows == 2 {
        entries.push(("│ now".into(), t.muted));
    }
    if max_rows == 1 {
        let fixed: usize = entries.iter().map(|(e, _)| 4 + e.width().min(3)).sum();
        let share = width.saturating_sub(fixed) / entries.len().max(1);
        for (text, _) in entries.iter_mut() {
            *text = fit(text, 3 + share.max(4));
        }
    }
    let mut lines: Vec<Vec<Span>> = vec![Vec::new()];
    let mut used = 0;
    for (text, style) in entries {
        let text = fit(&text, width.saturating_sub(1));
        let w = text.width() + 2;
        if used + w > width && used > 0 {
            if lines.len() == max_rows {
                break;
            }
            lines.push(Vec::new());
            used = 0;
        }
        used += w;
        if let Some(line) = lines.last_mut() {
            line.push(Span::styled(text, style));
            line.push(Span::raw("  "));
        }
    }
    let rows = lines.len() as u16;
    let text: Vec<TextLine> = lines.into_iter().map(TextLine::from).collect();
    parts::put_paragraph(
        frame.buffer_mut(),
        Rect {
            height: rows,
            ..area
        },
        &text,
        Style::default(),
    );
    rows
}
