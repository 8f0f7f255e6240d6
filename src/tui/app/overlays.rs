//! The notices and help overlays.

use super::{App, Outcome, Overlay};
use crate::tui::action::Action;
use crate::tui::layout::{Measured, Scroll, scroll_text};

impl App {
    pub(crate) fn update_notices(&mut self, action: Action) -> Outcome {
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

    pub(crate) fn update_help(&mut self, action: Action) -> Outcome {
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
