//! Pure domain code: no terminal, no file system, no environment, no clock.

pub mod catalog;
pub mod query;
pub mod rules;
pub mod usecase;
pub mod validate;
