//! Small text and badge helpers the summary cards, the stage table and the
//! what-if panel all use. Their own module, so those views depend on it
//! rather than on each other.

use crate::components::format::number;
use crate::tools::benchmarks::model::Tone;

/// Days as people write them: "62" or "7.5".
pub(super) fn days_text(d: f64) -> String {
    let d = crate::numbers::finite_non_negative(d);
    if d.fract() == 0.0 {
        number(d, 0)
    } else {
        number(d, 1)
    }
}

/// CSS modifier for a status tone.
pub(super) fn tone_class(t: Tone) -> &'static str {
    match t {
        Tone::Good => "sc-badge sc-badge--good",
        Tone::Neutral => "sc-badge",
        Tone::Warn => "sc-badge sc-badge--warn",
        Tone::Bad => "sc-badge sc-badge--bad",
    }
}

/// A small shape next to every status word, so status never rests on colour.
pub(super) fn tone_icon(t: Tone) -> &'static str {
    match t {
        Tone::Good => "▲",
        Tone::Neutral => "●",
        Tone::Warn => "◆",
        Tone::Bad => "▼",
    }
}
