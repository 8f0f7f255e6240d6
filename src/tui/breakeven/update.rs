//! How actions change pane 2: the slider list's cursor, a slider stepped, reset or typed into,
//! a choice picked, the chart's zoom and bands. The derived view is recomputed after every
//! change; what opens over the pane (a picker, an explanation, the presets) is asked of the app.

use super::{BreakEvenState, Context, api_choices, change_api, region_choices, sector_choices};
use crate::domain::scenario::Scenario;
use crate::tui::action::Action;
use crate::tui::context::Ctx;
use crate::tui::document::Document;
use crate::tui::editor::{Editor, EditorEvent};
use crate::tui::picker::Picker;
use crate::tui::plot::{ZOOM_MAX, ZOOM_MIN};
use crate::tui::reply::{Ask, Reply};
use crate::tui::sliders::{self, Change, Field, Group};

impl BreakEvenState {
    /// Apply a change to one field of the scenario.
    pub fn apply(
        &mut self,
        field: Field,
        change: &Change,
        scenario: &mut Scenario,
        ctx: &Context,
    ) -> Result<bool, String> {
        match field.group() {
            Group::Workload => sliders::change_workload(field, &mut scenario.workload, change),
            Group::Place => {
                let (id, choices, default) = match field {
                    Field::Region => (&mut scenario.region, region_choices(ctx.rules), "global"),
                    _ => (
                        &mut scenario.sector,
                        sector_choices(ctx.rules),
                        "commercial",
                    ),
                };
                sliders::change_id(id, &choices, default, change)
            }
            Group::Compared => {
                let Field::Api(slot) = field else {
                    return Ok(false);
                };
                change_api(
                    &mut scenario.api_models,
                    slot,
                    change,
                    ctx.catalog,
                    &scenario.workload,
                )
            }
            Group::SelfHosted => {
                let default = Scenario::builtin("", &[], |_| 2).self_host;
                sliders::deployment::change_deployment(
                    field,
                    &mut scenario.self_host,
                    &default,
                    ctx.catalog,
                    change,
                )
            }
        }
    }

    /// Handle an action in the pane (or its inline editor).
    pub fn update(&mut self, action: Action, doc: &mut Document, ctx: &Ctx) -> Reply {
        // `v` and `P` are the pane's when no number is being typed.
        if self.editor.is_none() {
            match action {
                Action::Sensitivity => return Reply::Ask(Ask::Sensitivity),
                Action::Present => return Reply::Ask(Ask::Present),
                _ => {}
            }
        }
        self.update_scenario(action, &mut doc.scenario, &Context::of(ctx))
    }

    fn update_scenario(&mut self, action: Action, scenario: &mut Scenario, ctx: &Context) -> Reply {
        if self.editor.is_some() {
            return self.update_editor(action, scenario, ctx);
        }
        let Some(field) = self.list.current() else {
            return Reply::Nothing;
        };
        let step = |n| Change::Step(n);
        let change = match action {
            Action::Up => return self.moved(-1),
            Action::Down => return self.moved(1),
            Action::PageUp => return self.moved(-10),
            Action::PageDown => return self.moved(10),
            Action::Top => return self.moved(isize::MIN / 2),
            Action::Bottom => return self.moved(isize::MAX / 2),
            Action::Left => step(-1),
            Action::Right => step(1),
            Action::FastLeft => step(-10),
            Action::FastRight => step(10),
            Action::Reset => Change::Reset,
            Action::Backspace | Action::Delete => {
                let Field::Api(slot) = field else {
                    return Reply::Nothing;
                };
                if slot >= scenario.api_models.len() {
                    return Reply::Nothing;
                }
                if scenario.api_models.len() == 1 {
                    return Reply::Notice("keep at least one API model to compare".into());
                }
                scenario.api_models.remove(slot);
                self.recompute(scenario, ctx);
                return Reply::Redraw;
            }
            Action::Confirm => return self.open_input(field, scenario, ctx),
            Action::ZoomIn | Action::ZoomOut => {
                let z = if action == Action::ZoomIn {
                    self.zoom + 1
                } else {
                    self.zoom - 1
                };
                if !(ZOOM_MIN..=ZOOM_MAX).contains(&z) {
                    return Reply::Nothing;
                }
                self.zoom = z;
                self.recompute(scenario, ctx);
                return Reply::Redraw;
            }
            Action::Explain => {
                let row = match field {
                    Field::Api(i) if i < self.view.apis.len() => i,
                    f if f.group() == Group::SelfHosted => self.view.apis.len(),
                    _ => 0,
                };
                return Reply::Ask(Ask::Explain(row));
            }
            Action::Presets => return Reply::Ask(Ask::Presets),
            Action::Bands => {
                self.bands = !self.bands;
                self.recompute(scenario, ctx);
                return Reply::Notice(self.bands_notice());
            }
            _ => return Reply::Nothing,
        };
        match self.apply(field, &change, scenario, ctx) {
            Ok(true) => {
                self.recompute(scenario, ctx);
                Reply::Redraw
            }
            Ok(false) => Reply::Nothing,
            Err(e) => Reply::Notice(e),
        }
    }

    /// What `b` did, and where the sources disagree.
    fn bands_notice(&self) -> String {
        if !self.bands {
            return "uncertainty bands off".into();
        }
        let spread = self.view.apis.iter().filter(|a| a.range.is_some()).count();
        if spread == 0 {
            return "uncertainty bands on: no price of this scenario has a range or conflicting sources".into();
        }
        format!(
            "uncertainty bands on: {spread} of {} break-evens have a range (x: its sources)",
            self.view.apis.len()
        )
    }

    fn moved(&mut self, delta: isize) -> Reply {
        if self.list.move_by(delta) {
            Reply::Redraw
        } else {
            Reply::Nothing
        }
    }

    /// Enter: a picker for choices, the editor for numbers.
    fn open_input(&mut self, field: Field, scenario: &Scenario, ctx: &Context) -> Reply {
        let (choices, current) = match field {
            Field::Region => (region_choices(ctx.rules), scenario.region.clone()),
            Field::Sector => (sector_choices(ctx.rules), scenario.sector.clone()),
            Field::Api(slot) => {
                let mut choices = api_choices(ctx.catalog, &scenario.workload);
                let current = scenario.api_models.get(slot).cloned().unwrap_or_default();
                choices.retain(|c| c.id == current || !scenario.api_models.contains(&c.id));
                (choices, current)
            }
            f if f.is_choice() => (
                sliders::deployment::deployment_choices(f, ctx.catalog),
                sliders::deployment::deployment_choice_id(f, &scenario.self_host),
            ),
            f => {
                let text = match f.group() {
                    Group::Workload => sliders::workload_text(f, &scenario.workload),
                    _ => sliders::deployment::deployment_text(f, &scenario.self_host, ctx.catalog),
                };
                let unit = f.spec().map_or("", |s| s.unit);
                self.editor = Some(Editor::new(f, &text, unit));
                return Reply::Redraw;
            }
        };
        let title = match field {
            Field::Api(slot) if slot >= scenario.api_models.len() => "Add an API model".into(),
            Field::Api(_) => "Compare against".into(),
            f => format!("Choose the {}", f.label()),
        };
        Reply::Ask(Ask::Choice(Box::new(Picker::new(
            title, field, choices, &current,
        ))))
    }

    fn update_editor(&mut self, action: Action, scenario: &mut Scenario, ctx: &Context) -> Reply {
        let Some(editor) = self.editor.as_mut() else {
            return Reply::Nothing;
        };
        match editor.handle(&action) {
            EditorEvent::Editing(changed) => {
                if changed {
                    Reply::Redraw
                } else {
                    Reply::Nothing
                }
            }
            EditorEvent::Cancel => {
                self.editor = None;
                Reply::Redraw
            }
            EditorEvent::Submit(text) => {
                let field = editor.field;
                match self.apply(field, &Change::Exact(text), scenario, ctx) {
                    Ok(_) => {
                        self.editor = None;
                        self.recompute(scenario, ctx);
                    }
                    Err(e) => {
                        if let Some(ed) = self.editor.as_mut() {
                            ed.error = Some(e);
                        }
                    }
                }
                Reply::Redraw
            }
        }
    }

    /// A choice taken in the picker.
    pub fn picked(&mut self, field: Field, id: &str, doc: &mut Document, ctx: &Ctx) -> Reply {
        let (scenario, ctx) = (&mut doc.scenario, &Context::of(ctx));
        match self.apply(field, &Change::Exact(id.to_string()), scenario, ctx) {
            Ok(_) => {
                self.recompute(scenario, ctx);
                Reply::Redraw
            }
            Err(e) => Reply::Notice(e),
        }
    }
}
