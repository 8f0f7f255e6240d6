//! The middle layer of the data: prices fetched by `tierwise update`, applied over the embedded
//! catalogue (and under the user's own files). Each figure taken from a fetched file cites a
//! source named for the data set and its fetch date ("models.dev, fetched 2026-12-04").

mod refresh;

pub use refresh::{FeedText, apply, check_feed};

use super::overlay::{self, Loaded};
use super::{DataError, compact, embedded_catalog};
use crate::domain::catalog::Catalog;
use crate::update::derived::Stored;
use crate::update::in_use::DataInUse;
use crate::update::stored::{NewDerived, Snapshot, Updates};
use std::path::Path;

/// The data a session runs on: the embedded catalogue, the update stored in `data_dir` over
/// it, the user's files in `config_dir` over both. A stored update that cannot be used is a
/// notice and the embedded data is used instead; only the embedded data failing is an error.
pub fn load_layers(
    config_dir: Option<&Path>,
    data_dir: Option<&Path>,
) -> Result<Loaded, DataError> {
    let (base, data, mut notices) = match data_dir {
        Some(dir) => stored_layer(dir)?,
        None => (embedded_catalog()?, DataInUse::Embedded, Vec::new()),
    };
    let mut loaded = overlay::load_on(base, config_dir)?;
    loaded.data = data;
    notices.append(&mut loaded.notices);
    loaded.notices = notices;
    Ok(loaded)
}

/// The catalogue with the update stored in `data_dir` applied, or the embedded one when none
/// is stored (or it cannot be used: then a notice says why). The catalogue this program built
/// from the update is taken when it is kept; otherwise it is built and kept for next time.
pub fn stored_layer(data_dir: &Path) -> Result<(Catalog, DataInUse, Vec<String>), DataError> {
    let updates = Updates::new(data_dir);
    let identity = program_identity();
    let found = match &identity {
        Some(id) => updates.read_built(id),
        None => updates
            .read_manifest()
            .map(|m| m.map_or(Stored::None, Stored::Unbuilt)),
    };
    match found {
        Ok(Stored::None) => Ok((embedded_catalog()?, DataInUse::Embedded, Vec::new())),
        Err(why) => Ok((
            embedded_catalog()?,
            DataInUse::Embedded,
            vec![fallback(why)],
        )),
        Ok(Stored::Built(manifest, bytes)) => match compact::decode(&bytes) {
            Ok(c) => Ok((
                Catalog {
                    sources: c.sources,
                    models: c.models,
                    gpus: c.gpus,
                },
                DataInUse::from_manifest(&manifest),
                Vec::new(),
            )),
            Err(_) => rebuild(&updates, identity.as_deref()),
        },
        Ok(Stored::Unbuilt(_)) => rebuild(&updates, identity.as_deref()),
    }
}

fn fallback(why: String) -> String {
    format!("{why}; the embedded prices are used (`tierwise update --reset` clears it)")
}

/// Build the catalogue from the stored downloads, and keep it when this program has an
/// identity to tie it to.
fn rebuild(
    updates: &Updates,
    identity: Option<&str>,
) -> Result<(Catalog, DataInUse, Vec<String>), DataError> {
    let embedded = embedded_catalog()?;
    let snapshot = match updates.read() {
        Ok(Some(s)) => s,
        Ok(None) => return Ok((embedded, DataInUse::Embedded, Vec::new())),
        Err(why) => return Ok((embedded, DataInUse::Embedded, vec![fallback(why)])),
    };
    match apply(&embedded, &snapshot_texts(&snapshot)) {
        Ok(catalog) => {
            if let Some(built) = identity.and_then(|id| built(&catalog, id)) {
                updates.keep_built(&snapshot.manifest.generation, &built);
            }
            Ok((
                catalog,
                DataInUse::from_manifest(&snapshot.manifest),
                Vec::new(),
            ))
        }
        Err(why) => Ok((
            embedded,
            DataInUse::Embedded,
            vec![fallback(format!("the stored update does not apply: {why}"))],
        )),
    }
}

/// `catalog` in the compact form, tied to the program `identity`.
pub fn built(catalog: &Catalog, identity: &str) -> Option<NewDerived> {
    let body = compact::encode(&catalog.sources, &catalog.models, &catalog.gpus).ok()?;
    Some(NewDerived {
        built_on: identity.to_string(),
        body,
    })
}

/// Which program this is: its version and its executable's size and modification time, so a
/// rebuilt program (other embedded data, other import rules) does not trust an older build's
/// catalogue. `None` when the executable cannot be examined.
pub fn program_identity() -> Option<String> {
    let meta = std::fs::metadata(std::env::current_exe().ok()?).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    Some(format!(
        "tierwise {} {} bytes {}.{:09}",
        env!("CARGO_PKG_VERSION"),
        meta.len(),
        modified.as_secs(),
        modified.subsec_nanos()
    ))
}

/// The texts of a stored update.
pub fn snapshot_texts(snapshot: &Snapshot) -> Vec<FeedText<'_>> {
    snapshot
        .manifest
        .files
        .iter()
        .filter_map(|f| {
            Some(FeedText {
                feed: f.feed,
                text: snapshot.text(f.feed)?,
                date: f.date().to_string(),
                address: f.address.clone(),
            })
        })
        .collect()
}
