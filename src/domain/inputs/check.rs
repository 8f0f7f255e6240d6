//! Section 6 of cost-model.md for the user's inputs: each one finite and inside its row's range
//! before anything is computed from it. The order of the checks is the order errors are
//! reported in (the CLI's tests depend on it).

use super::{INPUTS, InputId as Id};
use crate::domain::cost::{Deployment, InputError, Workload};

/// The inputs table's range for `id`: one place for every range.
fn check(id: Id, v: f64) -> Result<(), InputError> {
    id.row().check(v)
}

impl Workload {
    /// Every workload row, in table order: a new workload input is checked once it has a row.
    pub fn validate(&self) -> Result<(), InputError> {
        for row in &INPUTS {
            if let Some(v) = row.workload_value(self) {
                row.check(v)?;
            }
        }
        Ok(())
    }
}

impl Deployment {
    /// The resolved deployment holds the database's figures where the user set none, so each
    /// input is read from it by name here; a new deployment input adds its line.
    pub fn validate(&self) -> Result<(), InputError> {
        self.check_parameters()?;
        check(Id::KvOverhead, self.kv_overhead)?;
        self.check_gpu_figures()?;
        check(Id::Efficiency, self.efficiency)?;
        check(Id::Utilization, self.utilization)?;
        check(Id::MinReplicas, f64::from(self.min_replicas))?;
        if let Some(n) = self.gpus_per_replica {
            check(Id::GpusPerReplica, f64::from(n))?;
        }
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
