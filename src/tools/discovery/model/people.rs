//! Stakeholders and the multi-threading check.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Role {
    Champion,
    EconomicBuyer,
    TechnicalBuyer,
    EndUser,
    Blocker,
    #[default]
    Other,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Champion,
        Role::EconomicBuyer,
        Role::TechnicalBuyer,
        Role::EndUser,
        Role::Blocker,
        Role::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Role::Champion => "Champion",
            Role::EconomicBuyer => "Economic buyer",
            Role::TechnicalBuyer => "Technical buyer",
            Role::EndUser => "End user",
            Role::Blocker => "Blocker",
            Role::Other => "Other",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Role::Champion => "champion",
            Role::EconomicBuyer => "economic-buyer",
            Role::TechnicalBuyer => "technical-buyer",
            Role::EndUser => "end-user",
            Role::Blocker => "blocker",
            Role::Other => "other",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.slug() == slug)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stakeholder {
    pub id: u64,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub role: Role,
    /// Email, kept as typed (a doubtful one gets a message, never a rewrite).
    #[serde(default)]
    pub email: String,
    /// Phone, kept as typed.
    #[serde(default)]
    pub phone: String,
}

/// Why an email doesn't look like one, if it doesn't. Deliberately loose
/// (one `@`, something before it, a dot in the domain, no spaces): real
/// addresses vary too much for a stricter rule, and the text is kept anyway.
pub fn email_problem(email: &str) -> Option<&'static str> {
    let e = email.trim();
    if e.is_empty() {
        return None;
    }
    let ok = match e.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !e.contains(char::is_whitespace)
        }
        None => false,
    };
    (!ok).then_some(
        "This doesn't look like an email address (name@company.com). It is kept as typed.",
    )
}

/// Why a phone number doesn't look like one, if it doesn't: it needs 7 to
/// 15 digits (ITU E.164 allows at most 15) and only the marks people write
/// between them (`+`, spaces, `-`, `.`, `/`, brackets), plus an optional
/// extension after "x" or "ext".
pub fn phone_problem(phone: &str) -> Option<&'static str> {
    let p = phone.trim();
    if p.is_empty() {
        return None;
    }
    let ascii = p.to_ascii_lowercase();
    let main = ascii
        .split_once("ext")
        .or_else(|| ascii.split_once('x'))
        .map_or(ascii.as_str(), |(m, _)| m);
    let digits = main.bytes().filter(u8::is_ascii_digit).count();
    let marks_only = main
        .bytes()
        .all(|b| b.is_ascii_digit() || b" +-./()".contains(&b));
    let ok = marks_only && (7..=15).contains(&digits) && !main.get(1..).unwrap_or("").contains('+');
    (!ok).then_some("This doesn't look like a phone number (7 to 15 digits, e.g. +1 555 010 0199). It is kept as typed.")
}

/// Multi-threading into three or more people protects a deal from one
/// contact leaving; the economic buyer must be one of them.
pub const MIN_STAKEHOLDERS: usize = 3;

/// The result of the multi-threading check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MultiThread {
    /// Named stakeholders (rows with a blank name do not count).
    pub named: usize,
    pub has_economic_buyer: bool,
}

impl MultiThread {
    pub fn passes(&self) -> bool {
        self.named >= MIN_STAKEHOLDERS && self.has_economic_buyer
    }

    /// One sentence that names the state and the next action. The passing
    /// text says "ok" and the failing one says "at risk" (and never "ok").
    pub fn message(&self) -> String {
        if self.passes() {
            return format!(
                "Multi-threading ok: {} people, including the economic buyer.",
                self.named
            );
        }
        let mut todo = Vec::new();
        let missing = MIN_STAKEHOLDERS.saturating_sub(self.named);
        if missing > 0 {
            todo.push(format!(
                "add {missing} more {}",
                if missing == 1 { "person" } else { "people" }
            ));
        }
        if !self.has_economic_buyer {
            todo.push("ask your champion to introduce the economic buyer".to_string());
        }
        format!("Multi-threading at risk: {}.", todo.join(" and "))
    }
}

pub fn multithread(stakeholders: &[Stakeholder]) -> MultiThread {
    let named: Vec<_> = stakeholders
        .iter()
        .filter(|s| !s.name.trim().is_empty())
        .collect();
    MultiThread {
        named: named.len(),
        has_economic_buyer: named.iter().any(|s| s.role == Role::EconomicBuyer),
    }
}
