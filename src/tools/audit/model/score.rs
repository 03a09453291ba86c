//! Answers, scores, tiers and the fix list.

use crate::route::{Route, Tool};
use crate::tools::audit::questions::{Area, Question, COUNT, QUESTIONS};
use serde::{Deserialize, Serialize};

/// One answer, scored 0 (weakest) to 3 (best practice).
///
/// Stored as a bare number; anything outside 0–3 fails to load, which the
/// storage layer treats as damage (backed up, never silently "fixed").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Answer(u8);

impl Answer {
    pub const ZERO: Answer = Answer(0);
    pub const MAX: Answer = Answer(3);
    /// All four, in score order (the order options are shown in).
    pub const ALL: [Answer; 4] = [Answer(0), Answer(1), Answer(2), Answer(3)];

    pub fn new(value: u8) -> Option<Answer> {
        (value <= 3).then_some(Answer(value))
    }

    /// The answer a digit key stands for: "1" is the first option (score 0).
    pub fn from_key(key: &str) -> Option<Answer> {
        match key {
            "1" => Some(Answer(0)),
            "2" => Some(Answer(1)),
            "3" => Some(Answer(2)),
            "4" => Some(Answer(3)),
            _ => None,
        }
    }

    pub fn value(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Answer {
    type Error = String;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Answer::new(value).ok_or_else(|| format!("answer {value} is not between 0 and 3"))
    }
}

impl From<Answer> for u8 {
    fn from(a: Answer) -> u8 {
        a.0
    }
}

/// A complete audit: one answer per question, in question order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AnswerSet(pub [Answer; COUNT]);

/// A score from 0 to 100, with its tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score(pub u32);

/// round(100 · Σ(weight · answer) / (3 · Σ weight)) over `questions`,
/// in integer arithmetic so no NaN or rounding drift can reach the screen.
fn weighted_score<'a>(items: impl Iterator<Item = (&'a Question, Answer)>) -> u32 {
    let (earned, weights) = items.fold((0u32, 0u32), |(e, w), (q, a)| {
        (e + q.weight * u32::from(a.value()), w + q.weight)
    });
    let max = 3 * weights;
    if max == 0 {
        return 0;
    }
    // Round half up: (2 · 100 · earned + max) / (2 · max).
    (200 * earned + max) / (2 * max)
}

impl AnswerSet {
    /// Every question answered `value` (handy for tests and examples).
    pub fn uniform(value: Answer) -> AnswerSet {
        AnswerSet([value; COUNT])
    }

    fn pairs(&self) -> impl Iterator<Item = (&'static Question, Answer)> + '_ {
        QUESTIONS.iter().zip(self.0.iter().copied())
    }

    /// The overall score, 0–100.
    pub fn overall(&self) -> u32 {
        weighted_score(self.pairs())
    }

    /// The score of one area, 0–100, by the same formula.
    pub fn area_score(&self, area: Area) -> u32 {
        weighted_score(self.pairs().filter(|(q, _)| q.area == area))
    }

    /// All six area scores, in report order.
    pub fn area_scores(&self) -> [(Area, u32); 6] {
        Area::ALL.map(|a| (a, self.area_score(a)))
    }

    pub fn tier(&self) -> Tier {
        Tier::for_score(self.overall())
    }

    /// Every question answered below 3, highest priority first; ties keep
    /// question order (the sort is stable and the input is in that order).
    pub fn fixes(&self) -> Vec<Fix> {
        let fixes: Vec<Fix> = self
            .pairs()
            .filter(|(_, a)| *a < Answer::MAX)
            .map(|(question, answer)| Fix {
                question,
                answer,
                priority: question.weight * u32::from(3 - answer.value()),
            })
            .collect();
        crate::order::into_sorted_by(fixes, |a, b| b.priority.cmp(&a.priority))
    }

    /// The areas to mark "Weakest": those at the lowest score, unless every
    /// area ties (a score of 0, or all the same) or the lowest is 100.
    pub fn weakest_areas(&self) -> Vec<Area> {
        let scores = self.area_scores();
        let low = scores.iter().map(|(_, s)| *s).min().unwrap_or(100);
        let high = scores.iter().map(|(_, s)| *s).max().unwrap_or(100);
        if low == high || low >= 100 {
            return Vec::new();
        }
        scores
            .iter()
            .filter(|(_, s)| *s == low)
            .map(|(a, _)| *a)
            .collect()
    }

    /// The questions answered 3, in question order.
    pub fn strengths(&self) -> Vec<&'static Question> {
        self.pairs()
            .filter(|(_, a)| *a == Answer::MAX)
            .map(|(q, _)| q)
            .collect()
    }
}

/// The four maturity tiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    AdHoc,
    Emerging,
    Structured,
    Optimized,
}

impl Tier {
    /// 0–39 Ad hoc, 40–59 Emerging, 60–79 Structured, 80–100 Optimized.
    pub fn for_score(score: u32) -> Tier {
        match score {
            0..=39 => Tier::AdHoc,
            40..=59 => Tier::Emerging,
            60..=79 => Tier::Structured,
            _ => Tier::Optimized,
        }
    }

    /// All four, lowest first (the order of the tier scale).
    pub const ALL: [Tier; 4] = [
        Tier::AdHoc,
        Tier::Emerging,
        Tier::Structured,
        Tier::Optimized,
    ];

    /// The scores of this tier, inclusive.
    pub fn range(self) -> (u32, u32) {
        match self {
            Tier::AdHoc => (0, 39),
            Tier::Emerging => (40, 59),
            Tier::Structured => (60, 79),
            Tier::Optimized => (80, 100),
        }
    }

    /// The next tier up from `score` and how many points it takes to get
    /// there; `None` in the top tier.
    pub fn next_up(score: u32) -> Option<(Tier, u32)> {
        let next = Tier::ALL
            .into_iter()
            .find(|t| t.range().0 > score.min(100))?;
        Some((next, next.range().0 - score))
    }

    /// The tier in URLs and attributes (`data-stagecraft-cta-url-<slug>`).
    pub fn slug(self) -> &'static str {
        match self {
            Tier::AdHoc => "ad-hoc",
            Tier::Emerging => "emerging",
            Tier::Structured => "structured",
            Tier::Optimized => "optimized",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Tier::AdHoc => "Ad hoc",
            Tier::Emerging => "Emerging",
            Tier::Structured => "Structured",
            Tier::Optimized => "Optimized",
        }
    }

    /// Two sentences: what the tier means, then what to do about it.
    pub fn description(self) -> &'static str {
        match self {
            Tier::AdHoc => "Deals move on individual effort and instinct, so results depend on who happens to work them. A few basics from the fix list below will lift your win rate and your forecast quickly.",
            Tier::Emerging => "The bones of a process are in place, but deals don't all follow it the same way. Close the biggest gaps below and your pipeline becomes far more predictable.",
            Tier::Structured => "You run a defined process and most deals follow it. The remaining gaps are where deals still slip, so work through them in the order below.",
            Tier::Optimized => "Your process is defined, measured and followed, which puts you ahead of most B2B teams. Keep it sharp by checking your stage numbers against benchmarks and tuning whatever lags.",
        }
    }

    /// The same two sentences about someone else's team, for a shared
    /// report (which speaks in the third person).
    pub fn description_shared(self) -> &'static str {
        match self {
            Tier::AdHoc => "Deals move on individual effort and instinct, so results depend on who happens to work them. A few basics from the fix list below would lift this team's win rate and forecast quickly.",
            Tier::Emerging => "The bones of a process are in place, but deals don't all follow it the same way. Closing the biggest gaps below would make this team's pipeline far more predictable.",
            Tier::Structured => "This team runs a defined process and most deals follow it. The remaining gaps are where its deals still slip, in the order below.",
            Tier::Optimized => "This team's process is defined, measured and followed, which puts it ahead of most B2B teams. Checking stage numbers against benchmarks keeps it sharp.",
        }
    }

    /// How the tier's badge reads (its name always goes with it).
    pub fn tone(self) -> crate::tone::Tone {
        use crate::tone::Tone;
        match self {
            Tier::AdHoc => Tone::Bad,
            Tier::Emerging | Tier::Structured => Tone::Warn,
            Tier::Optimized => Tone::Good,
        }
    }
}

/// One item of the fix list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fix {
    pub question: &'static Question,
    pub answer: Answer,
    /// weight · (3 − answer): how many score points the fix is worth.
    pub priority: u32,
}

impl Fix {
    /// Why the fix ranks where it does, in words: the question's weight
    /// times the gap to the best answer is its priority.
    pub fn rank_reason(&self) -> String {
        let weight = self.question.weight;
        let gap = 3 - u32::from(self.answer.value());
        let weighs = match weight {
            3 => "weighs the most (3 of 3)".to_string(),
            1 => "weighs the least (1 of 3)".to_string(),
            w => format!("weighs {w} of 3"),
        };
        let steps = if gap == 1 {
            "1 step".to_string()
        } else {
            format!("{gap} steps")
        };
        format!(
            "Ranked by weight × gap: this question {weighs} and the answer is {steps} below best practice, so {weight} × {gap} = {}.",
            self.priority
        )
    }

    /// Where the fix's link goes, if a Stagecraft tool helps with it.
    pub fn link(&self) -> Option<(Tool, String)> {
        self.question.link.map(|t| (t, Route::tool(t).href()))
    }
}

/// How many fixes the report shows prominently.
pub const TOP_FIXES: usize = 5;
