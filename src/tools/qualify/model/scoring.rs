//! Scoring: score, verdict, warnings and gaps of a framework's answers.

use super::{Answer, Criterion, Framework, Rating, MIN_STAKEHOLDERS, MULTI_THREAD_ABOVE};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Qualified,
    NeedsWork,
    Disqualify,
    /// Criteria are still unassessed: no verdict yet, and the score so far
    /// is provisional (see `assess`).
    Incomplete,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Qualified => "Qualified",
            Verdict::NeedsWork => "Needs work",
            Verdict::Disqualify => "Disqualify",
            Verdict::Incomplete => "Incomplete",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Verdict::Qualified => "qualified",
            Verdict::NeedsWork => "needs-work",
            Verdict::Disqualify => "disqualify",
            Verdict::Incomplete => "incomplete",
        }
    }

    /// One sentence of meaning under the verdict.
    pub fn meaning(self) -> &'static str {
        match self {
            Verdict::Qualified => "Worth your time. Keep investing and close the remaining gaps.",
            Verdict::NeedsWork => {
                "Promising but not proven. Close the gaps below before you invest more."
            }
            Verdict::Disqualify => "Not worth more time right now. Clear the red flags or move on.",
            Verdict::Incomplete => {
                "Not every criterion is assessed yet, so there is no verdict. The score counts the unassessed ones as unknown and will change."
            }
        }
    }
}

/// Score = round(100 · points / (2 · criteria)), from 0 to 100.
/// Halves round up. An empty list scores 0.
pub fn score(ratings: &[Rating]) -> u32 {
    let n = ratings.len() as u32;
    if n == 0 {
        return 0;
    }
    let points: u32 = ratings.iter().map(|r| r.points()).sum();
    // round(100p / 2n) with halves up, in integers: (100p + n) / 2n.
    (100 * points + n) / (2 * n)
}

/// Disqualify under 40 or with two red flags or more; Qualified from 75 with
/// no red flag; otherwise Needs work.
pub fn verdict(score: u32, red_flags: usize) -> Verdict {
    if score < 40 || red_flags >= 2 {
        Verdict::Disqualify
    } else if score >= 75 && red_flags == 0 {
        Verdict::Qualified
    } else {
        Verdict::NeedsWork
    }
}

/// A deal this size needs its buying process mapped: an unknown process
/// is where its close date slips.
pub const BIG_DEAL_ABOVE: f64 = 100_000.0;

/// The verdict of a deal whose assessment may be unfinished: "Incomplete"
/// while any criterion is unassessed, unless two red flags already decide
/// it (no later answer can lift a deal over that rule).
pub fn honest_verdict(score: u32, red_flags: usize, assessed: usize, total: usize) -> Verdict {
    if assessed < total && red_flags < 2 {
        Verdict::Incomplete
    } else {
        verdict(score, red_flags)
    }
}

/// A risk shown beside the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warning {
    SingleThreaded {
        stakeholders: u32,
    },
    NoAccessToPower {
        criterion: Criterion,
    },
    NoUrgency {
        criterion: Criterion,
    },
    /// A big deal whose decision or paper process is unknown or a red flag.
    ProcessUnknown {
        criterion: Criterion,
    },
}

impl Warning {
    pub fn title(self) -> &'static str {
        match self {
            Warning::SingleThreaded { .. } => "Single-threaded",
            Warning::NoAccessToPower { .. } => "No access to power",
            Warning::NoUrgency { .. } => "No urgency",
            Warning::ProcessUnknown { criterion } => match criterion {
                Criterion::PaperProcess => "Paper process unknown on a big deal",
                _ => "Decision process unknown on a big deal",
            },
        }
    }

    pub fn detail(self) -> String {
        match self {
            Warning::SingleThreaded { stakeholders } => {
                let who = match stakeholders {
                    0 => "No stakeholder is".to_string(),
                    1 => "Only 1 stakeholder is".to_string(),
                    n => format!("Only {n} stakeholders are"),
                };
                format!(
                    "{who} engaged on a deal over {}. Reach at least {MIN_STAKEHOLDERS}, so the deal survives if your contact leaves.",
                    crate::text::money(25_000.0)
                )
            }
            Warning::NoAccessToPower { criterion } => match criterion {
                Criterion::Authority => {
                    "You can't reach the person who signs yet. Ask your contact to bring them in.".into()
                }
                _ => "You can't reach the economic buyer yet. Ask your champion for an introduction.".into(),
            },
            Warning::NoUrgency { criterion } => match criterion {
                Criterion::Timeline => {
                    "No decision date with a reason behind it, so the deal can drift. Find the event that forces a decision.".into()
                }
                _ => "No confirmed pain, so nothing forces a decision. Find out what the problem costs them.".into(),
            },
            Warning::ProcessUnknown { criterion } => {
                let what = match criterion {
                    Criterion::PaperProcess => "legal, security and procurement steps",
                    _ => "approval steps, from choosing a vendor to signing",
                };
                format!(
                    "On a deal over {}, an unmapped process is where the close date slips. Walk through the {what} with your champion, with dates.",
                    crate::text::money(BIG_DEAL_ABOVE)
                )
            }
        }
    }
}

/// One gap: a criterion that is not confirmed, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub criterion: Criterion,
    pub rating: Rating,
    /// True when the rep never picked an answer (scored as Unknown).
    pub unanswered: bool,
    pub action: &'static str,
}

/// Gaps in order: red flags, then Unknown (including unanswered), then
/// Partially; within each group the framework's order is kept.
pub fn gaps(framework: Framework, answers: &BTreeMap<Criterion, Answer>) -> Vec<Gap> {
    let out: Vec<Gap> = framework
        .criteria()
        .iter()
        .filter_map(|&c| {
            let answer = answers.get(&c);
            let rating = answer.map(Answer::effective).unwrap_or(Rating::Unknown);
            (rating != Rating::Confirmed).then(|| Gap {
                criterion: c,
                rating,
                unanswered: answer.and_then(|a| a.rating).is_none(),
                action: c.next_action(rating),
            })
        })
        .collect();
    // The sort is stable, so the framework order survives within a group.
    crate::order::into_sorted_by(out, |a, b| a.rating.gap_rank().cmp(&b.rating.gap_rank()))
}

/// Everything the summary and the deal list show about a deal's answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub framework: Framework,
    pub score: u32,
    pub verdict: Verdict,
    pub red_flags: usize,
    /// How many of the framework's criteria have an answer.
    pub answered: usize,
    pub total: usize,
    pub warnings: Vec<Warning>,
    pub gaps: Vec<Gap>,
}

/// Scores a framework's criteria and derives verdict, warnings and gaps.
/// `acv` and `stakeholders` are the parsed basics (`None` if blank or invalid).
pub fn assess(
    framework: Framework,
    answers: &BTreeMap<Criterion, Answer>,
    acv: Option<f64>,
    stakeholders: Option<u32>,
) -> Assessment {
    let rating_of = |c: Criterion| {
        answers
            .get(&c)
            .map(Answer::effective)
            .unwrap_or(Rating::Unknown)
    };
    let ratings: Vec<Rating> = framework.criteria().iter().map(|&c| rating_of(c)).collect();
    let red_flags = ratings.iter().filter(|r| **r == Rating::RedFlag).count();
    let s = score(&ratings);
    let mut warnings = Vec::new();
    if let (Some(acv), Some(n)) = (acv, stakeholders) {
        if n < MIN_STAKEHOLDERS && acv > MULTI_THREAD_ABOVE {
            warnings.push(Warning::SingleThreaded { stakeholders: n });
        }
    }
    let weak = |r: Rating| matches!(r, Rating::Unknown | Rating::RedFlag);
    let power = framework.power_criterion();
    if weak(rating_of(power)) {
        warnings.push(Warning::NoAccessToPower { criterion: power });
    }
    let urgency = framework.urgency_criterion();
    if weak(rating_of(urgency)) {
        warnings.push(Warning::NoUrgency { criterion: urgency });
    }
    if acv.is_some_and(|v| v > BIG_DEAL_ABOVE) {
        for c in [Criterion::DecisionProcess, Criterion::PaperProcess] {
            if framework.criteria().contains(&c) && weak(rating_of(c)) {
                warnings.push(Warning::ProcessUnknown { criterion: c });
            }
        }
    }
    let answered = framework
        .criteria()
        .iter()
        .filter(|c| answers.get(c).and_then(|a| a.rating).is_some())
        .count();
    let total = framework.criteria().len();
    Assessment {
        framework,
        score: s,
        verdict: honest_verdict(s, red_flags, answered, total),
        red_flags,
        answered,
        total,
        warnings,
        gaps: gaps(framework, answers),
    }
}
