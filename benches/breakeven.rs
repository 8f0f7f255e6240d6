//! One break-even slider step end to end: key to action, update with recompute, and a full
//! draw into a test backend, at 80x24 and 250x70. Budget: under 1 ms at 250x70.

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use tierwise::tui::action::Action;
use tierwise::tui::app::App;
use tierwise::tui::keymap::Keymap;
use tierwise::tui::theme::Theme;
use tierwise::tui::ui;

fn app(w: u16, h: u16) -> App {
    let catalog = tierwise::data::embedded_catalog().unwrap();
    let mut a = App::new(
        catalog,
        Keymap::embedded().unwrap(),
        Theme::builtin("dark").unwrap(),
        (w, h),
    );
    a.update(Action::ShowPane(2));
    a
}

fn slider_step(c: &mut Criterion) {
    for (w, h) in [(80u16, 24u16), (250, 70)] {
        let mut a = app(w, h);
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        let mut right = true;
        c.bench_function(&format!("breakeven step+recompute+draw {w}x{h}"), |b| {
            b.iter(|| {
                // Walk the volume up and down its range so every step changes the view.
                if a.doc.scenario.workload.tokens_per_day >= 1e11 {
                    right = false;
                } else if a.doc.scenario.workload.tokens_per_day <= 1e3 {
                    right = true;
                }
                let action = if right { Action::Right } else { Action::Left };
                black_box(a.update(action));
                term.draw(|f| ui::draw(f, &a)).unwrap();
            })
        });
    }
    // What the terminal's own frame handling (clear, diff) costs on this machine, for scale.
    let mut term = Terminal::new(TestBackend::new(250, 70)).unwrap();
    c.bench_function("empty frame 250x70 (baseline)", |b| {
        b.iter(|| {
            term.draw(|_| {}).unwrap();
        })
    });
    let mut a = app(250, 70);
    c.bench_function("breakeven recompute only", |b| {
        b.iter(|| {
            a.recompute_breakeven();
            black_box(&a.breakeven.view);
        })
    });
}

criterion_group!(benches, slider_step);
criterion_main!(benches);
