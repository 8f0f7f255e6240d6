//! The app's side of pane 2: routing actions to the pane and its overlays (picker, explanation,
//! presets), and sending the catalogue's marks to it.

use super::{App, Outcome, Overlay, Pane};
use crate::domain::scenario::MAX_COMPARED;
use crate::tui::action::Action;
use crate::tui::breakeven::{self, Context, Reply, row_count};
use crate::tui::layout::{self, max_scroll, scroll_text};
use crate::tui::picker::{FilteredList, PickerKey};
use crate::tui::sliders::Field;

impl App {
    /// Recompute the pane's view from the scenario (after a load or a change made elsewhere).
    pub fn recompute_breakeven(&mut self) {
        let ctx = Context {
            catalog: &self.ctx.catalog,
            rules: &self.ctx.rules,
            presets: &self.ctx.presets,
        };
        self.breakeven
            .recompute(&self.doc.scenario, &ctx, self.chrome.size);
    }

    fn reply(&mut self, reply: Reply) -> Outcome {
        match reply {
            Reply::Nothing => Outcome::default(),
            Reply::Redraw => Outcome::redraw(),
            Reply::Notice(text) => self.notify(text),
            Reply::Picker(p) => {
                self.chrome.overlays.push(Overlay::Picker(p));
                Outcome::redraw()
            }
            Reply::Explain(row) => self.open_explain(row),
            Reply::Presets => {
                let catalog = &self.ctx.catalog;
                let comparisons = self
                    .ctx
                    .presets
                    .iter()
                    .map(|p| p.compare(catalog).map_err(|e| e.to_string()))
                    .collect();
                let selected = self
                    .doc
                    .scenario
                    .preset
                    .as_ref()
                    .and_then(|id| self.ctx.presets.iter().position(|p| p.id == *id))
                    .unwrap_or(0);
                self.chrome.overlays.push(Overlay::Presets {
                    selected,
                    scroll: 0,
                    comparisons,
                });
                Outcome::redraw()
            }
        }
    }

    pub(crate) fn update_breakeven(&mut self, action: Action) -> Outcome {
        if action == Action::Sensitivity && self.breakeven.editor.is_none() {
            return self.open_sensitivity();
        }
        let ctx = Context {
            catalog: &self.ctx.catalog,
            rules: &self.ctx.rules,
            presets: &self.ctx.presets,
        };
        let reply = self.breakeven.update(action, &mut self.doc.scenario, &ctx);
        self.reply(reply)
    }

    fn open_explain(&mut self, row: usize) -> Outcome {
        let rows = row_count(&self.breakeven.view);
        if rows == 0 {
            return self.notify("nothing to explain: no API model or deployment resolves".into());
        }
        let row = row.min(rows - 1);
        let Some(explanation) = breakeven::explanation(&self.breakeven.view, row) else {
            return Outcome::default();
        };
        self.chrome.overlays.push(Overlay::Explain {
            row,
            scroll: 0,
            explanation,
        });
        Outcome::redraw()
    }

    pub(crate) fn update_explain(&mut self, action: Action) -> Outcome {
        let rows = row_count(&self.breakeven.view);
        let body = layout::body_rows(self.chrome.size.1).saturating_sub(2);
        let Some(Overlay::Explain {
            row,
            scroll,
            explanation,
        }) = self.chrome.overlays.last_mut()
        else {
            return Outcome::default();
        };
        let lines = explanation.lines();
        let lines = layout::explain_line_count(
            lines.iter().skip(2).map(String::as_str),
            self.chrome.size.0,
        );
        let max = max_scroll(lines, body);
        if scroll_text(scroll, &action, body, max) {
            return Outcome::redraw();
        }
        match action {
            Action::Left | Action::Right | Action::FocusNext | Action::FocusPrev => {
                let back = matches!(action, Action::Left | Action::FocusPrev);
                let next = if back {
                    (*row + rows - 1) % rows
                } else {
                    (*row + 1) % rows
                };
                if let Some(e) = breakeven::explanation(&self.breakeven.view, next) {
                    *row = next;
                    *scroll = 0;
                    *explanation = e;
                }
            }
            Action::Close => {
                self.chrome.overlays.pop();
            }
            _ => return Outcome::default(),
        }
        Outcome::redraw()
    }

    pub(crate) fn update_picker(&mut self, action: Action) -> Outcome {
        let (field, id) = match self.step_picker(&action) {
            Ok(chosen) => chosen,
            Err(outcome) => return outcome,
        };
        let ctx = Context {
            catalog: &self.ctx.catalog,
            rules: &self.ctx.rules,
            presets: &self.ctx.presets,
        };
        let reply = self
            .breakeven
            .picked(field, &id, &mut self.doc.scenario, &ctx);
        self.reply(reply)
    }

    /// A key in the picker on top (a slider's or a tier's): `Ok` with the field and the chosen
    /// id once Enter takes one (the picker is closed by then), else what the key did.
    pub(crate) fn step_picker(&mut self, action: &Action) -> Result<(Field, String), Outcome> {
        let rows = layout::picker_rows(self.chrome.size.1);
        let p = match self.chrome.overlays.last_mut() {
            Some(Overlay::Picker(p) | Overlay::TierPicker { picker: p, .. }) => p,
            _ => return Err(Outcome::default()),
        };
        match p.handle(action, rows) {
            PickerKey::Changed => Err(Outcome::redraw()),
            PickerKey::Unchanged | PickerKey::Other => Err(Outcome::default()),
            PickerKey::Close => {
                self.chrome.overlays.pop();
                Err(Outcome::redraw())
            }
            PickerKey::Confirm => {
                let Some(id) = p.chosen().map(|c| c.id.clone()) else {
                    return Err(Outcome::default());
                };
                let field = p.field;
                self.chrome.overlays.pop();
                Ok((field, id))
            }
        }
    }

    pub(crate) fn update_presets(&mut self, action: Action) -> Outcome {
        let count = self.ctx.presets.len();
        let Some(Overlay::Presets {
            selected, scroll, ..
        }) = self.chrome.overlays.last_mut()
        else {
            return Outcome::default();
        };
        match action {
            Action::Up => *selected = selected.saturating_sub(1),
            Action::Down => *selected = (*selected + 1).min(count.saturating_sub(1)),
            Action::Top => *selected = 0,
            Action::Bottom => *selected = count.saturating_sub(1),
            Action::PageDown => *scroll += 1,
            Action::PageUp => *scroll = scroll.saturating_sub(1),
            Action::Close => {
                self.chrome.overlays.pop();
                return Outcome::redraw();
            }
            Action::Confirm => {
                let Some(preset) = self.ctx.presets.get(*selected).cloned() else {
                    return Outcome::default();
                };
                self.chrome.overlays.pop();
                preset.apply(&mut self.doc.scenario);
                self.recompute_breakeven();
                return self.notify(format!("loaded preset: {}", preset.title));
            }
            _ => return Outcome::default(),
        }
        if !matches!(action, Action::PageDown | Action::PageUp) {
            *scroll = 0;
        }
        Outcome::redraw()
    }

    /// `b` in the catalogue: the marked models that have an API price replace the compared API
    /// models (at most four), and the first marked model that can be self-hosted becomes the
    /// self-hosted one (an open model without an API price first); the notice says what went
    /// where and names the ones skipped.
    pub(crate) fn send_marks(&mut self) -> Outcome {
        if self.catalogue.marks.is_empty() {
            return self.notify("mark models with Space first, then press b".into());
        }
        let marked: Vec<_> = self
            .catalogue
            .marks
            .iter()
            .filter_map(|id| self.ctx.catalog.model(id))
            .collect();
        let hosted = marked
            .iter()
            .find(|m| m.can_self_host() && m.price.is_none())
            .or_else(|| marked.iter().find(|m| m.can_self_host()))
            .map(|m| (m.id.clone(), m.name.clone()));
        let mut sent = Vec::new();
        let mut skipped = Vec::new();
        for m in &marked {
            if m.price.is_some() && sent.len() < MAX_COMPARED {
                sent.push(m.id.clone());
            } else if hosted.as_ref().is_none_or(|(id, _)| *id != m.id) {
                let why = if m.price.is_some() {
                    "four API models at most"
                } else if m.can_self_host() {
                    "one self-hosted model at a time"
                } else {
                    "no API price, not sizable"
                };
                skipped.push(format!("{} ({why})", m.name));
            }
        }
        if sent.is_empty() && hosted.is_none() {
            return self.notify(format!(
                "none of the marked models has an API price or can be sized for self-hosting: {}",
                skipped.join(", ")
            ));
        }
        let mut parts = Vec::new();
        if !sent.is_empty() {
            let noun = if sent.len() == 1 { "model" } else { "models" };
            parts.push(format!("comparing {} API {noun}", sent.len()));
            self.doc.scenario.api_models = sent;
        }
        if let Some((id, name)) = hosted {
            parts.push(format!("self-hosting {name}"));
            self.doc.scenario.self_host.model = id;
        }
        if !skipped.is_empty() {
            parts.push(format!("skipped {}", skipped.join(", ")));
        }
        self.recompute_breakeven();
        self.chrome.pane = Pane::BreakEven;
        self.chrome.overlays.clear();
        self.notify(parts.join("; "))
    }
}
