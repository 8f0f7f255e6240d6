//! Every rule of assets/rules.ron fires where it should and nowhere else: each case lists the
//! exact set of rules expected, and every rule must appear in some case.

use std::collections::BTreeSet;
use tierwise::domain::catalog::{Figure, LicenseFamily, Modality, Model, Openness};
use tierwise::domain::rules::{DeploymentKind, Host, RuleBook, Sensitivity, Subject};

fn model(
    id: &str,
    vendor: &str,
    origin: &str,
    tier: Openness,
    license: LicenseFamily,
    image: bool,
) -> Model {
    let mut modalities = vec![Modality::Text];
    if image {
        modalities.push(Modality::Image);
    }
    Model {
        id: id.into(),
        name: id.into(),
        vendor: vendor.into(),
        origin: Some(Figure::new(origin.into(), "timewell-2026")),
        openness: Figure::new(tier, "timewell-2026"),
        license: None,
        license_family: license,
        release: None,
        total_params_b: Some(Figure::new(70.0, "timewell-2026")),
        active_params_b: None,
        experts: None,
        context_tokens: None,
        price: None,
        modalities: Some(Figure::new(modalities, "timewell-2026")),
        scores: Default::default(),
        description: "test".into(),
        notes: vec![],
        hf_repo: None,
        downloads: None,
        architecture: None,
        offerings: vec![],
    }
}

fn book() -> RuleBook {
    let catalog = tierwise::data::embedded_catalog().unwrap();
    tierwise::data::embedded_rules(&catalog).unwrap()
}

use DeploymentKind::{Api, SelfHosted};
use Sensitivity::*;

struct Case {
    region: &'static str,
    sector: &'static str,
    model: &'static str,
    deployment: DeploymentKind,
    data: &'static [Sensitivity],
    expect: &'static [&'static str],
}

fn models() -> Vec<Model> {
    vec![
        model(
            "gpt",
            "OpenAI",
            "US",
            Openness::ClosedApi,
            LicenseFamily::Proprietary,
            true,
        ),
        model(
            "deepseek-v4-pro",
            "DeepSeek",
            "China",
            Openness::OpenWeightsPermissive,
            LicenseFamily::Mit,
            false,
        ),
        model(
            "deepseek-r1",
            "DeepSeek",
            "China",
            Openness::OpenWeightsPermissive,
            LicenseFamily::Mit,
            false,
        ),
        model(
            "qwen",
            "Alibaba",
            "China",
            Openness::OpenWeightsPermissive,
            LicenseFamily::Apache2,
            false,
        ),
        model(
            "llama-4-scout",
            "Meta",
            "US",
            Openness::OpenWeightsRestricted,
            LicenseFamily::Llama,
            true,
        ),
        model(
            "llama-3.1-70b",
            "Meta",
            "US",
            Openness::OpenWeightsRestricted,
            LicenseFamily::Llama,
            false,
        ),
        model(
            "mistral",
            "Mistral AI",
            "France",
            Openness::OpenWeightsPermissive,
            LicenseFamily::Apache2,
            false,
        ),
    ]
}

const CASES: &[Case] = &[
    // Nothing regional applies "anywhere"; an API with public data is clean.
    Case {
        region: "global",
        sector: "commercial",
        model: "gpt",
        deployment: Api,
        data: &[Public],
        expect: &[],
    },
    Case {
        region: "global",
        sector: "commercial",
        model: "mistral",
        deployment: SelfHosted,
        data: &[Internal],
        expect: &["self-hosted-guardrails"],
    },
    Case {
        region: "global",
        sector: "commercial",
        model: "gpt",
        deployment: Api,
        data: &[Regulated],
        expect: &["regulated-data-external-api"],
    },
    // EU: the Act applies plan-wide, licenses matter, APIs need a DPA.
    Case {
        region: "eu",
        sector: "commercial",
        model: "gpt",
        deployment: Api,
        data: &[Internal],
        expect: &["eu-ai-act-applies", "eu-gdpr-dpa"],
    },
    Case {
        region: "fr",
        sector: "commercial",
        model: "mistral",
        deployment: SelfHosted,
        data: &[Internal],
        expect: &[
            "eu-ai-act-applies",
            "eu-free-open-license",
            "self-hosted-guardrails",
        ],
    },
    Case {
        region: "de",
        sector: "commercial",
        model: "llama-3.1-70b",
        deployment: SelfHosted,
        data: &[],
        expect: &[
            "eu-ai-act-applies",
            "eu-llama-not-free-open",
            "llama-3.1-terms",
            "self-hosted-guardrails",
        ],
    },
    Case {
        region: "eu",
        sector: "commercial",
        model: "llama-4-scout",
        deployment: SelfHosted,
        data: &[],
        expect: &[
            "eu-ai-act-applies",
            "eu-llama-not-free-open",
            "eu-llama4-multimodal",
            "llama-700m-mau",
            "self-hosted-guardrails",
        ],
    },
    Case {
        region: "us",
        sector: "commercial",
        model: "llama-4-scout",
        deployment: SelfHosted,
        data: &[],
        expect: &["llama-700m-mau", "self-hosted-guardrails"],
    },
    Case {
        region: "eu",
        sector: "hiring-credit",
        model: "gpt",
        deployment: Api,
        data: &[Confidential],
        expect: &[
            "eu-ai-act-applies",
            "eu-gdpr-dpa",
            "eu-high-risk-closed-api",
            "eu-high-risk-duties",
        ],
    },
    Case {
        region: "eu",
        sector: "legal",
        model: "mistral",
        deployment: SelfHosted,
        data: &[],
        expect: &[
            "eu-ai-act-applies",
            "eu-free-open-license",
            "eu-high-risk-duties",
            "self-hosted-guardrails",
        ],
    },
    Case {
        region: "eu",
        sector: "healthcare",
        model: "gpt",
        deployment: Api,
        data: &[Internal],
        expect: &["eu-ai-act-applies", "eu-gdpr-dpa", "eu-us-transfer"],
    },
    // DeepSeek bans: states and countries, public sector only.
    Case {
        region: "us-tx",
        sector: "public-sector",
        model: "deepseek-v4-pro",
        deployment: SelfHosted,
        data: &[],
        expect: &[
            "china-weights-on-prem",
            "self-hosted-guardrails",
            "us-federal-deepseek-bills",
            "us-state-deepseek-ban",
        ],
    },
    Case {
        region: "us-va",
        sector: "commercial",
        model: "deepseek-v4-pro",
        deployment: SelfHosted,
        data: &[],
        expect: &["china-weights-on-prem", "self-hosted-guardrails"],
    },
    Case {
        region: "kr",
        sector: "public-sector",
        model: "deepseek-v4-pro",
        deployment: SelfHosted,
        data: &[],
        expect: &[
            "china-weights-on-prem",
            "deepseek-country-restrictions",
            "self-hosted-guardrails",
        ],
    },
    Case {
        region: "it",
        sector: "public-sector",
        model: "qwen",
        deployment: SelfHosted,
        data: &[],
        expect: &[
            "china-weights-on-prem",
            "eu-ai-act-applies",
            "eu-free-open-license",
            "self-hosted-guardrails",
        ],
    },
    // Japan: Chinese-origin models out of defense, public sector and infrastructure.
    Case {
        region: "jp",
        sector: "public-sector",
        model: "qwen",
        deployment: SelfHosted,
        data: &[],
        expect: &[
            "china-weights-on-prem",
            "jp-chinese-models-excluded",
            "jp-domestic-alternatives",
            "self-hosted-guardrails",
        ],
    },
    Case {
        region: "jp",
        sector: "critical-infrastructure",
        model: "qwen",
        deployment: SelfHosted,
        data: &[],
        expect: &[
            "china-weights-on-prem",
            "jp-chinese-models-excluded",
            "self-hosted-guardrails",
        ],
    },
    Case {
        region: "jp",
        sector: "commercial",
        model: "gpt",
        deployment: Api,
        data: &[Internal],
        expect: &[],
    },
    // Chinese vendors' APIs route data to China.
    Case {
        region: "global",
        sector: "commercial",
        model: "deepseek-r1",
        deployment: Api,
        data: &[Internal],
        expect: &["china-api-data-routing", "deepseek-r1-guardrails"],
    },
    Case {
        region: "global",
        sector: "commercial",
        model: "qwen",
        deployment: Api,
        data: &[Confidential],
        expect: &["china-api-data-routing", "china-api-sensitive-data"],
    },
    // US sector rules.
    Case {
        region: "us",
        sector: "healthcare",
        model: "gpt",
        deployment: Api,
        data: &[Internal],
        expect: &["us-hipaa-api"],
    },
    Case {
        region: "us-ny",
        sector: "finance",
        model: "gpt",
        deployment: Api,
        data: &[Confidential],
        expect: &["us-finance-legal-residency"],
    },
    Case {
        region: "us",
        sector: "finance",
        model: "gpt",
        deployment: Api,
        data: &[Public],
        expect: &[],
    },
    // Defense, sovereignty, offline sites.
    Case {
        region: "global",
        sector: "defense",
        model: "gpt",
        deployment: Api,
        data: &[Confidential],
        expect: &["defense-air-gap", "sovereign-infrastructure"],
    },
    Case {
        region: "global",
        sector: "public-sector",
        model: "gpt",
        deployment: Api,
        data: &[Regulated],
        expect: &["regulated-data-external-api", "sovereign-infrastructure"],
    },
    Case {
        region: "global",
        sector: "offline",
        model: "gpt",
        deployment: Api,
        data: &[],
        expect: &["offline-needs-open-weights"],
    },
    Case {
        region: "global",
        sector: "offline",
        model: "mistral",
        deployment: SelfHosted,
        data: &[],
        expect: &["self-hosted-guardrails"],
    },
];

#[test]
fn each_case_fires_exactly_the_expected_rules() {
    let book = book();
    let models = models();
    for (i, case) in CASES.iter().enumerate() {
        let model = models.iter().find(|m| m.id == case.model).unwrap();
        let subject = Subject {
            label: model.id.clone(),
            model,
            deployment: case.deployment,
            sensitivities: case.data.iter().copied().collect(),
            host: None,
        };
        let fired: BTreeSet<String> = book
            .evaluate(case.region, case.sector, &[subject])
            .into_iter()
            .map(|f| f.rule)
            .collect();
        let expected: BTreeSet<String> = case.expect.iter().map(|s| s.to_string()).collect();
        assert_eq!(
            fired, expected,
            "case {i}: {} / {} / {}",
            case.region, case.sector, case.model
        );
    }
}

#[test]
fn every_rule_is_covered_by_a_case() {
    let covered: BTreeSet<&str> = CASES
        .iter()
        .flat_map(|c| c.expect.iter().copied())
        .chain(HOSTED.iter().flat_map(|c| c.expect.iter().copied()))
        .collect();
    for rule in &book().rules {
        assert!(
            covered.contains(rule.id.as_str()),
            "rule {} has no case",
            rule.id
        );
    }
}

#[test]
fn findings_come_worst_first_with_their_sources() {
    let book = book();
    let models = models();
    let gpt = models.iter().find(|m| m.id == "gpt").unwrap();
    let subject = Subject {
        label: "tier 1: gpt".into(),
        model: gpt,
        deployment: Api,
        sensitivities: [Regulated].into(),
        host: None,
    };
    let findings = book.evaluate("eu", "healthcare", &[subject]);
    let severities: Vec<_> = findings.iter().map(|f| f.severity).collect();
    let mut sorted = severities.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(severities, sorted);
    assert_eq!(findings[0].rule, "regulated-data-external-api");
    assert_eq!(findings[0].source, "fourfold-2026");
    assert_eq!(findings[0].subject, "tier 1: gpt");
}

/// A model bought from a third party: the host's region, not the maker's origin, decides the
/// data-transfer rules; the rules about the model itself still apply.
struct HostedCase {
    region: &'static str,
    sector: &'static str,
    model: &'static str,
    host_region: Option<&'static str>,
    data: &'static [Sensitivity],
    expect: &'static [&'static str],
}

const HOSTED: &[HostedCase] = &[
    // DeepSeek through a US host: no data goes to mainland China.
    HostedCase {
        region: "global",
        sector: "commercial",
        model: "deepseek-v4-pro",
        host_region: Some("us"),
        data: &[Confidential],
        expect: &[],
    },
    // A US model through an EU-served cloud offering: no transfer to the US.
    HostedCase {
        region: "de",
        sector: "finance",
        model: "gpt",
        host_region: Some("eu"),
        data: &[Confidential],
        expect: &[
            "eu-ai-act-applies",
            "eu-gdpr-dpa",
            "eu-high-risk-closed-api",
        ],
    },
    // An open EU model through a US host: the transfer rule follows the host.
    HostedCase {
        region: "fr",
        sector: "healthcare",
        model: "mistral",
        host_region: Some("us"),
        data: &[Internal],
        expect: &["eu-ai-act-applies", "eu-gdpr-dpa", "eu-us-transfer-hosted"],
    },
    // A host that does not say where it serves: no transfer rule can be decided.
    HostedCase {
        region: "fr",
        sector: "healthcare",
        model: "mistral",
        host_region: None,
        data: &[Internal],
        expect: &["eu-ai-act-applies", "eu-gdpr-dpa"],
    },
    // Regulated data through any host is still an external API.
    HostedCase {
        region: "global",
        sector: "commercial",
        model: "mistral",
        host_region: Some("us"),
        data: &[Regulated],
        expect: &["regulated-data-external-api"],
    },
];

#[test]
fn hosted_offerings_follow_the_hosts_region() {
    let book = book();
    let models = models();
    for (i, case) in HOSTED.iter().enumerate() {
        let model = models.iter().find(|m| m.id == case.model).unwrap();
        let subject = Subject {
            label: model.id.clone(),
            model,
            deployment: Api,
            sensitivities: case.data.iter().copied().collect(),
            host: Some(Host::new(&book, "some-host", case.host_region)),
        };
        let fired: BTreeSet<String> = book
            .evaluate(case.region, case.sector, &[subject])
            .into_iter()
            .map(|f| f.rule)
            .collect();
        let expected: BTreeSet<String> = case.expect.iter().map(|s| s.to_string()).collect();
        assert_eq!(
            fired, expected,
            "hosted case {i}: {} / {}",
            case.region, case.model
        );
    }
}
