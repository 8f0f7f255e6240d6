//! The catalogue's compact binary form (postcard), written by the importer beside the RON
//! files and embedded in the binary. Parsing the 4 MB of RON took about 96 ms on the 2-core
//! machine, six times the start-up budget; decoding this form takes a few milliseconds.
//! The RON files stay the reviewed, diffable text; a test checks both say the same.

use crate::domain::catalog::{Gpu, Model, Source};
use serde::{Deserialize, Serialize};

/// Bumped whenever the catalogue types or this layout change shape, so an old file is refused
/// by name. 2: the models in separately decodable parts.
pub const FORMAT_VERSION: u32 = 2;

/// The models are stored in this many parts, decoded side by side at start: decoding is nearly
/// all allocation of the models' strings (3.8 ms of a start of about 7 ms on the 2-core
/// machine), and the two halves take half the time each.
const PARTS: usize = 2;

#[derive(Debug, Clone, PartialEq)]
pub struct CompactCatalog {
    pub format_version: u32,
    pub sources: Vec<Source>,
    pub models: Vec<Model>,
    pub gpus: Vec<Gpu>,
}

/// What precedes the model parts: the small tables and each part's length in bytes.
#[derive(Serialize, Deserialize)]
struct Head {
    sources: Vec<Source>,
    gpus: Vec<Gpu>,
    part_lengths: Vec<u32>,
}

/// The layout: the format version (a postcard varint), the head, then the model parts, each
/// a postcard `Vec<Model>`.
pub fn encode(sources: &[Source], models: &[Model], gpus: &[Gpu]) -> Result<Vec<u8>, String> {
    let fail = |e: postcard::Error| format!("cannot encode the catalogue: {e}");
    let per_part = models.len().div_ceil(PARTS).max(1);
    let parts: Vec<Vec<u8>> = models
        .chunks(per_part)
        .map(|chunk| postcard::to_allocvec(chunk).map_err(fail))
        .collect::<Result<_, _>>()?;
    let head = Head {
        sources: sources.to_vec(),
        gpus: gpus.to_vec(),
        part_lengths: parts
            .iter()
            .map(|p| {
                u32::try_from(p.len())
                    .map_err(|_| "a part of the catalogue is over 4 GB".to_string())
            })
            .collect::<Result<_, _>>()?,
    };
    let mut bytes = postcard::to_allocvec(&FORMAT_VERSION).map_err(fail)?;
    bytes.extend(postcard::to_allocvec(&head).map_err(fail)?);
    for part in parts {
        bytes.extend(part);
    }
    Ok(bytes)
}

pub fn decode(bytes: &[u8]) -> Result<CompactCatalog, String> {
    let broken = |e: postcard::Error| {
        format!("assets/catalog.bin does not decode ({e}); rerun the importer (examples/import)")
    };
    let (version, rest) = postcard::take_from_bytes::<u32>(bytes).map_err(broken)?;
    if version != FORMAT_VERSION {
        return Err(format!(
            "assets/catalog.bin has format {version}, this build reads {FORMAT_VERSION}; rerun the importer"
        ));
    }
    let (head, mut rest) = postcard::take_from_bytes::<Head>(rest).map_err(broken)?;
    let mut parts = Vec::with_capacity(head.part_lengths.len());
    for len in &head.part_lengths {
        let len = *len as usize;
        if len > rest.len() {
            return Err(broken(postcard::Error::DeserializeUnexpectedEnd));
        }
        let (part, more) = rest.split_at(len);
        parts.push(part);
        rest = more;
    }
    if !rest.is_empty() {
        return Err(format!(
            "assets/catalog.bin has {} bytes after its last part; rerun the importer",
            rest.len()
        ));
    }
    let mut decoded = decode_parts(&parts).map_err(broken)?.into_iter();
    // The later parts are appended to the first: growing a large allocation moves no model
    // (the allocator remaps it), where collecting into a new vector copied all 4 MB of them.
    let mut models = decoded.next().unwrap_or_default();
    let rest: Vec<Vec<Model>> = decoded.collect();
    models.reserve_exact(rest.iter().map(Vec::len).sum());
    for mut part in rest {
        models.append(&mut part);
    }
    Ok(CompactCatalog {
        format_version: version,
        sources: head.sources,
        models,
        gpus: head.gpus,
    })
}

/// Every part but the first on its own thread, the first on this one; in order. Where no
/// thread can be started, one after the other.
fn decode_parts(parts: &[&[u8]]) -> Result<Vec<Vec<Model>>, postcard::Error> {
    let one = |part: &[u8]| postcard::from_bytes::<Vec<Model>>(part);
    let Some((first, others)) = parts.split_first() else {
        return Ok(Vec::new());
    };
    std::thread::scope(|scope| {
        let handles: Vec<_> = others
            .iter()
            .map(|part| {
                std::thread::Builder::new()
                    .name("catalog-decode".into())
                    .spawn_scoped(scope, move || one(part))
            })
            .collect();
        let mut out = vec![one(first)?];
        for (handle, part) in handles.into_iter().zip(others) {
            let decoded = match handle {
                Ok(h) => h.join().unwrap_or_else(|_| one(part)),
                Err(_) => one(part),
            };
            out.push(decoded?);
        }
        Ok(out)
    })
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
        assert!(decode(&other).unwrap_err().contains("format 9"));
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer).unwrap_err().contains("after its last part"));
    }

    /// The embedded bytes decode (in parts) to models that encode to the same bytes.
    #[test]
    fn the_embedded_catalogue_round_trips_byte_for_byte() {
        let bytes = crate::data::CATALOG_BIN;
        let c = decode(bytes).unwrap();
        assert!(c.models.len() > 1000);
        assert_eq!(encode(&c.sources, &c.models, &c.gpus).unwrap(), bytes);
    }
}
