//! The four tools, and restoring their data (`restore`). Each tool's
//! folder holds a pure `model/` (data, formulas, flows; tested natively)
//! and, on wasm only, the views that render it.

pub mod audit;
pub mod benchmarks;
pub mod discovery;
pub mod qualify;
pub mod restore;

use crate::storage::{check_document, Document, KEY_PREFIX};

/// What a stored document holds, in the user's words, for messages about
/// it ("The deals in this file can't be used…").
pub fn document_label(key: &str) -> &'static str {
    match key.strip_prefix(KEY_PREFIX) {
        Some(k) if k == audit::model::AuditDoc::KEY => "audit",
        Some(k) if k == qualify::model::DealsDoc::KEY => "deals",
        Some(k) if k == discovery::model::CallsDoc::KEY => "calls",
        Some(k) if k == benchmarks::model::BenchmarksDoc::KEY => "calculator inputs",
        Some(k) if k == crate::settings::Settings::KEY => "settings",
        _ => "data",
    }
}

/// Import validation: every document in an import file must be one this
/// build knows, and must decode cleanly, before anything is written.
pub fn validate_document(key: &str, raw: &str) -> Result<(), String> {
    let short = key
        .strip_prefix(KEY_PREFIX)
        .ok_or("it is not Stagecraft data")?;
    match short {
        k if k == audit::model::AuditDoc::KEY => check_document::<audit::model::AuditDoc>(raw),
        k if k == qualify::model::DealsDoc::KEY => check_document::<qualify::model::DealsDoc>(raw),
        k if k == discovery::model::CallsDoc::KEY => {
            check_document::<discovery::model::CallsDoc>(raw)
        }
        k if k == benchmarks::model::BenchmarksDoc::KEY => {
            check_document::<benchmarks::model::BenchmarksDoc>(raw)
        }
        k if k == crate::settings::Settings::KEY => {
            check_document::<crate::settings::Settings>(raw)
        }
        _ => Err("this version of Stagecraft does not know that data".into()),
    }
}
