//! Every way the interface state can change, and the effects `update` asks the loop to perform.

use super::export::{ExportDone, ExportJob};
use crate::store::{SaveOutcome, State, StoreError};

/// One change to the interface state. Key bindings name these (see `assets/keymap.ron`).
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Quit,
    Suspend,
    /// Show pane 1, 2 or 3; a pane that does not exist yet is ignored.
    ShowPane(u8),
    FocusNext,
    FocusPrev,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// `Esc`: close the top overlay or cancel the current input.
    Close,
    /// `Enter`: open the selected item or confirm the current input.
    Confirm,
    Help,
    CycleTheme,
    Search,
    OpenFilters,
    SortNext,
    SortReverse,
    /// Catalogue: between the current models and every model.
    ShowAll,
    ToggleMark,
    Compare,
    /// Toggle the focused entry of a menu.
    Toggle,
    /// Clear every filter (filter menu) or every mark (catalogue).
    ClearAll,
    /// Ten steps left or right (Shift-←/→ on a slider).
    FastLeft,
    FastRight,
    /// Restore the selected input's default.
    Reset,
    ZoomIn,
    ZoomOut,
    /// Show the arithmetic behind the selected row.
    Explain,
    /// Open the article presets.
    Presets,
    /// Send the catalogue's marked models to the break-even pane.
    SendToBreakEven,
    /// Hybrid pane: move the selected use case one tier towards tier 1 / tier 3.
    TierPrev,
    TierNext,
    /// Raise or lower the selected value by one step (a use case's share).
    Increase,
    Decrease,
    /// Add an item (a use case).
    Add,
    /// Undo the last edit of the pane.
    Undo,
    Rename,
    /// Re-apply the default routing of use cases to tiers.
    Reroute,
    /// Pick the model of the selected tier.
    PickModel,
    /// List every compliance finding.
    Findings,
    /// Open the scenario list.
    Scenarios,
    /// Open the notes of the active scenario.
    Notes,
    /// Write the active scenario as Markdown and copy it to the clipboard.
    Export,
    /// Open the command palette (every action, model, preset and scenario).
    Palette,
    /// Copy the selected item (a scenario).
    Duplicate,
    /// Open the sensitivity view: what moves the answer, as a tornado chart.
    Sensitivity,
    /// Show or leave the presenter view of panes 2 and 3.
    Present,
    /// Show or hide the uncertainty bands of the break-even chart.
    Bands,
    /// Text input: one typed character.
    Input(char),
    Backspace,
    /// Delete the character under the cursor, or remove the selected entry.
    Delete,
    /// The terminal changed size (columns, rows).
    Resize(u16, u16),
    /// Drop a status notice whose time is up.
    ExpireNotice,
    /// The event loop finished saving `sent` (off the loop).
    Saved(Box<SaveDone>),
    /// The event loop finished an export.
    Exported(Box<ExportDone>),
    /// Quit was asked for but the final save failed.
    QuitUnsaved,
    /// The plan search finished (off the loop).
    Optimized(Box<super::optimum::OptimumDone>),
    /// Hybrid pane: replace the plan by the cheapest compliant one (`u` undoes).
    ApplyOptimum,
}

/// A save the event loop performed, for `update` to adopt.
#[derive(Debug, Clone, PartialEq)]
pub struct SaveDone {
    pub sent: State,
    pub result: Result<SaveOutcome, StoreError>,
}

impl Action {
    /// Every action a key can be bound to, by its name in the keymap file.
    pub const NAMED: &[(&str, Action)] = &[
        ("quit", Action::Quit),
        ("suspend", Action::Suspend),
        ("pane-1", Action::ShowPane(1)),
        ("pane-2", Action::ShowPane(2)),
        ("pane-3", Action::ShowPane(3)),
        ("focus-next", Action::FocusNext),
        ("focus-prev", Action::FocusPrev),
        ("up", Action::Up),
        ("down", Action::Down),
        ("left", Action::Left),
        ("right", Action::Right),
        ("page-up", Action::PageUp),
        ("page-down", Action::PageDown),
        ("top", Action::Top),
        ("bottom", Action::Bottom),
        ("close", Action::Close),
        ("confirm", Action::Confirm),
        ("help", Action::Help),
        ("cycle-theme", Action::CycleTheme),
        ("search", Action::Search),
        ("filters", Action::OpenFilters),
        ("sort-next", Action::SortNext),
        ("sort-reverse", Action::SortReverse),
        ("show-all", Action::ShowAll),
        ("mark", Action::ToggleMark),
        ("compare", Action::Compare),
        ("toggle", Action::Toggle),
        ("clear-all", Action::ClearAll),
        ("backspace", Action::Backspace),
        ("fast-left", Action::FastLeft),
        ("fast-right", Action::FastRight),
        ("reset", Action::Reset),
        ("zoom-in", Action::ZoomIn),
        ("zoom-out", Action::ZoomOut),
        ("explain", Action::Explain),
        ("presets", Action::Presets),
        ("send-to-break-even", Action::SendToBreakEven),
        ("delete", Action::Delete),
        ("tier-prev", Action::TierPrev),
        ("tier-next", Action::TierNext),
        ("increase", Action::Increase),
        ("decrease", Action::Decrease),
        ("add", Action::Add),
        ("undo", Action::Undo),
        ("rename", Action::Rename),
        ("reroute", Action::Reroute),
        ("pick-model", Action::PickModel),
        ("findings", Action::Findings),
        ("scenarios", Action::Scenarios),
        ("notes", Action::Notes),
        ("export", Action::Export),
        ("duplicate", Action::Duplicate),
        ("palette", Action::Palette),
        ("sensitivity", Action::Sensitivity),
        ("present", Action::Present),
        ("bands", Action::Bands),
        ("apply-optimum", Action::ApplyOptimum),
    ];

    pub fn from_name(name: &str) -> Option<Action> {
        Self::NAMED
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, a)| a.clone())
    }

    pub fn names() -> impl Iterator<Item = &'static str> {
        Self::NAMED.iter().map(|(n, _)| *n)
    }
}

/// Work `update` asks the event loop to do; `update` itself does no input or output. Each
/// carries what the work needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Save what is unsaved, then leave (unless the save fails: see `Action::QuitUnsaved`).
    Quit,
    /// Leave now, without saving.
    Leave,
    /// Restore the terminal, stop the process (Ctrl-Z), and redraw everything on resume.
    Suspend,
    /// Clear the notice line after a few seconds.
    ExpireNoticeLater,
    /// The saved state changed: save once no change has come for a second.
    SaveSoon,
    /// Write this export to a file (off the loop) and copy it to the clipboard.
    Export(Box<ExportJob>),
    /// Run the plan search on this scenario off the loop; it reports `Action::Optimized`.
    Optimize(Box<OptimizeJob>),
}

/// What the plan search reads: the catalogue (shared, not copied), the rules, the scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct OptimizeJob {
    pub catalog: std::sync::Arc<crate::domain::catalog::Catalog>,
    pub rules: crate::domain::rules::RuleBook,
    pub scenario: crate::domain::scenario::Scenario,
}

/// What an update did: whether the screen must be redrawn, and the effects to perform.
#[derive(Debug, Default, PartialEq)]
pub struct Outcome {
    pub redraw: bool,
    pub effects: Vec<Effect>,
}

impl Outcome {
    pub fn redraw() -> Outcome {
        Outcome {
            redraw: true,
            effects: Vec::new(),
        }
    }
    pub fn effect(effect: Effect) -> Outcome {
        Outcome {
            redraw: true,
            effects: vec![effect],
        }
    }

    /// Both updates' effects, redrawing if either does.
    pub fn and(mut self, other: Outcome) -> Outcome {
        self.redraw |= other.redraw;
        self.effects.extend(other.effects);
        self
    }
}
