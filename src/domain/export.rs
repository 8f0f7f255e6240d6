//! A whole scenario as one Markdown document, for the room's minutes: the inputs, the marked
//! models, the break-even table, a text chart of cost against volume, the hybrid plan with its
//! findings, the notes, and every source cited. Pure: built from the scenario and the data.

use super::breakeven::{VOLUME_MAX, VOLUME_MIN, crossover};
use super::catalog::{Catalog, SourceId};
use super::cost::api::api_choice;
use super::cost::{Deployment, api_monthly_cost_at, blended_price, self_host_cost};
use super::format::{self, Percent};
use super::hybrid::plan;
use super::report;
use super::rules::RuleBook;
use super::scenario::Scenario;
use super::sensitivity::Case;
use super::units::{format_tokens, format_usd_full};
use super::what_moves;

/// Columns and rows of the text chart.
const CHART_W: usize = 60;
const CHART_H: usize = 14;
/// Letters marking the API series; the self-hosted staircase is `S`.
const LETTERS: [char; 4] = ['A', 'B', 'C', 'D'];

/// One compared API model, priced at the scenario's workload.
struct ApiRow {
    name: String,
    blended: f64,
}

/// Table cells: pipes escaped and line breaks flattened, so a name cannot break the table.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn percent(v: f64) -> String {
    format::percent(v, Percent::Fixed(0))
}

fn model_name(catalog: &Catalog, id: &str) -> String {
    catalog
        .model(id)
        .map_or(id, |m| m.name.as_str())
        .to_string()
}

/// The Markdown document for `scenario`.
pub fn scenario_markdown(catalog: &Catalog, rules: &RuleBook, scenario: &Scenario) -> String {
    let mut out = String::new();
    let mut sources: Vec<SourceId> = Vec::new();
    let s = scenario;
    out.push_str(&format!("# Scenario: {}\n\n", cell(&s.name)));
    inputs(&mut out, catalog, rules, s);
    marks(&mut out, catalog, s, &mut sources);
    let apis = api_rows(catalog, s, &mut sources);
    let deployment = s.self_host.resolve_for(catalog, &s.workload);
    if let Some(gpu) = catalog.gpu(&s.self_host.gpu) {
        sources.extend(gpu.rent_usd_per_hour.iter().flat_map(|f| f.sources.clone()));
        sources.extend(gpu.purchase_usd.iter().flat_map(|f| f.sources.clone()));
        sources.extend(gpu.power_w.sources.clone());
    }
    out.push_str("## Break-even\n\n");
    match &deployment {
        Ok(d) => {
            breakeven_table(&mut out, s, &apis, d);
            out.push_str("## Cost by volume\n\n");
            out.push_str(&chart(&apis, d, s.workload.tokens_per_day));
            out.push('\n');
            let priced = s.api_models.iter().find_map(|id| {
                let c = api_choice(catalog, id).ok()?;
                Some((c.label(), c.price.value.clone()))
            });
            if let Some((name, price)) = priced {
                let case = Case {
                    workload: s.workload.clone(),
                    price,
                    choice: s.self_host.clone(),
                };
                out.push_str(&what_moves::breakeven_markdown(catalog, &case, &name, "##"));
            }
        }
        Err(e) => out.push_str(&format!(
            "The self-hosted deployment does not resolve: {e}\n\n"
        )),
    }
    match plan(catalog, rules, s) {
        Ok(p) => {
            sources.extend(p.findings.iter().map(|f| f.source.clone()));
            let doc = report::markdown(&report::build(catalog, s, &p), catalog, rules);
            // One level down: the plan is a section of this document.
            for line in doc.lines() {
                if line.starts_with('#') {
                    out.push('#');
                }
                out.push_str(line);
                out.push('\n');
            }
            out.push('\n');
            out.push_str(&what_moves::hybrid_markdown(catalog, s, "###"));
        }
        Err(e) => out.push_str(&format!(
            "## Hybrid plan\n\nThe plan cannot be computed: {e}\n"
        )),
    }
    out.push_str("\n## Notes\n\n");
    if s.notes.trim().is_empty() {
        out.push_str("No notes were written for this scenario.\n");
    } else {
        out.push_str(s.notes.trim_end());
        out.push('\n');
    }
    sources_section(&mut out, catalog, sources);
    out
}

fn inputs(out: &mut String, catalog: &Catalog, rules: &RuleBook, s: &Scenario) {
    let w = &s.workload;
    let region = rules.region(&s.region).map_or("", |r| r.name.as_str());
    let sector = rules.sector(&s.sector).map_or("", |r| r.name.as_str());
    let d = &s.self_host;
    let gpu = catalog
        .gpu(&d.gpu)
        .map_or(d.gpu.as_str(), |g| g.name.as_str());
    let st = &d.settings;
    out.push_str("## Inputs\n\n");
    out.push_str(&format!(
        "- Workload: {} tokens a day, {} input, prompts of {} tokens\n",
        format_tokens(w.tokens_per_day),
        percent(w.input_share),
        format_tokens(w.prompt_tokens)
    ));
    out.push_str(&format!(
        "- Place: {} (`{}`), sector {} (`{}`)\n",
        cell(region),
        s.region,
        cell(sector),
        s.sector
    ));
    let compared: Vec<String> = s
        .api_models
        .iter()
        .map(|id| api_choice(catalog, id).map_or_else(|_| id.clone(), |c| c.label()))
        .collect();
    out.push_str(&format!("- Compared API models: {}\n", compared.join(", ")));
    out.push_str(&format!(
        "- Self-hosted: {} on {} ({}, {}), utilization {}, efficiency {}, at least {} replica(s), {} FTE\n",
        model_name(catalog, &d.model),
        gpu,
        st.mode.as_str(),
        st.precision.as_str(),
        percent(st.utilization),
        percent(st.efficiency),
        st.min_replicas,
        st.fte
    ));
    if let Some(p) = &s.preset {
        out.push_str(&format!("- Article preset last loaded: `{p}`\n"));
    }
    out.push('\n');
}

fn marks(out: &mut String, catalog: &Catalog, s: &Scenario, sources: &mut Vec<SourceId>) {
    out.push_str("## Marked models\n\n");
    if s.marks.is_empty() {
        out.push_str("No models are marked.\n\n");
        return;
    }
    for id in &s.marks {
        match catalog.model(id) {
            Some(m) => {
                let price = m.price.as_ref().map_or("no API price".to_string(), |p| {
                    sources.extend(p.sources.clone());
                    format!(
                        "${} in / ${} out per million",
                        p.value.input, p.value.output
                    )
                });
                out.push_str(&format!(
                    "- {} ({}): {price}\n",
                    cell(&m.name),
                    cell(&m.vendor)
                ));
            }
            None => out.push_str(&format!("- `{id}` (not in the catalogue)\n")),
        }
    }
    out.push('\n');
}

fn api_rows(catalog: &Catalog, s: &Scenario, sources: &mut Vec<SourceId>) -> Vec<ApiRow> {
    s.api_models
        .iter()
        .filter_map(|id| {
            let c = api_choice(catalog, id).ok()?;
            let price = c.price;
            sources.extend(price.sources.clone());
            Some(ApiRow {
                name: c.label(),
                blended: blended_price(&price.value, &s.workload),
            })
        })
        .collect()
}

fn breakeven_table(out: &mut String, s: &Scenario, apis: &[ApiRow], d: &Deployment) {
    let v = s.workload.tokens_per_day;
    let host = self_host_cost(d, v);
    out.push_str(&format!(
        "At {} tokens a day, self-hosting costs {} a month.\n\n",
        format_tokens(v),
        format_usd_full(host.usd_per_month)
    ));
    out.push_str(
        "| API model | Blended $/M | API per month | Break-even | Cheaper for good from |\n",
    );
    out.push_str("|:--|--:|--:|--:|--:|\n");
    let when = |x: Option<f64>| x.map_or("never".to_string(), format_tokens);
    for a in apis {
        let x = crossover(a.blended, d);
        out.push_str(&format!(
            "| {} | ${:.2} | {} | {} | {} |\n",
            cell(&a.name),
            a.blended,
            format_usd_full(api_monthly_cost_at(a.blended, v)),
            when(x.break_even_tokens_per_day),
            when(x.stays_cheaper_from_tokens_per_day)
        ));
    }
    out.push('\n');
}

/// A log-log chart of monthly cost against daily volume in a code block: a letter per API
/// model, `S` for self-hosting, `*` where two meet, `|` at the current volume.
fn chart(apis: &[ApiRow], d: &Deployment, current: f64) -> String {
    let mut marks = vec![current];
    for a in apis {
        let x = crossover(a.blended, d);
        marks.extend(x.break_even_tokens_per_day);
        marks.extend(x.stays_cheaper_from_tokens_per_day);
    }
    let pos = marks.iter().filter(|v| v.is_finite() && **v > 0.0);
    let lo = pos.clone().fold(f64::MAX, |a, b| a.min(*b)).log10() - 1.0;
    let hi = pos.fold(f64::MIN, |a, b| a.max(*b)).log10() + 1.0;
    let (lo, hi) = (lo.max(VOLUME_MIN.log10()), hi.min(VOLUME_MAX.log10()));
    let volume = |c: usize| 10f64.powf(lo + (hi - lo) * c as f64 / (CHART_W - 1) as f64);
    // Costs per column, per series (API models first, then self-hosting).
    let columns: Vec<Vec<f64>> = (0..CHART_W)
        .map(|c| {
            let v = volume(c);
            let mut ys: Vec<f64> = apis
                .iter()
                .map(|a| api_monthly_cost_at(a.blended, v))
                .collect();
            ys.push(self_host_cost(d, v).usd_per_month);
            ys.into_iter().map(|y| y.max(1.0).log10()).collect()
        })
        .collect();
    let all = columns.iter().flatten();
    let ylo = all.clone().fold(f64::MAX, |a, b| a.min(*b));
    let yhi = all.fold(f64::MIN, |a, b| a.max(*b)).max(ylo + 1e-9);
    let mut grid = vec![vec![' '; CHART_W]; CHART_H];
    let now = ((current.max(1.0).log10() - lo) / (hi - lo) * (CHART_W - 1) as f64).round();
    if (0.0..CHART_W as f64).contains(&now) {
        grid.iter_mut().for_each(|row| row[now as usize] = '|');
    }
    for (c, ys) in columns.iter().enumerate() {
        for (i, y) in ys.iter().enumerate() {
            let r = ((yhi - y) / (yhi - ylo) * (CHART_H - 1) as f64).round() as usize;
            let letter = if i == apis.len() { 'S' } else { LETTERS[i % 4] };
            let at = &mut grid[r.min(CHART_H - 1)][c];
            *at = if at.is_ascii_alphabetic() {
                '*'
            } else {
                letter
            };
        }
    }
    let top = format_usd_full(10f64.powf(yhi));
    let bottom = format_usd_full(10f64.powf(ylo));
    let pad = top.len().max(bottom.len());
    let mut out = String::from("```text\n");
    for (r, row) in grid.iter().enumerate() {
        let label = match r {
            0 => top.clone(),
            r if r == CHART_H - 1 => bottom.clone(),
            _ => String::new(),
        };
        let line: String = row.iter().collect();
        out.push_str(&format!("{label:>pad$} ┤{}\n", line.trim_end()));
    }
    out.push_str(&format!("{:>pad$} └{}\n", "", "─".repeat(CHART_W)));
    let left = format_tokens(volume(0));
    let right = format_tokens(volume(CHART_W - 1));
    let gap = CHART_W.saturating_sub(left.len() + right.len());
    out.push_str(&format!("{:>pad$}  {left}{}{right}\n", "", " ".repeat(gap)));
    out.push_str(&format!(
        "{:>pad$}  tokens a day (log scale); cost a month (log scale); | is {}\n",
        "",
        format_tokens(current)
    ));
    for (i, a) in apis.iter().enumerate() {
        out.push_str(&format!("  {} {}\n", LETTERS[i % 4], a.name));
    }
    out.push_str("  S self-hosted\n```\n");
    out
}

fn sources_section(out: &mut String, catalog: &Catalog, mut ids: Vec<SourceId>) {
    let mut seen = Vec::new();
    ids.retain(|id| {
        let new = !seen.contains(id);
        seen.push(id.clone());
        new
    });
    out.push_str("\n## Sources\n\n");
    if ids.is_empty() {
        out.push_str("No sourced figure is cited above.\n");
    }
    for id in ids {
        match catalog.source(&id) {
            Some(s) => {
                let reference = s
                    .reference
                    .as_deref()
                    .map_or(String::new(), |r| format!(" ({r})"));
                out.push_str(&format!(
                    "- {}, {}, {}{reference}\n",
                    s.title, s.publisher, s.date
                ));
            }
            None => out.push_str(&format!("- `{id}`\n")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{embedded_catalog, embedded_rules, embedded_use_cases};

    fn setup() -> (Catalog, RuleBook, Scenario) {
        let catalog = embedded_catalog().unwrap();
        let rules = embedded_rules(&catalog).unwrap();
        let cases = embedded_use_cases(&catalog).unwrap();
        let mut s = Scenario::builtin("Board | Q3", &cases, |_| 2);
        crate::domain::hybrid::reroute(&catalog, &mut s).unwrap();
        (catalog, rules, s)
    }

    #[test]
    fn every_section_is_there_and_the_plan_is_one_level_down() {
        let (catalog, rules, mut s) = setup();
        s.notes = "We go hybrid.\nRevisit in June.".into();
        s.marks = vec!["llama-3.1-70b".into()];
        let md = scenario_markdown(&catalog, &rules, &s);
        for heading in [
            "# Scenario: Board \\| Q3",
            "## Inputs",
            "## Marked models",
            "## Break-even",
            "## Cost by volume",
            "## Hybrid plan: Board | Q3",
            "### Findings",
            "## Notes",
            "## Sources",
        ] {
            assert!(md.lines().any(|l| l == heading), "no {heading:?} in\n{md}");
        }
        assert!(md.contains("We go hybrid.\nRevisit in June.\n"));
        assert!(md.contains("| Claude Opus 4.7 |"), "{md}");
        assert!(md.contains("  S self-hosted\n```"));
    }

    #[test]
    fn an_unresolvable_deployment_is_said_not_hidden() {
        let (catalog, rules, mut s) = setup();
        s.self_host.model = "no-such-model".into();
        let md = scenario_markdown(&catalog, &rules, &s);
        assert!(md.contains("does not resolve"), "{md}");
        assert!(!md.contains("## Cost by volume"));
    }

    #[test]
    fn the_chart_has_its_rows_and_a_mark_per_series() {
        let (catalog, _, s) = setup();
        let mut sources = Vec::new();
        let apis = api_rows(&catalog, &s, &mut sources);
        let d = s.self_host.resolve(&catalog).unwrap();
        let text = chart(&apis, &d, s.workload.tokens_per_day);
        let plot: Vec<&str> = text.lines().filter(|l| l.contains('┤')).collect();
        assert_eq!(plot.len(), CHART_H);
        for letter in ['A', 'B', 'C', 'S'] {
            assert!(plot.iter().any(|l| l.contains(letter)), "{letter}\n{text}");
        }
        assert!(!sources.is_empty());
    }
}
