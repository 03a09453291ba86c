//! Screens, edits and list rows: what the views render and send back.

use super::{BasicsErrors, Criterion, Deal, DealsDoc, Framework, Rating, Step, Verdict};
use chrono::{DateTime, Utc};

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
    CloseDate(Option<chrono::NaiveDate>),
    /// Moves the deal to a stage, entered on the given day.
    Stage(crate::tools::benchmarks::model::Stage, chrono::NaiveDate),
    StageSince(Option<chrono::NaiveDate>),
    NextStep(String),
    NextStepDue(Option<chrono::NaiveDate>),
    Snooze(Option<super::Snooze>),
    Framework(Option<Framework>),
    Answer(Criterion, Rating),
    Evidence(Criterion, String),
    Next,
    Back,
    GoTo(Step),
    StartSecondPass,
}

/// Something the view must do once after an action, beyond re-rendering;
/// the same contract as the audit tool's reducer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The wizard just reached the summary: tell an embedding host, once.
    Completed { score: u32, verdict: Verdict },
}

/// What one action did: where the wizard is (or the basics' inline
/// errors), and what the view must do once because of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    pub step: Result<Step, BasicsErrors>,
    pub outcome: Option<Outcome>,
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
            DealAction::CloseDate(d) => self.close_date = d,
            DealAction::Stage(stage, today) => {
                if stage != self.stage {
                    self.stage = stage;
                    self.stage_since = Some(today);
                    // A snooze was about the old stage.
                    self.snooze = None;
                }
            }
            DealAction::StageSince(d) => self.stage_since = d,
            DealAction::NextStep(v) => self.next_step = v,
            DealAction::NextStepDue(d) => self.next_step_due = d,
            DealAction::Snooze(s) => self.snooze = s,
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

    /// The wizard's reducer: `apply`, plus the outcome. Arriving at the
    /// summary from any other step completes the qualification (staying on
    /// it, e.g. typing nothing new, does not complete it again), once every
    /// criterion is assessed: an "Incomplete" deal is not a result to report.
    pub fn reduce(&mut self, action: DealAction, now: DateTime<Utc>) -> Applied {
        let before = self.current_step();
        let step = self.apply(action, now);
        let arrived = step == Ok(Step::Summary) && before != Step::Summary;
        let a = arrived.then(|| self.assessment());
        let outcome = a
            .filter(|a| a.verdict != Verdict::Incomplete)
            .map(|a| Outcome::Completed {
                score: a.score,
                verdict: a.verdict,
            });
        Applied { step, outcome }
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
    /// Criteria assessed, of the framework's total.
    pub assessed: (usize, usize),
    /// The contract value as a number, for sorting (`None` if blank or bad).
    pub acv_value: Option<f64>,
    pub close_date: Option<chrono::NaiveDate>,
    pub stage: crate::tools::benchmarks::model::Stage,
    /// Stale, overdue or missing next step, as phrases (see `DealFlags`).
    pub flags: Vec<String>,
    /// Past its stage's limit (shown even while snoozed, so the row can
    /// offer to snooze or end it).
    pub stale: bool,
    pub snoozed: Option<super::Snooze>,
}

/// The orders the deal list offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DealSort {
    /// Most recently updated first.
    #[default]
    Updated,
    /// A to Z.
    Name,
    /// Biggest first.
    Value,
    /// Highest first.
    Score,
    /// Qualified, needs work, in progress, disqualify, not started.
    Verdict,
    /// Soonest first.
    CloseDate,
}

impl DealSort {
    pub const ALL: [DealSort; 6] = [
        DealSort::Updated,
        DealSort::Name,
        DealSort::Value,
        DealSort::Score,
        DealSort::Verdict,
        DealSort::CloseDate,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DealSort::Updated => "Last updated",
            DealSort::Name => "Deal name",
            DealSort::Value => "Annual contract value",
            DealSort::Score => "Score",
            DealSort::Verdict => "Verdict",
            DealSort::CloseDate => "Close date",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            DealSort::Updated => "updated",
            DealSort::Name => "name",
            DealSort::Value => "value",
            DealSort::Score => "score",
            DealSort::Verdict => "verdict",
            DealSort::CloseDate => "close",
        }
    }

    pub fn from_slug(slug: &str) -> DealSort {
        DealSort::ALL
            .into_iter()
            .find(|s| s.slug() == slug)
            .unwrap_or_default()
    }
}

/// Where a verdict sorts: the deals worth time first, unstarted ones last.
fn verdict_rank(v: Option<Verdict>) -> u8 {
    match v {
        Some(Verdict::Qualified) => 0,
        Some(Verdict::NeedsWork) => 1,
        Some(Verdict::Incomplete) => 2,
        Some(Verdict::Disqualify) => 3,
        None => 4,
    }
}

/// The list filter by verdict: `None` shows every deal; "In progress" is
/// `Verdict::Incomplete`, "Not started" is a deal with nothing answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerdictFilter {
    Is(Verdict),
    NotStarted,
}

impl VerdictFilter {
    pub const ALL: [VerdictFilter; 5] = [
        VerdictFilter::Is(Verdict::Qualified),
        VerdictFilter::Is(Verdict::NeedsWork),
        VerdictFilter::Is(Verdict::Incomplete),
        VerdictFilter::Is(Verdict::Disqualify),
        VerdictFilter::NotStarted,
    ];

    pub fn label(self) -> &'static str {
        match self {
            VerdictFilter::Is(Verdict::Incomplete) => "In progress",
            VerdictFilter::Is(v) => v.label(),
            VerdictFilter::NotStarted => "Not started",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            VerdictFilter::Is(v) => v.slug(),
            VerdictFilter::NotStarted => "not-started",
        }
    }

    pub fn from_slug(slug: &str) -> Option<VerdictFilter> {
        VerdictFilter::ALL.into_iter().find(|f| f.slug() == slug)
    }

    pub fn matches(self, row: &DealRow) -> bool {
        match self {
            VerdictFilter::Is(v) => row.verdict == Some(v),
            VerdictFilter::NotStarted => row.verdict.is_none(),
        }
    }
}

/// `rows` in `order`. Blank values (no contract value, no score, no close
/// date) sort last in every order, and ties keep the most recently updated
/// first, so the order never depends on anything the rep can't see.
pub fn sort_rows(rows: &mut [DealRow], order: DealSort) {
    use std::cmp::Ordering;
    let by_value = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => b.total_cmp(&a),
        (a, b) => a.is_none().cmp(&b.is_none()),
    };
    rows.sort_by(|a, b| {
        let primary = match order {
            DealSort::Updated => Ordering::Equal,
            DealSort::Name => crate::text::lower(&a.name).cmp(&crate::text::lower(&b.name)),
            DealSort::Value => by_value(a.acv_value, b.acv_value),
            DealSort::Score => by_value(a.score.map(f64::from), b.score.map(f64::from)),
            DealSort::Verdict => verdict_rank(a.verdict).cmp(&verdict_rank(b.verdict)),
            DealSort::CloseDate => {
                (a.close_date.is_none(), a.close_date).cmp(&(b.close_date.is_none(), b.close_date))
            }
        };
        primary
            .then(b.updated.cmp(&a.updated))
            .then(a.id.cmp(&b.id))
    });
}

/// The list rows, most recently updated first, flagged as of `today`.
pub fn deal_rows(doc: &DealsDoc, today: chrono::NaiveDate) -> Vec<DealRow> {
    doc.sorted()
        .into_iter()
        .map(|d| {
            let a = d.assessment();
            let step = d.current_step();
            let (at, total) = step.position(a.framework);
            let started = a.answered > 0;
            let flags = d.flags(today);
            DealRow {
                id: d.id.clone(),
                name: d.display_name().to_string(),
                company: d.company.trim().to_string(),
                acv: match d.acv_value() {
                    Ok(Some(v)) => crate::text::money(v),
                    _ => "—".into(),
                },
                framework: a.framework,
                score: started.then_some(a.score),
                verdict: started.then_some(a.verdict),
                updated: d.updated,
                resume: format!("{} ({at} of {total})", step.label(a.framework)),
                finished: step == Step::Summary,
                assessed: (a.answered, a.total),
                acv_value: d.acv_value().ok().flatten(),
                close_date: d.close_date,
                stage: d.stage,
                flags: flags.phrases(d.stage),
                stale: flags.stale.is_some(),
                snoozed: flags.snoozed,
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
