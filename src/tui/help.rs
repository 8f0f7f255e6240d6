//! The help overlay's text, generated from the keymap: every binding grouped by mode, then a
//! legend. Built by `update` once per body width (the keymap never changes), so a frame only
//! styles the visible lines.

use super::format::{CONFLICT, UNKNOWN};
use super::keymap::Keymap;
use super::layout::wrap;
use crate::domain::catalog::Openness;
use unicode_width::UnicodeWidthStr;

/// The help's lines for one body width.
#[derive(Debug, Clone, PartialEq)]
pub struct HelpText {
    /// The body width it was made for.
    pub body_width: u16,
    /// The overlay's width.
    pub width: u16,
    /// The key column's width.
    pub key_w: usize,
    /// (key column, description, is heading) per line.
    pub entries: Vec<(String, String, bool)>,
}

impl HelpText {
    pub fn new(keymap: &Keymap, body_width: u16) -> HelpText {
        let (width, key_w) = widths(keymap, body_width);
        HelpText {
            body_width,
            width,
            key_w,
            entries: entries(keymap, body_width),
        }
    }
}

/// Widest the overlay grows: beyond this a description reads better wrapped.
const MAX_WIDTH: u16 = 100;

/// The overlay's width and its key column's width for a body `body_width` columns wide: as
/// wide as the longest line needs, up to the body; longer descriptions wrap.
fn widths(keymap: &Keymap, body_width: u16) -> (u16, usize) {
    let rows = raw_entries(keymap);
    let key_w = rows
        .iter()
        .filter(|(_, _, heading)| !heading)
        .map(|(key, _, _)| key.width())
        .max()
        .unwrap_or(0)
        + 2;
    let help_w = rows
        .iter()
        .map(|(_, help, _)| help.width())
        .max()
        .unwrap_or(0);
    // Borders, the two-space indent, the key column, the description.
    let want = 2 + 2 + key_w + help_w;
    let width = u16::try_from(want)
        .unwrap_or(u16::MAX)
        .min(MAX_WIDTH)
        .min(body_width);
    (width, key_w)
}

/// (key column, description, is heading) for every line of the help, descriptions wrapped to
/// the overlay drawn in a body `body_width` columns wide; a wrapped line has no key.
fn entries(keymap: &Keymap, body_width: u16) -> Vec<(String, String, bool)> {
    let (width, key_w) = widths(keymap, body_width);
    let help_w = usize::from(width).saturating_sub(4 + key_w).max(8);
    let mut out = Vec::new();
    for (key, help, heading) in raw_entries(keymap) {
        if heading || help.width() <= help_w {
            out.push((key, help, heading));
            continue;
        }
        for (i, line) in wrap(&help, help_w).into_iter().enumerate() {
            let key = if i == 0 { key.clone() } else { String::new() };
            out.push((key, line, false));
        }
    }
    out
}

fn raw_entries(keymap: &Keymap) -> Vec<(String, String, bool)> {
    let mut out = Vec::new();
    for (mode, bindings) in &keymap.modes {
        out.push((mode.title().to_string(), String::new(), true));
        for b in bindings {
            out.push((b.labels.join(", "), b.help.clone(), false));
        }
        out.push((String::new(), String::new(), false));
    }
    out.push(("Legend".into(), String::new(), true));
    for tier in Openness::ALL {
        out.push((tier.short().into(), tier.as_str().into(), false));
    }
    out.push((
        CONFLICT.into(),
        "sources disagree; Enter shows every value".into(),
        false,
    ));
    out.push((UNKNOWN.into(), "unknown".into(), false));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_description_is_shown_whole_at_80_columns_and_unwrapped_when_wide() {
        let keymap = Keymap::embedded().unwrap();
        let words = |text: String| {
            text.split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        let all: Vec<String> = raw_entries(&keymap)
            .into_iter()
            .flat_map(|(_, help, _)| words(help))
            .collect();
        let (width, key_w) = widths(&keymap, 80);
        assert_eq!(width, 80);
        let narrow = entries(&keymap, 80);
        for (_, help, _) in &narrow {
            assert!(4 + key_w + help.width() <= 80, "{help:?} overflows");
        }
        let shown: Vec<String> = narrow.into_iter().flat_map(|(_, h, _)| words(h)).collect();
        assert_eq!(shown, all, "a word was lost in wrapping");
        assert!(
            entries(&keymap, 80).len() > raw_entries(&keymap).len(),
            "the long descriptions wrap at 80 columns"
        );
        assert_eq!(entries(&keymap, 200).len(), raw_entries(&keymap).len());
    }
}
