//! Where a lab is based, for the models no data set or article gives an origin. The rules on
//! Chinese-origin models (Japan's defense and public sector, mainland-China APIs) read a
//! model's origin: without one, Qwen or Kimi passed as if they had none, and the cheapest
//! compliant plan in Japan's defense sector ran on Kimi K2.6. The country is the lab's
//! headquarters (source `lab-home-countries`); a fine-tune published by someone else keeps no
//! origin, since who trained the base is not its publisher.

use crate::domain::catalog::{Figure, Model};

/// The source every origin filled here cites (curated/sources.ron).
pub const SOURCE: &str = "lab-home-countries";

/// Each lab by the vendor name the importer gives it, and the country of its headquarters.
const LAB_HOMES: &[(&str, &str)] = &[
    ("01.AI", "China"),
    ("Alibaba", "China"),
    ("Baidu", "China"),
    ("baichuan-inc", "China"),
    ("ByteDance", "China"),
    ("ByteDance Seed", "China"),
    ("DeepSeek", "China"),
    ("inclusionAI", "China"),
    ("InternLM", "China"),
    ("Kwaipilot", "China"),
    ("MiniMax", "China"),
    ("Moonshot AI", "China"),
    ("openbmb", "China"),
    ("StepFun", "China"),
    ("Tencent", "China"),
    ("Xiaomi", "China"),
    ("Z.ai", "China"),
    ("OpenGVLab", "China"),
    ("PaddlePaddle", "China"),
    ("alibaba-pai", "China"),
    ("Ai2", "US"),
    ("Amazon", "US"),
    ("Anthropic", "US"),
    ("Apple", "US"),
    ("Cerebras", "US"),
    ("Arcee AI", "US"),
    ("Databricks", "US"),
    ("Deep Cogito", "US"),
    ("EleutherAI", "US"),
    ("Google", "US"),
    ("Hugging Face", "US"),
    ("Inception", "US"),
    ("IBM", "US"),
    ("Liquid AI", "US"),
    ("Meta", "US"),
    ("Microsoft", "US"),
    ("Nous Research", "US"),
    ("NVIDIA", "US"),
    ("OpenAI", "US"),
    ("Perplexity", "US"),
    ("Prime Intellect", "US"),
    ("Salesforce", "US"),
    ("Snowflake", "US"),
    ("Thinking Machines", "US"),
    ("Writer", "US"),
    ("xAI", "US"),
    ("Cohere", "Canada"),
    ("Mistral AI", "France"),
    ("AI21 Labs", "Israel"),
    ("sarvamai", "India"),
    ("llm-jp", "Japan"),
    ("rinna", "Japan"),
    ("tokyotech-llm", "Japan"),
    ("aisingapore", "Singapore"),
    ("kakaocorp", "South Korea"),
    ("LG AI Research", "South Korea"),
    ("Upstage", "South Korea"),
    ("Swiss AI", "Switzerland"),
    ("TII", "UAE"),
];

/// A lab's name as the data sets spell it in any case and punctuation: `Z.AI`, `Z.ai` and
/// `zai` are one lab.
fn key(name: &str) -> String {
    let name = name.to_lowercase();
    name.chars().filter(char::is_ascii_alphanumeric).collect()
}

/// A known lab's model: its vendor spelled one way (`Z.AI` and `Z.ai` were two vendors in
/// the filter menu), and, when no source gave the model an origin, the lab's home country.
pub fn fill_origin(m: &mut Model) {
    let vendor = key(&m.vendor);
    let Some((lab, country)) = LAB_HOMES.iter().find(|(lab, _)| key(lab) == vendor) else {
        return;
    };
    if m.vendor != *lab {
        m.vendor = lab.to_string();
    }
    if m.origin.is_some() {
        return;
    }
    // The source's title says what the figure is; a note on each of 1,458 figures would cost
    // 120 KB of the embedded catalogue and as many allocations at every start.
    m.origin = Some(Figure::new(country.to_string(), SOURCE));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Any model of the embedded catalogue, made the given lab's with no origin.
    fn model(vendor: &str) -> Model {
        let mut m = crate::data::embedded_catalog()
            .unwrap()
            .models
            .swap_remove(0);
        m.vendor = vendor.into();
        m.origin = None;
        m
    }

    #[test]
    fn a_labs_model_without_an_origin_takes_the_labs_country_and_cites_the_list() {
        let mut kimi = model("Moonshot AI");
        fill_origin(&mut kimi);
        let origin = kimi.origin.unwrap();
        assert_eq!(origin.value, "China");
        assert_eq!(origin.sources, [SOURCE]);
    }

    #[test]
    fn a_stated_origin_and_an_unknown_publisher_are_left_alone() {
        let mut stated = model("Alibaba");
        stated.origin = Some(Figure::new("Singapore".to_string(), "an-article"));
        fill_origin(&mut stated);
        assert_eq!(stated.origin.unwrap().value, "Singapore");
        let mut finetune = model("someone-on-hugging-face");
        fill_origin(&mut finetune);
        assert!(finetune.origin.is_none());
    }

    #[test]
    fn a_lab_spelled_another_way_is_the_same_lab() {
        let mut glm = model("Z.AI");
        fill_origin(&mut glm);
        assert_eq!(glm.vendor, "Z.ai");
        assert_eq!(glm.origin.unwrap().value, "China");
    }

    #[test]
    fn every_lab_is_listed_once() {
        let mut labs: Vec<String> = LAB_HOMES.iter().map(|(lab, _)| key(lab)).collect();
        labs.sort_unstable();
        labs.dedup();
        assert_eq!(labs.len(), LAB_HOMES.len());
    }
}
