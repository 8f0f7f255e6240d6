//! `tierwise scenario`: list, show, export and import against a state directory set with
//! TIERWISE_HOME.

mod store_support;

use std::fs;
use std::path::Path;
use std::process::Command;
use store_support::{builtin, full_scenario, open};
use tempfile::TempDir;
use tierwise::store::{State, parse_export, serialize_state};

struct Outcome {
    code: i32,
    stdout: String,
    stderr: String,
}

fn tierwise(home: &Path, args: &[&str]) -> Outcome {
    let out = Command::new(env!("CARGO_BIN_EXE_tierwise"))
        .arg("scenario")
        .args(args)
        .env("TIERWISE_HOME", home)
        .output()
        .expect("the tierwise binary runs");
    Outcome {
        code: out.status.code().expect("exited with a code"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    }
}

fn ok(home: &Path, args: &[&str]) -> String {
    let out = tierwise(home, args);
    assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
    out.stdout
}

/// Exit 2, nothing on stdout, one `error:` line on stderr; returns that line.
fn input_error(home: &Path, args: &[&str]) -> String {
    let out = tierwise(home, args);
    assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{:?}", out.stderr);
    assert!(lines[0].starts_with("error: "), "{}", lines[0]);
    lines[0].to_string()
}

/// A home whose state holds the built-in (active) and a scenario with every field set.
fn home_with_full() -> TempDir {
    let home = TempDir::new().unwrap();
    let state = State {
        revision: 2,
        active: "default".into(),
        scenarios: vec![builtin(), full_scenario("Everything set")],
    };
    fs::write(home.path().join("state.ron"), serialize_state(&state)).unwrap();
    home
}

#[test]
fn without_a_state_file_the_builtin_is_the_only_scenario() {
    let home = TempDir::new().unwrap();
    let list = ok(home.path(), &["list"]);
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines.len(), 2, "{list}");
    assert!(lines[0].contains("NAME") && lines[0].contains("TOKENS/DAY"));
    assert!(
        lines[1].starts_with("*  default") && lines[1].contains("5M"),
        "{list}"
    );
    assert!(lines[1].contains("global") && lines[1].contains("commercial"));
    // Reading does not create a state file.
    assert!(!home.path().join("state.ron").exists());
}

#[test]
fn list_marks_the_active_scenario() {
    let home = home_with_full();
    let list = ok(home.path(), &["list"]);
    assert!(list.contains("*  default"), "{list}");
    let full = list.lines().find(|l| l.contains("Everything set")).unwrap();
    assert!(full.starts_with("   ") && full.contains("42M") && full.contains("healthcare"));
}

#[test]
fn show_prints_every_part_of_the_scenario() {
    let home = home_with_full();
    let text = ok(home.path(), &["show", "Everything set"]);
    for part in [
        "Scenario \"Everything set\"\n",
        "volume          42M tokens a day",
        "input share     63%",
        "region          eu",
        "gpt-5.5, gemini-3-flash",
        "deepseek-r1 on a100-80gb (buy)",
        "precision int4",
        "utilization 77%",
        "2 large open    deepseek-r1 on h100-sxm (buy)",
        "3 small open    llama-3.1-70b on a100-80gb (buy)",
        "Claims triage",
        "regulated",
        "long-context, multimodal",
        "3 small open, closed environment",
        "1 frontier API",
        "phi-4, llama-3.1-70b",
        "Preset timewell-2026, theme light, pane hybrid",
        "  Budget review, Q3.\n  Ask finance about the colo rate.\n",
    ] {
        assert!(text.contains(part), "{part:?} missing from:\n{text}");
    }
    // Names match ignoring case when only one does.
    assert_eq!(ok(home.path(), &["show", "everything SET"]), text);
    let default = ok(home.path(), &["show", "default"]);
    assert!(default.starts_with("Scenario \"default\" (active)\n"));
    assert!(default.contains("Coding assistance") && default.contains("Notes\n  none\n"));
}

#[test]
fn an_export_imports_elsewhere_as_the_identical_scenario() {
    let home = home_with_full();
    let other = TempDir::new().unwrap();
    let file = other.path().join("shared.ron");
    let file_arg = file.to_str().unwrap();
    let said = ok(home.path(), &["export", "Everything set", file_arg]);
    assert!(said.contains("exported \"Everything set\""), "{said}");
    let stdout = ok(home.path(), &["export", "Everything set"]);
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        stdout,
        "file and stdout agree"
    );
    assert!(
        stdout.starts_with("(\n  version: 2,\n  scenario: ("),
        "{stdout}"
    );
    assert_eq!(parse_export(&stdout), Ok(full_scenario("Everything set")));

    let colleague = TempDir::new().unwrap();
    let said = ok(colleague.path(), &["import", file_arg]);
    assert_eq!(
        said,
        format!("imported \"Everything set\" from {file_arg}\n")
    );
    assert_eq!(
        ok(colleague.path(), &["show", "Everything set"]),
        ok(home.path(), &["show", "Everything set"])
    );
    let (_, state, _) = open(colleague.path());
    assert_eq!(state.active, "default");
    assert_eq!(
        state.get("Everything set"),
        Some(&full_scenario("Everything set"))
    );
    assert_eq!(state.get("default"), Some(&builtin()));
}

#[test]
fn a_name_clash_gets_a_number_and_says_so() {
    let home = home_with_full();
    let file = home.path().join("out.ron");
    let file_arg = file.to_str().unwrap();
    ok(home.path(), &["export", "Everything set", file_arg]);
    let said = ok(home.path(), &["import", file_arg]);
    assert_eq!(
        said,
        "imported \"Everything set\" as \"Everything set (2)\": a scenario named \"Everything set\" already exists\n"
    );
    ok(home.path(), &["import", file_arg]);
    let list = ok(home.path(), &["list"]);
    assert!(list.contains("Everything set (2)") && list.contains("Everything set (3)"));
    let (_, state, _) = open(home.path());
    let mut renamed = state.get("Everything set (3)").unwrap().clone();
    renamed.name = "Everything set".into();
    assert_eq!(renamed, full_scenario("Everything set"));
}

#[test]
fn bad_import_files_are_one_line_errors_with_line_and_column() {
    let home = TempDir::new().unwrap();
    let dir = TempDir::new().unwrap();
    let write = |name: &str, text: &[u8]| {
        let p = dir.path().join(name);
        fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_string()
    };
    let bad = write("bad.ron", b"(\n  version: 2,\n  scenario: (name: 3),\n)");
    let e = input_error(home.path(), &["import", &bad]);
    assert!(e.contains(&format!("{bad}:3:")), "{e}");
    let e = input_error(
        home.path(),
        &["import", &write("bin.ron", &[0xff, 0xfe, 0])],
    );
    assert!(e.contains(":1:1: the file is not UTF-8 text"), "{e}");
    let e = input_error(home.path(), &["import", &write("empty.ron", b"")]);
    assert!(e.contains(":1:1:"), "{e}");
    let mut text = parse_and_reexport();
    text = text.replacen("version: 2", "version: 9", 1);
    let e = input_error(
        home.path(),
        &["import", &write("newer.ron", text.as_bytes())],
    );
    assert!(e.contains("newer tierwise"), "{e}");
    let unknown = parse_and_reexport().replacen("\"deepseek-r1\"", "\"gpt-9-ultra\"", 1);
    let e = input_error(
        home.path(),
        &["import", &write("unknown.ron", unknown.as_bytes())],
    );
    assert!(e.contains("gpt-9-ultra") && e.contains("catalogue"), "{e}");
    let missing = dir.path().join("missing.ron");
    let e = input_error(home.path(), &["import", missing.to_str().unwrap()]);
    assert!(e.contains("no such file"), "{e}");
    let e = input_error(home.path(), &["import", dir.path().to_str().unwrap()]);
    assert!(e.contains("not a regular file"), "{e}");
    let huge = dir.path().join("huge.ron");
    fs::File::create(&huge)
        .unwrap()
        .set_len(16 * 1024 * 1024 + 1)
        .unwrap();
    let e = input_error(home.path(), &["import", huge.to_str().unwrap()]);
    assert!(e.contains("over the"), "{e}");
    // Nothing was imported by any of these.
    assert!(!home.path().join("state.ron").exists());
}

fn parse_and_reexport() -> String {
    tierwise::store::serialize_export(&full_scenario("Shared"))
}

#[test]
fn an_unknown_name_is_an_error_listing_the_names() {
    let home = home_with_full();
    let e = input_error(home.path(), &["show", "nope"]);
    assert_eq!(
        e,
        "error: no scenario named \"nope\"; saved scenarios: \"default\", \"Everything set\""
    );
    input_error(home.path(), &["export", "nope"]);
}

#[test]
fn a_corrupt_state_is_reported_and_the_builtin_listed() {
    let home = TempDir::new().unwrap();
    fs::write(home.path().join("state.ron"), b"(version: 2, scenarios: [").unwrap();
    let out = tierwise(home.path(), &["list"]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("*  default"));
    assert!(
        out.stderr
            .starts_with("warning: the state file could not be used"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("state.ron.corrupt-") && out.stderr.contains("line 1"));
}

#[test]
fn import_into_a_newer_state_refuses_and_leaves_it_alone() {
    let home = home_with_full();
    let path = home.path().join("state.ron");
    let newer = fs::read_to_string(&path)
        .unwrap()
        .replacen("version: 2", "version: 4", 1);
    fs::write(&path, &newer).unwrap();
    let file = home.path().join("x.ron");
    fs::write(&file, parse_and_reexport()).unwrap();
    let out = tierwise(home.path(), &["import", file.to_str().unwrap()]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .lines()
            .last()
            .unwrap()
            .starts_with("error: cannot import: ")
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), newer);
}
