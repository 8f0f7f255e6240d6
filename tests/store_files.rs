//! The state file on disk: a missing, corrupt, truncated, empty, binary, huge or newer file,
//! an unwritable directory, and a crash between writing and renaming.

mod store_support;

use std::fs;
use std::path::{Path, PathBuf};
use store_support::{builtin, full_scenario, open};
use tempfile::TempDir;
use tierwise::store::{
    MAX_STATE_BYTES, Notice, SaveOutcome, Severity, State, Store, commit, serialize_state,
    write_temp,
};

fn state_path(dir: &Path) -> PathBuf {
    dir.join("state.ron")
}

/// Files beside the state file whose names start with `state.ron.corrupt-`.
fn moved_aside(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("state.ron.corrupt-"))
        })
        .collect();
    found.sort();
    found
}

fn two_scenarios() -> State {
    State {
        revision: 0,
        active: "mine".into(),
        scenarios: vec![builtin(), full_scenario("mine")],
    }
}

/// Write `bytes` as the state file, open, and check: defaults, one warning naming where the
/// file went, the moved file holds exactly the original bytes, and the store still saves.
fn expect_moved_aside(bytes: &[u8], expect_in_message: &[&str]) -> String {
    let dir = TempDir::new().unwrap();
    fs::write(state_path(dir.path()), bytes).unwrap();
    let (mut store, state, notices) = open(dir.path());
    assert_eq!(state, State::single(builtin()), "starts from the built-in");
    assert!(store.is_persistent());
    assert_eq!(notices.len(), 1, "{notices:?}");
    let notice = &notices[0];
    assert_eq!(notice.severity, Severity::Warning);
    let moved = moved_aside(dir.path());
    assert_eq!(moved.len(), 1, "exactly one file moved aside");
    let name = moved[0].file_name().unwrap().to_string_lossy().to_string();
    let stamp = name.trim_start_matches("state.ron.corrupt-");
    assert!(
        stamp.len() == 16 && stamp.ends_with('Z') && stamp.as_bytes()[8] == b'T',
        "timestamp like 20261122T053000Z: {name}"
    );
    assert!(
        notice.message.contains(&moved[0].display().to_string()),
        "{notice}"
    );
    for part in expect_in_message {
        assert!(notice.message.contains(part), "{part:?} not in {notice}");
    }
    assert_eq!(
        fs::read(&moved[0]).unwrap(),
        bytes,
        "the moved file is the original"
    );
    assert!(!state_path(dir.path()).exists());
    // The session goes on normally.
    let mut changed = state.clone();
    changed.scenarios.push(full_scenario("after"));
    assert_eq!(store.save(&changed), Ok(SaveOutcome::Saved));
    let (_, reloaded, notices) = open(dir.path());
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(reloaded.scenarios, changed.scenarios);
    notice.message.clone()
}

#[test]
fn no_file_means_the_builtin_scenario_alone() {
    let dir = TempDir::new().unwrap();
    let (mut store, state, notices) = open(dir.path());
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(state, State::single(builtin()));
    assert_eq!(state.active, "default");
    // Saving an unchanged built-in writes nothing.
    assert_eq!(store.save(&state), Ok(SaveOutcome::Saved));
    assert!(!state_path(dir.path()).exists());
}

#[test]
fn saved_state_reopens_identically() {
    let dir = TempDir::new().unwrap();
    let (mut store, _, _) = open(dir.path());
    let state = two_scenarios();
    assert_eq!(store.save(&state), Ok(SaveOutcome::Saved));
    let (_, loaded, notices) = open(dir.path());
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(loaded.scenarios, state.scenarios);
    assert_eq!(loaded.active, "mine");
    assert_eq!(loaded.revision, 1);
    // No temporary or stray files are left behind, only the file and its lock.
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert_eq!(names, ["state.ron", "state.ron.lock"]);
}

#[test]
fn a_corrupt_file_is_moved_aside_with_line_and_column() {
    let text = serialize_state(&two_scenarios()).replacen("region: \"eu\"", "region: eu\"", 1);
    let line = text.lines().position(|l| l.contains("region: eu")).unwrap() + 1;
    expect_moved_aside(text.as_bytes(), &[&format!("line {line}, column")]);
}

#[test]
fn a_truncated_file_is_moved_aside() {
    let text = serialize_state(&two_scenarios());
    let half = &text.as_bytes()[..text.len() / 2];
    expect_moved_aside(half, &["does not parse at line", "column"]);
}

#[test]
fn an_empty_file_is_moved_aside() {
    expect_moved_aside(b"", &["line 1, column 1"]);
}

#[test]
fn a_binary_file_is_moved_aside() {
    // 0xFF never occurs in UTF-8; then bytes from a fixed linear congruential sequence.
    let mut x: u32 = 12345;
    let bytes: Vec<u8> = [b'(', b'\n', 0xFF]
        .into_iter()
        .chain((0..4096).map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (x >> 16) as u8 | 0x80
        }))
        .collect();
    expect_moved_aside(&bytes, &["line 2, column 1", "not UTF-8"]);
}

#[test]
fn a_huge_file_is_moved_aside_unread() {
    let dir = TempDir::new().unwrap();
    let path = state_path(dir.path());
    let file = fs::File::create(&path).unwrap();
    // A sparse file: over the cap without writing 16 MiB.
    file.set_len(MAX_STATE_BYTES + 1).unwrap();
    drop(file);
    let (store, state, notices) = open(dir.path());
    assert!(store.is_persistent());
    assert_eq!(state, State::single(builtin()));
    assert!(notices[0].message.contains("over the"), "{}", notices[0]);
    let moved = moved_aside(dir.path());
    assert_eq!(fs::metadata(&moved[0]).unwrap().len(), MAX_STATE_BYTES + 1);
    assert!(notices[0].message.contains(&moved[0].display().to_string()));
}

#[test]
fn a_directory_in_place_of_the_file_is_moved_aside() {
    let dir = TempDir::new().unwrap();
    fs::create_dir(state_path(dir.path())).unwrap();
    let (store, state, notices) = open(dir.path());
    assert!(store.is_persistent());
    assert_eq!(state, State::single(builtin()));
    assert!(
        notices[0].message.contains("not a regular file"),
        "{}",
        notices[0]
    );
    assert!(moved_aside(dir.path())[0].is_dir());
}

#[test]
fn a_newer_file_is_left_untouched_and_the_session_does_not_save() {
    let dir = TempDir::new().unwrap();
    let path = state_path(dir.path());
    let newer = serialize_state(&two_scenarios()).replacen("version: 2,", "version: 3, x: 1,", 1);
    fs::write(&path, &newer).unwrap();
    let (mut store, state, notices) = open(dir.path());
    assert!(!store.is_persistent());
    assert_eq!(notices.len(), 1);
    assert!(
        notices[0].message.contains("newer tierwise"),
        "{}",
        notices[0]
    );
    assert!(store.not_persistent_reason().unwrap().contains("version 3"));
    // Its known parts are shown.
    assert_eq!(state.scenarios, two_scenarios().scenarios);
    let mut changed = state.clone();
    changed.scenarios.pop();
    assert_eq!(store.save(&changed), Ok(SaveOutcome::NotPersistent));
    assert_eq!(fs::read_to_string(&path).unwrap(), newer, "bytes unchanged");
    assert!(moved_aside(dir.path()).is_empty());
}

#[test]
fn an_uncreatable_directory_means_an_in_memory_session() {
    let dir = TempDir::new().unwrap();
    // A directory under a regular file cannot be created, even by root.
    let blocker = dir.path().join("not-a-dir");
    fs::write(&blocker, b"x").unwrap();
    let home = blocker.join("tierwise");
    let (mut store, state, notices) = open(&home);
    assert!(!store.is_persistent());
    assert_eq!(state, State::single(builtin()));
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].severity, Severity::Warning);
    assert!(notices[0].message.contains("in memory"), "{}", notices[0]);
    assert!(notices[0].message.contains(&home.display().to_string()));
    assert_eq!(store.save(&two_scenarios()), Ok(SaveOutcome::NotPersistent));
    assert_eq!(fs::read(&blocker).unwrap(), b"x");
}

#[cfg(unix)]
#[test]
fn a_read_only_directory_means_an_in_memory_session() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    let home = dir.path().join("home");
    fs::create_dir(&home).unwrap();
    fs::set_permissions(&home, fs::Permissions::from_mode(0o500)).unwrap();
    let root_can_write = fs::write(home.join("probe"), b"").is_ok();
    let (store, _, notices) = open(&home);
    if root_can_write {
        // Running as root: permissions do not stop writes, so the directory is writable.
        eprintln!("skipped the read-only assertion: this process can write a 0500 directory");
        assert!(store.is_persistent());
    } else {
        assert!(!store.is_persistent());
        assert!(notices[0].message.contains("not writable"), "{notices:?}");
    }
    fs::set_permissions(&home, fs::Permissions::from_mode(0o700)).unwrap();
}

#[test]
fn a_crash_between_write_and_rename_leaves_the_old_state() {
    let dir = TempDir::new().unwrap();
    let (mut store, _, _) = open(dir.path());
    let old = two_scenarios();
    store.save(&old).unwrap();
    let before = fs::read(state_path(dir.path())).unwrap();
    // The first step of a save, then the process "dies": the temporary file stays behind.
    let mut new = old.clone();
    new.scenarios.remove(0);
    let temp = write_temp(dir.path(), serialize_state(&new).as_bytes()).unwrap();
    assert!(temp.exists());
    assert_eq!(fs::read(state_path(dir.path())).unwrap(), before);
    let (_, loaded, notices) = open(dir.path());
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(loaded.scenarios, old.scenarios, "the old state is loaded");
    assert!(!temp.exists(), "the leftover temporary file is cleaned up");
}

#[test]
fn the_two_steps_of_a_save_replace_the_file_whole() {
    let dir = TempDir::new().unwrap();
    let target = state_path(dir.path());
    fs::write(&target, b"old").unwrap();
    let temp = write_temp(dir.path(), b"new").unwrap();
    assert_eq!(
        fs::read(&target).unwrap(),
        b"old",
        "nothing changes before the rename"
    );
    commit(&temp, &target).unwrap();
    assert_eq!(fs::read(&target).unwrap(), b"new");
    assert!(!temp.exists());
}

#[test]
fn a_file_corrupted_during_the_session_is_set_aside_at_save() {
    let dir = TempDir::new().unwrap();
    let (mut store, _, _) = open(dir.path());
    store.save(&two_scenarios()).unwrap();
    fs::write(state_path(dir.path()), b"(version: 2, scen").unwrap();
    let mut next = two_scenarios();
    next.active = "default".into();
    match store.save(&next) {
        Ok(SaveOutcome::ReplacedUnreadable { moved_to, reason }) => {
            assert!(reason.contains("line 1"), "{reason}");
            assert_eq!(fs::read(moved_to).unwrap(), b"(version: 2, scen");
        }
        other => panic!("expected the bad file replaced, got {other:?}"),
    }
    assert_eq!(open(dir.path()).1.active, "default");
}

#[test]
fn duplicate_names_and_control_characters_are_repaired_at_load() {
    let dir = TempDir::new().unwrap();
    let mut evil = full_scenario("mine");
    evil.name = "mi\u{202E}ne\u{7}".into();
    evil.notes = "keep\nthis\u{1b}[31m".into();
    let state = State {
        revision: 4,
        active: "gone".into(),
        scenarios: vec![full_scenario("mine"), evil],
    };
    fs::write(state_path(dir.path()), serialize_state(&state)).unwrap();
    let (_, loaded, notices) = open(dir.path());
    let names: Vec<&str> = loaded.scenarios.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["mine", "mine (2)"]);
    assert_eq!(loaded.scenarios[1].notes, "keep\nthis[31m");
    assert_eq!(
        loaded.active, "mine",
        "a stale active name falls back to the first"
    );
    assert!(
        notices.iter().any(|n| n.message.contains("mine (2)")),
        "{notices:?}"
    );
}

#[test]
fn in_memory_sessions_say_why() {
    let (store, state, notices): (Store, State, Vec<Notice>) =
        Store::in_memory(builtin(), "no home directory found".into());
    assert!(!store.is_persistent());
    assert_eq!(state.scenarios.len(), 1);
    assert!(notices[0].message.starts_with("no home directory found; "));
}

#[test]
fn a_version_one_file_is_upgraded_and_rewritten_at_the_next_save() {
    let dir = TempDir::new().unwrap();
    let v1 = include_str!("fixtures/state-v1.ron");
    fs::write(state_path(dir.path()), v1).unwrap();
    let (mut store, state, notices) = open(dir.path());
    assert!(store.is_persistent());
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].severity, Severity::Info);
    assert!(
        notices[0]
            .message
            .contains("upgraded from state version 1 to 2")
    );
    assert_eq!(state.active, "Clinic pilot");
    // Opening alone does not rewrite the file.
    assert_eq!(fs::read_to_string(state_path(dir.path())).unwrap(), v1);
    let mut changed = state.clone();
    changed.scenarios[0].notes = "checked".into();
    assert_eq!(store.save(&changed), Ok(SaveOutcome::Saved));
    let text = fs::read_to_string(state_path(dir.path())).unwrap();
    assert!(
        text.contains("version: 2,") && text.contains("api_models:"),
        "{text}"
    );
    let (_, reloaded, notices) = open(dir.path());
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(reloaded.scenarios, changed.scenarios);
}

#[test]
fn a_newer_file_written_during_the_session_stops_saving() {
    let dir = TempDir::new().unwrap();
    let (mut store, _, _) = open(dir.path());
    store.save(&two_scenarios()).unwrap();
    let newer = serialize_state(&two_scenarios()).replacen("version: 2,", "version: 3,", 1);
    fs::write(state_path(dir.path()), &newer).unwrap();
    let mut next = two_scenarios();
    next.scenarios.pop();
    let err = store.save(&next).unwrap_err();
    assert!(err.to_string().contains("newer tierwise"), "{err}");
    assert!(!store.is_persistent());
    assert_eq!(store.save(&next), Ok(SaveOutcome::NotPersistent));
    assert_eq!(fs::read_to_string(state_path(dir.path())).unwrap(), newer);
}
