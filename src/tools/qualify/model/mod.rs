//! Pure model of the qualify tool: deals, the four qualification frameworks,
//! the recommendation rules, scoring, verdict, warnings, gaps, the wizard
//! flow and the plain-text / Markdown summary.
//!
//! Nothing here touches the browser, so every rule is tested natively.

use super::content::{self, CriterionText};
use crate::numbers::{parse_number, NumberError, NumberRules};
use crate::storage::Document;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

// ---------------------------------------------------------------------------
// Frameworks and criteria
// ---------------------------------------------------------------------------

/// A qualification framework.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Framework {
    Bant,
    Meddic,
    Meddicc,
    Meddpicc,
}

impl Framework {
    pub const ALL: [Framework; 4] = [
        Framework::Bant,
        Framework::Meddic,
        Framework::Meddicc,
        Framework::Meddpicc,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Framework::Bant => "BANT",
            Framework::Meddic => "MEDDIC",
            Framework::Meddicc => "MEDDICC",
            Framework::Meddpicc => "MEDDPICC",
        }
    }

    /// Stable token for form values and storage.
    pub fn slug(self) -> &'static str {
        match self {
            Framework::Bant => "bant",
            Framework::Meddic => "meddic",
            Framework::Meddicc => "meddicc",
            Framework::Meddpicc => "meddpicc",
        }
    }

    pub fn from_slug(s: &str) -> Option<Framework> {
        Framework::ALL.into_iter().find(|f| f.slug() == s)
    }

    /// One line explaining the acronym, for the "What is this?" disclosure.
    pub fn explainer(self) -> &'static str {
        match self {
            Framework::Bant => "Budget, Authority, Need, Timeline: a quick four-point check for smaller, faster deals.",
            Framework::Meddic => "Metrics, Economic buyer, Decision criteria, Decision process, Identify pain, Champion: a deeper check for deals with several people involved.",
            Framework::Meddicc => "MEDDIC plus Competition, for bigger deals where you are one of several options.",
            Framework::Meddpicc => "MEDDICC plus Paper process, for large deals where legal, procurement and security reviews can stall the signature.",
        }
    }

    /// The criteria, one wizard step each, in the framework's own order.
    pub fn criteria(self) -> &'static [Criterion] {
        use Criterion::*;
        match self {
            Framework::Bant => &[Budget, Authority, Need, Timeline],
            Framework::Meddic => &[
                Metrics,
                EconomicBuyer,
                DecisionCriteria,
                DecisionProcess,
                IdentifyPain,
                Champion,
            ],
            Framework::Meddicc => &[
                Metrics,
                EconomicBuyer,
                DecisionCriteria,
                DecisionProcess,
                IdentifyPain,
                Champion,
                Competition,
            ],
            Framework::Meddpicc => &[
                Metrics,
                EconomicBuyer,
                DecisionCriteria,
                DecisionProcess,
                PaperProcess,
                IdentifyPain,
                Champion,
                Competition,
            ],
        }
    }

    /// The criterion that shows access to power.
    pub fn power_criterion(self) -> Criterion {
        match self {
            Framework::Bant => Criterion::Authority,
            _ => Criterion::EconomicBuyer,
        }
    }

    /// The criterion that shows urgency.
    pub fn urgency_criterion(self) -> Criterion {
        match self {
            Framework::Bant => Criterion::Timeline,
            _ => Criterion::IdentifyPain,
        }
    }
}

/// Every criterion of every framework. Answers are stored per criterion, not
/// per framework, so switching frameworks keeps what both share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    Budget,
    Authority,
    Need,
    Timeline,
    Metrics,
    EconomicBuyer,
    DecisionCriteria,
    DecisionProcess,
    PaperProcess,
    IdentifyPain,
    Champion,
    Competition,
}

impl Criterion {
    pub const ALL: [Criterion; 12] = [
        Criterion::Budget,
        Criterion::Authority,
        Criterion::Need,
        Criterion::Timeline,
        Criterion::Metrics,
        Criterion::EconomicBuyer,
        Criterion::DecisionCriteria,
        Criterion::DecisionProcess,
        Criterion::PaperProcess,
        Criterion::IdentifyPain,
        Criterion::Champion,
        Criterion::Competition,
    ];

    /// The display name, also the label of the radio group and the value of
    /// `data-criterion` on gap items.
    pub fn name(self) -> &'static str {
        match self {
            Criterion::Budget => "Budget",
            Criterion::Authority => "Authority",
            Criterion::Need => "Need",
            Criterion::Timeline => "Timeline",
            Criterion::Metrics => "Metrics",
            Criterion::EconomicBuyer => "Economic buyer",
            Criterion::DecisionCriteria => "Decision criteria",
            Criterion::DecisionProcess => "Decision process",
            Criterion::PaperProcess => "Paper process",
            Criterion::IdentifyPain => "Identify pain",
            Criterion::Champion => "Champion",
            Criterion::Competition => "Competition",
        }
    }

    /// Stable token for element ids.
    pub fn slug(self) -> &'static str {
        match self {
            Criterion::Budget => "budget",
            Criterion::Authority => "authority",
            Criterion::Need => "need",
            Criterion::Timeline => "timeline",
            Criterion::Metrics => "metrics",
            Criterion::EconomicBuyer => "economic-buyer",
            Criterion::DecisionCriteria => "decision-criteria",
            Criterion::DecisionProcess => "decision-process",
            Criterion::PaperProcess => "paper-process",
            Criterion::IdentifyPain => "identify-pain",
            Criterion::Champion => "champion",
            Criterion::Competition => "competition",
        }
    }

    pub fn text(self) -> &'static CriterionText {
        match self {
            Criterion::Budget => &content::BUDGET,
            Criterion::Authority => &content::AUTHORITY,
            Criterion::Need => &content::NEED,
            Criterion::Timeline => &content::TIMELINE,
            Criterion::Metrics => &content::METRICS,
            Criterion::EconomicBuyer => &content::ECONOMIC_BUYER,
            Criterion::DecisionCriteria => &content::DECISION_CRITERIA,
            Criterion::DecisionProcess => &content::DECISION_PROCESS,
            Criterion::PaperProcess => &content::PAPER_PROCESS,
            Criterion::IdentifyPain => &content::IDENTIFY_PAIN,
            Criterion::Champion => &content::CHAMPION,
            Criterion::Competition => &content::COMPETITION,
        }
    }

    /// The concrete next action for a criterion that is not confirmed yet.
    pub fn next_action(self, rating: Rating) -> &'static str {
        let t = self.text();
        match rating {
            Rating::RedFlag => t.act_red_flag,
            Rating::Unknown => t.act_unknown,
            Rating::Partially => t.act_partially,
            Rating::Confirmed => "",
        }
    }
}

/// The rep's answer to one criterion. The order is the order of the options
/// on screen and of the keys 1–4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    Confirmed,
    Partially,
    Unknown,
    RedFlag,
}

impl Rating {
    pub const ALL: [Rating; 4] = [
        Rating::Confirmed,
        Rating::Partially,
        Rating::Unknown,
        Rating::RedFlag,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Rating::Confirmed => "Confirmed",
            Rating::Partially => "Partially",
            Rating::Unknown => "Unknown",
            Rating::RedFlag => "Red flag",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Rating::Confirmed => "confirmed",
            Rating::Partially => "partially",
            Rating::Unknown => "unknown",
            Rating::RedFlag => "red-flag",
        }
    }

    /// A short explanation under each option.
    pub fn hint(self) -> &'static str {
        match self {
            Rating::Confirmed => "The buyer has done the thing that proves it.",
            Rating::Partially => "You have signs, but no proof from the buyer yet.",
            Rating::Unknown => "You haven't found out yet.",
            Rating::RedFlag => "What you learned works against the deal.",
        }
    }

    pub fn points(self) -> u32 {
        match self {
            Rating::Confirmed => 2,
            Rating::Partially => 1,
            Rating::Unknown | Rating::RedFlag => 0,
        }
    }

    /// Which key (1–4) picks this rating.
    pub fn from_key(key: &str) -> Option<Rating> {
        match key {
            "1" => Some(Rating::Confirmed),
            "2" => Some(Rating::Partially),
            "3" => Some(Rating::Unknown),
            "4" => Some(Rating::RedFlag),
            _ => None,
        }
    }

    /// Gap severity: red flags first, then unknowns, then partials.
    fn gap_rank(self) -> u8 {
        match self {
            Rating::RedFlag => 0,
            Rating::Unknown => 1,
            Rating::Partially => 2,
            Rating::Confirmed => 3,
        }
    }
}

/// One answered (or not yet answered) criterion.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answer {
    /// `None` until the rep picks an option; scored as Unknown.
    pub rating: Option<Rating>,
    /// What the customer said or did, in the rep's words.
    pub evidence: String,
}

impl Answer {
    pub fn effective(&self) -> Rating {
        self.rating.unwrap_or(Rating::Unknown)
    }
}

// ---------------------------------------------------------------------------
// Recommendations
// ---------------------------------------------------------------------------

/// ACV boundaries, in the deal's currency.
pub const BANT_BELOW: f64 = 25_000.0;
pub const BANT_THEN_MEDDIC_UP_TO: f64 = 50_000.0;
pub const MEDDICC_UP_TO: f64 = 250_000.0;
/// Multi-threading rule: deals above this need three or more stakeholders.
pub const MULTI_THREAD_ABOVE: f64 = 25_000.0;
pub const MIN_STAKEHOLDERS: u32 = 3;

/// What the wizard recommends for a deal's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plan {
    /// Under 25,000.
    Bant,
    /// 25,000 to 50,000: BANT, then MEDDIC as a second pass.
    BantThenMeddic,
    /// Over 50,000 up to 250,000.
    Meddicc,
    /// Over 250,000.
    Meddpicc,
    /// No contract value yet: BANT as the quickest filter.
    NoValueYet,
}

impl Plan {
    /// The framework the wizard runs first.
    pub fn first_framework(self) -> Framework {
        match self {
            Plan::Bant | Plan::BantThenMeddic | Plan::NoValueYet => Framework::Bant,
            Plan::Meddicc => Framework::Meddicc,
            Plan::Meddpicc => Framework::Meddpicc,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Plan::Bant | Plan::NoValueYet => "BANT",
            Plan::BantThenMeddic => "BANT first, then MEDDIC",
            Plan::Meddicc => "MEDDICC",
            Plan::Meddpicc => "MEDDPICC",
        }
    }

    /// The one-sentence reason shown with the recommendation.
    pub fn reason(self) -> &'static str {
        match self {
            Plan::Bant => "Under $25,000 a year, a quick four-point check keeps the deal moving.",
            Plan::BantThenMeddic => "From $25,000 to $50,000, filter fast with BANT, then go deeper with MEDDIC once the deal passes.",
            Plan::Meddicc => "Above $50,000, more people get involved, so check their process and your competition too.",
            Plan::Meddpicc => "Above $250,000, the contract faces legal and procurement reviews, so track the paper process as well.",
            Plan::NoValueYet => "Add the annual contract value for a pick that fits; until then, BANT is the quickest filter.",
        }
    }
}

/// Recommends a framework from the annual contract value.
pub fn recommend_framework(acv: Option<f64>) -> Plan {
    match acv {
        None => Plan::NoValueYet,
        Some(v) if !v.is_finite() => Plan::NoValueYet,
        Some(v) if v < BANT_BELOW => Plan::Bant,
        Some(v) if v <= BANT_THEN_MEDDIC_UP_TO => Plan::BantThenMeddic,
        Some(v) if v <= MEDDICC_UP_TO => Plan::Meddicc,
        Some(_) => Plan::Meddpicc,
    }
}

/// The conversation methodology.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Methodology {
    Challenger,
    Spin,
}

impl Methodology {
    pub fn name(self) -> &'static str {
        match self {
            Methodology::Challenger => "Challenger",
            Methodology::Spin => "SPIN",
        }
    }

    pub fn reason(self) -> &'static str {
        match self {
            Methodology::Challenger => "You're bringing something new to the category, so open with an insight that changes how the buyer sees their problem.",
            Methodology::Spin => "The buyer already knows this kind of product, so let well-ordered questions surface the problem and what fixing it is worth.",
        }
    }

    pub fn explainer(self) -> &'static str {
        match self {
            Methodology::Challenger => "Challenger: teach the buyer something new about their business that leads to your offer.",
            Methodology::Spin => "SPIN: ask about the Situation, the Problem, its Implications, and the Need-payoff of solving it.",
        }
    }
}

pub fn recommend_methodology(new_category: bool) -> Methodology {
    if new_category {
        Methodology::Challenger
    } else {
        Methodology::Spin
    }
}

// ---------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------

/// The verdict on a deal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Qualified,
    NeedsWork,
    Disqualify,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Qualified => "Qualified",
            Verdict::NeedsWork => "Needs work",
            Verdict::Disqualify => "Disqualify",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Verdict::Qualified => "qualified",
            Verdict::NeedsWork => "needs-work",
            Verdict::Disqualify => "disqualify",
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

/// A risk shown beside the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warning {
    SingleThreaded { stakeholders: u32 },
    NoAccessToPower { criterion: Criterion },
    NoUrgency { criterion: Criterion },
}

impl Warning {
    pub fn title(self) -> &'static str {
        match self {
            Warning::SingleThreaded { .. } => "Single-threaded",
            Warning::NoAccessToPower { .. } => "No access to power",
            Warning::NoUrgency { .. } => "No urgency",
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
                    "{who} engaged on a deal over $25,000. Reach at least {MIN_STAKEHOLDERS}, so the deal survives if your contact leaves."
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
    let mut out: Vec<Gap> = framework
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
    // `sort_by_key` is stable, so the framework order survives within a group.
    out.sort_by_key(|g| g.rating.gap_rank());
    out
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
    Assessment {
        framework,
        score: s,
        verdict: verdict(s, red_flags),
        red_flags,
        answered: framework
            .criteria()
            .iter()
            .filter(|c| answers.get(c).and_then(|a| a.rating).is_some())
            .count(),
        total: framework.criteria().len(),
        warnings,
        gaps: gaps(framework, answers),
    }
}

// ---------------------------------------------------------------------------
// Wizard steps
// ---------------------------------------------------------------------------

/// Where a deal's wizard stands. Persisted, so leaving and coming back
/// resumes here.
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

// ---------------------------------------------------------------------------
// Deals
// ---------------------------------------------------------------------------

/// Field rules: both optional (blank is "not known yet"), never negative.
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
    /// `None` follows the recommendation.
    pub framework_override: Option<Framework>,
    /// Answers for every criterion ever answered, across frameworks.
    pub answers: BTreeMap<Criterion, Answer>,
    pub step: Step,
    pub created: DateTime<Utc>,
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
        parse_number(&self.acv, ACV_RULES)
    }

    pub fn stakeholders_value(&self) -> Result<Option<u32>, NumberError> {
        parse_number(&self.stakeholders, STAKEHOLDER_RULES)
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

// ---------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------

/// Everything the qualify tool persists.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DealsDoc {
    pub deals: Vec<Deal>,
}

impl Document for DealsDoc {
    const KEY: &'static str = "qualify";
    const VERSION: u32 = 1;
}

/// A deleted deal and where it was, so Undo puts it back exactly.
#[derive(Debug, Clone, PartialEq)]
pub struct Removed {
    pub deal: Deal,
    pub index: usize,
}

impl DealsDoc {
    pub fn get(&self, id: &str) -> Option<&Deal> {
        self.deals.iter().find(|d| d.id == id)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Deal> {
        self.deals.iter_mut().find(|d| d.id == id)
    }

    /// A new id, unique in this document: time in base 36 plus a caller
    /// supplied salt (random in the browser) so two tabs don't collide.
    pub fn fresh_id(&self, now: DateTime<Utc>, salt: u32) -> String {
        let base = format!(
            "{}{}",
            to_base36(now.timestamp_millis().max(0) as u64),
            to_base36(salt as u64)
        );
        let mut id = base.clone();
        let mut n = 2;
        while self.get(&id).is_some() {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    /// Adds an empty deal and returns its id.
    pub fn create(&mut self, now: DateTime<Utc>, salt: u32) -> String {
        let id = self.fresh_id(now, salt);
        self.deals.push(Deal::new(id.clone(), now));
        id
    }

    pub fn rename(&mut self, id: &str, name: &str, now: DateTime<Utc>) -> bool {
        match self.get_mut(id) {
            Some(d) => {
                d.name = name.trim().to_string();
                d.updated = now;
                true
            }
            None => false,
        }
    }

    /// Copies a deal, answers and all, under "<name> (copy)".
    pub fn duplicate(&mut self, id: &str, now: DateTime<Utc>, salt: u32) -> Option<String> {
        let source = self.get(id)?.clone();
        let new_id = self.fresh_id(now, salt);
        let copy = Deal {
            id: new_id.clone(),
            name: format!("{} (copy)", source.display_name()),
            created: now,
            updated: now,
            ..source
        };
        self.deals.push(copy);
        Some(new_id)
    }

    pub fn delete(&mut self, id: &str) -> Option<Removed> {
        let index = self.deals.iter().position(|d| d.id == id)?;
        Some(Removed {
            deal: self.deals.remove(index),
            index,
        })
    }

    /// Undo of `delete`. Does nothing if the deal is back already (e.g.
    /// restored from another tab).
    pub fn restore(&mut self, removed: Removed) {
        if self.get(&removed.deal.id).is_none() {
            let at = removed.index.min(self.deals.len());
            self.deals.insert(at, removed.deal);
        }
    }

    /// Deals, most recently updated first (ties: newest created, then id).
    pub fn sorted(&self) -> Vec<&Deal> {
        let mut v: Vec<&Deal> = self.deals.iter().collect();
        v.sort_by(|a, b| {
            b.updated
                .cmp(&a.updated)
                .then(b.created.cmp(&a.created))
                .then(a.id.cmp(&b.id))
        });
        v
    }
}

/// For the discovery tool's "link to a deal" picker: (id, label), most
/// recently updated first.
pub fn deal_choices(doc: &DealsDoc) -> Vec<(String, String)> {
    doc.sorted()
        .into_iter()
        .map(|d| {
            let company = d.company.trim();
            let label = if company.is_empty() {
                d.display_name().to_string()
            } else {
                format!("{} ({company})", d.display_name())
            };
            (d.id.clone(), label)
        })
        .collect()
}

fn to_base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    if n == 0 {
        return "0".into();
    }
    let mut out = Vec::new();
    while n > 0 {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

// ---------------------------------------------------------------------------
// Screens, edits and list rows (what the views render and send back)
// ---------------------------------------------------------------------------

/// Which screen the route's rest (after `#/qualify/`) opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    List,
    Deal(String),
}

/// `""` → the list; `deal/<id>` → that deal. Anything else shows the list.
pub fn parse_rest(rest: &str) -> Screen {
    match rest.trim_matches('/').split_once('/') {
        Some(("deal", id)) if !id.is_empty() && !id.contains('/') => Screen::Deal(id.to_string()),
        _ => Screen::List,
    }
}

/// The route rest that opens a deal.
pub fn deal_rest(id: &str) -> String {
    format!("deal/{id}")
}

/// Every edit the wizard can make to a deal. The views send these; `apply`
/// is the one place a deal changes.
#[derive(Debug, Clone, PartialEq)]
pub enum DealAction {
    Name(String),
    Company(String),
    Acv(String),
    Stakeholders(String),
    NewCategory(bool),
    Framework(Option<Framework>),
    Answer(Criterion, Rating),
    Evidence(Criterion, String),
    Next,
    Back,
    GoTo(Step),
    StartSecondPass,
}

impl Deal {
    /// Applies an edit and returns the step the wizard is at afterwards.
    /// Only `Next` from the basics can fail (inline errors to show).
    pub fn apply(&mut self, action: DealAction, now: DateTime<Utc>) -> Result<Step, BasicsErrors> {
        match action {
            DealAction::Name(v) => self.name = v,
            DealAction::Company(v) => self.company = v,
            DealAction::Acv(v) => self.acv = v,
            DealAction::Stakeholders(v) => self.stakeholders = v,
            DealAction::NewCategory(v) => self.new_category = v,
            DealAction::Framework(f) => self.set_framework(f, now),
            DealAction::Answer(c, r) => self.answer(c, r, now),
            DealAction::Evidence(c, e) => self.set_evidence(c, e, now),
            DealAction::Next => return self.next(now),
            DealAction::Back => return Ok(self.back(now)),
            DealAction::GoTo(s) => self.go_to(s, now),
            DealAction::StartSecondPass => self.start_second_pass(now),
        }
        self.updated = now;
        Ok(self.current_step())
    }
}

/// One row of the deal list, computed once per change so a long list
/// renders without re-deriving anything per cell.
#[derive(Debug, Clone, PartialEq)]
pub struct DealRow {
    pub id: String,
    pub name: String,
    pub company: String,
    pub acv: String,
    pub framework: Framework,
    /// `None` until at least one criterion is answered.
    pub score: Option<u32>,
    pub verdict: Option<Verdict>,
    pub updated: DateTime<Utc>,
    /// Where "Open" resumes, e.g. "Need (4 of 6)".
    pub resume: String,
    pub finished: bool,
}

/// The list rows, most recently updated first.
pub fn deal_rows(doc: &DealsDoc) -> Vec<DealRow> {
    doc.sorted()
        .into_iter()
        .map(|d| {
            let a = d.assessment();
            let step = d.current_step();
            let (at, total) = step.position(a.framework);
            let started = a.answered > 0;
            DealRow {
                id: d.id.clone(),
                name: d.display_name().to_string(),
                company: d.company.trim().to_string(),
                acv: match d.acv_value() {
                    Ok(Some(v)) => format_money(v),
                    _ => "—".into(),
                },
                framework: a.framework,
                score: started.then_some(a.score),
                verdict: started.then_some(a.verdict),
                updated: d.updated,
                resume: format!("{} ({at} of {total})", step.label(a.framework)),
                finished: step == Step::Summary,
            }
        })
        .collect()
}

/// "just now", "5 min ago", "3 h ago", "yesterday", "Mon", or "12 Mar 2026",
/// from local times so "yesterday" matches the reader's calendar.
pub fn relative_time(then: chrono::NaiveDateTime, now: chrono::NaiveDateTime) -> String {
    let secs = (now - then).num_seconds();
    let days = (now.date() - then.date()).num_days();
    if secs < 0 {
        return crate::dates::day_month_year(then.date());
    }
    if secs < 60 {
        "just now".into()
    } else if secs < 3600 {
        format!("{} min ago", secs / 60)
    } else if days == 0 {
        format!("{} h ago", secs / 3600)
    } else if days == 1 {
        "yesterday".into()
    } else if days < 7 {
        crate::dates::weekday_name(then.date()).to_string()
    } else {
        crate::dates::day_month_year(then.date())
    }
}

// ---------------------------------------------------------------------------
// Summary text
// ---------------------------------------------------------------------------

/// "$1,234" or "$1,234.50"; used in the copied and downloaded summary,
/// where the browser's Intl formatter is not available.
pub fn format_money(v: f64) -> String {
    let v = crate::numbers::finite_non_negative(v);
    let cents = (v * 100.0).round() as u64;
    let whole = cents / 100;
    let frac = cents % 100;
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    if frac == 0 {
        format!("${grouped}")
    } else {
        format!("${grouped}.{frac:02}")
    }
}

/// The contract value for display: formatted, "not set" or "not valid".
pub fn acv_display(deal: &Deal) -> String {
    match deal.acv_value() {
        Ok(Some(v)) => format_money(v),
        Ok(None) => "not set".into(),
        Err(_) => "not valid".into(),
    }
}

fn stakeholders_display(deal: &Deal) -> String {
    match deal.stakeholders_value() {
        Ok(Some(n)) => n.to_string(),
        Ok(None) => "not set".into(),
        Err(_) => "not valid".into(),
    }
}

/// Collapses line breaks so user text can't break the note's layout.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Escapes characters that Markdown would otherwise interpret.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in one_line(s).chars() {
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '<' | '>' | '|'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

fn gap_label(g: &Gap) -> &'static str {
    if g.unanswered {
        "Not answered"
    } else {
        g.rating.label()
    }
}

/// The summary as plain text that pastes cleanly into a CRM note.
pub fn summary_text(deal: &Deal) -> String {
    let a = deal.assessment();
    let mut s = String::new();
    let company = one_line(&deal.company);
    s.push_str(&format!("Deal: {}", one_line(deal.display_name())));
    if !company.is_empty() {
        s.push_str(&format!(" ({company})"));
    }
    s.push('\n');
    s.push_str(&format!(
        "Annual contract value: {}. Stakeholders engaged: {}.\n",
        acv_display(deal),
        stakeholders_display(deal)
    ));
    s.push_str(&format!(
        "Framework: {}. Methodology: {}.\n",
        a.framework.name(),
        deal.methodology().name()
    ));
    s.push_str(&format!(
        "Score: {}/100. Verdict: {}.\n",
        a.score,
        a.verdict.label()
    ));
    if let Some(fp) = deal.first_pass() {
        s.push_str(&format!(
            "BANT first pass: {}/100, {}.\n",
            fp.score,
            fp.verdict.label()
        ));
    }
    s.push_str("\nWarnings:\n");
    if a.warnings.is_empty() {
        s.push_str("- None\n");
    }
    for w in &a.warnings {
        s.push_str(&format!("- {}: {}\n", w.title(), w.detail()));
    }
    s.push_str("\nNext actions:\n");
    if a.gaps.is_empty() {
        s.push_str("- None: every criterion is confirmed.\n");
    }
    for (i, g) in a.gaps.iter().enumerate() {
        s.push_str(&format!(
            "{}. {} ({}): {}\n",
            i + 1,
            g.criterion.name(),
            gap_label(g),
            g.action
        ));
    }
    s.push_str("\nEvidence:\n");
    let ev = deal.evidence();
    if ev.is_empty() {
        s.push_str("- None recorded yet\n");
    }
    for (c, r, e) in ev {
        s.push_str(&format!(
            "- {} ({}): {}\n",
            c.name(),
            r.label(),
            one_line(e)
        ));
    }
    s.push_str(&format!(
        "\nUpdated {} with Stagecraft.\n",
        crate::dates::iso_date(deal.updated.date_naive())
    ));
    s
}

/// The summary as a Markdown file.
pub fn summary_markdown(deal: &Deal) -> String {
    let a = deal.assessment();
    let mut s = String::new();
    s.push_str(&format!(
        "# Deal brief: {}\n\n",
        md_escape(deal.display_name())
    ));
    let company = md_escape(&deal.company);
    if !company.is_empty() {
        s.push_str(&format!("- **Company:** {company}\n"));
    }
    s.push_str(&format!(
        "- **Annual contract value:** {}\n",
        acv_display(deal)
    ));
    s.push_str(&format!(
        "- **Stakeholders engaged:** {}\n",
        stakeholders_display(deal)
    ));
    s.push_str(&format!("- **Framework:** {}\n", a.framework.name()));
    s.push_str(&format!(
        "- **Methodology:** {}\n",
        deal.methodology().name()
    ));
    s.push_str(&format!(
        "- **Updated:** {}\n\n",
        crate::dates::iso_date(deal.updated.date_naive())
    ));
    s.push_str(&format!(
        "## Verdict: {} ({}/100)\n\n{}\n\n",
        a.verdict.label(),
        a.score,
        a.verdict.meaning()
    ));
    if let Some(fp) = deal.first_pass() {
        s.push_str(&format!(
            "BANT first pass: {}/100, {}.\n\n",
            fp.score,
            fp.verdict.label()
        ));
    }
    s.push_str("## Warnings\n\n");
    if a.warnings.is_empty() {
        s.push_str("None.\n");
    }
    for w in &a.warnings {
        s.push_str(&format!("- **{}:** {}\n", w.title(), w.detail()));
    }
    s.push_str("\n## Next actions\n\n");
    if a.gaps.is_empty() {
        s.push_str("None: every criterion is confirmed.\n");
    }
    for (i, g) in a.gaps.iter().enumerate() {
        s.push_str(&format!(
            "{}. **{}** ({}): {}\n",
            i + 1,
            g.criterion.name(),
            gap_label(g),
            g.action
        ));
    }
    s.push_str("\n## Evidence\n\n");
    let ev = deal.evidence();
    if ev.is_empty() {
        s.push_str("None recorded yet.\n");
    }
    for (c, r, e) in ev {
        s.push_str(&format!(
            "- **{}** ({}): {}\n",
            c.name(),
            r.label(),
            md_escape(e)
        ));
    }
    s
}

/// A file name for the Markdown download: letters, digits and dashes.
pub fn summary_filename(deal: &Deal) -> String {
    let mut slug = String::new();
    for ch in deal.display_name().chars() {
        if ch.is_ascii_alphanumeric() {
            slug.push(ch.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "deal" } else { slug };
    format!("{slug}-qualification.md")
}

// Native only: proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
