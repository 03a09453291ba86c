//! Pipeline coverage: is there enough open pipeline for the quota?
//!
//! Pipeline needed = quota ÷ win rate; coverage = open pipeline (open
//! opportunities × deal size) ÷ quota, read against the usual 3× rule. The
//! shortfall is what the open pipeline lacks of the pipeline needed, in
//! money and in deals of the average size.

use crate::numbers::finite_non_negative;

/// The rule of thumb: three times the quota in open pipeline.
pub const COVERAGE_RULE: f64 = 3.0;

/// Coverage figures for one quota.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Coverage {
    pub quota: f64,
    /// Open opportunities × deal size.
    pub open_pipeline: f64,
    /// Open pipeline ÷ quota ("2.4×").
    pub ratio: f64,
    /// Quota ÷ win rate; `None` at a 0 % win rate (no pipeline is enough).
    pub pipeline_needed: Option<f64>,
    /// Pipeline needed − open pipeline, when positive.
    pub shortfall: Option<f64>,
    /// The shortfall in average-size deals, rounded up; `None` without a
    /// deal size.
    pub shortfall_deals: Option<f64>,
}

/// Coverage for `quota`, or `None` without a positive quota.
pub fn coverage(quota: f64, open: f64, deal: f64, win_rate_pct: f64) -> Option<Coverage> {
    let quota = finite_non_negative(quota);
    if quota <= 0.0 {
        return None;
    }
    let deal = finite_non_negative(deal);
    let open_pipeline = finite_non_negative(finite_non_negative(open) * deal);
    let win = finite_non_negative(win_rate_pct).min(100.0) / 100.0;
    let pipeline_needed = (win > 0.0)
        .then(|| quota / win)
        .filter(|v| v.is_finite())
        .map(finite_non_negative);
    let shortfall = pipeline_needed
        .map(|n| n - open_pipeline)
        .filter(|s| *s > 0.0);
    let shortfall_deals = shortfall
        .filter(|_| deal > 0.0)
        .map(|s| finite_non_negative((s / deal).ceil()));
    Some(Coverage {
        quota,
        open_pipeline,
        ratio: finite_non_negative(open_pipeline / quota),
        pipeline_needed,
        shortfall,
        shortfall_deals,
    })
}
