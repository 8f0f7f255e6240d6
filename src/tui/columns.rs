//! The catalogue table's columns: each one's text for a model, the width each needs, and which
//! fit a given width. Numbers are never cut: a column that does not fit whole is dropped. Only
//! the name and the license (text) may be shortened.
//!
//! A cell's text is made when its row is drawn, never for the whole catalogue at once: of 2,800
//! models a screen shows at most a few dozen. The widths are measured once at load (so they do
//! not jump while the user filters), without keeping the texts.

use super::format::{self, UNKNOWN};
use crate::domain::catalog::Figure;
use crate::domain::catalog::{Catalog, Model};
use crate::domain::query::{SortKey, common_scores};
use std::borrow::Cow;
use std::collections::HashSet;
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Mark,
    Name,
    Tier,
    Vendor,
    Origin,
    Context,
    Input,
    Output,
    Params,
    Downloads,
    License,
    Release,
    /// Index into `TableColumns::score_names`.
    Score(usize),
}

pub const NAME_MIN: usize = 14;
/// The name grows to this before optional columns are added.
pub const NAME_GOOD: usize = 24;
const LICENSE_MAX: usize = 28;
const VENDOR_MAX: usize = 16;
const SCORE_HEADER_MAX: usize = 10;

/// Every column but the mark and the scores, in the order the widths are kept.
const FIXED: [Column; 11] = [
    Column::Name,
    Column::Tier,
    Column::Vendor,
    Column::Origin,
    Column::Context,
    Column::Input,
    Column::Output,
    Column::Params,
    Column::Downloads,
    Column::License,
    Column::Release,
];

impl Column {
    pub fn numeric(self) -> bool {
        matches!(
            self,
            Column::Context
                | Column::Input
                | Column::Output
                | Column::Params
                | Column::Downloads
                | Column::Score(_)
        )
    }

    /// The cell text of `model`; `Mark` and `Tier` are drawn specially (empty here).
    pub fn text<'m>(self, model: &'m Model, score_names: &[String]) -> Cow<'m, str> {
        match self {
            Column::Mark | Column::Tier => "".into(),
            Column::Name => model.name.as_str().into(),
            Column::Vendor => model.vendor.as_str().into(),
            Column::Origin => format::fig_str(model.origin.as_ref()),
            Column::Context => {
                format::fig(model.context_tokens.as_ref(), |n| format::tokens(*n)).into()
            }
            Column::Input => format::price_part(model, |p| p.input).into(),
            Column::Output => format::price_part(model, |p| p.output).into(),
            Column::Params => format::params(model).into(),
            Column::Downloads => model
                .downloads
                .map_or(Cow::Borrowed(UNKNOWN), |d| format::downloads(d).into()),
            Column::License => format::fig_str(model.license.as_ref()),
            Column::Release => format::fig_str(model.release.as_ref()),
            Column::Score(i) => match score_names.get(i) {
                Some(bench) => format::fig(model.scores.get(bench), |v| format::score(*v)).into(),
                None => "".into(),
            },
        }
    }
}

/// The columns the catalogue can show: the benchmark names and every column's needed width.
#[derive(Debug, Clone, PartialEq)]
pub struct TableColumns {
    /// Every benchmark some model reports, most reported first.
    pub score_names: Vec<String>,
    fixed: [usize; FIXED.len()],
    scores: Vec<usize>,
}

impl TableColumns {
    /// Measure every column over the whole catalogue: its widest value or its header, plus one
    /// for a sort arrow. A score header wider than its numbers is shortened instead of
    /// widening the column.
    pub fn measure(catalog: &Catalog) -> TableColumns {
        let score_names = common_scores(catalog, 1);
        let mut widest = [0usize; FIXED.len()];
        // A number's text is made once per distinct figure: 2,800 models have a few hundred
        // prices and a few dozen context sizes, and formatting them all was 2 ms at start.
        let mut seen: [HashSet<(u64, u64, bool)>; FIXED.len()] = Default::default();
        for model in &catalog.models {
            for (i, col) in FIXED.iter().enumerate() {
                let key = match col {
                    Column::Tier => continue,
                    Column::Context => fig_key(model.context_tokens.as_ref(), |n| (*n, 0)),
                    Column::Input => fig_key(model.price.as_ref(), |p| (p.input.to_bits(), 0)),
                    Column::Output => fig_key(model.price.as_ref(), |p| (p.output.to_bits(), 0)),
                    Column::Params => {
                        let (total, _, a) =
                            fig_key(model.total_params_b.as_ref(), |v| (v.to_bits(), 0));
                        let (active, _, b) =
                            fig_key(model.active_params_b.as_ref(), |v| (v.to_bits(), 0));
                        (total, active, a || b)
                    }
                    Column::Downloads => (model.downloads.unwrap_or(u64::MAX), 0, false),
                    // Text columns are borrowed: measuring them costs no formatting.
                    _ => {
                        widest[i] = widest[i].max(col.text(model, &[]).width());
                        continue;
                    }
                };
                if seen[i].insert(key) {
                    widest[i] = widest[i].max(col.text(model, &[]).width());
                }
            }
        }
        let mut score_widest = vec![UNKNOWN.width(); score_names.len()];
        for model in &catalog.models {
            for (bench, f) in &model.scores {
                if let Some(i) = score_names.iter().position(|b| b == bench) {
                    let conflict = if f.is_conflicting() { 1 } else { 0 };
                    let w = format::score(f.value).width() + conflict;
                    score_widest[i] = score_widest[i].max(w);
                }
            }
        }
        let mut fixed = [0usize; FIXED.len()];
        for (i, col) in FIXED.iter().enumerate() {
            let content = match col {
                Column::Tier => 3,
                Column::License => widest[i].min(LICENSE_MAX),
                Column::Vendor | Column::Origin => widest[i].min(VENDOR_MAX),
                _ => widest[i],
            };
            fixed[i] = content.max(header_of(*col, &score_names).width() + 1);
        }
        let scores = score_widest
            .iter()
            .zip(&score_names)
            .map(|(w, name)| (*w).max(name.width().min(SCORE_HEADER_MAX)) + 1)
            .collect();
        TableColumns {
            score_names,
            fixed,
            scores,
        }
    }

    pub fn header(&self, col: Column) -> &str {
        header_of(col, &self.score_names)
    }

    /// The width `col` needs.
    pub fn width(&self, col: Column) -> usize {
        match col {
            Column::Mark => 1,
            Column::Score(i) => self.scores.get(i).copied().unwrap_or(0),
            other => FIXED
                .iter()
                .position(|c| *c == other)
                .map_or(0, |i| self.fixed[i]),
        }
    }

    /// The column that shows a sort key, if any.
    pub fn for_sort(&self, key: &SortKey) -> Option<Column> {
        Some(match key {
            SortKey::Name => Column::Name,
            SortKey::Vendor => Column::Vendor,
            SortKey::Openness => Column::Tier,
            SortKey::Context => Column::Context,
            SortKey::InputPrice => Column::Input,
            SortKey::OutputPrice => Column::Output,
            SortKey::Params => Column::Params,
            SortKey::Release => Column::Release,
            SortKey::Downloads => Column::Downloads,
            SortKey::Score(b) => Column::Score(self.score_names.iter().position(|n| n == b)?),
        })
    }

    /// Columns to show at `width`, each with its width, in display order. The sorted column
    /// is always among them when it fits at all.
    pub fn plan(&self, width: u16, sort: &SortKey) -> Vec<(Column, u16)> {
        let width = usize::from(width);
        let sorted = self.for_sort(sort);
        // The sorted score (if any) is the first score shown; otherwise the most reported one.
        let mut scores: Vec<usize> = (0..self.score_names.len()).collect();
        if let Some(Column::Score(i)) = sorted {
            scores.retain(|s| *s != i);
            scores.insert(0, i);
        }
        let mut priority = vec![Column::Tier, Column::Context, Column::Input, Column::Output];
        // A column sorted on but not among the core ones comes next, so the order is visible.
        if let Some(col) = sorted.filter(|c| !priority.contains(c) && *c != Column::Name) {
            priority.push(col);
        }
        let mut rest = scores.iter().map(|i| Column::Score(*i));
        priority.extend(rest.next());
        priority.extend([
            Column::Vendor,
            Column::Params,
            Column::Downloads,
            Column::Origin,
        ]);
        priority.extend(rest.next());
        priority.extend([Column::License, Column::Release]);
        priority.extend(rest);
        let mut seen = Vec::new();
        priority.retain(|c| {
            let first = !seen.contains(c);
            seen.push(*c);
            first
        });

        let mut chosen: Vec<(Column, usize)> = vec![(Column::Mark, 1), (Column::Name, NAME_MIN)];
        let mut used = 1 + 1 + NAME_MIN; // mark, gap, name
        let name_full = self.width(Column::Name).max(NAME_MIN);
        let grow_name = |chosen: &mut Vec<(Column, usize)>, used: &mut usize, to: usize| {
            let extra = width
                .saturating_sub(*used)
                .min(to.saturating_sub(chosen[1].1));
            chosen[1].1 += extra;
            *used += extra;
        };
        // The core columns first, then a readable name, then whatever else fits, then the rest
        // of the name.
        let core = 5.min(priority.len());
        for (i, col) in priority.into_iter().enumerate() {
            if i == core {
                grow_name(&mut chosen, &mut used, name_full.min(NAME_GOOD));
            }
            let w = self.width(col);
            if used + 1 + w <= width {
                used += 1 + w;
                chosen.push((col, w));
            }
        }
        grow_name(&mut chosen, &mut used, name_full);
        let order = |c: &Column| match c {
            Column::Mark => 0,
            Column::Name => 1,
            Column::Tier => 2,
            Column::Vendor => 3,
            Column::Origin => 4,
            Column::Params => 5,
            Column::Context => 6,
            Column::Input => 7,
            Column::Output => 8,
            Column::Downloads => 9,
            Column::Score(i) => 10 + scores.iter().position(|s| s == i).unwrap_or(0),
            Column::License => 100,
            Column::Release => 101,
        };
        chosen.sort_by_key(|(c, _)| order(c));
        chosen
            .into_iter()
            .map(|(c, w)| (c, u16::try_from(w).unwrap_or(u16::MAX)))
            .collect()
    }
}

/// What a number's text depends on: the value (as up to two numbers) and the conflict marker;
/// `u64::MAX` for an unknown value.
fn fig_key<T>(f: Option<&Figure<T>>, value: impl Fn(&T) -> (u64, u64)) -> (u64, u64, bool) {
    match f {
        Some(f) => {
            let (a, b) = value(&f.value);
            (a, b, f.is_conflicting())
        }
        None => (u64::MAX, u64::MAX, false),
    }
}

fn header_of(col: Column, score_names: &[String]) -> &str {
    match col {
        Column::Mark => "",
        Column::Name => "Model",
        Column::Tier => "Tier",
        Column::Vendor => "Vendor",
        Column::Origin => "Origin",
        Column::Context => "Context",
        Column::Input => "In $/M",
        Column::Output => "Out $/M",
        Column::Params => "Params",
        Column::Downloads => "Downloads",
        Column::License => "License",
        Column::Release => "Release",
        Column::Score(i) => score_names.get(i).map(String::as_str).unwrap_or(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Measuring each distinct figure once gives the widths of measuring every cell.
    #[test]
    fn widths_are_the_widest_cell_or_the_header() {
        let catalog = crate::data::embedded_catalog().unwrap();
        let columns = TableColumns::measure(&catalog);
        for col in FIXED {
            let widest = catalog
                .models
                .iter()
                .map(|m| col.text(m, &columns.score_names).width())
                .max()
                .unwrap_or(0);
            let content = match col {
                Column::Tier => 3,
                Column::License => widest.min(LICENSE_MAX),
                Column::Vendor | Column::Origin => widest.min(VENDOR_MAX),
                _ => widest,
            };
            let header = columns.header(col).width() + 1;
            assert_eq!(columns.width(col), content.max(header), "{col:?}");
        }
        for (i, name) in columns.score_names.iter().enumerate() {
            let widest = catalog
                .models
                .iter()
                .map(|m| Column::Score(i).text(m, &columns.score_names).width())
                .max()
                .unwrap_or(0);
            let want = widest.max(name.width().min(SCORE_HEADER_MAX)) + 1;
            assert_eq!(columns.width(Column::Score(i)), want, "{name}");
        }
    }
}
