//! The presenter view's state (`P` in panes 2 and 3, `tierwise --present`): only what it
//! needs to pick the inputs being moved. The pane under it keeps its keys and its state, so
//! the sliders stay live; the view itself is drawn by `ui/present.rs`.

use super::sliders::{Field, Shown};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Presenter {
    /// Each slider's value when the view opened: a slider whose value differs has been moved.
    pub since: Vec<(Field, String)>,
}

impl Presenter {
    pub fn open(sliders: &[Shown]) -> Presenter {
        Presenter {
            since: sliders.iter().map(|s| (s.field, s.value.clone())).collect(),
        }
    }

    /// The inputs to show large: the selected slider first, then those moved since the view
    /// opened, at most `n`.
    pub fn moved<'a>(&self, sliders: &'a [Shown], selected: usize, n: usize) -> Vec<&'a Shown> {
        let mut out: Vec<&Shown> = sliders.get(selected).into_iter().collect();
        for s in sliders {
            let before = self.since.iter().find(|(f, _)| *f == s.field);
            let moved = before.is_some_and(|(_, v)| *v != s.value);
            if moved && !out.iter().any(|o| o.field == s.field) {
                out.push(s);
            }
        }
        out.truncate(n);
        out
    }
}
