//! How keys change the palette; the chosen entry is the app's to run.

use super::Palette;
use crate::tui::action::Action;
use crate::tui::picker::{FilteredList, PickerKey};
use crate::tui::reply::{Ask, Reply};

impl Palette {
    /// Handle a key while the palette is on top; `rows` of the list fit on screen. The chosen
    /// entry is run by the app, through its `update` as keys would.
    pub fn update(&mut self, action: &Action, rows: usize) -> Reply {
        match self.handle(action, rows) {
            PickerKey::Changed => Reply::Redraw,
            PickerKey::Unchanged | PickerKey::Other => Reply::Nothing,
            PickerKey::Close => Reply::Close,
            PickerKey::Confirm => match self.chosen() {
                Some(entry) => Reply::Ask(Ask::Run(entry.target.clone())),
                None => Reply::Nothing,
            },
        }
    }
}
