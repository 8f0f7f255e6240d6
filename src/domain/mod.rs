//! Pure domain code: no terminal, no file system, no environment, no clock.

pub mod breakeven;
pub mod catalog;
pub mod catalog_diff;
pub mod cost;
pub mod explain;
pub mod export;
pub mod format;
pub mod html;
pub mod hybrid;
pub mod hybrid_sensitivity;
pub mod inputs;
pub mod optimize;
pub mod preset;
pub mod query;
pub mod report;
pub mod rules;
pub mod scenario;
pub mod scenario_report;
pub mod sensitivity;
pub mod serving;
pub mod text;
pub mod uncertainty;
pub mod units;
pub mod usecase;
pub mod validate;
pub mod what_moves;
