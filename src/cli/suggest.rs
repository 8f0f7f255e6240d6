//! "Did you mean": the ids closest to a mistyped one.

/// Up to three candidates closest to `wanted`, best first. Edit distance ranks them; an id
/// that contains the typed text (or is contained in it) counts as close whatever its length.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let wanted = wanted.to_lowercase();
    // (rank, raw distance, id): containment lifts the rank, the raw distance breaks ties.
    let mut scored: Vec<(usize, usize, &str)> = candidates
        .into_iter()
        .map(|c| {
            let d = edit_distance(&wanted, c);
            let contains = !wanted.is_empty() && (c.contains(&wanted) || wanted.contains(c));
            (if contains { d.min(1) } else { d }, d, c)
        })
        .collect();
    scored.sort();
    // Beyond about half the typed length a suggestion is noise.
    let limit = (wanted.chars().count() / 2).max(3);
    scored
        .into_iter()
        .filter(|(rank, _, _)| *rank <= limit)
        .take(3)
        .map(|(_, _, c)| c)
        .collect()
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// `; closest: a, b, c`, or where to find the ids.
pub fn hint(wanted: &str, candidates: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    let owned: Vec<String> = candidates
        .into_iter()
        .map(|c| c.as_ref().to_string())
        .collect();
    let best = closest(wanted, owned.iter().map(String::as_str));
    if best.is_empty() {
        "; `tierwise models` lists the ids".into()
    } else {
        format!("; closest: {}", best.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("gpt-4o", "gpt-4o"), 0);
    }

    #[test]
    fn closest_ranks_typos_and_prefixes() {
        let ids = [
            "gpt-4o",
            "gpt-5.5",
            "llama-3.1-70b",
            "deepseek-v4-pro",
            "h100-sxm",
        ];
        assert_eq!(closest("gpt-4", ids)[0], "gpt-4o");
        assert_eq!(closest("lama-3.1-70b", ids), ["llama-3.1-70b"]);
        assert_eq!(closest("deepseek", ids), ["deepseek-v4-pro"]);
        assert!(closest("zzzzzzzzzzzz", ids).is_empty());
        assert!(closest("gpt", ids).len() <= 3);
        // A near miss beats a shorter id that the typed text merely contains.
        assert_eq!(closest("gpt-4o.1", ["gpt-4", "gpt-4o.2"])[0], "gpt-4o.2");
    }
}
