//! The sensitivity view (panes 2 and 3) and the break-even chart with uncertainty bands, drawn
//! into a TestBackend at 80x24 and 200x50.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tierwise::tui::app::App;
use tierwise::tui::keymap::{Key, Keymap};
use tierwise::tui::theme::Theme;
use tierwise::tui::ui;

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 50)];

fn render(keys: &[&str], w: u16, h: u16, theme: &str) -> Terminal<TestBackend> {
    let catalog = tierwise::data::embedded_catalog().unwrap();
    let mut a = App::new(
        catalog,
        Keymap::embedded().unwrap(),
        Theme::builtin(theme).unwrap(),
        (w, h),
    );
    for k in keys {
        let action = a.key_action(Key::parse(k).unwrap()).unwrap();
        a.update(action);
    }
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| ui::draw(f, &a)).unwrap();
    t
}

fn view(name: &str, keys: &[&str]) {
    for (w, h) in SIZES {
        insta::assert_snapshot!(
            format!("{name}_{w}x{h}"),
            render(keys, w, h, "dark").backend()
        );
    }
}

#[test]
fn breakeven_tornado() {
    view("sensitivity_breakeven", &["2", "v"]);
}

#[test]
fn breakeven_tornado_wider_span_second_model_bought() {
    // Bought GPUs list the purchase inputs; the span is ±35%; GPT-5.5 is the second model.
    view(
        "sensitivity_breakeven_buy",
        &[
            "2", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "Right", "v",
            "+", "+", "Right",
        ],
    );
}

#[test]
fn hybrid_tornado() {
    view("sensitivity_hybrid", &["3", "v"]);
}

#[test]
fn chart_with_uncertainty_bands() {
    view("breakeven_bands", &["2", "b"]);
}

#[test]
fn mono_theme_tells_low_from_high_by_glyph() {
    let t = render(&["2", "v"], 80, 24, "mono");
    let buf = t.backend().buffer();
    let text: String = buf.content.iter().map(|c| c.symbol()).collect();
    assert!(text.contains('░') && text.contains('█') && text.contains('│'));
    assert!(text.contains("░ input −25%"));
}
