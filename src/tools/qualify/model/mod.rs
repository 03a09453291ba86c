//! Pure model of the qualify tool: deals, the four qualification frameworks,
//! the recommendation rules, scoring, verdict, warnings, gaps, the wizard
//! flow and the plain-text / Markdown summary.
//!
//! Nothing here touches the browser, so every rule is tested natively.
//!
//! One file per part: `framework` (frameworks, criteria, answers),
//! `recommend`, `scoring`, `step` (the wizard flow), `deal`, `doc` (the
//! stored document), `screens` (routes, edits, list rows) and `summary`.
//! Everything is re-exported here, so `model::Deal` and friends keep their
//! paths.

mod calls;
pub mod crm;
mod deal;
mod doc;
mod framework;
pub mod light;
mod pipeline;
mod recommend;
mod scoring;
mod screens;
mod step;
mod summary;

pub use calls::*;
pub use crm::*;
pub use deal::*;
pub use doc::*;
pub use framework::*;
pub use pipeline::*;
pub use recommend::*;
pub use scoring::*;
pub use screens::*;
pub use step::*;
pub use summary::*;

// Native only: proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
