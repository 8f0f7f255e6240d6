//! Compliance rules as data, and their evaluation against what a plan uses where.
//!
//! A rule applies in some regions (or everywhere) and sectors (or all), and matches a
//! *subject*: a model used in a given way (through an API or self-hosted) with some kinds of
//! data routed to it. Every finding names its rule, its subject and its source.

use super::catalog::{LicenseFamily, Modality, Model, Openness, SourceId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// How sensitive the data sent to a model is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Sensitivity {
    Public,
    Internal,
    Confidential,
    Regulated,
}

impl Sensitivity {
    pub const ALL: [Sensitivity; 4] = [
        Sensitivity::Public,
        Sensitivity::Internal,
        Sensitivity::Confidential,
        Sensitivity::Regulated,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Sensitivity::Public => "public",
            Sensitivity::Internal => "internal",
            Sensitivity::Confidential => "confidential",
            Sensitivity::Regulated => "regulated",
        }
    }
}

/// How a model is reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DeploymentKind {
    /// Through the vendor's (or a host's) API: data leaves the company.
    Api,
    /// Weights run on the company's own or rented machines.
    SelfHosted,
}

impl DeploymentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DeploymentKind::Api => "api",
            DeploymentKind::SelfHosted => "self-hosted",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Severity {
    Info,
    Warn,
    Block,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warn => "warn",
            Severity::Block => "block",
        }
    }
}

/// A jurisdiction; `within` names the larger ones it belongs to (Italy is within the EU).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub within: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sector {
    pub id: String,
    pub name: String,
}

/// What a rule matches. Every non-empty list must contain the subject's value (any of the
/// listed values will do); empty lists and `None` match everything.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Match {
    #[serde(default)]
    pub origins: Vec<String>,
    #[serde(default)]
    pub vendors: Vec<String>,
    /// Model ids, or prefixes ending in `*` (`llama-4*`).
    #[serde(default)]
    pub models: Vec<String>,
    #[serde(default)]
    pub openness: Vec<Openness>,
    #[serde(default)]
    pub license_families: Vec<LicenseFamily>,
    /// The model supports one of these modalities.
    #[serde(default)]
    pub modalities: Vec<Modality>,
    #[serde(default)]
    pub deployment: Option<DeploymentKind>,
    /// `true`: the model is bought from a third party (a cloud or an inference host) rather
    /// than from its maker; `false`: from its maker, or self-hosted.
    #[serde(default)]
    pub hosted: Option<bool>,
    /// A third party serves it from one of these regions (or a region within one); an offering
    /// that does not say where it serves matches none.
    #[serde(default)]
    pub host_regions: Vec<String>,
    /// Data of one of these sensitivities is routed to the model.
    #[serde(default)]
    pub sensitivities: Vec<Sensitivity>,
}

impl Match {
    /// A rule that says nothing about models applies to the plan as a whole.
    pub fn is_plan_wide(&self) -> bool {
        self.origins.is_empty()
            && self.vendors.is_empty()
            && self.models.is_empty()
            && self.openness.is_empty()
            && self.license_families.is_empty()
            && self.modalities.is_empty()
            && self.deployment.is_none()
            && self.hosted.is_none()
            && self.host_regions.is_empty()
            && self.sensitivities.is_empty()
    }

    pub fn admits(&self, subject: &Subject) -> bool {
        let model = subject.model;
        let listed = |list: &[String], value: Option<&str>| {
            list.is_empty() || value.is_some_and(|v| list.iter().any(|l| l == v))
        };
        listed(&self.origins, model.origin_name())
            && listed(&self.vendors, Some(&model.vendor))
            && (self.models.is_empty() || self.models.iter().any(|p| id_matches(p, &model.id)))
            && (self.openness.is_empty() || self.openness.contains(&model.openness.value))
            && (self.license_families.is_empty()
                || self.license_families.contains(&model.license_family))
            && (self.modalities.is_empty()
                || self.modalities.iter().any(|m| model.has_modality(*m)))
            && self.deployment.is_none_or(|d| d == subject.deployment)
            && self.hosted.is_none_or(|h| h == subject.host.is_some())
            && (self.host_regions.is_empty()
                || subject
                    .host
                    .as_ref()
                    .is_some_and(|h| self.host_regions.iter().any(|r| h.places.contains(r))))
            && (self.sensitivities.is_empty()
                || self
                    .sensitivities
                    .iter()
                    .any(|s| subject.sensitivities.contains(s)))
    }
}

fn id_matches(pattern: &str, id: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => id.starts_with(prefix),
        None => pattern == id,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    /// Region ids where the rule applies; empty means everywhere.
    #[serde(default)]
    pub regions: Vec<String>,
    /// Sector ids where the rule applies; empty means every sector.
    #[serde(default)]
    pub sectors: Vec<String>,
    #[serde(default)]
    pub when: Match,
    pub severity: Severity,
    /// In our own words.
    pub message: String,
    pub source: SourceId,
}

/// Everything `assets/rules.ron` holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleBook {
    pub regions: Vec<Region>,
    pub sectors: Vec<Sector>,
    pub rules: Vec<Rule>,
}

/// A model used one way, with the data routed to it.
#[derive(Debug, Clone)]
pub struct Subject<'a> {
    /// How the finding names it: `tier 1: GPT-5.5` or `API: GPT-5.5`.
    pub label: String,
    pub model: &'a Model,
    pub deployment: DeploymentKind,
    pub sensitivities: BTreeSet<Sensitivity>,
    /// Set when a third party (cloud or host) serves the model: where the data goes then.
    pub host: Option<Host>,
}

/// The third party that serves a model through its API, and where it serves it.
#[derive(Debug, Clone, PartialEq)]
pub struct Host {
    pub provider: String,
    /// The offering's region, when it states one.
    pub region: Option<String>,
    /// That region and every region it lies within (empty when unstated).
    pub places: BTreeSet<String>,
}

impl Host {
    pub fn new(book: &RuleBook, provider: &str, region: Option<&str>) -> Host {
        Host {
            provider: provider.to_string(),
            region: region.map(str::to_string),
            places: region
                .map(|r| book.region_and_parents(r))
                .unwrap_or_default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub rule: String,
    pub subject: String,
    pub message: String,
    pub source: SourceId,
}

/// Label of a finding that concerns the whole plan rather than one model.
pub const WHOLE_PLAN: &str = "whole plan";

impl RuleBook {
    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }

    pub fn sector(&self, id: &str) -> Option<&Sector> {
        self.sectors.iter().find(|s| s.id == id)
    }

    /// The region and every region it lies within, transitively (cycles are cut).
    pub fn region_and_parents(&self, id: &str) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut todo = vec![id.to_string()];
        while let Some(next) = todo.pop() {
            if seen.insert(next.clone())
                && let Some(region) = self.region(&next)
            {
                todo.extend(region.within.iter().cloned());
            }
        }
        seen
    }

    /// Every rule that fires for these subjects in this region and sector, worst first,
    /// then by rule id and subject so the order is stable.
    pub fn evaluate(&self, region: &str, sector: &str, subjects: &[Subject]) -> Vec<Finding> {
        let places = self.region_and_parents(region);
        let mut findings = Vec::new();
        for rule in &self.rules {
            let in_region =
                rule.regions.is_empty() || rule.regions.iter().any(|r| places.contains(r));
            let in_sector = rule.sectors.is_empty() || rule.sectors.iter().any(|s| s == sector);
            if !(in_region && in_sector) {
                continue;
            }
            let finding = |subject: &str| Finding {
                severity: rule.severity,
                rule: rule.id.clone(),
                subject: subject.to_string(),
                message: rule.message.clone(),
                source: rule.source.clone(),
            };
            if rule.when.is_plan_wide() {
                findings.push(finding(WHOLE_PLAN));
                continue;
            }
            for subject in subjects.iter().filter(|s| rule.when.admits(s)) {
                let f = finding(&subject.label);
                if !findings.contains(&f) {
                    findings.push(f);
                }
            }
        }
        findings.sort_by(|a, b| {
            b.severity
                .cmp(&a.severity)
                .then_with(|| a.rule.cmp(&b.rule))
                .then_with(|| a.subject.cmp(&b.subject))
        });
        findings
    }

    /// Problems a loaded rule book may have: unknown regions, sectors or sources, duplicates.
    pub fn problems(&self, known_sources: &BTreeSet<&str>) -> Vec<String> {
        let mut problems = Vec::new();
        let mut ids = BTreeSet::new();
        for region in &self.regions {
            if !ids.insert(format!("region:{}", region.id)) {
                problems.push(format!("regions[{}]: id appears more than once", region.id));
            }
            for parent in &region.within {
                if self.region(parent).is_none() {
                    problems.push(format!(
                        "regions[{}].within: unknown region {parent:?}",
                        region.id
                    ));
                }
            }
        }
        for sector in &self.sectors {
            if !ids.insert(format!("sector:{}", sector.id)) {
                problems.push(format!("sectors[{}]: id appears more than once", sector.id));
            }
        }
        for rule in &self.rules {
            if !ids.insert(format!("rule:{}", rule.id)) {
                problems.push(format!("rules[{}]: id appears more than once", rule.id));
            }
            for r in rule.regions.iter().filter(|r| self.region(r).is_none()) {
                problems.push(format!("rules[{}].regions: unknown region {r:?}", rule.id));
            }
            for r in rule
                .when
                .host_regions
                .iter()
                .filter(|r| self.region(r).is_none())
            {
                problems.push(format!(
                    "rules[{}].when.host_regions: unknown region {r:?}",
                    rule.id
                ));
            }
            for s in rule.sectors.iter().filter(|s| self.sector(s).is_none()) {
                problems.push(format!("rules[{}].sectors: unknown sector {s:?}", rule.id));
            }
            if !known_sources.contains(rule.source.as_str()) {
                problems.push(format!(
                    "rules[{}].source: {:?} is not in sources.ron",
                    rule.id, rule.source
                ));
            }
            if rule.message.trim().is_empty() {
                problems.push(format!("rules[{}].message: is empty", rule.id));
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests;
