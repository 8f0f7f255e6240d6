//! What a pane or an overlay asks of the app after its `update` handled an action. The parts
//! change their own state and the document; anything beyond that (another overlay, the plan
//! search, a notice) they ask for here, and `app` does it, so no part reaches into another.

use super::palette::Target as Entry;
use super::picker::Picker;
use super::scenarios::Naming;
use super::sensitivity::Target;

/// The answer of a part's `update`.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// The action meant nothing here: no redraw.
    Nothing,
    Redraw,
    Notice(String),
    /// The scenario changed: the app recomputes what depends on it at once and shows
    /// `notice`, naming a blocking finding the change added, so a risky move is never silent.
    /// With `close`, the top overlay closes first.
    Edited {
        notice: String,
        close: bool,
    },
    /// A hybrid tier's model or deployment changed (0-based): the app recomputes the plan
    /// and adds the tier's new monthly cost to `notice`.
    TierEdited {
        tier: usize,
        notice: String,
    },
    /// Close the top overlay.
    Close,
    /// Open or start another part.
    Ask(Ask),
}

/// What a part may ask the app to open or start.
#[derive(Debug, Clone, PartialEq)]
pub enum Ask {
    /// Every finding of the hybrid plan.
    Findings,
    /// The field editor of the selected use case.
    EditUseCase,
    /// Typing a new name for the selected use case (its name now).
    RenameUseCase(String),
    /// The settings of a hybrid tier (0-based).
    TierSettings(usize),
    /// The model picker of a hybrid tier (0-based).
    TierModel(usize),
    /// A picker over one of a hybrid tier's choices (GPU, region, ...).
    TierChoice { tier: usize, picker: Box<Picker> },
    /// Leave the tornado for the slider of one of its bars (`input` names it).
    Jump { input: String, target: Target },
    /// Make this saved scenario the active one.
    SwitchScenario(String),
    /// Create, copy or rename the `selected` scenario under a checked `name`.
    NameScenario {
        purpose: Naming,
        selected: usize,
        name: String,
    },
    /// Delete the `selected` scenario (confirmed).
    DeleteScenario(usize),
    /// Close the palette and run its chosen entry.
    Run(Entry),
    /// What moves the answer (`v`).
    Sensitivity,
    /// The presentation view.
    Present,
    /// Apply the plan search's optimum.
    ApplyOptimum,
    /// The detail view of one model (index into the catalogue's models), over what is open.
    Detail(usize),
    /// The comparison of the marked models.
    Compare,
    /// The catalogue's filter menu.
    Filters,
    /// Show pane 2, recomputed from the scenario a part changed, with this notice (the
    /// catalogue's marks were sent to it).
    BreakEven(String),
    /// A fuzzy list for one of pane 2's choices (region, API model, GPU, ...).
    Choice(Box<Picker>),
    /// The arithmetic behind one row of pane 2's table (API rows first, then the deployment).
    Explain(usize),
    /// The articles' cost scenarios.
    Presets,
}
