//! The notes of the active scenario (`n`): a multi-line editor for what the room decided. Each
//! keystroke is written to the scenario at once, so notes are saved like any other change; a
//! stretch of typing is one undo step.

use super::action::Action;
use super::document::Document;
use super::reply::Reply;
use ratatui_textarea::{CursorMove, TextArea};

/// Notes longer than this are refused keystroke by keystroke (the state file stays small).
pub const MAX_NOTES: usize = 20_000;

pub struct NotesEditor {
    pub area: TextArea<'static>,
}

impl std::fmt::Debug for NotesEditor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NotesEditor")
            .field("text", &self.text())
            .finish()
    }
}

impl Clone for NotesEditor {
    fn clone(&self) -> Self {
        NotesEditor::new(&self.text())
    }
}

impl PartialEq for NotesEditor {
    fn eq(&self, other: &Self) -> bool {
        self.text() == other.text()
    }
}

impl NotesEditor {
    pub fn new(text: &str) -> NotesEditor {
        let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        let mut area = TextArea::new(lines);
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        NotesEditor { area }
    }

    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// Handle an action while the notes are the top overlay; typing edits the scenario's
    /// notes at once, as one undo step per burst of typing.
    pub fn update(&mut self, action: Action, doc: &mut Document) -> Reply {
        if matches!(action, Action::Close | Action::Notes) {
            return Reply::Close;
        }
        match self.handle(&action) {
            None => Reply::Nothing,
            Some(false) => Reply::Redraw,
            Some(true) => {
                doc.scenario.notes = self.text();
                doc.undo_group = Some("notes");
                Reply::Redraw
            }
        }
    }

    /// Apply a key; `Some(true)` when the text changed, `Some(false)` when only the cursor
    /// moved, `None` when the key does nothing here.
    pub(crate) fn handle(&mut self, action: &Action) -> Option<bool> {
        let a = &mut self.area;
        let full = || {
            a.lines()
                .iter()
                .map(|l| l.chars().count() + 1)
                .sum::<usize>()
                >= MAX_NOTES
        };
        let text_changed = match action {
            Action::Input(c) if !c.is_control() => {
                if full() {
                    return Some(false);
                }
                a.insert_char(*c);
                true
            }
            Action::Confirm => {
                if full() {
                    return Some(false);
                }
                a.insert_newline();
                true
            }
            Action::Backspace => a.delete_char(),
            Action::Delete => a.delete_next_char(),
            _ => {
                let m = match action {
                    Action::Left => CursorMove::Back,
                    Action::Right => CursorMove::Forward,
                    Action::Up => CursorMove::Up,
                    Action::Down => CursorMove::Down,
                    Action::Top => CursorMove::Head,
                    Action::Bottom => CursorMove::End,
                    Action::PageUp => CursorMove::Top,
                    Action::PageDown => CursorMove::Bottom,
                    _ => return None,
                };
                a.move_cursor(m);
                false
            }
        };
        Some(text_changed)
    }
}
