//! The README's key tables against `assets/keymap.ron`, read through the real keymap loader:
//! the block must be exactly what `keymap_doc::markdown` makes of it, and, checked on its own,
//! every binding of every mode must be listed under that mode with its keys and help and no
//! other row may be there. The explorer's tour may name only keys some mode binds.

use std::collections::HashSet;
use std::path::Path;
use tierwise::tui::keymap::{Key, Keymap};
use tierwise::tui::keymap_doc::{BEGIN, END, markdown};

const UPDATE: &str = "TIERWISE_UPDATE_README";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn keymap() -> Keymap {
    let path = root().join("assets/keymap.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    Keymap::parse("assets/keymap.ron", &text).unwrap()
}

fn readme() -> String {
    std::fs::read_to_string(root().join("README.md")).unwrap()
}

/// The README's generated block, markers included, and where it starts.
fn block(readme: &str) -> (usize, &str) {
    let start = readme
        .find(BEGIN)
        .unwrap_or_else(|| panic!("README.md has no line {BEGIN}"));
    let len = readme[start..]
        .find(END)
        .unwrap_or_else(|| panic!("README.md has no line {END} after the start marker"));
    (start, &readme[start..start + len + END.len()])
}

#[test]
fn the_readme_key_tables_are_generated_from_the_keymap() {
    let text = readme();
    let (start, found) = block(&text);
    let wanted = markdown(&keymap());
    if found == wanted {
        return;
    }
    if std::env::var_os(UPDATE).is_some() {
        let updated = format!("{}{wanted}{}", &text[..start], &text[start + found.len()..]);
        std::fs::write(root().join("README.md"), updated).unwrap();
        return;
    }
    panic!(
        "README.md's key tables differ from assets/keymap.ron; regenerate them with\n    \
         {UPDATE}=1 cargo test --test readme_keys\n(first difference at line {})",
        found
            .lines()
            .zip(wanted.lines())
            .position(|(a, b)| a != b)
            .map_or(found.lines().count().min(wanted.lines().count()), |n| n)
            + 1
    );
}

/// Undo the table escapes: a key's code span, a cell's `\|`.
fn unescape(cell: &str) -> String {
    cell.replace("\\|", "|")
}

/// The README's tables as (mode title, keys, help) rows, parsed without the generator.
fn rows(block: &str) -> Vec<(String, Vec<String>, String)> {
    let mut mode = String::new();
    let mut out = Vec::new();
    for line in block.lines() {
        if let Some(title) = line.strip_prefix("**").and_then(|l| l.strip_suffix("**")) {
            mode = title.to_string();
            continue;
        }
        let Some(inner) = line.strip_prefix("| ").and_then(|l| l.strip_suffix(" |")) else {
            continue;
        };
        if inner.starts_with("keys |") || inner.starts_with("---") {
            continue;
        }
        // Split at the first pipe that is not escaped.
        let bytes = inner.as_bytes();
        let at = (0..bytes.len())
            .find(|&i| bytes[i] == b'|' && (i == 0 || bytes[i - 1] != b'\\'))
            .unwrap_or_else(|| panic!("row without two cells: {line}"));
        let (keys, help) = (inner[..at].trim(), inner[at + 1..].trim());
        let keys = keys
            .split("` `")
            .map(|k| unescape(k.trim_matches('`').trim()))
            .collect();
        out.push((mode.clone(), keys, unescape(help)));
    }
    out
}

#[test]
fn every_binding_is_listed_under_its_mode_and_nothing_else_is() {
    let km = keymap();
    let text = readme();
    let listed = rows(block(&text).1);
    let mut expected = Vec::new();
    for (mode, bindings) in &km.modes {
        for b in bindings {
            expected.push((mode.title().to_string(), b.labels.clone(), b.help.clone()));
        }
    }
    for row in &expected {
        assert!(
            listed.contains(row),
            "README.md does not list {row:?}; regenerate: {UPDATE}=1 cargo test --test readme_keys"
        );
    }
    for row in &listed {
        assert!(
            expected.contains(row),
            "README.md lists {row:?}, which assets/keymap.ron does not bind"
        );
    }
    assert!(listed.len() > 100, "{} rows parsed", listed.len());
}

#[test]
fn the_tour_names_only_bound_keys() {
    let km = keymap();
    let bound: HashSet<Key> = km
        .modes
        .iter()
        .flat_map(|(_, bindings)| bindings.iter().flat_map(|b| b.keys.iter().copied()))
        .collect();
    let text = readme();
    let start = text.find("## The explorer").expect("the explorer section");
    let end = text[start..].find(BEGIN).map_or(text.len(), |n| start + n);
    let tour = &text[start..end];
    let mut checked = 0;
    // Every `code` span that names a key (one character, Enter, Ctrl-Z, an arrow, ...).
    for span in tour.split('`').skip(1).step_by(2) {
        let name = span
            .replace('↑', "Up")
            .replace('↓', "Down")
            .replace('←', "Left")
            .replace('→', "Right");
        if let Ok(key) = Key::parse(&name) {
            assert!(
                bound.contains(&key),
                "the README names `{span}`, which no mode binds"
            );
            checked += 1;
        }
    }
    assert!(checked > 20, "{checked} keys found in the tour");
}
