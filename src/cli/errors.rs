//! Every failure ends the same way: one line on stderr starting with `error:`, and exit code 2
//! for bad input (including clap's own usage errors) or 1 when the data or output fails.

use std::fmt;
use std::process::ExitCode;

#[derive(Debug, Clone, PartialEq)]
pub enum CliError {
    /// The user asked for something that is not allowed: exit 2.
    Input(String),
    /// The embedded database did not load, or output could not be written: exit 1.
    Failure(String),
}

impl CliError {
    pub fn input(message: impl Into<String>) -> Self {
        CliError::Input(message.into())
    }

    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Input(_) => 2,
            CliError::Failure(_) => 1,
        }
    }

    /// Print the one-line message and return the exit code.
    pub fn report(&self) -> ExitCode {
        eprintln!("error: {self}");
        ExitCode::from(self.exit_code())
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            CliError::Input(m) | CliError::Failure(m) => m,
        };
        f.write_str(&one_line(text))
    }
}

/// Fold a multi-line message into one line.
pub fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Handle a clap parse failure: help and version go to stdout with exit 0; every real error
/// becomes one line, keeping clap's hints (possible values, similar names) but not the usage.
pub fn clap_failure(err: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        // Printing help can only fail on a closed stdout, where there is nobody to tell.
        let _ = err.print();
        return ExitCode::SUCCESS;
    }
    let rendered = err.render().to_string();
    eprintln!("{}", clap_one_line(&rendered));
    ExitCode::from(2)
}

/// Clap's rendered error without the usage block and the "try --help" line, on one line.
pub fn clap_one_line(rendered: &str) -> String {
    let mut line = String::new();
    let mut in_usage = false;
    for raw in rendered.lines() {
        let trimmed = raw.trim();
        if trimmed.starts_with("Usage:") {
            in_usage = true;
            continue;
        }
        if trimmed.is_empty() {
            in_usage = false;
            continue;
        }
        if in_usage || trimmed.starts_with("For more information") {
            continue;
        }
        match trimmed.strip_prefix("tip: ") {
            Some(tip) => {
                line.push_str("; ");
                line.push_str(tip);
            }
            None => {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(trimmed);
            }
        }
    }
    if !line.starts_with("error:") {
        line.insert_str(0, "error: ");
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_errors_fold_to_one_line_without_usage() {
        let rendered = "error: invalid value 'x' for '--theme <NAME>'\n  \
            [possible values: dark, light]\n\n  tip: a similar value exists: 'dark'\n\n\
            Usage: tierwise --theme <NAME>\n\nFor more information, try '--help'.\n";
        assert_eq!(
            clap_one_line(rendered),
            "error: invalid value 'x' for '--theme <NAME>' [possible values: dark, light]; \
             a similar value exists: 'dark'"
        );
    }

    #[test]
    fn messages_are_single_lines() {
        let e = CliError::Failure("a.ron: 2 problem(s)\n  x: bad\n  y: bad".into());
        assert_eq!(e.to_string(), "a.ron: 2 problem(s); x: bad; y: bad");
        assert_eq!(e.exit_code(), 1);
        assert_eq!(CliError::input("z").exit_code(), 2);
    }
}
