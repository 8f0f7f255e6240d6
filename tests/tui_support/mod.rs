//! The interface with the embedded database and the default scenario, driven by key names, for
//! the interface's tests (the hybrid pane's tiers use the built-in scenario's models, which the
//! small test catalogue lacks).
#![allow(dead_code)]

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tierwise::data::embedded_catalog;
use tierwise::tui::app::{App, Outcome};
use tierwise::tui::keymap::{Key, Keymap};
use tierwise::tui::theme::Theme;
use tierwise::tui::ui;

/// The app on pane 3 at `w` x `h`.
pub fn app(w: u16, h: u16) -> App {
    app_on("3", w, h)
}

/// The app on `pane` ("1" to "3") at `w` x `h`.
pub fn app_on(pane: &str, w: u16, h: u16) -> App {
    let mut a = App::new(
        embedded_catalog().unwrap(),
        Keymap::embedded().unwrap(),
        Theme::builtin("dark").unwrap(),
        (w, h),
    );
    assert!(!a.ctx.rules.rules.is_empty(), "the embedded rules load");
    press(&mut a, pane);
    a
}

/// Press one key by its keymap name (or type one character).
pub fn press(app: &mut App, key: &str) -> Outcome {
    match app.key_action(Key::parse(key).unwrap()) {
        Some(action) => app.update(action),
        None => Outcome::default(),
    }
}

pub fn keys(app: &mut App, keys: &[&str]) {
    for k in keys {
        press(app, k);
    }
}

pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let name = if c == ' ' {
            "Space".into()
        } else {
            c.to_string()
        };
        press(app, &name);
    }
}

pub fn render(app: &App) -> Terminal<TestBackend> {
    let (w, h) = app.chrome.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| ui::draw(f, app)).unwrap();
    t
}

/// The screen as text, one string per row.
pub fn screen(app: &App) -> Vec<String> {
    let t = render(app);
    let buf = t.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect()
}

/// Index of the use case whose name contains `needle`.
pub fn case(app: &App, needle: &str) -> usize {
    app.doc
        .scenario
        .use_cases
        .iter()
        .position(|c| c.use_case.name.contains(needle))
        .unwrap()
}

pub fn shares(app: &App) -> Vec<f64> {
    app.doc
        .scenario
        .use_cases
        .iter()
        .map(|c| c.use_case.share)
        .collect()
}
