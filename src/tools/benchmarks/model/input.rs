//! The saved document: raw text only, so nothing typed is ever lost while
//! editing. Here are the fields, each field's rules and parse, the edits
//! (`Action`, `apply`) and the example team; reading the whole form at once
//! is `form.rs`'s job.

use super::*;
use crate::numbers::{read, FieldKind, NumberError, NumberRules};
use crate::storage::Document;
use serde::{Deserialize, Serialize};

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
    /// The name it was saved under ("" until saved).
    pub name: String,
    /// Where the ranges come from ("" is the user's own data).
    pub source: String,
    /// The year it was saved or measured.
    pub year: Option<i32>,
    /// How many closed deals the ranges rest on, as typed.
    pub closed_deals: String,
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
            name: String::new(),
            source: String::new(),
            year: None,
            closed_deals: String::new(),
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
            let l = read(self.raw(lo), lo.kind(), lo.rules());
            let h = read(self.raw(hi), hi.kind(), hi.rules());
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

    /// The ranges, when every field is valid (exactly when `errors` is
    /// empty). One pass over the text: each field is parsed once.
    pub fn parse(&self) -> Option<Baseline> {
        let range = |lo: BaselineField, hi: BaselineField| -> Option<Range> {
            let l = read(self.raw(lo), lo.kind(), lo.rules()).ok()?;
            let h = read(self.raw(hi), hi.kind(), hi.rules()).ok()?;
            match (l, h) {
                (Some(l), Some(h)) if h < l => None,
                (l, h) => Some(Range::new(l.unwrap_or(0.0), h.unwrap_or(0.0))),
            }
        };
        let mut conversion = [Range::new(0.0, 0.0); FUNNEL];
        for (i, slot) in conversion.iter_mut().enumerate() {
            *slot = range(
                BaselineField::ConversionLow(i),
                BaselineField::ConversionHigh(i),
            )?;
        }
        let mut days = [Range::new(0.0, 0.0); 7];
        for (i, slot) in days.iter_mut().enumerate() {
            *slot = range(BaselineField::DaysLow(i), BaselineField::DaysHigh(i))?;
        }
        Some(Baseline {
            conversion,
            days,
            win_rate: range(BaselineField::WinRateLow, BaselineField::WinRateHigh)?,
            cycle: range(BaselineField::CycleLow, BaselineField::CycleHigh)?,
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

    /// What the field holds, which decides what the parser reads around
    /// the digits.
    pub fn kind(self) -> FieldKind {
        if self.is_percent() {
            FieldKind::Percent
        } else {
            FieldKind::Days
        }
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
    /// Optional sales quota for a period, for pipeline coverage. Never in
    /// [`Field::visible`]: an empty or broken quota holds back no result.
    Quota,
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

    /// What the field holds: decides shorthand, signs and the "as
    /// understood" line.
    pub fn kind(self) -> FieldKind {
        match self {
            Field::Prospects | Field::OpenOpportunities | Field::Count(_) => FieldKind::Count,
            Field::DealSize | Field::Quota => FieldKind::Money,
            Field::Conversion(_) => FieldKind::Percent,
            Field::Days(_) | Field::OnboardingDays => FieldKind::Days,
        }
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
            Field::Quota => NumberRules {
                max: Some(MAX_MONEY),
                ..NumberRules::MONEY.optional()
            },
            Field::Conversion(_) => NumberRules::PERCENT,
            Field::Days(_) | Field::OnboardingDays => NumberRules::DAYS,
        }
    }

    /// The rules in `mode`: with counts, new prospects are optional, since
    /// the monthly volume then comes from the counts ([`Volume`]).
    pub fn rules_in(self, mode: InputMode) -> NumberRules {
        match (self, mode) {
            (Field::Prospects, InputMode::Counts) => NumberRules {
                max: Some(MAX_COUNT),
                ..NumberRules::COUNT.optional()
            },
            _ => self.rules(),
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
            Field::Quota => "sc-benchmarks-quota".into(),
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
    /// Optional quota for the period, as typed (absent in older documents).
    pub quota: String,
    /// Counts mode: the period the counts cover (a month in older documents).
    #[serde(with = "period_text")]
    pub count_period: CountPeriod,
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
    /// Empty the funnel inputs; the segment, custom baseline and counts'
    /// period stay.
    Clear,
    /// Put back a whole earlier document (undo of Clear).
    Restore(Box<BenchmarksDoc>),
    SetCountPeriod(CountPeriod),
    /// How many closed deals the custom baseline rests on.
    SetBaselineClosedDeals(String),
    /// Compare against ranges made elsewhere (a CRM import, through
    /// [`baseline_from_funnel`]): they become "My baseline".
    AddBaseline(Box<BaselineInput>),
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
                    count_period: self.count_period,
                    ..BenchmarksDoc::default()
                }
            }
            Action::Restore(doc) => *self = *doc,
            Action::SetCountPeriod(p) => self.count_period = p,
            Action::SetBaselineClosedDeals(v) => self.baseline.closed_deals = v,
            Action::AddBaseline(b) => {
                self.baseline = *b;
                self.segment = Segment::MyBaseline;
            }
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
            Field::Quota => &self.quota,
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
            Field::Quota => &mut self.quota,
        }
    }

    /// Parses one field by its own rules.
    pub fn parse(&self, f: Field) -> Result<f64, NumberError> {
        read(self.raw(f), f.kind(), f.rules_in(self.mode)).map(|v| v.unwrap_or(0.0))
    }

    /// True when nothing has been typed in any visible field yet. Each of
    /// these questions parses the whole form: a view asking several keeps
    /// one [`ParsedForm`] instead.
    pub fn is_blank(&self) -> bool {
        ParsedForm::from(self).blank
    }

    /// The visible fields that do not hold an acceptable number.
    pub fn invalid_fields(&self) -> Vec<(Field, NumberError)> {
        ParsedForm::from(self)
            .invalid_fields()
            .map(|(f, e)| (f, e.clone()))
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
        ParsedForm::from(self).count_warnings
    }

    /// The parsed figures, when every visible field is valid.
    pub fn figures(&self) -> Option<Figures> {
        ParsedForm::from(self).figures
    }

    /// The full result, when the inputs and the chosen baseline are valid.
    pub fn analysis(&self) -> Option<Analysis> {
        ParsedForm::from(self).snapshot.map(|s| s.analysis)
    }
}
