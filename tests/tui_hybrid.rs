//! The hybrid pane's update: moves between tiers, share edits, add/delete/undo, the field
//! editor, focus, and that what it shows is the domain plan.

mod tui_support;

use tierwise::domain::hybrid::plan;
use tierwise::domain::rules::{Sensitivity, Severity};
use tierwise::domain::units::format_usd;
use tierwise::domain::usecase::{Capability, Quality};
use tierwise::tui::app::Overlay;
use tierwise::tui::hybrid::Focus;
use tierwise::tui::keymap::Mode;
use tui_support::{app, case, keys, press, screen, shares, type_text};

fn select(a: &mut tierwise::tui::app::App, i: usize) {
    press(a, "g");
    for _ in 0..i {
        press(a, "j");
    }
    assert_eq!(a.hybrid.selected, i);
}

fn sum(v: &[f64]) -> f64 {
    v.iter().sum()
}

#[test]
fn opens_on_the_table_with_the_default_routing() {
    let a = app(80, 24);
    assert_eq!(a.mode(), Mode::Hybrid);
    assert_eq!(a.hybrid.focus, Focus::Table);
    let tier = |n: &str| a.doc.scenario.use_cases[case(&a, n)].tier;
    assert_eq!(tier("health"), 3);
    assert_eq!(tier("Coding"), 1);
    assert_eq!(tier("RAG"), 2);
    assert!(a.hybrid.plan().is_some());
}

#[test]
fn moves_go_one_tier_at_a_time_and_stop_at_the_ends() {
    let mut a = app(80, 24);
    let i = case(&a, "RAG");
    select(&mut a, i);
    press(&mut a, "<");
    assert_eq!(a.doc.scenario.use_cases[i].tier, 1);
    assert!(!press(&mut a, "<").redraw, "tier 1 is the first");
    assert_eq!(a.doc.scenario.use_cases[i].tier, 1);
    keys(&mut a, &[">", ">"]);
    assert_eq!(a.doc.scenario.use_cases[i].tier, 3);
    assert!(!press(&mut a, ">").redraw, "tier 3 is the last");
    assert_eq!(a.hybrid.tier, 2, "the tier boxes follow the move");
    // The plan moved with it: tier 3 now carries RAG's share too.
    let p = a.hybrid.plan().unwrap();
    let expected = p.shares[i] + p.shares[case(&a, "health")];
    assert!((p.tiers[2].share - expected).abs() < 1e-9);
}

#[test]
fn regulated_data_moved_to_the_api_tier_blocks_at_once() {
    let mut a = app(80, 24);
    let i = case(&a, "health");
    assert_eq!(
        a.doc.scenario.use_cases[i].sensitivity(),
        Sensitivity::Regulated
    );
    let blocks = |a: &tierwise::tui::app::App| {
        a.hybrid
            .plan()
            .unwrap()
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Block && f.subject.starts_with("tier 1"))
            .count()
    };
    assert_eq!(blocks(&a), 0);
    select(&mut a, i);
    keys(&mut a, &["<", "<"]);
    assert_eq!(a.doc.scenario.use_cases[i].tier, 1, "the move is allowed");
    assert!(blocks(&a) > 0, "and produces a block finding");
    let notice = a.chrome.notice.clone().unwrap();
    assert!(
        notice.contains("[BLOCK] regulated-data-external-api"),
        "{notice}"
    );
    let rows = screen(&a);
    assert!(rows.iter().any(|r| r.contains("[BLOCK]")), "{rows:#?}");
    // Moving it back clears the finding.
    keys(&mut a, &[">", ">"]);
    assert_eq!(blocks(&a), 0);
}

trait Sens {
    fn sensitivity(&self) -> Sensitivity;
}
impl Sens for tierwise::domain::scenario::PlannedUseCase {
    fn sensitivity(&self) -> Sensitivity {
        self.use_case.sensitivity
    }
}

#[test]
fn a_new_block_finding_scrolls_the_findings_strip_back_to_the_top() {
    let mut a = app(80, 24);
    let i = case(&a, "health");
    // Scroll the strip down, then go back to the table.
    press(&mut a, "Tab");
    assert_eq!(a.hybrid.focus, Focus::Findings);
    keys(&mut a, &["j", "j"]);
    assert!(a.hybrid.findings_offset > 0, "the strip scrolled");
    keys(&mut a, &["Tab", "Tab"]);
    assert_eq!(a.hybrid.focus, Focus::Table);
    select(&mut a, i);
    keys(&mut a, &["<", "<"]);
    assert_eq!(a.hybrid.findings_offset, 0);
    let rows = screen(&a);
    assert!(rows.iter().any(|r| r.contains("[BLOCK]")), "{rows:#?}");
}

#[test]
fn plus_and_minus_step_the_share_and_the_others_rescale() {
    let mut a = app(80, 24);
    let before = shares(&a);
    assert!((sum(&before) - 1.0).abs() < 1e-9);
    let i = case(&a, "RAG");
    select(&mut a, i);
    press(&mut a, "+");
    let after = shares(&a);
    assert!((after[i] - (before[i] + 0.05)).abs() < 1e-9);
    assert!((sum(&after) - 1.0).abs() < 1e-9);
    // The others keep their proportions.
    let j = case(&a, "Coding");
    let k = case(&a, "health");
    assert!((after[j] / after[k] - before[j] / before[k]).abs() < 1e-9);
    for _ in 0..30 {
        press(&mut a, "-");
    }
    assert_eq!(shares(&a)[i], 0.0, "a share stops at 0");
    assert!(!press(&mut a, "-").redraw);
    for _ in 0..30 {
        press(&mut a, "+");
    }
    let s = shares(&a);
    assert!((s[i] - 1.0).abs() < 1e-9, "and at 1: {s:?}");
    assert!((sum(&s) - 1.0).abs() < 1e-9);
    // From 100% back down, the others split what is freed evenly.
    press(&mut a, "-");
    let s = shares(&a);
    assert!((s[j] - 0.05 / 6.0).abs() < 1e-9, "{s:?}");
}

#[test]
fn add_delete_and_undo() {
    let mut a = app(80, 24);
    let original = a.doc.scenario.use_cases.clone();
    press(&mut a, "a");
    assert_eq!(a.doc.scenario.use_cases.len(), 8);
    let new = a.doc.scenario.use_cases.last().unwrap();
    assert_eq!(new.use_case.name, "New use case");
    assert_eq!(
        new.tier, 2,
        "internal, standard quality: the default routing says tier 2"
    );
    assert!((new.use_case.share - 0.05).abs() < 1e-9);
    assert!((sum(&shares(&a)) - 1.0).abs() < 1e-9);
    assert_eq!(a.hybrid.selected, 7, "the new row is selected");
    press(&mut a, "a");
    assert_eq!(a.doc.scenario.use_cases[8].use_case.name, "New use case 2");

    select(&mut a, 0);
    let first = a.doc.scenario.use_cases[0].use_case.name.clone();
    press(&mut a, "d");
    assert_eq!(a.doc.scenario.use_cases.len(), 8);
    assert!(
        a.doc
            .scenario
            .use_cases
            .iter()
            .all(|c| c.use_case.name != first)
    );
    assert!((sum(&shares(&a)) - 1.0).abs() < 1e-9);

    keys(&mut a, &["u", "u", "u"]);
    assert_eq!(a.doc.scenario.use_cases.len(), original.len());
    for (got, want) in a.doc.scenario.use_cases.iter().zip(&original) {
        assert_eq!(got.use_case.name, want.use_case.name);
        assert_eq!(got.tier, want.tier);
        assert!((got.use_case.share - want.use_case.share).abs() < 1e-9);
    }
    press(&mut a, "u");
    assert_eq!(a.chrome.notice.as_deref(), Some("nothing to undo"));
}

#[test]
fn the_last_use_case_cannot_be_deleted() {
    let mut a = app(80, 24);
    for _ in 0..6 {
        press(&mut a, "d");
    }
    assert_eq!(a.doc.scenario.use_cases.len(), 1);
    press(&mut a, "d");
    assert_eq!(a.doc.scenario.use_cases.len(), 1);
    assert!((a.doc.scenario.use_cases[0].use_case.share - 1.0).abs() < 1e-9);
    assert!(!press(&mut a, "+").redraw, "a single use case keeps 100%");
}

#[test]
fn undo_reverts_a_move_and_a_share_edit_in_order() {
    let mut a = app(80, 24);
    let i = case(&a, "RAG");
    select(&mut a, i);
    let before = a.doc.scenario.use_cases.clone();
    keys(&mut a, &["<", "+"]);
    press(&mut a, "u");
    assert_eq!(
        a.doc.scenario.use_cases[i].tier, 1,
        "the share edit goes first"
    );
    press(&mut a, "u");
    assert_eq!(a.doc.scenario.use_cases, before);
}

#[test]
fn reroute_restores_the_default_routing() {
    let mut a = app(80, 24);
    let routed = a.doc.scenario.use_cases.clone();
    press(&mut a, "R");
    assert_eq!(
        a.chrome.notice.as_deref(),
        Some("already on the default routing")
    );
    keys(&mut a, &["<", "j", ">", "j", ">"]);
    assert_ne!(a.doc.scenario.use_cases, routed);
    press(&mut a, "R");
    let tiers = |v: &[tierwise::domain::scenario::PlannedUseCase]| {
        v.iter().map(|c| c.tier).collect::<Vec<_>>()
    };
    assert_eq!(tiers(&a.doc.scenario.use_cases), tiers(&routed));
}

#[test]
fn rename_with_the_one_line_editor() {
    let mut a = app(80, 24);
    press(&mut a, "r");
    assert_eq!(a.mode(), Mode::UseCaseText);
    // The field is a text field: q and digits are text, not quit or pane keys.
    for _ in 0.."Coding assistance".len() {
        press(&mut a, "Backspace");
    }
    press(&mut a, "Enter");
    let err = match a.chrome.overlays.last() {
        Some(Overlay::UseCase(e)) => e.text.as_ref().unwrap().error.clone().unwrap(),
        other => panic!("{other:?}"),
    };
    assert!(err.starts_with("name:"), "{err}");
    type_text(&mut a, "Code q3");
    press(&mut a, "Enter");
    assert!(
        a.chrome.overlays.is_empty(),
        "r closes after the name is set"
    );
    assert_eq!(a.doc.scenario.use_cases[0].use_case.name, "Code q3");
    press(&mut a, "u");
    assert_eq!(
        a.doc.scenario.use_cases[0].use_case.name,
        "Coding assistance"
    );
}

#[test]
fn the_field_editor_cycles_toggles_and_validates_typed_values() {
    let mut a = app(80, 24);
    let i = case(&a, "RAG");
    select(&mut a, i);
    press(&mut a, "Enter");
    assert_eq!(a.mode(), Mode::UseCase);
    // input share: type a bad value, see the error, then a good one.
    keys(&mut a, &["j", "j", "Enter"]);
    assert_eq!(a.mode(), Mode::UseCaseText);
    for _ in 0..5 {
        press(&mut a, "Backspace");
    }
    type_text(&mut a, "150%");
    press(&mut a, "Enter");
    let rows = screen(&a).join("\n");
    assert!(
        rows.contains("input share: \"150%\" is not allowed"),
        "{rows}"
    );
    for _ in 0..4 {
        press(&mut a, "Backspace");
    }
    type_text(&mut a, "0.4");
    press(&mut a, "Enter");
    assert_eq!(a.mode(), Mode::UseCase);
    assert!((a.doc.scenario.use_cases[i].use_case.input_share - 0.4).abs() < 1e-12);
    // sensitivity cycles; quality cycles back; multimodal toggles.
    keys(&mut a, &["j", "l"]);
    assert_eq!(
        a.doc.scenario.use_cases[i].use_case.sensitivity,
        Sensitivity::Confidential
    );
    keys(&mut a, &["j", "h"]);
    assert_eq!(a.doc.scenario.use_cases[i].use_case.quality, Quality::Basic);
    keys(&mut a, &["j", "Space"]);
    assert_eq!(
        a.doc.scenario.use_cases[i].use_case.needs,
        [Capability::Multimodal]
    );
    // share typed as a percentage renormalizes the others.
    keys(&mut a, &["g", "j", "Enter"]);
    for _ in 0..5 {
        press(&mut a, "Backspace");
    }
    type_text(&mut a, "50%");
    press(&mut a, "Enter");
    let s = shares(&a);
    assert!(
        (s[i] - 0.5).abs() < 1e-12 && (sum(&s) - 1.0).abs() < 1e-9,
        "{s:?}"
    );
    press(&mut a, "Esc");
    assert!(a.chrome.overlays.is_empty());
}

#[test]
fn sensitivity_set_to_regulated_on_the_api_tier_blocks() {
    let mut a = app(80, 24);
    // Coding assistance is on tier 1 with confidential data.
    press(&mut a, "Enter");
    keys(&mut a, &["j", "j", "j", "l"]);
    assert_eq!(
        a.doc.scenario.use_cases[0].use_case.sensitivity,
        Sensitivity::Regulated
    );
    let p = a.hybrid.plan().unwrap();
    assert!(p.findings.iter().any(|f| f.severity == Severity::Block));
}

#[test]
fn each_tier_shows_the_domain_plans_cost() {
    for (w, h) in [(80, 24), (200, 50)] {
        let a = app(w, h);
        let p = plan(&a.ctx.catalog, &a.ctx.rules, &a.doc.scenario).unwrap();
        assert_eq!(a.hybrid.plan(), Some(&p), "the cached plan is the domain's");
        let rows = screen(&a);
        let boxes = &rows[3..3 + if h > 40 { 9 } else { 4 }];
        let third = usize::from(w / 3);
        for (i, tier) in p.tiers.iter().enumerate() {
            let text: String = boxes
                .iter()
                .map(|r| r.chars().skip(i * third).take(third).collect::<String>())
                .collect();
            let shown = if h > 40 {
                tierwise::domain::units::format_usd_full(tier.usd_per_month)
            } else {
                format_usd(tier.usd_per_month)
            };
            assert!(text.contains(&shown), "tier {}: {shown} in {text}", i + 1);
        }
        let totals = rows.iter().find(|r| r.contains(" Hybrid $")).unwrap();
        assert!(
            totals.contains(&format_usd(p.hybrid_usd_per_month)),
            "{totals}"
        );
    }
}

#[test]
fn volume_from_the_shared_scenario_moves_the_plan() {
    let mut a = app(80, 24);
    let before = a.hybrid.plan().unwrap().tiers[0].usd_per_month;
    // Pane 2 edits the same scenario; any update picks the change up.
    a.doc.scenario.workload.tokens_per_day *= 10.0;
    press(&mut a, "j");
    let after = a.hybrid.plan().unwrap().tiers[0].usd_per_month;
    assert!((after - 10.0 * before).abs() < 1e-6 * after);
    assert!(screen(&a)[1].contains("50M tokens/day"));
}

#[test]
fn region_and_sector_change_the_findings() {
    let mut a = app(80, 24);
    let before = a.hybrid.plan().unwrap().findings.clone();
    a.doc.scenario.region = "eu".into();
    a.doc.scenario.sector = "healthcare".into();
    press(&mut a, "j");
    let after = &a.hybrid.plan().unwrap().findings;
    assert_ne!(&before, after);
    assert!(after.iter().any(|f| f.rule.starts_with("eu-")));
    // Worst first.
    assert!(after.windows(2).all(|w| w[0].severity >= w[1].severity));
}

#[test]
fn a_plan_error_shows_in_its_tier_box_and_keeps_the_scenario() {
    let mut a = app(80, 24);
    a.doc.scenario.tiers.small.gpu = "no-such-gpu".into();
    press(&mut a, "j");
    let view = a.hybrid.view.as_ref().unwrap();
    let err = view.plan.as_ref().unwrap_err();
    assert_eq!(err.tier, Some(2));
    assert_eq!(err.error.field, "gpu");
    let rows = screen(&a);
    let third: String = rows[3..8]
        .iter()
        .map(|r| r.chars().skip(52).collect::<String>())
        .collect();
    assert!(third.contains("--gpu"), "{rows:#?}");
    assert_eq!(
        a.doc.scenario.tiers.small.gpu, "no-such-gpu",
        "nothing lost"
    );
    // Edits still work, and the plan comes back once the input is fixed.
    press(&mut a, "+");
    a.doc.scenario.tiers.small.gpu = "a100-80gb".into();
    press(&mut a, "j");
    assert!(a.hybrid.plan().is_some());
}

#[test]
fn tab_cycles_focus_and_keys_follow_it() {
    let mut a = app(80, 24);
    press(&mut a, "Tab");
    assert_eq!(a.hybrid.focus, Focus::Findings);
    press(&mut a, "Tab");
    assert_eq!(a.hybrid.focus, Focus::Tiers);
    keys(&mut a, &["l", "l", "l"]);
    assert_eq!(a.hybrid.tier, 2);
    press(&mut a, "j");
    assert_eq!(a.hybrid.selected, 0, "j moves nothing on the tier boxes");
    press(&mut a, "Shift-Tab");
    assert_eq!(a.hybrid.focus, Focus::Findings);
    keys(&mut a, &["Tab", "Tab"]);
    assert_eq!(a.hybrid.focus, Focus::Table);
}

#[test]
fn the_findings_list_opens_scrolls_and_names_sources() {
    let mut a = app(80, 24);
    a.doc.scenario.region = "eu".into();
    press(&mut a, "F");
    assert_eq!(a.mode(), Mode::Findings);
    let rows = screen(&a).join("\n");
    assert!(rows.contains("source: "), "{rows}");
    for _ in 0..500 {
        press(&mut a, "j");
    }
    let Some(Overlay::Findings { scroll }) = a.chrome.overlays.last() else {
        panic!()
    };
    assert!(*scroll > 0, "long lists scroll");
    assert!(*scroll < 500, "and stop at the end");
    press(&mut a, "Esc");
    assert!(a.chrome.overlays.is_empty());
}

#[test]
fn m_picks_a_model_among_the_eligible_ones_only() {
    let mut a = app(80, 24);
    // On the table, m picks the selected use case's tier: Coding assistance is on tier 1.
    press(&mut a, "m");
    assert_eq!(a.mode(), Mode::Picker);
    let ids: Vec<String> = match a.chrome.overlays.last() {
        Some(Overlay::TierPicker { tier: 0, picker }) => {
            picker.choices.iter().map(|c| c.id.clone()).collect()
        }
        other => panic!("{other:?}"),
    };
    for id in &ids {
        let m = a.ctx.catalog.model(id).unwrap();
        assert!(!m.is_open_weights() || m.price.is_some(), "{id}");
    }
    // Phi-4 now has hosted prices; Mistral Large 2 has weights and no API price.
    assert!(
        !ids.iter().any(|id| id == "mistral-large-2"),
        "no unpriced open model on tier 1"
    );
    type_text(&mut a, "gpt-5.5");
    press(&mut a, "Enter");
    assert_eq!(a.doc.scenario.tiers.frontier, "gpt-5.5");
    let p = plan(&a.ctx.catalog, &a.ctx.rules, &a.doc.scenario).unwrap();
    assert_eq!(a.hybrid.plan(), Some(&p), "recomputed at once");
    assert_eq!(p.tiers[0].model, "gpt-5.5");

    // Tier 3 from the tier boxes: open weights with a parameter count only.
    keys(&mut a, &["Tab", "Tab", "l", "l", "m"]);
    let Some(Overlay::TierPicker { tier: 2, picker }) = a.chrome.overlays.last() else {
        panic!("{:?}", a.chrome.overlays.last())
    };
    assert!(
        picker
            .choices
            .iter()
            .all(|c| a.ctx.catalog.model(&c.id).unwrap().can_self_host())
    );
    assert!(!picker.choices.iter().any(|c| c.id == "gpt-5.5"));
    type_text(&mut a, "llama-3.1-8b");
    press(&mut a, "Enter");
    assert_eq!(a.doc.scenario.tiers.small.model, "llama-3.1-8b");
    assert_eq!(
        a.hybrid.view.as_ref().unwrap().model_names[2],
        "Llama 3.1 8B"
    );
}

#[test]
fn a_tiers_deployment_uses_the_break_even_sliders() {
    let mut a = app(80, 24);
    keys(&mut a, &["Shift-Tab", "l", "Enter"]);
    assert_eq!(a.mode(), Mode::TierSettings);
    let before = a.hybrid.plan().unwrap().tiers[1].usd_per_month;
    // Down to "rent or buy", switch to buying: the tier's bill changes at once.
    keys(&mut a, &["j", "j", "j", "l"]);
    assert_eq!(
        a.doc.scenario.tiers.large.settings.mode,
        tierwise::domain::cost::Mode::Buy
    );
    let after = a.hybrid.plan().unwrap().tiers[1].usd_per_month;
    assert_ne!(before, after);
    assert_eq!(
        a.doc.scenario.self_host.settings.mode,
        tierwise::domain::cost::Mode::Rent,
        "pane 2's own deployment is untouched"
    );
    // A typed value out of range is refused in the editor, naming the field.
    keys(&mut a, &["j", "Enter"]);
    assert_eq!(a.mode(), Mode::Editor);
    for _ in 0..10 {
        press(&mut a, "Backspace");
    }
    type_text(&mut a, "-5");
    press(&mut a, "Enter");
    let Some(Overlay::TierSettings(s)) = a.chrome.overlays.last() else {
        panic!()
    };
    let err = s.editor.as_ref().unwrap().error.clone().unwrap();
    assert!(err.contains("gpu-price"), "{err}");
    keys(&mut a, &["Esc", "Esc"]);
    assert!(a.chrome.overlays.is_empty());
    assert_eq!(a.mode(), Mode::Hybrid);
}
