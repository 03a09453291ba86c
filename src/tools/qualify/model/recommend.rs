//! Recommendations: a framework from the contract value, a methodology
//! from the kind of product.

use super::Framework;

pub const BANT_BELOW: f64 = 25_000.0;
pub const BANT_THEN_MEDDIC_UP_TO: f64 = 50_000.0;
pub const MEDDICC_UP_TO: f64 = 250_000.0;
/// Multi-threading rule: deals above this need three or more stakeholders.
pub const MULTI_THREAD_ABOVE: f64 = 25_000.0;
pub const MIN_STAKEHOLDERS: u32 = 3;

/// What the wizard recommends for a deal's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plan {
    /// Under 25,000.
    Bant,
    /// 25,000 to 50,000: BANT, then MEDDIC as a second pass.
    BantThenMeddic,
    /// Over 50,000 up to 250,000.
    Meddicc,
    /// Over 250,000.
    Meddpicc,
    /// No contract value yet: BANT as the quickest filter.
    NoValueYet,
}

impl Plan {
    /// The framework the wizard runs first.
    pub fn first_framework(self) -> Framework {
        match self {
            Plan::Bant | Plan::BantThenMeddic | Plan::NoValueYet => Framework::Bant,
            Plan::Meddicc => Framework::Meddicc,
            Plan::Meddpicc => Framework::Meddpicc,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Plan::Bant | Plan::NoValueYet => "BANT",
            Plan::BantThenMeddic => "BANT first, then MEDDIC",
            Plan::Meddicc => "MEDDICC",
            Plan::Meddpicc => "MEDDPICC",
        }
    }

    /// The one-sentence reason shown with the recommendation, its
    /// thresholds in the chosen currency (`text::money`).
    pub fn reason(self) -> String {
        use crate::text::money;
        match self {
            Plan::Bant => format!("Under {} a year, a quick four-point check keeps the deal moving.", money(25_000.0)),
            Plan::BantThenMeddic => format!("From {} to {}, filter fast with BANT, then go deeper with MEDDIC once the deal passes.", money(25_000.0), money(50_000.0)),
            Plan::Meddicc => format!("Above {}, more people get involved, so check their process and your competition too.", money(50_000.0)),
            Plan::Meddpicc => format!("Above {}, the contract faces legal and procurement reviews, so track the paper process as well.", money(250_000.0)),
            Plan::NoValueYet => "Add the annual contract value for a pick that fits; until then, BANT is the quickest filter.".into(),
        }
    }
}

/// Recommends a framework from the annual contract value.
pub fn recommend_framework(acv: Option<f64>) -> Plan {
    match acv {
        None => Plan::NoValueYet,
        Some(v) if !v.is_finite() => Plan::NoValueYet,
        Some(v) if v < BANT_BELOW => Plan::Bant,
        Some(v) if v <= BANT_THEN_MEDDIC_UP_TO => Plan::BantThenMeddic,
        Some(v) if v <= MEDDICC_UP_TO => Plan::Meddicc,
        Some(_) => Plan::Meddpicc,
    }
}

/// The conversation methodology.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Methodology {
    Challenger,
    Spin,
}

impl Methodology {
    pub fn name(self) -> &'static str {
        match self {
            Methodology::Challenger => "Challenger",
            Methodology::Spin => "SPIN",
        }
    }

    pub fn reason(self) -> &'static str {
        match self {
            Methodology::Challenger => "You're bringing something new to the category, so open with an insight that changes how the buyer sees their problem.",
            Methodology::Spin => "The buyer already knows this kind of product, so let well-ordered questions surface the problem and what fixing it is worth.",
        }
    }

    pub fn explainer(self) -> &'static str {
        match self {
            Methodology::Challenger => "Challenger: teach the buyer something new about their business that leads to your offer.",
            Methodology::Spin => "SPIN: ask about the Situation, the Problem, its Implications, and the Need-payoff of solving it.",
        }
    }
}

pub fn recommend_methodology(new_category: bool) -> Methodology {
    if new_category {
        Methodology::Challenger
    } else {
        Methodology::Spin
    }
}
