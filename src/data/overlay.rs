//! The user's own data: `models.ron`, `gpus.ron` and `rules.ron` in the config directory add
//! entries or override fields by id (a negotiated price, a private fine-tune, a house rule).
//!
//! A user file is read with a size limit, parsed with unknown fields refused at every level,
//! cleaned of control characters, merged, then validated like the embedded data. A file with
//! any problem is skipped whole: its problems become notices (file:line:column: what is wrong)
//! and the embedded data is used. A figure from a user file cites a source of kind
//! [`SourceKind::User`], which is how the detail view marks it as the user's own.

mod locate;
mod merge;
pub mod patch;

use super::{DataError, embedded_catalog, embedded_rules, embedded_use_cases};
use crate::domain::catalog::{Catalog, Figure, Source, SourceKind};
use crate::domain::rules::RuleBook;
use crate::domain::usecase::UseCase;
use crate::domain::validate::{Problem, validate};
use crate::update::in_use::DataInUse;
use merge::Counts;
use patch::{Clean, GpuPatch, ModelPatch, RulesPatch};
use serde::de::DeserializeOwned;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest user file read; anything longer is refused unread.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// Nesting deeper than this is refused by the parser (the embedded files need far less).
pub const RECURSION_LIMIT: usize = 64;
/// A file with more problems than this lists the first ones and a count of the rest.
const MAX_PROBLEMS: usize = 20;
/// The environment variable that moves the state file and the user's data files.
pub const HOME_VAR: &str = "TIERWISE_HOME";

/// Which kind of user file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Models,
    Gpus,
    Rules,
}

impl Kind {
    /// In the order they are applied.
    pub const ALL: [Kind; 3] = [Kind::Models, Kind::Gpus, Kind::Rules];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Models => "models",
            Kind::Gpus => "gpus",
            Kind::Rules => "rules",
        }
    }

    pub fn file_name(self) -> &'static str {
        match self {
            Kind::Models => "models.ron",
            Kind::Gpus => "gpus.ron",
            Kind::Rules => "rules.ron",
        }
    }

    pub fn parse(text: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// The kind a file's name says: `models.ron`, `gpus.ron` or `rules.ron`.
    pub fn from_path(path: &Path) -> Option<Kind> {
        let name = path.file_name()?.to_str()?;
        Kind::ALL.into_iter().find(|k| k.file_name() == name)
    }

    /// Id of the source that figures from this kind of user file cite.
    pub fn source_id(self) -> &'static str {
        match self {
            Kind::Models => "user-models",
            Kind::Gpus => "user-gpus",
            Kind::Rules => "user-rules",
        }
    }
}

/// The data the app runs on: embedded, with every sound user file applied.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub catalog: Catalog,
    pub rules: RuleBook,
    pub use_cases: Vec<UseCase>,
    /// One line each: a user file's problem, or that the file was skipped.
    pub notices: Vec<String>,
    /// Which price data is under the user's files: embedded, or fetched by `tierwise update`.
    pub data: DataInUse,
}

/// What a sound user file adds and overrides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// The file as shown in messages.
    pub file: String,
    pub kind: Kind,
    pub new: usize,
    pub overrides: usize,
}

impl Summary {
    pub fn entries(&self) -> usize {
        self.new + self.overrides
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        write!(
            f,
            "{}: {} ({} new, {}), valid",
            self.file,
            plural(self.entries(), "entry", "entries"),
            self.new,
            plural(self.overrides, "override", "overrides"),
        )
    }
}

/// `$TIERWISE_HOME` when set, else the platform's config directory for tierwise.
pub fn config_dir() -> Option<PathBuf> {
    match std::env::var_os(HOME_VAR) {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => directories::ProjectDirs::from("", "", "tierwise").map(|d| d.config_dir().to_owned()),
    }
}

/// The path as messages show it: the home directory abbreviated to `~`.
pub fn shown_path(path: &Path) -> String {
    let home = directories::BaseDirs::new().map(|b| b.home_dir().to_owned());
    let text = match home.as_deref().and_then(|h| path.strip_prefix(h).ok()) {
        Some(rest) if !rest.as_os_str().is_empty() => format!("~/{}", rest.display()),
        _ => path.display().to_string(),
    };
    patch::clean_text(&text)
}

/// Why a file could not be read; `NotFound` is no file at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    NotFound,
    Refused(String),
}

/// Read a regular file of at most [`MAX_FILE_BYTES`] as UTF-8 text.
pub fn read_capped(path: &Path) -> Result<String, ReadError> {
    let refuse = |m: String| ReadError::Refused(m);
    // Checked before opening: opening a FIFO would wait for a writer, and a device such as
    // /dev/zero reports size 0 however much it yields.
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound,
        _ => refuse(format!("cannot be read: {e}")),
    })?;
    if !meta.is_file() {
        return Err(refuse("is not a regular file".into()));
    }
    let file = std::fs::File::open(path).map_err(|e| refuse(format!("cannot be read: {e}")))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| refuse(format!("cannot be read: {e}")))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(refuse(format!(
            "is larger than the limit of {} KiB for a user file",
            MAX_FILE_BYTES / 1024
        )));
    }
    if bytes.contains(&0) {
        return Err(refuse(
            "holds binary data (NUL bytes); expected RON text".into(),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        refuse(format!(
            "is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

fn parse<T: DeserializeOwned + Clean>(shown: &str, text: &str) -> Result<T, Vec<String>> {
    let options = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT);
    let mut value: T = options.from_str(text).map_err(|e| {
        vec![format!(
            "{shown}:{}:{}: {}",
            e.span.start.line,
            e.span.start.col,
            patch::clean_text(&e.code.to_string())
        )]
    })?;
    value.clean();
    Ok(value)
}

/// Problems as lines: `file:line:column: path: message`, at most [`MAX_PROBLEMS`] of them.
fn located(shown: &str, text: &str, problems: &[Problem]) -> Vec<String> {
    let mut lines: Vec<String> = problems
        .iter()
        .take(MAX_PROBLEMS)
        .map(|p| {
            let at =
                locate::split_path(&p.path).and_then(|(id, field)| locate::locate(text, id, field));
            match at {
                Some((line, col)) => format!("{shown}:{line}:{col}: {p}"),
                None => format!("{shown}: {p}"),
            }
        })
        .collect();
    if problems.len() > MAX_PROBLEMS {
        lines.push(format!(
            "{shown}: {} more problem(s) not shown",
            problems.len() - MAX_PROBLEMS
        ));
    }
    lines
}

/// The source a user file's figures cite.
pub fn user_source(kind: Kind, shown: &str) -> Source {
    Source {
        id: kind.source_id().into(),
        title: format!("Your own data ({shown})"),
        publisher: "you".into(),
        date: "local".into(),
        kind: SourceKind::User,
        reference: Some(shown.to_string()),
    }
}

/// Apply one file's text; on any problem nothing changes and the problems are returned.
fn apply_text(
    kind: Kind,
    shown: &str,
    text: &str,
    catalog: &mut Catalog,
    rules: &mut RuleBook,
) -> Result<Counts, Vec<String>> {
    let user = kind.source_id();
    let mut next = catalog.clone();
    next.sources.retain(|s| s.id != user);
    next.sources.push(user_source(kind, shown));
    let (counts, mut problems) = match kind {
        Kind::Models => {
            let patches: Vec<ModelPatch> = parse(shown, text)?;
            merge::apply_models(&mut next, patches, user)
        }
        Kind::Gpus => {
            let patches: Vec<GpuPatch> = parse(shown, text)?;
            merge::apply_gpus(&mut next, patches, user)
        }
        Kind::Rules => {
            let patch: RulesPatch = parse(shown, text)?;
            let mut book = rules.clone();
            let known = next.sources.iter().map(|s| s.id.as_str()).collect();
            let (counts, problems) = merge::apply_rules(&mut book, patch, user, &known);
            if problems.is_empty() {
                *rules = book;
            }
            (counts, problems)
        }
    };
    if kind != Kind::Rules {
        problems.extend(validate(&next));
    }
    if problems.is_empty() {
        *catalog = next;
        Ok(counts)
    } else {
        Err(located(shown, text, &problems))
    }
}

/// Check a user file's text against the embedded data, exactly as the app applies it.
pub fn check_text(kind: Kind, shown: &str, text: &str) -> Result<Summary, Vec<String>> {
    let failed = |e: DataError| vec![format!("the embedded database did not load: {e}")];
    let catalog = embedded_catalog().map_err(failed)?;
    let rules = embedded_rules(&catalog).map_err(failed)?;
    check_text_on(&catalog, &rules, kind, shown, text)
}

/// Check a user file's text against the given data, which is left unchanged.
pub fn check_text_on(
    catalog: &Catalog,
    rules: &RuleBook,
    kind: Kind,
    shown: &str,
    text: &str,
) -> Result<Summary, Vec<String>> {
    let (mut catalog, mut rules) = (catalog.clone(), rules.clone());
    let counts = apply_text(kind, shown, text, &mut catalog, &mut rules)?;
    Ok(Summary {
        file: shown.to_string(),
        kind,
        new: counts.new,
        overrides: counts.overrides,
    })
}

/// Read and check one user file; the path is shown as given.
pub fn check_file(path: &Path, kind: Kind) -> Result<Summary, Vec<String>> {
    let shown = patch::clean_text(&path.display().to_string());
    let text = read_capped(path).map_err(|e| match e {
        ReadError::NotFound => vec![format!("{shown}: no such file")],
        ReadError::Refused(why) => vec![format!("{shown}: {why}")],
    })?;
    check_text(kind, &shown, &text)
}

/// The embedded data with every sound user file in `dir` applied; `None` uses no overlay.
/// Fails only when the embedded data itself does not load, which the tests rule out.
pub fn load_with_overlays(dir: Option<&Path>) -> Result<Loaded, DataError> {
    load_on(embedded_catalog()?, dir)
}

/// `catalog` (the embedded data, or it with fetched prices) with every sound user file in
/// `dir` applied, and the embedded rules and use cases.
pub fn load_on(mut catalog: Catalog, dir: Option<&Path>) -> Result<Loaded, DataError> {
    let mut rules = embedded_rules(&catalog)?;
    let use_cases = embedded_use_cases(&catalog)?;
    let mut notices = Vec::new();
    for kind in Kind::ALL {
        let Some(dir) = dir else { break };
        let path = dir.join(kind.file_name());
        let shown = shown_path(&path);
        let outcome = match read_capped(&path) {
            Err(ReadError::NotFound) => continue,
            Err(ReadError::Refused(why)) => Err(vec![format!("{shown}: {why}")]),
            Ok(text) => apply_text(kind, &shown, &text, &mut catalog, &mut rules),
        };
        if let Err(problems) = outcome {
            notices.extend(problems);
            notices.push(format!(
                "{shown}: not applied; the built-in {} are used",
                kind.as_str()
            ));
        }
    }
    Ok(Loaded {
        catalog,
        rules,
        use_cases,
        notices,
        data: DataInUse::Embedded,
    })
}

/// Whether a figure comes from the user's own file (cites a source of kind User).
pub fn is_user_figure<T>(catalog: &Catalog, figure: &Figure<T>) -> bool {
    figure.sources.iter().any(|id| {
        catalog
            .source(id)
            .is_some_and(|s| s.kind == SourceKind::User)
    })
}

#[cfg(test)]
mod tests;
