//! The presenter view (`P` in panes 2 and 3, `tierwise --present`): the answer in figures a
//! room can read from the back, the chart filling the screen, and the inputs being moved shown
//! large. It only draws: the pane under it keeps its keys, so the sliders stay live.

use super::chart::{self, Legend};
use super::parts::fit;
use super::present_parts::{answer, capitalised, inputs, pixel, text};
use super::{bigtext, present_hybrid};
use crate::domain::scenario_report::{Piece, verdict_of};
use crate::domain::units::{format_tokens, format_usd};
use crate::tui::app::App;
use crate::tui::pane::Pane;
use crate::tui::present::Presenter;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, p: &Presenter) {
    match app.chrome.pane {
        Pane::Hybrid => present_hybrid::draw(frame, area, app),
        _ => draw_breakeven(frame, area, app, p),
    }
}

fn draw_breakeven(frame: &mut Frame, area: Rect, app: &App, p: &Presenter) {
    let t = &app.chrome.theme;
    let view = &app.breakeven.view;
    let px = pixel(area.width);
    let now = view.workload.tokens_per_day;
    let buf = frame.buffer_mut();
    let Some(api) = view.apis.first() else {
        text(
            buf,
            area,
            0,
            &[(
                "No API model is compared: add one in the break-even pane.",
                t.warn,
            )],
        );
        return;
    };
    let Some(host) = view.deployment.as_ref() else {
        let why = view
            .deployment_error
            .as_deref()
            .unwrap_or("no self-hosted deployment");
        text(
            buf,
            area,
            0,
            &[(&format!("No self-hosted line: {why}"), t.warn)],
        );
        return;
    };
    let x = &api.crossover;
    let reason = x.never_reason.as_ref().map(|r| r.to_string());
    let pieces = verdict_of(
        x.break_even_tokens_per_day,
        x.stays_cheaper_from_tokens_per_day,
        reason.as_deref(),
        now,
    );
    let figure = x
        .break_even_tokens_per_day
        .map_or("never".to_string(), format_tokens);
    let mut sentence: Vec<(String, Style)> = pieces
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(s) => (s.to_string(), t.text),
            Piece::Volume(_, v) => (format_tokens(v), t.accent.add_modifier(Modifier::BOLD)),
            Piece::NeverReason(r) => (r, t.text),
        })
        .collect();
    sentence[0].0 = capitalised(&sentence[0].0);
    let cheaper = if api.usd_per_month <= host.cost.usd_per_month {
        "the API"
    } else {
        "self-hosting"
    };
    let lines = vec![
        sentence,
        vec![
            ("against ".into(), t.muted),
            (
                api.name.clone(),
                t.series[api.slot % t.series.len()].add_modifier(Modifier::BOLD),
            ),
            (" · ".into(), t.muted),
            (
                format!("{} on {}", host.name, host.gpu),
                t.self_host.add_modifier(Modifier::BOLD),
            ),
        ],
        vec![
            (format!("now {} tokens a day: ", format_tokens(now)), t.text),
            (
                format!(
                    "API {} vs self-hosted {} a month",
                    format_usd(api.usd_per_month),
                    format_usd(host.cost.usd_per_month)
                ),
                t.text.add_modifier(Modifier::BOLD),
            ),
            (format!(", {cheaper} cheaper"), t.text),
        ],
    ];
    let used = answer(buf, area, t, &figure, &lines, px);
    let n = if area.width >= 100 { 3 } else { 2 };
    let shown = p.moved(&view.sliders, app.breakeven.list.selected, n);
    let input_rows = if area.height >= 30 {
        1 + bigtext::ROWS as u16 + 1
    } else {
        3
    };
    let chart_top = used + 1;
    let chart_h = area.height.saturating_sub(chart_top + input_rows + 1);
    let inputs_area = Rect {
        y: area.y + chart_top + chart_h + 1,
        height: input_rows,
        ..area
    };
    if input_rows >= bigtext::ROWS as u16 {
        inputs(buf, inputs_area, t, &shown, px);
    } else {
        for (i, s) in shown.iter().take(input_rows as usize).enumerate() {
            text(
                buf,
                inputs_area,
                i as u16,
                &[
                    (
                        &format!("{:<22}", fit(&s.label, 22)),
                        if i == 0 { t.accent } else { t.text },
                    ),
                    (&s.value, t.text.add_modifier(Modifier::BOLD)),
                ],
            );
        }
    }
    if let Some(data) = &view.chart {
        let legend: Vec<Legend> = view
            .apis
            .iter()
            .map(|a| Legend {
                slot: a.slot,
                name: &a.name,
            })
            .collect();
        let chart_area = Rect {
            y: area.y + chart_top,
            height: chart_h,
            ..area
        };
        chart::draw(
            frame,
            chart_area,
            t,
            data,
            &legend,
            Some(host.name.as_str()),
        );
    }
}
