//! A ratatui buffer as an SVG picture of a terminal: one background rectangle per run of cells
//! with the same background, one `<text>` per run of cells with the same look, each placed at
//! its cell's column and stretched to exactly its cells' width (`textLength`), so the grid stays
//! aligned whatever monospace font the viewer has.

use ratatui::buffer::{Buffer, Cell};
use ratatui::style::{Color, Modifier};
use std::collections::BTreeMap;
use std::fmt::Write;
use unicode_width::UnicodeWidthStr;

/// Font size and cell size in pixels: DejaVu Sans Mono's advance is 0.602 em and its box
/// drawing glyphs span 1.164 em, so borders join from one row to the next.
const FONT: f64 = 14.0;
const CELL_W: f64 = 8.43;
const CELL_H: f64 = 16.3;
/// From a row's top to the text baseline (the font's ascent).
const BASELINE: f64 = 12.99;
const FONT_FAMILY: &str = "'DejaVu Sans Mono', 'Cascadia Mono', Menlo, Consolas, monospace";

/// The terminal's own colours, for `Color::Reset`.
const DEFAULT_FG: &str = "#d0d0d0";
const DEFAULT_BG: &str = "#1c1c1c";

/// The sixteen named colours of a dark terminal palette, in ANSI order.
const PALETTE: [&str; 16] = [
    "#1c1c1c", "#e06c75", "#98c379", "#e5c07b", "#61afef", "#c678dd", "#56b6c2", "#c8c8c8",
    "#6b7280", "#ff8a94", "#b5e890", "#ffd68a", "#8ccbff", "#dfa3f0", "#7fd8e3", "#ffffff",
];

/// The colour as `#rrggbb`; `Reset` is the terminal's default for that side.
fn hex(color: Color, default: &str) -> String {
    let named = |i: usize| PALETTE[i].to_string();
    match color {
        Color::Reset => default.to_string(),
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => named(8),
        Color::LightRed => named(9),
        Color::LightGreen => named(10),
        Color::LightYellow => named(11),
        Color::LightBlue => named(12),
        Color::LightMagenta => named(13),
        Color::LightCyan => named(14),
        Color::White => named(15),
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(i) => indexed(i),
    }
}

/// The xterm 256-colour table: 16 named, a 6x6x6 cube, then 24 greys.
fn indexed(i: u8) -> String {
    match i {
        0..=15 => PALETTE[usize::from(i)].to_string(),
        16..=231 => {
            let n = i - 16;
            let level = |v: u8| if v == 0 { 0 } else { 55 + v * 40 };
            let (r, g, b) = (level(n / 36), level(n / 6 % 6), level(n % 6));
            format!("#{r:02x}{g:02x}{b:02x}")
        }
        _ => {
            let v = 8 + (i - 232) * 10;
            format!("#{v:02x}{v:02x}{v:02x}")
        }
    }
}

/// What a cell looks like once its modifiers are applied: text colour, background, and the
/// text attributes an SVG can show.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Look {
    fg: String,
    bold: bool,
    dim: bool,
    italic: bool,
    underline: bool,
    strike: bool,
}

fn look(cell: &Cell) -> (Look, String) {
    let m = cell.modifier;
    let mut fg = hex(cell.fg, DEFAULT_FG);
    let mut bg = hex(cell.bg, DEFAULT_BG);
    if m.contains(Modifier::REVERSED) {
        std::mem::swap(&mut fg, &mut bg);
    }
    if m.contains(Modifier::HIDDEN) {
        fg = bg.clone();
    }
    let look = Look {
        fg,
        bold: m.contains(Modifier::BOLD),
        dim: m.contains(Modifier::DIM),
        italic: m.contains(Modifier::ITALIC),
        underline: m.contains(Modifier::UNDERLINED),
        strike: m.contains(Modifier::CROSSED_OUT),
    };
    (look, bg)
}

impl Look {
    fn css(&self) -> String {
        let mut css = format!("fill:{}", self.fg);
        if self.bold {
            css.push_str(";font-weight:bold");
        }
        if self.dim {
            css.push_str(";fill-opacity:0.6");
        }
        if self.italic {
            css.push_str(";font-style:italic");
        }
        match (self.underline, self.strike) {
            (true, true) => css.push_str(";text-decoration:underline line-through"),
            (true, false) => css.push_str(";text-decoration:underline"),
            (false, true) => css.push_str(";text-decoration:line-through"),
            (false, false) => {}
        }
        css
    }

    /// Whether blank cells in this look still show something (a line under or through them).
    fn marks_blanks(&self) -> bool {
        self.underline || self.strike
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// A run of text: first column, width in cells, look, text.
struct Run {
    x: u16,
    cells: u16,
    look: Look,
    text: String,
}

/// Runs of one row: a new run starts where the look changes or at a wide character, which gets
/// a run of its own so that stretching never spreads it over its neighbours.
fn runs(buf: &Buffer, y: u16) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut x = 0;
    while x < buf.area.width {
        let cell = &buf[(x, y)];
        let symbol = cell.symbol();
        let width = symbol.width().max(1) as u16;
        let (look, _) = look(cell);
        match out.last_mut() {
            Some(run) if width == 1 && run.look == look && run.x + run.cells == x && !wide(run) => {
                run.text.push_str(symbol);
                run.cells += 1;
            }
            _ => out.push(Run {
                x,
                cells: width,
                look,
                text: symbol.to_string(),
            }),
        }
        x += width;
    }
    out
}

fn wide(run: &Run) -> bool {
    run.cells == 2 && run.text.width() == 2 && run.text.chars().count() == 1
}

/// The SVG of the whole buffer, with `title` for screen readers.
pub fn render(buf: &Buffer, title: &str) -> String {
    let (w, h) = (buf.area.width, buf.area.height);
    let px = |cells: u16, size: f64| format!("{:.2}", f64::from(cells) * size);
    let mut looks: BTreeMap<Look, usize> = BTreeMap::new();
    let mut body = String::new();
    // Backgrounds: runs of one colour on each row, the default left to the page.
    for y in 0..h {
        let mut x = 0;
        while x < w {
            let (_, bg) = look(&buf[(x, y)]);
            let start = x;
            while x < w && look(&buf[(x, y)]).1 == bg {
                x += 1;
            }
            if bg != DEFAULT_BG {
                let _ = writeln!(
                    body,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{bg}"/>"#,
                    px(start, CELL_W),
                    px(y, CELL_H),
                    px(x - start, CELL_W),
                    format_args!("{CELL_H}")
                );
            }
        }
    }
    for y in 0..h {
        let baseline = f64::from(y) * CELL_H + BASELINE;
        for run in runs(buf, y) {
            // Blanks at either end are left out (the background is already drawn).
            let keep_blanks = run.look.marks_blanks();
            let (text, lead, trail) = if keep_blanks {
                (run.text.as_str(), 0, 0)
            } else {
                let start = run.text.trim_start_matches(' ');
                let text = start.trim_end_matches(' ');
                let lead = run.text.len() - start.len();
                (text, lead as u16, (start.len() - text.len()) as u16)
            };
            if text.is_empty() {
                continue;
            }
            let cells = run.cells - lead - trail;
            let n = looks.len();
            let class = *looks.entry(run.look.clone()).or_insert(n);
            let _ = writeln!(
                body,
                r#"<text x="{}" y="{baseline:.2}" textLength="{}" class="c{class}">{}</text>"#,
                px(run.x + lead, CELL_W),
                px(cells, CELL_W),
                escape(text)
            );
        }
    }
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="0 0 {} {}" xml:space="preserve" role="img" aria-label="{}">"#,
        px(w, CELL_W),
        px(h, CELL_H),
        px(w, CELL_W),
        px(h, CELL_H),
        escape(title)
    );
    let _ = writeln!(svg, "<style>");
    let _ = writeln!(
        svg,
        "text{{font-family:{FONT_FAMILY};font-size:{FONT}px;white-space:pre}}"
    );
    let mut classes: Vec<_> = looks.into_iter().collect();
    classes.sort_by_key(|(_, i)| *i);
    for (look, i) in classes {
        let _ = writeln!(svg, ".c{i}{{{}}}", look.css());
    }
    let _ = writeln!(svg, "</style>");
    let _ = writeln!(
        svg,
        r#"<rect width="100%" height="100%" fill="{DEFAULT_BG}"/>"#
    );
    svg.push_str(&body);
    svg.push_str("</svg>\n");
    svg
}
