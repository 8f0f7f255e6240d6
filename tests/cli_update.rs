//! `tierwise update` against a real HTTP server on 127.0.0.1: every fault is refused with one
//! line naming the address and what was wrong, exits non-zero, and leaves the stored data as
//! it was.

mod cli_update_support;

use cli_update_support::{Reply, Server, text, tierwise_in};
use std::collections::BTreeMap;
use std::fs;
use std::net::TcpListener;
use std::path::Path;

const MD_CHANGED: &str = include_str!("fixtures/update/models-dev-changed.json");
const LITELLM: &str = include_str!("fixtures/update/litellm-small.json");

/// Every file under `updates/` with its bytes: what must not change when an update fails.
fn stored(home: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(dir: &Path, base: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, base, out);
            } else {
                let name = p.strip_prefix(base).unwrap().display().to_string();
                out.insert(name, fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&home.join("updates"), home, &mut out);
    out.remove("updates/update.lock");
    out
}

/// A server with both feeds in good order.
fn good_server() -> Server {
    let s = Server::start();
    s.route("/api.json", Reply::Body(MD_CHANGED.into()));
    s.route("/prices.json", Reply::Body(LITELLM.into()));
    s
}

fn update(home: &Path, md: &str, ll: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["update", "--models-dev-url", md, "--litellm-url", ll];
    args.extend_from_slice(extra);
    tierwise_in(home, &args, &[])
}

/// A home with one good update stored; returns what is stored.
fn with_good_update(home: &Path) -> BTreeMap<String, Vec<u8>> {
    let s = good_server();
    let out = update(home, &s.url("/api.json"), &s.url("/prices.json"), &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let before = stored(home);
    assert!(
        before.keys().any(|k| k.ends_with("current.ron")),
        "{before:?}"
    );
    before
}

/// Expect failure with exactly one `error:` line that names `address` and says `what`.
fn refused(out: &std::process::Output, address: &str, what: &str) {
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(
        stderr.trim_end().ends_with(errors[0]),
        "the error is the last line: {stderr}"
    );
    assert!(errors[0].contains(address), "{} lacks {address}", errors[0]);
    assert!(errors[0].contains(what), "{} lacks {what:?}", errors[0]);
    assert!(text(&out.stdout).is_empty(), "{}", text(&out.stdout));
}

#[test]
fn a_good_update_is_stored_with_its_addresses() {
    let home = tempfile::tempdir().unwrap();
    let s = good_server();
    let out = update(
        home.path(),
        &s.url("/api.json"),
        &s.url("/prices.json"),
        &[],
    );
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        stdout.contains(&format!("from {}", s.url("/api.json"))),
        "{stdout}"
    );
    assert!(stdout.contains("stored in "), "{stdout}");
    let manifest = fs::read_to_string(home.path().join("updates/current.ron")).unwrap();
    assert!(manifest.contains(&s.url("/api.json")), "{manifest}");
    assert!(manifest.contains(&s.url("/prices.json")), "{manifest}");
    assert_eq!(
        s.requests(),
        vec!["GET /api.json HTTP/1.1", "GET /prices.json HTTP/1.1"]
    );
}

#[test]
fn dry_run_stores_nothing() {
    let home = tempfile::tempdir().unwrap();
    let s = good_server();
    let out = update(
        home.path(),
        &s.url("/api.json"),
        &s.url("/prices.json"),
        &["--dry-run"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("dry run: nothing was stored"));
    assert!(stored(home.path()).is_empty());
}

#[test]
fn an_unreachable_address_is_refused_and_the_old_data_stays() {
    let home = tempfile::tempdir().unwrap();
    let before = with_good_update(home.path());
    // A port that was just free: nothing listens there.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dead = format!("http://127.0.0.1:{port}/api.json");
    let s = good_server();
    let out = update(home.path(), &dead, &s.url("/prices.json"), &[]);
    refused(&out, &dead, "connection refused");
    assert_eq!(stored(home.path()), before);
}

#[test]
fn a_non_200_answer_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let before = with_good_update(home.path());
    let s = good_server();
    s.route("/gone.json", Reply::Status(404));
    s.route("/busy.json", Reply::Status(503));
    let out = update(home.path(), &s.url("/api.json"), &s.url("/gone.json"), &[]);
    refused(&out, &s.url("/gone.json"), "answered 404 Not Found");
    let out = update(
        home.path(),
        &s.url("/busy.json"),
        &s.url("/prices.json"),
        &[],
    );
    refused(&out, &s.url("/busy.json"), "answered 503");
    assert_eq!(stored(home.path()), before);
}

#[test]
fn a_truncated_body_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let before = with_good_update(home.path());
    let s = good_server();
    let half = MD_CHANGED.as_bytes()[..MD_CHANGED.len() / 2].to_vec();
    s.route(
        "/short.json",
        Reply::Truncated {
            announced: MD_CHANGED.len() as u64,
            body: half,
        },
    );
    // A complete answer of a cut file: the cut shows only in the JSON.
    s.route(
        "/cut.json",
        Reply::Body(MD_CHANGED.as_bytes()[..300].to_vec()),
    );
    let out = update(
        home.path(),
        &s.url("/short.json"),
        &s.url("/prices.json"),
        &[],
    );
    refused(&out, &s.url("/short.json"), "ended early");
    let out = update(
        home.path(),
        &s.url("/cut.json"),
        &s.url("/prices.json"),
        &[],
    );
    refused(&out, &s.url("/cut.json"), "not valid JSON");
    assert_eq!(stored(home.path()), before);
}

#[test]
fn malformed_bodies_are_refused() {
    let home = tempfile::tempdir().unwrap();
    let before = with_good_update(home.path());
    let s = good_server();
    s.route("/html", Reply::Body(b"<html>rate limited</html>".to_vec()));
    s.route("/list", Reply::Body(b"[1, 2, 3]".to_vec()));
    s.route("/binary", Reply::Body(vec![0xff, 0xfe, 0x00, 0x7b]));
    let out = update(home.path(), &s.url("/html"), &s.url("/prices.json"), &[]);
    refused(&out, &s.url("/html"), "not valid JSON");
    let out = update(home.path(), &s.url("/api.json"), &s.url("/list"), &[]);
    refused(&out, &s.url("/list"), "not a JSON object");
    let out = update(home.path(), &s.url("/binary"), &s.url("/prices.json"), &[]);
    refused(&out, &s.url("/binary"), "not UTF-8");
    assert_eq!(stored(home.path()), before);
}

#[test]
fn an_answer_over_the_cap_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let before = with_good_update(home.path());
    let s = good_server();
    s.route("/huge-announced", Reply::Announces(100_000_000_000));
    s.route("/huge-endless", Reply::Endless(b' '));
    let out = update(
        home.path(),
        &s.url("/huge-announced"),
        &s.url("/prices.json"),
        &[],
    );
    refused(
        &out,
        &s.url("/huge-announced"),
        "larger than the 67.1 MB cap",
    );
    let out = update(
        home.path(),
        &s.url("/api.json"),
        &s.url("/huge-endless"),
        &[],
    );
    refused(&out, &s.url("/huge-endless"), "larger than the 67.1 MB cap");
    assert_eq!(stored(home.path()), before);
}

#[test]
fn a_server_that_never_answers_times_out() {
    let home = tempfile::tempdir().unwrap();
    let s = good_server();
    s.route("/stall", Reply::Stall);
    let out = update(
        home.path(),
        &s.url("/stall"),
        &s.url("/prices.json"),
        &["--timeout", "1"],
    );
    refused(&out, &s.url("/stall"), "no complete answer within 1 s");
    assert!(stored(home.path()).is_empty());
}

#[test]
fn redirects_are_followed_but_never_off_the_loopback_in_plain_http() {
    let home = tempfile::tempdir().unwrap();
    let s = good_server();
    s.route("/moved", Reply::Redirect("/api.json".into()));
    s.route(
        "/away",
        Reply::Redirect("http://example.com/api.json".into()),
    );
    let out = update(home.path(), &s.url("/moved"), &s.url("/prices.json"), &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains(&format!("from {}", s.url("/api.json"))));
    let out = update(home.path(), &s.url("/away"), &s.url("/prices.json"), &[]);
    refused(
        &out,
        &s.url("/away"),
        "redirect to plain http off this machine refused",
    );
    let requests = s.requests();
    assert!(
        !requests.iter().any(|r| r.contains("example.com")),
        "{requests:?}"
    );
}

#[test]
fn bad_addresses_are_usage_errors() {
    let home = tempfile::tempdir().unwrap();
    let out = tierwise_in(
        home.path(),
        &["update", "--models-dev-url", "ftp://mirror/api.json"],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("ftp://mirror/api.json: scheme \"ftp\" is not supported"));
    let out = tierwise_in(home.path(), &["update", "--timeout", "0"], &[]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_proxy_variables_are_respected() {
    let home = tempfile::tempdir().unwrap();
    let proxy = Server::start();
    proxy.route("/", Reply::Proxy(MD_CHANGED.into()));
    let s = good_server();
    // Plain HTTP through http_proxy: the proxy is asked to connect to the host and answers.
    let out = tierwise_in(
        home.path(),
        &[
            "update",
            "--models-dev-url",
            "http://models.example/api.json",
            "--litellm-url",
            &s.url("/prices.json"),
            "--dry-run",
        ],
        &[("http_proxy", &proxy.url(""))],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        proxy.requests(),
        vec![
            "CONNECT models.example:80 HTTP/1.1",
            "GET /api.json HTTP/1.1"
        ]
    );
    // HTTPS through HTTPS_PROXY: the proxy is asked to CONNECT (and refuses here).
    let out = tierwise_in(
        home.path(),
        &[
            "update",
            "--models-dev-url",
            "https://models.example/api.json",
        ],
        &[("HTTPS_PROXY", &proxy.url(""))],
    );
    refused(&out, "https://models.example/api.json", "proxy");
    assert!(
        proxy
            .requests()
            .contains(&"CONNECT models.example:443 HTTP/1.1".to_string()),
        "{:?}",
        proxy.requests()
    );
    // NO_PROXY sends it straight to the (loopback) server instead.
    let before = proxy.requests().len();
    let out = tierwise_in(
        home.path(),
        &[
            "update",
            "--models-dev-url",
            &s.url("/api.json"),
            "--litellm-url",
            &s.url("/prices.json"),
            "--dry-run",
        ],
        &[("http_proxy", &proxy.url("")), ("NO_PROXY", "127.0.0.1")],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(proxy.requests().len(), before);
}

#[test]
fn reset_returns_to_the_embedded_data() {
    let home = tempfile::tempdir().unwrap();
    with_good_update(home.path());
    let dry = tierwise_in(home.path(), &["update", "--reset", "--dry-run"], &[]);
    assert!(dry.status.success(), "{}", text(&dry.stderr));
    assert!(text(&dry.stdout).contains("still stored"));
    assert!(!stored(home.path()).is_empty());
    let out = tierwise_in(home.path(), &["update", "--reset"], &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("the embedded data is in use"));
    assert!(stored(home.path()).is_empty(), "{:?}", stored(home.path()));
    let again = tierwise_in(home.path(), &["update", "--reset"], &[]);
    assert!(text(&again.stdout).contains("no fetched data is stored"));
}

#[test]
fn two_updates_at_once_leave_one_whole_update() {
    let home = tempfile::tempdir().unwrap();
    let a = good_server();
    let b = good_server();
    b.route(
        "/api.json",
        Reply::Body(include_str!("fixtures/update/models-dev-same.json").into()),
    );
    let run = |s: &Server| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_tierwise"));
        cmd.args([
            "update",
            "--models-dev-url",
            &s.url("/api.json"),
            "--litellm-url",
            &s.url("/prices.json"),
        ])
        .env("TIERWISE_HOME", home.path())
        .env_remove("http_proxy")
        .env_remove("all_proxy")
        .env_remove("ALL_PROXY");
        cmd.output()
    };
    let (ra, rb) = std::thread::scope(|scope| {
        let ha = scope.spawn(|| run(&a));
        let hb = scope.spawn(|| run(&b));
        (ha.join().unwrap().unwrap(), hb.join().unwrap().unwrap())
    });
    assert!(ra.status.success(), "{}", text(&ra.stderr));
    assert!(rb.status.success(), "{}", text(&rb.stderr));
    // One generation remains, and it is whole: its files match the manifest.
    let files = stored(home.path());
    let manifest = String::from_utf8(files["updates/current.ron"].clone()).unwrap();
    let gens: Vec<&String> = files.keys().filter(|k| k.contains("/gen-")).collect();
    assert!(gens.len() >= 2, "{gens:?}");
    assert!(
        gens.iter()
            .all(|g| manifest.contains(g.split('/').nth(1).unwrap()))
    );
    let check = tierwise_in(home.path(), &["update", "--reset", "--dry-run"], &[]);
    assert!(check.status.success(), "{}", text(&check.stderr));
    assert!(
        !text(&check.stdout).contains("unusable"),
        "{}",
        text(&check.stdout)
    );
}

#[test]
fn https_really_speaks_tls() {
    // An https:// address served by a plain-HTTP server: the TLS handshake fails, and the
    // message says so instead of taking the plain answer.
    let home = tempfile::tempdir().unwrap();
    let s = good_server();
    let address = format!("https://127.0.0.1:{}/api.json", s.port);
    let out = update(home.path(), &address, &s.url("/prices.json"), &[]);
    refused(&out, &address, "speaking TLS");
    assert!(stored(home.path()).is_empty());
    // What reached the server was a TLS handshake, not a plain request.
    assert!(
        !s.requests().iter().any(|r| r.starts_with("GET /api.json")),
        "{:?}",
        s.requests()
    );
}

#[test]
fn a_changed_price_is_applied_reported_and_used() {
    let home = tempfile::tempdir().unwrap();
    let s = good_server();
    s.route(
        "/same.json",
        Reply::Body(include_str!("fixtures/update/models-dev-same.json").into()),
    );
    let first = update(
        home.path(),
        &s.url("/same.json"),
        &s.url("/prices.json"),
        &[],
    );
    assert!(first.status.success(), "{}", text(&first.stderr));
    // The price moves from $5 to $4.20 between the two fetches.
    let out = update(
        home.path(),
        &s.url("/api.json"),
        &s.url("/prices.json"),
        &[],
    );
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        stdout.contains("changes against the update fetched models.dev "),
        "{stdout}"
    );
    assert!(
        stdout.contains("  Claude Opus 4.7 (anthropic) input $5.00 → $4.20/M\n"),
        "{stdout}"
    );
    // Later commands run on the stored prices, which cite the fetch and its date.
    let models = tierwise_in(
        home.path(),
        &["models", "--search", "opus 4.7", "--format", "json"],
        &[],
    );
    assert!(models.status.success(), "{}", text(&models.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&models.stdout).unwrap();
    let price = &doc[0]["price"];
    let cites = |v: &serde_json::Value| {
        v["sources"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s == "models-dev-fetched")
    };
    let fetched = std::iter::once(price)
        .chain(price["alternatives"].as_array().unwrap())
        .find(|v| cites(v))
        .unwrap_or_else(|| panic!("no figure cites the fetch: {price}"));
    assert_eq!(fetched["value"]["input_usd_per_million"], 4.2, "{price}");
    // Fetching the same again changes nothing.
    let again = update(
        home.path(),
        &s.url("/api.json"),
        &s.url("/prices.json"),
        &[],
    );
    assert!(
        text(&again.stdout).contains(
            ": 0 new models, 0 removed, 0 new offerings, 0 withdrawn, 0 prices changed\n"
        ),
        "{}",
        text(&again.stdout)
    );
}

#[test]
fn hostile_text_is_cleaned_and_bad_rows_are_skipped() {
    let home = tempfile::tempdir().unwrap();
    let s = good_server();
    s.route(
        "/hostile.json",
        Reply::Body(include_str!("fixtures/update/models-dev-hostile.json").into()),
    );
    s.route(
        "/same.json",
        Reply::Body(include_str!("fixtures/update/models-dev-same.json").into()),
    );
    let first = update(
        home.path(),
        &s.url("/same.json"),
        &s.url("/prices.json"),
        &[],
    );
    assert!(first.status.success(), "{}", text(&first.stderr));
    let out = update(
        home.path(),
        &s.url("/hostile.json"),
        &s.url("/prices.json"),
        &[],
    );
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert!(out.status.success(), "{stderr}");
    // The row priced per token is skipped, the other two are read.
    assert!(
        stdout.contains("models.dev: 2 entries read, 1 skipped"),
        "{stdout}"
    );
    for bad in ['\u{1b}', '\u{7}', '\u{202e}'] {
        assert!(!stdout.contains(bad), "{bad:?} in {stdout:?}");
        assert!(!stderr.contains(bad), "{bad:?} in {stderr:?}");
    }
    assert!(stdout.contains("Claude Opus 4.7 (anthropic) input $5.00 → $4.20/M"));
    let stored = stored(home.path());
    assert!(stored.keys().any(|k| k.ends_with("current.ron")));
}

#[test]
fn prices_in_the_wrong_unit_are_refused() {
    let home = tempfile::tempdir().unwrap();
    let before = with_good_update(home.path());
    let s = good_server();
    s.route(
        "/per-token.json",
        Reply::Body(include_str!("fixtures/update/models-dev-per-token.json").into()),
    );
    s.route(
        "/per-million.json",
        Reply::Body(include_str!("fixtures/update/litellm-per-million.json").into()),
    );
    let out = update(
        home.path(),
        &s.url("/per-token.json"),
        &s.url("/prices.json"),
        &[],
    );
    refused(&out, &s.url("/per-token.json"), "is below $0.001/M");
    let out = update(
        home.path(),
        &s.url("/api.json"),
        &s.url("/per-million.json"),
        &[],
    );
    refused(&out, &s.url("/per-million.json"), "is above $1000/M");
    assert_eq!(stored(home.path()), before);
}
