//! Which catalogue columns fit a given width. Numbers are never cut: a column that does not fit
//! whole is dropped. Only the name and the license (text) may be shortened.

use super::format::{RowText, Rows};
use crate::domain::query::SortKey;
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
    License,
    Release,
    /// Index into `Rows::score_names`.
    Score(usize),
}

pub const NAME_MIN: usize = 14;
/// The name grows to this before optional columns are added.
pub const NAME_GOOD: usize = 24;
const LICENSE_MAX: usize = 28;
const VENDOR_MAX: usize = 16;
const SCORE_HEADER_MAX: usize = 10;

impl Column {
    pub fn header(self, rows: &Rows) -> &str {
        match self {
            Column::Mark => "",
            Column::Name => "Model",
            Column::Tier => "Tier",
            Column::Vendor => "Vendor",
            Column::Origin => "Origin",
            Column::Context => "Context",
            Column::Input => "In $/M",
            Column::Output => "Out $/M",
            Column::Params => "Params",
            Column::License => "License",
            Column::Release => "Release",
            Column::Score(i) => rows.score_names.get(i).map(String::as_str).unwrap_or(""),
        }
    }

    /// The cell text; `Mark`, `Name` and `Tier` are drawn specially.
    pub fn cell(self, row: &RowText) -> &str {
        match self {
            Column::Mark | Column::Tier => "",
            Column::Name => &row.name,
            Column::Vendor => &row.vendor,
            Column::Origin => &row.origin,
            Column::Context => &row.context,
            Column::Input => &row.input,
            Column::Output => &row.output,
            Column::Params => &row.params,
            Column::License => &row.license,
            Column::Release => &row.release,
            Column::Score(i) => row.scores.get(i).map(String::as_str).unwrap_or(""),
        }
    }

    pub fn numeric(self) -> bool {
        matches!(
            self,
            Column::Context | Column::Input | Column::Output | Column::Params | Column::Score(_)
        )
    }

    /// The column that shows a sort key, if any.
    pub fn for_sort(key: &SortKey, rows: &Rows) -> Option<Column> {
        Some(match key {
            SortKey::Name => Column::Name,
            SortKey::Vendor => Column::Vendor,
            SortKey::Openness => Column::Tier,
            SortKey::Context => Column::Context,
            SortKey::InputPrice => Column::Input,
            SortKey::OutputPrice => Column::Output,
            SortKey::Params => Column::Params,
            SortKey::Release => Column::Release,
            SortKey::Downloads => return None,
            SortKey::Score(b) => Column::Score(rows.score_names.iter().position(|n| n == b)?),
        })
    }
}

/// Width each column needs: its widest value or its header, plus one for a sort arrow.
/// A score header wider than its numbers is shortened instead of widening the column.
pub fn needed(col: Column, rows: &Rows) -> usize {
    let content = match col {
        Column::Mark => return 1,
        Column::Tier => 3,
        Column::Name => rows.widest(|r| &r.name),
        Column::License => rows.widest(|r| &r.license).min(LICENSE_MAX),
        Column::Vendor => rows.widest(|r| &r.vendor).min(VENDOR_MAX),
        Column::Origin => rows.widest(|r| &r.origin).min(VENDOR_MAX),
        Column::Score(i) => {
            let values = rows.widest(|r| r.scores.get(i).map(String::as_str).unwrap_or(""));
            return values.max(col.header(rows).width().min(SCORE_HEADER_MAX)) + 1;
        }
        other => rows.widest(|r| other.cell(r)),
    };
    content.max(col.header(rows).width() + 1)
}

/// Every column's needed width, measured once when the catalogue loads.
#[derive(Debug, Clone, PartialEq)]
pub struct Widths {
    fixed: Vec<(Column, usize)>,
    scores: Vec<usize>,
}

impl Widths {
    pub fn new(rows: &Rows) -> Widths {
        let fixed = [
            Column::Name,
            Column::Tier,
            Column::Vendor,
            Column::Origin,
            Column::Context,
            Column::Input,
            Column::Output,
            Column::Params,
            Column::License,
            Column::Release,
        ]
        .into_iter()
        .map(|c| (c, needed(c, rows)))
        .collect();
        let scores = (0..rows.score_names.len())
            .map(|i| needed(Column::Score(i), rows))
            .collect();
        Widths { fixed, scores }
    }

    pub fn get(&self, col: Column) -> usize {
        match col {
            Column::Mark => 1,
            Column::Score(i) => self.scores.get(i).copied().unwrap_or(0),
            other => self
                .fixed
                .iter()
                .find(|(c, _)| *c == other)
                .map_or(0, |(_, w)| *w),
        }
    }
}

/// Columns to show at `width`, each with its width, in display order.
pub fn plan(width: u16, rows: &Rows, widths: &Widths, sort: &SortKey) -> Vec<(Column, u16)> {
    let width = usize::from(width);
    // The sorted score (if any) is the first score shown; otherwise the most reported one.
    let mut scores: Vec<usize> = (0..rows.score_names.len()).collect();
    if let Some(Column::Score(i)) = Column::for_sort(sort, rows) {
        scores.retain(|s| *s != i);
        scores.insert(0, i);
    }
    let mut priority = vec![Column::Tier, Column::Context, Column::Input, Column::Output];
    let mut rest = scores.iter().map(|i| Column::Score(*i));
    priority.extend(rest.next());
    priority.extend([Column::Vendor, Column::Params, Column::Origin]);
    priority.extend(rest.next());
    priority.extend([Column::License, Column::Release]);
    priority.extend(rest);

    let mut chosen: Vec<(Column, usize)> = vec![(Column::Mark, 1), (Column::Name, NAME_MIN)];
    let mut used = 1 + 1 + NAME_MIN; // mark, gap, name
    let name_full = widths.get(Column::Name).max(NAME_MIN);
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
        let w = widths.get(col);
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
        Column::Score(i) => 9 + scores.iter().position(|s| s == i).unwrap_or(0),
        Column::License => 100,
        Column::Release => 101,
    };
    chosen.sort_by_key(|(c, _)| order(c));
    chosen
        .into_iter()
        .map(|(c, w)| (c, u16::try_from(w).unwrap_or(u16::MAX)))
        .collect()
}
