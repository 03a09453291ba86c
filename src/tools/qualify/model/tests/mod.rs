//! Native tests of the qualify model, one file per part of the model;
//! the shared fixtures live here.

use super::*;
use crate::numbers::NumberError;
use chrono::TimeZone;
use chrono::{DateTime, Utc};
use proptest::prelude::*;
use std::collections::BTreeMap;
use Criterion::*;
use Rating::*;

fn t(secs: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(1_700_000_000 + secs, 0).unwrap()
}

fn answers(list: &[(Criterion, Rating)]) -> BTreeMap<Criterion, Answer> {
    list.iter()
        .map(|(c, r)| {
            (
                *c,
                Answer {
                    rating: Some(*r),
                    evidence: String::new(),
                },
            )
        })
        .collect()
}

fn deal_with(acv: &str, stakeholders: &str) -> Deal {
    Deal {
        name: "Acme rollout".into(),
        company: "Acme".into(),
        acv: acv.into(),
        stakeholders: stakeholders.into(),
        ..Deal::new("d1".into(), t(0))
    }
}

mod calls;
mod crm;
mod flow;
mod list;
mod pipeline;
mod props;
mod scoring;
mod screens;
mod summary;
