//! The presenter view over pane 3: the plan's monthly cost large, the plan against its two
//! baselines as bars across the screen (the plan split by tier), what each tier carries, and
//! the selected use case's share large.

use super::parts::tier_style;
use super::present_parts::{answer, big, pixel, text};
use crate::domain::hybrid::TIER_NAMES;
use crate::domain::units::{format_tokens, format_usd};
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

/// Each tier's fill, so the tiers stay apart without colour (the mono theme, a grey
/// projector).
fn shade(tier: u8) -> char {
    match tier {
        1 => '█',
        2 => '▓',
        _ => '░',
    }
}

/// One bar: its label, its parts (dollars, tier), its total.
type Bar<'a> = (&'a str, Vec<(f64, u8)>, f64);

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.chrome.theme;
    let px = pixel(area.width);
    let buf = frame.buffer_mut();
    let Some(view) = app.hybrid.view.as_ref() else {
        return;
    };
    let plan = match &view.plan {
        Ok(plan) => plan,
        Err(e) => {
            text(
                buf,
                area,
                0,
                &[(&format!("The plan cannot be computed: {}", e.error), t.bad)],
            );
            return;
        }
    };
    let figure = format_usd(plan.hybrid_usd_per_month);
    let savings = match plan.savings_vs_frontier {
        Some(s) if s >= 0.0 => format!("{:.1}% less than", s * 100.0),
        Some(s) => format!("{:.1}% more than", -s * 100.0),
        None => "against".into(),
    };
    let lines = vec![
        vec![
            ("a month for the hybrid plan, ".into(), t.text),
            (savings, t.accent.add_modifier(Modifier::BOLD)),
            (" all on the frontier API".into(), t.text),
        ],
        vec![(
            format!(
                "all on {}: {} · all self-hosted: {}",
                view.model_names[0],
                format_usd(plan.all_frontier_usd_per_month),
                format_usd(plan.all_self_hosted_usd_per_month)
            ),
            t.muted,
        )],
        vec![(
            format!(
                "{} tokens a day over three tiers; {} findings block, {} warn",
                format_tokens(app.doc.scenario.workload.tokens_per_day),
                view.counts[0],
                view.counts[1]
            ),
            t.muted,
        )],
    ];
    let used = answer(buf, area, t, &figure, &lines, px);
    // One bar per plan, the hybrid one split by tier, on one dollar scale.
    let max = plan
        .hybrid_usd_per_month
        .max(plan.all_frontier_usd_per_month)
        .max(plan.all_self_hosted_usd_per_month)
        .max(1.0);
    let label_w = 22u16;
    let bar_w = area.width.saturating_sub(label_w + 10);
    let bars: [Bar; 3] = [
        (
            "Hybrid plan",
            plan.tiers
                .iter()
                .map(|t| (t.usd_per_month, t.tier))
                .collect(),
            plan.hybrid_usd_per_month,
        ),
        (
            "All frontier API",
            vec![(plan.all_frontier_usd_per_month, 1)],
            plan.all_frontier_usd_per_month,
        ),
        (
            "All self-hosted",
            vec![(plan.all_self_hosted_usd_per_month, 2)],
            plan.all_self_hosted_usd_per_month,
        ),
    ];
    let tall = area.height >= 30;
    let step = if tall { 3 } else { 2 };
    let top = used + 1;
    for (i, (label, parts, total)) in bars.iter().enumerate() {
        let row = top + step * i as u16;
        text(
            buf,
            area,
            row,
            &[(
                &format!("{label:>w$} ", w = usize::from(label_w) - 1),
                t.text.add_modifier(Modifier::BOLD),
            )],
        );
        let mut x = 0.0;
        let mut col = area.x + label_w;
        for (usd, tier) in parts {
            x += usd;
            let end = area.x + label_w + ((x / max) * f64::from(bar_w)).round() as u16;
            let style = tier_style(*tier, t);
            for c in col..end.min(area.right()) {
                for r in 0..(if tall { 2 } else { 1 }) {
                    if row + r < area.height {
                        buf[(c, area.y + row + r)]
                            .set_char(shade(*tier))
                            .set_style(style);
                    }
                }
            }
            col = end;
        }
        let tail = Rect {
            x: col + 1,
            width: area.right().saturating_sub(col + 1),
            ..area
        };
        text(
            buf,
            tail,
            row,
            &[(&format_usd(*total), t.text.add_modifier(Modifier::BOLD))],
        );
    }
    // The tiers: what each carries and costs.
    let mut row = top + step * 3 + 1;
    for tier in &plan.tiers {
        let i = usize::from(tier.tier.saturating_sub(1)).min(2);
        text(
            buf,
            area,
            row,
            &[
                (
                    &format!("{0}{0} Tier {1} ", shade(tier.tier), tier.tier),
                    tier_style(tier.tier, t).add_modifier(Modifier::BOLD),
                ),
                (
                    &format!(
                        " {} · {} · {}/day · {} a month",
                        view.model_names[i],
                        TIER_NAMES[i],
                        format_tokens(tier.tokens_per_day),
                        format_usd(tier.usd_per_month)
                    ),
                    t.text,
                ),
            ],
        );
        row += 1;
    }
    // The use case being moved, large.
    let scenario = &app.doc.scenario;
    if let (Some(case), Some(share)) = (
        scenario.use_cases.get(app.hybrid.selected),
        plan.shares.get(app.hybrid.selected),
    ) {
        let rows_left = area.height.saturating_sub(row + 1);
        let case_area = Rect {
            y: area.y + row + 1,
            height: rows_left,
            ..area
        };
        text(
            buf,
            case_area,
            0,
            &[
                (&case.use_case.name, t.accent.add_modifier(Modifier::BOLD)),
                (&format!("  on tier {}", case.tier), t.text),
            ],
        );
        let value_area = Rect {
            y: case_area.y + 1,
            height: case_area.height.saturating_sub(1),
            ..case_area
        };
        big(
            buf,
            value_area,
            &format!("{:.0}%", share * 100.0),
            px,
            t.text,
        );
    }
}
