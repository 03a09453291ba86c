//! The seven stages, the published benchmark ranges and the segment and
//! entry-mode choices.

use super::{plain_number, FUNNEL};
use serde::{Deserialize, Serialize};

/// The seven stages, in funnel order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    Prospecting,
    Qualification,
    Discovery,
    Solution,
    Proposal,
    Closing,
    Onboarding,
}

impl Stage {
    pub const ALL: [Stage; 7] = [
        Stage::Prospecting,
        Stage::Qualification,
        Stage::Discovery,
        Stage::Solution,
        Stage::Proposal,
        Stage::Closing,
        Stage::Onboarding,
    ];

    /// The six stages that convert into the next one.
    pub const CONVERTING: [Stage; FUNNEL] = [
        Stage::Prospecting,
        Stage::Qualification,
        Stage::Discovery,
        Stage::Solution,
        Stage::Proposal,
        Stage::Closing,
    ];

    /// 0-based position in the funnel.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Stable identifier used in test ids, CSV and element ids.
    pub fn slug(self) -> &'static str {
        match self {
            Stage::Prospecting => "prospecting",
            Stage::Qualification => "qualification",
            Stage::Discovery => "discovery",
            Stage::Solution => "solution",
            Stage::Proposal => "proposal",
            Stage::Closing => "closing",
            Stage::Onboarding => "onboarding",
        }
    }

    /// Parses a slug back into a stage.
    pub fn from_slug(slug: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.slug() == slug)
    }
}

/// A benchmark range, low end to high end (both inclusive "within").
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Range {
    pub low: f64,
    pub high: f64,
}

impl Range {
    pub const fn new(low: f64, high: f64) -> Range {
        Range { low, high }
    }

    /// Midpoint of the range: the "good enough" target used for fix values.
    pub fn mid(self) -> f64 {
        (self.low + self.high) / 2.0
    }

    /// "60–75" with at most one decimal, for sentences and the table.
    pub fn label(self) -> String {
        format!("{}–{}", plain_number(self.low), plain_number(self.high))
    }
}

/// Every range the calculator compares against.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Baseline {
    /// Conversion to the next stage, in %, for the six converting stages.
    pub conversion: [Range; FUNNEL],
    /// Days in stage for all seven stages (Onboarding: days to first value).
    pub days: [Range; 7],
    /// Win rate from qualified pipeline, in %.
    pub win_rate: Range,
    /// Whole sales cycle, in days.
    pub cycle: Range,
}

/// Conversion ranges are the same for both published segments.
const CONVERSION: [Range; FUNNEL] = [
    Range::new(10.0, 15.0),
    Range::new(50.0, 60.0),
    Range::new(60.0, 75.0),
    Range::new(50.0, 65.0),
    Range::new(60.0, 80.0),
    Range::new(75.0, 90.0),
];

/// Benchmarks for mid-market B2B SaaS teams.
pub const MID_MARKET: Baseline = Baseline {
    conversion: CONVERSION,
    days: [
        Range::new(3.0, 7.0),
        Range::new(3.0, 7.0),
        Range::new(7.0, 14.0),
        Range::new(7.0, 14.0),
        Range::new(7.0, 21.0),
        Range::new(7.0, 14.0),
        Range::new(14.0, 30.0),
    ],
    win_rate: Range::new(15.0, 25.0),
    cycle: Range::new(60.0, 90.0),
};

/// Benchmarks for enterprise teams: same conversions, longer stages.
pub const ENTERPRISE: Baseline = Baseline {
    conversion: CONVERSION,
    days: [
        Range::new(7.0, 14.0),
        Range::new(7.0, 14.0),
        Range::new(14.0, 30.0),
        Range::new(14.0, 30.0),
        Range::new(21.0, 45.0),
        Range::new(14.0, 30.0),
        Range::new(30.0, 60.0),
    ],
    win_rate: Range::new(10.0, 15.0),
    cycle: Range::new(120.0, 180.0),
};

/// A deal is stale once it has sat in a stage this many times the
/// benchmark's high end.
pub const STALE_FACTOR: f64 = 2.0;

/// Which baseline the user compares against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Segment {
    #[default]
    MidMarket,
    Enterprise,
    MyBaseline,
}

impl Segment {
    pub const ALL: [Segment; 3] = [Segment::MidMarket, Segment::Enterprise, Segment::MyBaseline];

    /// Value attribute of the select option.
    pub fn slug(self) -> &'static str {
        match self {
            Segment::MidMarket => "mid-market",
            Segment::Enterprise => "enterprise",
            Segment::MyBaseline => "my-baseline",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Segment> {
        Segment::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// The published figures, if this segment has them.
    pub fn published(self) -> Option<Baseline> {
        match self {
            Segment::MidMarket => Some(MID_MARKET),
            Segment::Enterprise => Some(ENTERPRISE),
            Segment::MyBaseline => None,
        }
    }
}

/// How the funnel's conversion rates are entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InputMode {
    /// Type each stage's conversion in %.
    #[default]
    Rates,
    /// Type how many deals entered each stage; rates are derived.
    Counts,
}
