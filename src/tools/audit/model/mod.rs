//! Pure model of the audit tool: answers, the question flow, scoring, tiers,
//! the fix list, history and the plain-text summary.
//!
//! No browser, Leptos or storage code lives here, so every rule is tested
//! natively. The views only render what these functions return and feed user
//! actions back through [`AuditDoc::apply`].
//!
//! One file per part: `score` (answers, tiers, fixes), `flow` (steps,
//! actions and the reducer), `date` (how a completion date is stored),
//! `history` and `summary`. Share codes and share routes live in
//! `../share.rs`, which builds on this model (never the other way round).

mod date;
mod flow;
mod history;
mod score;
mod summary;

pub use flow::*;
pub use history::*;
pub use score::*;
pub use summary::*;

// Pure tests run natively (`cargo test`); the wasm tier runs tests/web_*.rs.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
