use super::*;
use crate::data::{embedded_catalog, embedded_rules, embedded_use_cases};
use crate::domain::hybrid::route;

pub(crate) fn setup() -> (Catalog, RuleBook, Scenario) {
    let catalog = embedded_catalog().unwrap();
    let rules = embedded_rules(&catalog).unwrap();
    let cases = embedded_use_cases(&catalog).unwrap();
    let frontier = catalog.model("claude-opus-4.7").unwrap().clone();
    let large = catalog.model("llama-3.1-70b").unwrap().clone();
    let scenario = Scenario::builtin("test", &cases, |u| route(u, &frontier, &large));
    (catalog, rules, scenario)
}

#[test]
fn the_default_optimum_is_cheaper_compliant_and_priced_like_the_plan() {
    let (catalog, rules, s) = setup();
    let Outcome::Optimal(o) = optimize(&catalog, &rules, &s).unwrap() else {
        panic!("the default scenario has a compliant plan");
    };
    let current = plan(&catalog, &rules, &s).unwrap();
    println!("{:#?}", o.moves);
    println!(
        "{} vs {}",
        o.plan.hybrid_usd_per_month, current.hybrid_usd_per_month
    );
    assert!(o.plan.hybrid_usd_per_month <= current.hybrid_usd_per_month);
    assert!(
        (o.plan.hybrid_usd_per_month - o.found.usd_per_month).abs()
            <= 1e-9 * o.found.usd_per_month.max(1.0),
        "search {} vs plan {}",
        o.found.usd_per_month,
        o.plan.hybrid_usd_per_month
    );
    assert!(
        o.plan
            .findings
            .iter()
            .all(|f| f.severity != crate::domain::rules::Severity::Block)
    );
    let optimizer = Optimizer::new(&catalog, &rules, &s).unwrap();
    for b in bands(&optimizer, &catalog) {
        println!(
            "{} - {}: {} {:?}",
            b.from, b.to, b.summary, b.usd_per_month_at_from
        );
    }
    println!("{:?}", break_even(&catalog, &rules, &s).unwrap());
    println!(
        "considered {:?} kept {} {} purchases {}",
        optimizer.space.own_considered,
        optimizer.space.own[0].len(),
        optimizer.space.own[1].len(),
        optimizer.space.purchases.len()
    );
}
