//! The catalogue built from a stored update, kept beside the downloads in the catalogue's
//! compact form. Building it means parsing about 6 MB of JSON and running the import (about
//! 0.35 s in a release build on the 2-core machine), which every start would otherwise pay;
//! decoding the built one costs what decoding the embedded catalogue does. It is tied to the
//! program that built it: another build (with other embedded data or import rules) builds it
//! again from the downloads, and keeps the result for the next start.

use super::stored::{Locked, Manifest, NewDerived, Updates, read_verified, write_derived};
use std::time::Duration;

pub use super::stored::DERIVED_FILE;

/// What a start finds.
#[derive(Debug, Clone, PartialEq)]
pub enum Stored {
    /// No update is stored.
    None,
    /// This program's build of the stored update.
    Built(Manifest, Vec<u8>),
    /// An update built by another program, or not built: build it from the downloads.
    Unbuilt(Manifest),
}

impl Updates {
    /// The stored update as a start needs it: built by `built_on` (the program's identity) if
    /// possible.
    pub fn read_built(&self, built_on: &str) -> Result<Stored, String> {
        let Some(manifest) = self.read_manifest()? else {
            return Ok(Stored::None);
        };
        let Some(d) = manifest.derived.as_ref().filter(|d| d.built_on == built_on) else {
            return Ok(Stored::Unbuilt(manifest));
        };
        let path = self.dir().join(&manifest.generation).join(DERIVED_FILE);
        match read_verified(&path, d.bytes, &d.checksum) {
            Ok(bytes) => Ok(Stored::Built(manifest, bytes)),
            // Replaced by another update meanwhile, or damaged: the downloads decide.
            Err(_) => Ok(Stored::Unbuilt(manifest)),
        }
    }

    /// Keep `d`, built from `generation`, for the next start. Best effort and without
    /// waiting: skipped when another update holds the lock or has replaced that generation.
    pub fn keep_built(&self, generation: &str, d: &NewDerived) {
        let Ok(locked) = self.lock_within(Duration::ZERO) else {
            return;
        };
        let _ = keep(&locked, generation, d);
    }
}

fn keep(locked: &Locked, generation: &str, d: &NewDerived) -> Result<(), String> {
    let Some(mut manifest) = locked.updates().read_manifest()? else {
        return Ok(());
    };
    if manifest.generation != generation {
        return Ok(());
    }
    let dir = locked.updates().dir().join(generation);
    manifest.derived = Some(write_derived(&dir, d)?);
    locked.write_manifest(&manifest)
}
