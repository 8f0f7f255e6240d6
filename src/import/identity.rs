//! One name for one model across sources: models.dev ids, LiteLLM keys and Hugging Face repos
//! are reduced to a normal form, so `anthropic.claude-opus-4-7`, `claude-opus-4-7@default` and
//! "Claude Opus 4.7" all read `claude-opus-4.7`. What the rules cannot match goes in the
//! curated alias table.

/// Bedrock and LiteLLM region prefixes: `eu.anthropic.claude-...`.
const REGIONS: [&str; 9] = [
    "us", "eu", "apac", "jp", "au", "ca", "global", "us-gov", "apne1",
];

/// Bedrock's vendor prefixes: `anthropic.claude-...`, `meta.llama3-3-70b-instruct-v1:0`.
const VENDOR_PREFIXES: [&str; 17] = [
    "anthropic",
    "meta",
    "amazon",
    "mistral",
    "deepseek",
    "qwen",
    "openai",
    "cohere",
    "ai21",
    "writer",
    "moonshot",
    "moonshotai",
    "minimax",
    "zai",
    "google",
    "nvidia",
    "twelvelabs",
];

/// Splits a region prefix off a key: `eu.anthropic.claude-opus-4-7` -> (`eu`, rest).
pub fn split_region(key: &str) -> (Option<&'static str>, &str) {
    let last = key.rsplit('/').next().unwrap_or(key);
    let offset = key.len() - last.len();
    if let Some((head, rest)) = last.split_once('.')
        && let Some(region) = REGIONS.iter().find(|r| **r == head)
        && rest.contains('.')
    {
        return (Some(region), &key[offset + head.len() + 1..]);
    }
    // LiteLLM's Azure keys put the region in the path: `azure/eu/gpt-4o`.
    let parts: Vec<&str> = key.split('/').collect();
    if parts.len() >= 3
        && let Some(region) = REGIONS.iter().find(|r| **r == parts[parts.len() - 2])
    {
        return (Some(region), parts[parts.len() - 1]);
    }
    (None, key)
}

/// The normal form of a model key or name.
pub fn normalise(key: &str) -> String {
    // A display name's "(latest)" marks an alias of the model, not another model.
    let lower = key.to_lowercase().replace("(latest)", "");
    let lower = lower.trim();
    let (_, key) = split_region(lower);
    let mut s = key.rsplit('/').next().unwrap_or(key).to_string();
    if let Some(at) = s.find('@') {
        s.truncate(at);
    }
    let mut vendor_prefixed = false;
    if let Some((head, rest)) = s.split_once('.')
        && VENDOR_PREFIXES.contains(&head)
        && rest.starts_with(|c: char| c.is_ascii_alphabetic())
    {
        // Bedrock writes `deepseek.v3` for DeepSeek V3: the vendor is part of the name there.
        s = if head == "deepseek" && !rest.starts_with("deepseek") {
            format!("deepseek-{rest}")
        } else {
            rest.to_string()
        };
        vendor_prefixed = true;
    }
    if vendor_prefixed {
        s = strip_version_suffix(&s);
    }
    s = s.replace(['_', ' ', ':'], "-");
    let mut tokens: Vec<String> = s
        .split('-')
        .filter(|t| !t.is_empty())
        .flat_map(split_letters_digits)
        .collect();
    // Dates and serving variants say how it is served, not which model it is.
    while let Some(last) = tokens.last() {
        let is_date = last.len() == 8 && last.chars().all(|c| c.is_ascii_digit());
        if is_date || ["latest", "tput", "fp8", "default"].contains(&last.as_str()) {
            tokens.pop();
        } else {
            break;
        }
    }
    if tokens.len() >= 2
        && tokens[tokens.len() - 1] == "turbo"
        && tokens[tokens.len() - 2] == "instruct"
    {
        tokens.pop();
    }
    // ISO dates at the end: `-2024-08-06`.
    if tokens.len() > 3 {
        let n = tokens.len();
        let digits = |t: &str, len: usize| t.len() == len && t.chars().all(|c| c.is_ascii_digit());
        if digits(&tokens[n - 3], 4) && digits(&tokens[n - 2], 2) && digits(&tokens[n - 1], 2) {
            tokens.truncate(n - 3);
        }
    }
    if tokens.first().is_some_and(|t| t == "meta") && tokens.get(1).is_some_and(|t| t == "llama") {
        tokens.remove(0);
    }
    let mut tokens = join_versions(tokens);
    // `claude-opus-4-0` is Claude Opus 4: a trailing `.0` adds nothing to a major version.
    if tokens.len() >= 2
        && let Some(last) = tokens.last_mut()
        && let Some(major) = last.strip_suffix(".0")
        && major.trim_start_matches('v').len() == 1
        && major
            .trim_start_matches('v')
            .chars()
            .all(|c| c.is_ascii_digit())
    {
        last.truncate(major.len());
    }
    tokens.join("-")
}

/// Whether an API key or display name is an alias naming whichever version the lab serves
/// now (`mistral-medium-latest`, "Claude Opus 4 (latest)", "Gemini Flash Latest").
pub fn is_latest_alias(key: &str, name: &str) -> bool {
    key.to_lowercase().ends_with("latest") || plain_name(name) != name
}

/// A display name without its "latest" marker: "Codestral (latest)" -> "Codestral",
/// "Gemini Flash Latest" -> "Gemini Flash".
pub fn plain_name(name: &str) -> &str {
    let trimmed = name.trim_end();
    let lower = trimmed.to_lowercase();
    for marker in ["(latest)", " latest"] {
        // The markers are ASCII, so they end the original at the same byte offset.
        if lower.ends_with(marker)
            && lower.len() > marker.len()
            && let Some(cut) = trimmed.len().checked_sub(marker.len())
            && trimmed.is_char_boundary(cut)
        {
            return trimmed[..cut].trim_end();
        }
    }
    name
}

/// `claude-haiku-4-5-20251001-v1:0` -> `claude-haiku-4-5-20251001`: Bedrock's version tag.
fn strip_version_suffix(s: &str) -> String {
    let mut s = s;
    if let Some((head, tail)) = s.rsplit_once(':')
        && !tail.is_empty()
        && tail.chars().all(|c| c.is_ascii_digit())
    {
        s = head;
    }
    if let Some((head, tail)) = s.rsplit_once("-v")
        && !tail.is_empty()
        && tail.chars().all(|c| c.is_ascii_digit())
    {
        s = head;
    }
    s.to_string()
}

/// `qwen3` -> `qwen`, `3`; `llama3.3` -> `llama`, `3.3`; a single letter before digits stays
/// (`v3`, `k2`, `a22b`); `5p1` (Fireworks' spelling of 5.1) -> `5.1`.
fn split_letters_digits(token: &str) -> Vec<String> {
    let token = fireworks_dots(token);
    let letters = token
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    if letters >= 2 && token[letters..].starts_with(|c: char| c.is_ascii_digit()) {
        vec![token[..letters].to_string(), token[letters..].to_string()]
    } else {
        vec![token]
    }
}

fn fireworks_dots(token: &str) -> String {
    let chars: Vec<char> = token.chars().collect();
    let mut out = String::with_capacity(token.len());
    for (i, &c) in chars.iter().enumerate() {
        let between_digits = i > 0
            && i + 1 < chars.len()
            && chars[i - 1].is_ascii_digit()
            && chars[i + 1].is_ascii_digit();
        out.push(if c == 'p' && between_digits { '.' } else { c });
    }
    out
}

/// `4`, `7` -> `4.7`; `v3`, `1` -> `v3.1`: a version written with dashes.
fn join_versions(tokens: Vec<String>) -> Vec<String> {
    let single = |t: &str| t.len() == 1 && t.chars().all(|c| c.is_ascii_digit());
    let versionish = |t: &str| {
        let body = t.strip_prefix('v').unwrap_or(t);
        !body.is_empty()
            && body.chars().all(|c| c.is_ascii_digit() || c == '.')
            && body.starts_with(|c: char| c.is_ascii_digit())
            && body.len() <= 4
    };
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    for t in tokens {
        if single(&t)
            && let Some(prev) = out.last_mut()
            && versionish(prev)
            && !prev.contains('.')
            && prev.trim_start_matches('v').len() == 1
        {
            prev.push('.');
            prev.push_str(&t);
            continue;
        }
        out.push(t);
    }
    out
}

/// A model id made from a repository's name: lowercase, and only letters, digits, `-` and `.`.
pub fn id_from(text: &str) -> String {
    let mut id = String::with_capacity(text.len());
    for c in text.to_lowercase().chars() {
        let c = if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' {
            c
        } else {
            '-'
        };
        if c == '-' && (id.is_empty() || id.ends_with('-')) {
            continue;
        }
        id.push(c);
    }
    id.trim_end_matches(['-', '.'])
        .trim_start_matches('.')
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_model_reads_the_same_across_sources() {
        for (key, want) in [
            ("claude-opus-4-7", "claude-opus-4.7"),
            ("anthropic.claude-opus-4-7", "claude-opus-4.7"),
            ("eu.anthropic.claude-opus-4-6-v1", "claude-opus-4.6"),
            (
                "anthropic.claude-haiku-4-5-20251001-v1:0",
                "claude-haiku-4.5",
            ),
            ("claude-opus-4-7@default", "claude-opus-4.7"),
            ("Claude Opus 4.7", "claude-opus-4.7"),
            ("vertex_ai/claude-3-5-sonnet@20240620", "claude-3.5-sonnet"),
            ("gpt-4o-2024-08-06", "gpt-4o"),
            ("azure/eu/gpt-4o", "gpt-4o"),
            (
                "meta-llama/Llama-3.3-70B-Instruct",
                "llama-3.3-70b-instruct",
            ),
            (
                "meta-llama/Llama-3.3-70B-Instruct-Turbo",
                "llama-3.3-70b-instruct",
            ),
            ("meta.llama3-3-70b-instruct-v1:0", "llama-3.3-70b-instruct"),
            ("Meta-Llama-3.1-8B-Instruct", "llama-3.1-8b-instruct"),
            ("accounts/fireworks/models/glm-5p1", "glm-5.1"),
            (
                "Qwen/Qwen3-235B-A22B-Instruct-2507-tput",
                "qwen-3-235b-a22b-instruct-2507",
            ),
            (
                "qwen3-235b-a22b-instruct-2507",
                "qwen-3-235b-a22b-instruct-2507",
            ),
            ("deepseek-v3-1", "deepseek-v3.1"),
            ("deepseek-v4-pro", "deepseek-v4-pro"),
            ("gpt-oss-120b", "gpt-oss-120b"),
            ("openai/gpt-oss-120b", "gpt-oss-120b"),
            ("gpt-3.5-turbo", "gpt-3.5-turbo"),
            ("deepseek.v3-v1:0", "deepseek-v3"),
            ("qwen.qwen3-32b-v1:0", "qwen-3-32b"),
        ] {
            assert_eq!(normalise(key), want, "{key}");
        }
    }

    #[test]
    fn latest_aliases_read_as_the_model_they_name() {
        for (alias, dated) in [
            ("claude-opus-4-0", "claude-opus-4-20250514"),
            ("Claude Opus 4 (latest)", "Claude Opus 4"),
            (
                "claude-sonnet-4-0",
                "anthropic.claude-sonnet-4-20250514-v1:0",
            ),
            ("claude-opus-4-1", "claude-opus-4-1-20250805"),
            ("Claude Opus 4.1 (latest)", "claude-opus-4-1-20250805"),
            ("gpt-5-chat-latest", "gpt-5-chat"),
            ("codestral-latest", "Codestral"),
            ("claude-3-5-sonnet-v2:0", "claude-3-5-sonnet-v2"),
        ] {
            assert_eq!(normalise(alias), normalise(dated), "{alias} vs {dated}");
        }
    }

    #[test]
    fn different_models_never_read_the_same() {
        for (a, b) in [
            ("claude-opus-4", "claude-opus-4.1"),
            ("claude-opus-4-0", "claude-opus-4-1"),
            ("Claude Opus 4 (latest)", "Claude Opus 4.1 (latest)"),
            ("ministral-3b-latest", "ministral-8b-latest"),
            ("ministral-3b", "ministral-8b"),
            ("mistral-medium-latest", "mistral-medium-2508"),
            ("gpt-5", "gpt-5-chat-latest"),
            ("qwen-2.0-7b", "qwen-2-7b-0"),
            ("gemini-2.0-flash", "gemini-2-flash-lite"),
        ] {
            assert_ne!(normalise(a), normalise(b), "{a} vs {b}");
        }
        // A `.0` inside a name is part of it; only a trailing major version loses it.
        assert_eq!(normalise("gemini-2.0-flash"), "gemini-2.0-flash");
        assert_eq!(normalise("granite-4.0-h-micro"), "granite-4.0-h-micro");
        assert_eq!(normalise("qwen-2.0"), "qwen-2");
        assert_eq!(normalise("model-10.0"), "model-10.0");
    }

    #[test]
    fn alias_markers_and_plain_names() {
        assert!(is_latest_alias("mistral-medium-latest", "Mistral Medium"));
        assert!(is_latest_alias("claude-opus-4-0", "Claude Opus 4 (latest)"));
        assert!(!is_latest_alias("claude-opus-4-20250514", "Claude Opus 4"));
        assert_eq!(plain_name("Codestral (latest)"), "Codestral");
        assert_eq!(plain_name("Gemini Flash Latest"), "Gemini Flash");
        assert!(is_latest_alias(
            "gemini-flash-latest",
            "Gemini Flash Latest"
        ));
        assert_eq!(plain_name("Latest"), "Latest");
        assert_eq!(plain_name("Codestral"), "Codestral");
        assert_eq!(plain_name("Pixtral Large (25.02)"), "Pixtral Large (25.02)");
    }

    #[test]
    fn regions_and_ids() {
        assert_eq!(
            split_region("eu.anthropic.claude-opus-4-7"),
            (Some("eu"), "anthropic.claude-opus-4-7")
        );
        assert_eq!(split_region("azure/eu/gpt-4o"), (Some("eu"), "gpt-4o"));
        assert_eq!(
            split_region("deepseek/deepseek-v4-pro"),
            (None, "deepseek/deepseek-v4-pro")
        );
        assert_eq!(split_region("us.writer.palmyra-x5-v1:0").0, Some("us"));
        assert_eq!(id_from("Llama-3.3-70B-Instruct"), "llama-3.3-70b-instruct");
        assert_eq!(id_from("Qwen3_5 (FP8)!"), "qwen3-5-fp8");
    }
}
