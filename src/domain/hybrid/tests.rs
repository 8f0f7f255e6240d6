use super::*;
use crate::data::{embedded_catalog, embedded_rules, embedded_use_cases};
use crate::domain::cost::api_monthly_cost;
use crate::domain::scenario::Scenario;

fn setup() -> (Catalog, RuleBook, Scenario) {
    let catalog = embedded_catalog().unwrap();
    let rules = embedded_rules(&catalog).unwrap();
    let cases = embedded_use_cases(&catalog).unwrap();
    let frontier = catalog.model("claude-opus-4.7").unwrap().clone();
    let large = catalog.model("llama-3.1-70b").unwrap().clone();
    let scenario = Scenario::builtin("test", &cases, |u| route(u, &frontier, &large));
    (catalog, rules, scenario)
}

#[test]
fn default_routing_follows_sensitivity_then_quality() {
    let (_, _, s) = setup();
    let tier_of = |needle: &str| {
        s.use_cases
            .iter()
            .find(|c| c.use_case.name.contains(needle))
            .unwrap()
            .tier
    };
    assert_eq!(tier_of("health"), 3, "regulated data goes to tier 3");
    assert_eq!(tier_of("Coding"), 1, "frontier quality goes to tier 1");
    assert_eq!(
        tier_of("video"),
        1,
        "multimodal only the frontier model has"
    );
    assert_eq!(tier_of("RAG"), 2);
    assert_eq!(tier_of("classification"), 2);
}

#[test]
fn totals_are_the_sum_of_the_tiers_and_volumes_add_up() {
    let (catalog, rules, s) = setup();
    let p = plan(&catalog, &rules, &s).unwrap();
    let sum: f64 = p.tiers.iter().map(|t| t.usd_per_month).sum();
    assert!((p.hybrid_usd_per_month - sum).abs() < 1e-9);
    let volume: f64 = p.tiers.iter().map(|t| t.tokens_per_day).sum();
    assert!((volume - s.workload.tokens_per_day).abs() < 1e-3);
    let per_case: f64 = p.use_case_usd_per_month.iter().sum();
    // The API tier bills each use case at its own input share, which sums to the tier's bill.
    assert!(
        (per_case - p.hybrid_usd_per_month).abs() < 1e-6,
        "{per_case} vs {}",
        p.hybrid_usd_per_month
    );
    assert_eq!(p.gpus_total, p.tiers.iter().map(|t| t.gpus).sum::<u32>());
}

#[test]
fn tier_one_is_the_api_bill_at_the_tiers_input_share() {
    let (catalog, rules, s) = setup();
    let p = plan(&catalog, &rules, &s).unwrap();
    let price = &catalog
        .model("claude-opus-4.7")
        .unwrap()
        .price
        .as_ref()
        .unwrap()
        .value;
    // Tier 1 carries coding (0.15, s 0.7), video (0.05, s 0.9) and dialogue (0.15, s 0.6):
    // share 0.35, input share (0.105 + 0.045 + 0.09) / 0.35 = 0.6857...
    let t1 = &p.tiers[0];
    assert!((t1.share - 0.35).abs() < 1e-12);
    assert!((t1.input_share - 0.24 / 0.35).abs() < 1e-12);
    let expected = api_monthly_cost(
        price,
        &Workload {
            tokens_per_day: 5e6 * 0.35,
            input_share: 0.24 / 0.35,
            prompt_tokens: 2000.0,
        },
    );
    assert!((t1.usd_per_month - expected).abs() < 1e-9);
    // 30 * 1.75M / 1e6 * (0.6857 * 5 + 0.3143 * 25) = 52.5 * 11.2857 = 592.50
    assert!(
        (t1.usd_per_month - 592.5).abs() < 0.01,
        "{}",
        t1.usd_per_month
    );
}

#[test]
fn an_empty_tier_costs_nothing_and_baselines_use_the_whole_volume() {
    let (catalog, rules, mut s) = setup();
    for case in &mut s.use_cases {
        case.tier = 1;
    }
    let p = plan(&catalog, &rules, &s).unwrap();
    assert_eq!(p.tiers[1].usd_per_month, 0.0);
    assert_eq!(p.tiers[2].gpus, 0);
    // Everything on tier 1 is exactly the all-frontier baseline: nothing saved.
    assert!(p.savings_vs_frontier.unwrap().abs() < 1e-12);
    assert!((p.hybrid_usd_per_month - p.all_frontier_usd_per_month).abs() < 1e-9);
    let d = s.tiers.large.resolve(&catalog).unwrap();
    assert_eq!(
        p.all_self_hosted_usd_per_month,
        self_host_cost(&d, 5e6).usd_per_month
    );
}

#[test]
fn regulated_data_on_the_api_is_allowed_but_blocked_by_a_finding() {
    let (catalog, rules, mut s) = setup();
    let health = s
        .use_cases
        .iter_mut()
        .find(|c| c.use_case.name.contains("health"))
        .unwrap();
    health.tier = 1;
    let p = plan(&catalog, &rules, &s).unwrap();
    assert_eq!(
        s.use_cases
            .iter()
            .find(|c| c.use_case.name.contains("health"))
            .unwrap()
            .tier,
        1
    );
    let block = &p.findings[0];
    assert_eq!(block.severity, crate::domain::rules::Severity::Block);
    assert_eq!(block.rule, "regulated-data-external-api");
    assert_eq!(block.subject, "tier 1: Claude Opus 4.7");
}

#[test]
fn region_sector_and_tier_model_change_the_findings() {
    let (catalog, rules, mut s) = setup();
    let ids = |s: &Scenario| -> Vec<String> {
        plan(&catalog, &rules, s)
            .unwrap()
            .findings
            .into_iter()
            .map(|f| f.rule)
            .collect()
    };
    assert!(!ids(&s).contains(&"eu-ai-act-applies".to_string()));
    s.region = "eu".into();
    assert!(ids(&s).contains(&"eu-llama-not-free-open".to_string()));
    s.tiers.large.model = "deepseek-r1".into();
    s.tiers.large.settings.precision = crate::domain::cost::Precision::Int4;
    s.region = "us-tx".into();
    s.sector = "public-sector".into();
    assert!(ids(&s).contains(&"us-state-deepseek-ban".to_string()));
}

#[test]
fn reroute_restores_the_default_routing() {
    let (catalog, _, mut s) = setup();
    let original: Vec<u8> = s.use_cases.iter().map(|c| c.tier).collect();
    for case in &mut s.use_cases {
        case.tier = 2;
    }
    reroute(&catalog, &mut s).unwrap();
    assert_eq!(
        s.use_cases.iter().map(|c| c.tier).collect::<Vec<_>>(),
        original
    );
}

#[test]
fn shares_normalize_and_bad_inputs_are_refused() {
    let (catalog, rules, mut s) = setup();
    for case in &mut s.use_cases {
        case.use_case.share *= 3.0;
    }
    let p = plan(&catalog, &rules, &s).unwrap();
    assert!((p.shares.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    s.use_cases[0].use_case.input_share = 1.5;
    let err = plan(&catalog, &rules, &s).unwrap_err();
    assert!(err.to_string().contains("input_share"), "{err}");
    s.use_cases[0].use_case.input_share = 0.5;
    // Llama 3.1 70B now has hosted offerings; Llama 2 has no API price.
    s.tiers.frontier = "llama-2".into();
    assert_eq!(plan(&catalog, &rules, &s).unwrap_err().field, "tier-1");
}
