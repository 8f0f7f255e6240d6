//! Who sells what: which models.dev providers are offerings (first-party labs, clouds,
//! inference hosts) and which only resell others (gateways, subscription plans), how LiteLLM
//! names the same providers, and which labs publish open weights.

use crate::domain::catalog::OfferingKind;

/// A provider whose rows become offerings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProviderInfo {
    pub id: &'static str,
    pub kind: OfferingKind,
    /// Where it serves from, when the provider id itself says so (`alibaba-cn`).
    pub region: Option<&'static str>,
    /// For a lab: the vendor name its own models carry.
    pub vendor: Option<&'static str>,
}

const fn lab(id: &'static str, vendor: &'static str, region: Option<&'static str>) -> ProviderInfo {
    ProviderInfo {
        id,
        kind: OfferingKind::FirstParty,
        region,
        vendor: Some(vendor),
    }
}

const fn other(id: &'static str, kind: OfferingKind) -> ProviderInfo {
    ProviderInfo {
        id,
        kind,
        region: None,
        vendor: None,
    }
}

/// Every models.dev provider kept as a seller. Anything not listed (OpenRouter, Vercel,
/// nano-gpt, kilo, coding and token plans, chat apps) resells others or sells subscriptions,
/// and its rows are not offerings of their own.
pub const PROVIDERS: [ProviderInfo; 43] = [
    lab("anthropic", "Anthropic", None),
    lab("openai", "OpenAI", None),
    lab("google", "Google", None),
    lab("deepseek", "DeepSeek", None),
    lab("mistral", "Mistral AI", None),
    lab("xai", "xAI", None),
    lab("moonshotai", "Moonshot AI", None),
    lab("moonshotai-cn", "Moonshot AI", Some("cn")),
    lab("zai", "Z.ai", None),
    lab("zhipuai", "Z.ai", Some("cn")),
    lab("alibaba", "Alibaba", None),
    lab("alibaba-cn", "Alibaba", Some("cn")),
    lab("cohere", "Cohere", None),
    lab("minimax", "MiniMax", None),
    lab("minimax-cn", "MiniMax", Some("cn")),
    lab("llama", "Meta", None),
    lab("perplexity", "Perplexity", None),
    lab("stepfun", "StepFun", None),
    lab("xiaomi", "Xiaomi", None),
    lab("upstage", "Upstage", None),
    lab("inception", "Inception", None),
    lab("poolside", "Poolside", None),
    lab("sarvam", "Sarvam AI", None),
    other("amazon-bedrock", OfferingKind::Cloud),
    other("azure", OfferingKind::Cloud),
    other("google-vertex", OfferingKind::Cloud),
    other("google-vertex-anthropic", OfferingKind::Cloud),
    other("togetherai", OfferingKind::Host),
    other("fireworks-ai", OfferingKind::Host),
    other("deepinfra", OfferingKind::Host),
    other("groq", OfferingKind::Host),
    other("cerebras", OfferingKind::Host),
    other("nebius", OfferingKind::Host),
    other("baseten", OfferingKind::Host),
    other("novita-ai", OfferingKind::Host),
    other("siliconflow", OfferingKind::Host),
    other("scaleway", OfferingKind::Host),
    other("ovhcloud", OfferingKind::Host),
    other("nvidia", OfferingKind::Host),
    other("cloudflare-workers-ai", OfferingKind::Host),
    other("friendli", OfferingKind::Host),
    other("chutes", OfferingKind::Host),
    other("wandb", OfferingKind::Host),
];

pub fn provider(id: &str) -> Option<&'static ProviderInfo> {
    PROVIDERS.iter().find(|p| p.id == id)
}

/// Whether two vendor names are the same lab (`Z.AI` and `Z.ai`, `Qwen` and `Alibaba`).
pub fn same_vendor(a: &str, b: &str) -> bool {
    let canon = |v: &str| {
        let v: String = v
            .to_lowercase()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        match v.as_str() {
            "qwen" | "alibabacloud" | "alibabaqwenteam" => "alibaba".to_string(),
            "zai" | "zhipu" | "zhipuai" | "thudm" | "zaiorg" => "zai".to_string(),
            "metallama" | "metaai" => "meta".to_string(),
            "moonshot" | "moonshotai" => "moonshotai".to_string(),
            "mistral" | "mistralai" => "mistralai".to_string(),
            "deepseekai" => "deepseek".to_string(),
            "minimaxai" => "minimax".to_string(),
            _ => v,
        }
    };
    canon(a) == canon(b)
}

impl ProviderInfo {
    /// How this provider sells a model by `vendor`: a lab selling another lab's model acts as
    /// a host (Alibaba Cloud serving DeepSeek), not as its first party.
    pub fn kind_for(&self, vendor: &str) -> OfferingKind {
        match (self.kind, self.vendor) {
            (OfferingKind::FirstParty, Some(own)) if !same_vendor(own, vendor) => {
                OfferingKind::Host
            }
            (kind, _) => kind,
        }
    }
}

/// LiteLLM's provider names for the providers above.
const LITELLM_PROVIDERS: [(&str, &str); 26] = [
    ("anthropic", "anthropic"),
    ("openai", "openai"),
    ("gemini", "google"),
    ("deepseek", "deepseek"),
    ("mistral", "mistral"),
    ("xai", "xai"),
    ("moonshot", "moonshotai"),
    ("zai", "zai"),
    ("dashscope", "alibaba"),
    ("cohere_chat", "cohere"),
    ("cohere", "cohere"),
    ("minimax", "minimax"),
    ("perplexity", "perplexity"),
    ("bedrock", "amazon-bedrock"),
    ("bedrock_converse", "amazon-bedrock"),
    ("azure", "azure"),
    ("azure_ai", "azure"),
    ("vertex_ai-language-models", "google-vertex"),
    ("vertex_ai-anthropic_models", "google-vertex-anthropic"),
    ("together_ai", "togetherai"),
    ("fireworks_ai", "fireworks-ai"),
    ("deepinfra", "deepinfra"),
    ("groq", "groq"),
    ("cerebras", "cerebras"),
    ("nebius", "nebius"),
    ("novita", "novita-ai"),
];

pub fn from_litellm(name: &str) -> Option<&'static ProviderInfo> {
    LITELLM_PROVIDERS
        .iter()
        .find(|(l, _)| *l == name)
        .and_then(|(_, id)| provider(id))
}

/// A model's maker from the start of its name, for models no lab sells itself.
const VENDOR_PREFIXES: [(&str, &str); 43] = [
    ("gpt-oss", "OpenAI"),
    ("gpt", "OpenAI"),
    ("o1", "OpenAI"),
    ("o3", "OpenAI"),
    ("o4", "OpenAI"),
    ("claude", "Anthropic"),
    ("gemini", "Google"),
    ("gemma", "Google"),
    ("llama", "Meta"),
    ("meta-llama", "Meta"),
    ("qwen", "Alibaba"),
    ("qwq", "Alibaba"),
    ("deepseek", "DeepSeek"),
    ("glm", "Z.ai"),
    ("kimi", "Moonshot AI"),
    ("minimax", "MiniMax"),
    ("mistral", "Mistral AI"),
    ("mixtral", "Mistral AI"),
    ("magistral", "Mistral AI"),
    ("devstral", "Mistral AI"),
    ("codestral", "Mistral AI"),
    ("ministral", "Mistral AI"),
    ("nemotron", "NVIDIA"),
    ("phi", "Microsoft"),
    ("grok", "xAI"),
    ("command", "Cohere"),
    ("nova", "Amazon"),
    ("mimo", "Xiaomi"),
    ("step", "StepFun"),
    ("granite", "IBM"),
    ("nvidia-nemotron", "NVIDIA"),
    ("codex", "OpenAI"),
    ("ernie", "Baidu"),
    ("cogito", "Deep Cogito"),
    ("pixtral", "Mistral AI"),
    ("voxtral", "Mistral AI"),
    ("palmyra", "Writer"),
    ("kat-coder", "Kwaipilot"),
    ("intellect", "Prime Intellect"),
    ("zai-glm", "Z.ai"),
    ("mythomax", "Gryphe"),
    ("l3-8b-lunaris", "Sao10K"),
    ("l31-70b-euryale", "Sao10K"),
];

pub fn vendor_from_name(key: &str) -> Option<&'static str> {
    VENDOR_PREFIXES
        .iter()
        .find(|(prefix, _)| key.starts_with(prefix))
        .map(|(_, v)| *v)
}

/// Display names of the organisations behind open weights, keyed by the Hugging Face
/// organisation in lower case without punctuation (llmfit writes some publishers as the bare
/// organisation, `nvidia` beside `NVIDIA`, which would split one maker in two in the vendor
/// filter).
const ORG_VENDORS: [(&str, &str); 44] = [
    ("metallama", "Meta"),
    ("meta", "Meta"),
    ("google", "Google"),
    ("qwen", "Alibaba"),
    ("deepseekai", "DeepSeek"),
    ("mistralai", "Mistral AI"),
    ("microsoft", "Microsoft"),
    ("nvidia", "NVIDIA"),
    ("openai", "OpenAI"),
    ("moonshotai", "Moonshot AI"),
    ("zaiorg", "Z.ai"),
    ("thudm", "Z.ai"),
    ("minimaxai", "MiniMax"),
    ("ibmgranite", "IBM"),
    ("ibmresearch", "IBM"),
    ("allenai", "Ai2"),
    ("tiiuae", "TII"),
    ("coherelabs", "Cohere"),
    ("cohereforai", "Cohere"),
    ("stepfunai", "StepFun"),
    ("baidu", "Baidu"),
    ("tencent", "Tencent"),
    ("01ai", "01.AI"),
    ("internlm", "InternLM"),
    ("liquidai", "Liquid AI"),
    ("huggingfacetb", "Hugging Face"),
    ("apple", "Apple"),
    ("xiaomimimo", "Xiaomi"),
    ("bytedanceseed", "ByteDance Seed"),
    ("bytedance", "ByteDance"),
    ("swissai", "Swiss AI"),
    ("ai21labs", "AI21 Labs"),
    ("snowflake", "Snowflake"),
    ("databricks", "Databricks"),
    ("inclusionai", "inclusionAI"),
    ("upstage", "Upstage"),
    ("lgaiexaone", "LG AI Research"),
    ("arceeai", "Arcee AI"),
    ("bigcode", "BigCode"),
    ("eleutherai", "EleutherAI"),
    ("nousresearch", "Nous Research"),
    ("amazon", "Amazon"),
    ("amd", "AMD"),
    ("salesforce", "Salesforce"),
];

/// The vendor to show for an open model: a known lab's display name, else the publisher as
/// llmfit writes it, or the organisation as its repository spells it when llmfit only has it
/// in lower case.
pub fn open_model_vendor(publisher: &str, org: &str) -> String {
    let key = |v: &str| -> String {
        v.to_lowercase()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect()
    };
    let known = |v: &str| {
        ORG_VENDORS
            .iter()
            .find(|(k, _)| *k == key(v))
            .map(|(_, name)| name.to_string())
    };
    known(org).or_else(|| known(publisher)).unwrap_or_else(|| {
        if publisher.is_empty() || publisher == publisher.to_lowercase() {
            org.to_string()
        } else {
            publisher.to_string()
        }
    })
}

/// Hugging Face organisations of labs that publish open weights: their base and instruct
/// models are kept whatever their downloads.
pub const LAB_ORGS: [&str; 36] = [
    "meta-llama",
    "google",
    "Qwen",
    "deepseek-ai",
    "mistralai",
    "microsoft",
    "nvidia",
    "openai",
    "moonshotai",
    "zai-org",
    "THUDM",
    "MiniMaxAI",
    "ibm-granite",
    "allenai",
    "tiiuae",
    "CohereLabs",
    "CohereForAI",
    "stepfun-ai",
    "baidu",
    "tencent",
    "01-ai",
    "internlm",
    "LiquidAI",
    "HuggingFaceTB",
    "apple",
    "XiaomiMiMo",
    "ByteDance-Seed",
    "swiss-ai",
    "ai21labs",
    "Snowflake",
    "databricks",
    "inclusionAI",
    "upstage",
    "LGAI-EXAONE",
    "arcee-ai",
    "bigcode",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_consistent() {
        for (_, id) in LITELLM_PROVIDERS {
            assert!(provider(id).is_some(), "{id} is not a listed provider");
        }
        let mut ids: Vec<&str> = PROVIDERS.iter().map(|p| p.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), PROVIDERS.len(), "duplicate provider id");
        assert!(
            provider("openrouter").is_none(),
            "gateways are not offerings"
        );
        assert_eq!(vendor_from_name("gpt-oss-120b"), Some("OpenAI"));
        assert_eq!(
            vendor_from_name("nvidia-nemotron-3-nano-30b-a3b"),
            Some("NVIDIA")
        );
    }

    #[test]
    fn an_open_models_vendor_is_one_name_per_lab() {
        assert_eq!(open_model_vendor("nvidia", "nvidia"), "NVIDIA");
        assert_eq!(open_model_vendor("NVIDIA", "nvidia"), "NVIDIA");
        assert_eq!(open_model_vendor("Meta", "meta-llama"), "Meta");
        assert_eq!(open_model_vendor("zai-org", "zai-org"), "Z.ai");
        // Unknown organisations keep the repository's spelling, else llmfit's.
        assert_eq!(
            open_model_vendor("nousresearch2", "NousResearch2"),
            "NousResearch2"
        );
        assert_eq!(open_model_vendor("Some Lab", "somelab"), "Some Lab");
        assert_eq!(
            from_litellm("bedrock_converse").unwrap().id,
            "amazon-bedrock"
        );
        let alibaba = provider("alibaba").unwrap();
        assert_eq!(alibaba.kind_for("Qwen"), OfferingKind::FirstParty);
        assert_eq!(alibaba.kind_for("DeepSeek"), OfferingKind::Host);
        assert_eq!(
            provider("zai").unwrap().kind_for("Z.AI"),
            OfferingKind::FirstParty
        );
        assert_eq!(
            provider("groq").unwrap().kind_for("Meta"),
            OfferingKind::Host
        );
    }
}
