//! A deployment's replica through the serving estimate: the one place the cost model asks how
//! many GPUs a replica has and how fast it serves.

use super::{Deployment, InputError, Workload};
use crate::domain::serving::{self, GpuSpec, Inputs, NODE_SIZES, Plan, Shape, plan};

impl Deployment {
    /// The GPU's datasheet figures; `None` without a memory bandwidth.
    pub fn gpu_spec(&self) -> Option<GpuSpec> {
        Some(GpuSpec {
            memory_gb: self.gpu_memory_gb,
            bandwidth_tb_s: self.memory_bandwidth_tb_s?,
            bf16_tflops: self.gpu_tflops,
            fp8_tflops: self.fp8_tflops,
            int8_tops: self.int8_tops,
            fp4_tflops: self.fp4_tflops,
        })
    }

    /// What the serving estimate reads from this deployment.
    pub fn sizing_inputs(&self) -> Inputs<'_> {
        Inputs {
            total_b: self.params_total_b,
            active_b: self.params_active_b,
            architecture: self.architecture.as_ref(),
            gpu: self.gpu_spec(),
            precision: self.precision,
            kv_precision: self.kv_precision,
            serving: self.serving,
            shape: Shape {
                prompt_tokens: self.prompt_tokens,
                output_tokens: self.output_tokens,
            },
            pinned: self.gpus_per_replica,
            measured: self.throughput,
            volume: self.tokens_per_day,
            utilization: self.utilization,
            min_replicas: self.min_replicas,
            kv_overhead: self.kv_overhead,
            efficiency: self.efficiency,
            gpu_memory_gb: self.gpu_memory_gb,
            gpu_tflops: self.gpu_tflops,
        }
    }

    /// The replica sizes an operator could build, each as a pinned deployment: this one alone
    /// when the size is pinned, the throughput measured or the estimate parameter-only;
    /// otherwise every node size from the smallest that fits (cost-model.md section 3b). The
    /// bill at a volume, the break-even and the marginal price take the cheapest of them.
    pub fn size_options(&self) -> Vec<Deployment> {
        if self.gpus_per_replica.is_some() || self.throughput.is_some() {
            return vec![self.clone()];
        }
        let Some(smallest) = serving::smallest_fit(&self.sizing_inputs()) else {
            return vec![self.clone()];
        };
        let larger = NODE_SIZES.into_iter().filter(|&n| n > smallest);
        std::iter::once(smallest)
            .chain(larger)
            .map(|n| Deployment {
                gpus_per_replica: Some(n),
                ..self.clone()
            })
            .collect()
    }

    /// GPUs per replica, its throughput and why (cost-model.md section 3).
    pub fn plan(&self) -> Plan {
        plan(&self.sizing_inputs())
    }

    /// This deployment serving requests of the workload's prompt and output lengths, sized
    /// for its volume.
    pub fn shaped(mut self, w: &Workload) -> Deployment {
        self.prompt_tokens = w.prompt_tokens;
        self.output_tokens = w.output_tokens;
        self.tokens_per_day = Some(w.tokens_per_day);
        self
    }
}

/// The serving estimate's refusals (cost-model.md section 6): request lengths out of range, a
/// pinned replica that does not hold the model, a model that fits nowhere, FP4 on a GPU that
/// cannot run it.
pub(super) fn check(d: &Deployment) -> Result<(), InputError> {
    for (field, v) in [
        ("prompt-tokens", d.prompt_tokens),
        ("output-tokens", d.output_tokens),
    ] {
        if !(v.is_finite() && (1.0..=1e7).contains(&v)) {
            return Err(InputError {
                field,
                value: format!("{v}"),
                allowed: "a number >= 1 and <= 10000000".into(),
            });
        }
    }
    serving::check(&d.sizing_inputs()).map_err(|(field, value, allowed)| InputError {
        field,
        value,
        allowed,
    })
}
