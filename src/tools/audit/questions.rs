//! The sixteen audit questions, as compiled-in data.
//!
//! Ids, areas and weights follow the audit spec exactly; the wording is ours.
//! Benchmark figures quoted in `why` come from the shared seed material.
//! Everything here is `'static` so the scoring code can hand out references
//! without cloning text.

use crate::route::Tool;

/// The six areas of a sales process that the audit scores separately.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Area {
    Design,
    Qualification,
    Discovery,
    Execution,
    Measurement,
    Postsale,
}

impl Area {
    /// In the order the report lists them (the order of the questions).
    pub const ALL: [Area; 6] = [
        Area::Design,
        Area::Qualification,
        Area::Discovery,
        Area::Execution,
        Area::Measurement,
        Area::Postsale,
    ];

    /// Stable slug, used in `data-testid="audit-area-<slug>"`.
    pub fn slug(self) -> &'static str {
        match self {
            Area::Design => "design",
            Area::Qualification => "qualification",
            Area::Discovery => "discovery",
            Area::Execution => "execution",
            Area::Measurement => "measurement",
            Area::Postsale => "postsale",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Area::Design => "Process design",
            Area::Qualification => "Qualification",
            Area::Discovery => "Discovery",
            Area::Execution => "Deal execution",
            Area::Measurement => "Measurement",
            Area::Postsale => "Post-sale",
        }
    }
}

/// What the report says when a question is answered below the top answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FixText {
    /// The action, phrased as an imperative.
    pub title: &'static str,
    /// One sentence on the cost of the gap, with a benchmark where one exists.
    pub why: &'static str,
    /// Something the reader can do this week.
    pub first_step: &'static str,
    /// Who says so: the source of the figure in `why`, named on the report
    /// (a VP Sales asks "says who?"). `None` only when `why` cites no figure.
    pub source: Option<&'static str>,
}

/// One audit question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    /// `"q1"` … `"q16"`; also the `data-question` attribute of fixes.
    pub id: &'static str,
    pub area: Area,
    /// Impact on the score; also multiplies the fix priority.
    pub weight: u32,
    pub prompt: &'static str,
    /// A one-line explanation of any jargon in the prompt.
    pub hint: Option<&'static str>,
    /// Answer wording, scored 0, 1, 2, 3 in this order.
    pub answers: [&'static str; 4],
    pub fix: FixText,
    /// The Stagecraft tool that helps with the fix, if any.
    pub link: Option<Tool>,
    /// How the report names this question when it is answered 3.
    pub strength: &'static str,
}

/// How many questions the audit has.
pub const COUNT: usize = 16;

/// The questions in the order they are asked.
pub const QUESTIONS: [Question; COUNT] = [
    Question {
        id: "q1",
        area: Area::Design,
        weight: 3,
        prompt: "Do your pipeline stages record what the buyer has decided, or what your reps have done?",
        hint: Some("“Budget approved” is a buyer milestone. “Proposal sent” is a rep activity."),
        answers: [
            "Our stages are rep activities, like “demo given”",
            "A mix, mostly rep activities",
            "Mostly buyer milestones",
            "Every stage is a buyer milestone",
        ],
        fix: FixText {
            title: "Rebuild your stages around buyer milestones",
            why: "Organizations with a formal sales process see 18% higher revenue growth and 13% shorter sales cycles, and buyer-based stages make the pipeline show what buyers decided rather than what reps did.",
            first_step: "List your stages and rename each one after the buyer decision it stands for, such as “Budget approved” instead of “Proposal sent”.",
            source: Some("Sales Management Association"),
        },
        link: None,
        strength: "Your stages follow buyer milestones.",
    },
    Question {
        id: "q2",
        area: Area::Design,
        weight: 3,
        prompt: "Does every stage have written exit criteria that the buyer has to meet?",
        hint: Some("An exit criterion is something the buyer does, like “security review booked”, not a rep's opinion."),
        answers: [
            "No written exit criteria",
            "Some stages, loosely worded",
            "Most stages, mostly buyer actions",
            "Every stage, each one a buyer action you can check",
        ],
        fix: FixText {
            title: "Write exit criteria the buyer has to meet",
            why: "Pipeline velocity improves 25–30% when every stage has clear entry and exit criteria; without them, deals advance on hope.",
            first_step: "For each stage, write one or two things the buyer must do to leave it, such as “pilot scope agreed” or “economic buyer identified”.",
            source: Some("Artemis GTM, “B2B Sales Process: The 7-Stage Framework”"),
        },
        link: None,
        strength: "Every stage has exit criteria the buyer has to meet.",
    },
    Question {
        id: "q3",
        area: Area::Qualification,
        weight: 3,
        prompt: "Do your reps qualify every deal with one framework that fits its size?",
        hint: Some("BANT checks budget, authority, need and timing. MEDDIC goes deeper: metrics, economic buyer, decision criteria and process, pain, champion."),
        answers: [
            "We have no shared framework",
            "We have one, but it's used unevenly",
            "One framework, used on most deals",
            "Always, matched to size: BANT under $25K, MEDDIC above $50K",
        ],
        fix: FixText {
            title: "Qualify every deal with one framework matched to its size",
            why: "Without a qualification gate, reps lose 40–60% of their time to deals that will never close.",
            first_step: "Use BANT for deals under $25K and MEDDIC above $50K, and run your next three deals through the qualification wizard.",
            source: Some("Artemis GTM, “B2B Sales Process: The 7-Stage Framework”"),
        },
        link: Some(Tool::Qualify),
        strength: "You qualify every deal with a framework that fits its size.",
    },
    Question {
        id: "q4",
        area: Area::Qualification,
        weight: 2,
        prompt: "How often do you disqualify deals early, before they eat weeks of work?",
        hint: None,
        answers: [
            "Rarely: almost every lead stays in the pipeline",
            "Now and then, usually late",
            "Often, but we don't track the rate",
            "Routinely, and we track a healthy disqualification rate",
        ],
        fix: FixText {
            title: "Disqualify early, and count it",
            why: "A healthy qualification stage turns away 50–70% of prospects; keeping them all clogs your pipeline and inflates your forecast.",
            first_step: "Add a “Disqualified” outcome with a reason to your CRM and compare last month's rate with the 50–70% benchmark.",
            source: Some("Artemis GTM, “B2B Sales Process: The 7-Stage Framework”"),
        },
        link: Some(Tool::Qualify),
        strength: "You disqualify early and track the rate.",
    },
    Question {
        id: "q5",
        area: Area::Discovery,
        weight: 3,
        prompt: "Do your reps finish discovery before they show a demo?",
        hint: None,
        answers: ["Rarely: we demo on the first call", "Sometimes", "Usually", "Always"],
        fix: FixText {
            title: "Finish discovery before any demo",
            why: "Reps who demo before discovery close 40–60% fewer deals, while reps who run thorough discovery win at 2–3× the rate.",
            first_step: "Make a completed discovery call the condition for booking a demo, and use the discovery script on your next call.",
            source: Some("Artemis GTM, “B2B Sales Process: The 7-Stage Framework”"),
        },
        link: Some(Tool::Discovery),
        strength: "Discovery always comes before the demo.",
    },
    Question {
        id: "q6",
        area: Area::Discovery,
        weight: 2,
        prompt: "By the end of discovery, how many people on the buyer's side are involved?",
        hint: None,
        answers: [
            "One contact",
            "Two people",
            "Three or more on some deals",
            "Three or more on every deal",
        ],
        fix: FixText {
            title: "Involve three or more stakeholders by the end of discovery",
            why: "90% of B2B purchases involve three or more decision makers, and a deal with one contact dies when that person leaves or goes quiet.",
            first_step: "On each open deal, ask your contact who else will weigh in, and request an introduction to at least two of them.",
            source: Some("Gartner"),
        },
        link: Some(Tool::Discovery),
        strength: "You involve three or more stakeholders by the end of discovery.",
    },
    Question {
        id: "q7",
        area: Area::Discovery,
        weight: 2,
        prompt: "Do you agree a mutual action plan with the buyer?",
        hint: Some("A mutual action plan lists the steps to signature, with owners and dates, that you and the buyer both commit to."),
        answers: [
            "Never",
            "On a few large deals",
            "On most deals",
            "On every deal, and both sides keep it current",
        ],
        fix: FixText {
            title: "Agree a mutual action plan on every deal",
            why: "One mid-market team cut its average sales cycle by 22% after it started building mutual action plans with its buyers.",
            first_step: "At the end of your next discovery call, draft the steps to signature with owners and dates, and send it to the buyer to edit.",
            source: Some("case study in “B2B Sales Process: Stages, Frameworks & Examples”"),
        },
        link: Some(Tool::Discovery),
        strength: "You agree a mutual action plan with every buyer.",
    },
    Question {
        id: "q8",
        area: Area::Execution,
        weight: 1,
        prompt: "How soon after the demo does the buyer get your proposal?",
        hint: None,
        answers: [
            "More than a week later",
            "Within a week",
            "Within three days",
            "Within 48 hours",
        ],
        fix: FixText {
            title: "Send the proposal within 48 hours of the demo",
            why: "Proposals that take a week to arrive close at a 35% lower rate, because the buyer's attention has moved on.",
            first_step: "Build a proposal template with scope, ROI and two or three pricing options so a rep can send it the day after the demo.",
            source: Some("Artemis GTM, “B2B Sales Process: The 7-Stage Framework”"),
        },
        link: None,
        strength: "Your proposals go out within 48 hours of the demo.",
    },
    Question {
        id: "q9",
        area: Area::Execution,
        weight: 1,
        prompt: "When you discount, how much do you give, and what do you get back?",
        hint: None,
        answers: [
            "Often over 20%, with nothing asked in return",
            "Usually under 20%, given away freely",
            "Under 20%, and usually traded for something",
            "Under 20%, and always traded for a commitment",
        ],
        fix: FixText {
            title: "Keep discounts under 20% and trade every one",
            why: "Typical discounts run 10–20%; going past 20% usually means discovery never established the value.",
            first_step: "Set one rule: every concession needs a buyer commitment in return, such as a signing date, a longer term or a case study.",
            source: Some("Artemis GTM, “B2B Sales Process: The 7-Stage Framework”"),
        },
        link: None,
        strength: "Your discounts stay under 20% and each one buys a commitment.",
    },
    Question {
        id: "q10",
        area: Area::Execution,
        weight: 2,
        prompt: "When do legal, security and procurement reviews start?",
        hint: None,
        answers: [
            "After the buyer says yes",
            "During negotiation",
            "Usually during validation",
            "Always during validation, planned with the buyer",
        ],
        fix: FixText {
            title: "Start legal, security and procurement reviews during validation",
            why: "Contract turnaround alone takes 7–14 days in mid-market deals, and a review that starts at the end is the most common way a ready deal slips a quarter.",
            first_step: "On your next deal in validation, ask who signs off on security, legal and purchasing, and send their questionnaires now.",
            source: Some("Artemis GTM, “B2B Sales Process: The 7-Stage Framework”"),
        },
        link: None,
        strength: "Legal, security and procurement start during validation.",
    },
    Question {
        id: "q11",
        area: Area::Measurement,
        weight: 3,
        prompt: "Do you track the conversion rate and time in stage for every stage?",
        hint: None,
        answers: [
            "No",
            "Only the overall win rate",
            "For some stages",
            "For every stage, and we review them",
        ],
        fix: FixText {
            title: "Track conversion and time in every stage",
            why: "A benchmark such as 60–75% of deals moving on from discovery only helps if you know your own figure, and your weakest stage is your biggest revenue opportunity.",
            first_step: "Enter last quarter's deal counts and days per stage in the benchmark calculator to find your bottleneck.",
            source: Some("Artemis GTM, “B2B Sales Process: The 7-Stage Framework”"),
        },
        link: Some(Tool::Benchmarks),
        strength: "You track conversion and time in every stage.",
    },
    Question {
        id: "q12",
        area: Area::Measurement,
        weight: 2,
        prompt: "When you lose a deal, do you record why?",
        hint: None,
        answers: ["Rarely", "Sometimes", "On most lost deals", "On every lost deal"],
        fix: FixText {
            title: "Record a loss reason on every lost deal",
            why: "Loss reasons belong on 100% of lost deals; without them you can't see which stage or objection keeps costing you.",
            first_step: "Make a loss-reason picklist mandatory when a deal is marked lost, and review the reasons every month.",
            source: Some("Artemis GTM, “B2B Sales Process: The 7-Stage Framework”"),
        },
        link: None,
        strength: "Every lost deal has a recorded reason.",
    },
    Question {
        id: "q13",
        area: Area::Measurement,
        weight: 2,
        prompt: "How close does your forecast come to what actually closes?",
        hint: None,
        answers: [
            "We don't forecast, or it's a guess",
            "Off by more than 25%",
            "Within 10–25%",
            "Within 10%",
        ],
        fix: FixText {
            title: "Bring your forecast within 10% of actuals",
            why: "A well-defined process makes forecasts accurate to within 10%; bigger misses mean your stage data can't be trusted.",
            first_step: "Compare last quarter's forecast with what closed, then use the benchmark calculator to see which stage you overestimate.",
            source: Some("Artemis GTM, “B2B Sales Process: The 7-Stage Framework”"),
        },
        link: Some(Tool::Benchmarks),
        strength: "Your forecast lands within 10% of actuals.",
    },
    Question {
        id: "q14",
        area: Area::Measurement,
        weight: 2,
        prompt: "Where does deal context live: stakeholders, decision criteria, next steps?",
        hint: None,
        answers: [
            "In reps' heads, notes or chat",
            "Partly in CRM notes",
            "Mostly in structured CRM fields",
            "Always in structured CRM fields",
        ],
        fix: FixText {
            title: "Keep deal context in structured CRM fields",
            why: "When stakeholders and decision criteria sit in notes and chat threads, handoffs, coaching and forecasts all suffer.",
            first_step: "Add required fields for economic buyer, decision criteria and next step, and fill them in on your five largest open deals.",
            source: None,
        },
        link: None,
        strength: "Deal context lives in structured CRM fields.",
    },
    Question {
        id: "q15",
        area: Area::Postsale,
        weight: 2,
        prompt: "How does a new customer pass from sales to customer success?",
        hint: None,
        answers: [
            "Informally, with little context",
            "With a short handoff note",
            "A structured handoff, but kickoff timing varies",
            "A structured handoff with full context, and kickoff within 7 days",
        ],
        fix: FixText {
            title: "Hand off with full context and kick off within 7 days",
            why: "Customers closed without a structured handoff churn at 2–3× the rate.",
            first_step: "Write a one-page handoff template (use cases, success criteria, stakeholder map, deal history) and book the kickoff before the contract is signed.",
            source: Some("Artemis GTM, “B2B Sales Process: The 7-Stage Framework”"),
        },
        link: None,
        strength: "Your handoff to customer success is structured and fast.",
    },
    Question {
        id: "q16",
        area: Area::Postsale,
        weight: 1,
        prompt: "After go-live, do you track time to first value and plan for expansion?",
        hint: None,
        answers: [
            "No",
            "We check in informally",
            "We do some of it: first value, reviews or expansion",
            "Yes: first value tracked, a business review within 90 days, expansion plays",
        ],
        fix: FixText {
            title: "Track time to first value and plan for expansion",
            why: "70–80% of lifetime revenue in B2B SaaS arrives after the first close, through renewals, upsells and cross-sells.",
            first_step: "Define first value for each new customer, aim to reach it in 14–30 days, and book the first business review within 90 days of go-live.",
            source: Some("Gainsight, cited in Artemis GTM, “B2B Sales Process: The 7-Stage Framework”"),
        },
        link: None,
        strength: "You track first value and plan expansion after go-live.",
    },
];

// Pure tests run natively (`cargo test`); the wasm tier runs tests/web_*.rs.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn ids_areas_and_weights_match_the_spec() {
        let expected: [(&str, Area, u32); COUNT] = [
            ("q1", Area::Design, 3),
            ("q2", Area::Design, 3),
            ("q3", Area::Qualification, 3),
            ("q4", Area::Qualification, 2),
            ("q5", Area::Discovery, 3),
            ("q6", Area::Discovery, 2),
            ("q7", Area::Discovery, 2),
            ("q8", Area::Execution, 1),
            ("q9", Area::Execution, 1),
            ("q10", Area::Execution, 2),
            ("q11", Area::Measurement, 3),
            ("q12", Area::Measurement, 2),
            ("q13", Area::Measurement, 2),
            ("q14", Area::Measurement, 2),
            ("q15", Area::Postsale, 2),
            ("q16", Area::Postsale, 1),
        ];
        for (q, (id, area, weight)) in QUESTIONS.iter().zip(expected) {
            assert_eq!((q.id, q.area, q.weight), (id, area, weight));
        }
    }

    #[test]
    fn links_point_to_the_tool_that_helps() {
        for q in &QUESTIONS {
            let expected = match q.id {
                "q3" | "q4" => Some(Tool::Qualify),
                "q5" | "q6" | "q7" => Some(Tool::Discovery),
                "q11" | "q13" => Some(Tool::Benchmarks),
                _ => None,
            };
            assert_eq!(q.link, expected, "{}", q.id);
        }
    }

    #[test]
    fn every_text_is_filled_in_and_answers_are_distinct() {
        for q in &QUESTIONS {
            assert!(q.prompt.ends_with('?'), "{}", q.id);
            for a in q.answers {
                assert!(!a.trim().is_empty(), "{}", q.id);
            }
            let mut a = q.answers.to_vec();
            a.sort();
            a.dedup();
            assert_eq!(a.len(), 4, "{}", q.id);
            assert!(!q.fix.title.is_empty() && !q.strength.is_empty());
            assert!(
                q.fix.why.ends_with('.') && q.fix.first_step.ends_with('.'),
                "{}",
                q.id
            );
        }
    }
}
