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
    count_warnings_known(&counts.map(Some))
}

/// [`count_warnings`] over the counts that hold a number: each adjacent
/// pair is checked as soon as both are typed, so the refusal appears on
/// the field while the rest of the form is still empty.
pub fn count_warnings_known(counts: &[Option<f64>; 7]) -> Vec<CountWarning> {
    (0..FUNNEL)
        .filter_map(|i| match (counts[i], counts[i + 1]) {
            (Some(entered), Some(next)) if next > entered => Some(CountWarning {
                from: i,
                entered,
                next,
            }),
            _ => None,
        })
        .collect()
}

/// A stage with fewer deals entering than this gives a rate too noisy to
/// act on: one deal more or less moves it by over three points.
pub const SMALL_SAMPLE: f64 = 30.0;

/// The converting stages (0..6) whose entering count is typed and below
/// [`SMALL_SAMPLE`], with that count.
pub fn small_samples(counts: &[Option<f64>; 7]) -> Vec<(usize, f64)> {
    (0..FUNNEL)
        .filter_map(|i| counts[i].filter(|c| *c < SMALL_SAMPLE).map(|c| (i, c)))
        .collect()
}

impl CountWarning {
    /// The field the refusal is shown on: the later, larger count.
    pub fn field(&self) -> super::Field {
        super::Field::Count(self.from + 1)
    }
}
