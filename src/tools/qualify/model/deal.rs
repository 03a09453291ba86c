//! One deal: what the rep typed, the derived recommendation and
//! assessment, and the moves through the wizard.

use super::{
    assess, recommend_framework, recommend_methodology, Answer, Assessment, Criterion, Framework,
    Methodology, Plan, Rating, Step,
};
use crate::numbers::{read, FieldKind, NumberError, NumberRules};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const ACV_RULES: NumberRules = NumberRules::MONEY.optional();
pub const STAKEHOLDER_RULES: NumberRules = NumberRules::COUNT.optional();

/// Inline errors of the basics step. Any error blocks Next.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BasicsErrors {
    pub name: Option<&'static str>,
    pub acv: Option<NumberError>,
    pub stakeholders: Option<NumberError>,
}

impl BasicsErrors {
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.acv.is_none() && self.stakeholders.is_none()
    }
}

pub const NAME_REQUIRED: &str = "Give the deal a name so you can find it later.";

/// One deal. Number fields keep the raw text the rep typed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Deal {
    pub id: String,
    pub name: String,
    pub company: String,
    /// Annual contract value, as typed.
    pub acv: String,
    /// Stakeholders engaged, as typed.
    pub stakeholders: String,
    pub new_category: bool,
    /// Expected close date (the CRMs' close date; Salesforce requires one).
    #[serde(default, with = "crate::dates::iso_serde::option")]
    pub close_date: Option<chrono::NaiveDate>,
    /// The pipeline stage the deal is in, and since when (`None`: since it
    /// was created).
    #[serde(with = "super::pipeline::stage_serde")]
    pub stage: crate::tools::benchmarks::model::Stage,
    #[serde(with = "crate::dates::iso_serde::option")]
    pub stage_since: Option<chrono::NaiveDate>,
    /// The agreed next step and its date.
    pub next_step: String,
    #[serde(with = "crate::dates::iso_serde::option")]
    pub next_step_due: Option<chrono::NaiveDate>,
    /// A pause on the stale flag.
    pub snooze: Option<super::Snooze>,
    /// `None` follows the recommendation.
    pub framework_override: Option<Framework>,
    /// Answers for every criterion ever answered, across frameworks.
    pub answers: BTreeMap<Criterion, Answer>,
    pub step: Step,
    #[serde(with = "crate::dates::utc_serde")]
    pub created: DateTime<Utc>,
    #[serde(with = "crate::dates::utc_serde")]
    pub updated: DateTime<Utc>,
}

impl Default for Deal {
    fn default() -> Self {
        Deal {
            id: String::new(),
            name: String::new(),
            company: String::new(),
            acv: String::new(),
            stakeholders: String::new(),
            new_category: false,
            close_date: None,
            stage: crate::tools::benchmarks::model::Stage::Qualification,
            stage_since: None,
            next_step: String::new(),
            next_step_due: None,
            snooze: None,
            framework_override: None,
            answers: BTreeMap::new(),
            step: Step::Basics,
            created: DateTime::<Utc>::UNIX_EPOCH,
            updated: DateTime::<Utc>::UNIX_EPOCH,
        }
    }
}

impl Deal {
    pub fn new(id: String, now: DateTime<Utc>) -> Deal {
        Deal {
            id,
            created: now,
            updated: now,
            ..Deal::default()
        }
    }

    /// The name to show; never blank.
    pub fn display_name(&self) -> &str {
        let n = self.name.trim();
        if n.is_empty() {
            "Untitled deal"
        } else {
            n
        }
    }

    pub fn acv_value(&self) -> Result<Option<f64>, NumberError> {
        read(&self.acv, FieldKind::Money, ACV_RULES)
    }

    pub fn stakeholders_value(&self) -> Result<Option<u32>, NumberError> {
        read(&self.stakeholders, FieldKind::Count, STAKEHOLDER_RULES)
            .map(|v| v.map(|x| x.min(u32::MAX as f64) as u32))
    }

    /// The recommendation for the current contract value. An invalid value
    /// counts as none here; the view keeps showing the last valid one.
    pub fn plan(&self) -> Plan {
        recommend_framework(self.acv_value().ok().flatten())
    }

    pub fn methodology(&self) -> Methodology {
        recommend_methodology(self.new_category)
    }

    /// The framework the wizard runs: the override, else the recommendation.
    pub fn framework(&self) -> Framework {
        self.framework_override
            .unwrap_or_else(|| self.plan().first_framework())
    }

    /// The step to show, always one that belongs to the current framework.
    pub fn current_step(&self) -> Step {
        self.step.normalized(self.framework())
    }

    pub fn assessment(&self) -> Assessment {
        assess(
            self.framework(),
            &self.answers,
            self.acv_value().ok().flatten(),
            self.stakeholders_value().ok().flatten(),
        )
    }

    pub fn basics_errors(&self) -> BasicsErrors {
        BasicsErrors {
            name: self.name.trim().is_empty().then_some(NAME_REQUIRED),
            acv: self.acv_value().err(),
            stakeholders: self.stakeholders_value().err(),
        }
    }

    /// Moves forward. From the basics, only when they are valid; the errors
    /// are returned for the inline messages otherwise.
    pub fn next(&mut self, now: DateTime<Utc>) -> Result<Step, BasicsErrors> {
        let current = self.current_step();
        if current == Step::Basics {
            let errors = self.basics_errors();
            if !errors.is_empty() {
                return Err(errors);
            }
        }
        self.step = current.next(self.framework());
        self.updated = now;
        Ok(self.step)
    }

    pub fn back(&mut self, now: DateTime<Utc>) -> Step {
        self.step = self.current_step().back(self.framework());
        self.updated = now;
        self.step
    }

    /// Jumps to a step (e.g. "Edit" from the summary). Criteria outside the
    /// current framework are ignored.
    pub fn go_to(&mut self, step: Step, now: DateTime<Utc>) {
        if step.normalized(self.framework()) == step {
            self.step = step;
            self.updated = now;
        }
    }

    pub fn answer(&mut self, criterion: Criterion, rating: Rating, now: DateTime<Utc>) {
        self.answers.entry(criterion).or_default().rating = Some(rating);
        self.updated = now;
    }

    pub fn set_evidence(&mut self, criterion: Criterion, text: String, now: DateTime<Utc>) {
        self.answers.entry(criterion).or_default().evidence = text;
        self.updated = now;
    }

    /// Changes the framework. Answers are keyed by criterion, so answers to
    /// criteria both frameworks share carry over, and nothing is deleted.
    /// `None` goes back to the recommendation.
    pub fn set_framework(&mut self, framework: Option<Framework>, now: DateTime<Utc>) {
        self.framework_override = framework;
        self.step = self.step.normalized(self.framework());
        self.updated = now;
    }

    /// The 25,000–50,000 band runs BANT first; once it is done, MEDDIC is
    /// offered as a second, deeper pass.
    pub fn second_pass_available(&self) -> bool {
        self.framework() == Framework::Bant && self.plan() == Plan::BantThenMeddic
    }

    /// Starts the MEDDIC pass at its first criterion. BANT answers stay.
    pub fn start_second_pass(&mut self, now: DateTime<Utc>) {
        if self.second_pass_available() {
            self.framework_override = Some(Framework::Meddic);
            self.step = Step::Criterion(Framework::Meddic.criteria()[0]);
            self.updated = now;
        }
    }

    /// The BANT result kept from a first pass, shown beside a MEDDIC result.
    pub fn first_pass(&self) -> Option<Assessment> {
        let any_bant = Framework::Bant
            .criteria()
            .iter()
            .any(|c| self.answers.get(c).and_then(|a| a.rating).is_some());
        (self.framework() == Framework::Meddic && any_bant).then(|| {
            assess(
                Framework::Bant,
                &self.answers,
                self.acv_value().ok().flatten(),
                self.stakeholders_value().ok().flatten(),
            )
        })
    }

    /// Evidence typed for the current framework's criteria, in order.
    pub fn evidence(&self) -> Vec<(Criterion, Rating, &str)> {
        self.framework()
            .criteria()
            .iter()
            .filter_map(|c| {
                let a = self.answers.get(c)?;
                let e = a.evidence.trim();
                (!e.is_empty()).then_some((*c, a.effective(), e))
            })
            .collect()
    }
}
