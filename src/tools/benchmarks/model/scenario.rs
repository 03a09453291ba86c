//! The what-if's changes one by one, what each is worth on its own beside
//! what they are worth together, and scenarios (changes saved under a
//! name). Crediting a combined gain to the last slider moved would be a
//! lie: Discovery +8 pts then Closing +5 pts lifts revenue 22.4 %, of which
//! Closing alone is worth 6.1 %.

use super::*;

/// One thing the what-if can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Points on stage i's conversion (0..6).
    Conversion(usize),
    /// Days on stage i (0..6).
    Days(usize),
    /// % on open opportunities.
    Open,
    /// % on the deal size.
    Deal,
    /// % on new prospects.
    Prospects,
}

impl Change {
    /// Every change, in the order the list shows them: stage by stage
    /// (conversion, then days), then the pipeline.
    pub fn all() -> Vec<Change> {
        let mut v = Vec::new();
        for i in 0..FUNNEL {
            v.push(Change::Conversion(i));
            v.push(Change::Days(i));
        }
        v.extend([Change::Open, Change::Deal, Change::Prospects]);
        v
    }

    /// What it changes, as the list names it before the amount:
    /// "Discovery" (+8 pts), "Discovery" (−3 days), "Open deals" (+10%).
    pub fn name(self) -> String {
        match self {
            Change::Conversion(i) | Change::Days(i) => Stage::ALL[i].name().to_string(),
            Change::Open => "Open deals".into(),
            Change::Deal => "Deal value".into(),
            Change::Prospects => "New prospects".into(),
        }
    }

    /// Its reset button's name, unique in the list: "Reset Discovery",
    /// "Reset Discovery days", "Reset Open deals".
    pub fn reset_label(self) -> String {
        match self {
            Change::Days(_) => format!("Reset {} days", self.name()),
            _ => format!("Reset {}", self.name()),
        }
    }

    /// The unit after the signed amount: " pts", " days" or "%".
    pub fn unit(self) -> &'static str {
        match self {
            Change::Conversion(_) => " pts",
            Change::Days(_) => " days",
            _ => "%",
        }
    }
}

impl WhatIf {
    /// The amount of one change (0 when unchanged).
    pub fn get(&self, c: Change) -> f64 {
        match c {
            Change::Conversion(i) => self.conversion_pp[i],
            Change::Days(i) => self.days[i],
            Change::Open => self.open_pct,
            Change::Deal => self.deal_pct,
            Change::Prospects => self.prospects_pct,
        }
    }

    /// Sets one change; anything not finite counts as no change.
    pub fn set(&mut self, c: Change, v: f64) {
        let v = if v.is_finite() { v } else { 0.0 };
        *match c {
            Change::Conversion(i) => &mut self.conversion_pp[i],
            Change::Days(i) => &mut self.days[i],
            Change::Open => &mut self.open_pct,
            Change::Deal => &mut self.deal_pct,
            Change::Prospects => &mut self.prospects_pct,
        } = v;
    }

    /// The active changes with their amounts, in list order.
    pub fn changes(&self) -> Vec<(Change, f64)> {
        Change::all()
            .into_iter()
            .map(|c| (c, self.get(c)))
            .filter(|(_, v)| *v != 0.0)
            .collect()
    }

    /// This what-if with change `c` alone.
    pub fn only(&self, c: Change) -> WhatIf {
        let mut w = WhatIf::default();
        w.set(c, self.get(c));
        w
    }

    /// This what-if with change `c` reset.
    pub fn without(&self, c: Change) -> WhatIf {
        let mut w = *self;
        w.set(c, 0.0);
        w
    }

}

/// `after` against `before` in %, when `before` is a positive number.
pub fn change_pct(before: f64, after: f64) -> Option<f64> {
    (before > 0.0 && before.is_finite() && after.is_finite())
        .then(|| (after / before - 1.0) * 100.0)
}

/// What the what-if is worth: all changes together, then each alone.
#[derive(Debug, Clone, PartialEq)]
pub struct Effects {
    pub combined: Comparison,
    /// Each active change, its amount, and the before/after with only it.
    pub each: Vec<(Change, f64, Comparison)>,
}

pub fn effects(f: &Figures, b: &Baseline, w: &WhatIf) -> Effects {
    Effects {
        combined: compare(f, b, w),
        each: w
            .changes()
            .into_iter()
            .map(|(c, v)| (c, v, compare(f, b, &w.only(c))))
            .collect(),
    }
}

/// What-if changes kept under a name.
///
/// The changes are (position in [`Change::all`], whole amount) pairs: the
/// sliders move in whole steps. The document keeps the list as one line of
/// text per scenario ([`encode_scenarios`]): a derived serde format per
/// type cost the page several KB of wasm.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scenario {
    pub name: String,
    pub changes: Vec<(u8, i32)>,
}

impl Scenario {
    /// `w`'s active changes under `name`, each rounded to a whole step.
    pub fn new(name: &str, w: &WhatIf) -> Scenario {
        let all = Change::all();
        Scenario {
            name: name.trim().to_string(),
            changes: w
                .changes()
                .into_iter()
                .filter_map(|(c, v)| {
                    let i = all.iter().position(|d| *d == c)?;
                    let v = v.clamp(-1000.0, 1000.0).round() as i32;
                    (v != 0).then_some((i as u8, v))
                })
                .collect(),
        }
    }

    /// The saved changes as a what-if (an unknown position is skipped,
    /// amounts are kept within ±1000).
    pub fn what_if(&self) -> WhatIf {
        let all = Change::all();
        let mut w = WhatIf::default();
        for &(i, v) in &self.changes {
            if let Some(c) = all.get(i as usize) {
                w.set(*c, f64::from(v.clamp(-1000, 1000)));
            }
        }
        w
    }
}

/// Longest scenario name, so a column heading stays readable.
pub const SCENARIO_NAME_MAX: usize = 40;

/// Why `name` can't be saved next to `saved`, or nothing. Names are
/// compared trimmed and without ASCII case, as people read them (full
/// Unicode case folding would bring its tables into the page's wasm).
pub fn scenario_name_error(saved: &[Scenario], name: &str) -> Option<&'static str> {
    let name = name.trim();
    if name.is_empty() {
        Some("Give the scenario a name.")
    } else if name.chars().count() > SCENARIO_NAME_MAX {
        Some("Keep the name to 40 characters.")
    } else if saved
        .iter()
        .any(|s| s.name.trim().eq_ignore_ascii_case(name))
    {
        Some("You already have a scenario with this name.")
    } else {
        None
    }
}

/// The four figures a scenario is compared on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScenarioFigures {
    /// `None` for a 0-day cycle.
    pub velocity_per_day: Option<f64>,
    pub revenue_per_month: f64,
    pub win_rate_pct: f64,
    pub cycle_days: f64,
}

/// Today's figures with `w` applied (the neutral what-if gives today's).
pub fn scenario_figures(f: &Figures, b: &Baseline, w: &WhatIf) -> ScenarioFigures {
    let a = analyse(&w.apply(f), b);
    ScenarioFigures {
        velocity_per_day: a.velocity_per_day,
        revenue_per_month: a.revenue_per_month,
        win_rate_pct: a.win_rate_pct,
        cycle_days: a.cycle_days,
    }
}

/// The saved text of the scenarios: one line each, the name, a tab, then
/// `position:amount` pairs separated by commas ("Fix discovery\t4:8").
pub fn encode_scenarios(list: &[Scenario]) -> String {
    let lines: Vec<String> = list
        .iter()
        .map(|s| {
            let pairs: Vec<String> = s.changes.iter().map(|(i, v)| format!("{i}:{v}")).collect();
            format!("{}\t{}", s.name, pairs.join(","))
        })
        .collect();
    lines.join("\n")
}

/// Reads [`encode_scenarios`]'s text; a pair that does not read is skipped,
/// a line without a name is dropped, so a damaged document still opens.
pub fn decode_scenarios(text: &str) -> Vec<Scenario> {
    text.lines()
        .filter_map(|line| {
            let (name, pairs) = line.split_once('\t').unwrap_or((line, ""));
            let name = name.trim();
            (!name.is_empty()).then(|| Scenario {
                name: name.to_string(),
                changes: pairs
                    .split(',')
                    .filter_map(|p| {
                        let (i, v) = p.split_once(':')?;
                        Some((i.trim().parse().ok()?, v.trim().parse().ok()?))
                    })
                    .collect(),
            })
        })
        .collect()
}

/// Serde hooks for [`BenchmarksDoc::scenarios`]: stored as one string.
pub(super) mod scenarios_text {
    use super::*;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(list: &[Scenario], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&encode_scenarios(list))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Scenario>, D::Error> {
        String::deserialize(d).map(|t| decode_scenarios(&t))
    }
}
