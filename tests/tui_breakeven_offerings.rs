//! Pane 2 compares any offering (`model@provider`) as an API line: the picker lists a model's
//! offerings cheapest first, refuses free plans, and the chosen line prices, explains and
//! persists exactly as `tierwise cost --api MODEL@PROVIDER` does. No terminal.

mod tui_support;

use tempfile::TempDir;
use tierwise::domain::breakeven::crossover;
use tierwise::domain::catalog::Catalog;
use tierwise::domain::cost::api::{api_choice, is_free};
use tierwise::domain::cost::blended_price;
use tierwise::domain::scenario::Scenario;
use tierwise::store::{SaveOutcome, State, Store};
use tierwise::tui::action::Action;
use tierwise::tui::app::{App, Overlay};
use tierwise::tui::explain_view::ExplainView;
use tierwise::tui::sliders::Field;
use tui_support::press;

const GROQ: &str = "llama-3.3-70b@groq";

fn catalog() -> Catalog {
    tierwise::data::embedded_catalog().unwrap()
}

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
    a.breakeven.list.selected = at.unwrap_or_else(|| panic!("{field:?} is not listed"));
}

/// The ids the open picker lists, in order.
fn picker_ids(a: &App) -> Vec<(String, String, String)> {
    let Some(Overlay::Picker(p)) = a.chrome.overlays.last() else {
        panic!("no picker")
    };
    p.matches
        .iter()
        .map(|&i| {
            let c = &p.choices[i];
            (c.id.clone(), c.label.clone(), c.detail.clone())
        })
        .collect()
}

/// Pick `id` in the empty fourth slot by typing `query` into its picker.
fn add_through_picker(a: &mut App, query: &str, id: &str) {
    select(a, Field::Api(3));
    press(a, "Enter");
    type_text(a, query);
    let ids = picker_ids(a);
    let at = ids.iter().position(|(i, _, _)| i == id);
    let at = at.unwrap_or_else(|| panic!("{id} not among {ids:?}"));
    for _ in 0..at {
        press(a, "Down");
    }
    press(a, "Enter");
}

#[test]
fn the_picker_lists_a_models_offerings_cheapest_first_after_the_model() {
    let mut a = app();
    select(&mut a, Field::Api(3));
    press(&mut a, "Enter");
    let listed = picker_ids(&a);
    let at = listed
        .iter()
        .position(|(id, _, _)| id == "llama-3.3-70b")
        .expect("the model at its listed price");
    let w = a.doc.scenario.workload.clone();
    let catalog = catalog();
    let model = catalog.model("llama-3.3-70b").unwrap();
    let offerings = &listed[at + 1..at + 1 + model.offerings.len()];
    assert!(
        offerings
            .iter()
            .all(|(id, _, _)| id.starts_with("llama-3.3-70b@")),
        "{offerings:?}"
    );
    let prices: Vec<(bool, f64)> = offerings
        .iter()
        .map(|(id, _, _)| {
            let o = model.offerings.iter().find(|o| o.id == *id).unwrap();
            (is_free(&o.price.value), blended_price(&o.price.value, &w))
        })
        .collect();
    assert!(
        prices.windows(2).all(|p| p[0] <= p[1]),
        "paid first, cheapest first: {prices:?}"
    );
    let groq = offerings.iter().find(|(id, _, _)| id == GROQ).unwrap();
    assert_eq!(groq.1, "Llama 3.3 70B · Groq");
    assert!(
        groq.2.contains("host") && groq.2.contains("$0.59 in / $0.79 out"),
        "{groq:?}"
    );
    let free: Vec<_> = offerings
        .iter()
        .filter(|(id, _, _)| {
            is_free(
                &model
                    .offerings
                    .iter()
                    .find(|o| o.id == *id)
                    .unwrap()
                    .price
                    .value,
            )
        })
        .collect();
    assert!(!free.is_empty(), "Llama 3.3 70B has $0 plans in the data");
    assert!(
        free.iter()
            .all(|(_, _, detail)| detail.contains("free plan: refused")),
        "{free:?}"
    );
    // Every listed id resolves (or is a refused free plan), so no row is a dead end.
    for (id, _, _) in &listed {
        match api_choice(&catalog, id) {
            Ok(_) => {}
            Err(e) => assert!(e.to_string().contains("free plan"), "{id}: {e}"),
        }
    }
}

#[test]
fn a_hosted_offering_is_a_line_priced_like_cost_api_model_at_provider() {
    let mut a = app();
    add_through_picker(&mut a, "llama 3.3 70b groq", GROQ);
    assert_eq!(a.doc.scenario.api_models[3], GROQ);
    let line = a.breakeven.view.apis.iter().find(|l| l.id == GROQ).unwrap();
    assert_eq!(line.name, "Llama 3.3 70B · Groq");
    let catalog = catalog();
    let groq = api_choice(&catalog, GROQ).unwrap();
    assert_eq!((line.price.input, line.price.output), (0.59, 0.79));
    let w = &a.doc.scenario.workload;
    let blended = blended_price(&groq.price.value, w);
    assert_eq!(line.blended, blended);
    // Half input at $0.59, half output at $0.79: 0.5 * 0.59 + 0.5 * 0.79 = $0.69/M.
    assert!((blended - 0.69).abs() < 1e-12, "{blended}");
    let d = a.doc.scenario.self_host.resolve_for(&catalog, w).unwrap();
    assert_eq!(line.crossover, crossover(blended, &d));
    // The slider shows the offering, not the bare model.
    let shown = a
        .breakeven
        .view
        .sliders
        .iter()
        .find(|s| s.field == Field::Api(3))
        .unwrap();
    assert_eq!(shown.value, "Llama 3.3 70B · Groq");
    // `x` on that row explains the offering's price.
    select(&mut a, Field::Api(3));
    press(&mut a, "x");
    let Some(Overlay::Explain(ExplainView { explanation, .. })) = a.chrome.overlays.last() else {
        panic!("no explanation")
    };
    let text = explanation.lines().join("\n");
    assert!(text.contains("Llama 3.3 70B · Groq"), "{text}");
    assert!(text.contains("0.59") && text.contains("0.79"), "{text}");
}

#[test]
fn a_free_plan_is_refused_and_changes_nothing() {
    let mut a = app();
    let before = a.doc.scenario.api_models.clone();
    add_through_picker(&mut a, "llama 3.3 70b nvidia", "llama-3.3-70b@nvidia");
    assert_eq!(a.doc.scenario.api_models, before);
    let notice = format!("{:?}", a.chrome.notice);
    assert!(notice.contains("free plan"), "{notice}");
    assert!(notice.contains("llama-3.3-70b@nvidia"), "{notice}");
}

#[test]
fn stepping_an_api_slot_passes_over_free_plans() {
    let mut a = app();
    select(&mut a, Field::Api(3));
    let catalog = catalog();
    // Walk every entry: none of the ids the slot takes is a free plan.
    let mut seen = Vec::new();
    for _ in 0..4000 {
        if !press(&mut a, "Right").redraw {
            break;
        }
        seen.push(a.doc.scenario.api_models[3].clone());
    }
    assert!(seen.len() > 1000, "{} ids stepped", seen.len());
    assert!(
        seen.iter().any(|id| id == GROQ),
        "offerings are stepped too"
    );
    for id in &seen {
        assert!(api_choice(&catalog, id).is_ok(), "{id}");
    }
}

fn state_with(s: Scenario) -> State {
    State {
        revision: 0,
        active: s.name.clone(),
        scenarios: vec![s],
    }
}

fn builtin() -> Scenario {
    let catalog = catalog();
    let cases = tierwise::data::embedded_use_cases(&catalog).unwrap();
    tierwise::store::builtin_scenario(&catalog, &cases)
}

#[test]
fn the_offering_persists_and_survives_a_three_way_merge() {
    let dir = TempDir::new().unwrap();
    let (mut first, _, _) = Store::open(dir.path(), builtin);
    first.save(&state_with(builtin())).unwrap();
    let (mut one, s1, _) = Store::open(dir.path(), builtin);
    let (mut two, s2, _) = Store::open(dir.path(), builtin);
    let mut mine = s1.clone();
    mine.scenarios[0].api_models.push(GROQ.into());
    let mut theirs = s2.clone();
    theirs.scenarios[0].workload.tokens_per_day = 2e7;
    assert_eq!(one.save(&mine), Ok(SaveOutcome::Saved));
    match two.save(&theirs).unwrap() {
        SaveOutcome::Merged { state, .. } => {
            let s = &state.scenarios[0];
            assert!(
                s.api_models.iter().any(|id| id == GROQ),
                "{:?}",
                s.api_models
            );
            assert_eq!(s.workload.tokens_per_day, 2e7);
        }
        other => panic!("expected a merge, got {other:?}"),
    }
    let (_, on_disk, notices) = Store::open(dir.path(), builtin);
    assert!(notices.is_empty(), "{notices:?}");
    let s = &on_disk.scenarios[0];
    assert_eq!(s.api_models.last().map(String::as_str), Some(GROQ));
    assert_eq!(s.workload.tokens_per_day, 2e7);
}

/// Bought fp8 Llama 3.1 70B against Together AI's $0.88/M: the crossing is on a larger replica
/// size than the one sized for today's 5M tokens a day, and `x` must show that size's
/// bill, so that its K_R / a is the break-even it states (it once mixed the two sizes).
#[test]
fn the_explanation_uses_the_replica_size_that_crosses() {
    use tierwise::domain::cost::Mode;
    use tierwise::domain::cost::Precision;
    let mut a = app();
    a.doc.scenario.self_host.settings.mode = Mode::Buy;
    a.doc.scenario.self_host.settings.precision = Precision::Fp8;
    a.doc.scenario.api_models = vec!["llama-3.3-70b@togetherai".into()];
    a.recompute_breakeven();
    let line = &a.breakeven.view.apis[0];
    let v = line
        .crossover
        .break_even_tokens_per_day
        .expect("a crossing");
    let today = a.breakeven.view.deployment.as_ref().unwrap();
    let e = tierwise::tui::breakeven::explanation(&a.breakeven.view, 0).unwrap();
    let step = e.steps.iter().find(|s| s.name == "break-even").unwrap();
    let k: f64 = step
        .numbers
        .split("K_R = $")
        .nth(1)
        .and_then(|rest| rest.split(';').next())
        .map(|n| n.replace(',', ""))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no K_R in {:?}", step.numbers));
    let slope = 30.0 * 0.88 / 1e6;
    assert!(((k / slope) - v).abs() / v < 1e-6, "{k} / {slope} vs {v}");
    let capacity = e
        .steps
        .iter()
        .find(|s| s.name == "replica capacity")
        .unwrap();
    // The crossing size is not today's: the step names the size whose K_R it used.
    let today_size = format!("({} GPU", today.cost.sizing.gpus_per_replica);
    assert!(
        capacity.numbers.contains(" GPUs a replica)"),
        "{capacity:?}"
    );
    assert!(!capacity.numbers.contains(&today_size), "{capacity:?}");
}

#[test]
fn the_picker_lists_the_newest_releases_first() {
    let mut a = app();
    select(&mut a, Field::Api(3));
    press(&mut a, "Enter");
    let catalog = catalog();
    let release = |id: &str| {
        let model = id.split('@').next().unwrap();
        let m = catalog.model(model).unwrap_or_else(|| panic!("{model}"));
        m.release.as_ref().map(|r| r.value.clone())
    };
    let releases: Vec<Option<String>> = picker_ids(&a).iter().map(|(id, ..)| release(id)).collect();
    assert!(releases.len() > 500, "{}", releases.len());
    // Newest first, the models with no known release last.
    let known = releases.iter().take_while(|r| r.is_some()).count();
    assert!(releases[known..].iter().all(Option::is_none));
    assert!(
        releases[..known].windows(2).all(|w| w[0] >= w[1]),
        "not newest first"
    );
    let newest = catalog
        .models
        .iter()
        .filter(|m| m.price.is_some() || !m.offerings.is_empty());
    let newest = newest
        .filter_map(|m| m.release.as_ref())
        .map(|r| r.value.clone())
        .max();
    assert_eq!(releases[0], newest);
}
