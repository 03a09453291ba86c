//! The embedded-widget contract: options read from the iframe URL, and the
//! messages posted to the host page. Pure, so the security checks (which
//! origin we talk to, which accent colours we accept) are tested natively.

use crate::tool::Tool;
use serde_json::{json, Value};

/// Colour scheme requested by the host page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    Auto,
    Light,
    Dark,
}

/// Options the loader passes in the iframe's URL fragment.
#[derive(Debug, Clone, PartialEq)]
pub struct EmbedOptions {
    pub tool: Tool,
    /// The loader's id for this frame; echoed in every message so several
    /// widgets on one page never mix up their messages.
    pub frame_id: String,
    /// The host page's origin. Messages go only there, never to `*`.
    /// `None` when the value was missing or not a plain origin: then the
    /// widget still works but stays silent.
    pub parent_origin: Option<String>,
    pub theme: Theme,
    /// A validated CSS colour for `--sc-accent`.
    pub accent: Option<String>,
    pub transparent: bool,
}

impl EmbedOptions {
    /// Parses `frame=…&origin=…&theme=…&accent=…&transparent=1`.
    pub fn from_query(tool: Tool, query: &str) -> EmbedOptions {
        let mut opts = EmbedOptions {
            tool,
            frame_id: String::new(),
            parent_origin: None,
            theme: Theme::Auto,
            accent: None,
            transparent: false,
        };
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = percent_decode(v);
            match k {
                "frame" if is_frame_id(&v) => opts.frame_id = v,
                "origin" if is_origin(&v) => opts.parent_origin = Some(v),
                "theme" => {
                    opts.theme = match v.as_str() {
                        "light" => Theme::Light,
                        "dark" => Theme::Dark,
                        _ => Theme::Auto,
                    }
                }
                "accent" if is_safe_color(&v) => opts.accent = Some(v),
                "transparent" => opts.transparent = matches!(v.as_str(), "1" | "true" | ""),
                _ => {}
            }
        }
        opts
    }
}

/// Decodes `%XX` escapes and `+`; invalid escapes are kept literally.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes everything but unreserved characters, for building URLs.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn is_frame_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// `scheme://host[:port]` and nothing more: no path, query, user or spaces.
pub fn is_origin(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once("://") else {
        return false;
    };
    if scheme != "http" && scheme != "https" {
        return false;
    }
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, p)) if !h.ends_with(']') || rest.starts_with('[') => (h, Some(p)),
        _ => (rest, None),
    };
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '[' | ']' | ':'));
    let port_ok = port.map_or(true, |p| {
        !p.is_empty() && p.len() <= 5 && p.chars().all(|c| c.is_ascii_digit())
    });
    host_ok && port_ok
}

/// Accepts hex colours, `rgb()/rgba()/hsl()/hsla()` with plain numbers, and
/// named colours. Anything else (including `url(…)` or `;`) is refused, so a
/// host can't inject CSS through the accent option.
pub fn is_safe_color(s: &str) -> bool {
    let s = s.trim();
    if let Some(hex) = s.strip_prefix('#') {
        return matches!(hex.len(), 3 | 4 | 6 | 8) && hex.chars().all(|c| c.is_ascii_hexdigit());
    }
    for f in ["rgb(", "rgba(", "hsl(", "hsla("] {
        if let Some(inner) = s.strip_prefix(f).and_then(|r| r.strip_suffix(')')) {
            return !inner.trim().is_empty()
                && inner.chars().all(|c| {
                    c.is_ascii_digit() || matches!(c, ' ' | ',' | '.' | '%' | '/' | 'd' | 'e' | 'g')
                });
        }
    }
    !s.is_empty() && s.len() <= 24 && s.chars().all(|c| c.is_ascii_alphabetic())
}

/// Black or white, whichever reads better on a hex `background`, so a
/// host's accent never makes button text illegible. `None` for other colour
/// syntaxes, which keep the theme's default.
pub fn readable_text_on(background: &str) -> Option<&'static str> {
    let hex = background.trim().strip_prefix('#')?;
    let full: String = match hex.len() {
        3 | 4 => hex.chars().take(3).flat_map(|c| [c, c]).collect(),
        6 | 8 => hex[..6].to_string(),
        _ => return None,
    };
    let channel = |i: usize| -> Option<f64> {
        let v = u8::from_str_radix(full.get(i..i + 2)?, 16).ok()? as f64 / 255.0;
        Some(if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        })
    };
    let lum = 0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?;
    // Contrast with white is 1.05/(L+0.05); with black (L+0.05)/0.05.
    Some(if 1.05 / (lum + 0.05) >= (lum + 0.05) / 0.05 {
        "#ffffff"
    } else {
        "#000000"
    })
}

/// What a finished tool reports to the host page (`stagecraft:completed`).
#[derive(Debug, Clone, PartialEq)]
pub enum Completed {
    Audit {
        score: u32,
        tier: String,
    },
    Qualify {
        score: u32,
        verdict: String,
    },
    Benchmarks {
        velocity_per_day: Option<f64>,
        bottleneck: Option<String>,
    },
}

impl Completed {
    /// The `detail` of the host's `CustomEvent`, with the documented field names.
    pub fn detail(&self) -> Value {
        match self {
            Completed::Audit { score, tier } => {
                json!({"tool": "audit", "score": score, "tier": tier})
            }
            Completed::Qualify { score, verdict } => {
                json!({"tool": "qualify", "score": score, "verdict": verdict})
            }
            Completed::Benchmarks {
                velocity_per_day,
                bottleneck,
            } => json!({
                "tool": "benchmarks",
                "velocityPerDay": velocity_per_day.map(|v| (v * 100.0).round() / 100.0),
                "bottleneck": bottleneck,
            }),
        }
    }
}

/// Message types, namespaced so a host page's own messages never collide.
pub const MSG_READY: &str = "stagecraft:ready";
pub const MSG_RESIZE: &str = "stagecraft:resize";
pub const MSG_COMPLETED: &str = "stagecraft:completed";

/// One message from the widget to its host.
pub fn message(kind: &str, frame_id: &str, payload: Value) -> Value {
    json!({ "type": kind, "frame": frame_id, "payload": payload })
}

// Pure tests run natively (`cargo test`); the wasm tier runs tests/web_*.rs.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn parses_all_options() {
        let o = EmbedOptions::from_query(
            Tool::Benchmarks,
            "frame=sc-1&origin=https%3A%2F%2Fexample.com&theme=light&accent=%23ff6600&transparent=1",
        );
        assert_eq!(o.frame_id, "sc-1");
        assert_eq!(o.parent_origin.as_deref(), Some("https://example.com"));
        assert_eq!(o.theme, Theme::Light);
        assert_eq!(o.accent.as_deref(), Some("#ff6600"));
        assert!(o.transparent);
    }

    #[test]
    fn refuses_unsafe_values() {
        let o = EmbedOptions::from_query(
            Tool::Audit,
            "frame=a%22b&origin=https%3A%2F%2Fevil.com%2Fpath&accent=red%3Bbackground%3Aurl(x)",
        );
        assert_eq!(o.frame_id, "");
        assert_eq!(o.parent_origin, None);
        assert_eq!(o.accent, None);
        assert!(!o.transparent);
        assert_eq!(o.theme, Theme::Auto);
    }

    #[test]
    fn origin_check() {
        assert!(is_origin("http://localhost:8080"));
        assert!(is_origin("https://www.example.co.uk"));
        assert!(!is_origin("*"));
        assert!(!is_origin("null"));
        assert!(!is_origin("javascript://x"));
        assert!(!is_origin("https://a.com/x"));
        assert!(!is_origin("https://a.com:port"));
    }

    #[test]
    fn colour_check() {
        for ok in [
            "#fff",
            "#0a7cffcc",
            "rgb(10, 20, 30)",
            "hsl(210deg 50% 40%)",
            "rebeccapurple",
        ] {
            assert!(is_safe_color(ok), "{ok}");
        }
        for bad in [
            "#ggg",
            "url(x)",
            "red;",
            "rgb(1,2,3);x",
            "",
            "expression(alert(1))",
        ] {
            assert!(!is_safe_color(bad), "{bad}");
        }
    }

    #[test]
    fn completed_details_use_documented_fields() {
        let d = Completed::Audit {
            score: 62,
            tier: "Structured".into(),
        }
        .detail();
        assert_eq!(d, json!({"tool":"audit","score":62,"tier":"Structured"}));
        let d = Completed::Benchmarks {
            velocity_per_day: Some(1234.567),
            bottleneck: Some("Discovery".into()),
        }
        .detail();
        assert_eq!(d["velocityPerDay"], json!(1234.57));
        assert_eq!(d["bottleneck"], json!("Discovery"));
    }

    #[test]
    fn accent_text_stays_readable() {
        assert_eq!(readable_text_on("#1d4ed8"), Some("#ffffff"));
        assert_eq!(readable_text_on("#fde047"), Some("#000000"));
        assert_eq!(readable_text_on("#fff"), Some("#000000"));
        assert_eq!(readable_text_on("rebeccapurple"), None);
        assert_eq!(readable_text_on("#12"), None);
    }

    #[test]
    fn percent_round_trip() {
        for s in ["http://localhost:9000", "a b&c=d", "ünï"] {
            assert_eq!(percent_decode(&percent_encode(s)), s);
        }
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
    }
}
