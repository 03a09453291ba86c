//! The parsed form: every visible field of the document parsed once, and
//! everything that follows from it (the figures, the chosen ranges, the
//! count warnings and the result). The view keeps one of these in a memo
//! and derives the rest, instead of re-parsing the raw text per question.
//!
//! Also the reducer's outcome: which finished result to report to an
//! embedding host, once per distinct result.

use super::*;
use crate::numbers::NumberError;

/// A complete result together with what produced it, so a view can keep
/// showing the last valid one (marked stale) while a field is being fixed.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub analysis: Analysis,
    pub baseline: Baseline,
    pub segment: Segment,
    pub figures: Figures,
}

/// `None` while any input or the chosen baseline is invalid.
pub fn snapshot(doc: &BenchmarksDoc) -> Option<Snapshot> {
    ParsedForm::from(doc).snapshot
}

/// The document's raw text read once.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedForm {
    /// Every field visible in the document's mode, in form order, with what
    /// its text parses to (an empty optional field counts as 0).
    pub fields: Vec<(Field, Result<f64, NumberError>)>,
    /// Nothing typed in any visible field yet: the result area then invites
    /// the user in instead of listing errors.
    pub blank: bool,
    /// The numbers the formulas take, when every visible field is valid.
    pub figures: Option<Figures>,
    /// The chosen segment's ranges; `None` while "My baseline" has errors.
    pub baseline: Option<Baseline>,
    /// Counts mode: stages where more deals came out than went in, checked
    /// pair by pair as soon as both counts are typed. Each is refused on
    /// the later count's field, and no result is built from them.
    pub count_warnings: Vec<CountWarning>,
    /// Counts mode: converting stages with fewer than [`SMALL_SAMPLE`]
    /// deals entering, with their count.
    pub small_samples: Vec<(usize, f64)>,
    /// The result, when both the figures and the ranges are valid.
    pub snapshot: Option<Snapshot>,
}

impl From<&BenchmarksDoc> for ParsedForm {
    fn from(doc: &BenchmarksDoc) -> ParsedForm {
        let fields: Vec<(Field, Result<f64, NumberError>)> = Field::visible(doc.mode)
            .into_iter()
            .map(|f| (f, doc.parse(f)))
            .collect();
        let blank = fields.iter().all(|(f, _)| doc.raw(*f).trim().is_empty());
        let value = |f: Field| {
            fields
                .iter()
                .find(|(g, _)| *g == f)
                .and_then(|(_, r)| r.as_ref().ok().copied())
        };
        let counts: Option<[f64; 7]> = match doc.mode {
            InputMode::Counts => (0..7)
                .map(|i| value(Field::Count(i)))
                .collect::<Option<Vec<f64>>>()
                .and_then(|v| v.try_into().ok()),
            InputMode::Rates => None,
        };
        let known: [Option<f64>; 7] = std::array::from_fn(|i| match doc.mode {
            InputMode::Counts => value(Field::Count(i)),
            InputMode::Rates => None,
        });
        let count_warnings = count_warnings_known(&known);
        let all_valid = fields.iter().all(|(_, r)| r.is_ok()) && count_warnings.is_empty();
        let figures = if all_valid {
            let v = |f| value(f).unwrap_or(0.0);
            let conversion = match (doc.mode, &counts) {
                (InputMode::Counts, Some(c)) => Some(rates_from_counts(c)),
                (InputMode::Counts, None) => None,
                (InputMode::Rates, _) => Some(std::array::from_fn(|i| v(Field::Conversion(i)))),
            };
            // With counts, the monthly volume comes from them too.
            let prospects = match (doc.mode, &counts) {
                (InputMode::Counts, Some(c)) => monthly_from_counts(c[0], doc.count_period),
                _ => v(Field::Prospects),
            };
            conversion.map(|conversion| Figures {
                prospects,
                open_opportunities: v(Field::OpenOpportunities),
                deal_size: v(Field::DealSize),
                conversion,
                days: std::array::from_fn(|i| v(Field::Days(i))),
                onboarding_days: v(Field::OnboardingDays),
            })
        } else {
            None
        };
        let baseline = doc.active_baseline();
        let snapshot = figures.zip(baseline).map(|(figures, baseline)| Snapshot {
            analysis: analyse(&figures, &baseline),
            baseline,
            segment: doc.segment,
            figures,
        });
        ParsedForm {
            fields,
            blank,
            figures,
            baseline,
            count_warnings,
            small_samples: small_samples(&known),
            snapshot,
        }
    }
}

impl ParsedForm {
    /// The visible fields that do not hold an acceptable number.
    pub fn invalid_fields(&self) -> impl Iterator<Item = (Field, &NumberError)> + '_ {
        self.fields
            .iter()
            .filter_map(|(f, r)| r.as_ref().err().map(|e| (*f, e)))
    }

    /// How many visible fields still need a valid number.
    pub fn invalid_count(&self) -> usize {
        self.invalid_fields().count()
    }

    /// The refusal shown on field `f`, when its count is larger than the
    /// stage's before it.
    pub fn refusal(&self, f: Field) -> Option<String> {
        self.count_warnings
            .iter()
            .find(|w| w.field() == f)
            .map(CountWarning::message)
    }

    /// How many fields need fixing: invalid numbers and refused counts.
    pub fn problem_count(&self) -> usize {
        self.invalid_count() + self.count_warnings.len()
    }
}

/// Something the view must do once after an action, beyond re-rendering.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Outcome {
    /// A result not reported before: tell an embedding host.
    Completed {
        velocity_per_day: Option<f64>,
        bottleneck: Option<Stage>,
    },
}

/// The last result reported to an embedding host. Kept beside the document
/// (never saved), so a typo and its fix, or Clear and Undo, which come back
/// to the same result, do not report it twice.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Reported(Option<(Option<i64>, Option<Stage>)>);

impl Reported {
    /// The outcome of reaching `form`: `Completed` when it holds a result
    /// that differs from the last one reported (velocity to the cent, and
    /// the bottleneck), which it then remembers.
    pub fn settle(&mut self, form: &ParsedForm) -> Option<Outcome> {
        let a = &form.snapshot.as_ref()?.analysis;
        let v = a.velocity_per_day;
        let key = (v.map(|v| (v * 100.0).round() as i64), a.bottleneck);
        if self.0 == Some(key) {
            return None;
        }
        self.0 = Some(key);
        Some(Outcome::Completed {
            velocity_per_day: v,
            bottleneck: a.bottleneck,
        })
    }
}

impl BenchmarksDoc {
    /// The reducer: applies `action`, then reports a finished result that
    /// `reported` has not seen yet, as audit's reducer reports a finished
    /// audit.
    pub fn reduce(&mut self, action: Action, reported: &mut Reported) -> Option<Outcome> {
        self.apply(action);
        reported.settle(&ParsedForm::from(&*self))
    }
}
