//! What-if: nudges on top of the user's figures, and the before/after.

use super::{analyse, Baseline, Figures, FUNNEL};
use crate::numbers::finite_non_negative;

/// Nudges applied on top of the user's figures. Not persisted: it is a
/// scratch pad for "what would it be worth if…".
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct WhatIf {
    /// Percentage points added to each stage's conversion.
    pub conversion_pp: [f64; FUNNEL],
    /// Days added to each stage.
    pub days: [f64; FUNNEL],
    /// % change of N, O and D.
    pub prospects_pct: f64,
    pub open_pct: f64,
    pub deal_pct: f64,
}

impl WhatIf {
    pub fn is_neutral(&self) -> bool {
        *self == WhatIf::default()
    }

    /// The nudged figures, kept inside the accepted ranges.
    pub fn apply(&self, f: &Figures) -> Figures {
        let scale = |v: f64, pct: f64| finite_non_negative(v * (1.0 + pct / 100.0));
        Figures {
            prospects: scale(f.prospects, self.prospects_pct),
            open_opportunities: scale(f.open_opportunities, self.open_pct),
            deal_size: scale(f.deal_size, self.deal_pct),
            conversion: std::array::from_fn(|i| {
                finite_non_negative(f.conversion[i] + self.conversion_pp[i]).min(100.0)
            }),
            days: std::array::from_fn(|i| {
                finite_non_negative(f.days[i] + self.days[i]).min(3650.0)
            }),
            onboarding_days: f.onboarding_days,
        }
    }
}

/// Before and after a what-if.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Comparison {
    pub velocity_before: Option<f64>,
    pub velocity_after: Option<f64>,
    pub revenue_before: f64,
    pub revenue_after: f64,
}

pub fn compare(f: &Figures, b: &Baseline, w: &WhatIf) -> Comparison {
    let before = analyse(f, b);
    let after = analyse(&w.apply(f), b);
    Comparison {
        velocity_before: before.velocity_per_day,
        velocity_after: after.velocity_per_day,
        revenue_before: before.revenue_per_month,
        revenue_after: after.revenue_per_month,
    }
}
