//! Small text helpers the summary cards, the stage table and the
//! what-if panel all use. Their own module, so those views depend on it
//! rather than on each other.

use crate::components::format::number;

/// Days as people write them: "62" or "7.5".
pub(super) fn days_text(d: f64) -> String {
    let d = crate::numbers::finite_non_negative(d);
    if d.fract() == 0.0 {
        number(d, 0)
    } else {
        number(d, 1)
    }
}
