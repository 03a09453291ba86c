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
    /// The marketer's call to action, links and switches.
    pub marketing: Marketing,
}

/// What a marketer set on the widget's div beyond looks: a call to action,
/// where share links lead, and two switches. The loader validates each
/// value and the app validates it again here, so a value that reached the
/// URL some other way is held to the same rules.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Marketing {
    /// The button's text (`data-stagecraft-cta-text`), plain text.
    pub cta_text: Option<String>,
    /// Where the button goes (`data-stagecraft-cta-url`), an `https:` URL.
    pub cta_url: Option<String>,
    /// Per-tier URLs (`data-stagecraft-cta-url-<tier>`): (tier slug, URL).
    pub cta_tier_urls: Vec<(String, String)>,
    /// The marketer's page that share links point at.
    pub share_url: Option<String>,
    /// Leaves out the "Open full app" link.
    pub hide_open_app: bool,
    /// The audit opens on question 1, without its intro.
    pub skip_intro: bool,
    /// The host page's `utm_*` parameters, added to the CTA URL.
    pub utm: Vec<(String, String)>,
}

/// The tier slugs a per-tier CTA URL may name.
pub const TIER_SLUGS: [&str; 4] = ["ad-hoc", "emerging", "structured", "optimized"];
/// The UTM parameters passed from the host page to the CTA URL.
pub const UTM_KEYS: [&str; 5] = [
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_term",
    "utm_content",
];
/// Longest call-to-action text, in characters: a button, not a paragraph.
pub const CTA_TEXT_MAX: usize = 60;
/// Longest URL accepted from the host.
pub const URL_MAX: usize = 2000;
/// Longest UTM value.
pub const UTM_MAX: usize = 200;

/// An absolute `https:` URL with a host, no spaces, quotes, angle brackets,
/// backslashes or control characters, at most [`URL_MAX`] long. Everything
/// else (`javascript:`, `data:`, `http:`, relative paths) is refused, so a
/// host value can never run script or leave TLS when a visitor clicks it.
pub fn safe_https_url(s: &str) -> Option<String> {
    let s = s.trim();
    let scheme = s.get(..8)?;
    if s.len() > URL_MAX || !scheme.eq_ignore_ascii_case("https://") {
        return None;
    }
    let rest = &s[8..];
    if rest.chars().any(|c| {
        c.is_control() || c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`')
    }) {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_ok = !host.is_empty()
        && !host.contains('@')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
        && !host.starts_with(['.', '-', ':']);
    host_ok.then(|| format!("https://{rest}"))
}

/// Plain text for a label: trimmed, inner whitespace collapsed, at most
/// `max` characters, with no markup (`<`, `>`) and no control characters.
/// `None` when empty or refused, so the widget shows its own default.
pub fn plain_text(s: &str, max: usize) -> Option<String> {
    let text = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let ok = !text.is_empty()
        && text.chars().count() <= max
        && !text
            .chars()
            .any(|c| c.is_control() || matches!(c, '<' | '>'));
    ok.then_some(text)
}

/// `url` with the `utm` pairs added to its query (before any fragment),
/// skipping parameters the URL already sets: the marketer's own choice wins.
pub fn with_utm(url: &str, utm: &[(String, String)]) -> String {
    let (base, fragment) = match url.split_once('#') {
        Some((b, f)) => (b, Some(f)),
        None => (url, None),
    };
    let query = base.split_once('?').map(|(_, q)| q).unwrap_or("");
    let has = |key: &str| query.split('&').any(|p| p.split('=').next() == Some(key));
    let mut out = base.to_string();
    for (k, v) in utm.iter().filter(|(k, _)| !has(k)) {
        out.push(if out.contains('?') { '&' } else { '?' });
        if out.ends_with("?&") {
            out.pop();
        }
        out.push_str(k);
        out.push('=');
        out.push_str(&percent_encode(v));
    }
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

impl Marketing {
    /// The call to action for a result in `tier` (a slug such as
    /// `emerging`): the button text and its URL with the host's UTM
    /// parameters. `None` unless both a text and a URL were given.
    pub fn cta(&self, tier: Option<&str>) -> Option<(String, String)> {
        let text = self.cta_text.clone()?;
        let url = tier
            .and_then(|t| self.cta_tier_urls.iter().find(|(s, _)| s == t))
            .map(|(_, u)| u.as_str())
            .or(self.cta_url.as_deref())?;
        Some((text, with_utm(url, &self.utm)))
    }

    /// A share link for `fragment` (`#/audit/share/…`): on the marketer's
    /// page when one was given (its own fragment replaced), else `None`.
    pub fn share_link(&self, fragment: &str) -> Option<String> {
        let page = self.share_url.as_deref()?;
        let base = page.split('#').next().unwrap_or(page);
        Some(format!("{base}{fragment}"))
    }

    /// Takes one `key=value` pair of the embed query, if it is one of ours
    /// and its value is safe; returns whether it was.
    fn take(&mut self, key: &str, value: &str) -> bool {
        // The call to action, share-back and UTM options only act on the
        // audit's report (the loader refuses them on other tools with a
        // message), so other pages don't carry their checks.
        const AUDIT: bool = cfg!(feature = "audit");
        match key {
            "hide_open_app" => self.hide_open_app = flag(value),
            _ if !AUDIT => return false,
            "cta_text" => self.cta_text = plain_text(value, CTA_TEXT_MAX),
            "cta_url" => self.cta_url = safe_https_url(value),
            "share_url" => self.share_url = safe_https_url(value),
            "skip_intro" => self.skip_intro = flag(value),
            k if k.starts_with("cta_url_") => {
                let tier = &k["cta_url_".len()..];
                match (TIER_SLUGS.contains(&tier), safe_https_url(value)) {
                    (true, Some(url)) => self.cta_tier_urls.push((tier.to_string(), url)),
                    _ => return false,
                }
            }
            k if UTM_KEYS.contains(&k) => match plain_text(value, UTM_MAX) {
                Some(v) if !self.utm.iter().any(|(u, _)| u == k) => {
                    self.utm.push((k.to_string(), v))
                }
                _ => return false,
            },
            _ => return false,
        }
        true
    }
}

/// A boolean switch: present (empty), `1` or `true`.
fn flag(v: &str) -> bool {
    matches!(v, "1" | "true" | "")
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
            marketing: Marketing::default(),
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
                "transparent" => opts.transparent = flag(&v),
                k => {
                    opts.marketing.take(k, &v);
                }
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
        /// Each area's score, by area slug, in report order.
        areas: Vec<(&'static str, u32)>,
        /// The 16 answers, 0 (weakest) to 3 (best practice), in question order.
        answers: Vec<u8>,
        /// A link that reopens this report.
        share_url: String,
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
            Completed::Audit {
                score,
                tier,
                areas,
                answers,
                share_url,
            } => {
                let areas: serde_json::Map<String, Value> = areas
                    .iter()
                    .map(|(slug, s)| ((*slug).to_string(), Value::from(*s)))
                    .collect();
                json!({
                    "tool": "audit",
                    "score": score,
                    "tier": tier,
                    "areas": areas,
                    "answers": answers,
                    "shareUrl": share_url,
                })
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

/// `stagecraft:started`: the visitor first answered or typed.
pub fn started_detail(tool: Tool) -> Value {
    json!({ "tool": tool.slug() })
}

/// `stagecraft:step`: the visitor reached step `step` (1-based) of `of`.
pub fn step_detail(tool: Tool, step: usize, of: usize) -> Value {
    json!({ "tool": tool.slug(), "step": step, "of": of })
}

/// Message types, namespaced so a host page's own messages never collide.
pub const MSG_READY: &str = "stagecraft:ready";
pub const MSG_RESIZE: &str = "stagecraft:resize";
pub const MSG_COMPLETED: &str = "stagecraft:completed";
pub const MSG_STARTED: &str = "stagecraft:started";
pub const MSG_STEP: &str = "stagecraft:step";

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
            areas: vec![("design", 50), ("qualification", 75)],
            answers: vec![0, 1, 2, 3],
            share_url: "https://example.com/#/audit/share/1-x".into(),
        }
        .detail();
        assert_eq!(
            d,
            json!({"tool":"audit","score":62,"tier":"Structured",
                "areas":{"design":50,"qualification":75},"answers":[0,1,2,3],
                "shareUrl":"https://example.com/#/audit/share/1-x"})
        );
        assert_eq!(
            started_detail(Tool::Benchmarks),
            json!({"tool":"benchmarks"})
        );
        assert_eq!(
            step_detail(Tool::Audit, 3, 16),
            json!({"tool":"audit","step":3,"of":16})
        );
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
    fn https_urls_only() {
        assert_eq!(
            safe_https_url(" https://acme.example/book?x=1#top ").as_deref(),
            Some("https://acme.example/book?x=1#top")
        );
        assert_eq!(
            safe_https_url("HTTPS://acme.example").as_deref(),
            Some("https://acme.example")
        );
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "http://acme.example",
            "//acme.example",
            "/book",
            "https://",
            "https://acme.example/a b",
            "https://acme.example/\"><script>",
            "https://user@evil.example",
            "https://.example",
            "https://acme.example/\u{0}",
        ] {
            assert_eq!(safe_https_url(bad), None, "{bad}");
        }
        let long = format!("https://acme.example/{}", "a".repeat(URL_MAX));
        assert_eq!(safe_https_url(&long), None);
    }

    #[test]
    fn plain_text_only() {
        assert_eq!(
            plain_text("  Book a   pipeline review ", CTA_TEXT_MAX).as_deref(),
            Some("Book a pipeline review")
        );
        for bad in [
            "",
            "   ",
            "<b>Book</b>",
            "<img src=x onerror=alert(1)>",
            "Book\u{7}now",
        ] {
            assert_eq!(plain_text(bad, CTA_TEXT_MAX), None, "{bad:?}");
        }
        assert_eq!(
            plain_text(&"x".repeat(CTA_TEXT_MAX + 1), CTA_TEXT_MAX),
            None
        );
        assert!(plain_text(&"é".repeat(CTA_TEXT_MAX), CTA_TEXT_MAX).is_some());
    }

    #[test]
    fn utm_parameters_join_the_cta_url() {
        let utm = vec![
            ("utm_source".to_string(), "news letter".to_string()),
            ("utm_medium".to_string(), "email".to_string()),
        ];
        assert_eq!(
            with_utm("https://a.example/book", &utm),
            "https://a.example/book?utm_source=news%20letter&utm_medium=email"
        );
        assert_eq!(
            with_utm("https://a.example/book?utm_medium=web#form", &utm),
            "https://a.example/book?utm_medium=web&utm_source=news%20letter#form"
        );
        assert_eq!(with_utm("https://a.example/", &[]), "https://a.example/");
    }

    #[test]
    fn marketer_options_are_validated_again() {
        let o = EmbedOptions::from_query(
            Tool::Audit,
            "frame=sc-1&cta_text=Book%20a%20pipeline%20review&cta_url=https%3A%2F%2Facme.example%2Fbook\
             &cta_url_emerging=https%3A%2F%2Facme.example%2Femerging&cta_url_bogus=https%3A%2F%2Fx.example\
             &share_url=https%3A%2F%2Facme.example%2Faudit%23old&hide_open_app=1&skip_intro\
             &utm_source=ads&utm_medium=%3Cb%3E",
        );
        let m = &o.marketing;
        assert!(m.hide_open_app && m.skip_intro);
        assert_eq!(
            m.cta(Some("emerging")),
            Some((
                "Book a pipeline review".to_string(),
                "https://acme.example/emerging?utm_source=ads".to_string()
            ))
        );
        assert_eq!(
            m.cta(Some("optimized")).map(|c| c.1).as_deref(),
            Some("https://acme.example/book?utm_source=ads")
        );
        assert_eq!(m.cta_tier_urls.len(), 1, "unknown tier refused");
        assert_eq!(
            m.share_link("#/audit/share/1-abc").as_deref(),
            Some("https://acme.example/audit#/audit/share/1-abc")
        );

        let hostile = EmbedOptions::from_query(
            Tool::Audit,
            "cta_text=%3Cscript%3Ealert(1)%3C%2Fscript%3E&cta_url=javascript%3Aalert(1)\
             &share_url=data%3Atext%2Fhtml%2Cx&hide_open_app=no",
        );
        let m = &hostile.marketing;
        assert_eq!((m.cta_text.as_ref(), m.cta_url.as_ref()), (None, None));
        assert_eq!(m.share_url, None);
        assert!(!m.hide_open_app && !m.skip_intro);
        assert_eq!(m.cta(None), None);
        // A URL without a text is no call to action.
        let url_only = EmbedOptions::from_query(Tool::Audit, "cta_url=https%3A%2F%2Fa.example");
        assert_eq!(url_only.marketing.cta(None), None);
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
