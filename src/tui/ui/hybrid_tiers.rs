//! The three tier boxes side by side: model, deployment, share and tokens, cost and $/M. Taller
//! terminals get settings, full dollar figures and the use cases each tier carries. A plan
//! error is shown in the box it belongs to, naming the field.

use super::parts;
use super::parts::{centered, first_fit, fit, tier_style, wrap};
use crate::domain::hybrid::{TierPlan, Way};
use crate::domain::units::{format_tokens, format_usd, format_usd_full};
use crate::tui::app::App;
use crate::tui::hybrid::{Focus, HybridView};
use crate::tui::hybrid_tier::TierSettings;
use crate::tui::sliders;
use crate::tui::usecase_edit::percent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

/// Box titles, long and short.
const TITLES: [[&str; 2]; 3] = [
    ["Frontier API", "Frontier API"],
    ["Large open, self-hosted", "Large open"],
    ["Small open, closed environment", "Small, closed"],
];

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let Some(view) = &app.hybrid.view else {
        return;
    };
    let w = area.width / 3;
    for i in 0..3u16 {
        let x = area.x + i * w;
        let width = if i == 2 { area.right() - x } else { w };
        let rect = Rect { x, width, ..area };
        draw_box(frame, rect, app, view, usize::from(i));
    }
}

fn draw_box(frame: &mut Frame, area: Rect, app: &App, view: &HybridView, i: usize) {
    let t = &app.chrome.theme;
    let focused = app.hybrid.focus == Focus::Tiers && app.hybrid.tier == i;
    let inner_w = usize::from(area.width.saturating_sub(2));
    let title = first_fit(
        &[
            format!(" {}{} {} ", mark(focused), i + 1, TITLES[i][0]),
            format!(" {}{} {} ", mark(focused), i + 1, TITLES[i][1]),
            format!(" {}{} ", mark(focused), i + 1),
        ],
        inner_w,
    );
    let (border, title_style) = if focused {
        (t.accent, t.accent)
    } else {
        (t.border, tier_style(i as u8 + 1, t))
    };
    let buf = frame.buffer_mut();
    Block::bordered()
        .border_style(border)
        .title(Span::styled(title, title_style))
        .render(area, buf);
    let inner = Block::bordered().inner(area);
    let rows = usize::from(inner.height);
    let width = usize::from(inner.width).saturating_sub(1);
    let mut lines = vec![Line::from(Span::styled(
        fit(&view.model_names[i], width),
        t.title,
    ))];
    match &view.plan {
        Ok(plan) => {
            let tier = &plan.tiers[i];
            for text in tier_lines(app, view, tier, rows, width) {
                lines.push(Line::from(text));
            }
        }
        Err(e) if e.tier == Some(i) => {
            for text in wrap(&format!("⚠ {}", e.error), width) {
                lines.push(Line::from(Span::styled(text, t.bad)));
            }
        }
        Err(_) => lines.push(Line::from(Span::styled(
            fit("no figures until the plan is fixed", width),
            t.muted,
        ))),
    }
    lines.truncate(rows);
    let area = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(1),
        ..inner
    };
    parts::put_paragraph(buf, area, &lines, t.text);
}

fn mark(focused: bool) -> &'static str {
    if focused { "▸ " } else { "" }
}

fn plural(n: u32, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// How the tier runs: an API, an open model bought from a host, or its GPUs and whether they
/// are rented or bought.
fn deployment(view: &HybridView, tier: &TierPlan, width: usize) -> String {
    let Some(d) = &tier.settings else {
        let blended = tier.blended_usd_per_million.map_or("—".into(), format_usd);
        let way = match tier.way {
            Way::Hosted => "hosted",
            Way::Api | Way::SelfHosted => "API",
        };
        return first_fit(&[format!("{way} · blended {blended}/M"), way.into()], width);
    };
    let gpu = &view.gpu_names[usize::from(tier.tier - 1)];
    let mode = d.mode.as_str();
    let gpus = if tier.tokens_per_day > 0.0 {
        plural(tier.gpus, "GPU")
    } else {
        "idle".into()
    };
    first_fit(
        &[
            format!("{gpus} · {gpu} · {mode}"),
            format!("{gpus} · {mode}"),
            gpus,
        ],
        width,
    )
}

/// Settings of a self-hosted tier, or the API tier's input share and list prices.
fn settings(app: &App, tier: &TierPlan, width: usize) -> String {
    match (&tier.settings, &tier.self_host) {
        (Some(d), bill) => {
            let replicas = bill.as_ref().map_or(String::new(), |b| {
                format!(
                    " · {} × {}",
                    plural(b.sizing.replicas, "replica"),
                    plural(b.sizing.gpus_per_replica, "GPU")
                )
            });
            let bound = tier.bound.map_or(String::new(), |b| format!(" · {b}"));
            first_fit(
                &[
                    format!(
                        "{}{replicas}{bound} · util {}",
                        d.precision.as_str(),
                        percent(d.utilization)
                    ),
                    format!(
                        "{}{replicas} · util {}",
                        d.precision.as_str(),
                        percent(d.utilization)
                    ),
                    format!("{}{replicas}", d.precision.as_str()),
                    d.precision.as_str().to_string(),
                ],
                width,
            )
        }
        (None, _) => {
            let price = app
                .ctx
                .catalog
                .model(&tier.model)
                .and_then(|m| m.price.as_ref())
                .map(|p| (p.value.input, p.value.output));
            let input = percent(tier.input_share);
            match price {
                Some((i, o)) => first_fit(
                    &[
                        format!("input {input} · list {}/{}", format_usd(i), format_usd(o)),
                        format!("input {input}"),
                    ],
                    width,
                ),
                None => format!("input {input}"),
            }
        }
    }
}

fn share_line(tier: &TierPlan, width: usize) -> String {
    let share = percent(tier.share);
    let tokens = format_tokens(tier.tokens_per_day);
    first_fit(
        &[
            format!("{share} · {tokens} tokens/day"),
            format!("{share} · {tokens}/day"),
            share,
        ],
        width,
    )
}

fn per_million(tier: &TierPlan) -> String {
    tier.usd_per_million.map_or("—".into(), format_usd)
}

fn cost_line(tier: &TierPlan, width: usize) -> String {
    let usd = format_usd(tier.usd_per_month);
    let pm = per_million(tier);
    first_fit(
        &[
            format!("{usd}/month · {pm}/M"),
            format!("{usd}/mo · {pm}/M"),
            format!("{usd} · {pm}/M"),
            format!("{usd}/mo"),
        ],
        width,
    )
}

/// Infra and staff of a self-hosted tier a month, or nothing.
/// The staff part says whether the tier shares the one team of the self-hosted tiers.
fn breakdown(tier: &TierPlan, width: usize) -> Option<String> {
    let bill = tier.self_host.as_ref()?;
    let infra = format_usd(bill.infra_usd_per_month);
    let staff = format_usd(bill.labor_usd_per_month);
    let (long, short) = match &tier.staff {
        Some(s) if s.shared => (
            format!("staff {staff} (share of one {} FTE team)", s.team_fte),
            format!("shared staff {staff}"),
        ),
        Some(_) => (format!("own staff {staff}"), format!("own staff {staff}")),
        None => (format!("staff {staff}"), format!("staff {staff}")),
    };
    Some(first_fit(
        &[
            format!("infra {infra} · {long} a month"),
            format!("infra {infra} · {long}"),
            format!("infra {infra} · {short}"),
            format!("infra {infra} · staff {staff}"),
        ],
        width,
    ))
}

/// The use cases a tier carries, wrapped over at most `rows` lines.
fn carried(app: &App, tier: u8, width: usize, rows: usize) -> Vec<String> {
    let names: Vec<&str> = app
        .doc
        .scenario
        .use_cases
        .iter()
        .filter(|c| c.tier == tier)
        .map(|c| c.use_case.name.as_str())
        .collect();
    if names.is_empty() {
        return vec!["no use cases".into()];
    }
    let mut lines = wrap(&format!("carries: {}", names.join(", ")), width);
    if lines.len() > rows.max(1) {
        lines.truncate(rows.max(1));
        if let Some(last) = lines.last_mut() {
            *last = fit(&format!("{last} …"), width);
        }
    }
    lines
}

/// The box's lines after the model name, as many as `rows` allows (4, 6 or 9 in all).
fn tier_lines(
    app: &App,
    view: &HybridView,
    tier: &TierPlan,
    rows: usize,
    width: usize,
) -> Vec<String> {
    if rows < 6 {
        return vec![
            deployment(view, tier, width),
            share_line(tier, width),
            cost_line(tier, width),
        ];
    }
    if rows < 9 {
        return vec![
            deployment(view, tier, width),
            settings(app, tier, width),
            share_line(tier, width),
            first_fit(
                &[format!("{}/month", format_usd(tier.usd_per_month))],
                width,
            ),
            first_fit(
                &[
                    format!("{} per million tokens", per_million(tier)),
                    per_million(tier),
                ],
                width,
            ),
        ];
    }
    let mut out = vec![
        deployment(view, tier, width),
        settings(app, tier, width),
        first_fit(
            &[
                format!(
                    "share {} · input {}",
                    percent(tier.share),
                    percent(tier.input_share)
                ),
                percent(tier.share),
            ],
            width,
        ),
        first_fit(
            &[
                format!("{} tokens/day", format_tokens(tier.tokens_per_day)),
                format_tokens(tier.tokens_per_day),
            ],
            width,
        ),
        first_fit(
            &[
                format!("{} per month", format_usd_full(tier.usd_per_month)),
                format_usd_full(tier.usd_per_month),
                format_usd(tier.usd_per_month),
            ],
            width,
        ),
        first_fit(
            &[
                format!("{} per million tokens", per_million(tier)),
                per_million(tier),
            ],
            width,
        ),
    ];
    out.extend(breakdown(tier, width));
    // The model name takes the first row.
    let left = rows.saturating_sub(1 + out.len());
    out.extend(carried(app, tier.tier, width, left));
    out
}

/// The deployment sliders of a self-hosted tier, over the pane, with the tier's figures (or
/// the error that keeps it from being costed) at the bottom.
pub fn draw_settings(frame: &mut Frame, body: Rect, app: &App, s: &TierSettings) {
    let t = &app.chrome.theme;
    let Some(view) = &app.hybrid.view else {
        return;
    };
    let i = s.tier;
    let rows: Vec<_> = s
        .list
        .fields
        .iter()
        .map(|f| {
            let d = if i == 1 {
                &app.doc.scenario.tiers.large
            } else {
                &app.doc.scenario.tiers.small
            };
            sliders::deployment::show_deployment(*f, d, &app.ctx.catalog)
        })
        .collect();
    let groups = 1;
    let h = (rows.len() + groups + 5) as u16;
    let area = centered(body, 64, h);
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_style(t.accent)
        .title(Span::styled(
            format!(" Tier {} deployment: {} ", i + 1, view.model_names[i]),
            t.title,
        ))
        .title_bottom(Span::styled(
            " ←/→ step · Enter type or pick · 0 default · Esc back ",
            t.muted,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let list = Rect {
        height: inner.height.saturating_sub(2),
        ..inner
    };
    let width = usize::from(inner.width).saturating_sub(1);
    let summary = match &view.plan {
        Ok(p) => {
            let tier = &p.tiers[i];
            Line::from(Span::styled(
                format!(" {}", cost_line(tier, width)),
                t.accent,
            ))
        }
        Err(e) if e.tier == Some(i) => Line::from(Span::styled(
            format!(" {}", fit(&format!("⚠ {}", e.error), width)),
            t.bad,
        )),
        Err(e) => Line::from(Span::styled(
            format!(" {}", fit(&e.error.to_string(), width)),
            t.muted,
        )),
    };
    let foot = Rect {
        y: list.bottom() + 1,
        height: 1,
        ..inner
    };
    frame.render_widget(Paragraph::new(summary), foot);
    super::sliders::draw(frame, list, t, &rows, s.list.selected, s.editor.as_ref());
}
