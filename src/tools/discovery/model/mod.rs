//! Pure model of the discovery tool: calls, the four-part script as a flow,
//! clocks kept as timestamps, talk balance, quantified pain, stakeholders,
//! the mutual action plan, coverage of discovery topics, and the recap.
//!
//! No browser code lives here. Every time-dependent answer takes `now` (or
//! `today`) as an argument, so the clocks are exact after a reload or in a
//! background tab, and every formula is testable natively.
//!
//! One file per part: `section` (the script), `clock`, `talk`, `pain`,
//! `people`, `plan` (outcome, decision process, action plan), `coverage`,
//! `call` (calls, edits, the document), `screen` and `recap`.
//! Everything is re-exported here, so `model::Call` and friends keep their
//! paths.

pub use super::bank;

mod call;
mod clock;
mod coverage;
mod files;
pub mod light;
mod list;
mod pain;
mod people;
mod plan;
mod recap;
mod screen;
mod section;
mod talk;

pub use call::*;
pub use clock::*;
pub use coverage::*;
pub use files::*;
pub use list::*;
pub use pain::*;
pub use people::*;
pub use plan::*;
pub use recap::*;
pub use screen::*;
pub use section::*;
pub use talk::*;

// Names the views used before the date layouts moved to `crate::dates`.
pub use crate::dates::{
    date_input_value, day_full_month_year as format_date_long, day_month_year as format_date_short,
    iso_date as ymd_string, month_name, parse_iso_date as parse_date_input,
};

// Pure tests run natively (`cargo test`); the wasm tier runs tests/web_*.rs.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
