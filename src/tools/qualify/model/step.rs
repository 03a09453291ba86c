//! Wizard steps: basics, one step per criterion, the summary.

use super::{Criterion, Framework};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    #[default]
    Basics,
    Criterion(Criterion),
    Summary,
}

impl Step {
    /// A step that belongs to `framework`: a criterion from another
    /// framework (possible after a change in another tab) maps to the first
    /// criterion, so the wizard never shows a step outside the flow.
    pub fn normalized(self, framework: Framework) -> Step {
        match self {
            Step::Criterion(c) if !framework.criteria().contains(&c) => {
                Step::Criterion(framework.criteria()[0])
            }
            s => s,
        }
    }

    /// Basics → each criterion in order → Summary. Summary stays put.
    pub fn next(self, framework: Framework) -> Step {
        let list = framework.criteria();
        match self.normalized(framework) {
            Step::Basics => Step::Criterion(list[0]),
            Step::Criterion(c) => {
                let i = list.iter().position(|x| *x == c).unwrap_or(0);
                list.get(i + 1)
                    .map_or(Step::Summary, |n| Step::Criterion(*n))
            }
            Step::Summary => Step::Summary,
        }
    }

    /// The reverse of `next`. Basics stays put.
    pub fn back(self, framework: Framework) -> Step {
        let list = framework.criteria();
        match self.normalized(framework) {
            Step::Basics => Step::Basics,
            Step::Criterion(c) => {
                let i = list.iter().position(|x| *x == c).unwrap_or(0);
                if i == 0 {
                    Step::Basics
                } else {
                    Step::Criterion(list[i - 1])
                }
            }
            Step::Summary => Step::Criterion(list[list.len() - 1]),
        }
    }

    /// 1-based position and total number of steps (basics, criteria, summary).
    pub fn position(self, framework: Framework) -> (usize, usize) {
        let list = framework.criteria();
        let total = list.len() + 2;
        let at = match self.normalized(framework) {
            Step::Basics => 1,
            Step::Criterion(c) => 2 + list.iter().position(|x| *x == c).unwrap_or(0),
            Step::Summary => total,
        };
        (at, total)
    }

    /// Short name of the step for the list's "continue at" hint.
    pub fn label(self, framework: Framework) -> &'static str {
        match self.normalized(framework) {
            Step::Basics => "Deal basics",
            Step::Criterion(c) => c.name(),
            Step::Summary => "Summary",
        }
    }
}
