//! Quantified pain: the monthly cost, its annual cost and the payback.

use crate::numbers::{read, FieldKind, NumberRules};
use serde::{Deserialize, Serialize};

/// Quantified pain. Money fields keep exactly what was typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pain {
    /// The problem in the buyer's words.
    #[serde(default)]
    pub description: String,
    /// "Monthly cost of the problem".
    #[serde(default)]
    pub monthly_cost: String,
    /// "Proposed annual price".
    #[serde(default)]
    pub annual_price: String,
}

/// Rules for both money fields: empty is allowed (not yet asked).
pub const MONEY_RULES: NumberRules = NumberRules::MONEY.optional();

/// Annual cost of inaction = monthly cost × 12.
pub fn annual_cost(monthly: f64) -> f64 {
    crate::numbers::finite_non_negative(monthly * 12.0)
}

/// Payback months = annual price / monthly cost, to one decimal.
/// `None` when the monthly cost is 0 (there is nothing to pay back from).
pub fn payback_months(annual_price: f64, monthly: f64) -> Option<f64> {
    if !(monthly.is_finite() && monthly > 0.0 && annual_price.is_finite() && annual_price >= 0.0) {
        return None;
    }
    let months = (annual_price / monthly * 10.0).round() / 10.0;
    months.is_finite().then_some(months + 0.0)
}

/// The numbers derived from the pain fields. Invalid fields give `None`;
/// the view keeps showing the last valid figures, marked stale.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PainFigures {
    pub monthly: Option<f64>,
    pub annual: Option<f64>,
    pub price: Option<f64>,
    pub payback: Option<f64>,
}

impl Pain {
    pub fn monthly(&self) -> Option<f64> {
        read(&self.monthly_cost, FieldKind::Money, MONEY_RULES)
            .ok()
            .flatten()
    }

    pub fn price(&self) -> Option<f64> {
        read(&self.annual_price, FieldKind::Money, MONEY_RULES)
            .ok()
            .flatten()
    }

    /// Whether each money field parses (empty is fine).
    pub fn fields_valid(&self) -> bool {
        read(&self.monthly_cost, FieldKind::Money, MONEY_RULES).is_ok()
            && read(&self.annual_price, FieldKind::Money, MONEY_RULES).is_ok()
    }

    pub fn figures(&self) -> PainFigures {
        let monthly = self.monthly();
        let price = self.price();
        PainFigures {
            monthly,
            annual: monthly.map(annual_cost),
            price,
            payback: match (price, monthly) {
                (Some(p), Some(m)) => payback_months(p, m),
                _ => None,
            },
        }
    }

    /// Pain counts as quantified once a monthly cost above zero is known.
    pub fn is_quantified(&self) -> bool {
        self.monthly().is_some_and(|m| m > 0.0)
    }
}

/// Money for the recap and tests: `$12,000` or `$1,250.50` (one rule for
/// every tool, in `crate::text`).
pub use crate::text::format_money;

/// One decimal, as payback months are shown: `4.2`, `—` when unknown.
pub fn format_months(months: Option<f64>) -> String {
    match months {
        // Integer tenths: no float formatting code in the page.
        Some(m) => {
            let tenths = (crate::numbers::finite_non_negative(m) * 10.0).round() as u64;
            format!("{}.{}", tenths / 10, tenths % 10)
        }
        None => "—".into(),
    }
}
