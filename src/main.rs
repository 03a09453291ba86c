//! Entry point: mounts the app into its host element and nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    stagecraft::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Stagecraft runs in the browser: see README.md for `scripts/run.sh`.");
}
