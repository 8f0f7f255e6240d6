//! The scenario list (`S`): switch, new, duplicate, rename, and delete after a confirmation.
//! Every operation is one undo step and is saved like any other change.

mod update;

use ratatui_textarea::{CursorMove, TextArea};

/// Names are cut to this many characters.
pub const MAX_NAME: usize = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Naming {
    New,
    Duplicate,
    Rename,
}

impl Naming {
    pub fn title(self) -> &'static str {
        match self {
            Naming::New => "Name of the new scenario",
            Naming::Duplicate => "Name of the copy",
            Naming::Rename => "New name",
        }
    }
}

#[derive(Debug, Clone)]
pub enum Step {
    Browse,
    Naming {
        purpose: Naming,
        area: Box<TextArea<'static>>,
        error: Option<String>,
    },
    ConfirmDelete,
}

impl PartialEq for Step {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Step::Browse, Step::Browse) | (Step::ConfirmDelete, Step::ConfirmDelete) => true,
            (Step::Naming { purpose: a, .. }, Step::Naming { purpose: b, .. }) => a == b,
            _ => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioList {
    /// Index into the session's scenarios.
    pub selected: usize,
    pub step: Step,
}

impl ScenarioList {
    pub fn naming_text(&self) -> Option<(String, usize)> {
        match &self.step {
            Step::Naming { area, .. } => Some((
                area.lines().first().cloned().unwrap_or_default(),
                area.cursor().1,
            )),
            _ => None,
        }
    }
}

pub(crate) fn name_editor(text: &str) -> Box<TextArea<'static>> {
    let mut area = TextArea::new(vec![text.to_string()]);
    area.move_cursor(CursorMove::End);
    Box::new(area)
}
