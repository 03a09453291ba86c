//! The recap: everything captured, as parts, then as plain text or Markdown.

use super::{format_clock_words, format_months, sorted_plan, Call, Section, TALK_TARGET_PERCENT};
use crate::dates::day_full_month_year;
use crate::text::{join_lines, md_escape};
use chrono::{DateTime, NaiveDate, Utc};

/// Output format of the recap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecapFormat {
    /// For an email or a CRM note.
    Plain,
    /// For the download.
    Markdown,
}

/// A recap heading and its lines, rendered in either format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecapBlock {
    pub heading: &'static str,
    pub lines: Vec<String>,
}

/// The recap's content before formatting, for the on-screen version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecapParts {
    pub title: String,
    /// Date, linked deal, duration and talk share on one line.
    pub meta: String,
    pub blocks: Vec<RecapBlock>,
}

/// Who the recap is for, which decides what it may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// An email to the buyer: only what is safe to send them (their pain,
    /// goals and decision steps in their words, the open next steps with
    /// owners and dates). No roles, talk share, competitors, internal notes,
    /// gaps or "overdue" marks on their own plan.
    Buyer,
    /// A note for the CRM: everything captured.
    Internal,
}

/// What the recap needs besides the call.
#[derive(Debug, Clone, Copy)]
pub struct RecapContext<'a> {
    /// Which of the two recaps to build.
    pub audience: Audience,
    /// The linked qualification deal's name, when there is one.
    pub deal_name: Option<&'a str>,
    /// For the clocks of a call that is still running.
    pub now: DateTime<Utc>,
    /// For flagging overdue action items.
    pub today: NaiveDate,
}

/// Builds the recap from everything captured.
pub fn recap(call: &Call, ctx: RecapContext<'_>, format: RecapFormat) -> String {
    let RecapParts {
        title,
        meta,
        blocks,
    } = recap_parts(call, ctx);
    let mut out = String::new();
    match format {
        RecapFormat::Plain => {
            out.push_str(&format!("{title}\n{meta}\n"));
            for b in blocks {
                // Headings are the app's own ASCII words (no Unicode case tables needed).
                out.push_str(&format!("\n{}\n", b.heading.to_ascii_uppercase()));
                for l in b.lines {
                    out.push_str(&format!("- {}\n", join_lines(&l)));
                }
            }
        }
        RecapFormat::Markdown => {
            out.push_str(&format!(
                "# {}\n\n_{}_\n",
                md_escape(&title),
                md_escape(&meta)
            ));
            for b in blocks {
                out.push_str(&format!("\n## {}\n\n", b.heading));
                for l in b.lines {
                    let l = join_lines(&l);
                    // Plan lines already start with a task-list box.
                    if l.starts_with("[x] ") || l.starts_with("[ ] ") {
                        out.push_str(&format!("- {}{}\n", &l[..4], md_escape(&l[4..])));
                    } else {
                        out.push_str(&format!("- {}\n", md_escape(&l)));
                    }
                }
            }
        }
    }
    out
}

/// The recap's parts: everything captured, in the order a follow-up email
/// reads best (pain first, gaps last).
pub fn recap_parts(call: &Call, ctx: RecapContext<'_>) -> RecapParts {
    if ctx.audience == Audience::Buyer {
        return buyer_parts(call);
    }
    let RecapContext {
        deal_name,
        now,
        today,
        ..
    } = ctx;
    let mut blocks = Vec::new();

    // Pain and its quantified impact.
    let mut pain = Vec::new();
    if !call.pain.description.trim().is_empty() {
        pain.push(call.pain.description.trim().to_string());
    }
    let f = call.pain.figures();
    if let (Some(m), Some(a)) = (f.monthly, f.annual) {
        pain.push(format!(
            "Costs {} a month, {} a year if nothing changes.",
            crate::text::money(m),
            crate::text::money(a)
        ));
    }
    if let (Some(p), Some(months)) = (f.price, f.payback) {
        pain.push(format!(
            "At a proposed {} a year, payback in {} months.",
            crate::text::money(p),
            format_months(Some(months))
        ));
    }
    let pain_notes = call.notes_for(Section::Pain).trim();
    if !pain_notes.is_empty() {
        pain.push(format!("Notes: {pain_notes}"));
    }
    if pain.is_empty() {
        pain.push("Not captured yet.".into());
    }
    blocks.push(RecapBlock {
        heading: "Pain and its impact",
        lines: pain,
    });

    let current = call.notes_for(Section::CurrentState).trim();
    if !current.is_empty() {
        blocks.push(RecapBlock {
            heading: "Where you are today",
            lines: vec![current.to_string()],
        });
    }

    let mut outcome = Vec::new();
    match (call.outcome.metric.trim(), call.outcome.target.trim()) {
        ("", "") => {}
        (m, "") => outcome.push(format!("Success metric: {m}.")),
        ("", t) => outcome.push(format!("Target: {t}.")),
        (m, t) => outcome.push(format!("Success metric: {m}, target {t}.")),
    }
    let fs_notes = call.notes_for(Section::FutureState).trim();
    if !fs_notes.is_empty() {
        outcome.push(format!("Notes: {fs_notes}"));
    }
    if outcome.is_empty() {
        outcome.push("Not captured yet.".into());
    }
    blocks.push(RecapBlock {
        heading: "Desired outcome",
        lines: outcome,
    });

    let mut people: Vec<String> = call
        .stakeholders
        .iter()
        .filter(|s| !s.name.trim().is_empty())
        .map(|s| {
            let title = s.title.trim();
            if title.is_empty() {
                format!("{} ({})", s.name.trim(), s.role.label())
            } else {
                format!("{}, {} ({})", s.name.trim(), title, s.role.label())
            }
        })
        .collect();
    if people.is_empty() {
        people.push("No one named yet.".into());
    }
    blocks.push(RecapBlock {
        heading: "Stakeholders",
        lines: people,
    });

    let mut decision: Vec<String> = call
        .decision
        .step_list()
        .iter()
        .enumerate()
        .map(|(i, s)| format!("Step {}: {s}", i + 1))
        .collect();
    if let Some(d) = call.decision.decision_date {
        decision.push(format!("Decision by {}.", day_full_month_year(d)));
    }
    let competitors = call.decision.competitors.trim();
    if !competitors.is_empty() {
        decision.push(format!("Also considering: {competitors}."));
    }
    let dp_notes = call.notes_for(Section::DecisionProcess).trim();
    if !dp_notes.is_empty() {
        decision.push(format!("Notes: {dp_notes}"));
    }
    if decision.is_empty() {
        decision.push("Not mapped yet.".into());
    }
    blocks.push(RecapBlock {
        heading: "Decision process",
        lines: decision,
    });

    let mut plan: Vec<String> = sorted_plan(&call.plan)
        .iter()
        .filter(|i| !i.description.trim().is_empty())
        .map(|i| {
            let mark = if i.done { "[x]" } else { "[ ]" };
            let due = i.due.map_or("no date".to_string(), day_full_month_year);
            let overdue = if i.is_overdue(today) {
                " (overdue)"
            } else {
                ""
            };
            format!(
                "{mark} {} ({}, {due}){overdue}",
                i.description.trim(),
                i.owner.label()
            )
        })
        .collect();
    if plan.is_empty() {
        plan.push("No steps agreed yet.".into());
    }
    blocks.push(RecapBlock {
        heading: "Mutual action plan",
        lines: plan,
    });

    let gaps: Vec<String> = call
        .missing_topics()
        .iter()
        .map(|t| t.advice().to_string())
        .collect();
    if !gaps.is_empty() {
        blocks.push(RecapBlock {
            heading: "Open gaps",
            lines: gaps,
        });
    }

    let title = call.display_title();
    let mut meta = format!("Discovery call on {}", day_full_month_year(call.date));
    if let Some(deal) = deal_name.map(str::trim).filter(|d| !d.is_empty()) {
        meta.push_str(&format!(" · Deal: {deal}"));
    }
    let secs = call.call_secs(now);
    if secs > 0 {
        meta.push_str(&format!(" · {} on the clock", format_clock_words(secs)));
    }
    if let Some(share) = call.rep_share(now) {
        meta.push_str(&format!(
            " · Rep talked {share}% (target under {TALK_TARGET_PERCENT}%)"
        ));
    }

    RecapParts {
        title,
        meta,
        blocks,
    }
}

/// The buyer's email: what they told us and what happens next, in the
/// order a follow-up reads (their words first, the dates last).
fn buyer_parts(call: &Call) -> RecapParts {
    let mut blocks = Vec::new();
    let mut heard = Vec::new();
    if !call.pain.description.trim().is_empty() {
        heard.push(call.pain.description.trim().to_string());
    }
    let f = call.pain.figures();
    if let (Some(m), Some(a)) = (f.monthly, f.annual) {
        heard.push(format!(
            "That costs about {} a month, {} a year.",
            crate::text::money(m),
            crate::text::money(a)
        ));
    }
    push_block(&mut blocks, "What we heard", heard);

    let goal = match (call.outcome.metric.trim(), call.outcome.target.trim()) {
        ("", "") => None,
        (m, "") => Some(format!("{m}.")),
        ("", t) => Some(format!("Target: {t}.")),
        (m, t) => Some(format!("{m}: {t}.")),
    };
    push_block(
        &mut blocks,
        "Where you want to be",
        goal.into_iter().collect(),
    );

    let mut decide: Vec<String> = call
        .decision
        .step_list()
        .iter()
        .map(|s| s.to_string())
        .collect();
    if let Some(d) = call.decision.decision_date {
        decide.push(format!("Decision by {}.", day_full_month_year(d)));
    }
    push_block(&mut blocks, "How the decision gets made", decide);

    let next: Vec<String> = sorted_plan(&call.plan)
        .iter()
        .filter(|i| !i.done && !i.description.trim().is_empty())
        .map(|i| {
            let who = match i.owner {
                super::Side::Buyer => "your team",
                super::Side::Seller => "us",
            };
            match i.due {
                Some(d) => format!(
                    "{} ({who}, by {})",
                    i.description.trim(),
                    day_full_month_year(d)
                ),
                None => format!("{} ({who}, date to agree)", i.description.trim()),
            }
        })
        .collect();
    push_block(&mut blocks, "Next steps", next);

    RecapParts {
        title: call.display_title(),
        meta: format!("Discovery call on {}", day_full_month_year(call.date)),
        blocks,
    }
}

/// Adds a block only when it has something to say: an email to a buyer
/// never shows "Not captured yet".
fn push_block(blocks: &mut Vec<RecapBlock>, heading: &'static str, lines: Vec<String>) {
    if !lines.is_empty() {
        blocks.push(RecapBlock { heading, lines });
    }
}

/// The download's file name: `discovery-recap-<title slug>-<call date>.md`
/// for the CRM note, `discovery-email-…` for the buyer's email.
pub fn recap_filename(call: &Call, audience: Audience) -> String {
    let kind = match audience {
        Audience::Buyer => "email",
        Audience::Internal => "recap",
    };
    super::call_filename(call, kind, "md")
}
