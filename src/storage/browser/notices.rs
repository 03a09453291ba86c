//! The notices storage raises for the shell to show: what went wrong and
//! what is (and is not) kept.

use leptos::prelude::*;

/// Something about storage the user should know.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// Storage is unavailable from the start: nothing will be kept.
    MemoryOnly,
    /// A save failed part-way (usually a full quota): newer changes are not kept.
    WriteFailed,
    /// Saved data could not be read. When `backed_up`, its raw text was
    /// copied to `backup_key` and the tool started fresh; otherwise (no room
    /// for the copy) it is left where it was and the tool works in memory.
    Corrupt {
        key: String,
        backup_key: String,
        raw: String,
        reason: String,
        backed_up: bool,
    },
    /// Reading `key` threw: its saved data is left alone, and the tool works
    /// in memory without writing to it.
    ReadFailed { key: String },
    /// Saved data comes from a newer Stagecraft; it is left untouched and
    /// this tab's changes are not saved.
    Newer { key: String, found: u64 },
}

/// The shell's list of storage notices, shared through context. Tools never
/// see it: `use_document` reports into it on their behalf.
#[derive(Clone, Copy)]
pub struct Notices(RwSignal<Vec<Notice>>);

impl Notices {
    pub fn new() -> Self {
        Notices(RwSignal::new(Vec::new()))
    }

    /// Adds a notice unless an identical one is already showing.
    pub fn push(&self, notice: Notice) {
        self.0.update(|list| {
            if !list.contains(&notice) {
                list.push(notice);
            }
        });
    }

    pub fn dismiss(&self, index: usize) {
        self.0.update(|list| {
            if index < list.len() {
                list.remove(index);
            }
        });
    }

    pub fn list(&self) -> Signal<Vec<Notice>> {
        self.0.into()
    }
}

impl Default for Notices {
    fn default() -> Self {
        Self::new()
    }
}

pub(super) fn notify(notices: Option<Notices>, notice: Notice) {
    if let Some(n) = notices {
        n.push(notice);
    }
}
