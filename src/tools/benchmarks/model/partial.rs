//! Partial results: every output shows as soon as the inputs *it* needs
//! hold a number, instead of waiting for the whole form.
//!
//! Each visible field has a [`Source`]: typed now, carried over from the
//! last valid value while the field is being fixed (so a typo never wipes a
//! figure, it only marks it out of date), or missing. The formulas run once
//! on those values (missing ones as 0), and each [`Output`] knows which
//! fields it reads, so [`Partial::ready`] says whether that output is
//! current, out of date, or which fields it still needs.

use super::*;

/// Where the number behind one field comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Source {
    /// The field holds a valid number now.
    Typed(f64),
    /// The field is empty or invalid; this is its last valid number.
    Carried(f64),
    /// Nothing valid has been typed since the form was last empty.
    Missing,
}

impl Source {
    fn value(self) -> Option<f64> {
        match self {
            Source::Typed(v) | Source::Carried(v) => Some(v),
            Source::Missing => None,
        }
    }
}

/// Whether one output can be shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Ready {
    /// Every input it reads is valid now.
    Now,
    /// Shown from the last valid numbers: some input it reads is being fixed.
    Stale,
    /// These fields have no number yet (empty when only the baseline is
    /// missing).
    Needs(Vec<Field>),
}

impl Ready {
    /// True when there is a value to show (current or out of date).
    pub fn shows(&self) -> bool {
        !matches!(self, Ready::Needs(_))
    }
}

/// Everything on screen that has its own inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    WinRate,
    Cycle,
    Velocity,
    Revenue,
    /// Which stage is the bottleneck (ranked without N and D, which scale
    /// every fix value alike).
    Bottleneck,
    /// What fixing the bottleneck is worth a month.
    BottleneckWorth,
    /// Slowest stage of the cycle and the savings list.
    Slowest,
    /// Onboarding days against their range.
    Onboarding,
    /// One stage's conversion (0..6).
    Conversion(usize),
    /// One stage's days (0..7; 6 is onboarding).
    Days(usize),
    /// One stage's fix value (0..6).
    FixValue(usize),
    /// The funnel chart: all six conversions.
    Chart,
    /// Pipeline needed for a quota: quota ÷ win rate.
    PipelineNeeded,
    /// Open pipeline: open opportunities × deal size.
    OpenPipeline,
}

/// The fields stage `i`'s conversion is read from in `mode`.
fn conversion_inputs(mode: InputMode, i: usize, out: &mut Vec<Field>) {
    let fields: &[Field] = match mode {
        InputMode::Rates => &[Field::Conversion(i)],
        InputMode::Counts => &[Field::Count(i), Field::Count(i + 1)],
    };
    for f in fields {
        if !out.contains(f) {
            out.push(*f);
        }
    }
}

impl Output {
    /// The fields this output reads, in form order.
    pub fn inputs(self, mode: InputMode) -> Vec<Field> {
        let mut v = Vec::new();
        let conversions = |range: std::ops::Range<usize>, v: &mut Vec<Field>| {
            for i in range {
                conversion_inputs(mode, i, v);
            }
        };
        let cycle = |v: &mut Vec<Field>| v.extend((1..FUNNEL).map(Field::Days));
        match self {
            Output::WinRate | Output::PipelineNeeded => conversions(2..FUNNEL, &mut v),
            Output::Cycle | Output::Slowest => cycle(&mut v),
            Output::Velocity => {
                v.extend([Field::OpenOpportunities, Field::DealSize]);
                conversions(2..FUNNEL, &mut v);
                cycle(&mut v);
            }
            Output::Revenue | Output::BottleneckWorth | Output::FixValue(_) => {
                // With counts, the monthly volume is Prospecting's count
                // over the period, read with the conversions below.
                if mode == InputMode::Rates {
                    v.push(Field::Prospects);
                }
                v.push(Field::DealSize);
                conversions(0..FUNNEL, &mut v);
            }
            Output::Bottleneck | Output::Chart => conversions(0..FUNNEL, &mut v),
            Output::Onboarding | Output::Days(FUNNEL) => v.push(Field::OnboardingDays),
            Output::Conversion(i) => conversions(i..i + 1, &mut v),
            Output::Days(i) => v.push(Field::Days(i)),
            Output::OpenPipeline => v.extend([Field::OpenOpportunities, Field::DealSize]),
        }
        v
    }
}

/// The result on screen, output by output.
#[derive(Debug, Clone, PartialEq)]
pub struct Partial {
    pub mode: InputMode,
    /// The counts' period, which the monthly volume comes from in counts
    /// mode.
    pub period: CountPeriod,
    /// Every visible field with where its number comes from.
    pub sources: Vec<(Field, Source)>,
    /// The ranges are the last valid ones ("My baseline" is being fixed).
    pub baseline_carried: bool,
    /// The formulas run on every known number (missing ones as 0); `None`
    /// only while no valid baseline has been seen.
    pub snapshot: Option<Snapshot>,
}

impl Partial {
    /// The result for `form`, carrying each field's last valid number from
    /// `prev` while it is being fixed. An empty form starts afresh, so Clear
    /// really clears.
    pub fn new(doc: &BenchmarksDoc, form: &ParsedForm, prev: Option<&Partial>) -> Partial {
        let prev = prev.filter(|_| !form.blank);
        let carried = |f: Field| {
            prev.and_then(|p| p.source(f).value())
                .map_or(Source::Missing, Source::Carried)
        };
        let sources: Vec<(Field, Source)> = form
            .fields
            .iter()
            .map(|(f, r)| {
                let refused = form.count_warnings.iter().any(|w| w.field() == *f);
                let typed = r
                    .as_ref()
                    .ok()
                    .copied()
                    .filter(|v| v.is_finite() && !refused);
                (*f, typed.map_or_else(|| carried(*f), Source::Typed))
            })
            .collect();
        let (baseline, baseline_carried) = match form.baseline {
            Some(b) => (Some(b), false),
            None => (
                prev.and_then(|p| p.snapshot.as_ref()).map(|s| s.baseline),
                true,
            ),
        };
        let value = |f: Field| {
            sources
                .iter()
                .find(|(g, _)| *g == f)
                .and_then(|(_, s)| s.value())
                .unwrap_or(0.0)
        };
        let conversion = match doc.mode {
            InputMode::Rates => std::array::from_fn(|i| value(Field::Conversion(i))),
            InputMode::Counts => {
                rates_from_counts(&std::array::from_fn(|i| value(Field::Count(i))))
            }
        };
        let prospects = match doc.mode {
            InputMode::Rates => value(Field::Prospects),
            InputMode::Counts => monthly_from_counts(value(Field::Count(0)), doc.count_period),
        };
        let figures = Figures {
            prospects,
            open_opportunities: value(Field::OpenOpportunities),
            deal_size: value(Field::DealSize),
            conversion,
            days: std::array::from_fn(|i| value(Field::Days(i))),
            onboarding_days: value(Field::OnboardingDays),
        };
        let snapshot = baseline.map(|baseline| Snapshot {
            analysis: analyse(&figures, &baseline),
            baseline,
            segment: doc.segment,
            figures,
        });
        Partial {
            mode: doc.mode,
            period: doc.count_period,
            sources,
            baseline_carried,
            snapshot,
        }
    }

    /// Where field `f`'s number comes from (`Missing` when not visible).
    pub fn source(&self, f: Field) -> Source {
        self.sources
            .iter()
            .find(|(g, _)| *g == f)
            .map_or(Source::Missing, |(_, s)| *s)
    }

    /// Whether `o` can be shown, and if not, which fields it needs.
    pub fn ready(&self, o: Output) -> Ready {
        if self.snapshot.is_none() {
            return Ready::Needs(Vec::new());
        }
        let inputs = o.inputs(self.mode);
        let needs: Vec<Field> = inputs
            .iter()
            .copied()
            .filter(|f| self.source(*f) == Source::Missing)
            .collect();
        if !needs.is_empty() {
            Ready::Needs(needs)
        } else if self.baseline_carried
            || inputs
                .iter()
                .any(|f| matches!(self.source(*f), Source::Carried(_)))
        {
            Ready::Stale
        } else {
            Ready::Now
        }
    }

    /// The analysis, when `o` can be shown.
    pub fn analysis_for(&self, o: Output) -> Option<&Analysis> {
        self.ready(o)
            .shows()
            .then(|| self.snapshot.as_ref().map(|s| &s.analysis))
            .flatten()
    }

    /// Something on screen comes from earlier numbers.
    pub fn stale(&self) -> bool {
        self.snapshot.is_some()
            && (self.baseline_carried
                || self
                    .sources
                    .iter()
                    .any(|(_, s)| matches!(s, Source::Carried(_))))
    }

    /// Every field has a number (current or carried): the whole result,
    /// the what-if and the CSV can be shown.
    pub fn complete(&self) -> bool {
        self.snapshot.is_some() && self.sources.iter().all(|(_, s)| *s != Source::Missing)
    }

    /// The snapshot when [`complete`](Self::complete).
    pub fn full(&self) -> Option<&Snapshot> {
        self.snapshot.as_ref().filter(|_| self.complete())
    }
}

/// "Closing days" or "Closing days and Onboarding days to first value",
/// from a list of fields: the words after "Needs:". Long lists are cut
/// after three names ("and 4 more") so a card stays readable.
pub fn needs_text(fields: &[Field]) -> String {
    if fields.is_empty() {
        return "a baseline without errors".into();
    }
    let names: Vec<String> = fields.iter().take(3).map(|f| f.label()).collect();
    let rest = fields.len().saturating_sub(3);
    match (names.len(), rest) {
        (1, _) => names[0].clone(),
        (n, 0) => format!("{} and {}", names[..n - 1].join(", "), names[n - 1]),
        (_, r) => format!("{} and {r} more", names.join(", ")),
    }
}

/// "Small sample: Solution presentation (20 deals) and Closing (14 deals);
/// treat it as rough." for an output that reads a count below
/// [`SMALL_SAMPLE`] (counts mode), else nothing.
pub fn small_sample_note(o: Output, mode: InputMode, small: &[(usize, f64)]) -> Option<String> {
    let inputs = o.inputs(mode);
    let hit: Vec<String> = small
        .iter()
        // A stage's rate divides by its own entering count.
        .filter(|(i, _)| {
            inputs.contains(&Field::Count(*i)) && inputs.contains(&Field::Count(i + 1))
        })
        .map(|(i, c)| {
            format!(
                "{} ({} {})",
                Stage::ALL[*i].name(),
                plain_number(*c),
                if *c == 1.0 { "deal" } else { "deals" }
            )
        })
        .collect();
    if hit.is_empty() {
        return None;
    }
    let names: Vec<&str> = hit.iter().map(String::as_str).collect();
    Some(format!(
        "Small sample: {} had fewer than 30 deals entering; treat this as rough.",
        join_names(&names)
    ))
}
