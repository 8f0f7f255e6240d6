//! Measure the release binary from outside, the way a user meets it: started in a
//! pseudo-terminal, its output read through a terminal emulator (vt100).
//!
//!     cargo run --release --example measure [-- --runs 20 --rounds 3 --trace --binary PATH]
//!
//! Builds `tierwise` in release mode first (unless `--binary` names one to measure), then at 80x24 and 250x70 measures: the time to the
//! first full catalogue screen (median of `--runs` starts, each with a fresh data directory),
//! key-to-screen latency over a script touching every pane (`--rounds` times), bytes per
//! keystroke, bytes and CPU while idle for 5 s, peak memory, and the time from SIGHUP to exit
//! with the state saved. Prints each figure beside its budget; exits 1 when one is missed.
//! Linux only (it reads /proc).

mod procfs;
mod report;
mod script;
mod session;
mod stats;

use report::{Sample, SizeReport};
use session::Session;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Duration;

pub const SIZES: [(u16, u16); 2] = [(80, 24), (250, 70)];
/// The catalogue's status line: drawn once the table is.
const STATUS: &str = " models · sorted by ";
const PATIENCE: Duration = Duration::from_secs(5);
const IDLE: Duration = Duration::from_secs(5);

struct Options {
    runs: usize,
    rounds: usize,
    trace: bool,
    binary: Option<PathBuf>,
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(o) => o,
        Err(e) => {
            eprintln!(
                "error: {e}\nusage: measure [--runs N] [--rounds N] [--trace] [--binary PATH]"
            );
            return ExitCode::from(2);
        }
    };
    match run(&options) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        runs: 20,
        rounds: 3,
        trace: false,
        binary: None,
    };
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Result<usize, String> {
            let v = args.next().ok_or(format!("{name} needs a number"))?;
            match v.parse() {
                Ok(n) if n > 0 => Ok(n),
                _ => Err(format!("{name}: `{v}` is not a whole number above 0")),
            }
        };
        match arg.as_str() {
            "--runs" => options.runs = number("--runs")?,
            "--rounds" => options.rounds = number("--rounds")?,
            "--trace" => options.trace = true,
            "--binary" => {
                let path = args.next().ok_or("--binary needs a path")?;
                // Absolute: the pty's spawn looks a relative name up in PATH.
                let full = std::fs::canonicalize(&path).map_err(|e| format!("{path}: {e}"))?;
                options.binary = Some(full);
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(options)
}

fn run(options: &Options) -> Result<bool, String> {
    let binary = match &options.binary {
        Some(path) => path.clone(),
        None => build()?,
    };
    let size = std::fs::metadata(&binary)
        .map_err(|e| format!("{}: {e}", binary.display()))?
        .len();
    let load_before = procfs::load();
    let mut reports = Vec::new();
    for (cols, rows) in SIZES {
        eprintln!("measuring at {cols}x{rows} ...");
        reports.push(measure_size(&binary, cols, rows, options)?);
    }
    let header = report::Header {
        binary: binary.display().to_string(),
        binary_bytes: size,
        cores: procfs::cores(),
        load_before,
        load_after: procfs::load(),
        runs: options.runs,
    };
    Ok(report::print(&header, &reports))
}

/// `cargo build --release --bin tierwise`, so the one command measures the current source.
fn build() -> Result<PathBuf, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--release", "--locked", "--bin", "tierwise"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err("`cargo build --release --bin tierwise` failed".into());
    }
    // This example lives in target/release/examples/; the binary is one level up.
    let exe = std::env::current_exe().map_err(|e| format!("current_exe: {e}"))?;
    let binary = exe
        .parent()
        .and_then(Path::parent)
        .map(|release| release.join("tierwise"))
        .ok_or("cannot locate the target directory")?;
    if !binary.is_file() {
        return Err(format!(
            "{} not found; run `cargo build --release` first",
            binary.display()
        ));
    }
    Ok(binary)
}

fn measure_size(binary: &Path, cols: u16, rows: u16, o: &Options) -> Result<SizeReport, String> {
    let mut first_screen = Vec::new();
    let mut first_sched = Vec::new();
    for _ in 0..o.runs {
        let mut s = Session::start(binary, cols, rows)?;
        let frame = s.frame_where("the first catalogue screen", PATIENCE, |sc| {
            sc.contains(STATUS)
        })?;
        first_screen.push(frame.at - s.started);
        // Read at once: it idles after the frame, so this is (nearly) the start's cost.
        first_sched.extend(procfs::sched(s.pid));
        let code = s.quit()?;
        if code != 0 {
            return Err(format!("`q` gave exit code {code}, expected 0"));
        }
    }

    let mut s = Session::start(binary, cols, rows)?;
    s.frame_where("the first catalogue screen", PATIENCE, |sc| {
        sc.contains(STATUS)
    })?;
    let mut keys = Vec::new();
    let mut missing = Vec::new();
    for round in 0..o.rounds {
        for step in script::SCRIPT {
            let before = procfs::sched(s.pid);
            let sent = s.send(step.keys)?;
            match s.next_frame(Duration::from_secs(1))? {
                Some(frame) => keys.push(Sample {
                    pane: step.pane,
                    what: step.what,
                    latency: frame.at - sent,
                    bytes: frame.bytes,
                    sched: procfs::sched(s.pid).zip(before).map(|(a, b)| a.since(b)),
                }),
                None => missing.push(format!("{}: {}", step.pane, step.what)),
            }
            if o.trace && round == 0 {
                println!("--- {} / {}\n{}", step.pane, step.what, s.screen());
            }
        }
    }

    // Let the pending save and notice timers fire, then watch the idle process.
    s.settle(Duration::from_millis(4500), Duration::from_secs(30))?;
    let cpu_before = procfs::cpu(s.pid)?;
    let idle_bytes = s.bytes_during(IDLE)?;
    let cpu_after = procfs::cpu(s.pid)?;

    // A change, then HUP at once: the exit must save it.
    s.send(b"2")?;
    s.frame_where("the break-even pane", PATIENCE, |sc| sc.contains("volume"))?;
    let before = std::fs::read(s.state_file()).ok();
    s.send(script_key(script::VOLUME_STEP))?;
    s.next_frame(PATIENCE)?
        .ok_or("no frame after a volume step")?;
    let peak = procfs::peak_memory(s.pid)?;
    let (hup, code, after) = s.hang_up()?;
    let saved = after.is_some() && after != before;
    Ok(SizeReport {
        cols,
        rows,
        first_screen,
        first_sched,
        keys,
        missing,
        idle_bytes,
        idle_cpu: (cpu_before, cpu_after),
        peak,
        hup,
        hup_code: code,
        saved,
    })
}

fn script_key(what: &str) -> &'static [u8] {
    script::SCRIPT
        .iter()
        .find(|s| s.what == what)
        .map_or(b"", |s| s.keys)
}
