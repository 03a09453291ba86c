//! The four frameworks, their criteria, and the rep's answer to each.

use super::super::content::{self, CriterionText};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Framework {
    Bant,
    Meddic,
    Meddicc,
    Meddpicc,
}

impl Framework {
    pub const ALL: [Framework; 4] = [
        Framework::Bant,
        Framework::Meddic,
        Framework::Meddicc,
        Framework::Meddpicc,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Framework::Bant => "BANT",
            Framework::Meddic => "MEDDIC",
            Framework::Meddicc => "MEDDICC",
            Framework::Meddpicc => "MEDDPICC",
        }
    }

    /// Stable token for form values and storage.
    pub fn slug(self) -> &'static str {
        match self {
            Framework::Bant => "bant",
            Framework::Meddic => "meddic",
            Framework::Meddicc => "meddicc",
            Framework::Meddpicc => "meddpicc",
        }
    }

    pub fn from_slug(s: &str) -> Option<Framework> {
        Framework::ALL.into_iter().find(|f| f.slug() == s)
    }

    /// One line explaining the acronym, for the "What is this?" disclosure.
    pub fn explainer(self) -> &'static str {
        match self {
            Framework::Bant => "Budget, Authority, Need, Timeline: a quick four-point check for smaller, faster deals.",
            Framework::Meddic => "Metrics, Economic buyer, Decision criteria, Decision process, Identify pain, Champion: a deeper check for deals with several people involved.",
            Framework::Meddicc => "MEDDIC plus Competition, for bigger deals where you are one of several options.",
            Framework::Meddpicc => "MEDDICC plus Paper process, for large deals where legal, procurement and security reviews can stall the signature.",
        }
    }

    /// The criteria, one wizard step each, in the framework's own order.
    pub fn criteria(self) -> &'static [Criterion] {
        use Criterion::*;
        match self {
            Framework::Bant => &[Budget, Authority, Need, Timeline],
            Framework::Meddic => &[
                Metrics,
                EconomicBuyer,
                DecisionCriteria,
                DecisionProcess,
                IdentifyPain,
                Champion,
            ],
            Framework::Meddicc => &[
                Metrics,
                EconomicBuyer,
                DecisionCriteria,
                DecisionProcess,
                IdentifyPain,
                Champion,
                Competition,
            ],
            Framework::Meddpicc => &[
                Metrics,
                EconomicBuyer,
                DecisionCriteria,
                DecisionProcess,
                PaperProcess,
                IdentifyPain,
                Champion,
                Competition,
            ],
        }
    }

    /// The criterion that shows access to power.
    pub fn power_criterion(self) -> Criterion {
        match self {
            Framework::Bant => Criterion::Authority,
            _ => Criterion::EconomicBuyer,
        }
    }

    /// The criterion that shows urgency.
    pub fn urgency_criterion(self) -> Criterion {
        match self {
            Framework::Bant => Criterion::Timeline,
            _ => Criterion::IdentifyPain,
        }
    }
}

/// Every criterion of every framework. Answers are stored per criterion, not
/// per framework, so switching frameworks keeps what both share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    Budget,
    Authority,
    Need,
    Timeline,
    Metrics,
    EconomicBuyer,
    DecisionCriteria,
    DecisionProcess,
    PaperProcess,
    IdentifyPain,
    Champion,
    Competition,
}

impl Criterion {
    pub const ALL: [Criterion; 12] = [
        Criterion::Budget,
        Criterion::Authority,
        Criterion::Need,
        Criterion::Timeline,
        Criterion::Metrics,
        Criterion::EconomicBuyer,
        Criterion::DecisionCriteria,
        Criterion::DecisionProcess,
        Criterion::PaperProcess,
        Criterion::IdentifyPain,
        Criterion::Champion,
        Criterion::Competition,
    ];

    /// The display name, also the label of the radio group and the value of
    /// `data-criterion` on gap items.
    pub fn name(self) -> &'static str {
        match self {
            Criterion::Budget => "Budget",
            Criterion::Authority => "Authority",
            Criterion::Need => "Need",
            Criterion::Timeline => "Timeline",
            Criterion::Metrics => "Metrics",
            Criterion::EconomicBuyer => "Economic buyer",
            Criterion::DecisionCriteria => "Decision criteria",
            Criterion::DecisionProcess => "Decision process",
            Criterion::PaperProcess => "Paper process",
            Criterion::IdentifyPain => "Identify pain",
            Criterion::Champion => "Champion",
            Criterion::Competition => "Competition",
        }
    }

    /// Stable token for element ids.
    pub fn slug(self) -> &'static str {
        match self {
            Criterion::Budget => "budget",
            Criterion::Authority => "authority",
            Criterion::Need => "need",
            Criterion::Timeline => "timeline",
            Criterion::Metrics => "metrics",
            Criterion::EconomicBuyer => "economic-buyer",
            Criterion::DecisionCriteria => "decision-criteria",
            Criterion::DecisionProcess => "decision-process",
            Criterion::PaperProcess => "paper-process",
            Criterion::IdentifyPain => "identify-pain",
            Criterion::Champion => "champion",
            Criterion::Competition => "competition",
        }
    }

    pub fn text(self) -> &'static CriterionText {
        match self {
            Criterion::Budget => &content::BUDGET,
            Criterion::Authority => &content::AUTHORITY,
            Criterion::Need => &content::NEED,
            Criterion::Timeline => &content::TIMELINE,
            Criterion::Metrics => &content::METRICS,
            Criterion::EconomicBuyer => &content::ECONOMIC_BUYER,
            Criterion::DecisionCriteria => &content::DECISION_CRITERIA,
            Criterion::DecisionProcess => &content::DECISION_PROCESS,
            Criterion::PaperProcess => &content::PAPER_PROCESS,
            Criterion::IdentifyPain => &content::IDENTIFY_PAIN,
            Criterion::Champion => &content::CHAMPION,
            Criterion::Competition => &content::COMPETITION,
        }
    }

    /// The concrete next action for a criterion that is not confirmed yet.
    pub fn next_action(self, rating: Rating) -> &'static str {
        let t = self.text();
        match rating {
            Rating::RedFlag => t.act_red_flag,
            Rating::Unknown => t.act_unknown,
            Rating::Partially => t.act_partially,
            Rating::Confirmed => "",
        }
    }
}

/// The rep's answer to one criterion. The order is the order of the options
/// on screen and of the keys 1–4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    Confirmed,
    Partially,
    Unknown,
    RedFlag,
}

impl Rating {
    pub const ALL: [Rating; 4] = [
        Rating::Confirmed,
        Rating::Partially,
        Rating::Unknown,
        Rating::RedFlag,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Rating::Confirmed => "Confirmed",
            Rating::Partially => "Partially",
            Rating::Unknown => "Unknown",
            Rating::RedFlag => "Red flag",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Rating::Confirmed => "confirmed",
            Rating::Partially => "partially",
            Rating::Unknown => "unknown",
            Rating::RedFlag => "red-flag",
        }
    }

    /// A short explanation under each option.
    pub fn hint(self) -> &'static str {
        match self {
            Rating::Confirmed => "The buyer has done the thing that proves it.",
            Rating::Partially => "You have signs, but no proof from the buyer yet.",
            Rating::Unknown => "You haven't found out yet.",
            Rating::RedFlag => "What you learned works against the deal.",
        }
    }

    pub fn points(self) -> u32 {
        match self {
            Rating::Confirmed => 2,
            Rating::Partially => 1,
            Rating::Unknown | Rating::RedFlag => 0,
        }
    }

    /// Which key (1–4) picks this rating.
    pub fn from_key(key: &str) -> Option<Rating> {
        match key {
            "1" => Some(Rating::Confirmed),
            "2" => Some(Rating::Partially),
            "3" => Some(Rating::Unknown),
            "4" => Some(Rating::RedFlag),
            _ => None,
        }
    }

    /// Gap severity: red flags first, then unknowns, then partials.
    pub(super) fn gap_rank(self) -> u8 {
        match self {
            Rating::RedFlag => 0,
            Rating::Unknown => 1,
            Rating::Partially => 2,
            Rating::Confirmed => 3,
        }
    }
}

/// One answered (or not yet answered) criterion.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answer {
    /// `None` until the rep picks an option; scored as Unknown.
    pub rating: Option<Rating>,
    /// What the customer said or did, in the rep's words.
    pub evidence: String,
}

impl Answer {
    pub fn effective(&self) -> Rating {
        self.rating.unwrap_or(Rating::Unknown)
    }
}
