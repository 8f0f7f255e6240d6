//! The comparison view: one column per marked model, one row per attribute. The best value in
//! each row is highlighted, rows where every model agrees are dimmed, unknowns say so.

use super::cells;
use crate::domain::catalog::Model;
use crate::domain::text::truncate_to_width;
use crate::tui::app::App;
use crate::tui::compare::{Better, CompareRow};
use crate::tui::format::{self, UNKNOWN};
use crate::tui::layout::max_scroll;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders};
use std::borrow::Cow;
use std::cell::Ref;

/// The compared models, in the order they were marked.
pub fn models(app: &App) -> Vec<&Model> {
    app.catalogue
        .marks
        .iter()
        .filter_map(|id| app.ctx.catalog.model(id))
        .collect()
}

/// The rows for the marked models, made once per set of marks and kept between frames.
pub fn rows(app: &App) -> Ref<'_, Vec<CompareRow>> {
    let cat = &app.catalogue;
    cat.views.compare.get(cat.marks.clone(), || make_rows(app))
}

fn make_rows(app: &App) -> Vec<CompareRow> {
    let ms = models(app);
    let text = |label: &str, f: &dyn Fn(&Model) -> Option<String>| CompareRow {
        label: label.into(),
        cells: ms.iter().map(|m| f(m).map(|s| (s, None))).collect(),
        better: Better::Neither,
    };
    let num =
        |label: &str, better: Better, f: &dyn Fn(&Model) -> Option<(String, f64)>| CompareRow {
            label: label.into(),
            cells: ms.iter().map(|m| f(m).map(|(s, v)| (s, Some(v)))).collect(),
            better,
        };
    let mut out = vec![
        text("Vendor", &|m| Some(m.vendor.clone())),
        text("Tier", &|m| Some(tier_label(m.openness.value).to_string())),
        text("Origin", &|m| m.origin.as_ref().map(|f| f.value.clone())),
        text("License", &|m| Some(m.license_family.as_str().to_string())),
        text("Release", &|m| m.release.as_ref().map(|f| f.value.clone())),
        num("Parameters", Better::Neither, &|m| {
            m.total_params_b
                .as_ref()
                .map(|f| (format::billions(f.value), f.value))
        }),
        num("Active (MoE)", Better::Neither, &|m| {
            m.active_params_b
                .as_ref()
                .map(|f| (format::billions(f.value), f.value))
        }),
        num("Context", Better::Higher, &|m| {
            m.context_tokens
                .as_ref()
                .map(|f| (format::tokens(f.value), f.value as f64))
        }),
        num("Input $/M", Better::Lower, &|m| {
            m.price
                .as_ref()
                .map(|f| (format::price(f.value.input), f.value.input))
        }),
        num("Output $/M", Better::Lower, &|m| {
            m.price
                .as_ref()
                .map(|f| (format::price(f.value.output), f.value.output))
        }),
        text("Self-hostable", &|m| {
            Some(if m.can_self_host() { "yes" } else { "no" }.into())
        }),
    ];
    for bench in &app.catalogue.rows.score_names {
        if ms.iter().any(|m| m.scores.contains_key(bench)) {
            out.push(num(bench, Better::Higher, &|m| {
                m.scores
                    .get(bench)
                    .map(|f| (format::score(f.value), f.value))
            }));
        }
    }
    out
}

fn tier_label(tier: crate::domain::catalog::Openness) -> &'static str {
    use crate::domain::catalog::Openness::*;
    match tier {
        FullyOpen => "FO fully open",
        OpenWeightsPermissive => "OP open, permissive",
        OpenWeightsRestricted => "OR open, restricted",
        ClosedApi => "CL closed API",
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, focus: usize, scroll: usize) {
    let t = &app.chrome.theme;
    cells::clear(frame.buffer_mut(), area);
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(t.border)
        .title(Span::styled(" Comparison ", t.title))
        .title(Span::styled(" bold = best · dim = all equal ", t.muted));
    let inner = block.inner(area);
    // A top border touches only the first row.
    frame.render_widget(
        block,
        Rect {
            height: area.height.min(1),
            ..area
        },
    );
    let ms = models(app);
    let label_w: u16 = 16;
    let n = ms.len().max(1) as u16;
    let col_w = (inner.width.saturating_sub(label_w) / n)
        .saturating_sub(1)
        .clamp(8, 40);
    let w = usize::from(col_w);

    // The table, written as ratatui's `Table` writes it (see `cells`): its style over the
    // whole area, a header row, then the rows that fit.
    let buf = frame.buffer_mut();
    cells::fill_style(buf, inner, t.text);
    if inner.is_empty() {
        return;
    }
    let widths: Vec<u16> = std::iter::once(label_w)
        .chain(ms.iter().map(|_| col_w))
        .collect();
    let columns = cells::column_areas(&widths, inner.width);
    let cell = |i: usize, y: u16| {
        let c = columns[i];
        Rect::new(inner.x + c.x, y, c.width, 1)
    };
    for (i, m) in ms.iter().enumerate().take(columns.len().saturating_sub(1)) {
        let style = if i == focus { t.selection } else { t.header };
        let name = truncate_to_width(&m.name, w);
        cells::put_line(buf, cell(i + 1, inner.y), &[(&name, style)], false);
    }
    let rows = rows(app);
    // The last row is kept off the bottom line, as the first release had it.
    let max = max_scroll(rows.len(), usize::from(area.height).saturating_sub(3));
    app.chrome.measured.compare_max.set(Some(max));
    let shown = rows
        .iter()
        .skip(scroll.min(max))
        .take(usize::from(inner.height - 1));
    for (row, y) in shown.zip(inner.y + 1..) {
        let equal = row.all_equal();
        let best = row.best();
        let label_style = if equal { t.same } else { t.header };
        cells::put_line(buf, cell(0, y), &[(&row.label, label_style)], false);
        for (i, c) in row.cells.iter().enumerate().take(columns.len() - 1) {
            let (text, style) = match c {
                None => (UNKNOWN.into(), t.unknown),
                Some((s, _)) if best[i] => (format!("{s} ★").into(), t.best),
                Some((s, _)) if equal => (Cow::from(s.as_str()), t.same),
                Some((s, _)) => (Cow::from(s.as_str()), t.text),
            };
            let text = truncate_to_width(&text, w);
            cells::put_line(buf, cell(i + 1, y), &[(&text, style)], false);
        }
    }
}
