//! The interface state and `update`, the only place it changes. `update` does no input or
//! output: it returns effects for the event loop to perform.

use super::action::{Action, Effect};
use super::breakeven::{self, BreakEvenState, Context};
use super::catalogue::CatalogueState;
use super::export::ExportJob;
use super::filter_menu::FilterMenu;
use super::hybrid::HybridState;
use super::hybrid_tier::TierSettings;
use super::keymap::{Code, Key, Keymap, Mode};
use super::notes::NotesEditor;
use super::palette::Palette;
use super::picker::Picker;
use super::scenarios::ScenarioList;
use super::session::{Session, pane_name, pane_number};
use super::theme::Theme;
use super::ui;
use super::usecase_edit::UseCaseEdit;
use crate::domain::catalog::Catalog;
use crate::domain::explain::Explanation;
use crate::domain::preset::{Comparison, Preset};
use crate::domain::rules::RuleBook;
use crate::domain::scenario::Scenario;
use crate::store::{SaveOutcome, State, StoreError};
use unicode_width::UnicodeWidthStr;

/// The smallest terminal the interface draws in; below it a notice says what is needed.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 18;

/// A top-level pane. Hybrid (3) joins later as another variant; the tab bar and the number
/// keys only know the panes listed in `Pane::ALL`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Catalogue,
    BreakEven,
    Hybrid,
}

impl Pane {
    pub const ALL: &[Pane] = &[Pane::Catalogue, Pane::BreakEven, Pane::Hybrid];

    pub fn number(self) -> u8 {
        match self {
            Pane::Catalogue => 1,
            Pane::BreakEven => 2,
            Pane::Hybrid => 3,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Pane::Catalogue => "Catalogue",
            Pane::BreakEven => "Break-even",
            Pane::Hybrid => "Hybrid",
        }
    }

    pub fn from_number(n: u8) -> Option<Pane> {
        Pane::ALL.iter().copied().find(|p| p.number() == n)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    /// Every figure of one model (index into `catalog.models`) with its sources.
    Detail {
        model: usize,
        scroll: usize,
    },
    /// The marked models side by side; `focus` is a column.
    Compare {
        focus: usize,
        scroll: usize,
    },
    Filter(FilterMenu),
    Help {
        scroll: usize,
    },
    /// A fuzzy list for a break-even choice (region, GPU, model).
    Picker(Picker),
    /// The arithmetic behind one row of the break-even table.
    Explain {
        row: usize,
        scroll: usize,
        explanation: Explanation,
    },
    /// The articles' cost scenarios, each with its stated figures beside the computed ones.
    Presets {
        selected: usize,
        scroll: usize,
        comparisons: Vec<Result<Vec<Comparison>, String>>,
    },
    /// The fields of the hybrid pane's selected use case.
    UseCase(UseCaseEdit),
    /// Every finding of the hybrid plan with its source.
    Findings {
        scroll: usize,
    },
    /// The deployment sliders of a self-hosted hybrid tier.
    TierSettings(Box<TierSettings>),
    /// A fuzzy list for a hybrid tier (0-based): its model, or a choice among its settings.
    TierPicker {
        tier: usize,
        picker: Picker,
    },
    /// The saved scenarios (`S`).
    Scenarios(ScenarioList),
    /// The active scenario's notes (`n`).
    Notes(Box<NotesEditor>),
    /// Messages too long for the notice line: what the store or the user's data files said
    /// at start, a merge with another session, an export's path.
    Notices {
        lines: Vec<String>,
        scroll: usize,
    },
    /// The command palette (`:`, Ctrl-P).
    Palette(Box<Palette>),
    /// What moves the answer (`v`): a tornado chart over the pane's scenario.
    Sensitivity(Box<super::sensitivity::Sensitivity>),
}

/// What an update did: whether the screen must be redrawn, and the effects to perform.
#[derive(Debug, Default, PartialEq)]
pub struct Outcome {
    pub redraw: bool,
    pub effects: Vec<Effect>,
}

impl Outcome {
    pub(crate) fn redraw() -> Outcome {
        Outcome {
            redraw: true,
            effects: Vec::new(),
        }
    }
    pub(crate) fn effect(effect: Effect) -> Outcome {
        Outcome {
            redraw: true,
            effects: vec![effect],
        }
    }
}

pub struct App {
    pub catalog: Catalog,
    pub keymap: Keymap,
    pub theme: Theme,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    pub pane: Pane,
    pub catalogue: CatalogueState,
    /// Open overlays, the top one last.
    pub overlays: Vec<Overlay>,
    /// A one-line message on the status line (cleared by a timer).
    pub notice: Option<String>,
    /// The scenario the user edits; the top bar shows its name once it has its own.
    pub scenario: Scenario,
    pub rules: RuleBook,
    pub presets: Vec<Preset>,
    /// Pane 2: sliders and the derived break-even view.
    pub breakeven: BreakEvenState,
    /// Pane 3: the hybrid plan's selection, undo and cached plan.
    pub hybrid: HybridState,
    /// Every saved scenario, the undo stack, and whether saving is on.
    pub session: Session,
    /// What "new scenario" starts from.
    pub builtin: Scenario,
    /// An export built by `update` for the event loop to write.
    pub export: Option<ExportJob>,
    /// Set by an update whose change continues a stretch (typing notes): one undo step.
    pub(crate) undo_group: Option<&'static str>,
    /// Set by a scenario-list operation, which records its own undo step.
    pub(crate) list_changed: bool,
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
        let scenario = breakeven::default_scenario(&catalog);
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
            catalog,
            keymap,
            theme,
            size,
            pane: Pane::Catalogue,
            catalogue,
            overlays: Vec::new(),
            notice: None,
            scenario,
            rules,
            presets,
            breakeven,
            hybrid: HybridState::default(),
            session,
            builtin,
            export: None,
            undo_group: None,
            list_changed: false,
            quit_asked: false,
        };
        app.refresh();
        app.sync_scenario();
        app.session.mark_saved(app.current_state());
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
        self.session = Session::new(state.clone(), not_saved);
        self.load_active(!keep_theme);
        if let Some(p) = self.scenario.pane.as_deref().and_then(pane_number) {
            self.pane = Pane::from_number(p).unwrap_or(Pane::Catalogue);
        }
        self.sync_scenario();
        // A theme from the command line is this session's choice, saved with the next change.
        self.session.mark_saved(state);
        if !notices.is_empty() {
            self.overlays.push(Overlay::Notices {
                lines: notices,
                scroll: 0,
            });
        }
    }

    /// Make the session's active scenario the edited one: marks, theme (when `theme`), and
    /// every pane's derived view.
    pub(crate) fn load_active(&mut self, theme: bool) {
        if let Some(s) = self.session.state.active_scenario().cloned() {
            self.scenario = s;
        }
        self.session.state.active = self.scenario.name.clone();
        let catalog = &self.catalog;
        self.catalogue.marks = self
            .scenario
            .marks
            .iter()
            .filter(|id| catalog.model(id).is_some())
            .take(super::catalogue::MAX_MARKS)
            .cloned()
            .collect();
        if theme && let Some(Ok(t)) = self.scenario.theme.as_deref().map(Theme::builtin) {
            self.theme = t;
        }
        self.recompute_breakeven();
        self.hybrid = HybridState::default();
        self.refresh();
    }

    /// Copy what the interface holds outside the scenario (theme, pane, marks) into it.
    pub(crate) fn sync_scenario(&mut self) {
        let s = &mut self.scenario;
        if s.theme.as_deref() != Some(self.theme.name.as_str()) {
            s.theme = Some(self.theme.name.clone());
        }
        let pane = pane_name(self.pane.number());
        if s.pane.as_deref() != Some(pane) {
            s.pane = Some(pane.to_string());
        }
        if s.marks != self.catalogue.marks {
            s.marks = self.catalogue.marks.clone();
        }
    }

    /// Every scenario as it is now, for saving.
    pub fn current_state(&self) -> State {
        self.session.with_active(&self.scenario)
    }

    pub fn is_dirty(&self) -> bool {
        self.session.is_dirty(&self.current_state())
    }

    /// A notice on the status line, or in the notices overlay when it is too long for it.
    pub(crate) fn tell(&mut self, text: String) -> Outcome {
        if text.width() + 2 <= usize::from(self.size.0) {
            return self.notify(text);
        }
        self.overlays.push(Overlay::Notices {
            lines: vec![text],
            scroll: 0,
        });
        Outcome::redraw()
    }

    /// The event loop saved `sent`: adopt a merge, or say why the save failed.
    pub fn after_save(&mut self, sent: State, result: Result<SaveOutcome, StoreError>) -> Outcome {
        match result {
            Ok(SaveOutcome::Saved | SaveOutcome::NotPersistent) => {
                self.session.mark_saved(sent);
                Outcome::default()
            }
            Ok(SaveOutcome::ReplacedUnreadable { moved_to, reason }) => {
                self.session.mark_saved(sent);
                self.tell(format!(
                    "the state file had become unusable ({reason}); it was moved to {} and replaced by this session's scenarios",
                    moved_to.display()
                ))
            }
            Ok(SaveOutcome::Merged {
                state,
                taken_from_other,
                overrode_other,
                conflicts,
                deleted_by_other,
            }) => {
                self.session.mark_saved(state.clone());
                // Edits made while saving (none when the save is synchronous) stay on top.
                if self.current_state().scenarios == sent.scenarios {
                    let pane = self.pane;
                    self.session.state = state;
                    self.load_active(false);
                    self.pane = pane;
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
                if !conflicts.is_empty() {
                    let fields: Vec<String> = conflicts.iter().map(|c| c.to_string()).collect();
                    parts.push(format!("kept this session's {}", fields.join(", ")));
                } else if !overrode_other.is_empty() {
                    parts.push(format!("kept this session's {}", quote(&overrode_other)));
                }
                if !taken_from_other.is_empty() || !deleted_by_other.is_empty() {
                    self.session.forget_undo();
                }
                self.tell(format!(
                    "another session saved meanwhile; merged: {}",
                    parts.join("; ")
                ))
            }
            Err(e) => {
                if let StoreError::NewerOnDisk { .. } = e {
                    self.session.not_saved = Some(e.to_string());
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
        self.notice =
            Some("changes not saved (see the message); q again quits without them".into());
        false
    }

    /// `u`: back to the state before the last change (the pane in focus stays).
    fn undo(&mut self) -> Outcome {
        let Some(state) = self.session.pop_undo() else {
            return self.notify("nothing to undo".into());
        };
        let pane = self.pane;
        let keep = std::mem::take(&mut self.hybrid);
        self.session.state = state;
        self.load_active(true);
        self.hybrid = keep;
        self.refresh();
        self.pane = pane;
        self.sync_scenario();
        let mut outcome = self.notify("undone".into());
        outcome.effects.push(Effect::SaveSoon);
        outcome
    }

    /// Recompute what depends on the scenario, if it changed.
    fn refresh(&mut self) {
        self.hybrid
            .refresh(&self.catalog, &self.rules, &self.scenario);
    }

    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    /// Which bindings apply now.
    pub fn mode(&self) -> Mode {
        match self.overlays.last() {
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
            None => match self.pane {
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
                .keymap
                .lookup(mode, key)
                .filter(|a| matches!(a, Action::Quit | Action::Suspend));
        }
        // Shift-←/→ act as plain arrows wherever they have no binding of their own.
        let bound = self.keymap.lookup(mode, key).or_else(|| match key.code {
            Code::ShiftLeft => self.keymap.lookup(
                mode,
                Key {
                    code: Code::Left,
                    ..key
                },
            ),
            Code::ShiftRight => self.keymap.lookup(
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
            Action::Undo => return self.undo(),
            // The palette takes every key but these; what it runs comes back through here.
            Action::Quit | Action::Suspend => {}
            _ if matches!(self.overlays.last(), Some(Overlay::Palette(_))) => {
                return self.update_palette(action);
            }
            _ => {}
        }
        let before = self.scenario.clone();
        self.undo_group = None;
        self.list_changed = false;
        let mut outcome = self.update_view(action);
        self.sync_scenario();
        let group = self.undo_group.take();
        let list_changed = std::mem::take(&mut self.list_changed);
        if list_changed || self.scenario != before {
            if !list_changed {
                // Moving between panes is saved but is no undo step.
                let mut same_pane = before.clone();
                same_pane.pane = self.scenario.pane.clone();
                if same_pane != self.scenario {
                    let previous = self.session.with_active(&before);
                    self.session.push_undo(previous, group);
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
                self.size = (w, h);
                self.after_move();
                return Outcome::redraw();
            }
            Action::ExpireNotice => {
                let had = self.notice.take().is_some();
                return Outcome {
                    redraw: had,
                    effects: Vec::new(),
                };
            }
            Action::CycleTheme => {
                if let Ok(theme) = Theme::builtin(self.theme.next_name()) {
                    self.theme = theme;
                }
                return self.notify(format!("theme: {}", self.theme.name));
            }
            Action::Help => {
                if matches!(self.overlays.last(), Some(Overlay::Help { .. })) {
                    self.overlays.pop();
                } else {
                    self.overlays.push(Overlay::Help { scroll: 0 });
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
                        self.pane = pane;
                        self.overlays.clear();
                        Outcome::redraw()
                    }
                    None => Outcome::default(),
                };
            }
            _ => {}
        }
        let outcome = match (self.overlays.last(), self.mode()) {
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
        self.notice = Some(text);
        Outcome::effect(Effect::ExpireNoticeLater)
    }

    /// Rows of the table that fit on screen.
    pub fn table_rows(&self) -> usize {
        ui::table_rows(self.size.1)
    }

    fn page(&self) -> isize {
        self.table_rows().max(1) as isize
    }

    fn after_move(&mut self) {
        let rows = self.table_rows();
        self.catalogue.scroll_into_view(rows);
        let rows = ui::hybrid::table_rows(self);
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
                cat.clear_search(&self.catalog);
            }
            Action::Confirm => match cat.selected_model() {
                Some(model) => self.overlays.push(Overlay::Detail { model, scroll: 0 }),
                None => return Outcome::default(),
            },
            Action::SortNext => cat.sort_next(&self.catalog),
            Action::SortReverse => cat.sort_reverse(&self.catalog),
            Action::ToggleMark => {
                let Some(i) = cat.selected_model() else {
                    return Outcome::default();
                };
                let id = self.catalog.models[i].id.clone();
                if let Some(msg) = self.catalogue.toggle_mark(&id) {
                    return self.notify(msg);
                }
                self.catalogue.move_by(1);
            }
            Action::ClearAll => cat.marks.clear(),
            Action::Compare => return self.open_compare(),
            Action::SendToBreakEven => return self.send_marks(),
            Action::OpenFilters => {
                let menu = FilterMenu::new(&self.catalog, &cat.facets, &cat.query.filters);
                self.overlays.push(Overlay::Filter(menu));
            }
            _ => return Outcome::default(),
        }
        Outcome::redraw()
    }

    fn open_compare(&mut self) -> Outcome {
        if self.catalogue.marks.is_empty() {
            return self.notify("mark models with Space first (up to 4), then press c".into());
        }
        self.overlays
            .retain(|o| !matches!(o, Overlay::Compare { .. }));
        self.overlays.push(Overlay::Compare {
            focus: 0,
            scroll: 0,
        });
        Outcome::redraw()
    }

    fn update_search(&mut self, action: Action) -> Outcome {
        let cat = &mut self.catalogue;
        match action {
            Action::Input(c) => cat.insert(c, &self.catalog),
            Action::Backspace => cat.backspace(&self.catalog),
            Action::Left => cat.cursor_left(),
            Action::Right => cat.cursor_right(),
            Action::Up => cat.move_by(-1),
            Action::Down => cat.move_by(1),
            Action::Close => {
                cat.clear_search(&self.catalog);
                cat.editing = false;
            }
            Action::Confirm | Action::FocusNext | Action::FocusPrev => cat.editing = false,
            _ => return Outcome::default(),
        }
        Outcome::redraw()
    }

    fn update_filter(&mut self, action: Action) -> Outcome {
        let Some(Overlay::Filter(menu)) = self.overlays.last_mut() else {
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
                menu.toggle(filters, &self.catalog);
                refilter = true;
            }
            Action::Left => refilter = menu.adjust(-1, filters, &self.catalog),
            Action::Right => refilter = menu.adjust(1, filters, &self.catalog),
            Action::ClearAll => {
                *filters = Default::default();
                refilter = true;
            }
            Action::Close => {
                self.overlays.pop();
            }
            _ => return Outcome::default(),
        }
        if refilter {
            self.catalogue.recompute(&self.catalog);
        }
        Outcome::redraw()
    }

    fn update_detail(&mut self, action: Action) -> Outcome {
        let body = ui::detail::text_rows(ui::body_rows(self.size.1));
        let hits: Vec<usize> = self.catalogue.hits.iter().map(|h| h.index).collect();
        let Some(Overlay::Detail { model: shown, .. }) = self.overlays.last() else {
            return Outcome::default();
        };
        let lines = ui::detail::line_count(&self.catalog, &self.theme, *shown, self.size.0);
        let max_scroll = lines.saturating_sub(body);
        let Some(Overlay::Detail { model, scroll }) = self.overlays.last_mut() else {
            return Outcome::default();
        };
        match action {
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::Down => *scroll = (*scroll + 1).min(max_scroll),
            Action::PageUp => *scroll = scroll.saturating_sub(body),
            Action::PageDown => *scroll = (*scroll + body).min(max_scroll),
            Action::Top => *scroll = 0,
            Action::Bottom => *scroll = max_scroll,
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
                let id = self.catalog.models[*model].id.clone();
                if let Some(msg) = self.catalogue.toggle_mark(&id) {
                    return self.notify(msg);
                }
            }
            Action::Compare => return self.open_compare(),
            Action::Close => {
                self.overlays.pop();
            }
            _ => return Outcome::default(),
        }
        Outcome::redraw()
    }

    fn update_compare(&mut self, action: Action) -> Outcome {
        let marks = self.catalogue.marks.len();
        let Some(Overlay::Compare { focus, scroll }) = self.overlays.last_mut() else {
            return Outcome::default();
        };
        match action {
            Action::Left | Action::FocusPrev => *focus = focus.saturating_sub(1),
            Action::Right | Action::FocusNext => *focus = (*focus + 1).min(marks.saturating_sub(1)),
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::Down => *scroll += 1,
            Action::Top => *scroll = 0,
            Action::ToggleMark => {
                if *focus < marks {
                    self.catalogue.marks.remove(*focus);
                    *focus = (*focus).min(marks.saturating_sub(2));
                }
                if self.catalogue.marks.is_empty() {
                    self.overlays.pop();
                }
            }
            Action::Confirm => {
                let id = self.catalogue.marks.get(*focus).cloned();
                if let Some(model) =
                    id.and_then(|id| self.catalog.models.iter().position(|m| m.id == id))
                {
                    self.overlays.push(Overlay::Detail { model, scroll: 0 });
                }
            }
            Action::Close => {
                self.overlays.pop();
            }
            _ => return Outcome::default(),
        }
        self.clamp_compare_scroll();
        Outcome::redraw()
    }

    fn clamp_compare_scroll(&mut self) {
        let rows = ui::compare::row_count(self);
        let body = ui::body_rows(self.size.1).saturating_sub(3);
        if let Some(Overlay::Compare { scroll, .. }) = self.overlays.last_mut() {
            *scroll = (*scroll).min(rows.saturating_sub(body));
        }
    }

    fn update_notices(&mut self, action: Action) -> Outcome {
        let Some(Overlay::Notices { scroll, .. }) = self.overlays.last_mut() else {
            return Outcome::default();
        };
        match action {
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::Down => *scroll += 1,
            Action::Close | Action::Confirm => {
                self.overlays.pop();
            }
            _ => return Outcome::default(),
        }
        Outcome::redraw()
    }

    fn update_help(&mut self, action: Action) -> Outcome {
        let max = ui::help::line_count(&self.keymap, self.size.0)
            .saturating_sub(ui::body_rows(self.size.1).saturating_sub(2));
        let Some(Overlay::Help { scroll }) = self.overlays.last_mut() else {
            return Outcome::default();
        };
        match action {
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::Down => *scroll = (*scroll + 1).min(max),
            Action::PageUp => *scroll = scroll.saturating_sub(10),
            Action::PageDown => *scroll = (*scroll + 10).min(max),
            Action::Top => *scroll = 0,
            Action::Bottom => *scroll = max,
            Action::Close => {
                self.overlays.pop();
            }
            _ => return Outcome::default(),
        }
        Outcome::redraw()
    }
}
