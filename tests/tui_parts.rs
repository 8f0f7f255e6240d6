//! A pane's or an overlay's own `update`, without the app's routing: each part changes itself
//! and the document and says in its reply what it needs from the app.

mod tui_support;

use tierwise::tui::action::Action;
use tierwise::tui::reply::{Ask, Reply};
use tierwise::tui::scenarios::{ScenarioList, Step};
use tierwise::tui::usecase_edit::UseCaseEdit;
use tui_support::app;

#[test]
fn the_hybrid_pane_edits_the_document_and_asks_for_overlays() {
    let mut a = app(120, 40);
    let before = a.doc.scenario.use_cases.len();
    let reply = a.hybrid.update(Action::Add, &mut a.doc, &a.ctx);
    assert!(
        matches!(&reply, Reply::Edited { notice, close: false } if notice.starts_with("added a use case on tier")),
        "{reply:?}"
    );
    assert_eq!(a.doc.scenario.use_cases.len(), before + 1);
    assert_eq!(a.hybrid.selected, before, "the new use case is selected");
    // Opening things is the app's: the pane only asks.
    let reply = a.hybrid.update(Action::Confirm, &mut a.doc, &a.ctx);
    assert_eq!(reply, Reply::Ask(Ask::EditUseCase));
    let reply = a.hybrid.update(Action::Findings, &mut a.doc, &a.ctx);
    assert_eq!(reply, Reply::Ask(Ask::Findings));
    assert!(
        a.chrome.overlays.is_empty(),
        "the pane opened nothing itself"
    );
    let reply = a.hybrid.update(Action::Rename, &mut a.doc, &a.ctx);
    assert_eq!(reply, Reply::Ask(Ask::RenameUseCase("New use case".into())));
}

#[test]
fn the_last_use_case_stays_and_the_pane_says_why() {
    let mut a = app(120, 40);
    a.doc.scenario.use_cases.truncate(1);
    let reply = a.hybrid.update(Action::Delete, &mut a.doc, &a.ctx);
    assert_eq!(
        reply,
        Reply::Notice("a plan keeps at least one use case".into())
    );
    assert_eq!(a.doc.scenario.use_cases.len(), 1);
}

#[test]
fn the_use_case_editor_steps_a_field_and_closes_by_asking() {
    let mut a = app(120, 40);
    let mut edit = UseCaseEdit::new();
    assert_eq!(
        edit.update(Action::Down, &mut a.doc, &mut a.hybrid),
        Reply::Redraw
    );
    assert_eq!(edit.field, 1, "on the share");
    // The input share (field 2) steps by 5 points.
    edit.update(Action::Down, &mut a.doc, &mut a.hybrid);
    let sel = a.hybrid.selected;
    let old = a.doc.scenario.use_cases[sel].use_case.input_share;
    let reply = edit.update(Action::Right, &mut a.doc, &mut a.hybrid);
    assert!(
        matches!(reply, Reply::Edited { close: false, .. }),
        "{reply:?}"
    );
    let new = a.doc.scenario.use_cases[sel].use_case.input_share;
    assert!((new - old).abs() > 0.01, "{old} -> {new}");
    assert_eq!(
        edit.update(Action::Close, &mut a.doc, &mut a.hybrid),
        Reply::Close
    );
}

#[test]
fn the_scenario_list_asks_to_switch_and_refuses_to_delete_the_last() {
    let a = app(120, 40);
    let mut list = ScenarioList {
        selected: 0,
        step: Step::Browse,
    };
    let name = a.doc.session.state.scenarios[0].name.clone();
    assert_eq!(
        list.update(Action::Confirm, &a.doc),
        Reply::Ask(Ask::SwitchScenario(name))
    );
    let reply = list.update(Action::Delete, &a.doc);
    assert!(
        matches!(&reply, Reply::Notice(t) if t.contains("last scenario")),
        "{reply:?}"
    );
    assert_eq!(list.step, Step::Browse);
}
