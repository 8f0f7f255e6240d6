//! Compliance findings of the hybrid plan: a strip under the table (worst first, as many as
//! fit, then "+N more") and a scrollable overlay listing every one with its source's title
//! and date.

use super::parts;
use super::parts::{centered, fit, section, wrap};
use crate::domain::rules::{Finding, Severity};
use crate::tui::app::App;
use crate::tui::hybrid::Focus;
use crate::tui::layout::max_scroll;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

/// The tag and its style: readable without colour.
pub fn tag(severity: Severity, t: &Theme) -> (&'static str, Style) {
    match severity {
        Severity::Block => ("[BLOCK]", t.bad),
        Severity::Warn => ("[WARN] ", t.warn),
        Severity::Info => ("[INFO] ", t.muted),
    }
}

/// A finding on one line: tag, subject (padded to `subject_w`), message cut to fit, source.
fn one_line(f: &Finding, width: usize, subject_w: usize, t: &Theme) -> Line<'static> {
    let (tag, style) = tag(f.severity, t);
    let source = format!(" [{}]", f.source);
    let subject = fit(&f.subject, subject_w);
    let gap = " ".repeat(subject_w.saturating_sub(subject.width()) + 2);
    let used = tag.width() + 1 + subject_w + 2 + source.width();
    let message = fit(&f.message, width.saturating_sub(used));
    let pad = width.saturating_sub(used + message.width());
    Line::from(vec![
        Span::raw(" "),
        Span::styled(tag.to_string(), style),
        Span::raw(" "),
        Span::styled(subject, t.header),
        Span::raw(gap),
        Span::styled(message, t.text),
        Span::raw(" ".repeat(pad)),
        Span::styled(source, t.muted),
    ])
}

/// A finding over several lines, when there is room: tag, subject and rule, then the whole
/// message, then the source.
fn block_lines(f: &Finding, width: usize, t: &Theme) -> Vec<Line<'static>> {
    let (tag, style) = tag(f.severity, t);
    let mut out = vec![Line::from(vec![
        Span::raw(" "),
        Span::styled(tag.to_string(), style),
        Span::raw(" "),
        Span::styled(f.subject.clone(), t.header),
        Span::styled(format!("  {} · source {}", f.rule, f.source), t.muted),
    ])];
    for l in wrap(&f.message, width.saturating_sub(9)) {
        out.push(Line::from(Span::styled(format!("         {l}"), t.text)));
    }
    out
}

pub fn draw_strip(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.chrome.theme;
    let pane = &app.hybrid;
    let focused = pane.focus == Focus::Findings;
    let (title, findings) = match (&pane.view, pane.plan()) {
        (Some(v), Some(p)) => {
            let [b, w, i] = v.counts;
            (
                format!("Findings: {b} block · {w} warn · {i} info"),
                p.findings.as_slice(),
            )
        }
        _ => ("Findings".to_string(), &[][..]),
    };
    let buf = frame.buffer_mut();
    let inner = section(buf, area, &title, focused, t);
    let width = usize::from(inner.width).saturating_sub(1);
    let rows = usize::from(inner.height);
    if findings.is_empty() {
        let text = if pane.plan().is_some() {
            " No rule matches this plan in this region and sector."
        } else {
            " Findings appear once the plan can be computed."
        };
        let line = Line::from(Span::styled(text, t.muted));
        parts::put_paragraph(buf, inner, [&line], Style::default());
        return;
    }
    let start = pane.findings_offset.min(findings.len().saturating_sub(1));
    let shown = &findings[start..];
    // Whole messages when every remaining finding fits that way, else one line each.
    let detailed: Vec<Line> = shown
        .iter()
        .flat_map(|f| block_lines(f, width, t))
        .collect();
    if detailed.len() <= rows {
        parts::put_paragraph(buf, inner, &detailed, Style::default());
        return;
    }
    let (count, more) = if shown.len() > rows {
        (rows.saturating_sub(1), shown.len() - rows.saturating_sub(1))
    } else {
        (shown.len(), 0)
    };
    let subject_w = shown[..count]
        .iter()
        .map(|f| f.subject.width())
        .max()
        .unwrap_or(0)
        .min(26.min(width / 3));
    let mut lines: Vec<Line> = shown[..count]
        .iter()
        .map(|f| one_line(f, width, subject_w, t))
        .collect();
    if more > 0 {
        lines.push(Line::from(Span::styled(
            fit(&format!(" +{more} more · F lists all"), width + 1),
            t.muted,
        )));
    }
    parts::put_paragraph(buf, inner, &lines, Style::default());
}

/// The overlay's box in the body.
fn overlay_area(body: Rect) -> Rect {
    centered(body, 110, body.height)
}

/// Every line of the overlay for a text width.
fn all_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let mut out = super::hybrid_optimum::why_lines(app, width);
    out.extend(finding_lines(app, width));
    out
}

fn finding_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let t = &app.chrome.theme;
    let Some(plan) = app.hybrid.plan() else {
        return vec![Line::from(Span::styled(
            " The plan cannot be computed; see the tier boxes.",
            t.bad,
        ))];
    };
    if plan.findings.is_empty() {
        return vec![Line::from(Span::styled(
            " No rule matches this plan in this region and sector.",
            t.muted,
        ))];
    }
    let mut out = Vec::new();
    for f in &plan.findings {
        let (tag, style) = tag(f.severity, t);
        out.push(Line::from(vec![
            Span::styled(format!(" {tag} "), style),
            Span::styled(f.subject.clone(), t.header),
            Span::styled(format!("  {}", f.rule), t.muted),
        ]));
        for l in wrap(&f.message, width.saturating_sub(4)) {
            out.push(Line::from(Span::styled(format!("   {l}"), t.text)));
        }
        let source = match app.ctx.catalog.source(&f.source) {
            Some(s) => format!(
                "source: {} — {}, {} [{}]",
                s.title, s.publisher, s.date, s.id
            ),
            None => format!("source: [{}]", f.source),
        };
        for l in wrap(&source, width.saturating_sub(4)) {
            out.push(Line::from(Span::styled(format!("   {l}"), t.muted)));
        }
        out.push(Line::from(""));
    }
    out
}

pub fn draw_all(frame: &mut Frame, body: Rect, app: &App, scroll: usize) {
    let t = &app.chrome.theme;
    let area = overlay_area(body);
    frame.render_widget(Clear, area);
    let s = &app.doc.scenario;
    let block = Block::bordered()
        .border_style(t.accent)
        .title(Span::styled(
            format!(" Findings in {} · {} ", s.region, s.sector),
            t.title,
        ))
        .title_bottom(Span::styled(" j/k scroll · Esc close ", t.muted));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let all = all_lines(app, usize::from(inner.width));
    let max = max_scroll(all.len(), usize::from(inner.height));
    app.chrome.measured.findings_max.set(Some(max));
    let lines: Vec<Line> = all
        .into_iter()
        .skip(scroll.min(max))
        .take(usize::from(inner.height))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first version, which measured the whole line for every word.
    fn measured(text: &str, width: usize) -> Vec<String> {
        let width = width.max(1);
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let add = if line.is_empty() { 0 } else { 1 } + word.width();
            if !line.is_empty() && line.width() + add > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            if line.width() > width {
                lines.push(fit(&line, width));
                line.clear();
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }

    #[test]
    fn wrapping_keeps_the_lines_of_measuring_each_time() {
        let texts = [
            "",
            "   ",
            "one",
            "Self-hosting makes you the operator: prompt-injection defence, output filtering.",
            "a verylongwordthatdoesnotfitanywhere b c",
            "通义千问 模型 数据 — café ü\u{301} x",
            "🇯 🇵 🇯🇵 ⚠\u{fe0f} 👩\u{200d}💻 ok \u{645}\u{627} end",
            "tab\tand\nnewline  double  spaces",
        ];
        for text in texts {
            for width in 0..40 {
                assert_eq!(
                    wrap(text, width),
                    measured(text, width),
                    "{text:?} at {width}"
                );
            }
        }
    }
}
