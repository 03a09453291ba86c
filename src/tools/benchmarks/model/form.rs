//! The parsed form: every field of the document parsed once, and the
//! result it gives.

use super::*;

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
    let figures = doc.figures()?;
    let baseline = doc.active_baseline()?;
    Some(Snapshot {
        analysis: analyse(&figures, &baseline),
        baseline,
        segment: doc.segment,
        figures,
    })
}
