//! The overlays that only show text and scroll: help, notices and the findings list. Each
//! scrolls within the largest scroll its last draw measured (`scrolled::update`).

use super::{App, Outcome, Overlay};
use crate::tui::action::Action;
use crate::tui::layout::{self, Measured};
use crate::tui::scrolled;

impl App {
    pub(crate) fn update_notices(&mut self, action: Action) -> Outcome {
        let max = Measured::limit(&self.chrome.measured.notices_max);
        let page = layout::body_rows(self.chrome.size.1).saturating_sub(2);
        let Some(Overlay::Notices { scroll, .. }) = self.chrome.overlays.last_mut() else {
            return Outcome::default();
        };
        let closes = [Action::Close, Action::Confirm];
        let reply = scrolled::update(scroll, &action, page, max, &closes);
        self.answer(reply)
    }

    pub(crate) fn update_help(&mut self, action: Action) -> Outcome {
        let max = Measured::limit(&self.chrome.measured.help_max);
        let Some(Overlay::Help { scroll }) = self.chrome.overlays.last_mut() else {
            return Outcome::default();
        };
        let reply = scrolled::update(scroll, &action, 10, max, &[Action::Close]);
        self.answer(reply)
    }

    pub(crate) fn update_findings(&mut self, action: Action) -> Outcome {
        let max = Measured::limit(&self.chrome.measured.findings_max);
        let page = layout::body_rows(self.chrome.size.1).saturating_sub(2);
        let Some(Overlay::Findings { scroll }) = self.chrome.overlays.last_mut() else {
            return Outcome::default();
        };
        let closes = [Action::Close, Action::Findings];
        let reply = scrolled::update(scroll, &action, page, max, &closes);
        self.answer(reply)
    }
}
