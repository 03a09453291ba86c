//! Pure model of the audit tool.

use crate::storage::Document;
use serde::{Deserialize, Serialize};

/// Everything the audit tool persists.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AuditDoc {}

impl Document for AuditDoc {
    const KEY: &'static str = "audit";
    const VERSION: u32 = 1;
}
