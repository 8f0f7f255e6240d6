//! The break-even pane's numbers equal what `tierwise cost --format json` prints for the same
//! inputs, over several scenarios reached through the pane's own keys and presets.

mod cli_support;

use cli_support::json;
use tierwise::domain::scenario::Scenario;
use tierwise::tui::action::Action;
use tierwise::tui::app::App;
use tierwise::tui::keymap::{Key, Keymap};
use tierwise::tui::theme::Theme;

fn app() -> App {
    let catalog = tierwise::data::embedded_catalog().unwrap();
    let mut a = App::new(
        catalog,
        Keymap::embedded().unwrap(),
        Theme::builtin("dark").unwrap(),
        (120, 40),
    );
    a.update(Action::ShowPane(2));
    a
}

fn press(a: &mut App, keys: &[&str]) {
    for k in keys {
        match a.key_action(Key::parse(k).unwrap()) {
            Some(action) => {
                a.update(action);
            }
            None if k.chars().count() == 1 => {
                a.update(Action::Input(k.chars().next().unwrap()));
            }
            None => panic!("{k} does nothing"),
        }
    }
}

/// Type an exact value into the selected slider.
fn type_value(a: &mut App, text: &str) {
    press(a, &["Enter", "Ctrl-u"]);
    for c in text.chars() {
        a.update(Action::Input(c));
    }
    press(a, &["Enter"]);
    assert!(a.breakeven.editor.is_none(), "{text} was refused");
}

fn select(a: &mut App, label: &str) {
    press(a, &["Home"]);
    for _ in 0..40 {
        if a.breakeven.view.sliders[a.breakeven.list.selected].label == label {
            return;
        }
        press(a, &["Down"]);
    }
    panic!("no slider {label}");
}

/// The `tierwise cost` arguments for the scenario's break-even inputs.
fn cli_args(s: &Scenario) -> Vec<String> {
    let st = &s.self_host.settings;
    let w = &s.workload;
    let mut args: Vec<String> = vec!["cost".into(), "--format".into(), "json".into()];
    for id in &s.api_models {
        args.extend(["--api".into(), id.clone()]);
    }
    let mut opt = |name: &str, v: String| args.extend([format!("--{name}"), v]);
    opt("self-host", s.self_host.model.clone());
    opt("gpu", s.self_host.gpu.clone());
    opt("tokens-per-day", w.tokens_per_day.to_string());
    opt("input-share", w.input_share.to_string());
    opt("prompt-tokens", w.prompt_tokens.to_string());
    opt("mode", st.mode.as_str().into());
    opt("precision", st.precision.as_str().into());
    opt("kv-overhead", st.kv_overhead.to_string());
    opt("efficiency", st.efficiency.to_string());
    opt("utilization", st.utilization.to_string());
    opt("min-replicas", st.min_replicas.to_string());
    if let Some(t) = st.throughput {
        opt("throughput", t.to_string());
    }
    if let Some(p) = st.gpu_hour_price {
        opt("gpu-hour-price", p.to_string());
    }
    if let Some(p) = st.gpu_price {
        opt("gpu-price", p.to_string());
    }
    if let Some(w) = st.power_watts {
        opt("power-watts", w.to_string());
    }
    opt("years", st.years.to_string());
    opt("pue", st.pue.to_string());
    opt("power-price", st.power_price.to_string());
    opt("colo", st.colo.to_string());
    opt("fte", st.fte.to_string());
    opt("salary", st.salary.to_string());
    opt("overhead", st.overhead.to_string());
    args
}

fn opt_f64(v: &serde_json::Value) -> Option<f64> {
    v.as_f64()
}

/// Equal to the last bit or two: serde_json's default float parser may land one unit in the
/// last place away from the printed shortest form, so exact equality would test the parser.
fn same(cli: Option<f64>, pane: Option<f64>, what: &str) {
    match (cli, pane) {
        (Some(c), Some(p)) => assert!(
            (c - p).abs() <= 1e-12 * c.abs().max(p.abs()),
            "{what}: cli {c} vs pane {p}"
        ),
        (c, p) => assert_eq!(c, p, "{what}"),
    }
}

/// Every figure the pane shows against the CLI's JSON, exactly.
fn assert_same_as_cli(a: &App) {
    let args = cli_args(&a.doc.scenario);
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let doc = json(&refs);
    let view = &a.breakeven.view;
    let d = view.deployment.as_ref().expect("the deployment resolves");
    let sh = &doc["self_host"];
    let z = &d.cost.sizing;
    same(
        sh["usd_per_month"].as_f64(),
        Some(d.cost.usd_per_month),
        "self-host $/month",
    );
    same(
        sh["usd_per_million_tokens"].as_f64(),
        Some(d.cost.usd_per_million_tokens),
        "self-host $/M",
    );
    same(
        sh["infra_usd_per_month"].as_f64(),
        Some(d.cost.infra_usd_per_month),
        "infra",
    );
    assert_eq!(
        sh["gpus_per_replica"].as_u64(),
        Some(u64::from(z.gpus_per_replica))
    );
    assert_eq!(sh["replicas"].as_u64(), Some(u64::from(z.replicas)));
    assert_eq!(sh["gpus"].as_u64(), Some(u64::from(z.gpus)));
    same(
        sh["throughput_tokens_per_s"].as_f64(),
        Some(z.replica_tokens_per_s),
        "throughput",
    );
    assert_eq!(
        sh["throughput_source"].as_str(),
        Some(z.throughput_source.as_str())
    );
    let api = doc["api"].as_array().unwrap();
    assert_eq!(api.len(), view.apis.len());
    for (j, line) in api.iter().zip(&view.apis) {
        assert_eq!(j["model"].as_str(), Some(line.id.as_str()));
        same(
            j["blended_usd_per_million"].as_f64(),
            Some(line.blended),
            &line.id,
        );
        same(
            j["usd_per_month"].as_f64(),
            Some(line.usd_per_month),
            &line.id,
        );
        same(
            opt_f64(&j["break_even_tokens_per_day"]),
            line.crossover.break_even_tokens_per_day,
            &format!("{} break-even", line.id),
        );
        same(
            opt_f64(&j["stays_cheaper_from_tokens_per_day"]),
            line.crossover.stays_cheaper_from_tokens_per_day,
            &format!("{} stays cheaper from", line.id),
        );
    }
}

#[test]
fn the_default_scenario_matches_the_cli() {
    let a = app();
    assert_eq!(a.breakeven.view.apis.len(), 3);
    assert_same_as_cli(&a);
}

#[test]
fn stepped_volume_and_share_match_the_cli() {
    let mut a = app();
    press(&mut a, &["Right", "Right", "Right"]);
    assert_eq!(a.doc.scenario.workload.tokens_per_day, 5e7);
    press(&mut a, &["Down", "Right", "Right"]);
    assert_eq!(a.doc.scenario.workload.input_share, 0.6);
    assert_same_as_cli(&a);
}

#[test]
fn typed_deployment_settings_match_the_cli() {
    let mut a = app();
    select(&mut a, "GPU-hour");
    type_value(&mut a, "3.1");
    select(&mut a, "min replicas");
    type_value(&mut a, "2");
    select(&mut a, "throughput");
    type_value(&mut a, "2500");
    select(&mut a, "overhead");
    type_value(&mut a, "15%");
    select(&mut a, "volume");
    type_value(&mut a, "750M");
    assert_same_as_cli(&a);
}

#[test]
fn buying_with_a_different_gpu_and_precision_matches_the_cli() {
    let mut a = app();
    select(&mut a, "rent or buy");
    press(&mut a, &["Right"]);
    assert_eq!(a.doc.scenario.self_host.settings.mode.as_str(), "buy");
    select(&mut a, "precision");
    press(&mut a, &["Right", "Right"]);
    select(&mut a, "GPU");
    press(&mut a, &["Enter"]);
    for c in "a100-80".chars() {
        a.update(Action::Input(c));
    }
    press(&mut a, &["Enter"]);
    assert_eq!(a.doc.scenario.self_host.gpu, "a100-80gb");
    select(&mut a, "PUE");
    press(&mut a, &["Shift-Right"]);
    assert_same_as_cli(&a);
}

#[test]
fn every_article_preset_matches_the_cli() {
    let mut a = app();
    for i in 0..a.ctx.presets.len() {
        press(&mut a, &["p", "Home"]);
        for _ in 0..i {
            press(&mut a, &["Down"]);
        }
        press(&mut a, &["Enter"]);
        assert_eq!(
            a.doc.scenario.preset.as_deref(),
            Some(a.ctx.presets[i].id.as_str())
        );
        assert_same_as_cli(&a);
    }
}
