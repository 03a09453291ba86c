//! Pure model of the stage benchmark calculator.
//!
//! Everything the tool computes lives here so it can be tested natively:
//! the seven-stage benchmark data, the saved inputs (kept as the raw text
//! people typed), parsing, every formula, the verdict sentences and the CSV
//! export. The views only render what these functions return.
//!
//! Units: conversions are percentages (0–100) everywhere a person sees or
//! types them; they become fractions only inside the formulas. Days are days.
//!
//! One file per part: `data` (stages and published ranges), `input` (the
//! saved raw text and its edits), `form` (everything parsed once), `counts`,
//! `formulas`, `partial` (each output as soon as its own inputs are in),
//! `coverage`, `whatif`, `scenario` (the what-if's changes and each one's
//! own effect), `period` (the counts' period), `export`, and `copy` for the fixed words.

mod copy;
mod counts;
mod coverage;
mod data;
mod export;
mod form;
mod formulas;
mod input;
mod partial;
mod period;
mod provenance;
mod scenario;
mod share;
mod spreadsheet;
mod whatif;

pub use copy::*;
pub use counts::*;
pub use coverage::*;
pub use data::*;
pub use export::*;
pub use form::*;
pub use formulas::*;
pub use input::*;
pub use partial::*;
pub use period::*;
pub use provenance::*;
pub use scenario::*;
pub use share::*;
pub use spreadsheet::*;
pub use whatif::*;

pub use crate::tone::Tone;

/// Number of stages that have a conversion rate and a time in stage that
/// count towards the funnel (Prospecting through Closing).
pub const FUNNEL: usize = 6;

// Pure tests run natively (`cargo test`); the wasm tier runs tests/web_*.rs.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
