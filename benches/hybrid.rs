//! The hybrid pane: one edit as the user feels it (update, recompute the plan and findings,
//! draw the whole frame) at 80x24 and 250x70, for each kind of edit; plus the plan alone and a
//! draw alone. Budget: any edit under 1 ms at 250x70.
//!
//! Every reported time is exactly one edit. Kinds that need a second key to undo themselves
//! alternate (`+` then `-`, ...), each key its own timed edit; whatever has to happen before an
//! edit and is not part of it (opening the model picker, moving its highlight) runs untimed.
//!
//! Instruction counts, free of the machine's load: `HYBRID_COUNT=<kind>` runs that kind's edits
//! (at 250x70, or at `HYBRID_SIZE=80x24`) without criterion, each inside `timed_edit`, so
//! `valgrind --tool=callgrind --toggle-collect='*timed_edit*'` counts the edits alone.

use criterion::{Criterion, criterion_group};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::time::{Duration, Instant};
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
    // Select the RAG row (tier 2), so every edit below does something.
    press(&mut app, "j");
    app
}

fn press(app: &mut App, key: &str) {
    if let Some(a) = app.key_action(Key::parse(key).unwrap()) {
        app.update(a);
    }
}

/// A kind of edit: the keys pressed untimed before edit number `n`, and the edit's key.
struct Kind {
    name: &'static str,
    prepare: fn(usize) -> &'static [&'static str],
    key: fn(usize) -> &'static str,
}

const NOTHING: &[&str] = &[];

const KINDS: &[Kind] = &[
    Kind {
        name: "share",
        prepare: |_| NOTHING,
        key: |n| if n % 2 == 0 { "+" } else { "-" },
    },
    Kind {
        name: "move",
        prepare: |_| NOTHING,
        key: |n| if n % 2 == 0 { "<" } else { ">" },
    },
    Kind {
        name: "add-delete",
        prepare: |_| NOTHING,
        key: |n| if n % 2 == 0 { "a" } else { "d" },
    },
    Kind {
        // Tier 2's model: the picker opens on the current one; the highlight moves to the
        // next model and back, so the edits alternate between two models.
        name: "model",
        prepare: |n| {
            if n % 2 == 0 {
                &["m", "Down"]
            } else {
                &["m", "Up"]
            }
        },
        key: |_| "Enter",
    },
    Kind {
        name: "undo",
        prepare: |n| if n % 2 == 0 { &["+"] } else { &["-"] },
        key: |_| "u",
    },
];

/// One edit and the frame that shows it.
#[inline(never)]
fn timed_edit(app: &mut App, term: &mut Terminal<TestBackend>, key: &str) {
    press(app, key);
    term.draw(|f| ui::draw(f, black_box(app))).unwrap();
}

/// Runs edits of one kind, counting them across calls so the alternation carries on.
struct Runner {
    app: App,
    term: Terminal<TestBackend>,
    n: usize,
}

impl Runner {
    fn new(w: u16, h: u16) -> Runner {
        let app = app(w, h);
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| ui::draw(f, &app)).unwrap();
        Runner { app, term, n: 0 }
    }

    fn prepare(&mut self, kind: &Kind) {
        for k in (kind.prepare)(self.n) {
            press(&mut self.app, k);
        }
        if !(kind.prepare)(self.n).is_empty() {
            self.term.draw(|f| ui::draw(f, &self.app)).unwrap();
        }
    }

    fn edit(&mut self, kind: &Kind) -> Duration {
        self.prepare(kind);
        let start = Instant::now();
        timed_edit(&mut self.app, &mut self.term, (kind.key)(self.n));
        let took = start.elapsed();
        self.n += 1;
        took
    }
}

fn hybrid(c: &mut Criterion) {
    for (w, h) in [(80u16, 24u16), (250, 70)] {
        for kind in KINDS {
            let mut r = Runner::new(w, h);
            c.bench_function(&format!("hybrid edit {} {w}x{h}", kind.name), |b| {
                b.iter_custom(|iters| (0..iters).map(|_| r.edit(kind)).sum())
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
        b.iter(|| plan(&a.ctx.catalog, &a.ctx.rules, black_box(&a.doc.scenario)).unwrap())
    });
}

/// `HYBRID_COUNT=<kind>`: 200 edits of that kind after 20 that warm up (not in `timed_edit`).
fn count(name: &str) {
    let Some(kind) = KINDS.iter().find(|k| k.name == name) else {
        let names: Vec<_> = KINDS.iter().map(|k| k.name).collect();
        panic!("HYBRID_COUNT={name}: not a kind of edit; one of {names:?}");
    };
    let size = std::env::var("HYBRID_SIZE").unwrap_or_else(|_| "250x70".into());
    let (w, h) = size
        .split_once('x')
        .and_then(|(w, h)| Some((w.parse().ok()?, h.parse().ok()?)))
        .unwrap_or_else(|| panic!("HYBRID_SIZE={size}: expected WIDTHxHEIGHT"));
    let mut r = Runner::new(w, h);
    for _ in 0..20 {
        r.prepare(kind);
        press(&mut r.app, (kind.key)(r.n));
        r.term.draw(|f| ui::draw(f, &r.app)).unwrap();
        r.n += 1;
    }
    for _ in 0..200 {
        r.edit(kind);
    }
    println!("{} edits of {name} at {w}x{h}", 200);
}

criterion_group!(benches, hybrid);

fn main() {
    if let Ok(kind) = std::env::var("HYBRID_COUNT") {
        count(&kind);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
