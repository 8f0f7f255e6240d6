//! `e`: the active scenario as Markdown, written to `exports/<scenario>-<UTC time>.md` in the
//! data directory and copied to the clipboard with OSC 52, which terminals (and tmux, and
//! terminals at the far end of SSH) turn into a clipboard write.

use super::session::file_stem;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Terminals refuse or cut OSC 52 payloads past roughly this size; bigger exports are not
/// sent (the file has them whole).
pub const OSC52_MAX: usize = 100_000;

/// The export the event loop is asked to write.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportJob {
    pub scenario: String,
    pub markdown: String,
}

/// What happened to the clipboard copy.
#[derive(Debug, Clone, PartialEq)]
pub enum Clipboard {
    Sent,
    /// The encoded payload would have been this many bytes.
    TooLarge(usize),
    Failed(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExportDone {
    pub file: Result<PathBuf, String>,
    pub clipboard: Clipboard,
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The OSC 52 sequence that sets the clipboard to `text`, or the payload size when too large.
pub fn osc52(text: &str) -> Result<String, usize> {
    let payload = base64(text.as_bytes());
    if payload.len() > OSC52_MAX {
        return Err(payload.len());
    }
    Ok(format!("\x1b]52;c;{payload}\x07"))
}

/// `<dir>/exports/<scenario>-<stamp>.md`.
pub fn export_path(dir: &Path, scenario: &str, stamp: &str) -> PathBuf {
    dir.join("exports")
        .join(format!("{}-{stamp}.md", file_stem(scenario)))
}

/// Write the file under `dir` and send the clipboard sequence to `terminal`.
pub fn perform(
    job: &ExportJob,
    dir: Result<PathBuf, String>,
    stamp: &str,
    terminal: &mut impl Write,
) -> ExportDone {
    let clipboard = copy(job, terminal);
    let file = write_file(job, dir, stamp);
    ExportDone { file, clipboard }
}

/// Write the export's file under `dir` (a file system write: done off the event loop).
pub fn write_file(
    job: &ExportJob,
    dir: Result<PathBuf, String>,
    stamp: &str,
) -> Result<PathBuf, String> {
    dir.and_then(|dir| {
        let path = export_path(&dir, &job.scenario, stamp);
        let parent = path.parent().unwrap_or(&dir);
        std::fs::create_dir_all(parent)
            .and_then(|_| std::fs::write(&path, &job.markdown))
            .map(|_| path.clone())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))
    })
}

/// Send the clipboard sequence to `terminal` (the loop's own output, so done on the loop).
pub fn copy(job: &ExportJob, terminal: &mut impl Write) -> Clipboard {
    match osc52(&job.markdown) {
        Err(size) => Clipboard::TooLarge(size),
        Ok(seq) => match terminal
            .write_all(seq.as_bytes())
            .and_then(|_| terminal.flush())
        {
            Ok(()) => Clipboard::Sent,
            Err(e) => Clipboard::Failed(e.to_string()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded, "{plain:?}");
        }
        assert_eq!(base64("é€".as_bytes()), "w6nigqw=");
    }

    #[test]
    fn osc52_wraps_the_payload_and_refuses_large_ones() {
        assert_eq!(osc52("hi").unwrap(), "\x1b]52;c;aGk=\x07");
        let big = "x".repeat(OSC52_MAX);
        assert_eq!(osc52(&big), Err(base64(big.as_bytes()).len()));
    }
}
