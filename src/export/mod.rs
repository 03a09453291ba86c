//! Files other programs open: spreadsheets (CSV), calendars (.ics), address
//! books (.vcf) and CRM imports (HubSpot, Salesforce Data Loader).
//!
//! Everything here is pure: it turns neutral, tool-independent records into
//! text (and CSV text back into rows), so each format is tested natively
//! against hand-checked golden files. The views only pick what to export and
//! hand the text to a download.
//!
//! - [`csv`]: RFC 4180 writer and reader (on `csv-core`), with OWASP
//!   CSV-injection neutralisation of text a person typed;
//! - [`ics`]: RFC 5545 calendar of all-day events;
//! - [`vcard`]: vCard 3.0 (RFC 2426) contact cards;
//! - [`crm`]: HubSpot deal and Salesforce opportunity import files;
//! - `text` (private): the escaping and 75-octet folding that .ics and .vcf
//!   share, written once.

pub mod crm;
pub mod csv;
pub mod ics;
mod text;
pub mod vcard;

pub use text::unfold;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
