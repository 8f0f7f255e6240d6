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
            output_tokens: 2000.0,
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

/// An offering of `model` by `provider` at `input`/`output` $/M, for fixture catalogues.
pub(crate) fn offering(
    model: &str,
    provider: &str,
    kind: crate::domain::catalog::OfferingKind,
    region: Option<&str>,
    input: f64,
    output: f64,
) -> crate::domain::catalog::Offering {
    crate::domain::catalog::Offering {
        id: format!("{model}@{provider}"),
        provider: provider.into(),
        provider_name: provider.to_uppercase(),
        kind,
        region: region.map(str::to_string),
        price: crate::domain::catalog::Figure::new(
            Price {
                input,
                output,
                long_context: None,
            },
            "test",
        ),
        cache_read: None,
        batch: None,
        context_tokens: None,
        max_output_tokens: None,
        as_of: "2026-10-01".into(),
        deprecation: None,
    }
}

#[test]
fn self_hosted_tiers_share_one_team_unless_one_has_its_own() {
    let (catalog, rules, mut s) = setup();
    let p = plan(&catalog, &rules, &s).unwrap();
    let labor =
        |p: &HybridPlan, t: usize| p.tiers[t].self_host.as_ref().unwrap().labor_usd_per_month;
    // Both default tiers ask for 0.25 FTE at $192,000: one team of 0.25 FTE, $4,000 a month,
    // split by tokens (tier 2 carries 0.55 of the volume, tier 3 0.10).
    assert!((labor(&p, 1) + labor(&p, 2) - 4000.0).abs() < 1e-6);
    assert!((labor(&p, 1) - 4000.0 * 0.55 / 0.65).abs() < 1e-6);
    let staff = p.tiers[2].staff.as_ref().unwrap();
    assert!(staff.shared && staff.team_fte == 0.25);
    // The larger staffing sizes the team.
    s.tiers.small.settings.fte = 1.0;
    let p = plan(&catalog, &rules, &s).unwrap();
    assert!((labor(&p, 1) + labor(&p, 2) - 16_000.0).abs() < 1e-6);
    // A tier with its own staff pays it in full, beside the team.
    s.tiers.small.settings.own_staff = true;
    let p = plan(&catalog, &rules, &s).unwrap();
    assert!((labor(&p, 1) - 4000.0).abs() < 1e-6);
    assert!((labor(&p, 2) - 16_000.0).abs() < 1e-6);
    assert!(!p.tiers[2].staff.as_ref().unwrap().shared);
}

#[test]
fn a_hosted_offering_runs_a_tier_as_an_api_with_the_hosts_region() {
    use crate::domain::catalog::OfferingKind;
    let (mut catalog, rules, mut s) = setup();
    let llama = catalog
        .models
        .iter_mut()
        .find(|m| m.id == "llama-3.1-70b")
        .unwrap();
    llama.offerings.push(offering(
        "llama-3.1-70b",
        "groq",
        OfferingKind::Host,
        Some("us"),
        0.59,
        0.79,
    ));
    s.tiers.large_offering = Some("llama-3.1-70b@groq".into());
    s.region = "fr".into();
    s.sector = "healthcare".into();
    let p = plan(&catalog, &rules, &s).unwrap();
    let t2 = &p.tiers[1];
    assert_eq!((t2.way, t2.gpus), (Way::Hosted, 0));
    assert_eq!(t2.offering.as_deref(), Some("llama-3.1-70b@groq"));
    let w = Workload {
        tokens_per_day: 5e6 * 0.55,
        input_share: t2.input_share,
        prompt_tokens: 2000.0,
        ..Default::default()
    };
    let price = &catalog
        .model("llama-3.1-70b")
        .unwrap()
        .offerings
        .iter()
        .find(|o| o.id == "llama-3.1-70b@groq")
        .unwrap()
        .price
        .value;
    assert!((t2.usd_per_month - api_monthly_cost(price, &w)).abs() < 1e-9);
    // The rules see an external API served from the US.
    assert!(
        p.findings
            .iter()
            .any(|f| f.rule == "eu-us-transfer-hosted" && f.subject.contains("groq")),
        "{:?}",
        p.findings
    );
    // Tier 3 alone is self-hosted now, so it carries the whole team.
    let labor = p.tiers[2].self_host.as_ref().unwrap().labor_usd_per_month;
    assert!((labor - 4000.0).abs() < 1e-6);
    // An unknown offering is refused, listing the model's offerings.
    s.tiers.large_offering = Some("llama-3.1-70b@grok".into());
    let err = plan(&catalog, &rules, &s).unwrap_err();
    assert_eq!(err.field, "tier-2");
    assert!(err.allowed.contains("nearest: llama-3.1-70b@groq"), "{err}");
    // A mistyped model: the nearest offering ids of the whole catalogue.
    s.tiers.large_offering = Some("lama-3.1-70b@groq".into());
    let err = plan(&catalog, &rules, &s).unwrap_err();
    assert!(err.allowed.contains("nearest: llama-3.1-70b@groq"), "{err}");
}
