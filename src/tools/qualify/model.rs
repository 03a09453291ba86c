//! Pure model of the qualify tool.

use crate::storage::Document;
use serde::{Deserialize, Serialize};

/// Everything the qualify tool persists.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DealsDoc {}

impl Document for DealsDoc {
    const KEY: &'static str = "qualify";
    const VERSION: u32 = 1;
}
