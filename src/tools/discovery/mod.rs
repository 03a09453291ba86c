//! Discovery tool: pure model plus its views.

pub mod bank;
pub mod model;

#[cfg(target_arch = "wasm32")]
mod view;
#[cfg(target_arch = "wasm32")]
pub use view::DiscoveryTool;
