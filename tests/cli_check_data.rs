//! `tierwise check-data FILE`: the same problems the app would report, one per line; exit 0
//! with a summary when valid, 1 when not, 2 for usage errors.

use std::path::Path;
use std::process::{Command, Output};
use tempfile::TempDir;

fn check(args: &[&str]) -> Output {
    let home = TempDir::new().unwrap();
    Command::new(env!("CARGO_BIN_EXE_tierwise"))
        .arg("check-data")
        .args(args)
        .env("TIERWISE_HOME", home.path())
        .output()
        .expect("the tierwise binary runs")
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn a_valid_file_prints_a_one_line_summary() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "models.ron",
        r#"[
            (id: "gpt-4o", price: (value: (input: 1.25, output: 5.0))),
            (id: "my-tune", name: "Mine", vendor: "Us", openness: (value: OpenWeightsPermissive),
             license_family: Apache2, total_params_b: (value: 7.0), description: "Ours."),
        ]"#,
    );
    let out = check(&[&path]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        format!("{path}: 2 entries (1 new, 1 override), valid\n")
    );
    assert!(out.stderr.is_empty());
}

#[test]
fn an_invalid_file_lists_every_problem_with_line_and_column() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "gpus.ron",
        "[\n  (\n    id: \"h100-sxm\",\n    power_w: (value: -1.0),\n    rent_usd_per_hour: (value: NaN),\n  ),\n]\n",
    );
    let out = check(&[&path]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(
        lines[0].starts_with(&format!("error: {path}:4:5: gpus[h100-sxm].power_w: ")),
        "{stderr}"
    );
    assert!(
        lines[1].starts_with(&format!(
            "error: {path}:5:5: gpus[h100-sxm].rent_usd_per_hour: value NaN"
        )),
        "{stderr}"
    );
}

#[test]
fn a_parse_error_names_line_and_column() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "rules.ron",
        "(\n  rules: [(id: \"x\", severity: Loud, message: \"m\")],\n)\n",
    );
    let out = check(&[&path]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.starts_with(&format!("error: {path}:2:")), "{stderr}");
    assert!(stderr.contains("Loud"), "{stderr}");
}

#[test]
fn kind_comes_from_the_option_when_the_name_does_not_say() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "prices.ron",
        r#"[(id: "a100-80gb", purchase_usd: (value: 9000.0))]"#,
    );
    let out = check(&[&path, "--kind", "gpus"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).ends_with(": 1 entry (0 new, 1 override), valid\n"));
    // Read as models, a GPU field is unknown.
    let out = check(&[&path, "--kind", "models"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("`purchase_usd` in `Model`"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn usage_errors_exit_2_on_one_line() {
    let dir = TempDir::new().unwrap();
    let unnamed = write(dir.path(), "prices.ron", "[]");
    for (args, needle) in [
        (vec![unnamed.as_str()], "--kind"),
        (vec!["/nonexistent/models.ron"], "no such file"),
        (vec![unnamed.as_str(), "--kind", "widgets"], "models"),
        (vec![], "FILE"),
    ] {
        let out = check(&args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
        let stderr = text(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.starts_with("error: ") && stderr.contains(needle),
            "{args:?}: {stderr}"
        );
    }
}

#[cfg(unix)]
#[test]
fn devices_are_invalid_files_not_hangs() {
    let out = check(&["/dev/zero", "--kind", "models"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("not a regular file"));
}
