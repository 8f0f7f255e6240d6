//! The comparison view's rows: one attribute across the marked models, with which value is
//! best. Plain data, made by the view from the catalogue and kept with the catalogue state.

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Better {
    Higher,
    Lower,
    /// Not a quality: nothing is highlighted.
    Neither,
}

/// One attribute across the compared models: display text and, for numbers, the value.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareRow {
    pub label: String,
    pub cells: Vec<Option<(String, Option<f64>)>>,
    pub better: Better,
}

impl CompareRow {
    pub fn all_equal(&self) -> bool {
        self.cells.windows(2).all(|w| w[0] == w[1])
    }

    /// Which cells hold the best value (none unless at least two values are known).
    pub fn best(&self) -> Vec<bool> {
        let values: Vec<Option<f64>> = self
            .cells
            .iter()
            .map(|c| c.as_ref().and_then(|(_, v)| *v))
            .collect();
        let known: Vec<f64> = values.iter().flatten().copied().collect();
        if known.len() < 2 || self.better == Better::Neither || self.all_equal() {
            return vec![false; self.cells.len()];
        }
        let target = match self.better {
            Better::Higher => known.iter().copied().fold(f64::MIN, f64::max),
            _ => known.iter().copied().fold(f64::MAX, f64::min),
        };
        values.iter().map(|v| *v == Some(target)).collect()
    }
}
