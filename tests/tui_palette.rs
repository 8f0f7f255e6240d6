//! The command palette through `update` (open, narrow, run each kind of entry) and drawn into a
//! TestBackend at 80x24 and 200x50.

mod tui_fixture;

mod tui_support;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use tierwise::tui::action::{Action, Effect};
use tierwise::tui::app::{App, Outcome, Overlay, Pane};
use tierwise::tui::keymap::Mode;
use tierwise::tui::model_view::ModelDetail;
use tierwise::tui::palette::{Kind, Palette, Target};
use tierwise::tui::ui;
use tui_support::press;

/// The app over the embedded database, which has presets (the fixture's small catalogue has
/// none).
fn full_app() -> App {
    tui_support::app_on("1", 80, 24)
}

fn type_text(a: &mut App, text: &str) {
    for c in text.chars() {
        let key = if c == ' ' {
            "Space".into()
        } else {
            c.to_string()
        };
        press(a, &key);
    }
}

fn palette(a: &App) -> &Palette {
    match a.chrome.overlays.last() {
        Some(Overlay::Palette(p)) => p,
        other => panic!("the palette is not open: {other:?}"),
    }
}

fn chosen_text(a: &App) -> String {
    palette(a).chosen().expect("something matches").text.clone()
}

#[test]
fn colon_and_ctrl_p_open_it_and_esc_closes_it() {
    for key in [":", "Ctrl-p"] {
        let mut a = tui_fixture::app(80, 24);
        assert!(press(&mut a, key).redraw, "{key}");
        assert_eq!(a.mode(), Mode::Palette, "{key}");
        assert!(palette(&a).query.is_empty());
        press(&mut a, "Esc");
        assert!(a.chrome.overlays.is_empty(), "{key}");
        assert_eq!(a.mode(), Mode::Catalogue);
    }
}

#[test]
fn an_empty_query_lists_actions_first_with_their_keys() {
    let mut a = full_app();
    press(&mut a, ":");
    let p = palette(&a);
    let kinds: Vec<Kind> = p.matches.iter().map(|m| p.entries[m.entry].kind).collect();
    let first_other = kinds.iter().position(|k| *k != Kind::Action).unwrap();
    assert!(first_other > 20, "{first_other} actions");
    assert!(kinds[first_other..].iter().all(|k| *k != Kind::Action));
    for kind in [Kind::Model, Kind::Preset, Kind::Scenario] {
        assert!(kinds.contains(&kind), "{kind:?}");
    }
    // The catalogue's own keys come first, then the global ones.
    assert_eq!(p.entries[0].context, "Catalogue");
    let theme = p
        .entries
        .iter()
        .find(|e| e.text.ends_with("cycle-theme"))
        .unwrap();
    assert_eq!(
        (theme.keys.as_str(), theme.context.as_str()),
        ("t", "Everywhere")
    );
    // Moving and confirming keys are not listed; the other panes' keys are.
    let listed = |action: Action| {
        p.entries
            .iter()
            .any(|e| matches!(&e.target, Target::Action { action: x, .. } if *x == action))
    };
    assert!(!listed(Action::Up) && !listed(Action::Confirm) && !listed(Action::Palette));
    assert!(listed(Action::Presets) && listed(Action::Reroute) && listed(Action::SortNext));
}

#[test]
fn typing_narrows_highlights_and_moves() {
    let mut a = tui_fixture::app(80, 24);
    press(&mut a, ":");
    let all = palette(&a).matches.len();
    type_text(&mut a, "deeps");
    let p = palette(&a);
    assert!(p.matches.len() < all);
    let shown: Vec<&str> = p
        .matches
        .iter()
        .take(2)
        .map(|m| p.entries[m.entry].text.as_str())
        .collect();
    assert_eq!(shown, ["DeepSeek R1", "DeepSeek V3"]);
    assert!(matches!(&p.matches[0].hit, tierwise::tui::palette::Hit::Text(i) if i.len() == 5));
    press(&mut a, "Down");
    assert_eq!(chosen_text(&a), "DeepSeek V3");
    press(&mut a, "Up");
    press(&mut a, "Up");
    assert_eq!(chosen_text(&a), "DeepSeek R1", "stops at the top");
    press(&mut a, "PageDown");
    assert_eq!(palette(&a).selected, palette(&a).matches.len() - 1);
    type_text(&mut a, "zzzz");
    assert!(palette(&a).matches.is_empty());
    assert_eq!(press(&mut a, "Enter"), Outcome::default(), "nothing to run");
    for _ in 0..9 {
        press(&mut a, "Backspace");
    }
    assert_eq!(palette(&a).matches.len(), all);
    assert_eq!(press(&mut a, "Backspace"), Outcome::default());
}

#[test]
fn keys_type_into_the_query_instead_of_acting() {
    let mut a = tui_fixture::app(80, 24);
    press(&mut a, ":");
    for key in ["q", "2", "t", ":", "?"] {
        assert!(press(&mut a, key).effects.is_empty(), "{key}");
    }
    assert_eq!(palette(&a).query, "q2t:?");
    assert_eq!(a.chrome.pane, Pane::Catalogue);
    assert_eq!(a.chrome.theme.name, "dark");
    assert_eq!(press(&mut a, "Ctrl-c").effects, [Effect::Quit]);
}

#[test]
fn running_a_global_action_does_what_its_key_does() {
    let mut a = tui_fixture::app(80, 24);
    press(&mut a, ":");
    type_text(&mut a, "cycle-theme");
    assert_eq!(chosen_text(&a), "next colour theme  cycle-theme");
    press(&mut a, "Enter");
    assert!(a.chrome.overlays.is_empty());
    assert_eq!(a.chrome.theme.name, "light");
    assert_eq!(a.chrome.notice.as_deref(), Some("theme: light"));

    press(&mut a, "Ctrl-p");
    type_text(&mut a, "pane-2");
    press(&mut a, "Enter");
    assert_eq!(a.chrome.pane, Pane::BreakEven);
    assert_eq!(a.mode(), Mode::BreakEven);
}

#[test]
fn another_panes_action_switches_to_that_pane_first() {
    let mut a = full_app();
    press(&mut a, ":");
    type_text(&mut a, "zoom-in");
    let e = palette(&a).chosen().unwrap().clone();
    assert_eq!(
        (e.context.as_str(), e.keys.as_str()),
        ("Break-even pane", "+ =")
    );
    let zoom = a.breakeven.zoom;
    press(&mut a, "Enter");
    assert_eq!(a.chrome.pane, Pane::BreakEven);
    assert_eq!(a.breakeven.zoom, zoom + 1, "the same as pressing +");

    press(&mut a, ":");
    type_text(&mut a, "sort-next");
    let sort = a.catalogue.query.sort.clone();
    press(&mut a, "Enter");
    assert_eq!(a.chrome.pane, Pane::Catalogue);
    assert_ne!(a.catalogue.query.sort, sort);
}

#[test]
fn actions_of_the_view_under_it_come_first_and_act_on_it() {
    let mut a = tui_fixture::app(80, 24);
    press(&mut a, "Enter");
    assert_eq!(a.mode(), Mode::Detail);
    press(&mut a, ":");
    let p = palette(&a);
    assert_eq!(p.entries[0].context, "Detail view");
    type_text(&mut a, "mark or unmark this");
    press(&mut a, "Enter");
    assert_eq!(a.mode(), Mode::Detail, "still on the detail view");
    assert_eq!(a.catalogue.marks.len(), 1, "the model shown is marked");
}

#[test]
fn a_model_opens_its_detail_view_in_the_catalogue() {
    let mut a = tui_fixture::app(80, 24);
    press(&mut a, "3");
    press(&mut a, ":");
    type_text(&mut a, "llama");
    assert_eq!(palette(&a).chosen().unwrap().kind, Kind::Model);
    press(&mut a, "Enter");
    assert_eq!(a.chrome.pane, Pane::Catalogue);
    let Some(Overlay::Detail(ModelDetail { model, .. })) = a.chrome.overlays.last() else {
        panic!("{:?}", a.chrome.overlays);
    };
    assert_eq!(a.ctx.catalog.models[*model].id, "llama-3.1-70b");
    assert_eq!(
        a.catalogue.selected_model(),
        Some(*model),
        "its row is selected"
    );
    press(&mut a, "Esc");
    assert_eq!(a.mode(), Mode::Catalogue);
}

#[test]
fn a_preset_loads_in_the_break_even_pane_as_p_does() {
    let mut a = full_app();
    let preset = a.ctx.presets[1].clone();
    press(&mut a, ":");
    type_text(&mut a, &preset.id);
    assert_eq!(palette(&a).chosen().unwrap().target, Target::Preset(1));
    press(&mut a, "Enter");
    assert_eq!(a.chrome.pane, Pane::BreakEven);
    assert!(a.chrome.overlays.is_empty());
    assert_eq!(a.doc.scenario.preset.as_deref(), Some(preset.id.as_str()));
    assert_eq!(
        a.doc.scenario.workload.tokens_per_day,
        preset.tokens_per_day
    );
    assert_eq!(a.doc.scenario.api_models, preset.api);
    assert_eq!(
        a.chrome.notice.as_deref(),
        Some(format!("loaded preset: {}", preset.title).as_str())
    );
    // One undo step, as the presets list gives.
    press(&mut a, "u");
    assert_ne!(a.doc.scenario.preset.as_deref(), Some(preset.id.as_str()));
}

#[test]
fn a_scenario_becomes_the_active_one() {
    let mut a = tui_fixture::app(80, 24);
    let first = a.doc.scenario.name.clone();
    press(&mut a, "S");
    press(&mut a, "a");
    press(&mut a, "Enter");
    assert_eq!(a.doc.scenario.name, "new scenario");
    press(&mut a, ":");
    type_text(&mut a, &first);
    let e = palette(&a).chosen().unwrap().clone();
    assert_eq!(
        (e.kind, e.target),
        (Kind::Scenario, Target::Scenario(first.clone()))
    );
    let out = press(&mut a, "Enter");
    assert!(out.effects.contains(&Effect::SaveSoon));
    assert_eq!(a.doc.scenario.name, first);
    assert!(a.chrome.overlays.is_empty());
    assert_eq!(
        a.chrome.notice.as_deref(),
        Some(format!("switched to scenario \"{first}\"").as_str())
    );
}

#[test]
fn a_colon_in_a_text_field_is_typed() {
    let mut a = tui_fixture::app(80, 24);
    press(&mut a, "/");
    press(&mut a, ":");
    assert_eq!(a.catalogue.query.text, ":");
    assert_eq!(a.mode(), Mode::Search);
    let mut a = tui_fixture::app(80, 24);
    press(&mut a, "n");
    assert_eq!(a.mode(), Mode::Notes);
    press(&mut a, ":");
    assert_eq!(a.mode(), Mode::Notes);
    assert_eq!(a.doc.scenario.notes, ":");
}

fn render(a: &App) -> Terminal<TestBackend> {
    let (w, h) = a.chrome.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| ui::draw(f, a)).unwrap();
    t
}

fn view(name: &str, theme: &str, steps: &[&str]) {
    for (w, h) in [(80, 24), (200, 50)] {
        let mut a = tui_fixture::app_with(tui_fixture::catalog(), theme, w, h);
        for k in steps {
            press(&mut a, k);
        }
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(&a).backend());
    }
}

#[test]
fn snapshot_open() {
    view("palette", "dark", &[":"]);
}

#[test]
fn snapshot_narrowed() {
    view(
        "palette_narrowed",
        "dark",
        &[":", "d", "e", "e", "p", "Down"],
    );
}

#[test]
fn the_selection_shows_in_mono_by_reverse_video() {
    let mut a = tui_fixture::app_with(tui_fixture::catalog(), "mono", 80, 24);
    press(&mut a, ":");
    type_text(&mut a, "theme");
    let t = render(&a);
    let buf = t.backend().buffer();
    // The list starts on the fourth row of the box; find the selected row's text.
    let row = (0..buf.area.height)
        .find(|&y| {
            let line: String = (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect();
            line.contains("next colour theme")
        })
        .expect("the row is drawn");
    let reversed = (0..buf.area.width)
        .filter(|&x| buf[(x, row)].modifier.contains(Modifier::REVERSED))
        .count();
    assert!(reversed > 60, "{reversed} cells reversed");
}
