//! The workload, and the choices of what serves it: the model, the GPU, the precision, rent or
//! buy.

use super::super::choices;
use super::super::grid::{Grid::*, spec};
use super::*;
use crate::domain::breakeven::{VOLUME_MAX, VOLUME_MIN};

pub(super) const ROWS: &[Input] = &[
    Input {
        flag: "tokens-per-day",
        accepts: Some(Accepts {
            allowed: Some("tokens a day from 1K (1,000) to 100B (100,000,000,000)"),
            ..range(VOLUME_MIN, VOLUME_MAX).unwrap()
        }),
        slider: Some(spec(OneTwoFive, 1e3, 1e11, true, "tokens/day")),
        show: Show::TokensPerDay,
        default: Some(5e6),
        why: "the volume of the TCO example in article 000 (2 used H100s at 5M tokens a day), \
              and where article 004 puts the start of the crossover",
        help: "Input plus output tokens a day: 750K, 5M, 2.5B, 5000000 or 5e6 [default: 5M]",
        value_name: "TOKENS",
        kind: Kind::Quantity,
        ..row(Id::Volume, "volume", "volume", W, workload!(tokens_per_day))
    },
    Input {
        accepts: range(0.0, 1.0),
        slider: percent(spec(
            Linear(0.05),
            0.0,
            1.0,
            false,
            "fraction of tokens, 0 to 1",
        )),
        show: Show::InputShare,
        default: Some(0.5),
        why: "the 50/50 input/output split article 004 assumes",
        help: "Fraction of the tokens that is input, 0 to 1 [default: 0.5]",
        value_name: "SHARE",
        tornado: true,
        ..row(
            Id::InputShare,
            "input-share",
            "input share",
            W,
            workload!(input_share),
        )
    },
    Input {
        accepts: range(1.0, 1e7),
        slider: Some(spec(TwoDigits, 10.0, 1e6, true, "tokens per request")),
        show: Show::Whole,
        default: Some(2000.0),
        why: "it picks a long-context price tier and shapes the throughput; 2,000 keeps the \
              ordinary prices (the catalogue's one long-context tier starts above 200,000); \
              no article states a length per request",
        help: "Average prompt length in tokens; selects long-context prices and shapes the \
               throughput [default: 2000]",
        value_name: "TOKENS",
        kind: Kind::Quantity,
        tornado: true,
        ..row(
            Id::PromptTokens,
            "prompt-tokens",
            "prompt",
            W,
            workload!(prompt_tokens),
        )
    },
    Input {
        accepts: range(1.0, 1e7),
        slider: Some(spec(TwoDigits, 10.0, 1e6, true, "tokens per request")),
        show: Show::Whole,
        default: Some(2000.0),
        why: "as long as the default prompt, so the two lengths agree with the default input \
              share of 0.5; no article states a length per request",
        help: "Average output tokens per request; shapes the throughput [default: 2000]",
        value_name: "TOKENS",
        kind: Kind::Quantity,
        tornado: true,
        ..row(
            Id::OutputTokens,
            "output-tokens",
            "output",
            W,
            workload!(output_tokens),
        )
    },
    Input {
        flag: "self-host",
        show: Show::Choice,
        why: "the first open model marked in the catalogue, or the built-in scenario's",
        help: "Open-weight model to self-host",
        value_name: "ID",
        kind: Kind::Id { required: true },
        ..row(Id::Model, "self-host", "open model", D, choices::MODEL)
    },
    Input {
        show: Show::Choice,
        why: "h100-sxm: the GPU of article 000's self-hosting example, and the \
              `cost` command's default",
        help: "GPU to self-host on [default: h100-sxm]",
        value_name: "ID",
        kind: Kind::Id { required: false },
        ..row(Id::Gpu, "gpu", "GPU", D, choices::GPU)
    },
    Input {
        show: Show::Choice,
        why: "fp16: no quantization; a lower precision is a choice the user makes",
        help: "Weight precision: fp16, bf16, fp8, int8, int4, fp4 [default: fp16]",
        value_name: "P",
        kind: Kind::Choice,
        ..row(
            Id::Precision,
            "precision",
            "precision",
            D,
            choices::PRECISION,
        )
    },
    Input {
        show: Show::Choice,
        why: "rent: nothing bought up front; buying adds the purchase, power and \
              colocation inputs",
        help: "Rent GPUs by the hour or buy them [default: rent]",
        value_name: "MODE",
        kind: Kind::Choice,
        ..row(Id::Mode, "mode", "rent or buy", D, choices::MODE)
    },
];
