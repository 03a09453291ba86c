//! Pure model of the stage benchmark calculator.
//!
//! Everything the tool computes lives here so it can be tested natively:
//! the seven-stage benchmark data, the saved inputs (kept as the raw text
//! people typed), parsing, every formula, the verdict sentences and the CSV
//! export. The views only render what these functions return.
//!
//! Units: conversions are percentages (0–100) everywhere a person sees or
//! types them; they become fractions only inside the formulas. Days are days.

use crate::numbers::{finite_non_negative, parse_number, NumberError, NumberRules};
use crate::storage::Document;
use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------------------
// Stages and benchmark data
// ---------------------------------------------------------------------------

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

/// Number of stages that have a conversion rate and a time in stage that
/// count towards the funnel (Prospecting through Closing).
pub const FUNNEL: usize = 6;

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

    /// Name shown on screen and used in field labels.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Prospecting => "Prospecting",
            Stage::Qualification => "Qualification",
            Stage::Discovery => "Discovery",
            Stage::Solution => "Solution presentation",
            Stage::Proposal => "Proposal & negotiation",
            Stage::Closing => "Closing",
            Stage::Onboarding => "Onboarding & expansion",
        }
    }

    /// The one number to watch in this stage, in our own words.
    pub fn key_metric(self) -> &'static str {
        match self {
            Stage::Prospecting => "Meetings booked for every 100 outreach touches.",
            Stage::Qualification => {
                "Share of leads you rule out. Ruling out 50–70% is a sign of a healthy filter."
            }
            Stage::Discovery => "How much the rep talks on the call. Keep it under 40%.",
            Stage::Solution => "Stakeholders in the room for the demo. Aim for 2 to 4.",
            Stage::Proposal => "Average discount. Above 20% usually means discovery was thin.",
            Stage::Closing => "Days from a verbal yes to a signed contract.",
            Stage::Onboarding => {
                "Time to first value, and net revenue retention (NRR: revenue you keep and grow from existing customers)."
            }
        }
    }

    /// What to do when this stage is the bottleneck: the next action.
    pub fn advice(self) -> &'static str {
        match self {
            Stage::Prospecting => {
                "Tighten your target list and rewrite the first touch around one pain your best customers share."
            }
            Stage::Qualification => {
                "Agree written entry rules for a qualified deal, then score every new lead against them before booking discovery."
            }
            Stage::Discovery => {
                "Hold the demo until you have mapped the buying committee and put a number on the pain."
            }
            Stage::Solution => {
                "Open each demo with the cost the buyer told you about, and get the economic buyer into the room."
            }
            Stage::Proposal => {
                "Send proposals within two days of the demo and agree price and scope before the document lands."
            }
            Stage::Closing => {
                "Build a mutual close plan with dates for legal, security and procurement, and start it at the verbal yes."
            }
            Stage::Onboarding => {
                "Hand over every deal with its success criteria and book the kickoff within a week of signature."
            }
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

    /// Option text in the "Segment" select.
    pub fn name(self) -> &'static str {
        match self {
            Segment::MidMarket => "Mid-market",
            Segment::Enterprise => "Enterprise",
            Segment::MyBaseline => "My baseline",
        }
    }

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

// ---------------------------------------------------------------------------
// The saved document: raw text only
// ---------------------------------------------------------------------------

/// The user's own ranges, kept as typed so nothing is lost while editing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BaselineInput {
    pub conversion_low: [String; FUNNEL],
    pub conversion_high: [String; FUNNEL],
    pub days_low: [String; 7],
    pub days_high: [String; 7],
    pub win_rate_low: String,
    pub win_rate_high: String,
    pub cycle_low: String,
    pub cycle_high: String,
}

impl Default for BaselineInput {
    /// A new custom baseline starts as a copy of mid-market, so the user
    /// edits what differs instead of typing thirty numbers.
    fn default() -> Self {
        BaselineInput::from_baseline(&MID_MARKET)
    }
}

impl BaselineInput {
    /// The text form of a set of ranges.
    pub fn from_baseline(b: &Baseline) -> BaselineInput {
        BaselineInput {
            conversion_low: b.conversion.map(|r| plain_number(r.low)),
            conversion_high: b.conversion.map(|r| plain_number(r.high)),
            days_low: b.days.map(|r| plain_number(r.low)),
            days_high: b.days.map(|r| plain_number(r.high)),
            win_rate_low: plain_number(b.win_rate.low),
            win_rate_high: plain_number(b.win_rate.high),
            cycle_low: plain_number(b.cycle.low),
            cycle_high: plain_number(b.cycle.high),
        }
    }

    /// The raw text of one field.
    pub fn raw(&self, f: BaselineField) -> &str {
        match f {
            BaselineField::ConversionLow(i) => &self.conversion_low[i],
            BaselineField::ConversionHigh(i) => &self.conversion_high[i],
            BaselineField::DaysLow(i) => &self.days_low[i],
            BaselineField::DaysHigh(i) => &self.days_high[i],
            BaselineField::WinRateLow => &self.win_rate_low,
            BaselineField::WinRateHigh => &self.win_rate_high,
            BaselineField::CycleLow => &self.cycle_low,
            BaselineField::CycleHigh => &self.cycle_high,
        }
    }

    fn slot(&mut self, f: BaselineField) -> &mut String {
        match f {
            BaselineField::ConversionLow(i) => &mut self.conversion_low[i],
            BaselineField::ConversionHigh(i) => &mut self.conversion_high[i],
            BaselineField::DaysLow(i) => &mut self.days_low[i],
            BaselineField::DaysHigh(i) => &mut self.days_high[i],
            BaselineField::WinRateLow => &mut self.win_rate_low,
            BaselineField::WinRateHigh => &mut self.win_rate_high,
            BaselineField::CycleLow => &mut self.cycle_low,
            BaselineField::CycleHigh => &mut self.cycle_high,
        }
    }

    /// Every problem in the form, or nothing. A range whose high end is
    /// below its low end is reported on the high field.
    pub fn errors(&self) -> Vec<(BaselineField, String)> {
        let mut out = Vec::new();
        for (lo, hi) in BaselineField::pairs() {
            let l = parse_number(self.raw(lo), lo.rules());
            let h = parse_number(self.raw(hi), hi.rules());
            if let Err(e) = &l {
                out.push((lo, e.to_string()));
            }
            match (&l, &h) {
                (_, Err(e)) => out.push((hi, e.to_string())),
                (Ok(Some(l)), Ok(Some(h))) if h < l => out.push((
                    hi,
                    format!("Enter at least the low end ({}).", plain_number(*l)),
                )),
                _ => {}
            }
        }
        out
    }

    /// The error for one field, if any.
    pub fn error(&self, f: BaselineField) -> Option<String> {
        self.errors()
            .into_iter()
            .find(|(g, _)| *g == f)
            .map(|(_, e)| e)
    }

    /// The ranges, when every field is valid.
    pub fn parse(&self) -> Option<Baseline> {
        if !self.errors().is_empty() {
            return None;
        }
        let v = |f: BaselineField| {
            parse_number(self.raw(f), f.rules())
                .ok()
                .flatten()
                .unwrap_or(0.0)
        };
        let range = |lo, hi| Range::new(v(lo), v(hi));
        Some(Baseline {
            conversion: std::array::from_fn(|i| {
                range(
                    BaselineField::ConversionLow(i),
                    BaselineField::ConversionHigh(i),
                )
            }),
            days: std::array::from_fn(|i| {
                range(BaselineField::DaysLow(i), BaselineField::DaysHigh(i))
            }),
            win_rate: range(BaselineField::WinRateLow, BaselineField::WinRateHigh),
            cycle: range(BaselineField::CycleLow, BaselineField::CycleHigh),
        })
    }
}

/// One field of the custom baseline form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BaselineField {
    ConversionLow(usize),
    ConversionHigh(usize),
    DaysLow(usize),
    DaysHigh(usize),
    WinRateLow,
    WinRateHigh,
    CycleLow,
    CycleHigh,
}

impl BaselineField {
    /// Every (low, high) pair in form order.
    pub fn pairs() -> Vec<(BaselineField, BaselineField)> {
        let mut v = Vec::new();
        for i in 0..7 {
            if i < FUNNEL {
                v.push((
                    BaselineField::ConversionLow(i),
                    BaselineField::ConversionHigh(i),
                ));
            }
            v.push((BaselineField::DaysLow(i), BaselineField::DaysHigh(i)));
        }
        v.push((BaselineField::WinRateLow, BaselineField::WinRateHigh));
        v.push((BaselineField::CycleLow, BaselineField::CycleHigh));
        v
    }

    pub fn rules(self) -> NumberRules {
        match self {
            BaselineField::ConversionLow(_)
            | BaselineField::ConversionHigh(_)
            | BaselineField::WinRateLow
            | BaselineField::WinRateHigh => NumberRules::PERCENT,
            _ => NumberRules::DAYS,
        }
    }

    /// Element id, unique on the page.
    pub fn id(self) -> String {
        match self {
            BaselineField::ConversionLow(i) => {
                format!("sc-benchmarks-bl-conv-low-{}", Stage::ALL[i].slug())
            }
            BaselineField::ConversionHigh(i) => {
                format!("sc-benchmarks-bl-conv-high-{}", Stage::ALL[i].slug())
            }
            BaselineField::DaysLow(i) => {
                format!("sc-benchmarks-bl-days-low-{}", Stage::ALL[i].slug())
            }
            BaselineField::DaysHigh(i) => {
                format!("sc-benchmarks-bl-days-high-{}", Stage::ALL[i].slug())
            }
            BaselineField::WinRateLow => "sc-benchmarks-bl-win-low".into(),
            BaselineField::WinRateHigh => "sc-benchmarks-bl-win-high".into(),
            BaselineField::CycleLow => "sc-benchmarks-bl-cycle-low".into(),
            BaselineField::CycleHigh => "sc-benchmarks-bl-cycle-high".into(),
        }
    }

    /// Visible label: unique, and never containing one of the main form's
    /// labels, so a lookup by label text finds exactly one field.
    pub fn label(self) -> String {
        match self {
            BaselineField::ConversionLow(i) => {
                format!("{}: low end of conversion (%)", Stage::ALL[i].name())
            }
            BaselineField::ConversionHigh(i) => {
                format!("{}: high end of conversion (%)", Stage::ALL[i].name())
            }
            BaselineField::DaysLow(i) => format!("{}: low end of days", Stage::ALL[i].name()),
            BaselineField::DaysHigh(i) => format!("{}: high end of days", Stage::ALL[i].name()),
            BaselineField::WinRateLow => "Win rate target: low end (%)".into(),
            BaselineField::WinRateHigh => "Win rate target: high end (%)".into(),
            BaselineField::CycleLow => "Sales cycle target: low end (days)".into(),
            BaselineField::CycleHigh => "Sales cycle target: high end (days)".into(),
        }
    }

    pub fn is_percent(self) -> bool {
        self.rules() == NumberRules::PERCENT
    }
}

/// Largest count or prospect number we accept: keeps every product finite.
pub const MAX_COUNT: f64 = 1_000_000_000.0;
/// Largest deal size we accept.
pub const MAX_MONEY: f64 = 1_000_000_000_000.0;

/// One input field of the calculator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// N: new prospects per month.
    Prospects,
    /// O: open opportunities.
    OpenOpportunities,
    /// D: average deal size.
    DealSize,
    /// c_s in %, stage index 0..6.
    Conversion(usize),
    /// d_s in days, stage index 0..6.
    Days(usize),
    /// Days to first value after signature.
    OnboardingDays,
    /// Counts mode: deals that entered stage i (0..6), or closed-won (6).
    Count(usize),
}

impl Field {
    /// The fields shown for a mode, in form order.
    pub fn visible(mode: InputMode) -> Vec<Field> {
        let mut v = vec![Field::Prospects, Field::OpenOpportunities, Field::DealSize];
        for i in 0..FUNNEL {
            match mode {
                InputMode::Rates => v.push(Field::Conversion(i)),
                InputMode::Counts => v.push(Field::Count(i)),
            }
            v.push(Field::Days(i));
        }
        if mode == InputMode::Counts {
            v.push(Field::Count(FUNNEL));
        }
        v.push(Field::OnboardingDays);
        v
    }

    pub fn rules(self) -> NumberRules {
        match self {
            Field::Prospects | Field::OpenOpportunities | Field::Count(_) => NumberRules {
                max: Some(MAX_COUNT),
                ..NumberRules::COUNT
            },
            Field::DealSize => NumberRules {
                max: Some(MAX_MONEY),
                ..NumberRules::MONEY
            },
            Field::Conversion(_) => NumberRules::PERCENT,
            Field::Days(_) | Field::OnboardingDays => NumberRules::DAYS,
        }
    }

    /// The visible label, exactly as the acceptance tests look it up.
    pub fn label(self) -> String {
        match self {
            Field::Prospects => "New prospects per month".into(),
            Field::OpenOpportunities => "Open opportunities".into(),
            Field::DealSize => "Average deal size".into(),
            Field::Conversion(i) => format!("{} conversion (%)", Stage::ALL[i].name()),
            Field::Days(i) => format!("{} days", Stage::ALL[i].name()),
            Field::OnboardingDays => "Onboarding days to first value".into(),
            Field::Count(i) if i < FUNNEL => format!("Deals that entered {}", Stage::ALL[i].name()),
            Field::Count(_) => "Deals closed-won".into(),
        }
    }

    /// Element id, unique on the page.
    pub fn id(self) -> String {
        match self {
            Field::Prospects => "sc-benchmarks-prospects".into(),
            Field::OpenOpportunities => "sc-benchmarks-open".into(),
            Field::DealSize => "sc-benchmarks-deal-size".into(),
            Field::Conversion(i) => format!("sc-benchmarks-conv-{}", Stage::ALL[i].slug()),
            Field::Days(i) => format!("sc-benchmarks-days-{}", Stage::ALL[i].slug()),
            Field::OnboardingDays => "sc-benchmarks-days-onboarding".into(),
            Field::Count(i) if i < FUNNEL => {
                format!("sc-benchmarks-count-{}", Stage::ALL[i].slug())
            }
            Field::Count(_) => "sc-benchmarks-count-won".into(),
        }
    }

    /// Unit shown inside the field.
    pub fn suffix(self) -> Option<&'static str> {
        match self {
            Field::Conversion(_) => Some("%"),
            Field::Days(_) | Field::OnboardingDays => Some("days"),
            _ => None,
        }
    }
}

/// Everything the benchmarks tool persists.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BenchmarksDoc {
    pub segment: Segment,
    pub mode: InputMode,
    pub prospects: String,
    pub open_opportunities: String,
    pub deal_size: String,
    /// c_1..c_6 in %, as typed.
    pub conversion: [String; FUNNEL],
    /// d_1..d_6 in days, as typed.
    pub days: [String; FUNNEL],
    pub onboarding_days: String,
    /// Counts mode: entered stage 1..6, then closed-won.
    pub counts: [String; 7],
    /// The user's own ranges for "My baseline".
    pub baseline: BaselineInput,
}

impl Document for BenchmarksDoc {
    const KEY: &'static str = "benchmarks";
    const VERSION: u32 = 1;
}

/// Every change the view can make to the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    SetField(Field, String),
    SetSegment(Segment),
    SetMode(InputMode),
    SetBaselineField(BaselineField, String),
    /// Replace the custom baseline with a published one.
    CopyBaselineFrom(Segment),
    LoadExample,
    /// Empty the funnel inputs; the segment and custom baseline stay.
    Clear,
    /// Put back a whole earlier document (undo of Clear).
    Restore(Box<BenchmarksDoc>),
}

/// The example team: a mid-market team whose discovery leaks and whose
/// demos drag on, so every part of the result has something to show.
pub const EXAMPLE_PROSPECTS: &str = "400";
pub const EXAMPLE_OPEN: &str = "60";
pub const EXAMPLE_DEAL: &str = "24000";
pub const EXAMPLE_CONVERSION: [&str; FUNNEL] = ["12", "55", "52", "58", "70", "82"];
pub const EXAMPLE_DAYS: [&str; FUNNEL] = ["5", "6", "12", "18", "16", "10"];
pub const EXAMPLE_ONBOARDING: &str = "25";
/// Counts that give roughly the same rates as `EXAMPLE_CONVERSION`.
pub const EXAMPLE_COUNTS: [&str; 7] = ["1000", "120", "66", "34", "20", "14", "11"];

impl BenchmarksDoc {
    /// Applies one change. Pure, so every transition is testable.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::SetField(f, v) => *self.slot(f) = v,
            Action::SetSegment(s) => self.segment = s,
            Action::SetMode(m) => self.mode = m,
            Action::SetBaselineField(f, v) => *self.baseline.slot(f) = v,
            Action::CopyBaselineFrom(s) => {
                if let Some(b) = s.published() {
                    self.baseline = BaselineInput::from_baseline(&b);
                }
            }
            Action::LoadExample => {
                self.mode = InputMode::Rates;
                self.prospects = EXAMPLE_PROSPECTS.into();
                self.open_opportunities = EXAMPLE_OPEN.into();
                self.deal_size = EXAMPLE_DEAL.into();
                self.conversion = EXAMPLE_CONVERSION.map(String::from);
                self.days = EXAMPLE_DAYS.map(String::from);
                self.onboarding_days = EXAMPLE_ONBOARDING.into();
                self.counts = EXAMPLE_COUNTS.map(String::from);
            }
            Action::Clear => {
                *self = BenchmarksDoc {
                    segment: self.segment,
                    mode: self.mode,
                    baseline: self.baseline.clone(),
                    ..BenchmarksDoc::default()
                }
            }
            Action::Restore(doc) => *self = *doc,
        }
    }

    /// The raw text of one field.
    pub fn raw(&self, f: Field) -> &str {
        match f {
            Field::Prospects => &self.prospects,
            Field::OpenOpportunities => &self.open_opportunities,
            Field::DealSize => &self.deal_size,
            Field::Conversion(i) => &self.conversion[i],
            Field::Days(i) => &self.days[i],
            Field::OnboardingDays => &self.onboarding_days,
            Field::Count(i) => &self.counts[i],
        }
    }

    fn slot(&mut self, f: Field) -> &mut String {
        match f {
            Field::Prospects => &mut self.prospects,
            Field::OpenOpportunities => &mut self.open_opportunities,
            Field::DealSize => &mut self.deal_size,
            Field::Conversion(i) => &mut self.conversion[i],
            Field::Days(i) => &mut self.days[i],
            Field::OnboardingDays => &mut self.onboarding_days,
            Field::Count(i) => &mut self.counts[i],
        }
    }

    /// Parses one field by its own rules.
    pub fn parse(&self, f: Field) -> Result<f64, NumberError> {
        parse_number(self.raw(f), f.rules()).map(|v| v.unwrap_or(0.0))
    }

    /// True when nothing has been typed in any visible field yet: the
    /// result area then invites the user in instead of showing errors.
    pub fn is_blank(&self) -> bool {
        Field::visible(self.mode)
            .iter()
            .all(|f| self.raw(*f).trim().is_empty())
    }

    /// The visible fields that do not hold an acceptable number.
    pub fn invalid_fields(&self) -> Vec<(Field, NumberError)> {
        Field::visible(self.mode)
            .into_iter()
            .filter_map(|f| self.parse(f).err().map(|e| (f, e)))
            .collect()
    }

    /// The ranges of the chosen segment, or `None` when "My baseline" is
    /// chosen and its form has errors.
    pub fn active_baseline(&self) -> Option<Baseline> {
        self.segment.published().or_else(|| self.baseline.parse())
    }

    /// Counts mode: stages where more deals came out than went in. Empty in
    /// rates mode or while counts are not all valid.
    pub fn count_warnings(&self) -> Vec<CountWarning> {
        if self.mode != InputMode::Counts {
            return Vec::new();
        }
        let Some(counts) = self.counts_parsed() else {
            return Vec::new();
        };
        count_warnings(&counts)
    }

    fn counts_parsed(&self) -> Option<[f64; 7]> {
        let mut out = [0.0; 7];
        for (i, slot) in out.iter_mut().enumerate() {
            *slot = self.parse(Field::Count(i)).ok()?;
        }
        Some(out)
    }

    /// The parsed figures, when every visible field is valid.
    pub fn figures(&self) -> Option<Figures> {
        if !self.invalid_fields().is_empty() {
            return None;
        }
        let p = |f| self.parse(f).unwrap_or(0.0);
        let conversion = match self.mode {
            InputMode::Rates => std::array::from_fn(|i| p(Field::Conversion(i))),
            InputMode::Counts => rates_from_counts(&self.counts_parsed()?),
        };
        Some(Figures {
            prospects: p(Field::Prospects),
            open_opportunities: p(Field::OpenOpportunities),
            deal_size: p(Field::DealSize),
            conversion,
            days: std::array::from_fn(|i| p(Field::Days(i))),
            onboarding_days: p(Field::OnboardingDays),
        })
    }

    /// The full result, when the inputs and the chosen baseline are valid.
    pub fn analysis(&self) -> Option<Analysis> {
        Some(analyse(&self.figures()?, &self.active_baseline()?))
    }
}

// ---------------------------------------------------------------------------
// Counts mode
// ---------------------------------------------------------------------------

/// A later stage holds more deals than the one before it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CountWarning {
    /// The earlier stage (index 0..6).
    pub from: usize,
    pub entered: f64,
    pub next: f64,
}

impl CountWarning {
    /// Plain-language explanation, naming what to check.
    pub fn message(&self) -> String {
        let to = if self.from + 1 < FUNNEL {
            format!("reached {}", Stage::ALL[self.from + 1].name())
        } else {
            "closed-won".into()
        };
        format!(
            "{} deals {to}, but only {} entered {}. Check these counts: the rate is capped at 100% until they add up.",
            plain_number(self.next),
            plain_number(self.entered),
            Stage::ALL[self.from].name()
        )
    }
}

/// c_s = entered(s+1) / entered(s), capped at 100%. A stage nobody entered
/// converts nobody (0%), which keeps the maths defined.
pub fn rates_from_counts(counts: &[f64; 7]) -> [f64; FUNNEL] {
    std::array::from_fn(|i| {
        let (a, b) = (counts[i], counts[i + 1]);
        if a > 0.0 {
            finite_non_negative(b * 100.0 / a).min(100.0)
        } else {
            0.0
        }
    })
}

/// Every adjacent pair where the later count is larger.
pub fn count_warnings(counts: &[f64; 7]) -> Vec<CountWarning> {
    (0..FUNNEL)
        .filter(|&i| counts[i + 1] > counts[i])
        .map(|i| CountWarning {
            from: i,
            entered: counts[i],
            next: counts[i + 1],
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Formulas
// ---------------------------------------------------------------------------

/// Parsed inputs. Conversions in %, days in days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figures {
    pub prospects: f64,
    pub open_opportunities: f64,
    pub deal_size: f64,
    pub conversion: [f64; FUNNEL],
    pub days: [f64; FUNNEL],
    pub onboarding_days: f64,
}

/// Conversion against its band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConversionStatus {
    Below,
    Within,
    Above,
}

impl ConversionStatus {
    pub fn of(value: f64, r: Range) -> ConversionStatus {
        if value < r.low {
            ConversionStatus::Below
        } else if value > r.high {
            ConversionStatus::Above
        } else {
            ConversionStatus::Within
        }
    }

    /// The word shown in the table (the test contract uses these).
    pub fn word(self) -> &'static str {
        match self {
            ConversionStatus::Below => "below",
            ConversionStatus::Within => "within",
            ConversionStatus::Above => "above",
        }
    }

    /// Badge tone; "above" is good news for a conversion rate.
    pub fn tone(self) -> Tone {
        match self {
            ConversionStatus::Below => Tone::Bad,
            ConversionStatus::Within => Tone::Neutral,
            ConversionStatus::Above => Tone::Good,
        }
    }
}

/// Time against its band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeStatus {
    Faster,
    Within,
    Slower,
}

impl TimeStatus {
    pub fn of(days: f64, r: Range) -> TimeStatus {
        if days > r.high {
            TimeStatus::Slower
        } else if days < r.low {
            TimeStatus::Faster
        } else {
            TimeStatus::Within
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            TimeStatus::Faster => "faster",
            TimeStatus::Within => "within",
            TimeStatus::Slower => "slower",
        }
    }

    pub fn tone(self) -> Tone {
        match self {
            TimeStatus::Faster => Tone::Good,
            TimeStatus::Within => Tone::Neutral,
            TimeStatus::Slower => Tone::Warn,
        }
    }
}

pub use crate::tone::Tone;

/// One row of the stage table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StageResult {
    pub stage: Stage,
    /// c_s in %; `None` for Onboarding.
    pub conversion: Option<f64>,
    pub conversion_status: Option<ConversionStatus>,
    pub days: f64,
    pub time_status: TimeStatus,
    /// 2 × high end; `None` for Onboarding.
    pub stale_days: Option<f64>,
    /// Extra revenue per month if this stage alone reached its midpoint;
    /// `None` when the stage is already at or above the midpoint.
    pub fix_value: Option<f64>,
}

/// Bringing one slow stage back to its midpoint.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CycleSaving {
    pub stage: Stage,
    pub days_saved: f64,
    pub new_cycle: f64,
    /// Velocity gain in %; `None` if the new cycle would be 0 days.
    pub velocity_gain_pct: Option<f64>,
}

/// Everything the calculator shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub win_rate_pct: f64,
    pub win_rate_status: ConversionStatus,
    pub cycle_days: f64,
    pub cycle_status: TimeStatus,
    /// `None` when the cycle is 0 days (velocity is undefined).
    pub velocity_per_day: Option<f64>,
    pub deals_per_month: f64,
    pub revenue_per_month: f64,
    pub stages: [StageResult; 7],
    pub bottleneck: Option<Stage>,
    pub slowest: Option<Stage>,
    /// How far past its benchmark the slowest stage runs, in days.
    pub slowest_excess_days: f64,
    pub cycle_savings: Vec<CycleSaving>,
}

impl Analysis {
    pub fn velocity_per_month(&self) -> Option<f64> {
        self.velocity_per_day.map(|v| finite_non_negative(v * 30.0))
    }

    pub fn velocity_per_quarter(&self) -> Option<f64> {
        self.velocity_per_day.map(|v| finite_non_negative(v * 90.0))
    }

    pub fn stage(&self, s: Stage) -> &StageResult {
        &self.stages[s.index()]
    }
}

/// Turns a percentage into a fraction in 0..=1, whatever it was.
fn fraction(pct: f64) -> f64 {
    finite_non_negative(pct).min(100.0) / 100.0
}

/// Days made safe: finite and not negative.
fn safe_days(d: f64) -> f64 {
    finite_non_negative(d)
}

/// Win rate from qualified pipeline, in %: c3·c4·c5·c6.
pub fn win_rate_pct(conversion: &[f64; FUNNEL]) -> f64 {
    finite_non_negative(
        conversion[2..]
            .iter()
            .map(|c| fraction(*c))
            .product::<f64>()
            * 100.0,
    )
}

/// Sales cycle in days: d2 + … + d6 (prospecting time is before the pipeline).
pub fn cycle_days(days: &[f64; FUNNEL]) -> f64 {
    finite_non_negative(days[1..].iter().map(|d| safe_days(*d)).sum())
}

/// Pipeline velocity per day: O · win rate · D / cycle. `None` for a 0-day
/// cycle, and for a result too large to represent.
pub fn velocity_per_day(open: f64, win_rate_pct: f64, deal: f64, cycle: f64) -> Option<f64> {
    if !(cycle.is_finite() && cycle > 0.0) {
        return None;
    }
    let v = finite_non_negative(open) * fraction(win_rate_pct) * finite_non_negative(deal) / cycle;
    v.is_finite().then_some(v.max(0.0) + 0.0)
}

/// Deals won per month: N · c1 · … · c6.
pub fn deals_per_month(prospects: f64, conversion: &[f64; FUNNEL]) -> f64 {
    finite_non_negative(
        finite_non_negative(prospects) * conversion.iter().map(|c| fraction(*c)).product::<f64>(),
    )
}

/// Fix value of stage `s`: N · D · mid_s · Π_{t≠s} c_t − revenue per month.
/// The product skips `s` instead of dividing by c_s, so a stage at 0% (or
/// another stage at 0%) never divides by zero. `None` when c_s ≥ mid_s.
pub fn fix_value(f: &Figures, b: &Baseline, s: usize) -> Option<f64> {
    let mid = b.conversion[s].mid();
    if f.conversion[s] >= mid {
        return None;
    }
    let others: f64 = (0..FUNNEL)
        .filter(|&t| t != s)
        .map(|t| fraction(f.conversion[t]))
        .product();
    let n = finite_non_negative(f.prospects);
    let d = finite_non_negative(f.deal_size);
    let improved = n * d * fraction(mid) * others;
    let revenue = deals_per_month(f.prospects, &f.conversion) * d;
    Some(finite_non_negative(improved - revenue))
}

/// Picks the index with the largest score; ties keep the earlier stage.
fn first_max(candidates: impl Iterator<Item = (usize, f64)>) -> Option<(usize, f64)> {
    candidates.fold(None, |best, (i, v)| match best {
        Some((_, bv)) if v <= bv => best,
        _ => Some((i, v)),
    })
}

/// Runs every formula.
pub fn analyse(f: &Figures, b: &Baseline) -> Analysis {
    let win = win_rate_pct(&f.conversion);
    let cycle = cycle_days(&f.days);
    let deals = deals_per_month(f.prospects, &f.conversion);
    let revenue = finite_non_negative(deals * finite_non_negative(f.deal_size));
    let velocity = velocity_per_day(f.open_opportunities, win, f.deal_size, cycle);

    let stages: [StageResult; 7] = std::array::from_fn(|i| {
        let stage = Stage::ALL[i];
        if i < FUNNEL {
            let c = finite_non_negative(f.conversion[i]).min(100.0);
            let d = safe_days(f.days[i]);
            StageResult {
                stage,
                conversion: Some(c),
                conversion_status: Some(ConversionStatus::of(c, b.conversion[i])),
                days: d,
                time_status: TimeStatus::of(d, b.days[i]),
                stale_days: Some(stale_days(b, i)),
                fix_value: fix_value(f, b, i),
            }
        } else {
            let d = safe_days(f.onboarding_days);
            StageResult {
                stage,
                conversion: None,
                conversion_status: None,
                days: d,
                time_status: TimeStatus::of(d, b.days[i]),
                stale_days: None,
                fix_value: None,
            }
        }
    });

    let bottleneck = first_max(
        stages[..FUNNEL]
            .iter()
            .enumerate()
            .filter(|(_, r)| r.conversion_status == Some(ConversionStatus::Below))
            .map(|(i, r)| (i, r.fix_value.unwrap_or(0.0))),
    )
    .map(|(i, _)| Stage::ALL[i]);

    let slowest = first_max(
        (0..FUNNEL)
            .filter(|&i| stages[i].days > b.days[i].high)
            .map(|i| (i, stages[i].days - b.days[i].high)),
    );

    let cycle_savings = (1..FUNNEL)
        .filter(|&i| stages[i].days > b.days[i].high)
        .map(|i| {
            let saved = finite_non_negative(stages[i].days - b.days[i].mid());
            let new_cycle = finite_non_negative(cycle - saved);
            let gain = (new_cycle > 0.0)
                .then(|| (cycle / new_cycle - 1.0) * 100.0)
                .filter(|g| g.is_finite())
                .map(finite_non_negative);
            CycleSaving {
                stage: Stage::ALL[i],
                days_saved: saved,
                new_cycle,
                velocity_gain_pct: gain,
            }
        })
        .collect();

    Analysis {
        win_rate_pct: win,
        win_rate_status: ConversionStatus::of(win, b.win_rate),
        cycle_days: cycle,
        cycle_status: TimeStatus::of(cycle, b.cycle),
        velocity_per_day: velocity,
        deals_per_month: deals,
        revenue_per_month: revenue,
        stages,
        bottleneck,
        slowest: slowest.map(|(i, _)| Stage::ALL[i]),
        slowest_excess_days: slowest.map(|(_, e)| finite_non_negative(e)).unwrap_or(0.0),
        cycle_savings,
    }
}

/// A deal in stage `i` (0..6) is stale after 2 × the benchmark's high end.
pub fn stale_days(b: &Baseline, i: usize) -> f64 {
    finite_non_negative(STALE_FACTOR * b.days[i].high)
}

// ---------------------------------------------------------------------------
// What-if
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// For other tools, sentences and export
// ---------------------------------------------------------------------------

/// The calculator's result in one line, for the audit report.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    /// The bottleneck stage's display name.
    pub bottleneck: Option<String>,
    pub win_rate_pct: f64,
    pub velocity_per_day: Option<f64>,
}

/// `None` until the user has filled in enough to compute a result.
pub fn headline(doc: &BenchmarksDoc) -> Option<Headline> {
    let a = doc.analysis()?;
    Some(Headline {
        bottleneck: a.bottleneck.map(|s| s.name().to_string()),
        win_rate_pct: a.win_rate_pct,
        velocity_per_day: a.velocity_per_day,
    })
}

/// A complete result together with what produced it, so a view can keep
/// showing the last valid one (marked stale) while a field is being fixed.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub analysis: Analysis,
    pub baseline: Baseline,
    pub segment: Segment,
    pub figures: Figures,
}

/// `None` while any input or the chosen baseline is invalid.
pub fn snapshot(doc: &BenchmarksDoc) -> Option<Snapshot> {
    let figures = doc.figures()?;
    let baseline = doc.active_baseline()?;
    Some(Snapshot {
        analysis: analyse(&figures, &baseline),
        baseline,
        segment: doc.segment,
        figures,
    })
}

/// Why the velocity card shows "—" instead of a number.
pub fn velocity_gap_reason(a: &Analysis) -> &'static str {
    if a.cycle_days > 0.0 {
        "The result is too large to show. Check the deal size and opportunity count."
    } else {
        ZERO_CYCLE_REASON
    }
}

/// Why velocity shows "—".
pub const ZERO_CYCLE_REASON: &str =
    "Your stage days add up to 0, so there is no cycle to divide by. Enter the days deals spend from qualification to close.";

/// The sentence under the bottleneck card.
pub fn bottleneck_sentence(a: &Analysis, b: &Baseline) -> String {
    match a.bottleneck {
        Some(s) => {
            let r = a.stage(s);
            format!(
                "{}: {}% (benchmark {}%). {}",
                s.name(),
                plain_number(r.conversion.unwrap_or(0.0)),
                b.conversion[s.index()].label(),
                s.advice()
            )
        }
        None => "None: every stage converts at or above the low end of its benchmark.".into(),
    }
}

/// The sentence under the slowest-stage card.
pub fn slowest_sentence(a: &Analysis, b: &Baseline) -> String {
    match a.slowest {
        Some(s) => format!(
            "{}: {} days (benchmark {} days), {} days over.",
            s.name(),
            plain_number(a.stage(s).days),
            b.days[s.index()].label(),
            plain_number(a.slowest_excess_days)
        ),
        None => "None: no stage runs past the high end of its benchmark.".into(),
    }
}

/// A number without trailing zeros and at most one decimal: "12", "7.5".
pub fn plain_number(x: f64) -> String {
    let x = finite_non_negative(x);
    let r = (x * 10.0).round() / 10.0;
    if r.fract() == 0.0 && r.abs() < 1e15 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The per-stage table as CSV (machine-friendly numbers, no currency signs).
pub fn stage_csv(a: &Analysis, b: &Baseline, segment: Segment) -> String {
    let mut rows = vec![vec![
        "Stage".to_string(),
        "Conversion (%)".into(),
        format!("{} conversion benchmark (%)", segment.name()),
        "Conversion status".into(),
        "Days".into(),
        format!("{} days benchmark", segment.name()),
        "Time status".into(),
        "Stale after (days)".into(),
        "Fix value per month".into(),
    ]];
    for r in &a.stages {
        let i = r.stage.index();
        rows.push(vec![
            r.stage.name().into(),
            r.conversion
                .map(|c| format!("{:.1}", c))
                .unwrap_or_default(),
            if i < FUNNEL {
                b.conversion[i].label().replace('–', "-")
            } else {
                String::new()
            },
            r.conversion_status
                .map(|s| s.word().to_string())
                .unwrap_or_default(),
            plain_number(r.days),
            b.days[i].label().replace('–', "-"),
            r.time_status.word().into(),
            r.stale_days.map(plain_number).unwrap_or_default(),
            r.fix_value.map(|v| format!("{:.2}", v)).unwrap_or_default(),
        ]);
    }
    rows.iter()
        .map(|row| {
            row.iter()
                .map(|c| csv_cell(c))
                .collect::<Vec<_>>()
                .join(",")
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

// Pure tests run natively (`cargo test`); the wasm tier runs tests/web_*.rs.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6 * (1.0 + a.abs().max(b.abs()))
    }

    fn figures(conversion: [f64; 6], days: [f64; 6]) -> Figures {
        Figures {
            prospects: 1000.0,
            open_opportunities: 50.0,
            deal_size: 10_000.0,
            conversion,
            days,
            onboarding_days: 20.0,
        }
    }

    fn example_doc() -> BenchmarksDoc {
        let mut d = BenchmarksDoc::default();
        d.apply(Action::LoadExample);
        d
    }

    #[test]
    fn stages_are_in_order_with_slugs_and_names() {
        let slugs: Vec<_> = Stage::ALL.iter().map(|s| s.slug()).collect();
        assert_eq!(
            slugs,
            [
                "prospecting",
                "qualification",
                "discovery",
                "solution",
                "proposal",
                "closing",
                "onboarding"
            ]
        );
        assert_eq!(Stage::Solution.name(), "Solution presentation");
        assert_eq!(Stage::from_slug("proposal"), Some(Stage::Proposal));
        assert_eq!(Stage::from_slug("nope"), None);
    }

    #[test]
    fn benchmark_data_matches_the_published_figures() {
        assert_eq!(MID_MARKET.conversion[0], Range::new(10.0, 15.0));
        assert_eq!(MID_MARKET.conversion[5], Range::new(75.0, 90.0));
        assert_eq!(MID_MARKET.days[4], Range::new(7.0, 21.0));
        assert_eq!(ENTERPRISE.days[4], Range::new(21.0, 45.0));
        assert_eq!(MID_MARKET.days[6], Range::new(14.0, 30.0));
        assert_eq!(ENTERPRISE.days[6], Range::new(30.0, 60.0));
        assert_eq!(MID_MARKET.win_rate, Range::new(15.0, 25.0));
        assert_eq!(ENTERPRISE.win_rate, Range::new(10.0, 15.0));
        assert_eq!(MID_MARKET.cycle, Range::new(60.0, 90.0));
        assert_eq!(ENTERPRISE.cycle, Range::new(120.0, 180.0));
        assert_eq!(Range::new(60.0, 75.0).mid(), 67.5);
        assert_eq!(Range::new(60.0, 75.0).label(), "60–75");
    }

    #[test]
    fn labels_match_the_contract() {
        assert_eq!(
            Field::Conversion(4).label(),
            "Proposal & negotiation conversion (%)"
        );
        assert_eq!(Field::Days(3).label(), "Solution presentation days");
        assert_eq!(
            Field::OnboardingDays.label(),
            "Onboarding days to first value"
        );
        assert_eq!(Field::Prospects.label(), "New prospects per month");
        assert_eq!(Field::OpenOpportunities.label(), "Open opportunities");
        assert_eq!(Field::DealSize.label(), "Average deal size");
        // Every visible label is unique, so lookup by label is unambiguous.
        for mode in [InputMode::Rates, InputMode::Counts] {
            let labels: Vec<_> = Field::visible(mode).iter().map(|f| f.label()).collect();
            let mut dedup = labels.clone();
            dedup.sort();
            dedup.dedup();
            assert_eq!(labels.len(), dedup.len());
        }
        assert_eq!(Field::visible(InputMode::Rates).len(), 16);
        assert_eq!(Field::visible(InputMode::Counts).len(), 17);
    }

    #[test]
    fn hand_worked_example_team() {
        // c = 12, 55, 52, 58, 70, 82 %; d = 5, 6, 12, 18, 16, 10;
        // N = 400, O = 60, D = 24 000, mid-market.
        let a = example_doc().analysis().expect("complete");
        // Win rate = .52 · .58 · .70 · .82 = 0.1731184
        assert!(close(a.win_rate_pct, 17.31184), "{}", a.win_rate_pct);
        assert_eq!(a.win_rate_status, ConversionStatus::Within);
        // Cycle = 6 + 12 + 18 + 16 + 10 = 62 → within 60–90
        assert_eq!(a.cycle_days, 62.0);
        assert_eq!(a.cycle_status, TimeStatus::Within);
        // Velocity = 60 · 0.1731184 · 24 000 / 62 = 4020.81…
        assert!(close(
            a.velocity_per_day.unwrap(),
            60.0 * 0.1731184 * 24000.0 / 62.0
        ));
        assert!(close(
            a.velocity_per_month().unwrap(),
            a.velocity_per_day.unwrap() * 30.0
        ));
        assert!(close(
            a.velocity_per_quarter().unwrap(),
            a.velocity_per_day.unwrap() * 90.0
        ));
        // Deals = 400 · .12 · .55 · 0.1731184 = 4.5703258; revenue × 24 000
        assert!(close(a.deals_per_month, 4.570_325_76));
        assert!(close(a.revenue_per_month, 109_687.818_24));
        // Discovery 52 < 60: below. Others within.
        let words: Vec<_> = a.stages[..6]
            .iter()
            .map(|r| r.conversion_status.unwrap().word())
            .collect();
        assert_eq!(
            words,
            ["within", "within", "below", "within", "within", "within"]
        );
        // Only solution (18 > 14) is slower.
        let times: Vec<_> = a.stages.iter().map(|r| r.time_status.word()).collect();
        assert_eq!(
            times,
            ["within", "within", "within", "slower", "within", "within", "within"]
        );
        assert_eq!(a.bottleneck, Some(Stage::Discovery));
        assert_eq!(a.slowest, Some(Stage::Solution));
        assert_eq!(a.slowest_excess_days, 4.0);
        // Discovery fix: N·D·.675·(.12·.55·.58·.70·.82) − revenue
        let expected =
            400.0 * 24000.0 * 0.675 * (0.12 * 0.55 * 0.58 * 0.70 * 0.82) - 109_687.818_24;
        assert!(close(
            a.stage(Stage::Discovery).fix_value.unwrap(),
            expected
        ));
        // Prospecting 12 < mid 12.5: a fix value even though within the band.
        let p = 400.0 * 24000.0 * 0.125 * (0.55 * 0.52 * 0.58 * 0.70 * 0.82) - 109_687.818_24;
        assert!(close(a.stage(Stage::Prospecting).fix_value.unwrap(), p));
        // Qualification 55 = mid 55: no fix value.
        assert_eq!(a.stage(Stage::Qualification).fix_value, None);
        // Solution: 18 → mid 10.5 saves 7.5 days: 62 → 54.5, gain 62/54.5 − 1.
        assert_eq!(a.cycle_savings.len(), 1);
        let s = a.cycle_savings[0];
        assert_eq!(
            (s.stage, s.days_saved, s.new_cycle),
            (Stage::Solution, 7.5, 54.5)
        );
        assert!(close(
            s.velocity_gain_pct.unwrap(),
            (62.0 / 54.5 - 1.0) * 100.0
        ));
    }

    #[test]
    fn stale_thresholds_follow_the_segment() {
        let mm: Vec<_> = (0..6).map(|i| stale_days(&MID_MARKET, i)).collect();
        assert_eq!(mm, [14.0, 14.0, 28.0, 28.0, 42.0, 28.0]);
        let ent: Vec<_> = (0..6).map(|i| stale_days(&ENTERPRISE, i)).collect();
        assert_eq!(ent, [28.0, 28.0, 60.0, 60.0, 90.0, 60.0]);
        let a = example_doc().analysis().unwrap();
        assert_eq!(a.stage(Stage::Onboarding).stale_days, None);
    }

    #[test]
    fn segment_switch_changes_statuses() {
        let mut d = example_doc();
        d.apply(Action::SetSegment(Segment::Enterprise));
        let a = d.analysis().unwrap();
        // Enterprise days are longer: 5 < 7 is faster, 18 is within 14–30.
        assert_eq!(a.stage(Stage::Prospecting).time_status, TimeStatus::Faster);
        assert_eq!(a.stage(Stage::Solution).time_status, TimeStatus::Within);
        assert_eq!(a.slowest, None);
        // 62-day cycle is faster than 120–180; 17.3% beats the 10–15% target.
        assert_eq!(a.cycle_status, TimeStatus::Faster);
        assert_eq!(a.win_rate_status, ConversionStatus::Above);
    }

    #[test]
    fn status_boundaries_are_within() {
        let r = Range::new(60.0, 75.0);
        assert_eq!(ConversionStatus::of(60.0, r), ConversionStatus::Within);
        assert_eq!(ConversionStatus::of(75.0, r), ConversionStatus::Within);
        assert_eq!(ConversionStatus::of(59.9, r), ConversionStatus::Below);
        assert_eq!(ConversionStatus::of(75.1, r), ConversionStatus::Above);
        assert_eq!(TimeStatus::of(7.0, r), TimeStatus::Faster);
        assert_eq!(TimeStatus::of(60.0, r), TimeStatus::Within);
        assert_eq!(TimeStatus::of(76.0, r), TimeStatus::Slower);
    }

    #[test]
    fn zero_cycle_has_no_velocity() {
        let f = figures(
            [12.0, 55.0, 60.0, 60.0, 70.0, 80.0],
            [5.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        );
        let a = analyse(&f, &MID_MARKET);
        assert_eq!(a.cycle_days, 0.0);
        assert_eq!(a.velocity_per_day, None);
        assert_eq!(a.velocity_per_month(), None);
        assert!(a.cycle_savings.is_empty());
        assert_eq!(velocity_per_day(10.0, 20.0, 1000.0, 0.0), None);
        // 10 · 0.2 · 1000 / 40 = 50
        assert_eq!(velocity_per_day(10.0, 20.0, 1000.0, 40.0), Some(50.0));
    }

    #[test]
    fn fix_value_is_defined_when_a_stage_is_zero() {
        // Discovery at 0%: revenue is 0 and discovery's own fix is the whole
        // revenue at its midpoint; other stages' fixes stay 0, not NaN.
        let f = figures([10.0, 50.0, 0.0, 50.0, 60.0, 75.0], [5.0; 6]);
        let a = analyse(&f, &MID_MARKET);
        assert_eq!(a.revenue_per_month, 0.0);
        let disc = a.stage(Stage::Discovery).fix_value.unwrap();
        assert!(close(
            disc,
            1000.0 * 10_000.0 * 0.675 * (0.10 * 0.50 * 0.50 * 0.60 * 0.75)
        ));
        // Prospecting 10 < 12.5 has a fix, but with discovery at 0 it is worth 0.
        assert_eq!(a.stage(Stage::Prospecting).fix_value, Some(0.0));
        assert_eq!(a.win_rate_pct, 0.0);
        // Only discovery is below its low end, so it is the bottleneck.
        assert_eq!(a.bottleneck, Some(Stage::Discovery));
    }

    #[test]
    fn bottleneck_is_the_largest_fix_and_ties_go_earlier() {
        // Two stages below with equal fix values: N = 0 makes every fix 0.
        let mut f = figures([5.0, 40.0, 70.0, 60.0, 70.0, 80.0], [5.0; 6]);
        f.prospects = 0.0;
        let a = analyse(&f, &MID_MARKET);
        assert_eq!(a.bottleneck, Some(Stage::Prospecting));
        // With prospects, the larger relative gap wins: prospecting 5 → 12.5
        // (×2.5) beats qualification 40 → 55 (×1.375).
        f.prospects = 1000.0;
        assert_eq!(
            analyse(&f, &MID_MARKET).bottleneck,
            Some(Stage::Prospecting)
        );
        // Prospecting 9 → 12.5 (×1.39) vs qualification 30 → 55 (×1.83).
        f.conversion[0] = 9.0;
        f.conversion[1] = 30.0;
        assert_eq!(
            analyse(&f, &MID_MARKET).bottleneck,
            Some(Stage::Qualification)
        );
    }

    #[test]
    fn no_bottleneck_when_every_stage_is_at_least_low() {
        let f = figures([10.0, 50.0, 60.0, 50.0, 60.0, 75.0], [5.0; 6]);
        let a = analyse(&f, &MID_MARKET);
        assert_eq!(a.bottleneck, None);
        // All below mid, so every stage still has a fix value.
        assert!(a.stages[..6].iter().all(|r| r.fix_value.is_some()));
        assert!(bottleneck_sentence(&a, &MID_MARKET)
            .to_lowercase()
            .contains("none"));
        assert!(slowest_sentence(&a, &MID_MARKET)
            .to_lowercase()
            .contains("none"));
    }

    #[test]
    fn slowest_stage_ties_go_earlier_and_stage_one_counts() {
        // Prospecting 9 (7 + 2) and discovery 16 (14 + 2): tie → prospecting.
        let f = figures([12.0; 6], [9.0, 5.0, 16.0, 10.0, 10.0, 10.0]);
        let a = analyse(&f, &MID_MARKET);
        assert_eq!(a.slowest, Some(Stage::Prospecting));
        assert_eq!(a.slowest_excess_days, 2.0);
        // Prospecting is not part of the cycle, so only discovery saves days.
        assert_eq!(a.cycle_savings.len(), 1);
        assert_eq!(a.cycle_savings[0].stage, Stage::Discovery);
        assert_eq!(a.cycle_savings[0].days_saved, 16.0 - 10.5);
    }

    #[test]
    fn cycle_saving_to_zero_has_no_gain() {
        let b = Baseline {
            days: [Range::new(0.0, 0.0); 7],
            ..MID_MARKET
        };
        let f = figures([50.0; 6], [0.0, 0.0, 3.0, 0.0, 0.0, 0.0]);
        let a = analyse(&f, &b);
        assert_eq!(a.cycle_savings[0].new_cycle, 0.0);
        assert_eq!(a.cycle_savings[0].velocity_gain_pct, None);
    }

    #[test]
    fn counts_mode_derives_rates_and_warns() {
        let counts = [1000.0, 120.0, 66.0, 33.0, 20.0, 14.0, 7.0];
        let r = rates_from_counts(&counts);
        assert_eq!(r, [12.0, 55.0, 50.0, 2000.0 / 33.0, 70.0, 50.0]);
        assert!(count_warnings(&counts).is_empty());
        // 0 entered: 0%, no division by zero. More out than in: capped, warned.
        let counts = [0.0, 0.0, 10.0, 20.0, 5.0, 5.0, 0.0];
        let r = rates_from_counts(&counts);
        assert_eq!(r, [0.0, 0.0, 100.0, 25.0, 100.0, 0.0]);
        let w = count_warnings(&counts);
        assert_eq!(w.len(), 2);
        assert_eq!((w[0].from, w[0].entered, w[0].next), (1, 0.0, 10.0));
        assert_eq!(w[1].from, 2);
        assert!(w[1]
            .message()
            .contains("20 deals reached Solution presentation"));
        let last = CountWarning {
            from: 5,
            entered: 3.0,
            next: 4.0,
        };
        assert!(last.message().contains("closed-won"));
    }

    #[test]
    fn counts_mode_document() {
        let mut d = example_doc();
        d.apply(Action::SetMode(InputMode::Counts));
        let f = d.figures().unwrap();
        assert_eq!(f.conversion[0], 12.0);
        assert!(close(f.conversion[5], 11.0 / 14.0 * 100.0));
        assert!(d.count_warnings().is_empty());
        d.apply(Action::SetField(Field::Count(6), "20".into()));
        assert_eq!(d.count_warnings().len(), 1);
        assert_eq!(d.figures().unwrap().conversion[5], 100.0);
        // Conversion fields are hidden in counts mode and do not block.
        d.apply(Action::SetField(Field::Conversion(0), "oops".into()));
        assert!(d.analysis().is_some());
        d.apply(Action::SetField(Field::Count(6), "".into()));
        assert!(d.analysis().is_none());
        assert_eq!(
            d.invalid_fields(),
            vec![(Field::Count(6), NumberError::Empty)]
        );
    }

    #[test]
    fn bad_input_blocks_the_result_and_keeps_the_text() {
        let mut d = example_doc();
        for (raw, err) in [
            ("", NumberError::Empty),
            ("abc", NumberError::NotANumber),
            ("-4", NumberError::Negative),
            ("101", NumberError::TooLarge { max: 100.0 }),
        ] {
            d.apply(Action::SetField(Field::Conversion(2), raw.into()));
            assert_eq!(d.raw(Field::Conversion(2)), raw);
            assert_eq!(d.invalid_fields(), vec![(Field::Conversion(2), err)]);
            assert!(d.analysis().is_none());
            assert!(headline(&d).is_none());
        }
        d.apply(Action::SetField(Field::Conversion(2), "52".into()));
        d.apply(Action::SetField(Field::Days(1), "3651".into()));
        assert_eq!(
            d.invalid_fields(),
            vec![(Field::Days(1), NumberError::TooLarge { max: 3650.0 })]
        );
        d.apply(Action::SetField(Field::Days(1), "6".into()));
        d.apply(Action::SetField(Field::Prospects, "2.5".into()));
        assert_eq!(
            d.invalid_fields(),
            vec![(Field::Prospects, NumberError::NotWhole)]
        );
    }

    #[test]
    fn blank_clear_and_restore() {
        let d0 = BenchmarksDoc::default();
        assert!(d0.is_blank());
        assert!(d0.analysis().is_none());
        assert_eq!(headline(&d0), None);
        let mut d = example_doc();
        d.apply(Action::SetSegment(Segment::Enterprise));
        d.apply(Action::SetBaselineField(
            BaselineField::CycleHigh,
            "100".into(),
        ));
        let before = d.clone();
        d.apply(Action::Clear);
        assert!(d.is_blank());
        assert_eq!(d.segment, Segment::Enterprise);
        assert_eq!(d.baseline.cycle_high, "100");
        d.apply(Action::Restore(Box::new(before.clone())));
        assert_eq!(d, before);
    }

    #[test]
    fn snapshot_carries_its_baseline() {
        let mut d = example_doc();
        d.apply(Action::SetSegment(Segment::Enterprise));
        let s = snapshot(&d).unwrap();
        assert_eq!(s.baseline, ENTERPRISE);
        assert_eq!(s.segment, Segment::Enterprise);
        assert_eq!(s.analysis, d.analysis().unwrap());
        d.apply(Action::SetField(Field::DealSize, "lots".into()));
        assert_eq!(snapshot(&d), None);
        let f = figures([50.0; 6], [0.0; 6]);
        assert_eq!(
            velocity_gap_reason(&analyse(&f, &MID_MARKET)),
            ZERO_CYCLE_REASON
        );
    }

    #[test]
    fn headline_for_the_audit() {
        let h = headline(&example_doc()).unwrap();
        assert_eq!(h.bottleneck.as_deref(), Some("Discovery"));
        assert!(close(h.win_rate_pct, 17.31184));
        assert!(h.velocity_per_day.unwrap() > 4000.0);
    }

    #[test]
    fn custom_baseline_starts_as_mid_market_and_validates() {
        let mut d = example_doc();
        d.apply(Action::SetSegment(Segment::MyBaseline));
        assert_eq!(d.active_baseline(), Some(MID_MARKET));
        // Raise discovery's band: discovery now far below, prospecting fine.
        d.apply(Action::SetBaselineField(
            BaselineField::ConversionLow(2),
            "70".into(),
        ));
        d.apply(Action::SetBaselineField(
            BaselineField::ConversionHigh(2),
            "80".into(),
        ));
        let a = d.analysis().unwrap();
        assert_eq!(
            a.stage(Stage::Discovery).conversion_status,
            Some(ConversionStatus::Below)
        );
        // Custom stale threshold: 2 × 7 for a 3–7 qualification band.
        d.apply(Action::SetBaselineField(
            BaselineField::DaysHigh(1),
            "10".into(),
        ));
        assert_eq!(
            d.analysis().unwrap().stage(Stage::Qualification).stale_days,
            Some(20.0)
        );
        // High below low: error on the high field, no result.
        d.apply(Action::SetBaselineField(
            BaselineField::ConversionHigh(2),
            "65".into(),
        ));
        assert_eq!(
            d.baseline
                .error(BaselineField::ConversionHigh(2))
                .as_deref(),
            Some("Enter at least the low end (70).")
        );
        assert!(d.analysis().is_none());
        d.apply(Action::SetBaselineField(
            BaselineField::WinRateLow,
            "x".into(),
        ));
        assert!(d.baseline.error(BaselineField::WinRateLow).is_some());
        d.apply(Action::CopyBaselineFrom(Segment::Enterprise));
        assert_eq!(d.active_baseline(), Some(ENTERPRISE));
        // Unique labels for the 30 baseline fields.
        let mut labels: Vec<_> = BaselineField::pairs()
            .into_iter()
            .flat_map(|(a, b)| [a.label(), b.label()])
            .collect();
        assert_eq!(labels.len(), 30);
        labels.sort();
        labels.dedup();
        assert_eq!(labels.len(), 30);
        // Playwright's getByLabel matches substrings: keep the form's labels
        // from matching any baseline field too.
        for mode in [InputMode::Rates, InputMode::Counts] {
            for f in Field::visible(mode) {
                let main = f.label().to_lowercase();
                assert!(
                    labels.iter().all(|l| !l.to_lowercase().contains(&main)),
                    "{main} is part of a baseline label"
                );
            }
        }
    }

    #[test]
    fn what_if_moves_velocity_and_revenue() {
        let f = example_doc().figures().unwrap();
        let neutral = compare(&f, &MID_MARKET, &WhatIf::default());
        assert_eq!(neutral.velocity_before, neutral.velocity_after);
        assert_eq!(neutral.revenue_before, neutral.revenue_after);
        // +10% opportunities: velocity ×1.1, revenue unchanged.
        let w = WhatIf {
            open_pct: 10.0,
            ..WhatIf::default()
        };
        let c = compare(&f, &MID_MARKET, &w);
        assert!(close(
            c.velocity_after.unwrap(),
            c.velocity_before.unwrap() * 1.1
        ));
        assert_eq!(c.revenue_after, c.revenue_before);
        // Discovery +8 pp to 60: revenue ×60/52.
        let mut w = WhatIf::default();
        w.conversion_pp[2] = 8.0;
        let c = compare(&f, &MID_MARKET, &w);
        assert!(close(c.revenue_after, c.revenue_before * 60.0 / 52.0));
        // Clamped: -100 pp gives 0, never negative; -1000 days gives 0.
        let mut w = WhatIf {
            deal_pct: -200.0,
            ..WhatIf::default()
        };
        w.conversion_pp = [-100.0; 6];
        w.days = [-1000.0; 6];
        let g = w.apply(&f);
        assert_eq!(g.conversion, [0.0; 6]);
        assert_eq!(g.days, [0.0; 6]);
        assert_eq!(g.deal_size, 0.0);
        let c = compare(&f, &MID_MARKET, &w);
        assert_eq!(c.velocity_after, None);
        assert_eq!(c.revenue_after, 0.0);
    }

    #[test]
    fn csv_has_a_row_per_stage() {
        let d = example_doc();
        let a = d.analysis().unwrap();
        let csv = stage_csv(&a, &MID_MARKET, Segment::MidMarket);
        let lines: Vec<_> = csv.lines().collect();
        assert_eq!(lines.len(), 8);
        assert!(lines[0].starts_with("Stage,Conversion (%)"));
        assert!(lines[3].starts_with("Discovery,52.0,60-75,below,12,7-14,within,28,"));
        assert_eq!(lines[2], "Qualification,55.0,50-60,within,6,3-7,within,14,");
        assert_eq!(lines[7], "Onboarding & expansion,,,,25,14-30,within,,");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn plain_numbers() {
        assert_eq!(plain_number(12.0), "12");
        assert_eq!(plain_number(7.5), "7.5");
        assert_eq!(plain_number(7.46), "7.5");
        assert_eq!(plain_number(-3.0), "0");
        assert_eq!(plain_number(f64::NAN), "0");
    }

    #[test]
    fn document_round_trips_and_old_data_loads() {
        use crate::storage::{decode, encode, Loaded};
        let d = example_doc();
        assert_eq!(decode::<BenchmarksDoc>(Some(&encode(&d))), Loaded::Ready(d));
        // A document missing most fields still loads with defaults.
        let raw = r#"{"version":1,"data":{"segment":"enterprise","prospects":"7"}}"#;
        match decode::<BenchmarksDoc>(Some(raw)) {
            Loaded::Ready(d) => {
                assert_eq!(d.segment, Segment::Enterprise);
                assert_eq!(d.prospects, "7");
                assert_eq!(d.baseline, BaselineInput::default());
            }
            other => panic!("{other:?}"),
        }
    }

    fn check_analysis(a: &Analysis) -> Result<(), TestCaseError> {
        let ok = |x: f64| x.is_finite() && x >= 0.0 && !(x == 0.0 && x.is_sign_negative());
        prop_assert!(ok(a.win_rate_pct) && a.win_rate_pct <= 100.0);
        prop_assert!(ok(a.cycle_days));
        prop_assert!(ok(a.deals_per_month));
        prop_assert!(ok(a.revenue_per_month));
        prop_assert!(ok(a.slowest_excess_days));
        for v in [
            a.velocity_per_day,
            a.velocity_per_month(),
            a.velocity_per_quarter(),
        ]
        .into_iter()
        .flatten()
        {
            prop_assert!(ok(v));
        }
        for r in &a.stages {
            prop_assert!(ok(r.days));
            for v in [r.conversion, r.stale_days, r.fix_value]
                .into_iter()
                .flatten()
            {
                prop_assert!(ok(v));
            }
        }
        for s in &a.cycle_savings {
            prop_assert!(ok(s.days_saved) && ok(s.new_cycle));
            if let Some(g) = s.velocity_gain_pct {
                prop_assert!(ok(g));
            }
        }
        if let Some(s) = a.bottleneck {
            prop_assert_eq!(a.stage(s).conversion_status, Some(ConversionStatus::Below));
        }
        Ok(())
    }

    fn any_finite() -> impl Strategy<Value = f64> {
        prop_oneof![
            0.0..=100.0f64,
            0.0..=4000.0f64,
            proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL | proptest::num::f64::ZERO,
            Just(0.0),
        ]
    }

    proptest! {
        #[test]
        fn no_finite_figures_give_nan_infinity_or_negatives(
            n in any_finite(), o in any_finite(), d in any_finite(),
            c in proptest::array::uniform6(any_finite()),
            t in proptest::array::uniform6(any_finite()),
            onb in any_finite(),
            w_c in proptest::array::uniform6(-100.0..100.0f64),
            w_pct in -300.0..300.0f64,
            enterprise in any::<bool>(),
        ) {
            let f = Figures { prospects: n, open_opportunities: o, deal_size: d, conversion: c, days: t, onboarding_days: onb };
            let b = if enterprise { ENTERPRISE } else { MID_MARKET };
            check_analysis(&analyse(&f, &b))?;
            let w = WhatIf { conversion_pp: w_c, days: w_c, prospects_pct: w_pct, open_pct: w_pct, deal_pct: w_pct };
            check_analysis(&analyse(&w.apply(&f), &b))?;
            let cmp = compare(&f, &b, &w);
            prop_assert!(cmp.revenue_after.is_finite() && cmp.revenue_after >= 0.0);
        }

        #[test]
        fn any_typed_text_is_safe(
            fields in proptest::collection::vec("[0-9.eE+-]{0,8}|[0-9]{1,4}", 17),
            counts_mode in any::<bool>(),
        ) {
            let mode = if counts_mode { InputMode::Counts } else { InputMode::Rates };
            let mut doc = BenchmarksDoc { mode, ..BenchmarksDoc::default() };
            let visible = Field::visible(doc.mode);
            for (f, v) in visible.iter().zip(fields) {
                doc.apply(Action::SetField(*f, v));
            }
            if let Some(a) = doc.analysis() {
                check_analysis(&a)?;
                prop_assert!(headline(&doc).is_some());
            }
        }

        #[test]
        fn any_custom_baseline_is_safe(
            lows in proptest::array::uniform7(0.0..3650.0f64),
            widths in proptest::array::uniform7(0.0..100.0f64),
            c in proptest::array::uniform6(0.0..=100.0f64),
            t in proptest::array::uniform6(0.0..=3650.0f64),
        ) {
            let b = Baseline {
                conversion: std::array::from_fn(|i| Range::new((lows[i] / 36.5).min(100.0), ((lows[i] / 36.5) + widths[i]).min(100.0).max((lows[i] / 36.5).min(100.0)))),
                days: std::array::from_fn(|i| Range::new(lows[i], lows[i] + widths[i])),
                win_rate: Range::new(0.0, 100.0),
                cycle: Range::new(lows[0], lows[0] + widths[0]),
            };
            let f = Figures { prospects: 100.0, open_opportunities: 10.0, deal_size: 5000.0, conversion: c, days: t, onboarding_days: 3.0 };
            check_analysis(&analyse(&f, &b))?;
        }
    }
}
