//! Talk balance: how long each side spoke, and the rep's share.

use super::clock::floor_now;
use super::Stopwatch;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

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
