//! How actions change pane 3: the selection, the focus, and the scenario's use cases. The plan
//! is recomputed by the app after every action (or at once for an `Edited` reply), so nothing
//! here computes it.

use super::{Focus, HybridState, SHARE_STEP};
use crate::tui::action::Action;
use crate::tui::context::Ctx;
use crate::tui::document::Document;
use crate::tui::reply::{Ask, Reply};

impl HybridState {
    /// Handle an action on the pane (no overlay open).
    pub fn update(&mut self, action: Action, doc: &mut Document, ctx: &Ctx) -> Reply {
        let s = &mut doc.scenario;
        let len = s.use_cases.len();
        let findings = self
            .plan()
            .map_or(0, |p| p.findings.len())
            .saturating_sub(1);
        let page = self.page.max(1) as isize;
        match (action.clone(), self.focus) {
            (Action::Sensitivity, _) => return Reply::Ask(Ask::Sensitivity),
            (Action::Present, _) => return Reply::Ask(Ask::Present),
            (Action::FocusNext, f) => self.focus = f.next(true),
            (Action::FocusPrev, f) => self.focus = f.next(false),
            (Action::Left, Focus::Tiers) => self.tier = self.tier.saturating_sub(1),
            (Action::Right, Focus::Tiers) => self.tier = (self.tier + 1).min(2),
            (Action::Up, Focus::Table) => self.move_selection(-1, len),
            (Action::Down, Focus::Table) => self.move_selection(1, len),
            (Action::PageUp, Focus::Table) => self.move_selection(-page, len),
            (Action::PageDown, Focus::Table) => self.move_selection(page, len),
            (Action::Top, Focus::Table) => self.selected = 0,
            (Action::Bottom, Focus::Table) => self.selected = len.saturating_sub(1),
            (Action::Up, Focus::Findings) => {
                self.findings_offset = self.findings_offset.saturating_sub(1)
            }
            (Action::Down, Focus::Findings) => {
                self.findings_offset = (self.findings_offset + 1).min(findings)
            }
            (Action::Confirm, Focus::Findings) | (Action::Findings, _) => {
                return Reply::Ask(Ask::Findings);
            }
            (Action::Confirm, Focus::Tiers) => return Reply::Ask(Ask::TierSettings(self.tier)),
            (Action::PickModel, focus) => {
                // On the table, the selected use case's tier.
                let tier = match (focus, s.use_cases.get(self.selected)) {
                    (Focus::Table, Some(c)) => usize::from(c.tier - 1),
                    _ => self.tier,
                };
                return Reply::Ask(Ask::TierModel(tier));
            }
            (Action::Confirm, Focus::Table) => {
                if len == 0 {
                    return Reply::Nothing;
                }
                return Reply::Ask(Ask::EditUseCase);
            }
            (Action::Rename, _) if len > 0 => {
                let name = s
                    .use_cases
                    .get(self.selected)
                    .map(|c| c.use_case.name.clone())
                    .unwrap_or_default();
                return Reply::Ask(Ask::RenameUseCase(name));
            }
            (Action::TierPrev | Action::TierNext, _) => {
                let by = if action == Action::TierPrev { -1 } else { 1 };
                return match self.move_tier(s, by) {
                    Some(t) => {
                        self.tier = usize::from(t - 1);
                        edited(format!("moved to tier {t}"))
                    }
                    None => Reply::Nothing,
                };
            }
            (Action::Increase | Action::Decrease, _) => {
                let by = if action == Action::Increase {
                    SHARE_STEP
                } else {
                    -SHARE_STEP
                };
                if !self.step_share(s, by) {
                    return Reply::Nothing;
                }
            }
            (Action::Add, _) => {
                self.add(&ctx.catalog, s);
                self.focus = Focus::Table;
                let t = s.use_cases[self.selected].tier;
                return edited(format!("added a use case on tier {t}; Enter edits it"));
            }
            (Action::Delete, _) => {
                return match self.delete(s) {
                    Some(name) => edited(format!("deleted {name} · u undoes")),
                    None => Reply::Notice("a plan keeps at least one use case".into()),
                };
            }
            (Action::ApplyOptimum, _) => return Reply::Ask(Ask::ApplyOptimum),
            (Action::Reroute, _) => {
                return match self.reroute(&ctx.catalog, s) {
                    Ok(true) => edited("default routing re-applied · u undoes".into()),
                    Ok(false) => Reply::Notice("already on the default routing".into()),
                    Err(e) => Reply::Notice(e.to_string()),
                };
            }
            _ => return Reply::Nothing,
        }
        Reply::Redraw
    }
}

fn edited(notice: String) -> Reply {
    Reply::Edited {
        notice,
        close: false,
    }
}
