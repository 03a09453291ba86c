//! The qualification deals a call can be linked to, read once through the
//! view the qualify tool publishes of its data (it is never open at the
//! same time).

use crate::storage::browser::read_view;
use crate::tools::qualify::model::light::DealsLight;

/// A deal the rep can pick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DealOption {
    pub id: String,
    pub name: String,
}

/// Deals saved on this device, most recently updated first.
///
/// Reads qualify's light view rather than `read_document::<DealsDoc>()`:
/// decoding whole deals would add about 40 KB to this page for a drop-down.
pub fn deal_options() -> Vec<DealOption> {
    read_view::<DealsLight>()
        .map(DealsLight::choices)
        .unwrap_or_default()
        .into_iter()
        .map(|(id, name)| DealOption { id, name })
        .collect()
}

/// One deal's name (as the picker labels it) and company, from a single
/// read of the view: the recap needs both, and each read decodes the whole
/// stored list.
pub fn linked_deal(id: &str) -> Option<(String, String)> {
    let light = read_view::<DealsLight>()?;
    let company = light.company(id).unwrap_or_default();
    let (_, name) = light.choices().into_iter().find(|(d, _)| d == id)?;
    Some((name, company))
}

/// The name of one deal, if it still exists.
pub fn deal_name(id: &str) -> Option<String> {
    linked_deal(id).map(|(name, _)| name)
}
