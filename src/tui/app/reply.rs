//! Doing what the panes' and overlays' replies ask: the one place a part's `update` result
//! turns into overlays opened or closed, notices, and work for other parts.

use super::{App, Outcome, Overlay};
use crate::tui::model_view::ModelDetail;
use crate::tui::reply::{Ask, Reply};
use crate::tui::usecase_edit::UseCaseEdit;

impl App {
    /// Do what a part's reply asks.
    pub(crate) fn answer(&mut self, reply: Reply) -> Outcome {
        match reply {
            Reply::Nothing => Outcome::default(),
            Reply::Redraw => Outcome::redraw(),
            Reply::Notice(text) => self.notify(text),
            Reply::Edited { notice, close } => {
                if close {
                    self.chrome.overlays.pop();
                }
                self.after_edit(notice)
            }
            Reply::TierEdited { tier, notice } => self.after_tier_change(tier, notice),
            Reply::Close => {
                self.chrome.overlays.pop();
                Outcome::redraw()
            }
            Reply::Ask(ask) => self.open(ask),
        }
    }

    /// Open the overlay or start what `ask` names.
    fn open(&mut self, ask: Ask) -> Outcome {
        let overlay = match ask {
            Ask::Findings => Overlay::Findings { scroll: 0 },
            Ask::EditUseCase => Overlay::UseCase(UseCaseEdit::new()),
            Ask::RenameUseCase(name) => Overlay::UseCase(UseCaseEdit::rename(&name)),
            Ask::TierSettings(tier) => return self.open_tier_settings(tier),
            Ask::TierModel(tier) => return self.open_tier_model(tier),
            Ask::TierChoice { tier, picker } => Overlay::TierPicker {
                tier,
                picker: *picker,
            },
            Ask::Sensitivity => return self.open_sensitivity(),
            Ask::Run(entry) => {
                self.chrome.overlays.pop();
                return Outcome::redraw().and(self.run(entry));
            }
            Ask::SwitchScenario(name) => return self.switch_scenario(name),
            Ask::NameScenario {
                purpose,
                selected,
                name,
            } => return self.apply_naming(purpose, selected, name),
            Ask::DeleteScenario(selected) => return self.delete_scenario(selected),
            Ask::Jump { input, target } => return self.sensitivity_jump(input, target),
            Ask::Present => return self.toggle_present(),
            Ask::ApplyOptimum => return self.apply_optimum(),
            Ask::Detail(model) => Overlay::Detail(ModelDetail::new(model)),
            Ask::Compare => return self.open_compare(),
            Ask::Filters => return self.open_filters(),
            Ask::BreakEven(notice) => return self.show_breakeven(notice),
            Ask::Choice(picker) => Overlay::Picker(*picker),
            Ask::Explain(row) => return self.open_explain(row),
            Ask::Presets => return self.open_presets(),
        };
        self.chrome.overlays.push(overlay);
        Outcome::redraw()
    }
}
