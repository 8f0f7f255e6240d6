use super::*;
use crate::domain::cost::Workload;
use crate::domain::scenario::{DeploymentChoice, Settings};
use std::collections::HashSet;

const ALL: [InputId; 26] = [
    InputId::Volume,
    InputId::InputShare,
    InputId::PromptTokens,
    InputId::OutputTokens,
    InputId::Model,
    InputId::Gpu,
    InputId::Precision,
    InputId::Mode,
    InputId::GpuHourPrice,
    InputId::GpuPrice,
    InputId::Years,
    InputId::PowerWatts,
    InputId::PowerPrice,
    InputId::Pue,
    InputId::Colo,
    InputId::Utilization,
    InputId::Efficiency,
    InputId::KvOverhead,
    InputId::MinReplicas,
    InputId::Throughput,
    InputId::KvPrecision,
    InputId::Serving,
    InputId::GpusPerReplica,
    InputId::Fte,
    InputId::Salary,
    InputId::Overhead,
];

#[test]
fn every_id_has_exactly_one_row_and_names_are_unique() {
    for id in ALL {
        assert_eq!(INPUTS.iter().filter(|r| r.id == id).count(), 1, "{id:?}");
        assert_eq!(id.row().id, id);
    }
    assert_eq!(INPUTS.len(), ALL.len());
    let names: HashSet<_> = INPUTS.iter().map(|r| r.name).collect();
    let flags: HashSet<_> = INPUTS.iter().map(|r| r.flag).collect();
    assert_eq!(names.len(), INPUTS.len());
    assert_eq!(flags.len(), INPUTS.len());
    assert!(
        INPUTS
            .iter()
            .all(|r| !r.why.is_empty() && !r.label.is_empty())
    );
}

#[test]
fn defaults_are_the_cost_models() {
    let (w, s) = (Workload::default(), Settings::default());
    for r in &INPUTS {
        match r.access {
            Access::Workload { get, .. } => assert_eq!(Some(get(&w)), r.default, "{}", r.name),
            Access::Setting { get, .. } => assert_eq!(get(&s), r.default, "{}", r.name),
            Access::Choice { .. } => assert_eq!(r.default, None, "{}", r.name),
        }
    }
}

#[test]
fn every_default_and_slider_end_is_accepted() {
    for r in &INPUTS {
        if let Some(d) = r.default {
            assert_eq!(r.check(d), Ok(()), "{}", r.name);
        }
        if let Some(s) = r.slider {
            assert_eq!(r.check(s.lo), Ok(()), "{} low end", r.name);
            assert_eq!(r.check(s.hi), Ok(()), "{} high end", r.name);
        }
    }
}

#[test]
fn get_and_set_agree() {
    let mut w = Workload::default();
    let mut s = Settings::default();
    for r in &INPUTS {
        let Some(a) = r.slider.or(r
            .accepts
            .map(|a| spec(Grid::Linear(1.0), a.lo, a.hi, false, "")))
        else {
            continue;
        };
        let v = if a.lo > 0.0 { a.lo } else { 1.0_f64.min(a.hi) };
        match r.access {
            Access::Workload { get, set } => {
                set(&mut w, v);
                assert_eq!(get(&w), v, "{}", r.name);
            }
            Access::Setting { get, set } => {
                set(&mut s, Some(v));
                assert_eq!(get(&s), Some(v), "{}", r.name);
            }
            Access::Choice { .. } => {}
        }
    }
}

#[test]
fn checks_name_the_input_and_the_range() {
    let e = InputId::Pue.row().check(3.5).unwrap_err();
    assert_eq!(
        e.to_string(),
        "--pue: 3.5 is not allowed; expected a number >= 1 and <= 3"
    );
    let e = InputId::Utilization.row().check(0.0).unwrap_err();
    assert!(e.to_string().contains("> 0 and <= 1"), "{e}");
    let e = InputId::MinReplicas.row().check(2.5).unwrap_err();
    assert!(
        e.to_string().ends_with("a whole number from 1 to 1000"),
        "{e}"
    );
    assert!(InputId::Volume.row().check(f64::NAN).is_err());
}

#[test]
fn lists_follow_the_mode() {
    let names = |m| deployment_inputs(m).map(|r| r.name).collect::<Vec<_>>();
    assert!(names(Mode::Rent).contains(&"gpu-hour-price"));
    assert!(!names(Mode::Rent).contains(&"pue"));
    assert!(names(Mode::Buy).contains(&"pue"));
    assert!(
        !names(Mode::Buy).contains(&"kv-overhead"),
        "no slider: command line only"
    );
    let w: Vec<_> = workload_inputs().map(|r| r.id).collect();
    assert_eq!(
        w,
        [
            InputId::Volume,
            InputId::InputShare,
            InputId::PromptTokens,
            InputId::OutputTokens
        ]
    );
    assert!(names(Mode::Rent).contains(&"gpus-per-replica"));
}

#[test]
fn fixed_choices_hold_the_default_and_every_id_sets() {
    let d = DeploymentChoice::new("m", "g");
    for r in &INPUTS {
        if let Access::Choice {
            get,
            set,
            list: Choices::Fixed(list),
        } = r.access
        {
            let ids: Vec<_> = list().into_iter().map(|(id, _)| id).collect();
            assert!(ids.contains(&get(&d).as_str()), "{}", r.name);
            for id in ids {
                let mut c = d.clone();
                assert!(set(&mut c, id), "{} {id}", r.name);
                assert_eq!(get(&c), id);
            }
            assert!(!set(&mut d.clone(), "no such"), "{}", r.name);
        }
    }
}
