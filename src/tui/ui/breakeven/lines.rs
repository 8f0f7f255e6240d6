//! Pane 2's table lines that need more than a format string: the deployment's figures flowed
//! as chips, and a compared line's name fitted to its column.

use crate::domain::units::{format_tokens, format_usd};
use crate::tui::breakeven::{BreakEvenView, per_million};
use crate::tui::theme::Theme;
use crate::tui::ui::parts::fit;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// The deployment's figures as labelled chips flowed onto at most two lines, after a name line;
/// chips that do not fit are left out whole.
pub(super) fn deploy_lines(
    view: &BreakEvenView,
    width: usize,
    t: &Theme,
    max_lines: usize,
) -> Vec<Line<'static>> {
    let Some(d) = &view.deployment else {
        return Vec::new();
    };
    let z = &d.cost.sizing;
    let mut out = vec![Line::from(vec![
        Span::styled("┘└ ", t.self_host),
        Span::styled(
            fit(
                &format!(
                    "{} on {} · {} · {} · {}",
                    d.name,
                    d.gpu,
                    d.deployment.mode.as_str(),
                    d.deployment.precision.as_str(),
                    d.deployment.serving.as_str()
                ),
                width.saturating_sub(3),
            ),
            t.self_host,
        ),
    ])];
    let chips = [
        ("$/month", format_usd(d.cost.usd_per_month)),
        (
            "now",
            format!("{}/M", per_million(d.cost.usd_per_million_tokens)),
        ),
        (
            "marginal",
            format!("{}/M", per_million(d.marginal_usd_per_million)),
        ),
        ("GPUs/replica", z.gpus_per_replica.to_string()),
        ("replicas", z.replicas.to_string()),
        ("GPUs", z.gpus.to_string()),
        ("busy", format!("{:.0}%", d.actual_utilization * 100.0)),
        (
            z.throughput_source.as_str(),
            format!("{} tok/s", format_tokens(z.replica_tokens_per_s)),
        ),
        ("bound", d.bound.clone()),
    ];
    let mut lines: Vec<Vec<Span>> = vec![vec![Span::raw("   ")]];
    let mut used = 3;
    for (label, value) in chips {
        let w = label.width() + 1 + value.width() + 2;
        if used + w > width {
            if lines.len() == max_lines {
                continue;
            }
            lines.push(vec![Span::raw("   ")]);
            used = 3;
        }
        used += w;
        if let Some(line) = lines.last_mut() {
            line.push(Span::styled(format!("{label} "), t.muted));
            line.push(Span::styled(value, t.text));
            line.push(Span::raw("  "));
        }
    }
    out.extend(lines.into_iter().map(Line::from));
    out
}

/// A line's name in `width` columns. An offering's (`Llama 3.3 70B · Groq`) keeps its provider
/// whole and shortens the model's name, since two lines may differ only by who sells them.
pub(super) fn fit_label(name: &str, width: usize) -> String {
    if name.width() <= width {
        return name.to_string();
    }
    match name.rsplit_once(" · ") {
        Some((model, provider)) if provider.width() + 3 + 2 <= width => {
            let room = width - provider.width() - 3;
            format!("{} · {provider}", fit(model, room))
        }
        _ => fit(name, width),
    }
}
