//! The qualification deals a call can be linked to, read once from the
//! qualify tool's saved data (it is never open at the same time).

use crate::storage::browser::read_document;
use crate::tools::qualify::model::{deal_choices, DealsDoc};

/// A deal the rep can pick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DealOption {
    pub id: String,
    pub name: String,
}

/// Deals saved on this device, most recently updated first.
pub fn deal_options() -> Vec<DealOption> {
    read_document::<DealsDoc>()
        .map(|doc| {
            deal_choices(&doc)
                .into_iter()
                .map(|(id, name)| DealOption { id, name })
                .collect()
        })
        .unwrap_or_default()
}

/// The name of one deal, if it still exists.
pub fn deal_name(id: &str) -> Option<String> {
    deal_options()
        .into_iter()
        .find(|d| d.id == id)
        .map(|d| d.name)
}
