//! Two sessions of the same user saving into one directory: merged by scenario, and inside a
//! scenario both sessions changed, field by field.

mod store_support;

use proptest::prelude::*;
use std::fs::{File, OpenOptions};
use store_support::{builtin, full_scenario, open};
use tempfile::TempDir;
use tierwise::domain::scenario::Scenario;
use tierwise::store::{FieldConflict, SaveOutcome, State, StoreError, merge};

fn named(name: &str, notes: &str) -> Scenario {
    let mut s = full_scenario(name);
    s.notes = notes.into();
    s
}

fn names(state: &State) -> Vec<&str> {
    state.scenarios.iter().map(|s| s.name.as_str()).collect()
}

fn start(dir: &TempDir) -> State {
    let (mut store, _, _) = open(dir.path());
    let state = State {
        revision: 0,
        active: "a".into(),
        scenarios: vec![builtin(), named("a", "a0"), named("b", "b0")],
    };
    store.save(&state).unwrap();
    state
}

fn edit(state: &State, name: &str, notes: &str) -> State {
    let mut s = state.clone();
    s.scenarios
        .iter_mut()
        .find(|x| x.name == name)
        .unwrap()
        .notes = notes.into();
    s
}

fn notes_of(state: &State, name: &str) -> Option<String> {
    state.get(name).map(|s| s.notes.clone())
}

#[test]
fn changes_to_different_scenarios_both_survive() {
    let dir = TempDir::new().unwrap();
    start(&dir);
    let (mut one, s1, _) = open(dir.path());
    let (mut two, s2, _) = open(dir.path());
    assert_eq!(
        one.save(&edit(&s1, "a", "a by one")),
        Ok(SaveOutcome::Saved)
    );
    let outcome = two.save(&edit(&s2, "b", "b by two")).unwrap();
    let SaveOutcome::Merged {
        state,
        taken_from_other,
        overrode_other,
        conflicts,
        deleted_by_other,
    } = outcome
    else {
        panic!("expected a merge, got {outcome:?}");
    };
    assert_eq!(taken_from_other, ["a"]);
    assert!(overrode_other.is_empty() && deleted_by_other.is_empty() && conflicts.is_empty());
    assert_eq!(notes_of(&state, "a").unwrap(), "a by one");
    assert_eq!(notes_of(&state, "b").unwrap(), "b by two");
    let (_, on_disk, _) = open(dir.path());
    assert_eq!(on_disk.scenarios, state.scenarios);
    assert_eq!(on_disk.revision, 3, "each save bumps the revision");
}

#[test]
fn the_later_save_of_the_same_scenario_wins_and_says_so() {
    let dir = TempDir::new().unwrap();
    start(&dir);
    let (mut one, s1, _) = open(dir.path());
    let (mut two, s2, _) = open(dir.path());
    let one_state = edit(&s1, "a", "a by one");
    one.save(&one_state).unwrap();
    match two.save(&edit(&s2, "a", "a by two")).unwrap() {
        SaveOutcome::Merged {
            overrode_other,
            state,
            ..
        } => {
            assert_eq!(overrode_other, ["a"]);
            assert_eq!(notes_of(&state, "a").unwrap(), "a by two");
        }
        other => panic!("expected a merge, got {other:?}"),
    }
    // Session one, unchanged since its save, now picks up session two's version.
    match one.save(&one_state).unwrap() {
        SaveOutcome::Merged {
            taken_from_other,
            state,
            ..
        } => {
            assert_eq!(taken_from_other, ["a"]);
            assert_eq!(notes_of(&state, "a").unwrap(), "a by two");
        }
        other => panic!("expected a merge, got {other:?}"),
    }
    assert_eq!(notes_of(&open(dir.path()).1, "a").unwrap(), "a by two");
}

#[test]
fn a_deletion_loses_to_a_concurrent_change_in_either_order() {
    for deleter_saves_first in [true, false] {
        let dir = TempDir::new().unwrap();
        let base = start(&dir);
        let (mut deleter, _, _) = open(dir.path());
        let (mut changer, _, _) = open(dir.path());
        let mut deleted = base.clone();
        deleted.scenarios.retain(|s| s.name != "b");
        let changed = edit(&base, "b", "b changed");
        let (first, second) = if deleter_saves_first {
            (deleter.save(&deleted), changer.save(&changed))
        } else {
            (changer.save(&changed), deleter.save(&deleted))
        };
        assert_eq!(first, Ok(SaveOutcome::Saved));
        match second.unwrap() {
            SaveOutcome::Merged {
                state,
                taken_from_other,
                ..
            } => {
                assert_eq!(notes_of(&state, "b").unwrap(), "b changed");
                if !deleter_saves_first {
                    assert_eq!(taken_from_other, ["b"], "the deleter is told b came back");
                }
            }
            SaveOutcome::Saved if deleter_saves_first => {
                // The changer's own change wins; the deletion it never saw is undone.
            }
            other => panic!("unexpected {other:?}"),
        }
        let on_disk = open(dir.path()).1;
        assert_eq!(notes_of(&on_disk, "b").unwrap(), "b changed");
    }
}

#[test]
fn a_deletion_stands_when_the_other_session_left_the_scenario_alone() {
    let dir = TempDir::new().unwrap();
    let base = start(&dir);
    let (mut deleter, _, _) = open(dir.path());
    let (mut other, _, _) = open(dir.path());
    let mut deleted = base.clone();
    deleted.scenarios.retain(|s| s.name != "b");
    deleter.save(&deleted).unwrap();
    let mut added = edit(&base, "a", "a edited");
    added.scenarios.push(named("c", "new"));
    match other.save(&added).unwrap() {
        SaveOutcome::Merged {
            state,
            deleted_by_other,
            ..
        } => {
            assert_eq!(deleted_by_other, ["b"]);
            assert_eq!(names(&state), ["default", "a", "c"]);
        }
        other => panic!("expected a merge, got {other:?}"),
    }
    // The deleter then receives the other session's addition and edit.
    match deleter.save(&deleted).unwrap() {
        SaveOutcome::Merged {
            state,
            taken_from_other,
            ..
        } => {
            assert_eq!(taken_from_other, ["a", "c"]);
            assert_eq!(names(&state), ["default", "a", "c"]);
        }
        other => panic!("expected a merge, got {other:?}"),
    }
}

#[test]
fn sessions_that_both_started_without_a_file_keep_each_others_work() {
    let dir = TempDir::new().unwrap();
    let (mut one, s1, _) = open(dir.path());
    let (mut two, s2, _) = open(dir.path());
    let edited = edit(&s1, "default", "tuned by one");
    one.save(&edited).unwrap();
    let mut added = s2.clone();
    added.scenarios.push(named("two's", ""));
    match two.save(&added).unwrap() {
        SaveOutcome::Merged {
            state,
            taken_from_other,
            ..
        } => {
            assert_eq!(taken_from_other, ["default"]);
            assert_eq!(notes_of(&state, "default").unwrap(), "tuned by one");
            assert!(state.get("two's").is_some());
        }
        other => panic!("expected a merge, got {other:?}"),
    }
}

#[test]
fn a_held_lock_makes_the_save_give_up_without_writing() {
    let dir = TempDir::new().unwrap();
    let base = start(&dir);
    let before = std::fs::read(dir.path().join("state.ron")).unwrap();
    let (mut store, _, _) = open(dir.path());
    let lock: File = OpenOptions::new()
        .write(true)
        .open(dir.path().join("state.ron.lock"))
        .unwrap();
    lock.lock().unwrap();
    match store.save(&edit(&base, "a", "blocked")) {
        Err(StoreError::Busy { lock }) => assert!(lock.ends_with("state.ron.lock")),
        other => panic!("expected busy, got {other:?}"),
    }
    assert_eq!(std::fs::read(dir.path().join("state.ron")).unwrap(), before);
    lock.unlock().unwrap();
    assert_eq!(
        store.save(&edit(&base, "a", "free")),
        Ok(SaveOutcome::Saved)
    );
}

#[test]
fn concurrent_writers_in_threads_lose_nothing() {
    let dir = TempDir::new().unwrap();
    let writers: Vec<_> = ["x", "y", "z"]
        .into_iter()
        .map(|who| {
            let path = dir.path().to_path_buf();
            std::thread::spawn(move || {
                let (mut store, mut state, _) = open(&path);
                for i in 0..15 {
                    state.scenarios.push(named(&format!("{who}{i}"), who));
                    if let SaveOutcome::Merged { state: merged, .. } =
                        store.save(&state).expect("saves")
                    {
                        state = merged;
                    }
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let (_, state, notices) = open(dir.path());
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(state.scenarios.len(), 1 + 45, "{:?}", names(&state));
}

fn pick(mask: u8, version: u8) -> Vec<Scenario> {
    (0..4)
        .filter(|i| mask & (1 << i) != 0)
        .map(|i| named(&format!("s{i}"), &format!("v{}", (version >> i) & 1)))
        .collect()
}

proptest! {
    /// For every scenario: unchanged here means the file's version; changed here means ours,
    /// except a deletion here against a change there.
    #[test]
    fn merge_follows_the_rules(b in 0u8..16, m in 0u8..16, t in 0u8..16, mv in 0u8..16, tv in 0u8..16) {
        let base = pick(b, 0);
        let mine = State { revision: 0, active: String::new(), scenarios: pick(m, mv) };
        let theirs = State { revision: 0, active: String::new(), scenarios: pick(t, tv) };
        let out = merge(&base, &mine, &theirs);
        for i in 0..4 {
            let name = format!("s{i}");
            let find = |l: &[Scenario]| l.iter().find(|s| s.name == name).cloned();
            let (b, m, t) = (find(&base), find(&mine.scenarios), find(&theirs.scenarios));
            // Ours stands only when we changed it, and not by deleting what they changed.
            let ours_stands = m != b && !(m.is_none() && t != b);
            let expected = if ours_stands { m.clone() } else { t.clone() };
            prop_assert_eq!(find(&out.state.scenarios), expected);
        }
        let active_ok = out.state.active.is_empty() == out.state.scenarios.is_empty();
        prop_assert!(active_ok);
    }
}

fn default_of(state: &State) -> &Scenario {
    state.get("default").expect("the built-in scenario")
}

fn with_default(state: &State, change: impl FnOnce(&mut Scenario)) -> State {
    let mut s = state.clone();
    change(
        s.scenarios
            .iter_mut()
            .find(|x| x.name == "default")
            .unwrap(),
    );
    s
}

/// The story of issue 15: two logins on the same scenario, one moves the volume to 10M, the
/// other the input share to 60%, both quit. Both changes are in the file.
#[test]
fn two_sessions_changing_different_fields_of_one_scenario_both_survive() {
    let dir = TempDir::new().unwrap();
    let (mut one, s1, _) = open(dir.path());
    let (mut two, s2, _) = open(dir.path());
    assert_eq!(default_of(&s1).workload.tokens_per_day, 5e6);
    let one_quits = with_default(&s1, |s| s.workload.tokens_per_day = 10e6);
    let two_quits = with_default(&s2, |s| s.workload.input_share = 0.6);
    assert_eq!(one.save(&one_quits), Ok(SaveOutcome::Saved));
    match two.save(&two_quits).unwrap() {
        SaveOutcome::Merged {
            state,
            taken_from_other,
            overrode_other,
            conflicts,
            ..
        } => {
            assert_eq!(taken_from_other, ["default"]);
            assert!(overrode_other.is_empty() && conflicts.is_empty());
            assert_eq!(default_of(&state).workload.tokens_per_day, 10e6);
            assert_eq!(default_of(&state).workload.input_share, 0.6);
        }
        other => panic!("expected a merge, got {other:?}"),
    }
    let on_disk = open(dir.path()).1;
    assert_eq!(default_of(&on_disk).workload.tokens_per_day, 10e6);
    assert_eq!(default_of(&on_disk).workload.input_share, 0.6);
    // Session one saving once more (a second quit signal) takes the share and keeps its volume.
    match one.save(&one_quits).unwrap() {
        SaveOutcome::Merged { state, .. } => {
            assert_eq!(default_of(&state).workload.tokens_per_day, 10e6);
            assert_eq!(default_of(&state).workload.input_share, 0.6);
        }
        other => panic!("expected a merge, got {other:?}"),
    }
}

#[test]
fn the_same_field_changed_twice_keeps_the_later_save_and_names_both_values() {
    let dir = TempDir::new().unwrap();
    let (mut one, s1, _) = open(dir.path());
    let (mut two, s2, _) = open(dir.path());
    one.save(&with_default(&s1, |s| {
        s.workload.tokens_per_day = 10e6;
        s.self_host.settings.pue = 1.2;
    }))
    .unwrap();
    let later = with_default(&s2, |s| {
        s.workload.tokens_per_day = 20e6;
        s.notes = "two".into();
    });
    match two.save(&later).unwrap() {
        SaveOutcome::Merged {
            state,
            overrode_other,
            conflicts,
            ..
        } => {
            assert_eq!(overrode_other, ["default"]);
            assert_eq!(
                conflicts,
                [FieldConflict {
                    scenario: "default".into(),
                    field: "workload.tokens_per_day".into(),
                    kept: "20000000.0".into(),
                    overwritten: "10000000.0".into(),
                }]
            );
            let told = conflicts[0].to_string();
            assert_eq!(
                told,
                "\"default\" volume (workload.tokens_per_day) 20000000.0 (the other session had 10000000.0)"
            );
            let d = default_of(&state);
            assert_eq!(d.workload.tokens_per_day, 20e6, "the later save wins");
            assert_eq!(d.self_host.settings.pue, 1.2, "the other field survives");
            assert_eq!(d.notes, "two");
        }
        other => panic!("expected a merge, got {other:?}"),
    }
}

/// One use case moved to another tier here, another one's share changed there: both stay.
#[test]
fn use_cases_merge_one_by_one() {
    let base = State::single(builtin());
    let mine = with_default(&base, |s| s.use_cases[0].tier = 1);
    let theirs = with_default(&base, |s| s.use_cases[1].use_case.share = 0.33);
    let out = merge(&base.scenarios, &mine, &theirs);
    let d = default_of(&out.state);
    assert_eq!(d.use_cases[0].tier, 1);
    assert_eq!(d.use_cases[1].use_case.share, 0.33);
    assert!(out.conflicts.is_empty());
}

/// The fields the property below edits: a name for the report and a way to set it from a
/// small number.
type Edit = (&'static str, fn(&mut Scenario, u8));

const EDITS: [Edit; 10] = [
    ("volume", |s, v| {
        s.workload.tokens_per_day = 1e6 * f64::from(v + 1)
    }),
    ("input share", |s, v| {
        s.workload.input_share = f64::from(v) / 300.0
    }),
    ("prompt", |s, v| {
        s.workload.prompt_tokens = 100.0 + f64::from(v)
    }),
    ("region", |s, v| s.region = format!("r{v}")),
    ("gpu", |s, v| s.self_host.gpu = format!("g{v}")),
    ("pue", |s, v| {
        s.self_host.settings.pue = 1.0 + f64::from(v) / 200.0
    }),
    ("price", |s, v| {
        s.self_host.settings.gpu_hour_price = Some(f64::from(v))
    }),
    ("tier 2 fte", |s, v| {
        s.tiers.large.settings.fte = f64::from(v)
    }),
    ("use case tier", |s, v| s.use_cases[0].tier = 1 + v % 3),
    ("apis", |s, v| s.api_models = vec![format!("api{v}")]),
];

proptest! {
    /// Random edits on both sides of one scenario: a field changed by one side only has that
    /// side's value; a field changed by both has this session's; every other field the base's.
    #[test]
    fn every_field_changed_by_one_side_survives(
        mine_edits in proptest::collection::vec((0..EDITS.len(), 0u8..200), 0..6),
        their_edits in proptest::collection::vec((0..EDITS.len(), 0u8..200), 0..6),
    ) {
        let base = State::single(builtin());
        let apply = |edits: &[(usize, u8)]| {
            with_default(&base, |s| for (i, v) in edits { (EDITS[*i].1)(s, *v) })
        };
        let (mine, theirs) = (apply(&mine_edits), apply(&their_edits));
        let out = merge(&base.scenarios, &mine, &theirs);
        let merged = default_of(&out.state);
        for (i, (name, set)) in EDITS.iter().enumerate() {
            let last = |e: &[(usize, u8)]| e.iter().rev().find(|(j, _)| *j == i).map(|(_, v)| *v);
            let (m, t) = (last(&mine_edits), last(&their_edits));
            let b = default_of(&base);
            let expect_from = |v: Option<u8>| {
                let mut s = b.clone();
                if let Some(v) = v { set(&mut s, v) }
                s
            };
            let m_s = expect_from(m);
            let t_s = expect_from(t);
            let mine_changed = field_differs(&m_s, b, i);
            let theirs_changed = field_differs(&t_s, b, i);
            let want = if mine_changed { &m_s } else if theirs_changed { &t_s } else { b };
            prop_assert!(!field_differs(merged, want, i), "{name}: merged {:?}", merged);
        }
        let names: Vec<&str> = out.conflicts.iter().map(|c| c.scenario.as_str()).collect();
        prop_assert!(names.iter().all(|n| *n == "default"));
    }
}

/// Whether two scenarios differ in the field edit `i` sets (compared through the serde form).
fn field_differs(a: &Scenario, b: &Scenario, i: usize) -> bool {
    let pick = |s: &Scenario| -> String {
        match i {
            0 => s.workload.tokens_per_day.to_string(),
            1 => s.workload.input_share.to_string(),
            2 => s.workload.prompt_tokens.to_string(),
            3 => s.region.clone(),
            4 => s.self_host.gpu.clone(),
            5 => s.self_host.settings.pue.to_string(),
            6 => format!("{:?}", s.self_host.settings.gpu_hour_price),
            7 => s.tiers.large.settings.fte.to_string(),
            8 => s.use_cases[0].tier.to_string(),
            _ => format!("{:?}", s.api_models),
        }
    };
    pick(a) != pick(b)
}
