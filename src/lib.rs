//! tierwise: decide which AI work goes to frontier APIs and which to self-hosted open models.

pub mod cli;
pub mod data;
pub mod domain;
pub mod import;
pub mod store;
pub mod tui;
pub mod update;
