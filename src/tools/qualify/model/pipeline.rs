//! Where a deal stands in the pipeline: its stage and since when, its next
//! step, and a snooze; from them, the flags the list shows (stale, no next
//! step, overdue).
//!
//! "Stale" is the calculator's rule: a deal that has sat in a stage for
//! more than twice the benchmark's high end. BANT deals use the mid-market
//! days and the MEDDIC family the enterprise days, the segments those
//! frameworks are meant for.

use super::{Deal, Framework};
use crate::tools::benchmarks::model::{Stage, ENTERPRISE, MID_MARKET, STALE_FACTOR};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A pause on the stale flag, with why and until when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snooze {
    #[serde(default)]
    pub reason: String,
    #[serde(with = "crate::dates::iso_serde")]
    pub until: NaiveDate,
}

/// The stages a deal moves through while it is being qualified and sold
/// (Prospecting comes before a deal exists; Onboarding after it is won).
pub const DEAL_STAGES: [Stage; 5] = [
    Stage::Qualification,
    Stage::Discovery,
    Stage::Solution,
    Stage::Proposal,
    Stage::Closing,
];

/// Days in `stage` after which a deal on `framework` is stale.
pub fn stale_after(stage: Stage, framework: Framework) -> u32 {
    let baseline = if framework == Framework::Bant {
        &MID_MARKET
    } else {
        &ENTERPRISE
    };
    (STALE_FACTOR * baseline.days[stage.index()].high) as u32
}

/// What the list flags about one deal on `today`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DealFlags {
    /// Days in the stage and the limit, when past it and not snoozed.
    pub stale: Option<(i64, u32)>,
    /// The snooze in force today.
    pub snoozed: Option<Snooze>,
    /// No next step typed, or one without a date.
    pub no_next_step: bool,
    /// Days the next step is overdue.
    pub overdue: Option<i64>,
}

impl DealFlags {
    /// The flags as short phrases for the list, most urgent first.
    pub fn phrases(&self, stage: Stage) -> Vec<String> {
        let mut out = Vec::new();
        if let Some((days, limit)) = self.stale {
            out.push(format!(
                "Stale: {days} days in {} (stale after {limit})",
                stage.name()
            ));
        }
        if let Some(days) = self.overdue {
            out.push(match days {
                1 => "Next step 1 day overdue".to_string(),
                d => format!("Next step {d} days overdue"),
            });
        }
        if self.no_next_step {
            out.push("No dated next step".to_string());
        }
        out
    }
}

impl Deal {
    /// The day the deal entered its stage: as set, else the day it was made.
    pub fn stage_entered(&self) -> NaiveDate {
        self.stage_since
            .unwrap_or_else(|| self.created.date_naive())
    }

    /// The list's flags on `today`. A deal closed (a disqualify verdict) is
    /// never stale; its next step still counts.
    pub fn flags(&self, today: NaiveDate) -> DealFlags {
        let snoozed = self.snooze.clone().filter(|s| s.until > today);
        let days = (today - self.stage_entered()).num_days();
        let limit = stale_after(self.stage, self.framework());
        let stale = (snoozed.is_none() && days > i64::from(limit)).then_some((days, limit));
        let due = self
            .next_step_due
            .filter(|_| !self.next_step.trim().is_empty());
        DealFlags {
            stale,
            snoozed,
            no_next_step: due.is_none(),
            overdue: due.map(|d| (today - d).num_days()).filter(|&d| d > 0),
        }
    }
}

/// Serde for a deal's stage as its slug ("discovery"), the same word the
/// calculator uses; an unknown slug from a newer build reads as
/// Qualification rather than failing the whole document.
pub mod stage_serde {
    use crate::tools::benchmarks::model::Stage;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(stage: &Stage, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(stage.slug())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Stage, D::Error> {
        let slug = String::deserialize(d)?;
        Ok(Stage::from_slug(&slug).unwrap_or(Stage::Qualification))
    }
}
