//! The keymap file and the built-in themes.

use ratatui::style::{Color, Modifier, Style};
use tierwise::tui::action::Action;
use tierwise::tui::keymap::{Code, Key, Keymap, Mode};
use tierwise::tui::theme::{BUILTIN, Theme, initial_theme_name};

fn key(name: &str) -> Key {
    Key::parse(name).unwrap()
}

#[test]
fn fixed_keys_are_bound() {
    let km = Keymap::embedded().unwrap();
    let g = |k: &str| km.lookup(Mode::Catalogue, key(k));
    assert_eq!(g("1"), Some(Action::ShowPane(1)));
    assert_eq!(g("2"), Some(Action::ShowPane(2)));
    assert_eq!(g("3"), Some(Action::ShowPane(3)));
    assert_eq!(g("Tab"), Some(Action::FocusNext));
    assert_eq!(g("Shift-Tab"), Some(Action::FocusPrev));
    assert_eq!(g("/"), Some(Action::Search));
    assert_eq!(g("Esc"), Some(Action::Close));
    assert_eq!(g("Enter"), Some(Action::Confirm));
    assert_eq!(g("?"), Some(Action::Help));
    assert_eq!(g("q"), Some(Action::Quit));
    assert_eq!(g("Ctrl-c"), Some(Action::Quit));
    assert_eq!(g("t"), Some(Action::CycleTheme));
    for (a, b, action) in [
        ("Up", "k", Action::Up),
        ("Down", "j", Action::Down),
        ("Left", "h", Action::Left),
        ("Right", "l", Action::Right),
    ] {
        assert_eq!(g(a), Some(action.clone()));
        assert_eq!(g(b), Some(action));
    }
    for mode in [Mode::Detail, Mode::Compare, Mode::Filter, Mode::Help] {
        assert_eq!(km.lookup(mode, key("q")), Some(Action::Quit), "{mode:?}");
    }
}

#[test]
fn text_field_does_not_fall_back_to_global_keys() {
    let km = Keymap::embedded().unwrap();
    assert_eq!(km.lookup(Mode::Search, key("q")), None);
    assert_eq!(km.lookup(Mode::Search, key("1")), None);
    assert_eq!(km.lookup(Mode::Search, key("Esc")), Some(Action::Close));
    assert_eq!(km.lookup(Mode::Search, key("Ctrl-c")), Some(Action::Quit));
}

#[test]
fn every_binding_has_help_text() {
    let km = Keymap::embedded().unwrap();
    assert!(km.modes.len() >= 7);
    for (mode, bindings) in &km.modes {
        assert!(!bindings.is_empty(), "{mode:?}");
        for b in bindings {
            assert!(!b.help.trim().is_empty(), "{mode:?} {:?}", b.labels);
        }
    }
}

#[test]
fn key_names_parse_and_bad_ones_are_refused() {
    assert_eq!(key("Space"), Key::plain(Code::Char(' ')));
    assert_eq!(key("G"), Key::plain(Code::Char('G')));
    assert_eq!(
        key("Ctrl-Z"),
        Key {
            code: Code::Char('z'),
            ctrl: true
        }
    );
    let err = Key::parse("Hyper-x").unwrap_err();
    assert!(
        err.contains("Hyper-x") && err.contains("Ctrl-<letter>"),
        "{err}"
    );
    assert!(Key::parse("Ctrl-1").is_err());
}

#[test]
fn keymap_errors_name_the_problem() {
    let unknown =
        r#"(modes: [(mode: Global, bindings: [(keys: ["q"], action: "explode", help: "x")])])"#;
    let err = Keymap::parse("k.ron", unknown).unwrap_err();
    assert!(err.contains("explode") && err.contains("quit"), "{err}");
    let twice = r#"(modes: [(mode: Global, bindings: [
        (keys: ["q"], action: "quit", help: "x"), (keys: ["q"], action: "help", help: "y")])])"#;
    let err = Keymap::parse("k.ron", twice).unwrap_err();
    assert!(err.contains("bound twice"), "{err}");
    let err = Keymap::parse("k.ron", "(modes: [").unwrap_err();
    assert!(err.starts_with("k.ron:1:"), "{err}");
}

fn styles(t: &Theme) -> Vec<Style> {
    let mut v = vec![
        t.text,
        t.muted,
        t.accent,
        t.title,
        t.border,
        t.header,
        t.selection,
        t.good,
        t.warn,
        t.bad,
        t.unknown,
        t.matched,
        t.mark,
        t.best,
        t.same,
        t.chip,
        t.tab_active,
        t.tab_inactive,
        t.hint_key,
        t.hint_text,
        t.notice,
        t.tier_fully_open,
        t.tier_open_permissive,
        t.tier_open_restricted,
        t.tier_closed,
    ];
    v.extend(t.series);
    v
}

#[test]
fn colour_themes_use_only_the_16_named_colours() {
    for (name, _) in BUILTIN {
        let t = Theme::builtin(name).unwrap();
        assert_eq!(t.name, *name);
        for s in styles(&t) {
            for c in [s.fg, s.bg].into_iter().flatten() {
                assert!(
                    !matches!(c, Color::Rgb(..) | Color::Indexed(_)),
                    "{name}: {c:?} is not a named colour"
                );
            }
        }
    }
}

#[test]
fn mono_uses_attributes_only_and_keeps_the_selection_visible() {
    let t = Theme::builtin("mono").unwrap();
    let allowed = Modifier::BOLD | Modifier::REVERSED | Modifier::UNDERLINED | Modifier::DIM;
    for s in styles(&t) {
        assert_eq!((s.fg, s.bg), (None, None));
        assert!(allowed.contains(s.add_modifier), "{s:?}");
    }
    assert!(t.selection.add_modifier.contains(Modifier::REVERSED));
}

#[test]
fn theme_choice_honours_the_flag_then_no_color() {
    assert_eq!(initial_theme_name(None, None), "dark");
    assert_eq!(initial_theme_name(None, Some("1")), "mono");
    assert_eq!(initial_theme_name(None, Some("")), "dark");
    assert_eq!(initial_theme_name(Some("light"), Some("1")), "light");
    let err = Theme::builtin("neon").unwrap_err();
    assert!(
        err.contains("neon") && err.contains("high-contrast"),
        "{err}"
    );
}

#[test]
fn theme_errors_name_slot_and_value() {
    let dark = include_str!("../themes/dark.ron");
    let text = dark.replace(r#""text": (),"#, r#""text": (fg: "Mauve"),"#);
    let err = Theme::parse("x.ron", &text).unwrap_err();
    assert!(
        err.contains("text") && err.contains("Mauve") && err.contains("LightCyan"),
        "{err}"
    );
    let err = Theme::parse("x.ron", r#"(name: "x", slots: {"glow": ()})"#).unwrap_err();
    assert!(err.contains("glow"), "{err}");
    let err = Theme::parse("x.ron", r#"(name: "x", slots: {})"#).unwrap_err();
    assert!(err.contains("missing"), "{err}");
}

#[test]
fn t_cycles_through_every_builtin_theme() {
    let mut t = Theme::builtin("dark").unwrap();
    let mut seen = vec![t.name.clone()];
    for _ in 0..BUILTIN.len() {
        t = Theme::builtin(t.next_name()).unwrap();
        seen.push(t.name.clone());
    }
    assert_eq!(seen, ["dark", "light", "high-contrast", "mono", "dark"]);
}
