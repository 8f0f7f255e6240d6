//! The interface state and `update`, the only place it changes. `update` does no input or
//! output: it returns effects for the event loop to perform.

mod breakeven;
mod export;
mod hybrid;
mod notes;
mod palette;
mod scenarios;
mod tier;

pub use super::action::Outcome;
pub use super::chrome::Chrome;
pub use super::context::Ctx;
pub use super::document::Document;
pub use super::overlay::Overlay;
pub use super::pane::Pane;

use super::action::{Action, Effect, SaveDone};
use super::breakeven::{BreakEvenState, Context};
use super::catalogue::CatalogueState;
use super::filter_menu::FilterMenu;
use super::hybrid::HybridState;
use super::keymap::{Code, Key, Keymap, Mode};
use super::layout::{self, Measured, Scroll, scroll_text};
use super::session::{Session, pane_name, pane_number};
use super::theme::Theme;
use crate::domain::catalog::Catalog;
use crate::domain::preset::Preset;
use crate::domain::rules::RuleBook;
use crate::domain::scenario::Scenario;
use crate::store::{SaveOutcome, State, StoreError};
use unicode_width::UnicodeWidthStr;

/// The smallest terminal the interface draws in; below it a notice says what is needed.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 18;

pub struct App {
    /// What the session reads and never changes.
    pub ctx: Ctx,
    /// What is saved: the scenario, every other one, the undo history.
    pub doc: Document,
    /// What the screen shows around the panes.
    pub chrome: Chrome,
    pub catalogue: CatalogueState,
    /// Pane 2: sliders and the derived break-even view.
    pub breakeven: BreakEvenState,
    /// Pane 3: the hybrid plan's selection, undo and cached plan.
    pub hybrid: HybridState,
    /// Quit was asked for while the last save failed.
    quit_asked: bool,
}

impl App {
    /// The interface over `catalog` with the embedded rules and presets and the built-in
    /// scenario. A test catalogue that lacks the sources or models they name gets none of them
    /// (the break-even pane then says which inputs it cannot resolve).
    pub fn new(catalog: Catalog, keymap: Keymap, theme: Theme, size: (u16, u16)) -> App {
        let rules = crate::data::embedded_rules(&catalog).unwrap_or_default();
        let presets = crate::data::embedded_presets(&catalog).unwrap_or_default();
        let scenario = super::breakeven::default_scenario(&catalog);
        App::with_data(catalog, rules, presets, scenario, keymap, theme, size)
    }

    pub fn with_data(
        catalog: Catalog,
        rules: RuleBook,
        presets: Vec<Preset>,
        scenario: Scenario,
        keymap: Keymap,
        theme: Theme,
        size: (u16, u16),
    ) -> App {
        let catalogue = CatalogueState::new(&catalog);
        let ctx = Context {
            catalog: &catalog,
            rules: &rules,
            presets: &presets,
        };
        let breakeven = BreakEvenState::new(&scenario, &ctx, size);
        let session = Session::new(State::single(scenario.clone()), None);
        let builtin = scenario.clone();
        let mut app = App {
            ctx: Ctx {
                catalog,
                rules,
                presets,
                keymap,
                builtin,
            },
            doc: Document {
                scenario,
                session,
                undo_group: None,
                list_changed: false,
            },
            chrome: Chrome::new(theme, size),
            catalogue,
            breakeven,
            hybrid: HybridState::default(),
            quit_asked: false,
        };
        app.refresh();
        app.sync_scenario();
        app.doc.session.mark_saved(app.current_state());
        app
    }

    /// Take over the saved state at start: its active scenario with its theme (unless the
    /// command line chose one), pane and marks; `notices` open in an overlay.
    pub fn restore(
        &mut self,
        state: State,
        not_saved: Option<String>,
        notices: Vec<String>,
        keep_theme: bool,
    ) {
        self.doc.session = Session::new(state.clone(), not_saved);
        self.load_active(!keep_theme);
        if let Some(p) = self.doc.scenario.pane.as_deref().and_then(pane_number) {
            self.chrome.pane = Pane::from_number(p).unwrap_or(Pane::Catalogue);
        }
        self.sync_scenario();
        // A theme from the command line is this session's choice, saved with the next change.
        self.doc.session.mark_saved(state);
        if !notices.is_empty() {
            self.chrome.overlays.push(Overlay::Notices {
                lines: notices,
                scroll: 0,
            });
        }
    }

    /// Make the session's active scenario the edited one: marks, theme (when `theme`), and
    /// every pane's derived view.
    pub(crate) fn load_active(&mut self, theme: bool) {
        if let Some(s) = self.doc.session.state.active_scenario().cloned() {
            self.doc.scenario = s;
        }
        self.doc.session.state.active = self.doc.scenario.name.clone();
        let catalog = &self.ctx.catalog;
        self.catalogue.marks = self
            .doc
            .scenario
            .marks
            .iter()
            .filter(|id| catalog.model(id).is_some())
            .take(super::catalogue::MAX_MARKS)
            .cloned()
            .collect();
        if theme && let Some(Ok(t)) = self.doc.scenario.theme.as_deref().map(Theme::builtin) {
            self.chrome.theme = t;
        }
        self.recompute_breakeven();
        self.hybrid = HybridState::default();
        self.refresh();
    }

    /// Copy what the interface holds outside the scenario (theme, pane, marks) into it.
    pub(crate) fn sync_scenario(&mut self) {
        let s = &mut self.doc.scenario;
        if s.theme.as_deref() != Some(self.chrome.theme.name.as_str()) {
            s.theme = Some(self.chrome.theme.name.clone());
        }
        let pane = pane_name(self.chrome.pane.number());
        if s.pane.as_deref() != Some(pane) {
            s.pane = Some(pane.to_string());
        }
        if s.marks != self.catalogue.marks {
            s.marks = self.catalogue.marks.clone();
        }
    }

    /// Every scenario as it is now, for saving.
    pub fn current_state(&self) -> State {
        self.doc.session.with_active(&self.doc.scenario)
    }

    pub fn is_dirty(&self) -> bool {
        self.doc.session.is_dirty(&self.current_state())
    }

    /// A notice on the status line, or in the notices overlay when it is too long for it.
    pub(crate) fn tell(&mut self, text: String) -> Outcome {
        if text.width() + 2 <= usize::from(self.chrome.size.0) {
            return self.notify(text);
        }
        self.chrome.overlays.push(Overlay::Notices {
            lines: vec![text],
            scroll: 0,
        });
        Outcome::redraw()
    }

    /// The event loop saved `sent`: adopt a merge, or say why the save failed.
    pub fn after_save(&mut self, sent: State, result: Result<SaveOutcome, StoreError>) -> Outcome {
        match result {
            Ok(SaveOutcome::Saved | SaveOutcome::NotPersistent) => {
                self.doc.session.mark_saved(sent);
                Outcome::default()
            }
            Ok(SaveOutcome::ReplacedUnreadable { moved_to, reason }) => {
                self.doc.session.mark_saved(sent);
                self.tell(format!(
                    "the state file had become unusable ({reason}); it was moved to {} and replaced by this session's scenarios",
                    moved_to.display()
                ))
            }
            Ok(SaveOutcome::Merged {
                state,
                taken_from_other,
                overrode_other,
                deleted_by_other,
            }) => {
                self.doc.session.mark_saved(state.clone());
                // Edits made while saving (none when the save is synchronous) stay on top.
                if self.current_state().scenarios == sent.scenarios {
                    let pane = self.chrome.pane;
                    self.doc.session.state = state;
                    self.load_active(false);
                    self.chrome.pane = pane;
                    self.sync_scenario();
                }
                let quote = |v: &[String]| {
                    v.iter()
                        .map(|n| format!("\"{n}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let mut parts = Vec::new();
                if !taken_from_other.is_empty() {
                    parts.push(format!("took {} from it", quote(&taken_from_other)));
                }
                if !deleted_by_other.is_empty() {
                    parts.push(format!(
                        "removed {} (deleted there)",
                        quote(&deleted_by_other)
                    ));
                }
                if !overrode_other.is_empty() {
                    parts.push(format!("kept this session's {}", quote(&overrode_other)));
                }
                if !taken_from_other.is_empty() || !deleted_by_other.is_empty() {
                    self.doc.session.forget_undo();
                }
                self.tell(format!(
                    "another session saved meanwhile; merged: {}",
                    parts.join("; ")
                ))
            }
            Err(e) => {
                if let StoreError::NewerOnDisk { .. } = e {
                    self.doc.session.not_saved = Some(e.to_string());
                }
                self.tell(e.to_string())
            }
        }
    }

    /// Quit asked for while unsaved changes could not be written: the first time says so and
    /// stays, the second leaves.
    pub fn quit_anyway(&mut self) -> bool {
        if self.quit_asked {
            return true;
        }
        self.quit_asked = true;
        self.chrome.notice =
            Some("changes not saved (see the message); q again quits without them".into());
        false
    }

    /// `u`: back to the state before the last change (the pane in focus stays).
    fn undo(&mut self) -> Outcome {
        let Some(state) = self.doc.session.pop_undo() else {
            return self.notify("nothing to undo".into());
        };
        let pane = self.chrome.pane;
        let keep = std::mem::take(&mut self.hybrid);
        self.doc.session.state = state;
        self.load_active(true);
        self.hybrid = keep;
        self.refresh();
        self.chrome.pane = pane;
        self.sync_scenario();
        let mut outcome = self.notify("undone".into());
        outcome.effects.push(Effect::SaveSoon);
        outcome
    }

    /// Recompute what depends on the scenario, if it changed.
    fn refresh(&mut self) {
        self.hybrid
            .refresh(&self.ctx.catalog, &self.ctx.rules, &self.doc.scenario);
    }

    pub fn too_small(&self) -> bool {
        self.chrome.size.0 < MIN_WIDTH || self.chrome.size.1 < MIN_HEIGHT
    }

    /// Which bindings apply now.
    pub fn mode(&self) -> Mode {
        match self.chrome.overlays.last() {
            Some(Overlay::Help { .. }) => Mode::Help,
            Some(Overlay::Detail { .. }) => Mode::Detail,
            Some(Overlay::Compare { .. }) => Mode::Compare,
            Some(Overlay::Filter(_)) => Mode::Filter,
            Some(Overlay::Picker(_)) => Mode::Picker,
            Some(Overlay::Explain { .. }) => Mode::Explain,
            Some(Overlay::Presets { .. }) => Mode::Presets,
            Some(Overlay::UseCase(e)) if e.text.is_some() => Mode::UseCaseText,
            Some(Overlay::UseCase(_)) => Mode::UseCase,
            Some(Overlay::Findings { .. }) => Mode::Findings,
            Some(Overlay::TierPicker { .. }) => Mode::Picker,
            Some(Overlay::TierSettings(s)) if s.editor.is_some() => Mode::Editor,
            Some(Overlay::TierSettings(_)) => Mode::TierSettings,
            Some(Overlay::Scenarios(l)) => match l.step {
                super::scenarios::Step::Browse => Mode::Scenarios,
                super::scenarios::Step::Naming { .. } => Mode::ScenarioName,
                super::scenarios::Step::ConfirmDelete => Mode::ScenarioConfirm,
            },
            Some(Overlay::Notes(_)) => Mode::Notes,
            Some(Overlay::Notices { .. }) => Mode::Notices,
            Some(Overlay::Palette(_)) => Mode::Palette,
            Some(Overlay::Sensitivity(_)) => Mode::Sensitivity,
            None => match self.chrome.pane {
                Pane::Catalogue if self.catalogue.editing => Mode::Search,
                Pane::Catalogue => Mode::Catalogue,
                Pane::BreakEven if self.breakeven.editor.is_some() => Mode::Editor,
                Pane::BreakEven => Mode::BreakEven,
                Pane::Hybrid => Mode::Hybrid,
            },
        }
    }

    /// The action a key press asks for, if any.
    pub fn key_action(&self, key: Key) -> Option<Action> {
        let mode = self.mode();
        if self.too_small() {
            // Only leaving works while the screen is too small to show anything else.
            return self
                .ctx
                .keymap
                .lookup(mode, key)
                .filter(|a| matches!(a, Action::Quit | Action::Suspend));
        }
        // Shift-←/→ act as plain arrows wherever they have no binding of their own.
        let bound = self
            .ctx
            .keymap
            .lookup(mode, key)
            .or_else(|| match key.code {
                Code::ShiftLeft => self.ctx.keymap.lookup(
                    mode,
                    Key {
                        code: Code::Left,
                        ..key
                    },
                ),
                Code::ShiftRight => self.ctx.keymap.lookup(
                    mode,
                    Key {
                        code: Code::Right,
                        ..key
                    },
                ),
                _ => None,
            });
        match (bound, key.code) {
            (None, Code::Char(c)) if mode.is_text_input() && !key.ctrl => Some(Action::Input(c)),
            (bound, _) => bound,
        }
    }

    pub fn update(&mut self, action: Action) -> Outcome {
        match action {
            // Nothing the scenario holds changes: skip the comparison.
            Action::Resize(..) | Action::ExpireNotice => return self.update_view(action),
            // What the event loop did off the loop comes back here.
            Action::Saved(done) => {
                let SaveDone { sent, result } = *done;
                return self.after_save(sent, result);
            }
            Action::Exported(done) => return self.after_export(*done),
            Action::QuitUnsaved => {
                return if self.quit_anyway() {
                    Outcome::effect(Effect::Leave)
                } else {
                    Outcome::redraw()
                };
            }
            Action::Undo => return self.undo(),
            // The palette takes every key but these; what it runs comes back through here.
            Action::Quit | Action::Suspend => {}
            _ if matches!(self.chrome.overlays.last(), Some(Overlay::Palette(_))) => {
                return self.update_palette(action);
            }
            _ => {}
        }
        let before = self.doc.scenario.clone();
        self.doc.undo_group = None;
        self.doc.list_changed = false;
        let mut outcome = self.update_view(action);
        self.sync_scenario();
        let group = self.doc.undo_group.take();
        let list_changed = std::mem::take(&mut self.doc.list_changed);
        if list_changed || self.doc.scenario != before {
            if !list_changed {
                // Moving between panes is saved but is no undo step.
                let mut same_pane = before.clone();
                same_pane.pane = self.doc.scenario.pane.clone();
                if same_pane != self.doc.scenario {
                    let previous = self.doc.session.with_active(&before);
                    self.doc.session.push_undo(previous, group);
                }
            }
            outcome.redraw = true;
            outcome.effects.push(Effect::SaveSoon);
        }
        outcome
    }

    /// `update` without the bookkeeping of changes.
    fn update_view(&mut self, action: Action) -> Outcome {
        match action {
            Action::Quit => return Outcome::effect(Effect::Quit),
            Action::Suspend => return Outcome::effect(Effect::Suspend),
            Action::Resize(w, h) => {
                self.chrome.size = (w, h);
                self.after_move();
                return Outcome::redraw();
            }
            Action::ExpireNotice => {
                let had = self.chrome.notice.take().is_some();
                return Outcome {
                    redraw: had,
                    effects: Vec::new(),
                };
            }
            Action::CycleTheme => {
                if let Ok(theme) = Theme::builtin(self.chrome.theme.next_name()) {
                    self.chrome.theme = theme;
                }
                return self.notify(format!("theme: {}", self.chrome.theme.name));
            }
            Action::Help => {
                if matches!(self.chrome.overlays.last(), Some(Overlay::Help { .. })) {
                    self.chrome.overlays.pop();
                } else {
                    self.chrome.overlays.push(Overlay::Help { scroll: 0 });
                }
                return Outcome::redraw();
            }
            Action::Scenarios if !self.mode().is_text_input() => return self.open_scenarios(),
            Action::Notes if !self.mode().is_text_input() => return self.open_notes(),
            Action::Palette if !self.mode().is_text_input() => return self.open_palette(),
            Action::Export => return self.start_export(),
            Action::ShowPane(n) => {
                return match Pane::from_number(n) {
                    Some(pane) => {
                        self.chrome.pane = pane;
                        self.chrome.overlays.clear();
                        Outcome::redraw()
                    }
                    None => Outcome::default(),
                };
            }
            _ => {}
        }
        let outcome = match (self.chrome.overlays.last(), self.mode()) {
            // The hybrid tier overlays reuse the picker and editor modes' keys.
            (Some(Overlay::TierSettings(_)), _) => self.update_tier_settings(action),
            (Some(Overlay::TierPicker { .. }), _) => self.update_tier_picker(action),
            (_, mode) => self.update_mode(mode, action),
        };
        self.refresh();
        self.after_move();
        outcome
    }

    fn update_mode(&mut self, mode: Mode, action: Action) -> Outcome {
        match mode {
            Mode::Help => self.update_help(action),
            Mode::Detail => self.update_detail(action),
            Mode::Compare => self.update_compare(action),
            Mode::Filter => self.update_filter(action),
            Mode::Search => self.update_search(action),
            Mode::Hybrid => self.update_hybrid(action),
            Mode::UseCase | Mode::UseCaseText => self.update_use_case(action),
            Mode::Findings => self.update_findings(action),
            Mode::TierSettings => self.update_tier_settings(action),
            Mode::Catalogue | Mode::Global => self.update_catalogue(action),
            Mode::BreakEven | Mode::Editor => self.update_breakeven(action),
            Mode::Picker => self.update_picker(action),
            Mode::Explain => self.update_explain(action),
            Mode::Presets => self.update_presets(action),
            Mode::Scenarios | Mode::ScenarioName | Mode::ScenarioConfirm => {
                self.update_scenarios(action)
            }
            Mode::Notes => self.update_notes(action),
            Mode::Notices => self.update_notices(action),
            // Handled in `update` before anything else.
            Mode::Palette => Outcome::default(),
            Mode::Sensitivity => self.update_sensitivity(action),
        }
    }

    pub(crate) fn notify(&mut self, text: String) -> Outcome {
        self.chrome.notice = Some(text);
        Outcome::effect(Effect::ExpireNoticeLater)
    }

    /// Rows of the table that fit on screen.
    pub fn table_rows(&self) -> usize {
        layout::table_rows(self.chrome.size.1)
    }

    /// Use-case rows the hybrid table shows.
    pub(crate) fn hybrid_rows(&self) -> usize {
        let findings = self.hybrid.plan().map_or(1, |p| p.findings.len());
        layout::hybrid_table_rows(
            self.chrome.size,
            self.doc.scenario.use_cases.len(),
            findings,
        )
    }

    fn page(&self) -> isize {
        self.table_rows().max(1) as isize
    }

    fn after_move(&mut self) {
        let rows = self.table_rows();
        self.catalogue.scroll_into_view(rows);
        let rows = self.hybrid_rows();
        self.hybrid.scroll_into_view(rows);
    }

    fn update_catalogue(&mut self, action: Action) -> Outcome {
        let page = self.page();
        let cat = &mut self.catalogue;
        match action {
            Action::Up => cat.move_by(-1),
            Action::Down => cat.move_by(1),
            Action::PageUp => cat.move_by(-page),
            Action::PageDown => cat.move_by(page),
            Action::Top => cat.move_to(0),
            Action::Bottom => cat.move_to(usize::MAX),
            Action::Search | Action::FocusNext | Action::FocusPrev => {
                cat.editing = true;
                cat.cursor = cat.query.text.chars().count();
            }
            Action::Close => {
                if cat.query.text.is_empty() {
                    return Outcome::default();
                }
                cat.clear_search(&self.ctx.catalog);
            }
            Action::Confirm => match cat.selected_model() {
                Some(model) => self
                    .chrome
                    .overlays
                    .push(Overlay::Detail { model, scroll: 0 }),
                None => return Outcome::default(),
            },
            Action::SortNext => cat.sort_next(&self.ctx.catalog),
            Action::SortReverse => cat.sort_reverse(&self.ctx.catalog),
            Action::ToggleMark => {
                let Some(i) = cat.selected_model() else {
                    return Outcome::default();
                };
                let id = self.ctx.catalog.models[i].id.clone();
                if let Some(msg) = self.catalogue.toggle_mark(&id) {
                    return self.notify(msg);
                }
                self.catalogue.move_by(1);
            }
            Action::ClearAll => cat.marks.clear(),
            Action::Compare => return self.open_compare(),
            Action::SendToBreakEven => return self.send_marks(),
            Action::OpenFilters => {
                let menu = FilterMenu::new(&self.ctx.catalog, &cat.facets, &cat.query.filters);
                self.chrome.overlays.push(Overlay::Filter(menu));
            }
            _ => return Outcome::default(),
        }
        Outcome::redraw()
    }

    fn open_compare(&mut self) -> Outcome {
        if self.catalogue.marks.is_empty() {
            return self.notify("mark models with Space first (up to 4), then press c".into());
        }
        self.chrome
            .overlays
            .retain(|o| !matches!(o, Overlay::Compare { .. }));
        self.chrome.overlays.push(Overlay::Compare {
            focus: 0,
            scroll: 0,
        });
        Outcome::redraw()
    }

    fn update_search(&mut self, action: Action) -> Outcome {
        let cat = &mut self.catalogue;
        match action {
            Action::Input(c) => cat.insert(c, &self.ctx.catalog),
            Action::Backspace => cat.backspace(&self.ctx.catalog),
            Action::Left => cat.cursor_left(),
            Action::Right => cat.cursor_right(),
            Action::Up => cat.move_by(-1),
            Action::Down => cat.move_by(1),
            Action::Close => {
                cat.clear_search(&self.ctx.catalog);
                cat.editing = false;
            }
            Action::Confirm | Action::FocusNext | Action::FocusPrev => cat.editing = false,
            _ => return Outcome::default(),
        }
        Outcome::redraw()
    }

    fn update_filter(&mut self, action: Action) -> Outcome {
        let Some(Overlay::Filter(menu)) = self.chrome.overlays.last_mut() else {
            return Outcome::default();
        };
        let filters = &mut self.catalogue.query.filters;
        let mut refilter = false;
        match action {
            Action::Up => menu.move_by(-1),
            Action::Down => menu.move_by(1),
            Action::PageUp => menu.move_by(-10),
            Action::PageDown => menu.move_by(10),
            Action::Top => menu.cursor = 0,
            Action::Bottom => menu.move_by(isize::MAX),
            Action::FocusNext => menu.jump_section(true),
            Action::FocusPrev => menu.jump_section(false),
            Action::Toggle | Action::Confirm => {
                menu.toggle(filters, &self.ctx.catalog);
                refilter = true;
            }
            Action::Left => refilter = menu.adjust(-1, filters, &self.ctx.catalog),
            Action::Right => refilter = menu.adjust(1, filters, &self.ctx.catalog),
            Action::ClearAll => {
                *filters = Default::default();
                refilter = true;
            }
            Action::Close => {
                self.chrome.overlays.pop();
            }
            _ => return Outcome::default(),
        }
        if refilter {
            self.catalogue.recompute(&self.ctx.catalog);
        }
        Outcome::redraw()
    }

    fn update_detail(&mut self, action: Action) -> Outcome {
        let body = layout::detail_text_rows(layout::body_rows(self.chrome.size.1));
        let hits: Vec<usize> = self.catalogue.hits.iter().map(|h| h.index).collect();
        let max = Measured::limit(&self.chrome.measured.detail_max);
        let Some(Overlay::Detail { model, scroll }) = self.chrome.overlays.last_mut() else {
            return Outcome::default();
        };
        if scroll_text(scroll, &action, body, max) {
            return Outcome::redraw();
        }
        match action {
            Action::Left | Action::Right | Action::FocusNext | Action::FocusPrev => {
                // Step through the models in the table's current order.
                let pos = hits.iter().position(|i| i == model);
                let next = match (pos, matches!(action, Action::Left | Action::FocusPrev)) {
                    (Some(p), true) => p.checked_sub(1),
                    (Some(p), false) => Some(p + 1).filter(|n| *n < hits.len()),
                    (None, _) => None,
                };
                let Some(n) = next else {
                    return Outcome::default();
                };
                *model = hits[n];
                *scroll = 0;
                self.catalogue.move_to(n);
            }
            Action::ToggleMark => {
                let id = self.ctx.catalog.models[*model].id.clone();
                if let Some(msg) = self.catalogue.toggle_mark(&id) {
                    return self.notify(msg);
                }
            }
            Action::Compare => return self.open_compare(),
            Action::Close => {
                self.chrome.overlays.pop();
            }
            _ => return Outcome::default(),
        }
        Outcome::redraw()
    }

    fn update_compare(&mut self, action: Action) -> Outcome {
        let marks = self.catalogue.marks.len();
        let Some(Overlay::Compare { focus, scroll }) = self.chrome.overlays.last_mut() else {
            return Outcome::default();
        };
        match action {
            Action::Left | Action::FocusPrev => *focus = focus.saturating_sub(1),
            Action::Right | Action::FocusNext => *focus = (*focus + 1).min(marks.saturating_sub(1)),
            Action::Up => scroll.back(1),
            Action::Down => scroll.forward(1, usize::MAX),
            Action::Top => *scroll = 0,
            Action::ToggleMark => {
                if *focus < marks {
                    self.catalogue.marks.remove(*focus);
                    *focus = (*focus).min(marks.saturating_sub(2));
                }
                if self.catalogue.marks.is_empty() {
                    self.chrome.overlays.pop();
                }
            }
            Action::Confirm => {
                let id = self.catalogue.marks.get(*focus).cloned();
                if let Some(model) =
                    id.and_then(|id| self.ctx.catalog.models.iter().position(|m| m.id == id))
                {
                    self.chrome
                        .overlays
                        .push(Overlay::Detail { model, scroll: 0 });
                }
            }
            Action::Close => {
                self.chrome.overlays.pop();
            }
            _ => return Outcome::default(),
        }
        self.clamp_compare_scroll();
        Outcome::redraw()
    }

    fn clamp_compare_scroll(&mut self) {
        let max = Measured::limit(&self.chrome.measured.compare_max);
        if let Some(Overlay::Compare { scroll, .. }) = self.chrome.overlays.last_mut() {
            scroll.stop_at(max);
        }
    }

    fn update_notices(&mut self, action: Action) -> Outcome {
        let Some(Overlay::Notices { scroll, .. }) = self.chrome.overlays.last_mut() else {
            return Outcome::default();
        };
        match action {
            Action::Up => scroll.back(1),
            Action::Down => scroll.forward(1, usize::MAX),
            Action::Close | Action::Confirm => {
                self.chrome.overlays.pop();
            }
            _ => return Outcome::default(),
        }
        Outcome::redraw()
    }

    fn update_help(&mut self, action: Action) -> Outcome {
        let max = Measured::limit(&self.chrome.measured.help_max);
        let Some(Overlay::Help { scroll }) = self.chrome.overlays.last_mut() else {
            return Outcome::default();
        };
        if scroll_text(scroll, &action, 10, max) {
            return Outcome::redraw();
        }
        match action {
            Action::Close => {
                self.chrome.overlays.pop();
            }
            _ => return Outcome::default(),
        }
        Outcome::redraw()
    }
}
