//! Action sequences against `update`, with no terminal.

mod tui_fixture;

use tierwise::domain::query::{Query, SortKey};
use tierwise::tui::action::{Action, Effect};
use tierwise::tui::app::{App, MIN_HEIGHT, MIN_WIDTH, Outcome, Overlay};
use tierwise::tui::filter_menu::Item;
use tierwise::tui::keymap::{Key, Mode};
use tierwise::tui::model_view::ModelDetail;
use tui_fixture::{app, names};

/// Press one key by its keymap name (or type one character); returns what update did.
fn press(app: &mut App, key: &str) -> Outcome {
    let key = Key::parse(key).unwrap();
    match app.key_action(key) {
        Some(action) => app.update(action),
        None => Outcome::default(),
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, &c.to_string());
    }
}

#[test]
fn search_narrows_as_you_type_and_esc_clears_it() {
    let mut a = app(80, 24);
    assert_eq!(names(&a).len(), 6);
    press(&mut a, "/");
    assert_eq!(a.mode(), Mode::Search);
    type_text(&mut a, "de");
    let after_two = names(&a).len();
    type_text(&mut a, "epseek");
    assert_eq!(names(&a), ["DeepSeek R1", "DeepSeek V3"]);
    assert!(after_two >= 2);
    assert!(a.catalogue.hits.iter().all(|h| !h.name_matches.is_empty()));
    press(&mut a, "Backspace");
    assert_eq!(a.catalogue.query.text, "deepsee");
    press(&mut a, "Esc");
    assert_eq!(a.mode(), Mode::Catalogue);
    assert!(a.catalogue.query.text.is_empty());
    assert_eq!(names(&a).len(), 6);
}

#[test]
fn typing_puts_the_cursor_on_the_best_match_and_esc_keeps_it() {
    let mut a = app(80, 24);
    press(&mut a, "/");
    // "v3" is in DeepSeek V3's name; the table stays sorted by name.
    type_text(&mut a, "v3");
    let best = a.catalogue.selected_model().unwrap();
    assert_eq!(a.ctx.catalog.models[best].name, "DeepSeek V3");
    assert_eq!(a.catalogue.query.sort, Query::default().sort);
    press(&mut a, "Esc");
    assert!(a.catalogue.query.text.is_empty());
    let kept = a.catalogue.selected_model().unwrap();
    assert_eq!(a.ctx.catalog.models[kept].name, "DeepSeek V3");
}

#[test]
fn the_search_field_takes_q_and_digits_as_text() {
    let mut a = app(80, 24);
    press(&mut a, "/");
    assert!(press(&mut a, "q").effects.is_empty());
    press(&mut a, "1");
    assert_eq!(a.catalogue.query.text, "q1");
    press(&mut a, "Left");
    press(&mut a, "x");
    assert_eq!(a.catalogue.query.text, "qx1");
    press(&mut a, "Enter");
    assert_eq!(a.mode(), Mode::Catalogue);
    assert_eq!(a.catalogue.query.text, "qx1", "Enter keeps the search");
    assert_eq!(press(&mut a, "q").effects, [Effect::Quit]);
}

#[test]
fn filters_narrow_live_and_show_as_chips() {
    let mut a = app(80, 24);
    press(&mut a, "f");
    assert_eq!(a.mode(), Mode::Filter);
    press(&mut a, "Space"); // first entry: fully open
    assert_eq!(names(&a), ["OLMo 2"]);
    assert_eq!(a.catalogue.query.filters.describe(), ["tier: FO"]);
    press(&mut a, "x");
    assert!(a.catalogue.query.filters.is_empty());
    assert_eq!(names(&a).len(), 6);

    // Jump to "fits on", switch it on, then ask for more GPUs.
    let fits = match a.chrome.overlays.last() {
        Some(Overlay::Filter(m)) => m.items.iter().position(|i| *i == Item::FitsOn).unwrap(),
        other => panic!("filter menu not open: {other:?}"),
    };
    for _ in 0..fits {
        press(&mut a, "j");
    }
    press(&mut a, "Enter");
    // fp16 + 20%: only the 24B model fits one 80 GB GPU.
    assert_eq!(names(&a), ["Mistral Small"]);
    press(&mut a, "l");
    press(&mut a, "l");
    assert_eq!(names(&a), ["Llama 3.1 70B", "Mistral Small"]);
    assert_eq!(a.catalogue.query.filters.describe(), ["fits 3×80GB"]);
    press(&mut a, "Esc");
    assert_eq!(a.mode(), Mode::Catalogue);
    assert_eq!(names(&a).len(), 2, "filters stay after the menu closes");
}

#[test]
fn sort_cycles_and_unknown_prices_stay_last_both_ways() {
    let mut a = app(80, 24);
    for _ in 0..20 {
        if a.catalogue.query.sort == SortKey::InputPrice {
            break;
        }
        press(&mut a, "s");
    }
    assert_eq!(a.catalogue.query.sort, SortKey::InputPrice);
    let up = names(&a);
    assert_eq!(&up[..3], ["DeepSeek R1", "Llama 3.1 70B", "GPT-4o"]);
    press(&mut a, "r");
    assert!(a.catalogue.query.descending);
    let down = names(&a);
    assert_eq!(&down[..3], ["GPT-4o", "Llama 3.1 70B", "DeepSeek R1"]);
    for order in [&up, &down] {
        let unknown: Vec<&str> = order[3..].iter().map(String::as_str).collect();
        assert!(unknown.contains(&"OLMo 2") && unknown.contains(&"Mistral Small"));
    }
}

#[test]
fn marks_stop_at_four_and_compare_shows_them() {
    let mut a = app(80, 24);
    assert!(
        press(&mut a, "c")
            .effects
            .contains(&Effect::ExpireNoticeLater)
    );
    assert!(a.chrome.notice.as_deref().unwrap().contains("mark"));
    for _ in 0..4 {
        press(&mut a, "Space");
    }
    assert_eq!(a.catalogue.marks.len(), 4);
    press(&mut a, "Space");
    assert_eq!(a.catalogue.marks.len(), 4, "a fifth mark is refused");
    assert!(a.chrome.notice.as_deref().unwrap().contains("at most 4"));
    // Unmarking works: go back to the first row and press Space.
    press(&mut a, "g");
    press(&mut a, "Space");
    assert_eq!(a.catalogue.marks.len(), 3);
    press(&mut a, "c");
    assert_eq!(a.mode(), Mode::Compare);
    press(&mut a, "l");
    press(&mut a, "Space");
    assert_eq!(a.catalogue.marks.len(), 2);
    press(&mut a, "Esc");
    press(&mut a, "x");
    assert!(a.catalogue.marks.is_empty());
}

#[test]
fn enter_opens_the_detail_and_arrows_step_through_models() {
    let mut a = app(80, 24);
    press(&mut a, "Enter");
    let first = a.catalogue.hits[0].index;
    assert_eq!(
        a.chrome.overlays,
        [Overlay::Detail(ModelDetail::new(first))]
    );
    press(&mut a, "l");
    let second = a.catalogue.hits[1].index;
    assert_eq!(
        a.chrome.overlays,
        [Overlay::Detail(ModelDetail::new(second))]
    );
    assert_eq!(a.catalogue.selected, 1);
    press(&mut a, "?");
    assert_eq!(a.mode(), Mode::Help);
    press(&mut a, "Esc");
    assert_eq!(a.mode(), Mode::Detail);
    press(&mut a, "Esc");
    assert!(a.chrome.overlays.is_empty());
}

#[test]
fn too_small_still_quits_and_recovers_on_resize() {
    let mut a = app(MIN_WIDTH - 1, MIN_HEIGHT);
    assert!(a.too_small());
    assert_eq!(press(&mut a, "j"), Outcome::default());
    assert_eq!(press(&mut a, "/"), Outcome::default());
    assert_eq!(press(&mut a, "q").effects, [Effect::Quit]);
    a.update(Action::Resize(MIN_WIDTH, MIN_HEIGHT - 1));
    assert!(a.too_small());
    a.update(Action::Resize(MIN_WIDTH, MIN_HEIGHT));
    assert!(!a.too_small());
    press(&mut a, "j");
    assert_eq!(a.catalogue.selected, 1);
}

#[test]
fn missing_panes_do_nothing_and_suspend_is_an_effect() {
    let mut a = app(80, 24);
    assert!(press(&mut a, "2").redraw, "pane 2 (break-even) exists");
    assert!(press(&mut a, "3").redraw, "pane 3 (hybrid) exists");
    assert!(press(&mut a, "1").redraw);
    assert_eq!(press(&mut a, "Ctrl-z").effects, [Effect::Suspend]);
    assert_eq!(press(&mut a, "Ctrl-c").effects, [Effect::Quit]);
}

#[test]
fn t_cycles_the_theme_and_the_notice_expires() {
    let mut a = app(80, 24);
    let out = press(&mut a, "t");
    assert_eq!(a.chrome.theme.name, "light");
    // The theme is part of the scenario, so it is saved too.
    assert_eq!(out.effects, [Effect::ExpireNoticeLater, Effect::SaveSoon]);
    assert!(a.update(Action::ExpireNotice).redraw);
    assert!(a.chrome.notice.is_none());
    assert!(
        !a.update(Action::ExpireNotice).redraw,
        "nothing to clear, nothing to draw"
    );
}

#[test]
fn selection_scrolls_into_view() {
    let catalog = tierwise::data::embedded_catalog().unwrap();
    let total = catalog.models.len();
    let mut a = tui_fixture::app_with(catalog, "dark", 80, 24);
    let rows = a.table_rows();
    assert!(
        rows < total,
        "the embedded catalogue overflows an 80x24 table"
    );
    press(&mut a, "G");
    assert_eq!(a.catalogue.selected, total - 1);
    assert_eq!(a.catalogue.offset, total - rows);
    press(&mut a, "PageUp");
    assert_eq!(a.catalogue.selected, total - 1 - rows);
    assert_eq!(a.catalogue.offset, a.catalogue.selected);
    press(&mut a, "g");
    assert_eq!(a.catalogue.offset, 0);
}
