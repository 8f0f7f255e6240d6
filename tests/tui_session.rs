//! Scenarios, undo, notes, merges and export against `update`, with no terminal.

mod tui_support;

use tierwise::domain::scenario::Scenario;
use tierwise::store::{SaveOutcome, State, StoreError};
use tierwise::tui::action::{Action, Effect};
use tierwise::tui::app::{App, Overlay, Pane};
use tierwise::tui::export::{Clipboard, ExportDone, perform};
use tierwise::tui::keymap::Mode;
use tui_support::{keys, press, type_text};

/// The embedded data on pane 1.
fn app() -> App {
    let mut a = tui_support::app(80, 24);
    press(&mut a, "1");
    a
}

fn names(a: &App) -> Vec<String> {
    a.current_state()
        .scenarios
        .iter()
        .map(|s| s.name.clone())
        .collect()
}

/// Type a name into the open name field, replacing what is there.
fn name(a: &mut App, text: &str) {
    assert_eq!(a.mode(), Mode::ScenarioName);
    for _ in 0..80 {
        press(a, "Backspace");
    }
    type_text(a, text);
    press(a, "Enter");
}

#[test]
fn new_duplicate_rename_switch_and_delete_with_confirmation() {
    let mut a = app();
    press(&mut a, "S");
    assert_eq!(a.mode(), Mode::Scenarios);
    press(&mut a, "a");
    name(&mut a, "Board Q3");
    assert_eq!(names(&a), ["default", "Board Q3"]);
    assert_eq!(
        a.doc.scenario.name, "Board Q3",
        "the new scenario is active"
    );
    assert!(a.chrome.overlays.is_empty());

    // An edit to the new scenario stays with it.
    a.doc.scenario.workload.tokens_per_day = 9e6;
    press(&mut a, "S");
    press(&mut a, "c");
    name(&mut a, "Board Q3 copy");
    assert_eq!(a.doc.scenario.name, "Board Q3 copy");
    assert_eq!(a.doc.scenario.workload.tokens_per_day, 9e6);

    // A taken name is refused with the reason; Esc leaves the list as it was.
    press(&mut a, "S");
    press(&mut a, "r");
    name(&mut a, "default");
    let Some(Overlay::Scenarios(list)) = a.chrome.overlays.last() else {
        panic!("the list stays open on a refused name");
    };
    match &list.step {
        tierwise::tui::scenarios::Step::Naming { error, .. } => {
            assert!(error.as_deref().unwrap().contains("taken"), "{error:?}")
        }
        other => panic!("{other:?}"),
    }
    press(&mut a, "Esc");
    assert_eq!(a.mode(), Mode::Scenarios);
    press(&mut a, "r");
    name(&mut a, "Board Q4");
    assert_eq!(names(&a), ["default", "Board Q3", "Board Q4"]);
    assert_eq!(
        a.doc.scenario.name, "Board Q4",
        "renaming the active one keeps it active"
    );

    // Switch to the first.
    press(&mut a, "S");
    press(&mut a, "g");
    press(&mut a, "Enter");
    assert_eq!(a.doc.scenario.name, "default");
    assert_eq!(a.doc.scenario.workload.tokens_per_day, 5e6);

    // Delete asks first: n keeps, y deletes.
    press(&mut a, "S");
    press(&mut a, "j");
    press(&mut a, "d");
    assert_eq!(a.mode(), Mode::ScenarioConfirm);
    press(&mut a, "n");
    assert_eq!(names(&a).len(), 3);
    press(&mut a, "d");
    let out = press(&mut a, "y");
    assert!(out.effects.contains(&Effect::SaveSoon));
    assert_eq!(names(&a), ["default", "Board Q4"]);

    // Deleting the active one switches to another; the last one cannot go.
    press(&mut a, "g");
    press(&mut a, "d");
    press(&mut a, "y");
    assert_eq!(names(&a), ["Board Q4"]);
    assert_eq!(a.doc.scenario.name, "Board Q4");
    press(&mut a, "d");
    assert_eq!(
        a.mode(),
        Mode::Scenarios,
        "no question for the last scenario"
    );
    assert!(
        a.chrome
            .notice
            .as_deref()
            .unwrap()
            .contains("last scenario")
    );

    // And undo brings the deletions back, one step at a time.
    press(&mut a, "Esc");
    press(&mut a, "u");
    assert_eq!(names(&a), ["default", "Board Q4"]);
    assert_eq!(a.doc.scenario.name, "default");
    press(&mut a, "u");
    assert_eq!(names(&a).len(), 3);
}

#[test]
fn undo_reverts_changes_across_panes_but_not_the_pane() {
    let mut a = app();
    let start = a.doc.scenario.clone();
    press(&mut a, "2");
    press(&mut a, "l"); // the first slider one step up
    assert_ne!(a.doc.scenario.workload, start.workload);
    press(&mut a, "3");
    press(&mut a, ">");
    assert_ne!(a.doc.scenario.use_cases, start.use_cases);
    press(&mut a, "1");
    press(&mut a, "Space");
    assert_eq!(a.doc.scenario.marks.len(), 1, "marks live in the scenario");
    press(&mut a, "u");
    assert!(a.doc.scenario.marks.is_empty() && a.catalogue.marks.is_empty());
    press(&mut a, "u");
    assert_eq!(a.doc.scenario.use_cases, start.use_cases);
    assert_ne!(a.doc.scenario.workload, start.workload);
    let out = press(&mut a, "u");
    assert_eq!(a.doc.scenario.workload, start.workload);
    assert!(out.effects.contains(&Effect::SaveSoon), "an undo is saved");
    assert_eq!(a.chrome.pane, Pane::Catalogue, "undo leaves the pane alone");
    press(&mut a, "u");
    assert_eq!(a.chrome.notice.as_deref(), Some("nothing to undo"));
}

#[test]
fn moving_between_panes_is_saved_but_no_undo_step() {
    let mut a = app();
    let out = press(&mut a, "3");
    assert!(out.effects.contains(&Effect::SaveSoon));
    assert_eq!(a.doc.scenario.pane.as_deref(), Some("hybrid"));
    press(&mut a, "u");
    assert_eq!(a.chrome.notice.as_deref(), Some("nothing to undo"));
    assert!(
        press(&mut a, "j").effects.is_empty(),
        "moving a selection is not a change"
    );
}

#[test]
fn notes_are_typed_saved_as_typed_and_undone_as_one_step() {
    let mut a = app();
    press(&mut a, "n");
    assert_eq!(a.mode(), Mode::Notes);
    type_text(&mut a, "Go hybrid; q and u are text");
    press(&mut a, "Enter");
    let out = press(&mut a, "x");
    assert!(out.effects.contains(&Effect::SaveSoon));
    assert_eq!(a.doc.scenario.notes, "Go hybrid; q and u are text\nx");
    press(&mut a, "Left");
    press(&mut a, "Backspace");
    assert_eq!(a.doc.scenario.notes, "Go hybrid; q and u are textx");
    press(&mut a, "Esc");
    assert!(a.chrome.overlays.is_empty());
    press(&mut a, "n");
    press(&mut a, "Esc");
    assert_eq!(
        a.doc.scenario.notes, "Go hybrid; q and u are textx",
        "reopening keeps them"
    );
    press(&mut a, "u");
    assert_eq!(
        a.doc.scenario.notes, "",
        "the stretch of typing is one undo step"
    );
}

#[test]
fn theme_pane_and_marks_survive_a_restore() {
    let mut a = app();
    press(&mut a, "t");
    press(&mut a, "Space");
    press(&mut a, "Space");
    press(&mut a, "3");
    let saved = a.current_state();
    let s = saved.active_scenario().unwrap();
    assert_eq!(s.theme.as_deref(), Some("light"));
    assert_eq!(s.pane.as_deref(), Some("hybrid"));
    assert_eq!(s.marks.len(), 2);

    let mut b = app();
    b.restore(saved.clone(), None, Vec::new(), false);
    assert_eq!(b.chrome.theme.name, "light");
    assert_eq!(b.chrome.pane, Pane::Hybrid);
    assert_eq!(b.catalogue.marks, s.marks);
    assert!(!b.is_dirty(), "a restored state needs no save");

    // A theme given on the command line wins.
    let mut c = app();
    c.restore(saved, None, vec!["a notice".into()], true);
    assert_eq!(c.chrome.theme.name, "dark");
    assert_eq!(c.mode(), Mode::Notices, "start notices are shown");
    press(&mut c, "Esc");
    assert!(c.chrome.overlays.is_empty());
}

#[test]
fn a_merge_is_adopted_and_named() {
    let mut a = app();
    let sent = a.current_state();
    let mut merged = sent.clone();
    let mut theirs: Scenario = merged.scenarios[0].clone();
    theirs.name = "from the other login".into();
    merged.scenarios.push(theirs);
    let out = a.after_save(
        sent,
        Ok(SaveOutcome::Merged {
            state: merged,
            taken_from_other: vec!["from the other login".into()],
            overrode_other: Vec::new(),
            conflicts: Vec::new(),
            deleted_by_other: Vec::new(),
        }),
    );
    assert!(out.redraw);
    assert_eq!(names(&a), ["default", "from the other login"]);
    let told = match (&a.chrome.notice, a.chrome.overlays.last()) {
        (Some(n), _) => n.clone(),
        (None, Some(Overlay::Notices { lines, .. })) => lines.join(" "),
        other => panic!("{other:?}"),
    };
    assert!(
        told.contains("another session") && told.contains("from the other login"),
        "{told}"
    );
    assert!(!a.is_dirty());
}

#[test]
fn a_newer_file_at_save_turns_saving_off_visibly() {
    let mut a = app();
    a.doc.scenario.notes = "x".into();
    let sent = a.current_state();
    let err = StoreError::NewerOnDisk {
        path: "/tmp/state.ron".into(),
        version: 9,
    };
    a.after_save(sent, Err(err));
    assert!(
        a.doc
            .session
            .not_saved
            .as_deref()
            .unwrap()
            .contains("newer")
    );
    assert!(a.is_dirty(), "nothing was written");
    assert!(!a.quit_anyway(), "the first quit says what would be lost");
    assert!(a.quit_anyway());
}

#[test]
fn export_builds_markdown_writes_it_and_sends_osc52() {
    let mut a = app();
    a.doc.scenario.notes = "Decided: tier 2 on rented H100s.".into();
    let out = press(&mut a, "e");
    let [Effect::Export(job)] = &out.effects[..] else {
        panic!("one export effect: {:?}", out.effects);
    };
    assert!(job.markdown.starts_with("# Scenario: default\n"));
    assert!(job.markdown.contains("Decided: tier 2 on rented H100s."));
    assert!(job.html.contains("Decided: tier 2 on rented H100s."));
    let dir = tempfile::tempdir().unwrap();
    let mut terminal = Vec::new();
    let done = perform(
        job,
        Ok(dir.path().to_path_buf()),
        "20260101T000000Z",
        &mut terminal,
    );
    let path = done.file.clone().unwrap();
    assert_eq!(path, dir.path().join("exports/default-20260101T000000Z.md"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), job.markdown);
    // The HTML page beside it is the one `report --format html` prints.
    let page = std::fs::read_to_string(path.with_extension("html")).unwrap();
    assert_eq!(page, job.html);
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("<svg class=\"chart\""));
    let seq = String::from_utf8(terminal).unwrap();
    let expected = tierwise::tui::export::osc52(&job.markdown).unwrap();
    assert_eq!(seq, expected);
    assert!(seq.starts_with("\x1b]52;c;") && seq.ends_with('\x07'));
    assert_eq!(done.clipboard, Clipboard::Sent);
    a.update(Action::Exported(Box::new(done)));
    let told = match (&a.chrome.notice, a.chrome.overlays.last()) {
        (Some(n), _) => n.clone(),
        (None, Some(Overlay::Notices { lines, .. })) => lines.join(" "),
        other => panic!("{other:?}"),
    };
    assert!(told.contains(&path.display().to_string()), "{told}");
}

#[test]
fn a_large_export_is_written_but_not_sent_to_the_clipboard() {
    let job = tierwise::tui::export::ExportJob {
        scenario: "big/one".into(),
        markdown: "x".repeat(200_000),
        html: "<!DOCTYPE html>".into(),
    };
    let dir = tempfile::tempdir().unwrap();
    let mut terminal = Vec::new();
    let done = perform(&job, Ok(dir.path().to_path_buf()), "T", &mut terminal);
    assert!(terminal.is_empty());
    assert!(matches!(done.clipboard, Clipboard::TooLarge(n) if n > 100_000));
    let file = done.file.unwrap();
    assert!(file.ends_with("exports/big-one-T.md"));
    assert!(file.with_extension("html").exists());
    let mut a = app();
    a.after_export(ExportDone {
        file: Err("cannot write".into()),
        clipboard: Clipboard::TooLarge(266_668),
    });
    let told = match (&a.chrome.notice, a.chrome.overlays.last()) {
        (Some(n), _) => n.clone(),
        (None, Some(Overlay::Notices { lines, .. })) => lines.join(" "),
        other => panic!("{other:?}"),
    };
    assert!(
        told.contains("not copied") && told.contains("not written"),
        "{told}"
    );
}

#[test]
fn the_saved_state_holds_every_scenario_with_the_edited_one_current() {
    let mut a = app();
    press(&mut a, "S");
    press(&mut a, "a");
    name(&mut a, "two");
    keys(&mut a, &["2", "l"]);
    let state: State = a.current_state();
    assert_eq!(state.active, "two");
    let two = state.get("two").unwrap();
    assert_ne!(two.workload, state.get("default").unwrap().workload);
    assert!(a.update(Action::Resize(100, 30)).effects.is_empty());
}

#[test]
fn the_detail_view_marks_the_users_own_figures() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("models.ron"),
        r#"[(id: "gpt-4o", price: (value: (input: 1.25, output: 5.0)))]"#,
    )
    .unwrap();
    let loaded = tierwise::data::overlay::load_with_overlays(Some(dir.path())).unwrap();
    assert!(loaded.notices.is_empty(), "{:?}", loaded.notices);
    let theme = tierwise::tui::theme::Theme::builtin("mono").unwrap();
    let text = |id: &str| {
        let i = loaded
            .catalog
            .models
            .iter()
            .position(|m| m.id == id)
            .unwrap();
        tierwise::tui::ui::detail::lines(&loaded.catalog, &theme, i, 120)
            .iter()
            .map(|l| l.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mine = text("gpt-4o");
    assert!(mine.contains("(your data)"), "{mine}");
    assert!(!text("claude-opus-4.7").contains("(your data)"));
}

#[test]
fn a_failed_final_save_keeps_the_first_quit_and_leaves_on_the_second() {
    let mut a = app();
    let first = a.update(Action::QuitUnsaved);
    assert!(!first.effects.contains(&Effect::Leave), "{first:?}");
    assert!(a.chrome.notice.as_deref().unwrap().contains("not saved"));
    assert_eq!(a.update(Action::QuitUnsaved).effects, [Effect::Leave]);
}

#[test]
fn a_save_done_off_the_loop_is_adopted_through_update() {
    let mut a = app();
    a.doc.scenario.notes = "y".into();
    assert!(a.is_dirty());
    let sent = a.current_state();
    a.update(Action::Saved(Box::new(tierwise::tui::action::SaveDone {
        sent,
        result: Ok(SaveOutcome::Saved),
    })));
    assert!(!a.is_dirty());
}
