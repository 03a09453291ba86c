//! Stagecraft: a B2B sales-process toolkit that runs entirely in the browser.
//!
//! The crate is split so that everything worth testing for correctness is
//! pure Rust and builds natively in seconds:
//! - `route`, `embed`, `numbers`, `dates`, `storage` and each `tools::<tool>::model`
//!   have no browser or Leptos dependency;
//! - `app`, `shell`, `components`, `storage::browser` and each tool's views exist only
//!   on `wasm32`, where Leptos and web-sys are compiled in.

pub mod dates;
pub mod deal;
pub mod embed;
pub mod export;
pub mod numbers;
pub mod order;
pub mod route;
pub mod settings;
pub mod share_code;
pub mod storage;
pub mod text;
pub mod tone;
pub mod tool;
pub mod tools;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod shell;

#[cfg(target_arch = "wasm32")]
pub use app::{mount, App};
