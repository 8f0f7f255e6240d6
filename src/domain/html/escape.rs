//! Text made safe for an HTML page: markup characters become entities, and characters a page
//! must not carry (controls other than line breaks and tabs, noncharacters, and the direction
//! overrides that can make a name read backwards) are dropped.

/// Whether `c` is kept on the page.
fn allowed(c: char) -> bool {
    match c {
        '\n' | '\t' => true,
        // Bidirectional embeddings, overrides and isolates.
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => false,
        // U+FFFE, U+FFFF and the like are noncharacters an HTML parser reports as errors.
        c if (c as u32) & 0xFFFE == 0xFFFE => false,
        '\u{FDD0}'..='\u{FDEF}' => false,
        c => !c.is_control(),
    }
}

/// `text` for an element's content or a quoted attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars().filter(|c| allowed(*c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `text` on one line: line breaks and tabs become spaces, then escaped.
pub fn escape_line(text: &str) -> String {
    escape(&text.replace(['\n', '\r', '\t'], " "))
}

/// A link target, only when it is a plain http(s) address: anything else (`javascript:`, a
/// relative path) is not linked at all.
pub fn safe_url(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    let web = lower.starts_with("https://") || lower.starts_with("http://");
    let clean = url.chars().all(|c| !c.is_whitespace() && !c.is_control());
    (web && clean).then(|| escape(url.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_becomes_entities_and_controls_go() {
        assert_eq!(
            escape("<b>&\"x\"'\u{7}\u{1b}[31m\u{202E}"),
            "&lt;b&gt;&amp;&quot;x&quot;&#39;[31m"
        );
        assert_eq!(escape("a\nb\tc\u{85}\u{FFFF}"), "a\nb\tc");
        assert_eq!(escape_line("a\nb\r\nc"), "a b  c");
    }

    #[test]
    fn only_web_addresses_are_linked() {
        assert_eq!(
            safe_url("https://example.org/a?b=1&c=2").as_deref(),
            Some("https://example.org/a?b=1&amp;c=2")
        );
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(
            safe_url("https://x.org/\"onmouseover=x"),
            Some("https://x.org/&quot;onmouseover=x".into())
        );
        assert_eq!(safe_url("https://a b"), None);
        assert_eq!(safe_url("file:///etc/passwd"), None);
    }
}
