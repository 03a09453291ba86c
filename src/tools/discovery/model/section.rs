//! The four parts of a discovery call, in order, and one value per part.

use super::{bank, Topic};
use serde::{Deserialize, Serialize};

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
