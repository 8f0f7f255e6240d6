//! Writing the catalogue as RON: one entry per top-level item, every figure on one line, and
//! fields at their default (`None`, empty lists) left out, so a diff shows what changed.

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::Serialize;

/// Pieces that a compact figure prints when a field holds its default; every field they name
/// has `#[serde(default)]`, so leaving them out reads back the same value.
const DEFAULTS: [&str; 9] = [
    ", range: None",
    ", alternatives: []",
    ", note: None",
    "range: None, ",
    "alternatives: [], ",
    "note: None, ",
    ", region: None",
    ", spot: false",
    ", reference: None",
];

/// Field lines that hold a default value at the model or GPU level.
fn is_default_line(line: &str) -> bool {
    let t = line.trim();
    let Some((_, value)) = t.split_once(": ") else {
        return false;
    };
    matches!(value, "None," | "[]," | "{},")
}

/// Removes `, name: None` and `, name: []` inside a one-line struct, outside strings.
fn strip_inline_defaults(line: &str) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(line.len());
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut in_string = false;
    while i < bytes.len() {
        let c = bytes[i];
        if in_string {
            if c == b'\\' {
                out.extend_from_slice(&bytes[i..(i + 2).min(bytes.len())]);
                i += 2;
                continue;
            }
            in_string = c != b'"';
        } else if c == b'"' {
            in_string = true;
        } else if c == b',' && line[i..].starts_with(", ") {
            let rest = &line[i + 2..];
            let name_len = rest
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
                .count();
            let after = &rest[name_len..];
            let skip = [": None", ": []"].into_iter().find(|v| {
                after.starts_with(v)
                    && matches!(after.as_bytes().get(v.len()), Some(b',') | Some(b')'))
            });
            if name_len > 0
                && let Some(v) = skip
            {
                i += 2 + name_len + v.len();
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    // Only whole ASCII pieces were dropped, so the rest is still UTF-8.
    String::from_utf8(out).unwrap_or_else(|_| line.to_string())
}

/// `value` as RON under `header` (comment lines), deterministic for equal input.
pub fn to_ron<T: Serialize>(header: &str, value: &T) -> Result<String, ron::Error> {
    let config = PrettyConfig::new()
        .depth_limit(3)
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .indentor("    ".to_string())
        .extensions(Extensions::IMPLICIT_SOME);
    let body = ron::ser::to_string_pretty(value, config)?;
    let mut out = String::with_capacity(body.len());
    out.push_str("#![enable(implicit_some)]\n");
    for line in header.lines() {
        out.push_str("// ");
        out.push_str(line);
        out.push('\n');
    }
    for line in body.lines() {
        if is_default_line(line) {
            continue;
        }
        let mut line = line.to_string();
        for d in DEFAULTS {
            line = line.replace(d, "");
        }
        out.push_str(&strip_inline_defaults(&line));
        out.push('\n');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::parse_ron;
    use crate::domain::catalog::{Figure, Gpu};

    #[test]
    fn inline_defaults_go_but_strings_keep_them() {
        assert_eq!(
            strip_inline_defaults(r#"(a: 1, b: None, c: [], d: "x, e: None", f: "é")"#),
            r#"(a: 1, d: "x, e: None", f: "é")"#
        );
    }

    #[test]
    fn written_text_reads_back_equal() {
        let mut memory = Figure::new(80.0, "s");
        memory.note = Some("with \"quotes\"".into());
        let gpu = Gpu {
            id: "g".into(),
            name: "G".into(),
            vendor: "V".into(),
            memory_gb: memory,
            bf16_tflops: Figure::new(989.0, "s"),
            memory_bandwidth_tb_s: None,
            fp8_tflops: Some(Figure::new(1979.0, "s")),
            int8_tops: None,
            fp4_tflops: None,
            power_w: Figure::new(700.0, "s"),
            purchase_usd: None,
            rent_usd_per_hour: None,
            rent_offers: vec![],
            notes: vec![],
        };
        let text = to_ron("a header", &vec![gpu.clone()]).unwrap();
        assert!(text.starts_with("#![enable(implicit_some)]\n// a header\n"));
        assert!(!text.contains("None"), "{text}");
        let back: Vec<Gpu> = parse_ron("x.ron", &text).unwrap();
        assert_eq!(back, vec![gpu]);
        assert_eq!(text, to_ron("a header", &vec![back[0].clone()]).unwrap());
    }
}
