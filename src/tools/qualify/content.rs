//! The words of the qualify tool: what each criterion means, what to ask,
//! what evidence counts, and what to do when it is missing.
//!
//! Kept apart from the logic in `model.rs` so copy edits never touch
//! scoring code. Every sentence here is our own; only the figures (25,000,
//! 90 days, three stakeholders) come from the research seeds.

/// The fixed text of one criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CriterionText {
    /// What the criterion means, in one or two sentences.
    pub meaning: &'static str,
    /// Two to four questions the rep can ask on a call.
    pub questions: &'static [&'static str],
    /// The exit evidence, phrased as something the customer does.
    pub evidence: &'static str,
    /// Next action when the rep marked the criterion a red flag.
    pub act_red_flag: &'static str,
    /// Next action when nothing is known yet.
    pub act_unknown: &'static str,
    /// Next action when it is only partly confirmed.
    pub act_partially: &'static str,
}

pub const BUDGET: CriterionText = CriterionText {
    meaning: "Money is set aside for this, or the cost of doing nothing is clearly bigger than your price.",
    questions: &[
        "How do you pay for projects like this today?",
        "Is there money planned for this year, and who controls it?",
        "What does this problem cost you for every month it stays unsolved?",
    ],
    evidence: "The buyer names the budget line and its owner, or agrees that the cost of inaction is higher than your price.",
    act_red_flag: "Work out the cost of doing nothing with your contact. If it still doesn't justify your price, park the deal.",
    act_unknown: "Ask who owns the budget and whether money is set aside for this year.",
    act_partially: "Get the budget owner to confirm the amount and when it becomes available.",
};

pub const AUTHORITY: CriterionText = CriterionText {
    meaning: "You know who signs, and how they make up their mind.",
    questions: &[
        "Besides you, who has to say yes?",
        "Who signed off the last purchase of this size?",
        "What would make that person say no?",
    ],
    evidence: "Your contact names the person who signs and agrees to bring them into a meeting.",
    act_red_flag: "Find out why the decision maker is out of reach. Ask your contact for a way in, or stop investing.",
    act_unknown: "Ask your contact who approves a purchase this size, and who approved the last one.",
    act_partially: "Ask your contact to bring the decision maker to your next call.",
};

pub const NEED: CriterionText = CriterionText {
    meaning: "A real problem with a business cost, described in the buyer's own words.",
    questions: &[
        "What breaks today, and how often?",
        "What does it cost you in time, money or risk?",
        "What happens if nothing changes this year?",
    ],
    evidence: "The buyer describes the problem and puts a business impact on it, in their own words.",
    act_red_flag: "The buyer doesn't see a problem worth fixing yet. Go back to discovery before you pitch anything.",
    act_unknown: "Book a discovery call about what breaks today and what it costs.",
    act_partially: "Ask the buyer to put a number on the problem: hours, money or risk each month.",
};

pub const TIMELINE: CriterionText = CriterionText {
    meaning: "A decision date the buyer owns, driven by an event on their side.",
    questions: &[
        "By when do you need this working, and why then?",
        "What happens if that date slips?",
        "Which steps sit between today and a signature?",
    ],
    evidence: "The buyer commits to a decision date within 90 days and names the event that forces it.",
    act_red_flag: "Ask what would make this a priority. With no forcing event, move the deal out of this quarter.",
    act_unknown: "Ask by when they need it solved, and what happens if that date slips.",
    act_partially: "Tie the date to a real event on the buyer's side and confirm it with them in writing.",
};

pub const METRICS: CriterionText = CriterionText {
    meaning: "The measurable result the buyer expects, with today's starting point.",
    questions: &[
        "Which number will tell you this worked?",
        "Where does that number stand today?",
        "What target would make this a clear win for your boss?",
    ],
    evidence: "The buyer agrees a baseline and a target for the number that defines success, and confirms them in writing.",
    act_red_flag: "The buyer can't name a result that matters. Rebuild the business case before you go further.",
    act_unknown: "Ask which number will prove success, and where it stands today.",
    act_partially: "Agree the baseline and the target with the buyer, then send them in writing.",
};

pub const ECONOMIC_BUYER: CriterionText = CriterionText {
    meaning: "The person who can release the money, and can say yes when others say no.",
    questions: &[
        "Whose budget does this come out of?",
        "Who can approve this even if it isn't in the plan?",
        "What does that person care most about this year?",
    ],
    evidence: "The economic buyer meets you, or confirms the priority in writing through your champion.",
    act_red_flag: "Your way to the economic buyer is blocked. Ask your champion for a meeting, or decide whether to walk away.",
    act_unknown: "Ask your champion to introduce the economic buyer.",
    act_partially: "Get a direct meeting with the economic buyer to confirm the priority and the budget.",
};

pub const DECISION_CRITERIA: CriterionText = CriterionText {
    meaning: "The checklist the buyer will use to compare the options.",
    questions: &[
        "How will you compare the options?",
        "What is a must-have, and what is a nice-to-have?",
        "Who wrote the requirements, and can we see them?",
    ],
    evidence: "The buyer shares their written requirements or scoring sheet, and lets you comment on it.",
    act_red_flag: "The criteria favour another option. Find out who wrote them and reshape them with your champion.",
    act_unknown: "Ask how they will compare the options and what counts as a must-have.",
    act_partially: "Ask for the written requirements and propose the criteria you meet best.",
};

pub const DECISION_PROCESS: CriterionText = CriterionText {
    meaning: "The steps, people and dates between today and a signed deal.",
    questions: &[
        "What happens after you pick a vendor?",
        "Who has to review this: security, legal, finance?",
        "How did your last purchase like this go, step by step?",
    ],
    evidence: "The buyer walks you through each approval step with names and dates, and agrees to a mutual action plan.",
    act_red_flag: "Nobody owns the process, or it keeps changing. Pin it down with your champion before you invest more.",
    act_unknown: "Ask your contact to walk you through every approval step, from choosing a vendor to signing.",
    act_partially: "Turn the steps you know into a mutual action plan with names and dates, and share it.",
};

pub const PAPER_PROCESS: CriterionText = CriterionText {
    meaning: "How a contract gets from draft to signature: legal, procurement and security reviews.",
    questions: &[
        "Who reviews contracts, and how long does that usually take?",
        "Will you need a security review or a data-processing addendum?",
        "Is there a procurement or vendor-onboarding step?",
    ],
    evidence: "The buyer names who reviews the contract and puts the legal and security reviews on the plan with dates.",
    act_red_flag: "Legal or procurement could stall the signature. Bring them in now, not at the end.",
    act_unknown: "Ask who reviews contracts and whether security or data-protection paperwork is needed.",
    act_partially: "Put the legal and security reviews on the mutual action plan, each with a date.",
};

pub const IDENTIFY_PAIN: CriterionText = CriterionText {
    meaning: "The business problem behind the project, and what it costs the buyer.",
    questions: &[
        "What made you look at this now?",
        "What does the problem cost you every month?",
        "Who else feels this problem?",
    ],
    evidence: "The buyer states the pain and its cost in their own words, and someone senior agrees it must be fixed.",
    act_red_flag: "There is no pain worth paying for yet. Go back to discovery, or move on.",
    act_unknown: "Ask what made them look now, and what the problem costs each month.",
    act_partially: "Put a number on the pain with the buyer, and get someone senior to agree it matters.",
};

pub const CHAMPION: CriterionText = CriterionText {
    meaning: "Someone inside with influence who wants you to win and sells for you when you're not in the room.",
    questions: &[
        "What do you personally gain if this goes ahead?",
        "How would you present this to your leadership?",
        "Could you get us time with the person who owns the budget?",
    ],
    evidence: "Your champion acts for you: shares inside information, sets up a meeting, or presents your case internally.",
    act_red_flag: "Your contact has no sway or is working against you. Find another champion now.",
    act_unknown: "Test your contact: ask them to set up a meeting with a senior stakeholder.",
    act_partially: "Give your champion a short internal pitch to forward, and ask them to take it to the economic buyer.",
};

pub const COMPETITION: CriterionText = CriterionText {
    meaning: "Who or what else you're up against, including building it in-house or doing nothing.",
    questions: &[
        "What else are you considering, including doing it yourselves?",
        "What would make you keep things as they are?",
        "What do you like about the other options?",
    ],
    evidence: "The buyer names the alternatives they are weighing and tells you where you stand against them.",
    act_red_flag: "Another option is ahead. Find out why, then change the criteria or step back.",
    act_unknown: "Ask what else they're considering, including doing nothing.",
    act_partially: "Ask where you rank against the alternatives and what would move you up.",
};
