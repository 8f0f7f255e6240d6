//! The catalogue pane's state and how actions change it. Plain data: the hit list is derived
//! here, whenever the query changes, never while drawing.

use super::columns::TableColumns;
use super::compare::CompareRow;
use super::layout::Scroll;
use crate::domain::catalog::Catalog;
use crate::domain::query::{Current, Hit, Query, Searcher, SortKey, sort_keys};
use crate::tui::theme::Theme;
use ratatui::text::Line;

mod send;
mod update;

/// At most this many models can be marked for comparison.
pub const MAX_MARKS: usize = 4;

pub struct CatalogueState {
    pub query: Query,
    /// Cursor in the search text, in characters.
    pub cursor: usize,
    /// The search field has focus (a text field: global keys do not apply).
    pub editing: bool,
    pub hits: Vec<Hit>,
    /// Index into `hits`.
    pub selected: usize,
    /// First visible row of the table.
    pub offset: usize,
    /// Rows the table shows (set by the app from the terminal's height before an update).
    pub page: usize,
    /// Marked model ids, in the order they were marked.
    pub marks: Vec<String>,
    /// The table's columns and the width each needs, measured at load.
    pub columns: TableColumns,
    /// The current-models rule of this catalogue, for the `a` key to switch back to.
    pub current: Current,
    /// Text the detail and comparison views draw, made by update (see `App::refresh_views`).
    pub views: Views,
    sort_keys: Vec<SortKey>,
    searcher: Searcher,
}

/// What the detail view's text depends on: the model, the width and the theme.
pub type DetailKey = (usize, u16, Theme);

/// Text made for the detail and comparison views, with what it was made from, so a draw can
/// tell whether it is for what it shows.
#[derive(Debug, Default)]
pub struct Views {
    /// The detail view's wrapped lines.
    pub detail: Option<(DetailKey, Vec<Line<'static>>)>,
    /// The comparison rows of the marked models, by the marks in order.
    pub compare: Option<(Vec<String>, Vec<CompareRow>)>,
}

impl Views {
    /// The detail lines made for `key`, if those are the ones kept.
    pub fn detail_for(&self, key: &DetailKey) -> Option<&[Line<'static>]> {
        self.detail
            .as_ref()
            .filter(|(k, _)| k == key)
            .map(|(_, lines)| lines.as_slice())
    }

    /// The comparison rows made for `marks`, if those are the ones kept.
    pub fn compare_for(&self, marks: &[String]) -> Option<&[CompareRow]> {
        self.compare
            .as_ref()
            .filter(|(k, _)| k == marks)
            .map(|(_, rows)| rows.as_slice())
    }
}

impl CatalogueState {
    pub fn new(catalog: &Catalog) -> CatalogueState {
        let current = Current::for_catalog(catalog);
        let mut query = Query::default();
        // It opens on the models a user shops for today; `a` shows all.
        query.filters.current = Some(current);
        let mut state = CatalogueState {
            query,
            cursor: 0,
            editing: false,
            hits: Vec::new(),
            selected: 0,
            offset: 0,
            page: 1,
            marks: Vec::new(),
            columns: TableColumns::measure(catalog),
            current,
            views: Views::default(),
            sort_keys: sort_keys(catalog),
            searcher: Searcher::default(),
        };
        state.recompute(catalog);
        state
    }

    /// Re-run search, filters and sort, keeping the selected model selected if it is still
    /// there.
    pub fn recompute(&mut self, catalog: &Catalog) {
        let current = self.hits.get(self.selected).map(|h| h.index);
        self.hits = self.searcher.run(catalog, &self.query);
        self.selected = current
            .and_then(|i| self.hits.iter().position(|h| h.index == i))
            .unwrap_or(0);
    }

    /// Re-run the search after its text changed: the table keeps its sort order and the
    /// cursor goes to the best match, so Enter opens what was typed.
    fn research(&mut self, catalog: &Catalog) {
        if self.query.text.trim().is_empty() {
            return self.recompute(catalog);
        }
        self.hits = self.searcher.run(catalog, &self.query);
        self.selected = self
            .hits
            .iter()
            .enumerate()
            .max_by_key(|(i, h)| (h.relevance, std::cmp::Reverse(*i)))
            .map_or(0, |(i, _)| i);
    }

    /// Catalog index of the selected model.
    pub fn selected_model(&self) -> Option<usize> {
        self.hits.get(self.selected).map(|h| h.index)
    }

    pub fn move_by(&mut self, delta: isize) {
        if self.hits.is_empty() {
            self.selected = 0;
            return;
        }
        let last = self.hits.len() - 1;
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    pub fn move_to(&mut self, index: usize) {
        self.selected = index.min(self.hits.len().saturating_sub(1));
    }

    /// Keep the selection inside a window of `rows` visible rows.
    pub fn scroll_into_view(&mut self, rows: usize) {
        let rows = rows.max(1);
        self.offset.follow(self.selected, rows);
        let max_offset = self.hits.len().saturating_sub(rows);
        self.offset = self.offset.min(max_offset);
    }

    pub fn sort_next(&mut self, catalog: &Catalog) {
        let i = self
            .sort_keys
            .iter()
            .position(|k| *k == self.query.sort)
            .map_or(0, |i| (i + 1) % self.sort_keys.len());
        self.query.sort = self.sort_keys[i].clone();
        // Scores, context, downloads and release read biggest or newest first; everything else
        // starts ascending.
        self.query.descending = matches!(
            self.query.sort,
            SortKey::Score(_) | SortKey::Context | SortKey::Downloads | SortKey::Release
        );
        self.recompute(catalog);
    }

    /// Between the current models and the whole catalogue (the `a` key).
    pub fn toggle_scope(&mut self, catalog: &Catalog) {
        self.query.filters.current = match self.query.filters.current {
            Some(_) => None,
            None => Some(self.current),
        };
        self.recompute(catalog);
    }

    pub fn shows_all(&self) -> bool {
        self.query.filters.current.is_none()
    }

    pub fn sort_reverse(&mut self, catalog: &Catalog) {
        self.query.descending = !self.query.descending;
        self.recompute(catalog);
    }

    /// Mark or unmark a model. Returns a notice when the mark limit stops it.
    pub fn toggle_mark(&mut self, id: &str) -> Option<String> {
        if let Some(pos) = self.marks.iter().position(|m| m == id) {
            self.marks.remove(pos);
            None
        } else if self.marks.len() >= MAX_MARKS {
            Some(format!(
                "at most {MAX_MARKS} models can be marked; unmark one first (x clears all)"
            ))
        } else {
            self.marks.push(id.to_string());
            None
        }
    }

    pub fn is_marked(&self, id: &str) -> bool {
        self.marks.iter().any(|m| m == id)
    }

    // --- search text editing ---

    pub fn insert(&mut self, c: char, catalog: &Catalog) {
        let at = self.byte_at(self.cursor);
        self.query.text.insert(at, c);
        self.cursor += 1;
        self.research(catalog);
    }

    pub fn backspace(&mut self, catalog: &Catalog) {
        if self.cursor == 0 {
            return;
        }
        let at = self.byte_at(self.cursor - 1);
        self.query.text.remove(at);
        self.cursor -= 1;
        self.research(catalog);
    }

    pub fn cursor_left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn cursor_right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.query.text.chars().count());
    }

    pub fn clear_search(&mut self, catalog: &Catalog) {
        self.query.text.clear();
        self.cursor = 0;
        self.recompute(catalog);
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.query
            .text
            .char_indices()
            .nth(chars)
            .map_or(self.query.text.len(), |(i, _)| i)
    }
}
