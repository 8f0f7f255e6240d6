//! Properties of the optimum over random scenarios (regions, sectors, volumes, use cases and
//! routings) on a catalogue with hosted offerings.

use super::*;
use crate::domain::rules::Sensitivity;

/// A scenario drawn from the fixture: region, sector, volume, and each use case's data,
/// quality and tier changed.
fn scenario() -> impl Strategy<Value = (Scenario, Catalog, RuleBook)> {
    let (catalog, rules, base) = with_offerings();
    let regions: Vec<String> = rules.regions.iter().map(|r| r.id.clone()).collect();
    let sectors: Vec<String> = rules.sectors.iter().map(|s| s.id.clone()).collect();
    let n = base.use_cases.len();
    (
        prop::sample::select(regions),
        prop::sample::select(sectors),
        3.0f64..11.0,
        prop::collection::vec((0usize..4, 0usize..3, 1u8..=3, 0.01f64..1.0), n),
    )
        .prop_map(move |(region, sector, exp, cases)| {
            let mut s = base.clone();
            s.region = region;
            s.sector = sector;
            s.workload.tokens_per_day = 10f64.powf(exp);
            for (c, (sens, q, tier, share)) in s.use_cases.iter_mut().zip(cases) {
                c.use_case.sensitivity = Sensitivity::ALL[sens];
                c.use_case.quality = Quality::ALL[q];
                c.use_case.share = share;
                c.tier = tier;
            }
            (s, catalog.clone(), rules.clone())
        })
}

fn cost(catalog: &Catalog, rules: &RuleBook, s: &Scenario) -> f64 {
    plan(catalog, rules, s).unwrap().hybrid_usd_per_month
}

/// Room for rounding between the search's sums and the plan's.
fn slack(v: f64) -> f64 {
    1e-9 * v.abs().max(1.0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn the_optimum_is_compliant_and_never_dearer_than_the_current_plan(
        (s, catalog, rules) in scenario()
    ) {
        match optimize(&catalog, &rules, &s).unwrap() {
            Outcome::Optimal(o) => {
                prop_assert!(violations(&catalog, &rules, &o.scenario).is_empty());
                // No free plan carries volume.
                for t in o.plan.tiers.iter().filter(|t| t.tokens_per_day > 0.0) {
                    prop_assert!(t.blended_usd_per_million.is_none_or(|b| b > 0.0));
                }
                let best = o.plan.hybrid_usd_per_month;
                prop_assert!((best - o.found.usd_per_month).abs() <= slack(best));
                if violations(&catalog, &rules, &s).is_empty() {
                    prop_assert!(best <= cost(&catalog, &rules, &s) + slack(best));
                }
            }
            Outcome::NoCompliantPlan(stuck) => {
                // Then the current plan is not compliant either, and each stuck use case
                // says why for every way it could run.
                prop_assert!(!violations(&catalog, &rules, &s).is_empty());
                prop_assert!(stuck.iter().all(|x| !x.reasons.is_empty()));
            }
        }
    }

    #[test]
    fn no_single_move_from_the_optimum_is_cheaper((s, catalog, rules) in scenario()) {
        let optimizer = Optimizer::new(&catalog, &rules, &s).unwrap();
        let Some(found) = optimizer.at(s.workload.tokens_per_day) else {
            return Ok(());
        };
        let best_scenario = optimizer.apply(&catalog, &s, &found);
        let best = cost(&catalog, &rules, &best_scenario);
        let mut tried = 0;
        let mut check = |alt: &Scenario| -> Result<(), TestCaseError> {
            if violations(&catalog, &rules, alt).is_empty() {
                tried += 1;
                let c = cost(&catalog, &rules, alt);
                prop_assert!(c >= best - slack(best), "{c} < {best}");
            }
            Ok(())
        };
        // Move one use case to another tier.
        for u in 0..best_scenario.use_cases.len() {
            for t in 1..=3u8 {
                let mut alt = best_scenario.clone();
                alt.use_cases[u].tier = t;
                check(&alt)?;
            }
        }
        // Run one tier another way: every purchase (of an open model on tiers 2 and 3, the
        // open tiers), every self-hosted candidate.
        for tier in 0..3 {
            let mut picks: Vec<Pick> = (0..optimizer.space.purchases.len())
                .filter(|i| {
                    tier == 0 || catalog.models[optimizer.space.purchases[*i].model].is_open_weights()
                })
                .map(Pick::Buy)
                .collect();
            if tier > 0 {
                picks.extend((0..optimizer.space.own[tier - 1].len()).map(Pick::Own));
            }
            for pick in picks {
                let mut f = found.clone();
                f.picks[tier] = pick;
                check(&optimizer.apply(&catalog, &s, &f))?;
            }
        }
        prop_assert!(tried > 0);
    }

    #[test]
    fn the_optimum_never_falls_as_volume_grows(
        (s, catalog, rules) in scenario(),
        steps in prop::collection::vec(0.05f64..2.0, 4),
    ) {
        let optimizer = Optimizer::new(&catalog, &rules, &s).unwrap();
        let mut v = 1e3;
        let mut last: Option<f64> = None;
        for step in steps {
            v *= 10f64.powf(step);
            let now = optimizer.at(v.min(1e11)).map(|f| f.usd_per_month);
            if let (Some(a), Some(b)) = (last, now) {
                prop_assert!(b >= a - slack(a), "{b} < {a} at {v}");
            }
            last = now.or(last);
        }
    }
}
