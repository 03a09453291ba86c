//! Qualify tool: pure model plus its views.
//!
//! `content` and `model` are pure and tested natively; `view` (the tool
//! root), `list`, `wizard` and `summary` exist only on wasm.

pub mod content;
pub mod model;

#[cfg(target_arch = "wasm32")]
mod list;
#[cfg(target_arch = "wasm32")]
mod summary;
#[cfg(target_arch = "wasm32")]
mod view;
#[cfg(target_arch = "wasm32")]
mod wizard;
#[cfg(target_arch = "wasm32")]
pub use view::QualifyTool;
