//! A one-line editor for typing an exact value, on ratatui-textarea. It keeps the field it
//! edits, the unit to show after the text and the last refusal, shown inline until the text
//! changes.

use super::action::Action;
use super::sliders::Field;
use ratatui_textarea::{CursorMove, TextArea};

/// What a key did to the editor.
#[derive(Debug, Clone, PartialEq)]
pub enum EditorEvent {
    /// Still editing; `true` when the text or cursor changed.
    Editing(bool),
    /// `Enter`: try this text.
    Submit(String),
    /// `Esc`: leave without changing anything.
    Cancel,
}

pub struct Editor {
    pub field: Field,
    pub unit: &'static str,
    pub area: TextArea<'static>,
    /// Why the last submitted text was refused: names the field, the value, what is allowed.
    pub error: Option<String>,
}

impl Editor {
    pub fn new(field: Field, text: &str, unit: &'static str) -> Editor {
        let mut area = TextArea::new(vec![text.to_string()]);
        area.move_cursor(CursorMove::End);
        Editor {
            field,
            unit,
            area,
            error: None,
        }
    }

    pub fn text(&self) -> String {
        self.area.lines().first().cloned().unwrap_or_default()
    }

    /// Cursor position in characters.
    pub fn cursor(&self) -> usize {
        self.area.cursor().1
    }

    pub fn handle(&mut self, action: &Action) -> EditorEvent {
        let changed = match action {
            Action::Input(c) if !c.is_control() => {
                self.area.insert_char(*c);
                true
            }
            Action::Backspace => self.area.delete_char(),
            Action::Delete => self.area.delete_next_char(),
            Action::Left => self.moved(CursorMove::Back),
            Action::Right => self.moved(CursorMove::Forward),
            Action::Top => self.moved(CursorMove::Head),
            Action::Bottom => self.moved(CursorMove::End),
            Action::ClearAll => {
                self.area.move_cursor(CursorMove::End);
                self.area.delete_line_by_head()
            }
            Action::Confirm => return EditorEvent::Submit(self.text()),
            Action::Close => return EditorEvent::Cancel,
            _ => false,
        };
        if changed {
            self.error = None;
        }
        EditorEvent::Editing(changed)
    }

    fn moved(&mut self, m: CursorMove) -> bool {
        let before = self.area.cursor();
        self.area.move_cursor(m);
        self.area.cursor() != before
    }
}
