//! The presets overlay: the articles' cost scenarios on the left; on the right the highlighted
//! one's assumptions, each stated figure beside the computed one, and its note.

use super::parts::{centered, fit};
use crate::domain::preset::{Comparison, Preset, StatedKind};
use crate::domain::units::{format_tokens, format_usd};
use crate::tui::app::App;
use crate::tui::breakeven::per_million;
use crate::tui::sliders::dollars;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

fn value(kind: &StatedKind, v: f64) -> String {
    match kind {
        StatedKind::SelfHostUsdPerMillion => format!("{}/M", per_million(v)),
        StatedKind::BreakEven { .. } => format!("{} tokens/day", format_tokens(v)),
        _ => format!("{}/month", format_usd(v)),
    }
}

fn stated(kind: &StatedKind, c: &Comparison) -> String {
    let s = &c.stated;
    if s.low == s.high {
        value(kind, s.low)
    } else {
        format!("{} to {}", value(kind, s.low), value(kind, s.high))
    }
}

fn assumptions(p: &Preset) -> String {
    let s = &p.settings;
    let mut parts = vec![
        format!("{} tokens/day", format_tokens(p.tokens_per_day)),
        format!("{:.0}% input", p.input_share * 100.0),
        format!("{} on {}", p.model, p.gpu),
        s.precision.as_str().to_string(),
        s.mode.as_str().to_string(),
    ];
    if let Some(r) = s.gpu_hour_price {
        parts.push(format!("{}/GPU-hour", dollars(r)));
    }
    if let Some(g) = s.gpu_price {
        parts.push(format!("{} per GPU over {} years", dollars(g), s.years));
    }
    if let Some(t) = s.throughput {
        parts.push(format!("measured {t} tokens/s"));
    }
    if s.min_replicas > 1 {
        parts.push(format!("{} replicas minimum", s.min_replicas));
    }
    parts.push(format!("{} FTE", s.fte));
    parts.push(format!("vs {}", p.api.join(", ")));
    parts.join(" · ")
}

pub fn draw(
    frame: &mut Frame,
    body: Rect,
    app: &App,
    selected: usize,
    scroll: usize,
    comparisons: &[Result<Vec<Comparison>, String>],
) {
    let t = &app.chrome.theme;
    let area = centered(body, body.width.saturating_sub(2), body.height);
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_style(t.border)
        .title(Span::styled(" Article presets ", t.title))
        .title_bottom(Span::styled(
            " ↑/↓ choose · PgDn/PgUp scroll · Enter load · Esc close ",
            t.muted,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let list_w = (inner.width / 3).clamp(20, 40);
    let list = Rect {
        width: list_w,
        ..inner
    };
    let detail = Rect {
        x: inner.x + list_w + 1,
        width: inner.width.saturating_sub(list_w + 1),
        ..inner
    };
    let w = usize::from(list_w);
    let items: Vec<Line> = app
        .ctx
        .presets
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let style = if i == selected { t.selection } else { t.text };
            let mark = if app.doc.scenario.preset.as_deref() == Some(p.id.as_str()) {
                "•"
            } else {
                " "
            };
            Line::from(Span::styled(
                format!("{mark}{:<w$}", fit(&p.title, w - 1), w = w - 1),
                style,
            ))
        })
        .collect();
    let sep = Block::new().borders(Borders::RIGHT).border_style(t.border);
    let list_inner = sep.inner(Rect {
        width: list_w + 1,
        ..list
    });
    frame.render_widget(
        sep,
        Rect {
            width: list_w + 1,
            ..list
        },
    );
    frame.render_widget(Paragraph::new(items), list_inner);
    let Some(p) = app.ctx.presets.get(selected) else {
        return;
    };
    let mut lines = vec![
        Line::from(Span::styled(p.title.clone(), t.header)),
        Line::from(vec![
            Span::styled("source ", t.muted),
            Span::styled(p.source.to_string(), t.text),
        ]),
        Line::raw(""),
        Line::from(Span::styled("Assumptions", t.header)),
        Line::from(Span::styled(assumptions(p), t.text)),
        Line::raw(""),
        Line::from(Span::styled(
            "Stated by the article → computed from the same inputs",
            t.header,
        )),
    ];
    match comparisons.get(selected) {
        Some(Ok(found)) => {
            for c in found {
                let computed = c
                    .computed
                    .map_or("never in range".into(), |v| value(&c.stated.what, v));
                let ratio = c
                    .ratio()
                    .map_or(String::new(), |r| format!("  ({r:.2}× stated)"));
                let agree = c.ratio().is_some_and(|r| (0.8..=1.25).contains(&r));
                lines.push(Line::from(vec![
                    Span::styled(format!("{}: ", c.stated.what.label()), t.muted),
                    Span::styled(c.stated.text.clone(), t.text),
                ]));
                lines.push(Line::from(vec![
                    Span::styled("  stated ", t.muted),
                    Span::styled(stated(&c.stated.what, c), t.text),
                    Span::styled(" → computed ", t.muted),
                    Span::styled(computed, if agree { t.good } else { t.warn }),
                    Span::styled(ratio, t.muted),
                ]));
            }
        }
        Some(Err(e)) => lines.push(Line::from(Span::styled(e.clone(), t.bad))),
        None => {}
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled("Note", t.header)));
    lines.push(Line::from(Span::styled(p.note.clone(), t.text)));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll.min(u16::MAX as usize) as u16, 0)),
        detail,
    );
}
