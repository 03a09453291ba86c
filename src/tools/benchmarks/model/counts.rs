//! Counts mode: conversion rates derived from how many deals entered each
//! stage.

use super::FUNNEL;
use crate::numbers::finite_non_negative;

/// A later stage holds more deals than the one before it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CountWarning {
    /// The earlier stage (index 0..6).
    pub from: usize,
    pub entered: f64,
    pub next: f64,
}

/// c_s = entered(s+1) / entered(s), capped at 100%. A stage nobody entered
/// converts nobody (0%), which keeps the maths defined.
pub fn rates_from_counts(counts: &[f64; 7]) -> [f64; FUNNEL] {
    std::array::from_fn(|i| {
        let (a, b) = (counts[i], counts[i + 1]);
        if a > 0.0 {
            finite_non_negative(b * 100.0 / a).min(100.0)
        } else {
            0.0
        }
    })
}

/// Every adjacent pair where the later count is larger.
pub fn count_warnings(counts: &[f64; 7]) -> Vec<CountWarning> {
    (0..FUNNEL)
        .filter(|&i| counts[i + 1] > counts[i])
        .map(|i| CountWarning {
            from: i,
            entered: counts[i],
            next: counts[i + 1],
        })
        .collect()
}
