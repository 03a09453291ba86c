//! The words of the calculator: stage names, key metrics and advice, field
//! labels and the sentences under the cards. Kept apart from the formulas
//! so copy edits never touch maths.

use super::*;

impl Stage {
    /// Name shown on screen and used in field labels.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Prospecting => "Prospecting",
            Stage::Qualification => "Qualification",
            Stage::Discovery => "Discovery",
            Stage::Solution => "Solution presentation",
            Stage::Proposal => "Proposal & negotiation",
            Stage::Closing => "Closing",
            Stage::Onboarding => "Onboarding & expansion",
        }
    }

    /// The one number to watch in this stage, in our own words.
    pub fn key_metric(self) -> &'static str {
        match self {
            Stage::Prospecting => "Meetings booked for every 100 outreach touches.",
            Stage::Qualification => {
                "Share of leads you rule out. Ruling out 50–70% is a sign of a healthy filter."
            }
            Stage::Discovery => "How much the rep talks on the call. Keep it under 40%.",
            Stage::Solution => "Stakeholders in the room for the demo. Aim for 2 to 4.",
            Stage::Proposal => "Average discount. Above 20% usually means discovery was thin.",
            Stage::Closing => "Days from a verbal yes to a signed contract.",
            Stage::Onboarding => {
                "Time to first value, and net revenue retention (NRR: revenue you keep and grow from existing customers)."
            }
        }
    }

    /// What to do when this stage is the bottleneck: the next action.
    pub fn advice(self) -> &'static str {
        match self {
            Stage::Prospecting => {
                "Tighten your target list and rewrite the first touch around one pain your best customers share."
            }
            Stage::Qualification => {
                "Agree written entry rules for a qualified deal, then score every new lead against them before booking discovery."
            }
            Stage::Discovery => {
                "Hold the demo until you have mapped the buying committee and put a number on the pain."
            }
            Stage::Solution => {
                "Open each demo with the cost the buyer told you about, and get the economic buyer into the room."
            }
            Stage::Proposal => {
                "Send proposals within two days of the demo and agree price and scope before the document lands."
            }
            Stage::Closing => {
                "Build a mutual close plan with dates for legal, security and procurement, and start it at the verbal yes."
            }
            Stage::Onboarding => {
                "Hand over every deal with its success criteria and book the kickoff within a week of signature."
            }
        }
    }
}

impl Segment {
    /// Option text in the "Segment" select.
    pub fn name(self) -> &'static str {
        match self {
            Segment::MidMarket => "Mid-market",
            Segment::Enterprise => "Enterprise",
            Segment::MyBaseline => "My baseline",
        }
    }
}

impl BaselineField {
    /// Visible label: unique, and never containing one of the main form's
    /// labels, so a lookup by label text finds exactly one field.
    pub fn label(self) -> String {
        match self {
            BaselineField::ConversionLow(i) => {
                format!("{}: low end of conversion (%)", Stage::ALL[i].name())
            }
            BaselineField::ConversionHigh(i) => {
                format!("{}: high end of conversion (%)", Stage::ALL[i].name())
            }
            BaselineField::DaysLow(i) => format!("{}: low end of days", Stage::ALL[i].name()),
            BaselineField::DaysHigh(i) => format!("{}: high end of days", Stage::ALL[i].name()),
            BaselineField::WinRateLow => "Win rate target: low end (%)".into(),
            BaselineField::WinRateHigh => "Win rate target: high end (%)".into(),
            BaselineField::CycleLow => "Sales cycle target: low end (days)".into(),
            BaselineField::CycleHigh => "Sales cycle target: high end (days)".into(),
        }
    }
}

impl Field {
    /// The visible label, exactly as the acceptance tests look it up.
    pub fn label(self) -> String {
        match self {
            Field::Prospects => "New prospects per month".into(),
            Field::OpenOpportunities => "Open opportunities".into(),
            Field::DealSize => "Average deal size".into(),
            Field::Conversion(i) => format!("{} conversion (%)", Stage::ALL[i].name()),
            Field::Days(i) => format!("{} days", Stage::ALL[i].name()),
            Field::OnboardingDays => "Onboarding days to first value".into(),
            Field::Count(i) if i < FUNNEL => format!("Deals that entered {}", Stage::ALL[i].name()),
            Field::Count(_) => "Deals closed-won".into(),
        }
    }
}

impl CountWarning {
    /// Plain-language explanation, naming what to check.
    pub fn message(&self) -> String {
        let to = if self.from + 1 < FUNNEL {
            format!("reached {}", Stage::ALL[self.from + 1].name())
        } else {
            "closed-won".into()
        };
        format!(
            "{} deals {to}, but only {} entered {}. Check these counts: the rate is capped at 100% until they add up.",
            plain_number(self.next),
            plain_number(self.entered),
            Stage::ALL[self.from].name()
        )
    }
}

/// Why the velocity card shows "—" instead of a number.
pub fn velocity_gap_reason(a: &Analysis) -> &'static str {
    if a.cycle_days > 0.0 {
        "The result is too large to show. Check the deal size and opportunity count."
    } else {
        ZERO_CYCLE_REASON
    }
}

/// Why velocity shows "—".
pub const ZERO_CYCLE_REASON: &str =
    "Your stage days add up to 0, so there is no cycle to divide by. Enter the days deals spend from qualification to close.";

/// The sentence under the bottleneck card.
pub fn bottleneck_sentence(a: &Analysis, b: &Baseline) -> String {
    bottleneck_sentence_in(a, b, plain_number)
}

/// [`bottleneck_sentence`] with numbers written by `num`, so the screen
/// writes them in the same locale as the cards ("52,5%" beside "17,3%").
pub fn bottleneck_sentence_in(a: &Analysis, b: &Baseline, num: fn(f64) -> String) -> String {
    match a.bottleneck {
        Some(s) => {
            let r = a.stage(s);
            let band = b.conversion[s.index()];
            format!(
                "{}: {}% (benchmark {}–{}%). {}",
                s.name(),
                num(r.conversion.unwrap_or(0.0)),
                num(band.low),
                num(band.high),
                s.advice()
            )
        }
        None => "None: every stage converts at or above the low end of its benchmark.".into(),
    }
}

/// The sentence under the slowest-stage card.
pub fn slowest_sentence(a: &Analysis, b: &Baseline) -> String {
    slowest_sentence_in(a, b, plain_number)
}

/// [`slowest_sentence`] with numbers written by `num` (the screen's locale).
pub fn slowest_sentence_in(a: &Analysis, b: &Baseline, num: fn(f64) -> String) -> String {
    match a.slowest {
        Some(s) => format!(
            "{}: {} days (benchmark {}–{} days), {} days over.",
            s.name(),
            num(a.stage(s).days),
            num(b.days[s.index()].low),
            num(b.days[s.index()].high),
            num(a.slowest_excess_days)
        ),
        None => "None: no stage runs past the high end of its benchmark.".into(),
    }
}
