//! The printed table: each figure at each size, beside its budget, PASS or MISS.

use crate::procfs::{Cpu, Sched};
use crate::script::VOLUME_STEP;
use crate::stats::{median, ms, percentile};
use std::time::Duration;

/// One keystroke: the time from writing it to the end of the frame it caused, and that
/// frame's size.
pub struct Sample {
    pub pane: &'static str,
    pub what: &'static str,
    pub latency: Duration,
    pub bytes: usize,
    /// The process's CPU time and run-queue wait between the write and the frame.
    pub sched: Option<Sched>,
}

pub struct SizeReport {
    pub cols: u16,
    pub rows: u16,
    pub first_screen: Vec<Duration>,
    /// CPU time and run-queue wait up to the first frame, per start.
    pub first_sched: Vec<Sched>,
    pub keys: Vec<Sample>,
    /// Script steps that drew no frame within a second.
    pub missing: Vec<String>,
    pub idle_bytes: usize,
    pub idle_cpu: (Cpu, Cpu),
    pub peak: u64,
    pub hup: Duration,
    pub hup_code: u32,
    pub saved: bool,
}

pub struct Header {
    pub binary: String,
    pub binary_bytes: u64,
    pub cores: usize,
    pub load_before: String,
    pub load_after: String,
    pub runs: usize,
}

const FIRST_SCREEN: Duration = Duration::from_millis(15);
const KEY_P99: Duration = Duration::from_millis(5);
const SLIDER_BYTES: usize = 2_000;
// Issue #12 point 8: peak memory <= 25 MB with the full catalogue (2,801 models decode to
// about 13 MB of heap).
const PEAK_BYTES: u64 = 25_000_000;
const HUP_EXIT: Duration = Duration::from_millis(100);
// Issue #12 raised the binary budget from 8 to 12 MB for the full catalogue; `tierwise update`
// (#16) adds an HTTPS client with rustls and its root certificates (about 3 MB of it).
const BINARY_BYTES: u64 = 12_000_000;

impl SizeReport {
    fn latencies(&self) -> Vec<Duration> {
        self.keys.iter().map(|k| k.latency).collect()
    }

    fn key_bytes(&self) -> Vec<usize> {
        self.keys.iter().map(|k| k.bytes).collect()
    }

    fn key_ran(&self) -> Vec<Duration> {
        let ran = self.keys.iter().filter_map(|k| k.sched).map(|s| s.ran);
        ran.map(Duration::from_nanos).collect()
    }

    fn key_waited(&self) -> Vec<Duration> {
        let waited = self.keys.iter().filter_map(|k| k.sched).map(|s| s.waited);
        waited.map(Duration::from_nanos).collect()
    }

    fn first_ran(&self) -> Vec<Duration> {
        let ran = self.first_sched.iter().map(|s| s.ran);
        ran.map(Duration::from_nanos).collect()
    }

    fn first_waited(&self) -> Vec<Duration> {
        let waited = self.first_sched.iter().map(|s| s.waited);
        waited.map(Duration::from_nanos).collect()
    }

    fn slider_bytes(&self) -> Option<usize> {
        self.keys
            .iter()
            .filter(|k| k.what == VOLUME_STEP)
            .map(|k| k.bytes)
            .max()
    }

    fn idle_ticks(&self) -> u64 {
        self.idle_cpu.1.ticks - self.idle_cpu.0.ticks
    }

    fn idle_cpu_text(&self) -> String {
        let (a, b) = self.idle_cpu;
        match (a.sched, b.sched) {
            (Some(x), Some(y)) => format!(
                "{} ticks ({:.3} ms)",
                self.idle_ticks(),
                y.since(x).ran as f64 / 1e6
            ),
            _ => format!("{} ticks", self.idle_ticks()),
        }
    }
}

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

fn verdict(ok: bool) -> &'static str {
    if ok { "PASS" } else { "MISS" }
}

fn ms_n(nanos: u64) -> String {
    ms(Duration::from_nanos(nanos))
}

fn opt_ms(d: Option<Duration>) -> String {
    d.map_or("-".into(), ms)
}

/// Print everything; whether every budget was met.
pub fn print(h: &Header, sizes: &[SizeReport]) -> bool {
    let [small, large] = sizes else {
        return false;
    };
    println!("tierwise, measured from outside in a pseudo-terminal (vt100)");
    println!("binary: {}", h.binary);
    println!(
        "machine: {} cores, load average {} at start, {} at end",
        h.cores, h.load_before, h.load_after
    );
    println!();
    let mut rows: Vec<[String; 5]> = Vec::new();
    let mut all_ok = true;
    let mut row = |figure: &str, a: String, b: String, budget: &str, ok: Option<bool>| {
        all_ok &= ok.unwrap_or(true);
        rows.push([
            figure.into(),
            a,
            b,
            budget.into(),
            ok.map_or("", verdict).into(),
        ]);
    };
    let each = |f: &dyn Fn(&SizeReport) -> String| (f(small), f(large));

    let (a, b) = each(&|r| opt_ms(median(&r.first_screen)));
    let ok = median(&small.first_screen).is_some_and(|d| d <= FIRST_SCREEN);
    let title = format!("first full screen, median of {}", h.runs);
    row(&title, a, b, "<= 15 ms at 80x24", Some(ok));
    let (a, b) = each(&|r| opt_ms(median(&r.first_ran())));
    row("  of which on a CPU, median", a, b, "", None);
    let (a, b) = each(&|r| opt_ms(median(&r.first_waited())));
    row("  waiting for a CPU, median", a, b, "", None);
    let (a, b) = each(&|r| opt_ms(median(&r.latencies())));
    row("key to screen, median", a, b, "", None);
    let (a, b) = each(&|r| opt_ms(percentile(&r.latencies(), 99)));
    let ok = percentile(&large.latencies(), 99).is_some_and(|d| d <= KEY_P99);
    row("key to screen, p99", a, b, "<= 5 ms at 250x70", Some(ok));
    let (a, b) = each(&|r| opt_ms(r.latencies().into_iter().max()));
    row("key to screen, slowest", a, b, "", None);
    let (a, b) = each(&|r| opt_ms(percentile(&r.key_ran(), 99)));
    row("  CPU per key, p99", a, b, "", None);
    let (a, b) = each(&|r| opt_ms(percentile(&r.key_waited(), 99)));
    row("  waiting for a CPU per key, p99", a, b, "", None);
    let bytes = |n: Option<usize>| n.map_or("-".into(), |n| format!("{n} B"));
    let (a, b) = each(&|r| bytes(median(&r.key_bytes())));
    row("bytes per key, median", a, b, "", None);
    let (a, b) = each(&|r| bytes(r.key_bytes().into_iter().max()));
    row("bytes per key, largest", a, b, "", None);
    let (a, b) = each(&|r| r.slider_bytes().map_or("-".into(), |n| format!("{n} B")));
    let ok = small.slider_bytes().is_some_and(|n| n <= SLIDER_BYTES);
    row("volume slider step", a, b, "<= 2 KB at 80x24", Some(ok));
    let (a, b) = each(&|r| format!("{} B", r.idle_bytes));
    let ok = sizes.iter().all(|r| r.idle_bytes == 0);
    row("idle 5 s: bytes written", a, b, "0", Some(ok));
    let (a, b) = each(&|r| r.idle_cpu_text());
    let ok = sizes.iter().all(|r| r.idle_ticks() == 0);
    row("idle 5 s: CPU time", a, b, "0 ticks", Some(ok));
    let (a, b) = each(&|r| mb(r.peak));
    let ok = sizes.iter().all(|r| r.peak <= PEAK_BYTES);
    row("peak memory (VmHWM)", a, b, "<= 25 MB", Some(ok));
    let (a, b) = each(&|r| {
        let saved = if r.saved { "saved" } else { "NOT saved" };
        format!("{} ({saved}, exit {})", ms(r.hup), r.hup_code)
    });
    let ok = sizes
        .iter()
        .all(|r| r.hup <= HUP_EXIT && r.saved && r.hup_code == 129);
    row("SIGHUP to exit", a, b, "<= 100 ms, saved", Some(ok));
    let ok = h.binary_bytes <= BINARY_BYTES;
    row(
        "release binary",
        mb(h.binary_bytes),
        String::new(),
        "<= 12 MB",
        Some(ok),
    );

    let widths: Vec<usize> = (0..5)
        .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    let head = ["figure", "80x24", "250x70", "budget", ""];
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, &w)| format!("{c:<w$}", w = w.max(6)))
            .collect();
        println!("{}", padded.join("  ").trim_end());
    };
    line(&head.map(String::from));
    for r in &rows {
        line(r);
    }
    for r in sizes {
        slowest(r);
    }
    all_ok
}

/// The three slowest keys at a size, and any step that drew nothing: where to look first.
fn slowest(r: &SizeReport) {
    let mut keys: Vec<&Sample> = r.keys.iter().collect();
    keys.sort_by_key(|k| std::cmp::Reverse(k.latency));
    let list: Vec<String> = keys
        .iter()
        .take(3)
        .map(|k| {
            let cpu = k.sched.map_or(String::new(), |s| {
                format!(", {} on a CPU, {} waiting", ms_n(s.ran), ms_n(s.waited))
            });
            format!(
                "{} / {} {} ({} B{cpu})",
                k.pane,
                k.what,
                ms(k.latency),
                k.bytes
            )
        })
        .collect();
    println!(
        "\nslowest keys at {}x{} ({} keys): {}",
        r.cols,
        r.rows,
        r.keys.len(),
        list.join("; ")
    );
    if !r.missing.is_empty() {
        println!("steps that drew no frame: {}", r.missing.join("; "));
    }
}
