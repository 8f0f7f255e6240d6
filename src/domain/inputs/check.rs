//! Section 6 of cost-model.md for the user's inputs: each one finite and inside its row's range
//! before anything is computed from it. The order of the checks is the order errors are
//! reported in (the CLI's tests depend on it).

use super::InputId as Id;
use crate::domain::cost::{Deployment, InputError, Workload};

/// The inputs table's range for `id`: one place for every range.
fn check(id: Id, v: f64) -> Result<(), InputError> {
    id.row().check(v)
}

impl Workload {
    pub fn validate(&self) -> Result<(), InputError> {
        check(Id::Volume, self.tokens_per_day)?;
        check(Id::InputShare, self.input_share)?;
        check(Id::PromptTokens, self.prompt_tokens)
    }
}

impl Deployment {
    pub fn validate(&self) -> Result<(), InputError> {
        self.check_parameters()?;
        check(Id::KvOverhead, self.kv_overhead)?;
        self.check_gpu_figures()?;
        check(Id::Efficiency, self.efficiency)?;
        check(Id::Utilization, self.utilization)?;
        check(Id::MinReplicas, f64::from(self.min_replicas))?;
        if let Some(t) = self.throughput {
            check(Id::Throughput, t)?;
        }
        check(Id::GpuHourPrice, self.gpu_hour_price)?;
        check(Id::GpuPrice, self.gpu_price)?;
        check(Id::Years, self.years)?;
        check(Id::PowerWatts, self.power_watts)?;
        check(Id::Pue, self.pue)?;
        check(Id::PowerPrice, self.power_price)?;
        check(Id::Colo, self.colo)?;
        check(Id::Fte, self.fte)?;
        check(Id::Salary, self.salary)?;
        check(Id::Overhead, self.overhead)?;
        self.validate_derived()
    }
}
