//! What Linux says about a process: CPU time, peak memory, and the machine's load.

use std::fs;

/// CPU time of a whole process (every thread): clock ticks from `stat`, and from each
/// thread's `schedstat`, where the kernel provides it, nanoseconds on a CPU and nanoseconds
/// spent runnable but waiting for one (how much a busy machine held it up).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cpu {
    pub ticks: u64,
    pub sched: Option<Sched>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sched {
    pub ran: u64,
    pub waited: u64,
}

impl Sched {
    pub fn since(self, earlier: Sched) -> Sched {
        Sched {
            ran: self.ran.saturating_sub(earlier.ran),
            waited: self.waited.saturating_sub(earlier.waited),
        }
    }
}

pub fn cpu(pid: u32) -> Result<Cpu, String> {
    let path = format!("/proc/{pid}/stat");
    let text = fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let ticks = stat_ticks(&text).ok_or_else(|| format!("{path}: unexpected format"))?;
    Ok(Cpu {
        ticks,
        sched: sched(pid),
    })
}

/// utime + stime from the text of `/proc/PID/stat`. The command name (field 2) is in
/// parentheses and may itself hold spaces and parentheses, so fields are counted after the
/// last `)`: state is field 3, utime field 14, stime field 15.
pub fn stat_ticks(stat: &str) -> Option<u64> {
    let rest = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(utime + stime)
}

/// The sum over the process's threads of `/proc/PID/task/TID/schedstat`.
pub fn sched(pid: u32) -> Option<Sched> {
    let mut total = Sched::default();
    for entry in fs::read_dir(format!("/proc/{pid}/task")).ok()?.flatten() {
        let text = fs::read_to_string(entry.path().join("schedstat")).ok()?;
        let one = parse_schedstat(&text)?;
        total.ran += one.ran;
        total.waited += one.waited;
    }
    Some(total)
}

/// `schedstat` is "ns on a CPU, ns waiting on a run queue, time slices".
pub fn parse_schedstat(text: &str) -> Option<Sched> {
    let mut fields = text.split_whitespace().map(str::parse::<u64>);
    Some(Sched {
        ran: fields.next()?.ok()?,
        waited: fields.next()?.ok()?,
    })
}

/// Peak resident memory in bytes (`VmHWM`).
pub fn peak_memory(pid: u32) -> Result<u64, String> {
    let path = format!("/proc/{pid}/status");
    let text = fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    status_kib(&text, "VmHWM:")
        .map(|kib| kib * 1024)
        .ok_or_else(|| format!("{path}: no VmHWM line"))
}

/// A `kB` field of `/proc/PID/status`.
pub fn status_kib(status: &str, field: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with(field))?;
    line[field.len()..].split_whitespace().next()?.parse().ok()
}

/// The 1, 5 and 15 minute load averages as the kernel prints them.
pub fn load() -> String {
    fs::read_to_string("/proc/loadavg")
        .map(|t| t.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(0, |n| n.get())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_counted_after_the_command_name() {
        let stat = "4242 (odd) name) S 1 4242 4242 34816 4242 4194304 100 0 0 0 7 5 0 0 20 0 2";
        assert_eq!(stat_ticks(stat), Some(12));
        assert_eq!(stat_ticks("4242 (x) S 1"), None);
    }

    #[test]
    fn schedstat_gives_run_and_wait_times() {
        let s = parse_schedstat("5120333 880021 14\n").unwrap();
        assert_eq!((s.ran, s.waited), (5_120_333, 880_021));
        assert_eq!(parse_schedstat("12"), None);
    }

    #[test]
    fn status_fields_are_read_in_kib() {
        let status = "Name:\ttierwise\nVmPeak:\t  20000 kB\nVmHWM:\t    6120 kB\n";
        assert_eq!(status_kib(status, "VmHWM:"), Some(6120));
        assert_eq!(status_kib(status, "VmRSS:"), None);
    }
}
