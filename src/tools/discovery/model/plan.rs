//! Where the deal goes: the desired outcome, the decision process and the
//! mutual action plan.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// "Success metric", e.g. "Onboarding time".
    #[serde(default)]
    pub metric: String,
    /// "Target value", e.g. "14 days".
    #[serde(default)]
    pub target: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionProcess {
    /// "Decision steps", one per line.
    #[serde(default)]
    pub steps: String,
    /// "Target decision date".
    #[serde(default, with = "crate::dates::iso_serde::option")]
    pub decision_date: Option<NaiveDate>,
    /// "Competitors being considered".
    #[serde(default)]
    pub competitors: String,
}

impl DecisionProcess {
    /// The non-blank lines of the steps field.
    pub fn step_list(&self) -> Vec<&str> {
        self.steps
            .lines()
            .map(|l| l.trim().trim_start_matches(['-', '*', '•']).trim())
            .filter(|l| !l.is_empty())
            .collect()
    }
}

// ---------------------------------------------------------------------------
// Mutual action plan.
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Side {
    Buyer,
    #[default]
    Seller,
}

impl Side {
    pub const ALL: [Side; 2] = [Side::Buyer, Side::Seller];

    pub fn label(self) -> &'static str {
        match self {
            Side::Buyer => "Buyer",
            Side::Seller => "Seller",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionItem {
    pub id: u64,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub owner: Side,
    #[serde(default, with = "crate::dates::iso_serde::option")]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub done: bool,
    /// The rep confirmed a due date that falls before the call date.
    #[serde(default)]
    pub early_confirmed: bool,
}

impl ActionItem {
    /// Open and past its due date.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        !self.done && self.due.is_some_and(|d| d < today)
    }

    /// A due date before the call itself is probably a typo: ask once.
    pub fn needs_confirmation(&self, call_date: NaiveDate) -> bool {
        !self.early_confirmed && self.due.is_some_and(|d| d < call_date)
    }

    /// An agreed next step: open, described, dated, and not a suspect date.
    pub fn is_next_step(&self, call_date: NaiveDate) -> bool {
        !self.done
            && !self.description.trim().is_empty()
            && self.due.is_some()
            && !self.needs_confirmation(call_date)
    }
}

/// The plan in date order (undated items last, then in the order added).
pub fn sorted_plan(items: &[ActionItem]) -> Vec<ActionItem> {
    crate::order::sorted_by(items, |a, b| {
        (a.due.is_none(), a.due, a.id).cmp(&(b.due.is_none(), b.due, b.id))
    })
    .into_iter()
    .cloned()
    .collect()
}
