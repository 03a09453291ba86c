//! Event listeners, intervals and timers that end with the component that
//! started them.
//!
//! Why not leptos-use: its `use_event_listener` watches its target through a
//! filtered effect, which compiled a debounce and a throttle filter and a
//! fresh generic watcher for every call site, about 5 KB brotli per page for
//! what is a listener and a cleanup. Everything here goes through one
//! non-generic function per kind, so a call site costs only its handler.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::{closure::Closure, JsCast};

/// Calls `handler` on every `event` at `target` until the current owner is
/// cleaned up. The handler gets the plain `Event`; narrow it with
/// `unchecked_ref` where the event type is known from its name.
pub fn listen(
    target: impl Into<web_sys::EventTarget>,
    event: &str,
    handler: impl FnMut(web_sys::Event) + 'static,
) {
    listen_boxed(target.into(), event, Box::new(handler));
}

fn listen_boxed(
    target: web_sys::EventTarget,
    event: &str,
    handler: Box<dyn FnMut(web_sys::Event)>,
) {
    let closure = Closure::wrap(handler);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    // The cleanup may run on the reactive owner's schedule, which wants
    // `Send`; this all stays on the page's one thread.
    let held = SendWrapper::new((target, event.to_string(), closure));
    on_cleanup(move || {
        let (target, event, closure) = held.take();
        let _ =
            target.remove_event_listener_with_callback(&event, closure.as_ref().unchecked_ref());
    });
}

/// Calls `tick` every `ms` milliseconds until the current owner is cleaned up.
pub fn every(ms: u64, tick: impl Fn() + 'static) {
    every_boxed(ms, Box::new(tick));
}

fn every_boxed(ms: u64, tick: Box<dyn Fn()>) {
    if let Ok(handle) = set_interval_with_handle(tick, Duration::from_millis(ms)) {
        on_cleanup(move || handle.clear());
    }
}

/// A restartable one-shot timer, cancelled when its owner is cleaned up
/// (the undo window, the "Copied" label). The handle lives outside the
/// reactive arena, so the cleanup still finds it whatever order the owner
/// disposes things in.
#[derive(Clone)]
pub struct Timer {
    handle: Rc<Cell<Option<TimeoutHandle>>>,
}

impl Timer {
    /// A stopped timer.
    pub fn new() -> Self {
        let timer = Self {
            handle: Rc::new(Cell::new(None)),
        };
        let held = SendWrapper::new(timer.clone());
        on_cleanup(move || held.take().stop());
        timer
    }

    /// Starts the countdown again from `ms`, dropping any earlier one.
    pub fn restart(&self, ms: u64, done: impl FnOnce() + 'static) {
        self.restart_boxed(ms, Box::new(done));
    }

    fn restart_boxed(&self, ms: u64, done: Box<dyn FnOnce()>) {
        self.stop();
        let handle = self.handle.clone();
        let h = set_timeout_with_handle(
            move || {
                handle.set(None);
                done();
            },
            Duration::from_millis(ms),
        )
        .ok();
        self.handle.set(h);
    }

    /// Cancels the countdown, if one is running.
    pub fn stop(&self) {
        if let Some(h) = self.handle.take() {
            h.clear();
        }
    }
}

impl Default for Timer {
    fn default() -> Self {
        Self::new()
    }
}
