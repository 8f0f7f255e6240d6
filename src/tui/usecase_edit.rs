//! Editing one use case field by field: the overlay `Enter` opens on the use-case table (and
//! `r`, which goes straight to typing a new name). Every change goes through the pane's undo
//! stack and is applied at once, so the plan and findings behind the overlay follow it.

mod update;

use super::hybrid::{HybridState, clean_name};
use crate::domain::format::{self, Percent};
use crate::domain::rules::Sensitivity;
use crate::domain::scenario::{PlannedUseCase, Scenario};
use crate::domain::usecase::{Capability, Quality};

/// One editable field of a use case, in the order the overlay lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UcField {
    Name,
    Share,
    InputShare,
    Sensitivity,
    Quality,
    Multimodal,
    LongContext,
    Tier,
}

impl UcField {
    pub const ALL: [UcField; 8] = [
        UcField::Name,
        UcField::Share,
        UcField::InputShare,
        UcField::Sensitivity,
        UcField::Quality,
        UcField::Multimodal,
        UcField::LongContext,
        UcField::Tier,
    ];

    pub fn label(self) -> &'static str {
        match self {
            UcField::Name => "name",
            UcField::Share => "share of volume",
            UcField::InputShare => "input share",
            UcField::Sensitivity => "sensitivity",
            UcField::Quality => "quality need",
            UcField::Multimodal => "needs multimodal",
            UcField::LongContext => "needs long context",
            UcField::Tier => "tier",
        }
    }

    /// Typed rather than stepped when `Enter` is pressed on it.
    pub fn is_typed(self) -> bool {
        matches!(self, UcField::Name | UcField::Share | UcField::InputShare)
    }

    /// The field's value for `case` at normalized share `share`.
    pub fn value(self, case: &PlannedUseCase, share: f64) -> String {
        let u = &case.use_case;
        let yes_no = |need| if u.needs.contains(&need) { "yes" } else { "no" }.to_string();
        match self {
            UcField::Name => u.name.clone(),
            UcField::Share => percent(share),
            UcField::InputShare => percent(u.input_share),
            UcField::Sensitivity => u.sensitivity.as_str().into(),
            UcField::Quality => u.quality.as_str().into(),
            UcField::Multimodal => yes_no(Capability::Multimodal),
            UcField::LongContext => yes_no(Capability::LongContext),
            UcField::Tier => format!("{}", case.tier),
        }
    }

    /// What can be typed, for the editor's hint.
    pub fn typed_help(self) -> &'static str {
        match self {
            UcField::Name => "up to 60 characters",
            _ => "a percentage (30%) or a fraction (0.3)",
        }
    }
}

/// A share or input share as a whole percentage, with one decimal below 1%.
pub fn percent(v: f64) -> String {
    format::percent(v, Percent::TenthBelowOne)
}

/// `30%`, `30 %`, `0.3`: a fraction from 0 to 1. Errors name the field and what is allowed.
pub fn parse_fraction(field: UcField, text: &str) -> Result<f64, String> {
    let t = text.trim();
    let refuse = || {
        format!(
            "{}: {t:?} is not allowed; expected a percentage from 0% to 100% (30%) or a \
             fraction from 0 to 1 (0.3)",
            field.label()
        )
    };
    let (number, scale) = match t.strip_suffix('%') {
        Some(n) => (n.trim(), 100.0),
        None => (t, 1.0),
    };
    let ok = |c: char| c.is_ascii_digit() || c == '.';
    if number.is_empty() || !number.chars().all(ok) {
        return Err(refuse());
    }
    let v = number.parse::<f64>().map_err(|_| refuse())? / scale;
    if v.is_finite() && (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(refuse())
    }
}

/// A line being typed into a field.
#[derive(Debug, Clone, PartialEq)]
pub struct TextInput {
    pub text: String,
    /// Cursor position in characters.
    pub cursor: usize,
    /// Why the last submitted text was refused; cleared by the next keystroke.
    pub error: Option<String>,
}

impl TextInput {
    pub fn new(text: &str) -> TextInput {
        TextInput {
            text: text.to_string(),
            cursor: text.chars().count(),
            error: None,
        }
    }

    fn byte(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    pub fn insert(&mut self, c: char) {
        if c.is_control() {
            return;
        }
        let at = self.byte(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
        self.error = None;
    }

    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            let at = self.byte(self.cursor);
            self.text.remove(at);
            self.error = None;
        }
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }
}

/// The field-editing overlay of one use case (the pane's selected one).
#[derive(Debug, Clone, PartialEq)]
pub struct UseCaseEdit {
    /// Index into [`UcField::ALL`].
    pub field: usize,
    /// Typing into the field, when a typed field was opened with `Enter`.
    pub text: Option<TextInput>,
    /// Opened by `r`: leaving the text also closes the overlay.
    pub rename_only: bool,
}

impl UseCaseEdit {
    pub fn new() -> UseCaseEdit {
        UseCaseEdit {
            field: 0,
            text: None,
            rename_only: false,
        }
    }

    /// Straight into typing a new name (`r`).
    pub fn rename(current: &str) -> UseCaseEdit {
        UseCaseEdit {
            field: 0,
            text: Some(TextInput::new(current)),
            rename_only: true,
        }
    }

    pub fn current(&self) -> UcField {
        UcField::ALL[self.field.min(UcField::ALL.len() - 1)]
    }

    pub fn move_by(&mut self, by: isize) {
        let last = UcField::ALL.len() as isize - 1;
        self.field = (self.field as isize + by).clamp(0, last) as usize;
    }

    /// Start typing into the current field, filled with its value.
    pub fn start_typing(&mut self, case: &PlannedUseCase, share: f64) {
        let field = self.current();
        let text = match field {
            UcField::Share => percent(share),
            UcField::InputShare => percent(case.use_case.input_share),
            _ => field.value(case, share),
        };
        self.text = Some(TextInput::new(&text));
    }
}

impl Default for UseCaseEdit {
    fn default() -> Self {
        UseCaseEdit::new()
    }
}

fn cycle<T: Copy + PartialEq>(all: &[T], now: T, by: isize) -> T {
    let n = all.len() as isize;
    let i = all.iter().position(|x| *x == now).unwrap_or(0) as isize;
    all[((i + by) % n + n) as usize % all.len()]
}

fn toggle(needs: &mut Vec<Capability>, need: Capability) {
    if let Some(i) = needs.iter().position(|n| *n == need) {
        needs.remove(i);
    } else {
        needs.push(need);
        needs.sort();
    }
}

/// Step a field of the selected use case (`←`/`→`, `Space`): numbers by the share step, the
/// rest cycled or toggled. Returns false when nothing changed.
pub fn step(pane: &mut HybridState, s: &mut Scenario, field: UcField, by: isize) -> bool {
    let Some(case) = s.use_cases.get(pane.selected) else {
        return false;
    };
    let sign = by.signum() as f64;
    match field {
        UcField::Name => false,
        UcField::Share => pane.step_share(s, sign * super::hybrid::SHARE_STEP),
        UcField::Tier => pane.move_tier(s, by.signum() as i8).is_some(),
        UcField::InputShare => {
            let next =
                (case.use_case.input_share + sign * super::hybrid::SHARE_STEP).clamp(0.0, 1.0);
            // Keep on the 5% grid so repeated steps read cleanly.
            let next = (next * 20.0).round() / 20.0;
            if (next - case.use_case.input_share).abs() < 1e-12 {
                return false;
            }
            pane.edit(s, |c| c.use_case.input_share = next);
            true
        }
        UcField::Sensitivity => {
            let next = cycle(&Sensitivity::ALL, case.use_case.sensitivity, by);
            pane.edit(s, |c| c.use_case.sensitivity = next);
            true
        }
        UcField::Quality => {
            let next = cycle(&Quality::ALL, case.use_case.quality, by);
            pane.edit(s, |c| c.use_case.quality = next);
            true
        }
        UcField::Multimodal => {
            pane.edit(s, |c| toggle(&mut c.use_case.needs, Capability::Multimodal));
            true
        }
        UcField::LongContext => {
            pane.edit(s, |c| {
                toggle(&mut c.use_case.needs, Capability::LongContext)
            });
            true
        }
    }
}

/// Apply typed text to a field; an error (naming the field) leaves the use case unchanged.
pub fn submit(
    pane: &mut HybridState,
    s: &mut Scenario,
    field: UcField,
    text: &str,
) -> Result<(), String> {
    match field {
        UcField::Name => {
            let name = clean_name(text);
            if name.is_empty() {
                return Err("name: is empty; expected up to 60 characters".into());
            }
            if s.use_cases
                .iter()
                .enumerate()
                .any(|(i, c)| i != pane.selected && c.use_case.name == name)
            {
                return Err(format!(
                    "name: {name:?} is taken; expected a name no other use case has"
                ));
            }
            pane.edit(s, |c| c.use_case.name = name);
        }
        UcField::Share => {
            let v = parse_fraction(field, text)?;
            if s.use_cases.len() < 2 && v < 1.0 {
                return Err("share: the only use case carries 100% of the volume".into());
            }
            pane.set_selected_share(s, v);
        }
        UcField::InputShare => {
            let v = parse_fraction(field, text)?;
            pane.edit(s, |c| c.use_case.input_share = v);
        }
        _ => {}
    }
    Ok(())
}
