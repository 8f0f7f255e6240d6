//! The sensitivity view end to end: a span change (which recomputes the whole tornado) and a
//! full draw, in panes 2 and 3, and the break-even pane with uncertainty bands. Budget: under
//! 5 ms at 250x70.

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use tierwise::tui::action::Action;
use tierwise::tui::app::App;
use tierwise::tui::keymap::Keymap;
use tierwise::tui::theme::Theme;
use tierwise::tui::ui;

fn app(w: u16, h: u16, pane: u8) -> App {
    let catalog = tierwise::data::embedded_catalog().unwrap();
    let mut a = App::new(
        catalog,
        Keymap::embedded().unwrap(),
        Theme::builtin("dark").unwrap(),
        (w, h),
    );
    a.update(Action::ShowPane(pane));
    a
}

fn tornado(c: &mut Criterion) {
    for (pane, name) in [(2u8, "breakeven"), (3, "hybrid")] {
        for (w, h) in [(80u16, 24u16), (250, 70)] {
            let mut a = app(w, h, pane);
            a.update(Action::Sensitivity);
            let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
            let mut wider = true;
            c.bench_function(
                &format!("{name} tornado span+recompute+draw {w}x{h}"),
                |b| {
                    b.iter(|| {
                        // 25% <-> 30%: every press recomputes every bar.
                        let action = if wider {
                            Action::Increase
                        } else {
                            Action::Decrease
                        };
                        wider = !wider;
                        black_box(a.update(action));
                        term.draw(|f| ui::draw(f, &a)).unwrap();
                    })
                },
            );
        }
    }
    let mut a = app(250, 70, 2);
    a.update(Action::Bands);
    let mut term = Terminal::new(TestBackend::new(250, 70)).unwrap();
    let mut right = true;
    c.bench_function("breakeven with bands step+recompute+draw 250x70", |b| {
        b.iter(|| {
            let action = if right { Action::Right } else { Action::Left };
            right = !right;
            black_box(a.update(action));
            term.draw(|f| ui::draw(f, &a)).unwrap();
        })
    });
}

criterion_group!(benches, tornado);
criterion_main!(benches);
