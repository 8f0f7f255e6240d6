//! Pane 2 and its overlays drawn into a TestBackend at 80x24 and 200x50.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tierwise::tui::action::Action;
use tierwise::tui::app::App;
use tierwise::tui::keymap::{Key, Keymap};
use tierwise::tui::theme::Theme;
use tierwise::tui::ui;

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 50)];

fn app(w: u16, h: u16, theme: &str) -> App {
    let catalog = tierwise::data::embedded_catalog().unwrap();
    App::new(
        catalog,
        Keymap::embedded().unwrap(),
        Theme::builtin(theme).unwrap(),
        (w, h),
    )
}

fn steps(a: &mut App, keys: &[&str]) {
    for k in keys {
        match Key::parse(k).ok().and_then(|key| a.key_action(key)) {
            Some(action) => {
                a.update(action);
            }
            None => {
                for c in k.chars() {
                    a.update(Action::Input(c));
                }
            }
        }
    }
}

fn render(a: &App) -> Terminal<TestBackend> {
    let (w, h) = a.chrome.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| ui::draw(f, a)).unwrap();
    t
}

fn view(name: &str, keys: &[&str]) {
    for (w, h) in SIZES {
        let mut a = app(w, h, "dark");
        steps(&mut a, keys);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(&a).backend());
    }
}

#[test]
fn pane() {
    view("breakeven", &["2"]);
}

#[test]
fn bought_deployment_with_a_preset_loaded() {
    view("breakeven_preset", &["2", "p", "Enter"]);
}

#[test]
fn editor_with_a_refused_value() {
    view(
        "breakeven_editor_error",
        &["2", "Enter", "Ctrl-u", "0", "Enter"],
    );
}

#[test]
fn api_model_picker() {
    // The third API model's row: volume, share, prompt, output, region, sector, API 1, API 2,
    // API 3.
    view(
        "breakeven_picker",
        &["2", "j", "j", "j", "j", "j", "j", "j", "j", "Enter"],
    );
}

#[test]
fn explanation() {
    view("breakeven_explain", &["2", "x"]);
}

#[test]
fn presets_overlay() {
    view("breakeven_presets", &["2", "p"]);
}

#[test]
fn findings_under_the_chart() {
    // DeepSeek compared in Virginia's public sector: a state ban, worst first.
    view(
        "breakeven_findings",
        &[
            "2",
            "j",
            "j",
            "j",
            "j",
            "j",
            "j",
            "Enter",
            "deepseek v3.2",
            "Enter",
            "k",
            "k",
            "Enter",
            "virginia",
            "Enter",
            "j",
            "Enter",
            "public",
            "Enter",
        ],
    );
}

#[test]
fn numbers_are_never_cut_at_80x24() {
    let mut a = app(80, 24, "mono");
    steps(&mut a, &["2"]);
    let t = render(&a);
    let text: String = t
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    // Since Llama 3.1 70B has an architecture, Gemini 3 Flash never breaks even (a replica's
    // $2.03/M is above its $1.75/M): its row must say "never" in full.
    for line in &a.breakeven.view.apis {
        let be = line
            .crossover
            .break_even_tokens_per_day
            .map_or_else(|| "never".into(), tierwise::domain::units::format_tokens);
        assert!(text.contains(&be), "{be} missing");
    }
    assert!(
        a.breakeven
            .view
            .apis
            .iter()
            .any(|l| l.crossover.break_even_tokens_per_day.is_some()),
        "at least one number to check"
    );
    assert!(!text.contains("$2.…"), "a price was cut");
}
