//! The hybrid pane: one edit as the user feels it (update, recompute the plan and findings,
//! draw) at 80x24 and 250x70, for a share step, a tier move and an add/undo pair; plus the
//! plan alone and a draw alone. Budget: any edit under 1 ms at 250x70.

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use tierwise::domain::hybrid::plan;
use tierwise::tui::app::App;
use tierwise::tui::keymap::{Key, Keymap};
use tierwise::tui::theme::Theme;
use tierwise::tui::ui;

fn app(w: u16, h: u16) -> App {
    let catalog = tierwise::data::embedded_catalog().unwrap();
    let mut app = App::new(
        catalog,
        Keymap::embedded().unwrap(),
        Theme::builtin("dark").unwrap(),
        (w, h),
    );
    press(&mut app, "3");
    app
}

fn press(app: &mut App, key: &str) {
    if let Some(a) = app.key_action(Key::parse(key).unwrap()) {
        app.update(a);
    }
}

/// Each pair of keys (two edits) undoes itself, so the state stays the same from one iteration to the next.
const EDITS: &[(&str, [&str; 2])] = &[
    ("share", ["+", "-"]),
    ("move", ["<", ">"]),
    ("add-undo", ["a", "u"]),
];

fn hybrid(c: &mut Criterion) {
    for (w, h) in [(80u16, 24u16), (250, 70)] {
        for (name, keys) in EDITS {
            let mut a = app(w, h);
            // Select the RAG row (tier 2), so every key of the pair does something.
            press(&mut a, "j");
            let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
            c.bench_function(&format!("hybrid edit {name} {w}x{h}"), |b| {
                b.iter(|| {
                    for k in keys {
                        press(&mut a, k);
                        t.draw(|f| ui::draw(f, black_box(&a))).unwrap();
                    }
                })
            });
        }
        let a = app(w, h);
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        c.bench_function(&format!("hybrid draw {w}x{h}"), |b| {
            b.iter(|| {
                t.draw(|f| ui::draw(f, black_box(&a))).unwrap();
            })
        });
    }
    let a = app(250, 70);
    c.bench_function("hybrid plan", |b| {
        b.iter(|| plan(&a.catalog, &a.rules, black_box(&a.scenario)).unwrap())
    });
}

criterion_group!(benches, hybrid);
criterion_main!(benches);
