//! Helpers for the HTML report's tests: run the binary in a clean home, and check a page
//! against the JSON report by parsing both.
#![allow(dead_code)]

use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;
use std::path::Path;

#[path = "../cli_support/mod.rs"]
mod cli_support;

/// Run `tierwise` with its home in `home`, so no user file or saved state leaks in.
pub use cli_support::tierwise_in as run;

/// The HTML page and the JSON report for the same options.
pub fn page_and_json(home: &Path, extra: &[&str]) -> (String, Value) {
    let mut args = vec!["report", "--format", "html"];
    args.extend_from_slice(extra);
    let html = run(home, &args);
    assert_eq!(html.code, 0, "{args:?}: {}", html.stderr);
    args[2] = "json";
    let json = run(home, &args);
    assert_eq!(json.code, 0, "{args:?}: {}", json.stderr);
    let doc = serde_json::from_str(&json.stdout).expect("JSON");
    (html.stdout, doc)
}

pub fn sel(css: &str) -> Selector {
    Selector::parse(css).expect("a valid selector")
}

/// The page parsed, with no parse error: the HTML is valid as browsers read it.
pub fn parse(page: &str) -> Html {
    let html = Html::parse_document(page);
    assert!(html.errors.is_empty(), "parse errors: {:?}", html.errors);
    html
}

/// The number a cell shows (`$1,387.50`, `$15K`, `20.9M/day`, `68.6%`, `0.25 FTE`, `3`) and
/// half a unit of its last digit, the most rounding can have moved it. `None` for words.
pub fn shown_number(text: &str) -> Option<(f64, f64)> {
    let mut t = text.trim();
    for suffix in ["/day", "/month", " FTE"] {
        t = t.strip_suffix(suffix).unwrap_or(t);
    }
    let t = t
        .trim_start_matches('-')
        .trim_start_matches('$')
        .replace(',', "");
    let (t, percent) = match t.strip_suffix('%') {
        Some(p) => (p.to_string(), true),
        None => (t, false),
    };
    let (digits, scale) = match t.chars().last()? {
        'K' => (&t[..t.len() - 1], 1e3),
        'M' => (&t[..t.len() - 1], 1e6),
        'B' => (&t[..t.len() - 1], 1e9),
        'T' => (&t[..t.len() - 1], 1e12),
        _ => (&t[..], 1.0),
    };
    let v: f64 = digits.parse().ok()?;
    let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len());
    let unit = 10f64.powi(-(decimals as i32)) * if percent { 0.01 } else { scale };
    Some((if percent { v / 100.0 } else { v * scale }, unit * 0.5001))
}

/// The field `key` (a JSON pointer) of the report, which must exist.
fn field<'a>(doc: &'a Value, key: &str) -> &'a Value {
    doc.pointer(key)
        .unwrap_or_else(|| panic!("{key} is on the page but not in the JSON report"))
}

/// Every marked number on the page equals its JSON field exactly, and the text shown rounds
/// it faithfully; strings match exactly. Returns how many were checked.
pub fn check_numbers(html: &Html, doc: &Value) -> usize {
    let mut checked = 0;
    for el in html.select(&sel("[data-key]")) {
        let key = el.attr("data-key").unwrap();
        let value = el
            .attr("value")
            .or_else(|| el.attr("data-value"))
            .unwrap_or_else(|| panic!("{key}: no value"));
        let text: String = el.text().collect();
        let json = field(doc, key);
        match json {
            Value::Null => {
                assert_eq!(value, "null", "{key}");
                assert!(
                    shown_number(&text).is_none(),
                    "{key}: null shown as {text:?}"
                );
            }
            Value::Number(n) => {
                let n = n.as_f64().unwrap();
                let v: f64 = value.parse().unwrap_or_else(|_| panic!("{key}: {value:?}"));
                // Equal up to serde_json's parsing, which may miss the last bit of a double.
                assert!(
                    (v - n).abs() <= n.abs() * 4.0 * f64::EPSILON,
                    "{key}: the page has {v}, the JSON {n}"
                );
                let (shown, tolerance) =
                    shown_number(&text).unwrap_or_else(|| panic!("{key}: {text:?} is no number"));
                assert!(
                    (shown - n.abs()).abs() <= tolerance,
                    "{key}: shown {text:?} for {n}"
                );
            }
            Value::String(s) => {
                assert_eq!(value, s, "{key}");
                assert_eq!(text, *s, "{key}");
            }
            other => panic!("{key}: unexpected JSON {other}"),
        }
        checked += 1;
    }
    checked
}

/// Classes under which digits are names or labels rather than computed numbers: catalogue
/// names (Llama 3.1 70B), axis ticks, source citations, fixed labels (Tier 1), the user's
/// notes.
const WORDS: [&str; 5] = ["name", "axis", "src", "label", "notes"];

/// Every digit on the page is inside a marked number or a name, tick, citation or label.
pub fn check_no_unmarked_numbers(html: &Html) {
    let body = html.select(&sel("body")).next().expect("a body");
    for node in body.descendants() {
        let Node::Text(text) = node.value() else {
            continue;
        };
        if !text.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let exempt = node.ancestors().filter_map(ElementRef::wrap).any(|el| {
            let e = el.value();
            e.attr("data-key").is_some()
                || matches!(e.name(), "code" | "title" | "style")
                || e.classes().any(|c| WORDS.contains(&c))
        });
        assert!(exempt, "an unmarked number on the page: {:?}", &**text);
    }
}

/// Nothing is loaded or run: no scripts, no external resources, no event handlers.
pub fn check_self_contained(html: &Html, page: &str) {
    assert_eq!(
        html.select(&sel("script, link, iframe, object, embed, img"))
            .count(),
        0
    );
    for el in html.select(&sel("*")) {
        for (name, value) in el.value().attrs() {
            assert!(!name.starts_with("on"), "event handler {name}");
            assert!(name != "src", "a loaded resource: {value}");
            if name == "href" {
                assert!(
                    value.starts_with("https://") || value.starts_with("http://"),
                    "{value}"
                );
            }
        }
    }
    assert!(!page.contains("url("), "no resource in the stylesheet");
    assert!(!page.contains("@import"));
}
