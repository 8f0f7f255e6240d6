//! The input options of `cost` and `sensitivity`, made from the inputs table: one option per
//! row with a flag, its help, placeholder and syntax read from the row
//! ([`crate::domain::inputs`]). A new row with a flag is an option here with nothing to add.
//! Values are checked for shape here (finite, readable, one of the choices); ranges are
//! checked by the cost model, which names the option in its error.

use crate::domain::inputs::{Access, Choices, INPUTS, Input, InputId as Id, Kind};
use crate::domain::scenario::DeploymentChoice;
use crate::domain::units::parse_quantity;
use clap::error::ErrorKind;
use clap::{Arg, ArgAction, ArgMatches, Args, Command, FromArgMatches};

/// One option the user gave, for the row of the inputs table it sets.
#[derive(Debug, Clone, PartialEq)]
pub enum Given {
    Number(f64),
    /// A choice's id (a fixed choice's as the table spells it), or a catalogue id.
    Choice(String),
}

/// The input options given, by row, in the table's order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InputArgs {
    pub given: Vec<(Id, Given)>,
}

/// The rows with an option, in table order (the order `--help` lists them).
pub fn rows() -> impl Iterator<Item = &'static Input> {
    INPUTS.iter().filter(|r| !r.flag.is_empty())
}

/// The option of one row.
fn arg(row: &'static Input) -> Arg {
    let arg = Arg::new(row.flag)
        .long(row.flag)
        .value_name(row.value_name)
        .help(row.help)
        .action(ArgAction::Set);
    match row.kind {
        Kind::Id { required } => arg.required(required),
        Kind::Choice => arg.value_parser(move |text: &str| choice(row, text)),
        Kind::Quantity | Kind::Number | Kind::Whole { .. } => arg
            .value_parser(move |text: &str| number(row, text))
            .allow_negative_numbers(true),
    }
}

fn takes_text(row: &Input) -> bool {
    matches!(row.kind, Kind::Id { .. } | Kind::Choice)
}

impl Args for InputArgs {
    fn augment_args(cmd: Command) -> Command {
        rows().fold(cmd, |cmd, row| cmd.arg(arg(row)))
    }

    fn augment_args_for_update(cmd: Command) -> Command {
        rows().fold(cmd, |cmd, row| cmd.arg(arg(row).required(false)))
    }
}

impl FromArgMatches for InputArgs {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let mut args = InputArgs::default();
        args.update_from_arg_matches(matches)?;
        Ok(args)
    }

    /// Options present in `matches` replace what was given; the rest stay.
    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        // Only matches of a command these options were not added to lack them.
        let unknown = |e| clap::Error::raw(ErrorKind::UnknownArgument, format!("{e}\n"));
        for row in rows() {
            let value = if takes_text(row) {
                let text = matches.try_get_one::<String>(row.flag).map_err(unknown)?;
                text.map(|t| Given::Choice(t.clone()))
            } else {
                let v = matches.try_get_one::<f64>(row.flag).map_err(unknown)?;
                v.map(|v| Given::Number(*v))
            };
            if let Some(value) = value {
                self.given.retain(|(id, _)| *id != row.id);
                self.given.push((row.id, value));
            }
        }
        let at = |id: &Id| INPUTS.iter().position(|r| r.id == *id);
        self.given.sort_by_key(|(id, _)| at(id));
        Ok(())
    }
}

impl InputArgs {
    /// What was given for `id`.
    pub fn get(&self, id: Id) -> Option<&Given> {
        self.given.iter().find(|(i, _)| *i == id).map(|(_, g)| g)
    }

    /// The text given for a choice row.
    pub fn text(&self, id: Id) -> Option<&str> {
        match self.get(id) {
            Some(Given::Choice(t)) => Some(t),
            _ => None,
        }
    }
}

/// A finite number: rejects `NaN`, `inf` and anything that is not a number.
pub fn finite_number(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .trim()
        .parse()
        .map_err(|_| "expected a number".to_string())?;
    if value.is_finite() {
        Ok(value)
    } else {
        Err("expected a finite number".to_string())
    }
}

/// A number in the row's syntax ([`Kind`]).
pub fn number(row: &Input, text: &str) -> Result<f64, String> {
    match row.kind {
        Kind::Quantity => parse_quantity(text),
        Kind::Whole { in_range } => whole(row, text, in_range),
        _ => finite_number(text),
    }
}

/// A whole number. Outside the row's range it is refused here when `in_range`; otherwise it
/// goes through so the range check can name it (fractions and negatives cannot).
fn whole(row: &Input, text: &str, in_range: bool) -> Result<f64, String> {
    let (lo, hi, allowed) = match row.accepts {
        Some(a) => (a.lo, a.hi, a.allowed.unwrap_or("a whole number")),
        None => (0.0, f64::from(u32::MAX), "a whole number"),
    };
    let refuse = || format!("expected {allowed}");
    let value = finite_number(text).map_err(|_| refuse())?;
    let outside = if in_range {
        !(lo..=hi).contains(&value)
    } else {
        value < 0.0 || value > f64::from(u32::MAX)
    };
    if value.fract() != 0.0 || outside {
        return Err(refuse());
    }
    Ok(value)
}

/// One of the row's fixed choices, in any case, as the table spells it; a catalogue id as
/// given (it is checked against the catalogue afterwards).
pub fn choice(row: &Input, text: &str) -> Result<String, String> {
    let Access::Choice {
        get,
        set,
        list: Choices::Fixed(list),
    } = row.access
    else {
        return Ok(text.to_string());
    };
    let mut d = DeploymentChoice::new("", "");
    if set(&mut d, text) {
        return Ok(get(&d));
    }
    let ids: Vec<&str> = list().into_iter().map(|(id, _)| id).collect();
    Err(match ids.as_slice() {
        [a, b] => format!("expected {a} or {b}"),
        _ => format!("expected one of {}", ids.join(", ")),
    })
}

#[cfg(test)]
mod tests;
