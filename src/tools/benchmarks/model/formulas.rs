//! Every formula: win rate, cycle, velocity, revenue, fix values, the
//! bottleneck and the slowest stage. Numbers in, numbers out: no text.

use super::*;
use crate::numbers::finite_non_negative;
use crate::tone::Tone;

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
    /// Every stage whose fix is worth the same as the bottleneck's (within
    /// [`TIE_TOLERANCE`]), the bottleneck first; empty or one stage when
    /// there is no tie. The earliest stage is named the bottleneck, since
    /// an upstream fix feeds every stage after it.
    pub bottleneck_ties: Vec<Stage>,
    /// Slowest stage of the sales cycle (Qualification to Closing): the
    /// days it runs past its range decide, ties to the earliest.
    pub slowest: Option<Stage>,
    /// Every cycle stage as far over as the slowest, the slowest first.
    pub slowest_ties: Vec<Stage>,
    /// Days onboarding runs past its range: a post-sale warning of its own,
    /// never the slowest stage (it is not part of the cycle).
    pub onboarding_excess_days: Option<f64>,
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

/// Two scores closer than this share of the larger one are a tie: the
/// same fix value computed along two paths differs in the last bits, and
/// that noise must never pick a stage.
pub const TIE_TOLERANCE: f64 = 1e-9;

/// True when `a` and `b` are equal but for floating-point noise.
pub fn ties(a: f64, b: f64) -> bool {
    (a - b).abs() <= TIE_TOLERANCE * a.abs().max(b.abs())
}

/// The indices sharing the largest score, earliest first (so the first is
/// the one to name), with that score. Empty for no candidates.
fn top_group(candidates: &[(usize, f64)]) -> (Vec<usize>, f64) {
    let best = candidates.iter().map(|c| c.1).fold(f64::MIN, f64::max);
    let group = candidates
        .iter()
        .filter(|c| ties(c.1, best))
        .map(|c| c.0)
        .collect();
    (group, best)
}

/// How much fixing stage `s` lifts the funnel, without the prospects and
/// deal size every fix value is multiplied by: (mid − c_s) · Π_{t≠s} c_t.
/// Ranks stages exactly as their fix values do whenever N · D > 0, and
/// still ranks them when N or D is 0 (or not typed yet).
fn fix_score(f: &Figures, b: &Baseline, s: usize) -> f64 {
    let others: f64 = (0..FUNNEL)
        .filter(|&t| t != s)
        .map(|t| fraction(f.conversion[t]))
        .product();
    finite_non_negative((fraction(b.conversion[s].mid()) - fraction(f.conversion[s])) * others)
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

    let below: Vec<(usize, f64)> = (0..FUNNEL)
        .filter(|&i| stages[i].conversion_status == Some(ConversionStatus::Below))
        .map(|i| (i, fix_score(f, b, i)))
        .collect();
    let (bottleneck_group, _) = top_group(&below);
    let over: Vec<(usize, f64)> = (1..FUNNEL)
        .filter(|&i| stages[i].days > b.days[i].high)
        .map(|i| (i, stages[i].days - b.days[i].high))
        .collect();
    let (slowest_group, slowest_excess) = top_group(&over);
    let onboarding = &stages[FUNNEL];
    let onboarding_excess_days = (onboarding.days > b.days[FUNNEL].high)
        .then(|| finite_non_negative(onboarding.days - b.days[FUNNEL].high));

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
        bottleneck: bottleneck_group.first().map(|&i| Stage::ALL[i]),
        bottleneck_ties: bottleneck_group.iter().map(|&i| Stage::ALL[i]).collect(),
        slowest: slowest_group.first().map(|&i| Stage::ALL[i]),
        slowest_ties: slowest_group.iter().map(|&i| Stage::ALL[i]).collect(),
        slowest_excess_days: if slowest_group.is_empty() {
            0.0
        } else {
            finite_non_negative(slowest_excess)
        },
        onboarding_excess_days,
        cycle_savings,
    }
}

/// A deal in stage `i` (0..6) is stale after 2 × the benchmark's high end.
pub fn stale_days(b: &Baseline, i: usize) -> f64 {
    finite_non_negative(STALE_FACTOR * b.days[i].high)
}
