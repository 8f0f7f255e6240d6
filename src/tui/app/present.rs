//! The app's side of the presenter view: `P` in panes 2 and 3 shows it or leaves it.

use super::{App, Outcome};
use crate::tui::pane::Pane;
use crate::tui::present::Presenter;

impl App {
    pub(crate) fn toggle_present(&mut self) -> Outcome {
        self.chrome.present = match self.chrome.present {
            Some(_) => None,
            None if self.chrome.pane == Pane::BreakEven => {
                Some(Presenter::open(&self.breakeven.view.sliders))
            }
            None => Some(Presenter::default()),
        };
        Outcome::redraw()
    }

    /// `tierwise --present`: start on the break-even pane with the presenter view shown.
    pub fn start_presenting(&mut self) {
        self.chrome.pane = Pane::BreakEven;
        self.chrome.present = Some(Presenter::open(&self.breakeven.view.sliders));
    }
}
