//! Pane 2 through `update`: each kind of slider, the editor and its errors, the picker, the
//! catalogue's marks, zoom, explanation and presets. No terminal.

mod tui_support;

use tierwise::domain::cost::Mode as CostMode;
use tierwise::domain::rules::Severity;
use tierwise::tui::action::{Action, Effect};
use tierwise::tui::app::{App, Overlay, Pane};
use tierwise::tui::explain_view::ExplainView;
use tierwise::tui::keymap::Mode;
use tierwise::tui::sliders::Field;
use tui_support::press;

fn app() -> App {
    tui_support::app_on("2", 80, 24)
}

fn type_text(a: &mut App, text: &str) {
    for c in text.chars() {
        a.update(Action::Input(c));
    }
}

fn select(a: &mut App, field: Field) {
    let at = a.breakeven.list.fields.iter().position(|f| *f == field);
    let at = at.unwrap_or_else(|| panic!("{field:?} is not listed"));
    a.breakeven.list.selected = at;
}

fn editor_error(a: &App) -> String {
    a.breakeven
        .editor
        .as_ref()
        .and_then(|e| e.error.clone())
        .expect("the editor shows an error")
}

#[test]
fn the_pane_opens_on_the_volume_slider_and_steps_one_two_five() {
    let mut a = app();
    assert_eq!(a.chrome.pane, Pane::BreakEven);
    assert_eq!(a.mode(), Mode::BreakEven);
    assert_eq!(a.breakeven.list.current(), Some(Field::Volume));
    assert!(press(&mut a, "Right").redraw);
    assert_eq!(a.doc.scenario.workload.tokens_per_day, 1e7);
    press(&mut a, "Left");
    press(&mut a, "Left");
    assert_eq!(a.doc.scenario.workload.tokens_per_day, 2e6);
    press(&mut a, "Shift-Right");
    assert_eq!(
        a.doc.scenario.workload.tokens_per_day, 5e9,
        "ten 1-2-5 steps"
    );
    press(&mut a, "H");
    assert_eq!(
        a.doc.scenario.workload.tokens_per_day, 2e6,
        "H is ten steps back"
    );
    press(&mut a, "0");
    assert_eq!(
        a.doc.scenario.workload.tokens_per_day, 5e6,
        "0 restores the default"
    );
    for _ in 0..30 {
        press(&mut a, "Right");
    }
    assert_eq!(a.doc.scenario.workload.tokens_per_day, 1e11);
    assert!(!press(&mut a, "Right").redraw, "nothing moves past the top");
    assert_eq!(a.breakeven.view.sliders[0].value, "100B/day");
}

#[test]
fn a_step_recomputes_the_view() {
    let mut a = app();
    let before = a.breakeven.view.apis[0].usd_per_month;
    press(&mut a, "Right");
    let after = a.breakeven.view.apis[0].usd_per_month;
    assert!((after / before - 2.0).abs() < 1e-12, "{before} -> {after}");
    let chart = a.breakeven.view.chart.as_ref().unwrap();
    assert!((chart.current - 7.0).abs() < 1e-12);
}

#[test]
fn input_share_steps_by_five_points_and_stays_in_range() {
    let mut a = app();
    select(&mut a, Field::InputShare);
    press(&mut a, "Right");
    assert_eq!(a.doc.scenario.workload.input_share, 0.55);
    press(&mut a, "Shift-Right");
    assert_eq!(a.doc.scenario.workload.input_share, 1.0);
    press(&mut a, "L");
    assert_eq!(a.doc.scenario.workload.input_share, 1.0);
    press(&mut a, "Shift-Left");
    press(&mut a, "Shift-Left");
    assert_eq!(a.doc.scenario.workload.input_share, 0.0);
}

#[test]
fn price_sliders_step_on_two_digits_and_zero_goes_back_to_the_database() {
    let mut a = app();
    select(&mut a, Field::GpuHourPrice);
    let shown = |a: &App| a.breakeven.view.sliders[a.breakeven.list.selected].clone();
    assert!(shown(&a).from_database);
    press(&mut a, "Right");
    assert_eq!(a.doc.scenario.self_host.settings.gpu_hour_price, Some(2.6));
    assert!(!shown(&a).from_database);
    assert_eq!(shown(&a).value, "$2.60/h");
    press(&mut a, "0");
    assert_eq!(a.doc.scenario.self_host.settings.gpu_hour_price, None);
}

#[test]
fn choice_sliders_step_and_switching_to_buy_lists_the_buy_inputs() {
    let mut a = app();
    select(&mut a, Field::Precision);
    press(&mut a, "Right");
    assert_eq!(a.doc.scenario.self_host.settings.precision.as_str(), "bf16");
    assert!(!a.breakeven.list.fields.contains(&Field::GpuPrice));
    select(&mut a, Field::Mode);
    press(&mut a, "Right");
    assert_eq!(a.doc.scenario.self_host.settings.mode, CostMode::Buy);
    for f in [Field::GpuPrice, Field::Years, Field::Pue, Field::Colo] {
        assert!(a.breakeven.list.fields.contains(&f), "{f:?}");
    }
    assert!(!a.breakeven.list.fields.contains(&Field::GpuHourPrice));
    assert_eq!(
        a.breakeven.list.current(),
        Some(Field::Mode),
        "selection kept"
    );
}

#[test]
fn gpu_steps_pass_over_gpus_without_a_price() {
    let mut a = app();
    select(&mut a, Field::Gpu);
    assert_eq!(a.doc.scenario.self_host.gpu, "h100-sxm");
    press(&mut a, "Right");
    let gpu = a.doc.scenario.self_host.gpu.clone();
    assert_ne!(gpu, "h100-sxm");
    assert!(
        a.doc.scenario.self_host.resolve(&a.ctx.catalog).is_ok(),
        "{gpu}"
    );
}

#[test]
fn the_editor_sets_exact_values_with_units() {
    let mut a = app();
    press(&mut a, "Enter");
    assert_eq!(a.mode(), Mode::Editor);
    assert_eq!(a.breakeven.editor.as_ref().unwrap().text(), "5M");
    assert_eq!(a.breakeven.editor.as_ref().unwrap().unit, "tokens/day");
    press(&mut a, "Ctrl-u");
    type_text(&mut a, "750K");
    press(&mut a, "Enter");
    assert!(a.breakeven.editor.is_none());
    assert_eq!(a.doc.scenario.workload.tokens_per_day, 750_000.0);
    assert_eq!(a.mode(), Mode::BreakEven);
}

#[test]
fn refused_values_say_field_value_and_range_and_change_nothing() {
    let mut a = app();
    press(&mut a, "Enter");
    press(&mut a, "Ctrl-u");
    type_text(&mut a, "0");
    press(&mut a, "Enter");
    let e = editor_error(&a);
    assert!(
        e.contains("--tokens-per-day") && e.contains(" 0 ") && e.contains("1K"),
        "{e}"
    );
    assert_eq!(a.doc.scenario.workload.tokens_per_day, 5e6);
    type_text(&mut a, "x");
    assert!(
        a.breakeven.editor.as_ref().unwrap().error.is_none(),
        "typing clears it"
    );
    press(&mut a, "Enter");
    assert!(
        editor_error(&a).contains("not a number"),
        "{}",
        editor_error(&a)
    );
    press(&mut a, "Esc");
    assert!(a.breakeven.editor.is_none());
    assert_eq!(
        a.doc.scenario.workload.tokens_per_day, 5e6,
        "Esc keeps the old value"
    );

    select(&mut a, Field::Utilization);
    press(&mut a, "Enter");
    press(&mut a, "Ctrl-u");
    type_text(&mut a, "1.5");
    press(&mut a, "Enter");
    let e = editor_error(&a);
    assert!(
        e.contains("--utilization") && e.contains("1.5") && e.contains("<= 1"),
        "{e}"
    );
    press(&mut a, "Esc");

    select(&mut a, Field::MinReplicas);
    press(&mut a, "Enter");
    press(&mut a, "Ctrl-u");
    type_text(&mut a, "2.5");
    press(&mut a, "Enter");
    assert!(
        editor_error(&a).contains("whole number"),
        "{}",
        editor_error(&a)
    );
    press(&mut a, "Esc");
    assert_eq!(a.doc.scenario.self_host.settings.min_replicas, 1);
    assert!(a.doc.scenario.self_host.resolve(&a.ctx.catalog).is_ok());
}

#[test]
fn the_editor_keys_edit_in_place() {
    let mut a = app();
    press(&mut a, "Enter");
    // "5M": Home, Delete, type 2 -> "2M".
    press(&mut a, "Home");
    press(&mut a, "Delete");
    type_text(&mut a, "2");
    assert_eq!(a.breakeven.editor.as_ref().unwrap().text(), "2M");
    press(&mut a, "End");
    press(&mut a, "Backspace");
    type_text(&mut a, "B");
    press(&mut a, "Enter");
    assert_eq!(a.doc.scenario.workload.tokens_per_day, 2e9);
    assert!(
        press(&mut a, "q").effects.contains(&Effect::Quit),
        "q quits outside the editor"
    );
}

#[test]
fn throughput_can_be_measured_or_none() {
    let mut a = app();
    select(&mut a, Field::Throughput);
    press(&mut a, "Right");
    let t = a
        .doc
        .scenario
        .self_host
        .settings
        .throughput
        .expect("starts from the estimate");
    assert!(t > 1000.0, "{t}");
    press(&mut a, "Enter");
    press(&mut a, "Ctrl-u");
    type_text(&mut a, "none");
    press(&mut a, "Enter");
    assert_eq!(a.doc.scenario.self_host.settings.throughput, None);
    let d = a.breakeven.view.deployment.as_ref().unwrap();
    assert_eq!(d.cost.sizing.throughput_source.as_str(), "estimated");
}

#[test]
fn region_and_sector_pickers_bring_findings_under_the_chart() {
    let mut a = app();
    select(&mut a, Field::Api(0));
    press(&mut a, "Enter");
    assert_eq!(a.mode(), Mode::Picker);
    type_text(&mut a, "deepseek v3.2");
    press(&mut a, "Enter");
    assert_eq!(a.doc.scenario.api_models[0], "deepseek-v3.2");
    select(&mut a, Field::Region);
    press(&mut a, "Enter");
    type_text(&mut a, "virginia");
    press(&mut a, "Enter");
    assert_eq!(a.doc.scenario.region, "us-va");
    select(&mut a, Field::Sector);
    press(&mut a, "Enter");
    type_text(&mut a, "public");
    press(&mut a, "Enter");
    assert_eq!(a.doc.scenario.sector, "public-sector");
    let f = &a.breakeven.view.findings[0];
    assert_eq!(f.severity, Severity::Block, "worst first: {f:?}");
    assert_eq!(f.rule, "us-state-deepseek-ban");
    assert!(f.subject.contains("DeepSeek"));
    press(&mut a, "0");
    assert_eq!(a.doc.scenario.sector, "commercial");
}

#[test]
fn the_picker_narrows_moves_and_cancels() {
    let mut a = app();
    select(&mut a, Field::Gpu);
    press(&mut a, "Enter");
    let Some(Overlay::Picker(p)) = a.chrome.overlays.last() else {
        panic!("no picker")
    };
    assert_eq!(
        p.chosen().unwrap().id,
        "h100-sxm",
        "opens on the current GPU"
    );
    type_text(&mut a, "zzzz");
    assert!(!press(&mut a, "Enter").redraw, "nothing to choose");
    press(&mut a, "Backspace");
    press(&mut a, "Esc");
    assert!(a.chrome.overlays.is_empty());
    assert_eq!(a.doc.scenario.self_host.gpu, "h100-sxm");
}

#[test]
fn api_models_are_added_removed_and_capped_at_four() {
    let mut a = app();
    assert_eq!(a.doc.scenario.api_models.len(), 3);
    select(&mut a, Field::Api(3));
    press(&mut a, "Right");
    assert_eq!(a.doc.scenario.api_models.len(), 4);
    assert!(
        !a.breakeven.list.fields.contains(&Field::Api(4)),
        "no fifth slot"
    );
    let ids = a.doc.scenario.api_models.clone();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 4, "no model twice: {ids:?}");
    press(&mut a, "Delete");
    assert_eq!(a.doc.scenario.api_models.len(), 3);
    select(&mut a, Field::Api(0));
    press(&mut a, "Delete");
    press(&mut a, "Delete");
    assert_eq!(a.doc.scenario.api_models.len(), 1);
    press(&mut a, "Delete");
    assert_eq!(a.doc.scenario.api_models.len(), 1, "the last one stays");
    assert!(a.chrome.notice.is_some());
    press(&mut a, "0");
    assert_eq!(
        a.doc.scenario.api_models,
        ["claude-opus-4.7", "gpt-5.5", "gemini-3-flash"]
    );
}

#[test]
fn marks_sent_from_the_catalogue_replace_the_api_models() {
    let mut a = app();
    press(&mut a, "1");
    let cat = &mut a.catalogue;
    cat.marks = vec![
        "gpt-4o".into(),
        "olmo".into(),
        "qwen-2.5-72b".into(),
        // Llama 3.1 70B now has hosted prices; Mistral Large 2 and Llama 1 13B have weights
        // and no API price.
        "mistral-large-2".into(),
        "llama-1-13b".into(),
    ];
    assert!(cat.marks.iter().all(|id| a.ctx.catalog.model(id).is_some()));
    let priced: Vec<String> = a
        .catalogue
        .marks
        .iter()
        .filter(|id| a.ctx.catalog.model(id).unwrap().price.is_some())
        .cloned()
        .collect();
    let unpriced: Vec<String> = a
        .catalogue
        .marks
        .iter()
        .filter(|id| a.ctx.catalog.model(id).unwrap().price.is_none())
        .map(|id| a.ctx.catalog.model(id).unwrap().name.clone())
        .collect();
    assert!(
        !unpriced.is_empty(),
        "the test needs a model without an API price"
    );
    // The first marked open model without an API price becomes the self-hosted one.
    let hosted = a
        .catalogue
        .marks
        .iter()
        .map(|id| a.ctx.catalog.model(id).unwrap())
        .find(|m| m.can_self_host() && m.price.is_none())
        .map(|m| (m.id.clone(), m.name.clone()))
        .expect("the test needs a sizable open model without an API price");
    assert_ne!(hosted.0, a.doc.scenario.self_host.model, "a change to see");
    press(&mut a, "b");
    assert_eq!(a.chrome.pane, Pane::BreakEven);
    assert_eq!(a.doc.scenario.api_models, priced);
    assert_eq!(a.doc.scenario.self_host.model, hosted.0);
    let notice = a.chrome.notice.clone().unwrap();
    assert!(
        notice.contains(&format!("self-hosting {}", hosted.1)),
        "{notice}"
    );
    assert!(
        notice.ends_with(
            "skipped OLMo (no API price, not sizable), \
             Llama 1 13B (one self-hosted model at a time)"
        ),
        "{notice}"
    );
    assert_eq!(unpriced.len(), 3, "{unpriced:?}");
    assert_eq!(a.breakeven.view.apis.len(), priced.len());
}

#[test]
fn zoom_narrows_around_the_volume_and_stops_at_its_limits() {
    let mut a = app();
    let width = |a: &App| {
        let c = a.breakeven.view.chart.as_ref().unwrap();
        c.x.1 - c.x.0
    };
    let base = width(&a);
    press(&mut a, "+");
    assert!(width(&a) < base);
    let c = a.breakeven.view.chart.as_ref().unwrap();
    assert!(c.x.0 <= c.current && c.current <= c.x.1);
    for _ in 0..20 {
        press(&mut a, "-");
    }
    assert!(!press(&mut a, "-").redraw, "no further out");
    assert!(width(&a) > base);
}

#[test]
fn x_explains_the_rows_with_the_scenarios_numbers() {
    let mut a = app();
    press(&mut a, "x");
    assert_eq!(a.mode(), Mode::Explain);
    let Some(Overlay::Explain(view)) = a.chrome.overlays.last() else {
        panic!("no explanation")
    };
    let text = view.explanation.lines().join("\n");
    assert!(text.contains("Claude Opus 4.7"), "{text}");
    assert!(text.contains("30 × 5,000,000 / 1,000,000"), "{text}");
    assert!(text.contains("break-even"), "{text}");
    // Left from the first row wraps to the deployment.
    press(&mut a, "Left");
    let Some(Overlay::Explain(ExplainView {
        explanation, row, ..
    })) = a.chrome.overlays.last()
    else {
        panic!("no explanation")
    };
    assert_eq!(*row, 3);
    assert!(
        explanation.title.contains("self-hosted"),
        "{}",
        explanation.title
    );
    press(&mut a, "Esc");
    assert_eq!(a.mode(), Mode::BreakEven);
}

#[test]
fn presets_load_and_show_stated_beside_computed() {
    let mut a = app();
    press(&mut a, "p");
    assert_eq!(a.mode(), Mode::Presets);
    press(&mut a, "Enter");
    let first = a.ctx.presets[0].clone();
    assert_eq!(a.doc.scenario.preset.as_deref(), Some(first.id.as_str()));
    assert_eq!(a.doc.scenario.workload.tokens_per_day, first.tokens_per_day);
    assert_eq!(a.doc.scenario.api_models, first.api);
    let p = a
        .breakeven
        .view
        .preset
        .as_ref()
        .expect("the comparison is shown");
    assert_eq!(p.comparisons.len(), first.stated.len());
    assert!(!p.moved);
    press(&mut a, "Right");
    assert!(a.breakeven.view.preset.as_ref().unwrap().moved);
}
