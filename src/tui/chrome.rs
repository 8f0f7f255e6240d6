//! What the screen shows around the panes: which pane, the overlays, the notice line, the
//! terminal size, the theme, and the sizes the last draw measured.

use super::help::HelpText;
use super::keymap::Keymap;
use super::layout::{Measured, body_area};
use super::overlay::Overlay;
use super::pane::Pane;
use super::theme::Theme;

pub struct Chrome {
    pub pane: Pane,
    /// Open overlays, the top one last.
    pub overlays: Vec<Overlay>,
    /// A one-line message on the status line (cleared by a timer).
    pub notice: Option<String>,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    pub theme: Theme,
    /// Sizes the last draw measured, for scrolling limits.
    pub measured: Measured,
    /// The help's lines for the current width, made while the help is open.
    pub help: Option<HelpText>,
}

impl Chrome {
    pub fn new(theme: Theme, size: (u16, u16)) -> Chrome {
        Chrome {
            pane: Pane::Catalogue,
            overlays: Vec::new(),
            notice: None,
            size,
            theme,
            measured: Measured::default(),
            help: None,
        }
    }

    /// Make the help's lines when the help is open and they are missing or for another width.
    pub fn refresh_help(&mut self, keymap: &Keymap) {
        let open = self
            .overlays
            .iter()
            .any(|o| matches!(o, Overlay::Help { .. }));
        let width = body_area(self.size).width;
        if !open {
            self.help = None;
        } else if self.help.as_ref().is_none_or(|h| h.body_width != width) {
            self.help = Some(HelpText::new(keymap, width));
        }
    }
}
