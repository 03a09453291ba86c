//! Status badges: one place turns a `Tone` into a colour and a shape.

use crate::tone::Tone;
use leptos::prelude::*;

/// The badge's CSS classes for a tone (neutral is the plain badge).
pub fn tone_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Good => "sc-badge sc-badge--good",
        Tone::Neutral => "sc-badge",
        Tone::Warn => "sc-badge sc-badge--warn",
        Tone::Bad => "sc-badge sc-badge--bad",
    }
}

/// A small shape for a tone, so status never rests on colour alone where
/// badges sit side by side (tables, cards).
pub fn tone_icon(tone: Tone) -> &'static str {
    match tone {
        Tone::Good => "▲",
        Tone::Neutral => "●",
        Tone::Warn => "◆",
        Tone::Bad => "▼",
    }
}

/// A status word in a coloured pill. The words always say the status too;
/// the colour (and, with `icon`, the shape) only repeats it.
#[component]
pub fn Badge(
    /// How the status reads: good, neutral, warning or bad. Reactive, so a
    /// live status (a running clock) recolours the same badge.
    #[prop(into)]
    tone: Signal<Tone>,
    /// Shows the tone's shape before the words (hidden from screen
    /// readers, which hear the words).
    #[prop(optional)]
    icon: bool,
    /// Test id for the badge element, for badges tests read.
    #[prop(optional)]
    testid: Option<&'static str>,
    /// The status words.
    children: Children,
) -> impl IntoView {
    view! {
        <span class=move || tone_class(tone.get()) data-testid=testid>
            {icon.then(|| view! { <span aria-hidden="true">{move || tone_icon(tone.get())}" "</span> })}
            {children()}
        </span>
    }
}
