//! Where each set of ranges comes from: source, year, sample and what its
//! win rate divides by, for the screen, the print and the CSV. Also
//! [`baseline_from_funnel`], which turns a funnel measured from deals (a
//! CRM import) into a baseline that records where it comes from.

use super::*;
use crate::numbers::{read, FieldKind, NumberRules};

/// The article both published segments come from.
pub const SEED_SOURCE: &str =
    "Tom Regan (Artemis GTM), “B2B Sales Process: The 7-Stage Framework That Closes Deals”";
/// The year of its last update (19 March 2026).
pub const SEED_YEAR: i32 = 2026;
/// The only sample the article describes; it gives no company count.
pub const SEED_SAMPLE: &str =
    "B2B SaaS companies with $5M–$100M ARR (the article does not say how many)";
/// What the published win rate is a share of.
pub const SEED_WIN_BASE: &str = "qualified pipeline (deals won ÷ deals that reach Discovery)";
/// Below this many closed deals, an own baseline is too thin to trust.
pub const MIN_CLOSED_DEALS: f64 = 30.0;

/// Where one set of ranges comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Provenance {
    /// Who published it, or "Your own data".
    pub source: String,
    /// The year the figures were published or saved.
    pub year: Option<i32>,
    /// Who or what the figures describe.
    pub sample: String,
    /// The denominator of the win rate.
    pub win_rate_base: String,
    /// A caveat on the ranges (enterprise borrows mid-market conversions).
    pub note: Option<&'static str>,
    /// Own baselines: how many closed deals they rest on, when typed.
    pub closed_deals: Option<f64>,
    /// True for the user's own ranges (which must say what they rest on).
    pub own: bool,
}

impl Provenance {
    /// The published figures for a segment, or `None` for "My baseline".
    pub fn published(segment: Segment) -> Option<Provenance> {
        let note = match segment {
            Segment::MidMarket => None,
            Segment::Enterprise => Some("Conversion ranges are the mid-market ones: the source publishes a single conversion column."),
            Segment::MyBaseline => return None,
        };
        Some(Provenance {
            source: SEED_SOURCE.into(),
            year: Some(SEED_YEAR),
            sample: SEED_SAMPLE.into(),
            win_rate_base: SEED_WIN_BASE.into(),
            note,
            closed_deals: None,
            own: false,
        })
    }

    /// True for an own baseline resting on fewer than 30 closed deals (or
    /// on an unknown number of them).
    pub fn thin(&self) -> bool {
        self.own && self.closed_deals.is_none_or(|n| n < MIN_CLOSED_DEALS)
    }

    /// The warning shown under a thin own baseline.
    pub fn warning(&self) -> Option<String> {
        self.thin().then(|| match self.closed_deals {
            Some(n) => format!("Rests on {} closed deals, fewer than 30: each range may be off by several points.", plain_number(n)),
            None => "Type how many closed deals these ranges rest on: under 30, they may be off by several points.".into(),
        })
    }

    /// "Source: … (2026). Sample: …. Win rate: share of …."
    pub fn line(&self) -> String {
        let year = self.year.map(|y| format!(" ({y})")).unwrap_or_default();
        let mut s = format!(
            "Source: {}{year}. Sample: {}. Win rate: share of {}.",
            self.source, self.sample, self.win_rate_base
        );
        if let Some(n) = self.note {
            s.push(' ');
            s.push_str(n);
        }
        s
    }

    /// (label, value) rows for the CSV.
    pub fn rows(&self) -> Vec<(&'static str, String)> {
        let mut v = vec![
            ("Baseline source", self.source.clone()),
            (
                "Baseline year",
                self.year.map(|y| y.to_string()).unwrap_or_default(),
            ),
            ("Baseline sample", self.sample.clone()),
            ("Win rate divides by", self.win_rate_base.clone()),
        ];
        if let Some(n) = self.note {
            v.push(("Baseline note", n.into()));
        }
        if let Some(w) = self.warning() {
            v.push(("Baseline warning", w));
        }
        v
    }
}

/// The rules of the "closed deals" field of an own baseline.
pub const CLOSED_DEALS_RULES: NumberRules = NumberRules {
    max: Some(MAX_COUNT),
    ..NumberRules::COUNT.optional()
};

impl BaselineInput {
    /// The closed deals typed, when valid and present.
    pub fn closed_deals(&self) -> Option<f64> {
        read(&self.closed_deals, FieldKind::Count, CLOSED_DEALS_RULES)
            .ok()
            .flatten()
    }

    /// Where these ranges come from, in the words of the provenance line.
    pub fn provenance(&self) -> Provenance {
        let deals = self.closed_deals();
        let name = self.name.trim();
        Provenance {
            source: if self.source.trim().is_empty() {
                "your own data".into()
            } else {
                self.source.trim().into()
            },
            year: self.year,
            sample: match (name.is_empty(), deals) {
                (true, Some(n)) => format!("{} closed deals", plain_number(n)),
                (false, Some(n)) => format!("{name}, {} closed deals", plain_number(n)),
                (true, None) => "closed deals not given".into(),
                (false, None) => format!("{name}, closed deals not given"),
            },
            win_rate_base: "your deals that reach Discovery".into(),
            note: None,
            closed_deals: deals,
            own: true,
        }
    }
}

impl BenchmarksDoc {
    /// Where the ranges in use come from.
    pub fn provenance(&self) -> Provenance {
        Provenance::published(self.segment).unwrap_or_else(|| self.baseline.provenance())
    }
}

/// A funnel measured from real deals (for example a CRM export): how many
/// deals entered each stage, how long they stayed, and how many closed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FunnelSample {
    /// Deals that entered Prospecting … Closing, then deals won.
    pub entered: [u64; 7],
    /// Average days in each of the seven stages (Onboarding: days to first
    /// value), when measured.
    pub days: [Option<f64>; 7],
    /// Average days from creation to close of won deals, when measured.
    pub cycle_days: Option<f64>,
    /// Deals closed, won or lost: what the baseline rests on.
    pub closed: u64,
}

/// z for a two-sided 90 % interval.
const Z: f64 = 1.645;
/// Measured averages become a range of a quarter either side.
const DAYS_SPREAD: f64 = 0.25;

/// The Wilson score interval of `k` successes in `n`, in %: a range that
/// stays inside 0–100 and widens as the sample shrinks, so a baseline from
/// twelve deals claims less than one from twelve hundred.
pub fn wilson_pct(k: u64, n: u64) -> Range {
    if n == 0 {
        return Range::new(0.0, 100.0);
    }
    let (k, n) = (k.min(n) as f64, n as f64);
    let p = k / n;
    let z2 = Z * Z;
    let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = Z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / (1.0 + z2 / n);
    let r = |x: f64| ((x * 1000.0).round() / 10.0).clamp(0.0, 100.0);
    Range::new(r(centre - half), r(centre + half))
}

/// Turns a measured funnel into an own baseline under `name`. Conversions and the
/// win rate (won ÷ entered Discovery) get a 90 % Wilson interval; measured
/// days and cycle a quarter either side; anything not measured keeps the
/// mid-market range. `source` and `year` are recorded as its provenance,
/// and `closed` as the deals it rests on (under 30 it warns). Pure, so a
/// CRM import can call it and compare against the result with
/// [`Action::AddBaseline`].
pub fn baseline_from_funnel(
    name: &str,
    source: &str,
    year: Option<i32>,
    f: &FunnelSample,
) -> BaselineInput {
    let mut b = MID_MARKET;
    for i in 0..FUNNEL {
        b.conversion[i] = wilson_pct(f.entered[i + 1], f.entered[i]);
    }
    let spread = |d: f64| {
        let d = finite_non_negative(d);
        let r = |x: f64| (x * 10.0).round() / 10.0;
        Range::new(r(d * (1.0 - DAYS_SPREAD)), r(d * (1.0 + DAYS_SPREAD)))
    };
    for (slot, d) in b.days.iter_mut().zip(f.days) {
        if let Some(d) = d {
            *slot = spread(d);
        }
    }
    if let Some(c) = f.cycle_days {
        b.cycle = spread(c);
    }
    b.win_rate = wilson_pct(f.entered[FUNNEL], f.entered[Stage::Discovery.index()]);
    let mut input = BaselineInput::from_baseline(&b);
    input.name = name.trim().into();
    input.source = source.trim().into();
    input.year = year;
    input.closed_deals = f.closed.to_string();
    input
}

use crate::numbers::finite_non_negative;
