//! `tierwise update`: fetch models.dev's and LiteLLM's price data on request, check it with the
//! importer's checks, show what it changes, and keep it in the data directory (or, with
//! `--reset`, go back to the embedded data). The only command that uses the network.

use super::errors::CliError;
use crate::data::overlay::patch::clean_text;
use crate::data::updated::{self, FeedText};
use crate::domain::catalog::Catalog;
use crate::domain::catalog_diff::{CatalogDiff, diff};
use crate::update::Feed;
use crate::update::address::{Address, Origin, ProxyEnv, check};
use crate::update::fetch::{DEFAULT_LIMITS, Limits, fetch};
use crate::update::progress::{StderrProgress, megabytes};
use crate::update::stored::{Manifest, NewFile, Snapshot, Updates, now_iso};
use clap::Args;
use std::fmt::Write as _;
use std::time::Duration;

#[derive(Debug, Clone, Args)]
pub struct UpdateArgs {
    /// Where to fetch models.dev's api.json [default: https://models.dev/api.json]
    #[arg(long, value_name = "URL")]
    pub models_dev_url: Option<String>,

    /// Where to fetch LiteLLM's price map [default: its file in the BerriAI/litellm repository]
    #[arg(long, value_name = "URL")]
    pub litellm_url: Option<String>,

    /// Show what would change, store nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Forget the fetched data and use the embedded data again (no network)
    #[arg(long, conflicts_with_all = ["models_dev_url", "litellm_url"])]
    pub reset: bool,

    /// Give up on a download after this many seconds
    #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_LIMITS.total.as_secs(),
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,
}

/// Run the command; the text is what goes to stdout.
pub fn run(args: &UpdateArgs) -> Result<String, CliError> {
    let data_dir = crate::store::state_dir().map_err(CliError::Failure)?;
    let updates = Updates::new(&data_dir);
    let embedded = crate::data::embedded_catalog()
        .map_err(|e| CliError::Failure(format!("the embedded database did not load: {e}")))?;
    if args.reset {
        return reset(&updates, &embedded, args.dry_run);
    }
    let targets = addresses(args)?;
    let limits = Limits {
        total: Duration::from_secs(args.timeout),
        ..DEFAULT_LIMITS
    };
    let proxies = ProxyEnv::from_env();
    let mut progress = StderrProgress::new();
    let mut files = Vec::new();
    for (feed, address) in &targets {
        let got = fetch(feed.label(), address, &proxies, &limits, &mut progress)
            .map_err(CliError::Failure)?;
        files.push(NewFile {
            feed: *feed,
            address: got.from,
            fetched_at: now_iso(),
            body: got.body,
        });
    }
    let mut out = String::new();
    let texts = checked_texts(&files, &mut out)?;
    let fresh = updated::apply(&embedded, &texts).map_err(CliError::Failure)?;

    let locked = updates.lock().map_err(CliError::Failure)?;
    let (before, in_use) = current(&embedded, locked.read());
    let changes = diff(&before, &fresh);
    write_changes(&mut out, &changes, &in_use);
    if args.dry_run {
        out.push_str("dry run: nothing was stored; the data in use is unchanged\n");
    } else {
        let built = updated::program_identity().and_then(|id| updated::built(&fresh, &id));
        let manifest = locked
            .commit(&files, built.as_ref())
            .map_err(CliError::Failure)?;
        let _ = writeln!(
            out,
            "stored in {}; `tierwise update --reset` returns to the embedded data",
            updates.dir().join(&manifest.generation).display()
        );
    }
    Ok(out)
}

/// The addresses to fetch, checked: the defaults are HTTPS, the command line's may be HTTP.
fn addresses(args: &UpdateArgs) -> Result<Vec<(Feed, Address)>, CliError> {
    Feed::ALL
        .into_iter()
        .map(|feed| {
            let given = match feed {
                Feed::ModelsDev => args.models_dev_url.as_deref(),
                Feed::Litellm => args.litellm_url.as_deref(),
            };
            let address = match given {
                Some(text) => check(text, Origin::CommandLine),
                None => check(feed.default_address(), Origin::Default),
            }
            .map_err(CliError::Input)?;
            Ok((feed, address))
        })
        .collect()
}

/// Each download as text that passed the importer's checks; the error names the address.
fn checked_texts<'a>(
    files: &'a [NewFile],
    out: &mut String,
) -> Result<Vec<FeedText<'a>>, CliError> {
    let mut texts = Vec::new();
    for file in files {
        let text = std::str::from_utf8(&file.body).map_err(|e| {
            CliError::Failure(format!(
                "{}: the answer is not UTF-8 text (byte {})",
                file.address,
                e.valid_up_to()
            ))
        })?;
        let feed = FeedText {
            feed: file.feed,
            text,
            date: file
                .fetched_at
                .get(..10)
                .unwrap_or(&file.fetched_at)
                .to_string(),
            address: file.address.clone(),
        };
        let summary = updated::check_feed(&feed)
            .map_err(|why| CliError::Failure(format!("{}: {why}", file.address)))?;
        let _ = writeln!(
            out,
            "{}: {} ({}), fetched {} from {}",
            file.feed.label(),
            summary,
            megabytes(file.body.len() as u64),
            feed.date,
            clean_text(&file.address)
        );
        texts.push(feed);
    }
    Ok(texts)
}

/// The catalogue in use before this update, and how to name it.
fn current(embedded: &Catalog, stored: Result<Option<Snapshot>, String>) -> (Catalog, String) {
    let snapshot = match stored {
        Ok(Some(s)) => s,
        Ok(None) => return (embedded.clone(), "the embedded data".into()),
        Err(why) => {
            return (
                embedded.clone(),
                format!("the embedded data (the stored update is unusable: {why})"),
            );
        }
    };
    let texts = updated::snapshot_texts(&snapshot);
    match updated::apply(embedded, &texts) {
        Ok(catalog) => (catalog, describe(&snapshot.manifest)),
        Err(why) => (
            embedded.clone(),
            format!("the embedded data (the stored update no longer applies: {why})"),
        ),
    }
}

/// `the update fetched 2026-12-04 (models.dev, LiteLLM)`.
fn describe(manifest: &Manifest) -> String {
    let dates: Vec<String> = manifest
        .files
        .iter()
        .map(|f| format!("{} {}", f.feed.label(), f.date()))
        .collect();
    format!("the update fetched {}", dates.join(", "))
}

fn write_changes(out: &mut String, changes: &CatalogDiff, against: &str) {
    let _ = writeln!(
        out,
        "changes against {}: {}",
        clean_text(against),
        changes.summary()
    );
    for line in changes.lines() {
        let _ = writeln!(out, "  {}", clean_text(&line));
    }
}

fn reset(updates: &Updates, embedded: &Catalog, dry_run: bool) -> Result<String, CliError> {
    let locked = updates.lock().map_err(CliError::Failure)?;
    let stored = locked.read();
    let Ok(Some(_)) = &stored else {
        if let Err(why) = &stored
            && !dry_run
        {
            locked.reset().map_err(CliError::Failure)?;
            return Ok(format!(
                "removed an unusable stored update ({}); the embedded data is in use\n",
                clean_text(why)
            ));
        }
        return Ok("no fetched data is stored; the embedded data is in use\n".into());
    };
    let (before, in_use) = current(embedded, stored);
    let mut out = String::new();
    write_changes(&mut out, &diff(&before, embedded), &in_use);
    if dry_run {
        out.push_str("dry run: the fetched data is still stored and in use\n");
    } else {
        locked.reset().map_err(CliError::Failure)?;
        out.push_str("removed the fetched data; the embedded data is in use\n");
    }
    Ok(out)
}
