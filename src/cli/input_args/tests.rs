use super::*;
use crate::cli::args::{Cli, Command};
use clap::{CommandFactory, Parser};

/// A value each row accepts, in its own syntax: its default, else the low end of its range
/// (or a catalogue id, or its last fixed choice in capitals, to exercise any case).
fn sample(row: &Input) -> String {
    if let Access::Choice { list, .. } = row.access {
        return match list {
            Choices::Fixed(list) => list().last().map(|(id, _)| id.to_uppercase()).unwrap(),
            Choices::Models | Choices::Gpus => "some-id".into(),
        };
    }
    let a = row.accepts.expect("a numeric row has a range");
    let v = row
        .default
        .unwrap_or(if a.open_low { a.hi } else { a.lo.max(1.0) });
    format!("{v}")
}

fn cost_with(extra: &[String]) -> crate::cli::cost_args::CostArgs {
    let mut argv = vec!["tierwise", "cost", "--api", "a"];
    argv.extend(extra.iter().map(String::as_str));
    let cli = Cli::try_parse_from(argv).expect("parses");
    let Some(Command::Cost(args)) = cli.command else {
        panic!("not the cost command");
    };
    *args
}

/// Every row with a flag is reachable from the command line: its option parses in the row's
/// syntax and lands where the row reads it.
#[test]
fn every_row_with_a_flag_is_an_option_that_sets_it() {
    let extra: Vec<String> = rows()
        .flat_map(|r| [format!("--{}", r.flag), sample(r)])
        .collect();
    let args = cost_with(&extra);
    let ids: Vec<Id> = args.given().iter().map(|(id, _)| *id).collect();
    let expected: Vec<Id> = rows().map(|r| r.id).collect();
    assert_eq!(ids, expected);
    assert_eq!(expected.len(), INPUTS.len(), "every row has a flag today");
    let mut w = crate::domain::cost::Workload::default();
    let mut d = DeploymentChoice::new("m", "g");
    args.apply_to_workload(&mut w);
    args.apply_to_deployment(&mut d);
    for (id, value) in args.given() {
        let row = id.row();
        match value {
            Given::Number(v) => {
                assert_eq!(row.value_in(&w, &d.settings), Some(*v), "{}", row.name);
            }
            Given::Choice(c) => {
                let Access::Choice { get, .. } = row.access else {
                    panic!("{} is not a choice", row.name);
                };
                assert_eq!(get(&d), *c, "{}", row.name);
                assert_eq!(
                    c.to_lowercase(),
                    *c,
                    "{}: stored as the table spells it",
                    row.name
                );
            }
        }
    }
    assert_eq!(args.self_host(), "some-id");
}

/// The help lists every row's option with its placeholder and help, and the default a help
/// text states is the row's default.
#[test]
fn the_help_lists_every_row_and_states_its_default() {
    let mut command = Cli::command();
    let help = command
        .find_subcommand_mut("cost")
        .unwrap()
        .render_help()
        .to_string();
    for row in rows() {
        assert!(
            !row.help.is_empty() && !row.value_name.is_empty(),
            "{}",
            row.name
        );
        let line = format!("--{} <{}>", row.flag, row.value_name);
        assert!(help.contains(&line), "{line} missing from\n{help}");
        assert!(help.contains(row.help), "{}'s help", row.name);
        if let Some(d) = row.default {
            let stated = row
                .help
                .rsplit_once("[default: ")
                .and_then(|(_, rest)| rest.strip_suffix(']'))
                .unwrap_or_else(|| panic!("{}'s help states no default", row.name));
            assert_eq!(parse_quantity(stated), Ok(d), "{}", row.name);
        }
    }
    // Every numeric slider is on the command line, and so is every other input.
    let sliders = INPUTS.iter().filter(|r| r.slider.is_some());
    assert!(sliders.clone().count() >= 16);
    for row in sliders {
        assert!(help.contains(&format!("--{} ", row.flag)), "{}", row.name);
    }
}

#[test]
fn bad_values_are_refused_naming_what_is_allowed() {
    let parse = |flag: &str, value: &str| {
        let argv = [
            "tierwise",
            "cost",
            "--api",
            "a",
            "--self-host",
            "m",
            flag,
            value,
        ];
        Cli::try_parse_from(argv)
            .map(|_| ())
            .unwrap_err()
            .to_string()
    };
    let e = parse("--precision", "fp2");
    assert!(
        e.contains("'fp2' for '--precision <P>': expected one of fp16, bf16, fp8, int8, int4, fp4"),
        "{e}"
    );
    assert!(parse("--mode", "lease").contains("expected rent or buy"));
    assert!(parse("--serving", "x").contains("expected typical or peak"));
    assert!(parse("--gpus-per-replica", "65").contains("a whole number from 1 to 64"));
    assert!(parse("--gpus-per-replica", "-1").contains("'-1' for '--gpus-per-replica <N>'"));
    assert!(parse("--min-replicas", "1.5").contains("a whole number from 1 to 1000"));
    assert!(parse("--input-share", "NaN").contains("expected a finite number"));
    assert!(parse("--tokens-per-day", "lots").contains("suffixes K, M, B, T"));
}

#[test]
fn whole_numbers_leave_the_range_to_the_cost_model_unless_refused_at_once() {
    let min = Id::MinReplicas.row();
    assert_eq!(number(min, "2"), Ok(2.0));
    assert_eq!(number(min, "0"), Ok(0.0), "the range check names it");
    assert!(number(min, "1.5").is_err());
    assert!(number(min, "-1").is_err());
    assert!(number(min, "NaN").is_err());
    let gpus = Id::GpusPerReplica.row();
    assert_eq!(number(gpus, "64"), Ok(64.0));
    assert!(number(gpus, "0").is_err());
}

#[test]
fn finite_number_rejects_nan_and_infinity() {
    assert_eq!(finite_number("2.5"), Ok(2.5));
    assert!(finite_number("NaN").is_err());
    assert!(finite_number("inf").is_err());
    assert!(finite_number("abc").is_err());
}

#[test]
fn a_later_option_replaces_an_earlier_one_on_update() {
    let first = cost_with(&["--self-host".into(), "m".into(), "--fte".into(), "1".into()]);
    let second = cost_with(&[
        "--self-host".into(),
        "n".into(),
        "--pue".into(),
        "1.2".into(),
    ]);
    let mut merged = first.inputs.clone();
    let command = InputArgs::augment_args(clap::Command::new("t"));
    let matches = command
        .try_get_matches_from(["t", "--self-host", "n", "--pue", "1.2"])
        .unwrap();
    merged.update_from_arg_matches(&matches).unwrap();
    assert_eq!(merged.text(Id::Model), Some("n"));
    assert_eq!(merged.get(Id::Fte), Some(&Given::Number(1.0)));
    assert_eq!(merged.get(Id::Pue), second.inputs.get(Id::Pue));
}
