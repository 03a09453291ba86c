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
