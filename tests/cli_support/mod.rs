//! Helpers shared by the CLI tests: run the real binary and parse what it prints.
#![allow(dead_code)]

use std::process::Command;

pub struct Outcome {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Run `tierwise` with these arguments.
pub fn tierwise(args: &[&str]) -> Outcome {
    outcome(Command::new(env!("CARGO_BIN_EXE_tierwise")).args(args))
}

/// Run `tierwise` with its home in `home`, so no user file or saved state leaks in.
pub fn tierwise_in(home: &std::path::Path, args: &[&str]) -> Outcome {
    outcome(
        Command::new(env!("CARGO_BIN_EXE_tierwise"))
            .args(args)
            .env("TIERWISE_HOME", home),
    )
}

fn outcome(command: &mut Command) -> Outcome {
    let out = command.output().expect("the tierwise binary runs");
    Outcome {
        code: out.status.code().expect("exited with a code, not a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// [`tierwise_in`], expect success, parse stdout as JSON.
pub fn json_in(home: &std::path::Path, args: &[&str]) -> serde_json::Value {
    let out = tierwise_in(home, args);
    assert_eq!(out.code, 0, "{args:?} failed: {}", out.stderr);
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{args:?}: bad JSON: {e}"))
}

/// Run, expect success, parse stdout as JSON.
pub fn json(args: &[&str]) -> serde_json::Value {
    let out = tierwise(args);
    assert_eq!(out.code, 0, "{args:?} failed: {}", out.stderr);
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{args:?}: bad JSON: {e}"))
}

/// Expect exit 2 and exactly one stderr line starting with `error:`; return that line.
pub fn usage_error(args: &[&str]) -> String {
    let out = tierwise(args);
    assert_eq!(
        out.code, 2,
        "{args:?} should exit 2; stderr: {}",
        out.stderr
    );
    assert!(
        out.stdout.is_empty(),
        "{args:?} printed to stdout: {}",
        out.stdout
    );
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "{args:?} should print one line: {:?}",
        out.stderr
    );
    assert!(lines[0].starts_with("error: "), "{args:?}: {}", lines[0]);
    lines[0].to_string()
}

/// Model ids in a `models --format json` answer.
pub fn ids(doc: &serde_json::Value) -> Vec<String> {
    doc.as_array()
        .expect("an array of models")
        .iter()
        .map(|m| m["id"].as_str().expect("id is a string").to_string())
        .collect()
}

/// A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => {
                assert!(field.is_empty(), "quote inside an unquoted field");
                quoted = true;
            }
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, '\n') => panic!("bare LF outside quotes: records must end with CRLF"),
            (false, c) => field.push(c),
        }
    }
    assert!(
        !quoted && field.is_empty() && record.is_empty(),
        "unterminated last record"
    );
    records
}
