//! The articles' cost scenarios (`p` in pane 2): each preset's stated figures beside the
//! computed ones; Enter loads one into the scenario.

use super::action::Action;
use super::breakeven::{BreakEvenState, Context};
use super::context::Ctx;
use super::document::Document;
use super::reply::Reply;
use crate::domain::preset::Comparison;

#[derive(Debug, Clone, PartialEq)]
pub struct PresetsView {
    pub selected: usize,
    /// Lines scrolled within the selected preset's comparison.
    pub scroll: usize,
    /// Each preset's comparison, or why it cannot be computed on this catalogue.
    pub comparisons: Vec<Result<Vec<Comparison>, String>>,
}

impl PresetsView {
    /// Every preset compared on the session's catalogue, the scenario's own preset selected.
    pub fn open(doc: &Document, ctx: &Ctx) -> PresetsView {
        let comparisons = ctx
            .presets
            .iter()
            .map(|p| p.compare(&ctx.catalog).map_err(|e| e.to_string()))
            .collect();
        let selected = doc
            .scenario
            .preset
            .as_ref()
            .and_then(|id| ctx.presets.iter().position(|p| p.id == *id))
            .unwrap_or(0);
        PresetsView {
            selected,
            scroll: 0,
            comparisons,
        }
    }

    /// Handle an action; Enter applies the selected preset to the scenario and recomputes
    /// `pane` from it.
    pub fn update(
        &mut self,
        action: Action,
        doc: &mut Document,
        ctx: &Ctx,
        pane: &mut BreakEvenState,
    ) -> Reply {
        let last = ctx.presets.len().saturating_sub(1);
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = last,
            Action::PageDown => self.scroll += 1,
            Action::PageUp => self.scroll = self.scroll.saturating_sub(1),
            Action::Close => return Reply::Close,
            Action::Confirm => {
                let Some(preset) = ctx.presets.get(self.selected) else {
                    return Reply::Nothing;
                };
                preset.apply(&mut doc.scenario);
                pane.recompute(&doc.scenario, &Context::of(ctx));
                return Reply::Edited {
                    notice: format!("loaded preset: {}", preset.title),
                    close: true,
                };
            }
            _ => return Reply::Nothing,
        }
        if !matches!(action, Action::PageDown | Action::PageUp) {
            self.scroll = 0;
        }
        Reply::Redraw
    }
}
