//! What the screen shows around the panes: which pane, the overlays, the notice line, the
//! terminal size, the theme, and the sizes the last draw measured.

use super::layout::Measured;
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
        }
    }
}
