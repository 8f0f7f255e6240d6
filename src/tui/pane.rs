//! The top-level panes the number keys and the tab bar know.

/// A top-level pane. Hybrid (3) joins later as another variant; the tab bar and the number
/// keys only know the panes listed in `Pane::ALL`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Catalogue,
    BreakEven,
    Hybrid,
}

impl Pane {
    pub const ALL: &[Pane] = &[Pane::Catalogue, Pane::BreakEven, Pane::Hybrid];

    pub fn number(self) -> u8 {
        match self {
            Pane::Catalogue => 1,
            Pane::BreakEven => 2,
            Pane::Hybrid => 3,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Pane::Catalogue => "Catalogue",
            Pane::BreakEven => "Break-even",
            Pane::Hybrid => "Hybrid",
        }
    }

    pub fn from_number(n: u8) -> Option<Pane> {
        Pane::ALL.iter().copied().find(|p| p.number() == n)
    }
}
