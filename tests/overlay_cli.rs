//! User files through the real binary: `models`, `cost` and `report` use them, and a bad file
//! is a warning on stderr, never a failure.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};
use tempfile::TempDir;

fn run(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tierwise"))
        .args(args)
        .env("TIERWISE_HOME", home)
        .output()
        .expect("the tierwise binary runs")
}

fn json_of(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn home_with(name: &str, text: &str) -> TempDir {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join(name), text).unwrap();
    dir
}

fn model<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc.as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == id)
        .unwrap()
}

#[test]
fn a_negotiated_price_shows_in_models_json_with_the_user_source() {
    let home = home_with(
        "models.ron",
        r#"[(id: "gpt-4o", price: (value: (input: 1.25, output: 5.0)))]"#,
    );
    let out = run(home.path(), &["models", "--format", "json"]);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = json_of(&out);
    let price = &model(&doc, "gpt-4o")["price"];
    assert_eq!(price["value"]["input_usd_per_million"], 1.25);
    assert_eq!(price["value"]["output_usd_per_million"], 5.0);
    assert_eq!(price["sources"], serde_json::json!(["user-models"]));
    assert_eq!(
        price["alternatives"][0]["value"]["input_usd_per_million"],
        2.5
    );
    // The cost command bills at the negotiated price: 0.5 * 1.25 + 0.5 * 5 = 3.125 $/M.
    let cost = json_of(&run(
        home.path(),
        &[
            "cost",
            "--api",
            "gpt-4o",
            "--self-host",
            "llama-3.1-70b",
            "--format",
            "json",
        ],
    ));
    assert_eq!(cost["api"][0]["blended_usd_per_million"], 3.125);
}

#[test]
fn a_private_fine_tune_can_be_listed_and_self_hosted() {
    let home = home_with(
        "models.ron",
        r#"[(id: "acme-legal-8b", name: "Acme Legal 8B", vendor: "Acme",
            openness: (value: OpenWeightsRestricted), license_family: Llama,
            total_params_b: (value: 8.0), description: "Private contract-review tune.")]"#,
    );
    let doc = json_of(&run(
        home.path(),
        &["models", "--search", "acme", "--format", "json"],
    ));
    assert_eq!(model(&doc, "acme-legal-8b")["vendor"], "Acme");
    let cost = json_of(&run(
        home.path(),
        &[
            "cost",
            "--api",
            "gpt-4o",
            "--self-host",
            "acme-legal-8b",
            "--format",
            "json",
        ],
    ));
    assert_eq!(cost["self_host"]["model"], "acme-legal-8b");
    assert_eq!(cost["self_host"]["gpus_per_replica"], 1);
}

#[test]
fn a_bad_file_warns_on_stderr_and_the_command_still_succeeds() {
    let home = home_with("models.ron", "[\n  (id: \"gpt-4o\", pricee: 1),\n]\n");
    let out = run(home.path(), &["models", "--format", "json"]);
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    let doc = json_of(&out);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(lines.iter().all(|l| l.starts_with("warning: ")), "{stderr}");
    assert!(
        lines[0].contains("models.ron:2:18: ") && lines[0].contains("`pricee`"),
        "{stderr}"
    );
    assert!(lines[1].contains("not applied"), "{stderr}");
    assert_eq!(
        model(&doc, "gpt-4o")["price"]["value"]["input_usd_per_million"],
        2.5
    );
    // The report warns the same way.
    let out = run(home.path(), &["report"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("`pricee`"));
}

#[test]
fn a_user_rule_appears_in_the_report_with_its_own_source() {
    let home = home_with(
        "rules.ron",
        r#"(rules: [(id: "house-review", severity: Warn,
            message: "House policy: every tier needs a named owner.")])"#,
    );
    let out = run(home.path(), &["report", "--format", "json"]);
    let doc = json_of(&out);
    let f = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "house-review")
        .expect("the user's rule fires");
    assert_eq!(f["source"], "user-rules");
    let md = String::from_utf8(run(home.path(), &["report"]).stdout).unwrap();
    assert!(
        md.contains("`house-review`") && md.contains("Your own data ("),
        "{md}"
    );
}
