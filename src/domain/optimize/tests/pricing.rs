//! The search prices candidates as the plan bills them, and the pruning bound drops nothing
//! that could be cheaper.

use super::*;

#[test]
fn the_search_bills_a_self_hosted_candidate_as_the_plan_does() {
    // The plan bills a tier at the cheapest of its replica sizes at the tier's volume; the
    // search must price every candidate the same at every volume, or its optimum is priced
    // unlike the plan it describes.
    let (catalog, rules, s) = setup();
    let optimizer = Optimizer::new(&catalog, &rules, &s).unwrap();
    for own in optimizer.space.own.iter().flatten().step_by(7) {
        for v in [1e3, 3e5, 2e7, 8e8, 5e10] {
            let plan = crate::domain::cost::self_host_cost(&own.bare, v).usd_per_month;
            let search = own.usd_per_month(v);
            assert!(
                (plan - search).abs() <= 1e-9 * plan.max(1.0),
                "{} on {} at {v}: plan {plan}, search {search}",
                own.choice.model,
                own.choice.gpu
            );
        }
    }
}

#[test]
fn a_model_dropped_by_the_bound_is_never_cheaper_on_any_gpu_or_precision() {
    use crate::domain::serving::Shape;
    let (catalog, _, s) = setup();
    let tier = &s.tiers.large;
    let cx = prune::Context {
        catalog: &catalog,
        kv: tier.settings.kv_precision,
        serving: tier.settings.serving,
        shape: Shape {
            prompt_tokens: s.workload.prompt_tokens,
            output_tokens: s.workload.output_tokens,
        },
        kv_overhead: tier.settings.kv_overhead,
    };
    let profiles: Vec<prune::Profile> = catalog
        .models
        .iter()
        .enumerate()
        .filter(|(_, m)| m.can_self_host())
        .filter_map(|(i, _)| prune::Profile::new(&cx, i, 1))
        .collect();
    // Pairs of different shapes where one beats the other, a few of each kind.
    let mut pairs = Vec::new();
    for (b, pb) in profiles.iter().enumerate() {
        for pa in profiles.iter().skip(b + 1).step_by(13) {
            let (ma, mb) = (&catalog.models[pa.model], &catalog.models[pb.model]);
            if pb.beats(pa) && ma.sizing_params() != mb.sizing_params() {
                pairs.push((pb.model, pa.model));
            }
        }
        if pairs.len() >= 12 {
            break;
        }
    }
    assert!(!pairs.is_empty());
    let cost = |model: usize, gpu: &str, p: Precision, v: f64| {
        let id = &catalog.models[model].id;
        let d = DeploymentChoice {
            model: id.clone(),
            gpu: gpu.into(),
            settings: space::settings_for(tier, id, gpu, p),
        };
        d.resolve_for(&catalog, &s.workload)
            .ok()
            .map(|d| crate::domain::cost::self_host_cost(&d, v).usd_per_month)
    };
    for (better, worse) in pairs {
        for gpu in &catalog.gpus {
            for p in Precision::ALL {
                for v in [1e4, 5e6, 3e8, 2e10] {
                    let Some(w) = cost(worse, &gpu.id, p, v) else {
                        continue;
                    };
                    let b = cost(better, &gpu.id, p, v).expect("fits wherever the other does");
                    assert!(
                        b <= w * (1.0 + 1e-9),
                        "{} beats {} but costs {b} > {w} on {} {p:?} at {v}",
                        catalog.models[better].id,
                        catalog.models[worse].id,
                        gpu.id
                    );
                }
            }
        }
    }
}

#[test]
fn a_patched_deployment_is_what_resolving_the_model_gives() {
    let (catalog, _, s) = setup();
    let tier = &s.tiers.large;
    let resolve = |id: &str, gpu: &str, p: Precision| {
        DeploymentChoice {
            model: id.into(),
            gpu: gpu.into(),
            settings: space::settings_for(tier, id, gpu, p),
        }
        .resolve_for(&catalog, &s.workload)
    };
    let mut checked = 0;
    for gpu in ["h100-sxm", "rtx-4090", "a100-80gb"] {
        for p in [Precision::Fp16, Precision::Int4] {
            let template = resolve("llama-3.3-70b", gpu, p).unwrap();
            for m in catalog
                .models
                .iter()
                .filter(|m| m.can_self_host())
                .step_by(97)
            {
                let patched = space::patched(&template, m);
                match resolve(&m.id, gpu, p) {
                    Ok(d) => {
                        assert_eq!(patched, d, "{} on {gpu}", m.id);
                        checked += 1;
                    }
                    Err(e) => assert_eq!(patched.validate().unwrap_err(), e, "{}", m.id),
                }
            }
        }
    }
    assert!(checked > 20, "{checked}");
}
