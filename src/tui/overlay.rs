//! The overlays: views opened over a pane, each owning its state; the top one takes the keys.

use super::filter_menu::FilterMenu;
use super::hybrid_tier::TierSettings;
use super::notes::NotesEditor;
use super::palette::Palette;
use super::picker::Picker;
use super::scenarios::ScenarioList;
use super::usecase_edit::UseCaseEdit;
use crate::domain::explain::Explanation;
use crate::domain::preset::Comparison;

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
