//! Qualify tool: pure model plus its views.
//!
//! `content` and `model` are pure and tested natively; `view` (the tool
//! root, with `view/list`, `view/wizard` and `view/summary`) exists only on
//! wasm.

pub mod content;
pub mod model;

#[cfg(target_arch = "wasm32")]
mod view;
#[cfg(target_arch = "wasm32")]
pub use view::QualifyTool;
