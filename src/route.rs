//! Hash-based routes (`#/audit`, `#/qualify/…`, `#/embed/audit?…`).
//!
//! The fragment never reaches the server, so every deep link survives a
//! reload on a plain static host, at a domain root or under any sub-path,
//! with no rewrite rules. leptos_router has no hash mode, so this small
//! parser stands in for it; it is pure and tested natively.

use crate::embed::EmbedOptions;
pub use crate::tool::Tool;

/// A screen of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    /// A tool, plus whatever follows its slug (`share/…`, a deal id, …),
    /// which the tool interprets itself.
    Tool {
        tool: Tool,
        rest: String,
    },
    /// Export, import and reset.
    Data,
    NotFound(String),
}

impl Route {
    pub fn tool(tool: Tool) -> Route {
        Route::Tool {
            tool,
            rest: String::new(),
        }
    }

    /// The fragment that opens this route, e.g. `#/audit`.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Tool { tool, rest } if rest.is_empty() => format!("#/{}", tool.slug()),
            Route::Tool { tool, rest } => format!("#/{}/{}", tool.slug(), rest),
            Route::Data => "#/data".into(),
            Route::NotFound(path) => format!("#/{path}"),
        }
    }

    /// The page title for this route.
    pub fn title(&self) -> String {
        match self {
            Route::Home => "Stagecraft — B2B sales-process toolkit".into(),
            Route::Tool { tool, .. } => format!("{} — Stagecraft", tool.name()),
            Route::Data => "Your data — Stagecraft".into(),
            Route::NotFound(_) => "Page not found — Stagecraft".into(),
        }
    }
}

/// Where the app is: the screen, and whether it runs as an embedded widget.
#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    pub route: Route,
    pub embed: Option<EmbedOptions>,
}

/// The longest fragment read as a route, in bytes. The longest real one
/// is an embed URL carrying its call-to-action links (a few kilobytes);
/// anything longer is not one of ours, and is not worth walking.
pub const MAX_HASH: usize = 64 * 1024;

/// How much of an unknown path the not-found page echoes, in characters:
/// enough to spot a typo, too little to pass a message off as the app's.
pub const NOT_FOUND_ECHO: usize = 80;

fn not_found(path: &str) -> Route {
    Route::NotFound(crate::share_code::shorten_to(path, NOT_FOUND_ECHO))
}

/// Reads `location.hash` (with or without the leading `#`). Every step is
/// one pass over at most [`MAX_HASH`] bytes.
pub fn parse_hash(hash: &str) -> Location {
    if hash.len() > MAX_HASH {
        return Location {
            route: not_found(hash.trim_start_matches('#').trim_start_matches('/')),
            embed: None,
        };
    }
    let trimmed = hash.trim_start_matches('#').trim_start_matches('/');
    let (path, query) = match trimmed.split_once('?') {
        Some((p, q)) => (p, q),
        None => (trimmed, ""),
    };
    let path = path.trim_end_matches('/');
    let (first, rest) = match path.split_once('/') {
        Some((f, r)) => (f, r),
        None => (path, ""),
    };
    if first == "embed" {
        let (slug, inner) = match rest.split_once('/') {
            Some((s, r)) => (s, r),
            None => (rest, ""),
        };
        if let Some(tool) = Tool::from_slug(slug) {
            return Location {
                route: Route::Tool {
                    tool,
                    rest: inner.to_string(),
                },
                embed: Some(EmbedOptions::from_query(tool, query)),
            };
        }
        return Location {
            route: not_found(path),
            embed: None,
        };
    }
    let route = match first {
        "" => Route::Home,
        "data" if rest.is_empty() => Route::Data,
        slug => match Tool::from_slug(slug) {
            Some(tool) => Route::Tool {
                tool,
                rest: rest.to_string(),
            },
            None => not_found(path),
        },
    };
    Location { route, embed: None }
}

/// Which page of the split site serves a route: `Some(tool)` for a tool's
/// own page (`<tool>/index.html`), `None` for the root page (home, data,
/// not found).
pub fn page_of(route: &Route) -> Option<Tool> {
    match route {
        Route::Tool { tool, .. } => Some(*tool),
        _ => None,
    }
}

/// A relative URL that opens `route` from page `here` (see `page_of`).
/// Mirrors the boot script (`embed/boot.js`), which does the same before the wasm loads.
pub fn page_url(here: Option<Tool>, route: &Route) -> String {
    let up = if here.is_some() { "../" } else { "./" };
    match page_of(route) {
        Some(tool) => format!("{up}{}/{}", tool.slug(), route.href()),
        None => format!("{up}{}", route.href()),
    }
}

// Pure tests run natively (`cargo test`); the wasm tier runs tests/web_*.rs.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn empty_hash_is_home() {
        for h in ["", "#", "#/", "/"] {
            assert_eq!(parse_hash(h).route, Route::Home, "{h:?}");
        }
    }

    #[test]
    fn tool_routes_keep_the_rest_of_the_path() {
        assert_eq!(parse_hash("#/audit").route, Route::tool(Tool::Audit));
        assert_eq!(
            parse_hash("#/benchmarks/").route,
            Route::tool(Tool::Benchmarks)
        );
        assert_eq!(
            parse_hash("#/audit/share/AbC").route,
            Route::Tool {
                tool: Tool::Audit,
                rest: "share/AbC".into()
            }
        );
        assert_eq!(parse_hash("#/data").route, Route::Data);
    }

    #[test]
    fn unknown_paths_are_not_found() {
        assert_eq!(
            parse_hash("#/pricing").route,
            Route::NotFound("pricing".into())
        );
        assert_eq!(
            parse_hash("#/data/x").route,
            Route::NotFound("data/x".into())
        );
        assert_eq!(
            parse_hash("#/embed/nothing").route,
            Route::NotFound("embed/nothing".into())
        );
    }

    #[test]
    fn not_found_echoes_at_most_80_characters() {
        let long = format!(
            "#/Your-account-is-locked.Call-+1-555-0100-{}",
            "x".repeat(500)
        );
        let Route::NotFound(echo) = parse_hash(&long).route else {
            panic!("not found expected");
        };
        assert_eq!(echo.chars().count(), NOT_FOUND_ECHO + 1);
        assert!(echo.ends_with('…'), "{echo}");
        assert!(echo.starts_with("Your-account-is-locked"), "{echo}");
        // Exactly 80 characters are echoed whole, multi-byte ones included.
        let eighty = "é".repeat(NOT_FOUND_ECHO);
        assert_eq!(
            parse_hash(&format!("#/{eighty}")).route,
            Route::NotFound(eighty.clone())
        );
    }

    #[test]
    fn a_two_megabyte_fragment_is_not_found_and_echoed_short() {
        // 50,000 segments, 2 MB: once under a tool's slug, once not.
        let segments = "abcdefghijklmnopqrstuvwxyz0123456789abcd/".repeat(50_000);
        for hash in [
            format!("#/{segments}"),
            format!("#/discovery/{segments}"),
            format!("#/embed/audit/{segments}?theme=dark"),
        ] {
            assert!(hash.len() > 2_000_000);
            let loc = parse_hash(&hash);
            assert_eq!(loc.embed, None);
            match loc.route {
                Route::NotFound(echo) => {
                    assert_eq!(echo.chars().count(), NOT_FOUND_ECHO + 1, "{echo}")
                }
                other => panic!("not found expected, got {:?}", page_of(&other)),
            }
        }
    }

    #[test]
    fn hrefs_parse_back_to_their_route() {
        let routes = [
            Route::Home,
            Route::Data,
            Route::tool(Tool::Qualify),
            Route::Tool {
                tool: Tool::Discovery,
                rest: "call/42".into(),
            },
        ];
        for r in routes {
            assert_eq!(parse_hash(&r.href()).route, r);
        }
    }

    #[test]
    fn each_tool_has_its_own_page() {
        let audit = Route::tool(Tool::Audit);
        assert_eq!(page_of(&audit), Some(Tool::Audit));
        assert_eq!(page_of(&Route::Data), None);
        assert_eq!(page_url(None, &audit), "./audit/#/audit");
        assert_eq!(page_url(Some(Tool::Qualify), &audit), "../audit/#/audit");
        assert_eq!(page_url(Some(Tool::Audit), &Route::Home), "../#/");
        assert_eq!(page_url(None, &Route::Data), "./#/data");
    }

    #[test]
    fn embed_routes_carry_options() {
        let loc =
            parse_hash("#/embed/audit?frame=sc-2&origin=http%3A%2F%2Flocalhost%3A9000&theme=dark");
        assert_eq!(loc.route, Route::tool(Tool::Audit));
        let embed = loc.embed.expect("embed options");
        assert_eq!(embed.frame_id, "sc-2");
        assert_eq!(
            embed.parent_origin.as_deref(),
            Some("http://localhost:9000")
        );
    }
}
