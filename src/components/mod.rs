//! Pieces shared by every tool. Each one owns a pattern from the design
//! guide (labelled numeric fields, progress, undo, export actions) so the
//! tools behave the same way everywhere.

mod actions;
pub mod format;
mod number_field;
mod progress;
mod undo;

pub use actions::{download_text, CopyButton, DownloadButton, PrintButton};

/// The `aria-describedby` value for the descriptions on screen right now:
/// the ids that are present, space-separated, or no attribute at all, so a
/// screen reader never points at a hint or error that isn't there.
pub fn described_by<'a>(ids: impl IntoIterator<Item = Option<&'a str>>) -> Option<String> {
    let ids: Vec<&str> = ids.into_iter().flatten().collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}
pub use number_field::NumberField;
pub use progress::ProgressSteps;
pub use undo::UndoToast;
