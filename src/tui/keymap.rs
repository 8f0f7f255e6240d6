//! Keys -> actions, per mode, read from `assets/keymap.ron`. The same table drives key handling,
//! the help overlay and the bottom hint line.

use super::action::Action;
use crossterm::event::{KeyCode as CtKey, KeyEvent, KeyEventKind, KeyModifiers};
use serde::Deserialize;

pub const KEYMAP_RON: &str = include_str!("../../assets/keymap.ron");

/// Which set of bindings applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Mode {
    Global,
    Catalogue,
    Search,
    Filter,
    Detail,
    Compare,
    Help,
    BreakEven,
    Editor,
    Picker,
    Explain,
    Presets,
    Hybrid,
    UseCase,
    UseCaseText,
    Findings,
    TierSettings,
    Scenarios,
    ScenarioName,
    ScenarioConfirm,
    Notes,
    Notices,
    Palette,
    Sensitivity,
}

impl Mode {
    pub fn title(self) -> &'static str {
        match self {
            Mode::Global => "Everywhere",
            Mode::Catalogue => "Catalogue",
            Mode::Search => "Search field",
            Mode::Filter => "Filter menu",
            Mode::Detail => "Detail view",
            Mode::Compare => "Comparison view",
            Mode::Help => "Help",
            Mode::BreakEven => "Break-even pane",
            Mode::Editor => "Value editor",
            Mode::Picker => "Picker",
            Mode::Explain => "Explanation",
            Mode::Presets => "Presets",
            Mode::Hybrid => "Hybrid pane",
            Mode::UseCase => "Use-case editor",
            Mode::UseCaseText => "Use-case field being typed",
            Mode::Findings => "Findings list",
            Mode::TierSettings => "Hybrid tier deployment",
            Mode::Scenarios => "Scenario list",
            Mode::ScenarioName => "Scenario name being typed",
            Mode::ScenarioConfirm => "Deleting a scenario",
            Mode::Notes => "Notes editor",
            Mode::Notices => "Notices",
            Mode::Palette => "Command palette",
            Mode::Sensitivity => "Sensitivity view",
        }
    }

    /// A text field takes every printable key, so global keys do not apply there.
    pub fn is_text_input(self) -> bool {
        matches!(
            self,
            Mode::Search
                | Mode::Editor
                | Mode::Picker
                | Mode::UseCaseText
                | Mode::ScenarioName
                | Mode::Notes
                | Mode::Palette
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Up,
    Down,
    Left,
    Right,
    ShiftLeft,
    ShiftRight,
    PageUp,
    PageDown,
    Home,
    End,
}

/// A key press as the keymap sees it: shift is folded into the character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: Code,
    pub ctrl: bool,
}

impl Key {
    pub const fn plain(code: Code) -> Key {
        Key { code, ctrl: false }
    }

    /// Parse a key name from the keymap file.
    pub fn parse(name: &str) -> Result<Key, String> {
        if let Some(rest) = name.strip_prefix("Ctrl-") {
            let mut chars = rest.chars();
            return match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_ascii_alphabetic() => Ok(Key {
                    code: Code::Char(c.to_ascii_lowercase()),
                    ctrl: true,
                }),
                _ => Err(format!(
                    "key {name:?}: Ctrl- must be followed by one letter"
                )),
            };
        }
        let code = match name {
            "Space" => Code::Char(' '),
            "Enter" => Code::Enter,
            "Esc" => Code::Esc,
            "Tab" => Code::Tab,
            "Shift-Tab" => Code::BackTab,
            "Backspace" => Code::Backspace,
            "Delete" => Code::Delete,
            "Up" => Code::Up,
            "Down" => Code::Down,
            "Left" => Code::Left,
            "Right" => Code::Right,
            "Shift-Left" => Code::ShiftLeft,
            "Shift-Right" => Code::ShiftRight,
            "PageUp" => Code::PageUp,
            "PageDown" => Code::PageDown,
            "Home" => Code::Home,
            "End" => Code::End,
            _ => {
                let mut chars = name.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if !c.is_control() && c != ' ' => Code::Char(c),
                    _ => {
                        return Err(format!(
                            "key {name:?} is not known; use one character, Space, Enter, Esc, \
                             Tab, Shift-Tab, Backspace, Delete, Up, Down, Left, Right, Shift-Left, \
                             Shift-Right, PageUp, PageDown, Home, End or Ctrl-<letter>"
                        ));
                    }
                }
            }
        };
        Ok(Key::plain(code))
    }

    /// The key of a terminal event; `None` for releases and keys the keymap cannot name.
    pub fn from_event(event: &KeyEvent) -> Option<Key> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let shift = event.modifiers.contains(KeyModifiers::SHIFT);
        let code = match event.code {
            CtKey::Char(c) if ctrl => Code::Char(c.to_ascii_lowercase()),
            CtKey::Char(c) => Code::Char(c),
            CtKey::Enter => Code::Enter,
            CtKey::Esc => Code::Esc,
            CtKey::Tab if shift => Code::BackTab,
            CtKey::Tab => Code::Tab,
            CtKey::BackTab => Code::BackTab,
            CtKey::Backspace => Code::Backspace,
            CtKey::Delete => Code::Delete,
            CtKey::Up => Code::Up,
            CtKey::Down => Code::Down,
            CtKey::Left if shift => Code::ShiftLeft,
            CtKey::Right if shift => Code::ShiftRight,
            CtKey::Left => Code::Left,
            CtKey::Right => Code::Right,
            CtKey::PageUp => Code::PageUp,
            CtKey::PageDown => Code::PageDown,
            CtKey::Home => Code::Home,
            CtKey::End => Code::End,
            _ => return None,
        };
        Some(Key { code, ctrl })
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileBinding {
    keys: Vec<String>,
    action: String,
    help: String,
    #[serde(default)]
    hint: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileMode {
    mode: Mode,
    bindings: Vec<FileBinding>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeymapFile {
    modes: Vec<FileMode>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub keys: Vec<Key>,
    /// The key names as written in the file, for the help overlay.
    pub labels: Vec<String>,
    pub action: Action,
    pub help: String,
    pub hint: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Keymap {
    pub modes: Vec<(Mode, Vec<Binding>)>,
}

impl Keymap {
    pub fn embedded() -> Result<Keymap, String> {
        Keymap::parse("assets/keymap.ron", KEYMAP_RON)
    }

    pub fn parse(file: &str, text: &str) -> Result<Keymap, String> {
        let parsed: KeymapFile = crate::data::parse_ron(file, text).map_err(|e| e.to_string())?;
        let mut modes: Vec<(Mode, Vec<Binding>)> = Vec::new();
        for fm in parsed.modes {
            if modes.iter().any(|(m, _)| *m == fm.mode) {
                return Err(format!("{file}: mode {:?} is listed twice", fm.mode));
            }
            let mut bindings: Vec<Binding> = Vec::new();
            for fb in fm.bindings {
                let action = Action::from_name(&fb.action).ok_or_else(|| {
                    format!(
                        "{file}: mode {:?}: action {:?} is not known; allowed: {}",
                        fm.mode,
                        fb.action,
                        Action::names().collect::<Vec<_>>().join(", ")
                    )
                })?;
                if fb.keys.is_empty() {
                    return Err(format!(
                        "{file}: mode {:?}: {:?} has no keys",
                        fm.mode, fb.action
                    ));
                }
                let mut keys = Vec::new();
                for name in &fb.keys {
                    let key =
                        Key::parse(name).map_err(|e| format!("{file}: mode {:?}: {e}", fm.mode))?;
                    if bindings.iter().any(|b| b.keys.contains(&key)) || keys.contains(&key) {
                        return Err(format!(
                            "{file}: mode {:?}: key {name:?} is bound twice",
                            fm.mode
                        ));
                    }
                    keys.push(key);
                }
                bindings.push(Binding {
                    keys,
                    labels: fb.keys,
                    action,
                    help: fb.help,
                    hint: fb.hint,
                });
            }
            modes.push((fm.mode, bindings));
        }
        Ok(Keymap { modes })
    }

    pub fn bindings(&self, mode: Mode) -> &[Binding] {
        self.modes
            .iter()
            .find(|(m, _)| *m == mode)
            .map(|(_, b)| b.as_slice())
            .unwrap_or(&[])
    }

    /// The action for a key in a mode: the mode's own binding first, then the global one
    /// (except in a text field).
    pub fn lookup(&self, mode: Mode, key: Key) -> Option<Action> {
        let find = |m: Mode| {
            self.bindings(m)
                .iter()
                .find(|b| b.keys.contains(&key))
                .map(|b| b.action.clone())
        };
        find(mode).or_else(|| {
            if mode.is_text_input() || mode == Mode::Global {
                None
            } else {
                find(Mode::Global)
            }
        })
    }

    /// (key label, hint) pairs a mode puts on the bottom line, in file order.
    pub fn own_hints(&self, mode: Mode) -> Vec<(&str, &str)> {
        self.bindings(mode)
            .iter()
            .filter_map(|b| b.hint.as_deref().map(|h| (b.labels[0].as_str(), h)))
            .collect()
    }
}
