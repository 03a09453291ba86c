//! The four tools as one small value. It sits below both `route` and
//! `embed`, which each need it, so neither has to import the other for it.

/// The four tools, in the order the home page presents them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tool {
    Audit,
    Qualify,
    Discovery,
    Benchmarks,
}

impl Tool {
    pub const ALL: [Tool; 4] = [
        Tool::Audit,
        Tool::Qualify,
        Tool::Discovery,
        Tool::Benchmarks,
    ];

    /// The path segment, also used by the embed loader's `data-stagecraft-tool`.
    pub fn slug(self) -> &'static str {
        match self {
            Tool::Audit => "audit",
            Tool::Qualify => "qualify",
            Tool::Discovery => "discovery",
            Tool::Benchmarks => "benchmarks",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Tool> {
        Tool::ALL.into_iter().find(|t| t.slug() == slug)
    }

    pub fn name(self) -> &'static str {
        match self {
            Tool::Audit => "Self-audit scorecard",
            Tool::Qualify => "Qualification wizard",
            Tool::Discovery => "Discovery-call script",
            Tool::Benchmarks => "Stage benchmark calculator",
        }
    }

    /// Short label for navigation.
    pub fn short_name(self) -> &'static str {
        match self {
            Tool::Audit => "Audit",
            Tool::Qualify => "Qualify",
            Tool::Discovery => "Discovery",
            Tool::Benchmarks => "Benchmarks",
        }
    }

    /// The one-line promise on the home page.
    pub fn promise(self) -> &'static str {
        match self {
            Tool::Audit => "Score your sales process in two minutes and get the fixes that matter most, in order.",
            Tool::Qualify => "Run BANT or MEDDPICC on a deal and walk away with a verdict and your next moves.",
            Tool::Discovery => "Keep a timed, four-part call on track and send the recap before the buyer hangs up.",
            Tool::Benchmarks => "Hold your funnel against seven-stage benchmarks and see which fix pays the most.",
        }
    }
}
