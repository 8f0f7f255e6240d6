use super::*;

fn file(feed: Feed, body: &str) -> NewFile {
    NewFile {
        feed,
        address: format!("http://127.0.0.1/{}", feed.file_name()),
        fetched_at: "2026-12-04T10:15:00Z".into(),
        body: body.as_bytes().to_vec(),
    }
}

fn generations(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(GENERATION_PREFIX))
        .collect();
    names.sort();
    names
}

#[test]
fn nothing_stored_reads_as_none() {
    let home = tempfile::tempdir().unwrap();
    assert_eq!(Updates::new(home.path()).read(), Ok(None));
}

#[test]
fn a_commit_reads_back_with_date_address_and_text() {
    let home = tempfile::tempdir().unwrap();
    let updates = Updates::new(home.path());
    let locked = updates.lock().unwrap();
    let manifest = locked
        .commit(
            &[
                file(Feed::ModelsDev, "{\"a\":1}"),
                file(Feed::Litellm, "{}"),
            ],
            None,
        )
        .unwrap();
    drop(locked);
    let snap = updates.read().unwrap().expect("stored");
    assert_eq!(snap.manifest, manifest);
    assert_eq!(snap.text(Feed::ModelsDev), Some("{\"a\":1}"));
    assert_eq!(snap.text(Feed::Litellm), Some("{}"));
    let md = snap.manifest.file(Feed::ModelsDev).unwrap();
    assert_eq!(md.date(), "2026-12-04");
    assert_eq!(md.address, "http://127.0.0.1/models-dev-api.json");
    assert_eq!(md.bytes, 7);
    assert_eq!(generations(updates.dir()).len(), 1);
}

#[test]
fn a_second_commit_replaces_the_first_and_removes_its_files() {
    let home = tempfile::tempdir().unwrap();
    let updates = Updates::new(home.path());
    let locked = updates.lock().unwrap();
    let first = locked
        .commit(&[file(Feed::ModelsDev, "old")], None)
        .unwrap();
    let second = locked
        .commit(&[file(Feed::ModelsDev, "new")], None)
        .unwrap();
    assert_ne!(first.generation, second.generation);
    assert_eq!(generations(updates.dir()), vec![second.generation.clone()]);
    drop(locked);
    let snap = updates.read().unwrap().unwrap();
    assert_eq!(snap.text(Feed::ModelsDev), Some("new"));
}

#[test]
fn a_commit_that_died_before_the_manifest_leaves_the_old_data() {
    let home = tempfile::tempdir().unwrap();
    let updates = Updates::new(home.path());
    let locked = updates.lock().unwrap();
    locked
        .commit(&[file(Feed::ModelsDev, "old")], None)
        .unwrap();
    // What a crash after writing the new generation but before the manifest leaves behind:
    // a second generation folder and a temporary manifest.
    let orphan = updates.dir().join("gen-20991231T000000Z-1.0");
    fs::create_dir_all(&orphan).unwrap();
    fs::write(orphan.join(Feed::ModelsDev.file_name()), "new").unwrap();
    let temp = updates.dir().join(format!("{TEMP_PREFIX}1.0{TEMP_SUFFIX}"));
    fs::write(&temp, "half a manifest").unwrap();
    assert_eq!(
        updates.read().unwrap().unwrap().text(Feed::ModelsDev),
        Some("old")
    );
    // The next commit clears what the crash left.
    let m = locked
        .commit(&[file(Feed::ModelsDev, "newer")], None)
        .unwrap();
    assert_eq!(generations(updates.dir()), vec![m.generation]);
    assert!(!temp.exists());
}

#[test]
fn a_damaged_file_is_refused_with_its_path() {
    let home = tempfile::tempdir().unwrap();
    let updates = Updates::new(home.path());
    let m = updates
        .lock()
        .unwrap()
        .commit(&[file(Feed::Litellm, "{\"x\": 1}")], None)
        .unwrap();
    let path = updates
        .dir()
        .join(&m.generation)
        .join(Feed::Litellm.file_name());
    fs::write(&path, "{\"x\": 2}").unwrap();
    let err = updates.read().unwrap_err();
    assert!(err.contains("litellm-model-prices.json"), "{err}");
    assert!(err.contains("damaged"), "{err}");
}

#[test]
fn a_newer_manifest_is_not_read() {
    let home = tempfile::tempdir().unwrap();
    let updates = Updates::new(home.path());
    fs::create_dir_all(updates.dir()).unwrap();
    fs::write(
        updates.dir().join(MANIFEST_FILE),
        "(version: 9, generation: \"gen-x\", files: [])",
    )
    .unwrap();
    let err = updates.read().unwrap_err();
    assert!(err.contains("newer tierwise"), "{err}");
}

#[test]
fn a_manifest_cannot_point_outside_its_folder() {
    let home = tempfile::tempdir().unwrap();
    let updates = Updates::new(home.path());
    fs::create_dir_all(updates.dir()).unwrap();
    fs::write(
        updates.dir().join(MANIFEST_FILE),
        "(version: 1, generation: \"../..\", files: [])",
    )
    .unwrap();
    assert!(updates.read().unwrap_err().contains("not valid"));
}

#[test]
fn reset_removes_everything_and_reports_what_was_there() {
    let home = tempfile::tempdir().unwrap();
    let updates = Updates::new(home.path());
    let locked = updates.lock().unwrap();
    assert_eq!(locked.reset(), Ok(None));
    let m = locked.commit(&[file(Feed::ModelsDev, "x")], None).unwrap();
    assert_eq!(locked.reset(), Ok(Some(m)));
    drop(locked);
    assert_eq!(updates.read(), Ok(None));
    assert!(generations(updates.dir()).is_empty());
}

#[test]
fn timestamps_and_checksums_have_fixed_shapes() {
    assert_eq!(iso_from_stamp("20261204T101500Z"), "2026-12-04T10:15:00Z");
    assert_eq!(now_iso().len(), 20);
    assert_eq!(checksum(b""), "cbf29ce484222325");
    assert_ne!(checksum(b"a"), checksum(b"b"));
}

#[test]
fn a_built_catalogue_is_used_only_by_the_program_that_built_it() {
    use crate::update::derived::Stored;
    let home = tempfile::tempdir().unwrap();
    let updates = Updates::new(home.path());
    assert_eq!(updates.read_built("me"), Ok(Stored::None));
    let built = NewDerived {
        built_on: "me".into(),
        body: b"compact".to_vec(),
    };
    let m = updates
        .lock()
        .unwrap()
        .commit(&[file(Feed::ModelsDev, "x")], Some(&built))
        .unwrap();
    assert_eq!(
        updates.read_built("me"),
        Ok(Stored::Built(m.clone(), b"compact".to_vec()))
    );
    assert_eq!(
        updates.read_built("another build"),
        Ok(Stored::Unbuilt(m.clone()))
    );
    // Another build keeps its own for the next start.
    let theirs = NewDerived {
        built_on: "another build".into(),
        body: b"theirs".to_vec(),
    };
    updates.keep_built(&m.generation, &theirs);
    assert!(
        matches!(updates.read_built("another build"), Ok(Stored::Built(_, b)) if b == b"theirs")
    );
    // Not for a generation that has been replaced, and not while an update holds the lock.
    let locked = updates.lock().unwrap();
    updates.keep_built(&m.generation, &built);
    assert!(matches!(updates.read_built("me"), Ok(Stored::Unbuilt(_))));
    let newer = locked.commit(&[file(Feed::ModelsDev, "y")], None).unwrap();
    drop(locked);
    updates.keep_built(&m.generation, &built);
    assert_eq!(updates.read_built("me"), Ok(Stored::Unbuilt(newer)));
    // A damaged built file is passed over, not trusted.
    let m = updates
        .lock()
        .unwrap()
        .commit(&[file(Feed::ModelsDev, "z")], Some(&built))
        .unwrap();
    let path = updates
        .dir()
        .join(&m.generation)
        .join(crate::update::derived::DERIVED_FILE);
    fs::write(path, b"tampered").unwrap();
    assert_eq!(updates.read_built("me"), Ok(Stored::Unbuilt(m)));
}
