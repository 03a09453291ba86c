//! The question flow: where the user is, what they can do, and the reducer
//! that turns an action into the next document and, at the end, an outcome.

use super::{date, Answer, AnswerSet, Change, Tier};
use crate::storage::Document;
use crate::tools::audit::questions::COUNT;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where the user is in the audit. Persisted, so leaving and coming back
/// resumes on the same screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "at", content = "index", rename_all = "snake_case")]
pub enum Step {
    #[default]
    Intro,
    /// 0-based question index.
    Question(usize),
    /// The report of the latest completed audit.
    Report,
}

/// A user action in the audit flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the intro for the first unanswered question.
    Start,
    /// Record an answer to question `index`; with `advance`, move on too
    /// (keys 1–4, or a tap on an option).
    Answer {
        index: usize,
        answer: Answer,
        advance: bool,
    },
    /// Move on from question `from` if it is answered and still showing.
    /// Carrying `from` makes a delayed advance harmless if the user already
    /// moved elsewhere.
    Next { from: usize },
    /// One question back; from the first question, back to the intro.
    Back,
    /// Clear the answers and start again at question 1. History stays.
    Retake,
    /// Show the latest report again (from the intro).
    ShowReport,
    /// Adopt a shared audit as the user's own (after they confirmed).
    SaveShared(AnswerSet),
    /// Change one answer of the latest completed audit from its report,
    /// without retaking the other fifteen. The audit keeps its place in
    /// history and is dated `today`.
    Revise { index: usize, answer: Answer },
}

/// Something the view must do once after an action, beyond re-rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// An audit was just completed: tell an embedding host, once.
    Completed { score: u32, tier: Tier },
}

/// One completed audit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompletedAudit {
    /// Local date of completion, stored as `YYYY-MM-DD`.
    #[serde(with = "date")]
    pub date: NaiveDate,
    pub answers: AnswerSet,
}

/// Everything the audit tool persists.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AuditDoc {
    /// The screen to resume on.
    #[serde(default)]
    pub step: Step,
    /// Answers of the audit in progress (or the one just completed).
    #[serde(default)]
    pub answers: [Option<Answer>; COUNT],
    /// Completed audits, oldest first.
    #[serde(default)]
    pub history: Vec<CompletedAudit>,
}

impl Document for AuditDoc {
    const KEY: &'static str = "audit";
    const VERSION: u32 = 1;
}

impl AuditDoc {
    /// The screen to show. Saved data is never trusted blindly: an index out
    /// of range or a report without a completed audit falls back safely.
    pub fn screen(&self) -> Step {
        match self.step {
            Step::Question(i) if i < COUNT => Step::Question(i),
            Step::Question(_) => Step::Question(self.first_unanswered().unwrap_or(COUNT - 1)),
            Step::Report if self.history.is_empty() => Step::Intro,
            other => other,
        }
    }

    /// The audit the report shows: the latest completed one.
    pub fn latest(&self) -> Option<&CompletedAudit> {
        self.history.last()
    }

    /// The completed audit before the latest, for "change since last time".
    pub fn previous(&self) -> Option<&CompletedAudit> {
        self.history
            .len()
            .checked_sub(2)
            .and_then(|i| self.history.get(i))
    }

    /// Change from the previous completed audit to the latest one.
    pub fn change(&self) -> Option<Change> {
        Some(Change::between(self.previous()?, self.latest()?))
    }

    pub fn answered(&self) -> usize {
        self.answers.iter().filter(|a| a.is_some()).count()
    }

    pub fn first_unanswered(&self) -> Option<usize> {
        self.answers.iter().position(|a| a.is_none())
    }

    /// All answers, if every question has one.
    pub fn complete(&self) -> Option<AnswerSet> {
        let mut out = [Answer::ZERO; COUNT];
        for (slot, a) in out.iter_mut().zip(self.answers.iter()) {
            *slot = (*a)?;
        }
        Some(AnswerSet(out))
    }

    /// Whether the intro should offer "Continue" rather than "Start".
    pub fn in_progress(&self) -> bool {
        self.answered() > 0 && self.complete().is_none()
    }

    /// The flow's reducer. `today` dates a completed audit.
    pub fn apply(&mut self, action: Action, today: NaiveDate) -> Option<Outcome> {
        let screen = self.screen();
        match action {
            Action::Start => {
                self.step = Step::Question(self.first_unanswered().unwrap_or(0));
                None
            }
            Action::Answer {
                index,
                answer,
                advance,
            } => {
                if index >= COUNT || screen != Step::Question(index) {
                    return None;
                }
                self.answers[index] = Some(answer);
                if advance {
                    self.advance_from(index, today)
                } else {
                    None
                }
            }
            Action::Next { from } => {
                if screen != Step::Question(from)
                    || self.answers.get(from).copied().flatten().is_none()
                {
                    return None;
                }
                self.advance_from(from, today)
            }
            Action::Back => {
                self.step = match screen {
                    Step::Question(0) | Step::Intro => Step::Intro,
                    Step::Question(i) => Step::Question(i - 1),
                    // The report has no Back: it offers Retake instead.
                    Step::Report => Step::Report,
                };
                None
            }
            Action::Retake => {
                self.answers = [None; COUNT];
                self.step = Step::Question(0);
                None
            }
            Action::ShowReport => {
                if self.latest().is_some() {
                    self.step = Step::Report;
                }
                None
            }
            Action::Revise { index, answer } => {
                let latest = self.history.last_mut()?;
                let slot = latest.answers.0.get_mut(index)?;
                if *slot == answer {
                    return None;
                }
                *slot = answer;
                latest.date = today;
                let set = latest.answers;
                self.answers = set.0.map(Some);
                self.step = Step::Report;
                // A corrected report is a new result for an embedding host
                // (its lead form holds the old score otherwise).
                Some(Outcome::Completed {
                    score: set.overall(),
                    tier: set.tier(),
                })
            }
            Action::SaveShared(set) => {
                self.answers = set.0.map(Some);
                Some(self.finish(set, today))
            }
        }
    }

    fn advance_from(&mut self, index: usize, today: NaiveDate) -> Option<Outcome> {
        if index + 1 < COUNT {
            self.step = Step::Question(index + 1);
            return None;
        }
        match self.complete() {
            Some(set) => Some(self.finish(set, today)),
            // Only reachable with damaged saved data: go fill the gap.
            None => {
                self.step = Step::Question(self.first_unanswered().unwrap_or(0));
                None
            }
        }
    }

    fn finish(&mut self, set: AnswerSet, today: NaiveDate) -> Outcome {
        self.history.push(CompletedAudit {
            date: today,
            answers: set,
        });
        self.step = Step::Report;
        Outcome::Completed {
            score: set.overall(),
            tier: set.tier(),
        }
    }
}
