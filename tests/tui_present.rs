//! The presenter view through `update` and a test terminal: `P` shows and leaves it in panes 2
//! and 3, the sliders stay live under it, the moved inputs come forward, and the screen holds
//! the answer large at 80x24 and 120x35, in the colour themes, the 16-colour `high-contrast`
//! and `mono`.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tierwise::tui::app::{App, Outcome, Pane};
use tierwise::tui::keymap::{Key, Keymap};
use tierwise::tui::sliders::Field;
use tierwise::tui::theme::Theme;

fn app(theme: &str, size: (u16, u16)) -> App {
    let catalog = tierwise::data::embedded_catalog().unwrap();
    App::new(
        catalog,
        Keymap::embedded().unwrap(),
        Theme::builtin(theme).unwrap(),
        size,
    )
}

fn press(a: &mut App, key: &str) -> Outcome {
    match a.key_action(Key::parse(key).unwrap()) {
        Some(action) => a.update(action),
        None => Outcome::default(),
    }
}

fn screen(a: &App, (w, h): (u16, u16)) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| tierwise::tui::ui::draw(f, a)).unwrap();
    let buf = t.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
        .collect()
}

#[test]
fn p_shows_and_leaves_the_presenter_view_and_the_sliders_stay_live() {
    let mut a = app("dark", (120, 35));
    press(&mut a, "2");
    assert!(a.chrome.present.is_none());
    assert!(press(&mut a, "P").redraw);
    assert!(a.chrome.present.is_some());
    // The slider keys still move the scenario: the volume steps up.
    let before = a.doc.scenario.workload.tokens_per_day;
    press(&mut a, "Right");
    assert!(a.doc.scenario.workload.tokens_per_day > before);
    let p = a.chrome.present.as_ref().unwrap();
    let moved = p.moved(&a.breakeven.view.sliders, a.breakeven.list.selected, 3);
    assert_eq!(moved[0].field, Field::Volume, "the selected slider first");
    // Select another slider and move it: both are shown, the selected one first.
    press(&mut a, "Down");
    press(&mut a, "Right");
    let moved = p_moved(&a);
    assert_eq!(moved, [Field::InputShare, Field::Volume]);
    // Pane 3 keeps the view; P leaves it.
    press(&mut a, "3");
    assert_eq!(a.chrome.pane, Pane::Hybrid);
    assert!(a.chrome.present.is_some());
    press(&mut a, "P");
    assert!(a.chrome.present.is_none());
    // In pane 1 the key does nothing.
    press(&mut a, "1");
    press(&mut a, "P");
    assert!(a.chrome.present.is_none());
}

fn p_moved(a: &App) -> Vec<Field> {
    let p = a.chrome.present.as_ref().unwrap();
    p.moved(&a.breakeven.view.sliders, a.breakeven.list.selected, 3)
        .iter()
        .map(|s| s.field)
        .collect()
}

#[test]
fn the_answer_is_drawn_large_at_projector_and_terminal_sizes_in_every_theme() {
    for theme in ["dark", "light", "high-contrast", "mono"] {
        for size in [(80, 24), (120, 35)] {
            let mut a = app(theme, size);
            a.start_presenting();
            let text = screen(&a, size);
            // The verdict in words and the break-even figure in block letters.
            assert!(
                // One 4-GPU replica, $11,200 a month, over Opus 4.7's 30 × $15/M: 24.9M a day.
                text.contains("Self-hosting pays from 24.9M tokens a day"),
                "{theme} {size:?}\n{text}"
            );
            let blocks = text.lines().take(5).filter(|l| l.contains('█')).count();
            assert_eq!(blocks, 5, "{theme} {size:?}\n{text}");
            // The chart fills the rest: its axis and the current volume are there.
            assert!(text.contains("$10K┤"), "{theme} {size:?}\n{text}");
            assert!(text.contains("volume"), "{theme} {size:?}\n{text}");
            // No tab bar: the screen is the presenter's.
            assert!(!text.lines().next().unwrap().contains("1 Catalogue"));
            // Pane 3: the plan's cost large, its bars and tiers.
            press(&mut a, "3");
            let text = screen(&a, size);
            assert!(text.contains("a month for the hybrid plan"), "{text}");
            assert!(
                text.contains("All frontier API") && text.contains("Tier 3"),
                "{text}"
            );
        }
    }
}
