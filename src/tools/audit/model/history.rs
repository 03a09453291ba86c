//! Completed audits compared: the score movement since the previous one.

use super::CompletedAudit;
use crate::tools::audit::questions::Area;
use chrono::NaiveDate;

/// Score movement between two completed audits (positive = better).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub since: NaiveDate,
    pub overall: i32,
    pub areas: [(Area, i32); 6],
}

impl Change {
    pub fn between(before: &CompletedAudit, after: &CompletedAudit) -> Change {
        let diff = |a: u32, b: u32| a as i32 - b as i32;
        Change {
            since: before.date,
            overall: diff(after.answers.overall(), before.answers.overall()),
            areas: Area::ALL.map(|area| {
                (
                    area,
                    diff(
                        after.answers.area_score(area),
                        before.answers.area_score(area),
                    ),
                )
            }),
        }
    }
}

/// "+5", "−3" (a real minus sign) or "±0", for score changes.
pub fn signed(delta: i32) -> String {
    match delta {
        0 => "±0".into(),
        d if d > 0 => format!("+{d}"),
        d => format!("−{}", d.unsigned_abs()),
    }
}
