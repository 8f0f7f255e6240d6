//! What the explorer shows after `tierwise update`: the status line names the price data and
//! its age, a listed price that moved is marked, and the detail view gives the old value.

#[path = "tui_fixture/mod.rs"]
mod tui_fixture;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tierwise::domain::catalog_diff::diff;
use tierwise::tui::theme::Theme;
use tierwise::tui::ui::detail::lines_with_changes;

fn screen(app: &tierwise::tui::app::App, w: u16, h: u16) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| tierwise::tui::ui::draw(f, app)).unwrap();
    let buf = terminal.backend().buffer().clone();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect())
        .collect()
}

#[test]
fn the_status_line_names_the_data_in_use_when_there_is_room() {
    let mut app = tui_fixture::app(120, 30);
    let status = "prices: models.dev + LiteLLM fetched 2026-12-04 (2 days old)";
    app.ctx.data_status = Some(status.to_string());
    let wide = screen(&app, 120, 30);
    assert!(wide[1].contains(status), "{}", wide[1]);
    // Too narrow for it: the search line stays as it was.
    let mut narrow = tui_fixture::app(60, 24);
    narrow.ctx.data_status = Some(status.to_string());
    assert!(!screen(&narrow, 60, 24)[1].contains("prices:"));
}

#[test]
fn a_moved_price_is_marked_and_the_detail_view_gives_the_old_one() {
    let before = tui_fixture::catalog();
    let i = before
        .models
        .iter()
        .position(|m| m.price.is_some())
        .expect("a priced model");
    let mut after = before.clone();
    let price = after.models[i].price.as_mut().unwrap();
    let old = price.value.input;
    price.value.input = old / 2.0;
    let changes = diff(&before, &after);
    assert_eq!(changes.prices.len(), 1);

    let theme = Theme::builtin("dark").unwrap();
    let text: Vec<String> = lines_with_changes(&after, &changes, &theme, i, 120)
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    let was = text
        .iter()
        .find(|l| l.contains("Was (embedded)"))
        .unwrap_or_else(|| panic!("{text:#?}"));
    let show = |v: f64| tierwise::tui::format::price(v);
    assert!(
        was.contains(&format!(
            "default input: {} → now {}",
            show(old),
            show(old / 2.0)
        )),
        "{was}"
    );

    // In the table the moved input price is drawn in the warning style.
    let mut app = tui_fixture::app_with(after.clone(), "dark", 160, 30);
    app.ctx.price_changes = changes;
    let mut terminal = Terminal::new(TestBackend::new(160, 30)).unwrap();
    terminal.draw(|f| tierwise::tui::ui::draw(f, &app)).unwrap();
    let buf = terminal.backend().buffer().clone();
    let warn = theme.warn.fg;
    let name = &after.models[i].name;
    let row = (0..30u16)
        .find(|&y| {
            (0..160u16)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
                .contains(name.as_str())
        })
        .expect("the model's row");
    let coloured: String = (0..160u16)
        .filter(|&x| buf[(x, row)].fg == warn.unwrap_or_default() && warn.is_some())
        .map(|x| buf[(x, row)].symbol().to_string())
        .collect();
    assert!(coloured.contains(&show(old / 2.0)), "{coloured:?}");
}
