//! The period the counts cover (counts mode), and the monthly volume taken
//! from it: "per month" figures must not depend on whether the user pulled
//! a month's, a quarter's or a year's counts from the CRM.

use super::*;
use serde::{Deserialize, Deserializer, Serializer};

/// How long the counts of counts mode were collected over. Saved as its
/// slug through plain strings (no derived format of its own, which costs
/// the page wasm); anything unknown reads as a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CountPeriod {
    #[default]
    Month,
    Quarter,
    Year,
}

impl CountPeriod {
    pub const ALL: [CountPeriod; 3] = [CountPeriod::Month, CountPeriod::Quarter, CountPeriod::Year];

    /// Months in the period: the counts are divided by this.
    pub fn months(self) -> f64 {
        match self {
            CountPeriod::Month => 1.0,
            CountPeriod::Quarter => 3.0,
            CountPeriod::Year => 12.0,
        }
    }

    /// The saved word: "month", "quarter", "year".
    pub fn slug(self) -> &'static str {
        &self.words()[2..]
    }

    /// "A quarter", for the select.
    pub fn label(self) -> &'static str {
        match self {
            CountPeriod::Month => "A month",
            CountPeriod::Quarter => "A quarter",
            CountPeriod::Year => "A year",
        }
    }

    /// "a quarter", for sentences.
    pub fn words(self) -> &'static str {
        match self {
            CountPeriod::Month => "a month",
            CountPeriod::Quarter => "a quarter",
            CountPeriod::Year => "a year",
        }
    }
}

/// Serde hooks for [`BenchmarksDoc::count_period`].
pub(super) mod period_text {
    use super::*;

    pub fn serialize<S: Serializer>(p: &CountPeriod, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(p.slug())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<CountPeriod, D::Error> {
        let t = String::deserialize(d)?;
        Ok(CountPeriod::ALL
            .into_iter()
            .find(|p| p.slug() == t)
            .unwrap_or_default())
    }
}

/// Counts mode's monthly volume: the deals that entered Prospecting over
/// the period, per month.
pub fn monthly_from_counts(entered_prospecting: f64, period: CountPeriod) -> f64 {
    crate::numbers::finite_non_negative(entered_prospecting / period.months())
}

/// Where the monthly volume of new prospects comes from, and how it
/// compares with a typed "New prospects per month" (counts mode only).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Volume {
    /// Deals that entered Prospecting over the period.
    pub counted: f64,
    pub period: CountPeriod,
    /// What the results use: `counted` per month.
    pub monthly: f64,
    /// A valid "New prospects per month" typed as well, which is not used.
    pub typed: Option<f64>,
}

impl Volume {
    /// The volume for `doc` in counts mode, once Prospecting's count holds
    /// a number; `None` in rates mode, where the typed field is the volume.
    pub fn of(doc: &BenchmarksDoc) -> Option<Volume> {
        if doc.mode != InputMode::Counts {
            return None;
        }
        let counted = doc
            .parse(Field::Count(0))
            .ok()
            .filter(|_| !doc.counts[0].trim().is_empty())?;
        let typed = doc
            .parse(Field::Prospects)
            .ok()
            .filter(|_| !doc.prospects.trim().is_empty());
        Some(Volume {
            counted,
            period: doc.count_period,
            monthly: monthly_from_counts(counted, doc.count_period),
            typed,
        })
    }

    /// True when a typed monthly figure disagrees with the counts' (to the
    /// whole prospect, as both are shown).
    pub fn disagrees(&self) -> bool {
        self.typed
            .is_some_and(|t| t.round() != self.monthly.round())
    }

    /// The line under "New prospects per month", with numbers written by
    /// `num`: what the results use and why.
    pub fn sentence(&self, num: &dyn Fn(f64) -> String) -> String {
        let base = if self.period == CountPeriod::Month {
            format!(
                "From your counts over a month: {} new prospects a month.",
                num(self.monthly)
            )
        } else {
            format!(
                "From your counts over {}: {} ÷ {} = about {} new prospects a month.",
                self.period.words(),
                num(self.counted),
                num(self.period.months()),
                num(self.monthly)
            )
        };
        match self.typed {
            Some(t) if self.disagrees() => format!(
                "{base} The results use this, not the {} you typed, because the stage rates come from the same counts. Your figure is kept for rates mode.",
                num(t)
            ),
            Some(_) => format!("{base} It matches the figure you typed."),
            None => base,
        }
    }
}
