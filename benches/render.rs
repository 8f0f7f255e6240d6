//! Render each view at 80x24 and 250x70, and one search keystroke (filter + sort + render).
//! Budget: under 1 ms each at 250x70.

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use tierwise::tui::action::Action;
use tierwise::tui::app::App;
use tierwise::tui::keymap::{Key, Keymap};
use tierwise::tui::theme::Theme;
use tierwise::tui::ui;

fn app(w: u16, h: u16, keys: &[&str]) -> App {
    let catalog = tierwise::data::embedded_catalog().unwrap();
    let mut app = App::new(
        catalog,
        Keymap::embedded().unwrap(),
        Theme::builtin("dark").unwrap(),
        (w, h),
    );
    for k in keys {
        if let Some(a) = app.key_action(Key::parse(k).unwrap()) {
            app.update(a);
        }
    }
    app
}

const VIEWS: &[(&str, &[&str])] = &[
    ("catalogue", &[]),
    ("search", &["/", "d", "e", "e", "p"]),
    ("filter", &["f", "j", "Space"]),
    ("detail", &["Enter"]),
    ("compare", &["Space", "Space", "Space", "Space", "c"]),
    ("help", &["?"]),
];

fn render(c: &mut Criterion) {
    for (w, h) in [(80u16, 24u16), (250, 70)] {
        // The harness alone (an empty frame), for reference: every draw resets the whole
        // buffer and diffs it against the last frame, so no view can be cheaper than this.
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        c.bench_function(&format!("render empty {w}x{h}"), |b| {
            b.iter(|| {
                t.draw(|_| {}).unwrap();
            })
        });
        for (name, keys) in VIEWS {
            let a = app(w, h, keys);
            let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
            // Every widget renders into a fresh buffer and the whole frame is diffed, as on
            // any redraw; only the (backend-specific) output of changed cells is left out.
            c.bench_function(&format!("render {name} {w}x{h}"), |b| {
                b.iter(|| {
                    t.draw(|f| ui::draw(f, black_box(&a))).unwrap();
                })
            });
        }
        let mut a = app(w, h, &["/"]);
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        // One keystroke: type a letter (search, filter, sort, draw); the next iteration's
        // keystroke deletes it again, so every iteration does the same work.
        let mut typed = false;
        c.bench_function(&format!("search keystroke {w}x{h}"), |b| {
            b.iter(|| {
                a.update(if typed {
                    Action::Backspace
                } else {
                    Action::Input('v')
                });
                typed = !typed;
                t.draw(|f| ui::draw(f, &a)).unwrap();
            })
        });
    }
}

criterion_group!(benches, render);
criterion_main!(benches);
