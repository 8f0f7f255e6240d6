//! The detail view's text: every figure of one model with its sources (title and date); for a
//! conflicting figure, every value with its sources and which one is in use. Made by update
//! when the view opens, moves to another model, or the width or theme changes; the view in
//! `ui/detail.rs` only draws the visible lines.

use crate::domain::catalog::{Catalog, Figure, Model, Price, SourceKind};
use crate::domain::catalog_diff::CatalogDiff;
use crate::domain::text::truncate_to_width;
use crate::tui::format::{self, CONFLICT};
use crate::tui::theme::Theme;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

const LABEL: usize = 16;

struct Out<'a> {
    lines: Vec<Line<'static>>,
    width: usize,
    catalog: &'a Catalog,
    t: &'a Theme,
}

impl Out<'_> {
    /// Add `text` wrapped to the width, continuation lines indented by `indent`.
    fn wrapped(&mut self, first: Vec<Span<'static>>, text: &str, indent: usize, style: Style) {
        let lead: usize = first.iter().map(|s| s.content.width()).sum();
        let mut spans = first;
        let mut room = self.width.saturating_sub(lead).max(10);
        let mut current = String::new();
        // The display width of `current`, kept as words are added.
        let mut used = 0;
        for word in text.split_whitespace() {
            let needed = if current.is_empty() {
                word.width()
            } else {
                used + 1 + word.width()
            };
            if needed > room && !current.is_empty() {
                spans.push(Span::styled(std::mem::take(&mut current), style));
                self.lines.push(Line::from(std::mem::take(&mut spans)));
                spans.push(Span::raw(" ".repeat(indent)));
                room = self.width.saturating_sub(indent).max(10);
                used = 0;
            }
            if !current.is_empty() {
                current.push(' ');
                used += 1;
            }
            let word = truncate_to_width(word, room);
            used += word.width();
            current.push_str(&word);
        }
        spans.push(Span::styled(current, style));
        self.lines.push(Line::from(spans));
    }

    fn sources(&self, ids: &[String]) -> String {
        ids.iter()
            .map(|id| match self.catalog.source(id) {
                Some(s) => format!("{} ({})", s.title, s.date),
                None => id.clone(),
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn figure<T>(&mut self, label: &str, f: &Figure<T>, show: impl Fn(&T) -> String) {
        let t = self.t;
        let head = vec![Span::styled(
            format!(" {label:<w$}", w = LABEL - 1),
            t.header,
        )];
        let pad = LABEL;
        let mut value = show(&f.value);
        if let Some((lo, hi)) = &f.range {
            value.push_str(&format!("  (range {} to {})", show(lo), show(hi)));
        }
        if !f.is_conflicting() {
            self.wrapped(head, &value, pad, t.text);
            for id in &f.sources {
                let src = format!("source: {}", self.sources(std::slice::from_ref(id)));
                // A figure from the user's own file is marked as theirs.
                let user = crate::data::overlay::is_user_figure(self.catalog, f)
                    && self
                        .catalog
                        .source(id)
                        .is_some_and(|s| s.kind == SourceKind::User);
                let (src, style) = if user {
                    (format!("{src} (your data)"), t.accent)
                } else {
                    (src, t.muted)
                };
                self.wrapped(vec![Span::raw(" ".repeat(pad))], &src, pad + 2, style);
            }
            if let Some(note) = &f.note {
                self.wrapped(
                    vec![Span::raw(" ".repeat(pad))],
                    &format!("note: {note}"),
                    pad + 2,
                    t.muted,
                );
            }
            return;
        }
        let mut head = head;
        head.push(Span::styled(format!("{value} "), t.text));
        head.push(Span::styled(CONFLICT, t.warn));
        let n = f.alternatives.len() + 1;
        self.wrapped(head, &format!(" sources disagree: {n} values"), pad, t.warn);
        let in_use = format!("{} — {}", show(&f.value), self.sources(&f.sources));
        let mut lead = vec![
            Span::raw(" ".repeat(pad)),
            Span::styled("✓ in use ", t.good),
        ];
        if crate::data::overlay::is_user_figure(self.catalog, f) {
            lead.push(Span::styled("(your data) ", t.accent));
        }
        self.wrapped(lead, &in_use, pad + 9, t.text);
        for alt in &f.alternatives {
            let mut text = format!("{} — {}", show(&alt.value), self.sources(&alt.sources));
            if let Some((lo, hi)) = &alt.range {
                text.push_str(&format!(" (range {} to {})", show(lo), show(hi)));
            }
            if let Some(note) = &alt.note {
                text.push_str(&format!(" — {note}"));
            }
            let lead = vec![
                Span::raw(" ".repeat(pad)),
                Span::styled("  also   ", t.muted),
            ];
            self.wrapped(lead, &text, pad + 9, t.text);
        }
        if let Some(note) = &f.note {
            let lead = vec![
                Span::raw(" ".repeat(pad)),
                Span::styled("  why    ", t.muted),
            ];
            self.wrapped(lead, note, pad + 9, t.muted);
        }
    }
}

fn price_text(p: &Price) -> String {
    let mut s = format!(
        "{} in / {} out per M tokens",
        format::price(p.input),
        format::price(p.output)
    );
    if let Some(lc) = &p.long_context {
        s.push_str(&format!(
            "; above {} tokens {} / {}",
            format::tokens(lc.above_tokens),
            format::price(lc.input),
            format::price(lc.output)
        ));
    }
    s
}

pub fn lines(catalog: &Catalog, t: &Theme, model: usize, width: u16) -> Vec<Line<'static>> {
    lines_with_changes(catalog, &CatalogDiff::default(), t, model, width)
}

/// The detail lines, with the model's prices that differ from the embedded snapshot's (after
/// `tierwise update`) and their old values.
pub fn lines_with_changes(
    catalog: &Catalog,
    changes: &CatalogDiff,
    t: &Theme,
    model: usize,
    width: u16,
) -> Vec<Line<'static>> {
    let Some(m) = catalog.models.get(model) else {
        return Vec::new();
    };
    let mut out = Out {
        lines: Vec::new(),
        width: usize::from(width).saturating_sub(1),
        catalog,
        t,
    };
    out.wrapped(vec![Span::raw(" ")], &m.description, 1, t.text);
    out.lines.push(Line::from(""));
    figures(&mut out, m);
    changed_prices(&mut out, changes, &m.id);
    for note in &m.notes {
        let text = format!("{} — {}", note.text, out.sources(&note.sources));
        let head = vec![Span::styled(
            format!(" {:<w$}", "Note", w = LABEL - 1),
            t.header,
        )];
        out.wrapped(head, &text, LABEL, t.text);
    }
    out.lines.push(Line::from(""));
    let legend = format!(
        "{CONFLICT} marks a figure whose sources disagree; ✓ is the value in use. {} is unknown. \
         ←/→ previous/next model, Esc back.",
        format::UNKNOWN
    );
    out.wrapped(vec![Span::raw(" ")], &legend, 1, t.muted);
    out.lines
}

/// Each price of the model that moved since the embedded snapshot: seller, old → new.
fn changed_prices(out: &mut Out, changes: &CatalogDiff, model_id: &str) {
    let mine: Vec<_> = changes
        .prices
        .iter()
        .filter(|c| c.model.id == model_id)
        .collect();
    let t = out.t;
    for (i, c) in mine.iter().enumerate() {
        let label = if i == 0 { "Was (embedded)" } else { "" };
        let head = vec![Span::styled(
            format!(" {label:<w$}", w = LABEL - 1),
            t.header,
        )];
        let show = |v: Option<f64>| v.map_or_else(|| "none".to_string(), format::price);
        let text = format!(
            "{} {}: {} → now {} /M",
            c.seller,
            c.field.label(),
            show(c.old),
            show(c.new)
        );
        out.wrapped(head, &text, LABEL, t.warn);
    }
}

/// Every way to buy the model, cheapest first (the importer's order), with date and sources.
fn offerings(out: &mut Out, m: &Model) {
    let t = out.t;
    for (i, o) in m.offerings.iter().enumerate() {
        let label = if i == 0 { "Offerings" } else { "" };
        let head = vec![Span::styled(
            format!(" {:<w$}", label, w = LABEL - 1),
            t.header,
        )];
        let region = o
            .region
            .as_ref()
            .map(|r| format!(" {r}"))
            .unwrap_or_default();
        let free = if o.price.value.input + o.price.value.output == 0.0 {
            " (free plan)"
        } else {
            ""
        };
        let others = if o.price.is_conflicting() {
            format!(" {CONFLICT}")
        } else {
            String::new()
        };
        let text = format!(
            "{}{region} ({}): {}{free}{others} — as of {}, {}",
            o.provider_name,
            o.kind.as_str(),
            price_text(&o.price.value),
            o.as_of,
            out.sources(&o.price.sources),
        );
        out.wrapped(head, &text, LABEL, t.text);
    }
}

fn architecture_text(a: &crate::domain::catalog::Architecture) -> String {
    let mut text = format!(
        "{} layers, {} heads ({} KV) x {}, hidden {}, {} attention",
        a.layers,
        a.attention_heads,
        a.kv_heads,
        a.head_dim,
        a.hidden_size,
        a.attention.as_str()
    );
    if let (Some(rank), Some(rope)) = (a.kv_lora_rank, a.qk_rope_head_dim) {
        text.push_str(&format!(" (latent {rank} + rope {rope})"));
    }
    if let (Some(w), Some(n)) = (a.sliding_window, a.sliding_layers) {
        text.push_str(&format!(" ({n} layers see {w} tokens)"));
    }
    if let Some(n) = a.linear_layers {
        text.push_str(&format!(" ({n} linear layers)"));
    }
    text
}

fn figures(out: &mut Out, m: &Model) {
    let t = out.t;
    let head = vec![Span::styled(
        format!(" {:<w$}", "Vendor", w = LABEL - 1),
        t.header,
    )];
    out.wrapped(head, &m.vendor, LABEL, t.text);
    out.figure("Openness", &m.openness, |o| {
        format!("{} ({})", o.short(), o.as_str())
    });
    if let Some(f) = &m.origin {
        out.figure("Origin", f, |s| s.clone());
    }
    if let Some(f) = &m.license {
        out.figure("License", f, |s| {
            format!("{s} [{}]", m.license_family.as_str())
        });
    } else {
        let head = vec![Span::styled(
            format!(" {:<w$}", "License", w = LABEL - 1),
            t.header,
        )];
        out.wrapped(
            head,
            &format!("family {}", m.license_family.as_str()),
            LABEL,
            t.text,
        );
    }
    if let Some(f) = &m.release {
        out.figure("Release", f, |s| s.clone());
    }
    if let Some(f) = &m.total_params_b {
        out.figure("Parameters", f, |v| {
            format!("{} total", format::billions(*v))
        });
    }
    if let Some(f) = &m.active_params_b {
        out.figure("Active params", f, |v| {
            format!("{} per token", format::billions(*v))
        });
    }
    if let Some(f) = &m.experts {
        out.figure("Experts", f, |v| v.to_string());
    }
    if let Some(f) = &m.context_tokens {
        out.figure("Context", f, |v| format!("{} tokens", format::tokens(*v)));
    }
    if let Some(f) = &m.price {
        out.figure("API price", f, price_text);
    }
    offerings(out, m);
    if let Some(f) = &m.architecture {
        out.figure("Architecture", f, architecture_text);
    }
    if let Some(repo) = &m.hf_repo {
        let downloads = m
            .downloads
            .map(|d| format!(", {} downloads", format::tokens(d)))
            .unwrap_or_default();
        let head = vec![Span::styled(
            format!(" {:<w$}", "Weights", w = LABEL - 1),
            t.header,
        )];
        out.wrapped(
            head,
            &format!("huggingface.co/{repo}{downloads}"),
            LABEL,
            t.text,
        );
    }
    if let Some(f) = &m.modalities {
        out.figure("Modalities", f, |v| {
            v.iter().map(|m| m.as_str()).collect::<Vec<_>>().join(", ")
        });
    }
    for (bench, f) in &m.scores {
        out.figure(bench, f, |v| format::score(*v));
    }
    let unknown: Vec<&str> = [
        ("origin", m.origin.is_none()),
        ("release", m.release.is_none()),
        ("parameters", m.total_params_b.is_none()),
        ("context", m.context_tokens.is_none()),
        ("API price", m.price.is_none()),
    ]
    .iter()
    .filter(|(_, missing)| *missing)
    .map(|(n, _)| *n)
    .collect();
    if !unknown.is_empty() {
        let head = vec![Span::styled(
            format!(" {:<w$}", "Unknown", w = LABEL - 1),
            t.header,
        )];
        out.wrapped(head, &unknown.join(", "), LABEL, t.unknown);
    }
}
