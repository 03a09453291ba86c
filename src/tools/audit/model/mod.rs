//! Pure model of the audit tool: answers, the question flow, scoring, tiers,
//! the fix list, history and the plain-text summary.
//!
//! No browser, Leptos or storage code lives here, so every rule is tested
//! natively. The views only render what these functions return and feed user
//! actions back through [`AuditDoc::apply`].

use super::questions::{Area, Question, COUNT, QUESTIONS};
use crate::route::{Route, Tool};
use crate::storage::Document;
use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------

/// One answer, scored 0 (weakest) to 3 (best practice).
///
/// Stored as a bare number; anything outside 0–3 fails to load, which the
/// storage layer treats as damage (backed up, never silently "fixed").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Answer(u8);

impl Answer {
    pub const ZERO: Answer = Answer(0);
    pub const MAX: Answer = Answer(3);
    /// All four, in score order (the order options are shown in).
    pub const ALL: [Answer; 4] = [Answer(0), Answer(1), Answer(2), Answer(3)];

    pub fn new(value: u8) -> Option<Answer> {
        (value <= 3).then_some(Answer(value))
    }

    /// The answer a digit key stands for: "1" is the first option (score 0).
    pub fn from_key(key: &str) -> Option<Answer> {
        match key {
            "1" => Some(Answer(0)),
            "2" => Some(Answer(1)),
            "3" => Some(Answer(2)),
            "4" => Some(Answer(3)),
            _ => None,
        }
    }

    pub fn value(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Answer {
    type Error = String;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Answer::new(value).ok_or_else(|| format!("answer {value} is not between 0 and 3"))
    }
}

impl From<Answer> for u8 {
    fn from(a: Answer) -> u8 {
        a.0
    }
}

/// A complete audit: one answer per question, in question order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AnswerSet(pub [Answer; COUNT]);

/// A score from 0 to 100, with its tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score(pub u32);

/// round(100 · Σ(weight · answer) / (3 · Σ weight)) over `questions`,
/// in integer arithmetic so no NaN or rounding drift can reach the screen.
fn weighted_score<'a>(items: impl Iterator<Item = (&'a Question, Answer)>) -> u32 {
    let (earned, weights) = items.fold((0u32, 0u32), |(e, w), (q, a)| {
        (e + q.weight * u32::from(a.value()), w + q.weight)
    });
    let max = 3 * weights;
    if max == 0 {
        return 0;
    }
    // Round half up: (2 · 100 · earned + max) / (2 · max).
    (200 * earned + max) / (2 * max)
}

impl AnswerSet {
    /// Every question answered `value` (handy for tests and examples).
    pub fn uniform(value: Answer) -> AnswerSet {
        AnswerSet([value; COUNT])
    }

    fn pairs(&self) -> impl Iterator<Item = (&'static Question, Answer)> + '_ {
        QUESTIONS.iter().zip(self.0.iter().copied())
    }

    /// The overall score, 0–100.
    pub fn overall(&self) -> u32 {
        weighted_score(self.pairs())
    }

    /// The score of one area, 0–100, by the same formula.
    pub fn area_score(&self, area: Area) -> u32 {
        weighted_score(self.pairs().filter(|(q, _)| q.area == area))
    }

    /// All six area scores, in report order.
    pub fn area_scores(&self) -> [(Area, u32); 6] {
        Area::ALL.map(|a| (a, self.area_score(a)))
    }

    pub fn tier(&self) -> Tier {
        Tier::for_score(self.overall())
    }

    /// Every question answered below 3, highest priority first; ties keep
    /// question order (the sort is stable and the input is in that order).
    pub fn fixes(&self) -> Vec<Fix> {
        let mut fixes: Vec<Fix> = self
            .pairs()
            .filter(|(_, a)| *a < Answer::MAX)
            .map(|(question, answer)| Fix {
                question,
                answer,
                priority: question.weight * u32::from(3 - answer.value()),
            })
            .collect();
        fixes.sort_by_key(|f| std::cmp::Reverse(f.priority));
        fixes
    }

    /// The questions answered 3, in question order.
    pub fn strengths(&self) -> Vec<&'static Question> {
        self.pairs()
            .filter(|(_, a)| *a == Answer::MAX)
            .map(|(q, _)| q)
            .collect()
    }
}

// ---------------------------------------------------------------------------
// Tiers, fixes
// ---------------------------------------------------------------------------

/// The four maturity tiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    AdHoc,
    Emerging,
    Structured,
    Optimized,
}

impl Tier {
    /// 0–39 Ad hoc, 40–59 Emerging, 60–79 Structured, 80–100 Optimized.
    pub fn for_score(score: u32) -> Tier {
        match score {
            0..=39 => Tier::AdHoc,
            40..=59 => Tier::Emerging,
            60..=79 => Tier::Structured,
            _ => Tier::Optimized,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Tier::AdHoc => "Ad hoc",
            Tier::Emerging => "Emerging",
            Tier::Structured => "Structured",
            Tier::Optimized => "Optimized",
        }
    }

    /// Two sentences: what the tier means, then what to do about it.
    pub fn description(self) -> &'static str {
        match self {
            Tier::AdHoc => "Deals move on individual effort and instinct, so results depend on who happens to work them. A few basics from the fix list below will lift your win rate and your forecast quickly.",
            Tier::Emerging => "The bones of a process are in place, but deals don't all follow it the same way. Close the biggest gaps below and your pipeline becomes far more predictable.",
            Tier::Structured => "You run a defined process and most deals follow it. The remaining gaps are where deals still slip, so work through them in the order below.",
            Tier::Optimized => "Your process is defined, measured and followed, which puts you ahead of most B2B teams. Keep it sharp by checking your stage numbers against benchmarks and tuning whatever lags.",
        }
    }

    /// A CSS-free hint for the badge colour; the name always goes with it.
    pub fn tone(self) -> &'static str {
        match self {
            Tier::AdHoc => "bad",
            Tier::Emerging | Tier::Structured => "warn",
            Tier::Optimized => "good",
        }
    }
}

/// One item of the fix list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fix {
    pub question: &'static Question,
    pub answer: Answer,
    /// weight · (3 − answer): how many score points the fix is worth.
    pub priority: u32,
}

impl Fix {
    /// Where the fix's link goes, if a Stagecraft tool helps with it.
    pub fn link(&self) -> Option<(Tool, String)> {
        self.question.link.map(|t| (t, Route::tool(t).href()))
    }
}

/// How many fixes the report shows prominently.
pub const TOP_FIXES: usize = 5;

// ---------------------------------------------------------------------------
// Flow
// ---------------------------------------------------------------------------

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
    /// `YYYY-MM-DD`, local date of completion.
    pub date: Date,
    pub answers: AnswerSet,
}

/// A calendar date as `YYYY-MM-DD`, small and `Copy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(Date { year, month, day })
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl TryFrom<String> for Date {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        let mut parts = s.splitn(3, '-');
        let mut next = || parts.next().and_then(|p| p.parse::<u16>().ok());
        match (next(), next(), next()) {
            (Some(y), Some(m), Some(d)) if m <= 12 && d <= 31 => {
                Date::new(y, m as u8, d as u8).ok_or_else(|| format!("bad date {s}"))
            }
            _ => Err(format!("bad date {s}")),
        }
    }
}

impl From<Date> for String {
    fn from(d: Date) -> String {
        d.to_string()
    }
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
    pub fn apply(&mut self, action: Action, today: Date) -> Option<Outcome> {
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
            Action::SaveShared(set) => {
                self.answers = set.0.map(Some);
                Some(self.finish(set, today))
            }
        }
    }

    fn advance_from(&mut self, index: usize, today: Date) -> Option<Outcome> {
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

    fn finish(&mut self, set: AnswerSet, today: Date) -> Outcome {
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

// ---------------------------------------------------------------------------
// History
// ---------------------------------------------------------------------------

/// Score movement between two completed audits (positive = better).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub since: Date,
    pub overall: i32,
    pub areas: [(Area, i32); 6],
}

impl Change {
    pub fn between(before: &CompletedAudit, after: &CompletedAudit) -> Change {
        let diff = |a: u32, b: u32| a as i32 - b as i32;
        Change {
            since: before.date,
            overall: diff(after.answers.overall(), before.answers.overall()),
            areas: Area::ALL.map(|area| {
                (
                    area,
                    diff(
                        after.answers.area_score(area),
                        before.answers.area_score(area),
                    ),
                )
            }),
        }
    }
}

/// "+5", "−3" (a real minus sign) or "±0", for score changes.
pub fn signed(delta: i32) -> String {
    match delta {
        0 => "±0".into(),
        d if d > 0 => format!("+{d}"),
        d => format!("−{}", d.unsigned_abs()),
    }
}

// ---------------------------------------------------------------------------
// Sharing and summary
// ---------------------------------------------------------------------------

/// What the part of the route after `#/audit/` asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditRoute {
    /// The user's own audit.
    Own,
    /// A shared report, decoded or refused.
    Shared(Result<AnswerSet, super::share::ShareError>),
}

impl AuditRoute {
    pub fn parse(rest: &str) -> AuditRoute {
        match rest.strip_prefix("share") {
            Some("") => AuditRoute::Shared(super::share::decode("")),
            Some(tail) => match tail.strip_prefix('/') {
                Some(code) => AuditRoute::Shared(super::share::decode(code)),
                // e.g. "shared": not a share route at all.
                None => AuditRoute::Own,
            },
            None => AuditRoute::Own,
        }
    }
}

/// The fragment of a share link: `#/audit/share/<code>`.
pub fn share_fragment(set: &AnswerSet) -> String {
    Route::Tool {
        tool: Tool::Audit,
        rest: format!("share/{}", super::share::encode(set)),
    }
    .href()
}

/// The report as plain text, for "Copy summary".
pub fn summary(set: &AnswerSet, date: Option<Date>, change: Option<&Change>) -> String {
    let mut out = String::from("Stagecraft sales-process audit");
    if let Some(d) = date {
        out.push_str(&format!(" ({d})"));
    }
    let tier = set.tier();
    out.push_str(&format!(
        "\n\nScore: {}/100, {}\n{}\n",
        set.overall(),
        tier.name(),
        tier.description()
    ));
    if let Some(c) = change {
        out.push_str(&format!(
            "Change since {}: {} points\n",
            c.since,
            signed(c.overall)
        ));
    }
    out.push_str("\nArea scores:\n");
    for (area, score) in set.area_scores() {
        out.push_str(&format!("- {}: {}/100\n", area.name(), score));
    }
    let fixes = set.fixes();
    if fixes.is_empty() {
        out.push_str("\nFixes: none. Every answer is already best practice.\n");
    } else {
        out.push_str("\nFixes, most valuable first:\n");
        for (i, fix) in fixes.iter().enumerate() {
            out.push_str(&format!(
                "{}. {}\n   Why: {}\n   First step: {}\n",
                i + 1,
                fix.question.fix.title,
                fix.question.fix.why,
                fix.question.fix.first_step
            ));
        }
    }
    let strengths = set.strengths();
    if !strengths.is_empty() {
        out.push_str("\nStrengths:\n");
        for q in strengths {
            out.push_str(&format!("- {}\n", q.strength));
        }
    }
    out
}

// Pure tests run natively (`cargo test`); the wasm tier runs tests/web_*.rs.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::storage::{decode, encode, Loaded};
    use proptest::prelude::*;

    const DAY: Date = Date {
        year: 2026,
        month: 3,
        day: 19,
    };

    fn set(values: [u8; COUNT]) -> AnswerSet {
        AnswerSet(values.map(|v| Answer::new(v).unwrap()))
    }

    fn ids(fixes: &[Fix]) -> Vec<&'static str> {
        fixes.iter().map(|f| f.question.id).collect()
    }

    /// Answers whose weighted sum is exactly `target` (0..=102): raise
    /// answers one step at a time, heaviest questions first.
    fn with_sum(target: u32) -> AnswerSet {
        let mut values = [0u8; COUNT];
        let mut left = target;
        let mut order: Vec<usize> = (0..COUNT).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(QUESTIONS[i].weight));
        for &i in &order {
            while values[i] < 3 && QUESTIONS[i].weight <= left {
                values[i] += 1;
                left -= QUESTIONS[i].weight;
            }
        }
        assert_eq!(left, 0, "sum {target} not reachable greedily");
        set(values)
    }

    #[test]
    fn extremes() {
        assert_eq!(AnswerSet::uniform(Answer::ZERO).overall(), 0);
        assert_eq!(AnswerSet::uniform(Answer::MAX).overall(), 100);
        assert_eq!(AnswerSet::uniform(Answer::new(1).unwrap()).overall(), 33);
        assert_eq!(AnswerSet::uniform(Answer::new(2).unwrap()).overall(), 67);
        for (_, s) in AnswerSet::uniform(Answer::MAX).area_scores() {
            assert_eq!(s, 100);
        }
    }

    #[test]
    fn hand_worked_example() {
        // Design 3,3 · Qualification 2,1 · Discovery 0,0,0 · Execution 3,3,3
        // · Measurement 1,1,1,1 · Post-sale 2,2.
        let a = set([3, 3, 2, 1, 0, 0, 0, 3, 3, 3, 1, 1, 1, 1, 2, 2]);
        // Earned: 9+9 + 6+2 + 0 + 3+3+6 + 3+2+2+2 + 4+2 = 53 of 102 → 51.96.
        assert_eq!(a.overall(), 52);
        assert_eq!(a.tier(), Tier::Emerging);
        assert_eq!(a.area_score(Area::Design), 100);
        assert_eq!(a.area_score(Area::Qualification), 53); // 8/15 = 53.3
        assert_eq!(a.area_score(Area::Discovery), 0);
        assert_eq!(a.area_score(Area::Execution), 100);
        assert_eq!(a.area_score(Area::Measurement), 33); // 9/27
        assert_eq!(a.area_score(Area::Postsale), 67); // 6/9 = 66.7
    }

    #[test]
    fn tier_boundaries() {
        for (score, tier) in [
            (0, Tier::AdHoc),
            (39, Tier::AdHoc),
            (40, Tier::Emerging),
            (59, Tier::Emerging),
            (60, Tier::Structured),
            (79, Tier::Structured),
            (80, Tier::Optimized),
            (100, Tier::Optimized),
        ] {
            assert_eq!(Tier::for_score(score), tier, "{score}");
        }
    }

    #[test]
    fn tier_boundaries_reached_through_real_answers() {
        // Weighted sums out of 102 and the scores they round to.
        for (sum, score, tier) in [
            (40, 39, Tier::AdHoc),      // 39.2
            (41, 40, Tier::Emerging),   // 40.2
            (60, 59, Tier::Emerging),   // 58.8
            (61, 60, Tier::Structured), // 59.8
            (81, 79, Tier::Structured), // 79.4
            (82, 80, Tier::Optimized),  // 80.4
        ] {
            let a = with_sum(sum);
            assert_eq!(a.overall(), score, "sum {sum}");
            assert_eq!(a.tier(), tier, "sum {sum}");
        }
    }

    #[test]
    fn tier_descriptions_are_two_sentences() {
        for t in [
            Tier::AdHoc,
            Tier::Emerging,
            Tier::Structured,
            Tier::Optimized,
        ] {
            let d = t.description();
            assert_eq!(d.matches(". ").count() + 1, 2, "{d}");
            assert!(d.ends_with('.'));
        }
    }

    #[test]
    fn fix_order_by_priority_then_question_order() {
        // q1=0 (3·3=9), q2=1 (3·2=6), q3=2 (3), q4=0 (2·3=6), q5=3 (-),
        // q6=2 (2), q7=1 (4), q8=0 (3), q9=3, q10=2 (2), q11=1 (6),
        // q12=3, q13=3, q14=2 (2), q15=3, q16=2 (1).
        let a = set([0, 1, 2, 0, 3, 2, 1, 0, 3, 2, 1, 3, 3, 2, 3, 2]);
        let fixes = a.fixes();
        assert_eq!(
            ids(&fixes),
            ["q1", "q2", "q4", "q11", "q7", "q3", "q8", "q6", "q10", "q14", "q16"]
        );
        let priorities: Vec<u32> = fixes.iter().map(|f| f.priority).collect();
        assert_eq!(priorities, [9, 6, 6, 6, 4, 3, 3, 2, 2, 2, 1]);
    }

    #[test]
    fn mixed_example_used_by_the_end_to_end_tests() {
        let a = set([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3]);
        // 47 of 102 points → 46.1.
        assert_eq!(a.overall(), 46);
        assert_eq!(a.tier(), Tier::Emerging);
        let areas: Vec<u32> = a.area_scores().iter().map(|(_, s)| *s).collect();
        // 3/18, 12/15, 6/21, 5/12, 14/27, 7/9.
        assert_eq!(areas, [17, 80, 29, 42, 52, 78]);
        assert_eq!(
            ids(&a.fixes()),
            ["q1", "q5", "q2", "q13", "q6", "q10", "q14", "q3", "q9", "q11", "q7", "q15"]
        );
    }

    #[test]
    fn all_zero_ties_keep_question_order() {
        let fixes = AnswerSet::uniform(Answer::ZERO).fixes();
        assert_eq!(fixes.len(), 16);
        assert_eq!(
            ids(&fixes),
            [
                "q1", "q2", "q3", "q5", "q11", "q4", "q6", "q7", "q10", "q12", "q13", "q14", "q15",
                "q8", "q9", "q16"
            ]
        );
    }

    #[test]
    fn perfect_audit_has_no_fixes_and_sixteen_strengths() {
        let a = AnswerSet::uniform(Answer::MAX);
        assert!(a.fixes().is_empty());
        assert_eq!(a.strengths().len(), 16);
        let a = set([3, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3]);
        let s: Vec<_> = a.strengths().iter().map(|q| q.id).collect();
        assert_eq!(s, ["q1", "q3", "q16"]);
    }

    #[test]
    fn fix_links() {
        let fixes = AnswerSet::uniform(Answer::ZERO).fixes();
        let link = |id: &str| fixes.iter().find(|f| f.question.id == id).unwrap().link();
        assert_eq!(link("q3").unwrap().1, "#/qualify");
        assert_eq!(link("q6").unwrap().1, "#/discovery");
        assert_eq!(link("q13").unwrap().1, "#/benchmarks");
        assert_eq!(link("q1"), None);
    }

    fn answer(index: usize, v: u8, advance: bool) -> Action {
        Action::Answer {
            index,
            answer: Answer::new(v).unwrap(),
            advance,
        }
    }

    #[test]
    fn flow_from_intro_to_report() {
        let mut doc = AuditDoc::default();
        assert_eq!(doc.screen(), Step::Intro);
        assert_eq!(doc.apply(Action::Start, DAY), None);
        assert_eq!(doc.screen(), Step::Question(0));
        // Answering without advancing stays; Next then moves on.
        doc.apply(answer(0, 2, false), DAY);
        assert_eq!(doc.screen(), Step::Question(0));
        doc.apply(Action::Next { from: 0 }, DAY);
        assert_eq!(doc.screen(), Step::Question(1));
        // Next on an unanswered question does nothing.
        doc.apply(Action::Next { from: 1 }, DAY);
        assert_eq!(doc.screen(), Step::Question(1));
        // An answer for a question not on screen is ignored.
        doc.apply(answer(5, 3, true), DAY);
        assert_eq!(doc.answers[5], None);
        for i in 1..15 {
            assert_eq!(doc.apply(answer(i, 3, true), DAY), None);
            assert_eq!(doc.screen(), Step::Question(i + 1));
        }
        // q1 was answered 2: 99 of 102 points → 97.06.
        let out = doc.apply(answer(15, 3, true), DAY);
        assert_eq!(
            out,
            Some(Outcome::Completed {
                score: 97,
                tier: Tier::Optimized
            })
        );
        assert_eq!(doc.screen(), Step::Report);
        assert_eq!(doc.history.len(), 1);
        assert_eq!(doc.latest().unwrap().date, DAY);
        // A stale delayed "Next" after finishing does not finish twice.
        assert_eq!(doc.apply(Action::Next { from: 15 }, DAY), None);
        assert_eq!(doc.history.len(), 1);
    }

    #[test]
    fn back_goes_one_question_back_then_to_intro() {
        let mut doc = AuditDoc::default();
        doc.apply(Action::Start, DAY);
        doc.apply(answer(0, 1, true), DAY);
        doc.apply(answer(1, 1, true), DAY);
        doc.apply(Action::Back, DAY);
        assert_eq!(doc.screen(), Step::Question(1));
        assert_eq!(doc.answers[1], Answer::new(1));
        doc.apply(Action::Back, DAY);
        doc.apply(Action::Back, DAY);
        assert_eq!(doc.screen(), Step::Intro);
        assert!(doc.in_progress());
        // Start resumes at the first unanswered question.
        doc.apply(Action::Start, DAY);
        assert_eq!(doc.screen(), Step::Question(2));
    }

    #[test]
    fn retake_keeps_history_and_reports_change() {
        let mut doc = AuditDoc::default();
        doc.apply(
            Action::SaveShared(AnswerSet::uniform(Answer::new(1).unwrap())),
            DAY,
        );
        assert_eq!(doc.change(), None);
        doc.apply(Action::Retake, DAY);
        assert_eq!(doc.screen(), Step::Question(0));
        assert_eq!(doc.answered(), 0);
        assert_eq!(doc.history.len(), 1);
        let later = Date::new(2026, 4, 2).unwrap();
        let mut out = None;
        for (i, q) in QUESTIONS.iter().enumerate() {
            let v = if q.area == Area::Design { 3 } else { 1 };
            out = doc.apply(answer(i, v, true), later);
        }
        assert!(matches!(out, Some(Outcome::Completed { .. })));
        let change = doc.change().unwrap();
        assert_eq!(change.since, DAY);
        // Design went from 1,1 to 3,3: 12 more of 102 points, 34 → 46,
        // so the score goes from 33 to 45.
        assert_eq!(change.overall, 45 - 33);
        assert_eq!(change.areas[0], (Area::Design, 67));
        assert!(change.areas[1..].iter().all(|(_, d)| *d == 0));
        assert_eq!(signed(change.overall), "+12");
        assert_eq!(signed(-4), "−4");
        assert_eq!(signed(0), "±0");
    }

    #[test]
    fn damaged_steps_fall_back_safely() {
        let mut doc = AuditDoc {
            step: Step::Report,
            ..Default::default()
        };
        assert_eq!(doc.screen(), Step::Intro);
        doc.step = Step::Question(99);
        assert_eq!(doc.screen(), Step::Question(0));
        // Reaching the last question with gaps sends you to the first gap.
        doc.step = Step::Question(15);
        assert_eq!(doc.apply(answer(15, 2, true), DAY), None);
        assert_eq!(doc.screen(), Step::Question(0));
        assert!(doc.history.is_empty());
    }

    #[test]
    fn document_round_trips_and_refuses_bad_answers() {
        let mut doc = AuditDoc::default();
        doc.apply(
            Action::SaveShared(AnswerSet::uniform(Answer::new(2).unwrap())),
            DAY,
        );
        let raw = encode(&doc);
        assert_eq!(decode::<AuditDoc>(Some(&raw)), Loaded::Ready(doc));
        let bad = raw.replace("2,2,2", "7,2,2");
        assert!(matches!(
            decode::<AuditDoc>(Some(&bad)),
            Loaded::Corrupt { .. }
        ));
        // Older or partial data keeps loading thanks to defaults.
        let partial = r#"{"version":1,"data":{"step":{"at":"question","index":3}}}"#;
        match decode::<AuditDoc>(Some(partial)) {
            Loaded::Ready(d) => assert_eq!(d.screen(), Step::Question(3)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn share_routes() {
        let a = set([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3]);
        let frag = share_fragment(&a);
        assert!(frag.starts_with("#/audit/share/1-"), "{frag}");
        let rest = frag.trim_start_matches("#/audit/");
        assert_eq!(AuditRoute::parse(rest), AuditRoute::Shared(Ok(a)));
        assert_eq!(AuditRoute::parse(""), AuditRoute::Own);
        assert_eq!(AuditRoute::parse("shared"), AuditRoute::Own);
        assert!(matches!(
            AuditRoute::parse("share"),
            AuditRoute::Shared(Err(_))
        ));
        assert!(matches!(
            AuditRoute::parse("share/zz"),
            AuditRoute::Shared(Err(_))
        ));
    }

    #[test]
    fn summary_lists_score_areas_fixes_and_strengths() {
        let a = set([3, 3, 2, 1, 0, 0, 0, 3, 3, 3, 1, 1, 1, 1, 2, 2]);
        let text = summary(&a, Some(DAY), None);
        assert!(text.contains("(2026-03-19)"));
        assert!(text.contains("Score: 52/100, Emerging"));
        assert!(text.contains("- Discovery: 0/100"));
        assert!(
            text.contains("1. Finish discovery before any demo"),
            "{text}"
        );
        assert!(text.contains("- Your stages follow buyer milestones."));
        let perfect = summary(&AnswerSet::uniform(Answer::MAX), None, None);
        assert!(perfect.contains("Fixes: none"));
    }

    #[test]
    fn dates_round_trip_and_reject_nonsense() {
        assert_eq!(DAY.to_string(), "2026-03-19");
        assert_eq!(Date::try_from("2026-03-19".to_string()), Ok(DAY));
        for bad in [
            "",
            "2026-13-01",
            "2026-00-10",
            "2026-01",
            "x-y-z",
            "2026-01-32",
        ] {
            assert!(Date::try_from(bad.to_string()).is_err(), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn scores_stay_in_range_and_fixes_are_sorted(values in proptest::array::uniform16(0u8..=3)) {
            let a = set(values);
            prop_assert!(a.overall() <= 100);
            for (_, s) in a.area_scores() {
                prop_assert!(s <= 100);
            }
            let fixes = a.fixes();
            prop_assert_eq!(fixes.len() + a.strengths().len(), COUNT);
            for pair in fixes.windows(2) {
                let (x, y) = (&pair[0], &pair[1]);
                prop_assert!(x.priority > y.priority
                    || (x.priority == y.priority && index_of(x) < index_of(y)));
            }
        }
    }

    fn index_of(f: &Fix) -> usize {
        QUESTIONS
            .iter()
            .position(|q| q.id == f.question.id)
            .unwrap()
    }
}
