//! How actions change the hybrid pane and its overlays (the use-case editor, the findings
//! list). The plan itself is recomputed by `App::update` after every action, from the
//! scenario, so each function here only edits the scenario and the pane's selection.

use super::{App, Outcome, Overlay};
use crate::domain::hybrid::normalized_shares;
use crate::domain::rules::Severity;
use crate::tui::action::Action;
use crate::tui::hybrid::{Focus, SHARE_STEP};
use crate::tui::layout::{self, Measured, scroll_text};
use crate::tui::usecase_edit::{self, UcField, UseCaseEdit};

impl App {
    /// Blocking findings of the current plan, for noticing new ones after a change.
    fn blocks(&self) -> usize {
        self.hybrid.view.as_ref().map_or(0, |v| v.counts[0])
    }

    /// After an edit: recompute now, and say so when it added a blocking finding, so a
    /// risky move is never silent.
    fn after_edit(&mut self, done: String) -> Outcome {
        let before = self.blocks();
        self.hybrid
            .refresh(&self.ctx.catalog, &self.ctx.rules, &self.doc.scenario);
        let after = self.blocks();
        let text = match self.hybrid.plan() {
            Some(p) if after > before => {
                let f = p.findings.iter().find(|f| f.severity == Severity::Block);
                let rule = f.map_or("", |f| f.rule.as_str());
                format!("{done} · new [BLOCK] {rule}")
            }
            _ => done,
        };
        self.notify(text)
    }

    fn selected_name(&self) -> String {
        self.doc
            .scenario
            .use_cases
            .get(self.hybrid.selected)
            .map(|c| c.use_case.name.clone())
            .unwrap_or_default()
    }

    pub(crate) fn update_hybrid(&mut self, action: Action) -> Outcome {
        let len = self.doc.scenario.use_cases.len();
        let findings = self
            .hybrid
            .plan()
            .map_or(0, |p| p.findings.len())
            .saturating_sub(1);
        let page = self.hybrid_rows().max(1) as isize;
        let pane = &mut self.hybrid;
        match (action.clone(), pane.focus) {
            (Action::Sensitivity, _) => return self.open_sensitivity(),
            (Action::FocusNext, f) => pane.focus = f.next(true),
            (Action::FocusPrev, f) => pane.focus = f.next(false),
            (Action::Left, Focus::Tiers) => pane.tier = pane.tier.saturating_sub(1),
            (Action::Right, Focus::Tiers) => pane.tier = (pane.tier + 1).min(2),
            (Action::Up, Focus::Table) => pane.move_selection(-1, len),
            (Action::Down, Focus::Table) => pane.move_selection(1, len),
            (Action::PageUp, Focus::Table) => pane.move_selection(-page, len),
            (Action::PageDown, Focus::Table) => pane.move_selection(page, len),
            (Action::Top, Focus::Table) => pane.selected = 0,
            (Action::Bottom, Focus::Table) => pane.selected = len.saturating_sub(1),
            (Action::Up, Focus::Findings) => {
                pane.findings_offset = pane.findings_offset.saturating_sub(1)
            }
            (Action::Down, Focus::Findings) => {
                pane.findings_offset = (pane.findings_offset + 1).min(findings)
            }
            (Action::Confirm, Focus::Findings) | (Action::Findings, _) => {
                self.chrome.overlays.push(Overlay::Findings { scroll: 0 })
            }
            (Action::Confirm, Focus::Tiers) => {
                let tier = pane.tier;
                return self.open_tier_settings(tier);
            }
            (Action::PickModel, focus) => {
                // On the table, the selected use case's tier.
                let tier = match (focus, self.doc.scenario.use_cases.get(pane.selected)) {
                    (Focus::Table, Some(c)) => usize::from(c.tier - 1),
                    _ => pane.tier,
                };
                return self.open_tier_model(tier);
            }
            (Action::Confirm, Focus::Table) => {
                if len == 0 {
                    return Outcome::default();
                }
                self.chrome
                    .overlays
                    .push(Overlay::UseCase(UseCaseEdit::new()));
            }
            (Action::Rename, _) if len > 0 => {
                let edit = UseCaseEdit::rename(&self.selected_name());
                self.chrome.overlays.push(Overlay::UseCase(edit));
            }
            (Action::TierPrev | Action::TierNext, _) => {
                let by = if action_is_prev(&action) { -1 } else { 1 };
                return match self.hybrid.move_tier(&mut self.doc.scenario, by) {
                    Some(t) => {
                        self.hybrid.tier = usize::from(t - 1);
                        self.after_edit(format!("moved to tier {t}"))
                    }
                    None => Outcome::default(),
                };
            }
            (Action::Increase | Action::Decrease, _) => {
                let by = if action == Action::Increase {
                    SHARE_STEP
                } else {
                    -SHARE_STEP
                };
                if !self.hybrid.step_share(&mut self.doc.scenario, by) {
                    return Outcome::default();
                }
            }
            (Action::Add, _) => {
                self.hybrid.add(&self.ctx.catalog, &mut self.doc.scenario);
                self.hybrid.focus = Focus::Table;
                let t = self.doc.scenario.use_cases[self.hybrid.selected].tier;
                return self.after_edit(format!("added a use case on tier {t}; Enter edits it"));
            }
            (Action::Delete, _) => {
                return match self.hybrid.delete(&mut self.doc.scenario) {
                    Some(name) => self.after_edit(format!("deleted {name} · u undoes")),
                    None => self.notify("a plan keeps at least one use case".into()),
                };
            }
            (Action::Reroute, _) => {
                return match self
                    .hybrid
                    .reroute(&self.ctx.catalog, &mut self.doc.scenario)
                {
                    Ok(true) => self.after_edit("default routing re-applied · u undoes".into()),
                    Ok(false) => self.notify("already on the default routing".into()),
                    Err(e) => self.notify(e.to_string()),
                };
            }
            _ => return Outcome::default(),
        }
        Outcome::redraw()
    }

    pub(crate) fn update_use_case(&mut self, action: Action) -> Outcome {
        let Some(Overlay::UseCase(edit)) = self.chrome.overlays.last_mut() else {
            return Outcome::default();
        };
        let field = edit.current();
        if let Some(text) = &mut edit.text {
            match action {
                Action::Input(c) => text.insert(c),
                Action::Backspace => text.backspace(),
                Action::Left => text.left(),
                Action::Right => text.right(),
                Action::Close => {
                    edit.text = None;
                    if edit.rename_only {
                        self.chrome.overlays.pop();
                    }
                }
                Action::Confirm => {
                    let typed = text.text.clone();
                    let rename_only = edit.rename_only;
                    let result = usecase_edit::submit(
                        &mut self.hybrid,
                        &mut self.doc.scenario,
                        field,
                        &typed,
                    );
                    let Some(Overlay::UseCase(edit)) = self.chrome.overlays.last_mut() else {
                        return Outcome::default();
                    };
                    match result {
                        Err(e) => {
                            if let Some(text) = &mut edit.text {
                                text.error = Some(e);
                            }
                        }
                        Ok(()) => {
                            edit.text = None;
                            if rename_only {
                                self.chrome.overlays.pop();
                            }
                            return self.after_edit(format!("{} set", field.label()));
                        }
                    }
                }
                _ => return Outcome::default(),
            }
            return Outcome::redraw();
        }
        let by = match action {
            Action::Up => {
                edit.move_by(-1);
                return Outcome::redraw();
            }
            Action::Down => {
                edit.move_by(1);
                return Outcome::redraw();
            }
            Action::Top => {
                edit.field = 0;
                return Outcome::redraw();
            }
            Action::Bottom => {
                edit.field = UcField::ALL.len() - 1;
                return Outcome::redraw();
            }
            Action::Close => {
                self.chrome.overlays.pop();
                return Outcome::redraw();
            }
            Action::Confirm if field.is_typed() => {
                let sel = self.hybrid.selected;
                let share = normalized_shares(&self.doc.scenario.use_cases)
                    .get(sel)
                    .copied()
                    .unwrap_or(0.0);
                if let Some(case) = self.doc.scenario.use_cases.get(sel) {
                    edit.start_typing(case, share);
                }
                return Outcome::redraw();
            }
            Action::Left => -1,
            Action::Right | Action::Confirm | Action::Toggle => 1,
            _ => return Outcome::default(),
        };
        if usecase_edit::step(&mut self.hybrid, &mut self.doc.scenario, field, by) {
            let name = self.selected_name();
            let case = &self.doc.scenario.use_cases[self.hybrid.selected];
            let share = normalized_shares(&self.doc.scenario.use_cases)[self.hybrid.selected];
            let value = field.value(case, share);
            if field == UcField::Tier {
                self.hybrid.tier = usize::from(case.tier - 1);
            }
            return self.after_edit(format!("{name}: {} {value}", field.label()));
        }
        Outcome::default()
    }

    pub(crate) fn update_findings(&mut self, action: Action) -> Outcome {
        let max = Measured::limit(&self.chrome.measured.findings_max);
        let body = layout::body_rows(self.chrome.size.1).saturating_sub(2);
        let Some(Overlay::Findings { scroll }) = self.chrome.overlays.last_mut() else {
            return Outcome::default();
        };
        if scroll_text(scroll, &action, body, max) {
            return Outcome::redraw();
        }
        match action {
            Action::Close | Action::Findings => {
                self.chrome.overlays.pop();
            }
            _ => return Outcome::default(),
        }
        Outcome::redraw()
    }
}

fn action_is_prev(action: &Action) -> bool {
    *action == Action::TierPrev
}
