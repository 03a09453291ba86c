//! Pieces shared by every tool. Each one owns a pattern from the design
//! guide (labelled fields, badges, progress, undo, export actions, keyboard
//! and focus rules) so the tools behave the same way everywhere.

mod actions;
mod badge;
mod field;
mod focus;
pub mod format;
mod keys;
mod list_window;
pub mod listen;
mod number_field;
mod progress;
mod undo;

pub use actions::{
    download_text, CopyButton, Download, DownloadButton, ExportActions, PrintButton,
};
pub use badge::{tone_class, tone_icon, Badge};
pub use field::{described_by, use_field, DateField, Field, FieldControl, Hint, TextField};
pub use focus::focus_after_render;
pub use keys::in_text_control;
pub use list_window::{ListFooter, ListSearch, PAGE};
pub use number_field::NumberField;
pub use progress::ProgressSteps;
pub use undo::UndoToast;
