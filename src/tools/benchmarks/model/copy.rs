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
            Field::Quota => "Quota for the period".into(),
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
            "{} deals {to}, but only {} entered {}. A stage cannot gain deals: lower this count or raise the one before it.",
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
        None => "None: no stage of the sales cycle runs past the high end of its benchmark.".into(),
    }
}

impl ConversionStatus {
    /// Badge text that reads as a phrase: "below target".
    pub fn target_words(self) -> &'static str {
        match self {
            ConversionStatus::Below => "below target",
            ConversionStatus::Within => "within target",
            ConversionStatus::Above => "above target",
        }
    }
}

impl TimeStatus {
    /// Badge text that reads as a phrase: "faster than target".
    pub fn target_words(self) -> &'static str {
        match self {
            TimeStatus::Faster => "faster than target",
            TimeStatus::Within => "within target",
            TimeStatus::Slower => "slower than target",
        }
    }
}

/// Names in a sentence: "A", "A and B", "A, B and C".
pub fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Why the earliest of tied stages is the one named.
pub const TIE_RULE: &str =
    "the earliest is named first, since a fix upstream feeds every stage after it";

/// The tie under the bottleneck card, or nothing without one:
/// "Qualification, Discovery and Solution presentation tie at $18,936 a
/// month; …". `worth` is the tied fix value already formatted, when known.
pub fn bottleneck_tie_sentence(a: &Analysis, worth: Option<String>) -> Option<String> {
    if a.bottleneck_ties.len() < 2 {
        return None;
    }
    let names: Vec<&str> = a.bottleneck_ties.iter().map(|s| s.name()).collect();
    let at = worth
        .map(|w| format!(" at {w} a month"))
        .unwrap_or_default();
    Some(format!("{} tie{at}; {TIE_RULE}.", join_names(&names)))
}

/// The tie under the slowest-stage card, or nothing without one.
pub fn slowest_tie_sentence(a: &Analysis, num: fn(f64) -> String) -> Option<String> {
    if a.slowest_ties.len() < 2 {
        return None;
    }
    let names: Vec<&str> = a.slowest_ties.iter().map(|s| s.name()).collect();
    Some(format!(
        "{} tie at {} days over; {TIE_RULE}.",
        join_names(&names),
        num(a.slowest_excess_days)
    ))
}

/// The post-sale warning when onboarding runs past its range.
pub fn onboarding_warning(a: &Analysis, b: &Baseline, num: fn(f64) -> String) -> Option<String> {
    let over = a.onboarding_excess_days?;
    let r = b.days[FUNNEL];
    Some(format!(
        "After the sale: onboarding takes {} days to first value (benchmark {}–{} days), {} days over. It is not part of the sales cycle, but slow first value puts renewals at risk.",
        num(a.stage(Stage::Onboarding).days),
        num(r.low),
        num(r.high),
        num(over)
    ))
}

/// How the view writes numbers into the headline, in the user's locale.
pub struct HeadlineFormat<'a> {
    /// Short money: "$32.7K".
    pub money: &'a dyn Fn(f64) -> String,
    /// A percentage with no decimals: "30%".
    pub percent: &'a dyn Fn(f64) -> String,
    /// A plain number with at most one decimal: "52", "7.5".
    pub num: fn(f64) -> String,
}

/// The one-sentence answer at the top of the results: which stage to fix
/// and what it is worth a month ("Fix Discovery (52% vs 60–75%): +$32.7K a
/// month (+30%)"), that nothing needs fixing, or what is still needed.
pub fn headline_sentence(p: &Partial, fmt: &HeadlineFormat<'_>) -> String {
    let (a, b) = match (&p.snapshot, p.ready(Output::Bottleneck)) {
        (Some(s), r) if r.shows() => (&s.analysis, &s.baseline),
        (_, Ready::Needs(fields)) => {
            return format!(
                "To see which stage to fix first, fill in {}.",
                needs_text(&fields)
            )
        }
        _ => return "To see which stage to fix first, fill in your funnel.".into(),
    };
    let Some(stage) = a.bottleneck else {
        return "Nothing to fix in conversion: every stage converts at or above the low end of its benchmark.".into();
    };
    let r = a.stage(stage);
    let band = b.conversion[stage.index()];
    let what = format!(
        "Fix {} ({} vs {}–{})",
        stage.name(),
        (fmt.percent)(r.conversion.unwrap_or(0.0)),
        (fmt.num)(band.low),
        (fmt.percent)(band.high)
    );
    let tie = if a.bottleneck_ties.len() > 1 {
        let others: Vec<&str> = a.bottleneck_ties[1..].iter().map(|s| s.name()).collect();
        format!(" {} tie with it.", join_names(&others))
    } else {
        String::new()
    };
    match p.ready(Output::BottleneckWorth) {
        Ready::Needs(fields) => format!(
            "{what}. Fill in {} to see what it is worth.{tie}",
            needs_text(&fields)
        ),
        _ => {
            let worth = r.fix_value.unwrap_or(0.0);
            let share = (a.revenue_per_month > 0.0)
                .then(|| worth / a.revenue_per_month * 100.0)
                .filter(|v| v.is_finite())
                .map(|v| format!(" (+{})", (fmt.percent)(v)))
                .unwrap_or_default();
            format!("{what}: +{} a month{share}.{tie}", (fmt.money)(worth))
        }
    }
}
