//! Pane 3's cheapest compliant plan: the search is asked for off the loop when the pane shows
//! inputs it has not searched, its answer is shown only while the inputs are the same, `O`
//! applies it and `u` undoes it; the strip and the break-even are drawn.

mod tui_support;

use tierwise::data::embedded_catalog;
use tierwise::domain::optimize::{Outcome as Found, analyse};
use tierwise::tui::action::{Action, Effect};
use tierwise::tui::app::{App, Outcome};
use tierwise::tui::keymap::Keymap;
use tierwise::tui::optimum::OptimumDone;
use tierwise::tui::theme::Theme;
use tui_support::{case, press, screen};

/// The search effects an outcome asks for, run here as the loop's job would.
fn perform(a: &mut App, outcome: Outcome) -> usize {
    let mut ran = 0;
    for e in outcome.effects {
        if let Effect::Optimize(job) = e {
            let result =
                analyse(&job.catalog, &job.rules, &job.scenario).map_err(|e| e.to_string());
            let done = OptimumDone {
                scenario: job.scenario,
                result,
            };
            let next = a.update(Action::Optimized(Box::new(done)));
            ran += 1 + perform(a, next);
        }
    }
    ran
}

fn app(w: u16, h: u16) -> (App, Outcome) {
    let mut a = App::new(
        embedded_catalog().unwrap(),
        Keymap::embedded().unwrap(),
        Theme::builtin("dark").unwrap(),
        (w, h),
    );
    let outcome = press(&mut a, "3");
    (a, outcome)
}

fn text(a: &App) -> String {
    screen(a).join("\n")
}

#[test]
fn pane_three_asks_for_one_search_and_shows_its_answer() {
    let (mut a, outcome) = app(80, 24);
    let asked = outcome
        .effects
        .iter()
        .filter(|e| matches!(e, Effect::Optimize(_)))
        .count();
    assert_eq!(asked, 1);
    assert!(a.optimum.running);
    assert!(text(&a).contains("being worked out"), "{}", text(&a));
    // Another key while it runs asks for nothing more.
    let again = press(&mut a, "j");
    assert!(
        !again
            .effects
            .iter()
            .any(|e| matches!(e, Effect::Optimize(_)))
    );
    assert_eq!(perform(&mut a, outcome), 1);
    let shown = text(&a);
    assert!(shown.contains("Cheapest compliant"), "{shown}");
    assert!(shown.contains("O applies"), "{shown}");
    assert!(shown.contains('▲'), "the strip marks the volume: {shown}");
    assert!(
        shown.contains("pays from"),
        "the totals carry the break-even: {shown}"
    );
}

#[test]
fn a_stale_answer_is_never_shown_as_current() {
    let (mut a, outcome) = app(120, 34);
    perform(&mut a, outcome);
    let before = text(&a);
    assert!(
        before.contains("Cheapest compliant plan $4.5K/month"),
        "{before}"
    );
    // Move a use case: the answer is for the old inputs now.
    let i = case(&a, "RAG");
    for _ in 0..i {
        press(&mut a, "j");
    }
    let moved = press(&mut a, "<");
    let now = text(&a);
    assert!(!now.contains("$4.5K/month"), "{now}");
    assert!(now.contains("being worked out"), "{now}");
    assert!(!now.contains("pays from"), "{now}");
    // Applying is refused until the new answer comes.
    press(&mut a, "O");
    assert_eq!(a.doc.scenario.use_cases[i].tier, 1);
    // The move asked for a search of the new inputs; its answer is current again.
    assert_eq!(perform(&mut a, moved), 1);
    assert!(a.optimum.current(&a.doc.scenario).is_some());
    assert!(text(&a).contains("Cheapest compliant"));
}

#[test]
fn o_applies_the_optimum_and_u_undoes_it() {
    let (mut a, outcome) = app(80, 24);
    perform(&mut a, outcome);
    let before = a.doc.scenario.clone();
    let cost = |a: &App| a.hybrid.plan().unwrap().hybrid_usd_per_month;
    let old = cost(&a);
    let Some(Found::Optimal(o)) = a
        .optimum
        .current(&a.doc.scenario)
        .map(|x| x.outcome.clone())
    else {
        panic!("the default scenario has an optimum");
    };
    let applied = press(&mut a, "O");
    assert!((cost(&a) - o.plan.hybrid_usd_per_month).abs() < 1e-6);
    assert!(cost(&a) < old);
    assert!(text(&a).contains("applied"), "{}", text(&a));
    // A tier bought through an API is named by the model it buys.
    assert!(text(&a).contains("│ MiniMax M2.7"), "{}", text(&a));
    // The applied plan is searched again and is its own optimum.
    perform(&mut a, applied);
    assert!(
        text(&a).contains("Cheapest compliant plan: this one"),
        "{}",
        text(&a)
    );
    let undone = press(&mut a, "u");
    assert!(
        undone
            .effects
            .iter()
            .any(|e| matches!(e, Effect::Optimize(_))),
        "undo searches the restored plan"
    );
    assert_eq!(a.doc.scenario.use_cases, before.use_cases);
    assert_eq!(a.doc.scenario.tiers, before.tiers);
    assert!((cost(&a) - old).abs() < 1e-9);
}

#[test]
fn f_lists_what_moves_and_why_and_the_bands() {
    let (mut a, outcome) = app(120, 40);
    perform(&mut a, outcome);
    press(&mut a, "F");
    let shown = text(&a);
    assert!(shown.contains("What moves (O applies it):"), "{shown}");
    assert!(
        shown.contains(
            "• Multimodal and video analysis: tier 1: Claude Opus 4.7 (api) → tier 2: Qwen 3.5 \
             397B-A17B ·"
        ),
        "{shown}"
    );
    assert!(shown.contains("Where the answer changes:"), "{shown}");
    assert!(shown.contains("• 1K to "), "{shown}");
}

#[test]
fn snapshots_with_the_answer() {
    for (w, h) in [(80u16, 24u16), (250, 70)] {
        let (mut a, outcome) = app(w, h);
        perform(&mut a, outcome);
        insta::assert_snapshot!(format!("optimum_{w}x{h}"), screen(&a).join("\n"));
    }
}

#[test]
fn an_answer_that_arrives_after_leaving_pane_three_draws_no_frame() {
    let (mut a, outcome) = app(80, 24);
    // The user goes to pane 2 while the search runs; its answer then changes nothing on
    // screen, so it must not send a frame (over SSH every frame costs bytes).
    press(&mut a, "2");
    let job = outcome
        .effects
        .into_iter()
        .find_map(|e| match e {
            Effect::Optimize(job) => Some(job),
            _ => None,
        })
        .expect("pane 3 asked for a search");
    let result = analyse(&job.catalog, &job.rules, &job.scenario).map_err(|e| e.to_string());
    let done = OptimumDone {
        scenario: job.scenario,
        result,
    };
    let after = a.update(Action::Optimized(Box::new(done)));
    assert!(!after.redraw, "no frame for an answer pane 2 does not show");
    // Back in pane 3 the answer is there at once, with no new search.
    let back = press(&mut a, "3");
    assert!(back.redraw);
    assert!(
        !back
            .effects
            .iter()
            .any(|e| matches!(e, Effect::Optimize(_))),
        "the answer is current: no second search"
    );
    assert!(text(&a).contains("Cheapest compliant"), "{}", text(&a));
}
