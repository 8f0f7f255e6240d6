//! `tierwise report --format html` through the real binary, read with an HTML parser: every
//! number on the page is the JSON report's, the page loads nothing and runs nothing, hostile
//! names are escaped, missing parts are said, and `--output` replaces a file only on success.

mod html_support;

use html_support::*;
use std::path::Path;
use tempfile::TempDir;
use tierwise::domain::scenario::Scenario;

#[test]
fn every_number_on_the_page_is_the_json_reports() {
    let home = TempDir::new().unwrap();
    for extra in [
        &[][..],
        &["--tokens-per-day", "500M"],
        &[
            "--tokens-per-day",
            "20B",
            "--region",
            "eu",
            "--sector",
            "healthcare",
        ],
    ] {
        let (page, doc) = page_and_json(home.path(), extra);
        let html = parse(&page);
        let checked = check_numbers(&html, &doc);
        assert!(checked > 100, "{extra:?}: only {checked} numbers marked");
        check_no_unmarked_numbers(&html);
        check_self_contained(&html, &page);
        // The headline numbers are there.
        for key in [
            "/hybrid_usd_per_month",
            "/savings_vs_frontier",
            "/breakeven/api/0/break_even_tokens_per_day",
            "/breakeven/self_host/usd_per_month",
            "/tiers/2/usd_per_month",
            "/what_moves/breakeven/bars/0/low_break_even_tokens_per_day",
            "/what_moves/hybrid/bars/0/high_usd_per_month",
            "/optimal/usd_per_month",
            "/thresholds/0/to_tokens_per_day",
            "/thresholds/0/summary",
        ] {
            let css = format!("[data-key=\"{key}\"]");
            assert!(html.select(&sel(&css)).next().is_some(), "{extra:?}: {key}");
        }
    }
}

#[test]
fn the_page_has_its_charts_and_sections() {
    let home = TempDir::new().unwrap();
    let (page, doc) = page_and_json(home.path(), &["--region", "eu"]);
    let html = parse(&page);
    let charts = html.select(&sel("svg.chart")).count();
    assert_eq!(
        charts, 5,
        "break-even, two tornadoes, plan bars, volume bands"
    );
    let bands = doc["thresholds"].as_array().unwrap().len();
    assert_eq!(html.select(&sel("#cheapest svg.chart rect")).count(), bands);
    for svg in html.select(&sel("svg.chart")) {
        assert!(svg.attr("viewBox").is_some() && svg.attr("role") == Some("img"));
        assert!(svg.select(&sel("title")).next().is_some());
    }
    // One line per compared API model, the staircase, a dot per crossing in range.
    let api = doc["breakeven"]["api"].as_array().unwrap();
    assert_eq!(
        html.select(&sel("#break-even svg line.line")).count(),
        api.len()
    );
    assert_eq!(html.select(&sel("#break-even svg path.host")).count(), 1);
    // Every model that crosses the staircase in range has at least one dot; one that is
    // never cheaper to self-host (Gemini 3 Flash at $1.75/M against $2.03/M a replica at the
    // margin) has none.
    let crossing = api
        .iter()
        .filter(|a| a["break_even_tokens_per_day"].is_number())
        .count();
    assert!(crossing >= 1 && crossing < api.len(), "{api:?}");
    assert!(html.select(&sel("#break-even svg circle.cross")).count() >= crossing);
    assert_eq!(html.select(&sel("#break-even svg line.now")).count(), 1);
    let ids: Vec<&str> = html
        .select(&sel("section[id]"))
        .map(|s| s.attr("id").unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "break-even",
            "what-moves",
            "plan",
            "cheapest",
            "findings",
            "inputs",
            "notes",
            "sources"
        ]
    );
    // Each finding is listed with its message.
    let findings = doc["findings"].as_array().unwrap();
    assert_eq!(html.select(&sel(".findings li")).count(), findings.len());
    // Print, dark mode and narrow screens are styled.
    let style: String = html.select(&sel("style")).flat_map(|s| s.text()).collect();
    for rule in [
        "@media print",
        "prefers-color-scheme:dark",
        "@media (max-width",
    ] {
        assert!(style.contains(rule), "{rule}");
    }
}

/// A state file holding `scenario` as the only, active scenario.
fn save(home: &Path, scenario: Scenario) {
    use tierwise::store::{State, serialize_state};
    let state = State {
        revision: 1,
        active: scenario.name.clone(),
        scenarios: vec![scenario],
    };
    std::fs::write(home.join("state.ron"), serialize_state(&state)).unwrap();
}

fn builtin() -> Scenario {
    use tierwise::data::{embedded_catalog, embedded_use_cases};
    let catalog = embedded_catalog().unwrap();
    let cases = embedded_use_cases(&catalog).unwrap();
    tierwise::store::builtin_scenario(&catalog, &cases)
}

#[test]
fn hostile_names_and_notes_are_text_not_markup() {
    let home = TempDir::new().unwrap();
    let mut s = builtin();
    let name = "<script>alert(\"x\")</script> & 'co' \u{7}\u{1b}[31m\u{202e}";
    s.name = name.into();
    s.notes = "<img src=x onerror=alert(1)> & \"quoted\"\nline two\u{0}\u{85}".into();
    s.use_cases[0].use_case.name = "</td></tr><b>bold</b> & co".into();
    save(home.path(), s);
    let (page, doc) = page_and_json(home.path(), &[]);
    let html = parse(&page);
    check_self_contained(&html, &page);
    check_numbers(&html, &doc);
    check_no_unmarked_numbers(&html);
    assert_eq!(
        html.select(&sel("b, img, script")).count(),
        0,
        "markup got through"
    );
    let h1: String = html.select(&sel("h1")).next().unwrap().text().collect();
    assert!(
        h1.contains("<script>alert(\"x\")</script> & 'co'"),
        "{h1:?}"
    );
    let notes: String = html.select(&sel(".notes")).next().unwrap().text().collect();
    assert!(
        notes.starts_with("<img src=x onerror=alert(1)> & \"quoted\"\nline two"),
        "{notes:?}"
    );
    let first_case: String = html
        .select(&sel("#plan tbody tr td.name"))
        .find(|td| td.text().any(|t| t.contains("bold")))
        .expect("the use case row")
        .text()
        .collect();
    assert_eq!(first_case, "</td></tr><b>bold</b> & co");
    for bad in ['\u{0}', '\u{7}', '\u{1b}', '\u{85}', '\u{202e}'] {
        assert!(!page.contains(bad), "{:?} reached the page", bad);
    }
}

#[test]
fn missing_api_lines_and_deployment_are_said_on_a_valid_page() {
    let home = TempDir::new().unwrap();
    let mut s = builtin();
    s.api_models.clear();
    s.self_host.model = "no-such-model".into();
    save(home.path(), s);
    let (page, doc) = page_and_json(home.path(), &[]);
    let html = parse(&page);
    check_numbers(&html, &doc);
    check_no_unmarked_numbers(&html);
    let missing: Vec<String> = html
        .select(&sel(".missing"))
        .map(|m| m.text().collect())
        .collect();
    assert!(
        missing
            .iter()
            .any(|m| m.contains("no API model is compared")),
        "{missing:?}"
    );
    assert!(
        missing
            .iter()
            .any(|m| m.contains("does not resolve") && m.contains("no-such-model")),
        "{missing:?}"
    );
    // No break-even chart, but the plan's charts are there.
    assert_eq!(html.select(&sel("#break-even svg.chart")).count(), 0);
    assert_eq!(html.select(&sel("#plan svg.chart")).count(), 1);

    // Only the API lines: the chart shows them without a staircase.
    let mut s = builtin();
    s.self_host.gpu = "no-such-gpu".into();
    save(home.path(), s);
    let (page, doc) = page_and_json(home.path(), &[]);
    let html = parse(&page);
    check_numbers(&html, &doc);
    assert_eq!(html.select(&sel("#break-even svg line.line")).count(), 3);
    assert_eq!(html.select(&sel("#break-even svg path.host")).count(), 0);

    // Only the deployment: the staircase alone.
    let mut s = builtin();
    s.api_models.clear();
    save(home.path(), s);
    let (page, _) = page_and_json(home.path(), &[]);
    let html = parse(&page);
    assert_eq!(html.select(&sel("#break-even svg path.host")).count(), 1);
    assert_eq!(html.select(&sel("#break-even svg line.line")).count(), 0);
}

#[test]
fn a_plan_that_cannot_be_computed_still_gives_a_page() {
    let home = TempDir::new().unwrap();
    let mut s = builtin();
    s.tiers.large.gpu = "no-such-gpu".into();
    save(home.path(), s);
    let out = run(home.path(), &["report", "--format", "json"]);
    assert_eq!(out.code, 2, "JSON has no plan to print");
    let out = run(home.path(), &["report", "--format", "html"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let html = parse(&out.stdout);
    let plan: String = html.select(&sel("#plan")).next().unwrap().text().collect();
    assert!(
        plan.contains("cannot be computed") && plan.contains("no-such-gpu"),
        "{plan}"
    );
    // The break-even part does not depend on the plan.
    assert_eq!(html.select(&sel("#break-even svg.chart")).count(), 1);
}

#[test]
fn output_replaces_a_file_only_when_the_report_is_complete() {
    let home = TempDir::new().unwrap();
    let dir = TempDir::new().unwrap();
    let target = dir.path().join("plan.html");
    std::fs::write(&target, "old").unwrap();
    let path = target.to_str().unwrap();
    // Bad input: nothing written, the old file stays.
    let out = run(
        home.path(),
        &[
            "report",
            "--format",
            "html",
            "--tokens-per-day",
            "10",
            "--output",
            path,
        ],
    );
    assert_eq!(out.code, 2);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
    // Success: the whole page replaces it, and nothing goes to standard output.
    let out = run(
        home.path(),
        &["report", "--format", "html", "--output", path],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&target).unwrap();
    let printed = run(home.path(), &["report", "--format", "html"]).stdout;
    assert_eq!(written, printed);
    // No temporary file is left beside it.
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
    assert_eq!(names.len(), 1);
    // A directory that does not exist: one line naming the file, and a failure code.
    let missing = dir.path().join("no/such/dir/plan.html");
    let out = run(
        home.path(),
        &[
            "report",
            "--format",
            "html",
            "--output",
            missing.to_str().unwrap(),
        ],
    );
    assert_ne!(out.code, 0);
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    assert!(out.stderr.contains("plan.html"), "{}", out.stderr);
}
