//! From a license string to the license family and openness tier the rules reason about.
//! The README's table is this mapping.

use crate::domain::catalog::{LicenseFamily, Openness};

/// Family and tier of an open-weight model's license string (`apache-2.0`, `llama3.3`, ...).
/// Permissive licenses allow any use with notice; everything else (community, research,
/// non-commercial, use-restricted, unknown) is restricted: a user must read it first.
pub fn classify(license: Option<&str>) -> (LicenseFamily, Openness) {
    use LicenseFamily as F;
    use Openness::{OpenWeightsPermissive as Permissive, OpenWeightsRestricted as Restricted};
    let Some(raw) = license else {
        return (F::Unknown, Restricted);
    };
    let l = raw.trim().to_lowercase();
    match l.as_str() {
        "apache-2.0" => (F::Apache2, Permissive),
        "mit" => (F::Mit, Permissive),
        "modified-mit" => (F::ModifiedMit, Permissive),
        "bsd-2-clause" | "bsd-3-clause" | "cc0-1.0" | "cc-by-4.0" | "cc-by-sa-4.0" | "afl-3.0"
        | "wtfpl" | "openmdw-1.1" | "gpl-3.0" | "agpl-3.0" | "lgpl-3.0" | "odc-by"
        | "artistic-2.0" | "unlicense" | "mpl-2.0" | "isc" => (F::OtherOpen, Permissive),
        "" | "unknown" | "other" => (F::Unknown, Restricted),
        _ if l.starts_with("llama") => (F::Llama, Restricted),
        _ if l.starts_with("gemma") || l.starts_with("health-ai-developer") => {
            (F::Gemma, Restricted)
        }
        _ => (F::OtherOpen, Restricted),
    }
}

/// The rows of the README's table, in order: (license strings, family, tier).
pub const README_ROWS: [(&str, &str, &str); 8] = [
    ("apache-2.0", "apache-2.0", "open-weights-permissive"),
    ("mit", "mit", "open-weights-permissive"),
    ("modified-mit", "modified-mit", "open-weights-permissive"),
    (
        "bsd-*, cc0-1.0, cc-by-4.0, cc-by-sa-4.0, gpl-3.0, agpl-3.0, openmdw-1.1, ...",
        "other-open",
        "open-weights-permissive",
    ),
    (
        "llama2, llama3, llama3.1, llama3.2, llama3.3, llama4",
        "llama",
        "open-weights-restricted",
    ),
    (
        "gemma, health-ai-developer-foundations",
        "gemma",
        "open-weights-restricted",
    ),
    (
        "cc-by-nc-*, qwen, deepseek, nvidia-open-model-license, falcon, exaone, mrl, openrail, ...",
        "other-open",
        "open-weights-restricted",
    ),
    ("none, other, unknown", "unknown", "open-weights-restricted"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mapping() {
        assert_eq!(
            classify(Some("apache-2.0")),
            (LicenseFamily::Apache2, Openness::OpenWeightsPermissive)
        );
        assert_eq!(
            classify(Some("llama3.3")),
            (LicenseFamily::Llama, Openness::OpenWeightsRestricted)
        );
        assert_eq!(
            classify(Some("gemma")),
            (LicenseFamily::Gemma, Openness::OpenWeightsRestricted)
        );
        assert_eq!(
            classify(Some("cc-by-nc-4.0")),
            (LicenseFamily::OtherOpen, Openness::OpenWeightsRestricted)
        );
        assert_eq!(
            classify(None),
            (LicenseFamily::Unknown, Openness::OpenWeightsRestricted)
        );
        assert_eq!(classify(Some("MIT")).0, LicenseFamily::Mit);
    }
}
