//! The catalogue's compact binary form (postcard), written by the importer beside the RON
//! files and embedded in the binary. Parsing the 4 MB of RON took about 96 ms on the 2-core
//! machine, six times the start-up budget; decoding this form takes a few milliseconds.
//! The RON files stay the reviewed, diffable text; a test checks both say the same.

use crate::domain::catalog::{Gpu, Model, Source};
use serde::{Deserialize, Serialize};

/// Bumped whenever the catalogue types change shape, so an old file is refused by name.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompactCatalog {
    pub format_version: u32,
    pub sources: Vec<Source>,
    pub models: Vec<Model>,
    pub gpus: Vec<Gpu>,
}

pub fn encode(sources: &[Source], models: &[Model], gpus: &[Gpu]) -> Result<Vec<u8>, String> {
    let catalog = CompactCatalog {
        format_version: FORMAT_VERSION,
        sources: sources.to_vec(),
        models: models.to_vec(),
        gpus: gpus.to_vec(),
    };
    postcard::to_allocvec(&catalog).map_err(|e| format!("cannot encode the catalogue: {e}"))
}

pub fn decode(bytes: &[u8]) -> Result<CompactCatalog, String> {
    let version = bytes.first().copied().map(u32::from);
    let catalog: CompactCatalog = postcard::from_bytes(bytes).map_err(|e| {
        format!("assets/catalog.bin does not decode ({e}); rerun the importer (examples/import)")
    })?;
    if catalog.format_version != FORMAT_VERSION {
        return Err(format!(
            "assets/catalog.bin has format {:?}, this build reads {FORMAT_VERSION}; rerun the importer",
            version
        ));
    }
    Ok(catalog)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::Figure;

    #[test]
    fn round_trip_and_refusals() {
        let gpu = Gpu {
            id: "g".into(),
            name: "G".into(),
            vendor: "V".into(),
            memory_gb: Figure::new(80.0, "s"),
            bf16_tflops: Figure::new(989.0, "s"),
            memory_bandwidth_tb_s: None,
            fp8_tflops: None,
            int8_tops: None,
            fp4_tflops: None,
            power_w: Figure::new(700.0, "s"),
            purchase_usd: None,
            rent_usd_per_hour: None,
            rent_offers: vec![],
            notes: vec![],
        };
        let bytes = encode(&[], &[], std::slice::from_ref(&gpu)).unwrap();
        assert_eq!(decode(&bytes).unwrap().gpus, vec![gpu]);
        assert!(decode(&bytes[..bytes.len() / 2]).is_err());
        let mut other = bytes.clone();
        other[0] = 9;
        assert!(decode(&other).unwrap_err().contains("format"));
    }
}
