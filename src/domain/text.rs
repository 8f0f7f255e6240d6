//! Display-width text helpers shared by the command line tables and the terminal screens.

use std::borrow::Cow;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text` cut to at most `width` display columns, ending in "…" when shortened. Text that
/// fits is borrowed, not copied.
pub fn truncate_to_width(text: &str, width: usize) -> Cow<'_, str> {
    if text.width() <= width {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_by_display_width_and_marks_the_cut() {
        assert_eq!(truncate_to_width("DeepSeek R1", 20), "DeepSeek R1");
        assert!(matches!(truncate_to_width("abc", 3), Cow::Borrowed(_)));
        assert_eq!(truncate_to_width("abcdefgh", 5), "abcd…");
        // Wide characters count two columns.
        assert_eq!(truncate_to_width("通义千问模型", 7), "通义千…");
        assert_eq!(truncate_to_width("", 0), "");
        assert_eq!(truncate_to_width("ab", 1), "…");
    }
}
