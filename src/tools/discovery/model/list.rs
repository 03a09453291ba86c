//! The call list's rows and the orders it offers.

use super::{Call, Topic};
use chrono::{DateTime, NaiveDate, Utc};

/// What one row of the list shows.
#[derive(Debug, Clone, PartialEq)]
pub struct CallRow {
    pub id: u64,
    pub title: String,
    pub date: NaiveDate,
    pub deal_id: Option<String>,
    pub covered: usize,
    pub updated_at: DateTime<Utc>,
}

impl From<&Call> for CallRow {
    fn from(c: &Call) -> Self {
        CallRow {
            id: c.id,
            title: c.display_title(),
            date: c.date,
            deal_id: c.deal_id.clone(),
            covered: Topic::ALL.len() - c.missing_topics().len(),
            updated_at: c.updated_at,
        }
    }
}

/// The orders the call list offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CallSort {
    /// Newest call date first (the default: the call you just had).
    #[default]
    Date,
    /// Most recently edited first.
    Edited,
    /// A to Z.
    Title,
    /// Least covered first: the calls that still have gaps.
    Gaps,
}

impl CallSort {
    pub const ALL: [CallSort; 4] = [
        CallSort::Date,
        CallSort::Edited,
        CallSort::Title,
        CallSort::Gaps,
    ];

    pub fn label(self) -> &'static str {
        match self {
            CallSort::Date => "Call date, newest first",
            CallSort::Edited => "Last edited",
            CallSort::Title => "Title",
            CallSort::Gaps => "Most gaps first",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            CallSort::Date => "date",
            CallSort::Edited => "edited",
            CallSort::Title => "title",
            CallSort::Gaps => "gaps",
        }
    }

    pub fn from_slug(slug: &str) -> CallSort {
        CallSort::ALL
            .into_iter()
            .find(|s| s.slug() == slug)
            .unwrap_or_default()
    }
}

/// `rows` in `order`; ties go to the newest call, then the highest id, so
/// the order is total and stable across renders.
pub fn sort_calls(rows: &mut [CallRow], order: CallSort) {
    rows.sort_by(|a, b| {
        let primary = match order {
            CallSort::Date => b.date.cmp(&a.date),
            CallSort::Edited => b.updated_at.cmp(&a.updated_at),
            CallSort::Title => crate::text::lower(&a.title).cmp(&crate::text::lower(&b.title)),
            CallSort::Gaps => a.covered.cmp(&b.covered),
        };
        primary.then(b.date.cmp(&a.date)).then(b.id.cmp(&a.id))
    });
}

/// Which calls the list shows by their deal.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum DealFilter {
    #[default]
    Any,
    /// Calls linked to no deal.
    Unlinked,
    /// Calls linked to this deal id.
    Deal(String),
}

impl DealFilter {
    pub fn matches(&self, row: &CallRow) -> bool {
        match self {
            DealFilter::Any => true,
            DealFilter::Unlinked => row.deal_id.is_none(),
            DealFilter::Deal(id) => row.deal_id.as_deref() == Some(id.as_str()),
        }
    }
}
