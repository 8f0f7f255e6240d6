//! Applying parsed user entries to the embedded data: a known id overrides the fields it
//! gives, a new id must give every required field. A replaced figure keeps the database's
//! value as an alternative, so the sourced figure stays visible beside the user's own.

use super::patch::{FigurePatch, GpuPatch, ModelPatch, NotePatch, RulesPatch};
use crate::domain::catalog::{Alternative, Catalog, Figure, Gpu, Model};
use crate::domain::rules::{Rule, RuleBook};
use crate::domain::validate::{Problem, is_valid_id};
use std::collections::{BTreeSet, HashSet};

/// How many entries of a file add a new id and how many override an existing one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub new: usize,
    pub overrides: usize,
}

const REPLACED: &str = "The database's figure, replaced by your own.";

fn replace<T: PartialEq>(slot: &mut Figure<T>, patch: FigurePatch<T>, user: &str) {
    let old = std::mem::replace(slot, patch.into_figure(user));
    if old.value != slot.value {
        slot.alternatives.push(Alternative {
            value: old.value,
            sources: old.sources,
            range: old.range,
            note: Some(REPLACED.into()),
        });
    }
    slot.alternatives.extend(old.alternatives);
}

fn replace_opt<T: PartialEq>(
    slot: &mut Option<Figure<T>>,
    patch: Option<FigurePatch<T>>,
    user: &str,
) {
    let Some(patch) = patch else { return };
    match slot {
        Some(figure) => replace(figure, patch, user),
        None => *slot = Some(patch.into_figure(user)),
    }
}

fn set<T>(slot: &mut T, value: Option<T>) {
    if let Some(v) = value {
        *slot = v;
    }
}

fn notes(
    patches: Vec<NotePatch>,
    user: &str,
) -> impl Iterator<Item = crate::domain::catalog::Note> {
    patches.into_iter().map(move |n| n.into_note(user))
}

fn override_model(m: &mut Model, p: ModelPatch, user: &str) {
    set(&mut m.name, p.name);
    set(&mut m.vendor, p.vendor);
    replace_opt(&mut m.origin, p.origin, user);
    if let Some(o) = p.openness {
        replace(&mut m.openness, o, user);
    }
    replace_opt(&mut m.license, p.license, user);
    set(&mut m.license_family, p.license_family);
    replace_opt(&mut m.release, p.release, user);
    replace_opt(&mut m.total_params_b, p.total_params_b, user);
    replace_opt(&mut m.active_params_b, p.active_params_b, user);
    replace_opt(&mut m.experts, p.experts, user);
    replace_opt(&mut m.context_tokens, p.context_tokens, user);
    replace_opt(&mut m.price, p.price, user);
    replace_opt(&mut m.modalities, p.modalities, user);
    for (bench, score) in p.scores {
        let mut slot = m.scores.remove(&bench);
        replace_opt(&mut slot, Some(score), user);
        m.scores.extend(slot.map(|s| (bench, s)));
    }
    set(&mut m.description, p.description);
    m.notes.extend(notes(p.notes, user));
}

fn missing_problem(kind: &str, id: &str, missing: &[&str]) -> Problem {
    Problem {
        path: format!("{kind}[{id}]"),
        message: format!(
            "{id:?} is not in the database, so it is a new entry and needs {}; missing: {}",
            match kind {
                "models" => "name, vendor, openness, license_family and description",
                _ => "name, vendor, memory_gb, bf16_tflops and power_w",
            },
            missing.join(", ")
        ),
    }
}

fn new_model(p: ModelPatch, user: &str) -> Result<Model, Problem> {
    let missing: Vec<&str> = [
        ("name", p.name.is_none()),
        ("vendor", p.vendor.is_none()),
        ("openness", p.openness.is_none()),
        ("license_family", p.license_family.is_none()),
        ("description", p.description.is_none()),
    ]
    .into_iter()
    .filter_map(|(f, absent)| absent.then_some(f))
    .collect();
    let (Some(name), Some(vendor), Some(openness), Some(license_family), Some(description)) = (
        p.name,
        p.vendor,
        p.openness,
        p.license_family,
        p.description,
    ) else {
        return Err(missing_problem("models", &p.id, &missing));
    };
    Ok(Model {
        id: p.id,
        name,
        vendor,
        origin: p.origin.map(|f| f.into_figure(user)),
        openness: openness.into_figure(user),
        license: p.license.map(|f| f.into_figure(user)),
        license_family,
        release: p.release.map(|f| f.into_figure(user)),
        total_params_b: p.total_params_b.map(|f| f.into_figure(user)),
        active_params_b: p.active_params_b.map(|f| f.into_figure(user)),
        experts: p.experts.map(|f| f.into_figure(user)),
        context_tokens: p.context_tokens.map(|f| f.into_figure(user)),
        price: p.price.map(|f| f.into_figure(user)),
        modalities: p.modalities.map(|f| f.into_figure(user)),
        scores: p
            .scores
            .into_iter()
            .map(|(k, f)| (k, f.into_figure(user)))
            .collect(),
        description,
        notes: notes(p.notes, user).collect(),
        hf_repo: None,
        downloads: None,
        architecture: None,
        offerings: Vec::new(),
    })
}

fn duplicate(kind: &str, id: &str) -> Problem {
    Problem {
        path: format!("{kind}[{id}].id"),
        message: format!("id {id:?} appears more than once in this file; give each id once"),
    }
}

/// Merge model entries into the catalogue; problems found while merging (not yet validated).
pub fn apply_models(
    catalog: &mut Catalog,
    patches: Vec<ModelPatch>,
    user: &str,
) -> (Counts, Vec<Problem>) {
    merge_entries(
        &mut catalog.models,
        patches,
        "models",
        |m, p| override_model(m, p, user),
        |p| new_model(p, user),
    )
}

/// Anything merged by its id.
trait Keyed {
    fn key(&self) -> &str;
}

macro_rules! keyed_by_id {
    ($($t:ty),*) => {$(
        impl Keyed for $t {
            fn key(&self) -> &str {
                &self.id
            }
        }
    )*};
}
keyed_by_id!(Model, ModelPatch, Gpu, GpuPatch);

/// Each patch overrides the entry with its id or, when there is none, becomes a new entry;
/// an id given twice in one file is a problem, not a silent last-one-wins.
fn merge_entries<T: Keyed, P: Keyed>(
    list: &mut Vec<T>,
    patches: Vec<P>,
    kind: &str,
    override_with: impl Fn(&mut T, P),
    create: impl Fn(P) -> Result<T, Problem>,
) -> (Counts, Vec<Problem>) {
    let mut counts = Counts::default();
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for p in patches {
        let id = p.key().to_string();
        if !seen.insert(id.clone()) {
            problems.push(duplicate(kind, &id));
            continue;
        }
        match list.iter_mut().find(|e| e.key() == id) {
            Some(e) => {
                counts.overrides += 1;
                override_with(e, p);
            }
            None => {
                counts.new += 1;
                match create(p) {
                    Ok(e) => list.push(e),
                    Err(problem) => problems.push(problem),
                }
            }
        }
    }
    (counts, problems)
}

fn override_gpu(g: &mut Gpu, p: GpuPatch, user: &str) {
    set(&mut g.name, p.name);
    set(&mut g.vendor, p.vendor);
    for (slot, patch) in [
        (&mut g.memory_gb, p.memory_gb),
        (&mut g.bf16_tflops, p.bf16_tflops),
        (&mut g.power_w, p.power_w),
    ] {
        if let Some(patch) = patch {
            replace(slot, patch, user);
        }
    }
    replace_opt(&mut g.purchase_usd, p.purchase_usd, user);
    replace_opt(&mut g.rent_usd_per_hour, p.rent_usd_per_hour, user);
    g.notes.extend(notes(p.notes, user));
}

fn new_gpu(p: GpuPatch, user: &str) -> Result<Gpu, Problem> {
    let missing: Vec<&str> = [
        ("name", p.name.is_none()),
        ("vendor", p.vendor.is_none()),
        ("memory_gb", p.memory_gb.is_none()),
        ("bf16_tflops", p.bf16_tflops.is_none()),
        ("power_w", p.power_w.is_none()),
    ]
    .into_iter()
    .filter_map(|(f, absent)| absent.then_some(f))
    .collect();
    let (Some(name), Some(vendor), Some(memory), Some(tflops), Some(power)) =
        (p.name, p.vendor, p.memory_gb, p.bf16_tflops, p.power_w)
    else {
        return Err(missing_problem("gpus", &p.id, &missing));
    };
    Ok(Gpu {
        id: p.id,
        name,
        vendor,
        memory_gb: memory.into_figure(user),
        bf16_tflops: tflops.into_figure(user),
        power_w: power.into_figure(user),
        purchase_usd: p.purchase_usd.map(|f| f.into_figure(user)),
        rent_usd_per_hour: p.rent_usd_per_hour.map(|f| f.into_figure(user)),
        memory_bandwidth_tb_s: None,
        fp8_tflops: None,
        int8_tops: None,
        fp4_tflops: None,
        rent_offers: Vec::new(),
        notes: notes(p.notes, user).collect(),
    })
}

/// Merge GPU entries into the catalogue.
pub fn apply_gpus(
    catalog: &mut Catalog,
    patches: Vec<GpuPatch>,
    user: &str,
) -> (Counts, Vec<Problem>) {
    merge_entries(
        &mut catalog.gpus,
        patches,
        "gpus",
        |g, p| override_gpu(g, p, user),
        |p| new_gpu(p, user),
    )
}

/// Put `item` in place of the entry with the same id, or add it; true when it replaced one.
fn upsert<T>(list: &mut Vec<T>, item: T, id: impl Fn(&T) -> &str) -> bool {
    match list.iter().position(|x| id(x) == id(&item)) {
        Some(i) => {
            list[i] = item;
            true
        }
        None => {
            list.push(item);
            false
        }
    }
}

/// Merge regions, sectors and rules by id, then check the whole book against `known` sources.
pub fn apply_rules(
    book: &mut RuleBook,
    patch: RulesPatch,
    user: &str,
    known: &BTreeSet<&str>,
) -> (Counts, Vec<Problem>) {
    let mut counts = Counts::default();
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    let mut tally = |replaced: bool| {
        if replaced {
            counts.overrides += 1;
        } else {
            counts.new += 1;
        }
    };
    let mut check_id = |kind: &str, id: &str, problems: &mut Vec<Problem>| {
        if !is_valid_id(id) {
            problems.push(Problem {
                path: format!("{kind}[{id}].id"),
                message: format!(
                    "id {id:?} is not allowed; use lowercase letters, digits, '-' and '.'"
                ),
            });
        }
        if !seen.insert(format!("{kind}:{id}")) {
            problems.push(duplicate(kind, id));
        }
    };
    for region in patch.regions {
        check_id("regions", &region.id, &mut problems);
        tally(upsert(&mut book.regions, region, |r| &r.id));
    }
    for sector in patch.sectors {
        check_id("sectors", &sector.id, &mut problems);
        tally(upsert(&mut book.sectors, sector, |s| &s.id));
    }
    for r in patch.rules {
        check_id("rules", &r.id, &mut problems);
        let rule = Rule {
            id: r.id,
            regions: r.regions,
            sectors: r.sectors,
            when: r.when,
            severity: r.severity,
            message: r.message,
            source: r.source.unwrap_or_else(|| user.to_string()),
        };
        tally(upsert(&mut book.rules, rule, |r| &r.id));
    }
    for text in book.problems(known) {
        // Messages read `rules[x].field: what is wrong`.
        let (path, message) = text.split_once(": ").unwrap_or(("rules", text.as_str()));
        problems.push(Problem {
            path: path.to_string(),
            message: message.to_string(),
        });
    }
    (counts, problems)
}
