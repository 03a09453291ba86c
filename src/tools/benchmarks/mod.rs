//! Benchmarks tool: pure model plus its views.

pub mod model;

#[cfg(target_arch = "wasm32")]
mod view;
#[cfg(target_arch = "wasm32")]
pub use view::BenchmarksTool;
