//! Calls and the stored document: one call, every edit a rep makes to it,
//! and the list of calls.

use super::clock::floor_now;
use super::{
    budget_status, multithread, talk_share, ActionItem, BudgetStatus, CallClock, ClockAction,
    DecisionProcess, MultiThread, Outcome, Pain, PerSection, Phase, Role, Section, Side, Speaker,
    Stakeholder, TalkBalance, Topic, CALL_LIMIT_SECS, DEFAULT_SECTION_MINUTES,
};
use crate::numbers::{read, FieldKind, NumberRules};
use crate::storage::Document;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// One discovery call and everything captured in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Call {
    pub id: u64,
    #[serde(default)]
    pub title: String,
    /// The qualification deal this call belongs to, if linked.
    #[serde(default)]
    pub deal_id: Option<String>,
    #[serde(with = "crate::dates::iso_serde")]
    pub date: NaiveDate,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub updated_at: DateTime<Utc>,
    /// "Minutes per section", as typed.
    #[serde(default = "default_minutes")]
    pub section_minutes: String,
    #[serde(default)]
    pub clock: CallClock,
    #[serde(default)]
    pub talk: TalkBalance,
    #[serde(default)]
    pub notes: PerSection<String>,
    /// Ids of ticked questions (see `bank`), in the order they were asked.
    #[serde(default)]
    pub asked: Vec<String>,
    #[serde(default)]
    pub pain: Pain,
    #[serde(default)]
    pub stakeholders: Vec<Stakeholder>,
    #[serde(default)]
    pub outcome: Outcome,
    #[serde(default)]
    pub decision: DecisionProcess,
    #[serde(default)]
    pub plan: Vec<ActionItem>,
    /// Source of ids for stakeholders and action items in this call.
    #[serde(default)]
    pub next_item_id: u64,
}

/// An id from 1 up that no id in `used` has: `next` or one past the
/// largest used, whichever is higher, so ids are not reused after a delete.
/// When the largest is `u64::MAX` (a stored or imported document can say
/// anything) there is no "one past", and `max + 1` would wrap onto an
/// existing item: the smallest free id is taken instead. No sort: of
/// 1..=len+1 at least one is free, and a table of that size finds it.
pub fn fresh_id(used: &[u64], next: u64) -> u64 {
    let max = used.iter().copied().max().unwrap_or(0);
    if let Some(past) = max.checked_add(1) {
        return next.max(past).max(1);
    }
    let mut taken = vec![false; used.len() + 2];
    for &id in used {
        if let Some(slot) = usize::try_from(id).ok().and_then(|i| taken.get_mut(i)) {
            *slot = true;
        }
    }
    (1..taken.len()).find(|&i| !taken[i]).unwrap_or(1) as u64
}

fn default_minutes() -> String {
    DEFAULT_SECTION_MINUTES.to_string()
}

/// Why a "Minutes per section" entry is refused.
pub fn parse_section_minutes(raw: &str) -> Result<u64, String> {
    let rules = NumberRules {
        integer: false,
        max: Some(60.0),
        required: true,
    };
    match read(raw, FieldKind::Decimal, rules) {
        Ok(Some(m)) if m >= 1.0 => Ok((m * 60.0).round() as u64),
        Ok(_) => Err("Enter at least 1 minute.".into()),
        Err(e) => Err(e.to_string()),
    }
}

impl Call {
    pub fn new(id: u64, title: String, date: NaiveDate, now: DateTime<Utc>) -> Call {
        Call {
            id,
            title,
            deal_id: None,
            date,
            created_at: now,
            updated_at: now,
            section_minutes: default_minutes(),
            clock: CallClock::default(),
            talk: TalkBalance::default(),
            notes: PerSection::default(),
            asked: Vec::new(),
            pain: Pain::default(),
            stakeholders: Vec::new(),
            outcome: Outcome::default(),
            decision: DecisionProcess::default(),
            plan: Vec::new(),
            next_item_id: 1,
        }
    }

    /// The title to show; untitled calls still get a readable name.
    pub fn display_title(&self) -> String {
        display_title(&self.title, self.date)
    }

    /// Seconds per section; an invalid entry falls back to the default so
    /// the clocks keep working while the field shows its error.
    pub fn section_budget_secs(&self) -> u64 {
        parse_section_minutes(&self.section_minutes).unwrap_or(DEFAULT_SECTION_MINUTES * 60)
    }

    /// `now`, never earlier than anything the clocks already recorded, so
    /// call time and talk time are measured against the same instant.
    fn floor(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        floor_now(now, [self.clock.latest(), self.talk.latest()])
    }

    pub fn section_secs(&self, s: Section, now: DateTime<Utc>) -> u64 {
        self.clock.section_secs(s, self.floor(now))
    }

    pub fn call_secs(&self, now: DateTime<Utc>) -> u64 {
        self.clock.call_secs(self.floor(now))
    }

    /// (rep seconds, buyer seconds).
    pub fn talk_secs(&self, now: DateTime<Utc>) -> (u64, u64) {
        self.talk.seconds(self.floor(now))
    }

    /// The rep's share of talk time as a whole percent.
    pub fn rep_share(&self, now: DateTime<Utc>) -> Option<u8> {
        let (rep, buyer) = self.talk_secs(now);
        talk_share(rep, buyer)
    }

    pub fn over_call_limit(&self, now: DateTime<Utc>) -> bool {
        self.call_secs(now) > CALL_LIMIT_SECS
    }

    pub fn section_status(&self, s: Section, now: DateTime<Utc>) -> BudgetStatus {
        budget_status(self.section_secs(s, now), self.section_budget_secs())
    }

    pub fn notes_for(&self, s: Section) -> &str {
        self.notes.get(s)
    }

    /// Clock actions also stop talk time when the call stops, so a paused
    /// call can't keep counting someone's talking.
    pub fn apply_clock(&mut self, action: ClockAction, now: DateTime<Utc>) {
        let now = self.floor(now);
        self.clock.apply(action, now);
        if !self.clock.call.is_running() {
            self.talk.stop(now);
        }
    }

    /// A talk toggle. Talking starts the call clock too, so a rep who
    /// forgot to press Start still gets correct timings.
    pub fn toggle_talk(&mut self, who: Speaker, now: DateTime<Utc>) {
        let now = self.floor(now);
        if self.clock.phase() != Phase::Live {
            self.clock.apply(ClockAction::Start, now);
        }
        self.talk.toggle(who, now);
    }

    /// Whether a question from the bank is ticked.
    pub fn has_asked(&self, question_id: &str) -> bool {
        self.asked.iter().any(|q| q == question_id)
    }

    pub fn toggle_asked(&mut self, question_id: &str) {
        match self.asked.iter().position(|q| q == question_id) {
            Some(i) => {
                self.asked.remove(i);
            }
            None => self.asked.push(question_id.to_string()),
        }
    }

    fn take_id(&mut self) -> u64 {
        let used: Vec<u64> = self
            .stakeholders
            .iter()
            .map(|s| s.id)
            .chain(self.plan.iter().map(|i| i.id))
            .collect();
        let id = fresh_id(&used, self.next_item_id);
        self.next_item_id = id.saturating_add(1);
        id
    }

    pub fn add_stakeholder(&mut self) -> u64 {
        let id = self.take_id();
        self.stakeholders.push(Stakeholder {
            id,
            ..Stakeholder::default()
        });
        id
    }

    pub fn add_action(&mut self) -> u64 {
        let id = self.take_id();
        self.plan.push(ActionItem {
            id,
            ..ActionItem::default()
        });
        id
    }

    pub fn multithread(&self) -> MultiThread {
        multithread(&self.stakeholders)
    }

    /// The topics still missing, in a fixed order.
    pub fn missing_topics(&self) -> Vec<Topic> {
        Topic::ALL
            .into_iter()
            .filter(|t| !self.covers(*t))
            .collect()
    }

    pub fn covers(&self, topic: Topic) -> bool {
        match topic {
            Topic::NotesCurrentState => !self.notes_for(Section::CurrentState).trim().is_empty(),
            Topic::NotesPain => !self.notes_for(Section::Pain).trim().is_empty(),
            Topic::NotesFutureState => !self.notes_for(Section::FutureState).trim().is_empty(),
            Topic::NotesDecisionProcess => {
                !self.notes_for(Section::DecisionProcess).trim().is_empty()
            }
            Topic::QuantifiedPain => self.pain.is_quantified(),
            Topic::EconomicBuyer => self.multithread().has_economic_buyer,
            Topic::DecisionDate => self.decision.decision_date.is_some(),
            Topic::NextStep => self.plan.iter().any(|i| i.is_next_step(self.date)),
        }
    }

    /// A copy to reuse as the start of a follow-up call: everything
    /// captured is kept, the clocks and talk time start fresh.
    pub fn duplicate(&self, id: u64, today: NaiveDate, now: DateTime<Utc>) -> Call {
        Call {
            id,
            title: format!("{} (copy)", self.display_title()),
            date: today,
            created_at: now,
            updated_at: now,
            clock: CallClock::default(),
            talk: TalkBalance::default(),
            ..self.clone()
        }
    }
}

/// One change a rep makes to a call. The views send these up through a
/// single callback, and `Call::apply` is the only place a call changes, so
/// every rule (touching the call, resetting a confirmation when a date
/// changes, starting the call on the first talk toggle) lives here.
#[derive(Debug, Clone, PartialEq)]
pub enum CallEdit {
    Title(String),
    /// The linked qualification deal (`None` to unlink).
    Deal(Option<String>),
    Date(NaiveDate),
    SectionMinutes(String),
    Clock(ClockAction),
    Talk(Speaker),
    Notes(Section, String),
    ToggleAsked(String),
    PainText(String),
    MonthlyCost(String),
    AnnualPrice(String),
    AddStakeholder,
    RemoveStakeholder(u64),
    /// Undo of a removal: the stakeholder goes back where it was.
    RestoreStakeholder(usize, Stakeholder),
    StakeholderName(u64, String),
    StakeholderTitle(u64, String),
    StakeholderRole(u64, Role),
    StakeholderEmail(u64, String),
    StakeholderPhone(u64, String),
    OutcomeMetric(String),
    OutcomeTarget(String),
    DecisionSteps(String),
    DecisionDate(Option<NaiveDate>),
    Competitors(String),
    AddAction,
    RemoveAction(u64),
    RestoreAction(ActionItem),
    ActionText(u64, String),
    ActionOwner(u64, Side),
    ActionDue(u64, Option<NaiveDate>),
    ActionDone(u64, bool),
    /// "Keep this date": the rep meant a due date before the call date.
    ConfirmEarlyDue(u64),
}

impl Call {
    fn stakeholder_mut(&mut self, id: u64) -> Option<&mut Stakeholder> {
        self.stakeholders.iter_mut().find(|s| s.id == id)
    }

    fn action_mut(&mut self, id: u64) -> Option<&mut ActionItem> {
        self.plan.iter_mut().find(|i| i.id == id)
    }

    /// Applies one edit at `now`. Edits aimed at a row that no longer
    /// exists (deleted in another tab) are ignored.
    pub fn apply(&mut self, edit: CallEdit, now: DateTime<Utc>) {
        match edit {
            CallEdit::Title(t) => self.title = t,
            CallEdit::Deal(d) => self.deal_id = d.filter(|d| !d.is_empty()),
            CallEdit::Date(d) => self.date = d,
            CallEdit::SectionMinutes(m) => self.section_minutes = m,
            CallEdit::Clock(a) => self.apply_clock(a, now),
            CallEdit::Talk(s) => self.toggle_talk(s, now),
            CallEdit::Notes(s, text) => {
                self.notes.insert(s, text);
            }
            CallEdit::ToggleAsked(id) => self.toggle_asked(&id),
            CallEdit::PainText(t) => self.pain.description = t,
            CallEdit::MonthlyCost(t) => self.pain.monthly_cost = t,
            CallEdit::AnnualPrice(t) => self.pain.annual_price = t,
            CallEdit::AddStakeholder => {
                self.add_stakeholder();
            }
            CallEdit::RemoveStakeholder(id) => self.stakeholders.retain(|s| s.id != id),
            CallEdit::RestoreStakeholder(pos, s) => {
                if !self.stakeholders.iter().any(|x| x.id == s.id) {
                    let pos = pos.min(self.stakeholders.len());
                    self.stakeholders.insert(pos, s);
                }
            }
            CallEdit::StakeholderName(id, v) => {
                if let Some(s) = self.stakeholder_mut(id) {
                    s.name = v;
                }
            }
            CallEdit::StakeholderTitle(id, v) => {
                if let Some(s) = self.stakeholder_mut(id) {
                    s.title = v;
                }
            }
            CallEdit::StakeholderRole(id, r) => {
                if let Some(s) = self.stakeholder_mut(id) {
                    s.role = r;
                }
            }
            CallEdit::StakeholderEmail(id, v) => {
                if let Some(s) = self.stakeholder_mut(id) {
                    s.email = v;
                }
            }
            CallEdit::StakeholderPhone(id, v) => {
                if let Some(s) = self.stakeholder_mut(id) {
                    s.phone = v;
                }
            }
            CallEdit::OutcomeMetric(v) => self.outcome.metric = v,
            CallEdit::OutcomeTarget(v) => self.outcome.target = v,
            CallEdit::DecisionSteps(v) => self.decision.steps = v,
            CallEdit::DecisionDate(d) => self.decision.decision_date = d,
            CallEdit::Competitors(v) => self.decision.competitors = v,
            CallEdit::AddAction => {
                self.add_action();
            }
            CallEdit::RemoveAction(id) => self.plan.retain(|i| i.id != id),
            CallEdit::RestoreAction(item) => {
                if !self.plan.iter().any(|x| x.id == item.id) {
                    self.plan.push(item);
                }
            }
            CallEdit::ActionText(id, v) => {
                if let Some(i) = self.action_mut(id) {
                    i.description = v;
                }
            }
            CallEdit::ActionOwner(id, side) => {
                if let Some(i) = self.action_mut(id) {
                    i.owner = side;
                }
            }
            CallEdit::ActionDue(id, due) => {
                if let Some(i) = self.action_mut(id) {
                    // A new date is a new question: confirm it again if early.
                    if i.due != due {
                        i.early_confirmed = false;
                    }
                    i.due = due;
                }
            }
            CallEdit::ActionDone(id, done) => {
                if let Some(i) = self.action_mut(id) {
                    i.done = done;
                }
            }
            CallEdit::ConfirmEarlyDue(id) => {
                if let Some(i) = self.action_mut(id) {
                    i.early_confirmed = true;
                }
            }
        }
        self.updated_at = now.max(self.updated_at);
    }
}

/// A call's title to show; never blank ("Untitled call, 10 Mar 2026").
pub fn display_title(title: &str, date: NaiveDate) -> String {
    let t = title.trim();
    if t.is_empty() {
        format!("Untitled call, {}", crate::dates::day_month_year(date))
    } else {
        t.to_string()
    }
}

/// Everything the discovery tool persists.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallsDoc {
    #[serde(default)]
    pub calls: Vec<Call>,
    #[serde(default)]
    pub next_id: u64,
}

impl Document for CallsDoc {
    const KEY: &'static str = "discovery";
    const VERSION: u32 = 1;
}

impl CallsDoc {
    fn take_id(&mut self) -> u64 {
        let used: Vec<u64> = self.calls.iter().map(|c| c.id).collect();
        let id = fresh_id(&used, self.next_id);
        self.next_id = id.saturating_add(1);
        id
    }

    /// Adds a call for `today` and returns its id.
    pub fn create(&mut self, title: String, today: NaiveDate, now: DateTime<Utc>) -> u64 {
        let id = self.take_id();
        self.calls.push(Call::new(id, title, today, now));
        id
    }

    pub fn get(&self, id: u64) -> Option<&Call> {
        self.calls.iter().find(|c| c.id == id)
    }

    pub fn get_mut(&mut self, id: u64) -> Option<&mut Call> {
        self.calls.iter_mut().find(|c| c.id == id)
    }

    /// Edits a call and marks it touched. Returns false if it is gone.
    pub fn update(&mut self, id: u64, now: DateTime<Utc>, f: impl FnOnce(&mut Call)) -> bool {
        match self.get_mut(id) {
            Some(call) => {
                f(call);
                call.updated_at = now;
                true
            }
            None => false,
        }
    }

    /// Applies one edit to one call. Returns false if the call is gone.
    pub fn edit(&mut self, id: u64, edit: CallEdit, now: DateTime<Utc>) -> bool {
        match self.get_mut(id) {
            Some(call) => {
                call.apply(edit, now);
                true
            }
            None => false,
        }
    }

    pub fn duplicate(&mut self, id: u64, today: NaiveDate, now: DateTime<Utc>) -> Option<u64> {
        let source = self.get(id)?.clone();
        let new_id = self.take_id();
        self.calls.push(source.duplicate(new_id, today, now));
        Some(new_id)
    }

    /// Removes a call, returning it with its position so Undo can put it back.
    pub fn remove(&mut self, id: u64) -> Option<(usize, Call)> {
        let pos = self.calls.iter().position(|c| c.id == id)?;
        Some((pos, self.calls.remove(pos)))
    }

    /// Puts a removed call back where it was (unless it already is back).
    pub fn restore(&mut self, pos: usize, call: Call) {
        if self.get(call.id).is_none() {
            let pos = pos.min(self.calls.len());
            self.calls.insert(pos, call);
        }
    }

    /// Newest first: by call date, then by when it was created.
    pub fn list(&self) -> Vec<&Call> {
        crate::order::sorted_by(&self.calls, |a, b| {
            (b.date, b.created_at, b.id).cmp(&(a.date, a.created_at, a.id))
        })
    }
}
