//! Pieces of the presenter view: figures drawn large, the inputs strip, the answer with its
//! words wrapped beside the figure.

use super::bigtext;
use super::parts;
use super::parts::fit;
use super::sliders::bar;
use crate::tui::sliders::Shown;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use unicode_width::UnicodeWidthStr;

/// Columns a pixel of the large figures takes: two where there is room, so the strokes are
/// as thick as they are tall on a projected screen.
pub fn pixel(width: u16) -> usize {
    if width >= 100 { 2 } else { 1 }
}

pub fn text(buf: &mut Buffer, area: Rect, row: u16, pieces: &[(&str, Style)]) {
    if row < area.height {
        let cell = Rect {
            y: area.y + row,
            height: 1,
            ..area
        };
        parts::put_line(buf, cell, pieces, false);
    }
}

/// `value` drawn large where its characters allow (the rest, a unit, follows in bold), else
/// in bold on one line. Returns the columns used.
pub fn big(buf: &mut Buffer, area: Rect, value: &str, px: usize, style: Style) -> u16 {
    let cut = value
        .char_indices()
        .find(|(_, c)| !bigtext::supported(*c))
        .map_or(value.len(), |(i, _)| i);
    // A trailing sign (the `/` of `/day`) reads better with its unit than drawn large.
    let cut = value[..cut]
        .trim_end_matches(['/', '-', ' ', ',', '.'])
        .len();
    let (head, tail) = value.split_at(cut);
    let bold = style.add_modifier(Modifier::BOLD);
    match bigtext::lines(head, px).filter(|_| head.chars().any(|c| c.is_ascii_digit())) {
        Some(rows) if area.height >= bigtext::ROWS as u16 => {
            let w = bigtext::width(head, px).unwrap_or(0) as u16;
            for (r, line) in rows.iter().enumerate() {
                text(buf, area, r as u16, &[(line, bold)]);
            }
            if !tail.is_empty() {
                let x = area.x + w + 1;
                let rest = Rect {
                    x,
                    width: area.right().saturating_sub(x),
                    ..area
                };
                text(buf, rest, bigtext::ROWS as u16 - 1, &[(tail.trim(), bold)]);
            }
            w + 1 + tail.trim().width() as u16
        }
        _ => {
            text(buf, area, 0, &[(value, bold)]);
            value.width() as u16
        }
    }
}

/// The inputs strip: each input's label, its value large and where it sits in its range.
pub fn inputs(buf: &mut Buffer, area: Rect, t: &Theme, shown: &[&Shown], px: usize) {
    if shown.is_empty() || area.height == 0 {
        return;
    }
    let w = area.width / shown.len() as u16;
    for (i, s) in shown.iter().enumerate() {
        let cell = Rect {
            x: area.x + w * i as u16,
            width: w.saturating_sub(2),
            ..area
        };
        let label = if i == 0 { t.accent } else { t.text };
        text(
            buf,
            cell,
            0,
            &[(
                &fit(&s.label, usize::from(cell.width)),
                label.add_modifier(Modifier::BOLD),
            )],
        );
        let value_area = Rect {
            y: cell.y + 1,
            height: cell.height.saturating_sub(2),
            ..cell
        };
        if value_area.height >= bigtext::ROWS as u16 {
            big(buf, value_area, &s.value, px, t.text);
        } else {
            text(
                buf,
                value_area,
                0,
                &[(&s.value, t.text.add_modifier(Modifier::BOLD))],
            );
        }
        if let Some(p) = s.position {
            let row = cell.height.saturating_sub(1);
            text(
                buf,
                cell,
                row,
                &[(&bar(p, usize::from(cell.width).clamp(3, 40)), t.muted)],
            );
        }
    }
}

/// The answer: a figure large, beside it what it means in a few lines.
/// Styled pieces wrapped at spaces to `width` columns: each line of `lines` starts a new row.
fn wrap(lines: &[Vec<(String, Style)>], width: usize) -> Vec<Vec<(String, Style)>> {
    let mut rows = Vec::new();
    for line in lines {
        let mut row: Vec<(String, Style)> = Vec::new();
        let mut used = 0;
        for (text, style) in line {
            for word in text.split_inclusive(' ') {
                let w = word.width();
                if used + w.min(word.trim_end().width()) > width && used > 0 {
                    rows.push(std::mem::take(&mut row));
                    used = 0;
                }
                let word = if used == 0 { word.trim_start() } else { word };
                match row.last_mut() {
                    Some((t, s)) if s == style => t.push_str(word),
                    _ => row.push((word.to_string(), *style)),
                }
                used += word.width();
            }
        }
        rows.push(row);
    }
    rows
}

/// The answer: a figure large, beside it (or under it, when it cannot be drawn large) what
/// it means, wrapped into the room there is. Returns the rows used.
pub fn answer(
    buf: &mut Buffer,
    area: Rect,
    t: &Theme,
    figure: &str,
    lines: &[Vec<(String, Style)>],
    px: usize,
) -> u16 {
    let tall = area.height >= bigtext::ROWS as u16 && bigtext::width(figure, px).is_some();
    let used = big(buf, area, figure, px, t.accent);
    let side = if tall {
        let x = area.x + used + 3;
        Rect {
            x,
            width: area.right().saturating_sub(x),
            ..area
        }
    } else {
        Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            ..area
        }
    };
    let rows = wrap(lines, usize::from(side.width));
    let room = if tall { bigtext::ROWS } else { rows.len() };
    for (r, row) in rows.iter().take(room).enumerate() {
        let pieces: Vec<(&str, Style)> = row.iter().map(|(s, st)| (s.as_str(), *st)).collect();
        text(buf, side, r as u16, &pieces);
    }
    if tall {
        bigtext::ROWS as u16
    } else {
        1 + rows.len() as u16
    }
}

pub fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
}
