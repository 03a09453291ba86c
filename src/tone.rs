//! How a status badge is coloured. Pure, so every model can say what a
//! result means (good, neutral, warning, bad) without knowing about CSS;
//! `components` turns a tone into the badge's class and icon.

/// How a status badge is coloured (always next to its word).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Good,
    Neutral,
    Warn,
    Bad,
}
