//! The clocks: stopwatches kept as stored intervals (never ticks), and the
//! call clock that runs the script's sections over time.

use super::{PerSection, Section};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

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
pub(super) fn floor_now(
    now: DateTime<Utc>,
    latest: impl IntoIterator<Item = Option<DateTime<Utc>>>,
) -> DateTime<Utc> {
    latest.into_iter().flatten().fold(now, DateTime::max)
}

pub(super) fn floor_opt(it: impl Iterator<Item = Option<DateTime<Utc>>>) -> Option<DateTime<Utc>> {
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
