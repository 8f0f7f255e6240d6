//! Screenshots of every pane and overlay, drawn by the real interface (the same `App`, keys and
//! drawing code as the terminal, with the embedded database) into ratatui's TestBackend and
//! written as SVG files into `screenshots/`.
//!
//!     cargo run --release --example screenshots
//!
//! Each view is reached by pressing keys, as a user would. The output depends only on the
//! embedded data and the drawing code, so running it twice writes the same files.

mod svg;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use tierwise::tui::app::App;
use tierwise::tui::keymap::{Key, Keymap};
use tierwise::tui::theme::Theme;
use tierwise::tui::ui;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

/// How a view is reached from a fresh start.
enum Step {
    Keys(&'static [&'static str]),
    /// Select the first catalogue row whose price has conflicting sources.
    SelectConflicting,
    /// Mark these models, named in catalogue order (sorted by name).
    Mark(&'static [&'static str]),
}

struct View {
    name: &'static str,
    title: &'static str,
    steps: &'static [Step],
}

const VIEWS: &[View] = &[
    View {
        name: "catalogue",
        title: "tierwise: the model catalogue",
        steps: &[],
    },
    View {
        name: "detail",
        title: "tierwise: the detail of a model whose sources disagree",
        steps: &[Step::SelectConflicting, Step::Keys(&["Enter"])],
    },
    View {
        name: "compare",
        title: "tierwise: three models side by side",
        steps: &[
            Step::Mark(&["Claude Opus 4.7", "DeepSeek V4 Pro", "Gemini 3.1 Pro"]),
            Step::Keys(&["c"]),
        ],
    },
    View {
        name: "breakeven-explain",
        title: "tierwise: the break-even pane with the arithmetic of a row explained",
        steps: &[Step::Keys(&["2", "x"])],
    },
    View {
        // The sixth use case holds regulated health data: on tier 1 it goes to an external
        // API, which the rules flag as a block.
        name: "hybrid-findings",
        title: "tierwise: the hybrid plan with its compliance findings",
        steps: &[Step::Keys(&["3", "j", "j", "j", "j", "j", "<", "<"])],
    },
    View {
        name: "breakeven-bands",
        title: "tierwise: the break-even chart with the sources' ranges as bands",
        steps: &[Step::Keys(&["2", "b"])],
    },
    View {
        name: "sensitivity",
        title: "tierwise: what moves the break-even, as a tornado chart",
        steps: &[Step::Keys(&["2", "v"])],
    },
    View {
        name: "hybrid-sensitivity",
        title: "tierwise: what moves the hybrid plan's monthly cost",
        steps: &[Step::Keys(&["3", "v"])],
    },
    View {
        name: "palette",
        title: "tierwise: the command palette narrowed to a few letters",
        steps: &[Step::Keys(&[":", "e", "x", "p"])],
    },
    View {
        name: "help",
        title: "tierwise: the help overlay",
        steps: &[Step::Keys(&["?"])],
    },
];

fn app(w: u16, h: u16, theme: &str) -> Result<App, String> {
    let catalog = tierwise::data::embedded_catalog().map_err(|e| e.to_string())?;
    Ok(App::new(
        catalog,
        Keymap::embedded().map_err(|e| e.to_string())?,
        Theme::builtin(theme)?,
        (w, h),
    ))
}

fn press(app: &mut App, key: &str) -> Result<(), String> {
    let key = Key::parse(key).map_err(|e| e.to_string())?;
    if let Some(action) = app.key_action(key) {
        app.update(action);
    }
    Ok(())
}

/// Move the catalogue selection down to the first row that `wanted` accepts.
fn select(app: &mut App, wanted: impl Fn(&App, usize) -> bool) -> Result<(), String> {
    let rows = app.catalogue.hits.len();
    for _ in 0..rows {
        let model = app.catalogue.hits[app.catalogue.selected].index;
        if wanted(app, model) {
            return Ok(());
        }
        press(app, "j")?;
    }
    Err("no catalogue row below the selection fits the screenshot".into())
}

fn run(app: &mut App, steps: &[Step]) -> Result<(), String> {
    for step in steps {
        match step {
            Step::Keys(keys) => {
                for k in *keys {
                    press(app, k)?;
                }
            }
            Step::SelectConflicting => select(app, |a, m| {
                a.ctx.catalog.models[m]
                    .price
                    .as_ref()
                    .is_some_and(|p| p.is_conflicting())
            })?,
            Step::Mark(names) => {
                for name in *names {
                    select(app, |a, m| a.ctx.catalog.models[m].name == *name)?;
                    press(app, "Space")?;
                }
            }
        }
    }
    Ok(())
}

fn shoot(view: &View, (w, h): (u16, u16), theme: &str, out: &Path) -> Result<(), String> {
    let mut a = app(w, h, theme)?;
    run(&mut a, view.steps)?;
    let mut term = Terminal::new(TestBackend::new(w, h)).map_err(|e| e.to_string())?;
    term.draw(|f| ui::draw(f, &a)).map_err(|e| e.to_string())?;
    let picture = svg::render(term.backend().buffer(), view.title);
    let suffix = if theme == "dark" {
        String::new()
    } else {
        format!("-{theme}")
    };
    let file = out.join(format!("{}-{w}x{h}{suffix}.svg", view.name));
    std::fs::write(&file, picture).map_err(|e| format!("{}: {e}", file.display()))?;
    println!("{}", file.display());
    Ok(())
}

fn main() -> Result<(), String> {
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshots");
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    for view in VIEWS {
        for size in SIZES {
            shoot(view, size, "dark", &out)?;
        }
    }
    // Without colour: the severity tags and the focus stay readable.
    let hybrid = VIEWS.iter().find(|v| v.name == "hybrid-findings");
    if let Some(view) = hybrid {
        shoot(view, (80, 24), "mono", &out)?;
    }
    Ok(())
}
