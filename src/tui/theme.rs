//! Semantic colour slots -> styles, resolved once when the theme loads.
//!
//! The built-in colour themes use only the 16 named ANSI colours (plus the terminal's default),
//! so a 16-colour terminal shows them as designed. `mono` uses only bold, reverse, underline and
//! dim, for NO_COLOR.

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Built-in themes in the order `t` cycles through them.
pub const BUILTIN: &[(&str, &str)] = &[
    ("dark", include_str!("../../themes/dark.ron")),
    ("light", include_str!("../../themes/light.ron")),
    (
        "high-contrast",
        include_str!("../../themes/high-contrast.ron"),
    ),
    ("mono", include_str!("../../themes/mono.ron")),
];

/// Number of chart series slots (`series-1` .. `series-6`).
pub const SERIES: usize = 6;

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: String,
    pub text: Style,
    pub muted: Style,
    pub accent: Style,
    pub title: Style,
    pub border: Style,
    pub header: Style,
    pub selection: Style,
    pub good: Style,
    pub warn: Style,
    pub bad: Style,
    pub unknown: Style,
    pub matched: Style,
    pub mark: Style,
    pub best: Style,
    pub same: Style,
    pub chip: Style,
    pub tab_active: Style,
    pub tab_inactive: Style,
    pub hint_key: Style,
    pub hint_text: Style,
    pub notice: Style,
    pub tier_fully_open: Style,
    pub tier_open_permissive: Style,
    pub tier_open_restricted: Style,
    pub tier_closed: Style,
    pub series: [Style; SERIES],
    /// The self-hosted staircase in the break-even chart.
    pub self_host: Style,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct StyleSpec {
    #[serde(default)]
    fg: Option<String>,
    #[serde(default)]
    bg: Option<String>,
    #[serde(default)]
    mods: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    name: String,
    slots: BTreeMap<String, StyleSpec>,
}

const COLORS: &[(&str, Color)] = &[
    ("Reset", Color::Reset),
    ("Black", Color::Black),
    ("Red", Color::Red),
    ("Green", Color::Green),
    ("Yellow", Color::Yellow),
    ("Blue", Color::Blue),
    ("Magenta", Color::Magenta),
    ("Cyan", Color::Cyan),
    ("Gray", Color::Gray),
    ("DarkGray", Color::DarkGray),
    ("LightRed", Color::LightRed),
    ("LightGreen", Color::LightGreen),
    ("LightYellow", Color::LightYellow),
    ("LightBlue", Color::LightBlue),
    ("LightMagenta", Color::LightMagenta),
    ("LightCyan", Color::LightCyan),
    ("White", Color::White),
];

const MODIFIERS: &[(&str, Modifier)] = &[
    ("Bold", Modifier::BOLD),
    ("Dim", Modifier::DIM),
    ("Italic", Modifier::ITALIC),
    ("Underlined", Modifier::UNDERLINED),
    ("Reversed", Modifier::REVERSED),
];

impl Theme {
    /// Every slot name a theme file must define.
    pub const SLOTS: &[&str] = &[
        "text",
        "muted",
        "accent",
        "title",
        "border",
        "header",
        "selection",
        "good",
        "warn",
        "bad",
        "unknown",
        "matched",
        "mark",
        "best",
        "same",
        "chip",
        "tab-active",
        "tab-inactive",
        "hint-key",
        "hint-text",
        "notice",
        "tier-fully-open",
        "tier-open-permissive",
        "tier-open-restricted",
        "tier-closed",
        "series-1",
        "series-2",
        "series-3",
        "series-4",
        "series-5",
        "series-6",
        "self-host",
    ];

    pub fn builtin(name: &str) -> Result<Theme, String> {
        // Parsed once each: undo and scenario switches ask for the theme again.
        static PARSED: [OnceLock<Result<Theme, String>>; BUILTIN.len()] =
            [const { OnceLock::new() }; BUILTIN.len()];
        let i = BUILTIN
            .iter()
            .position(|(n, _)| *n == name)
            .ok_or_else(|| format!("theme {name:?} is not known; allowed: {}", Self::names()))?;
        let (file, text) = BUILTIN[i];
        PARSED[i]
            .get_or_init(|| Theme::parse(&format!("themes/{file}.ron"), text))
            .clone()
    }

    pub fn names() -> String {
        BUILTIN
            .iter()
            .map(|(n, _)| *n)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The built-in theme after this one, wrapping around.
    pub fn next_name(&self) -> &'static str {
        let i = BUILTIN
            .iter()
            .position(|(n, _)| *n == self.name)
            .unwrap_or(0);
        BUILTIN[(i + 1) % BUILTIN.len()].0
    }

    pub fn parse(file: &str, text: &str) -> Result<Theme, String> {
        let parsed: ThemeFile = crate::data::parse_ron(file, text).map_err(|e| e.to_string())?;
        for slot in parsed.slots.keys() {
            if !Self::SLOTS.contains(&slot.as_str()) {
                return Err(format!(
                    "{file}: slot {slot:?} is not known; allowed: {}",
                    Self::SLOTS.join(", ")
                ));
            }
        }
        let get = |slot: &str| -> Result<Style, String> {
            let spec = parsed
                .slots
                .get(slot)
                .ok_or_else(|| format!("{file}: slot {slot:?} is missing"))?;
            to_style(spec).map_err(|e| format!("{file}: slot {slot:?}: {e}"))
        };
        let mut series = [Style::default(); SERIES];
        for (i, s) in series.iter_mut().enumerate() {
            *s = get(&format!("series-{}", i + 1))?;
        }
        Ok(Theme {
            name: parsed.name,
            text: get("text")?,
            muted: get("muted")?,
            accent: get("accent")?,
            title: get("title")?,
            border: get("border")?,
            header: get("header")?,
            selection: get("selection")?,
            good: get("good")?,
            warn: get("warn")?,
            bad: get("bad")?,
            unknown: get("unknown")?,
            matched: get("matched")?,
            mark: get("mark")?,
            best: get("best")?,
            same: get("same")?,
            chip: get("chip")?,
            tab_active: get("tab-active")?,
            tab_inactive: get("tab-inactive")?,
            hint_key: get("hint-key")?,
            hint_text: get("hint-text")?,
            notice: get("notice")?,
            tier_fully_open: get("tier-fully-open")?,
            tier_open_permissive: get("tier-open-permissive")?,
            tier_open_restricted: get("tier-open-restricted")?,
            tier_closed: get("tier-closed")?,
            series,
            self_host: get("self-host")?,
        })
    }

    pub fn tier(&self, tier: crate::domain::catalog::Openness) -> Style {
        use crate::domain::catalog::Openness::*;
        match tier {
            FullyOpen => self.tier_fully_open,
            OpenWeightsPermissive => self.tier_open_permissive,
            OpenWeightsRestricted => self.tier_open_restricted,
            ClosedApi => self.tier_closed,
        }
    }
}

fn color(name: &str) -> Result<Color, String> {
    COLORS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| *c)
        .ok_or_else(|| {
            let allowed: Vec<_> = COLORS.iter().map(|(n, _)| *n).collect();
            format!(
                "colour {name:?} is not known; allowed: {}",
                allowed.join(", ")
            )
        })
}

fn to_style(spec: &StyleSpec) -> Result<Style, String> {
    let mut style = Style::default();
    if let Some(fg) = &spec.fg {
        style = style.fg(color(fg)?);
    }
    if let Some(bg) = &spec.bg {
        style = style.bg(color(bg)?);
    }
    for m in &spec.mods {
        let modifier = MODIFIERS
            .iter()
            .find(|(n, _)| n == m)
            .map(|(_, md)| *md)
            .ok_or_else(|| {
                let allowed: Vec<_> = MODIFIERS.iter().map(|(n, _)| *n).collect();
                format!(
                    "modifier {m:?} is not known; allowed: {}",
                    allowed.join(", ")
                )
            })?;
        style = style.add_modifier(modifier);
    }
    Ok(style)
}

/// Which theme to start with: the command line wins, then NO_COLOR (any non-empty value)
/// selects `mono`, otherwise `dark`.
pub fn initial_theme_name(cli: Option<&str>, no_color: Option<&str>) -> String {
    match (cli, no_color) {
        (Some(name), _) => name.to_string(),
        (None, Some(v)) if !v.is_empty() => "mono".into(),
        _ => "dark".into(),
    }
}
