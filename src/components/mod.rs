//! Pieces shared by every tool. Each one owns a pattern from the design
//! guide (labelled numeric fields, progress, undo, export actions) so the
//! tools behave the same way everywhere.

mod actions;
pub mod format;
mod number_field;
mod progress;
mod undo;

pub use actions::{download_text, CopyButton, DownloadButton, PrintButton};
pub use number_field::NumberField;
pub use progress::ProgressSteps;
pub use undo::UndoToast;
