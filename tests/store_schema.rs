//! The state file's schema: round trips, the version-1 migration, tolerance of unknown fields,
//! and a parser that never panics.

mod store_support;

use proptest::prelude::*;
use store_support::{builtin, catalog, full_scenario};
use tierwise::data::embedded_rules;
use tierwise::domain::hybrid::plan;
use tierwise::store::{
    CURRENT_VERSION, ParseError, Parsed, State, parse_export, parse_state, serialize_export,
    serialize_state,
};

fn current(text: &str) -> State {
    match parse_state(text).expect("parses") {
        Parsed::Current { state, .. } => state,
        other => panic!("expected a current state, got {other:?}"),
    }
}

const V1: &str = include_str!("fixtures/state-v1.ron");

#[test]
fn every_field_survives_a_round_trip() {
    let full = full_scenario("Everything set");
    let base = builtin();
    // The fixture really is non-default everywhere it can be.
    assert_ne!(full.workload, base.workload);
    assert_ne!(full.self_host.settings, base.self_host.settings);
    assert_ne!(full.tiers, base.tiers);
    let state = State {
        revision: 17,
        active: "Everything set".into(),
        scenarios: vec![base, full.clone()],
    };
    let text = serialize_state(&state);
    assert!(text.starts_with("(\n  version: 2,"), "{text}");
    assert_eq!(current(&text), state);
    assert_eq!(parse_export(&serialize_export(&full)), Ok(full));
}

#[test]
fn version_one_migrates_to_the_current_version() {
    let Parsed::Current {
        state,
        migrated_from,
    } = parse_state(V1).expect("the fixture parses")
    else {
        panic!("version 1 is older, not newer");
    };
    assert_eq!(migrated_from, Some(1));
    assert_eq!(state.active, "Clinic pilot");
    assert_eq!(state.scenarios.len(), 1);
    let s = &state.scenarios[0];
    assert_eq!(
        s.api_models,
        ["gpt-5.5", "claude-opus-4.7"],
        "compare -> api_models"
    );
    assert!(s.marks.is_empty() && s.notes.is_empty());
    assert_eq!((&s.preset, &s.theme, &s.pane), (&None, &None, &None));
    assert_eq!(s.workload.tokens_per_day, 12e6);
    // Settings the file left out take today's defaults; the ones it gave are kept.
    assert_eq!(s.self_host.settings.utilization, 0.65);
    assert_eq!(s.self_host.settings.pue, 1.4);
    assert_eq!(s.tiers.small.settings.fte, 0.1);
    assert_eq!(s.use_cases.len(), 2);
    assert_eq!(s.use_cases[1].use_case.needs.len(), 1);
    assert_eq!(s.use_cases[0].tier, 3);
    // The migrated scenario is a working plan and re-saves as version 2.
    let catalog = catalog();
    let rules = embedded_rules(&catalog).unwrap();
    plan(&catalog, &rules, s).expect("the migrated scenario plans");
    let again = current(&serialize_state(&state));
    assert_eq!(again, state);
    // The same single-scenario shape imports as an export file.
    assert_eq!(parse_export(V1).as_ref(), Ok(s));
}

#[test]
fn the_builtin_scenario_is_a_working_plan() {
    let catalog = catalog();
    let rules = embedded_rules(&catalog).unwrap();
    let s = builtin();
    assert_eq!(s.name, "default");
    assert_eq!(s.use_cases.len(), 7);
    let p = plan(&catalog, &rules, &s).expect("the default plans");
    assert!(p.hybrid_usd_per_month > 0.0);
}

#[test]
fn unknown_fields_are_tolerated_at_every_level() {
    let state = State {
        revision: 3,
        active: "x".into(),
        scenarios: vec![full_scenario("x")],
    };
    let text = serialize_state(&state)
        .replacen("revision: 3,", "revision: 3, window: (w: 80, h: 24),", 1)
        .replacen("region:", "colour_blind: true, region:", 1)
        .replacen("precision:", "batch: 16, precision:", 1)
        .replacen("tokens_per_day:", "peak_factor: 2.5, tokens_per_day:", 1)
        .replacen("\"tier\":", "\"owner\": \"ops\", \"tier\":", 1)
        .replacen("frontier:", "fallback: \"gpt-5.5\", frontier:", 1);
    for marker in [
        "window",
        "colour_blind",
        "batch",
        "peak_factor",
        "owner",
        "fallback",
    ] {
        assert!(text.contains(marker), "{marker} was not added");
    }
    assert_eq!(current(&text), state);
}

#[test]
fn a_newer_version_is_recognized_and_its_known_parts_read() {
    let state = State {
        revision: 9,
        active: "x".into(),
        scenarios: vec![full_scenario("x")],
    };
    let text = serialize_state(&state).replacen("version: 2,", "version: 7, layout: [1, 2],", 1);
    match parse_state(&text) {
        Ok(Parsed::Newer { version, known }) => {
            assert_eq!(version, 7);
            assert_eq!(known, Some(state));
        }
        other => panic!("expected a newer file, got {other:?}"),
    }
    match parse_state("(version: 3, scenarios: 5)") {
        Ok(Parsed::Newer { version: 3, known }) => assert_eq!(known, None),
        other => panic!("expected a newer file, got {other:?}"),
    }
    const { assert!(CURRENT_VERSION < 3) };
}

#[test]
fn bad_text_gives_line_and_column() {
    let e = parse_state("(\n  version: 2,\n  revision:\"x\",\n)").unwrap_err();
    assert_eq!((e.line, e.column), (3, 12), "{e}");
    let e = parse_state("(revision: 1)").unwrap_err();
    assert!(e.message.contains("version"), "{e}");
    let e = parse_state("(version: 0)").unwrap_err();
    assert!(e.message.contains("version 0"), "{e}");
    let e = parse_export(&serialize_export(&builtin()).replacen("version: 2", "version: 5", 1))
        .unwrap_err();
    assert!(e.message.contains("newer"), "{e}");
}

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    let deep = format!(
        "(version: 2, scenarios: {}{})",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let e = parse_state(&deep).unwrap_err();
    assert!(e.line >= 1 && e.column >= 1, "{e}");
}

/// What any text must give: a state that serializes and parses back to itself, a newer
/// version named as such, or an error with a position inside the text and a reason. A panic
/// fails the property too.
fn check_state(text: &str) -> Result<(), TestCaseError> {
    match parse_state(text) {
        Ok(Parsed::Current { state, .. }) => {
            let again = parse_state(&serialize_state(&state));
            prop_assert!(
                matches!(&again, Ok(Parsed::Current { state: s, migrated_from: None }) if *s == state),
                "a parsed state does not round-trip: {again:?}"
            );
        }
        Ok(Parsed::Newer { version, .. }) => prop_assert!(version > CURRENT_VERSION),
        Err(e) => check_position(text, &e)?,
    }
    Ok(())
}

fn check_export(text: &str) -> Result<(), TestCaseError> {
    match parse_export(text) {
        Ok(scenario) => {
            let again = parse_export(&serialize_export(&scenario));
            prop_assert_eq!(again, Ok(scenario));
        }
        Err(e) => check_position(text, &e)?,
    }
    Ok(())
}

/// The error's line exists in the text (or is the one just past a final newline) and the
/// message says something.
fn check_position(text: &str, e: &ParseError) -> Result<(), TestCaseError> {
    let lines = text.split('\n').count();
    prop_assert!(
        e.line >= 1 && e.line <= lines + 1,
        "line {} of {lines}: {e}",
        e.line
    );
    prop_assert!(e.column >= 1, "{e}");
    prop_assert!(!e.message.trim().is_empty(), "{e:?}");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_text_parses_or_names_a_position(text in any::<String>()) {
        check_state(&text)?;
        check_export(&text)?;
    }

    #[test]
    fn ron_like_text_parses_or_names_a_position(text in r#"[()\[\]{}:,"a-z0-9 .\n-]{0,200}"#) {
        let wrapped = format!("(version: 2, scenarios: [{text}])");
        check_state(&wrapped)?;
        check_state(&text)?;
    }

    #[test]
    fn mutilated_valid_files_parse_or_name_a_position(cut in 0usize..4000, byte in any::<u8>()) {
        let text = serialize_state(&State::single(full_scenario("p")));
        let mut bytes = text.into_bytes();
        let at = cut % bytes.len();
        bytes[at] = byte;
        bytes.truncate(at + cut / 2);
        if let Ok(text) = std::str::from_utf8(&bytes) {
            check_state(text)?;
        }
    }

    /// Most of the fuzzing above ends in an error; this makes sure the Ok branch is exercised:
    /// a valid file with one scenario's notes replaced by arbitrary text parses and round-trips.
    #[test]
    fn valid_files_with_arbitrary_strings_round_trip(notes in any::<String>(), revision in any::<u64>()) {
        let mut scenario = full_scenario("p");
        scenario.notes = notes;
        let state = State { revision, active: "p".into(), scenarios: vec![scenario] };
        let text = serialize_state(&state);
        match parse_state(&text) {
            Ok(Parsed::Current { state: back, .. }) => prop_assert_eq!(back, state),
            other => prop_assert!(false, "expected the state back, got {:?}", other),
        }
        check_state(&text)?;
    }
}
