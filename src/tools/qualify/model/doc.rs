//! The stored document: every deal, and the list operations on it.

use super::Deal;
use crate::storage::Document;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DealsDoc {
    pub deals: Vec<Deal>,
}

impl Document for DealsDoc {
    const KEY: &'static str = "qualify";
    const VERSION: u32 = 1;
}

/// A deleted deal and where it was, so Undo puts it back exactly.
#[derive(Debug, Clone, PartialEq)]
pub struct Removed {
    pub deal: Deal,
    pub index: usize,
}

impl DealsDoc {
    pub fn get(&self, id: &str) -> Option<&Deal> {
        self.deals.iter().find(|d| d.id == id)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Deal> {
        self.deals.iter_mut().find(|d| d.id == id)
    }

    /// A new id, unique in this document: time in base 36 plus a caller
    /// supplied salt (random in the browser) so two tabs don't collide.
    pub fn fresh_id(&self, now: DateTime<Utc>, salt: u32) -> String {
        let base = format!(
            "{}{}",
            to_base36(now.timestamp_millis().max(0) as u64),
            to_base36(salt as u64)
        );
        let mut id = base.clone();
        let mut n = 2;
        while self.get(&id).is_some() {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    /// Adds an empty deal and returns its id.
    pub fn create(&mut self, now: DateTime<Utc>, salt: u32) -> String {
        let id = self.fresh_id(now, salt);
        self.deals.push(Deal::new(id.clone(), now));
        id
    }

    pub fn rename(&mut self, id: &str, name: &str, now: DateTime<Utc>) -> bool {
        match self.get_mut(id) {
            Some(d) => {
                d.name = name.trim().to_string();
                d.updated = now;
                true
            }
            None => false,
        }
    }

    /// Copies a deal, answers and all, under "<name> (copy)".
    pub fn duplicate(&mut self, id: &str, now: DateTime<Utc>, salt: u32) -> Option<String> {
        let source = self.get(id)?.clone();
        let new_id = self.fresh_id(now, salt);
        let copy = Deal {
            id: new_id.clone(),
            name: format!("{} (copy)", source.display_name()),
            created: now,
            updated: now,
            ..source
        };
        self.deals.push(copy);
        Some(new_id)
    }

    pub fn delete(&mut self, id: &str) -> Option<Removed> {
        let index = self.deals.iter().position(|d| d.id == id)?;
        Some(Removed {
            deal: self.deals.remove(index),
            index,
        })
    }

    /// Undo of `delete`. Does nothing if the deal is back already (e.g.
    /// restored from another tab).
    pub fn restore(&mut self, removed: Removed) {
        if self.get(&removed.deal.id).is_none() {
            let at = removed.index.min(self.deals.len());
            self.deals.insert(at, removed.deal);
        }
    }

    /// Deals, most recently updated first (ties: newest created, then id).
    pub fn sorted(&self) -> Vec<&Deal> {
        crate::order::sorted_by(&self.deals, |a, b| {
            b.updated
                .cmp(&a.updated)
                .then(b.created.cmp(&a.created))
                .then(a.id.cmp(&b.id))
        })
    }
}

/// For the discovery tool's "link to a deal" picker: (id, label), most
/// recently updated first.
pub fn deal_choices(doc: &DealsDoc) -> Vec<(String, String)> {
    doc.sorted()
        .into_iter()
        .map(|d| {
            let company = d.company.trim();
            let label = if company.is_empty() {
                d.display_name().to_string()
            } else {
                format!("{} ({company})", d.display_name())
            };
            (d.id.clone(), label)
        })
        .collect()
}

fn to_base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    if n == 0 {
        return "0".into();
    }
    let mut out = Vec::new();
    while n > 0 {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}
