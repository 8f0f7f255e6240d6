use super::*;
use crate::data::{embedded_catalog, embedded_rules, embedded_use_cases};
use crate::domain::catalog::OfferingKind;
use crate::domain::cost::Precision;
use crate::domain::hybrid::tests::offering;
use crate::domain::hybrid::{Way, route};
use crate::domain::rules::Severity;
use crate::domain::scenario::DeploymentChoice;
use crate::domain::usecase::Quality;
use proptest::prelude::*;

mod pricing;
mod props;
use super::prune;

pub(crate) fn setup() -> (Catalog, RuleBook, Scenario) {
    let catalog = embedded_catalog().unwrap();
    let rules = embedded_rules(&catalog).unwrap();
    let cases = embedded_use_cases(&catalog).unwrap();
    let frontier = catalog.model("claude-opus-4.7").unwrap().clone();
    let large = catalog.model("llama-3.1-70b").unwrap().clone();
    let scenario = Scenario::builtin("test", &cases, |u| route(u, &frontier, &large));
    (catalog, rules, scenario)
}

/// An offering of the fixture: model, provider, kind, region, input and output $/M.
type Offer = (
    &'static str,
    &'static str,
    OfferingKind,
    Option<&'static str>,
    f64,
    f64,
);

const OFFERS: [Offer; 7] = [
    (
        "llama-3.1-70b",
        "groq",
        OfferingKind::Host,
        Some("us"),
        0.59,
        0.79,
    ),
    (
        "llama-3.1-70b",
        "nebius",
        OfferingKind::Host,
        Some("eu"),
        0.13,
        0.40,
    ),
    (
        "qwen-3.5-397b-a17b",
        "together",
        OfferingKind::Host,
        None,
        0.6,
        3.6,
    ),
    (
        "phi-4",
        "deepinfra",
        OfferingKind::Host,
        Some("us"),
        0.07,
        0.14,
    ),
    (
        "claude-opus-4.7",
        "bedrock",
        OfferingKind::Cloud,
        Some("eu"),
        5.5,
        27.5,
    ),
    (
        "deepseek-v4-pro",
        "deepseek",
        OfferingKind::FirstParty,
        None,
        0.05,
        0.08,
    ),
    (
        "deepseek-v4-pro",
        "together",
        OfferingKind::Host,
        Some("us"),
        0.08,
        0.12,
    ),
];

/// The embedded catalogue with a few offerings: hosts in the US and the EU, a cloud offering
/// of a closed model in the EU, and a first-party one. Each replaces an imported offering of
/// the same id, so an id names one price.
pub(crate) fn with_offerings() -> (Catalog, RuleBook, Scenario) {
    let (mut catalog, rules, s) = setup();
    for (model, provider, kind, region, input, output) in OFFERS {
        let m = catalog.models.iter_mut().find(|m| m.id == model).unwrap();
        let o = offering(model, provider, kind, region, input, output);
        m.offerings.retain(|x| x.id != o.id);
        m.offerings.push(o);
    }
    (catalog, rules, s)
}

/// Why the plan of `s` fails a use case: a blocking finding, or a tier model that misses a
/// use case's quality or capability.
pub(crate) fn violations(catalog: &Catalog, rules: &RuleBook, s: &Scenario) -> Vec<String> {
    let p = plan(catalog, rules, s).unwrap();
    let mut out: Vec<String> = p
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Block)
        .map(|f| format!("{} blocks {}", f.rule, f.subject))
        .collect();
    for c in &s.use_cases {
        let t = &p.tiers[usize::from(c.tier - 1)];
        let model = catalog.model(&t.model).unwrap();
        let need = Need {
            name: c.use_case.name.clone(),
            sensitivity: c.use_case.sensitivity,
            quality: c.use_case.quality,
            needs: c.use_case.needs.clone(),
            input_share: c.use_case.input_share,
        };
        if !space::fits(model, &need) {
            out.push(format!("{} does not fit {}", model.id, c.use_case.name));
        }
    }
    out
}

fn optimum(catalog: &Catalog, rules: &RuleBook, s: &Scenario) -> Optimum {
    match optimize(catalog, rules, s).unwrap() {
        Outcome::Optimal(o) => *o,
        Outcome::NoCompliantPlan(stuck) => panic!("no plan: {stuck:?}"),
    }
}

#[test]
fn the_default_optimum_is_cheaper_compliant_and_priced_like_the_plan() {
    let (catalog, rules, s) = setup();
    let o = optimum(&catalog, &rules, &s);
    let current = plan(&catalog, &rules, &s).unwrap();
    assert!(
        violations(&catalog, &rules, &s).is_empty(),
        "the default is compliant"
    );
    assert!(o.plan.hybrid_usd_per_month < current.hybrid_usd_per_month);
    assert!(
        (o.plan.hybrid_usd_per_month - o.found.usd_per_month).abs()
            <= 1e-9 * o.found.usd_per_month.max(1.0),
        "search {} vs plan {}",
        o.found.usd_per_month,
        o.plan.hybrid_usd_per_month
    );
    assert!(violations(&catalog, &rules, &o.scenario).is_empty());
    assert!(o.found.exhaustive);
    // The video use case stays on a model graded frontier that takes images.
    let video = o
        .scenario
        .use_cases
        .iter()
        .find(|c| c.use_case.name.contains("video"))
        .unwrap();
    let t = &o.plan.tiers[usize::from(video.tier - 1)];
    let model = catalog.model(&t.model).unwrap();
    assert!(
        crate::domain::usecase::grade(model).quality == Quality::Frontier
            && crate::domain::hybrid::has_capability(
                model,
                crate::domain::usecase::Capability::Multimodal
            ),
        "{}",
        t.model
    );
    // No free plan carries volume: every bought tier has a price.
    for t in o.plan.tiers.iter().filter(|t| t.tokens_per_day > 0.0) {
        if let Some(b) = t.blended_usd_per_million {
            assert!(b > 0.0, "{} {:?}", t.model, t.offering);
        }
    }
    // Regulated data never leaves for an API.
    let health = o
        .scenario
        .use_cases
        .iter()
        .find(|c| c.use_case.name.contains("health"))
        .unwrap();
    assert_eq!(
        o.plan.tiers[usize::from(health.tier - 1)].way,
        Way::SelfHosted
    );
    // Every move names its use case and says why.
    assert!(!o.moves.is_empty());
    assert!(o.moves.iter().all(|m| !m.why.is_empty() && m.from != m.to));
}

#[test]
fn confidential_work_takes_a_host_where_the_makers_own_api_is_blocked() {
    let (catalog, rules, mut s) = with_offerings();
    // Nothing regulated, so no tier has to be self-hosted, at a volume where GPUs do not pay.
    for c in &mut s.use_cases {
        if c.use_case.sensitivity == crate::domain::rules::Sensitivity::Regulated {
            c.use_case.sensitivity = crate::domain::rules::Sensitivity::Internal;
        }
    }
    s.workload.tokens_per_day = 1e5;
    let o = optimum(&catalog, &rules, &s);
    assert!(violations(&catalog, &rules, &o.scenario).is_empty());
    // DeepSeek's own API is the cheapest frontier-grade price, but confidential code may not
    // go to mainland China; the same weights from a US host may take it.
    let coding = o
        .scenario
        .use_cases
        .iter()
        .find(|c| c.use_case.name.contains("Coding"))
        .unwrap();
    let t = &o.plan.tiers[usize::from(coding.tier - 1)];
    assert_eq!(
        t.offering.as_deref(),
        Some("deepseek-v4-pro@together"),
        "{:?}",
        o.moves
    );
    assert_eq!(t.way, Way::Hosted);
    let moved = o
        .moves
        .iter()
        .find(|m| m.use_case.contains("Coding"))
        .unwrap();
    assert!(moved.why.starts_with("cheaper"), "{}", moved.why);
    // The move names the provider as the catalogue does (the bands do too), not by its id.
    let to = moved.to.describe();
    assert!(to.contains("· TOGETHER (hosted)"), "{to}");
}

#[test]
fn a_model_that_reads_no_text_carries_no_use_case() {
    let (catalog, _, _) = setup();
    let asr = catalog.model("qwen-3-asr-flash").expect("in the catalogue");
    assert!(
        !crate::domain::hybrid::reads_text(asr),
        "audio in, text out"
    );
    let need = Need {
        name: "any".into(),
        sensitivity: crate::domain::rules::Sensitivity::Public,
        quality: Quality::Basic,
        needs: vec![],
        input_share: 0.5,
    };
    assert!(!space::fits(asr, &need));
    // A language model without a modality list still fits.
    let llama = catalog.model("llama-3.1-8b").unwrap();
    assert!(space::fits(llama, &need));
}

#[test]
fn a_tier_may_be_left_empty() {
    let (catalog, rules, mut s) = setup();
    // Everything public and basic: one API carries it all.
    for c in &mut s.use_cases {
        c.use_case.sensitivity = crate::domain::rules::Sensitivity::Public;
        c.use_case.quality = Quality::Basic;
        c.use_case.needs.clear();
    }
    s.workload.tokens_per_day = 1e4;
    let o = optimum(&catalog, &rules, &s);
    let used = o
        .plan
        .tiers
        .iter()
        .filter(|t| t.tokens_per_day > 0.0)
        .count();
    assert_eq!(used, 1, "{:?}", o.found);
    assert!(o.plan.hybrid_usd_per_month < 1.0);
}

#[test]
fn with_no_compliant_place_each_option_names_its_blocker() {
    let (mut catalog, rules, mut s) = setup();
    // Defense forbids every API; regulated frontier-grade multimodal work then has no place
    // when no open model takes images (the imported catalogue has some: Kimi K2.6, Qwen 3.5).
    for m in catalog.models.iter_mut().filter(|m| m.is_open_weights()) {
        m.modalities = None;
    }
    s.sector = "defense".into();
    let video = s
        .use_cases
        .iter_mut()
        .find(|c| c.use_case.name.contains("video"))
        .unwrap();
    video.use_case.sensitivity = crate::domain::rules::Sensitivity::Regulated;
    let Outcome::NoCompliantPlan(stuck) = optimize(&catalog, &rules, &s).unwrap() else {
        panic!("expected no compliant plan");
    };
    assert_eq!(stuck.len(), 1, "{stuck:?}");
    assert!(stuck[0].use_case.contains("video"));
    let api = &stuck[0].reasons[0];
    assert!(
        api.contains("defense-air-gap") && api.contains("regulated-data-external-api"),
        "{api}"
    );
    assert!(
        stuck[0].reasons[1].starts_with("self-hosted: none of"),
        "{:?}",
        stuck[0].reasons
    );
}

#[test]
fn bands_cover_the_range_and_break_even_is_a_crossing() {
    let (catalog, rules, s) = setup();
    let optimizer = Optimizer::new(&catalog, &rules, &s).unwrap();
    let b = bands(&optimizer, &catalog);
    assert_eq!(b[0].from, 1e3);
    assert_eq!(b.last().unwrap().to, 1e11);
    assert!(
        b.windows(2)
            .all(|w| w[0].to == w[1].from && w[0].from < w[1].from)
    );
    assert!(
        b.windows(2)
            .all(|w| w[0].summary != w[1].summary || w[0].found != w[1].found)
    );
    let be = break_even(&catalog, &rules, &s).unwrap();
    let v = be
        .vs_frontier
        .expect("the default plan pays off at some volume");
    let at = |v: f64| {
        let mut s = s.clone();
        s.workload.tokens_per_day = v;
        let p = plan(&catalog, &rules, &s).unwrap();
        p.hybrid_usd_per_month - p.all_frontier_usd_per_month
    };
    assert!(at(v) < 0.0 && at(v * 0.99) >= 0.0, "{v}");
}

#[test]
fn every_gpu_and_precision_of_the_chosen_model_is_no_cheaper() {
    let (catalog, rules, s) = setup();
    let o = optimum(&catalog, &rules, &s);
    for t in 1..3 {
        if o.plan.tiers[t].way != Way::SelfHosted || o.plan.tiers[t].tokens_per_day == 0.0 {
            continue;
        }
        let choice = if t == 1 {
            &o.scenario.tiers.large
        } else {
            &o.scenario.tiers.small
        };
        for gpu in &catalog.gpus {
            for p in Precision::ALL {
                let mut alt = o.scenario.clone();
                let d = DeploymentChoice {
                    model: choice.model.clone(),
                    gpu: gpu.id.clone(),
                    settings: space::settings_for(choice, &choice.model, &gpu.id, p),
                };
                if d.resolve(&catalog).is_err() {
                    continue;
                }
                *(if t == 1 {
                    &mut alt.tiers.large
                } else {
                    &mut alt.tiers.small
                }) = d;
                let cost = plan(&catalog, &rules, &alt).unwrap().hybrid_usd_per_month;
                assert!(
                    cost >= o.plan.hybrid_usd_per_month - 1e-6,
                    "{} {p:?}",
                    gpu.id
                );
            }
        }
    }
}

#[test]
fn japan_rules_out_chinese_models_that_no_source_gave_an_origin() {
    let (catalog, rules, mut s) = setup();
    // No data set states where Kimi K2.6 comes from; its lab's home country does.
    let kimi = catalog.model("kimi-k2.6").unwrap();
    assert_eq!(kimi.origin_name(), Some("China"));
    s.region = "jp".into();
    s.sector = "public-sector".into();
    let chinese = |id: &str| catalog.model(id).and_then(|m| m.origin_name()) == Some("China");
    match optimize(&catalog, &rules, &s).unwrap() {
        Outcome::Optimal(o) => {
            assert!(violations(&catalog, &rules, &o.scenario).is_empty());
            for t in &o.plan.tiers {
                assert!(!chinese(&t.model), "tier {} runs {}", t.tier, t.model);
            }
        }
        // Where nothing else qualifies, the rule is what blocks.
        Outcome::NoCompliantPlan(stuck) => {
            let reasons = stuck.iter().flat_map(|s| &s.reasons);
            assert!(
                reasons
                    .clone()
                    .any(|r| r.contains("jp-chinese-models-excluded")),
                "{stuck:?}"
            );
        }
    }
}
