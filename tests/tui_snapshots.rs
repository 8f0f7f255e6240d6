//! Every view drawn into a TestBackend at 80x24 and 200x50, plus the too-small notice.

mod tui_fixture;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use tierwise::tui::action::Action;
use tierwise::tui::app::{App, MIN_HEIGHT, MIN_WIDTH};
use tierwise::tui::keymap::Key;
use tierwise::tui::ui;
use tui_fixture::app;

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 50)];

fn keys(app: &mut App, keys: &[&str]) {
    for k in keys {
        if let Some(a) = app.key_action(Key::parse(k).unwrap()) {
            app.update(a);
        }
    }
}

fn render(app: &App) -> Terminal<TestBackend> {
    let (w, h) = app.chrome.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| ui::draw(f, app)).unwrap();
    t
}

fn view(name: &str, steps: &[&str]) {
    for (w, h) in SIZES {
        let mut a = app(w, h);
        keys(&mut a, steps);
        let t = render(&a);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), t.backend());
    }
}

#[test]
fn catalogue() {
    view("catalogue", &[]);
}

#[test]
fn search() {
    view("search", &["/", "d", "e", "e", "p"]);
}

#[test]
fn sorted_by_price_with_marks() {
    view("sorted_marked", &["s", "s", "s", "Space", "Space"]);
}

#[test]
fn filter_menu() {
    // Tier, open or proprietary, offerings and size, then the first origin.
    view("filter", &["f", "j", "Space", "Tab", "Tab", "Tab", "Space"]);
}

#[test]
fn detail_of_a_conflicting_model() {
    // The third row by name is GPT-4o, whose price is disputed.
    view("detail", &["j", "j", "Enter"]);
}

#[test]
fn compare() {
    view("compare", &["Space", "Space", "Space", "c"]);
}

#[test]
fn help() {
    view("help", &["?"]);
}

#[test]
fn too_small_notice_names_both_sizes() {
    for (w, h) in [(MIN_WIDTH - 1, MIN_HEIGHT), (MIN_WIDTH, MIN_HEIGHT - 1)] {
        let t = render(&app(w, h));
        insta::assert_snapshot!(format!("too_small_{w}x{h}"), t.backend());
        let text = format!("{}", t.backend());
        assert!(text.contains(&format!("need {MIN_WIDTH}x{MIN_HEIGHT}")));
        assert!(text.contains(&format!("have {w}x{h}")));
    }
    let t = render(&app(MIN_WIDTH, MIN_HEIGHT));
    let text = format!("{}", t.backend());
    assert!(
        !text.contains("too small") && text.contains("GPT-4o"),
        "{text}"
    );
}

#[test]
fn mono_keeps_the_selection_visible_and_uses_no_colour() {
    let a = tui_fixture::app_with(tui_fixture::catalog(), "mono", 80, 24);
    let t = render(&a);
    let buf = t.backend().buffer();
    // Row 3 is the first table row (top bar, search line, header).
    let cell = &buf[(5, 3)];
    assert!(cell.modifier.contains(Modifier::REVERSED), "{cell:?}");
    for c in buf.content() {
        assert_eq!(
            (c.fg, c.bg),
            (ratatui::style::Color::Reset, ratatui::style::Color::Reset)
        );
    }
}

#[test]
fn at_80_columns_the_required_columns_are_there_and_numbers_whole() {
    let a = app(80, 24);
    let text = format!("{}", render(&a).backend());
    let header = text.lines().nth(2).unwrap();
    for col in ["Model", "Tier", "Context", "In $/M", "Out $/M", "MMLU"] {
        assert!(header.contains(col), "{header}");
    }
    // Prices appear whole.
    assert!(text.contains("$10.00*") && text.contains("$0.55"), "{text}");
}

#[test]
fn every_width_from_minimum_to_wide_keeps_numbers_whole() {
    let catalog = tierwise::data::embedded_catalog().unwrap();
    let mut a = tui_fixture::app_with(catalog, "dark", MIN_WIDTH, 30);
    for w in MIN_WIDTH..=250 {
        a.update(Action::Resize(w, 30));
        let text = format!("{}", render(&a).backend());
        for line in text.lines().skip(3).take(20) {
            // A cut price would end in "$" or "$1." and a cut number would be followed by "…".
            assert!(
                !line.contains("$…")
                    && !line.split_whitespace().any(|w| w.ends_with(".…")
                        && w.trim_end_matches(".…")
                            .chars()
                            .all(|c| c.is_ascii_digit() || c == '$')),
                "width {w}: {line}"
            );
            assert!(
                !line.contains("$ ") && !line.trim_end().ends_with('$'),
                "width {w}: {line}"
            );
        }
    }
}

/// The whole embedded catalogue: it opens on the current models, `a` shows all, the count has
/// thousands separators, and the detail and comparison text is made by update, not the draw.
#[test]
fn the_embedded_catalogue_opens_on_current_models_and_a_shows_all() {
    use tierwise::domain::units::format_count;
    use tierwise::tui::keymap::Keymap;
    use tierwise::tui::theme::Theme;
    let catalog = tierwise::data::embedded_catalog().unwrap();
    let total = catalog.models.len();
    let mut a = App::new(
        catalog,
        Keymap::embedded().unwrap(),
        Theme::builtin("dark").unwrap(),
        (80, 24),
    );
    let current = a.catalogue.hits.len();
    assert!(current > 0 && current < total);
    let screen = format!("{:?}", render(&a).backend());
    let count = format!(
        " {} of {} models",
        format_count(current as f64),
        format_count(total as f64)
    );
    assert!(screen.contains(&count), "{count} not in\n{screen}");
    assert!(screen.contains("current (a: all)"));
    assert!(format_count(total as f64).contains(','));
    keys(&mut a, &["a"]);
    assert_eq!(a.catalogue.hits.len(), total);
    keys(&mut a, &["a"]);
    assert_eq!(a.catalogue.hits.len(), current);

    assert!(a.catalogue.views.detail.is_none() && a.catalogue.views.compare.is_none());
    keys(&mut a, &["Enter"]);
    let (key, lines) = a
        .catalogue
        .views
        .detail
        .as_ref()
        .expect("update made the detail");
    assert_eq!((key.0, key.1), (a.catalogue.hits[0].index, 80));
    assert!(!lines.is_empty());
    keys(&mut a, &["Esc", "Space", "Space", "c"]);
    let (marks, rows) = a
        .catalogue
        .views
        .compare
        .as_ref()
        .expect("update made the rows");
    assert_eq!(marks, &a.catalogue.marks);
    assert!(rows.iter().all(|r| r.cells.len() == 2));
}
