//! Coverage: the discovery topics a call may still be missing.

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
