//! The keymap as Markdown tables, one per mode, for the README's key list. A test
//! (`tests/readme_keys.rs`) keeps the README's copy equal to this output.

use super::keymap::Keymap;

/// Where the generated tables start and end in the README.
pub const BEGIN: &str =
    "<!-- keys:begin: generated from assets/keymap.ron; do not edit by hand -->";
pub const END: &str = "<!-- keys:end -->";

/// A table cell's text with its pipes escaped (GitHub's tables honour that inside code too).
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// One key name as inline code (a backtick needs a longer fence around it).
fn key(label: &str) -> String {
    if label.contains('`') {
        format!("`` {} ``", cell(label))
    } else {
        format!("`{}`", cell(label))
    }
}

/// Every mode's bindings in file order: a bold title, then a two-column table.
pub fn markdown(keymap: &Keymap) -> String {
    let mut out = String::new();
    for (mode, bindings) in &keymap.modes {
        out.push_str(&format!("\n**{}**\n\n", mode.title()));
        out.push_str("| keys | what they do |\n| --- | --- |\n");
        for b in bindings {
            let keys: Vec<String> = b.labels.iter().map(|l| key(l)).collect();
            out.push_str(&format!("| {} | {} |\n", keys.join(" "), cell(&b.help)));
        }
    }
    format!("{BEGIN}\n{out}\n{END}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_characters_stay_inside_their_cells() {
        let km = Keymap::parse(
            "test",
            r#"(modes: [(mode: Global, bindings: [
                (keys: ["|", "`"], action: "quit", help: "a | b"),
            ])])"#,
        )
        .unwrap();
        let md = markdown(&km);
        assert!(md.contains("| `\\|` `` ` `` | a \\| b |"), "{md}");
        assert!(md.starts_with(BEGIN) && md.ends_with(END));
        assert!(md.contains("**Everywhere**"));
    }
}
