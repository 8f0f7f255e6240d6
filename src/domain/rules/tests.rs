use super::*;
use crate::domain::catalog::Figure;

fn model(id: &str, vendor: &str, origin: &str, tier: Openness, license: LicenseFamily) -> Model {
    Model {
        id: id.into(),
        name: id.to_uppercase(),
        vendor: vendor.into(),
        origin: Some(Figure::new(origin.into(), "s")),
        openness: Figure::new(tier, "s"),
        license: None,
        license_family: license,
        release: None,
        total_params_b: None,
        active_params_b: None,
        experts: None,
        context_tokens: None,
        price: None,
        modalities: Some(Figure::new(vec![Modality::Text, Modality::Image], "s")),
        scores: Default::default(),
        description: "d".into(),
        notes: vec![],
        hf_repo: None,
        downloads: None,
        architecture: None,
        offerings: vec![],
    }
}

fn book() -> RuleBook {
    let region = |id: &str, within: &[&str]| Region {
        id: id.into(),
        name: id.into(),
        within: within.iter().map(|s| s.to_string()).collect(),
    };
    let rule = |id: &str, regions: &[&str], sectors: &[&str], when: Match, severity| Rule {
        id: id.into(),
        regions: regions.iter().map(|s| s.to_string()).collect(),
        sectors: sectors.iter().map(|s| s.to_string()).collect(),
        when,
        severity,
        message: format!("{id} message"),
        source: "s".into(),
    };
    RuleBook {
        regions: vec![
            region("eu", &[]),
            region("it", &["eu"]),
            region("us", &[]),
            region("us-tx", &["us"]),
        ],
        sectors: vec![
            Sector {
                id: "commercial".into(),
                name: "Commercial".into(),
            },
            Sector {
                id: "public-sector".into(),
                name: "Public".into(),
            },
        ],
        rules: vec![
            rule("eu-wide", &["eu"], &[], Match::default(), Severity::Info),
            rule(
                "ban",
                &["us-tx"],
                &["public-sector"],
                Match {
                    vendors: vec!["DeepSeek".into()],
                    ..Match::default()
                },
                Severity::Block,
            ),
            rule(
                "regulated-api",
                &[],
                &[],
                Match {
                    deployment: Some(DeploymentKind::Api),
                    sensitivities: vec![Sensitivity::Regulated],
                    ..Match::default()
                },
                Severity::Block,
            ),
            rule(
                "llama4-mm",
                &["eu"],
                &[],
                Match {
                    models: vec!["llama-4*".into()],
                    modalities: vec![Modality::Image],
                    ..Match::default()
                },
                Severity::Warn,
            ),
        ],
    }
}

fn subject<'a>(m: &'a Model, d: DeploymentKind, s: &[Sensitivity]) -> Subject<'a> {
    Subject {
        label: m.id.clone(),
        model: m,
        deployment: d,
        sensitivities: s.iter().copied().collect(),
        host: None,
    }
}

#[test]
fn regional_rules_reach_member_regions_only() {
    let b = book();
    let gpt = model(
        "gpt",
        "OpenAI",
        "US",
        Openness::ClosedApi,
        LicenseFamily::Proprietary,
    );
    let subjects = [subject(&gpt, DeploymentKind::Api, &[])];
    let in_italy = b.evaluate("it", "commercial", &subjects);
    assert_eq!(in_italy.len(), 1);
    assert_eq!(
        (in_italy[0].rule.as_str(), in_italy[0].subject.as_str()),
        ("eu-wide", WHOLE_PLAN)
    );
    assert!(b.evaluate("us", "commercial", &subjects).is_empty());
}

#[test]
fn sector_and_state_limit_a_ban() {
    let b = book();
    let ds = model(
        "deepseek-v4-pro",
        "DeepSeek",
        "China",
        Openness::OpenWeightsPermissive,
        LicenseFamily::Mit,
    );
    let subjects = [subject(&ds, DeploymentKind::SelfHosted, &[])];
    assert_eq!(
        b.evaluate("us-tx", "public-sector", &subjects)[0].rule,
        "ban"
    );
    assert!(b.evaluate("us-tx", "commercial", &subjects).is_empty());
    assert!(
        b.evaluate("us", "public-sector", &subjects).is_empty(),
        "a state ban is not federal"
    );
}

#[test]
fn data_sensitivity_and_deployment_must_both_match() {
    let b = book();
    let gpt = model(
        "gpt",
        "OpenAI",
        "US",
        Openness::ClosedApi,
        LicenseFamily::Proprietary,
    );
    let fire = b.evaluate(
        "us",
        "commercial",
        &[subject(
            &gpt,
            DeploymentKind::Api,
            &[Sensitivity::Regulated],
        )],
    );
    assert_eq!(fire.len(), 1);
    assert_eq!(fire[0].severity, Severity::Block);
    let local = b.evaluate(
        "us",
        "commercial",
        &[subject(
            &gpt,
            DeploymentKind::SelfHosted,
            &[Sensitivity::Regulated],
        )],
    );
    assert!(local.is_empty());
    let internal = b.evaluate(
        "us",
        "commercial",
        &[subject(&gpt, DeploymentKind::Api, &[Sensitivity::Internal])],
    );
    assert!(internal.is_empty());
}

#[test]
fn prefixes_match_families_and_findings_sort_worst_first() {
    let b = book();
    let scout = model(
        "llama-4-scout",
        "Meta",
        "US",
        Openness::OpenWeightsRestricted,
        LicenseFamily::Llama,
    );
    let gpt = model(
        "gpt",
        "OpenAI",
        "US",
        Openness::ClosedApi,
        LicenseFamily::Proprietary,
    );
    let found = b.evaluate(
        "it",
        "commercial",
        &[
            subject(&scout, DeploymentKind::SelfHosted, &[]),
            subject(&gpt, DeploymentKind::Api, &[Sensitivity::Regulated]),
        ],
    );
    let order: Vec<(&str, Severity)> = found
        .iter()
        .map(|f| (f.rule.as_str(), f.severity))
        .collect();
    assert_eq!(
        order,
        [
            ("regulated-api", Severity::Block),
            ("llama4-mm", Severity::Warn),
            ("eu-wide", Severity::Info)
        ]
    );
}

#[test]
fn problems_name_unknown_references() {
    let mut b = book();
    b.rules[1].regions.push("atlantis".into());
    let known: BTreeSet<&str> = ["s"].into_iter().collect();
    let problems = b.problems(&known);
    assert_eq!(
        problems,
        ["rules[ban].regions: unknown region \"atlantis\""]
    );
    assert!(
        book()
            .problems(&BTreeSet::new())
            .iter()
            .all(|p| p.contains("is not in sources.ron"))
    );
}
