//! How actions change a tier's settings overlay and, through it, the tier's deployment.

use super::{TierSettings, change_tier, deployment};
use crate::domain::catalog::Catalog;
use crate::domain::scenario::Scenario;
use crate::tui::action::Action;
use crate::tui::document::Document;
use crate::tui::editor::{Editor, EditorEvent};
use crate::tui::picker::Picker;
use crate::tui::reply::{Ask, Reply};
use crate::tui::sliders::{self, Change, Field, deployment_fields};

impl TierSettings {
    /// Handle an action while the settings are the top overlay.
    pub fn update(&mut self, action: Action, doc: &mut Document, catalog: &Catalog) -> Reply {
        let tier = self.tier;
        let Some(field) = self.list.current() else {
            return Reply::Nothing;
        };
        let s = &mut doc.scenario;
        if let Some(editor) = self.editor.as_mut() {
            return match editor.handle(&action) {
                EditorEvent::Editing(true) => Reply::Redraw,
                EditorEvent::Editing(false) => Reply::Nothing,
                EditorEvent::Cancel => {
                    self.editor = None;
                    Reply::Redraw
                }
                EditorEvent::Submit(text) => {
                    match self.change(s, catalog, field, &Change::Exact(text)) {
                        Ok(_) => {
                            self.editor = None;
                            Reply::TierEdited {
                                tier,
                                notice: format!("tier {}: {} set", tier + 1, field.label()),
                            }
                        }
                        Err(e) => {
                            if let Some(ed) = self.editor.as_mut() {
                                ed.error = Some(e);
                            }
                            Reply::Redraw
                        }
                    }
                }
            };
        }
        let change = match action {
            Action::Up | Action::Down => {
                let by = if action == Action::Up { -1 } else { 1 };
                return if self.list.move_by(by) {
                    Reply::Redraw
                } else {
                    Reply::Nothing
                };
            }
            Action::Close => return Reply::Close,
            Action::Confirm if field == Field::Model => return Reply::Ask(Ask::TierModel(tier)),
            Action::Confirm if field.is_choice() => {
                let d = deployment(s, tier);
                let current = sliders::deployment::deployment_choice_id(field, d);
                let choices = sliders::deployment::deployment_choices(field, catalog);
                let title = format!("Tier {}: choose the {}", tier + 1, field.label());
                let picker = Picker::new(title, field, choices, &current);
                return Reply::Ask(Ask::TierChoice {
                    tier,
                    picker: Box::new(picker),
                });
            }
            Action::Confirm => {
                let d = deployment(s, tier);
                let text = sliders::deployment::deployment_text(field, d, catalog);
                let unit = field.spec().map_or("", |s| s.unit);
                self.editor = Some(Editor::new(field, &text, unit));
                return Reply::Redraw;
            }
            Action::Left => Change::Step(-1),
            Action::Right => Change::Step(1),
            Action::FastLeft => Change::Step(-10),
            Action::FastRight => Change::Step(10),
            Action::Reset => Change::Reset,
            _ => return Reply::Nothing,
        };
        match self.change(s, catalog, field, &change) {
            Ok(true) => Reply::TierEdited {
                tier,
                notice: format!("tier {}: {}", tier + 1, field.label()),
            },
            Ok(false) => Reply::Nothing,
            Err(e) => Reply::Notice(e),
        }
    }

    /// Apply a change to the tier's deployment; the error names the field.
    pub fn change(
        &mut self,
        s: &mut Scenario,
        catalog: &Catalog,
        field: Field,
        change: &Change,
    ) -> Result<bool, String> {
        change_tier(s, catalog, self.tier, field, change).inspect(|_| {
            let mode = deployment(s, self.tier).settings.mode;
            self.list.set_fields(deployment_fields(mode));
        })
    }
}
