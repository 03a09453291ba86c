//! Pure model of the benchmarks tool.

use crate::storage::Document;
use serde::{Deserialize, Serialize};

/// Everything the benchmarks tool persists.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BenchmarksDoc {}

impl Document for BenchmarksDoc {
    const KEY: &'static str = "benchmarks";
    const VERSION: u32 = 1;
}
