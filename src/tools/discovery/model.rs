//! Pure model of the discovery tool.

use crate::storage::Document;
use serde::{Deserialize, Serialize};

/// Everything the discovery tool persists.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CallsDoc {}

impl Document for CallsDoc {
    const KEY: &'static str = "discovery";
    const VERSION: u32 = 1;
}
