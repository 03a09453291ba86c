//! Pure model of the discovery tool: calls, the four-part script as a flow,
//! clocks kept as timestamps, talk balance, quantified pain, stakeholders,
//! the mutual action plan, coverage of discovery topics, and the recap.
//!
//! No browser code lives here. Every time-dependent answer takes `now` (or
//! `today`) as an argument, so the clocks are exact after a reload or in a
//! background tab, and every formula is testable natively.

use crate::numbers::{parse_number, NumberRules};
use crate::storage::Document;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

pub use super::bank;

// ---------------------------------------------------------------------------
// Script sections: the flow of the call.
// ---------------------------------------------------------------------------

/// The four parts of a discovery call, in the order they are run.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub enum Section {
    #[default]
    CurrentState,
    Pain,
    FutureState,
    DecisionProcess,
}

impl Section {
    pub const ALL: [Section; 4] = [
        Section::CurrentState,
        Section::Pain,
        Section::FutureState,
        Section::DecisionProcess,
    ];

    /// The section after this one, or `None` after the last.
    pub fn next(self) -> Option<Section> {
        match self {
            Section::CurrentState => Some(Section::Pain),
            Section::Pain => Some(Section::FutureState),
            Section::FutureState => Some(Section::DecisionProcess),
            Section::DecisionProcess => None,
        }
    }

    /// 0-based position.
    pub fn index(self) -> usize {
        Section::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    pub fn title(self) -> &'static str {
        match self {
            Section::CurrentState => "Current state",
            Section::Pain => "Pain quantification",
            Section::FutureState => "Desired future state",
            Section::DecisionProcess => "Decision process mapping",
        }
    }

    /// URL- and test-friendly name.
    pub fn slug(self) -> &'static str {
        match self {
            Section::CurrentState => "current-state",
            Section::Pain => "pain",
            Section::FutureState => "future-state",
            Section::DecisionProcess => "decision-process",
        }
    }

    /// What the rep is trying to get out of this part, in one line.
    pub fn aim(self) -> &'static str {
        match self {
            Section::CurrentState => {
                "Get the buyer describing today in detail before you suggest anything."
            }
            Section::Pain => {
                "Put a number on the problem. A monthly figure makes the cost of waiting plain."
            }
            Section::FutureState => {
                "Let the buyer describe the finish line in their own words and numbers."
            }
            Section::DecisionProcess => {
                "Map who decides and how, so no step surprises you late in the deal."
            }
        }
    }

    pub fn questions(self) -> &'static [bank::Question] {
        match self {
            Section::CurrentState => bank::CURRENT_STATE,
            Section::Pain => bank::PAIN,
            Section::FutureState => bank::FUTURE_STATE,
            Section::DecisionProcess => bank::DECISION_PROCESS,
        }
    }

    /// The coverage topic that stays open while this section has no notes.
    pub fn notes_topic(self) -> Topic {
        match self {
            Section::CurrentState => Topic::NotesCurrentState,
            Section::Pain => Topic::NotesPain,
            Section::FutureState => Topic::NotesFutureState,
            Section::DecisionProcess => Topic::NotesDecisionProcess,
        }
    }
}

/// One value per script section. A plain struct rather than a map: it
/// always has all four, reads well in the stored JSON, and costs less code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de> + Default"))]
pub struct PerSection<T> {
    #[serde(default)]
    pub current_state: T,
    #[serde(default)]
    pub pain: T,
    #[serde(default)]
    pub future_state: T,
    #[serde(default)]
    pub decision_process: T,
}

impl<T> PerSection<T> {
    pub fn get(&self, s: Section) -> &T {
        match s {
            Section::CurrentState => &self.current_state,
            Section::Pain => &self.pain,
            Section::FutureState => &self.future_state,
            Section::DecisionProcess => &self.decision_process,
        }
    }

    pub fn get_mut(&mut self, s: Section) -> &mut T {
        match s {
            Section::CurrentState => &mut self.current_state,
            Section::Pain => &mut self.pain,
            Section::FutureState => &mut self.future_state,
            Section::DecisionProcess => &mut self.decision_process,
        }
    }

    pub fn insert(&mut self, s: Section, value: T) {
        *self.get_mut(s) = value;
    }
}

// ---------------------------------------------------------------------------
// Stopwatch: elapsed time from stored intervals, never from ticks.
// ---------------------------------------------------------------------------

/// One stretch of running time. `end == None` means it is still running.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub start: DateTime<Utc>,
    #[serde(default, with = "chrono::serde::ts_milliseconds_option")]
    pub end: Option<DateTime<Utc>>,
}

/// A clock that can be started and paused any number of times. It stores
/// only the start and pause instants, so the elapsed time is exact whatever
/// happened in between (reload, sleeping laptop, background tab).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stopwatch {
    #[serde(default)]
    pub spans: Vec<Span>,
}

impl Stopwatch {
    pub fn is_running(&self) -> bool {
        self.spans.last().is_some_and(|s| s.end.is_none())
    }

    pub fn has_started(&self) -> bool {
        !self.spans.is_empty()
    }

    /// Starts a new span. Starting a running clock changes nothing.
    pub fn start(&mut self, now: DateTime<Utc>) {
        if !self.is_running() {
            // A wall clock that jumped backwards must not create a span that
            // starts before the previous one ended.
            let start = match self.spans.last().and_then(|s| s.end) {
                Some(prev_end) if now < prev_end => prev_end,
                _ => now,
            };
            self.spans.push(Span { start, end: None });
        }
    }

    /// Closes the running span. Pausing a paused clock changes nothing.
    pub fn pause(&mut self, now: DateTime<Utc>) {
        if let Some(last) = self.spans.last_mut() {
            if last.end.is_none() {
                last.end = Some(now.max(last.start));
            }
        }
    }

    /// Elapsed milliseconds at `now`. A `now` earlier than a start counts
    /// as zero for that span, so the result is never negative.
    pub fn elapsed_ms(&self, now: DateTime<Utc>) -> u64 {
        self.spans
            .iter()
            .map(|s| {
                let end = s.end.unwrap_or(now);
                u64::try_from((end - s.start).num_milliseconds()).unwrap_or(0)
            })
            .sum()
    }

    /// Whole elapsed seconds at `now` (rounded down, like a stopwatch).
    pub fn elapsed_secs(&self, now: DateTime<Utc>) -> u64 {
        self.elapsed_ms(now) / 1000
    }

    /// The latest instant stored, if any.
    pub fn latest(&self) -> Option<DateTime<Utc>> {
        self.spans
            .iter()
            .map(|s| s.end.unwrap_or(s.start).max(s.start))
            .max()
    }
}

/// `now`, but never earlier than anything already recorded. A wall clock
/// that jumps backwards (NTP, a changed time zone setting on some systems)
/// must not make related clocks disagree.
fn floor_now(
    now: DateTime<Utc>,
    latest: impl IntoIterator<Item = Option<DateTime<Utc>>>,
) -> DateTime<Utc> {
    latest.into_iter().flatten().fold(now, DateTime::max)
}

fn floor_opt(it: impl Iterator<Item = Option<DateTime<Utc>>>) -> Option<DateTime<Utc>> {
    it.flatten().max()
}

/// `m:ss`, or `h:mm:ss` from one hour.
pub fn format_clock(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, (secs / 60) % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// A duration in words for screen readers and the recap: "12 min 5 s".
pub fn format_clock_words(secs: u64) -> String {
    let (m, s) = (secs / 60, secs % 60);
    match (m, s) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

// ---------------------------------------------------------------------------
// Call clock: the flow of the script over time.
// ---------------------------------------------------------------------------

/// Where the call is. Derived from the stored clocks, never stored itself,
/// so it can't disagree with them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Nothing started yet.
    Ready,
    Live,
    Paused,
    /// The rep ended the call after the last section.
    Ended,
}

/// What the rep can do with the clocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockAction {
    /// Start or resume the call clock and the current section's clock.
    Start,
    /// Pause every clock, including talk time.
    Pause,
    /// Move to the next section; after the last one this ends the call.
    NextSection,
    /// Jump to a given section (keeps the call running or paused).
    GoTo(Section),
    /// Stop everything; the call is over.
    End,
}

/// The call clock, one clock per section, and which section is current.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallClock {
    #[serde(default)]
    pub call: Stopwatch,
    #[serde(default)]
    pub sections: PerSection<Stopwatch>,
    #[serde(default)]
    pub current: Section,
    #[serde(default)]
    pub ended: bool,
}

/// A section's time against its budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BudgetStatus {
    /// Under 80% of the budget.
    Ok,
    /// 80% of the budget or more: time to wrap this part up.
    Amber,
    /// Over the budget.
    Over,
}

impl BudgetStatus {
    /// Status in words, so colour is never the only signal.
    pub fn label(self) -> &'static str {
        match self {
            BudgetStatus::Ok => "On time",
            BudgetStatus::Amber => "Wrap up",
            BudgetStatus::Over => "Over time",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            BudgetStatus::Ok => "ok",
            BudgetStatus::Amber => "amber",
            BudgetStatus::Over => "over",
        }
    }
}

/// Amber from 80% of the budget, over once past it.
pub fn budget_status(elapsed_secs: u64, budget_secs: u64) -> BudgetStatus {
    if elapsed_secs > budget_secs {
        BudgetStatus::Over
    } else if elapsed_secs.saturating_mul(5) >= budget_secs.saturating_mul(4) {
        BudgetStatus::Amber
    } else {
        BudgetStatus::Ok
    }
}

/// The whole call warns after this long (the seeds put calls at 30–45 min).
pub const CALL_LIMIT_SECS: u64 = 45 * 60;

/// Default time per section.
pub const DEFAULT_SECTION_MINUTES: u64 = 10;

impl CallClock {
    pub fn phase(&self) -> Phase {
        if self.call.is_running() {
            Phase::Live
        } else if self.ended {
            Phase::Ended
        } else if self.call.has_started() {
            Phase::Paused
        } else {
            Phase::Ready
        }
    }

    pub fn section(&self, s: Section) -> Stopwatch {
        self.sections.get(s).clone()
    }

    /// The latest instant any of these clocks recorded.
    pub fn latest(&self) -> Option<DateTime<Utc>> {
        floor_opt(
            std::iter::once(&self.call)
                .chain(Section::ALL.iter().map(|s| self.sections.get(*s)))
                .map(Stopwatch::latest),
        )
    }

    fn floor(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        floor_now(now, [self.latest()])
    }

    pub fn section_ms(&self, s: Section, now: DateTime<Utc>) -> u64 {
        let now = self.floor(now);
        self.sections.get(s).elapsed_ms(now)
    }

    pub fn section_secs(&self, s: Section, now: DateTime<Utc>) -> u64 {
        self.section_ms(s, now) / 1000
    }

    pub fn call_ms(&self, now: DateTime<Utc>) -> u64 {
        self.call.elapsed_ms(self.floor(now))
    }

    pub fn call_secs(&self, now: DateTime<Utc>) -> u64 {
        self.call_ms(now) / 1000
    }

    /// True once the whole call has run past 45 minutes.
    pub fn over_call_limit(&self, now: DateTime<Utc>) -> bool {
        self.call_secs(now) > CALL_LIMIT_SECS
    }

    fn switch_to(&mut self, target: Section, now: DateTime<Utc>) {
        let running = self.call.is_running();
        self.sections.get_mut(self.current).pause(now);
        self.current = target;
        if running {
            self.sections.get_mut(target).start(now);
        }
    }

    /// Applies one action at `now`. The invariant kept by every action: a
    /// section clock runs exactly when the call clock runs, and only the
    /// current section's, so the section times add up to the call time.
    pub fn apply(&mut self, action: ClockAction, now: DateTime<Utc>) {
        let now = self.floor(now);
        match action {
            ClockAction::Start => {
                self.ended = false;
                self.call.start(now);
                self.sections.get_mut(self.current).start(now);
            }
            ClockAction::Pause => {
                self.call.pause(now);
                for s in Section::ALL {
                    self.sections.get_mut(s).pause(now);
                }
            }
            ClockAction::NextSection => match self.current.next() {
                Some(next) => self.switch_to(next, now),
                None => self.apply(ClockAction::End, now),
            },
            ClockAction::GoTo(target) => {
                if target != self.current {
                    self.switch_to(target, now);
                }
            }
            ClockAction::End => {
                self.apply(ClockAction::Pause, now);
                if self.call.has_started() {
                    self.ended = true;
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Talk balance.
// ---------------------------------------------------------------------------

/// Who is speaking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Speaker {
    Rep,
    Buyer,
}

impl Speaker {
    pub fn label(self) -> &'static str {
        match self {
            Speaker::Rep => "Rep talking",
            Speaker::Buyer => "Buyer talking",
        }
    }

    /// The keyboard shortcut that toggles this speaker.
    pub fn key(self) -> &'static str {
        match self {
            Speaker::Rep => "R",
            Speaker::Buyer => "B",
        }
    }
}

/// Talk time for each side, as timestamps.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TalkBalance {
    #[serde(default)]
    pub rep: Stopwatch,
    #[serde(default)]
    pub buyer: Stopwatch,
}

/// The seeds' target: the rep talks less than 40% of the time.
pub const TALK_TARGET_PERCENT: u8 = 40;

impl TalkBalance {
    fn watch(&mut self, s: Speaker) -> &mut Stopwatch {
        match s {
            Speaker::Rep => &mut self.rep,
            Speaker::Buyer => &mut self.buyer,
        }
    }

    pub fn speaking(&self) -> Option<Speaker> {
        if self.rep.is_running() {
            Some(Speaker::Rep)
        } else if self.buyer.is_running() {
            Some(Speaker::Buyer)
        } else {
            None
        }
    }

    /// Pressing a side's toggle: if that side is talking, nobody is now;
    /// otherwise that side takes over and the other stops.
    pub fn toggle(&mut self, who: Speaker, now: DateTime<Utc>) {
        let now = floor_now(now, [self.latest()]);
        if self.speaking() == Some(who) {
            self.watch(who).pause(now);
        } else {
            self.stop(now);
            self.watch(who).start(now);
        }
    }

    pub fn stop(&mut self, now: DateTime<Utc>) {
        self.rep.pause(now);
        self.buyer.pause(now);
    }

    pub fn latest(&self) -> Option<DateTime<Utc>> {
        self.rep.latest().max(self.buyer.latest())
    }

    /// (rep seconds, buyer seconds) at `now`.
    pub fn seconds(&self, now: DateTime<Utc>) -> (u64, u64) {
        let now = floor_now(now, [self.latest()]);
        (self.rep.elapsed_secs(now), self.buyer.elapsed_secs(now))
    }

    /// The rep's share as a whole percent, or `None` before anyone spoke.
    pub fn rep_share(&self, now: DateTime<Utc>) -> Option<u8> {
        let (rep, buyer) = self.seconds(now);
        talk_share(rep, buyer)
    }
}

/// rep / (rep + buyer) as a whole percent, rounded half up; `None` when
/// nobody has talked yet (0/0 is not 0%).
pub fn talk_share(rep_secs: u64, buyer_secs: u64) -> Option<u8> {
    // Scale huge values down so the integer sums below cannot overflow
    // (plain u64 keeps 128-bit division code out of the page).
    let bits = 64 - (rep_secs | buyer_secs).leading_zeros();
    let shift = bits.saturating_sub(54);
    let (rep, buyer) = (rep_secs >> shift, buyer_secs >> shift);
    let total = rep + buyer;
    if total == 0 {
        return None;
    }
    let pct = (200 * rep + total) / (2 * total);
    u8::try_from(pct.min(100)).ok()
}

/// Whether the rep's share is within the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TalkStatus {
    NoData,
    OnTarget,
    TooMuch,
}

pub fn talk_status(share: Option<u8>) -> TalkStatus {
    match share {
        None => TalkStatus::NoData,
        Some(p) if p > TALK_TARGET_PERCENT => TalkStatus::TooMuch,
        Some(_) => TalkStatus::OnTarget,
    }
}

// ---------------------------------------------------------------------------
// Pain.
// ---------------------------------------------------------------------------

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
        parse_number(&self.monthly_cost, MONEY_RULES).ok().flatten()
    }

    pub fn price(&self) -> Option<f64> {
        parse_number(&self.annual_price, MONEY_RULES).ok().flatten()
    }

    /// Whether each money field parses (empty is fine).
    pub fn fields_valid(&self) -> bool {
        parse_number(&self.monthly_cost, MONEY_RULES).is_ok()
            && parse_number(&self.annual_price, MONEY_RULES).is_ok()
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

/// Money for the recap and tests: `$12,000` or `$1,250.50`. The view uses
/// the browser's Intl formatter instead; this one keeps the recap pure.
pub fn format_money(x: f64) -> String {
    let x = crate::numbers::finite_non_negative(x);
    // Saturates far beyond any real price; never panics.
    let cents = (x * 100.0).round() as u64;
    let (whole, frac) = (cents / 100, cents % 100);
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if frac == 0 {
        format!("${grouped}")
    } else {
        format!("${grouped}.{frac:02}")
    }
}

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

// ---------------------------------------------------------------------------
// Stakeholders.
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Role {
    Champion,
    EconomicBuyer,
    TechnicalBuyer,
    EndUser,
    Blocker,
    #[default]
    Other,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Champion,
        Role::EconomicBuyer,
        Role::TechnicalBuyer,
        Role::EndUser,
        Role::Blocker,
        Role::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Role::Champion => "Champion",
            Role::EconomicBuyer => "Economic buyer",
            Role::TechnicalBuyer => "Technical buyer",
            Role::EndUser => "End user",
            Role::Blocker => "Blocker",
            Role::Other => "Other",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Role::Champion => "champion",
            Role::EconomicBuyer => "economic-buyer",
            Role::TechnicalBuyer => "technical-buyer",
            Role::EndUser => "end-user",
            Role::Blocker => "blocker",
            Role::Other => "other",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.slug() == slug)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stakeholder {
    pub id: u64,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub role: Role,
}

/// Multi-threading into three or more people protects a deal from one
/// contact leaving; the economic buyer must be one of them.
pub const MIN_STAKEHOLDERS: usize = 3;

/// The result of the multi-threading check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MultiThread {
    /// Named stakeholders (rows with a blank name do not count).
    pub named: usize,
    pub has_economic_buyer: bool,
}

impl MultiThread {
    pub fn passes(&self) -> bool {
        self.named >= MIN_STAKEHOLDERS && self.has_economic_buyer
    }

    /// One sentence that names the state and the next action. The passing
    /// text says "ok" and the failing one says "at risk" (and never "ok").
    pub fn message(&self) -> String {
        if self.passes() {
            return format!(
                "Multi-threading ok: {} people, including the economic buyer.",
                self.named
            );
        }
        let mut todo = Vec::new();
        let missing = MIN_STAKEHOLDERS.saturating_sub(self.named);
        if missing > 0 {
            todo.push(format!(
                "add {missing} more {}",
                if missing == 1 { "person" } else { "people" }
            ));
        }
        if !self.has_economic_buyer {
            todo.push("ask your champion to introduce the economic buyer".to_string());
        }
        format!("Multi-threading at risk: {}.", todo.join(" and "))
    }
}

pub fn multithread(stakeholders: &[Stakeholder]) -> MultiThread {
    let named: Vec<_> = stakeholders
        .iter()
        .filter(|s| !s.name.trim().is_empty())
        .collect();
    MultiThread {
        named: named.len(),
        has_economic_buyer: named.iter().any(|s| s.role == Role::EconomicBuyer),
    }
}

// ---------------------------------------------------------------------------
// Desired outcome, decision process.
// ---------------------------------------------------------------------------

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
    #[serde(default, with = "ymd::option")]
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
    #[serde(default, with = "ymd::option")]
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
    let mut out = items.to_vec();
    out.sort_by_key(|i| (i.due.is_none(), i.due, i.id));
    out
}

// ---------------------------------------------------------------------------
// Coverage.
// ---------------------------------------------------------------------------

/// A discovery topic that may still be missing. The ids are a public
/// contract (`data-topic` in the page).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Topic {
    NotesCurrentState,
    NotesPain,
    NotesFutureState,
    NotesDecisionProcess,
    QuantifiedPain,
    EconomicBuyer,
    DecisionDate,
    NextStep,
}

impl Topic {
    pub const ALL: [Topic; 8] = [
        Topic::NotesCurrentState,
        Topic::NotesPain,
        Topic::NotesFutureState,
        Topic::NotesDecisionProcess,
        Topic::QuantifiedPain,
        Topic::EconomicBuyer,
        Topic::DecisionDate,
        Topic::NextStep,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Topic::NotesCurrentState => "notes-current-state",
            Topic::NotesPain => "notes-pain",
            Topic::NotesFutureState => "notes-future-state",
            Topic::NotesDecisionProcess => "notes-decision-process",
            Topic::QuantifiedPain => "quantified-pain",
            Topic::EconomicBuyer => "economic-buyer",
            Topic::DecisionDate => "decision-date",
            Topic::NextStep => "next-step",
        }
    }

    /// The gap and the action that closes it.
    pub fn advice(self) -> &'static str {
        match self {
            Topic::NotesCurrentState => {
                "Current state has no notes. Ask how the work gets done today."
            }
            Topic::NotesPain => {
                "Pain quantification has no notes. Ask what the problem costs each month."
            }
            Topic::NotesFutureState => {
                "Desired future state has no notes. Ask what success would look like."
            }
            Topic::NotesDecisionProcess => {
                "Decision process has no notes. Ask who else signs off, and how."
            }
            Topic::QuantifiedPain => {
                "The pain has no number yet. Agree a monthly cost with the buyer."
            }
            Topic::EconomicBuyer => "No economic buyer named. Ask who owns the budget.",
            Topic::DecisionDate => "No decision date. Ask when they need this decided.",
            Topic::NextStep => "No dated next step. Agree one before you hang up.",
        }
    }
}

// ---------------------------------------------------------------------------
// Calls and the document.
// ---------------------------------------------------------------------------

/// One discovery call and everything captured in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Call {
    pub id: u64,
    #[serde(default)]
    pub title: String,
    /// The qualification deal this call belongs to, if linked.
    #[serde(default)]
    pub deal_id: Option<String>,
    #[serde(with = "ymd")]
    pub date: NaiveDate,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub updated_at: DateTime<Utc>,
    /// "Minutes per section", as typed.
    #[serde(default = "default_minutes")]
    pub section_minutes: String,
    #[serde(default)]
    pub clock: CallClock,
    #[serde(default)]
    pub talk: TalkBalance,
    #[serde(default)]
    pub notes: PerSection<String>,
    /// Ids of ticked questions (see `bank`), in the order they were asked.
    #[serde(default)]
    pub asked: Vec<String>,
    #[serde(default)]
    pub pain: Pain,
    #[serde(default)]
    pub stakeholders: Vec<Stakeholder>,
    #[serde(default)]
    pub outcome: Outcome,
    #[serde(default)]
    pub decision: DecisionProcess,
    #[serde(default)]
    pub plan: Vec<ActionItem>,
    /// Source of ids for stakeholders and action items in this call.
    #[serde(default)]
    pub next_item_id: u64,
}

fn default_minutes() -> String {
    DEFAULT_SECTION_MINUTES.to_string()
}

/// Why a "Minutes per section" entry is refused.
pub fn parse_section_minutes(raw: &str) -> Result<u64, String> {
    let rules = NumberRules {
        integer: false,
        max: Some(60.0),
        required: true,
    };
    match parse_number(raw, rules) {
        Ok(Some(m)) if m >= 1.0 => Ok((m * 60.0).round() as u64),
        Ok(_) => Err("Enter at least 1 minute.".into()),
        Err(e) => Err(e.to_string()),
    }
}

impl Call {
    pub fn new(id: u64, title: String, date: NaiveDate, now: DateTime<Utc>) -> Call {
        Call {
            id,
            title,
            deal_id: None,
            date,
            created_at: now,
            updated_at: now,
            section_minutes: default_minutes(),
            clock: CallClock::default(),
            talk: TalkBalance::default(),
            notes: PerSection::default(),
            asked: Vec::new(),
            pain: Pain::default(),
            stakeholders: Vec::new(),
            outcome: Outcome::default(),
            decision: DecisionProcess::default(),
            plan: Vec::new(),
            next_item_id: 1,
        }
    }

    /// The title to show; untitled calls still get a readable name.
    pub fn display_title(&self) -> String {
        let t = self.title.trim();
        if t.is_empty() {
            format!("Untitled call, {}", format_date_short(self.date))
        } else {
            t.to_string()
        }
    }

    /// Seconds per section; an invalid entry falls back to the default so
    /// the clocks keep working while the field shows its error.
    pub fn section_budget_secs(&self) -> u64 {
        parse_section_minutes(&self.section_minutes).unwrap_or(DEFAULT_SECTION_MINUTES * 60)
    }

    /// `now`, never earlier than anything the clocks already recorded, so
    /// call time and talk time are measured against the same instant.
    fn floor(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        floor_now(now, [self.clock.latest(), self.talk.latest()])
    }

    pub fn section_secs(&self, s: Section, now: DateTime<Utc>) -> u64 {
        self.clock.section_secs(s, self.floor(now))
    }

    pub fn call_secs(&self, now: DateTime<Utc>) -> u64 {
        self.clock.call_secs(self.floor(now))
    }

    /// (rep seconds, buyer seconds).
    pub fn talk_secs(&self, now: DateTime<Utc>) -> (u64, u64) {
        self.talk.seconds(self.floor(now))
    }

    /// The rep's share of talk time as a whole percent.
    pub fn rep_share(&self, now: DateTime<Utc>) -> Option<u8> {
        let (rep, buyer) = self.talk_secs(now);
        talk_share(rep, buyer)
    }

    pub fn over_call_limit(&self, now: DateTime<Utc>) -> bool {
        self.call_secs(now) > CALL_LIMIT_SECS
    }

    pub fn section_status(&self, s: Section, now: DateTime<Utc>) -> BudgetStatus {
        budget_status(self.section_secs(s, now), self.section_budget_secs())
    }

    pub fn notes_for(&self, s: Section) -> &str {
        self.notes.get(s)
    }

    /// Clock actions also stop talk time when the call stops, so a paused
    /// call can't keep counting someone's talking.
    pub fn apply_clock(&mut self, action: ClockAction, now: DateTime<Utc>) {
        let now = self.floor(now);
        self.clock.apply(action, now);
        if !self.clock.call.is_running() {
            self.talk.stop(now);
        }
    }

    /// A talk toggle. Talking starts the call clock too, so a rep who
    /// forgot to press Start still gets correct timings.
    pub fn toggle_talk(&mut self, who: Speaker, now: DateTime<Utc>) {
        let now = self.floor(now);
        if self.clock.phase() != Phase::Live {
            self.clock.apply(ClockAction::Start, now);
        }
        self.talk.toggle(who, now);
    }

    /// Whether a question from the bank is ticked.
    pub fn has_asked(&self, question_id: &str) -> bool {
        self.asked.iter().any(|q| q == question_id)
    }

    pub fn toggle_asked(&mut self, question_id: &str) {
        match self.asked.iter().position(|q| q == question_id) {
            Some(i) => {
                self.asked.remove(i);
            }
            None => self.asked.push(question_id.to_string()),
        }
    }

    fn take_id(&mut self) -> u64 {
        self.next_item_id = self.next_item_id.max(1);
        let max_used = self
            .stakeholders
            .iter()
            .map(|s| s.id)
            .chain(self.plan.iter().map(|i| i.id))
            .max()
            .unwrap_or(0);
        let id = self.next_item_id.max(max_used + 1);
        self.next_item_id = id + 1;
        id
    }

    pub fn add_stakeholder(&mut self) -> u64 {
        let id = self.take_id();
        self.stakeholders.push(Stakeholder {
            id,
            ..Stakeholder::default()
        });
        id
    }

    pub fn add_action(&mut self) -> u64 {
        let id = self.take_id();
        self.plan.push(ActionItem {
            id,
            ..ActionItem::default()
        });
        id
    }

    pub fn multithread(&self) -> MultiThread {
        multithread(&self.stakeholders)
    }

    /// The topics still missing, in a fixed order.
    pub fn missing_topics(&self) -> Vec<Topic> {
        Topic::ALL
            .into_iter()
            .filter(|t| !self.covers(*t))
            .collect()
    }

    pub fn covers(&self, topic: Topic) -> bool {
        match topic {
            Topic::NotesCurrentState => !self.notes_for(Section::CurrentState).trim().is_empty(),
            Topic::NotesPain => !self.notes_for(Section::Pain).trim().is_empty(),
            Topic::NotesFutureState => !self.notes_for(Section::FutureState).trim().is_empty(),
            Topic::NotesDecisionProcess => {
                !self.notes_for(Section::DecisionProcess).trim().is_empty()
            }
            Topic::QuantifiedPain => self.pain.is_quantified(),
            Topic::EconomicBuyer => self.multithread().has_economic_buyer,
            Topic::DecisionDate => self.decision.decision_date.is_some(),
            Topic::NextStep => self.plan.iter().any(|i| i.is_next_step(self.date)),
        }
    }

    /// A copy to reuse as the start of a follow-up call: everything
    /// captured is kept, the clocks and talk time start fresh.
    pub fn duplicate(&self, id: u64, today: NaiveDate, now: DateTime<Utc>) -> Call {
        Call {
            id,
            title: format!("{} (copy)", self.display_title()),
            date: today,
            created_at: now,
            updated_at: now,
            clock: CallClock::default(),
            talk: TalkBalance::default(),
            ..self.clone()
        }
    }
}

/// One change a rep makes to a call. The views send these up through a
/// single callback, and `Call::apply` is the only place a call changes, so
/// every rule (touching the call, resetting a confirmation when a date
/// changes, starting the call on the first talk toggle) lives here.
#[derive(Debug, Clone, PartialEq)]
pub enum CallEdit {
    Title(String),
    /// The linked qualification deal (`None` to unlink).
    Deal(Option<String>),
    Date(NaiveDate),
    SectionMinutes(String),
    Clock(ClockAction),
    Talk(Speaker),
    Notes(Section, String),
    ToggleAsked(String),
    PainText(String),
    MonthlyCost(String),
    AnnualPrice(String),
    AddStakeholder,
    RemoveStakeholder(u64),
    /// Undo of a removal: the stakeholder goes back where it was.
    RestoreStakeholder(usize, Stakeholder),
    StakeholderName(u64, String),
    StakeholderTitle(u64, String),
    StakeholderRole(u64, Role),
    OutcomeMetric(String),
    OutcomeTarget(String),
    DecisionSteps(String),
    DecisionDate(Option<NaiveDate>),
    Competitors(String),
    AddAction,
    RemoveAction(u64),
    RestoreAction(ActionItem),
    ActionText(u64, String),
    ActionOwner(u64, Side),
    ActionDue(u64, Option<NaiveDate>),
    ActionDone(u64, bool),
    /// "Keep this date": the rep meant a due date before the call date.
    ConfirmEarlyDue(u64),
}

impl Call {
    fn stakeholder_mut(&mut self, id: u64) -> Option<&mut Stakeholder> {
        self.stakeholders.iter_mut().find(|s| s.id == id)
    }

    fn action_mut(&mut self, id: u64) -> Option<&mut ActionItem> {
        self.plan.iter_mut().find(|i| i.id == id)
    }

    /// Applies one edit at `now`. Edits aimed at a row that no longer
    /// exists (deleted in another tab) are ignored.
    pub fn apply(&mut self, edit: CallEdit, now: DateTime<Utc>) {
        match edit {
            CallEdit::Title(t) => self.title = t,
            CallEdit::Deal(d) => self.deal_id = d.filter(|d| !d.is_empty()),
            CallEdit::Date(d) => self.date = d,
            CallEdit::SectionMinutes(m) => self.section_minutes = m,
            CallEdit::Clock(a) => self.apply_clock(a, now),
            CallEdit::Talk(s) => self.toggle_talk(s, now),
            CallEdit::Notes(s, text) => {
                self.notes.insert(s, text);
            }
            CallEdit::ToggleAsked(id) => self.toggle_asked(&id),
            CallEdit::PainText(t) => self.pain.description = t,
            CallEdit::MonthlyCost(t) => self.pain.monthly_cost = t,
            CallEdit::AnnualPrice(t) => self.pain.annual_price = t,
            CallEdit::AddStakeholder => {
                self.add_stakeholder();
            }
            CallEdit::RemoveStakeholder(id) => self.stakeholders.retain(|s| s.id != id),
            CallEdit::RestoreStakeholder(pos, s) => {
                if !self.stakeholders.iter().any(|x| x.id == s.id) {
                    let pos = pos.min(self.stakeholders.len());
                    self.stakeholders.insert(pos, s);
                }
            }
            CallEdit::StakeholderName(id, v) => {
                if let Some(s) = self.stakeholder_mut(id) {
                    s.name = v;
                }
            }
            CallEdit::StakeholderTitle(id, v) => {
                if let Some(s) = self.stakeholder_mut(id) {
                    s.title = v;
                }
            }
            CallEdit::StakeholderRole(id, r) => {
                if let Some(s) = self.stakeholder_mut(id) {
                    s.role = r;
                }
            }
            CallEdit::OutcomeMetric(v) => self.outcome.metric = v,
            CallEdit::OutcomeTarget(v) => self.outcome.target = v,
            CallEdit::DecisionSteps(v) => self.decision.steps = v,
            CallEdit::DecisionDate(d) => self.decision.decision_date = d,
            CallEdit::Competitors(v) => self.decision.competitors = v,
            CallEdit::AddAction => {
                self.add_action();
            }
            CallEdit::RemoveAction(id) => self.plan.retain(|i| i.id != id),
            CallEdit::RestoreAction(item) => {
                if !self.plan.iter().any(|x| x.id == item.id) {
                    self.plan.push(item);
                }
            }
            CallEdit::ActionText(id, v) => {
                if let Some(i) = self.action_mut(id) {
                    i.description = v;
                }
            }
            CallEdit::ActionOwner(id, side) => {
                if let Some(i) = self.action_mut(id) {
                    i.owner = side;
                }
            }
            CallEdit::ActionDue(id, due) => {
                if let Some(i) = self.action_mut(id) {
                    // A new date is a new question: confirm it again if early.
                    if i.due != due {
                        i.early_confirmed = false;
                    }
                    i.due = due;
                }
            }
            CallEdit::ActionDone(id, done) => {
                if let Some(i) = self.action_mut(id) {
                    i.done = done;
                }
            }
            CallEdit::ConfirmEarlyDue(id) => {
                if let Some(i) = self.action_mut(id) {
                    i.early_confirmed = true;
                }
            }
        }
        self.updated_at = now.max(self.updated_at);
    }
}

/// Reads the value of an `<input type="date">` (`YYYY-MM-DD`, or empty
/// while the date is incomplete).
pub fn parse_date_input(raw: &str) -> Option<NaiveDate> {
    let mut parts = raw.trim().splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// `YYYY-MM-DD`: the value of an `<input type="date">` and the stored form.
pub fn ymd_string(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// The value for an `<input type="date">`.
pub fn date_input_value(d: Option<NaiveDate>) -> String {
    d.map(ymd_string).unwrap_or_default()
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The month's name, or its first three letters.
pub fn month_name(month: u32, short: bool) -> &'static str {
    let name = MONTHS[(month.clamp(1, 12) - 1) as usize];
    if short {
        &name[..3]
    } else {
        name
    }
}

/// A date as people read it: "10 Mar 2026".
pub fn format_date_short(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month_name(d.month(), true), d.year())
}

/// A date in full: "10 March 2026".
pub fn format_date_long(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month_name(d.month(), false), d.year())
}

/// Dates are stored as `YYYY-MM-DD` through these small functions rather
/// than chrono's general parser, which would add weight to the page.
mod ymd {
    use chrono::NaiveDate;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::ymd_string(*d))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let raw = String::deserialize(d)?;
        super::parse_date_input(&raw).ok_or_else(|| D::Error::custom(format!("not a date: {raw}")))
    }

    pub mod option {
        use chrono::NaiveDate;
        use serde::{Deserialize, Deserializer, Serializer};

        pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
            match d {
                Some(d) => super::serialize(d, s),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
            match Option::<String>::deserialize(d)? {
                None => Ok(None),
                Some(raw) => super::super::parse_date_input(&raw)
                    .map(Some)
                    .ok_or_else(|| serde::de::Error::custom(format!("not a date: {raw}"))),
            }
        }
    }
}

/// Everything the discovery tool persists.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallsDoc {
    #[serde(default)]
    pub calls: Vec<Call>,
    #[serde(default)]
    pub next_id: u64,
}

impl Document for CallsDoc {
    const KEY: &'static str = "discovery";
    const VERSION: u32 = 1;
}

impl CallsDoc {
    fn take_id(&mut self) -> u64 {
        let max_used = self.calls.iter().map(|c| c.id).max().unwrap_or(0);
        let id = self.next_id.max(max_used + 1).max(1);
        self.next_id = id + 1;
        id
    }

    /// Adds a call for `today` and returns its id.
    pub fn create(&mut self, title: String, today: NaiveDate, now: DateTime<Utc>) -> u64 {
        let id = self.take_id();
        self.calls.push(Call::new(id, title, today, now));
        id
    }

    pub fn get(&self, id: u64) -> Option<&Call> {
        self.calls.iter().find(|c| c.id == id)
    }

    pub fn get_mut(&mut self, id: u64) -> Option<&mut Call> {
        self.calls.iter_mut().find(|c| c.id == id)
    }

    /// Edits a call and marks it touched. Returns false if it is gone.
    pub fn update(&mut self, id: u64, now: DateTime<Utc>, f: impl FnOnce(&mut Call)) -> bool {
        match self.get_mut(id) {
            Some(call) => {
                f(call);
                call.updated_at = now;
                true
            }
            None => false,
        }
    }

    /// Applies one edit to one call. Returns false if the call is gone.
    pub fn edit(&mut self, id: u64, edit: CallEdit, now: DateTime<Utc>) -> bool {
        match self.get_mut(id) {
            Some(call) => {
                call.apply(edit, now);
                true
            }
            None => false,
        }
    }

    pub fn duplicate(&mut self, id: u64, today: NaiveDate, now: DateTime<Utc>) -> Option<u64> {
        let source = self.get(id)?.clone();
        let new_id = self.take_id();
        self.calls.push(source.duplicate(new_id, today, now));
        Some(new_id)
    }

    /// Removes a call, returning it with its position so Undo can put it back.
    pub fn remove(&mut self, id: u64) -> Option<(usize, Call)> {
        let pos = self.calls.iter().position(|c| c.id == id)?;
        Some((pos, self.calls.remove(pos)))
    }

    /// Puts a removed call back where it was (unless it already is back).
    pub fn restore(&mut self, pos: usize, call: Call) {
        if self.get(call.id).is_none() {
            let pos = pos.min(self.calls.len());
            self.calls.insert(pos, call);
        }
    }

    /// Newest first: by call date, then by when it was created.
    pub fn list(&self) -> Vec<&Call> {
        let mut out: Vec<&Call> = self.calls.iter().collect();
        out.sort_by_key(|c| std::cmp::Reverse((c.date, c.created_at, c.id)));
        out
    }
}

// ---------------------------------------------------------------------------
// Linking to qualification deals.
// ---------------------------------------------------------------------------

/// Just the fields of a qualification deal the call picker needs.
#[derive(Deserialize)]
struct DealLite {
    id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    company: String,
    /// RFC 3339 text; compared as text (same format throughout).
    #[serde(default)]
    created: String,
    #[serde(default)]
    updated: String,
}

#[derive(Deserialize)]
struct DealsLite {
    #[serde(default)]
    deals: Vec<DealLite>,
}

/// The qualify tool's deals as `(id, label)`, most recently updated first,
/// read from its stored text. Same result as
/// `qualify::model::deal_choices` (a test holds the two together), but it
/// decodes only four fields: decoding whole deals would add about 40 KB of
/// code to this page for a drop-down list. Data this build doesn't know
/// (another version, damage) gives an empty list; the qualify tool itself
/// reports those problems.
pub fn deal_choices_from_stored(raw: Option<&str>) -> Vec<(String, String)> {
    use crate::tools::qualify::model::DealsDoc;
    let Some(envelope) = raw.and_then(|r| serde_json::from_str::<crate::storage::Envelope>(r).ok())
    else {
        return Vec::new();
    };
    if envelope.version != DealsDoc::VERSION {
        return Vec::new();
    }
    let Ok(doc) = serde_json::from_value::<DealsLite>(envelope.data) else {
        return Vec::new();
    };
    let mut deals = doc.deals;
    deals.sort_by(|a, b| {
        b.updated
            .cmp(&a.updated)
            .then(b.created.cmp(&a.created))
            .then(a.id.cmp(&b.id))
    });
    deals
        .into_iter()
        .map(|d| {
            let name = match d.name.trim() {
                "" => "Untitled deal",
                n => n,
            };
            let company = d.company.trim();
            let label = if company.is_empty() {
                name.to_string()
            } else {
                format!("{name} ({company})")
            };
            (d.id, label)
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Screens within the tool (the part of the route after `#/discovery/`).
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    List,
    Call(u64),
    Recap(u64),
}

impl Screen {
    pub fn parse(rest: &str) -> Screen {
        let mut parts = rest.trim_matches('/').split('/');
        let id = parts.next().and_then(|p| p.parse::<u64>().ok());
        match (id, parts.next()) {
            (Some(id), None | Some("")) => Screen::Call(id),
            (Some(id), Some("recap")) => Screen::Recap(id),
            _ => Screen::List,
        }
    }

    /// The path after the tool slug.
    pub fn rest(self) -> String {
        match self {
            Screen::List => String::new(),
            Screen::Call(id) => id.to_string(),
            Screen::Recap(id) => format!("{id}/recap"),
        }
    }
}

// ---------------------------------------------------------------------------
// Recap.
// ---------------------------------------------------------------------------

/// Output format of the recap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecapFormat {
    /// For an email or a CRM note.
    Plain,
    /// For the download.
    Markdown,
}

/// A recap heading and its lines, rendered in either format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecapBlock {
    pub heading: &'static str,
    pub lines: Vec<String>,
}

/// The recap's content before formatting, for the on-screen version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecapParts {
    pub title: String,
    /// Date, linked deal, duration and talk share on one line.
    pub meta: String,
    pub blocks: Vec<RecapBlock>,
}

fn fmt_date(d: NaiveDate) -> String {
    format_date_long(d)
}

/// What the recap needs besides the call.
#[derive(Debug, Clone, Copy)]
pub struct RecapContext<'a> {
    /// The linked qualification deal's name, when there is one.
    pub deal_name: Option<&'a str>,
    /// For the clocks of a call that is still running.
    pub now: DateTime<Utc>,
    /// For flagging overdue action items.
    pub today: NaiveDate,
}

/// Builds the recap from everything captured.
pub fn recap(call: &Call, ctx: RecapContext<'_>, format: RecapFormat) -> String {
    let RecapParts {
        title,
        meta,
        blocks,
    } = recap_parts(call, ctx);
    let mut out = String::new();
    match format {
        RecapFormat::Plain => {
            out.push_str(&format!("{title}\n{meta}\n"));
            for b in blocks {
                out.push_str(&format!("\n{}\n", b.heading.to_uppercase()));
                for l in b.lines {
                    out.push_str(&format!("- {}\n", one_line(&l)));
                }
            }
        }
        RecapFormat::Markdown => {
            out.push_str(&format!(
                "# {}\n\n_{}_\n",
                md_escape(&title),
                md_escape(&meta)
            ));
            for b in blocks {
                out.push_str(&format!("\n## {}\n\n", b.heading));
                for l in b.lines {
                    let l = one_line(&l);
                    // Plan lines already start with a task-list box.
                    if l.starts_with("[x] ") || l.starts_with("[ ] ") {
                        out.push_str(&format!("- {}{}\n", &l[..4], md_escape(&l[4..])));
                    } else {
                        out.push_str(&format!("- {}\n", md_escape(&l)));
                    }
                }
            }
        }
    }
    out
}

/// The recap's parts: everything captured, in the order a follow-up email
/// reads best (pain first, gaps last).
pub fn recap_parts(call: &Call, ctx: RecapContext<'_>) -> RecapParts {
    let RecapContext {
        deal_name,
        now,
        today,
    } = ctx;
    let mut blocks = Vec::new();

    // Pain and its quantified impact.
    let mut pain = Vec::new();
    if !call.pain.description.trim().is_empty() {
        pain.push(call.pain.description.trim().to_string());
    }
    let f = call.pain.figures();
    if let (Some(m), Some(a)) = (f.monthly, f.annual) {
        pain.push(format!(
            "Costs {} a month, {} a year if nothing changes.",
            format_money(m),
            format_money(a)
        ));
    }
    if let (Some(p), Some(months)) = (f.price, f.payback) {
        pain.push(format!(
            "At a proposed {} a year, payback in {} months.",
            format_money(p),
            format_months(Some(months))
        ));
    }
    let pain_notes = call.notes_for(Section::Pain).trim();
    if !pain_notes.is_empty() {
        pain.push(format!("Notes: {pain_notes}"));
    }
    if pain.is_empty() {
        pain.push("Not captured yet.".into());
    }
    blocks.push(RecapBlock {
        heading: "Pain and its impact",
        lines: pain,
    });

    let current = call.notes_for(Section::CurrentState).trim();
    if !current.is_empty() {
        blocks.push(RecapBlock {
            heading: "Where you are today",
            lines: vec![current.to_string()],
        });
    }

    let mut outcome = Vec::new();
    match (call.outcome.metric.trim(), call.outcome.target.trim()) {
        ("", "") => {}
        (m, "") => outcome.push(format!("Success metric: {m}.")),
        ("", t) => outcome.push(format!("Target: {t}.")),
        (m, t) => outcome.push(format!("Success metric: {m}, target {t}.")),
    }
    let fs_notes = call.notes_for(Section::FutureState).trim();
    if !fs_notes.is_empty() {
        outcome.push(format!("Notes: {fs_notes}"));
    }
    if outcome.is_empty() {
        outcome.push("Not captured yet.".into());
    }
    blocks.push(RecapBlock {
        heading: "Desired outcome",
        lines: outcome,
    });

    let mut people: Vec<String> = call
        .stakeholders
        .iter()
        .filter(|s| !s.name.trim().is_empty())
        .map(|s| {
            let title = s.title.trim();
            if title.is_empty() {
                format!("{} ({})", s.name.trim(), s.role.label())
            } else {
                format!("{}, {} ({})", s.name.trim(), title, s.role.label())
            }
        })
        .collect();
    if people.is_empty() {
        people.push("No one named yet.".into());
    }
    blocks.push(RecapBlock {
        heading: "Stakeholders",
        lines: people,
    });

    let mut decision: Vec<String> = call
        .decision
        .step_list()
        .iter()
        .enumerate()
        .map(|(i, s)| format!("Step {}: {s}", i + 1))
        .collect();
    if let Some(d) = call.decision.decision_date {
        decision.push(format!("Decision by {}.", fmt_date(d)));
    }
    let competitors = call.decision.competitors.trim();
    if !competitors.is_empty() {
        decision.push(format!("Also considering: {competitors}."));
    }
    let dp_notes = call.notes_for(Section::DecisionProcess).trim();
    if !dp_notes.is_empty() {
        decision.push(format!("Notes: {dp_notes}"));
    }
    if decision.is_empty() {
        decision.push("Not mapped yet.".into());
    }
    blocks.push(RecapBlock {
        heading: "Decision process",
        lines: decision,
    });

    let mut plan: Vec<String> = sorted_plan(&call.plan)
        .iter()
        .filter(|i| !i.description.trim().is_empty())
        .map(|i| {
            let mark = if i.done { "[x]" } else { "[ ]" };
            let due = i.due.map_or("no date".to_string(), fmt_date);
            let overdue = if i.is_overdue(today) {
                " (overdue)"
            } else {
                ""
            };
            format!(
                "{mark} {} ({}, {due}){overdue}",
                i.description.trim(),
                i.owner.label()
            )
        })
        .collect();
    if plan.is_empty() {
        plan.push("No steps agreed yet.".into());
    }
    blocks.push(RecapBlock {
        heading: "Mutual action plan",
        lines: plan,
    });

    let gaps: Vec<String> = call
        .missing_topics()
        .iter()
        .map(|t| t.advice().to_string())
        .collect();
    if !gaps.is_empty() {
        blocks.push(RecapBlock {
            heading: "Open gaps",
            lines: gaps,
        });
    }

    let title = call.display_title();
    let mut meta = format!("Discovery call on {}", fmt_date(call.date));
    if let Some(deal) = deal_name.map(str::trim).filter(|d| !d.is_empty()) {
        meta.push_str(&format!(" · Deal: {deal}"));
    }
    let secs = call.call_secs(now);
    if secs > 0 {
        meta.push_str(&format!(" · {} on the clock", format_clock_words(secs)));
    }
    if let Some(share) = call.rep_share(now) {
        meta.push_str(&format!(
            " · Rep talked {share}% (target under {TALK_TARGET_PERCENT}%)"
        ));
    }

    RecapParts {
        title,
        meta,
        blocks,
    }
}

/// Notes may span lines; in a bullet list they read better joined.
fn one_line(s: &str) -> String {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" / ")
}

/// Escapes the characters that would turn typed text into Markdown syntax.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '<' | '>' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

// Pure tests run natively (`cargo test`); the wasm tier runs tests/web_*.rs.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
