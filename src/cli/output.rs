//! Shared output helpers: writing to stdout, aligned text tables, CSV fields, number text.

use super::errors::CliError;
use crate::domain::text::truncate_to_width;
use crate::domain::units::price_digits;
use std::io::Write;
use unicode_width::UnicodeWidthStr;

/// Shown wherever a figure is unknown.
pub const UNKNOWN: &str = "—";

/// Write the whole output at once. A closed pipe (`tierwise models | head`) is not an error.
pub fn emit(text: &str) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CliError::Failure(format!("cannot write output: {e}"))),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A column: header, alignment and the widest it may grow (longer cells are cut with `…`).
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub header: &'static str,
    pub align: Align,
    pub max: usize,
}

/// Render rows under headers, columns two spaces apart, widths by display width.
pub fn table(columns: &[Column], rows: &[Vec<String>]) -> String {
    let widths: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            rows.iter()
                .map(|r| r[i].width())
                .chain([c.header.width()])
                .max()
                .unwrap_or(0)
                .min(c.max)
        })
        .collect();
    let mut out = String::new();
    let headers: Vec<String> = columns.iter().map(|c| c.header.to_string()).collect();
    for row in std::iter::once(&headers).chain(rows) {
        let cells: Vec<String> = columns
            .iter()
            .zip(&widths)
            .zip(row)
            .map(|((c, &w), cell)| pad(&truncate_to_width(cell, w), w, c.align))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

fn pad(text: &str, width: usize, align: Align) -> String {
    let fill = " ".repeat(width.saturating_sub(text.width()));
    match align {
        Align::Left => format!("{text}{fill}"),
        Align::Right => format!("{fill}{text}"),
    }
}

/// One CSV field, quoted per RFC 4180 when it holds a comma, quote or line break.
pub fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// One CSV record with its CRLF terminator (RFC 4180).
pub fn csv_record(fields: &[String]) -> String {
    let mut line = fields
        .iter()
        .map(|f| csv_field(f))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// A number without needless trailing zeros: 70 -> "70", 2.5 -> "2.5", 0.075 -> "0.075".
pub fn plain_number(value: f64) -> String {
    let text = format!("{value:.6}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".into()
    } else {
        text.into()
    }
}

/// A $/M price for a table, digits as on the catalogue screen (see `price_digits`).
pub fn price_text(value: f64) -> String {
    price_digits(value)
}

/// A token count in short form: 131000 -> "131K", 1000000 -> "1M", 1050000 -> "1.05M".
pub fn short_count(value: f64) -> String {
    for (scale, suffix) in [(1e9, "B"), (1e6, "M"), (1e3, "K")] {
        if value.abs() >= scale {
            return format!("{}{suffix}", plain_number(round_to(value / scale, 2)));
        }
    }
    plain_number(value)
}

fn round_to(value: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (value * f).round() / f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_record(&["a".into(), "b,c".into()]), "a,\"b,c\"\r\n");
    }

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(plain_number(70.0), "70");
        assert_eq!(plain_number(2.5), "2.5");
        assert_eq!(price_text(0.075), "0.075");
        assert_eq!(price_text(10.0), "10.00");
        assert_eq!(price_text(0.145), "0.145");
        assert_eq!(short_count(131_000.0), "131K");
        assert_eq!(short_count(1_000_000.0), "1M");
        assert_eq!(short_count(1_048_576.0), "1.05M");
        assert_eq!(short_count(512.0), "512");
    }

    #[test]
    fn table_aligns_and_truncates_by_display_width() {
        let cols = [
            Column {
                header: "ID",
                align: Align::Left,
                max: 5,
            },
            Column {
                header: "N",
                align: Align::Right,
                max: 4,
            },
        ];
        let text = table(
            &cols,
            &[
                vec!["abcdefgh".into(), "1".into()],
                vec!["x".into(), UNKNOWN.into()],
            ],
        );
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines, ["ID     N", "abcd…  1", "x      —"]);
    }
}
