//! Small text helpers the summary cards, the stage table and the
//! what-if panel all use. Their own module, so those views depend on it
//! rather than on each other.

use crate::components::format::number;
use crate::tools::benchmarks::model::Range;

/// Days as people write them: "62" or "7.5".
pub(super) fn days_text(d: f64) -> String {
    let d = crate::numbers::finite_non_negative(d);
    if d.fract() == 0.0 {
        number(d, 0)
    } else {
        number(d, 1)
    }
}

/// The model's `plain_number` (at most one decimal, a trailing zero
/// dropped: "12", "7.5") in the screen's locale ("7,5").
pub(super) fn plain_text(x: f64) -> String {
    let r = (crate::numbers::finite_non_negative(x) * 10.0).round() / 10.0;
    days_text(r)
}

/// A percentage with the cards' locale ("52.5%", "52,5%"), never the
/// model's US-only `plain_number`, so the table matches the cards.
pub(super) fn percent_text(v: f64) -> String {
    format!("{}%", plain_text(v))
}

/// A benchmark range in the screen's locale: "60–75", "7,5–10".
pub(super) fn range_text(r: Range) -> String {
    format!("{}–{}", plain_text(r.low), plain_text(r.high))
}
