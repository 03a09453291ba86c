//! The qualification deals a call can be linked to, read once from the
//! qualify tool's saved data (it is never open at the same time).

use crate::storage::browser::read_raw;
use crate::storage::storage_key;
use crate::tools::discovery::model::deal_choices_from_stored;
use crate::tools::qualify::model::DealsDoc;

/// A deal the rep can pick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DealOption {
    pub id: String,
    pub name: String,
}

/// Deals saved on this device, most recently updated first.
///
/// Reads only the fields the picker needs (see `deal_choices_from_stored`)
/// rather than `read_document::<DealsDoc>()`, to keep this page small.
pub fn deal_options() -> Vec<DealOption> {
    deal_choices_from_stored(read_raw(&storage_key::<DealsDoc>()).as_deref())
        .into_iter()
        .map(|(id, name)| DealOption { id, name })
        .collect()
}

/// The name of one deal, if it still exists.
pub fn deal_name(id: &str) -> Option<String> {
    deal_options()
        .into_iter()
        .find(|d| d.id == id)
        .map(|d| d.name)
}
