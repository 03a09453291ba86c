//! The words of the discovery script: suggested questions per section, the
//! SPIN bank and the "three whys" checklist. Pure data, so the view, the
//! recap and the tests all read the same text.
//!
//! Every question has a stable `id`: ticks are stored by id, so rewording a
//! question later never loses what a rep already ticked.

/// One question the rep can ask and tick off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    pub id: &'static str,
    pub text: &'static str,
    /// A probe for when the first answer is thin.
    pub follow_up: Option<&'static str>,
}

const fn q(id: &'static str, text: &'static str, follow_up: Option<&'static str>) -> Question {
    Question {
        id,
        text,
        follow_up,
    }
}

pub const CURRENT_STATE: &[Question] = &[
    q(
        "cs-walkthrough",
        "Talk me through how your team handles this today, step by step.",
        Some("Which step takes the longest, and why?"),
    ),
    q(
        "cs-tools",
        "Which tools and which people touch it along the way?",
        Some("Who is accountable for the result?"),
    ),
    q(
        "cs-breaks",
        "Where does it break down most often?",
        Some("What happened the last time it did?"),
    ),
    q(
        "cs-measure",
        "How do you measure whether it is working?",
        Some("What are those numbers right now?"),
    ),
];

pub const PAIN: &[Question] = &[
    q(
        "pain-monthly",
        "In a normal month, what does this cost you in hours, money or lost deals?",
        Some("How did you get to that figure?"),
    ),
    q(
        "pain-downstream",
        "How does it show up further down the line, in revenue or margin?",
        None,
    ),
    q(
        "pain-others",
        "Who else feels the impact, and how does it land for them?",
        Some("Would they put the same number on it?"),
    ),
    q(
        "pain-tried",
        "What have you already tried, and why didn't it stick?",
        None,
    ),
];

pub const FUTURE_STATE: &[Question] = &[
    q(
        "fs-picture",
        "Imagine this is solved. What is different six months from now?",
        Some("What would your team stop doing?"),
    ),
    q(
        "fs-metric",
        "Which single number would prove it worked?",
        Some("Where is it today, and where does it need to be?"),
    ),
    q(
        "fs-nothing",
        "What happens if nothing changes this year?",
        None,
    ),
    q(
        "fs-timing",
        "Why fix it this quarter rather than next year?",
        Some("What event or deadline is behind that?"),
    ),
];

pub const DECISION_PROCESS: &[Question] = &[
    q(
        "dp-people",
        "Who else needs a say before a decision like this goes ahead?",
        Some("Who signs off on the budget?"),
    ),
    q(
        "dp-history",
        "The last time you bought something like this, how did it go, step by step?",
        Some("Where did that process slow down?"),
    ),
    q(
        "dp-date",
        "By what date do you need a decision, and what sets that date?",
        None,
    ),
    q(
        "dp-options",
        "Which other options are you weighing, including doing nothing?",
        None,
    ),
    q(
        "dp-reviews",
        "Do legal, security or procurement need to review this, and when should we bring them in?",
        None,
    ),
];

/// One of the four SPIN question types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpinGroup {
    pub name: &'static str,
    /// One line on what this type of question is for.
    pub purpose: &'static str,
    pub questions: &'static [Question],
}

/// SPIN: Situation, Problem, Implication, Need-payoff.
pub const SPIN: &[SpinGroup] = &[
    SpinGroup {
        name: "Situation",
        purpose: "Facts about how things are set up today. Ask few; research the rest beforehand.",
        questions: &[
            q(
                "spin-s-team",
                "How is the team organised around this work?",
                None,
            ),
            q(
                "spin-s-systems",
                "Which systems hold the data you depend on here?",
                None,
            ),
        ],
    },
    SpinGroup {
        name: "Problem",
        purpose: "Where it hurts. Let the buyer name the difficulty.",
        questions: &[
            q(
                "spin-p-time",
                "Where do you lose the most time in this process?",
                None,
            ),
            q(
                "spin-p-complaints",
                "What do people on your team complain about most?",
                None,
            ),
        ],
    },
    SpinGroup {
        name: "Implication",
        purpose: "What the problem leads to. This is where the cost grows.",
        questions: &[
            q(
                "spin-i-cost",
                "When that goes wrong, what does it cost further along?",
                None,
            ),
            q(
                "spin-i-targets",
                "How does it affect the targets you own this quarter?",
                None,
            ),
        ],
    },
    SpinGroup {
        name: "Need-payoff",
        purpose: "The value of fixing it, in the buyer's own words.",
        questions: &[
            q(
                "spin-n-worth",
                "If that were fixed, what would it be worth to you?",
                None,
            ),
            q(
                "spin-n-who",
                "Who would gain the most if this ran smoothly?",
                None,
            ),
        ],
    },
];

/// The three-part test every deal should pass: why change, why now, why you.
pub const THREE_WHYS: &[Question] = &[
    q(
        "why-change",
        "Why change: what makes staying with the current way unacceptable?",
        None,
    ),
    q(
        "why-now",
        "Why now: what event or deadline makes this urgent this quarter?",
        None,
    ),
    q(
        "why-you",
        "Why you: what would we need to prove to be the right choice over the alternatives?",
        None,
    ),
];

/// Every tickable question, for validating stored ticks.
pub fn all_questions() -> impl Iterator<Item = &'static Question> {
    CURRENT_STATE
        .iter()
        .chain(PAIN)
        .chain(FUTURE_STATE)
        .chain(DECISION_PROCESS)
        .chain(SPIN.iter().flat_map(|g| g.questions.iter()))
        .chain(THREE_WHYS)
}

// Pure tests run natively (`cargo test`); the wasm tier runs tests/web_*.rs.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_section_has_three_to_five_questions() {
        for list in [CURRENT_STATE, PAIN, FUTURE_STATE, DECISION_PROCESS] {
            assert!((3..=5).contains(&list.len()), "{} questions", list.len());
        }
    }

    #[test]
    fn question_ids_are_unique() {
        let ids: Vec<_> = all_questions().map(|q| q.id).collect();
        let unique: BTreeSet<_> = ids.iter().collect();
        assert_eq!(ids.len(), unique.len());
    }

    #[test]
    fn spin_has_the_four_types_in_order() {
        let names: Vec<_> = SPIN.iter().map(|g| g.name).collect();
        assert_eq!(
            names,
            ["Situation", "Problem", "Implication", "Need-payoff"]
        );
        assert_eq!(THREE_WHYS.len(), 3);
    }
}
