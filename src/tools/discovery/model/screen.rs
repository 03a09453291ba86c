//! Screens within the tool (the part of the route after `#/discovery/`).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    List,
    Call(u64),
    Recap(u64),
}

impl Screen {
    pub fn parse(rest: &str) -> Screen {
        let mut parts = rest.trim_matches('/').split('/');
        let id = parts.next().and_then(|p| p.parse::<u64>().ok());
        match (id, parts.next()) {
            (Some(id), None | Some("")) => Screen::Call(id),
            (Some(id), Some("recap")) => Screen::Recap(id),
            _ => Screen::List,
        }
    }

    /// The path after the tool slug.
    pub fn rest(self) -> String {
        match self {
            Screen::List => String::new(),
            Screen::Call(id) => id.to_string(),
            Screen::Recap(id) => format!("{id}/recap"),
        }
    }
}
