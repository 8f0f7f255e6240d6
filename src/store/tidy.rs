//! Making a loaded state safe to show and consistent: strings lose control characters and
//! bidirectional overrides (which can rearrange what a terminal shows), names are non-empty
//! and unique, the active name exists, and there is at least one scenario.

use super::schema::State;
use crate::domain::scenario::Scenario;

/// Controls and bidi overrides out; line breaks and tabs only where `multiline`.
pub fn clean_text(text: &str, multiline: bool) -> String {
    text.chars()
        .filter(|&c| {
            let bidi = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
            let allowed_control = multiline && (c == '\n' || c == '\t');
            !bidi && (!c.is_control() || allowed_control)
        })
        .collect()
}

fn clean(text: &mut String) {
    let cleaned = clean_text(text, false);
    if cleaned != *text {
        *text = cleaned;
    }
}

/// Clean every string of a scenario in place.
pub fn clean_scenario(s: &mut Scenario) {
    clean(&mut s.name);
    s.name = s.name.trim().to_string();
    if s.name.is_empty() {
        s.name = "unnamed".into();
    }
    clean(&mut s.region);
    clean(&mut s.sector);
    s.api_models.iter_mut().for_each(clean);
    s.marks.iter_mut().for_each(clean);
    for d in [&mut s.self_host, &mut s.tiers.large, &mut s.tiers.small] {
        clean(&mut d.model);
        clean(&mut d.gpu);
    }
    clean(&mut s.tiers.frontier);
    for case in &mut s.use_cases {
        let u = &mut case.use_case;
        clean(&mut u.name);
        if let Some(source) = &mut u.source {
            clean(source);
        }
        if let Some(note) = &mut u.note {
            *note = clean_text(note, true);
        }
    }
    s.notes = clean_text(&s.notes, true);
    [&mut s.preset, &mut s.theme, &mut s.pane]
        .into_iter()
        .flatten()
        .for_each(clean);
}

/// `name`, or `name (2)`, `name (3)`, ... whichever is not taken.
pub fn unique_name(name: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(name) {
        return name.to_string();
    }
    (2..)
        .map(|n| format!("{name} ({n})"))
        .find(|candidate| !taken(candidate))
        .unwrap_or_else(|| name.to_string())
}

/// Clean and make consistent; returns a sentence per repair so the user can be told.
pub fn tidy_state(state: &mut State, builtin: &Scenario) -> Vec<String> {
    let mut repairs = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for s in &mut state.scenarios {
        clean_scenario(s);
        let name = unique_name(&s.name, |n| seen.iter().any(|x| x == n));
        if name != s.name {
            repairs.push(format!(
                "two scenarios were named \"{}\"; the second is now \"{name}\"",
                s.name
            ));
            s.name = name;
        }
        seen.push(s.name.clone());
    }
    if state.scenarios.is_empty() {
        state.scenarios.push(builtin.clone());
        repairs.push(format!(
            "the state file held no scenarios; starting with \"{}\"",
            builtin.name
        ));
    }
    if !seen.contains(&state.active) {
        state.active = state.scenarios[0].name.clone();
    }
    repairs
}
