//! `tierwise models`: the catalogue as an aligned table, JSON with provenance, or CSV.

use super::args::{ModelsArgs, ModelsFormat};
use super::errors::CliError;
use super::models_json;
use super::output::{
    Align, Column, UNKNOWN, csv_record, plain_number, price_text, short_count, table,
};
use crate::domain::catalog::{Catalog, Figure, Model};
use crate::domain::query::{self, Query};

/// The text the command prints.
pub fn run(catalog: &Catalog, args: &ModelsArgs) -> Result<String, CliError> {
    let mut q = Query {
        text: args.search.clone().unwrap_or_default(),
        ..Query::default()
    };
    q.filters.tiers = args.tier.iter().map(|&t| t.into()).collect();
    q.filters.providers = args.provider.iter().map(|p| p.trim().to_string()).collect();
    if args.open {
        q.filters.openish = Some(query::Openish::Open);
    }
    for (flag, value) in [
        ("--min-params", args.min_params),
        ("--max-params", args.max_params),
    ] {
        if value.is_some_and(|v| v < 0.0) {
            return Err(CliError::Input(format!(
                "{flag} {} is negative; expected billions of parameters, 0 or more",
                value.unwrap_or_default()
            )));
        }
    }
    q.filters.min_params = args.min_params;
    q.filters.max_params = args.max_params;
    if let Some(p) = &args.provider
        && !catalog
            .models
            .iter()
            .any(|m| q.filters.sold_by_listed_provider(m))
    {
        return Err(CliError::Input(format!(
            "--provider {p:?} sells no model in the catalogue; known providers: {}",
            known_providers(catalog)
        )));
    }
    let models: Vec<&Model> = query::run(catalog, &q)
        .into_iter()
        .take(args.limit.unwrap_or(usize::MAX))
        .map(|hit| &catalog.models[hit.index])
        .collect();
    match args.format {
        ModelsFormat::Table => Ok(render_table(&models)),
        ModelsFormat::Json => models_json::render(&models)
            .map_err(|e| CliError::Failure(format!("cannot encode JSON: {e}"))),
        ModelsFormat::Csv => Ok(render_csv(&models)),
    }
}

/// Provider ids that sell at least one model, sorted.
fn known_providers(catalog: &Catalog) -> String {
    let ids: std::collections::BTreeSet<&str> = catalog
        .models
        .iter()
        .flat_map(|m| &m.offerings)
        .map(|o| o.provider.as_str())
        .collect();
    ids.into_iter().collect::<Vec<_>>().join(", ")
}

const COLUMNS: [Column; 9] = [
    Column {
        header: "ID",
        align: Align::Left,
        max: 21,
    },
    Column {
        header: "VENDOR",
        align: Align::Left,
        max: 11,
    },
    Column {
        header: "TIER",
        align: Align::Left,
        max: 4,
    },
    Column {
        header: "PARAMS B",
        align: Align::Right,
        max: 10,
    },
    Column {
        header: "CONTEXT",
        align: Align::Right,
        max: 7,
    },
    Column {
        header: "IN $/M",
        align: Align::Right,
        max: 7,
    },
    Column {
        header: "OUT $/M",
        align: Align::Right,
        max: 7,
    },
    Column {
        header: "RELEASE",
        align: Align::Left,
        max: 7,
    },
    Column {
        header: "LICENSE",
        align: Align::Left,
        max: 10,
    },
];

/// Aligned table, at most 100 columns wide; `*` marks a figure whose sources disagree.
pub fn render_table(models: &[&Model]) -> String {
    if models.is_empty() {
        return "No model matches.\n".into();
    }
    let rows: Vec<Vec<String>> = models.iter().map(|m| table_row(m)).collect();
    let mut out = table(&COLUMNS, &rows);
    out.push_str(&format!(
        "\n{} model(s). TIER: FO fully-open, OP open-weights-permissive, \
         OR open-weights-restricted,\nCL closed-api. {UNKNOWN} unknown; * sources disagree \
         (tierwise models --format json shows all).\n",
        models.len()
    ));
    out
}

fn table_row(m: &Model) -> Vec<String> {
    let params = match (&m.total_params_b, &m.active_params_b) {
        (Some(t), Some(a)) => format!("{}/{}", plain_number(t.value), plain_number(a.value)),
        (Some(t), None) => plain_number(t.value),
        (None, _) => UNKNOWN.into(),
    };
    let params_marked = m
        .total_params_b
        .as_ref()
        .is_some_and(Figure::is_conflicting)
        || m.active_params_b
            .as_ref()
            .is_some_and(Figure::is_conflicting);
    let price_cell = |pick: fn(&crate::domain::catalog::Price) -> f64| {
        m.price.as_ref().map_or(UNKNOWN.to_string(), |p| {
            marked(price_text(pick(&p.value)), p.is_conflicting())
        })
    };
    vec![
        m.id.clone(),
        m.vendor.clone(),
        marked(m.openness.value.short().into(), m.openness.is_conflicting()),
        marked(params, params_marked),
        figure_text(&m.context_tokens, |v| short_count(*v as f64)),
        price_cell(|p| p.input),
        price_cell(|p| p.output),
        // Month precision keeps the table within 100 columns; JSON and CSV give the day.
        figure_text(&m.release, |r| r.chars().take(7).collect()),
        m.license_family.as_str().into(),
    ]
}

fn figure_text<T>(f: &Option<Figure<T>>, text: impl Fn(&T) -> String) -> String {
    f.as_ref().map_or(UNKNOWN.to_string(), |f| {
        marked(text(&f.value), f.is_conflicting())
    })
}

fn marked(text: String, conflicting: bool) -> String {
    if conflicting {
        format!("{text}*")
    } else {
        text
    }
}

const CSV_HEADER: [&str; 20] = [
    "id",
    "name",
    "vendor",
    "origin",
    "openness",
    "license",
    "license_family",
    "release",
    "total_params_b",
    "active_params_b",
    "experts",
    "context_tokens",
    "input_usd_per_million",
    "output_usd_per_million",
    "long_context_above_tokens",
    "long_context_input_usd_per_million",
    "long_context_output_usd_per_million",
    "modalities",
    "scores",
    "description",
];

/// CSV: a header and one record per model, default values only; unknown is an empty field.
pub fn render_csv(models: &[&Model]) -> String {
    let header: Vec<String> = CSV_HEADER.iter().map(|h| h.to_string()).collect();
    let mut out = csv_record(&header);
    for m in models {
        out.push_str(&csv_record(&csv_row(m)));
    }
    out
}

fn csv_row(m: &Model) -> Vec<String> {
    let val = |f: &Option<Figure<f64>>| f.as_ref().map_or(String::new(), |f| plain_number(f.value));
    let price = m.price.as_ref().map(|p| &p.value);
    let long = price.and_then(|p| p.long_context.as_ref());
    let num = |v: Option<f64>| v.map_or(String::new(), plain_number);
    vec![
        m.id.clone(),
        m.name.clone(),
        m.vendor.clone(),
        m.origin.as_ref().map_or(String::new(), |f| f.value.clone()),
        m.openness.value.as_str().into(),
        m.license
            .as_ref()
            .map_or(String::new(), |f| f.value.clone()),
        m.license_family.as_str().into(),
        m.release
            .as_ref()
            .map_or(String::new(), |f| f.value.clone()),
        val(&m.total_params_b),
        val(&m.active_params_b),
        m.experts
            .as_ref()
            .map_or(String::new(), |f| f.value.to_string()),
        m.context_tokens
            .as_ref()
            .map_or(String::new(), |f| f.value.to_string()),
        num(price.map(|p| p.input)),
        num(price.map(|p| p.output)),
        long.map_or(String::new(), |l| l.above_tokens.to_string()),
        num(long.map(|l| l.input)),
        num(long.map(|l| l.output)),
        m.modalities.as_ref().map_or(String::new(), |f| {
            f.value
                .iter()
                .map(|m| m.as_str())
                .collect::<Vec<_>>()
                .join(";")
        }),
        m.scores
            .iter()
            .map(|(k, f)| format!("{k}={}", plain_number(f.value)))
            .collect::<Vec<_>>()
            .join(";"),
        m.description.clone(),
    ]
}
