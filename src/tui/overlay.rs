//! The overlays: views opened over a pane, each owning its state; the top one takes the keys.

use super::explain_view::ExplainView;
use super::filter_menu::FilterMenu;
use super::hybrid_tier::TierSettings;
use super::model_view::{CompareView, ModelDetail};
use super::notes::NotesEditor;
use super::palette::Palette;
use super::picker::Picker;
use super::presets_view::PresetsView;
use super::scenarios::ScenarioList;
use super::usecase_edit::UseCaseEdit;

#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    /// Every figure of one model with its sources.
    Detail(ModelDetail),
    /// The marked models side by side.
    Compare(CompareView),
    Filter(FilterMenu),
    Help {
        scroll: usize,
    },
    /// A fuzzy list for a break-even choice (region, GPU, model).
    Picker(Picker),
    /// The arithmetic behind one row of the break-even table.
    Explain(ExplainView),
    /// The articles' cost scenarios, each with its stated figures beside the computed ones.
    Presets(PresetsView),
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
