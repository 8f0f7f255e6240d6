//! From a key to an action: which bindings apply (the mode of the top overlay or the pane),
//! and the keymap's lookup with the fallbacks every mode shares.

use super::{App, Overlay, Pane};
use crate::tui::action::Action;
use crate::tui::keymap::{Code, Key, Mode};
use crate::tui::scenarios::Step;

impl App {
    /// Which bindings apply now.
    pub fn mode(&self) -> Mode {
        match self.chrome.overlays.last() {
            Some(Overlay::Help { .. }) => Mode::Help,
            Some(Overlay::Detail(_)) => Mode::Detail,
            Some(Overlay::Compare(_)) => Mode::Compare,
            Some(Overlay::Filter(_)) => Mode::Filter,
            Some(Overlay::Picker(_)) => Mode::Picker,
            Some(Overlay::Explain(_)) => Mode::Explain,
            Some(Overlay::Presets(_)) => Mode::Presets,
            Some(Overlay::UseCase(e)) if e.text.is_some() => Mode::UseCaseText,
            Some(Overlay::UseCase(_)) => Mode::UseCase,
            Some(Overlay::Findings { .. }) => Mode::Findings,
            Some(Overlay::TierPicker { .. }) => Mode::Picker,
            Some(Overlay::TierSettings(s)) if s.editor.is_some() => Mode::Editor,
            Some(Overlay::TierSettings(_)) => Mode::TierSettings,
            Some(Overlay::Scenarios(l)) => match l.step {
                Step::Browse => Mode::Scenarios,
                Step::Naming { .. } => Mode::ScenarioName,
                Step::ConfirmDelete => Mode::ScenarioConfirm,
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
}
