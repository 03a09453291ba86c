//! Audit tool: pure model (questions, scoring, flow, share codes) plus its views.

pub mod model;
pub mod questions;
pub mod share;

#[cfg(target_arch = "wasm32")]
mod view;
#[cfg(target_arch = "wasm32")]
pub use view::AuditTool;
