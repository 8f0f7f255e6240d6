//! The app's side of `notes.rs`: opening it and routing actions to it.

use super::{App, Outcome, Overlay};
use crate::tui::action::Action;
use crate::tui::notes::NotesEditor;

impl App {
    pub(crate) fn open_notes(&mut self) -> Outcome {
        self.chrome
            .overlays
            .retain(|o| !matches!(o, Overlay::Notes(_)));
        let editor = NotesEditor::new(&self.doc.scenario.notes);
        self.chrome.overlays.push(Overlay::Notes(Box::new(editor)));
        Outcome::redraw()
    }

    pub(crate) fn update_notes(&mut self, action: Action) -> Outcome {
        let Some(Overlay::Notes(editor)) = self.chrome.overlays.last_mut() else {
            return Outcome::default();
        };
        let reply = editor.update(action, &mut self.doc);
        self.answer(reply)
    }
}
