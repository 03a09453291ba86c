//! What the wizard and the summary views both need, so neither imports the
//! other for it (the summary sits inside the wizard, not the reverse).

use super::model::{BasicsErrors, DealAction, Step};
use leptos::prelude::*;

/// Every step's heading has this id, so focus can follow the step.
pub const STEP_HEADING_ID: &str = "sc-qualify-step-heading";

/// Sends an edit and returns what the model said.
pub type OnAction = Callback<DealAction, Result<Step, BasicsErrors>>;
